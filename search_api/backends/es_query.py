"""Elasticsearch mappings and request bodies, built as plain data apart from running them.

User text never reaches engine syntax: it arrives as analysed tokens (word characters
and '_' only) and only ever becomes the value of a `match` query, which the
`whitespace` analyzer splits back into terms. No query_string, simple_query_string or
script is built here, so no operator, wildcard or field prefix can be formed.
"""

from __future__ import annotations

from typing import Any

from ingest.analysis import Analysis
from ingest.index_contract import (
    FACET_FIELDS,
    FIELD_STREAM,
    NON_NORMATIVE_SCORE_FACTOR,
    NON_NORMATIVE_TYPES,
    SEARCH_FIELDS,
    Filters,
    ParsedQuery,
)
from ingest.numbers import number_key

MAX_PAGE_SIZE = 100
# Elasticsearch's default index.max_result_window: deeper pages need search_after.
MAX_RESULT_WINDOW = 10_000
MAX_TOKENS_PER_STREAM = 64  # same cap as the SQLite backend: a huge query is not a huge OR
FACET_SIZE = 200
# Totals are counted up to this many matches, then reported as a lower bound; and facets are counted over the
# best FACET_SAMPLE_SIZE matches of each shard. Exact totals and facets over every match made the node score
# and collect every article holding any query word: 2-3 searches/s at 100x the collection (bench/RESULTS.md,
# "bounded totals and facets on Elasticsearch").
TOTAL_HITS_CAP = 10_000
FACET_SAMPLE_SIZE = 500
FACET_SAMPLE = "sample"  # the sampler aggregation holding the facet aggregations

# Tokens are analysed in Python; the engine only splits on white space. `whitespace`
# is a built-in analyzer, so no analysis-common module is needed (the integ-test
# distribution the dev script runs has none).
# Similarity is the index default, BM25 (naming it per field would rule out combined_fields).
_SEARCH_TEXT = {"type": "text", "analyzer": "whitespace"}
_KEYWORD = {"type": "keyword"}
_STORED_ONLY_TEXT = {"type": "text", "index": False}

# The title in doc values (not searched: index false), so the document list reads no stored field at
# all. Doc values hold at most 32,766 bytes per value: a longer title (over TITLE_DOC_VALUE_CHARS
# characters, 4 bytes each at most) is left out of them and read from _source (document_list_row None).
TITLE_DOC_VALUE_CHARS = 8191
TITLE_IN_DOC_VALUES = {"type": "keyword", "index": False, "ignore_above": TITLE_DOC_VALUE_CHARS}

ARTICLE_KEYWORDS = (
    "doc_number",
    "doc_key",
    "doc_type",
    "issuer",
    "status",
    "topic",
    "source_file",
    "article_id",
    "article_number",
)

# The stored fields a search hit needs (see ElasticsearchBackend._hit).
HIT_SOURCE_FIELDS = (
    "doc_number",
    "doc_type",
    "doc_title",
    "status",
    "issuer",
    "year",
    "topic",
    "article_id",
    "article_number",
    "article_title",
    "path",
    "text",
)

ARTICLES_MAPPING: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        **{name: _SEARCH_TEXT for name in SEARCH_FIELDS},
        **{name: _KEYWORD for name in ARTICLE_KEYWORDS},
        "year": {"type": "integer"},  # integer so year ranges compare numerically
        "ord": {"type": "integer"},  # position in the document, for browsing in order
        # The document's in-force window on positive evidence (ingest.index_contract.in_force_window).
        "in_force_from": {"type": "date"},
        "in_force_until": {"type": "date"},
        "doc_title": _STORED_ONLY_TEXT,
        "article_title": _STORED_ONLY_TEXT,
        "path": _STORED_ONLY_TEXT,
        "text": _STORED_ONLY_TEXT,
    },
}
DOCUMENTS_MAPPING: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        "number": _KEYWORD,
        "key": _KEYWORD,
        "source_file": _KEYWORD,
        "type": _KEYWORD,
        # In doc values like number and type: the document list reads them alone, never the whole
        # _source (every article and the answer data; 14 s per list at 100x). See document_list_body.
        "title": TITLE_IN_DOC_VALUES,
        # Document.to_dict() kept verbatim in _source; never parsed into fields.
        "document": {"type": "object", "enabled": False},
        # ingest.answer_data of the document (term counts, provisions): kept, never indexed.
        "answer_data": {"type": "object", "enabled": False},
    },
}
RELATIONS_MAPPING: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {
        **{
            name: _KEYWORD
            for name in (
                "source",
                "source_article",
                "type",
                "target",
                "target_key",
                "target_article",
                "date",
                "carrier",
                "carrier_key",
                "source_file",
                "basis",
                "source_unit",
                "target_unit",
            )
        },
        "note": _STORED_ONLY_TEXT,
    },
}
FILES_MAPPING: dict[str, Any] = {
    "dynamic": "strict",
    "properties": {"source_file": _KEYWORD, "sha256": _KEYWORD, "ingested_at": {"type": "date"}},
}
MAPPINGS = {
    "articles": ARTICLES_MAPPING,
    "documents": DOCUMENTS_MAPPING,
    "relations": RELATIONS_MAPPING,
    "files": FILES_MAPPING,
}


def title_in_doc_values(mapping: dict[str, Any]) -> bool:
    """Whether a documents index (its mapping as ES returns it) keeps the title in doc values.
    Indexes made before TITLE_IN_DOC_VALUES do not; they keep working and are upgraded by a rebuild."""
    return mapping.get("properties", {}).get("title", {}).get("type") == "keyword"


def document_list_body(title_in_doc_values: bool) -> dict[str, Any]:
    """Every document's number, type and title. Source filtering alone is not enough: ES still
    decompresses and parses each document's whole _source to filter it, and even a stored field (or
    _id) decompresses the document's stored block; at 100x the collection (4,103 documents) the list
    took 14.0 s with a _source filter, 1.5 s with a stored title, 0.08 s from doc values alone."""
    if not title_in_doc_values:  # an index made before TITLE_IN_DOC_VALUES: only _source has the title
        return {"query": {"match_all": {}}, "_source": ["number", "type", "title"]}
    return {
        "query": {"match_all": {}},
        "stored_fields": "_none_",  # neither _source nor _id: no stored field is read
        "docvalue_fields": ["number", "type", "title"],
    }


def document_list_row(hit: dict[str, Any]) -> tuple[str, str, str | None]:
    """(number, type, title) of a hit of document_list_body, whichever form it took; title None when
    the doc values lack it (no title, or one too long for them): the caller reads it from _source."""
    if "_source" in hit:
        source = hit["_source"]
        return source["number"], source.get("type") or "", source.get("title") or ""
    fields = hit.get("fields", {})
    title = fields.get("title")
    return fields["number"][0], (fields.get("type") or [""])[0], title[0] if title else None


# Default one shard, no replica: a single-node corpus of thousands of articles; BM25
# statistics are then exact per index, which keeps ranking comparable with the SQLite
# backend. A cluster sets more (VNLEX_ES_SHARDS / VNLEX_ES_REPLICAS or ?shards=&replicas=).
INDEX_SETTINGS: dict[str, Any] = {"number_of_shards": 1, "number_of_replicas": 0}


def index_settings(shards: int = 1, replicas: int = 0) -> dict[str, Any]:
    return {"number_of_shards": shards, "number_of_replicas": replicas}


def distinct_tokens(analysis: Analysis, stream: str) -> list[str]:
    return list(dict.fromkeys(getattr(analysis, stream)))[:MAX_TOKENS_PER_STREAM]


def match_clauses(analysis: Analysis) -> list[dict[str, Any]]:
    """One `combined_fields` query per token stream over the fields fed by that stream.

    combined_fields scores a stream's fields as one BM25F field, close to what the FTS5
    column filter with bm25 weights does. Field boosts must be >= 1 there, so within a
    stream they are the weights divided by the stream's smallest weight, and that
    smallest weight becomes the clause's boost. On the ALQAC dev questions this gave
    R@1 0.82 / MRR 0.876, against 0.76 / 0.817 for one `match` per field and 0.75 / 0.834
    for one global scaling (bench/RESULTS.md). User text is only ever a query value.
    """
    clauses = []
    for stream in dict.fromkeys(FIELD_STREAM.values()):
        tokens = distinct_tokens(analysis, stream)
        weighted = [(f, w) for f, w in SEARCH_FIELDS.items() if FIELD_STREAM[f] == stream and w > 0]
        if tokens and weighted:
            smallest = min(w for _, w in weighted)
            clauses.append(
                {
                    "combined_fields": {
                        "query": " ".join(tokens),
                        "fields": [f"{f}^{w / smallest:g}" for f, w in weighted],
                        "operator": "or",
                        "boost": smallest,
                    }
                }
            )
    return clauses


def filter_clauses(filters: Filters) -> list[dict[str, Any]]:
    """Non-scoring `filter` clauses: exact keyword terms and a numeric year range."""
    clauses: list[dict[str, Any]] = []
    for field, values in (
        ("doc_type", filters.doc_type),
        ("issuer", filters.issuer),
        ("status", filters.status),
        ("topic", filters.topic),
        ("doc_key", [number_key(n) for n in filters.doc_numbers]),
    ):
        if values:
            clauses.append({"terms": {field: list(values)}})
    if filters.article_number:
        clauses.append({"term": {"article_number": filters.article_number}})
    if filters.in_force_on:
        day = filters.in_force_on
        clauses.append({"range": {"in_force_from": {"lte": day}}})
        clauses.append(
            {
                "bool": {
                    "should": [
                        {"bool": {"must_not": {"exists": {"field": "in_force_until"}}}},
                        {"range": {"in_force_until": {"gt": day}}},
                    ]
                }
            }
        )
    year_range = {}
    if filters.year_from is not None:
        year_range["gte"] = filters.year_from
    if filters.year_to is not None:
        year_range["lte"] = filters.year_to
    if year_range:
        clauses.append({"range": {"year": year_range}})
    return clauses


def page_window(page: int, size: int) -> tuple[int, int]:
    """(from, size) inside Elasticsearch's result window; past it, no hits (totals still count)."""
    size = max(1, min(size, MAX_PAGE_SIZE))
    start = (max(page, 1) - 1) * size
    if start >= MAX_RESULT_WINDOW:
        return 0, 0
    return start, min(size, MAX_RESULT_WINDOW - start)


def facet_aggregations(sample: int = FACET_SAMPLE_SIZE) -> dict[str, Any]:
    """The facet counts over the best `sample` matches of each shard (a sampler aggregation), not every match."""
    facets = {
        name: {"terms": {"field": name, "size": FACET_SIZE, "order": [{"_count": "desc"}, {"_key": "asc"}]}}
        for name in FACET_FIELDS
    }
    return {FACET_SAMPLE: {"sampler": {"shard_size": sample}, "aggs": facets}}


def search_body(
    query: ParsedQuery, total_cap: int = TOTAL_HITS_CAP, facet_sample: int = FACET_SAMPLE_SIZE
) -> dict[str, Any] | None:
    """The request body for the articles index; None when there is nothing to search
    (no words and no filters), which the contract answers with an empty result. Totals are counted up to
    `total_cap` matches, facets over the best `facet_sample` of each shard."""
    should = match_clauses(query.analysis)
    filters = filter_clauses(query.filters)
    if not should and not filters:
        return None
    if should:
        bool_query: dict[str, Any] = {"should": should, "minimum_should_match": 1}
        # Ties broken by document and position so pages never overlap or skip.
        sort: list[Any] = ["_score", {"doc_key": "asc"}, {"ord": "asc"}]
    else:
        # Browsing by filters alone: a document's articles in their order.
        bool_query = {"must": [{"match_all": {}}]}
        sort = [{"doc_key": "asc"}, {"ord": "asc"}]
    if filters:
        bool_query["filter"] = filters
    scored: dict[str, Any] = {"bool": bool_query}
    if should:
        # Normative texts above news for the same match (same factor as the SQLite backend).
        scored = {
            "boosting": {
                "positive": scored,
                "negative": {"terms": {"doc_type": list(NON_NORMATIVE_TYPES)}},
                "negative_boost": NON_NORMATIVE_SCORE_FACTOR,
            }
        }
    start, size = page_window(query.page, query.size)
    body: dict[str, Any] = {
        "query": scored,
        # Only what a Hit shows: the token fields are ~5x the article text and were returned
        # and decoded for every hit (bench/RESULTS.md, "Load and scale").
        "_source": list(HIT_SOURCE_FIELDS),
        "sort": sort,
        "from": start,
        "size": size,
        "track_total_hits": total_cap,
    }
    if query.with_facets:
        body["aggs"] = facet_aggregations(facet_sample)
    return body


def facets_from_response(aggregations: dict[str, Any] | None) -> dict[str, list[tuple[str, int]]]:
    """Facet values as strings (years too), like the SQLite backend."""
    sample = (aggregations or {}).get(FACET_SAMPLE, {})
    return {
        name: [(str(bucket["key"]), int(bucket["doc_count"])) for bucket in sample.get(name, {}).get("buckets", [])]
        for name in FACET_FIELDS
    }


def facet_sample_count(aggregations: dict[str, Any] | None) -> int | None:
    """How many matches the facets were counted over (None: no facets were asked)."""
    sample = (aggregations or {}).get(FACET_SAMPLE)
    return None if sample is None else int(sample["doc_count"])
