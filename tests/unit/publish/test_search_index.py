"""The search index step (centre_ressources/publish/search_index.py): Pagefind's filter files
made the same from one run to the next, and a clear French error when Pagefind cannot run.
(The index itself, in a browser: tests/browser/test_search.py; two whole builds compared:
tests/build/test_reproducible.py.)"""

from __future__ import annotations

import gzip
import json

import pytest

from centre_ressources.publish.search_index import (
    SIGNATURE,
    SearchIndexError,
    _cbor_decode,
    _cbor_encode,
    index_site,
    reproducible_filters,
)


@pytest.mark.parametrize("value", [
    0, 23, 24, 255, 256, 70_000, 5_000_000_000, -1, -300, "", "Étude de cas", "x" * 300,
    b"\x00\x01", [], [1, [2, "trois"]], {"type": ["Fiche", [0, 1, 40]]}, True, False, None,
])
def test_the_codec_reads_back_what_it_writes(value):
    assert _cbor_decode(_cbor_encode(value)) == (value, len(_cbor_encode(value)))


def _bundle(tmp_path, values_order):
    bundle = tmp_path / "pagefind"
    (bundle / "filter").mkdir(parents=True)
    body = SIGNATURE + _cbor_encode(["type", [[value, [index]] for index, value in values_order]])
    (bundle / "filter" / "fr_0000000.pf_filter").write_bytes(gzip.compress(body))
    meta = SIGNATURE + _cbor_encode(["1.5.2", 3, [], [["type", "fr_0000000"]], [], []])
    (bundle / "pagefind.fr_0000000000.pf_meta").write_bytes(gzip.compress(meta))
    (bundle / "pagefind-entry.json").write_text(json.dumps({"languages": {"fr": {"hash": "fr_0000000000"}}}))
    return bundle


def test_filter_values_written_in_any_order_give_the_same_files(tmp_path):
    first = _bundle(tmp_path / "a", [(0, "Fiche"), (1, "Phase"), (2, "Étude de cas")])
    second = _bundle(tmp_path / "b", [(2, "Étude de cas"), (0, "Fiche"), (1, "Phase")])
    for bundle in (first, second):
        reproducible_filters(bundle)
    files = [{p.relative_to(b).as_posix(): p.read_bytes() for p in b.rglob("*") if p.is_file()}
             for b in (first, second)]
    assert files[0] == files[1]
    # The chain still holds: the entry names the meta file, which names the filter file.
    entry = json.loads((first / "pagefind-entry.json").read_text())
    meta_stem = entry["languages"]["fr"]["hash"]
    meta, _ = _cbor_decode(gzip.decompress((first / f"pagefind.{meta_stem}.pf_meta").read_bytes()), len(SIGNATURE))
    [[name, stem]] = meta[3]
    data = gzip.decompress((first / "filter" / f"{stem}.pf_filter").read_bytes())
    assert name == "type"
    assert _cbor_decode(data, len(SIGNATURE))[0] == ["type", [["Fiche", [0]], ["Phase", [1]], ["Étude de cas", [2]]]]


def test_a_failing_pagefind_is_a_french_error(tmp_path):
    failing = tmp_path / "pagefind"
    failing.write_text("#!/bin/sh\necho 'panne simulée' >&2\nexit 3\n")
    failing.chmod(0o755)
    with pytest.raises(SearchIndexError, match="L'index de recherche n'a pas pu être écrit.*panne simulée"):
        index_site(tmp_path, executable=failing)
