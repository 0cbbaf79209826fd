"""Writes of the Elasticsearch backend: a source file's records replaced (hash forgotten first,
written last, so an interrupted file is redone), deleted, and the stored documents' status updated.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from ingest.index_contract import FIELD_STREAM, SEARCH_FIELDS, AnalysedDocument, in_force_window
from ingest.model import Document
from ingest.numbers import number_key
from search_api.backends.es_connection import BULK_CHUNK, KINDS, translating_errors
from search_api.backends.es_indexes import ElasticsearchIndexes


def _file_id(source_file: str) -> str:
    # _id is limited to 512 bytes; source paths are not.
    return hashlib.sha256(source_file.encode()).hexdigest()


class ElasticsearchWrites(ElasticsearchIndexes):
    """Everything ingest and status recomputation write; the reads are the subclass ElasticsearchBackend."""

    @translating_errors
    def file_hash(self, source_file: str) -> str | None:
        from elasticsearch import NotFoundError

        self._check_version_once()
        try:
            return self.client.get(index=self.alias("files"), id=_file_id(source_file))["_source"]["sha256"]
        except NotFoundError:  # no such file, or no index yet
            return None

    @translating_errors
    def replace_file(self, source_file: str, sha256: str, documents: list[AnalysedDocument]) -> None:
        """Replace everything that came from source_file.

        Not transactional like SQLite's per-file transaction: Elasticsearch has no
        multi-document transactions, so a failure midway can leave the file's records
        half-written, and readers may briefly see the file's documents missing. It fails
        safe instead: the file's hash is deleted first and written last, so an interrupted
        file has no hash and the next `vnlex ingest` redoes it (records are keyed by
        document number and position, so redoing it converges to the right state).
        """
        from elasticsearch.helpers import bulk

        self._ensure_indexes()
        self._forget_hash(source_file)
        keys = [number_key(analysed.document.number) for analysed in documents]
        self._delete_records(source_file, keys)
        # require_alias: if the aliases vanished meanwhile, fail instead of letting
        # Elasticsearch auto-create an index with a guessed (dynamic) mapping.
        bulk(
            self.client,
            self._actions(source_file, documents),
            chunk_size=BULK_CHUNK,
            require_alias=self._targets is None,
        )
        self._refresh()
        record = {"source_file": source_file, "sha256": sha256, "ingested_at": datetime.now(UTC).isoformat()}
        self.client.index(
            index=self.alias("files"),
            id=_file_id(source_file),
            document=record,
            refresh=True,
            require_alias=self._targets is None,
        )

    @translating_errors
    def delete_file(self, source_file: str) -> None:
        self._ensure_indexes()
        self._forget_hash(source_file)
        self._delete_records(source_file, [])
        self._refresh()

    def _forget_hash(self, source_file: str) -> None:
        self.client.options(ignore_status=404).delete(index=self.alias("files"), id=_file_id(source_file), refresh=True)

    def _refresh(self) -> None:
        self.client.indices.refresh(index=",".join(self.alias(k) for k in KINDS))

    def _delete_records(self, source_file: str, document_keys: list[str]) -> None:
        """Delete the file's records, and those of any of these document numbers ingested
        earlier from another file (the newest file wins, as in SQLite). Ids are collected
        by search and deleted in bulk: the minimal distribution has no _delete_by_query."""
        from elasticsearch.helpers import bulk, scan

        # Ids come from search, which sees only refreshed writes: refresh first so the
        # records of an earlier, interrupted replace_file are found too.
        self._refresh()
        by_file = {"term": {"source_file": source_file}}
        selections = {
            "articles": [by_file] + ([{"terms": {"doc_key": document_keys}}] if document_keys else []),
            "relations": [by_file] + ([{"terms": {"carrier_key": document_keys}}] if document_keys else []),
            "documents": [by_file],
        }
        for kind, clauses in selections.items():
            query = {"query": {"bool": {"should": clauses, "minimum_should_match": 1}}, "_source": False}
            deletions = [
                {"_op_type": "delete", "_index": hit["_index"], "_id": hit["_id"]}
                for hit in scan(self.client, index=self.alias(kind), query=query)
            ]
            # 404: already gone (a concurrent writer); the goal state is reached anyway.
            bulk(self.client, deletions, chunk_size=BULK_CHUNK, ignore_status=404)

    def _actions(self, source_file: str, documents: list[AnalysedDocument]) -> Iterator[dict[str, Any]]:
        for analysed in documents:
            document = analysed.document
            key = number_key(document.number)
            yield {
                "_index": self.alias("documents"),
                "_id": key,
                "_source": {
                    "number": document.number,
                    "key": key,
                    "source_file": source_file,
                    "type": document.type,
                    "title": document.title,
                    "document": document.to_dict(),
                    **({"answer_data": analysed.answer_data} if analysed.answer_data is not None else {}),
                },
            }
            for position, relation in enumerate(document.relations):
                yield {
                    "_index": self.alias("relations"),
                    "_id": f"{key}|{position}",
                    "_source": {
                        "source": relation.source or document.number,
                        "source_article": relation.source_article,
                        "type": relation.type,
                        "target": relation.target,
                        "target_key": number_key(relation.target),
                        "target_article": relation.target_article,
                        "date": relation.date,
                        "note": relation.note,
                        "carrier": document.number,
                        "carrier_key": key,
                        "source_file": source_file,
                        "basis": relation.basis,
                        "source_unit": relation.source_unit,
                        "target_unit": relation.target_unit,
                    },
                }
            for position, article in enumerate(analysed.articles):
                sources = {"head": article.head, "body": article.body, "doc": article.doc}
                yield {
                    "_index": self.alias("articles"),
                    "_id": f"{key}|{position}",
                    "_source": {
                        # Same texts as the SQLite backend: space-joined tokens of each field's stream.
                        **{
                            name: " ".join(getattr(sources[name.split("_")[0]], FIELD_STREAM[name]))
                            for name in SEARCH_FIELDS
                        },
                        # Empty facet values are left out so they never show up as a "" facet.
                        "doc_number": document.number,
                        "doc_key": key,
                        "doc_type": document.type or None,
                        "issuer": document.issuer or None,
                        "status": document.status or None,
                        "topic": document.topic or None,
                        "year": document.issued.year if document.issued else None,
                        "source_file": source_file,
                        "article_id": article.article_id,
                        "article_number": article.article_number,
                        "ord": position,
                        "in_force_from": in_force_window(document)[0] or None,
                        "in_force_until": in_force_window(document)[1] or None,
                        "doc_title": document.title,
                        "article_title": article.article_title,
                        "path": list(article.path),
                        "text": article.text,
                    },
                }

    @translating_errors
    def update_documents(self, documents: list[Document]) -> None:
        from elasticsearch.helpers import bulk

        self._check_version_once()
        actions: list[dict[str, Any]] = []
        for document in documents:
            key = number_key(document.number)
            actions.append(
                {
                    "_op_type": "update",
                    "_index": self.alias("documents"),
                    "_id": key,
                    "doc": {"title": document.title, "document": document.to_dict()},
                }
            )
            query = {"query": {"term": {"doc_key": key}}, "_source": False}
            for hit in self._scan("articles", query):
                actions.append(
                    {
                        "_op_type": "update",
                        "_index": hit["_index"],
                        "_id": hit["_id"],
                        # The in-force window follows the status (in_force_on filter).
                        "doc": {
                            "status": document.status or None,
                            "in_force_from": in_force_window(document)[0] or None,
                            "in_force_until": in_force_window(document)[1] or None,
                        },
                    }
                )
        if actions:
            bulk(self.client, actions, chunk_size=BULK_CHUNK, refresh=True)
