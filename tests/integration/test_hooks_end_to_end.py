"""CMS hooks end to end: a signed Ghost delivery in, a signed callback out, retries and stops.

Real processes: gunicorn web, a Celery worker on Redis, and a local HTTP receiver that checks
the callback's signature with its own Standard Webhooks implementation.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import sys
import time

import pytest
import requests

from tests.conftest import shared_path
from tests.integration.conftest import SEED, celery_worker, free_port, wait_healthy

pytestmark = pytest.mark.integration

GHOST_SECRET = "aea41f30d03cee1c773530ee4cedd95d"


def ghost_signature(body: bytes, t_ms: int, secret: str = GHOST_SECRET) -> str:
    digest = hmac.new(secret.encode(), body + str(t_ms).encode(), hashlib.sha256).hexdigest()
    return f"sha256={digest}, t={t_ms}"


def verify_standard_webhook(request, secrets: list[str]) -> dict:
    """The receiver's side, written from the spec: v1,<base64 HMAC-SHA256(id.timestamp.body)>."""
    msg_id = request.headers["webhook-id"]
    ts = request.headers["webhook-timestamp"]
    assert abs(time.time() - int(ts)) < 300
    signed = f"{msg_id}.{ts}.".encode() + request.get_data()
    expected = set()
    for secret in secrets:
        key = base64.b64decode(secret.removeprefix("whsec_"))
        expected.add(base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode())
    sent = {sig.split(",", 1)[1] for sig in request.headers["webhook-signature"].split()}
    assert sent & expected, "no signature verified"
    return json.loads(request.get_data())


@pytest.fixture
def stack(processes, redis_url):
    """Web + worker on Redis with a Ghost hook source whose callbacks go to the receiver."""
    from factcheck.integrations.callbacks import callback_secrets
    from factcheck.integrations.hooks import set_hook
    from factcheck.store import open_store

    env = processes.env
    env.update(FACTCHECK_STORE_URL=redis_url, FACTCHECK_OUTBOUND_ALLOW="127.0.0.1",
               FACTCHECK_CALLBACK_BACKOFF="1", FACTCHECK_CALLBACK_MAX_ATTEMPTS="4")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    processes.start("web", sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}",
                    "factcheck.api:create_app()")
    celery_worker(processes, "w1")
    wait_healthy(base, processes)
    store = open_store(redis_url)
    store.add_reference(id=SEED.stem, title="seed", text=SEED.read_text(encoding="utf-8"))
    secrets = callback_secrets(store, {"CALLBACK_SECRETS": ""})

    def configure(callback_url: str) -> None:
        set_hook(store, "ghost", secrets=[GHOST_SECRET], callback_url=callback_url)

    yield base, configure, secrets, store
    store.close()


def ghost_body(name: str) -> bytes:
    return shared_path("fixtures", "ghost", f"{name}.body").read_bytes()


def post_ghost(base: str, body: bytes, signature: str | None) -> requests.Response:
    headers = {"Content-Type": "application/json"}
    if signature:
        headers["X-Ghost-Signature"] = signature
    return requests.post(f"{base}/v1/hooks/ghost", data=body, headers=headers, timeout=5)


def wait_for(predicate, timeout: float = 60, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


def test_ghost_delivery_produces_a_signed_callback_with_the_report(stack, httpserver):
    base, configure, secrets, store = stack
    received = []
    httpserver.expect_request("/factcheck", method="POST").respond_with_handler(
        lambda req: received.append(verify_standard_webhook(req, secrets))
        or __import__("werkzeug").Response("ok"))
    configure(httpserver.url_for("/factcheck"))
    body = ghost_body("01-new-published-post.added")
    r = post_ghost(base, body, ghost_signature(body, int(time.time() * 1000)))
    assert r.status_code == 202, r.text
    job_id = r.json()["id"]
    wait_for(lambda: received, what="the callback")
    payload = received[0]
    assert payload["type"] == "check.done" and payload["data"]["id"] == job_id
    report = payload["data"]["report"]
    assert report["report_version"] == 1 and "flags" in report
    post = json.loads(body)["post"]["current"]
    for claim in report["claims"]:
        assert 0 <= claim["html_start"] < claim["html_end"] <= len(post["html"])
    log = wait_for(lambda: store.log_read("deliveries", job_id), what="the delivery log")
    assert log[0]["outcome"] == "delivered" and log[0]["status_code"] == 200


def test_same_revision_is_not_checked_twice(stack, httpserver):
    base, configure, _, _ = stack
    httpserver.expect_request("/cb").respond_with_data("ok")
    configure(httpserver.url_for("/cb"))
    added = ghost_body("01-new-published-post.added")
    published = ghost_body("02-new-published-post.published")
    now = int(time.time() * 1000)
    first = post_ghost(base, added, ghost_signature(added, now))
    again = post_ghost(base, published, ghost_signature(published, now + 5))
    assert first.status_code == 202 and again.status_code == 200
    assert again.json()["id"] == first.json()["id"]
    edited = ghost_body("03-edit-post.edited")
    changed = post_ghost(base, edited, ghost_signature(edited, now + 10))
    assert changed.status_code == 202 and changed.json()["id"] != first.json()["id"]


def test_forged_replayed_and_unsigned_deliveries_are_refused(stack):
    base, configure, _, _ = stack
    configure("http://127.0.0.1:9/never")
    body = ghost_body("01-new-published-post.added")
    recorded = json.loads(shared_path("fixtures", "ghost",
                                      "01-new-published-post.added.headers.json").read_text())
    headers = {k.lower(): v for k, v in recorded["headers"]}
    replayed = post_ghost(base, body, headers["x-ghost-signature"])  # genuine, but old
    forged = post_ghost(base, body, ghost_signature(body, int(time.time() * 1000), "wrong"))
    tampered = post_ghost(base, body.replace(b"Ghost", b"Gh0st", 1),
                          ghost_signature(body, int(time.time() * 1000)))
    unsigned = post_ghost(base, body, None)
    for r in (replayed, forged, tampered, unsigned):
        assert r.status_code == 401 and r.headers["Content-Type"] == "application/problem+json"


def test_503_receiver_is_retried_with_the_same_webhook_id(stack, httpserver):
    base, configure, _, store = stack
    ids = []

    def record(status, headers=None):
        def handler(req):
            from werkzeug import Response

            ids.append(req.headers["webhook-id"])
            return Response("x", status=status, headers=headers or {})
        return handler

    httpserver.expect_ordered_request("/cb").respond_with_handler(
        record(503, {"Retry-After": "1"}))
    httpserver.expect_ordered_request("/cb").respond_with_handler(record(503))
    httpserver.expect_ordered_request("/cb").respond_with_handler(record(200))
    configure(httpserver.url_for("/cb"))
    body = ghost_body("04-new-draft-post.added")
    job_id = post_ghost(base, body, ghost_signature(body, int(time.time() * 1000))).json()["id"]
    log = wait_for(lambda: (lambda entries: entries if len(entries) == 3 else None)(
        store.log_read("deliveries", job_id)), what="three attempts")
    assert [e["outcome"] for e in log] == ["retry", "retry", "delivered"]
    assert log[0]["retry_in"] == 1 and len(set(ids)) == 1


def test_410_receiver_stops_the_retries(stack, httpserver):
    base, configure, _, store = stack
    httpserver.expect_request("/gone").respond_with_data("gone", status=410)
    configure(httpserver.url_for("/gone"))
    body = ghost_body("05-draft-published-post.published")
    job_id = post_ghost(base, body, ghost_signature(body, int(time.time() * 1000))).json()["id"]
    log = wait_for(lambda: store.log_read("deliveries", job_id), what="the first attempt")
    time.sleep(2.5)  # longer than the backoff: a retry would have been logged by now
    log = store.log_read("deliveries", job_id)
    assert [e["outcome"] for e in log] == ["stopped"] and log[0]["status_code"] == 410
    assert len(httpserver.log) == 1
