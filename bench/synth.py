"""Synthetic reference stores and drafts made of real news: BBC paragraphs recombined.

Every synthetic article takes a real title and 4-12 real paragraphs of articles of one BBC
category, so its sentences, quotes and figures are real news text while the article is new.
The BBC corpus is read from ../shared/corpus/bbc at run time and never copied.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "bbc"


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str


def load_corpus(root: Path = CORPUS) -> dict[str, list[tuple[str, list[str]]]]:
    """Category -> [(title, paragraphs)] of the BBC corpus."""
    if not root.is_dir():
        raise SystemExit(f"missing {root}: the BBC corpus is read from ../shared next to the repo")
    corpus: dict[str, list[tuple[str, list[str]]]] = {}
    for path in sorted(root.glob("*/*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        title, _, body = text.partition("\n")
        paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
        corpus.setdefault(path.parent.name, []).append((title.strip(), paragraphs))
    return corpus


def synthetic_articles(n: int, *, seed: int = 7,
                       corpus: dict | None = None) -> Iterator[Article]:
    """Yield ``n`` distinct synthetic articles, reproducibly for a seed."""
    corpus = corpus or load_corpus()
    rng = random.Random(seed)
    categories = sorted(corpus)
    seen: set[str] = set()
    made = 0
    while made < n:
        category = rng.choice(categories)
        articles = corpus[category]
        title = rng.choice(articles)[0]
        paragraphs = [rng.choice(rng.choice(articles)[1]) for _ in range(rng.randint(4, 12))]
        text = "\n\n".join(paragraphs)
        digest = hashlib.sha1(text.encode()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        made += 1
        yield Article(f"synth/{seed}/{made:07d}", title, text)


def draft_of(articles: list[Article], *, words: int = 1000, rng: random.Random) -> str:
    """A draft of about ``words`` words: paragraphs of stored articles, a few words altered."""
    out: list[str] = []
    count = 0
    while count < words:
        paragraph = rng.choice(rng.choice(articles).text.split("\n\n"))
        if rng.random() < 0.2:  # an edit a reporter might make, so not everything verifies
            tokens = paragraph.split()
            if len(tokens) > 6:
                tokens[rng.randrange(len(tokens))] = rng.choice(["many", "several", "new", "key"])
                paragraph = " ".join(tokens)
        out.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(out)


def store_articles(store, articles: list[Article], *, jobs: int = 1, batch: int = 500) -> None:
    """Add ``articles`` to ``store`` in batches, parsed by ``jobs`` processes (the next batch
    while the current one is written), as ``factcheck ingest --jobs`` does."""
    from factcheck.ingest import ParallelParser

    parse = ParallelParser(jobs) if jobs > 1 else None
    batches = [[{"id": a.id, "title": a.title, "text": a.text} for a in articles[i : i + batch]]
               for i in range(0, len(articles), batch)]
    try:
        for n, records in enumerate(batches):
            if parse is not None and n + 1 < len(batches):
                parse.ahead(batches[n + 1])
            store.add_references(records, parse=parse)
    finally:
        if parse is not None:
            parse.close()  # (a child's CPU time is counted once it has ended)
