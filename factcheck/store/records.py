"""Records the store keeps: reference articles and check jobs."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from typing import Any

JOB_STATUSES = ("queued", "running", "done", "failed")


def content_hash(text: str) -> str:
    """Identity of a reference's content: the same text is the same reference."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()


def _fields(record: Any) -> dict[str, Any]:
    """A record's fields as a dict; unlike ``dataclasses.asdict``, nested data is not copied
    (a report holds thousands of values, and a job is saved three times per check)."""
    return {name: getattr(record, name) for name in record.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class Reference:
    """A reference article of the store."""

    id: str
    title: str
    text: str
    url: str | None = None
    source: str | None = None
    published_at: str | None = None
    content_hash: str = ""
    created_at: float = 0.0

    def to_dict(self, *, with_text: bool = True) -> dict[str, Any]:
        """The reference as JSON-able data."""
        data = _fields(self)
        if not with_text:
            data.pop("text")
        return data


@dataclass(slots=True)
class Job:
    """A check job: what was submitted, where it stands, and its report once done."""

    id: str
    text: str
    status: str = "queued"
    title: str | None = None
    source: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    html: str | None = None  # the draft as the CMS sent it; ``text`` is its readable text
    callback_url: str | None = None
    hook: str | None = None  # the CMS hook source that sent the draft
    reused_from: str | None = None  # the job whose report was reused (same text, same store)
    idempotency_key: str | None = None  # the key it was submitted with (forgotten with it)
    created_at: float = field(default_factory=time.time)
    updated_at: float = field(default_factory=time.time)
    started_at: float | None = None
    finished_at: float | None = None
    attempts: int = 0
    lease_until: float | None = None
    progress: dict[str, Any] | None = None
    report: dict[str, Any] | None = None
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The job as JSON-able data (its report and metadata are shared, not copied)."""
        return _fields(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Job:
        """Rebuild a job from :meth:`to_dict` output, ignoring keys this version does not know."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)
