"""/health: whether the store and the broker answer."""

from __future__ import annotations

from pathlib import Path

from flask import current_app
from flask.views import MethodView

from factcheck import __version__
from factcheck.api.problems import Blueprint
from factcheck.api.schemas import HealthSchema
from factcheck.config import broker_folder, is_embedded_broker

blp = Blueprint("health", __name__, description="Liveness of the store and the broker.")


def _broker_status() -> dict:
    settings = current_app.config["FACTCHECK"]
    if is_embedded_broker(settings):
        folder = broker_folder(settings) / "queue"
        ok = folder.is_dir()
        pending = sum(1 for _ in Path(folder).iterdir()) if ok else None
        return {"ok": ok, "transport": "filesystem", "pending": pending}
    celery_app = current_app.extensions["celery"]
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
        return {"ok": True, "transport": conn.transport_cls}
    except Exception as exc:  # noqa: BLE001  (any failure to connect: the broker is down for us)
        return {"ok": False, "error": str(exc)}


@blp.route("/health")
class Health(MethodView):
    @blp.doc(security=[])
    @blp.response(200, HealthSchema)
    @blp.alt_response(503, schema=HealthSchema, description="The store or the broker is down.")
    def get(self):
        """Report whether the store and the broker answer (503 when either does not)."""
        try:
            store = {"ok": True, **current_app.extensions["factcheck.store"].ping()}
        except Exception as exc:  # noqa: BLE001  (the store's own errors and the client's alike)
            store = {"ok": False, "error": str(exc)}
        broker = _broker_status()
        ok = store["ok"] and broker["ok"]
        body = {"status": "ok" if ok else "degraded", "store": store, "broker": broker,
                "version": __version__}
        return body, 200 if ok else 503
