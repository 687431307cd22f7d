"""/v1/references: the reference store (archive, wire copy, transcripts)."""

from __future__ import annotations

from typing import ClassVar

from flask import current_app, url_for
from flask.views import MethodView

from factcheck.api.problems import Blueprint
from factcheck.api.schemas import (
    PageArgsSchema,
    ReferencePageSchema,
    ReferenceRequestSchema,
    ReferenceSchema,
)

blp = Blueprint("references", __name__, url_prefix="/v1/references",
                description="Reference articles that drafts are checked against.")


def _store():
    return current_app.extensions["factcheck.store"]


@blp.route("")
class References(MethodView):
    scopes: ClassVar[dict[str, str]] = {"get": "read", "post": "admin"}

    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, ReferencePageSchema)
    def get(self, args):
        """List references (without their text), oldest first, one page at a time."""
        items, total = _store().list_references(offset=args["offset"], limit=args["limit"])
        after = args["offset"] + len(items)
        nxt = (url_for("references.References", offset=after, limit=args["limit"])
               if after < total else None)
        return {"items": [r.to_dict(with_text=False) for r in items], "total": total,
                "offset": args["offset"], "limit": args["limit"], "next": nxt}

    @blp.arguments(ReferenceRequestSchema)
    @blp.response(201, ReferenceSchema)
    @blp.alt_response(200, schema=ReferenceSchema,
                      description="The same content (or id) was already stored: nothing changed.")
    def post(self, args):
        """Add a reference; idempotent on id and on identical content."""
        if args["published_at"] is not None:
            args["published_at"] = args["published_at"].isoformat()
        ref, created = _store().add_reference(**args)
        headers = {"Location": url_for("references.Reference", ref_id=ref.id)}
        return ref.to_dict(), 201 if created else 200, headers


@blp.route("/<path:ref_id>")
class Reference(MethodView):
    scopes: ClassVar[dict[str, str]] = {"get": "read", "delete": "admin"}

    @blp.response(200, ReferenceSchema)
    def get(self, ref_id):
        """One reference with its text."""
        return _store().get_reference(ref_id).to_dict()

    @blp.response(204)
    def delete(self, ref_id):
        """Remove a reference and its index entries."""
        _store().delete_reference(ref_id)
