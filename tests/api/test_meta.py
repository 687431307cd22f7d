"""/openapi.json and /health."""

from __future__ import annotations


def test_openapi_generated_from_schemas(client):
    spec = client.get("/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert {"/v1/checks", "/v1/checks/{job_id}", "/v1/references", "/health"} <= set(spec["paths"])
    post = spec["paths"]["/v1/checks"]["post"]
    assert "202" in post["responses"]
    assert "CheckRequest" in spec["components"]["schemas"]


def test_health_reports_store_and_broker(client):
    body = client.get("/health").get_json()
    assert body["status"] == "ok"
    assert body["store"]["ok"] and body["store"]["backend"] == "sqlite"
    assert body["broker"]["ok"] and body["broker"]["transport"] == "filesystem"
