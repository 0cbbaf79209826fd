"""bench/load.py's report: rows of several worker counts and of the previous commit side by side."""

from __future__ import annotations

from types import SimpleNamespace

from bench.load import workers_label
from bench.load_report import render


def _row(backend: str, p95: float, round_: int, workers: int) -> dict:
    return {
        "size": 1,
        "backend": backend,
        "endpoint": "search",
        "connections": 8,
        "round": round_,
        "workers": workers,
        "requests": 3000,
        "rps": 200.0,
        "p50": p95 / 2,
        "p95": p95,
        "p99": p95 * 1.5,
        "max": p95 * 2,
        "errors": 0,
        "cpu_ms": 4.0,
        "load": 1.0,
        "server_rss_mb": 300.0,
    }


def test_workers_are_named_only_when_several_counts_are_measured():
    assert workers_label(2, [2]) == ""
    assert workers_label(1, [1, 2]) == ", 1 worker"
    assert workers_label(2, [1, 2]) == ", 2 workers"


def test_each_worker_count_is_compared_with_its_own_before_rows():
    rows = []
    for round_, (old, new) in enumerate([(100.0, 40.0), (120.0, 60.0), (90.0, 50.0)], start=1):
        for workers in (1, 2):
            name = "SQLite FTS5" + workers_label(workers, [1, 2])
            rows.append(_row(name + " (before)", old + workers, round_, workers))
            rows.append(_row(name, new + workers, round_, workers))
    builds = {"sqlite:1": {"articles": 2234, "documents": 72, "write_seconds": 5.9, "index_bytes": 63_000_000}}
    args = SimpleNamespace(seconds=15, workers=[1, 2], connections=[8])
    text = render(rows, builds, ["q"] * 450, args)
    assert "`wrk -t2 -c{8} -d15s`" in text and "`vnlex serve --workers 1 / 2`" in text
    # Medians of the three rounds, each worker count against its own "(before)" rows.
    assert "| 1× | SQLite FTS5, 1 worker | /api/search | 8 | 50.5 → 25.5 | 101.0 → 51.0 | 0.50 |" in text
    assert "| 1× | SQLite FTS5, 2 workers | /api/search | 8 | 51.0 → 26.0 | 102.0 → 52.0 | 0.51 |" in text
    assert "- SQLite FTS5, 1 worker, 1×, /api/search p95 at 8 clients ≤ 50 ms: 51.0 ms, NOT met" in text


def test_a_profile_of_another_checkout_names_it():
    from pathlib import Path

    from bench.profile_server import ROOT, part

    result = {"requests": 3000, "p50": 30.0, "p95": 50.0}
    shares = [(50.0, "search")]
    mine = part("sqlite:///x", "search", ROOT, 15, result, 100, shares, shares)
    theirs = part("sqlite:///x", "search", Path("/tmp/old"), 15, result, 100, shares, shares)
    assert mine.startswith("**sqlite:///x, /api/search**, 1 server process")
    assert theirs.startswith("**sqlite:///x, /api/search** (code of /tmp/old), 1 server process")
    assert "| 50.0% `search` | 50.0% `search` |" in mine
