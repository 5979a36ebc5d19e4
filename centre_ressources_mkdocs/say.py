"""The preview's lines in the terminal, each with its time."""

from __future__ import annotations

import sys
import time


def say(message: str, error: bool = False) -> None:
    print(time.strftime("[%H:%M:%S] ") + message, file=sys.stderr if error else sys.stdout, flush=True)
