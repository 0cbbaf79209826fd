"""What a query of the embedded backend reads about the index as a whole, read once per index state.

Every search read the index's stamp twice, the collection's shape (FTS5's averages record) and
the impact statistics of its terms (twice: choosing the terms, then ranking) in separate SQL
statements. Each statement releases and retakes the GIL, a wait for another thread's turn under
load, and an `IN (?, ?, ...)` of a new length is prepared again. They only change when the index
does, so they are kept here per index state: the (identity, generation) stamp of the `meta` table,
which every write transaction bumps (see sqlite_stats).

A reader still in an older read transaction than the newest state sees its own stamp and gets an
IndexState of its own: nothing it reads is ever stored under another state's stamp.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from typing import Any

from search_api.backends import sqlite_impact
from search_api.backends.sqlite_stats import index_stamp

MAX_TERMS = 200_000  # term statistics remembered per state (a few tens of MB at most); then start over


class IndexState:
    """One committed state of the index: its shape and the impact statistics of the terms asked so far."""

    def __init__(self, db: sqlite3.Connection, stamp: tuple):
        self.stamp = stamp
        self.rows, self.avgdl = sqlite_impact.collection_shape(db)
        self._lock = threading.Lock()
        self._terms: dict[str, tuple[int, int, float] | None] = {}  # None: not in the index
        self.exact: Any = None  # sqlite_exact's data for this state (check result, cached lists)

    def term_stats(self, db: sqlite3.Connection, keys: Sequence[str]) -> dict[str, tuple[int, int, float]]:
        """sqlite_impact._stats_of for this state: (df, listed, floor) of the keys the index holds."""
        known = self._terms
        result: dict[str, tuple[int, int, float]] = {}
        missing = []
        for key in dict.fromkeys(keys):
            if key not in known:
                missing.append(key)
            elif (stats := known[key]) is not None:
                result[key] = stats
        if missing:
            found = sqlite_impact._stats_of(db, missing)
            with self._lock:
                if len(self._terms) + len(missing) > MAX_TERMS:
                    self._terms = {}
                for key in missing:
                    row = found.get(key)
                    self._terms[key] = stats = None if row is None else (row[0], row[1], row[2])
                    if stats is not None:
                        result[key] = stats
        return result


class IndexStates:
    """The state each read transaction sees, made once per stamp and shared by the threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._newest: IndexState | None = None

    def current(self, db: sqlite3.Connection) -> IndexState:
        """Inside a read transaction: that transaction's state (one small read of `meta`)."""
        stamp = index_stamp(db)
        state = self._newest
        if state is not None and state.stamp == stamp:
            return state
        state = IndexState(db, stamp)
        with self._lock:
            self._newest = state
        return state
