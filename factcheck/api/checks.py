"""/v1/checks: submit a draft, follow its job, read its report."""

from __future__ import annotations

from flask import current_app, url_for
from flask.views import MethodView
from flask_smorest import Blueprint

from factcheck.api.schemas import CheckAcceptedSchema, CheckRequestSchema, CheckSchema
from factcheck.jobs import recover_if_lost, submit_check
from factcheck.queue import enqueue_check

blp = Blueprint("checks", __name__, url_prefix="/v1/checks",
                description="Check drafts against the reference store.")


def _enqueue(job_id: str) -> None:
    enqueue_check(current_app.extensions["celery"], job_id)


@blp.route("")
class Checks(MethodView):
    scopes = {"post": "check"}

    @blp.arguments(CheckRequestSchema)
    @blp.response(202, CheckAcceptedSchema)
    def post(self, args):
        """Submit a draft: answers at once; poll the Location until the status is done."""
        settings = current_app.config["FACTCHECK"]
        job = submit_check(
            current_app.extensions["factcheck.store"], _enqueue, text=args["text"],
            title=args["title"], source=args["source"], metadata=args["metadata"],
            retry_after=settings["RETRY_AFTER"],
        )
        return job.to_dict(), 202, {"Location": url_for("checks.Check", job_id=job.id)}


@blp.route("/<string:job_id>")
class Check(MethodView):
    scopes = {"get": "read"}

    @blp.response(200, CheckSchema)
    def get(self, job_id):
        """A check's status (queued, running, done, failed) and, once done, its report."""
        store = current_app.extensions["factcheck.store"]
        job = recover_if_lost(store, store.get_job(job_id), _enqueue,
                              settings=current_app.config["FACTCHECK"])
        return job.to_dict()
