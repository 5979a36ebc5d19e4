"""The MkDocs internals the preview leans on (centre_ressources_mkdocs/internals.py) are still
there, with the parameters it passes: an MkDocs upgrade that removes or changes one fails here,
by its name, rather than in the middle of a preview. And the adapter uses no other private name
of MkDocs than those listed."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import mkdocs
import pytest
from mkdocs.config import load_config

import centre_ressources_mkdocs
from centre_ressources_mkdocs.internals import INTERNALS, Internal, LiveReloadServer
from centre_ressources_mkdocs.preview import CONTENT_HOOK
from support.project import PROJECT

ADAPTER = Path(centre_ressources_mkdocs.__file__).parent


def _instance(owner: type) -> object:
    if owner is LiveReloadServer:  # not bound to its address until served
        return LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=".")
    return owner()


def _found(internal: Internal) -> object:
    owner = importlib.import_module(internal.owner) if isinstance(internal.owner, str) else internal.owner
    holder = _instance(owner) if internal.on_instance and isinstance(owner, type) else owner
    if not hasattr(holder, internal.name):
        pytest.fail(f"MkDocs {mkdocs.__version__} n'a plus {internal.where} ({internal.why or 'aperçu'}) : "
                    "revoir centre_ressources_mkdocs/internals.py avant de monter de version")
    return getattr(holder, internal.name)


@pytest.mark.parametrize("internal", INTERNALS, ids=lambda internal: internal.where)
def test_each_mkdocs_internal_the_preview_uses_is_still_there(internal: Internal):
    found = _found(internal)
    if internal.parameters is None:
        return
    assert callable(found), f"{internal.where} n'est plus appelable"
    parameters = list(inspect.signature(found).parameters.values())
    names = tuple(p.name for p in parameters[:len(internal.parameters)])
    assert names == internal.parameters, (
        f"MkDocs {mkdocs.__version__} : {internal.where} prend maintenant {names}, l'aperçu lui passe "
        f"{internal.parameters}")
    required = [p.name for p in parameters[len(internal.parameters):]
                if p.default is p.empty and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    assert not required, f"MkDocs {mkdocs.__version__} : {internal.where} demande aussi {required}"


def test_the_hooks_are_kept_by_their_name_in_mkdocs_yml():
    config = load_config(str(PROJECT / "mkdocs.yml"))
    assert hasattr(config.hooks, "get"), f"config.hooks n'est plus un dictionnaire : {type(config.hooks)}"
    assert hasattr(config.hooks.get(CONTENT_HOOK), "build"), f"{CONTENT_HOOK} introuvable dans config.hooks"


def _private_names_of_mkdocs(path: Path) -> set[str]:
    """The private names the module imports from mkdocs, and the private attributes it reads."""
    tree = ast.parse(path.read_text("utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
             and (node.module or "").split(".")[0] == "mkdocs" for alias in node.names}
    names |= {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    return {name for name in names if name.startswith("_") and not name.startswith("__")}


def test_the_adapter_uses_no_private_name_left_out_of_the_list():
    listed = {internal.name for internal in INTERNALS}
    own = {"_on_change", "_banner", "_changed", "_load", "_add_and_remove", "_carry_out", "_render"}
    for path in sorted(ADAPTER.glob("*.py")):
        unlisted = _private_names_of_mkdocs(path) - listed - own
        assert not unlisted, f"{path.name} utilise {sorted(unlisted)}, absents de internals.py"
