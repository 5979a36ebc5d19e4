"""The links of the hand-written pages of docs/ are checked against the site map, at
docs/<file>:<line>; what a macro writes is left to the build."""

from __future__ import annotations

from centre_ressources.checks.hyperlinks import SiteMap, check_hand_written_links

PHASE = "---\ntitle: Phase fictive\n---\n# Phase fictive\n\n## Lancer le groupe\n\nTexte.\n"


def site_with(tmp_path, pages: dict[str, str]) -> SiteMap:
    docs = tmp_path / "docs"
    for uri, text in pages.items():
        (docs / uri).parent.mkdir(parents=True, exist_ok=True)
        (docs / uri).write_text(text, encoding="utf-8")
    return SiteMap.from_site({"demarche/premiere.md": PHASE}, {"api/fiches.json"}, docs)


def found(tmp_path, pages: dict[str, str]) -> list[str]:
    return [error.format() for error in check_hand_written_links(site_with(tmp_path, pages), "docs")]


def test_links_that_lead_somewhere_pass(tmp_path):
    page = ("---\ntitle: Une page fictive\n---\n# Une page\n\n[La phase](../demarche/premiere.md#lancer-le-groupe), "
            "[les données](../api/fiches.json), [un site](https://exemple.org), [ici](#une-page), "
            "[l'autre page](autre.md).\n")
    assert found(tmp_path, {"enseignements/page.md": page, "enseignements/autre.md": "# Autre\n"}) == []


def test_a_stale_anchor_is_refused_at_its_file_and_line(tmp_path):
    page = "---\ntitle: Une page fictive\n---\n# Une page\n\nVoir [l'étape](../demarche/premiere.md#ancien-titre).\n"
    assert found(tmp_path, {"enseignements/page.md": page}) == [
        "docs/enseignements/page.md:6:1 : l'ancre « #ancien-titre » n'existe pas dans la page « demarche/premiere.md »."]


def test_a_missing_page_is_refused_in_a_page_without_front_matter(tmp_path):
    assert found(tmp_path, {"a-propos.md": "# À propos\n\n[La fiche](fiches/disparue.md)\n"}) == [
        "docs/a-propos.md:3:1 : le lien « fiches/disparue.md » ne mène à aucune page ni aucun fichier du site."]


def test_links_written_by_macros_are_left_to_the_build(tmp_path):
    macros = "---\nrender_macros: true\n---\n[Le dépôt]({{ depot }}/blob/main/CONTRIBUTING.md)\n[x]({% if a %}b{% endif %})\n"
    plain = "---\ntitle: Sans macros\n---\n[Le dépôt]({{depot}}/x.md)\n"
    assert found(tmp_path, {"contribuer.md": macros, "autre.md": plain}) == [
        "docs/autre.md:4:1 : le lien « {{depot}}/x.md » ne mène à aucune page ni aucun fichier du site."]


def test_the_theme_s_overrides_are_not_pages(tmp_path):
    assert found(tmp_path, {"overrides/partials/x.md": "[x](nulle-part.md)\n"}) == []
