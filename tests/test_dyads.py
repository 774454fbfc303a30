"""The sorted dyad layout answers exactly what the normalised tables answer."""

import duckdb
import pytest
from typer.testing import CliRunner

from communique import dyads
from communique.cli import app
from communique.store import ROW_GROUP_ROWS, Store

from .conftest import SAMPLES

runner = CliRunner()


def test_dyad_series_match_the_normalised_tables_and_follow_new_ingests(shared, tmp_path):
    db = str(tmp_path / "c.duckdb")
    assert runner.invoke(app, ["ingest", str(shared / "seeds"), "--db", db]).exit_code == 0
    with duckdb.connect(db) as con:
        assert dyads.fresh(con)
        assert dyads.series(con, "AZE", "USA", by="year", include_negated=True)
    assert runner.invoke(app, ["ingest", str(SAMPLES), "--db", db]).exit_code == 0
    with duckdb.connect(db) as con:
        assert dyads.fresh(con)
        pairs = con.execute("SELECT DISTINCT actor, recipient FROM event_dyads").fetchall()
        assert len(pairs) > 10
        for actor, recipient in pairs:
            for by in ("day", "month"):
                fast = dyads.series(con, actor, recipient, by=by, include_negated=True, include_hypothetical=True)
                slow = dyads._series(con, f"({dyads._ROWS})", actor, recipient, by, None, None, True, True)
                assert fast == slow and fast
        con.execute("DELETE FROM event_mentions WHERE rowid IN (SELECT min(rowid) FROM event_mentions)")
        assert not dyads.fresh(con)
        dyads.series(con, *pairs[0])  # rebuilds
        assert dyads.fresh(con)


@pytest.mark.broken_store  # an empty DuckDB file, not a store
def test_unknown_bucket_is_refused(tmp_path):
    with duckdb.connect(str(tmp_path / "x.duckdb")) as con, pytest.raises(ValueError, match="unknown bucket"):
        dyads.series(con, "AZE", "USA", by="fortnight")


def test_a_rebuild_that_does_not_fit_its_memory_bound_retries_with_more(tmp_path, monkeypatch):
    db = str(tmp_path / "c.duckdb")
    assert runner.invoke(app, ["ingest", str(SAMPLES), "--db", db]).exit_code == 0
    with duckdb.connect(db) as con:
        con.execute("SET threads = 3")
        settings = "SELECT value FROM duckdb_settings() WHERE name IN ('memory_limit', 'threads')"
        default = con.execute(settings).fetchall()
        monkeypatch.setattr(dyads, "REBUILD_MEMORY", ("1MB",))  # too small for any rebuild
        with pytest.raises(duckdb.OutOfMemoryException):
            dyads.refresh(con)
        assert dyads.fresh(con)  # the layout the ingest built is still there
        monkeypatch.setattr(dyads, "REBUILD_MEMORY", ("1MB", None))
        con.execute("DROP TABLE event_dyads")
        dyads.refresh(con)
        assert dyads.fresh(con)
        assert con.execute("SELECT count(*) FROM event_dyads").fetchone()[0] > 10
        assert con.execute(settings).fetchall() == default  # the rebuild ran in one thread, then gave it back


def test_the_layout_rebuild_leaves_the_writers_small_row_groups_alone(tmp_path):
    # Merging the tables the writers append in small row groups into the layout's large ones
    # would rewrite the whole store at the end of every ingest.
    db = tmp_path / "c.duckdb"
    for n in range(4):
        with Store(db) as store:
            store.con.execute("CREATE TABLE IF NOT EXISTS appended (n INTEGER)")
            store.con.execute(f"INSERT INTO appended SELECT {n} FROM range({ROW_GROUP_ROWS})")

    def row_groups() -> int:
        with Store(db, read_only=True) as store:
            return store.con.execute("SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('appended')"
                                     ).fetchone()[0]

    assert row_groups() == 4
    with Store(db, row_group_rows=dyads.LAYOUT_ROW_GROUP_ROWS) as store:
        dyads.refresh(store.con)
    assert row_groups() == 4
