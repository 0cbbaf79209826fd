"""FTS5's bm25, bit for bit, from the impact postings: the embedded backend's small queries without FTS5.

When a query's terms hold few postings in all (sqlite_impact.EXACT_BELOW_POSTINGS), the backend
ranks every matching row by FTS5's bm25 (exact totals and facets). At 1x the collection that is
every query, and the FTS5 statement was the largest part of a search's backend time (~3.4 ms of
~5.6; bm25 reads each row's instances and size through FTS5's auxiliary-function API). The impact
tables already hold what bm25 reads, for every term whose list is not cut:

- nHit (rows holding the phrase in its columns): impact_terms.df;
- the column-weighted frequency bm25 sums (aFreq): impact_postings.wf, summed in the same order
  as FTS5 (columns in table order, tokens in position order; the weights 0.3 and 0.1 are not
  exact binary fractions, so the order matters);
- the row's token count (xColumnSize(-1)): impact_postings.length; rows and avgdl: FTS5's own
  averages record (sqlite_impact.collection_shape).

So the score is computed here with FTS5's expression in FTS5's operation order (fts5_aux.c,
fts5Bm25Function): -(sum over phrases, in MATCH order, of idf * (f (k1 + 1)) / (f + k1 (1 - b +
b D / avgdl))), and the rows ordered by (score, rowid) like the SQL. Python floats are IEEE
doubles and every operation is the same, so the result is the same to the last bit.

That rests on the postings agreeing with FTS5's tokenizer (they are written by Python's \\w+
tokenizer, sqlite_impact.row_terms). So once per index state (its meta stamp) a few sample
queries are run both ways; if any row or score differs, a warning is logged and this path stays
off for that index state (the FTS5 statement answers, as before). Per-term contributions are
cached for the index state, at most MAX_CACHED_POSTINGS postings (LRU by term).
"""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
from array import array
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from itertools import repeat
from operator import add, itemgetter, neg

from ingest.index_contract import FIELD_STREAM
from search_api.backends import sqlite_impact
from search_api.backends.sqlite_query import bm25_call, streams_match
from search_api.backends.sqlite_state import IndexState

logger = logging.getLogger("vnlex")

K1, B = 1.2, 0.75  # fts5_aux.c
MAX_CACHED_POSTINGS = 1_000_000  # 16 bytes each (rowid, contribution): ~16 MB per process at most
# The self-check: a query of the most common selective terms (many rows, all columns, long rows)
# and one of rare terms, each kept below this many postings so the check stays cheap at 100x.
CHECK_POSTINGS = sqlite_impact.EXACT_BELOW_POSTINGS
CHECK_TERMS = 24
_SCORE_THEN_ROWID = itemgetter(1, 0)
_PREFIX_STREAM = {prefix: stream for stream, prefix in sqlite_impact.STREAM_PREFIX.items()}


def fts5_idf(n_hit: int, n_row: int) -> float:
    idf = math.log((n_row - n_hit + 0.5) / (n_hit + 0.5))
    return idf if idf > 0.0 else 1e-6


def contribution(idf: float, wf: float, length: int, avgdl: float) -> float:
    """One phrase's term of the bm25 sum, written as fts5_aux.c writes it (same operations, same order)."""
    return idf * ((wf * (K1 + 1.0)) / (wf + K1 * (1 - B + B * length / avgdl)))


class _Lists:
    """What is known for one index state: whether its check passed, and its cached term lists."""

    def __init__(self, state: IndexState):
        self.state = state
        self.ok = False
        self.terms: OrderedDict[str, tuple[array, array]] = OrderedDict()
        self.cached = 0


class ExactScorer:
    """bm25-ranked matching rows computed from the impact postings (one per backend, shared by its threads)."""

    def __init__(self, max_cached: int = MAX_CACHED_POSTINGS):
        self.max_cached = max_cached
        self._lock = threading.Lock()  # the cached lists
        self._check_lock = threading.Lock()  # one self-check per index state, not one per thread
        self.last: _Lists | None = None  # of the newest state seen (for tests and diagnostics)

    def ranked(
        self, db: sqlite3.Connection, state: IndexState, streams: Mapping[str, Sequence[str]]
    ) -> list[tuple[int, float]] | None:
        """(rowid, bm25) of every row `streams_match(streams)` matches, ordered by score then rowid,
        as the FTS5 statement returns them, in the read transaction `state` is of; None when that
        cannot be computed exactly here (the self-check failed, a token FTS5 reads as a phrase, a
        term whose list is cut)."""
        found = self._phrase_lists(db, state, streams)
        return None if found is None else _ordered(found)

    def scores(
        self, db: sqlite3.Connection, state: IndexState, streams: Mapping[str, Sequence[str]]
    ) -> dict[int, float] | None:
        """ranked() as {rowid: bm25}, not ordered: a search orders only the rows of its page
        (sqlite_stats.best_first); sorting every match cost about as much as scoring them."""
        found = self._phrase_lists(db, state, streams)
        if found is None:
            return None
        sums = _sums(found)
        return dict(zip(sums.keys(), map(neg, sums.values()), strict=True))

    def _phrase_lists(
        self, db: sqlite3.Connection, state: IndexState, streams: Mapping[str, Sequence[str]]
    ) -> list[tuple[array, array]] | None:
        lists = self._checked(db, state)
        if not lists.ok:
            return None
        keys = []
        for stream, tokens in streams.items():
            for token in tokens:
                key = sqlite_impact.term_key(stream, token)
                if key is None:
                    return None
                keys.append(key)
        return self._lists(db, lists, keys)

    def _lists(self, db: sqlite3.Connection, lists: _Lists, keys: list[str]) -> list[tuple[array, array]] | None:
        """Each phrase's (rowids, contributions), in phrase order; None when a list is cut."""
        found: dict[str, tuple[array, array]] = {}
        with self._lock:
            for key in keys:
                if key in lists.terms:
                    lists.terms.move_to_end(key)
                    found[key] = lists.terms[key]
        missing = [k for k in dict.fromkeys(keys) if k not in found]
        if missing:
            stats = lists.state.term_stats(db, missing)
            for key in missing:
                df, listed, floor = stats.get(key, (0, 0, 0.0))
                if floor > 0 or listed != df:
                    return None  # not every posting is kept: only FTS5 has them all
                found[key] = self._load(db, lists, key, df)
        return [found[k] for k in keys]

    def _load(self, db: sqlite3.Connection, lists: _Lists, key: str, df: int) -> tuple[array, array]:
        rows, avgdl = lists.state.rows, lists.state.avgdl
        idf = fts5_idf(df, rows)
        rowids, contributions = array("q"), array("d")
        if df:
            for row, wf, length in db.execute("SELECT row, wf, length FROM impact_postings WHERE term = ?", (key,)):
                rowids.append(row)
                contributions.append(contribution(idf, wf, length, avgdl))
        with self._lock:
            if lists.terms.get(key) is None:
                lists.terms[key] = (rowids, contributions)
                lists.cached += len(rowids)
                while lists.cached > self.max_cached and len(lists.terms) > 1:
                    _, (evicted, _) = lists.terms.popitem(last=False)
                    lists.cached -= len(evicted)
        return rowids, contributions

    # ---- the self-check, once per index state ------------------------------------------
    def _checked(self, db: sqlite3.Connection, state: IndexState) -> _Lists:
        """This state's lists, checked against FTS5 on their first use. A new state (any write
        commits one) starts with no cached lists, so none computed from older postings survives."""
        lists = state.exact
        if lists is None:
            with self._check_lock:
                lists = state.exact
                if lists is None:
                    lists = _Lists(state)
                    lists.ok = self._check(db, lists)
                    state.exact = lists
        self.last = lists
        return lists

    def _check(self, db: sqlite3.Connection, lists: _Lists) -> bool:
        lists.ok = True  # so that the lists are computed, for the comparison
        try:
            for streams in sample_queries(db, lists.state.rows):
                match = streams_match(streams)
                if match is None:
                    continue
                expected = db.execute(
                    f"SELECT rowid, {bm25_call()} AS score FROM articles WHERE articles MATCH ? ORDER BY score, rowid",
                    (match,),
                ).fetchall()
                computed = self._computed(db, lists, streams)
                if computed != expected:
                    logger.warning(
                        "exact bm25 from the impact postings differs from FTS5's on %s (%s rows vs %s, first"
                        " difference %s): ranking with FTS5 until the index changes",
                        match[:200],
                        len(computed or ()),
                        len(expected),
                        _first_difference(computed or [], expected),
                    )
                    return False
        except sqlite3.Error as error:
            logger.warning("exact bm25 self-check failed (%s): ranking with FTS5", error)
            return False
        return True

    def _computed(self, db, lists: _Lists, streams) -> list[tuple[int, float]] | None:
        keys = [k for s, ts in streams.items() for t in ts if (k := sqlite_impact.term_key(s, t)) is not None]
        found = self._lists(db, lists, keys)
        return None if found is None else _ordered(found)


def _ordered(lists: list[tuple[array, array]]) -> list[tuple[int, float]]:
    """bm25 of every row in any list, negated, ordered by (score, rowid) as the FTS5 statement."""
    scores = _sums(lists)
    ranked = list(zip(scores.keys(), map(neg, scores.values()), strict=True))
    ranked.sort(key=_SCORE_THEN_ROWID)
    return ranked


def _sums(lists: list[tuple[array, array]]) -> dict[int, float]:
    """The bm25 sum of every row in any list: contributions added phrase by phrase, in phrase order
    (as FTS5's `score += ...`; a phrase a row lacks adds 0.0, which changes nothing)."""
    scores: dict[int, float] = {}
    get = scores.get
    for rowids, contributions in lists:
        # scores[row] = scores.get(row, 0.0) + value for each posting, iterated in C (map/zip/update):
        # a Python loop over the postings cost more than the FTS5 statement it replaces. Each row is
        # once in a list, so every get() reads the sum of the earlier phrases only.
        scores.update(zip(rowids, map(add, map(get, rowids, repeat(0.0)), contributions), strict=True))
    return scores


def sample_queries(db: sqlite3.Connection, rows: int) -> list[dict[str, list[str]]]:
    """Tokens by stream for the self-check: the commonest terms FTS5 would still select (at most
    half the rows) and some rare ones, in every stream, each query under CHECK_POSTINGS postings."""
    limit = max(1, min(rows // 2, sqlite_impact.PRUNE_AT))
    common = db.execute(
        "SELECT term, df FROM impact_terms WHERE floor = 0 AND listed = df AND df <= ?"
        " ORDER BY df DESC, term LIMIT 400",
        (limit,),
    ).fetchall()
    rare = db.execute(
        "SELECT term, df FROM impact_terms WHERE floor = 0 AND listed = df ORDER BY df, term LIMIT ?", (CHECK_TERMS,)
    ).fetchall()
    queries = []
    for candidates in (common, rare):
        streams: dict[str, list[str]] = {stream: [] for stream in dict.fromkeys(FIELD_STREAM.values())}
        total = taken = 0
        for term, df in candidates:
            if total + df > CHECK_POSTINGS or taken >= CHECK_TERMS:
                continue
            prefix, token = term.split(":", 1)
            streams[_PREFIX_STREAM[prefix]].append(token)
            total, taken = total + df, taken + 1
        if taken:
            queries.append(streams)
    return queries


def _first_difference(computed: list, expected: list) -> object:
    for mine, theirs in zip(computed, expected, strict=False):
        if tuple(mine) != tuple(theirs):
            return (tuple(mine), tuple(theirs))
    return "lengths differ"
