"""Reading a draft's postings once gives the same candidates as a look-up per claim."""

from __future__ import annotations

from factcheck.core.check import check_text
from factcheck.core.index import keys_of
from factcheck.core.memindex import MemoryIndex
from factcheck.core.prefetch import PrefetchedIndex

SOURCE = (
    "Harbour tunnel opens\n"
    "The new harbour tunnel opened on Monday after six years of work. It cost £340m. "
    '"This tunnel will cut the commute by twenty minutes," said mayor Ines Alvarado.'
)
DRAFT = (
    "The harbour tunnel opened on Monday after six years of work and cost £360m. "
    '"This tunnel will cut the commute by thirty minutes," said mayor Ines Alvarado.'
)


class Counting:
    """A MemoryIndex that counts how often its postings are read."""

    def __init__(self, index: MemoryIndex) -> None:
        self.index, self.reads = index, 0

    def postings(self, keys):
        self.reads += 1
        return self.index.postings(keys)

    def __getattr__(self, name):
        return getattr(self.index, name)


def source_index() -> MemoryIndex:
    index = MemoryIndex()
    index.add("tunnel", "Harbour tunnel opens", SOURCE)
    index.add("other", "Bins", "Other news\nThe council met on Monday to discuss bins.")
    return index


def test_prefetched_look_ups_equal_plain_ones_and_fetch_unknown_keys():
    index = source_index()
    prefetched = PrefetchedIndex(index, keys_of(DRAFT))
    for text in ("cut the commute by twenty minutes", "six years of work", "discuss bins"):
        assert prefetched.lookup(keys_of(text), limit=5) == index.lookup(keys_of(text), limit=5)


def test_a_draft_reads_its_postings_once_and_keeps_its_verdicts():
    counting = Counting(source_index())
    findings = check_text(DRAFT, counting)
    assert counting.reads == 1
    plain = check_text(DRAFT, source_index())
    assert [(f.verdict, f.start, f.end) for f in findings] == [
        (f.verdict, f.start, f.end) for f in plain]
    assert "altered" in {f.verdict for f in findings}
