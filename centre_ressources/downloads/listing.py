"""The files a visitor can download: a PDF of each sheet, a PDF kit per phase, the offline pack.

They are produced after a first build of the site (printing its pages needs the HTML), into a
folder laid out as `telechargements/` on the site. A build told about that folder publishes
its files and links to them; a build that is not (a plain `mkdocs build`) shows no download
link at all, so that no link ever points to a file that was not made.

`centre-ressources build --pdf --hors-ligne` names the folder to the MkDocs build in the
environment variable below (MkDocs runs in a child process).
"""

from __future__ import annotations

from pathlib import Path

from centre_ressources import urls
from centre_ressources.render.inputs import Download, Downloads

DOWNLOADS_VARIABLE = "CENTRE_RESSOURCES_TELECHARGEMENTS"


def find_downloads(folder: Path | str | None, in_pack: bool = False) -> Downloads:
    """The files present in a downloads folder (its layout is that of `telechargements/`);
    `in_pack`: the build is the offline pack."""
    if not folder:
        return Downloads(in_pack=in_pack)
    folder = Path(folder).resolve()
    if not folder.is_dir():
        return Downloads(in_pack=in_pack)
    files = {}
    for path in sorted(p for p in folder.iterdir() if p.is_file()):
        src_uri = f"{urls.DOWNLOADS_DIR}/{path.name}"
        files[src_uri] = Download(src_uri, str(path), path.stat().st_size)
    return Downloads(files, in_pack)
