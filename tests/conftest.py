"""Shared fixtures: the seed corpus and gold sets live in ../shared (read-only, CI has them)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples" / "corpus"
SAMPLE_GOLD = ROOT / "tests" / "data" / "sample_gold.jsonl"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def kb():
    from communique.kb import load_kb

    return load_kb()


@pytest.fixture(scope="session")
def extract():
    """Run the whole pipeline on a text: ``extract(text, "2024-11-06")``."""
    from communique import extract_text

    return extract_text


@pytest.fixture(scope="session")
def seeds_db(shared, tmp_path_factory) -> Path:
    """A store holding the two seed articles, closed after ingest: open it read-only."""
    import communique

    path = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    with communique.open(path) as db:
        assert db.ingest([shared / "seeds"]).new == 2
    return path
def assert_store_sound(db: Path) -> str:
    """``communique check`` on a store must pass; returns its report."""
    from typer.testing import CliRunner

    from communique.cli import app

    result = CliRunner().invoke(app, ["check", "--db", str(db)])
    assert result.exit_code == 0, f"communique check --db {db}:\n{result.output}"
    return result.output


@pytest.fixture(autouse=True)
def _every_store_passes_check(request):
    """After each test, every DuckDB store it left in its tmp_path passes ``communique check``.

    A test that breaks a store on purpose says so with ``@pytest.mark.broken_store``.
    """
    wanted = "tmp_path" in request.fixturenames and not request.node.get_closest_marker("broken_store")
    tmp = request.getfixturevalue("tmp_path") if wanted else None  # (taken now: it is torn down first)
    yield
    for db in sorted(tmp.rglob("*.duckdb")) if tmp else ():
        assert_store_sound(db)


def pytest_configure(config):
    config.addinivalue_line("markers", "broken_store: the test damages a store on purpose; skip the check after it")


def dump_store(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the ingest time: two stores with equal dumps hold the same."""
    from communique.store import Store

    with Store(db, read_only=True) as store:
        tables = [t for (t,) in store.con.execute("SELECT table_name FROM information_schema.tables "
                                                   "ORDER BY table_name").fetchall()]
        out = {}
        for t in tables:
            cols = [c for (c,) in store.con.execute("SELECT column_name FROM information_schema.columns "
                                                     "WHERE table_name = ? ORDER BY ordinal_position", [t]).fetchall()]
            keep = ", ".join(f'"{c}"' for c in cols if c != "ingested_at")
            out[t] = sorted(map(repr, store.con.execute(f'SELECT {keep} FROM "{t}"').fetchall()))
        return out
