"""What the embedded backend's ranked query costs: the FTS5 plan (bm25 over every match) and
the impact-ordered plan (search_api/backends/sqlite_impact.py), side by side on one index.

On each collection built by bench/scale_data.py, for each query text of bench/load.py:

- FTS5, rowid + bm25 of every matching row (the ranked query of the FTS5 plan);
- FTS5, count(*) of the matching rows (no scoring): the floor of any "score every match" plan;
- impact: the impact plan's ranked rows (at most N postings per query term, rescoring included);
- search(): the backend's whole search (ranking, facets, ten hits) under each plan,
  with how often the impact plan's top 10 is the FTS5 plan's top 10, in the same order.

    python bench/sqlite_query_cost.py --sizes 1 10 100 [--queries 60]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load_texts import query_texts  # noqa: E402
from bench.results import update_section  # noqa: E402
from bench.scale_data import sqlite_url  # noqa: E402
from search_api.backends import open_backend, sqlite_impact  # noqa: E402
from search_api.backends.sqlite_query import bm25_call, match_expression, query_tokens, selected_terms  # noqa: E402
from search_api.query import parse_query  # noqa: E402

SQL_PLANS = {
    "FTS5: rowid + bm25, all matches": "SELECT rowid, {bm25} AS score FROM articles WHERE articles MATCH ?"
    " ORDER BY score, rowid",
    "FTS5: count(*) only": "SELECT count(*) FROM articles WHERE articles MATCH ?",
}


def _timed(function, items) -> tuple[float, list]:
    """ms per item, after one untimed pass (every plan measured with its pages cached alike)."""
    for item in items:
        function(item)
    started = time.perf_counter()
    results = [function(item) for item in items]
    return (time.perf_counter() - started) / len(items) * 1000, results


def measure(size: int, count: int) -> list[str]:
    backend = open_backend(sqlite_url(size))
    db = backend.db
    rows = backend._shared.rows(db)
    texts, _ = query_texts()
    parsed, matches, phrases = [], [], []
    for text in texts[:count]:
        query = parse_query(text, [])
        doc_freq = backend._shared.doc_freq(db, query_tokens(query.analysis))
        expression = match_expression(query.analysis, doc_freq, rows)
        if expression:
            parsed.append(query)
            matches.append(expression)
            selected = selected_terms(query.analysis, doc_freq, rows)
            phrases.append([(s, t) for s, tokens in selected.items() for t in tokens])
    out = []

    def line(name: str, ms: float, found: str, same: str = "") -> None:
        out.append(f"| {size}× | {rows:,} | {name} | {ms:.1f} | {found} | {same} |")

    for name, template in SQL_PLANS.items():
        sql = template.format(bm25=bm25_call())
        ms, results = _timed(lambda m, sql=sql: db.execute(sql, [m]).fetchall(), matches)
        found = sum(r[0][0] if name.endswith("only") else len(r) for r in results) / len(results)
        line(name, ms, f"{found:,.0f}")
    ms, ranked = _timed(lambda p: sqlite_impact.ranked_rows(db, p, backend.per_term, backend.rescore, 0), phrases)
    cut = sum(r.truncated for r in ranked)
    line(
        f"impact: ranked rows (N={backend.per_term})",
        ms,
        f"{sum(len(r.rows) for r in ranked) / len(ranked):,.0f} candidates; {cut}/{len(ranked)} with a cut term",
    )
    tops, totals = {}, {}
    for plan in ("fts", "impact"):
        backend.plan = plan
        ms, results = _timed(backend.search, parsed)
        tops[plan] = [[(h.doc_number, h.article_id) for h in r.hits] for r in results]
        totals[plan] = [r.total for r in results]
        same = ""
        if plan == "impact":
            identical = sum(a == b for a, b in zip(tops["fts"], tops["impact"], strict=True))
            top1 = sum(a[:1] == b[:1] for a, b in zip(tops["fts"], tops["impact"], strict=True))
            errors = sorted(abs(e - x) / x for e, x in zip(totals["impact"], totals["fts"], strict=True) if x) or [0.0]
            same = (
                f"top 10 {identical}/{len(parsed)}, top 1 {top1}/{len(parsed)}; total off by "
                f"{errors[len(errors) // 2]:.0%} (median), {errors[-1]:.0%} (max)"
            )
        estimates = sum(r.total_is_estimate for r in results)
        line(f"search(), {plan} plan (facets, 10 hits)", ms, f"{estimates} totals estimated", same)
    backend.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--queries", type=int, default=60)
    parser.add_argument("--no-write", action="store_true", help="print only, leave bench/RESULTS.md alone")
    args = parser.parse_args()
    lines = [
        "| size | rows | query | ms per query | rows per query | same as FTS5 plan |",
        "|---:|---:|---|---:|---|---|",
    ]
    for size in args.sizes:
        lines += measure(size, args.queries)
        print("\n".join(lines), flush=True)
    body = (
        f"The first {args.queries} query texts of bench/load.py, one thread, in process (no HTTP), one after "
        "the other per plan; shared 2-core machine, so compare rows of the same size.\n\n" + "\n".join(lines)
    )
    if args.no_write:
        return
    update_section(
        "Load and scale: the SQLite FTS5 query", body, "python bench/sqlite_query_cost.py " + " ".join(sys.argv[1:])
    )


if __name__ == "__main__":
    main()
