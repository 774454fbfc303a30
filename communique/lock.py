"""One writer per store: an exclusive lock on ``<store>.lock`` held for a whole ingest.

The operating system drops the lock when its process ends, however it ends
(``kill -9`` included), so there is never a stale lock to clean up. The file also
says who holds it, for the message a second writer gets.
"""

from __future__ import annotations

import os
import socket
from datetime import datetime
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: DuckDB's own file lock still keeps writers apart
    fcntl = None


class StoreLocked(RuntimeError):
    """Another process is writing to the store."""


class WriterLock:
    """``with WriterLock(db):`` -- raises StoreLocked at once if another writer holds the store."""

    def __init__(self, db: str | os.PathLike):
        self.path = Path(f"{db}.lock")
        self._file = None

    def __enter__(self) -> WriterLock:
        if fcntl is None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        f = self.path.open("a+", encoding="utf-8")
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            f.seek(0)
            holder = f.read().strip() or "another process"
            f.close()
            raise StoreLocked(f"another ingest is writing to {str(self.path)[:-5]} ({holder}); "
                              "run this one when it has finished") from exc
        f.truncate(0)
        f.write(f"pid {os.getpid()} on {socket.gethostname()}, since {datetime.now().isoformat(timespec='seconds')}")
        f.flush()
        self._file = f
        return self

    def __exit__(self, *exc) -> None:
        if self._file is not None:
            self._file.truncate(0)
            self._file.close()  # closing releases the lock
            self._file = None
