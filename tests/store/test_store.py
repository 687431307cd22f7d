"""Both store back ends honour one contract."""

from __future__ import annotations

import pytest

from factcheck.core.index import keys_of
from factcheck.errors import Conflict, NotFound
from factcheck.store import open_store

ARTICLE = (
    "Harbour tunnel opens\n"
    "The new harbour tunnel opened on Monday after six years of work. "
    '"This tunnel will cut the commute by twenty minutes," said mayor Ines Alvarado.'
)


@pytest.fixture(params=["sqlite", "redis"])
def any_store(request, tmp_path):
    if request.param == "sqlite":
        s = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    else:
        s = open_store(request.getfixturevalue("redis_url"))
    yield s
    s.close()


def test_add_get_list_delete(any_store):
    ref, created = any_store.add_reference(id="city/1", title="Tunnel", text=ARTICLE)
    assert created and ref.id == "city/1"
    assert any_store.get_reference("city/1").text == ARTICLE
    items, total = any_store.list_references()
    assert total == 1 and items[0].id == "city/1"
    any_store.delete_reference("city/1")
    with pytest.raises(NotFound):
        any_store.get_reference("city/1")
    assert any_store.lookup(keys_of("cut the commute by twenty minutes"), limit=5) == []


def test_idempotent_on_id_and_content(any_store):
    v0 = any_store.version()
    first, created = any_store.add_reference(id="a", title="T", text=ARTICLE)
    again, created_again = any_store.add_reference(id="a", title="T", text=ARTICLE)
    same_text, created_same = any_store.add_reference(title="Other title", text=ARTICLE)
    assert created and not created_again and not created_same
    assert again == first and same_text.id == "a"
    assert any_store.version() == v0 + 1
    with pytest.raises(Conflict):
        any_store.add_reference(id="a", title="T", text=ARTICLE + " More.")


def test_id_derived_from_content_when_missing(any_store):
    ref, _ = any_store.add_reference(title="T", text=ARTICLE)
    assert ref.id.startswith("ref-")


def test_lookup_ranks_the_passage_sharing_most_keys(any_store):
    any_store.add_reference(id="a", title="T", text=ARTICLE)
    any_store.add_reference(id="b", title="U", text="Other news\nThe council met to discuss bins.")
    hits = any_store.lookup(keys_of("This tunnel will cut the commute by twenty minutes"), limit=3)
    assert hits and hits[0][0].reference_id == "a"
    assert "commute" in hits[0][0].text
    assert any_store.references(["a", "zzz"])["a"].title == "T"


def test_pagination(any_store):
    for n in range(5):
        any_store.add_reference(id=f"r{n}", title=f"T{n}", text=f"Story number {n} of five.")
    page, total = any_store.list_references(offset=2, limit=2)
    assert total == 5 and [r.id for r in page] == ["r2", "r3"]


def test_jobs_round_trip(any_store):
    job = any_store.create_job(text="Draft", title="T", metadata={"k": 1})
    assert any_store.get_job(job.id).metadata == {"k": 1}
    any_store.update_job(job, status="running", lease_until=1.0)
    assert [j.id for j in any_store.running_jobs()] == [job.id]
    any_store.update_job(job, status="done", report={"flags": []})
    assert any_store.running_jobs() == []
    assert any_store.get_job(job.id).report == {"flags": []}
    any_store.delete_job(job.id)
    with pytest.raises(NotFound):
        any_store.get_job(job.id)


def test_ping(any_store):
    assert any_store.ping()["references"] == 0


def test_concurrent_writers_of_the_same_content_agree(any_store, tmp_path):
    """Two writers adding the same article at once both get the one stored reference."""
    from concurrent.futures import ThreadPoolExecutor

    other = open_store(any_store.url)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(
            lambda s: s.add_reference(title="T", text=ARTICLE), [any_store, other] * 4))
    assert sum(created for _, created in results) == 1
    assert len({ref.id for ref, _ in results}) == 1
    assert any_store.list_references()[1] == 1
    other.close()


def test_small_records_and_logs(any_store):
    assert any_store.kv_get("keys", "a") is None
    assert any_store.kv_put("keys", "a", {"n": 1}, only_new=True)
    assert not any_store.kv_put("keys", "a", {"n": 2}, only_new=True)
    assert any_store.kv_get("keys", "a") == {"n": 1}
    assert any_store.kv_put("keys", "a", {"n": 3})
    assert any_store.kv_items("keys") == {"a": {"n": 3}}
    any_store.kv_delete("keys", "a")
    assert any_store.kv_items("keys") == {}
    any_store.log_append("deliveries", "job1", {"attempt": 1})
    any_store.log_append("deliveries", "job1", {"attempt": 2})
    assert [i["attempt"] for i in any_store.log_read("deliveries", "job1")] == [1, 2]
    assert any_store.log_read("deliveries", "job2") == []


def test_reindex_rebuilds_an_outdated_index(any_store, monkeypatch):
    import factcheck.store.base as base

    any_store.add_reference(id="a", title="T", text=ARTICLE)
    assert any_store.index_is_current()
    monkeypatch.setattr(base, "INDEX_VERSION", base.INDEX_VERSION + 1)  # a newer release
    assert not any_store.index_is_current()
    assert any_store.reindex(batch=1) == 1
    assert any_store.index_is_current()
    hits = any_store.lookup(keys_of("This tunnel will cut the commute by twenty minutes"), limit=3)
    assert hits and hits[0][0].reference_id == "a" and "commute" in hits[0][0].text


def test_a_text_held_by_several_references_is_indexed_once_and_found_in_each(any_store):
    sentence = "The new harbour tunnel opened on Monday after six years of work."
    for n in range(3):
        any_store.add_reference(id=f"wire/{n}", title=f"Version {n}",
                                text=f"Headline {n}\n{sentence} Edition {n} adds its own line.")
    hits = any_store.lookup(keys_of(sentence), limit=1)  # one distinct text...
    holding = [p for p, _ in hits if p.text == sentence]
    assert [p.reference_id for p in holding] == ["wire/0", "wire/1", "wire/2"]  # ...3 passages
    assert {p.start for p in holding} == {len("Headline 0\n")}

    any_store.delete_reference("wire/0")
    hits = any_store.lookup(keys_of(sentence), limit=1)
    assert [p.reference_id for p, _ in hits if p.text == sentence] == ["wire/1", "wire/2"]
    any_store.delete_reference("wire/1")
    any_store.delete_reference("wire/2")
    assert not [p for p, _ in any_store.lookup(keys_of(sentence), limit=5) if p.text == sentence]

    any_store.add_reference(id="wire/again", title="Back", text=f"Headline\n{sentence}")
    hits = any_store.lookup(keys_of(sentence), limit=1)
    assert [p.reference_id for p, _ in hits] == ["wire/again"]


def test_a_look_up_returns_a_bounded_number_of_copies_of_one_text(any_store):
    from factcheck.store.base import MAX_OCCURRENCES

    sentence = "Flood defences along the estuary were raised by a metre last winter."
    any_store.add_references([{"id": f"copy/{n:02d}", "title": "T",
                               "text": f"Copy {n}\n{sentence}"} for n in range(MAX_OCCURRENCES + 3)])
    hits = any_store.lookup(keys_of(sentence), limit=1)
    assert len(hits) == MAX_OCCURRENCES
    assert hits[0][0].reference_id == "copy/00"  # the oldest copies first


def test_a_copy_added_after_a_look_up_is_found_by_the_next(any_store):
    sentence = "The ferry service to the islands resumes in April after repairs."
    any_store.add_reference(id="first", title="T", text=f"One\n{sentence}")
    assert [p.reference_id for p, _ in any_store.lookup(keys_of(sentence), limit=1)] == ["first"]
    assert [p.reference_id for p in any_store.same_text(sentence, "sentence")] == ["first"]
    any_store.add_reference(id="second", title="T", text=f"Two\n{sentence}")
    assert [p.reference_id for p, _ in any_store.lookup(keys_of(sentence), limit=1)] == [
        "first", "second"]
    assert [p.reference_id for p in any_store.same_text(sentence, "sentence")] == [
        "first", "second"]
    any_store.delete_reference("first")
    assert [p.reference_id for p in any_store.same_text(sentence, "sentence")] == ["second"]
    assert any_store.same_text(sentence + " More.", "sentence") == []


def test_same_texts_answers_many_at_once_as_same_text_does(any_store):
    any_store.add_reference(id="city/1", title="Tunnel", text=ARTICLE)
    items = [("The new harbour tunnel opened on Monday after six years of work.", "sentence"),
             ("This tunnel will cut the commute by twenty minutes,", "quote"),
             ("This tunnel will cut the commute by twenty minutes,", "sentence"),
             ("A sentence no reference holds.", "sentence")]
    found = any_store.same_texts(items)
    assert list(found) == items
    assert [[(p.reference_id, p.text, p.kind) for p in found[item]] for item in items] == [
        [("city/1", items[0][0], "sentence")], [("city/1", items[1][0], "quote")], [], []]
    held = found[items[0]][0]
    assert ARTICLE[held.start : held.end] == held.text


def test_a_pinned_view_of_the_store_holds_until_its_block_ends(any_store):
    other = open_store(any_store.url)  # another process's view of the same store
    sentence = "The lighthouse keeper's cottage will become a museum next spring."
    any_store.add_reference(id="keep", title="T", text=f"One\n{sentence}")
    any_store.add_reference(id="gone", title="T", text=f"Two\n{sentence}")
    with any_store.pinned():
        assert len(any_store.lookup(keys_of(sentence), limit=1)) == 2
        other.delete_reference("gone")
        assert len(any_store.lookup(keys_of(sentence), limit=1)) == 2  # one draft, one view
    assert [p.reference_id for p, _ in any_store.lookup(keys_of(sentence), limit=1)] == ["keep"]
    other.close()


def test_preloaded_passages_are_read_without_asking_the_store_again(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    store.add_reference(id="city/1", title="Tunnel", text=ARTICLE)
    keys = keys_of("The new harbour tunnel opened on Monday after six years of work.")
    ranked = [(tid, n) for tid, n in
              sorted(((t, 1) for ids in store.postings(keys).values() for t in ids or ()))]
    store.preload([tid for tid, _ in ranked])
    queries: list[str] = []
    store._db().set_trace_callback(queries.append)
    with store.pinned():
        queries.clear()  # (entering the block checks the store once)
        found = store.ranked_passages(ranked, limit=5)
    assert found and queries == []
    store.close()


def test_references_gives_title_and_url_of_known_ids_in_one_go(any_store):
    from factcheck.core.types import ReferenceInfo

    any_store.add_reference(id="city/1", title="Tunnel “opens” – at last", text=ARTICLE,
                            url="https://news.example/tunnel")
    any_store.add_reference(id="city/2", title="No link", text=ARTICLE + " Again.")
    assert any_store.references(["city/1", "city/2", "missing", "city/1"]) == {
        "city/1": ReferenceInfo("city/1", "Tunnel “opens” – at last", "https://news.example/tunnel"),
        "city/2": ReferenceInfo("city/2", "No link", None),
    }
    assert any_store.references([]) == {}


def test_reference_titles_are_read_once_until_a_removal(any_store):
    other = open_store(any_store.url)  # another process's view of the same store
    any_store.add_reference(id="city/1", title="Old title", text=ARTICLE)
    assert any_store.references(["city/1"])["city/1"].title == "Old title"
    reads: list[list[str]] = []
    fetch = any_store._reference_infos
    any_store._reference_infos = lambda ids: reads.append(sorted(ids)) or fetch(ids)
    assert any_store.references(["city/1", "city/2"])["city/1"].title == "Old title"
    assert reads == [["city/2"]]  # the known id from the cache; the unknown one asked again
    other.delete_reference("city/1")  # the same id, other content: only after a removal
    other.add_reference(id="city/1", title="New title", text=ARTICLE + " Updated.")
    assert any_store.references(["city/1"])["city/1"].title == "New title"
    other.close()


def test_references_survive_a_title_with_a_lone_surrogate(any_store):
    from factcheck.core.types import ReferenceInfo

    any_store.add_reference(id="odd", title="Bad \ud800 title", text=ARTICLE)
    assert any_store.references(["odd"]) == {"odd": ReferenceInfo("odd", "Bad \ud800 title")}


def test_a_text_id_is_never_handed_out_twice(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    store.add_reference(id="a", title="T", text="One\nThe harbour ferry sails at dawn daily.")
    store.add_reference(id="b", title="T", text="Two\nThe mountain railway closes for winter.")
    db = store._db()
    last = db.execute("SELECT MAX(tid) FROM texts").fetchone()[0]
    store.delete_reference("b")  # its texts, the newest, leave the index at the next merge:
    for n in range(12):  # references of no new text, each a segment, until a merge happens
        store.add_reference(id=f"same/{n}", title="T",
                            text="One\nThe harbour ferry sails at dawn daily.\n" + "It is. " * n)
    assert db.execute("SELECT MAX(tid) FROM texts").fetchone()[0] < last  # b's texts are gone
    store.add_reference(id="c", title="T", text="Three\nA new bridge opens over the river.")
    assert all(tid > last for (tid,) in db.execute(
        "SELECT t.tid FROM texts t JOIN passages p ON p.tid = t.tid JOIN refs r"
        " ON r.seq = p.ref_seq WHERE r.id = 'c'"))
    store.close()


def _postings(store) -> dict[int, list[int]]:
    from factcheck.store.sqlite import _unpack

    merged: dict[int, list[int]] = {}
    for key, blob in store._db().execute("SELECT key, tids FROM postings"):
        merged.setdefault(key, []).extend(_unpack(blob))
    return {key: sorted(tids) for key, tids in merged.items()}


def test_a_merge_reads_its_segments_a_part_at_a_time_and_drops_dead_texts(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    names = "amber birch cedar dahlia elm fern gorse heather iris juniper kale".split()
    for n, name in enumerate(names):  # segments sharing keys, each with texts of its own
        store.add_reference(id=f"r/{n}", title="T", text=f"One\nThe harbour ferry sails at "
                            f"dawn daily with {n} cars.\nThe ferry {name} sails again.")
    store.delete_reference("r/3")
    db = store._db()
    dead = {tid for (tid,) in db.execute("SELECT tid FROM dead_texts")}
    assert dead and not dead & {tid for (tid,) in db.execute("SELECT tid FROM texts")}
    before = _postings(store)
    store.add_reference(id="r/11", title="T", text="Two\nA new bridge opens over the river.")
    db.execute("INSERT INTO segments (rows) VALUES (0)")  # (an empty one: now a merge is due)
    store._compact(rows_at_once=3)  # a few rows per read: keys cut across the reads
    after = _postings(store)
    expected = {k: [t for t in v if t not in dead] for k, v in before.items()}
    assert {k: v for k, v in after.items() if k in before} == {k: v for k, v in expected.items() if v}
    assert db.execute("SELECT COUNT(*) FROM segments").fetchone()[0] <= 7
    held = {t for tids in after.values() for t in tids}
    listed = {tid for (tid,) in db.execute("SELECT tid FROM dead_texts")}
    assert dead - held and listed == dead & held  # the ids the merge dropped: no longer listed
    assert [p.reference_id for p, _ in store.lookup(keys_of("The ferry elm sails"), limit=1)] \
        == ["r/4"]
    store.close()


def test_texts_removed_before_they_were_noted_as_dead_are_found_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    store = open_store(url)
    names = "amber birch cedar dahlia".split()
    for n, name in enumerate(names):
        store.add_reference(id=f"r/{n}", title="T", text=f"One\nThe ferry {name} sails.")
    store.delete_reference("r/1")  # texts in the middle of the ids
    store.delete_reference("r/3")  # the newest texts
    db = store._db()
    dead = {tid for (tid,) in db.execute("SELECT tid FROM dead_texts")}
    db.execute("DELETE FROM dead_texts")  # as an older version left it
    db.execute("DELETE FROM meta WHERE name = 'dead_listed'")
    store.close()
    store = open_store(url)
    assert {tid for (tid,) in store._db().execute("SELECT tid FROM dead_texts")} == dead
    store.close()


def test_removing_one_of_the_oldest_copies_brings_in_the_next(any_store):
    from factcheck.store.base import MAX_OCCURRENCES

    sentence = "The night bus to the airport now runs every twenty minutes."
    any_store.add_references([{"id": f"copy/{n}", "title": "T", "text": f"Copy {n}\n{sentence}"}
                              for n in range(MAX_OCCURRENCES + 1)])
    any_store.delete_reference("copy/1")
    hits = [p.reference_id for p, _ in any_store.lookup(keys_of(sentence), limit=1)]
    assert hits == ["copy/0"] + [f"copy/{n}" for n in range(2, MAX_OCCURRENCES + 1)]


def test_a_layout_3_store_is_upgraded_when_opened(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    store = open_store(url)
    store.add_reference(id="city/1", title="Tunnel", text=ARTICLE)
    store.add_reference(id="city/2", title="Again", text=ARTICLE + " Again.")
    db = store._db()  # back to layout 3: texts without their copies, passages indexed by text
    for column in ("more", "copies", "kind"):
        db.execute(f"ALTER TABLE texts DROP COLUMN {column}")
    db.execute("CREATE INDEX passages_tid ON passages (tid, pid)")
    db.execute("UPDATE meta SET value = '3' WHERE name = 'schema'")
    store.close()

    store = open_store(url)
    quote = "This tunnel will cut the commute by twenty minutes,"
    assert [(p.reference_id, p.kind, p.speaker) for p in store.same_text(quote, "quote")] == [
        ("city/1", "quote", "Ines Alvarado"), ("city/2", "quote", "Ines Alvarado")]
    db = store._db()
    assert db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()[0] == "4"
    assert not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'passages_tid'").fetchone()
    store.close()


def test_a_redis_index_written_before_texts_kept_their_copies_is_read_the_same(redis_url):
    store = open_store(redis_url)
    store.add_reference(id="city/1", title="Tunnel", text=ARTICLE)
    store.add_reference(id="city/2", title="Again", text=ARTICLE + " Again.")
    quote = "This tunnel will cut the commute by twenty minutes,"
    expected = [(p.reference_id, p.start, p.speaker) for p in store.same_text(quote, "quote")]
    assert expected == [("city/1", ARTICLE.index(quote), "Ines Alvarado"),
                        ("city/2", ARTICLE.index(quote), "Ines Alvarado")]
    older = [k for pattern in ("fc:tt:*", "fc:cp:*", "fc:cn:*")
             for k in store.r.scan_iter(match=pattern)]
    store.r.delete(*older)  # as an earlier version left the index

    again = open_store(redis_url)  # another process, with nothing cached
    assert [(p.reference_id, p.start, p.speaker)
            for p in again.same_text(quote, "quote")] == expected
    from factcheck.core.index import text_id
    from factcheck.core.types import Passage

    tid = int(again.r.get(f"fc:fp:{text_id(Passage('', 0, 0, quote, 'quote'))}"))
    assert again.r.get(f"fc:cn:{tid}") == b"2"  # its copies kept for the next look-ups
    assert again.r.get(f"fc:cp:{tid}").count(b"city/") == 2
    store.close()
    again.close()


def test_removing_copies_reads_on_only_as_far_as_the_texts_need(tmp_path):
    from factcheck.store.base import MAX_OCCURRENCES

    store = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    many = "The harbour ferry now sails every hour from the north pier."
    few = "A second ferry line will open to the island next summer."
    store.add_references([{"id": f"m/{n}", "title": "T", "text": f"Many {n}\n{many}"}
                          for n in range(MAX_OCCURRENCES + 2)])
    store.add_references([{"id": f"f/{n}", "title": "T", "text": f"Few {n}\n{few}"}
                          for n in range(2)])
    db = store._db()
    more = dict(db.execute("SELECT text, more FROM texts WHERE text IN (?, ?)", (many, few)))
    assert more == {many: 1, few: 0}
    for gone in ("m/0", "m/1", "f/0"):
        store.delete_reference(gone)
    assert [p.reference_id for p in store.same_text(many, "sentence")] == [
        f"m/{n}" for n in range(2, MAX_OCCURRENCES + 2)]
    assert [p.reference_id for p in store.same_text(few, "sentence")] == ["f/1"]
    more = dict(db.execute("SELECT text, more FROM texts WHERE text IN (?, ?)", (many, few)))
    assert more == {many: 0, few: 0}  # no passage holds either beyond its copies now
    store.delete_reference("f/1")
    assert store.same_text(few, "sentence") == []
    assert not db.execute("SELECT 1 FROM texts WHERE text = ?", (few,)).fetchone()
    store.close()


def _finish(store, text: str, at: float, status: str = "done"):
    job = store.create_job(text=text)
    return store.update_job(job, status=status, finished_at=at)


def test_an_id_derived_from_a_text_but_given_to_another_is_a_conflict(any_store):
    from factcheck.store.base import new_reference_id

    text = "A text sent without an id."
    any_store.add_reference(id=new_reference_id(text), title="T", text="Other content.")
    with pytest.raises(Conflict, match="id of its own"):
        any_store.add_reference(title="T", text=text)
    ref, created = any_store.add_reference(id="own", title="T", text=text)
    assert created and any_store.get_reference("own").text == text


def test_finished_jobs_come_oldest_first_and_can_be_forgotten(any_store):
    late, early = _finish(any_store, "late", 300.0), _finish(any_store, "early", 100.0)
    failed = _finish(any_store, "failed", 200.0, status="failed")
    running = any_store.create_job(text="still running")
    any_store.update_job(running, status="running")
    assert [j.id for j in any_store.finished_before(250.0, limit=10)] == [early.id, failed.id]
    assert [j.id for j in any_store.finished_before(1e12, limit=2)] == [early.id, failed.id]
    any_store.forget_finished_job(early)
    with pytest.raises(NotFound):
        any_store.get_job(early.id)
    assert [j.id for j in any_store.finished_before(1e12, limit=10)] == [failed.id, late.id]
    any_store.delete_job(failed.id)  # deleted another way: no longer listed
    assert [j.id for j in any_store.finished_before(1e12, limit=10)] == [late.id]
    assert any_store.get_job(running.id).status == "running"


def test_jobs_finished_before_their_order_was_kept_are_found(any_store):
    old = _finish(any_store, "finished by an older version", 100.0)
    if any_store.url.startswith("sqlite"):  # as an older store left it
        with any_store._tx() as db:
            db.execute("DELETE FROM job_ends")
            db.execute("UPDATE meta SET value = '0' WHERE name = 'job_ends'")
        reopened = open_store(any_store.url)
    else:
        any_store.r.delete(any_store._k("ended"), any_store._k("ended:scan"))
        reopened = any_store
    assert [j.id for j in reopened.finished_before(1e12, limit=10)] == [old.id]
    if reopened is not any_store:
        reopened.close()


def test_a_log_can_be_removed_whole(any_store):
    any_store.log_append("deliveries", "job-1", {"n": 1})
    any_store.log_append("deliveries", "job-1", {"n": 2})
    any_store.log_append("deliveries", "job-2", {"n": 1})
    any_store.log_delete("deliveries", "job-1")
    assert any_store.log_read("deliveries", "job-1") == []
    assert any_store.log_read("deliveries", "job-2") == [{"n": 1}]


def test_a_small_record_can_be_removed_only_while_it_holds_a_value(any_store):
    any_store.kv_put("idempotency", "k", "job-1")
    any_store.kv_delete("idempotency", "k", value="job-2")  # another value: kept
    assert any_store.kv_get("idempotency", "k") == "job-1"
    any_store.kv_delete("idempotency", "k", value="job-1")
    assert any_store.kv_get("idempotency", "k") is None
