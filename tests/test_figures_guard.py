"""Guard of the figure-extraction figures on the hand-written gold sets in bench/.

`bench/figures_eval.py` prints the full tables; this keeps value and value+unit F1 from
sliding back (gold 1 guided the work, gold 2 was written after it and is the unbiased one).
"""

from __future__ import annotations

import importlib.util
import json

import pytest

from tests.conftest import REPO

#: (gold file, least value F1, least value+unit F1), a little under what each set measures.
FLOORS = [("figures_gold.jsonl", 0.99, 0.96), ("figures_gold2.jsonl", 0.985, 0.91)]


@pytest.mark.parametrize("gold, least_value, least_unit", FLOORS)
def test_figure_extraction_holds_on_the_gold_sets(tmp_path, gold, least_value, least_unit):
    spec = importlib.util.spec_from_file_location("figures_eval", REPO / "bench" / "figures_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "scores.json"
    module.main(["--gold", str(REPO / "bench" / gold), "--json", str(out)])
    scores = json.loads(out.read_text())["scores"]
    assert scores["value"]["f1"] >= least_value
    assert scores["value+unit"]["f1"] >= least_unit
