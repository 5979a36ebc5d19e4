"""What a build holds between MkDocs' events, and how the preview moves it on after an edit:
through SiteBuild's own methods, the pages that came and went known as generated (or no longer),
their JSON-LD, and the counts the hand-written pages show."""

from __future__ import annotations

from pathlib import Path

from centre_ressources import urls
from centre_ressources.pipeline import build_catalogue, generate
from centre_ressources.site_build import SiteBuild
from support.project import copy_project

SITE_URL = "http://127.0.0.1:8000/"


def _started(root: Path, build: SiteBuild) -> None:
    build.start(root, SITE_URL, None)
    for _ in build.files(lambda uri: False, SITE_URL, "Centre de ressources", ""):
        pass
    build.finish()


def test_the_preview_moves_the_build_on_after_a_case_study_is_renamed(tmp_path: Path):
    root = copy_project(tmp_path / "mini", content="mini")
    build = SiteBuild()
    _started(root, build)
    old = build_catalogue(root).cases[0]
    old_page = urls.case_page(old.slug)
    assert build.is_generated(old_page) and old_page in build.jsonld

    folder = root / Path(old.origin.path).parent
    folder.rename(folder.with_name(f"{folder.name}-renomme"))  # the same case under another slug
    catalogue = build_catalogue(root)
    new_page = next(urls.case_page(c.slug) for c in catalogue.cases if urls.case_page(c.slug) != old_page)
    build.pages_changed(catalogue, added=[new_page], removed=[old_page], rendered=[new_page],
                        site_url=SITE_URL, site_name="Centre de ressources")

    assert build.is_generated(new_page) and not build.is_generated(old_page)
    assert new_page in build.jsonld and old_page not in build.jsonld
    assert build.variables["nombre_etudes_de_cas"] == len(catalogue.cases)


def test_builds_go_through_the_generator_they_are_given(tmp_path: Path):
    root = copy_project(tmp_path / "mini", content="mini")
    calls: list[Path] = []

    def counted(root: Path, **options):
        calls.append(root)
        return generate(root, **options)

    build = SiteBuild()
    build.generate_through(counted)
    _started(root, build)
    assert calls == [root]
