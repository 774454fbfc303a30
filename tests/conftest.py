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
