"""The ranked search as requests Lucene can prune, with the same hits, order, scores and totals as
es_query.search_body, and facets over the same number of best matches (at a tie on the sample's edge, in the
contract's order, where the sampler aggregation went by index order).

search_body asks for the ranking as the contract states it: news × NON_NORMATIVE_SCORE_FACTOR through a
`boosting` wrapper and the facets as a `sampler` aggregation. Either makes Lucene score and collect every
article holding any query word: `boosting` is a FunctionScoreQuery, whose maximum score is unbounded, and an
aggregation needs every match. At 100× the collection that was ~130 ms of node time per search, on
Elasticsearch 8.15.3 and 9.2.0 alike (bench/RESULTS.md, "Elasticsearch at 100× (issue 11, session 12)").

Here one msearch holds two requests with the same words query: on the normative texts (news excluded) and on
the news alone, each sorted by (score, doc_key, ord) for its best `depth` matches, hits or facet fields only.
The news factor is one per side, so merging the two sorted lists with it gives the contract's order exactly
for the first `depth` (the page and the facet sample). Without the wrapper and the aggregation Lucene skips
what cannot reach the best `depth` (block-max WAND / MAXSCORE; a field sort after `_score` does not prevent
it) — for `combined_fields` only from Lucene 10.1 (apache/lucene#13999), i.e. Elasticsearch 9: on 8.15 the
two requests cost more than one (prunes_cheaper).
"""

from __future__ import annotations

import struct
from collections import Counter
from typing import Any

from ingest.index_contract import FACET_FIELDS, NON_NORMATIVE_SCORE_FACTOR, NON_NORMATIVE_TYPES, ParsedQuery
from search_api.backends.es_query import (
    FACET_SAMPLE_SIZE,
    FACET_SIZE,
    HIT_SOURCE_FIELDS,
    TOTAL_HITS_CAP,
    filter_clauses,
    match_clauses,
    page_window,
)

SORT_FIELDS = ("doc_key", "ord")
# When the prunable requests are cheaper than search_body: on Lucene 10.1+ (Elasticsearch 9), where
# `combined_fields` can skip, and past about 10x the corpus, where scoring every match costs more than a second
# request (in process, ES 9.2.0: 7 -> 15 ms a search with facets at 1x, 21 -> 22 at 10x, 149 -> 61 at 100x;
# on 8.15.3 at 100x 141 -> 152: nothing is skipped there). Asked again after this many seconds.
PRUNING_MIN_MAJOR_VERSION = 9
PRUNING_MIN_ARTICLES = 25_000
PRUNING_RECHECK_SECONDS = 300.0


def prunes_cheaper(versions: list[str], articles: int) -> bool:
    """Whether the prunable requests pay on nodes of these versions (every one) with this many articles."""
    majors = [int(version.split(".")[0]) for version in versions if version.split(".")[0].isdigit()]
    return bool(majors) and min(majors) >= PRUNING_MIN_MAJOR_VERSION and articles >= PRUNING_MIN_ARTICLES


def article_id(doc_key: str, position: int) -> str:
    """The _id of an article in the articles index (es_writes), from its document's key and position."""
    return f"{doc_key}|{position}"


def _float32(value: float) -> float:
    """The engine's scores are 32-bit floats: rounded the same way, a tie there is a tie here."""
    return struct.unpack("f", struct.pack("f", value))[0]


NEWS = {"terms": {"doc_type": list(NON_NORMATIVE_TYPES)}}


def side_bodies(
    query: ParsedQuery, total_cap: int = TOTAL_HITS_CAP, facet_sample: int = FACET_SAMPLE_SIZE
) -> list[dict[str, Any]] | None:
    """The prunable requests for a words query, normative texts first, then news: each the bare query by the
    contract's order for its best `depth` matches. None when they do not apply: no words (browsing by
    filters), or a page deeper than the engine's window."""
    should = match_clauses(query.analysis)
    if not should:
        return None
    start, size = page_window(query.page, query.size)
    if size == 0:
        return None
    depth = max(start + size, facet_sample if query.with_facets else 0)
    filters = filter_clauses(query.filters)
    bodies = []
    for side in ({"must_not": [NEWS]}, {"filter": [NEWS]}):
        bool_query: dict[str, Any] = {"should": should, "minimum_should_match": 1, **side}
        if filters:
            bool_query["filter"] = filters + bool_query.get("filter", [])
        body: dict[str, Any] = {
            "query": {"bool": bool_query},
            # The tie-break stays with the engine: after `_score` it does not stop Lucene from pruning.
            "sort": ["_score", *({name: "asc"} for name in SORT_FIELDS)],
            "size": depth,
            "track_total_hits": total_cap,
        }
        if query.with_facets:
            # Hundreds of matches: their sort keys and facet values from doc values only, no stored field at
            # all (not even _id); the page's few hits are read afterwards by id (page_hits_body).
            body.update(_source=False, stored_fields="_none_", docvalue_fields=[*SORT_FIELDS, *FACET_FIELDS])
        else:
            body["_source"] = [*HIT_SOURCE_FIELDS, *SORT_FIELDS]
        bodies.append(body)
    return bodies


def _fields(hit: dict[str, Any]) -> dict[str, Any]:
    """A hit's sort keys and facet values, from _source or from doc values (first value)."""
    if "_source" in hit:
        return hit["_source"]
    return {name: values[0] for name, values in hit.get("fields", {}).items() if values}


def merged(
    normative: list[dict[str, Any]], news: list[dict[str, Any]], start: int, end: int, facet_sample: int | None
) -> tuple[list[tuple[float, dict[str, Any]]], list[dict[str, Any]]]:
    """The page's hits as (score with the news factor, hit) and the facet sample's fields, in the contract's
    order (score, then doc_key, then ord). Exact: each side is in that order already, and the factor is one
    per side, so the first n of the merge come from the first n of each side."""
    rows = []
    for hits, factor in ((normative, 1.0), (news, NON_NORMATIVE_SCORE_FACTOR)):
        for hit in hits:
            fields = _fields(hit)
            score = _float32(float(hit["_score"]))
            if factor != 1.0:
                score = _float32(score * factor)  # as the `boosting` query computed it, in 32 bits
            rows.append((-score, fields.get("doc_key") or "", int(fields.get("ord") or 0), hit, fields))
    rows.sort(key=lambda row: row[:3])
    page = [(-row[0], row[3]) for row in rows[start:end]]
    sample = [row[4] for row in rows[:facet_sample]] if facet_sample is not None else []
    return page, sample


def merged_total(totals: list[dict[str, Any]], cap: int) -> tuple[int, bool]:
    """(total, whether it is a lower bound) of both sides, counted up to the cap as one request would."""
    value = sum(int(total["value"]) for total in totals)
    lower_bound = any(total["relation"] == "gte" for total in totals) or value > cap
    return min(value, cap), lower_bound


def sample_facets(sample: list[dict[str, Any]]) -> dict[str, list[tuple[str, int]]]:
    """Facet counts over the sample, ordered as the terms aggregation did (count, then value), as strings."""
    facets = {}
    for name in FACET_FIELDS:
        counts = Counter(fields[name] for fields in sample if fields.get(name) is not None)
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:FACET_SIZE]
        facets[name] = [(str(value), count) for value, count in ordered]
    return facets


def page_hits_body(ids: list[str]) -> dict[str, Any]:
    """The page's hits by id, with the stored fields a Hit shows."""
    return {"query": {"ids": {"values": ids}}, "size": len(ids), "_source": list(HIT_SOURCE_FIELDS)}
