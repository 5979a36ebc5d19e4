"""Link the first occurrence of each glossary term in a page's Markdown to its glossary entry.

Written by hand rather than as a Markdown plugin: the core works on the Markdown text, and the
rules are few and specific. Only running text is touched (never front matter, headings, code,
links, raw HTML lines, admonition titles, addresses); matching ignores case but not for acronyms,
accepts both apostrophes, any spacing and an elision; each term is linked once per page, the
longest form winning where two overlap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from centre_ressources.content.markdown_code import lines_outside_code
from centre_ressources.content.records import Terme
from centre_ressources.render.html_blocks import html_regions

# Between two words of a term: spaces, or one line break inside a paragraph.
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"
_APOSTROPHES = "'’"
# A term starts and ends on a word boundary; an apostrophe before it is an elision (l', d').
_BEFORE = r"(?<![\w-])"
_AFTER = r"(?![\w-])"

# Whole lines that are never running text.
_PROTECTED_LINE = re.compile(
    r"""^\s*(?:
        \#{1,6}(?:\s|$)          # ATX heading
      | <                        # raw HTML block
      | (?:!!!|\?\?\?\+?)\s      # admonition or details title
      | \[[^\]]+\]:\s            # link reference definition
      | \*\[[^\]]+\]:            # abbreviation definition
      | \{[:#.][^}]*\}\s*$       # attribute list alone on its line
      | \|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$   # table delimiter row, rule
      | ={3,}\s*$                # setext heading underline
    )""",
    re.VERBOSE,
)
# Spans inside running text that are never touched.
_PROTECTED_SPAN = re.compile(
    r"""(?:
        (?P<code>`+)[\s\S]*?(?P=code)                        # inline code
      | !?\[(?:[^\[\]]|\[[^\[\]]*\])*\](?:\([^)]*\)|\[[^\]]*\])(?:\{[^}]*\})?   # link, image
      | <[^>\n]+>                                            # inline HTML, autolink
      | \{[:#.][^}]*\}                                       # attribute list
      | https?://\S+                                         # bare address
      | &[\#\w]+;                                            # HTML entity
    )""",
    re.VERBOSE,
)


def _form_pattern(form: str, exact_case: bool) -> str:
    words = []
    for word in form.split():
        piece = "".join(f"[{_APOSTROPHES}]" if char in _APOSTROPHES else re.escape(char) for char in word)
        words.append(piece)
    body = _GAP.join(words)
    return f"(?-i:{body})" if exact_case else body


def _first_letter(letter: str) -> str:
    return f"[{_APOSTROPHES}]" if letter == "'" else re.escape(letter)


@dataclass(frozen=True)
class TermMatcher:
    """One compiled pattern for all the forms of all the terms; group name -> term slug."""

    pattern: re.Pattern | None
    slugs: dict[str, str]
    # The same, each behind the spans that are never touched (`keep`): a text is then linked in
    # one pass of the regex rather than one per stretch between two spans.
    in_markdown: re.Pattern | None = None
    in_html: re.Pattern | None = None
    # The spans alone, to find the terms from their first word (see `_link_from_starts`).
    keep_markdown: re.Pattern | None = None
    keep_html: re.Pattern | None = None
    # Where a term may begin: the start of a form in lower case (its first word, up to an
    # apostrophe), or an acronym as written, with the terms that begin so; empty when a form
    # starts with an apostrophe: the texts are then linked by the regex alone.
    starts: dict[str, frozenset[str]] = field(default_factory=dict)
    acronyms: dict[str, frozenset[str]] = field(default_factory=dict)
    # For each term, the others one of whose forms holds its start after their first letter:
    # an occurrence of those may hide one of it (« stratégie d'impact collectif » and « impact
    # collectif »), so they are sought as long as it is not linked.
    hiding: dict[str, frozenset[str]] = field(default_factory=dict)
    _sought: dict[frozenset[str], tuple[tuple[str, ...], tuple[str, ...]]] = field(default_factory=dict)

    def sought(self, linked: set[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The starts and acronyms worth seeking on a page where the terms `linked` are."""
        key = frozenset(linked)
        if key not in self._sought:
            pending = set(self.slugs.values()) - key
            needed = pending.union(*(self.hiding.get(slug, ()) for slug in pending))
            self._sought[key] = (tuple(s for s, slugs in self.starts.items() if slugs & needed),
                                 tuple(a for a, slugs in self.acronyms.items() if slugs & needed))
        return self._sought[key]

    @classmethod
    def build(cls, terms: Iterable[Terme]) -> TermMatcher:
        forms: list[tuple[str, bool, str]] = []  # (form, exact case, slug)
        for term in terms:
            for form in term.match_forms:
                forms.append((form, False, term.slug))
            if term.sigle:
                forms.append((term.sigle, True, term.slug))
        if not forms:
            return cls(None, {})
        # Longest first: at a given position, the alternation takes the first that matches.
        forms.sort(key=lambda item: len(item[0]), reverse=True)
        # The alternatives are grouped by their first letter, each group behind a lookahead on
        # that letter: at a word start the regex then tries only the forms that can begin
        # there, not all of them (benchmarks/LISEZMOI.md). Forms of two
        # groups never match at the same place, and each group keeps the longest-first order,
        # so the first match is the same as with one flat alternation.
        groups: dict[str, list[str]] = {}
        slugs = {}
        for index, (form, exact_case, slug) in enumerate(forms):
            name = f"t{index}"
            first = "'" if form[0] in _APOSTROPHES else form[0].lower()
            groups.setdefault(first, []).append(f"(?P<{name}>{_form_pattern(form, exact_case)})")
            slugs[name] = slug
        alternatives = [f"(?={_first_letter(first)})(?:{'|'.join(group)})" for first, group in groups.items()]
        any_term = f"{_BEFORE}(?:{'|'.join(alternatives)}){_AFTER}"

        def spans(protected: re.Pattern) -> str:
            return f"(?{'sx' if protected.flags & re.DOTALL else 'x'}:{protected.pattern})"

        def behind(protected: re.Pattern) -> re.Pattern:
            return re.compile(f"(?P<keep>{spans(protected)})|{any_term}", re.IGNORECASE)

        starts: dict[str, set[str]] = {}
        acronyms: dict[str, set[str]] = {}
        for form, exact, slug in forms:
            if exact:
                acronyms.setdefault(form, set()).add(slug)
            else:
                starts.setdefault(_WORD_PIECES.split(form, maxsplit=1)[0].lower(), set()).add(slug)
        # « appel » finds every place of « appels »: only the shortest of such starts is sought.
        for start in sorted(starts, key=len, reverse=True):
            shorter = next((other for other in starts if other != start and start.startswith(other)), None)
            if shorter is not None:
                starts[shorter] |= starts.pop(start)
        hiding: dict[str, set[str]] = {}
        for form, _, slug in forms:
            for start, begun in (*starts.items(), *acronyms.items()):
                if start in form.lower()[1:]:
                    for other in begun - {slug}:
                        hiding.setdefault(other, set()).add(slug)
        if "" in starts:
            starts, acronyms = {}, {}
        return cls(re.compile(any_term, re.IGNORECASE), slugs, behind(_PROTECTED_SPAN), behind(_HTML_PROTECTED),
                   re.compile(spans(_PROTECTED_SPAN), re.IGNORECASE), re.compile(spans(_HTML_PROTECTED), re.IGNORECASE),
                   {k: frozenset(v) for k, v in starts.items()}, {k: frozenset(v) for k, v in acronyms.items()},
                   {k: frozenset(v) for k, v in hiding.items()})


# What separates the words (and the pieces of an elided word) of a form.
_WORD_PIECES = re.compile(f"[\\s{_APOSTROPHES}]+")
# A term found this way must not hold the start of a protected span (none of the glossary's
# can): the regex would then have cut it differently.
_SPAN_STARTS = re.compile(r"[<&`\[!{]|http", re.IGNORECASE)


def _link_from_starts(text: str, matcher: TermMatcher, keep: re.Pattern,
                      replace: Callable[[re.Match], str], linked: set[str]) -> str | None:
    """`text` with its terms replaced, as `keep | terms` run over it would, or None when this
    way cannot be sure to give the same (the caller then runs the regex).

    Why not the regex alone: tried at every character of every page, it dominates the linking,
    while a term can only begin where the text holds the start of one of its forms, which
    `str.find` locates cheaply (benchmarks/LISEZMOI.md). Each such place is
    tried with the regex; a term is kept unless it begins inside a protected span (the regex
    would have stepped over the span) or inside the term kept before it. Terms already
    `linked` on the page are not sought, unless they may hide one that is not."""
    starts, acronyms = matcher.sought(linked)
    if not starts and not acronyms:
        return text
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: places would shift
        return None
    places: set[int] = set()
    for searched, sought in ((lowered, starts), (text, acronyms)):
        for start in sought:
            at = searched.find(start)
            while at >= 0:
                places.add(at)
                at = searched.find(start, at + 1)
    if not places:
        return text
    pattern = matcher.pattern
    assert pattern is not None
    found = [m for m in map(lambda at: pattern.match(text, at), sorted(places)) if m]
    if not found:
        return text
    if any(_SPAN_STARTS.search(m[0]) for m in found):
        return None
    out: list[str] = []
    cursor = 0
    protected = keep.finditer(text)
    span = next(protected, None)
    for match in found:
        begin = match.start()
        if begin < cursor:
            continue
        while span is not None and span.end() <= begin:
            span = next(protected, None)
        if span is not None and span.start() <= begin:
            continue  # inside a protected span
        out += (text[cursor:begin], replace(match))
        cursor = match.end()
    out.append(text[cursor:])
    return "".join(out)


# In a part of the page written as HTML (html_blocks.py), what is never running text: the
# content of links, headings, code, pictures and admonition titles, the tags, the entities.
_HTML_PROTECTED = re.compile(
    r"""<(?P<tag>a|h[1-6]|code|pre|svg|script|style|title)\b[^>]*>.*?</(?P=tag)>
      | <p\ class="admonition-title">.*?</p>
      | <[^>]*>
      | &[\#\w]+;""",
    re.VERBOSE | re.DOTALL,
)


def running_text_blocks(markdown: str, front_matter: bool = True) -> list[tuple[bool, str]]:
    """Cut a page into (is running text, chunk) pieces; joined back, they give the page.
    `front_matter=False`: the text is a later piece of a page, where « --- » is a rule."""
    lines = markdown.split("\n")
    front_matter_end = 0
    if front_matter and lines and lines[0].strip() == "---":
        closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), len(lines) - 1)
        front_matter_end = closing + 1
    kinds = [False] * front_matter_end + [
        is_text and bool(line.strip()) and not _PROTECTED_LINE.match(line)
        for line, is_text in lines_outside_code(lines[front_matter_end:], markdown)]
    # Lines of one kind joined once (adding each to the last piece copied it again and again).
    pieces: list[tuple[bool, str]] = []
    first = 0
    for index in range(1, len(lines) + 1):
        if index == len(lines) or kinds[index] != kinds[first]:
            pieces.append((kinds[first], "\n".join(lines[first:index]) + ("\n" if index < len(lines) else "")))
            first = index
    return pieces


def link_terms(markdown: str, matcher: TermMatcher, href: Callable[[str], str],
               write: Callable[[str, str], str] | None = None,
               html_href: Callable[[str], str] | None = None) -> str:
    """Return the page with the first occurrence of each term linked to `href(slug)`, as a
    Markdown link, or written by `write(slug, text)` (the marks of deferred.py, in a build);
    in the parts written as HTML, as an HTML link to `html_href(slug)` (the served address)."""
    pattern = matcher.pattern
    if pattern is None:
        return markdown
    linked: set[str] = set()

    def replace(match: re.Match) -> str:
        slug = matcher.slugs[str(match.lastgroup)]  # every alternative of the pattern is a named group
        if slug in linked:
            return match.group(0)
        linked.add(slug)
        if write is not None:
            return write(slug, match.group(0))
        return f"[{match.group(0)}]({href(slug)}){{: .terme }}"

    def replace_in_html(match: re.Match) -> str:
        slug = matcher.slugs[str(match.lastgroup)]
        if slug in linked:
            return match.group(0)
        linked.add(slug)
        target = html_href(slug) if html_href is not None else href(slug)
        return f'<a class="terme" href="{target}">{match.group(0)}</a>'

    def in_markdown(match: re.Match) -> str:
        return match.group(0) if match.lastgroup == "keep" else replace(match)

    def in_html(match: re.Match) -> str:
        return match.group(0) if match.lastgroup == "keep" else replace_in_html(match)

    markdown_text, html_text = matcher.in_markdown, matcher.in_html
    assert markdown_text is not None and html_text is not None  # built with the pattern
    keep_markdown, keep_html = matcher.keep_markdown, matcher.keep_html
    assert keep_markdown is not None and keep_html is not None
    fast = bool(matcher.starts)

    def linked_html(piece: str) -> str:
        done = _link_from_starts(piece, matcher, keep_html, replace_in_html, linked) if fast else None
        return html_text.sub(in_html, piece) if done is None else done

    def linked_markdown(chunk: str) -> str:
        done = _link_from_starts(chunk, matcher, keep_markdown, replace, linked) if fast else None
        return markdown_text.sub(in_markdown, chunk) if done is None else done

    out = []
    for index, (is_html, piece) in enumerate(html_regions(markdown)):
        if is_html:
            out.append(linked_html(piece))
        else:
            out += [linked_markdown(chunk) if running else chunk
                    for running, chunk in running_text_blocks(piece, front_matter=index == 0)]
    return "".join(out)
