"""The embedded default backend: one SQLite file with an FTS5 table, standard library only.

Each source file is replaced inside one transaction, so an interrupted ingest leaves
the index exactly as it was before that file. The schema carries a version; opening
an index written by another version asks for a reindex instead of guessing.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import Counter
from pathlib import Path
from typing import Any

from ingest.catalogue import STUB_SOURCE_FILE
from ingest.index_contract import (
    FACET_FIELDS,
    INDEX_VERSION,
    SEARCH_FIELDS,
    AnalysedDocument,
    BackendError,
    Hit,
    ParsedQuery,
    SearchResult,
    field_texts,
    in_force_window,
    index_counts,
)
from ingest.model import Document, Relation
from ingest.numbers import number_key
from search_api.backends.sqlite_query import ALL_COLUMNS, UNINDEXED_COLUMNS, search_sql

MAX_PAGE_SIZE = 100

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(source_file TEXT PRIMARY KEY, sha256 TEXT NOT NULL, ingested_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
    key TEXT PRIMARY KEY, number TEXT NOT NULL, type TEXT, title TEXT, source_file TEXT, json TEXT NOT NULL);
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
"""


class SQLiteBackend:
    def __init__(self, path: str | Path):
        self.path = str(path)
        self._local = threading.local()
        self._writes = 0  # bumps cached corpus statistics after this process writes

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
        try:
            connection = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA busy_timeout=5000")
            connection.executescript(_SCHEMA)
            row = connection.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None:
                connection.execute("INSERT INTO meta VALUES('schema_version', ?)", (str(INDEX_VERSION),))
            elif row[0] != str(INDEX_VERSION):
                raise BackendError(
                    f"index {self.path} has schema version {row[0]}, this vnlex needs {INDEX_VERSION}: "
                    "run `vnlex ingest --recreate` to rebuild it"
                )
        except sqlite3.DatabaseError as error:
            raise BackendError(f"cannot open SQLite index {self.path}: {error}") from error
        return connection

    def drop(self) -> None:
        """Delete the index file (starting over after a schema change)."""
        self.close()
        for suffix in ("", "-wal", "-shm"):
            Path(self.path + suffix).unlink(missing_ok=True)

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    # ---- writing -------------------------------------------------------------------
    def file_hash(self, source_file: str) -> str | None:
        row = self.db.execute("SELECT sha256 FROM files WHERE source_file=?", (source_file,)).fetchone()
        return row[0] if row else None

    def replace_file(self, source_file: str, sha256: str, documents: list[AnalysedDocument]) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            self._delete_file_rows(source_file)
            for analysed in documents:
                self._insert_document(analysed, source_file)
            db.execute("INSERT OR REPLACE INTO files VALUES(?, ?, datetime('now'))", (source_file, sha256))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        finally:
            self._writes += 1

    def delete_file(self, source_file: str) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self._delete_file_rows(source_file)
            self.db.execute("DELETE FROM files WHERE source_file=?", (source_file,))
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def _delete_file_rows(self, source_file: str) -> None:
        self.db.execute("DELETE FROM articles WHERE source_file=?", (source_file,))
        self.db.execute("DELETE FROM relations WHERE source_file=?", (source_file,))
        self.db.execute("DELETE FROM documents WHERE source_file=?", (source_file,))

    def _insert_document(self, analysed: AnalysedDocument, source_file: str) -> None:
        document = analysed.document
        key = number_key(document.number)
        # A number ingested earlier from another file is replaced by this one.
        old = self.db.execute("SELECT source_file FROM documents WHERE key=?", (key,)).fetchone()
        if old:
            self.db.execute("DELETE FROM articles WHERE doc_key=?", (key,))
            self.db.execute("DELETE FROM relations WHERE carrier=?", (document.number,))
        self.db.execute(
            "INSERT OR REPLACE INTO documents VALUES(?, ?, ?, ?, ?, ?)",
            (
                key,
                document.number,
                document.type,
                document.title,
                source_file,
                json.dumps(document.to_dict(), ensure_ascii=False),
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
            self.db.execute(
                f"INSERT INTO articles({', '.join(ALL_COLUMNS)}) VALUES({placeholders})",
                [values[c] for c in ALL_COLUMNS],
            )

    # ---- reading -------------------------------------------------------------------
    def search(self, query: ParsedQuery) -> SearchResult:
        rows, doc_freq = self._term_stats()
        built = search_sql(query.analysis, query.filters, doc_freq, rows)
        if built is None:
            return SearchResult(total=0, hits=[], facets={})
        sql, params = built
        try:
            rows = self.db.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise BackendError(f"SQLite search failed: {error}") from error
        facets: dict[str, list[tuple[str, int]]] = {}
        if query.with_facets:
            for position, name in enumerate(FACET_FIELDS, start=1):
                counts = Counter(str(row[position]) for row in rows if row[position] not in (None, ""))
                facets[name] = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        size = max(1, min(query.size, MAX_PAGE_SIZE))
        start = (max(query.page, 1) - 1) * size
        page_rows = rows[start : start + size]
        hits = [self._hit(rowid, score) for rowid, *_facets, score in page_rows]
        return SearchResult(total=len(rows), hits=hits, facets=facets)

    def _hit(self, rowid: int, score: float) -> Hit:
        row = self.db.execute(
            "SELECT doc_number, doc_type, doc_title, status, issuer, year, topic, article_id, article_number,"
            " article_title, path, text FROM articles WHERE rowid=?",
            (rowid,),
        ).fetchone()
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

    def _term_stats(self) -> tuple[int, dict[str, int]]:
        """Rows and per-term document frequencies from FTS5's own vocabulary, cached until a write."""
        generation = self.db.execute("PRAGMA data_version").fetchone()[0], self._writes
        cached = getattr(self._local, "term_stats", None)
        if cached is None or cached[0] != generation:
            self.db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.articles_vocab USING fts5vocab(main, articles, 'row')"
            )
            rows = self.db.execute("SELECT count(*) FROM articles").fetchone()[0]
            doc_freq = dict(self.db.execute("SELECT term, doc FROM temp.articles_vocab"))
            cached = (generation, (rows, doc_freq))
            self._local.term_stats = cached
        return cached[1]

    def get_document(self, number: str) -> Document | None:
        row = self.db.execute("SELECT json FROM documents WHERE key=?", (number_key(number),)).fetchone()
        return Document.from_dict(json.loads(row[0])) if row else None

    def incoming_relations(self, number: str) -> list[tuple[str, Relation]]:
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
        return [tuple(r) for r in self.db.execute("SELECT number, type, title FROM documents ORDER BY number")]

    def list_documents(self) -> list[tuple[Document, int]]:
        rows = self.db.execute(
            "SELECT json_remove(json, '$.articles'), json_array_length(json, '$.articles') FROM documents"
        ).fetchall()
        return [(Document.from_dict(json.loads(data)), count or 0) for data, count in rows]

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
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        finally:
            self._writes += 1

    def stats(self) -> dict[str, Any]:
        def count(table: str, of_catalogue: bool = False) -> int:
            where = " WHERE source_file = ?" if of_catalogue else ""
            return self.db.execute(
                f"SELECT count(*) FROM {table}{where}", (STUB_SOURCE_FILE,) * of_catalogue
            ).fetchone()[0]

        counts = index_counts(
            files=count("files"),
            documents=count("documents"),
            catalogued_only=count("documents", True),
            articles=count("articles"),
            relations=count("relations"),
            catalogue_relations=count("relations", True),
            catalogue_file=bool(count("files", True)),
        )
        return {"engine": f"sqlite {sqlite3.sqlite_version} (FTS5)", **counts, "index_version": INDEX_VERSION}
