"""The files a visitor can download: a PDF of each sheet, a PDF kit per phase, the offline pack.

They are produced after a first build of the site (printing its pages needs the HTML), into a
folder laid out as `telechargements/` on the site. A build told about that folder publishes
its files and links to them; a build that is not (a plain `mkdocs build`) shows no download
link at all, so that no link ever points to a file that was not made.

`centre-ressources build --pdf --hors-ligne` names the folder to the MkDocs build in the
environment variable below (MkDocs runs in a child process).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from centre_ressources import urls

DOWNLOADS_VARIABLE = "CENTRE_RESSOURCES_TELECHARGEMENTS"


@dataclass(frozen=True)
class Download:
    src_uri: str  # where the file is published, e.g. telechargements/fiche-x.pdf
    path: str  # absolute path of the file to copy
    size: int  # bytes


@dataclass(frozen=True)
class Downloads:
    files: dict[str, Download] = field(default_factory=dict)  # src_uri -> file
    in_pack: bool = False  # this build is the offline pack (which does not hold itself)

    def get(self, src_uri: str) -> Download | None:
        return self.files.get(src_uri)

    def __bool__(self) -> bool:
        return bool(self.files)


NONE = Downloads()


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


def format_size(size: int) -> str:
    """A file size as a French reader expects it: `840 ko`, `2,4 Mo`."""
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} ko"
    return f"{size / 1000 / 1000:.1f} Mo".replace(".", ",")
