"""CMS payload adapters: real Ghost deliveries, WordPress REST objects, the generic shape."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from factcheck.integrations.cms import PayloadError, parse_generic, parse_ghost, parse_wordpress

GHOST_FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "ghost"


def ghost_body(name: str) -> bytes:
    path = GHOST_FIXTURES / f"{name}.body"
    if not path.exists():
        pytest.fail(f"Ghost fixture {path} is missing: these tests read ../shared next to the repo")
    return path.read_bytes()


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


# -- Ghost ---------------------------------------------------------------------------------------


def test_ghost_post_added():
    draft = parse_ghost(ghost_body("01-new-published-post.added"))
    current = json.loads(ghost_body("01-new-published-post.added"))["post"]["current"]
    assert draft.source == "ghost"
    assert draft.event == "post.added"
    assert draft.post_id == "6b060c72acbd8565d46a877c"
    assert draft.title == "Minister’s “3.4%” claim"
    assert draft.html == current["html"]
    assert draft.revision == sha256(current["html"])
    assert draft.text.startswith("The minister said “unemployment fell to 3.4% in 2023” — a claim")
    assert draft.url == "http://127.0.0.1:2368/ministers-3-4-claim/"
    assert draft.updated_at == "2026-11-24T22:15:14.000Z"


def test_ghost_text_comes_from_html_with_paragraph_breaks():
    draft = parse_ghost(ghost_body("03-edit-post.edited"))
    assert draft.event == "post.edited"
    assert "“unemployment fell to 3.9% in 2024”" in draft.text
    assert "Figures\n\nPopulation: 8,200,000\n\nInflation: −0.7 %" in draft.text


def test_ghost_revisions_tell_edits_from_repeats():
    added = parse_ghost(ghost_body("01-new-published-post.added"))
    published = parse_ghost(ghost_body("02-new-published-post.published"))
    edited = parse_ghost(ghost_body("03-edit-post.edited"))
    assert added.revision == published.revision  # same content: no second check needed
    assert edited.post_id == added.post_id and edited.revision != added.revision
    draft = parse_ghost(ghost_body("04-new-draft-post.added"))
    published_draft = parse_ghost(ghost_body("05-draft-published-post.published"))
    edited_draft = parse_ghost(ghost_body("06-draft-published-post.edited"))
    assert draft.revision == published_draft.revision == edited_draft.revision
    assert draft.post_id != added.post_id


def test_ghost_edited_revision_ignores_plaintext_which_already_holds_the_new_text():
    payload = json.loads(ghost_body("03-edit-post.edited"))
    previous = payload["post"]["previous"]
    assert previous["html"] != payload["post"]["current"]["html"]
    assert parse_ghost(ghost_body("03-edit-post.edited")).revision == sha256(
        payload["post"]["current"]["html"]
    )


def test_ghost_without_html_uses_plaintext_and_without_event_has_none():
    body = json.dumps({"post": {"current": {"id": "p1", "plaintext": "Plain words."}}}).encode()
    draft = parse_ghost(body)
    assert (draft.text, draft.html, draft.event) == ("Plain words.", None, None)
    assert draft.revision == sha256("Plain words.")


@pytest.mark.parametrize(
    "payload, detail",
    [
        ({}, "post is missing"),
        ({"post": {}}, "post.current is missing"),
        ({"post": {"current": {}, "previous": {"id": "p1"}}}, "post.current.id is missing"),
        ({"post": {"current": {"id": "p1"}}}, "post.current.html or post.current.plaintext"),
        ({"post": {"current": {"id": "p1", "html": 3}}}, "post.current.html must be a string"),
        ([], "JSON object"),
    ],
)
def test_malformed_ghost_payloads(payload, detail):
    with pytest.raises(PayloadError, match=detail) as raised:
        parse_ghost(json.dumps(payload).encode())
    assert raised.value.status == 422


def test_not_json():
    for parse in (parse_ghost, parse_wordpress, parse_generic):
        with pytest.raises(PayloadError, match="not JSON"):
            parse(b"<html>")
        with pytest.raises(PayloadError, match="not JSON"):
            parse(b"\xff\xfe")


# -- WordPress -----------------------------------------------------------------------------------

WP_POST = {
    "id": 1234,
    "date": "2026-11-20T09:00:00",
    "modified": "2026-11-24T10:15:00",
    "modified_gmt": "2026-11-24T09:15:00",
    "link": "https://news.example/2026/11/24/minister/",
    "status": "draft",
    "title": {"raw": "Minister’s claim", "rendered": "Minister&#8217;s claim"},
    "content": {
        "raw": "<!-- wp:paragraph -->\n<p>She said &#8220;we <em>never</em> quit.&#8221;</p>\n"
        "<!-- /wp:paragraph -->",
        "rendered": "\n<p>She said &#8220;we <em>never</em> quit.&#8221;</p>\n",
        "protected": False,
    },
}


def test_wordpress_post_object_in_edit_context():
    draft = parse_wordpress(json.dumps(WP_POST).encode())
    assert draft.source == "wordpress"
    assert draft.post_id == "1234"
    assert draft.title == "Minister’s claim"
    assert draft.html == WP_POST["content"]["raw"]
    assert draft.text == "She said “we never quit.”"
    assert draft.revision == sha256(WP_POST["content"]["raw"])
    assert draft.url == "https://news.example/2026/11/24/minister/"
    assert draft.updated_at == "2026-11-24T09:15:00Z"
    assert draft.event is None


def test_wordpress_post_object_in_view_context():
    post = {
        "id": 9,
        "modified": "2026-11-24T10:15:00",
        "title": {"rendered": "A &amp; B"},
        "content": {"rendered": "<p>Text.</p>"},
    }
    draft = parse_wordpress(json.dumps(post).encode())
    assert (draft.title, draft.html, draft.text) == ("A & B", "<p>Text.</p>", "Text.")
    assert draft.updated_at == "2026-11-24T10:15:00" and draft.url is None


@pytest.mark.parametrize(
    "change, detail",
    [
        ({"content": None}, "content.raw or content.rendered is missing"),
        ({"content": {"protected": False}}, "content.raw or content.rendered is missing"),
        ({"content": ["x"]}, "content must be an object"),
        ({"id": None}, "id is missing"),
        ({"id": True}, "id is missing"),
        ({"link": 5}, "link must be a string"),
    ],
)
def test_malformed_wordpress_payloads(change, detail):
    with pytest.raises(PayloadError, match=detail):
        parse_wordpress(json.dumps({**WP_POST, **change}).encode())


# -- generic -------------------------------------------------------------------------------------


def test_generic_with_text():
    body = json.dumps(
        {
            "id": "a-1",
            "title": "T",
            "text": "Plain “text”.",
            "url": "https://x.example/a",
            "updated_at": "2026-11-24T10:00:00Z",
            "event": "saved",
        }
    ).encode()
    draft = parse_generic(body)
    assert draft.source == "generic" and draft.post_id == "a-1" and draft.html is None
    assert (draft.text, draft.title, draft.url, draft.event) == (
        "Plain “text”.",
        "T",
        "https://x.example/a",
        "saved",
    )
    assert draft.revision == sha256("Plain “text”.")


def test_generic_with_html():
    draft = parse_generic(b'{"id": 5, "html": "<p>a</p><p>b&amp;c</p>"}')
    assert (draft.post_id, draft.text, draft.title) == ("5", "a\n\nb&c", None)
    assert draft.revision == sha256("<p>a</p><p>b&amp;c</p>")


@pytest.mark.parametrize(
    "payload, detail",
    [
        ({"text": "x"}, "id is missing"),
        ({"id": "", "text": "x"}, "id is missing"),
        ({"id": 1}, "text or html is missing"),
        ({"id": 1, "text": "x", "html": "<p>x</p>"}, "either text or html"),
        ({"id": 1, "text": ["x"]}, "text must be a string"),
        ({"id": 1, "text": "x", "title": 3}, "title must be a string"),
    ],
)
def test_malformed_generic_payloads(payload, detail):
    with pytest.raises(PayloadError, match=detail):
        parse_generic(json.dumps(payload).encode())
