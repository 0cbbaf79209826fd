"""What an Elasticsearch search costs the node, by the shape of its request body, in process (no HTTP server).

For the load texts of bench/load.py (a spread of them), each variant of the articles query is sent one
at a time and the node's own `took` is recorded; rounds alternate the variants so a busy moment of the
shared machine hits them alike. The variants:

- `exact totals, facets over every match`: the body before session 10 (track_total_hits true, terms
  aggregations over every match), as /api/search sent it;
- `capped totals, facets over 500 best`: the body now (es_query.search_body);
- the same two without facets, as /api/ask sends them (with_facets=False);
- diagnostics of what keeps Lucene from skipping documents (block-max WAND / MAXSCORE): no total at all,
  score-only sort, no `boosting` wrapper, and one `match` per field instead of `combined_fields`.
  These change the ranking and are not proposals as they are;
- (session 12) the news factor as two disjoint clauses of one query; and the two requests of
  search_api/backends/es_ranking.py one by one (normative texts, news; the page, and the 500-best facet
  sample from doc values). Scoring every match is what they avoid; Lucene prunes them only where
  `combined_fields` can be pruned (Lucene 10.1+, Elasticsearch 9).

Several --index URLs (e.g. the same collection on Elasticsearch 8.15.3 and 9.2.0) are measured side by
side, each request sent to each in turn.

    python bench/es_query_cost.py --index http://127.0.0.1:9209/scale100 http://127.0.0.1:9208/scale100 \
        [--texts 40] [--rounds 2]
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load_texts import query_texts  # noqa: E402
from search_api.backends import open_backend  # noqa: E402
from search_api.backends.es_query import FACET_SAMPLE, search_body  # noqa: E402
from search_api.query import parse_query  # noqa: E402

Body = dict[str, Any]


def before(body: Body) -> Body:
    """The body of the code before bounded totals and facets."""
    old = copy.deepcopy(body)
    old["track_total_hits"] = True
    if "aggs" in old:
        old["aggs"] = old["aggs"][FACET_SAMPLE]["aggs"]
    return old


def without_facets(body: Body) -> Body:
    trimmed = copy.deepcopy(body)
    trimmed.pop("aggs", None)
    return trimmed


def no_total_score_sort(body: Body) -> Body:
    trimmed = without_facets(body)
    trimmed["track_total_hits"] = False
    trimmed["sort"] = ["_score"]
    return trimmed


def no_boosting(body: Body) -> Body:
    trimmed = no_total_score_sort(body)
    if "boosting" in trimmed["query"]:
        trimmed["query"] = trimmed["query"]["boosting"]["positive"]
    return trimmed


def news_split(body: Body) -> Body:
    """The `boosting` wrapper as two disjoint clauses: normative articles at full score, news under a 0.85
    boost (the same scores, up to float rounding), which Lucene can prune like any disjunction."""
    trimmed = copy.deepcopy(body)
    boosting = trimmed["query"].get("boosting")
    if boosting:
        positive, negative = boosting["positive"], boosting["negative"]
        trimmed["query"] = {
            "bool": {
                "should": [
                    {"bool": {"must": [positive], "must_not": [negative]}},
                    {"bool": {"must": [positive], "filter": [negative], "boost": boosting["negative_boost"]}},
                ]
            }
        }
    return trimmed


def score_sort(body: Body) -> Body:
    """Sorted by score alone (ties in index order), one more hit than the page to see a tie at its end."""
    trimmed = without_facets(body)
    trimmed.pop("sort", None)
    trimmed["size"] = trimmed["from"] + trimmed["size"] + 1
    trimmed["from"] = 0
    return trimmed


def split_capped(body: Body) -> Body:
    return news_split(score_sort(body))


def split_cap_1000(body: Body) -> Body:
    trimmed = split_capped(body)
    trimmed["track_total_hits"] = 1000
    return trimmed


def split_no_total(body: Body) -> Body:
    trimmed = split_capped(body)
    trimmed["track_total_hits"] = False
    return trimmed


def _one_side(body: Body, news: bool) -> Body:
    """Half of the news factor as two searches (one msearch): the bare query on normative texts or on news."""
    trimmed = score_sort(body)
    boosting = trimmed["query"].get("boosting")
    if boosting:
        positive = copy.deepcopy(boosting["positive"]["bool"])
        positive["filter" if news else "must_not"] = positive.get("filter" if news else "must_not", []) + [
            boosting["negative"]
        ]
        trimmed["query"] = {"bool": positive}
    return trimmed


def normative_side(body: Body) -> Body:
    return _one_side(body, news=False)


def news_side(body: Body) -> Body:
    return _one_side(body, news=True)


def _sample_side(body: Body, news: bool, total: Any) -> Body:
    """A side's 500 best matches, facet fields and sort keys from doc values only (no _source)."""
    from ingest.index_contract import FACET_FIELDS

    trimmed = _one_side(body, news)
    trimmed.update(size=500, _source=False, docvalue_fields=[*FACET_FIELDS, "doc_key", "ord"], track_total_hits=total)
    return trimmed


def _per_field(query: Any) -> Any:
    if isinstance(query, dict):
        if "combined_fields" in query:
            combined = query["combined_fields"]
            return {
                "bool": {
                    "should": [
                        {
                            "match": {
                                field.split("^")[0]: {
                                    "query": combined["query"],
                                    "boost": float(field.split("^")[1]) * combined["boost"],
                                }
                            }
                        }
                        for field in combined["fields"]
                    ]
                }
            }
        return {key: _per_field(value) for key, value in query.items()}
    if isinstance(query, list):
        return [_per_field(item) for item in query]
    return query


def per_field_no_boosting(body: Body) -> Body:
    trimmed = no_boosting(body)
    trimmed["query"] = _per_field(trimmed["query"])
    return trimmed


VARIANTS = {
    "/api/search before: exact totals, facets over every match": lambda b: before(b),
    "/api/search now: totals capped at 10,000, facets over the 500 best": lambda b: b,
    "/api/ask before: exact totals, no facets": lambda b: without_facets(before(b)),
    "/api/ask now: totals capped, no facets": without_facets,
    "diagnostic: no total, sort by score only": no_total_score_sort,
    "news as two disjoint clauses, score sort, no facets, totals capped at 10,000": split_capped,
    "... totals capped at 1,000": split_cap_1000,
    "... no total": split_no_total,
    "two searches, 1: normative texts only (must_not news), score sort, totals capped": normative_side,
    "two searches, 2: news only (filter), score sort, totals capped": news_side,
    "two searches, 1, 500 best, doc values only, totals capped": lambda b: _sample_side(b, False, 10_000),
    "two searches, 1, 500 best, doc values only, no total": lambda b: _sample_side(b, False, False),
    "two searches, 2, 500 best, doc values only, totals capped": lambda b: _sample_side(b, True, 10_000),
    "diagnostic: ... and no boosting wrapper (news x 0.85 dropped)": no_boosting,
    "diagnostic: ... and one match per field instead of combined_fields": per_field_no_boosting,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True, nargs="+", help="one or more, measured side by side")
    parser.add_argument("--texts", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    backends = [open_backend(url) for url in args.index]
    known = backends[0].document_numbers()
    texts, _ = query_texts()
    texts = texts[:: max(1, len(texts) // args.texts)][: args.texts]
    bodies = [body for body in (search_body(parse_query(text, known)) for text in texts) if body is not None]
    took: dict[tuple[str, int], list[int]] = {(name, i): [] for name in VARIANTS for i in range(len(backends))}
    for _ in range(args.rounds):
        for body in bodies:
            for name, variant in VARIANTS.items():
                for i, backend in enumerate(backends):
                    response = backend.client.search(index=backend.alias("articles"), **variant(body))
                    took[name, i].append(response["took"])
    versions = [backend.stats()["engine"] for backend in backends]
    print(f"{len(bodies)} texts x {args.rounds} rounds, load average {os.getloadavg()[0]:.1f}\n")
    head = " | ".join(f"{url} ({version}) median ms | p90" for url, version in zip(args.index, versions, strict=True))
    print(f"| request body | {head} |\n|---|{'---:|---:|' * len(backends)}")
    for name in VARIANTS:
        cells = []
        for i in range(len(backends)):
            values = took[name, i]
            cells.append(f"{statistics.median(values):.0f} | {sorted(values)[int(0.9 * len(values))]}")
        print(f"| {name} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
