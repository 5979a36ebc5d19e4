"""Walk a page with the Tab key alone, in Chromium, and describe each stop.

`controls(page)` lists what a sighted keyboard user expects to reach: every visible element
that takes focus in sequence (links, buttons, form fields, summaries, elements with
tabindex >= 0; a group of radio buttons counts once, as the browser stops on one of them;
elements marked `hidden`, such as the "back to top" button until it is offered, are out).
`tab_walk(page)` presses Tab until focus leaves the page or comes back to a control already
reached, and records, for each stop, how its focus is drawn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARK_CONTROLS = """() => {
  const selector = "a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, [tabindex], [contenteditable]";
  // A group of radio buttons is one stop: the checked button, or the first one.
  const groupStop = (el) => {
    const group = document.querySelectorAll(`input[type=radio][name="${CSS.escape(el.name)}"]`);
    return [...group].find((r) => r.checked) || group[0];
  };
  const controls = [...document.querySelectorAll(selector)].filter((el) =>
    el.tabIndex >= 0 && !el.disabled && !el.closest("[inert], [hidden]")
    && el.checkVisibility({visibilityProperty: true})
    && !(el.type === "radio" && el.name && groupStop(el) !== el));
  return controls.map((el, i) => {
    el.dataset.clavier = String(i);
    const text = (el.getAttribute("aria-label") || el.innerText || el.value || el.title || "").trim();
    return `${el.tagName.toLowerCase()} « ${text.replace(/\\s+/g, " ").slice(0, 50)} »`
      + (el.getAttribute("href") ? ` (${el.getAttribute("href")})` : "");
  });
}"""

# The focused element, once transitions have ended, and the colours a sighted user sees.
FOCUS_STATE = """() => {
  document.getAnimations().forEach((a) => { try { a.finish(); } catch (e) {} });
  const el = document.activeElement;
  // Material's colour-scheme toggle: visually hidden radio buttons; the visible label shows the focus.
  const shown = el.matches("input.md-option") ? el.form.querySelector("label:not([hidden])") : el;
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  const layers = [];
  for (let node = shown; node; node = node.parentElement) {
    layers.push(getComputedStyle(node).backgroundColor);
  }
  return {
    id: el.dataset ? (el.dataset.clavier ?? null) : null,
    tag: el.tagName.toLowerCase(),
    text: (el.getAttribute("aria-label") || el.innerText || el.value || "").trim().replace(/\\s+/g, " ").slice(0, 50),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
    backgrounds: layers,
    visible: shown.checkVisibility({opacityProperty: true, visibilityProperty: true}) && box.width > 0 && box.height > 0,
    inViewport: box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
    inContent: !!el.closest(".md-content"),
  };
}"""

_RGBA = re.compile(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)")


def _rgba(css: str) -> tuple[float, float, float, float]:
    match = _RGBA.fullmatch(css.strip())
    if not match:
        raise ValueError(f"couleur inattendue : {css}")
    r, g, b, a = match.groups()
    return float(r), float(g), float(b), float(a) if a is not None else 1.0


def _over(top, bottom):
    r, g, b, a = top
    return tuple(c * a + d * (1 - a) for c, d in zip((r, g, b), bottom[:3], strict=True)) + (1.0,)


def _luminance(rgb) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(first, second) -> float:
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def seen_background(layers: list[str]) -> tuple:
    """The colour behind an element: its own and its ancestors' backgrounds, composed."""
    colour = (255.0, 255.0, 255.0, 1.0)  # the canvas
    for layer in reversed(layers):
        colour = _over(_rgba(layer), colour)
    return colour


@dataclass
class Stop:
    state: dict

    @property
    def label(self) -> str:
        return f"{self.state['tag']} « {self.state['text']} »"

    def focus_problem(self) -> str | None:
        """Why this focus would not be seen, or None when it is."""
        state = self.state
        if not state["visible"]:
            return "l'élément qui a le focus est invisible"
        if not state["inViewport"]:
            return "l'élément qui a le focus est hors de l'écran"
        if state["outlineStyle"] in ("none", "hidden") or state["outlineWidth"] < 2:
            return f"pas de contour de focus d'au moins 2 px ({state['outlineStyle']} {state['outlineWidth']} px)"
        background = seen_background(state["backgrounds"])
        ratio = contrast(_over(_rgba(state["outlineColor"]), background), background)
        if ratio < 3:
            return f"contour de focus trop peu contrasté ({ratio:.2f}:1, 3:1 au moins)"
        return None


def controls(page) -> list[str]:
    return page.evaluate(MARK_CONTROLS)


def tab_walk(page, limit: int) -> list[Stop]:
    """Press Tab until focus leaves the page or returns to a control already reached. A field
    made of parts (a time field: hours, minutes) takes several Tabs, each one stop."""
    stops: list[Stop] = []
    seen: set[str] = set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if stops and state["id"] is not None and state["id"] == stops[-1].state["id"]:
            continue  # the next part of the same field
        if state["tag"] == "body" or (state["id"] is not None and state["id"] in seen):
            break
        if state["id"] is not None:
            seen.add(state["id"])
        stops.append(Stop(state))
    return stops
