"""Ingest as a user runs it: a hostile corpus, reruns, overlaps, metadata updates, rejects files."""

import json
import time
from datetime import date

from typer.testing import CliRunner

from communique.cli import app
from communique.store import Store

from .conftest import SAMPLES, dump_store
from .hostile import MAX_DOC_CHARS, write_hostile_corpus

runner = CliRunner()


def _ingest(*args):
    return runner.invoke(app, ["ingest", *map(str, args)])


def test_hostile_corpus_names_every_bad_file_stores_the_good_ones_once(tmp_path):
    corpus, db, rejects_file = tmp_path / "corpus", tmp_path / "h.duckdb", tmp_path / "rejects.jsonl"
    expected, good = write_hostile_corpus(corpus)
    t0 = time.perf_counter()
    first = _ingest(corpus, "--db", db, "--max-doc-chars", MAX_DOC_CHARS, "--rejects", rejects_file)
    seconds = time.perf_counter() - t0
    assert first.exit_code == 3, first.output
    named = [json.loads(line) for line in rejects_file.read_text(encoding="utf-8").splitlines()]
    where = {(r["file"][len(str(corpus)) + 1:] + (f":{r['line']}" if r["line"] else "")): r["reason"] for r in named}
    for key, reason in expected.items():  # "file" or "file:line" -> part of the reason
        match = where.get(key)
        assert match is not None and reason in match, (key, reason, where)
        assert f"{corpus / key}: {match}" in first.output  # on stderr as FILE:LINE: reason
    assert len(named) == len(expected)
    assert f"new: {good}  already stored: 1  rejected: {len(expected)}" in first.output
    assert f"note: {corpus / 'fr_cp1252.txt'}: not UTF-8 (byte 22); read as cp1252 (detected)" in first.output
    assert f"note: {corpus / 'utf16_bom.txt'}: read as utf-16 (byte-order mark)" in first.output
    assert seconds < 120  # bounded: the 30,000-character token and the run-on sentence included
    with Store(db, read_only=True) as store:
        assert store.stats()["documents"] == good
        french = store.con.execute("SELECT text FROM documents WHERE doc_id = 'fr_cp1252'").fetchone()[0]
        assert french.startswith("Le président Ilham Aliyev a reçu à Bakou")
        assert store.con.execute("SELECT title FROM documents WHERE doc_id = 'j1'").fetchone() == \
            ("Bayramov in Tbilisi",)

    before = dump_store(db)
    second = _ingest(corpus, "--db", db, "--max-doc-chars", MAX_DOC_CHARS)
    assert second.exit_code == 3
    assert f"read: {good + 1}  new: 0  already stored: {good + 1}  rejected: {len(expected)}" in second.output
    assert "metadata updated: 0" in second.output
    assert dump_store(db) == before


def test_overlapping_corpus_adds_only_the_new_documents(shared, tmp_path):
    db = tmp_path / "o.duckdb"
    assert _ingest(shared / "seeds", "--db", db).exit_code == 0
    result = _ingest(SAMPLES, "--db", db)  # the seeds again plus five articles
    assert result.exit_code == 0, result.output
    assert "read: 7  new: 5  already stored: 2  rejected: 0" in result.output
    with Store(db, read_only=True) as store:
        assert store.stats()["documents"] == 7


def test_new_metadata_for_a_stored_text_changes_only_that_row(tmp_path):
    db, feed = tmp_path / "m.duckdb", tmp_path / "feed.jsonl"
    text = (SAMPLES / "102_7cc5d8a3b566b924.txt").read_text(encoding="utf-8")[17:]
    row = {"id": "uzb-kor", "date": "2025-06-20", "text": text, "title": "Call", "url": "https://a.example/1"}
    feed.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert _ingest(feed, "--db", db).exit_code == 0
    before = dump_store(db)

    feed.write_text(json.dumps({**row, "id": "uzb-kor-2", "title": "Mirziyoyev calls Lee", "url": None,
                                "text": text.replace(" ", "  ")}) + "\n", encoding="utf-8")  # same normalised text
    result = _ingest(feed, "--db", db)
    assert result.exit_code == 0 and "new: 0  already stored: 1" in result.output
    assert "metadata updated: 1" in result.output
    after = dump_store(db)
    assert {t: rows for t, rows in after.items() if t != "documents"} == \
        {t: rows for t, rows in before.items() if t != "documents"}
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT doc_id, title, url, published FROM documents").fetchall() == \
            [("uzb-kor-2", "Mirziyoyev calls Lee", "https://a.example/1", date(2025, 6, 20))]
    again = _ingest(feed, "--db", db)
    assert "metadata updated: 0" in again.output and dump_store(db) == after


def test_a_new_date_for_a_stored_text_is_named_and_the_stored_one_kept(tmp_path):
    db, feed = tmp_path / "d.duckdb", tmp_path / "feed.jsonl"
    row = {"id": "a", "date": "2025-06-20", "text": "Japan and Vietnam signed an agreement on Friday."}
    feed.write_text(json.dumps(row) + "\n", encoding="utf-8")
    _ingest(feed, "--db", db)
    feed.write_text(json.dumps({**row, "date": "2025-07-01"}) + "\n", encoding="utf-8")
    result = _ingest(feed, "--db", db)
    assert result.exit_code == 0
    assert f"note: {feed}:1: already stored with the date 2025-06-20, which is kept" in result.output


def test_default_date_dates_texts_without_a_date_line_but_not_wrong_ones(tmp_path):
    corpus, db = tmp_path / "c", tmp_path / "dd.duckdb"
    corpus.mkdir()
    (corpus / "undated.txt").write_text("Japan and Vietnam signed an agreement.", encoding="utf-8")
    (corpus / "wrong.txt").write_text(" date 2025-13-01 Japan and Vietnam met.", encoding="utf-8")
    (corpus / "rows.csv").write_text("id,text\nr1,Kenya and Uganda signed a trade deal.\n", encoding="utf-8")
    result = _ingest(corpus, "--db", db, "--default-date", "2025-01-11")
    assert result.exit_code == 3
    assert "read: 2  new: 2" in result.output and "wrong.txt:1: invalid date '2025-13-01'" in result.output
    with Store(db, read_only=True) as store:
        assert {str(d) for (d,) in store.con.execute("SELECT published FROM documents").fetchall()} == {"2025-01-11"}
    bad = _ingest(corpus, "--db", db, "--default-date", "11/01/2025")
    assert bad.exit_code == 2 and "is not a YYYY-MM-DD date" in bad.output


def test_declared_encoding_is_tried_before_guessing(tmp_path):
    db, f = tmp_path / "e.duckdb", tmp_path / "ru.txt"
    f.write_bytes(" date 2025-03-14 Президент Алиев встретился с Эрдоганом.".encode("cp1251"))
    result = _ingest(f, "--db", db, "--encoding", "cp1251")
    assert result.exit_code == 0 and "read as cp1251 (--encoding)" in result.output
    with Store(db, read_only=True) as store:
        assert store.con.execute("SELECT text FROM documents").fetchone()[0].startswith("Президент Алиев")
    assert _ingest(f, "--db", db, "--encoding", "no-such-codec").exit_code == 2
