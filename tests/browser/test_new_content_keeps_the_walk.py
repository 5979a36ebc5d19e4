"""The gate lets every valid contribution through: the real centre grown with a generated sheet
(in any step of any phase, at any place of its step) or a generated case study still passes the
visitor's walk in Chromium, online and in the offline pack, each expecting what the grown
catalogue says (tests/support/navigation.py). A property test: each run tries a few of them.

The generated content is fictional, copied from tests/fixtures/contributions/ and marked so.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from centre_ressources.content.slugs import slugify
from centre_ressources.downloads.make import make_offline_pack
from centre_ressources.downloads.offline_pack import PACK_FOLDER
from centre_ressources.pipeline import build_catalogue
from support.browser import serve_directory
from support.navigation import offline_address, online_address, walk_from_home
from support.project import FIXTURES, PROJECT, copy_project, offline_runner, run_mkdocs

CONTRIBUTIONS = FIXTURES / "contributions"
SHEET = next((CONTRIBUTIONS / "methods").glob("*.md"))
CASES = sorted((CONTRIBUTIONS / "case_studies").glob("*/index.md"))
REAL = build_catalogue(PROJECT)
STEPS = [(phase.slug, step.slug) for phase in REAL.phases for step in phase.etapes]
WORDS = ("Concerter", "Essaimer", "Accueillir", "Relier", "Écouter", "Ouvrir")


@st.composite
def contributions(draw) -> tuple[str, str, Path, str]:
    """(folder, slug, fixture it was made from, text) of one fictional sheet or case study."""
    title = f"{draw(st.sampled_from(WORDS))} {draw(st.sampled_from(WORDS)).lower()} (fiche fictive {draw(st.integers(1, 99))})"
    slug = slugify(title)
    if draw(st.booleans()):
        phase, step = draw(st.sampled_from(STEPS))
        text = SHEET.read_text(encoding="utf-8")
        text = re.sub(r"^titre: .*$", f"titre: {title}", text, count=1, flags=re.M)
        text = re.sub(r"^phase: .*$", f"phase: {phase}", text, count=1, flags=re.M)
        text = re.sub(r"^etape: .*$", f"etape: {step}", text, count=1, flags=re.M)
        text = re.sub(r"^ordre: .*$", f"ordre: {draw(st.integers(-3, 30))}", text, count=1, flags=re.M)
        return "methods", slug, SHEET, text
    case = draw(st.sampled_from(CASES))
    text = case.read_text(encoding="utf-8")
    text = re.sub(r"^titre: .*$", f"titre: {title.replace('fiche', 'étude de cas')}", text, count=1, flags=re.M)
    return "case_studies", slug, case, text


def _grown(base: Path, folder: str, slug: str, fixture: Path, text: str) -> Path:
    root = copy_project(base / "project", content="real")
    (root / "offline").symlink_to(PROJECT / "offline")  # the pack's search shim (npm, scripts/offline-deps.sh)
    target = root / folder / (f"{slug}/index.md" if folder == "case_studies" else f"{slug}.md")
    target.parent.mkdir(parents=True, exist_ok=True)
    if folder == "case_studies":
        for picture in fixture.parent.iterdir():
            if picture.name != "index.md":
                shutil.copy(picture, target.parent / picture.name)
        if SHEET.stem in text:  # the case names the fictional sheet: it comes with it
            shutil.copy(SHEET, root / "methods" / SHEET.name)
    target.write_text(text, encoding="utf-8")
    return root


def _offline_pack(root: Path, work: Path) -> Path:
    downloads = work / "telechargements"
    downloads.mkdir(parents=True)
    with zipfile.ZipFile(make_offline_pack(offline_runner(root), work, downloads)) as archive:
        archive.extractall(work / "decompresse")
    return work / "decompresse" / PACK_FOLDER


# No shrinking: each example is two builds; the failing one is printed as it was drawn.
@settings(max_examples=3, deadline=None, database=None, phases=(Phase.explicit, Phase.generate),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(contribution=contributions())
def test_a_new_valid_sheet_or_case_keeps_the_walk_online_and_offline(contribution, browser, tmp_path_factory):
    folder, slug, fixture, text = contribution
    base = tmp_path_factory.mktemp("grown")
    root = _grown(base, folder, slug, fixture, text)
    catalogue = build_catalogue(root)  # valid, or the generator is wrong
    assert slug in {item.slug for item in (*catalogue.sheets, *catalogue.cases)}
    result = run_mkdocs(root, base / "site")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    context = browser.new_context(locale="fr-FR")
    try:
        page = context.new_page()
        with serve_directory(base / "site") as url:
            walk_from_home(page, url, catalogue, online_address)
        pack = _offline_pack(root, base / "hors-ligne")
        walk_from_home(page, (pack / "index.html").as_uri(), catalogue, offline_address)
    finally:
        context.close()
