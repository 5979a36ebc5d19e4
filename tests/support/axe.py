"""axe-core and a CSP watch injected into every page of a browser context (browser/test_pages_in_browser.py, browser/test_contribution_form.py)."""

from __future__ import annotations

from support.site_pages import npm_tool

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Runs in every page before its own scripts (init scripts are not subject to the page's CSP).
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(
  `${e.effectiveDirective} a bloqué ${e.blockedURI || "?"} (${e.sourceFile || "page"}:${e.lineNumber})`));
"""
RUN_AXE = """(tags) => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then((r) => r.violations.flatMap((v) => v.nodes.map((n) =>
    `${v.id} (${v.impact}) : ${v.help} — ${n.target.join(" ")}\\n      ${n.failureSummary.replace(/\\n/g, " ")}`)))"""


def new_context(browser, scheme: str, **options):
    context = browser.new_context(locale="fr-FR", color_scheme=scheme, **options)
    context.add_init_script(script=npm_tool("axe-core/axe.min.js").read_text(encoding="utf-8"))
    context.add_init_script(script=WATCH_CSP)
    return context


def axe_violations_once_still(page) -> list[str]:
    """axe-core's violations once the theme's transitions are over (a colour read halfway is wrong)."""
    for _ in range(50):
        if not page.evaluate("() => document.getAnimations().filter((a) => a.playState === 'running').length"):
            break
        page.wait_for_timeout(100)
    return page.evaluate(f"(tags) => ({RUN_AXE})(tags)", AXE_TAGS)
