"""Load and scale: `wrk` against `vnlex serve` on both backends, at 1x, 10x and 100x the collection.

For each collection size (built by bench/scale_data.py) and each backend, side by side in
one run, it starts `vnlex serve --workers 2` (or each count of --workers) on a loopback port (8106+), warms it up with
texts that are not measured, then drives /api/search and /api/ask with wrk at 8 and 32
connections. wrk is a C load generator (Debian package `wrk`): the server's Python is not
competing with Python client threads for the two cores. Its Lua script cycles through
distinct real question texts (the domain dev set and the ALQAC questions, each with and
without diacritics and also cut to its first 8 words, as users type keywords), each
connection starting at another offset. The server has no result cache.

Recorded per run: p50/p95/p99 latency, req/s, errors (socket errors, timeouts, non-2xx),
plus per collection the index size, write time and the memory (RSS) of the server
processes and of the Elasticsearch node.

The parts: the query texts (bench/load_texts.py), wrk and its Lua script (bench/wrk.py), the
server under test and its processes' CPU and memory (bench/load_server.py), the Markdown report
(bench/load_report.py).

    apt-get install wrk      # Debian/Ubuntu; the script says so when wrk is missing
    python bench/scale_data.py --sizes 1 10 100 --es http://127.0.0.1:9206
    python bench/load.py --sizes 1 10 100 --es http://127.0.0.1:9206 [--repeat 2] [--seconds 15]
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load_server import (  # noqa: E402
    cpu_seconds,
    es_rss_mb,
    rss_mb,
    start_server,
    stop_server,
    wait_until_settled,
    warm_request,
)
from bench.load_texts import query_texts  # noqa: E402
from bench.scale_data import WORK_DIR, es_url, sqlite_url  # noqa: E402
from bench.wrk import INSTALL_HINT, lua_script, run_wrk  # noqa: E402

FIRST_PORT = 8106
# Backend names of the embedded query plans (search_api/backends/sqlite.py PLAN_ENV).
SQLITE_PLANS = {"impact": "SQLite FTS5", "fts": "SQLite FTS5, bm25 over all matches (before)"}


def measure(
    name: str,
    index: str,
    port: int,
    args,
    texts,
    warm,
    folder: Path,
    extra_env=None,
    root: Path = ROOT,
    workers: int = 2,
) -> list[dict]:
    process = start_server(index, port, workers, extra_env, args.startup_seconds, root)
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        settled = wait_until_settled(process.pid, args.settle_seconds) if args.settle_seconds else None
        for endpoint in args.endpoint:
            script = lua_script(folder, endpoint, texts)
            warm_script = lua_script(folder / "warm", endpoint, warm)
            # Caches, statistics and the first /api/ask (seconds) in every server process, unmeasured.
            with ThreadPoolExecutor(2 * workers) as pool:
                list(pool.map(functools.partial(warm_request, base, endpoint), warm[:8]))
            run_wrk(base, warm_script, 4, 3)
            # --rounds-per-server: the rounds run on one started server (a 100x server takes minutes to start).
            for inner in range(args.rounds_per_server):
                for connections in args.connections:
                    cpu_before = cpu_seconds(process.pid)
                    result = run_wrk(base, script, connections, args.seconds)
                    # Server CPU per answered request: unlike latency, it hardly depends on what else the
                    # shared machine runs, so it compares two commits fairly.
                    result["cpu_ms"] = 1000 * (cpu_seconds(process.pid) - cpu_before) / max(1, result["requests"])
                    # The machine is shared: the 1-minute load average at the end of the run goes with it.
                    result.update(backend=name, endpoint=endpoint, connections=connections, load=os.getloadavg()[0])
                    result["workers"] = workers
                    result["inner_round"] = inner + 1
                    result["settle_s"] = settled
                    print(json.dumps(result), flush=True)
                    rows.append(result)
        server_rss = rss_mb(process.pid)
        for row in rows:
            row["server_rss_mb"] = server_rss
    finally:
        stop_server(process)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument(
        "--es",
        nargs="*",
        default=["http://127.0.0.1:9206"],
        help="Elasticsearch servers (none or '' to skip); several are measured side by side, each named with "
        "its version",
    )
    parser.add_argument(
        "--es-exact-before",
        action="store_true",
        help="also run each Elasticsearch server with VNLEX_ES_PRUNED_RANKING=0 (es_query.search_body for every "
        "words query: the request before es_ranking), its rows labelled '(before)'",
    )
    parser.add_argument("--endpoint", nargs="+", default=["search", "ask"])
    parser.add_argument("--connections", type=int, nargs="+", default=[8, 32])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[2],
        help="server processes (2 cores); several counts are measured side by side, each a row of its own",
    )
    parser.add_argument("--repeat", type=int, default=1, help="whole rounds, to see the noise")
    parser.add_argument(
        "--rounds-per-server",
        type=int,
        default=1,
        help="rounds measured on each started server, one after the other (each a row, medians in the report)",
    )
    parser.add_argument("--no-write", action="store_true", help="print only, leave bench/RESULTS.md alone")
    parser.add_argument("--append", action="store_true", help="add rounds to the previous run's figures (load.json)")
    parser.add_argument("--report-only", action="store_true", help="write RESULTS.md from load.json, measure nothing")
    parser.add_argument(
        "--sqlite-plans",
        nargs="*",
        default=["impact"],
        choices=list(SQLITE_PLANS),
        help="embedded query plans to run side by side (VNLEX_SQLITE_PLAN): fts = bm25 over every match (before); "
        "none: Elasticsearch only",
    )
    parser.add_argument(
        "--before",
        type=Path,
        help="another checkout (e.g. `git archive` of the previous commit): each server also runs from it, "
        "just before, its rows labelled '(before)'",
    )
    parser.add_argument(
        "--settle-seconds",
        type=float,
        default=0,
        help="after start-up, wait up to this long for the server's processes to go idle (every worker's start-up "
        "work done) before measuring",
    )
    parser.add_argument("--first-port", type=int, default=FIRST_PORT)
    parser.add_argument("--startup-seconds", type=float, default=120, help="wait this long for /api/health")
    parser.add_argument("--section", default="Load and scale (wrk)", help="bench/RESULTS.md section to write")
    args = parser.parse_args()
    texts, warm = query_texts()
    builds = json.loads((WORK_DIR / "builds.json").read_text())
    saved = WORK_DIR / "load.json"
    rows = json.loads(saved.read_text()) if (args.append or args.report_only) and saved.exists() else []
    if args.report_only:
        write_report(rows, builds, texts, args)
        return
    if shutil.which("wrk") is None:
        raise SystemExit(INSTALL_HINT)
    first_round = max((r["round"] for r in rows), default=0) + 1
    es_servers = [server for server in args.es if server]
    with tempfile.TemporaryDirectory(prefix="vnlex-load-") as tmp:
        folder = Path(tmp)
        (folder / "warm").mkdir()
        for round_ in range(first_round, first_round + args.repeat):
            for size in args.sizes:
                # Search-only runs skip warming the answer layer (minutes at 100x; /api/search never uses it).
                search_only = {} if "ask" in args.endpoint else {"VNLEX_WARM_ANSWERS": "0"}
                targets = [
                    (SQLITE_PLANS[plan], "sqlite", sqlite_url(size), {"VNLEX_SQLITE_PLAN": plan, **search_only})
                    for plan in args.sqlite_plans
                ]
                for server in es_servers:
                    name = "Elasticsearch" + (f" {es_version(server)}" if len(es_servers) > 1 else "")
                    # Search-only on Elasticsearch too: its workers' answer-layer start-up (every document's answer
                    # data scrolled from the node, minutes at 100x) ran under the measured searches before.
                    targets.append((name, "elasticsearch", es_url(server, size), dict(search_only)))
                    if args.es_exact_before:
                        exact = {"VNLEX_ES_PRUNED_RANKING": "0", **search_only}
                        targets.append((name + " (before)", "elasticsearch", es_url(server, size), exact))
                checkouts = [(" (before)", args.before.resolve()), ("", ROOT)] if args.before else [("", ROOT)]
                for offset, (name, key, index, env) in enumerate(targets):
                    build = builds.get(f"{key}:{size}")
                    if build is None:
                        raise SystemExit(f"no {key} index of size {size}x: run bench/scale_data.py first")
                    for workers in args.workers:
                        for label, root in checkouts:
                            es_before = es_rss_mb(index.rsplit("/", 1)[0]) if key == "elasticsearch" else None
                            port = args.first_port + offset
                            server = name + workers_label(workers, args.workers) + label
                            for row in measure(server, index, port, args, texts, warm, folder, env, root, workers):
                                row.update(size=size, round=round_, build=build, es_rss_mb=es_before)
                                rows.append(row)
                    saved.write_text(json.dumps(rows, indent=2))  # an interrupted run keeps what it measured
    write_report(rows, builds, texts, args)


def es_version(server: str) -> str:
    import httpx

    nodes = httpx.get(f"{server.rstrip('/')}/_nodes/_local", params={"filter_path": "nodes.*.version"}).json()
    return next(iter(nodes["nodes"].values()))["version"]


def workers_label(workers: int, measured: list[int]) -> str:
    """', 1 worker' after the backend's name when several worker counts are measured side by side."""
    return "" if len(measured) == 1 else f", {workers} worker{'s' if workers > 1 else ''}"


def write_report(rows, builds, texts, args) -> None:
    body = report(rows, builds, texts, args)
    print(body)
    if not args.no_write:
        from bench.results import update_section

        update_section(args.section, body, "python bench/load.py " + " ".join(sys.argv[1:]))


def report(rows: list[dict], builds: dict, texts: list[str], args) -> str:
    from bench.load_report import render

    return render(rows, builds, texts, args)


if __name__ == "__main__":
    main()
