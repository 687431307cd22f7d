"""The reference store over HTTP."""

from __future__ import annotations

TEXT = ("The river ferry carried 4,200 passengers in its first week, the operator said. "
        '"We are delighted with the numbers," said chief executive Mara Quint.')


def test_create_get_list_delete(client):
    r = client.post("/v1/references", json={"id": "wire/ferry-1", "title": "Ferry", "text": TEXT,
                                            "url": "https://example.org/ferry",
                                            "published_at": "2024-05-02"})
    assert r.status_code == 201, r.get_json()
    assert r.headers["Location"].endswith("/v1/references/wire/ferry-1")
    got = client.get("/v1/references/wire/ferry-1").get_json()
    assert got["text"] == TEXT and got["url"] == "https://example.org/ferry"
    page = client.get("/v1/references?limit=10").get_json()
    assert page["total"] == 1 and "text" not in page["items"][0] and page["next"] is None
    assert client.delete("/v1/references/wire/ferry-1").status_code == 204
    assert client.get("/v1/references/wire/ferry-1").status_code == 404


def test_idempotent_post(client):
    first = client.post("/v1/references", json={"title": "Ferry", "text": TEXT})
    second = client.post("/v1/references", json={"title": "Ferry again", "text": TEXT})
    assert first.status_code == 201 and second.status_code == 200
    assert first.get_json()["id"] == second.get_json()["id"]
    assert client.get("/v1/references").get_json()["total"] == 1


def test_same_id_other_content_is_409(client):
    client.post("/v1/references", json={"id": "x", "title": "T", "text": TEXT})
    r = client.post("/v1/references", json={"id": "x", "title": "T", "text": TEXT + " Later."})
    assert r.status_code == 409 and r.mimetype == "application/problem+json"


def test_pagination_next_link(client):
    for n in range(3):
        client.post("/v1/references", json={"title": f"T{n}", "text": f"Story {n} text."})
    page = client.get("/v1/references?limit=2").get_json()
    assert len(page["items"]) == 2 and page["total"] == 3
    rest = client.get(page["next"]).get_json()
    assert len(rest["items"]) == 1 and rest["next"] is None


def test_validation(client):
    r = client.post("/v1/references", json={"title": "T", "text": TEXT, "published_at": "May 2"})
    assert r.status_code == 422 and "published_at" in r.get_json()["detail"]
    r = client.post("/v1/references", json={"title": "T", "text": TEXT, "url": "not a url"})
    assert r.status_code == 422
    assert client.get("/v1/references?limit=0").status_code == 422
