"""Reading reference files (.txt, .json, folders of them) into a store."""

from __future__ import annotations

import json
import multiprocessing
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

from factcheck.core.index import passages_of
from factcheck.core.types import Passage
from factcheck.errors import FactcheckError
from factcheck.store import Store
from factcheck.store.records import Reference

SUFFIXES = (".txt", ".json")
_FIELDS = ("id", "title", "text", "url", "source", "published_at")


@dataclass
class IngestSummary:
    """What an ingest run did."""

    added: int = 0
    unchanged: int = 0
    failed: int = 0
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        """A one-line summary for people."""
        return (f"added {self.added}, unchanged {self.unchanged}, failed {self.failed}, "
                f"warnings {len(self.warnings)}")


def find_files(paths: list[str | Path]) -> list[tuple[Path, Path]]:
    """Every reference file under ``paths``, with the root its id is taken relative to."""
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += [(f, path) for f in sorted(path.rglob("*"))
                      if f.is_file() and f.suffix in SUFFIXES]
        elif path.is_file():
            found.append((path, path.parent))
        else:
            raise FactcheckError(f"No such file or folder: {raw}")
    return found


def decode(data: bytes, *, name: str, warnings: list[str]) -> str:
    """Decode UTF-8; a file with stray bytes is read as Windows-1252 and reported."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        warnings.append(
            f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "read as Windows-1252"
        )
        return data.decode("cp1252", errors="replace")


def parse_file(path: Path, root: Path, *, warnings: list[str]) -> Iterator[dict[str, Any]]:
    """The reference records of one file: a .txt (first line is the title) or .json."""
    text = decode(path.read_bytes(), name=str(path), warnings=warnings)
    default_id = path.relative_to(root).with_suffix("").as_posix()
    if path.suffix == ".txt":
        title, _, body = text.partition("\n")
        if not body.strip():
            raise FactcheckError(f"{path}: the first line is the title and the rest the text, "
                                 "but there is no text after the title")
        yield {"id": default_id, "title": title.strip(), "text": body.strip("\n")}
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FactcheckError(f"{path}: not valid JSON ({exc})") from exc
    items = data if isinstance(data, list) else [data]
    for n, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise FactcheckError(f"{path}: item {n} needs at least a \"text\" string")
        record = {k: item[k] for k in _FIELDS if item.get(k) is not None}
        record.setdefault("id", default_id if len(items) == 1 else f"{default_id}/{n}")
        record.setdefault("title", record["text"].strip().split("\n", 1)[0][:200])
        yield record


def _passages(ref: tuple[str, str]) -> list[Passage]:
    return passages_of(*ref)


def _passages_of_many(refs: list[tuple[str, str]]) -> list[list[Passage]]:
    return [passages_of(*ref) for ref in refs]


class ParallelParser:
    """Splits references into passages in ``jobs`` processes (the store writes in this one).

    Parsing (sentences, quotes and their speakers) is where ingest spends its time. Told the
    next batch with :meth:`ahead`, the processes parse it while this one writes the current
    batch, so neither waits for the other.
    """

    def __init__(self, jobs: int) -> None:
        self.pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
        self._ahead: dict[tuple[str, str], tuple[Future, int]] = {}
        self._older: dict[tuple[str, str], tuple[Future, int]] = {}

    def ahead(self, records: list[dict[str, Any]], *, chunk: int = 8) -> None:
        """Start parsing records (with their ``id``) that a coming call will probably ask for.

        Only the last two batches told are kept: a record never asked for (already stored)
        is forgotten after that.
        """
        self._older, self._ahead = self._ahead, {}
        refs = [(r["id"], r["text"]) for r in records if r.get("id") is not None]
        for i in range(0, len(refs), chunk):
            future = self.pool.submit(_passages_of_many, refs[i : i + chunk])
            for n, ref in enumerate(refs[i : i + chunk]):
                self._ahead[ref] = (future, n)

    def __call__(self, refs: list[Reference]) -> list[list[Passage]]:
        started = [self._ahead.pop((r.id, r.text), None) or self._older.pop((r.id, r.text), None)
                   for r in refs]
        rest = iter(self.pool.map(_passages, [(r.id, r.text) for r, s in zip(refs, started)
                                              if s is None], chunksize=8))
        return [s[0].result()[s[1]] if s is not None else next(rest) for s in started]

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def ingest_files(store: Store, files: list[tuple[Path, Path]], *, progress=None,
                 batch: int = 200, jobs: int = 1) -> IngestSummary:
    """Add every reference of ``files`` to ``store``; one bad file never stops the run.

    References are stored ``batch`` at a time (one transaction, one index segment each),
    parsed by ``jobs`` processes: the next batch while this one is written.
    """
    summary = IngestSummary()
    # (path, record, whether it is the file's last record): a file counts once it is stored
    pending: list[tuple[Path, dict[str, Any], bool]] = []
    with ParallelParser(jobs) if jobs > 1 else nullcontext() as parse:

        def flush(items: list[tuple[Path, dict[str, Any], bool]]) -> None:
            try:
                results = store.add_references([record for _, record, _ in items], parse=parse)
            except FactcheckError:  # one bad record (a conflicting id): find it one by one
                results = []
                for path, record, _ in items:
                    try:
                        results.append(store.add_reference(**record))
                    except FactcheckError as exc:
                        summary.failed += 1
                        summary.errors.append(f"{path}: {exc.detail}")
            for _, created in results:
                summary.added += created
                summary.unchanged += not created
            if progress is not None:
                progress(sum(last for _, _, last in items))

        mostly_new = False  # whether the last batch was: then the next is parsed ahead

        def flush_first() -> None:
            nonlocal pending, mostly_new
            current, pending = pending[:batch], pending[batch:]
            if parse is not None and pending and mostly_new:
                parse.ahead([record for _, record, _ in pending[:batch]])
            added = summary.added
            flush(current)
            mostly_new = summary.added - added >= len(current) / 2

        for path, root in files:
            try:
                records = list(parse_file(path, root, warnings=summary.warnings))
            except FactcheckError as exc:
                summary.failed += 1
                summary.errors.append(exc.detail)
                if progress is not None:
                    progress(1)
                continue
            pending += [(path, record, n == len(records) - 1) for n, record in enumerate(records)]
            if not records and progress is not None:
                progress(1)
            while len(pending) >= 2 * batch:
                flush_first()
        while pending:
            flush_first()
    return summary
