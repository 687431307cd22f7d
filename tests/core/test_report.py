"""Findings -> report dict."""

from __future__ import annotations

import json

from factcheck.core.check import check_text
from factcheck.core.memindex import MemoryIndex
from factcheck.core.report import REPORT_VERSION, build_report
from factcheck.core.types import DiffOp, Finding, ReferenceInfo, SourceMatch, Speaker

ARTICLE = (
    "Mill reopens\n\nThe old mill reopened with 120 staff.\n\n"
    '"This town has waited far too long for good news about jobs," said Mayor Tom Fry.\n'
)


def test_report_has_version_summary_claims_and_only_discrepancies_as_flags():
    index = MemoryIndex()
    index.add("mill", "Mill reopens", ARTICLE)
    draft = (
        'The old mill reopened with 150 staff. "This town has waited far too long for good '
        'news about jobs," said Mayor Tom Fry.'
    )
    report = build_report(draft, check_text(draft, index), store_version="v3", title="Mill")
    assert report["report_version"] == REPORT_VERSION == 1
    assert report["title"] == "Mill" and report["store_version"] == "v3"
    assert report["summary"]["verdicts"] == {"figure_mismatch": 1, "quote_verified": 1}
    assert report["summary"]["flags"] == 1
    assert [c["verdict"] for c in report["claims"]] == ["mismatch", "verified"]
    (flag,) = report["flags"]
    assert flag["kind"] == "number_mismatch" and flag["severity"] == "error"
    assert draft[flag["start"] : flag["end"]] == flag["text"] == "150"
    assert flag["source"]["reference_id"] == "mill" and flag["source"]["title"] == "Mill reopens"
    assert ARTICLE[flag["source"]["start"] : flag["source"]["end"]] == flag["source"]["text"]
    assert "with 120 staff" in flag["source"]["text"]
    figure = flag["source_figure"]
    assert ARTICLE[figure["start"] : figure["end"]] == figure["text"] == "120"
    json.dumps(report)


def test_flag_carries_speaker_source_score_and_diff():
    draft = 'x "a month of training," said Kirby.'
    finding = Finding(
        claim="quote",
        verdict="altered",
        start=3,
        end=22,
        text="a month of training,",
        explanation="The source quotes John Kirby as saying “week”, not “month”.",
        speaker=Speaker(30, 35, "Kirby", "John Kirby"),
        source=SourceMatch(
            ReferenceInfo("k1", "Kirby briefing", "https://x.test/k"),
            10,
            30,
            "a week of training,",
            91.5,
            "John Kirby",
            2,
        ),
        diff=(DiffOp("replace", "month", "week"),),
    )
    (flag,) = build_report(draft, [finding])["flags"]
    assert flag["text"] == draft[3:22]
    assert flag["speaker"] == {"text": "Kirby", "name": "John Kirby", "start": 30, "end": 35}
    assert flag["source"] == {
        "reference_id": "k1",
        "title": "Kirby briefing",
        "url": "https://x.test/k",
        "start": 10,
        "end": 30,
        "text": "a week of training,",
        "speaker": "John Kirby",
        "others": 2,
    }
    assert flag["score"] == 91.5
    assert flag["diff"] == [{"op": "replace", "draft": "month", "source": "week"}]
    assert flag["explanation"].startswith("The source quotes John Kirby")


def test_unverified_flag_is_a_warning_without_source():
    finding = Finding(
        claim="quote",
        verdict="unverified",
        start=0,
        end=4,
        text="abcd",
        explanation="No reference in the store contains this quote.",
    )
    (flag,) = build_report("abcd", [finding])["flags"]
    assert flag["kind"] == "quote_unverified" and flag["severity"] == "warning"
    assert flag["source"] is None and flag["score"] is None and flag["diff"] == []
