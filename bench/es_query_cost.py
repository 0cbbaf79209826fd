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
  These change the ranking and are not proposals as they are.

    python bench/es_query_cost.py --index http://127.0.0.1:9206/scale100 [--texts 40] [--rounds 2]
"""

from __future__ import annotations

import argparse
import copy
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
    "diagnostic: ... and no boosting wrapper (news x 0.85 dropped)": no_boosting,
    "diagnostic: ... and one match per field instead of combined_fields": per_field_no_boosting,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--texts", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    backend = open_backend(args.index)
    known = backend.document_numbers()
    texts, _ = query_texts()
    texts = texts[:: max(1, len(texts) // args.texts)][: args.texts]
    bodies = [body for body in (search_body(parse_query(text, known)) for text in texts) if body is not None]
    took: dict[str, list[int]] = {name: [] for name in VARIANTS}
    index = backend.alias("articles")
    for _ in range(args.rounds):
        for body in bodies:
            for name, variant in VARIANTS.items():
                took[name].append(backend.client.search(index=index, **variant(body))["took"])
    print(f"{len(bodies)} texts x {args.rounds} rounds, {args.index}\n")
    print("| request body | median took ms | p90 ms | sum s |\n|---|---:|---:|---:|")
    for name, values in took.items():
        p90 = sorted(values)[int(0.9 * len(values))]
        print(f"| {name} | {statistics.median(values):.0f} | {p90} | {sum(values) / 1000:.1f} |")


if __name__ == "__main__":
    main()
