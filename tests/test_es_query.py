"""Elasticsearch request bodies as data, without a server."""

from __future__ import annotations

import json

import pytest

from ingest.analysis import Analysis
from ingest.index_contract import FACET_FIELDS, SEARCH_FIELDS, Filters, ParsedQuery
from ingest.numbers import number_key
from search_api.backends.es_query import (
    ARTICLES_MAPPING,
    DOCUMENTS_MAPPING,
    FACET_SAMPLE,
    FACET_SAMPLE_SIZE,
    MAX_PAGE_SIZE,
    MAX_RESULT_WINDOW,
    MAX_TOKENS_PER_STREAM,
    TOTAL_HITS_CAP,
    document_list_body,
    document_list_row,
    facet_sample_count,
    facets_from_response,
    page_window,
    search_body,
    title_in_doc_values,
)

HOSTILE = ["zzqx", "title:zzqx*", '"zzqx', "zzqx)", "OR", '{"script":1}', "zzqx^9", "zzqx~2"]


def parsed(words=(), syllables=(), folded=(), **kwargs) -> ParsedQuery:
    return ParsedQuery(text=" ".join(words), analysis=Analysis(tuple(words), tuple(syllables), tuple(folded)), **kwargs)


def strings_with_paths(value, path=()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from strings_with_paths(key, path + ("<key>",))
            yield from strings_with_paths(item, path + (key,))
    elif isinstance(value, list):
        for item in value:
            yield from strings_with_paths(item, path + ("[]",))
    elif isinstance(value, str):
        yield path, value


def test_user_text_appears_only_inside_match_values():
    # Even tokens that could never come out of analysis stay plain match values.
    body = search_body(parsed(HOSTILE, HOSTILE, HOSTILE, filters=Filters(doc_type=["Luật"])))
    serialized = json.dumps(body)
    for forbidden in ("query_string", "simple_query_string", "script", "regexp", "wildcard", "prefix", "fuzzy"):
        assert f'"{forbidden}"' not in serialized
    carriers = [(path, text) for path, text in strings_with_paths(body) if "zzqx" in text or "OR" in text.split()]
    assert carriers
    for path, _text in carriers:
        assert path == ("query", "boosting", "positive", "bool", "should", "[]", "combined_fields", "query"), path


def query_bool(body) -> dict:
    """The bool query inside the news-demoting `boosting` wrapper (or the bare one when browsing)."""
    query = body["query"]
    return query["boosting"]["positive"]["bool"] if "boosting" in query else query["bool"]


def test_news_is_demoted_by_the_shared_factor_not_filtered():
    from ingest.index_contract import NON_NORMATIVE_SCORE_FACTOR, NON_NORMATIVE_TYPES

    boosting = search_body(parsed(["nạn_nhân"], ["nạn", "nhân"], ["nan", "nhan"]))["query"]["boosting"]
    assert boosting["negative"] == {"terms": {"doc_type": list(NON_NORMATIVE_TYPES)}}
    assert 0 < boosting["negative_boost"] == NON_NORMATIVE_SCORE_FACTOR < 1


def stream_queries(body) -> dict[str, dict]:
    """combined_fields clauses keyed by the first field they cover."""
    return {c["combined_fields"]["fields"][0].split("^")[0]: c["combined_fields"] for c in query_bool(body)["should"]}


def test_one_combined_fields_query_per_stream_with_weight_ratios():
    body = search_body(parsed(["nạn_nhân"], ["nạn", "nhân"], ["nan", "nhan"]))
    queries = stream_queries(body)
    covered = {f.split("^")[0] for q in queries.values() for f in q["fields"]}
    assert covered == {f for f, w in SEARCH_FIELDS.items() if w > 0}
    assert all(q["operator"] == "or" for q in queries.values())
    assert queries["head_words"]["query"] == "nạn_nhân"
    assert queries["head_fold"]["query"] == "nan nhan"
    assert queries["head_bi"]["query"] == "nan_nhan"
    boosts = {f.split("^")[0]: float(f.split("^")[1]) * q["boost"] for q in queries.values() for f in q["fields"]}
    assert all(float(f.split("^")[1]) >= 1 for q in queries.values() for f in q["fields"])  # ES refuses < 1
    assert all(abs(boosts[f] - w) < 1e-9 for f, w in SEARCH_FIELDS.items() if w > 0)
    assert query_bool(body)["minimum_should_match"] == 1


def test_tokens_are_deduplicated_and_capped():
    many = [f"t{i}" for i in range(500)] + ["t0"]
    body = search_body(parsed(many))
    head = stream_queries(body)["head_words"]
    assert len(head["query"].split()) == MAX_TOKENS_PER_STREAM


def test_filters_are_non_scoring_terms_and_range():
    filters = Filters(
        doc_type=["Luật"],
        issuer=["Quốc hội"],
        status=["con_hieu_luc"],
        topic=["39.8"],
        year_from=2012,
        year_to=2014,
        doc_numbers=["9/2013/nd-cp"],
        article_number="11",
    )
    clauses = query_bool(search_body(parsed(["x"], filters=filters)))["filter"]
    assert {"terms": {"doc_type": ["Luật"]}} in clauses
    assert {"terms": {"doc_key": [number_key("09/2013/NĐ-CP")]}} in clauses
    assert {"term": {"article_number": "11"}} in clauses
    assert {"range": {"year": {"gte": 2012, "lte": 2014}}} in clauses


def test_filters_without_words_browse_in_document_order():
    body = search_body(parsed(filters=Filters(doc_numbers=["66/2011/QH12"])))
    assert body["query"]["bool"]["must"] == [{"match_all": {}}]
    assert "should" not in body["query"]["bool"]
    assert body["sort"] == [{"doc_key": "asc"}, {"ord": "asc"}]


def test_nothing_to_search_builds_nothing():
    assert search_body(parsed()) is None


def test_pagination_is_capped():
    assert page_window(1, 10) == (0, 10)
    assert page_window(3, 10) == (20, 10)
    assert page_window(1, 5000) == (0, MAX_PAGE_SIZE)
    assert page_window(0, 0) == (0, 1)
    assert page_window(100, 100) == (9900, 100)
    assert page_window(101, 100) == (0, 0)  # past the result window: totals only
    start, size = page_window(334, 30)
    assert start + size <= MAX_RESULT_WINDOW


def test_facets_are_terms_aggregations_over_the_best_matches_only_when_asked():
    """Facets over every match made Elasticsearch collect every article holding any query word (bench/RESULTS.md,
    session 10): they are counted over a sample of the best matches, whose size the response reports."""
    body = search_body(parsed(["x"]))
    sample = body["aggs"][FACET_SAMPLE]
    assert sample["sampler"] == {"shard_size": FACET_SAMPLE_SIZE}
    assert set(sample["aggs"]) == set(FACET_FIELDS)
    assert all(agg["terms"]["field"] == name for name, agg in sample["aggs"].items())
    assert search_body(parsed(["x"]), facet_sample=7)["aggs"][FACET_SAMPLE]["sampler"] == {"shard_size": 7}
    assert "aggs" not in search_body(parsed(["x"], with_facets=False))
    aggregations = {FACET_SAMPLE: {"doc_count": 3, "year": {"buckets": [{"key": 2013, "doc_count": 2}]}}}
    facets = facets_from_response(aggregations)
    assert facets["year"] == [("2013", 2)] and facets["doc_type"] == []
    assert facet_sample_count(aggregations) == 3 and facet_sample_count(None) is None


def test_totals_are_counted_up_to_a_cap():
    """track_total_hits: true made the node score every match for the count; past the cap the total is a lower
    bound (relation 'gte'), which the API and the page say."""
    assert search_body(parsed(["x"]))["track_total_hits"] == TOTAL_HITS_CAP == 10_000
    assert search_body(parsed(["x"]), total_cap=5)["track_total_hits"] == 5
    browse = search_body(parsed(filters=Filters(doc_numbers=["09/2013/NĐ-CP"])))
    assert browse["track_total_hits"] == TOTAL_HITS_CAP


def test_articles_mapping_is_strict_and_whitespace_analysed():
    assert ARTICLES_MAPPING["dynamic"] == "strict"
    for field in SEARCH_FIELDS:
        assert ARTICLES_MAPPING["properties"][field]["analyzer"] == "whitespace"
    for field in FACET_FIELDS:
        assert ARTICLES_MAPPING["properties"][field]["type"] in ("keyword", "integer")


def test_document_list_reads_no_stored_field_when_the_title_is_in_doc_values():
    """The known-documents list (refreshed every 30 s) once read each document's whole _source, every
    article and the answer data, to keep three fields: 14.0 s at 100x the collection."""
    assert DOCUMENTS_MAPPING["properties"]["title"] == {"type": "keyword", "index": False, "ignore_above": 8191}
    assert title_in_doc_values(DOCUMENTS_MAPPING)
    body = document_list_body(title_in_doc_values=True)
    assert body == {
        "query": {"match_all": {}},
        "stored_fields": "_none_",
        "docvalue_fields": ["number", "type", "title"],
    }
    hit = {"fields": {"number": ["09/2013/NĐ-CP"], "title": ["Hướng dẫn"]}}
    assert document_list_row(hit) == ("09/2013/NĐ-CP", "", "Hướng dẫn")
    # No title in doc values (none, or too long for them): None, read from _source by the backend.
    assert document_list_row({"fields": {"number": ["X"], "type": ["Luật"]}}) == ("X", "Luật", None)


def test_document_list_of_an_index_made_before_the_title_in_doc_values_filters_source():
    old_mapping = {"properties": {"title": {"type": "text", "index": False}}}
    assert not title_in_doc_values(old_mapping)
    body = document_list_body(title_in_doc_values=False)
    assert body["_source"] == ["number", "type", "title"] and "stored_fields" not in body
    hit = {"_source": {"number": "09/2013/NĐ-CP", "type": "Nghị định", "title": None}}
    assert document_list_row(hit) == ("09/2013/NĐ-CP", "Nghị định", "")


def test_prunable_requests_only_where_they_pay():
    """combined_fields is prunable from Lucene 10.1 (Elasticsearch 9); on 8.15 two requests cost more than one,
    and on a small collection scoring every match is cheaper than a second request (bench/RESULTS.md, session 12)."""
    from search_api.backends.es_ranking import PRUNING_MIN_ARTICLES, prunes_cheaper

    assert prunes_cheaper(["9.2.0"], PRUNING_MIN_ARTICLES)
    assert not prunes_cheaper(["9.2.0"], PRUNING_MIN_ARTICLES - 1)
    assert not prunes_cheaper(["8.15.3"], 10 * PRUNING_MIN_ARTICLES)
    assert not prunes_cheaper(["9.2.0", "8.15.3"], 10 * PRUNING_MIN_ARTICLES)  # a cluster mid-upgrade
    assert not prunes_cheaper([], 10 * PRUNING_MIN_ARTICLES)


def test_prunable_requests_exclude_then_take_news_and_keep_the_tie_break():
    from ingest.index_contract import NON_NORMATIVE_TYPES
    from search_api.backends.es_ranking import side_bodies

    normative, news = side_bodies(
        parsed(["nạn_nhân"], ["nạn", "nhân"], ["nan", "nhan"], filters=Filters(year_from=2012))
    )
    bare = search_body(parsed(["nạn_nhân"], ["nạn", "nhân"], ["nan", "nhan"]))["query"]["boosting"]["positive"]["bool"]
    news_terms = {"terms": {"doc_type": list(NON_NORMATIVE_TYPES)}}
    assert normative["query"]["bool"]["should"] == news["query"]["bool"]["should"] == bare["should"]
    assert normative["query"]["bool"]["must_not"] == [news_terms]
    assert (
        news_terms in news["query"]["bool"]["filter"]
        and {"range": {"year": {"gte": 2012}}} in news["query"]["bool"]["filter"]
    )
    for body in (normative, news):
        assert body["sort"] == ["_score", {"doc_key": "asc"}, {"ord": "asc"}]
        assert "aggs" not in body and body["size"] == FACET_SAMPLE_SIZE  # page 1 of 10 with the facet sample
    assert side_bodies(parsed(filters=Filters(doc_numbers=["66/2011/QH12"]))) is None  # browsing: search_body


def test_merging_the_sides_applies_the_news_factor_and_the_tie_break():
    from search_api.backends.es_ranking import merged, merged_total

    def hit(score, key, ord_, doc_type="Luật"):
        return {"_score": score, "_source": {"doc_key": key, "ord": ord_, "doc_type": doc_type}}

    normative = [hit(2.0, "b", 0), hit(1.5, "a", 3), hit(1.5, "a", 1), hit(1.0, "c", 0)]
    news = [hit(2.0, "n", 0, "Tin tức"), hit(1.0, "m", 0, "Tin tức")]
    page, sample = merged(normative, news, 0, 6, 3)
    assert [(h["_source"]["doc_key"], h["_source"]["ord"]) for _s, h in page] == [
        ("b", 0),
        ("n", 0),
        ("a", 1),
        ("a", 3),
        ("c", 0),
        ("m", 0),
    ]
    assert page[1][0] == pytest.approx(1.7) and [f["doc_key"] for f in sample] == ["b", "n", "a"]
    assert merged_total([{"value": 7, "relation": "eq"}, {"value": 2, "relation": "eq"}], 10) == (9, False)
    assert merged_total([{"value": 7, "relation": "eq"}, {"value": 4, "relation": "eq"}], 10) == (10, True)
    assert merged_total([{"value": 10, "relation": "gte"}, {"value": 0, "relation": "eq"}], 10) == (10, True)
