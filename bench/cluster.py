"""Beyond one machine: a local 3-node Elasticsearch cluster, the contract on it, and a node killed.

1. `scripts/elasticsearch.sh start-cluster` (ports PORT..PORT+2, 512 MB heap each), timed.
2. The cluster tests (tests/test_es_cluster.py: the backend contract on 3 shards x 1 replica,
   the settings, and search with a node SIGKILLed) with VNLEX_ES_CLUSTER_URL set.
3. The real corpus (the 1x collection of bench/scale_data.py) on 3 shards x 1 replica; every
   query text of bench/load.py is searched through the search service before, then again
   right after `kill -9` of the first node (the one the client lists first), and the totals
   and top 10 compared; the killed node is started again and the time to green recorded.
4. stop-cluster (unless --keep).

    python bench/cluster.py [--port 9216] [--keep]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load_texts import query_texts  # noqa: E402
from bench.results import update_section  # noqa: E402
from bench.scale_data import analysed_pool, write_collection  # noqa: E402
from search_api.settings import DEFAULT_CORPUS  # noqa: E402

SCRIPT = ROOT / "scripts" / "elasticsearch.sh"


def script(command: str, port: int) -> float:
    started = time.perf_counter()
    subprocess.run(["bash", str(SCRIPT), command], env=dict(os.environ, VNLEX_ES_PORT=str(port)), check=True)
    return time.perf_counter() - started


def run_queries(service, texts: list[str]) -> tuple[dict[str, tuple], list[float], list[str]]:
    results, latencies, errors = {}, [], []
    for text in texts:
        started = time.perf_counter()
        try:
            found = service.search(text, size=10, with_facets=True)
        except Exception as error:  # recorded, not raised: the point is to count them
            errors.append(f"{text[:40]}: {error}")
            continue
        latencies.append((time.perf_counter() - started) * 1000)
        results[text] = (found["total"], [(h["doc_number"], h["article_number"]) for h in found["hits"]])
    return results, latencies, errors


def wait_for(backend, status: str, timeout: int = 300) -> float:
    started = time.perf_counter()
    backend.client.cluster.health(wait_for_status=status, timeout=f"{timeout}s", request_timeout=timeout + 5)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("VNLEX_ES_PORT", "9216")))
    parser.add_argument("--keep", action="store_true", help="leave the cluster running")
    args = parser.parse_args()
    ports = [args.port, args.port + 1, args.port + 2]
    nodes = [f"http://127.0.0.1:{p}" for p in ports]
    cluster_url = "http://" + ",".join(f"127.0.0.1:{p}" for p in ports)
    lines = []
    status = subprocess.run(
        ["bash", str(SCRIPT), "status-cluster"],
        env=dict(os.environ, VNLEX_ES_PORT=str(args.port)),
        capture_output=True,
        text=True,
    )
    already = status.returncode == 0 and '"number_of_nodes":3' in status.stdout
    start_seconds = script("start-cluster", args.port)
    lines.append(
        "- `scripts/elasticsearch.sh start-cluster`: "
        + ("the cluster was already running." if already else f"3 nodes formed and healthy in {start_seconds:.0f} s.")
    )
    try:
        started = time.perf_counter()
        tests = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_es_cluster.py"],
            cwd=ROOT,
            env=dict(os.environ, VNLEX_ES_CLUSTER_URL=cluster_url, VNLEX_REQUIRE_ES="1"),
            capture_output=True,
            text=True,
        )
        summary = (tests.stdout.strip().splitlines() or ["(no output)"])[-1]
        lines.append(
            f"- `VNLEX_ES_CLUSTER_URL={cluster_url} pytest tests/test_es_cluster.py` (contract on 3 shards × "
            f"1 replica, settings, node killed): **{summary}** in {time.perf_counter() - started:.0f} s."
        )
        if tests.returncode != 0:
            print(tests.stdout[-4000:], tests.stderr[-2000:])
        lines += corpus_with_a_node_killed(nodes, ports)
    finally:
        if not args.keep:
            script("stop-cluster", args.port)
    body = (
        "A local 3-node cluster on one machine (2 shared cores, 512 MB heap per node): this shows the "
        "mechanics (shards, replicas, failover), not multi-machine throughput.\n\n" + "\n".join(lines)
    )
    print(body)
    update_section("Elasticsearch cluster (3 nodes)", body, "python bench/cluster.py " + " ".join(sys.argv[1:]))


def corpus_with_a_node_killed(nodes: list[str], ports: list[int]) -> list[str]:
    from search_api.backends.elasticsearch import ElasticsearchBackend
    from search_api.search import SearchService

    backend = ElasticsearchBackend(nodes, index_prefix="scale-cluster", shards=3, replicas=1, request_timeout=60)
    backend.drop()
    seconds, articles = write_collection(backend, analysed_pool(DEFAULT_CORPUS), 1)
    wait_for(backend, "green")
    service = SearchService(backend)
    texts, _ = query_texts()
    before, before_ms, before_errors = run_queries(service, texts)
    pidfile = ROOT / ".es" / "cluster" / "node-1" / "pid"
    killed_at = time.perf_counter()
    os.kill(int(pidfile.read_text()), signal.SIGKILL)
    during, during_ms, during_errors = run_queries(service, texts)
    during_seconds = time.perf_counter() - killed_at
    changed = [t for t in texts if t in before and during.get(t) != before[t]]
    health = backend.client.cluster.health()
    restart_seconds = script("start-cluster", ports[0])
    green_seconds = wait_for(backend, "green")
    after, _, after_errors = run_queries(service, texts)
    changed_after = [t for t in texts if t in before and after.get(t) != before[t]]
    backend.drop()
    backend.close()

    def p(values: list[float], q: int) -> str:
        return f"{statistics.quantiles(values, n=100)[q - 1]:.1f}" if len(values) > 2 else "–"

    return [
        f"- Real corpus ({articles:,} articles) written to 3 shards × 1 replica in {seconds:.1f} s.",
        f"- Before: {len(before)}/{len(texts)} query texts answered, {len(before_errors)} errors, "
        f"p50 {p(before_ms, 50)} ms, p95 {p(before_ms, 95)} ms (search service, facets on, sequential).",
        f"- `kill -9` of node 1 (port {ports[0]}, listed first to the client), then every text again at once "
        f"({during_seconds:.1f} s): {len(during)}/{len(texts)} answered, {len(during_errors)} errors, "
        f"**{len(changed)} with a different total or top 10**; p50 {p(during_ms, 50)} ms, p95 {p(during_ms, 95)} ms. "
        f"Cluster health right after: {health['status']}, {health['number_of_nodes']} nodes.",
        f"- Node 1 started again: back in {restart_seconds:.0f} s, green {green_seconds:.0f} s later; "
        f"{len(after_errors)} errors and {len(changed_after)} changed results afterwards.",
    ] + [f"  - error: {e}" for e in (during_errors + after_errors)[:5]]


if __name__ == "__main__":
    main()
