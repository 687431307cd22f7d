"""Every error is application/problem+json with a detail that says what to fix."""

from __future__ import annotations

import pytest

from factcheck.api import create_app


def assert_problem(response, status):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def test_malformed_json_is_400(client):
    r = client.post("/v1/checks", data='{"text": "abc",}', content_type="application/json")
    assert "JSON" in assert_problem(r, 400)["detail"]


@pytest.mark.parametrize(
    "body, field",
    [
        ({"text": 42}, "text"),
        ({"text": "   "}, "text"),
        ({"text": ""}, "text"),
        ({}, "text"),
        ({"text": "A draft.", "colour": "red"}, "colour"),
        ({"text": "A draft.", "metadata": "not an object"}, "metadata"),
    ],
)
def test_invalid_check_request_is_422_naming_the_field(client, body, field):
    detail = assert_problem(client.post("/v1/checks", json=body), 422)["detail"]
    assert field in detail


def test_body_over_limit_is_413(settings):
    app = create_app({**settings, "MAX_CONTENT_LENGTH": 1000})
    r = app.test_client().post("/v1/checks", json={"text": "x" * 2000})
    assert_problem(r, 413)


def test_unknown_job_is_404(client):
    assert_problem(client.get("/v1/checks/does-not-exist"), 404)


def test_unknown_route_is_404_problem(client):
    assert_problem(client.get("/v1/nothing-here"), 404)


def test_wrong_method_is_405_problem_saying_what_is_allowed(client):
    r = client.put("/v1/checks")
    assert_problem(r, 405)
    assert "POST" in r.headers["Allow"]


def test_broker_down_is_503_with_retry_after_and_no_job(settings):
    # Nothing listens on port 1: publishing fails at once.
    app = create_app({**settings, "BROKER_URL": "redis://127.0.0.1:1/0", "RETRY_AFTER": 7})
    store = app.extensions["factcheck.store"]
    r = app.test_client().post("/v1/checks", json={"text": "The draft."})
    assert_problem(r, 503)
    assert r.headers["Retry-After"] == "7"
    assert store._db().execute("SELECT COUNT(*) FROM jobs").fetchone()[0] == 0


def test_unexpected_error_is_500_problem_without_traceback(app, client, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(app.extensions["factcheck.store"], "get_job", boom)
    body = assert_problem(client.get("/v1/checks/x"), 500)
    assert "secret" not in body["detail"] and "Traceback" not in str(body)
