"""Rebuilds without gaps, WAL housekeeping and health checks for the embedded SQLite index.

Rebuild: the new index is written into a separate staging file (a copy of the current one, so a
partial re-ingest keeps the files it does not touch), then copied into the live file with SQLite's
online backup in ONE write transaction. In WAL mode readers that started before keep reading their
snapshot of the old index until they finish; readers after see the new one; nobody sees a
half-written index. Renaming the new file over the old one instead would pair the old -wal file
with the new database (SQLite would replay foreign frames into it), so the swap goes through
SQLite, not the file system.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ingest.index_contract import BackendError, HealthCheck
from search_api.backends.sqlite_stats import index_stamp

# The backend is passed in (search_api.backends.sqlite imports this module, not the reverse).
SQLiteBackend = Any

_SIDE_FILES = ("", "-wal", "-shm", "-journal")


def remove_index_files(path: str) -> None:
    for suffix in _SIDE_FILES:
        Path(path + suffix).unlink(missing_ok=True)


@contextmanager
def staging(backend: SQLiteBackend) -> Iterator[SQLiteBackend]:
    if backend.path == ":memory:":
        raise BackendError("an in-memory index cannot be rebuilt through a staging file")
    live = backend.db  # opens (and checks) the live index first
    remove_abandoned_staging_files(backend.path)
    staging_path = f"{backend.path}.staging-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    stage = type(backend)(staging_path)
    try:
        live.backup(stage.db)  # one consistent snapshot of the current index
        yield stage
        stage.checkpoint()
        stage.db.backup(live)  # the swap: one write transaction on the live file
        backend.note_write()
        backend.checkpoint()
    finally:
        stage.close()
        remove_index_files(staging_path)


def remove_abandoned_staging_files(path: str) -> None:
    """Staging files of a rebuild whose process died (kill -9 mid-rebuild) are deleted; the live
    index never depended on them."""
    live = Path(path)
    for leftover in live.parent.glob(live.name + ".staging-*"):
        pid_text = leftover.name[len(live.name) + len(".staging-") :].split("-", 1)[0]
        if pid_text.isdigit() and Path("/proc/self").exists() and not Path(f"/proc/{pid_text}").exists():
            leftover.unlink(missing_ok=True)


def checkpoint(connection: sqlite3.Connection) -> tuple[int, int, int]:
    """Fold the WAL into the index and truncate it. A reader still on an old snapshot keeps the
    frames it needs (busy=1): journal_size_limit then cuts the file at the next checkpoint."""
    row = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return tuple(row) if row else (0, 0, 0)


def health_checks(backend: SQLiteBackend) -> list[HealthCheck]:
    """The whole-file quick_check's last result (run in the background: sqlite_integrity) and a real
    full-text query with its rows: a health request reads a few pages, never the whole file."""
    return [_integrity(backend), _query(backend)]


def _integrity(backend: SQLiteBackend) -> HealthCheck:
    if backend.path == ":memory:":
        return quick_check_here(backend)
    try:
        with backend.read_snapshot("health stamp") as db:
            stamp = index_stamp(db)
    except BackendError as error:
        return HealthCheck("integrity", False, str(error))
    return backend.integrity.check(stamp)


def quick_check_here(backend: SQLiteBackend) -> HealthCheck:
    """An in-memory index has no file for a second connection: checked on the request (it is small)."""
    try:
        rows = [row[0] for row in backend.db.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as error:
        return HealthCheck("integrity", False, f"quick_check failed: {error}")
    return HealthCheck("integrity", rows == ["ok"], "" if rows == ["ok"] else "; ".join(rows)[:300])


def _query(backend: SQLiteBackend) -> HealthCheck:
    """The rarest-cost real query: the first indexed term, matched, and its row read back."""
    try:
        with backend.read_snapshot("health query") as db:
            db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_vocab USING fts5vocab(main, articles, 'row')")
            term = db.execute("SELECT term FROM temp.articles_vocab LIMIT 1").fetchone()
            if term is None:
                return HealthCheck("query", True, "index is empty")
            phrase = '"' + term[0].replace('"', '""') + '"'
            row = db.execute(
                "SELECT rowid, doc_number, text FROM articles WHERE articles MATCH ? LIMIT 1", (phrase,)
            ).fetchone()
            if row is None:
                return HealthCheck("query", False, "an indexed term matched no article")
            return HealthCheck("query", True)
    except BackendError as error:
        return HealthCheck("query", False, str(error))
