"""Findings -> the JSON-able report a CMS or a reviewer reads."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from factcheck.core.types import FLAG_KINDS, Figure, Finding, SourceMatch, Speaker

REPORT_VERSION = 1
#: How serious each flag kind is: a quote the store does not hold may still be right.
SEVERITY = {
    "quote_altered": "error",
    "quote_misattributed": "error",
    "quote_unverified": "warning",
    "number_mismatch": "error",
}


def build_report(
    text: str,
    findings: Sequence[Finding],
    *,
    store_version: str | None = None,
    title: str | None = None,
) -> dict:
    """Build the versioned report: a summary, every claim with its verdict, and the flags.

    Offsets are code points into ``text``, the submitted draft.

    >>> build_report("x", [])["summary"]["flags"]
    0
    """
    claims = [_claim(f) for f in findings]
    flags = [_flag(text, f) for f in findings if f.verdict in FLAG_KINDS]
    by_verdict = Counter(f"{f.claim}_{f.verdict}" for f in findings)
    return {
        "report_version": REPORT_VERSION,
        "title": title,
        "store_version": store_version,
        "length": len(text),
        "summary": {
            "quotes": sum(1 for f in findings if f.claim == "quote"),
            "figures": sum(1 for f in findings if f.claim == "figure"),
            "verdicts": dict(sorted(by_verdict.items())),
            "flags": len(flags),
            "flags_by_kind": dict(sorted(Counter(f["kind"] for f in flags).items())),
        },
        "claims": claims,
        "flags": flags,
    }


def _claim(f: Finding) -> dict:
    return {
        "claim": f.claim,
        "verdict": f.verdict,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "speaker": _speaker(f.speaker),
        "figure": _figure(f.figure),
        "source": _source(f.source),
        "source_figure": _figure(f.source_figure),
        "explanation": f.explanation,
    }


def _flag(text: str, f: Finding) -> dict:
    kind = FLAG_KINDS[f.verdict]
    return {
        "kind": kind,
        "severity": SEVERITY[kind],
        "start": f.start,
        "end": f.end,
        "text": text[f.start : f.end],
        "speaker": _speaker(f.speaker),
        "source": _source(f.source),
        "score": f.source.score if f.source else None,
        "source_figure": _figure(f.source_figure),
        "diff": [{"op": d.op, "draft": d.draft, "source": d.source} for d in f.diff],
        "negation": f.negation,
        "explanation": f.explanation,
    }


def _speaker(s: Speaker | None) -> dict | None:
    if s is None:
        return None
    return {"text": s.text, "name": s.name, "start": s.start, "end": s.end}


def _source(s: SourceMatch | None) -> dict | None:
    if s is None:
        return None
    return {
        "reference_id": s.reference.id,
        "title": s.reference.title,
        "url": s.reference.url,
        "start": s.start,
        "end": s.end,
        "text": s.text,
        "speaker": s.speaker,
        "others": s.others,
    }


def _figure(f: Figure | None) -> dict | None:
    if f is None:
        return None
    value = list(f.value) if isinstance(f.value, tuple) else f.value
    return {"text": f.text, "value": value, "unit": f.unit, "kind": f.kind, "change": f.change,
            "start": f.start, "end": f.end}
