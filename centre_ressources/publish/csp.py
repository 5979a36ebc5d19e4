"""The Content-Security-Policy of the published pages, written into each page as a <meta>.

A static host cannot be relied on to send headers, so the policy travels with the page: only the
site's own files, and each inline script or style Material writes allowed by the SHA-256 hash of
its exact text, so nothing needs 'unsafe-inline'. Pure functions over HTML text.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# Directive -> sources, before the hashes of the page's inline scripts and styles are added.
BASE_POLICY: dict[str, tuple[str, ...]] = {
    "default-src": ("'self'",),
    # The theme's bundle and the search (Pagefind), from the site. Pagefind's search runs in
    # WebAssembly, which a policy must allow by name: 'wasm-unsafe-eval' lets the page compile
    # WebAssembly modules, and nothing else ('unsafe-eval', which would allow eval() and
    # new Function() in scripts, stays out).
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    "style-src": ("'self'",),
    "img-src": ("'self'", "data:"),  # Material draws its icons as SVG data URIs in its CSS
    "font-src": ("'self'",),
    "connect-src": ("'self'",),  # the parts of the search index a query needs
    "worker-src": ("'self'",),  # the offline pack's search runs in a web worker
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}
# `frame-ancestors` and `report-uri` are ignored in a <meta> policy: they are left out.

# The text of a script: up to the first closing tag, as `(.*?)</script\s*>` finds it, but read
# a run of characters other than « < » at a time rather than trying the closing tag after each
# character (this pass runs over every page: benchmarks/LISEZMOI.md).
_SCRIPT = re.compile(r"<script\b([^>]*)>([^<]*(?:<(?!/script\s*>)[^<]*)*)</script\s*>", re.S | re.I)
_STYLE = re.compile(r"<style\b([^>]*)>(.*?)</style\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
_EXISTING = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', re.I)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)


def source_hash(text: str) -> str:
    """The CSP source that allows one inline script or style with exactly this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script the browser would run (data blocks such as
    `type="application/json"` are not run, so they need no hash)."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attributes, text = match.groups()
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind and kind.group(1).lower() not in _JS_TYPES):
            continue
        scripts.append(text)
    return scripts


def inline_styles(html: str) -> list[str]:
    return [match.group(2) for match in _STYLE.finditer(html)]


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))


# A style sheet that the theme's own script writes into a <style> element (Zensical's search
# box, in a shadow root): `C("style",{},X.toString())` over a literal `var X='…'` of the bundle.
_BUNDLE_STYLE_USE = re.compile(r'\("style",\{\},(\w+)\.toString\(\)\)')
_BUNDLE = "assets/javascripts/bundle.*.min.js"


def bundle_styles(site_dir: Path) -> list[str]:
    """The text of each style sheet the theme's script inserts at run time; like an inline
    style, each needs its hash in the policy. A literal with escapes is left out (its text at
    run time is not the bytes of the file): the browser tests would report it."""
    styles = []
    for bundle in sorted(site_dir.glob(_BUNDLE)):
        code = bundle.read_text(encoding="utf-8")
        for name in _BUNDLE_STYLE_USE.findall(code):
            literal = re.search(rf"\b(?:var|let|const) {re.escape(name)}='([^'\\]*)'", code)
            if literal:
                styles.append(literal.group(1))
    return styles


def policy_for(html: str, scripted_styles: tuple[str, ...] | list[str] = ()) -> str:
    """The policy of one page: the base policy plus the hashes of its inline code, and of the
    styles the theme's script inserts (`bundle_styles`)."""
    directives = {name: list(sources) for name, sources in BASE_POLICY.items()}
    directives["script-src"] += _unique(source_hash(s) for s in inline_scripts(html))
    directives["style-src"] += _unique(source_hash(s) for s in [*inline_styles(html), *scripted_styles])
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def with_policy(html: str, scripted_styles: tuple[str, ...] | list[str] = ()) -> str:
    """The page with its policy as the first element after the character set declaration,
    before any script (a <meta> policy only governs what follows it)."""
    html = _EXISTING.sub("", html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html, scripted_styles)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    position = anchor.end() if anchor else 0  # a fragment without <head>: at its start
    return html[:position] + "\n    " + meta + html[position:]
