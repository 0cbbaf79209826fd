"""Search latency through the HTTP API, both backends side by side in one run.

For each backend it ingests the corpus (skipped when already there), starts `vnlex serve`
on a free loopback port, and replays the dev questions (domain dev set + ALQAC dev
questions as typed text) with 1 and with 8 concurrent clients over keep-alive
connections. Also times the backends directly (no HTTP) for reference.

    python bench/search.py [--es http://127.0.0.1:9200] [--rounds 2] [--endpoint search]
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import update_section  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"


def questions() -> list[str]:
    texts = [q["text"] for q in json.loads((BENCH / "domain" / "dev.json").read_text(encoding="utf-8"))]
    texts += [q["text"] for q in json.loads((BENCH / "alqac2023" / "train.json").read_text(encoding="utf-8"))]
    return texts


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(index: str, workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "search_api.cli",
            "serve",
            "--index",
            index,
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"server for {index} did not start: {process.stderr.read().decode()[-2000:]}")


def replay(base: str, endpoint: str, texts: list[str], clients: int, rounds: int) -> list[float]:
    def one_client(offset: int) -> list[float]:
        latencies = []
        with httpx.Client(base_url=base, timeout=30) as http:
            for round_ in range(rounds):
                for i in range(len(texts)):
                    text = texts[(i + offset * 7 + round_) % len(texts)]
                    started = time.perf_counter()
                    response = http.get(f"/api/{endpoint}", params={"q": text})
                    latencies.append(time.perf_counter() - started)
                    response.raise_for_status()
        return latencies

    with ThreadPoolExecutor(clients) as pool:
        return [x for chunk in pool.map(one_client, range(clients)) for x in chunk]


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] * 1000


def ensure_ingested(index: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "search_api.cli", "ingest", "--index", index, "--json"],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sqlite", default=f"sqlite:///{tempfile.gettempdir()}/vnlex-bench/corpus.sqlite")
    parser.add_argument("--es", default="http://127.0.0.1:9200", help="Elasticsearch URL ('' to skip)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--endpoint", action="append", help="search (default) and/or ask")
    parser.add_argument("--workers", type=int, action="append", help="server processes (default: 1 and 2)")
    args = parser.parse_args()
    endpoints = args.endpoint or ["search"]
    texts = questions()
    backends = [("SQLite FTS5 (embedded)", args.sqlite)] + ([("Elasticsearch", args.es)] if args.es else [])
    rows = []
    for (name, index), workers in [(b, w) for b in backends for w in (args.workers or [1, 2])]:
        ensure_ingested(index)
        process, base = start_server(index, workers)
        name = f"{name}, {workers} process{'es' if workers > 1 else ''}"
        try:
            for endpoint in endpoints:
                # Warm-up: caches and term statistics, in every server process.
                replay(base, endpoint, texts[:16], 2 * workers, 1)
                for clients in (1, 8):
                    rounds = args.rounds if clients == 1 else max(1, args.rounds // 2)
                    started = time.perf_counter()
                    latencies = replay(base, endpoint, texts, clients, rounds)
                    wall = time.perf_counter() - started
                    rows.append(
                        (
                            name,
                            endpoint,
                            clients,
                            len(latencies),
                            percentile(latencies, 50),
                            percentile(latencies, 95),
                            len(latencies) / wall,
                        )
                    )
                    print(rows[-1], flush=True)
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
    table = (
        "| backend | endpoint | clients | requests | p50 ms | p95 ms | req/s |\n|---|---|---:|---:|---:|---:|---:|\n"
    )
    table += "\n".join(
        f"| {n} | /api/{e} | {c} | {r} | {p50:.1f} | {p95:.1f} | {rps:.0f} |" for n, e, c, r, p50, p95, rps in rows
    )
    body = (
        f"{len(texts)} question texts (domain dev + ALQAC dev questions) replayed against the ingested "
        "corpus through `vnlex serve --workers N` (uvicorn[standard]), keep-alive clients, "
        f"on this 2-core machine.\n\n{table}"
    )
    print(body)
    update_section("Search latency (HTTP)", body, "python bench/search.py " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
