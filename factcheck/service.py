"""Checking a document against a store: the one path used by workers and the CLI alike."""

from __future__ import annotations

from factcheck.core.figures import extract_figures
from factcheck.core.quotes import extract_quotes
from factcheck.errors import StoreUnavailable
from factcheck.store import Store


def check_document(store: Store, text: str, *, title: str | None = None,
                   html: str | None = None) -> dict:
    """Check ``text`` against every reference of ``store`` and return the JSON report.

    With ``html`` (the draft as a CMS sent it, ``text`` being its readable text), every claim
    and flag also gets ``html_start``/``html_end``: the same span in the HTML.
    """
    from factcheck.core.check import check_text
    from factcheck.core.report import build_report

    with store.pinned() as store_now:  # one look at where the store stands, for the whole draft
        if not store.index_is_current(store_now):
            raise StoreUnavailable("The reference index was built by another version of "
                                   "factcheck: run `factcheck reindex` once.")
        findings = check_text(text, store)
    report = build_report(text, findings, store_version=store_now.version, title=title)
    if html is not None:
        add_html_offsets(report, html)
    return report


def add_html_offsets(report: dict, html: str) -> None:
    """Give every claim and flag of ``report`` its span in ``html`` as well."""
    from factcheck.integrations.html import html_to_text

    mapped = html_to_text(html)
    for item in (*report["claims"], *report["flags"]):
        item["html_start"], item["html_end"] = mapped.to_html_span(item["start"], item["end"])


def extract_document(text: str) -> dict:
    """The quotes (with speakers) and figures of ``text``, as JSON-able data."""
    quotes = []
    for q in extract_quotes(text):
        speaker = None
        if q.speaker is not None:
            s = q.speaker
            # The span is the mention as written ("he"); text is who it resolves to, as the
            # extraction contract allows, and mention keeps what was written.
            speaker = {"start": s.start, "end": s.end, "text": s.name, "mention": s.text}
        quotes.append({"start": q.start, "end": q.end, "text": q.text, "speaker": speaker})
    figures = [
        {"start": f.start, "end": f.end, "text": f.text,
         "value": list(f.value) if isinstance(f.value, tuple) else f.value,
         "unit": f.unit, "kind": f.kind, "change": f.change}
        for f in extract_figures(text)
    ]
    return {"quotes": quotes, "figures": figures}
