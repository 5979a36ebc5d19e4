"""Content-Security-Policy: computed per page (centre_ressources/publish/csp.py), present on every
built page, and enforced by the browser."""

from __future__ import annotations

import re

from centre_ressources.publish.csp import inline_scripts, policy_for, source_hash, with_policy
from support.site_pages import html_files

PAGE = """<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <title>t</title>
    <script>var a = 1;</script>
    <script id="__config" type="application/json">{"b": 2}</script>
    <script src="bundle.js"></script>
  </head>
  <body><script type="module">import("./x.js")</script></body>
</html>"""

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in policy.split("; ")}


def test_hashes_cover_the_scripts_that_run_and_only_those():
    assert inline_scripts(PAGE) == ["var a = 1;", 'import("./x.js")']
    script_src = directives(policy_for(PAGE))["script-src"]
    assert script_src == ["'self'", "'wasm-unsafe-eval'", source_hash("var a = 1;"), source_hash('import("./x.js")')]
    # The well-known SHA-256 of "alert(1)" (as in the CSP specification's examples).
    assert source_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


def test_policy_comes_first_in_the_head_once_even_when_applied_twice():
    page = with_policy(with_policy(PAGE))
    assert len(META.findall(page)) == 1
    assert page.index("Content-Security-Policy") < page.index("<script")
    assert page.index("<meta charset") < page.index("Content-Security-Policy")


def test_every_built_page_carries_a_policy_without_unsafe_inline_scripts(real_site):
    problems = []
    pages = html_files(real_site)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        found = META.findall(html)
        name = path.relative_to(real_site).as_posix()
        if len(found) != 1:
            problems.append(f"{name} : {len(found)} politique(s)")
            continue
        policy = directives(found[0])
        if "'unsafe-inline'" in policy["script-src"] or "'unsafe-eval'" in policy["script-src"]:
            problems.append(f"{name} : script-src trop permissif")
        if policy["default-src"] != ["'self'"] or policy["object-src"] != ["'none'"]:
            problems.append(f"{name} : {found[0]}")
        if html.index("Content-Security-Policy") > html.index("<script"):
            problems.append(f"{name} : la politique vient après un script")
        missing = [s for s in inline_scripts(html) if source_hash(s) not in policy["script-src"]]
        if missing:
            problems.append(f"{name} : {len(missing)} script(s) en ligne sans empreinte")
    assert len(pages) > 20
    assert problems == [], "\n".join(problems)


def test_the_browser_blocks_an_inline_script_the_policy_does_not_list(browser, tmp_path):
    from support.browser import serve_directory

    page_html = with_policy(PAGE.replace("<body>", '<body><p id="r">avant</p>'))
    # Added after the policy was computed, as an injected script would be.
    page_html = page_html.replace("</body>", '<script>document.getElementById("r").textContent = "après";</script></body>')
    (tmp_path / "index.html").write_text(page_html, encoding="utf-8")
    (tmp_path / "bundle.js").write_text('document.documentElement.dataset.bundle = "ok";', encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None)
    with serve_directory(tmp_path) as url:
        page.goto(url)
        assert page.evaluate("document.documentElement.dataset.bundle") == "ok"  # 'self' runs
        assert page.locator("#r").inner_text() == "avant"  # the unlisted script did not
    context.close()
    assert blocked
