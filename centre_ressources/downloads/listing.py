"""The files a visitor can download: a PDF of each sheet, a PDF kit per phase, the offline pack.

They are made after a first build (printing needs the HTML), into a folder laid out as
`telechargements/`. A build told about that folder (an environment variable, since MkDocs runs
in a child process) publishes and links them; any other build shows no download link, so that
no link points to a file that was not made."""

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
