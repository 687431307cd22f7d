"""One error shape for every 4xx/5xx: application/problem+json (RFC 9457), one handler."""

from __future__ import annotations

import json as stdjson
import logging
from typing import Any

import flask_smorest
from flask import Response, json
from flask_smorest import Api
from marshmallow import Schema, fields
from webargs.flaskparser import FlaskParser
from werkzeug.exceptions import HTTPException

from factcheck.errors import FactcheckError

log = logging.getLogger("factcheck.api")

PROBLEM_TYPE = "application/problem+json"

# What to say when werkzeug or webargs gives no useful detail of their own.
_HINTS = {
    400: "The body is not valid JSON: check quotes, commas and brackets.",
    404: "No such resource: check the URL.",
    405: "This method is not allowed on this URL.",
    413: "The request body is larger than the configured limit (MAX_CONTENT_LENGTH).",
    415: "Send the body as application/json.",
}


def problem(status: int, title: str, detail: str, *, headers: dict[str, str] | None = None,
            **extra: Any) -> Response:
    """Build a problem+json response."""
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_TYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _field_errors(messages: Any) -> str:
    """Flatten webargs' {location: {field: [msg]}} into 'field: msg; ...'."""
    parts = []

    def walk(prefix: str, node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(f"{prefix}.{key}" if prefix else str(key), value)
        elif isinstance(node, list) and all(isinstance(m, str) for m in node):
            parts.append(f"{prefix}: {' '.join(node)}")
        else:
            parts.append(f"{prefix}: {node}")

    for location_errors in (messages or {}).values():
        walk("", location_errors)
    return "; ".join(parts)


class _Parser(FlaskParser):
    """webargs' parser, with a body nested too deeply for ``json`` refused as invalid JSON."""

    def _raw_load_json(self, req):
        try:
            return super()._raw_load_json(req)
        except RecursionError:
            raise stdjson.JSONDecodeError("nested too deeply", "(body)", 0) from None


class Blueprint(flask_smorest.Blueprint):
    """The API's blueprints: flask-smorest's, parsing bodies with :class:`_Parser`."""

    ARGUMENTS_PARSER = _Parser()


class ProblemSchema(Schema):
    type = fields.String(required=True)
    title = fields.String(required=True)
    status = fields.Integer(required=True)
    detail = fields.String(required=True, metadata={"description": "What to fix."})
    errors = fields.Dict(metadata={"description": "Per-field messages of invalid input."})


class ProblemApi(Api):
    """flask-smorest's Api with every error answered, and documented, as problem+json."""

    ERROR_SCHEMA = ProblemSchema

    def _register_responses(self) -> None:
        self.DEFAULT_RESPONSE_CONTENT_TYPE = PROBLEM_TYPE  # only error responses use this
        try:
            super()._register_responses()
        finally:
            self.DEFAULT_RESPONSE_CONTENT_TYPE = "application/json"

    def _register_error_handlers(self) -> None:
        self._app.register_error_handler(HTTPException, self.handle_http_exception)
        self._app.register_error_handler(FactcheckError, self.handle_factcheck_error)
        self._app.register_error_handler(Exception, self.handle_unexpected)

    def handle_http_exception(self, error: HTTPException) -> Response:
        status = error.code or 500
        data = getattr(error, "data", {}) or {}
        messages = data.get("messages")
        if status == 422:  # webargs' validation errors, per location and field
            detail = _field_errors(messages) or "The request is not valid."
            return problem(422, "Invalid input", detail, errors=messages)
        detail = _HINTS.get(status) if status in (400, 413, 415) else None
        detail = detail or error.description or _HINTS.get(status, "")
        headers = dict(data.get("headers") or {})
        if getattr(error, "valid_methods", None):  # 405 must say what is allowed
            headers["Allow"] = ", ".join(error.valid_methods)
        return problem(status, error.name, detail, headers=headers)

    def handle_factcheck_error(self, error: FactcheckError) -> Response:
        return problem(error.status, error.title, error.detail, headers=error.headers)

    def handle_unexpected(self, error: Exception) -> Response:
        log.exception("event=unhandled_error")
        return problem(500, "Internal Server Error",
                       "The server failed to handle this request; it has been logged.")
