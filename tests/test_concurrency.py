"""Real processes side by side: one writer at a time, readers answered all through an ingest."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from communique.cli import app

from .conftest import SAMPLES

CLI = [sys.executable, "-m", "communique.cli"]


def _run(*args, **env):
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env})


def test_a_second_ingest_is_refused_and_queries_keep_working_during_an_ingest(shared, tmp_path):
    db = tmp_path / "c.duckdb"
    assert CliRunner().invoke(app, ["ingest", str(shared / "seeds"), "--db", str(db)]).exit_code == 0
    lock = Path(f"{db}.lock")
    writer = subprocess.Popen([*CLI, "ingest", str(SAMPLES), "--db", str(db), "--batch-size", "1"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while f"pid {writer.pid}" not in lock.read_text() and time.monotonic() < deadline:
        time.sleep(0.01)

    second = _run("ingest", SAMPLES, "--db", db)
    assert second.returncode == 4, second.stderr
    assert f"error: another ingest is writing to {db} (pid {writer.pid} on" in second.stderr
    assert writer.poll() is None, "the first ingest should still be running"

    seen = []
    while writer.poll() is None:
        stats = _run("stats", "--db", db, "--json")
        assert stats.returncode == 0, stats.stderr
        seen.append(json.loads(stats.stdout)["documents"])
        events = _run("events", "--db", db, "--format", "jsonl", "--include-negated")
        assert events.returncode == 0 and all(json.loads(line)["mentions"] for line in events.stdout.splitlines())
    print("documents seen by readers during the ingest:", seen)
    out, err = writer.communicate()
    assert writer.returncode == 0, err
    assert "new: 5  already stored: 2" in out
    assert len(seen) >= 2 and seen == sorted(seen) and 2 <= seen[0] and seen[-1] <= 7, seen
    assert json.loads(_run("stats", "--db", db, "--json").stdout)["documents"] == 7


def test_a_process_that_keeps_the_store_open_is_named_after_the_wait(tmp_path):
    db = tmp_path / "busy.duckdb"
    one = SAMPLES / "105_0f313da77445e559.txt"
    assert CliRunner().invoke(app, ["ingest", str(one), "--db", str(db)]).exit_code == 0
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); time.sleep(60)", str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        result = _run("stats", "--db", db, COMMUNIQUE_LOCK_WAIT="0.5")
        assert result.returncode == 2
        assert f"error: store {db} is in use by process {holder.pid} (waited 0.5 s)" in result.stderr
        ingest = _run("ingest", SAMPLES / "104_1e8d851fb43e4675.txt", "--db", db, COMMUNIQUE_LOCK_WAIT="0.5")
        assert ingest.returncode == 4 and f"is in use by process {holder.pid}" in ingest.stderr
    finally:
        holder.kill()
        holder.wait()
    assert _run("stats", "--db", db).returncode == 0  # free again
