"""The embedded default backend: one SQLite file with an FTS5 table, standard library only.

Each source file is replaced inside one transaction, so an interrupted ingest leaves
the index exactly as it was before that file. The schema carries a version; opening
an index written by another version asks for a reindex instead of guessing.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path
from typing import Any

from ingest.catalogue import STUB_SOURCE_FILE
from ingest.index_contract import (
    INDEX_VERSION,
    NON_NORMATIVE_SCORE_FACTOR,
    NON_NORMATIVE_TYPES,
    SEARCH_FIELDS,
    AnalysedDocument,
    BackendError,
    Filters,
    HealthCheck,
    Hit,
    ParsedQuery,
    SearchResult,
    field_texts,
    in_force_window,
    index_counts,
)
from ingest.model import Document, Relation
from ingest.numbers import number_key
from search_api.backends import sqlite_impact
from search_api.backends.sqlite_exact import ExactScorer
from search_api.backends.sqlite_integrity import IntegrityMonitor
from search_api.backends.sqlite_query import (
    ALL_COLUMNS,
    UNINDEXED_COLUMNS,
    filter_sql,
    query_tokens,
    search_sql,
    selected_terms,
)
from search_api.backends.sqlite_state import IndexState, IndexStates
from search_api.backends.sqlite_stats import SharedStats

MAX_PAGE_SIZE = 100
WAL_SIZE_LIMIT = 8 * 1024 * 1024
# The file's layout: the contract's INDEX_VERSION plus this backend's own tables (".1": the
# impact-ordered postings of sqlite_impact). An older file is refused with the way to rebuild it.
SCHEMA_VERSION = f"{INDEX_VERSION}.1"
# "impact" (default): rank from the impact-ordered postings, cost bounded by the query;
# "fts": FTS5 bm25 over every matching row (exact totals and facets, cost grows with the collection).
PLAN_ENV = "VNLEX_SQLITE_PLAN"
EXACT_ENV = "VNLEX_SQLITE_EXACT"


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


# The stored columns of a search hit, in the order _hit reads them.
HIT_COLUMNS = (
    "doc_number, doc_type, doc_title, status, issuer, year, topic, article_id, article_number, article_title, path,"
    " text"
)


class SQLiteBackend:
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

    def note_write(self) -> None:
        """After a rebuild swapped a new index in: readers' cached statistics must be reloaded,
        even when the copied-in index happens to carry the same write generation."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self._bump_generation()
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    # ---- writing -------------------------------------------------------------------
    def file_hash(self, source_file: str) -> str | None:
        with self.read_snapshot("file hash"):
            row = self.db.execute("SELECT sha256 FROM files WHERE source_file=?", (source_file,)).fetchone()
            return row[0] if row else None

    def replace_file(self, source_file: str, sha256: str, documents: list[AnalysedDocument]) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            short = self._delete_file_rows(source_file)
            for analysed in documents:
                short += self._insert_document(analysed, source_file)
            self._flush_postings()
            sqlite_impact.refill(db, short)
            db.execute("INSERT OR REPLACE INTO files VALUES(?, ?, datetime('now'))", (source_file, sha256))
            self._bump_generation()
            db.execute("COMMIT")
        except BaseException:
            self._pending = []
            db.execute("ROLLBACK")
            raise

    def delete_file(self, source_file: str) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            sqlite_impact.refill(self.db, self._delete_file_rows(source_file))
            self.db.execute("DELETE FROM files WHERE source_file=?", (source_file,))
            self._bump_generation()
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _bump_generation(self) -> None:
        """Inside a write transaction: readers' cached statistics are stale from its commit on."""
        self.db.execute(
            "INSERT INTO meta VALUES('generation', '1')"
            " ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    def _delete_file_rows(self, source_file: str) -> list[str]:
        """Returns the impact lists left short (sqlite_impact.refill once the write is done)."""
        # Finding a file's articles scans the whole FTS table (source_file is not indexed there):
        # a file with no document (a new file) has none, and at 100x that scan per new file
        # dominated building the collection.
        has_rows = self.db.execute("SELECT 1 FROM documents WHERE source_file=? LIMIT 1", (source_file,)).fetchone()
        short = self._delete_articles("source_file", source_file) if has_rows else []
        self.db.execute("DELETE FROM relations WHERE source_file=?", (source_file,))
        self.db.execute("DELETE FROM documents WHERE source_file=?", (source_file,))
        return short

    def _delete_articles(self, column: str, value: str) -> list[str]:
        """Article rows and their impact postings (read from the rows before they go)."""
        self._flush_postings()
        indexed = list(sqlite_impact.SEARCH_FIELDS)
        rows = self.db.execute(
            f"SELECT rowid, {', '.join(indexed)} FROM articles WHERE {column}=?", (value,)
        ).fetchall()
        short = sqlite_impact.remove_rows(self.db, ((r[0], dict(zip(indexed, r[1:], strict=True))) for r in rows))
        self.db.executemany("DELETE FROM articles WHERE rowid=?", [(r[0],) for r in rows])
        return short

    def _flush_postings(self) -> None:
        pending, self._pending = self._pending, []
        sqlite_impact.add_rows(self.db, pending)

    def _insert_document(self, analysed: AnalysedDocument, source_file: str) -> list[str]:
        document = analysed.document
        key = number_key(document.number)
        short: list[str] = []
        # A number ingested earlier from another file is replaced by this one.
        old = self.db.execute("SELECT source_file FROM documents WHERE key=?", (key,)).fetchone()
        if old:
            short = self._delete_articles("doc_key", key)
            self.db.execute("DELETE FROM relations WHERE carrier=?", (document.number,))
        self.db.execute(
            "INSERT OR REPLACE INTO documents VALUES(?, ?, ?, ?, ?, ?, ?)",
            (
                key,
                document.number,
                document.type,
                document.title,
                source_file,
                json.dumps(document.to_dict(), ensure_ascii=False),
                None if analysed.answer_data is None else json.dumps(analysed.answer_data, ensure_ascii=False),
            ),
        )
        for relation in document.relations:
            self.db.execute(
                "INSERT INTO relations(carrier, source, source_article, type, target, target_key, target_article,"
                " date, note, source_file, basis, source_unit, target_unit) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    document.number,
                    relation.source or document.number,
                    relation.source_article,
                    relation.type,
                    relation.target,
                    number_key(relation.target),
                    relation.target_article,
                    relation.date,
                    relation.note,
                    source_file,
                    relation.basis,
                    relation.source_unit,
                    relation.target_unit,
                ),
            )
        year = str(document.issued.year) if document.issued else ""
        in_force_from, in_force_until = in_force_window(document)
        placeholders = ", ".join("?" for _ in ALL_COLUMNS)
        for order, article in enumerate(analysed.articles):
            values = {
                **field_texts(article),
                "doc_key": key,
                "doc_number": document.number,
                "doc_type": document.type,
                "issuer": document.issuer,
                "year": year,
                "status": document.status,
                "topic": document.topic,
                "source_file": source_file,
                "article_id": article.article_id,
                "article_number": article.article_number,
                "article_title": article.article_title,
                "path": json.dumps(article.path, ensure_ascii=False),
                "text": article.text,
                "doc_title": document.title,
                "ord": order,
                "in_force_from": in_force_from,
                "in_force_until": in_force_until,
            }
            cursor = self.db.execute(
                f"INSERT INTO articles({', '.join(ALL_COLUMNS)}) VALUES({placeholders})",
                [values[c] for c in ALL_COLUMNS],
            )
            assert cursor.lastrowid is not None  # an INSERT sets it
            self._pending.append((cursor.lastrowid, {c: values[c] for c in sqlite_impact.SEARCH_FIELDS}))
        return short

    # ---- reading -------------------------------------------------------------------
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
        ranked = None
        if self.exact is not None and self.plan == "impact" and " MATCH " in sql and not filter_sql(sql_filters)[0]:
            ranked = self.exact.ranked(self.db, state, selected_terms(query.analysis, doc_freq, rows))
        if ranked is None:
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

    def _page(self, query: ParsedQuery, ranked: list[tuple[int, float]], total: int, estimate: bool) -> SearchResult:
        facets = self._shared.facets(map(itemgetter(0), ranked)) if query.with_facets else {}
        size = max(1, min(query.size, MAX_PAGE_SIZE))
        start = (max(query.page, 1) - 1) * size
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

    def update_documents(self, documents: list[Document]) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            for document in documents:
                key = number_key(document.number)
                data = json.dumps(document.to_dict(), ensure_ascii=False)
                db.execute("UPDATE documents SET json=?, title=? WHERE key=?", (data, document.title, key))
                # The in-force window follows the status (in_force_on filter).
                db.execute(
                    "UPDATE articles SET status=?, in_force_from=?, in_force_until=? WHERE doc_key=?",
                    (document.status, *in_force_window(document), key),
                )
            self._bump_generation()
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

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
