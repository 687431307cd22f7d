"""CMS webhook payloads (Ghost, WordPress, a generic JSON shape) turned into one ``CmsDraft``.

Each adapter takes the raw request body and refuses, with ``PayloadError`` (HTTP 422) naming
what is missing, anything it would have to guess about. ``CmsDraft.revision`` is a content hash:
the same post with the same content gives the same revision, so it need not be checked twice.
Revisions hash the HTML when there is HTML (Ghost's ``previous.plaintext`` already holds the new
text in ``post.edited``, so plaintext is no guide to what changed), else the text.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from factcheck.errors import InvalidInput
from factcheck.integrations.html import html_to_text

GHOST, WORDPRESS, GENERIC = "ghost", "wordpress", "generic"


class PayloadError(InvalidInput):
    status, title = 422, "Invalid CMS payload"


@dataclass(frozen=True)
class CmsDraft:
    """One revision of a post as a CMS sent it; ``text`` is what gets checked."""

    source: str
    post_id: str
    revision: str
    title: str | None
    html: str | None
    text: str
    url: str | None
    updated_at: str | None
    event: str | None


def parse_ghost(body: bytes) -> CmsDraft:
    """A Ghost ``post.*`` webhook body: ``{"event"?, "post": {"current": {...}, "previous": {...}}}``."""
    payload = _load_object(body)
    post = _object(payload, "post", where="body")
    current = _object(post, "current", where="post")
    return _draft(
        GHOST,
        post_id=_identifier(current, "id", where="post.current"),
        title=_optional_str(current, "title", where="post.current"),
        html=_optional_str(current, "html", where="post.current"),
        text=_optional_str(current, "plaintext", where="post.current"),
        url=_optional_str(current, "url", where="post.current"),
        updated_at=_optional_str(current, "updated_at", where="post.current"),
        event=_optional_str(payload, "event", where="body"),
        content_names="post.current.html or post.current.plaintext",
    )


def parse_wordpress(body: bytes) -> CmsDraft:
    """A WordPress REST post object (``context=edit`` gives ``raw`` fields, else ``rendered``).

    ``content.raw`` is preferred to ``content.rendered`` (it is what the editor edits), the
    title is ``title.rendered`` as text or ``title.raw``; ``updated_at`` is ``modified_gmt``
    (as UTC) or ``modified``.
    """
    payload = _load_object(body)
    content = payload.get("content")
    html = _rendered_or_raw(content, where="content", prefer="raw")
    if html is None:
        raise PayloadError("content.raw or content.rendered is missing")
    title = _rendered_or_raw(payload.get("title"), where="title", prefer="rendered")
    modified_gmt = _optional_str(payload, "modified_gmt", where="body")
    return _draft(
        WORDPRESS,
        post_id=_identifier(payload, "id", where="body"),
        title=html_to_text(title).text if title is not None else None,
        html=html,
        text=None,
        url=_optional_str(payload, "link", where="body"),
        updated_at=_as_utc(modified_gmt) or _optional_str(payload, "modified", where="body"),
        event=_optional_str(payload, "event", where="body"),
        content_names="content.raw or content.rendered",
    )


def parse_generic(body: bytes) -> CmsDraft:
    """The generic hook: ``{"id", "text" or "html", "title"?, "url"?, "updated_at"?, "event"?}``."""
    payload = _load_object(body)
    html = _optional_str(payload, "html", where="body")
    text = _optional_str(payload, "text", where="body")
    if html is not None and text is not None:
        raise PayloadError("give either text or html, not both")
    return _draft(
        GENERIC,
        post_id=_identifier(payload, "id", where="body"),
        title=_optional_str(payload, "title", where="body"),
        html=html,
        text=text,
        url=_optional_str(payload, "url", where="body"),
        updated_at=_optional_str(payload, "updated_at", where="body"),
        event=_optional_str(payload, "event", where="body"),
        content_names="text or html",
    )


def content_revision(*, html: str | None, text: str) -> str:
    """The revision of a draft: sha256 (hex) of its HTML if it has HTML, else of its text."""
    content = html if html is not None else text
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def _draft(
    source: str, *, html: str | None, text: str | None, content_names: str, **fields: Any
) -> CmsDraft:
    """A CmsDraft whose text comes from the HTML when there is HTML."""
    if html is not None:
        text = html_to_text(html).text
    elif text is None:
        raise PayloadError(f"{content_names} is missing")
    revision = content_revision(html=html, text=text)
    return CmsDraft(source=source, revision=revision, html=html, text=text, **fields)


def _load_object(body: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise PayloadError(f"body is not JSON: {error}") from None
    except RecursionError:
        raise PayloadError("body is JSON nested too deeply") from None
    if not isinstance(payload, dict):
        raise PayloadError("body must be a JSON object")
    return payload


def _object(parent: dict[str, Any], key: str, *, where: str) -> dict[str, Any]:
    value = parent.get(key)
    if not isinstance(value, dict):
        raise PayloadError(f"{_path(where, key)} is missing or not an object")
    return value


def _identifier(parent: dict[str, Any], key: str, *, where: str) -> str:
    value = parent.get(key)
    if isinstance(value, bool) or not isinstance(value, (str, int)) or value == "":
        raise PayloadError(f"{_path(where, key)} is missing or not a string or integer")
    return str(value)


def _optional_str(parent: dict[str, Any], key: str, *, where: str) -> str | None:
    value = parent.get(key)
    if value is not None and not isinstance(value, str):
        raise PayloadError(f"{_path(where, key)} must be a string or null")
    return value


def _path(where: str, key: str) -> str:
    """``post.current.id``, or just ``id`` at the top of the body."""
    return key if where == "body" else f"{where}.{key}"


def _rendered_or_raw(field: Any, *, where: str, prefer: str) -> str | None:
    """A WordPress ``{"raw", "rendered"}`` field (or a plain string): the preferred form first."""
    if field is None or isinstance(field, str):
        return field
    if not isinstance(field, dict):
        raise PayloadError(f"{where} must be an object with raw or rendered")
    other = "rendered" if prefer == "raw" else "raw"
    for key in (prefer, other):
        value = _optional_str(field, key, where=where)
        if value is not None:
            return value
    return None


def _as_utc(timestamp: str | None) -> str | None:
    """WordPress's ``modified_gmt`` has no zone; say it is UTC."""
    if not timestamp:
        return None
    return timestamp if timestamp.endswith(("Z", "+00:00")) else timestamp + "Z"
