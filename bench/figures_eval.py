"""Score factcheck's figure extractor against the hand-written gold set.

    python bench/figures_eval.py [--show-errors 30] [--keep-time] [--gold PATH]
    python bench/figures_eval.py --self-check     # gold vs gold: 100.0 everywhere

Gold: ``bench/figures_gold.jsonl`` (guideline in ``bench/README.md``, section
"Figure extraction gold set"). Each predicted figure can match at most one gold
figure (maximum bipartite matching per sentence) under three criteria:

- span:        the offsets overlap;
- value:       overlap + equal value (numbers within 0.5 % relative, ranges end by
               end, dates/strings exact);
- value+unit:  value + equal unit (lower-cased, singular, small alias table; a
               multi-word unit also matches its head noun, ``clean sheet`` ~ ``sheet``).

Predicted figures of kind ``time`` are dropped unless ``--keep-time`` (the
guideline does not annotate clock times). Also printed: recall per gold kind,
kind and change agreement on value matches, and predictions that fall on
annotated non-figures (``Channel 4``, ``FTSE 100``, phone numbers ...).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from factcheck.core.figures import extract_figures  # noqa: E402

# Unit synonyms, fixed together with the gold set (not tuned on predictions).
ALIASES = {
    "%": "percent", "per cent": "percent", "pct": "percent", "percentage": "percent",
    "percentage point": "percentage point", "pp": "percentage point", "point": "point",
    "bp": "basis point", "bps": "basis point",
    "$": "dollar", "usd": "dollar", "us$": "dollar", "us dollar": "dollar",
    "£": "pound", "gbp": "pound", "pound sterling": "pound", "sterling": "pound",
    "€": "euro", "eur": "euro",
    "p": "pence", "penny": "pence", "pence": "pence",
    "btc": "bitcoin",
    "kilometre": "km", "kilometer": "km", "kms": "km",
    "square kilometre": "km2", "square kilometer": "km2", "sq km": "km2", "km²": "km2",
    "metre": "m", "meter": "m", "centimetre": "cm", "centimeter": "cm",
    "millimetre": "mm", "millimeter": "mm", "nanometre": "nm", "nanometer": "nm",
    "mi": "mile", "ft": "foot", "kilogram": "kg", "kilo": "kg", "ton": "tonne", "t": "tonne",
    "c": "celsius", "°c": "celsius", "degree celsius": "celsius", "degrees celsius": "celsius",
    "centigrade": "celsius",
    "f": "fahrenheit", "°f": "fahrenheit", "degree fahrenheit": "fahrenheit",
    "degrees fahrenheit": "fahrenheit",
    "mile per hour": "mph", "miles per hour": "mph", "kph": "km/h", "kmh": "km/h",
    "kilometres per hour": "km/h", "gigabyte": "gb", "gigabit per second": "gbps",
    "hr": "hour", "h": "hour", "min": "minute", "sec": "second", "s": "second",
    "yr": "year", "wk": "week", "mo": "month",
    "people": "person", "men": "man", "women": "woman", "children": "child",
    "feet": "foot", "mps": "mp", "mp": "mp",
}
IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child",
             "feet": "foot", "mice": "mouse", "teeth": "tooth", "geese": "goose",
             "series": "series", "species": "species", "pence": "pence", "celsius": "celsius",
             "gbps": "gbps", "mph": "mph", "bitcoin": "bitcoin", "news": "news"}


def singular(word: str) -> str:
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 3:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def norm_unit(u):
    if u is None:
        return None
    u = " ".join(str(u).strip().lower().split())
    if not u:
        return None
    if u in ALIASES:
        return ALIASES[u]
    words = u.split(" ")
    words[-1] = singular(words[-1])
    u = " ".join(words)
    return ALIASES.get(u, u)


def unit_equal(a, b) -> bool:
    a, b = norm_unit(a), norm_unit(b)
    if a is None or b is None:
        return a is b
    if a == b:
        return True
    # head noun: "clean sheet" ~ "sheet", "postal vote" ~ "vote"
    return a.split(" ")[-1] == b.split(" ")[-1] and (" " in a or " " in b)


def _num(x):
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return float(x)
    if isinstance(x, str):
        try:
            return float(x.replace(",", ""))
        except ValueError:
            return None
    return None


def num_equal(a: float, b: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def value_equal(g, p) -> bool:
    g_rng = isinstance(g, (list, tuple))
    p_rng = isinstance(p, (list, tuple))
    if g_rng or p_rng:
        if not (g_rng and p_rng) or len(g) != 2 or len(p) != 2:
            return False
        return all(value_equal(x, y) for x, y in zip(g, p))
    if isinstance(g, str) and isinstance(p, str):
        if g.strip() == p.strip():
            return True
    gn, pn = _num(g), _num(p)
    if gn is None or pn is None:
        return False
    return num_equal(gn, pn)


def overlap(g, p) -> bool:
    return p["start"] < g["end"] and g["start"] < p["end"]


def crit_span(g, p):
    return overlap(g, p)


def crit_value(g, p):
    return overlap(g, p) and value_equal(g["value"], p["value"])


def crit_vu(g, p):
    return crit_value(g, p) and unit_equal(g["unit"], p["unit"])


def match(gold, pred, crit):
    """Maximum one-to-one matching (Kuhn's augmenting paths); returns {gold_i: pred_j}."""
    adj = [[j for j, p in enumerate(pred) if crit(g, p)] for g in gold]
    owner = {}  # pred j -> gold i

    def augment(i, seen):
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def to_dict(f):
    v = f.value
    if isinstance(v, tuple):
        v = list(v)
    return {"start": f.start, "end": f.end, "text": f.text, "value": v,
            "unit": f.unit, "kind": f.kind, "change": getattr(f, "change", "=")}


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def fmt(f):
    v = f["value"]
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{f['text']!r} = {v} {f['unit'] or '-'} [{f['kind']}{'' if f.get('change', '=') == '=' else ' ' + f['change']}]"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=os.path.join(HERE, "figures_gold.jsonl"))
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="list up to N mismatches (gold missed or wrong, spurious predictions)")
    ap.add_argument("--keep-time", action="store_true",
                    help="score predicted figures of kind 'time' too (default: dropped, not annotated)")
    ap.add_argument("--json", metavar="PATH", help="also write the scores as JSON")
    ap.add_argument("--self-check", action="store_true",
                    help="score the gold against itself (must print 100.0 everywhere, 0 traps hit)")
    args = ap.parse_args(argv)

    with open(args.gold, encoding="utf-8") as lines:
        gold_items = [json.loads(line) for line in lines if line.strip()]
    names = ("span", "value", "value+unit")
    crits = (crit_span, crit_value, crit_vu)
    tp = Counter()
    n_gold = n_pred = 0
    kind_tot = Counter()
    kind_hit = defaultdict(Counter)
    kind_agree = change_agree = value_tp = 0
    trap_total = trap_hit = 0
    trap_examples = []
    errors = []
    dropped_time = 0

    for item in gold_items:
        text = item["text"]
        gold = item["figures"]
        if args.self_check:
            pred = [dict(g) for g in gold]
        else:
            pred = [to_dict(f) for f in extract_figures(text)]
        if not args.keep_time:
            dropped_time += sum(1 for p in pred if p["kind"] == "time")
            pred = [p for p in pred if p["kind"] != "time"]
        n_gold += len(gold)
        n_pred += len(pred)
        matches = {}
        for name, crit in zip(names, crits):
            m = match(gold, pred, crit)
            matches[name] = m
            tp[name] += len(m)
            for i in m:
                kind_hit[gold[i]["kind"]][name] += 1
        for g in gold:
            kind_tot[g["kind"]] += 1
        for i, j in matches["value"].items():
            value_tp += 1
            kind_agree += gold[i]["kind"] == pred[j]["kind"]
            change_agree += gold[i].get("change", "=") == pred[j]["change"]
        for t in item.get("non_figures", []):
            trap_total += 1
            hits = [p for p in pred if overlap(t, p)]
            if hits:
                trap_hit += 1
                trap_examples.append((item["id"], t["text"], hits))
        # errors: gold not matched on value+unit, predictions not matched on value+unit
        vu = matches["value+unit"]
        used = set(vu.values())
        for i, g in enumerate(gold):
            if i in vu:
                continue
            near = [p for p in pred if overlap(g, p)]
            cls = "missed" if not near else ("wrong value" if not any(value_equal(g["value"], p["value"]) for p in near)
                                             else "wrong unit")
            errors.append((cls, item["id"], text, g, near))
        for j, p in enumerate(pred):
            if j in used or any(overlap(g, p) for g in gold):
                continue
            errors.append(("spurious", item["id"], text, None, [p]))

    print(f"figures gold: {args.gold}")
    print(f"sentences {len(gold_items)}  gold figures {n_gold}  predicted {n_pred}"
          + ("" if args.keep_time else f"  (dropped {dropped_time} of kind time)"))
    print()
    print(f"{'match':<12}{'P':>8}{'R':>8}{'F1':>8}{'TP':>6}")
    scores = {}
    for name in names:
        p, r, f = prf(tp[name], n_pred, n_gold)
        scores[name] = {"precision": p, "recall": r, "f1": f, "tp": tp[name]}
        print(f"{name:<12}{100 * p:8.1f}{100 * r:8.1f}{100 * f:8.1f}{tp[name]:6d}")
    print()
    print(f"{'recall/kind':<12}{'n':>5}{'span':>8}{'value':>8}{'val+u':>8}")
    per_kind = {}
    for k in sorted(kind_tot):
        n = kind_tot[k]
        row = [kind_hit[k][name] / n for name in names]
        per_kind[k] = dict(zip(names, row), n=n)
        print(f"{k:<12}{n:5d}" + "".join(f"{100 * x:8.1f}" for x in row))
    print()
    if value_tp:
        print(f"on value matches: kind agrees {100 * kind_agree / value_tp:.1f}%, "
              f"change agrees {100 * change_agree / value_tp:.1f}%")
    print(f"non-figure traps hit by a prediction: {trap_hit}/{trap_total}")
    ec = Counter(e[0] for e in errors)
    print("error classes (value+unit): " + ", ".join(f"{k} {v}" for k, v in ec.most_common()))

    if args.show_errors:
        print()
        for cls, sid, text, g, near in errors[: args.show_errors]:
            gs = fmt(g) if g else "-"
            ps = "; ".join(fmt(p) for p in near) or "-"
            print(f"[{cls}] {sid}: gold {gs}  | pred {ps}")
        shown = 0
        for sid, t, hits in trap_examples:
            if shown >= args.show_errors:
                break
            print(f"[trap] {sid}: {t!r} -> " + "; ".join(fmt(p) for p in hits))
            shown += 1

    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"scores": scores, "per_kind": per_kind, "traps_hit": trap_hit,
                       "traps": trap_total, "errors": dict(ec)}, fh, indent=2)


if __name__ == "__main__":
    main()
