"""Webhook signatures: Ghost's, ours for WordPress, and Standard Webhooks (in and out).

Every verifier takes the raw body bytes as received, the header(s), and several secrets (so a
secret can be rotated: the old and the new one are both accepted for a while). It returns None or
raises ``SignatureError`` (HTTP 401) saying what is wrong: missing or malformed header, a
signature that matches no secret (forged, or a changed body), or a timestamp outside the tolerance
window in either direction (a replayed or stale delivery, or a wrong clock).

Ghost (native)::

    X-Ghost-Signature: sha256=<hex HMAC-SHA256(key=secret, msg=body + str(t))>, t=<unix ms>

WordPress has no signing of its own; a plugin or ``wp_remote_post`` hook signs with ours::

    X-Factcheck-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(key=secret, msg=f"{t}." + body)>

Several ``v1=`` entries may follow ``t=`` (one per secret while rotating). In PHP::

    $t = time();
    $sig = hash_hmac('sha256', $t . '.' . $body, $secret);
    $headers['X-Factcheck-Signature'] = "t=$t,v1=$sig";

Standard Webhooks (https://www.standardwebhooks.com), for callbacks out and the generic hook in::

    webhook-id: <message id, the same on every retry>
    webhook-timestamp: <unix seconds>
    webhook-signature: v1,<base64 HMAC-SHA256(key, f"{id}.{timestamp}." + body)> [v1,<...> ...]

where the key is the base64-decoded part of a ``whsec_<base64>`` secret.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import time
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from secrets import token_bytes

from standardwebhooks import Webhook

from factcheck.errors import FactcheckError

DEFAULT_TOLERANCE_S = 300
GHOST_HEADER = "X-Ghost-Signature"
WORDPRESS_HEADER = "X-Factcheck-Signature"
STANDARD_ID_HEADER = "webhook-id"
STANDARD_TIMESTAMP_HEADER = "webhook-timestamp"
STANDARD_SIGNATURE_HEADER = "webhook-signature"
STANDARD_SECRET_PREFIX = "whsec_"
STANDARD_SECRET_BYTES = 32


class SignatureError(FactcheckError):
    status, title = 401, "Invalid signature"


class InvalidSecret(FactcheckError):
    """A configured secret is unusable: a server configuration problem, not the sender's."""

    status, title = 500, "Invalid webhook secret"


def verify_ghost(
    body: bytes,
    header: str | None,
    secrets: Sequence[str],
    *,
    now_ms: int | None = None,
    tolerance_s: int = DEFAULT_TOLERANCE_S,
) -> None:
    """Check a Ghost ``X-Ghost-Signature`` header against the raw body; raise SignatureError."""
    fields = _parse_fields(header, name=GHOST_HEADER, separator=",")
    signature, timestamp = fields.get("sha256", []), fields.get("t", [])
    if len(signature) != 1 or len(timestamp) != 1 or not _is_integer(timestamp[0]):
        raise SignatureError(f"{GHOST_HEADER} must be 'sha256=<hex>, t=<unix ms>', got {header!r}")
    _require_secrets(secrets)
    now_ms = _now_ms() if now_ms is None else now_ms
    _check_age(int(timestamp[0]) / 1000, now_ms / 1000, tolerance_s=tolerance_s)
    _match_hex(signature, body + timestamp[0].encode(), secrets, name=GHOST_HEADER)


def sign_wordpress(body: bytes, secret: str, *, timestamp: int) -> str:
    """The ``X-Factcheck-Signature`` header value for ``body`` signed at ``timestamp`` (seconds)."""
    return f"t={timestamp},v1={_hex_hmac(secret, _wordpress_message(body, str(timestamp)))}"


def verify_wordpress(
    body: bytes,
    header: str | None,
    secrets: Sequence[str],
    *,
    now: float | None = None,
    tolerance_s: int = DEFAULT_TOLERANCE_S,
) -> None:
    """Check an ``X-Factcheck-Signature`` header against the raw body; raise SignatureError."""
    fields = _parse_fields(header, name=WORDPRESS_HEADER, separator=",")
    timestamp, signatures = fields.get("t", []), fields.get("v1", [])
    if len(timestamp) != 1 or not _is_integer(timestamp[0]) or not signatures:
        raise SignatureError(
            f"{WORDPRESS_HEADER} must be 't=<unix seconds>,v1=<hex>[,v1=<hex>...]', got {header!r}"
        )
    _require_secrets(secrets)
    _check_age(int(timestamp[0]), time.time() if now is None else now, tolerance_s=tolerance_s)
    _match_hex(signatures, _wordpress_message(body, timestamp[0]), secrets, name=WORDPRESS_HEADER)


def new_standard_secret() -> str:
    """A fresh random Standard Webhooks secret, ``whsec_<base64 of 32 random bytes>``."""
    return STANDARD_SECRET_PREFIX + base64.b64encode(token_bytes(STANDARD_SECRET_BYTES)).decode()


def sign_standard(
    msg_id: str, timestamp: int, body: bytes, secrets: Sequence[str]
) -> dict[str, str]:
    """Standard Webhooks headers for ``body``: one ``v1,<base64>`` signature per secret.

    ``body`` must be UTF-8 (a JSON callback is: UnicodeDecodeError otherwise); send it byte for
    byte as signed, with the same ``msg_id`` on every retry.
    """
    _require_secrets(secrets)
    text = body.decode("utf-8")
    signatures = [_sign_v1(secret, msg_id, timestamp, text) for secret in secrets]
    return {
        STANDARD_ID_HEADER: msg_id,
        STANDARD_TIMESTAMP_HEADER: str(timestamp),
        STANDARD_SIGNATURE_HEADER: " ".join(signatures),
    }


def verify_standard(
    body: bytes,
    headers: Mapping[str, str],
    secrets: Sequence[str],
    *,
    now: float | None = None,
    tolerance_s: int = DEFAULT_TOLERANCE_S,
) -> None:
    """Check Standard Webhooks headers (any case) against the raw body; raise SignatureError."""
    lowered = {key.lower(): value for key, value in headers.items()}
    names = (STANDARD_ID_HEADER, STANDARD_TIMESTAMP_HEADER, STANDARD_SIGNATURE_HEADER)
    missing = [name for name in names if not lowered.get(name)]
    if missing:
        raise SignatureError(f"missing header(s): {', '.join(missing)}: the delivery is not signed")
    msg_id, timestamp, signature = (lowered[name] for name in names)
    if not _is_integer(timestamp):
        raise SignatureError(f"{STANDARD_TIMESTAMP_HEADER} must be unix seconds, got {timestamp!r}")
    _require_secrets(secrets)
    _check_age(int(timestamp), time.time() if now is None else now, tolerance_s=tolerance_s)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise SignatureError("body is not UTF-8, so it matches no signature") from None
    offered = _standard_signatures(signature)
    for secret in secrets:
        expected = _sign_v1(secret, msg_id, int(timestamp), text).encode()
        if any(hmac.compare_digest(expected, candidate) for candidate in offered):
            return
    raise SignatureError(f"{STANDARD_SIGNATURE_HEADER} matches no secret (forged or altered)")


def _parse_fields(header: str | None, *, name: str, separator: str) -> dict[str, list[str]]:
    """``k=v`` pairs of a signature header; a key may repeat."""
    if not header or not header.strip():
        raise SignatureError(f"missing {name} header: the delivery is not signed")
    fields: dict[str, list[str]] = {}
    for part in header.split(separator):
        key, equals, value = part.strip().partition("=")
        if not equals or not key or not value:
            raise SignatureError(f"malformed {name} header: {header!r}")
        fields.setdefault(key, []).append(value.strip())
    return fields


def _match_hex(signatures: list[str], message: bytes, secrets: Sequence[str], *, name: str) -> None:
    """Pass if one offered hex signature is the HMAC of ``message`` under one of the secrets."""
    offered = [signature.lower() for signature in signatures if signature.isascii()]
    for secret in secrets:
        expected = _hex_hmac(secret, message)
        if any(hmac.compare_digest(expected, candidate) for candidate in offered):
            return
    raise SignatureError(f"{name} matches no secret (forged or altered delivery)")


def _check_age(timestamp: float, now: float, *, tolerance_s: float) -> None:
    """Refuse a timestamp more than ``tolerance_s`` away from now, in the past or the future."""
    skew = now - timestamp
    if skew > tolerance_s:
        raise SignatureError(
            f"signature timestamp is {skew:.0f} s old, beyond the {tolerance_s} s tolerance "
            "(replayed or stale delivery)"
        )
    if -skew > tolerance_s:
        raise SignatureError(
            f"signature timestamp is {-skew:.0f} s in the future, beyond the {tolerance_s} s "
            "tolerance (check the sender's clock)"
        )


def _require_secrets(secrets: Sequence[str]) -> None:
    if isinstance(secrets, (str, bytes)) or not secrets:
        raise InvalidSecret("no secret configured for this hook: give a list of secrets")


def _is_integer(value: str) -> bool:
    return value.isascii() and value.isdigit()


def _hex_hmac(secret: str, message: bytes) -> str:
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def _wordpress_message(body: bytes, timestamp: str) -> bytes:
    return timestamp.encode() + b"." + body


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _standard_key(secret: str) -> bytes:
    """The HMAC key of a ``whsec_<base64>`` secret (the prefix is optional)."""
    encoded = secret.removeprefix(STANDARD_SECRET_PREFIX)
    try:
        key = base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except binascii.Error:
        raise InvalidSecret("a Standard Webhooks secret must be whsec_<base64>") from None
    if not key:
        raise InvalidSecret("a Standard Webhooks secret must not be empty")
    return key


def _sign_v1(secret: str, msg_id: str, timestamp: int, text: str) -> str:
    """``v1,<base64>`` for one secret, computed by the standardwebhooks library."""
    when = datetime.fromtimestamp(timestamp, tz=UTC)
    return Webhook(_standard_key(secret)).sign(msg_id=msg_id, timestamp=when, data=text)


def _standard_signatures(header: str) -> list[bytes]:
    """The ``v1,<base64>`` entries of a ``webhook-signature`` header; other versions are ignored."""
    return [
        entry.encode() for entry in header.split() if entry.startswith("v1,") and entry.isascii()
    ]
