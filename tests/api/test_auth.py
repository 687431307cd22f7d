"""API keys: hashed, scoped, revocable; 401 and 403 as problem+json."""

from __future__ import annotations

import pytest

from factcheck.api import create_app
from factcheck.auth import create_key, list_keys, revoke_key
from factcheck.serve import choose_auth


@pytest.fixture
def secured(settings):
    app = create_app({**settings, "AUTH": "required"})
    store = app.extensions["factcheck.store"]
    tokens = {scope: create_key(store, name=scope, scope=scope)[1]
              for scope in ("read", "check", "admin")}
    yield app.test_client(), tokens, store
    store.close()


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def test_missing_and_unknown_keys_are_401(secured):
    client, _, _ = secured
    r = client.get("/v1/references")
    assert r.status_code == 401 and r.mimetype == "application/problem+json"
    assert "Bearer" in r.get_json()["detail"] and "Bearer" in r.headers["WWW-Authenticate"]
    assert client.get("/v1/references", headers=bearer("fck_nope")).status_code == 401
    assert client.get("/v1/references", headers={"Authorization": "Basic abc"}).status_code == 401


def test_scopes_nest(secured):
    client, tokens, _ = secured
    body = {"title": "T", "text": "Some reference text."}
    assert client.get("/v1/references", headers=bearer(tokens["read"])).status_code == 200
    r = client.post("/v1/checks", json={"text": "x"}, headers=bearer(tokens["read"]))
    assert r.status_code == 403 and "'check'" in r.get_json()["detail"]
    assert client.post("/v1/checks", json={"text": "x"},
                       headers=bearer(tokens["check"])).status_code == 202
    assert client.post("/v1/references", json=body,
                       headers=bearer(tokens["check"])).status_code == 403
    assert client.post("/v1/references", json=body,
                       headers=bearer(tokens["admin"])).status_code == 201


def test_revoked_key_stops_working(secured):
    client, tokens, store = secured
    key = next(k for k in list_keys(store) if k.scope == "read")
    revoke_key(store, key.id)
    r = client.get("/v1/references", headers=bearer(tokens["read"]))
    assert r.status_code == 401 and "revoked" in r.get_json()["detail"]


def test_tokens_are_stored_hashed(secured):
    _, tokens, store = secured
    stored = str(store.kv_items("apikeys")) + str(store.kv_items("apikey-hashes"))
    assert all(token not in stored for token in tokens.values())


def test_health_and_openapi_need_no_key(secured):
    client, _, _ = secured
    assert client.get("/health").status_code == 200
    spec = client.get("/openapi.json").get_json()
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"


def test_serve_runs_open_only_on_loopback_without_keys(settings):
    from factcheck.config import load_settings

    s = load_settings(settings)
    assert choose_auth(s, host="127.0.0.1", explicit=None) == "open"
    with pytest.raises(ValueError, match="requires API keys"):
        choose_auth(s, host="0.0.0.0", explicit=None)
    with pytest.raises(ValueError, match="only a loopback"):
        choose_auth(s, host="0.0.0.0", explicit="open")
    app = create_app(s)
    create_key(app.extensions["factcheck.store"], name="ops", scope="admin")
    assert choose_auth(s, host="127.0.0.1", explicit=None) == "required"
    assert choose_auth(s, host="0.0.0.0", explicit=None) == "required"
