"""Shared fixtures: settings in a temporary data folder, the app, its client, a Redis URL."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
TEST_REDIS = os.environ.get("FACTCHECK_TEST_REDIS", "redis://127.0.0.1:6379/13")


def shared_path(*parts: str) -> Path:
    """A path under ../shared (test data that is never copied into the repo); fail if missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"test data {path} is missing: these tests read ../shared next to the repo")
    return path


@pytest.fixture
def settings(tmp_path):
    """Settings for an embedded store and filesystem broker under a temporary folder."""
    return {"DATA_DIR": str(tmp_path / "data"), "STORE_URL": "", "BROKER_URL": "", "AUTH": "open"}


@pytest.fixture
def app(settings):
    from factcheck.api import create_app

    app = create_app(settings)
    app.config["TESTING"] = True
    yield app
    app.extensions["factcheck.store"].close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def store(app):
    return app.extensions["factcheck.store"]


@pytest.fixture
def redis_url():
    """A Redis database of the tests' own, emptied before and after; CI never skips it."""
    import redis

    client = redis.Redis.from_url(TEST_REDIS, socket_connect_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis at {TEST_REDIS} is required in CI and did not answer: {exc}")
        pytest.skip(f"no Redis at {TEST_REDIS}: {exc}")
    client.flushdb()
    yield TEST_REDIS
    client.flushdb()
    client.close()
