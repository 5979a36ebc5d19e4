"""The core (centre_ressources/) does not need MkDocs: importing every one of its modules, in
a fresh interpreter, leaves `mkdocs` out of sys.modules. Only hooks/ and centre_ressources_mkdocs/
speak to MkDocs."""

from __future__ import annotations

import json
import subprocess
import sys

from support.project import PROJECT

IMPORT_EVERY_MODULE = """
import importlib, json, pkgutil, sys
import centre_ressources
names = sorted(m.name for m in pkgutil.walk_packages(centre_ressources.__path__, "centre_ressources.")
               if m.name.rsplit(".", 1)[-1] != "__main__")  # __main__ would run the command
for name in names:
    importlib.import_module(name)
print(json.dumps({"modules": names, "mkdocs": sorted(m for m in sys.modules if m.split(".")[0] == "mkdocs")}))
"""


def test_importing_every_module_of_the_core_does_not_import_mkdocs():
    result = subprocess.run([sys.executable, "-c", IMPORT_EVERY_MODULE], cwd=PROJECT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert {"centre_ressources.pipeline", "centre_ressources.content.frontmatter",
            "centre_ressources.render.pages", "centre_ressources.cli.main"} <= set(found["modules"])
    assert found["mkdocs"] == [], f"le cœur importe MkDocs : {found['mkdocs']}"
