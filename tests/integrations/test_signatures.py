"""Webhook signatures: six real Ghost deliveries, our WordPress scheme, Standard Webhooks."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from pathlib import Path

import pytest

from factcheck.integrations.signatures import (
    InvalidSecret,
    SignatureError,
    new_standard_secret,
    sign_standard,
    sign_wordpress,
    verify_ghost,
    verify_standard,
    verify_wordpress,
)

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GHOST_FIXTURES = SHARED / "fixtures" / "ghost"
GHOST_SECRET = "aea41f30d03cee1c773530ee4cedd95d"
GHOST_NAMES = [
    "01-new-published-post.added",
    "02-new-published-post.published",
    "03-edit-post.edited",
    "04-new-draft-post.added",
    "05-draft-published-post.published",
    "06-draft-published-post.edited",
]


def ghost_delivery(name: str) -> tuple[bytes, str, int]:
    """Raw body, X-Ghost-Signature and its t (ms) of one recorded delivery."""
    body_path = GHOST_FIXTURES / f"{name}.body"
    headers_path = GHOST_FIXTURES / f"{name}.headers.json"
    if not body_path.exists() or not headers_path.exists():
        pytest.fail(
            f"Ghost fixture {body_path} is missing: these tests read ../shared next to the repo"
        )
    headers = {key.lower(): value for key, value in json.loads(headers_path.read_text())["headers"]}
    header = headers["x-ghost-signature"]
    return body_path.read_bytes(), header, int(re.search(r"t=(\d+)", header).group(1))


# -- Ghost ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", GHOST_NAMES)
def test_real_ghost_delivery_verifies_at_its_own_time(name):
    body, header, t = ghost_delivery(name)
    verify_ghost(body, header, [GHOST_SECRET], now_ms=t)
    verify_ghost(body, header, ["rotated-new-secret", GHOST_SECRET], now_ms=t + 299_000)


@pytest.mark.parametrize("name", GHOST_NAMES)
def test_real_ghost_delivery_with_one_byte_changed_is_refused(name):
    body, header, t = ghost_delivery(name)
    altered = body.replace(b'"title":"', b'"title":"X', 1)
    assert altered != body and len(altered) == len(body) + 1
    flipped = bytes([body[0] ^ 1]) + body[1:]
    for forged in (altered, flipped):
        with pytest.raises(SignatureError, match="matches no secret"):
            verify_ghost(forged, header, [GHOST_SECRET], now_ms=t)


@pytest.mark.parametrize("name", GHOST_NAMES)
def test_real_ghost_delivery_with_another_secret_is_refused(name):
    body, header, t = ghost_delivery(name)
    with pytest.raises(SignatureError, match="matches no secret"):
        verify_ghost(body, header, ["0" * 32], now_ms=t)


@pytest.mark.parametrize("name", GHOST_NAMES)
def test_real_ghost_delivery_outside_the_window_is_refused(name):
    body, header, t = ghost_delivery(name)
    with pytest.raises(SignatureError, match="old"):
        verify_ghost(body, header, [GHOST_SECRET], now_ms=t + 300_001)
    with pytest.raises(SignatureError, match="future"):
        verify_ghost(body, header, [GHOST_SECRET], now_ms=t - 300_001)
    with pytest.raises(SignatureError, match="old"):
        verify_ghost(body, header, [GHOST_SECRET])  # the real clock: recorded long ago
    verify_ghost(body, header, [GHOST_SECRET], now_ms=t + 300_000)


def test_ghost_timestamp_is_part_of_the_signature():
    body, header, t = ghost_delivery(GHOST_NAMES[0])
    moved = header.replace(f"t={t}", f"t={t + 1}")
    with pytest.raises(SignatureError, match="matches no secret"):
        verify_ghost(body, moved, [GHOST_SECRET], now_ms=t)


@pytest.mark.parametrize(
    "header, detail",
    [
        (None, "missing"),
        ("", "missing"),
        ("sha256=abc", "must be"),
        ("t=123", "must be"),
        ("sha256=abc; t=123", "must be"),
        ("sha256=abc, t=12x", "must be"),
        ("garbage", "malformed"),
        ("sha256=é, t=1", "matches no secret"),
    ],
)
def test_missing_or_malformed_ghost_header_is_refused(header, detail):
    with pytest.raises(SignatureError, match=detail) as raised:
        verify_ghost(b"{}", header, [GHOST_SECRET], now_ms=1)
    assert raised.value.status == 401


def test_ghost_without_configured_secret_is_a_server_error():
    body, header, t = ghost_delivery(GHOST_NAMES[0])
    with pytest.raises(InvalidSecret):
        verify_ghost(body, header, [], now_ms=t)


# -- WordPress (our scheme) ----------------------------------------------------------------------


def independent_wordpress_header(body: bytes, secret: str, t: int) -> str:
    digest = hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={t},v1={digest}"


def test_wordpress_signature_matches_the_documented_scheme():
    body = '{"id": 7, "content": {"raw": "<p>Café</p>"}}'.encode()
    header = sign_wordpress(body, "wp-secret", timestamp=1_700_000_000)
    assert header == independent_wordpress_header(body, "wp-secret", 1_700_000_000)
    verify_wordpress(body, header, ["wp-secret"], now=1_700_000_100)


def test_wordpress_accepts_several_signatures_and_secrets():
    body = b'{"id": 7}'
    old = independent_wordpress_header(body, "old", 1000)
    new = independent_wordpress_header(body, "new", 1000)
    header = f"{old},v1={new.partition('v1=')[2]}"
    verify_wordpress(body, header, ["new"], now=1000)
    verify_wordpress(body, header, ["other", "old"], now=1000)
    with pytest.raises(SignatureError, match="matches no secret"):
        verify_wordpress(body, header, ["other"], now=1000)


def test_wordpress_refuses_forged_replayed_and_malformed():
    body = b'{"id": 7}'
    header = sign_wordpress(body, "s", timestamp=1000)
    with pytest.raises(SignatureError, match="matches no secret"):
        verify_wordpress(body + b" ", header, ["s"], now=1000)
    with pytest.raises(SignatureError, match="old"):
        verify_wordpress(body, header, ["s"], now=1301)
    with pytest.raises(SignatureError, match="future"):
        verify_wordpress(body, header, ["s"], now=699)
    verify_wordpress(body, header, ["s"], now=1900, tolerance_s=900)
    for bad in (None, "v1=abc", "t=1000", "t=abc,v1=00", "t=1000;v1=00"):
        with pytest.raises(SignatureError):
            verify_wordpress(body, bad, ["s"], now=1000)


# -- Standard Webhooks ---------------------------------------------------------------------------


def independent_standard_signature(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{msg_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


def test_new_standard_secret_is_whsec_base64_of_32_bytes():
    secret = new_standard_secret()
    assert secret.startswith("whsec_")
    assert len(base64.b64decode(secret.removeprefix("whsec_"), validate=True)) == 32
    assert new_standard_secret() != secret


def test_sign_standard_matches_an_independent_implementation():
    secrets = [new_standard_secret(), new_standard_secret()]
    body = json.dumps({"check": "c1", "flags": [{"text": "“week’s”"}]}, ensure_ascii=False).encode()
    headers = sign_standard("msg_2b1", 1_732_000_000, body, secrets)
    assert headers["webhook-id"] == "msg_2b1"
    assert headers["webhook-timestamp"] == "1732000000"
    assert headers["webhook-signature"].split(" ") == [
        independent_standard_signature(secret, "msg_2b1", 1_732_000_000, body) for secret in secrets
    ]


def test_verify_standard_accepts_an_independent_signature_in_any_header_case():
    secret = new_standard_secret()
    body = b'{"id": "42", "text": "Hello"}'
    headers = {
        "Webhook-Id": "msg_1",
        "Webhook-Timestamp": "5000",
        "Webhook-Signature": "v1a,ignored "
        + independent_standard_signature(secret, "msg_1", 5000, body),
    }
    verify_standard(body, headers, [new_standard_secret(), secret], now=5000)


def test_verify_standard_refuses_forged_replayed_and_unsigned():
    secret = new_standard_secret()
    body = b'{"id": "42"}'
    headers = sign_standard("msg_1", 5000, body, [secret])
    with pytest.raises(SignatureError, match="matches no secret"):
        verify_standard(b'{"id": "43"}', headers, [secret], now=5000)
    with pytest.raises(SignatureError, match="matches no secret"):
        verify_standard(body, {**headers, "webhook-id": "msg_2"}, [secret], now=5000)
    with pytest.raises(SignatureError, match="matches no secret"):
        verify_standard(body, headers, [new_standard_secret()], now=5000)
    with pytest.raises(SignatureError, match="old"):
        verify_standard(body, headers, [secret], now=5301)
    with pytest.raises(SignatureError, match="future"):
        verify_standard(body, headers, [secret], now=4699)
    with pytest.raises(SignatureError, match="webhook-signature"):
        verify_standard(
            body, {k: v for k, v in headers.items() if k != "webhook-signature"}, [secret]
        )
    with pytest.raises(SignatureError, match="unix seconds"):
        verify_standard(body, {**headers, "webhook-timestamp": "soon"}, [secret])
    with pytest.raises(SignatureError, match="UTF-8"):
        verify_standard(b"\xff", headers, [secret], now=5000)


def test_malformed_standard_secret_is_a_server_error():
    with pytest.raises(InvalidSecret):
        sign_standard("msg_1", 5000, b"{}", ["whsec_not*base64"])
    with pytest.raises(InvalidSecret):
        sign_standard("msg_1", 5000, b"{}", [])
