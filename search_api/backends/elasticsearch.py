"""The Elasticsearch backend: the same contract as the embedded SQLite index, on a server.

Four indexes, each a versioned concrete index behind a stable alias, e.g.
`vnlex-articles-v2-20261123101500123456` behind `vnlex-articles`:

- articles:  one document per AnalysedArticle (pre-analysed token fields + keyword filters)
- documents: Document.to_dict() kept unindexed, found by number_key
- relations: one document per Relation, found by the target's number_key
- files:     source_file -> sha256 of its last successful ingest

Everything the code reads and writes goes through the aliases, so `rebuild()` can swap
in new concrete indexes without readers noticing. Nothing connects in the constructor.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import re
import threading
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ingest.catalogue import STUB_SOURCE_FILE
from ingest.index_contract import (
    FIELD_STREAM,
    INDEX_VERSION,
    SEARCH_FIELDS,
    AnalysedDocument,
    BackendError,
    HealthCheck,
    Hit,
    ParsedQuery,
    SearchResult,
    in_force_window,
    index_counts,
)
from ingest.model import Document, Relation
from ingest.numbers import number_key
from search_api.backends.es_query import (
    MAPPINGS,
    document_list_body,
    document_list_row,
    facets_from_response,
    index_settings,
    search_body,
    title_in_doc_values,
)

if TYPE_CHECKING:  # imported lazily at run time: the client is only needed once a request arrives
    from elasticsearch import Elasticsearch

KINDS = tuple(MAPPINGS)  # articles, documents, relations, files
_BULK_CHUNK = 500
STALE_STAGING_SECONDS = 3600
logger = logging.getLogger("vnlex")


def _translating_errors(method):
    """Engine and network failures become BackendError naming the server, so the API can
    answer 503 with a message an operator can act on."""

    @functools.wraps(method)
    def wrapper(self: ElasticsearchBackend, *args, **kwargs):
        from elastic_transport import ConnectionError as TransportConnectionError
        from elastic_transport import TransportError
        from elasticsearch import ApiError
        from elasticsearch.helpers import BulkIndexError

        try:
            return method(self, *args, **kwargs)
        except BackendError:
            raise
        except TransportConnectionError as error:  # includes ConnectionTimeout
            raise BackendError(f"Elasticsearch at {self.url} is unreachable: {error}") from error
        except BulkIndexError as error:
            raise BackendError(
                f"Elasticsearch at {self.url} rejected {len(error.errors)} documents; first: {error.errors[0]}"
            ) from error
        except ApiError as error:
            raise BackendError(
                f"Elasticsearch at {self.url} refused {method.__name__}: {error.meta.status} {error.message}"
                f" {_reason(error)}"
            ) from error
        except TransportError as error:
            raise BackendError(f"Elasticsearch at {self.url} failed during {method.__name__}: {error}") from error

    return wrapper


def _reason(error: Any) -> str:
    """The most specific reason Elasticsearch gave (root causes name the failing clause)."""
    body = getattr(error, "body", None)
    if not (isinstance(body, dict) and isinstance(body.get("error"), dict)):
        return ""
    causes = body["error"].get("root_cause") or [body["error"]]
    return "; ".join(f"{cause.get('type', '')}: {cause.get('reason', '')}" for cause in causes[:3])


def _file_id(source_file: str) -> str:
    # _id is limited to 512 bytes; source paths are not.
    return hashlib.sha256(source_file.encode()).hexdigest()


def _numeric_order(value: str | None) -> tuple[int, str]:
    text = value or ""
    return (int(text), text) if text.isdigit() else (1 << 30, text)


def _setting(value: int | None, variable: str, default: int) -> int:
    if value is not None:
        return value
    text = os.environ.get(variable, "").strip()
    if not text:
        return default
    if not text.isascii() or not text.isdigit():
        raise BackendError(f"{variable}={text!r}: expected a whole number")
    return int(text)


class ElasticsearchBackend:
    def __init__(
        self,
        url: str | list[str],
        *,
        index_prefix: str = "vnlex",
        username: str | None = None,
        password: str | None = None,
        ca_certs: str | None = None,
        request_timeout: float = 10,
        shards: int | None = None,
        replicas: int | None = None,
    ):
        # Several node URLs: the client spreads requests over them and retries another node
        # when one is down, so a cluster keeps answering with a node gone.
        self.nodes = [url] if isinstance(url, str) else list(url)
        self.url = ",".join(self.nodes)
        self.index_prefix = index_prefix
        # Shards and replicas of indexes created from now on (existing indexes keep theirs):
        # arguments, else VNLEX_ES_SHARDS / VNLEX_ES_REPLICAS, else one shard and no replica.
        self.shards = _setting(shards, "VNLEX_ES_SHARDS", 1)
        self.replicas = _setting(replicas, "VNLEX_ES_REPLICAS", 0)
        if self.shards < 1 or self.replicas < 0:
            raise BackendError(
                f"Elasticsearch shards must be >= 1 and replicas >= 0, not {self.shards}/{self.replicas}"
            )
        self.index_settings = index_settings(self.shards, self.replicas)
        self._client_options: dict[str, Any] = {
            "basic_auth": (username, password or "") if username else None,
            "ca_certs": ca_certs,
            "request_timeout": request_timeout,
            # One retry per other node (one for a single node): an unreachable server must
            # fail fast, but a cluster with a node gone must still answer.
            "max_retries": max(1, len(self.nodes) - 1),
            "retry_on_timeout": False,
        }
        self._client: Elasticsearch | None = None
        self._client_lock = threading.Lock()  # the API calls one backend from a thread pool
        self._indexes_ready = False
        self._version_checked = False
        self._warned_title = False
        self._targets: dict[str, str] | None = None  # set on staging backends only

    @property
    def client(self):
        with self._client_lock:
            if self._client is None:
                from elasticsearch import Elasticsearch

                self._client = Elasticsearch(self.nodes, **self._client_options)
            return self._client

    def alias(self, kind: str) -> str:
        if self._targets is not None:  # a staging backend writes to its new concrete indexes
            return self._targets[kind]
        return f"{self.index_prefix}-{kind}"

    def _new_index_name(self, kind: str) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
        return f"{self.alias(kind)}-v{INDEX_VERSION}-{stamp}"

    def _concrete_index_pattern(self) -> re.Pattern[str]:
        return re.compile(rf"^{re.escape(self.index_prefix)}-({'|'.join(KINDS)})-v(\d+)-\d+$")

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    # ---- index management ----------------------------------------------------------
    def _aliased_indexes(self) -> dict[str, str]:
        """kind -> concrete index currently behind its alias (missing kinds left out)."""
        from elasticsearch import NotFoundError

        try:
            response = self.client.indices.get_alias(name=",".join(self.alias(k) for k in KINDS))
        except NotFoundError:
            return {}
        found = {}
        for index, info in response.body.items():
            for alias in info.get("aliases", {}):
                found[alias[len(self.index_prefix) + 1 :]] = index
        return found

    def _check_version(self) -> dict[str, str]:
        """Refuse indexes of another INDEX_VERSION (their fields differ: searching or mixing
        them would silently degrade results), like the SQLite backend's schema check."""
        existing = self._aliased_indexes()
        pattern = self._concrete_index_pattern()
        for index in existing.values():
            match = pattern.match(index)
            if match and int(match.group(2)) != INDEX_VERSION:
                raise BackendError(
                    f"Elasticsearch index {index} has index version {match.group(2)}, this vnlex needs "
                    f"{INDEX_VERSION}: run `vnlex ingest --recreate` to rebuild it"
                )
        self._version_checked = bool(existing)
        return existing

    def _check_version_once(self) -> None:
        # Before reads; indexes that do not exist yet read as empty and are checked again later.
        if not self._version_checked:
            self._check_version()

    def _ensure_indexes(self) -> None:
        """Before writes: check the version and create missing indexes behind their aliases."""
        if self._indexes_ready:
            return
        existing = self._check_version()
        for kind in KINDS:
            if kind not in existing:
                self.client.indices.create(
                    index=self._new_index_name(kind),
                    mappings=MAPPINGS[kind],
                    settings=self.index_settings,
                    aliases={self.alias(kind): {}},
                )
        self._indexes_ready = self._version_checked = True

    @_translating_errors
    def rebuild(self) -> str:
        """Copy every index into a fresh concrete index with the current mappings and switch
        the aliases over; returns the new articles index name.

        The four alias moves (remove old, add new, per kind) go in ONE `_aliases` request,
        which Elasticsearch applies atomically: a reader sees either all old or all new
        indexes, never a mix and never a missing alias, so search keeps answering
        throughout. The old indexes are deleted only after the swap. Documents are copied
        client-side (scroll + bulk) because the minimal distribution has no _reindex.
        Writes made to the old indexes while the copy runs are lost: do not ingest during
        a rebuild. A changed INDEX_VERSION needs `vnlex ingest` instead, since tokens are
        analysed in Python and a copy cannot add new fields.
        """
        with self.staging() as stage:
            return stage.alias("articles")

    @contextmanager
    def staging(self, rewritten: Collection[str] = ()) -> Iterator[ElasticsearchBackend]:
        """New concrete indexes holding a copy of the current ones, written through a backend
        bound to them; swapped in behind the aliases in one atomic `_aliases` call when the
        block ends without error, deleted otherwise. `vnlex ingest --force` and /api/reindex
        write through this, so searches never see the half-replaced files (during a plain
        re-ingest "NĐ 09/2013" went from 29 hits to 0, and deleted documents piled up)."""
        old, new = self._copy_into_new_indexes(list(rewritten))
        stage = ElasticsearchBackend(self.url, index_prefix=self.index_prefix)
        stage._client, stage._targets = self.client, new
        stage._indexes_ready = stage._version_checked = True
        try:
            yield stage
            self._swap_aliases(old, new)
        except BaseException:
            self.client.options(ignore_status=404).indices.delete(index=",".join(new.values()))
            raise

    @_translating_errors
    def _copy_into_new_indexes(self, leave_out: list[str]) -> tuple[dict[str, str], dict[str, str]]:
        """New concrete indexes holding the current records, except those of the `leave_out` files
        (about to be written again: copying then replacing them would leave deleted documents,
        which Elasticsearch keeps counting in its scores for a while)."""
        from elasticsearch.helpers import bulk, scan

        self._ensure_indexes()
        self._remove_abandoned_staging_indexes()
        old = self._aliased_indexes()
        new = {kind: self._new_index_name(kind) for kind in KINDS}
        query: dict[str, Any] = {"query": {"match_all": {}}}
        if leave_out:
            query = {"query": {"bool": {"must_not": [{"terms": {"source_file": leave_out}}]}}}
        try:
            for kind in KINDS:
                self.client.indices.create(index=new[kind], mappings=MAPPINGS[kind], settings=self.index_settings)
                copies = (
                    {"_index": new[kind], "_id": hit["_id"], "_source": hit["_source"]}
                    for hit in scan(self.client, index=old[kind], query=query)
                )
                bulk(self.client, copies, chunk_size=_BULK_CHUNK)
            self.client.indices.refresh(index=",".join(new.values()))
        except BaseException:
            self.client.options(ignore_status=404).indices.delete(index=",".join(new.values()))
            raise
        return old, new

    def _remove_abandoned_staging_indexes(self) -> list[str]:
        """Concrete indexes of this prefix behind no alias and older than STALE_STAGING_SECONDS are
        the copies of a rebuild whose process died (kill -9 mid-rebuild): delete them. Younger ones
        may belong to a rebuild still running elsewhere and are left alone."""
        pattern = self._concrete_index_pattern()
        found = self.client.indices.get(
            index=f"{self.index_prefix}-*", filter_path="*.aliases,*.settings.index.creation_date"
        )
        cutoff_ms = (datetime.now(UTC).timestamp() - STALE_STAGING_SECONDS) * 1000
        abandoned = [
            name
            for name, info in found.body.items()
            if pattern.match(name)
            and not info.get("aliases")
            and int(info.get("settings", {}).get("index", {}).get("creation_date", cutoff_ms + 1)) < cutoff_ms
        ]
        if abandoned:
            self.client.options(ignore_status=404).indices.delete(index=",".join(abandoned))
        return abandoned

    @_translating_errors
    def _swap_aliases(self, old: dict[str, str], new: dict[str, str]) -> None:
        names = ",".join(new.values())
        self.client.indices.refresh(index=names)
        # Replacing files in the copy leaves deleted documents, which still count in BM25's
        # statistics: merged away, the new index scores exactly like a fresh ingest (the top 10
        # changed for 5 of 15 queries after a reindex that skipped this).
        self.client.options(request_timeout=300).indices.forcemerge(index=names, max_num_segments=1)
        self.client.indices.refresh(index=names)
        actions = []
        for kind in KINDS:
            actions.append({"remove": {"index": old[kind], "alias": self.alias(kind)}})
            actions.append({"add": {"index": new[kind], "alias": self.alias(kind)}})
        self.client.indices.update_aliases(actions=actions)
        self.client.indices.delete(index=",".join(old.values()))

    @_translating_errors
    def checkpoint(self) -> None:
        """After a batch of writes: merge away deleted documents. They still count in BM25's
        statistics, so without this an index that saw replacements scores differently from a
        fresh one, and a rebuild (which merges) would change the ranking."""
        names = ",".join(self.alias(kind) for kind in KINDS)
        self.client.options(request_timeout=300, ignore_status=404).indices.forcemerge(index=names, max_num_segments=1)
        self.client.options(ignore_status=404).indices.refresh(index=names)

    def health_checks(self) -> list[HealthCheck]:
        """Cluster health, every alias behind exactly one index of this version, a real query."""
        checks = []
        for name, probe in (("cluster", self._check_cluster), ("aliases", self._check_aliases)):
            try:
                checks.append(probe())
            except BackendError as error:
                checks.append(HealthCheck(name, False, str(error)))
        try:
            self.client.options(request_timeout=5).search(index=self.alias("articles"), size=1, query={"match_all": {}})
            checks.append(HealthCheck("query", True))
        except Exception as error:  # any failure of the probe query is the finding itself
            checks.append(HealthCheck("query", False, f"{type(error).__name__}: {str(error)[:200]}"))
        return checks

    @_translating_errors
    def _check_cluster(self) -> HealthCheck:
        health = self.client.options(request_timeout=5).cluster.health()
        status = health["status"]
        return HealthCheck("cluster", status in ("green", "yellow"), f"cluster status {status}")

    @_translating_errors
    def _check_aliases(self) -> HealthCheck:
        found = self._aliased_indexes()
        missing = [kind for kind in KINDS if kind not in found]
        if missing:
            return HealthCheck("aliases", False, f"no index behind {', '.join(self.alias(k) for k in missing)}")
        pattern = self._concrete_index_pattern()
        stale = [index for index in found.values() if (m := pattern.match(index)) and int(m.group(2)) != INDEX_VERSION]
        if stale:
            return HealthCheck("aliases", False, f"index version differs: {', '.join(stale)}")
        return HealthCheck("aliases", True)

    @_translating_errors
    def drop(self) -> None:
        """Delete every index of this prefix (tests, and starting over). Names are listed
        explicitly because wildcard deletes are refused by default (destructive_requires_name)."""
        pattern = self._concrete_index_pattern()
        names = [name for name in self.client.indices.get(index=f"{self.index_prefix}-*").body if pattern.match(name)]
        if names:
            self.client.indices.delete(index=",".join(names))
        self._indexes_ready = self._version_checked = False

    # ---- writing -------------------------------------------------------------------
    @_translating_errors
    def file_hash(self, source_file: str) -> str | None:
        from elasticsearch import NotFoundError

        self._check_version_once()
        try:
            return self.client.get(index=self.alias("files"), id=_file_id(source_file))["_source"]["sha256"]
        except NotFoundError:  # no such file, or no index yet
            return None

    @_translating_errors
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
            chunk_size=_BULK_CHUNK,
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

    @_translating_errors
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
            bulk(self.client, deletions, chunk_size=_BULK_CHUNK, ignore_status=404)

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

    # ---- reading -------------------------------------------------------------------
    def _scan(self, kind: str, query: dict[str, Any]) -> Iterable[dict[str, Any]]:
        from elasticsearch.helpers import scan

        return scan(self.client, index=self.alias(kind), query=query, ignore_unavailable=True)

    @_translating_errors
    def search(self, query: ParsedQuery) -> SearchResult:
        self._check_version_once()
        body = search_body(query)
        if body is None:
            return SearchResult(total=0, hits=[], facets={})
        # ignore_unavailable: a server with no vnlex index yet answers "nothing found".
        # Over several shards, each would score with its own term statistics and the ranking
        # would depend on where documents landed: dfs_query_then_fetch gathers global
        # statistics first (one more round trip), so results match the one-shard index.
        search_type = "dfs_query_then_fetch" if self.shards > 1 else None
        response = self.client.search(
            index=self.alias("articles"), ignore_unavailable=True, search_type=search_type, **body
        )
        hits = [self._hit(hit) for hit in response["hits"]["hits"]]
        facets = facets_from_response(response.get("aggregations")) if query.with_facets else {}
        return SearchResult(total=response["hits"]["total"]["value"], hits=hits, facets=facets)

    @staticmethod
    def _hit(hit: dict[str, Any]) -> Hit:
        source = hit["_source"]
        return Hit(
            doc_number=source["doc_number"],
            doc_type=source.get("doc_type") or "",
            doc_title=source.get("doc_title") or "",
            status=source.get("status") or "",
            issuer=source.get("issuer") or "",
            year=source.get("year"),
            topic=source.get("topic") or "",
            article_id=source["article_id"],
            article_number=source.get("article_number") or "",
            article_title=source.get("article_title") or "",
            path=list(source.get("path") or []),
            text=source.get("text") or "",
            score=float(hit.get("_score") or 0.0),
        )

    @_translating_errors
    def get_document(self, number: str) -> Document | None:
        from elasticsearch import NotFoundError

        self._check_version_once()
        try:
            found = self.client.get(index=self.alias("documents"), id=number_key(number))
        except NotFoundError:
            return None
        return Document.from_dict(found["_source"]["document"])

    @_translating_errors
    def incoming_relations(self, number: str) -> list[tuple[str, Relation]]:
        self._check_version_once()
        rows = [
            hit["_source"] for hit in self._scan("relations", {"query": {"term": {"target_key": number_key(number)}}})
        ]
        rows.sort(key=lambda row: (row["source"], _numeric_order(row.get("source_article"))))
        return [
            (
                row["source"],
                Relation(
                    type=row["type"],
                    target=row["target"],
                    target_article=row.get("target_article"),
                    source_article=row.get("source_article"),
                    date=row.get("date"),
                    note=row.get("note") or "",
                    source=row["source"] if row["source"] != row["carrier"] else None,
                    basis=row.get("basis") or "",
                    source_unit=row.get("source_unit"),
                    target_unit=row.get("target_unit"),
                ),
            )
            for row in rows
        ]

    @_translating_errors
    def document_numbers(self) -> list[tuple[str, str, str]]:
        self._check_version_once()
        body = document_list_body(self._title_in_doc_values())
        rows = [document_list_row(hit) for hit in self._scan("documents", body)]
        untitled = [number for number, _type, title in rows if title is None]
        titles = self._titles_from_source(untitled) if untitled else {}
        return sorted(
            (number, type_, titles.get(number, "") if title is None else title) for number, type_, title in rows
        )

    def _titles_from_source(self, numbers: list[str]) -> dict[str, str]:
        """Titles doc values lack (none, or longer than es_query.TITLE_DOC_VALUE_CHARS), from _source."""
        found = self.client.mget(
            index=self.alias("documents"), ids=[number_key(n) for n in numbers], source_includes=["number", "title"]
        )["docs"]
        return {doc["_source"]["number"]: doc["_source"].get("title") or "" for doc in found if doc.get("found")}

    def _title_in_doc_values(self) -> bool:
        """Asked of the index behind the alias each time (cheap: the mapping is cluster state), so a
        rebuild's alias swap to indexes with the title in doc values is picked up without a restart."""
        from elasticsearch import NotFoundError

        try:
            mappings = self.client.indices.get_mapping(index=self.alias("documents"))
        except NotFoundError:
            return True
        current = all(title_in_doc_values(found["mappings"]) for found in mappings.body.values())
        if not current and not self._warned_title:
            self._warned_title = True
            logger.warning(
                "the Elasticsearch documents index predates the title in doc values: the document list reads "
                "every document's whole _source (seconds at 100x); POST /api/reindex or `vnlex ingest --recreate` "
                "upgrades it"
            )
        return current

    @_translating_errors
    def list_documents(self) -> list[tuple[Document, int]]:
        self._check_version_once()
        counts = self.client.search(
            index=self.alias("articles"),
            size=0,
            aggs={"docs": {"terms": {"field": "doc_key", "size": 65000}}},
        )["aggregations"]["docs"]["buckets"]
        per_key = {bucket["key"]: bucket["doc_count"] for bucket in counts}
        query = {
            "query": {"match_all": {}},
            "_source": {"includes": ["key", "document"], "excludes": ["document.articles"]},
        }
        return [
            (Document.from_dict(hit["_source"]["document"]), per_key.get(hit["_source"]["key"], 0))
            for hit in self._scan("documents", query)
        ]

    @_translating_errors
    def stored_answer_data(self) -> dict[str, dict[str, Any]]:
        self._check_version_once()
        query = {"query": {"match_all": {}}, "_source": ["key", "answer_data"]}
        return {
            hit["_source"]["key"]: hit["_source"]["answer_data"]
            for hit in self._scan("documents", query)
            if hit["_source"].get("answer_data") is not None
        }

    @_translating_errors
    def catalogued_documents(self) -> list[Document]:
        self._check_version_once()
        query = {"query": {"term": {"source_file": STUB_SOURCE_FILE}}, "_source": ["document"]}
        return [Document.from_dict(hit["_source"]["document"]) for hit in self._scan("documents", query)]

    @_translating_errors
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
            bulk(self.client, actions, chunk_size=_BULK_CHUNK, refresh=True)

    @_translating_errors
    def stats(self) -> dict[str, Any]:
        self._check_version_once()

        def count(kind: str, of_catalogue: bool = False) -> int:
            query = {"term": {"source_file": STUB_SOURCE_FILE}} if of_catalogue else None
            return self.client.count(index=self.alias(kind), query=query, ignore_unavailable=True)["count"]

        # Not client.info(): GET / lives in the rest-root module, which minimal distributions lack.
        nodes = self.client.nodes.info(node_id="_local", metric="_none", filter_path="nodes.*.version")
        version = next(iter(nodes["nodes"].values()))["version"]
        counts = index_counts(count)
        return {"engine": f"elasticsearch {version}", **counts, "index_version": INDEX_VERSION}
