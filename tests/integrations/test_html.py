"""html_to_text: the text a reader sees, and the way back to the HTML as sent."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.integrations.html import InvalidSpan, html_to_text

TAG = re.compile(r"<[^>]*>")


def visible(fragment: str) -> str:
    """What a slice of HTML shows: tags stripped, entities decoded, whitespace collapsed."""
    return " ".join(html_lib.unescape(TAG.sub("", fragment)).split())


def html_of(doc, start: int, end: int) -> str:
    hs, he = doc.to_html_span(start, end)
    return doc.html[hs:he]


def test_quote_split_by_em_is_one_quote():
    doc = html_to_text("<p>“We will <em>never</em> quit,” she said.</p>")
    assert doc.text == "“We will never quit,” she said."
    start = doc.text.index("We")
    end = doc.text.index("”")
    assert doc.text[start:end] == "We will never quit,"
    assert html_of(doc, start, end) == "We will <em>never</em> quit,"


def test_blocks_become_paragraph_breaks_and_br_a_line_break():
    doc = html_to_text(
        "<h2>Title</h2><p>One<br>two<br/>three</p><blockquote><p>Q</p></blockquote>"
        "<ul><li>a</li><li>b</li></ul><hr><figure><img src=x><figcaption>Cap</figcaption></figure>"
        "<table><tr><td>1</td><td>2</td></tr></table><div>end</div>"
    )
    assert doc.text == "Title\n\nOne\ntwo\nthree\n\nQ\n\na\n\nb\n\nCap\n\n1 2\n\nend"


def test_whitespace_collapses_as_in_a_browser():
    doc = html_to_text("<p>\n  Many   spaces\tand\nlines <b> around </b> tags  </p>\n<p> x </p>")
    assert doc.text == "Many spaces and lines around tags\n\nx"


def test_no_break_space_is_kept():
    assert html_to_text("3&nbsp;000 km").text == "3\xa0000 km"


def test_entities_are_decoded_and_map_to_the_whole_entity():
    doc = html_to_text("It&rsquo;s &#8220;fine&#x201D; &amp; done")
    assert doc.text == "It’s “fine” & done"
    assert html_of(doc, 2, 3) == "&rsquo;"
    assert html_of(doc, 5, 11) == "&#8220;fine&#x201D;"
    assert html_of(doc, 12, 13) == "&amp;"


def test_unterminated_and_bare_references():
    assert html_to_text("AT&T & co &amp").text == "AT&T & co &"
    assert html_to_text("a &# b &xyz; c").text == "a &# b &xyz; c"


def test_script_style_and_comments_are_dropped():
    doc = html_to_text("<style>p{}</style><p>a<script>var x = '<p>b</p>';</script> c<!-- d --></p>")
    assert doc.text == "a c"


def test_preformatted_whitespace_is_kept():
    assert html_to_text("<pre>x  =  1\ny = 2</pre>").text == "x  =  1\ny = 2"


def test_span_ending_before_a_tag_run_leaves_the_tags_out():
    doc = html_to_text("<p><strong>Bold</strong></p><p>next</p>")
    assert html_of(doc, 0, 4) == "Bold"
    assert html_of(doc, 6, 10) == "next"
    assert html_of(doc, 0, 10) == "Bold</strong></p><p>next"


def test_empty_span_and_out_of_range_span():
    doc = html_to_text("<p>ab</p>")
    assert doc.to_html_span(1, 1) == (4, 4)
    assert doc.to_html_span(2, 2) == (5, 5)
    with pytest.raises(InvalidSpan) as raised:
        doc.to_html_span(1, 3)
    assert isinstance(raised.value, FactcheckError) and raised.value.status == 422


def test_empty_html():
    doc = html_to_text("")
    assert doc.text == "" and doc.to_html_span(0, 0) == (0, 0)


def test_ghost_html_with_non_ascii():
    html = (
        "<p>The minister said “unemployment fell to 3.9% in 2024” — a claim we check.</p>"
        '<h2 id="figures">Figures</h2><ul><li>Population: 8,200,000</li></ul>'
    )
    doc = html_to_text(html)
    assert (
        doc.text.splitlines()[0]
        == "The minister said “unemployment fell to 3.9% in 2024” — a claim we check."
    )
    start = doc.text.index("8,200,000")
    assert html_of(doc, start, start + 9) == "8,200,000"


# -- properties ----------------------------------------------------------------------------------

WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC0123456789.,%€’“”", min_size=1, max_size=8)
ENTITIES = st.sampled_from(["&amp;", "&#8220;", "&rsquo;", "&eacute;", "&#x201D;", "&lt;", "&gt;"])
INLINE = st.sampled_from(["em", "strong", "a", "span", "b", "i"])
SPACES = st.sampled_from([" ", "  ", "\n", " \t "])


@st.composite
def segments(draw) -> str:
    """A word, an entity, or a word wrapped in an inline tag, with the tag's whitespace inside."""
    kind = draw(st.integers(0, 2))
    if kind == 0:
        return draw(WORDS)
    if kind == 1:
        return draw(ENTITIES)
    tag = draw(INLINE)
    return f"<{tag}>{draw(WORDS)}{draw(SPACES)}{draw(WORDS)}</{tag}>"


@st.composite
def documents(draw) -> str:
    blocks = draw(st.lists(st.lists(segments(), min_size=1, max_size=8), min_size=1, max_size=4))
    tags = [draw(st.sampled_from(["p", "li", "h2", "blockquote", "div"])) for _ in blocks]
    return "".join(
        f"<{tag}>{draw(SPACES).join(block)}</{tag}>"
        for tag, block in zip(tags, blocks, strict=True)
    )


@settings(max_examples=150, deadline=None, database=None)
@given(documents(), st.data())
def test_a_span_within_a_paragraph_maps_to_html_showing_the_same_text(html, data):
    doc = html_to_text(html)
    paragraphs = [m.span() for m in re.finditer(r"[^\n]+", doc.text)]
    first, last = data.draw(st.sampled_from(paragraphs))
    start = data.draw(st.integers(first, last - 1))
    end = data.draw(st.integers(start + 1, last))
    assert visible(html_of(doc, start, end)) == " ".join(doc.text[start:end].split())


@settings(max_examples=150, deadline=None, database=None)
@given(documents())
def test_every_visible_character_maps_to_html_that_shows_it(html):
    doc = html_to_text(html)
    for i, char in enumerate(doc.text):
        if not char.isspace():
            assert html_lib.unescape(TAG.sub("", html_of(doc, i, i + 1))) == char


PIECES = list("ab <>/&#;p=\"'\n") + [
    "<p>",
    "</p>",
    "<br>",
    "&amp;",
    "&amp",
    "<em>",
    "</em>",
    "<!--",
]


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_any_input_gives_ordered_spans_inside_the_html(html):
    doc = html_to_text(html)
    previous_end = 0
    for i in range(len(doc.text)):
        start, end = doc.to_html_span(i, i + 1)
        assert 0 <= start <= end <= len(html)
        assert start >= previous_end or doc.to_html_span(i - 1, i) == (start, end)
        previous_end = end
