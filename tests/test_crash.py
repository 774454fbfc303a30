"""kill -9 at any moment, then the same command again: the store a clean run makes, nothing more or less."""

import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from communique.cli import app

from .conftest import SAMPLES, assert_store_sound, dump_store

# two articles reporting one event (merged across documents) and another; one document per transaction
DOCS = ["000_15f1d204e912976c.txt", "002_2881ff98ad935c2a.txt", "105_0f313da77445e559.txt"]
TRIALS = 10


def _args(corpus: Path, db: Path) -> list[str]:
    return ["ingest", str(corpus), "--db", str(db), "--batch-size", "1"]


def _wait_for(condition, proc, limit=60.0) -> None:
    deadline = time.monotonic() + limit
    while not condition() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0005)


def test_kill_9_at_random_moments_then_the_same_command_makes_the_clean_store(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in DOCS:
        shutil.copy(SAMPLES / name, corpus / name)
    clean = tmp_path / "clean.duckdb"
    command = [sys.executable, "-m", "communique.cli"]
    proc = subprocess.Popen([*command, *_args(corpus, clean)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for(Path(f"{clean}.lock").exists, proc)
    started = time.monotonic()
    assert proc.wait(timeout=300) == 0
    span = time.monotonic() - started  # from taking the lock to the end: where the kills land
    expected = dump_store(clean)
    assert len(expected["documents"]) == len(DOCS)

    rnd = random.Random(7)
    moments = []
    for trial in range(TRIALS):
        db = tmp_path / f"killed{trial}.duckdb"
        wal, lock = Path(f"{db}.wal"), Path(f"{db}.lock")
        delay, k = rnd.uniform(0, 0.9) * span, rnd.randint(1, len(DOCS) + 1)
        for _attempt in range(4):  # a run faster than the clean one (the machine's load changed): kill sooner
            for leftover in (db, wal, lock):
                leftover.unlink(missing_ok=True)
            proc = subprocess.Popen([*command, *_args(corpus, db)], stdout=subprocess.DEVNULL,
                                    stderr=subprocess.DEVNULL)
            t0 = time.monotonic()
            if trial % 2 == 0:  # inside a write: the k-th time its write-ahead log appears (1: the schema)
                for _ in range(k):
                    _wait_for(lambda w=wal: not w.exists(), proc)
                    _wait_for(wal.exists, proc)
                time.sleep(rnd.uniform(0, 0.01))
                how = f"write {k}"
            else:  # anywhere once it holds the store: loading the model, parsing, writing, closing
                _wait_for(lock.exists, proc)
                time.sleep(delay)
                how = "random"
            proc.kill()  # SIGKILL
            proc.wait()
            if proc.returncode == -9:
                break
            delay, k = delay / 2, max(1, k - 1)
        assert proc.returncode == -9, f"trial {trial} ({how}) ended before the kill, four times"
        moments.append(f"{how} at {time.monotonic() - t0:.2f}s")
        stored = 0
        if CliRunner().invoke(app, ["stats", "--db", str(db)]).exit_code == 0:  # killed after the schema
            assert_store_sound(db)  # sound even right after the kill, before any repair
            stored = len(dump_store(db)["documents"])
        rerun = CliRunner().invoke(app, _args(corpus, db))
        assert rerun.exit_code == 0, rerun.output
        assert f"new: {len(DOCS) - stored}  already stored: {stored}" in rerun.output
        assert dump_store(db) == expected, f"trial {trial}: killed {moments[-1]} after {stored} documents"
    print("kill moments:", "; ".join(moments))
