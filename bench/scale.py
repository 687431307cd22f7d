"""Ingest speed, store size and check time against synthetic stores of N articles.

    python bench/scale.py --articles 10000 [--drafts 50] [--store-url URL [--reuse]] [--naive]
                          [--jobs N] [--passes N]

Prints one table: articles/s at ingest, store bytes per article, index bytes per article
(SQLite), and worker compute per ~1,000-word draft (p50, p95, wall clock and CPU time of the
checking process). With --naive, also the naive
peer: rapidfuzz partial_ratio of every draft quote against every stored sentence, on a sample.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synth import draft_of, load_corpus, store_articles, synthetic_articles  # noqa: E402
from factcheck.service import check_document  # noqa: E402
from factcheck.store import open_store  # noqa: E402


def cpu_seconds() -> float:
    """CPU time of this process and of its ended children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def sqlite_sizes(store) -> dict[str, int]:
    rows = store._db().execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
    return dict(rows)


def forget_caches(store) -> None:
    """Empty the per-process caches of the checking path (as in a worker just started)."""
    from factcheck.core import figmatch, index, match, text

    for cached in (text._tokens, match._plain, index.keys_of, figmatch._masked_passage,
                   figmatch._masked_draft, figmatch._matched):
        cached.cache_clear()
    store._seen.check(object(), None)


def naive_peer(store, drafts: list[str], times: list[float], *, articles: int, sample: int = 30,
               cutoff: float = 90.0) -> list[tuple[str, str]]:
    """The naive peer: rapidfuzz partial_ratio of each quote against every stored sentence.

    A finding is a quote whose best sentence scores >= ``cutoff``; the real path reproduces it
    when its claim for that quote names the same reference as a source.
    """
    from rapidfuzz import fuzz, process

    from factcheck.core.check_quotes import check_quote
    from factcheck.core.quotes import extract_quotes

    db = store._db()
    sentences = db.execute(
        "SELECT r.id, substr(r.text, p.start + 1, p.end - p.start) FROM passages p"
        " JOIN refs r ON r.seq = p.ref_seq WHERE p.kind = 0").fetchall()  # sentences
    texts = [t for _, t in sentences]
    quotes = [(d, q) for d in drafts for q in extract_quotes(d) if len(q.text.split()) >= 5]
    quotes = quotes[:sample]
    findings = reproduced = 0
    t0 = time.perf_counter()
    matches = [process.extractOne(q.text, texts, scorer=fuzz.partial_ratio, score_cutoff=cutoff)
               for _, q in quotes]
    naive_ms = (time.perf_counter() - t0) * 1000 / max(len(quotes), 1)
    reports = {}
    for (draft, quote), match in zip(quotes, matches):
        if match is None:
            continue
        findings += 1
        report = reports.setdefault(draft, check_document(store, draft))
        claim = next((c for c in report["claims"] if c["start"] == quote.start), None)
        if claim and claim["source"] and claim["source"]["reference_id"] == sentences[match[2]][0]:
            reproduced += 1
        elif claim and claim["source"]:  # the same text can sit in several references
            reproduced += claim["source"]["text"] in texts[match[2]] or \
                texts[match[2]] in claim["source"]["text"]
    quotes_per_draft = sum(len(extract_quotes(d)) for d in drafts) / len(drafts)
    draft_share_ms = percentile(times, 0.5) / max(quotes_per_draft, 1)
    forget_caches(store)  # as a fresh worker: these quotes were checked with their drafts
    t0 = time.perf_counter()
    for draft, quote in quotes:  # the real path on the very quotes the naive peer scanned for
        check_quote(quote, store, text=draft)
    real_ms = (time.perf_counter() - t0) * 1000 / max(len(quotes), 1)
    per_article = len(texts) / articles
    projected = naive_ms * 1_000_000 / articles
    return [("naive peer per quote", f"{naive_ms:,.0f} ms over {len(texts):,} sentences"),
            ("real path per quote (check_quote, cold caches)", f"{real_ms:,.2f} ms"),
            ("real path per quote (p50 draft / its quotes)", f"{draft_share_ms:,.2f} ms"),
            ("speed ratio (check_quote)", f"{naive_ms / real_ms:,.0f}x"),
            ("naive peer at 1M articles (projected)",
             f"{projected / 1000:,.1f} s per quote (linear in sentences, "
             f"{per_article:.0f} per article): {projected / real_ms:,.0f}x this real path"),
            ("naive findings reproduced", f"{reproduced}/{findings}")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--drafts", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store-url", help="default: a new SQLite file in a temporary folder")
    parser.add_argument("--naive", action="store_true",
                        help="also run the naive peer on a sample of quotes")
    parser.add_argument("--naive-quotes", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=1, help="processes parsing at ingest")
    parser.add_argument("--warm", type=int, default=1,
                        help="drafts checked before the measured ones (default 1: a cold worker)")
    parser.add_argument("--passes", type=int, default=1,
                        help="check the drafts this many times, the worker's caches emptied "
                             "(and warmed by one other draft) before each pass")
    parser.add_argument("--reuse", action="store_true",
                        help="with --store-url: a store this run built before is measured again "
                             "without ingesting (its ingest figures are the ones measured then)")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="fc-scale-"))
    store = open_store(args.store_url or f"sqlite:///{folder / 'store.db'}")
    corpus = load_corpus()
    articles = list(synthetic_articles(args.articles, seed=args.seed, corpus=corpus))
    built = Path(f"{getattr(store, 'path', folder / 'store')}.ingest.json")
    if args.reuse and built.exists() and store.list_references(limit=1)[1] == len(articles):
        ingest_s, ingest_cpu, jobs = json.loads(built.read_text())  # measured when built
    else:
        started, cpu_started = time.perf_counter(), cpu_seconds()
        store_articles(store, articles, jobs=args.jobs)
        ingest_s, ingest_cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
        jobs = args.jobs
        built.write_text(json.dumps([ingest_s, ingest_cpu, jobs]))

    rng = random.Random(args.seed)
    drafts = [draft_of(articles, rng=rng) for _ in range(args.drafts)]
    warm = [draft_of(articles, rng=rng) for _ in range(args.warm)]
    times, cpu, pass_p50 = [], [], []
    for n in range(args.passes):
        if n:
            forget_caches(store)  # each pass as a worker that checked only the warm drafts
        for draft in warm:  # other drafts first: a worker that has been running a while
            check_document(store, draft)
        this_pass = []
        for draft in drafts:
            t0, c0 = time.perf_counter(), time.process_time()
            check_document(store, draft)
            times.append((time.perf_counter() - t0) * 1000)
            this_pass.append((time.process_time() - c0) * 1000)
        cpu += this_pass
        pass_p50.append(percentile(this_pass, 0.5))

    rows = [("articles", f"{len(articles):,}"),
            ("ingest articles/s", f"{len(articles) / ingest_s:,.0f}"),
            ("ingest articles per CPU-second", f"{len(articles) / ingest_cpu:,.0f} "
                                               f"({jobs} parsing process(es))"),
            ("ingest total", f"{ingest_s:,.1f} s")]
    if store.url.startswith("sqlite"):
        sizes = sqlite_sizes(store)
        total = Path(store.path).stat().st_size
        parts = ("postings", "passages", "passages_ref", "passages_tid", "texts",
                 "sqlite_autoindex_texts_1")
        index = sum(sizes.get(name, 0) for name in parts)
        stats = store.index_stats()
        rows += [("store bytes/article", f"{total / len(articles):,.0f}"),
                 ("index bytes/article", f"{index / len(articles):,.0f} (postings, passages, distinct texts)"),
                 ("postings/article", f"{stats['postings'] / len(articles):,.0f} in "
                                      f"{stats['segments']} segments")]
    rows += [("draft words (mean)", f"{statistics.mean(len(d.split()) for d in drafts):,.0f}"),
             ("worker warmed by", f"{args.warm} other draft(s)"),
             ("check p50 ms (wall)", f"{percentile(times, 0.5):,.1f}"),
             ("check p95 ms (wall)", f"{percentile(times, 0.95):,.1f}"),
             ("check p50 ms (worker CPU)", f"{percentile(cpu, 0.5):,.1f}"),
             ("check p95 ms (worker CPU)", f"{percentile(cpu, 0.95):,.1f}")]
    if args.passes > 1:
        rows.insert(-4, ("passes (caches emptied before each)", f"{args.passes}, p50 worker CPU "
                         + ", ".join(f"{v:,.1f}" for v in pass_p50) + " ms"))
    if args.naive:
        rows += naive_peer(store, drafts, times, articles=len(articles), sample=args.naive_quotes)
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
