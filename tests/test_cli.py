"""The factcheck command: ingest, check and extract against a store named by the environment."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from tests.conftest import REPO, shared_path

DRAFT = REPO / "tests" / "data" / "kirby-draft.txt"


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("FACTCHECK_STORE_URL", raising=False)

    def invoke(*args: str):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


def write_refs(folder):
    folder.mkdir()
    (folder / "one.txt").write_text("Bridge reopens\n\nThe bridge reopened on Friday.\n",
                                    encoding="utf-8")
    (folder / "two.json").write_text(json.dumps({
        "id": "wire-77", "title": "Rates", "text": "The bank held rates at 4.5%.",
        "url": "https://example.org/rates", "published_at": "2024-03-01"}), encoding="utf-8")
    (folder / "three.txt").write_bytes("Prices\nA loaf costs \xa31.20 now.\n".encode("cp1252"))
    (folder / "notes.md").write_text("not a reference", encoding="utf-8")


def test_ingest_reports_and_is_idempotent(run, tmp_path):
    write_refs(tmp_path / "refs")
    first = run("ingest", "--quiet", str(tmp_path / "refs"))
    assert first.exit_code == 0, first.output
    assert "added 3, unchanged 0, failed 0" in first.output
    assert "three.txt: not valid UTF-8" in first.output
    again = run("ingest", "--quiet", str(tmp_path / "refs"))
    assert "added 0, unchanged 3, failed 0" in again.output
    assert "(store version 3)" in again.output


def test_ingest_keeps_going_past_a_bad_file(run, tmp_path):
    folder = tmp_path / "refs"
    write_refs(folder)
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    result = run("ingest", "--quiet", str(folder))
    assert result.exit_code == 1
    assert "added 3" in result.output and "failed 1" in result.output
    assert "broken.json: not valid JSON" in result.output


def test_ingest_missing_path_is_a_usage_error(run, tmp_path):
    result = run("ingest", str(tmp_path / "nope"))
    assert result.exit_code == 2 and "No such file or folder" in result.output


def test_check_one_and_several_inputs(run, tmp_path):
    run("ingest", "--quiet", str(REPO / "seeds"))
    one = run("check", str(DRAFT))
    report = json.loads(one.stdout)
    assert report["input"] == str(DRAFT) and report["report_version"] == 1
    assert {f["kind"] for f in report["flags"]} >= {"quote_altered", "number_mismatch"}
    clean = tmp_path / "clean.txt"
    clean.write_text("Nothing quoted here at all.", encoding="utf-8")
    lines = run("check", str(DRAFT), str(clean)).stdout.splitlines()
    assert [json.loads(line)["input"] for line in lines] == [str(DRAFT), str(clean)]
    assert json.loads(lines[1])["flags"] == []


def test_extract_contract(run):
    out = json.loads(run("extract", str(DRAFT)).stdout)
    text = DRAFT.read_text(encoding="utf-8")
    assert out["input"] == str(DRAFT)
    for quote in out["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
    assert any(q["speaker"] and q["speaker"]["mention"] == "Kirby"
               and q["speaker"]["text"] == "John Kirby" for q in out["quotes"])
    assert any(f["text"] == "200,000" and f["value"] == 200000 for f in out["figures"])


def test_ingests_the_whole_bbc_corpus(run):
    corpus = shared_path("corpus", "bbc")
    result = run("ingest", "--quiet", str(corpus))
    assert result.exit_code == 0, result.output[-2000:]
    assert "failed 0" in result.output
    assert "sport/199.txt: not valid UTF-8" in result.output
    summary = result.output.strip().splitlines()[-1]
    added = int(summary.split("added ")[1].split(",")[0])
    unchanged = int(summary.split("unchanged ")[1].split(",")[0])
    assert added + unchanged == 2225 and added > 2000
    again = run("ingest", "--quiet", str(corpus))
    assert "added 0, unchanged 2225" in again.output


def test_keys_create_list_revoke(run):
    created = run("keys", "create", "--name", "ghost-prod", "--scope", "check")
    token = created.stdout.strip()
    assert token.startswith("fck_") and "scope check" in created.output
    listing = run("keys", "list").stdout
    key_id = listing.split()[0]
    assert "ghost-prod" in listing and token not in listing and "revoked -" in listing
    assert "revoked key" in run("keys", "revoke", key_id).output
    assert "revoked -" not in run("keys", "list").stdout
    assert run("keys", "revoke", "nope").exit_code == 2


def test_hooks_and_callback_secret(run):
    out = run("hooks", "set", "ghost", "--secret", "s1", "--callback-url", "https://cms.example/cb")
    assert "kind ghost, 1 secret(s)" in out.output and "/v1/hooks/ghost" in out.output
    assert run("hooks", "set", "desk", "--secret", "s2").exit_code == 2  # kind unknown
    listing = run("hooks", "list").stdout
    assert "ghost" in listing and "s1" not in listing
    first = run("callback-secret").stdout.split()
    assert len(first) == 1 and first[0].startswith("whsec_")
    rotated = run("callback-secret", "--rotate").stdout.split()
    assert len(rotated) == 2 and first[0] in rotated
    assert run("callback-secret", "--drop-old").stdout.split() == [rotated[0]]
    assert run("hooks", "delete", "ghost").exit_code == 0
    assert run("hooks", "delete", "ghost").exit_code == 2


def test_reindex_and_stale_index_refused(run, monkeypatch):
    import factcheck.store.base as base

    run("ingest", "--quiet", str(REPO / "seeds"))
    monkeypatch.setattr(base, "INDEX_VERSION", base.INDEX_VERSION + 1)
    stale = run("check", str(DRAFT))
    assert stale.exit_code == 1 and "factcheck reindex" in stale.output
    assert "reindexed 1 references" in run("reindex").output
    assert json.loads(run("check", str(DRAFT)).stdout)["flags"]


def test_ingest_in_several_processes_stores_the_same_index(run, tmp_path, monkeypatch):
    from factcheck.core.index import keys_of
    from factcheck.store import open_store

    folder = tmp_path / "refs"
    folder.mkdir()
    for n in range(12):
        (folder / f"r{n}.txt").write_text(
            f"Story {n}\n\nThe council approved plan {n} on Monday. "
            f'"We will build {n + 10} homes by spring," said mayor Ana Ruiz.\n', encoding="utf-8")
    stores = []
    for jobs in ("1", "3"):
        monkeypatch.setenv("FACTCHECK_DATA_DIR", str(tmp_path / f"data{jobs}"))
        assert run("ingest", "--quiet", "--jobs", jobs, str(folder)).exit_code == 0
        stores.append(open_store(f"sqlite:///{tmp_path / f'data{jobs}' / 'factcheck.db'}"))
    keys = keys_of("We will build 15 homes by spring")
    one, several = ([(p, n) for p, n in s.lookup(keys, limit=50)] for s in stores)
    assert one == several and any(p.kind == "quote" and p.speaker == "Ana Ruiz" for p, _ in one)
