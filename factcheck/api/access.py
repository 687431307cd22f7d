"""Who may call what: API keys checked before every /v1 request, by the view's own scopes."""

from __future__ import annotations

import logging

from flask import Flask, current_app, g, request

from factcheck.auth import authenticate

log = logging.getLogger("factcheck.api")


def required_scope(view_class: type | None, method: str) -> str | None:
    """The scope a request needs: the view's ``scopes`` entry, ``admin`` when it names none.

    Methods listed in a view's ``signed`` set (CMS deliveries) authenticate by their payload
    signature instead.
    """
    method = "get" if method in ("HEAD", "OPTIONS") else method.lower()
    if method in getattr(view_class, "signed", ()):
        return None
    return getattr(view_class, "scopes", {}).get(method, "admin")


def install_access_control(app: Flask) -> None:
    """Check the API key of every /v1 request; run open only where the settings allow it."""
    if app.config["FACTCHECK"]["AUTH"] == "open":
        log.warning("event=auth_open detail=%r", "API keys are not checked: every client on this "
                    "address has full access. Create a key with `factcheck keys create`.")

    @app.before_request
    def check_api_key() -> None:
        g.api_key = None
        if not request.path.startswith("/v1/") or request.endpoint is None:
            return  # health, OpenAPI, and unknown URLs (answered 404 by routing)
        if current_app.config["FACTCHECK"]["AUTH"] == "open":
            return
        view = current_app.view_functions[request.endpoint]
        scope = required_scope(getattr(view, "view_class", None), request.method)
        if scope is not None:
            g.api_key = authenticate(current_app.extensions["factcheck.store"],
                                     request.headers.get("Authorization"), scope=scope)
