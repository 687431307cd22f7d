"""/v1/checks: submit a draft, follow its job, read its report and its callback deliveries."""

from __future__ import annotations

from typing import ClassVar

from flask import current_app, g, request, url_for
from flask.views import MethodView

from factcheck.api.problems import Blueprint
from factcheck.api.schemas import (
    CheckAcceptedSchema,
    CheckRequestSchema,
    CheckSchema,
    DeliverySchema,
)
from factcheck.errors import InvalidInput, NotFound
from factcheck.integrations.callbacks import delivery_log
from factcheck.integrations.html import html_to_text
from factcheck.integrations.outbound import HostNotFound, check_url
from factcheck.jobs import recover_if_lost, submit_check
from factcheck.queue import enqueue_callback, enqueue_check

blp = Blueprint("checks", __name__, url_prefix="/v1/checks",
                description="Check drafts against the reference store.")


def _enqueue(job_id: str) -> None:
    enqueue_check(current_app.extensions["celery"], job_id)


def outbound_allow() -> list[str]:
    """The OUTBOUND_ALLOW setting as a list."""
    raw = current_app.config["FACTCHECK"]["OUTBOUND_ALLOW"]
    return [a.strip() for a in raw.split(",") if a.strip()]


def check_callback_url(url: str) -> None:
    """Refuse a callback URL that reaches a private or metadata address (422)."""
    try:
        check_url(url, allow=outbound_allow())
    except HostNotFound:
        pass  # may resolve by the time a check is done; delivery retries if not


_QUOTE_MARKS = ('"', "\u201c", "\u201d", "\u00ab", "\u00bb", "''")


def accept(text: str, *, idempotency_key: str | None = None, **fields):
    """Accept a check (shared with the CMS hooks): the response of the POST that asked for it."""
    settings = current_app.config["FACTCHECK"]
    store = current_app.extensions["factcheck.store"]
    marks = sum(text.count(mark) for mark in _QUOTE_MARKS)
    if marks > settings["MAX_QUOTE_MARKS"]:
        raise InvalidInput(
            f"The draft holds {marks} quotation marks; a check takes at most "
            f"{settings['MAX_QUOTE_MARKS']} (MAX_QUOTE_MARKS). Split the draft.")
    if fields.get("callback_url"):
        check_callback_url(fields["callback_url"])
    job, new = submit_check(store, _enqueue, text=text, idempotency_key=idempotency_key,
                            retry_after=settings["RETRY_AFTER"], **fields)
    if new and job.status == "done" and job.callback_url:  # a reused report: call back now
        enqueue_callback(current_app.extensions["celery"], job.id)
    location = url_for("checks.Check", job_id=job.id)
    return job.to_dict(), 202 if new else 200, {"Location": location}


@blp.route("")
class Checks(MethodView):
    scopes: ClassVar[dict[str, str]] = {"post": "check"}

    @blp.arguments(CheckRequestSchema)
    @blp.response(202, CheckAcceptedSchema)
    @blp.alt_response(200, schema=CheckAcceptedSchema,
                      description="A repeated Idempotency-Key: the first job for that key.")
    def post(self, args):
        """Submit a draft: answers at once; poll the Location until the status is done.

        Send an ``Idempotency-Key`` header to make retries safe: a repeated key returns the
        first job. A draft already checked against the same store version is done at once.
        """
        key = request.headers.get("Idempotency-Key")
        if key:  # keys are per API key, so two clients never collide
            owner = g.api_key.id if g.api_key else "open"
            key = f"{owner}:{key[:200]}"
        html = args.pop("html", None)
        text = args.pop("text") if html is None else html_to_text(html).text
        return accept(text, html=html, idempotency_key=key, **args)


@blp.route("/<string:job_id>")
class Check(MethodView):
    scopes: ClassVar[dict[str, str]] = {"get": "read"}

    @blp.response(200, CheckSchema)
    def get(self, job_id):
        """A check's status (queued, running, done, failed) and, once done, its report."""
        store = current_app.extensions["factcheck.store"]
        settings = current_app.config["FACTCHECK"]
        job = recover_if_lost(store, _get_job(store, job_id), _enqueue, settings=settings)
        return job.to_dict()


def _get_job(store, job_id: str):
    """The job, or a 404 that says how long finished checks are kept."""
    try:
        return store.get_job(job_id)
    except NotFound as exc:
        days = current_app.config["FACTCHECK"]["JOB_RETENTION"] / 86400
        if days:
            raise NotFound(f"{exc.detail} Finished checks are kept for {days:g} days "
                           "(JOB_RETENTION).") from None
        raise


@blp.route("/<string:job_id>/deliveries")
class Deliveries(MethodView):
    scopes: ClassVar[dict[str, str]] = {"get": "read"}

    @blp.response(200, DeliverySchema(many=True))
    def get(self, job_id):
        """Every attempt to deliver this check's callback, oldest first."""
        store = current_app.extensions["factcheck.store"]
        _get_job(store, job_id)  # 404 for an unknown check
        return delivery_log(store, job_id)
