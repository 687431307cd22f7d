"""Hooks, HTML drafts, Idempotency-Key and report reuse through the test client."""

from __future__ import annotations

import json
import time

import pytest

from factcheck.integrations.hooks import set_hook
from factcheck.integrations.signatures import sign_standard, sign_wordpress
from factcheck.jobs import run_job
from factcheck.serve import load_seeds
from tests.conftest import REPO

DRAFT = (REPO / "tests" / "data" / "kirby-draft.txt").read_text(encoding="utf-8")


def test_unknown_hook_is_404(client):
    r = client.post("/v1/hooks/nope", data=b"{}")
    assert r.status_code == 404 and "factcheck hooks set" in r.get_json()["detail"]


def test_wordpress_hook_signed_with_the_documented_scheme(client, store):
    set_hook(store, "wordpress", secrets=["wp-secret"])
    body = json.dumps({"id": 42, "modified_gmt": "2024-05-01T10:00:00", "link": "https://x.org/p",
                       "title": {"rendered": "Ferry"},
                       "content": {"rendered": "<p>The ferry carried <b>4,200</b> people.</p>"}}
                      ).encode()
    good = {"X-Factcheck-Signature": sign_wordpress(body, "wp-secret", timestamp=int(time.time()))}
    r = client.post("/v1/hooks/wordpress", data=body, headers=good)
    assert r.status_code == 202, r.get_json()
    job = store.get_job(r.get_json()["id"])
    assert job.text == "The ferry carried 4,200 people." and job.hook == "wordpress"
    assert job.metadata["post_id"] == "42"
    stale = {"X-Factcheck-Signature": sign_wordpress(body, "wp-secret",
                                                     timestamp=int(time.time()) - 3600)}
    assert client.post("/v1/hooks/wordpress", data=body, headers=stale).status_code == 401


def test_generic_hook_uses_standard_webhooks(client, store):
    secret = "whsec_" + "a2V5LWZvci10aGUtZ2VuZXJpYy1ob29rLXRlc3RzIQ=="
    set_hook(store, "desk", kind="generic", secrets=[secret])
    body = json.dumps({"id": "story-9", "text": "Nothing to see."}).encode()
    headers = sign_standard("msg_1", int(time.time()), body, [secret])
    assert client.post("/v1/hooks/desk", data=body, headers=headers).status_code == 202
    bad = sign_standard("msg_1", int(time.time()), body, ["whsec_" + "b3RoZXI="])
    assert client.post("/v1/hooks/desk", data=body, headers=bad).status_code == 401


def test_html_draft_gets_offsets_in_text_and_html(app, client, store):
    load_seeds(store, REPO / "seeds")
    html = "".join(f"<p>{p.replace(chr(34), '&quot;')}</p>\n" for p in DRAFT.split("\n\n"))
    html = html.replace("month's worth", "<em>month's</em> worth")
    r = client.post("/v1/checks", json={"html": html})
    assert r.status_code == 202
    job = run_job(store, r.get_json()["id"], settings=app.config["FACTCHECK"])
    flags = job.report["flags"]
    altered = next(f for f in flags if f["kind"] == "quote_altered")
    assert "month's worth" in job.text[altered["start"]:altered["end"]]
    assert "<em>month's</em> worth" in html[altered["html_start"]:altered["html_end"]]
    number = next(f for f in flags if f["kind"] == "number_mismatch")
    assert html[number["html_start"]:number["html_end"]] == "200,000"


@pytest.mark.parametrize("body", [{"text": "a", "html": "<p>a</p>"}, {"title": "no draft"}])
def test_text_or_html_exactly_one(client, body):
    r = client.post("/v1/checks", json=body)
    assert r.status_code == 422 and "either text or html" in r.get_json()["detail"]


def test_idempotency_key_returns_the_first_job(client, store):
    headers = {"Idempotency-Key": "save-123"}
    first = client.post("/v1/checks", json={"text": "Draft one."}, headers=headers)
    again = client.post("/v1/checks", json={"text": "Draft one."}, headers=headers)
    other = client.post("/v1/checks", json={"text": "Draft one."},
                        headers={"Idempotency-Key": "save-124"})
    assert first.status_code == 202 and again.status_code == 200
    assert again.get_json()["id"] == first.get_json()["id"]
    assert other.get_json()["id"] != first.get_json()["id"]


def test_same_text_same_store_reuses_the_report(app, client, store):
    load_seeds(store, REPO / "seeds")
    first = client.post("/v1/checks", json={"text": DRAFT}).get_json()
    run_job(store, first["id"], settings=app.config["FACTCHECK"])
    second = client.post("/v1/checks", json={"text": DRAFT}).get_json()
    assert second["status"] == "done"
    job = client.get(f"/v1/checks/{second['id']}").get_json()
    assert job["reused_from"] == first["id"] and job["report"]["flags"]
    store.add_reference(title="New", text="A new reference changes the store version.")
    third = client.post("/v1/checks", json={"text": DRAFT}).get_json()
    assert third["status"] == "queued"


def test_unsafe_callback_url_is_refused(client):
    r = client.post("/v1/checks", json={"text": "x", "callback_url": "http://169.254.169.254/x"})
    assert r.status_code == 422 and r.mimetype == "application/problem+json"


def test_an_empty_url_field_means_none(client, store):
    """A CMS form left blank sends "": no callback, no link, no hook callback."""
    r = client.post("/v1/checks", json={"text": "A draft.", "callback_url": ""})
    assert r.status_code == 202
    assert client.get(r.headers["Location"]).get_json()["callback_url"] is None
    r = client.post("/v1/references", json={"title": "T", "text": "Some text.", "url": ""})
    assert r.status_code == 201 and r.get_json()["url"] is None
    r = client.put("/v1/hooks/ghost", json={"kind": "ghost", "secrets": ["s"], "callback_url": ""})
    assert r.status_code == 200 and not r.get_json()["callback_url"]
    r = client.post("/v1/checks", json={"text": "A draft.", "callback_url": "not a url"})
    assert r.status_code == 422 and "callback_url" in r.get_json()["detail"]


def test_deliveries_of_unknown_check_is_404(client):
    assert client.get("/v1/checks/nope/deliveries").status_code == 404


def test_ghost_deletion_is_acknowledged_without_a_check(client, store):
    from tests.integration.test_hooks_end_to_end import ghost_signature

    set_hook(store, "ghost", secrets=["s3cret"])
    body = json.dumps({"post": {"current": {}, "previous": {"id": "p1", "title": "Gone"}}}).encode()
    headers = {"X-Ghost-Signature": ghost_signature(body, int(time.time() * 1000), "s3cret")}
    assert client.post("/v1/hooks/ghost", data=body, headers=headers).status_code == 204


def test_hooks_are_managed_over_http_with_an_admin_key(settings):
    from factcheck.api import create_app
    from factcheck.auth import create_key

    app = create_app({**settings, "AUTH": "required"})
    store = app.extensions["factcheck.store"]
    client = app.test_client()
    admin = {"Authorization": f"Bearer {create_key(store, name='a', scope='admin')[1]}"}
    check = {"Authorization": f"Bearer {create_key(store, name='c', scope='check')[1]}"}
    body = {"kind": "ghost", "secrets": ["s3cret"], "callback_url": "https://cms.example.org/cb"}
    assert client.put("/v1/hooks/ghost", json=body, headers=check).status_code == 403
    r = client.put("/v1/hooks/ghost", json=body, headers=admin)
    assert r.status_code == 200 and r.get_json()["kind"] == "ghost"
    assert "s3cret" not in r.get_data(as_text=True)
    r = client.put("/v1/hooks/desk", json={"secrets": ["x"]}, headers=admin)
    assert r.status_code == 422 and "kind" in r.get_json()["detail"]
    assert [h["name"] for h in client.get("/v1/hooks", headers=admin).get_json()] == ["ghost"]
    assert client.get("/v1/hooks/ghost", headers=admin).get_json()["callback_url"].endswith("/cb")
    # A delivery needs no key: its signature is checked (here: none, so 401 for that reason).
    r = client.post("/v1/hooks/ghost", data=b"{}")
    assert r.status_code == 401 and "signature" in r.get_json()["detail"].lower()
    assert client.delete("/v1/hooks/ghost", headers=admin).status_code == 204
    assert client.get("/v1/hooks/ghost", headers=admin).status_code == 404
