"""The accessibility statement (/accessibilite/) exists, says what RGAA requires it to say,
and every page links to it from its footer, with the conformity status as the link text."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from support.site_pages import html_files

FOOTER_LINK = re.compile(r'<div class="md-copyright">.*?<a href="([^"]*)">Accessibilité : non conforme</a>', re.S)


def test_every_page_links_the_statement_from_its_footer(real_site):
    problems = []
    for path in html_files(real_site):
        name = path.relative_to(real_site).as_posix()
        found = FOOTER_LINK.search(path.read_text(encoding="utf-8"))
        if not found:
            problems.append(f"{name} : pas de lien vers la déclaration dans le pied de page")
            continue
        target = urljoin("http://site/" + name, found.group(1))
        if target not in ("http://site/accessibilite/", "http://site/accessibilite/index.html"):
            problems.append(f"{name} : le lien mène à {found.group(1)}")
    assert problems == [], "\n".join(problems)


def test_statement_gives_status_checks_limits_and_a_way_to_report(real_site):
    html = (real_site / "accessibilite" / "index.html").read_text(encoding="utf-8")
    for heading in ("État de conformité", "Ce qui est vérifié automatiquement",
                    "Ce qui n'est pas vérifié automatiquement", "Signaler un problème d'accessibilité"):
        assert re.search(rf"<h2[^>]*>{re.escape(heading)}", html.replace("&#39;", "'")), heading
    assert "<strong>non conforme</strong>" in html  # as the footer says on every page
