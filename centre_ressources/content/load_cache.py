"""Content files already read, by content: the preview reads again only the files that changed.

A file is known by its path, a hash of its bytes, the rules it is judged by and, for a case
study, the files beside it (their checks depend on them); reading it again would give the same
record and errors, since reading depends on nothing else. One version is kept per file: the
last one read. `LoadCache` is a `FileReader` (content/reading.py).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from centre_ressources.content.reading import FileRead, FileRules, MakeRecord, read_file


def _signature(path: Path) -> tuple[bytes, tuple[tuple[str, int, int], ...]]:
    digest = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    pictures: tuple[tuple[str, int, int], ...] = ()
    if path.name == "index.md":  # a case study: the files beside it (pictures) are checked with it
        with os.scandir(path.parent) as entries:
            pictures = tuple(sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in entries
                                    if e.name != "index.md"))
    return digest, pictures


class LoadCache:
    def __init__(self) -> None:
        self._files: dict[Path, tuple[tuple[str, FileRules, tuple[bytes, tuple]], FileRead]] = {}
        self.read_again: list[str] = []  # the files read (not taken from the cache) by the last pass

    def start_pass(self) -> None:
        self.read_again = []

    def read(self, root: Path, path: Path, kind: str, make: MakeRecord, rules: FileRules) -> FileRead:
        """`read_file`, or what it gave for the same content."""
        try:
            signature = (kind, rules, _signature(path))
        except OSError:  # unreadable: read_file says why, in French
            return read_file(root, path, kind, make, rules)
        known = self._files.get(path)
        if known is not None and known[0] == signature:
            return known[1]
        found = read_file(root, path, kind, make, rules)
        self._files[path] = (signature, found)
        self.read_again.append(path.relative_to(root).as_posix())
        return found
