"""Per-index statistics the embedded backend's queries need, shared by every thread of a process.

Two things used to be read per query or per thread and dominated the query time as the
collection grew (bench/RESULTS.md, "Load and scale"):

- Facets and filters read UNINDEXED columns of the FTS5 table for every matching row.
  Those columns sit behind the long token columns in each record, so SQLite followed
  overflow pages for each row: 3/4 of the query time at 1x, 4 ms per 100 matches.
  Here every row's document-level values (type, issuer, year, status, topic, key) are
  loaded once into a compact array, and facets, totals and document-level filters are
  computed from the matching rowids alone.
- Document frequencies came from a full fts5vocab scan per thread (1.8 s and 193,000
  terms at 10x; a dict per thread of the pool). Here they are looked up for the query's
  own tokens only and remembered, shared, until the index changes.

Both are keyed by the index's (identity, generation) stamp from its `meta` table, which
every write transaction bumps, so another process's ingest is seen at the next query.
"""

from __future__ import annotations

import heapq
import sqlite3
import threading
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import compress
from operator import itemgetter

from ingest.index_contract import FACET_FIELDS, Filters
from ingest.numbers import number_key

_SCORE_THEN_ROWID = itemgetter(1, 0)  # ORDER BY score, rowid

MAX_REMEMBERED_TERMS = 500_000
_LOOKUP_CHUNK = 500
# (doc_type, issuer, year, status, topic, doc_key): FACET_FIELDS, then the document's key.
_ROW_VALUES_SQL = f"SELECT rowid, {', '.join(FACET_FIELDS)}, doc_key FROM articles"


def index_stamp(db: sqlite3.Connection) -> tuple:
    return tuple(
        db.execute("SELECT key, value FROM meta WHERE key IN ('index_id', 'generation') ORDER BY key").fetchall()
    )


class SharedStats:
    """Row count, document frequencies and per-row document values of one index file."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stamp: tuple | None = None
        self._rows = 0
        self._doc_freq: dict[str, int] = {}
        self._combo_of_row = array("i")  # rowid -> index into _combos (-1: no row)
        self._combos: list[tuple[str, ...]] = []
        self._rows_of_key: dict[str, list[int]] = {}  # document key -> its article rowids
        # document types -> (the _combo_of_row it was read from, rowids of those types): demote_scores
        self._rows_of_types: dict[tuple[str, ...], tuple[array, frozenset[int]]] = {}

    def _current(self, db: sqlite3.Connection, stamp: tuple | None = None) -> None:
        stamp = index_stamp(db) if stamp is None else stamp
        if stamp == self._stamp:
            return
        with self._lock:
            if stamp == self._stamp:
                return
            rows = db.execute("SELECT count(*) FROM articles").fetchone()[0]
            combos: dict[tuple[str, ...], int] = {}
            max_rowid = db.execute("SELECT max(rowid) FROM articles").fetchone()[0] or 0
            combo_of_row = array("i", [-1]) * (max_rowid + 1)
            rows_of_key: dict[str, list[int]] = {}
            for rowid, *values in db.execute(_ROW_VALUES_SQL):
                key = tuple("" if v is None else str(v) for v in values)
                combo_of_row[rowid] = combos.setdefault(key, len(combos))
                rows_of_key.setdefault(key[-1], []).append(rowid)
            self._rows, self._combos, self._combo_of_row = rows, list(combos), combo_of_row
            self._rows_of_key = rows_of_key
            self._doc_freq = {}
            self._stamp = stamp

    def rows(self, db: sqlite3.Connection, stamp: tuple | None = None) -> int:
        """Articles in the index; `stamp`: index_stamp(db), when the caller has just read it."""
        self._current(db, stamp)
        return self._rows

    def rows_of_documents(self, keys: Iterable[str]) -> list[int]:
        """Rowids of these documents' articles (the stamp was checked by rows() in this read)."""
        return sorted(rowid for key in dict.fromkeys(keys) for rowid in self._rows_of_key.get(key, ()))

    def doc_freq(self, db: sqlite3.Connection, tokens: Iterable[str]) -> dict[str, int]:
        """Documents containing each token (0: not in the index), looked up once per token."""
        self._current(db)
        known = self._doc_freq
        wanted = list(dict.fromkeys(tokens))
        missing = [t for t in wanted if t not in known]
        if missing:
            db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_vocab USING fts5vocab(main, articles, 'row')")
            found: dict[str, int] = {}
            for start in range(0, len(missing), _LOOKUP_CHUNK):
                chunk = missing[start : start + _LOOKUP_CHUNK]
                found.update(
                    db.execute(
                        f"SELECT term, doc FROM temp.articles_vocab WHERE term IN ({', '.join('?' for _ in chunk)})",
                        chunk,
                    )
                )
            if len(known) + len(missing) > MAX_REMEMBERED_TERMS:
                known = self._doc_freq = {}
            for token in missing:
                known[token] = found.get(token, 0)
        return {t: known.get(t, 0) for t in wanted}

    # ---- facets and document-level filters from rowids ------------------------------
    def allowed_combos(self, filters: Filters) -> set[int] | None:
        """Indexes of the document-value combinations passing the filters; None = no filter."""
        # The in-force window is per row (ingest.index_contract.in_force_window), not a combination
        # value: like an article filter it is applied in SQL.
        if filters.is_empty() or filters.article_number or filters.in_force_on:
            return None
        keys = {number_key(n) for n in filters.doc_numbers}

        def passes(combo: tuple[str, ...]) -> bool:
            doc_type, issuer, year, status, topic, doc_key = combo
            year_number = int(year) if year.isdigit() else 0  # as CAST(year AS INTEGER)
            return (
                (not filters.doc_type or doc_type in filters.doc_type)
                and (not filters.issuer or issuer in filters.issuer)
                and (not filters.status or status in filters.status)
                and (not filters.topic or topic in filters.topic)
                and (not keys or doc_key in keys)
                and (filters.year_from is None or year_number >= filters.year_from)
                and (filters.year_to is None or year_number <= filters.year_to)
            )

        return {index for index, combo in enumerate(self._combos) if passes(combo)}

    def filter_rows(self, rows: list[tuple[int, float]], allowed: set[int]) -> list[tuple[int, float]]:
        combo_of_row = self._combo_of_row
        return [row for row in rows if row[0] < len(combo_of_row) and combo_of_row[row[0]] in allowed]

    def demote(self, rows: list[tuple[int, float]], doc_types, factor: float) -> list[tuple[int, float]]:
        """Rows of these document types get their (negative) bm25 times factor, then the order
        is that of ORDER BY score, rowid again; rows come back untouched when none has the type."""
        demoted = {index for index, combo in enumerate(self._combos) if combo[0] in doc_types}
        combo_of_row, size = self._combo_of_row, len(self._combo_of_row)
        if not demoted or not any(r < size and combo_of_row[r] in demoted for r, _ in rows):
            return rows
        rescored = [(r, s * factor if r < size and combo_of_row[r] in demoted else s) for r, s in rows]
        rescored.sort(key=_SCORE_THEN_ROWID)  # itemgetter: the same order as a lambda, without a Python call per row
        return rescored

    def filter_scores(self, scores: dict[int, float], allowed: set[int]) -> dict[int, float]:
        """filter_rows for unordered {rowid: score}."""
        combo_of_row, size = self._combo_of_row, len(self._combo_of_row)
        return {r: s for r, s in scores.items() if r < size and combo_of_row[r] in allowed}

    def demote_scores(self, scores: dict[int, float], doc_types: Iterable[str], factor: float) -> None:
        """demote() for unordered {rowid: score}, in place: only the rows of these types are read and
        changed (the same product), where demote() looks at every matching row in Python."""
        for rowid in self._rows_of(tuple(doc_types)).intersection(scores):
            scores[rowid] *= factor

    def _rows_of(self, doc_types: tuple[str, ...]) -> frozenset[int]:
        """Rowids of the articles of these document types, read once per index state."""
        combo_of_row = self._combo_of_row
        cached = self._rows_of_types.get(doc_types)
        if cached is not None and cached[0] is combo_of_row:
            return cached[1]
        wanted = {index for index, combo in enumerate(self._combos) if combo[0] in doc_types}
        rows = frozenset(compress(range(len(combo_of_row)), map(wanted.__contains__, combo_of_row)))
        self._rows_of_types[doc_types] = (combo_of_row, rows)
        return rows

    def facets(self, rowids: Iterable[int]) -> dict[str, list[tuple[str, int]]]:
        combo_of_row, size = self._combo_of_row, len(self._combo_of_row)
        rowids = list(rowids)
        if not rowids or max(rowids) < size:
            # The usual case, counted in C (map over the list) rather than a generator per row.
            per_combo = Counter(map(combo_of_row.__getitem__, rowids))
        else:  # rows written after the statistics were read
            per_combo = Counter(combo_of_row[r] if r < size else -1 for r in rowids)
        facets: dict[str, list[tuple[str, int]]] = {}
        for position, name in enumerate(FACET_FIELDS):
            counts: Counter[str] = Counter()
            for combo, count in per_combo.items():
                if combo >= 0 and self._combos[combo][position]:
                    counts[self._combos[combo][position]] += count
            facets[name] = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return facets


def best_first(scores: Mapping[int, float], count: int) -> list[tuple[int, float]]:
    """The first `count` of the (rowid, score) pairs in ORDER BY score, rowid — sorted(scores.items())[:count]
    by that key — without sorting them all: only the pairs scoring at most the count-th smallest score
    (ties included) are sorted."""
    if count <= 0 or not scores:
        return []
    if len(scores) > count:
        values = list(scores.values())
        bound = heapq.nsmallest(count, values)[-1]
        pairs = list(compress(scores.items(), map(bound.__ge__, values)))
    else:
        pairs = list(scores.items())
    pairs.sort(key=_SCORE_THEN_ROWID)
    return pairs[:count]
