"""The Flask app factory."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask

from factcheck import __version__
from factcheck.api.access import install_access_control
from factcheck.api.problems import ProblemApi
from factcheck.config import load_settings
from factcheck.queue import celery_init_app
from factcheck.store import open_store


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the web app: settings, store, Celery and the API blueprints.

    ``test_config`` overrides factcheck settings (``STORE_URL``, ``JOB_TIMEOUT``, ...).
    """
    app = Flask(__name__)
    settings = load_settings(test_config)
    app.config["FACTCHECK"] = settings
    app.config.update(
        MAX_CONTENT_LENGTH=settings["MAX_CONTENT_LENGTH"],
        API_TITLE="factcheck",
        API_VERSION=__version__,
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
    )
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    app.json.sort_keys = False  # keep reports in the order they are built: summary, claims, flags
    app.extensions["factcheck.store"] = open_store(settings["STORE_URL"])
    celery_init_app(app)

    from factcheck.api import checks, health, hooks, references

    api = ProblemApi(app)
    api.spec.components.security_scheme("bearerAuth", {"type": "http", "scheme": "bearer"})
    api.spec.options["security"] = [{"bearerAuth": []}]
    install_access_control(app)
    api.register_blueprint(checks.blp)
    api.register_blueprint(references.blp)
    api.register_blueprint(hooks.blp)
    api.register_blueprint(health.blp)
    # What marshmallow cannot say: a draft comes as text or as html, exactly one of them.
    api.spec.components.schemas["CheckRequest"]["oneOf"] = [
        {"required": ["text"]}, {"required": ["html"]}]
    return app
