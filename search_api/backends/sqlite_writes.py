"""Writes of the embedded backend: a source file's rows replaced or deleted inside one transaction
(an interrupted ingest leaves the index as it was before that file), the impact postings kept in
step, the stored documents' status updated, and the write generation bumped for readers' caches.
"""

from __future__ import annotations

import json
from typing import Any

from ingest.index_contract import AnalysedDocument, field_texts, in_force_window
from ingest.model import Document
from ingest.numbers import number_key
from search_api.backends import sqlite_impact
from search_api.backends.sqlite_connection import SQLiteConnection
from search_api.backends.sqlite_query import ALL_COLUMNS


class SQLiteWrites(SQLiteConnection):
    """Everything ingest and status recomputation write; the reads are the subclass SQLiteBackend."""

    # Set by SQLiteBackend.__init__: inserted rows whose postings are not written yet.
    _pending: list[tuple[int, dict[str, Any]]]

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
