"""Does the prunable Elasticsearch request (search_api/backends/es_ranking.py) give what the exact one gives,
and what does each cost? In process, no HTTP server, on one or more indexes side by side.

For the load texts of bench/load.py, each parsed as /api/search parses it, the backend's `search` runs with
`pruned_ranking` off (es_query.search_body: `boosting`, tie-break sort, sampler facets) and on, for page 1
with facets (/api/search), page 1 without (/api/ask's retrieval) and page 2 with facets. Compared: the hits
(article, order), their scores (to 1e-5), totals and whether they are lower bounds, the facets and their
sample size. Timed: wall-clock of `search` (the msearch, plus reading the page's stored fields by id when
the facet sample came from doc values).

    python bench/es_ranking_check.py --index http://127.0.0.1:9208/scale100 http://127.0.0.1:9209/scale100
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load_texts import query_texts  # noqa: E402
from search_api.backends import open_backend  # noqa: E402
from search_api.query import parse_query  # noqa: E402

FORMS = {"page 1, facets": (1, True), "page 1, no facets": (1, False), "page 2, facets": (2, True)}


def same(a, b) -> bool:
    return (
        [h.article_id for h in a.hits] == [h.article_id for h in b.hits]
        and [(h.doc_number, h.article_number) for h in a.hits] == [(h.doc_number, h.article_number) for h in b.hits]
        and all(abs(x.score - y.score) <= 1e-5 * max(1.0, abs(x.score)) for x, y in zip(a.hits, b.hits, strict=True))
        and (a.total, a.total_is_lower_bound) == (b.total, b.total_is_lower_bound)
    )


def same_facets(a, b) -> bool:
    return a.facets == b.facets and a.facets_sample == b.facets_sample


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", nargs="+", required=True)
    parser.add_argument("--texts", type=int, default=0, help="a spread of this many texts (0: all)")
    args = parser.parse_args()
    texts, _ = query_texts()
    if args.texts:
        texts = texts[:: max(1, len(texts) // args.texts)][: args.texts]
    print(f"{len(texts)} texts, load average {os.getloadavg()[0]:.1f}\n")
    print(
        "| index | engine | request | same hits, order, scores, totals | same facets "
        "| median ms exact → prunable | p90 ms exact → prunable |"
    )
    print("|---|---|---|---:|---:|---:|---:|")
    for url in args.index:
        backend = open_backend(url)
        engine = backend.stats()["engine"]
        known = backend.document_numbers()
        queries = [parse_query(text, known) for text in texts]
        for form, (page, facets) in FORMS.items():
            equal = equal_facets = 0
            timings: dict[bool, list[float]] = {False: [], True: []}
            for parsed in queries:
                parsed = replace(parsed, page=page, with_facets=facets)
                results = {}
                for pruned in (False, True):
                    backend.pruned_ranking = pruned
                    started = time.perf_counter()
                    results[pruned] = backend.search(parsed)
                    timings[pruned].append(1000 * (time.perf_counter() - started))
                equal += same(results[False], results[True])
                equal_facets += same_facets(results[False], results[True])
            p90 = {k: sorted(v)[int(0.9 * len(v))] for k, v in timings.items()}
            print(
                f"| {url} | {engine} | {form} | {equal}/{len(queries)} | {equal_facets}/{len(queries)} | "
                f"{statistics.median(timings[False]):.0f} → {statistics.median(timings[True]):.0f} | "
                f"{p90[False]:.0f} → {p90[True]:.0f} |",
                flush=True,
            )
        backend.close()


if __name__ == "__main__":
    main()
