"""Sanitise the HTML of generated pages with nh3 (an allowlist), so that contributed text
can never put script on the site, whatever slipped past the checks (checks/unsafe_markup.py)."""

from __future__ import annotations

import nh3

_TAGS = {
    # What Markdown and the enabled extensions produce.
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
    "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "nav", "section",
    "aside", "time", "caption", "col", "colgroup", "wbr",
    # Controls our own templates add (catalogue filters, copy-link buttons).
    "form", "fieldset", "legend", "label", "input", "select", "option", "button", "output",
    # Inline SVG drawn by the build (maps, timelines, cycle).
    "svg", "g", "rect", "circle", "ellipse", "line", "polyline", "polygon", "path", "text",
    "tspan", "title", "desc", "defs", "marker", "use",
}
_SVG_ATTRIBUTES = {
    "viewbox", "xmlns", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx",
    "ry", "d", "points", "fill", "stroke", "stroke-width", "stroke-dasharray", "transform",
    "text-anchor", "dominant-baseline", "font-size", "font-weight", "marker-end", "marker-start",
    "refx", "refy", "markerwidth", "markerheight", "orient", "preserveaspectratio", "focusable",
}
# The HTML parser restores SVG's camelCase names (viewBox…), and the allowlist compares exactly.
_SVG_ATTRIBUTES |= {"viewBox", "refX", "refY", "markerWidth", "markerHeight", "preserveAspectRatio"}
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir", "role", "hidden", "tabindex"},
    "a": {"href", "hreflang", "type", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "label": {"for"},
    "output": {"for"},
    "form": {"action", "method"},
    "input": {"type", "name", "value", "checked", "placeholder", "min", "max", "step", "autocomplete",
              "disabled", "readonly", "inputmode", "size"},
    "select": {"name", "multiple", "disabled"},
    "option": {"value", "selected", "disabled"},
    "button": {"type", "name", "value", "disabled"},
    "fieldset": {"disabled"},
    **{tag: _SVG_ATTRIBUTES for tag in (
        "svg", "g", "rect", "circle", "ellipse", "line", "polyline", "polygon", "path", "text",
        "tspan", "marker", "use")},
}


# Built once: nh3.clean would convert the allowlists again for every page.
_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    attributes=_ATTRIBUTES,
    generic_attribute_prefixes={"data-", "aria-"},
    url_schemes={"http", "https", "mailto", "tel"},
    filter_style_properties={"text-align"},  # Markdown tables align columns with it
    link_rel=None,
    strip_comments=True,
)


def sanitize_html(html: str) -> str:
    return _CLEANER.clean(html)
