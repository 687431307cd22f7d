"""/v1/hooks/<name>: signed CMS webhooks (Ghost, WordPress, generic JSON) in.

A hook answers at once (Ghost gives up after 2 s) and the check runs in the background; the
report goes to the callback URL registered for the hook. A revision already received (same post
id, same content) is not checked twice.
"""

from __future__ import annotations

import json
import time
from typing import ClassVar

from flask import Response, current_app, request
from flask.views import MethodView

from factcheck.api.checks import accept, check_callback_url
from factcheck.api.problems import Blueprint
from factcheck.api.schemas import CheckAcceptedSchema, HookRequestSchema, HookSchema
from factcheck.errors import NotFound
from factcheck.integrations.cms import parse_generic, parse_ghost, parse_wordpress
from factcheck.integrations.hooks import HOOKS, delete_hook, list_hooks, set_hook
from factcheck.integrations.signatures import verify_ghost, verify_standard, verify_wordpress

blp = Blueprint("hooks", __name__, url_prefix="/v1/hooks",
                description="Signed webhooks from a CMS; each source has its own secret.")


def _verify(kind: str, body: bytes, secrets: list[str], tolerance: int) -> None:
    if kind == "ghost":
        verify_ghost(body, request.headers.get("X-Ghost-Signature"), secrets,
                     now_ms=int(time.time() * 1000), tolerance_s=tolerance)
    elif kind == "wordpress":
        verify_wordpress(body, request.headers.get("X-Factcheck-Signature"), secrets,
                         now=int(time.time()), tolerance_s=tolerance)
    else:
        verify_standard(body, dict(request.headers), secrets, now=int(time.time()),
                        tolerance_s=tolerance)


def _is_ghost_deletion(body: bytes) -> bool:
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        return False  # the parser reports malformed bodies
    post = payload.get("post") if isinstance(payload, dict) else None
    return isinstance(post, dict) and post.get("current") == {}


_PARSERS = {"ghost": parse_ghost, "wordpress": parse_wordpress, "generic": parse_generic}


@blp.route("")
class Hooks(MethodView):
    scopes: ClassVar[dict[str, str]] = {"get": "admin"}

    @blp.response(200, HookSchema(many=True))
    def get(self):
        """Every hook source (secrets are never shown)."""
        store = current_app.extensions["factcheck.store"]
        return [{"name": name, **c} for name, c in list_hooks(store).items()]


@blp.route("/<string:name>")
class Hook(MethodView):
    signed: ClassVar[frozenset[str]] = frozenset({"post"})  # a delivery is authenticated by its signature, not by an API key
    scopes: ClassVar[dict[str, str]] = {"get": "admin", "put": "admin", "delete": "admin"}

    @blp.response(200, HookSchema)
    def get(self, name):
        """One hook source (secrets are never shown)."""
        store = current_app.extensions["factcheck.store"]
        hooks = list_hooks(store)
        if name not in hooks:
            raise NotFound(f"No hook source named {name!r}.")
        return {"name": name, **hooks[name]}

    @blp.arguments(HookRequestSchema)
    @blp.response(200, HookSchema)
    def put(self, args, name):
        """Create or replace a hook source: its CMS kind, webhook secrets and callback URL."""
        store = current_app.extensions["factcheck.store"]
        if args["callback_url"]:
            check_callback_url(args["callback_url"])
        set_hook(store, name, kind=args["kind"], secrets=args["secrets"],
                 callback_url=args["callback_url"] or "")
        return {"name": name, **list_hooks(store)[name]}

    @blp.response(204)
    def delete(self, name):
        """Remove a hook source: its deliveries are refused from then on."""
        delete_hook(current_app.extensions["factcheck.store"], name)

    @blp.doc(security=[])  # the delivery's signature authenticates it
    @blp.response(202, CheckAcceptedSchema)
    @blp.alt_response(200, schema=CheckAcceptedSchema,
                      description="This revision was already received: its existing check.")
    @blp.alt_response(204, description="A deletion: nothing to check.")
    def post(self, name):
        """Receive a CMS delivery: verify its signature, queue the check, answer at once."""
        store = current_app.extensions["factcheck.store"]
        config = store.kv_get(HOOKS, name)
        if config is None:
            raise NotFound(f"No hook source named {name!r}: create it with `factcheck hooks set`.")
        body = request.get_data(cache=False)
        _verify(config["kind"], body, config["secrets"],
                current_app.config["FACTCHECK"]["HOOK_TOLERANCE"])
        if config["kind"] == "ghost" and _is_ghost_deletion(body):
            return Response(status=204)  # nothing left to check; an error would make Ghost retry
        draft = _PARSERS[config["kind"]](body)
        return accept(
            draft.text, html=draft.html, title=draft.title, source=name, hook=name,
            callback_url=config.get("callback_url"),
            idempotency_key=f"hook:{name}:{draft.post_id}:{draft.revision}",
            metadata={"post_id": draft.post_id, "url": draft.url, "event": draft.event,
                      "updated_at": draft.updated_at, "revision": draft.revision},
        )
