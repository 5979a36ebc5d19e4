"""The files published beside the pages: open data (JSON, CSV), every JSON Schema, the Atom
feed, the contribution form's choices, the session planner's data, and the redirect pages of
old addresses. Path in the built site -> text.

Pure function of the catalogue and the site's address; the MkDocs hook adds the files to
the build (and a content error has stopped the build before this runs).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from centre_ressources import urls
from centre_ressources.catalogue import Catalogue
from centre_ressources.characters import encodable
from centre_ressources.content.schemas import SCHEMA_NAMES, schema_text
from centre_ressources.publish import open_data
from centre_ressources.publish.feed import atom_feed
from centre_ressources.publish.form_choices import contribution_choices
from centre_ressources.publish.redirects import redirect_pages
from centre_ressources.publish.session_planner import planner_files

EXPORT_SCHEMAS = (open_data.SHEETS_SCHEMA, open_data.CASES_SCHEMA)
# Where a published file may be written: relative, segments of the site's own characters, none
# of them "." or "..", so that no slug, however it got in, writes a file outside the site.
_SITE_PATH = re.compile(r"(?:[a-z0-9][a-z0-9._-]*/)*[a-z0-9][a-z0-9._-]*")


def _json(data) -> str:
    # Compact: with `indent`, the json module falls back from its C encoder to pure Python;
    # programs read these files, not people.
    return encodable(json.dumps(data, ensure_ascii=False, separators=(",", ":"))) + "\n"


def each_published_file(catalogue: Catalogue, site_url: str, site_name: str,
                        description: str = "") -> Iterator[tuple[str, str]]:
    """The files one after the other, so that the build can write each and let it go (the open
    data of a large catalogue is heavy, and heavier again as Python data)."""
    for path, text in _published_files(catalogue, site_url, site_name, description):
        if not _SITE_PATH.fullmatch(path):
            raise ValueError(f"« {path} » n'est pas une adresse de fichier du site : il n'est pas écrit.")
        yield path, text


def _published_files(catalogue: Catalogue, site_url: str, site_name: str,
                     description: str) -> Iterator[tuple[str, str]]:
    sheets = open_data.sheets_document(catalogue, site_url, site_name)
    yield urls.API_SHEETS, _json(sheets)
    yield urls.API_SHEETS_CSV, open_data.sheets_csv(sheets)
    del sheets
    cases = open_data.cases_document(catalogue, site_url, site_name)
    yield urls.API_CASES, _json(cases)
    yield urls.API_CASES_CSV, open_data.cases_csv(cases)
    del cases
    yield urls.FEED, atom_feed(catalogue, site_url, site_name, description)
    yield urls.FORM_CHOICES, _json(contribution_choices(catalogue))
    yield from planner_files(catalogue, site_url)
    for name in SCHEMA_NAMES + EXPORT_SCHEMAS:  # the contributors' schemas, then the open data's
        yield f"schemas/{name}.json", schema_text(name)
    yield from redirect_pages(catalogue, site_url).items()
