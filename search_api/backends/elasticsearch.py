"""The Elasticsearch backend: the same contract as the embedded SQLite index, on a server.

Four indexes, each a versioned concrete index behind a stable alias, e.g.
`vnlex-articles-v2-20261123101500123456` behind `vnlex-articles`:

- articles:  one document per AnalysedArticle (pre-analysed token fields + keyword filters)
- documents: Document.to_dict() kept unindexed, found by number_key
- relations: one document per Relation, found by the target's number_key
- files:     source_file -> sha256 of its last successful ingest

Everything the code reads and writes goes through the aliases, so `rebuild()` can swap
in new concrete indexes without readers noticing. Nothing connects in the constructor.

The backend is built in layers, each a class of its own module extending the one below, so each
module stays readable on its own: the connection, settings and error translation
(es_connection.py), index management with the alias swap (es_indexes.py), writes (es_writes.py),
and here the reads (search, hit shaping, documents, relations, stats). Query bodies and mappings
are plain data built in es_query.py.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any

from ingest.catalogue import STUB_SOURCE_FILE
from ingest.index_contract import INDEX_VERSION, BackendError, Hit, ParsedQuery, SearchResult, index_counts
from ingest.model import Document, Relation
from ingest.numbers import number_key
from search_api.backends.es_connection import WHOLE_DOCUMENTS_PAGE, translating_errors
from search_api.backends.es_query import (
    FACET_SAMPLE_SIZE,
    TOTAL_HITS_CAP,
    document_list_body,
    document_list_row,
    facet_sample_count,
    facets_from_response,
    page_window,
    search_body,
    title_in_doc_values,
)
from search_api.backends.es_ranking import (
    PRUNING_RECHECK_SECONDS,
    article_id,
    merged,
    merged_total,
    page_hits_body,
    prunes_cheaper,
    sample_facets,
    side_bodies,
)
from search_api.backends.es_writes import ElasticsearchWrites

logger = logging.getLogger("vnlex")
RANKED_RESPONSE_FIELDS = [
    "responses.hits.total",
    "responses.hits.hits._score",
    "responses.hits.hits._source",
    "responses.hits.hits.fields",
    "responses.error",
    "responses.status",
]


def _pruned_ranking_setting() -> bool | None:
    value = os.environ.get("VNLEX_ES_PRUNED_RANKING", "auto").strip().lower()
    return {"1": True, "true": True, "0": False, "false": False}.get(value)


def _numeric_order(value: str | None) -> tuple[int, str]:
    text = value or ""
    return (int(text), text) if text.isdigit() else (1 << 30, text)


class ElasticsearchBackend(ElasticsearchWrites):
    """The whole backend: the reads below on top of the writes, index management and connection layers."""

    # Totals counted up to this many matches, then a lower bound; facets over this many best matches (per shard).
    total_hits_cap = TOTAL_HITS_CAP
    facet_sample_size = FACET_SAMPLE_SIZE
    # Words queries as es_ranking's prunable requests: True, False (always search_body), or None: when
    # prunes_cheaper says so (VNLEX_ES_PRUNED_RANKING=1/0 sets it for every backend of the process).
    pruned_ranking: bool | None = _pruned_ranking_setting()
    _pruning_checked: tuple[float, bool] | None = None

    @translating_errors
    def search(self, query: ParsedQuery) -> SearchResult:
        self._check_version_once()
        if self._prunes():
            found = self._ranked_search(query)
            if found is not None:
                return found
        body = search_body(query, total_cap=self.total_hits_cap, facet_sample=self.facet_sample_size)
        if body is None:
            return SearchResult(total=0, hits=[], facets={})
        response = self._search_articles(body)
        hits = [self._hit(hit) for hit in response["hits"]["hits"]]
        total = response["hits"]["total"]
        lower_bound = total["relation"] == "gte"
        facets, sample = {}, None
        if query.with_facets:
            aggregations = response.get("aggregations")
            facets = facets_from_response(aggregations)
            sampled = facet_sample_count(aggregations)
            # The sample is every match when it holds as many as were counted: the facets are then exact.
            if sampled is not None and (lower_bound or sampled < total["value"]):
                sample = sampled
        return SearchResult(
            total=total["value"], hits=hits, facets=facets, total_is_lower_bound=lower_bound, facets_sample=sample
        )

    def _prunes(self) -> bool:
        """Whether words queries take the prunable requests: as set, or decided from the engine's version and
        the articles' count, asked again every PRUNING_RECHECK_SECONDS (an ingest or a rebuild changes it)."""
        if self.pruned_ranking is not None:
            return self.pruned_ranking
        now = time.monotonic()
        if self._pruning_checked is None or now - self._pruning_checked[0] > PRUNING_RECHECK_SECONDS:
            nodes = self.client.nodes.info(node_id="_all", metric="_none", filter_path="nodes.*.version")["nodes"]
            articles = self.client.count(index=self.alias("articles"), ignore_unavailable=True)["count"]
            self._pruning_checked = (now, prunes_cheaper([node["version"] for node in nodes.values()], articles))
        return self._pruning_checked[1]

    def _search_articles(self, body: dict[str, Any]) -> Any:
        # ignore_unavailable: a server with no vnlex index yet answers "nothing found".
        # Over several shards, each would score with its own term statistics and the ranking
        # would depend on where documents landed: dfs_query_then_fetch gathers global
        # statistics first (one more round trip), so results match the one-shard index.
        search_type = "dfs_query_then_fetch" if self.shards > 1 else None
        return self.client.search(
            index=self.alias("articles"), ignore_unavailable=True, search_type=search_type, **body
        )

    def _ranked_search(self, query: ParsedQuery) -> SearchResult | None:
        """A words query as es_ranking's two prunable requests (normative texts, news) in one msearch;
        None when they do not apply (then search_body runs, as before)."""
        bodies = side_bodies(query, total_cap=self.total_hits_cap, facet_sample=self.facet_sample_size)
        if bodies is None:
            return None
        header: dict[str, Any] = {"index": self.alias("articles"), "ignore_unavailable": True}
        if self.shards > 1:  # global term statistics, as _search_articles asks
            header["search_type"] = "dfs_query_then_fetch"
        searches = [part for body in bodies for part in (header, body)]
        # Hundreds of sample hits: only what is read of them is sent (not _index, _id or the sort keys again).
        responses = self.client.msearch(searches=searches, filter_path=RANKED_RESPONSE_FIELDS)["responses"]
        for response in responses:
            if "error" in response:  # msearch answers 200 with each search's own error
                reason = response["error"].get("reason") if isinstance(response["error"], dict) else response["error"]
                raise BackendError(f"Elasticsearch at {self.url} refused search: {response.get('status')} {reason}")
        start, size = page_window(query.page, query.size)
        sample_size = self.facet_sample_size if query.with_facets else None
        # filter_path leaves out an empty list of hits
        normative, news = (response["hits"].get("hits", []) for response in responses)
        page, sample = merged(normative, news, start, start + size, sample_size)
        if query.with_facets and page:  # the sample came from doc values: read the page's stored fields
            ids = [article_id(hit["fields"]["doc_key"][0], hit["fields"]["ord"][0]) for _score, hit in page]
            stored = {h["_id"]: h for h in self._search_articles(page_hits_body(ids))["hits"]["hits"]}
            page = [(score, stored[key]) for (score, _hit), key in zip(page, ids, strict=True) if key in stored]
        total, lower_bound = merged_total([r["hits"]["total"] for r in responses], self.total_hits_cap)
        facets, facets_sample = {}, None
        if query.with_facets:
            facets = sample_facets(sample)
            # The sample is every match when it holds as many as were counted: the facets are then exact.
            if lower_bound or len(sample) < total:
                facets_sample = len(sample)
        return SearchResult(
            total=total,
            hits=[self._hit(hit, score) for score, hit in page],
            facets=facets,
            total_is_lower_bound=lower_bound,
            facets_sample=facets_sample,
        )

    @staticmethod
    def _hit(hit: dict[str, Any], score: float | None = None) -> Hit:
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
            score=float(hit.get("_score") or 0.0) if score is None else score,
        )

    @translating_errors
    def get_document(self, number: str) -> Document | None:
        from elasticsearch import NotFoundError

        self._check_version_once()
        try:
            found = self.client.get(index=self.alias("documents"), id=number_key(number))
        except NotFoundError:
            return None
        return Document.from_dict(found["_source"]["document"])

    @translating_errors
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

    @translating_errors
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

    @translating_errors
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
            for hit in self._scan("documents", query, size=WHOLE_DOCUMENTS_PAGE)
        ]

    @translating_errors
    def stored_answer_data(self) -> dict[str, dict[str, Any]]:
        self._check_version_once()
        query = {"query": {"match_all": {}}, "_source": ["key", "answer_data"]}
        return {
            hit["_source"]["key"]: hit["_source"]["answer_data"]
            for hit in self._scan("documents", query, size=WHOLE_DOCUMENTS_PAGE)
            if hit["_source"].get("answer_data") is not None
        }

    @translating_errors
    def catalogued_documents(self) -> list[Document]:
        self._check_version_once()
        query = {"query": {"term": {"source_file": STUB_SOURCE_FILE}}, "_source": ["document"]}
        return [
            Document.from_dict(hit["_source"]["document"])
            for hit in self._scan("documents", query, size=WHOLE_DOCUMENTS_PAGE)
        ]

    @translating_errors
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
