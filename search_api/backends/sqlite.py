"""The embedded default backend: one SQLite file with an FTS5 table, standard library only.

Each source file is replaced inside one transaction, so an interrupted ingest leaves
the index exactly as it was before that file. The schema carries a version; opening
an index written by another version asks for a reindex instead of guessing.

The backend is built in layers, each a class of its own module extending the one below: the file,
its schema and connections (sqlite_connection.py), the writes (sqlite_writes.py), and here the
reads and search. Ranking, statistics and maintenance live in the other sqlite_* helper modules.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from operator import itemgetter
from pathlib import Path
from typing import Any

from ingest.catalogue import STUB_SOURCE_FILE
from ingest.index_contract import (
    INDEX_VERSION,
    NON_NORMATIVE_SCORE_FACTOR,
    NON_NORMATIVE_TYPES,
    BackendError,
    Filters,
    HealthCheck,
    Hit,
    ParsedQuery,
    SearchResult,
    index_counts,
)
from ingest.model import Document, Relation
from ingest.numbers import number_key
from search_api.backends import sqlite_impact
from search_api.backends.sqlite_exact import ExactScorer
from search_api.backends.sqlite_integrity import IntegrityMonitor
from search_api.backends.sqlite_query import filter_sql, query_tokens, search_sql, selected_terms
from search_api.backends.sqlite_state import IndexState, IndexStates
from search_api.backends.sqlite_stats import SharedStats, best_first
from search_api.backends.sqlite_writes import SQLiteWrites

MAX_PAGE_SIZE = 100
# "impact" (default): rank from the impact-ordered postings, cost bounded by the query;
# "fts": FTS5 bm25 over every matching row (exact totals and facets, cost grows with the collection).
PLAN_ENV = "VNLEX_SQLITE_PLAN"
EXACT_ENV = "VNLEX_SQLITE_EXACT"

# The stored columns of a search hit, in the order _hit reads them.
HIT_COLUMNS = (
    "doc_number, doc_type, doc_title, status, issuer, year, topic, article_id, article_number, article_title, path,"
    " text"
)


class SQLiteBackend(SQLiteWrites):
    """The whole backend: the reads and search below on top of the writes and connection layers."""

    searches_in_process = True  # a search is CPU work in this process (search_api/routers/search.py)

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._local = threading.local()
        self._shared = SharedStats()  # statistics for queries, one per process, shared by its threads
        self.integrity = IntegrityMonitor(self.path)  # /api/health's whole-file check, run in the background
        self.plan = os.environ.get(PLAN_ENV, "impact")
        if self.plan not in ("impact", "fts"):
            raise BackendError(f"{PLAN_ENV} must be 'impact' or 'fts', not {self.plan!r}")
        self.per_term = sqlite_impact.QUERY_PER_TERM  # postings read per query term (tuning: bench/)
        self.rescore = sqlite_impact.RESCORED_ROWS
        self.exact_below = sqlite_impact.EXACT_BELOW_POSTINGS
        self._pending: list[tuple[int, dict[str, Any]]] = []  # inserted rows whose postings are not written yet
        # The FTS5 plan's bm25 over every match, computed from the impact postings (same scores, same
        # order; about a third of the statement's CPU). Off: VNLEX_SQLITE_EXACT=0.
        self._states = IndexStates()  # per index state, shared by the threads: what queries read of the whole
        self.exact = ExactScorer() if os.environ.get(EXACT_ENV, "1") != "0" else None

    def drop(self) -> None:
        """Delete the index file (starting over after a schema change)."""
        from search_api.backends.sqlite_maintenance import remove_index_files

        self.close()
        remove_index_files(self.path)

    def staging(self, rewritten=()):
        """A staging copy swapped in atomically on success (search_api/backends/sqlite_maintenance.py);
        it copies every file (FTS5 scores are not skewed by replaced rows)."""
        from search_api.backends.sqlite_maintenance import staging

        return staging(self)

    def checkpoint(self) -> None:
        from search_api.backends.sqlite_maintenance import checkpoint, remove_abandoned_staging_files

        remove_abandoned_staging_files(self.path)
        try:
            checkpoint(self.db)
        except sqlite3.DatabaseError as error:
            raise BackendError(f"SQLite index {self.path}: WAL checkpoint failed: {error}") from error

    def health_checks(self) -> list[HealthCheck]:
        from search_api.backends.sqlite_maintenance import health_checks

        return health_checks(self)

    # ---- reading -------------------------------------------------------------------
    def search(self, query: ParsedQuery) -> SearchResult:
        with self.read_snapshot("search"):
            return self._search(query)

    def _search(self, query: ParsedQuery) -> SearchResult:
        state = self._states.current(self.db)  # this read's index state: shape, term statistics
        rows = self._shared.rows(self.db, state.stamp)
        tokens = query_tokens(query.analysis)
        if self.plan == "impact":
            doc_freq = sqlite_impact.token_doc_freq(self.db, tokens, state.term_stats)
        else:
            doc_freq = self._shared.doc_freq(self.db, tokens)
        # Document-level filters are applied to the matching rowids from the shared
        # statistics; only an article filter still needs SQL on the stored columns.
        allowed = self._shared.allowed_combos(query.filters)
        if self.plan == "impact" and (allowed is not None or query.filters.is_empty()):
            result = self._search_impact(query, doc_freq, rows, allowed, state)
            if result is not None:
                return result
        sql_filters = query.filters if allowed is None else Filters()
        keys = [number_key(n) for n in query.filters.doc_numbers]
        rowids = self._shared.rows_of_documents(keys) if keys else None  # for browsing by filters
        built = search_sql(query.analysis, sql_filters, doc_freq, rows, rowids if sql_filters.doc_numbers else None)
        if built is None:
            if allowed is None:
                return SearchResult(total=0, hits=[], facets={})
            built = search_sql(query.analysis, query.filters, doc_freq, rows, rowids)  # browsing by filters
            allowed = None
        assert built is not None  # with no words, search_sql browses by the filters and always builds SQL
        sql, params = built
        if self.exact is not None and self.plan == "impact" and " MATCH " in sql and not filter_sql(sql_filters)[0]:
            scores = self.exact.scores(self.db, state, selected_terms(query.analysis, doc_freq, rows))
            if scores is not None:
                # The FTS5 statement's rows and scores, not ordered yet: as below, then only the page is ordered.
                if allowed is not None:
                    scores = self._shared.filter_scores(scores, allowed)
                self._shared.demote_scores(scores, NON_NORMATIVE_TYPES, NON_NORMATIVE_SCORE_FACTOR)
                return self._page(query, scores, len(scores), False)
        ranked = self.db.execute(sql, params).fetchall()
        if allowed is not None:
            ranked = self._shared.filter_rows(ranked, allowed)
        if " MATCH " in sql:  # ranked by bm25; browsing keeps the documents' own order
            # News below normative texts for the same match, applied here from the shared
            # document values: in SQL it read doc_type from every matching row's record.
            ranked = self._shared.demote(ranked, NON_NORMATIVE_TYPES, NON_NORMATIVE_SCORE_FACTOR)
        return self._page(query, ranked, len(ranked), False)

    def _search_impact(
        self, query: ParsedQuery, doc_freq: dict[str, int], rows: int, allowed: set[int] | None, state: IndexState
    ) -> SearchResult | None:
        """The ranked query from the impact-ordered postings (sqlite_impact); None when it cannot
        answer this query (no words to rank by, a token FTS5 reads as a phrase, so few postings that
        scoring every match is as cheap and exact): the FTS5 plan does."""
        phrases = [(s, t) for s, tokens in selected_terms(query.analysis, doc_freq, rows).items() for t in tokens]
        if not phrases:
            return None
        wanted = max(query.page, 1) * max(1, min(query.size, MAX_PAGE_SIZE))
        found = sqlite_impact.ranked_rows(
            self.db,
            phrases,
            self.per_term,
            max(self.rescore, wanted + sqlite_impact.RESCORED_ROWS // 3),
            self.exact_below,
            state.term_stats,
            (state.rows, state.avgdl),
        )
        if found is None:
            return None
        ranked, total = found.rows, found.estimated_total
        if allowed is not None:
            ranked = self._shared.filter_rows(ranked, allowed)
            # With a truncated term, the share of candidates passing the filters stands for all matches.
            total = (
                len(ranked)
                if not found.truncated
                else max(len(ranked), round(total * len(ranked) / max(1, len(found.rows))))
            )
        ranked = self._shared.demote(ranked, NON_NORMATIVE_TYPES, NON_NORMATIVE_SCORE_FACTOR)
        return self._page(query, ranked, total, found.truncated)

    def _page(
        self, query: ParsedQuery, ranked: list[tuple[int, float]] | dict[int, float], total: int, estimate: bool
    ) -> SearchResult:
        """One page of hits and the facets of every matching row. `ranked`: (rowid, score) pairs in
        their order, or {rowid: score} to be ordered by (score, rowid), of which only the page is."""
        rowids = ranked.keys() if isinstance(ranked, dict) else map(itemgetter(0), ranked)
        facets = self._shared.facets(rowids) if query.with_facets else {}
        size = max(1, min(query.size, MAX_PAGE_SIZE))
        start = (max(query.page, 1) - 1) * size
        if isinstance(ranked, dict):
            page = best_first(ranked, start + size)[start:]
        else:
            page = ranked[start : start + size]
        stored = self._stored_rows([rowid for rowid, _ in page])
        hits = [self._hit(stored[rowid], score) for rowid, score in page]
        return SearchResult(total=total, hits=hits, facets=facets, total_is_estimate=estimate)

    def _stored_rows(self, rowids: list[int]) -> dict[int, tuple]:
        """The page's stored rows in one statement (it was one per hit); inside the read snapshot
        every rowid the query ranked is there."""
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        sql = f"SELECT rowid, {HIT_COLUMNS} FROM articles WHERE rowid IN ({marks})"
        return {row[0]: row[1:] for row in self.db.execute(sql, rowids)}

    @staticmethod
    def _hit(row: tuple, score: float) -> Hit:
        return Hit(
            doc_number=row[0],
            doc_type=row[1],
            doc_title=row[2],
            status=row[3],
            issuer=row[4],
            year=int(row[5]) if row[5] else None,
            topic=row[6],
            article_id=row[7],
            article_number=row[8],
            article_title=row[9],
            path=json.loads(row[10]),
            text=row[11],
            score=-float(score),
        )

    def get_document(self, number: str) -> Document | None:
        with self.read_snapshot("document"):
            return self._get_document(number)

    def _get_document(self, number: str) -> Document | None:
        row = self.db.execute("SELECT json FROM documents WHERE key=?", (number_key(number),)).fetchone()
        return Document.from_dict(json.loads(row[0])) if row else None

    def incoming_relations(self, number: str) -> list[tuple[str, Relation]]:
        with self.read_snapshot("relations"):
            rows = self.db.execute(
                "SELECT source, source_article, type, target, target_article, date, note, carrier, basis, source_unit,"
                " target_unit FROM relations"
                " WHERE target_key=? ORDER BY source, CAST(source_article AS INTEGER)",
                (number_key(number),),
            ).fetchall()
        return [
            (
                source,
                Relation(
                    type=type_,
                    target=target,
                    target_article=target_article,
                    source_article=source_article,
                    date=date_,
                    note=note,
                    source=source if source != carrier else None,
                    basis=basis or "",
                    source_unit=source_unit,
                    target_unit=target_unit,
                ),
            )
            for (
                source,
                source_article,
                type_,
                target,
                target_article,
                date_,
                note,
                carrier,
                basis,
                source_unit,
                target_unit,
            ) in rows
        ]

    def document_numbers(self) -> list[tuple[str, str, str]]:
        with self.read_snapshot("document list"):
            return [tuple(r) for r in self.db.execute("SELECT number, type, title FROM documents ORDER BY number")]

    def list_documents(self) -> list[tuple[Document, int]]:
        rows = self.db.execute(
            "SELECT json_remove(json, '$.articles'), json_array_length(json, '$.articles') FROM documents"
        ).fetchall()
        return [(Document.from_dict(json.loads(data)), count or 0) for data, count in rows]

    def stored_answer_data(self) -> dict[str, dict[str, Any]]:
        with self.read_snapshot("answer data"):
            rows = self.db.execute("SELECT key, answer_data FROM documents WHERE answer_data IS NOT NULL").fetchall()
        return {key: json.loads(data) for key, data in rows}

    def catalogued_documents(self) -> list[Document]:
        # Only the catalogue's stubs, through the documents_file index: a few rows, not the collection.
        rows = self.db.execute("SELECT json FROM documents WHERE source_file=?", (STUB_SOURCE_FILE,)).fetchall()
        return [Document.from_dict(json.loads(data)) for (data,) in rows]

    def stats(self) -> dict[str, Any]:
        with self.read_snapshot("counts"):
            return self._stats()

    def _stats(self) -> dict[str, Any]:
        def count(table: str, of_catalogue: bool = False) -> int:
            where = " WHERE source_file = ?" if of_catalogue else ""
            return self.db.execute(
                f"SELECT count(*) FROM {table}{where}", (STUB_SOURCE_FILE,) * of_catalogue
            ).fetchone()[0]

        counts = index_counts(count)
        return {"engine": f"sqlite {sqlite3.sqlite_version} (FTS5)", **counts, "index_version": INDEX_VERSION}
