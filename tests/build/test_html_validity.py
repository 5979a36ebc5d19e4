"""Every built page is valid HTML for the Nu Html Checker (the W3C validator, npm vnu-jar)."""

from __future__ import annotations

from support.site_pages import vnu_errors


def test_every_page_is_valid_html(real_site):
    errors = vnu_errors(real_site)
    assert errors == [], "\n".join(errors)
