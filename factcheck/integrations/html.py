"""Readable text from a CMS's HTML draft, with a way back from text offsets to HTML offsets.

A check runs on the text a reader sees; a CMS highlights in the HTML it sent. ``html_to_text``
gives both: the text (block elements become paragraph breaks, ``<br>`` a line break, whitespace
collapsed as a browser would, entities decoded, script and style dropped, inline tags transparent)
and ``HtmlText.to_html_span`` to map any span of that text back onto the HTML string.

>>> doc = html_to_text("<p>“We will <em>never</em> quit,” she said.</p>")
>>> doc.text
'“We will never quit,” she said.'
>>> start, end = doc.to_html_span(1, 20)
>>> doc.html[start:end]
'We will <em>never</em> quit,'
"""

from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from factcheck.errors import FactcheckError

#: Elements that start and end a paragraph of their own.
BLOCK_TAGS = frozenset(
    {
        *("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "figcaption", "tr"),
        *("hr", "ul", "ol", "dl", "dt", "dd", "pre", "table", "thead", "tbody", "tfoot"),
        *("caption", "figure", "section", "article", "aside", "header", "footer", "main", "nav"),
        *("address", "details", "summary", "hgroup", "form", "fieldset"),
    }
)
#: Elements whose content a reader never sees.
HIDDEN_TAGS = frozenset({"script", "style", "template"})
#: Elements inside which whitespace is kept as written.
PREFORMATTED_TAGS = frozenset({"pre", "textarea", "listing"})
#: Table cells: kept apart by one space, like words.
CELL_TAGS = frozenset({"td", "th"})
#: What a browser collapses (ASCII whitespace); a no-break space (U+00A0) is kept.
COLLAPSIBLE_SPACE = " \t\n\r\f"
PARAGRAPH_BREAK = "\n\n"
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?")
LINE_BREAK = "\n"


class InvalidSpan(FactcheckError):
    status, title = 422, "Invalid span"


@dataclass(frozen=True)
class HtmlText:
    """The readable text of ``html``; character ``i`` of ``text`` came from ``html[_starts[i]:_ends[i]]``.

    Characters the conversion made up (a paragraph break, a collapsed space) map to the HTML
    between the characters around them, or to the whitespace they replace.
    """

    text: str
    html: str = field(repr=False)
    _starts: tuple[int, ...] = field(repr=False, compare=False)
    _ends: tuple[int, ...] = field(repr=False, compare=False)

    def to_html_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``html`` that covers exactly the characters ``text[start:end]``.

        An entity maps to the whole entity; tags before the first and after the last character
        are left out, tags in between kept. An empty span maps to the HTML position just before
        the character at ``start``.
        """
        if not 0 <= start <= end <= len(self.text):
            raise InvalidSpan(f"span {start}:{end} is outside the text (0:{len(self.text)})")
        if start == end:
            position = self._boundary(start)
            return position, position
        return self._starts[start], self._ends[end - 1]

    def _boundary(self, offset: int) -> int:
        if offset < len(self.text):
            return self._starts[offset]
        return self._ends[-1] if self._ends else 0


def html_to_text(html: str) -> HtmlText:
    """Convert an HTML fragment or document to the text a reader sees, keeping offsets.

    >>> html_to_text("<p>A&amp;B<br>C</p><p>  D   E </p>").text
    'A&B\\nC\\n\\nD E'
    """
    parser = _TextParser(html)
    parser.feed(html)
    parser.close()
    return HtmlText(parser.builder.text(), html, *parser.builder.spans())


class _TextBuilder:
    """Output characters with their source spans, and the pending break or space between them."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.pending_break = False
        self.pending_space: tuple[int, int] | None = None

    def text(self) -> str:
        return "".join(self.chars)

    def spans(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        return tuple(self.starts), tuple(self.ends)

    def request_break(self) -> None:
        """A block boundary: a paragraph break before the next character, if any."""
        self.pending_space = None
        self.pending_break = bool(self.chars)

    def line_break(self, start: int, end: int) -> None:
        """A ``<br>``: a line break now, after any pending paragraph break."""
        self.pending_space = None
        self._flush_break(start)
        self._emit(LINE_BREAK, start, end)

    def space(self, start: int, end: int) -> None:
        """Collapsible whitespace: at most one space, and only between two visible characters."""
        if not self.chars or self.pending_break or self.chars[-1] in " \n":
            return
        if self.pending_space and self.pending_space[1] == start:
            self.pending_space = (self.pending_space[0], end)
        elif not self.pending_space:
            self.pending_space = (start, end)

    def char(self, char: str, start: int, end: int) -> None:
        """A visible character, after whatever break or space is pending."""
        self._flush_break(start)
        if self.pending_space:
            self._emit(" ", *self.pending_space)
            self.pending_space = None
        self._emit(char, start, end)

    def _flush_break(self, start: int) -> None:
        if self.pending_break:
            # a <br> just before the block boundary counts towards the paragraph break
            tail = "".join(self.chars[-len(PARAGRAPH_BREAK) :])
            missing = len(PARAGRAPH_BREAK) - (len(tail) - len(tail.rstrip(LINE_BREAK)))
            previous_end = self.ends[-1]
            for char in PARAGRAPH_BREAK[:missing]:
                self._emit(char, previous_end, start)
        self.pending_break = False

    def _emit(self, char: str, start: int, end: int) -> None:
        self.chars.append(char)
        self.starts.append(start)
        self.ends.append(end)


class _TextParser(HTMLParser):
    """Feeds a _TextBuilder with absolute offsets into the HTML (charrefs left unconverted)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0] + [i + 1 for i, c in enumerate(html) if c == "\n"]
        self.builder = _TextBuilder()
        self.hidden = 0
        self.preformatted = 0

    def _position(self) -> int:
        """Absolute offset of the token being handled."""
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._tag(tag, opening=True)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self._tag(tag, opening=True)
        if tag in HIDDEN_TAGS or tag in PREFORMATTED_TAGS:
            self._tag(tag, opening=False)

    def handle_endtag(self, tag: str) -> None:
        self._tag(tag, opening=False)

    def _tag(self, tag: str, *, opening: bool) -> None:
        step = 1 if opening else -1
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden + step)
        if tag in PREFORMATTED_TAGS:
            self.preformatted = max(0, self.preformatted + step)
        if self.hidden:
            return
        if tag == "br" and opening:
            start = self._position()
            self.builder.line_break(start, start + len(self.get_starttag_text() or ""))
        elif tag in BLOCK_TAGS:
            self.builder.request_break()
        elif tag in CELL_TAGS and opening:
            start = self._position()
            self.builder.space(start, start)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        base = self._position()
        done = 0
        # html.parser hands over an unterminated reference at the very end (``x &amp``) as data
        for match in _REFERENCE.finditer(data):
            self._text(data[done : match.start()], base + done)
            self._reference(base + match.start(), base + match.end())
            done = match.end()
        self._text(data[done:], base + done)

    def _text(self, data: str, base: int) -> None:
        for i, char in enumerate(data):
            self._char(char, base + i, base + i + 1)

    def handle_charref(self, name: str) -> None:
        self._reference_named("&#" + name)

    def handle_entityref(self, name: str) -> None:
        self._reference_named("&" + name)

    def _reference_named(self, raw: str) -> None:
        if self.hidden:
            return
        start = self._position()
        end = start + len(raw)
        if self.html.startswith(";", end):
            end += 1
        self._reference(start, end)

    def _reference(self, start: int, end: int) -> None:
        """Each character an entity or character reference stands for maps to the whole reference."""
        for char in _html.unescape(self.html[start:end]):
            self._char(char, start, end)

    def _char(self, char: str, start: int, end: int) -> None:
        if self.preformatted and char == "\n":
            self.builder.line_break(start, end)
        elif char in COLLAPSIBLE_SPACE and not self.preformatted:
            self.builder.space(start, end)
        else:
            self.builder.char(char, start, end)
