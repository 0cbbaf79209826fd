"""What the embedded backend's ranked FTS5 query costs, and what reading stored columns added.

On each collection built by bench/scale_data.py, the same MATCH text (the backend's own
match_expression for each query text of bench/load.py) runs as:

- before: rowid, the five facet columns and bm25 of every matching row (the query the
  backend ran before facets moved to shared statistics): each stored column read walks the
  row's overflow pages, because the long token columns come first in the record;
- now: rowid and bm25 of every matching row (what the backend runs now);
- count: count(*) of the matching rows (no scoring): the floor for any "score every match" plan;
- top 10: rowid and bm25 with LIMIT 10 (still scores every match; SQLite only keeps 10).

    python bench/sqlite_query_cost.py --sizes 1 10 100 [--queries 60]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load import query_texts  # noqa: E402
from bench.results import update_section  # noqa: E402
from bench.scale_data import sqlite_url  # noqa: E402
from search_api.backends import open_backend  # noqa: E402
from search_api.backends.sqlite_query import bm25_call, match_expression, query_tokens  # noqa: E402
from search_api.query import parse_query  # noqa: E402

PLANS = {
    "before: facet columns + bm25, all matches": "SELECT rowid, doc_type, issuer, year, status, topic, {bm25} AS score"
    " FROM articles WHERE articles MATCH ? ORDER BY score, rowid",
    "now: rowid + bm25, all matches": "SELECT rowid, {bm25} AS score FROM articles WHERE articles MATCH ?"
    " ORDER BY score, rowid",
    "count(*) only": "SELECT count(*) FROM articles WHERE articles MATCH ?",
    "rowid + bm25, LIMIT 10": "SELECT rowid, {bm25} AS score FROM articles WHERE articles MATCH ?"
    " ORDER BY score, rowid LIMIT 10",
}


def measure(size: int, count: int) -> list[str]:
    backend = open_backend(sqlite_url(size))
    rows = backend._stats.rows(backend.db)
    texts, _ = query_texts()
    matches = []
    for text in texts[:count]:
        analysis = parse_query(text, []).analysis
        expression = match_expression(analysis, backend._stats.doc_freq(backend.db, query_tokens(analysis)), rows)
        if expression:
            matches.append(expression)
    out = []
    for name, template in PLANS.items():
        sql = template.format(bm25=bm25_call())
        backend.db.execute(sql, [matches[0]]).fetchall()  # page cache warm for every plan alike
        started, found = time.perf_counter(), 0
        for expression in matches:
            result = backend.db.execute(sql, [expression]).fetchall()
            found += result[0][0] if name.startswith("count") else len(result)
        per_query = (time.perf_counter() - started) / len(matches) * 1000
        out.append(f"| {size}× | {rows:,} | {name} | {per_query:.1f} | {found / len(matches):,.0f} |")
    backend.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--queries", type=int, default=60)
    args = parser.parse_args()
    lines = [
        "| size | rows | query | ms per query | rows returned (or counted) per query |",
        "|---:|---:|---|---:|---:|",
    ]
    for size in args.sizes:
        lines += measure(size, args.queries)
        print("\n".join(lines), flush=True)
    body = (
        f"The first {args.queries} query texts of bench/load.py, one thread, in process (no HTTP), one after "
        "the other per plan; shared 2-core machine, so compare rows of the same size.\n\n" + "\n".join(lines)
    )
    update_section(
        "Load and scale: the SQLite FTS5 query", body, "python bench/sqlite_query_cost.py " + " ".join(sys.argv[1:])
    )


if __name__ == "__main__":
    main()
