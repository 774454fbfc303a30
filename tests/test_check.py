"""``communique check``: a sound store passes, and each kind of damage is named."""

import shutil

import duckdb
import pytest
from typer.testing import CliRunner

from communique.cli import app

from .conftest import SAMPLES

runner = CliRunner()
ONE = SAMPLES / "000_15f1d204e912976c.txt"


@pytest.fixture(scope="module")
def sound_store(tmp_path_factory):
    db = tmp_path_factory.mktemp("sound") / "k.duckdb"
    assert runner.invoke(app, ["ingest", str(ONE), str(SAMPLES / "002_2881ff98ad935c2a.txt"), "--db", str(db)]) \
        .exit_code == 0
    return db


def test_a_sound_store_passes(sound_store):
    result = runner.invoke(app, ["check", "--db", str(sound_store)])
    assert result.exit_code == 0
    assert result.output.startswith("ok: 23 checks hold on 2 documents, 7 events, 12 quotes")


DAMAGE = {
    "mentions belong to stored documents":
        "DELETE FROM documents WHERE doc_id = '000_15f1d204e912976c'",
    "evidence offsets lie inside the document":
        "UPDATE event_mentions SET evidence_end = 100000 WHERE evidence_start = (SELECT min(evidence_start) "
        "FROM event_mentions)",
    "evidence is the document's text at its offsets":
        "UPDATE event_mentions SET evidence_start = evidence_start + 1",
    "every event has a mention":
        "DELETE FROM event_mentions WHERE event_id = (SELECT min(event_id) FROM events)",
    "event participants are stored actors":
        "DELETE FROM actors WHERE actor_key = 'person:ilham aliyev'",
    "event actor links match the events' participants":
        "DELETE FROM event_actors WHERE side = 'recipient'",
    "documents are stored under the hash of their text":
        "UPDATE documents SET text = text || ' (edited)' WHERE doc_id = '002_2881ff98ad935c2a'",
    "times are the document's text at their offsets":
        "UPDATE times SET end_char = end_char + 1",
    # the tables have no keys (store.SCHEMA): a repeated row is damage the check names
    "quote ids are unique":
        "INSERT INTO quotes SELECT * FROM quotes LIMIT 1",
    "mentions are unique per document, offset and event":
        "INSERT INTO event_mentions SELECT * FROM event_mentions LIMIT 1",
    "times are unique per document and offset":
        "INSERT INTO times SELECT * FROM times LIMIT 1",
}


@pytest.mark.broken_store
@pytest.mark.parametrize("invariant", DAMAGE)
def test_each_kind_of_damage_is_named(sound_store, tmp_path, invariant):
    db = tmp_path / "damaged.duckdb"
    shutil.copy(sound_store, db)
    with duckdb.connect(str(db)) as con:
        con.execute(DAMAGE[invariant])
    result = runner.invoke(app, ["check", "--db", str(db)])
    assert result.exit_code == 1
    assert f"FAIL {invariant}: " in result.output and "checks failed" in result.output


def test_no_store_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["check", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no store at" in result.output
