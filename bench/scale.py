"""Ingest speed, store size and check time against synthetic stores of N articles.

    python bench/scale.py --articles 10000 [--drafts 50] [--store-url URL] [--naive]

Prints one table: articles/s at ingest, store bytes per article, index bytes per article
(SQLite), and worker compute per ~1,000-word draft (p50, p95). With --naive, also the naive
peer: rapidfuzz partial_ratio of every draft quote against every stored sentence, on a sample.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synth import draft_of, load_corpus, synthetic_articles  # noqa: E402
from factcheck.service import check_document  # noqa: E402
from factcheck.store import open_store  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def sqlite_sizes(store) -> dict[str, int]:
    rows = store._db().execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
    return dict(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--drafts", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store-url", help="default: a new SQLite file in a temporary folder")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="fc-scale-"))
    store = open_store(args.store_url or f"sqlite:///{folder / 'store.db'}")
    corpus = load_corpus()
    articles = list(synthetic_articles(args.articles, seed=args.seed, corpus=corpus))
    started = time.perf_counter()
    for i in range(0, len(articles), 500):  # the batches `factcheck ingest` uses
        store.add_references([{"id": a.id, "title": a.title, "text": a.text}
                              for a in articles[i : i + 500]])
    ingest_s = time.perf_counter() - started

    rng = random.Random(args.seed)
    drafts = [draft_of(articles, rng=rng) for _ in range(args.drafts)]
    check_document(store, drafts[0])  # warm caches, as a long-running worker would be
    times = []
    for draft in drafts:
        t0 = time.perf_counter()
        check_document(store, draft)
        times.append((time.perf_counter() - t0) * 1000)

    rows = [("articles", f"{len(articles):,}"),
            ("ingest articles/s", f"{len(articles) / ingest_s:,.0f}"),
            ("ingest total", f"{ingest_s:,.1f} s")]
    if store.url.startswith("sqlite"):
        sizes = sqlite_sizes(store)
        total = Path(store.path).stat().st_size
        index = sizes.get("postings", 0) + sizes.get("passages", 0) + sizes.get("passages_ref", 0)
        stats = store.index_stats()
        rows += [("store bytes/article", f"{total / len(articles):,.0f}"),
                 ("index bytes/article", f"{index / len(articles):,.0f} (postings and passages)"),
                 ("postings/article", f"{stats['postings'] / len(articles):,.0f} in "
                                      f"{stats['segments']} segments")]
    rows += [("draft words (mean)", f"{statistics.mean(len(d.split()) for d in drafts):,.0f}"),
             ("check p50 ms", f"{percentile(times, 0.5):,.1f}"),
             ("check p95 ms", f"{percentile(times, 0.95):,.1f}")]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
