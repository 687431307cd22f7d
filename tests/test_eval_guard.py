"""Guard of the drafts-dev figures: a slice of the evaluation set, scored by its own scorer.

The full measurement is `bench/eval.sh drafts` (the whole BBC corpus as the store, 240
drafts). This slice keeps the figures from sliding back in every test run: 60 drafts checked
against a store of their source articles plus 400 other BBC articles as distractors.
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from factcheck.service import check_document
from factcheck.store import open_store
from tests.conftest import shared_path

SLICE = 60
DISTRACTORS = 400


def load_scorer():
    spec = importlib.util.spec_from_file_location("fc_score", shared_path("eval", "score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    scorer = load_scorer()
    cases_dir = shared_path("eval", "drafts-dev")
    corpus = shared_path("corpus", "bbc")
    cases = dict(sorted(scorer.load_cases(str(cases_dir)).items())[:SLICE])
    sources = {src for case in cases.values() for src in case["source_articles"]}
    every = sorted(p.relative_to(corpus).as_posix() for p in corpus.glob("*/*.txt"))
    sources |= set(every[:: len(every) // DISTRACTORS][:DISTRACTORS])
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('guard') / 'store.db'}")
    for rel in sorted(sources):
        raw = (corpus / rel).read_bytes().decode("utf-8", errors="replace")
        title, _, body = raw.partition("\n")
        store.add_reference(id=rel.removesuffix(".txt"), title=title.strip(), text=body.strip("\n"))
    reports_path = tmp_path_factory.mktemp("reports") / "reports.jsonl"
    with reports_path.open("w", encoding="utf-8") as out:
        for name in cases:
            text = (cases_dir / name).read_text(encoding="utf-8")
            out.write(json.dumps({"input": name, **check_document(store, text)}) + "\n")
    reports, _ = scorer.load_reports(str(reports_path))
    result, _ = scorer.score(cases, reports)
    return result


@pytest.mark.parametrize("kind", ["quote_altered", "quote_misattributed", "quote_unverified",
                                  "number_mismatch"])
def test_f1_per_kind_holds(scored, kind):
    assert scored["per_kind"][kind]["f1"] >= 0.95, scored["per_kind"][kind]


def test_false_flag_rate_holds(scored):
    assert scored["false_flag_rate"] <= 0.005, scored["controls"]
    assert scored["stray_flags"] == 0
