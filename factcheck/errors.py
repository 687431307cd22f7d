"""The one exception family of factcheck; the API turns each into application/problem+json."""

from __future__ import annotations


class FactcheckError(Exception):
    """Base of every error factcheck raises on purpose.

    ``status`` is the HTTP status the API answers with; ``title`` a short summary of the kind of
    problem; the message is the detail that says what to fix.
    """

    status = 500
    title = "Internal error"

    def __init__(self, detail: str, *, headers: dict[str, str] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.headers = headers or {}


class NotFound(FactcheckError):
    status, title = 404, "Not found"


class Conflict(FactcheckError):
    status, title = 409, "Conflict"


class InvalidInput(FactcheckError):
    status, title = 422, "Invalid input"


class StoreUnavailable(FactcheckError):
    status, title = 503, "Store unavailable"


class BrokerUnavailable(FactcheckError):
    status, title = 503, "Queue unavailable"
