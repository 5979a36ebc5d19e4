"""The offline pack: the whole centre in a zip, to open from the file system without a connection.

A second build with Material's offline plugin on (addresses end in `.html`, the search index is
inlined). The helpers here do what the plugin leaves: canonical links to the online address,
raw-HTML links pointed to the pack's files, the iframe-worker shim loaded from the pack rather
than unpkg.com, and a script-src allowing the pack's inline scripts (the shim's depends on where
the pack is unzipped, so no hash can allow it; contributed text is sanitised as online).
"""

from __future__ import annotations

import os
import posixpath
import re
import time
import zipfile
from pathlib import Path

OFFLINE_VARIABLE = "CENTRE_RESSOURCES_HORS_LIGNE"  # "true": build the offline pack (mkdocs.yml)
SHIM_PACKAGE_DIR = Path("offline")  # npm project holding iframe-worker, in the project root
SHIM_SOURCE = SHIM_PACKAGE_DIR / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_URI = "assets/javascripts/iframe-worker.js"  # where the pack serves it
PACK_FOLDER = "centre-de-ressources"  # the folder the zip unpacks to

_POLICY = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")', re.I)
_SCRIPT_SRC = re.compile(r"(^|;\s*)script-src [^;]*")


def shim_source(root: Path) -> Path:
    return root / SHIM_SOURCE


def policy_for_file_urls(html: str) -> str:
    """The page with its Content-Security-Policy (if any) letting inline scripts run."""
    def relax(match: re.Match) -> str:
        policy = _SCRIPT_SRC.sub(lambda m: f"{m.group(1)}script-src 'self' 'unsafe-inline'", match.group(2))
        return match.group(1) + policy + match.group(3)

    return _POLICY.sub(relax, html, count=1)


_LINK = re.compile(r'(<(?:a|img)\b[^>]*?\b(?:href|src)=")([^"#?]+)((?:[?#][^"]*)?")', re.I)


def file_links(html: str, page: str, site_files: set[str]) -> str:
    """The page with its relative links mended for the pack's files: a link to a folder
    (`fiches/x/`, written for the online site) points to its file (`fiches/x.html`), and a link
    to a file (`../telechargements/x.pdf`, an image) that is not where the link says, from the
    page's file, is written from there.

    `page` and `site_files` are paths relative to the pack's root. A file:// link to a folder
    shows a directory listing at best, so this only mends what would not work anyway.

    Such a link may be relative to the page's file (MkDocs' `url` filter in a theme template)
    or to the page's online address, one folder deeper for `x/y.html` (served at `x/y/`), as
    the core writes its HTML links: the file's folder is tried first, then the address's."""
    base = posixpath.dirname(page)
    online_base = base if posixpath.basename(page) == "index.html" else page.removesuffix(".html")

    def mend(match: re.Match) -> str:
        start, href, rest = match.groups()
        if "//" in href or href.startswith("/") or ":" in href:
            return match.group(0)  # another host, the root of a server, a scheme
        for origin in (base, online_base):
            target = posixpath.normpath(posixpath.join(origin, href))
            candidates = (f"{target}.html", posixpath.join(target, "index.html")) if href.endswith("/") else (target,)
            for candidate in candidates:
                candidate = posixpath.normpath(candidate)
                if candidate in site_files:
                    return start + posixpath.relpath(candidate, base or ".") + rest
        return match.group(0)

    return _LINK.sub(mend, html)


_CANONICAL = re.compile(r'(<link rel="canonical" href=")([^"]+)(")')


def online_canonical(html: str) -> str:
    """The page with its canonical link giving its online address (`…/fiches/x/`), not the
    pack's file name (`…/fiches/x.html`, what MkDocs writes without directory URLs): the
    permanent address of a page, or of a step copied from it, is the online one."""
    def online(match: re.Match) -> str:
        href = match.group(2)
        if href.endswith("/index.html"):
            href = href.removesuffix("index.html")
        elif href.endswith(".html") and "://" in href:
            href = href.removesuffix(".html") + "/"
        return match.group(1) + href + match.group(3)

    return _CANONICAL.sub(online, html, count=1)


def pack_written_site(site_dir: Path) -> None:
    """Turn a built site into the offline pack, in place (after every other writer)."""
    # Opened from the file system, the pack has no server to show a "page not found" page;
    # Material's, which links from the site's root (/), would only be a page of dead links.
    (site_dir / "404.html").unlink(missing_ok=True)
    site_files = {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()}
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        packed = online_canonical(policy_for_file_urls(html))
        packed = file_links(packed, path.relative_to(site_dir).as_posix(), site_files)
        if packed != html:
            path.write_text(packed, encoding="utf-8")


def _zip_time() -> tuple[int, int, int, int, int, int]:
    """The date written into the zip: the commit's (SOURCE_DATE_EPOCH) for a reproducible pack."""
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    return time.gmtime(max(epoch, 315532800))[:6]  # zip dates start in 1980


def zip_site(site_dir: Path, output: Path) -> Path:
    """Zip a built site under one top folder, files in a stable order."""
    output.parent.mkdir(parents=True, exist_ok=True)
    stamp = _zip_time()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            name = f"{PACK_FOLDER}/{path.relative_to(site_dir).as_posix()}"
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return output
