"""Hostile or broken bodies: each is a 4xx problem+json and leaves the store as it was."""

from __future__ import annotations

import os

import pytest

from factcheck.api import create_app
from tests.api.test_errors import assert_problem


def state(store):
    jobs = store._db().execute("SELECT COUNT(*) FROM jobs").fetchone()[0]
    return jobs, store.version(), store.list_references(limit=1)[1]


NESTED = "[" * 100_000 + "]" * 100_000
BAD_BODIES = {
    "empty": (b"", "application/json", 422),
    "not json at all": (b"hello", "text/plain", 422),
    "invalid UTF-8": (b'{"text": "caf\xe9 \xff"}', "application/json", 400),
    "binary": (os.urandom(4096), "application/json", 400),
    "deeply nested array": (NESTED.encode(), "application/json", 400),
    "deeply nested metadata": (('{"text": "A draft.", "metadata": ' + '{"a": ' * 50_000 + "1"
                                + "}" * 50_001).encode(), "application/json", 400),
    "thousands of quotes": (('{"text": "' + " ".join(
        f"\\\"Quote {i} is here,\\\" he said." for i in range(3000)) + '"}').encode(),
        "application/json", 422),
}


CASES = [(path, name) for path in ("/v1/checks", "/v1/references") for name in BAD_BODIES
         if not (path == "/v1/references" and name == "thousands of quotes")]  # (a reference
# may quote as much as it likes)


@pytest.mark.parametrize("path, name", CASES)
def test_bad_body_is_a_problem_and_changes_nothing(client, store, path, name):
    body, content_type, status = BAD_BODIES[name]
    before = state(store)
    assert_problem(client.post(path, data=body, content_type=content_type), status)
    assert state(store) == before


def test_ten_megabytes_is_413_and_changes_nothing(client, store):
    before = state(store)
    assert_problem(client.post("/v1/checks", json={"text": "x" * 10_000_000}), 413)
    assert_problem(client.post("/v1/references", json={"title": "T", "text": "x" * 10_000_000}),
                   413)
    assert state(store) == before


def test_unbalanced_marks_are_a_draft_like_any_other(settings):
    """Drafts with a stray mark are common; the check contains it to its paragraph."""
    app = create_app(settings)
    from factcheck.service import check_document

    text = 'He said "this never ends.\n\nAnd so on “ and more " stuff, the mayor said.'
    r = app.test_client().post("/v1/checks", json={"text": text})
    assert r.status_code == 202
    report = check_document(app.extensions["factcheck.store"], text)
    assert report["summary"] is not None
