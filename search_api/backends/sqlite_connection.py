"""The embedded backend's file and connections: the schema and its version, the refusal of an
empty or foreign file, one connection per thread, and the read snapshot every read runs in.
The layers above build on this one: writes (sqlite_writes.py), then reads and search (sqlite.py,
whose SQLiteBackend is the whole backend).
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ingest.index_contract import INDEX_VERSION, SEARCH_FIELDS, BackendError
from search_api.backends import sqlite_impact
from search_api.backends.sqlite_query import UNINDEXED_COLUMNS

WAL_SIZE_LIMIT = 8 * 1024 * 1024
# The file's layout: the contract's INDEX_VERSION plus this backend's own tables (".1": the
# impact-ordered postings of sqlite_impact). An older file is refused with the way to rebuild it.
SCHEMA_VERSION = f"{INDEX_VERSION}.1"


def refuse_empty_file(path: Path) -> None:
    """A 0-byte file where an index should be is damage (a truncated copy, a full disk), not a new
    index: opening it would silently serve an empty collection. A missing file is a new index."""
    try:
        empty = path.stat().st_size == 0
    except FileNotFoundError:
        return
    if empty:
        raise BackendError(
            f"index file {path} is empty (0 bytes): it was truncated or never written; "
            "run `vnlex ingest --recreate` to rebuild it"
        )


_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(source_file TEXT PRIMARY KEY, sha256 TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
    key TEXT PRIMARY KEY, number TEXT NOT NULL, type TEXT, title TEXT, source_file TEXT, json TEXT NOT NULL,
    answer_data TEXT);
CREATE INDEX IF NOT EXISTS documents_file ON documents(source_file);
CREATE TABLE IF NOT EXISTS relations(
    id INTEGER PRIMARY KEY, carrier TEXT NOT NULL, source TEXT NOT NULL, source_article TEXT, type TEXT NOT NULL,
    target TEXT NOT NULL, target_key TEXT NOT NULL, target_article TEXT, date TEXT, note TEXT, source_file TEXT,
    basis TEXT, source_unit TEXT, target_unit TEXT);
CREATE INDEX IF NOT EXISTS relations_target ON relations(target_key);
CREATE INDEX IF NOT EXISTS relations_file ON relations(source_file);
CREATE VIRTUAL TABLE IF NOT EXISTS articles USING fts5(
    {", ".join(SEARCH_FIELDS)}, {", ".join(c + " UNINDEXED" for c in UNINDEXED_COLUMNS)},
    tokenize = "unicode61 remove_diacritics 0 tokenchars '_'"
);
{sqlite_impact.SCHEMA}"""


class SQLiteConnection:
    """Holds no index logic: the layers above (sqlite_writes, sqlite) add it."""

    # Set by SQLiteBackend.__init__.
    path: str
    _local: threading.local

    # One connection per thread: the API serves requests from a thread pool.
    @property
    def db(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._open()
            self._local.connection = connection
        return connection

    def _open(self) -> sqlite3.Connection:
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            refuse_empty_file(Path(self.path))
        try:
            connection = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA busy_timeout=5000")
            # After each checkpoint the WAL is cut back to this size instead of keeping its peak
            # (it grew to 169 MB beside a 40 MB index over three re-ingests with a reader open).
            connection.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")
            connection.executescript(_SCHEMA)
            row = connection.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None:
                connection.execute("INSERT INTO meta VALUES('schema_version', ?)", (SCHEMA_VERSION,))
            elif row[0] != SCHEMA_VERSION:
                raise BackendError(
                    f"index {self.path} has schema version {row[0]}, this vnlex needs {SCHEMA_VERSION}: "
                    "run `vnlex ingest --recreate` to rebuild it"
                )
            # Identity of this index file, for caches of its statistics (see sqlite_stats);
            # written only when missing, so opening a reader never waits for a write lock.
            if connection.execute("SELECT 1 FROM meta WHERE key='index_id'").fetchone() is None:
                connection.execute("INSERT OR IGNORE INTO meta VALUES('index_id', ?)", (uuid.uuid4().hex,))
        except sqlite3.DatabaseError as error:
            raise BackendError(f"cannot open SQLite index {self.path}: {error}") from error
        return connection

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    @contextmanager
    def read_snapshot(self, what: str) -> Iterator[sqlite3.Connection]:
        """One read transaction: every statement inside sees the same committed state. Without it
        the hits of a search were fetched after the ranking query, and an ingest committing in
        between made rows vanish (11 x 500 in 3,198 searches during `vnlex ingest --force`).
        A damaged file is a BackendError (503 with a reason), never a crash."""
        try:
            db = self.db
            db.execute("BEGIN")
        except sqlite3.DatabaseError as error:
            raise BackendError(f"SQLite index {self.path} cannot be read ({what}): {error}") from error
        try:
            yield db
            db.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            raise BackendError(f"SQLite index {self.path} cannot be read ({what}): {error}") from error
        finally:
            if db.in_transaction:
                try:
                    db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass  # already reported: the read itself failed
