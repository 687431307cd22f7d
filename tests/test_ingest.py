"""Ingest in batches, parsed in other processes ahead of the writer."""

from __future__ import annotations

from factcheck.core.index import keys_of
from factcheck.ingest import ParallelParser, find_files, ingest_files
from factcheck.store import open_store
from factcheck.store.base import parse_here
from factcheck.store.records import Reference


def _story(n: int) -> str:
    return (f"Story {n}\n\nThe council approved plan {n} on Monday. "
            f'"We will build {n + 10} homes by spring," said mayor Ana Ruiz.\n')


def test_a_parser_told_ahead_gives_what_parsing_here_gives():
    refs = [Reference(id=f"r{n}", title="T", text=_story(n)) for n in range(10)]
    with ParallelParser(2) as parse:
        parse.ahead([{"id": r.id, "text": r.text} for r in refs[:6]]
                    + [{"id": "never-asked", "text": _story(99)}])
        assert len(parse._ahead) == 7
        assert parse(refs) == parse_here(refs)  # 6 parsed ahead, 4 on demand
        assert list(parse._ahead) == [("never-asked", _story(99))]  # the 6 were taken
        parse.ahead([{"id": "r0", "text": "other text under the same id"}])
        assert parse(refs[:1]) == parse_here(refs[:1])  # an id with other text: not mixed up
        assert len(parse._ahead) == 1 and not parse._older.get(("r0", refs[0].text))


def test_batched_parallel_ingest_stores_what_a_plain_one_does_and_counts_each_file(tmp_path):
    folder = tmp_path / "refs"
    folder.mkdir()
    for n in range(11):
        (folder / f"r{n:02d}.txt").write_text(_story(n), encoding="utf-8")
    (folder / "r03-copy.txt").write_text(_story(3), encoding="utf-8")  # unchanged content
    files = find_files([folder])
    lookups = []
    for jobs in (1, 2):
        store = open_store(f"sqlite:///{tmp_path / f'store{jobs}.db'}")
        done: list[int] = []
        summary = ingest_files(store, files, batch=3, jobs=jobs, progress=done.append)
        assert (summary.added, summary.unchanged, summary.failed) == (11, 1, 0)
        assert sum(done) == len(files)
        lookups.append(store.lookup(keys_of("We will build 15 homes by spring"), limit=20))
        store.close()
    assert lookups[0] == lookups[1] and lookups[0]
