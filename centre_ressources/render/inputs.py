"""What render is handed by the stages above it, which it does not import: the files a visitor
can download (found by downloads/listing.py) and the facts of the open-data page
(publish/open_data.py), both gathered by pipeline.py."""

from __future__ import annotations

from dataclasses import dataclass, field


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


NO_DOWNLOADS = Downloads()
