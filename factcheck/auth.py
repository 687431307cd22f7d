"""API keys: created once and shown once, stored hashed, scoped, revocable.

Scopes nest: ``admin`` (references, hooks, keys) includes ``check`` (submit drafts), which
includes ``read`` (read checks, references and deliveries).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import asdict, dataclass

from factcheck.errors import FactcheckError
from factcheck.store import Store

SCOPES = ("read", "check", "admin")
_KEYS = "apikeys"  # key id -> ApiKey record
_BY_HASH = "apikey-hashes"  # sha256 of the token -> key id
_PREFIX = "fck_"


class Unauthorized(FactcheckError):
    status, title = 401, "Unauthorized"

    def __init__(self, detail: str):
        super().__init__(detail, headers={"WWW-Authenticate": 'Bearer realm="factcheck"'})


class Forbidden(FactcheckError):
    status, title = 403, "Forbidden"


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A stored key: never the token itself, only its hash."""

    id: str
    name: str
    scope: str
    token_hash: str
    created_at: float
    revoked_at: float | None = None

    def allows(self, scope: str) -> bool:
        """True when this key's scope includes ``scope``."""
        return self.revoked_at is None and SCOPES.index(self.scope) >= SCOPES.index(scope)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_key(store: Store, *, name: str, scope: str) -> tuple[ApiKey, str]:
    """Create a key; return its record and the token, which is not stored and not shown again."""
    if scope not in SCOPES:
        raise FactcheckError(f"Unknown scope {scope!r}: use one of {', '.join(SCOPES)}.")
    token = _PREFIX + secrets.token_urlsafe(32)
    key = ApiKey(id=secrets.token_hex(4), name=name, scope=scope, token_hash=_hash(token),
                 created_at=time.time())
    store.kv_put(_KEYS, key.id, asdict(key))
    store.kv_put(_BY_HASH, key.token_hash, key.id)
    return key, token


def list_keys(store: Store) -> list[ApiKey]:
    """Every key, revoked ones included, oldest first."""
    keys = [ApiKey(**data) for data in store.kv_items(_KEYS).values()]
    return sorted(keys, key=lambda k: k.created_at)


def revoke_key(store: Store, key_id: str) -> ApiKey:
    """Revoke a key by id; it stops working at once."""
    data = store.kv_get(_KEYS, key_id)
    if data is None:
        raise FactcheckError(f"No key with id {key_id!r}.")
    key = ApiKey(**{**data, "revoked_at": data["revoked_at"] or time.time()})
    store.kv_put(_KEYS, key.id, asdict(key))
    return key


def any_keys(store: Store) -> bool:
    """True when at least one key that still works exists."""
    return any(k.revoked_at is None for k in list_keys(store))


def authenticate(store: Store, authorization: str | None, *, scope: str) -> ApiKey:
    """The key of an ``Authorization: Bearer <token>`` header if it allows ``scope``.

    Raises :class:`Unauthorized` (401) for a missing, malformed, unknown or revoked key and
    :class:`Forbidden` (403) for a valid key of a narrower scope.
    """
    if not authorization:
        raise Unauthorized("Send an API key: Authorization: Bearer <key> "
                           "(create one with `factcheck keys create`).")
    kind, _, token = authorization.partition(" ")
    if kind.lower() != "bearer" or not token.strip():
        raise Unauthorized("The Authorization header must be 'Bearer <key>'.")
    digest = _hash(token.strip())
    key_id = store.kv_get(_BY_HASH, digest)
    data = store.kv_get(_KEYS, key_id) if key_id else None
    if data is None or not hmac.compare_digest(data["token_hash"], digest):
        raise Unauthorized("This API key is not known.")
    key = ApiKey(**data)
    if key.revoked_at is not None:
        raise Unauthorized("This API key has been revoked.")
    if not key.allows(scope):
        raise Forbidden(f"This key has the {key.scope!r} scope; this request needs {scope!r}.")
    return key
