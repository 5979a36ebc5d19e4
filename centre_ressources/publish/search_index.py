"""The published site's search index: Pagefind, run over the written HTML.

Pagefind splits the index into small files, so that a browser loads only what a query needs,
and nothing before the first search. What it indexes is marked by docs/overrides/main.html;
French stemming is forced here for pages without `lang`. It runs last (publish/finish.py) and
only reads the pages; the binary ships in the `pagefind[bin]` wheel, so nothing is downloaded.
"""

from __future__ import annotations

import gzip
import hashlib
import shutil
import subprocess
from pathlib import Path
from typing import Any

BUNDLE_DIR = "pagefind"  # where the index and its library are written, in the site
# Never indexed: what Material's search already left out (data-search-exclude), and the
# "¶" permalink of each heading.
EXCLUDED = ("[data-search-exclude]", ".headerlink")
LANGUAGE = "fr"


SIGNATURE = b"pagefind_dcd"  # the start of each of Pagefind's files, once unzipped


class SearchIndexError(RuntimeError):
    """The index could not be written; the message is in French, for the person building."""


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        get_executable = None
    if get_executable is not None:
        try:
            return Path(get_executable())
        except FileNotFoundError:
            pass
    found = shutil.which("pagefind")
    if found:
        return Path(found)
    raise SearchIndexError(
        "Pagefind est introuvable : la recherche du site en a besoin. Installez les dépendances "
        "du projet (« .venv/bin/python -m pip install -e . », qui installe pagefind[bin])."
    )


def index_site(site_dir: Path, executable: Path | None = None) -> Path:
    """Write the search index of a built site into `site_dir/pagefind/`; return that folder."""
    bundle = site_dir / BUNDLE_DIR
    shutil.rmtree(bundle, ignore_errors=True)  # nothing left from a previous build
    command = [str(executable or pagefind_executable()), "--site", str(site_dir),
               "--output-subdir", BUNDLE_DIR, "--force-language", LANGUAGE, "--quiet"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
        details = (result.stderr or result.stdout).strip()
        raise SearchIndexError(f"L'index de recherche n'a pas pu être écrit (Pagefind) : {details}")
    reproducible_filters(bundle)
    return bundle


# Pagefind (1.5) writes the values of each filter in the order of a Rust hash map, which
# changes from one run to the next: the filter files, and the names of the files that name
# them, would differ between two builds of the same sources. The values are sorted here, and
# the files renamed after their new content, all the way up to pagefind-entry.json. The
# files are CBOR behind a signature, gzipped: the small codec below reads what Pagefind writes.


def _cbor_head(data: bytes, at: int) -> tuple[int, int, int]:
    major, info = data[at] >> 5, data[at] & 31
    if info < 24:
        return major, info, at + 1
    size = 1 << (info - 24)  # 24: one byte, 25: two, 26: four, 27: eight
    return major, int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size


def _cbor_decode(data: bytes, at: int = 0) -> tuple[Any, int]:
    major, value, at = _cbor_head(data, at)
    if major == 0:
        return value, at
    if major == 1:
        return -1 - value, at
    if major in (2, 3):
        raw = data[at:at + value]
        return (raw if major == 2 else raw.decode("utf-8")), at + value
    if major == 4:
        items = []
        for _ in range(value):
            item, at = _cbor_decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        mapping = {}
        for _ in range(value):
            key, at = _cbor_decode(data, at)
            mapping[key], at = _cbor_decode(data, at)
        return mapping, at
    if major == 7 and value in (20, 21, 22):
        return {20: False, 21: True, 22: None}[value], at
    raise SearchIndexError(f"Fichier de Pagefind inattendu (type CBOR {major}.{value}).")


def _cbor_length(major: int, value: int) -> bytes:
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError(value)


def _cbor_encode(value: Any) -> bytes:
    if value is False or value is True or value is None:
        return bytes([0xE0 | {False: 20, True: 21, None: 22}[value]])
    if isinstance(value, int):
        return _cbor_length(0, value) if value >= 0 else _cbor_length(1, -1 - value)
    if isinstance(value, bytes):
        return _cbor_length(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return _cbor_length(3, len(raw)) + raw
    if isinstance(value, list):
        return _cbor_length(4, len(value)) + b"".join(_cbor_encode(item) for item in value)
    if isinstance(value, dict):
        return _cbor_length(5, len(value)) + b"".join(_cbor_encode(k) + _cbor_encode(v) for k, v in value.items())
    raise TypeError(type(value))


def _renamed(stem: str, content: bytes) -> str:
    """`fr_6c9f14d` -> `fr_` and as many hex digits of the content's hash as before."""
    language, _, old = stem.rpartition("_")
    return f"{language}_{hashlib.sha256(content).hexdigest()[:len(old)]}"


def _sorted_values(value: Any) -> Any:
    """A filter file: [name, [[value, [pages…]], …]], or a map of the same, values sorted."""
    if isinstance(value, list) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], list):
        return [value[0], sorted(value[1], key=_cbor_encode)]
    if isinstance(value, dict):
        return {key: sorted(entries, key=_cbor_encode) if isinstance(entries, list) else entries
                for key, entries in sorted(value.items())}
    raise SearchIndexError("Fichier de filtre de Pagefind inattendu.")


def _meta_with(meta: Any, renames: dict[str, str]) -> Any:
    """The language's meta file with the filter files' new names, its list of filters sorted."""
    def is_filter_list(item: Any) -> bool:
        return isinstance(item, list) and bool(item) and all(
            isinstance(pair, list) and len(pair) == 2 and pair[1] in renames for pair in item)

    return [sorted(([name, renames[stem]] for name, stem in item), key=lambda pair: pair[0])
            if is_filter_list(item) else item for item in meta]


def reproducible_filters(bundle: Path) -> None:
    renames: dict[str, str] = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        data = gzip.decompress(path.read_bytes())
        body, end = _cbor_decode(data, len(SIGNATURE))
        if not data.startswith(SIGNATURE) or end != len(data):
            raise SearchIndexError(f"Fichier de filtre de Pagefind inattendu : {path.name}")
        content = SIGNATURE + _cbor_encode(_sorted_values(body))
        stem = _renamed(path.stem, content)
        path.unlink()
        (path.parent / f"{stem}.pf_filter").write_bytes(gzip.compress(content, mtime=0))
        renames[path.stem] = stem
    entry_path = bundle / "pagefind-entry.json"
    entry = entry_path.read_bytes()
    for path in sorted(bundle.glob("pagefind.*.pf_meta")):
        meta, end = _cbor_decode(gzip.decompress(path.read_bytes()), len(SIGNATURE))
        data = SIGNATURE + _cbor_encode(_meta_with(meta, renames))
        old_stem = path.name.removeprefix("pagefind.").removesuffix(".pf_meta")
        stem = _renamed(old_stem, data)
        path.unlink()
        (bundle / f"pagefind.{stem}.pf_meta").write_bytes(gzip.compress(data, mtime=0))
        entry = entry.replace(f'"{old_stem}"'.encode(), f'"{stem}"'.encode())
    entry_path.write_bytes(entry)
