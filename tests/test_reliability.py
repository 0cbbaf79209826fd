"""Rebuilds under load, interrupted writes and shutdown, against a real `vnlex serve` on both backends.

- /api/reindex and `vnlex ingest --force` while search clients run: 0 errors, and every answer has
  the totals and top 10 of the index before the rebuild (the rebuild writes the same texts).
- kill -9 of `vnlex ingest` and of the server mid-rebuild: the index still opens with its counts,
  no worker outlives its parent, and a re-ingest converges.
- SIGTERM during a reindex: the server exits promptly with no process left behind.
Figures go to bench/out/reliability/ (tests/figures.py) and from there to bench/RESULTS.md.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import httpx
import pytest

from tests.conftest import CORPUS_FILES, ES_URL, TODAY, corpus_file, require_elasticsearch
from tests.figures import record
from tests.live_server import REPO, alive, descendants, live_server, wait_until

pytestmark = pytest.mark.slow
QUERIES = [
    "nạn nhân",
    "ho tro nan nhan",
    "NĐ 09/2013",
    "điều 32 luật PCMBN",
    "mua bán người",
    "trợ giúp pháp lý",
    "tiếp nhận nạn nhân",
    "hỗ trợ y tế",
    "cơ sở bảo trợ xã hội",
    "bồi thường",
    "xác minh nạn nhân",
    "trẻ em",
    "phòng ngừa",
    "hồi hương",
    "tố giác",
]


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    """The three test files of the real corpus, linked (not copied) into a folder of their own,
    so /api/reindex (which re-ingests the configured folder) stays small."""
    folder = tmp_path_factory.mktemp("reindex-corpus")
    for name in CORPUS_FILES:
        target = folder / name.replace("/", "__")
        target.symlink_to(corpus_file(name))
    return folder


def ingest_cli(index_url: str, folder: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "search_api.cli", "ingest", str(folder), "--index", index_url, "--json", *extra],
        cwd=REPO,
        env={**os.environ, "VNLEX_TODAY": TODAY.isoformat()},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )


@pytest.fixture(scope="module")
def sqlite_index(corpus_dir, tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('reliability')}/index.sqlite"
    assert ingest_cli(url, corpus_dir).wait(300) == 0
    return url


@pytest.fixture(scope="module")
def es_index(corpus_dir):
    require_elasticsearch()
    from search_api.backends import open_backend

    url = f"{ES_URL.rstrip('/')}/vnlexrel-{uuid.uuid4().hex[:10]}"
    assert ingest_cli(url, corpus_dir).wait(300) == 0
    yield url
    backend = open_backend(url)
    backend.drop()
    backend.close()


@pytest.fixture(params=["sqlite", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def index_url(request) -> str:
    return request.getfixturevalue("sqlite_index" if request.param == "sqlite" else "es_index")


def signature(data: dict) -> tuple[int, list[tuple]]:
    """Total and the ranking of the top 10, without scores: a rebuilt Elasticsearch index has no
    deleted documents left in its statistics, so its scores move by a fraction of a percent while
    the ranking stays. Hits with equal scores (within 0.1%) form one group (their order depends on row ids); a
    group cut by the 10th place is left out (which of its members made the cut is arbitrary)."""
    hits = data["hits"][:11]
    groups: list[list[tuple[str, str]]] = []
    last_score = None
    for hit in hits:
        score = hit["score"]
        # Equal within 0.1%: float noise between two engine states must not count as a new ranking.
        if last_score is None or abs(score - last_score) > 1e-3 * max(abs(score), abs(last_score), 1e-9):
            groups.append([])
        last_score = score
        groups[-1].append((hit["doc_number"], hit["article_number"]))
    ranked, seen = [], 0
    for group in groups:
        if seen + len(group) > 10:
            break
        ranked.append(tuple(sorted(group)))
        seen += len(group)
    return data["total"], ranked


def baseline(base: str) -> dict[str, tuple]:
    with httpx.Client(base_url=base, timeout=30) as client:
        return {q: signature(client.get("/api/search", params={"q": q, "size": 11}).json()) for q in QUERIES}


class SearchLoad:
    """N clients searching in a loop; counts errors and answers that differ from the baseline."""

    def __init__(self, base: str, expected: dict[str, tuple], clients: int = 4):
        self.base, self.expected, self.clients = base, expected, clients
        self.stop = threading.Event()
        self.requests = self.errors = self.mismatches = 0
        self.latencies: list[float] = []
        self.problems: list[str] = []
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._run, args=(n,), daemon=True) for n in range(clients)]

    def __enter__(self) -> SearchLoad:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(60)

    def _run(self, offset: int) -> None:
        with httpx.Client(base_url=self.base, timeout=60) as client:
            n = offset
            while not self.stop.is_set():
                query = QUERIES[n % len(QUERIES)]
                n += 1
                started = time.perf_counter()
                try:
                    response = client.get("/api/search", params={"q": query, "size": 11})
                    status = response.status_code
                    got = signature(response.json()) if status == 200 else None
                except httpx.HTTPError as error:
                    status, got = f"{type(error).__name__}", None
                elapsed = time.perf_counter() - started
                with self.lock:
                    self.requests += 1
                    self.latencies.append(elapsed)
                    if status != 200:
                        self.errors += 1
                        self.problems.append(f"{query}: {status}")
                    elif got != self.expected[query]:
                        self.mismatches += 1
                        want = self.expected[query]
                        moved = [(i, g, w) for i, (g, w) in enumerate(zip(got[1], want[1], strict=False)) if g != w]
                        self.problems.append(f"{query}: total {got[0]} vs {want[0]}, top 10 moved {moved[:2]}")

    def figures(self) -> dict:
        ordered = sorted(self.latencies) or [0.0]
        return {
            "clients": self.clients,
            "requests": self.requests,
            "errors": self.errors,
            "changed_answers": self.mismatches,
            "p50_ms": round(1000 * ordered[len(ordered) // 2], 1),
            "p95_ms": round(1000 * ordered[int(len(ordered) * 0.95)], 1),
            "max_ms": round(1000 * ordered[-1], 1),
            "first_problems": self.problems[:5],
        }


def backend_name(index_url: str) -> str:
    return "sqlite" if index_url.startswith("sqlite") else "elasticsearch"


def test_reindex_under_concurrent_search_keeps_every_answer(index_url, corpus_dir, tmp_path):
    with live_server(index_url, tmp_path, VNLEX_CORPUS_DIR=str(corpus_dir)) as server:
        expected = baseline(server.base)
        assert expected["NĐ 09/2013"][0] > 0 and expected["nạn nhân"][0] > 0
        with SearchLoad(server.base, expected) as load, server.client() as client:
            time.sleep(1)
            started = time.perf_counter()
            accepted = client.post("/api/reindex", headers=server.auth)
            answered_in = time.perf_counter() - started
            assert accepted.status_code == 202, accepted.text
            job_url = accepted.json()["url"]
            health_during = []
            while (job := client.get(job_url, headers=server.auth).json())["state"] in ("queued", "running"):
                tick = time.perf_counter()
                assert client.get("/api/health").status_code == 200
                health_during.append(time.perf_counter() - tick)
                time.sleep(0.5)
            reindex_seconds = time.perf_counter() - started
            time.sleep(1)  # and after the swap
        assert job["state"] == "done", job
        assert job["result"]["files"]["ingested"] == len(CORPUS_FILES)
        assert baseline(server.base) == expected
        figures = load.figures()
        record(
            f"reindex_under_search_{backend_name(index_url)}",
            reindex_seconds=round(reindex_seconds, 1),
            reindex_answered_ms=round(1000 * answered_in, 1),
            health_max_ms=round(1000 * max(health_during or [0]), 1),
            **figures,
        )
        assert answered_in < 2.0  # the request returns the job, it does not run it
        assert figures["errors"] == 0 and figures["changed_answers"] == 0, figures
        assert figures["requests"] > 20


def test_forced_cli_ingest_under_concurrent_search_keeps_every_answer(index_url, corpus_dir, tmp_path):
    with live_server(index_url, tmp_path) as server:
        expected = baseline(server.base)
        with SearchLoad(server.base, expected) as load:
            started = time.perf_counter()
            process = ingest_cli(index_url, corpus_dir, "--force")
            output, errors = process.communicate(timeout=600)
            ingest_seconds = time.perf_counter() - started
            time.sleep(1)
        assert process.returncode == 0, errors.decode()[-2000:]
        assert baseline(server.base) == expected
        figures = load.figures()
        record(
            f"force_ingest_under_search_{backend_name(index_url)}", ingest_seconds=round(ingest_seconds, 1), **figures
        )
        assert figures["errors"] == 0 and figures["changed_answers"] == 0, figures


def counts(index_url: str) -> tuple[int, int, int, int]:
    from search_api.backends import open_backend

    backend = open_backend(index_url)
    try:
        stats = backend.stats()
        return stats["documents"], stats["articles"], stats["relations"], stats["files"]
    finally:
        backend.close()


def test_kill_9_of_ingest_mid_write_leaves_an_index_that_opens_and_recovers(index_url, corpus_dir):
    before = counts(index_url)
    process = ingest_cli(index_url, corpus_dir, "--force")
    assert wait_until(lambda: len(descendants(process.pid)) >= 2, 60)  # the worker pool is up
    time.sleep(4)  # parsing done, analysing and writing the staging copy
    workers = descendants(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    orphans_gone = wait_until(lambda: not any(alive(pid) for pid in workers), 15)
    after_kill = counts(index_url)
    again = ingest_cli(index_url, corpus_dir)
    assert again.wait(600) == 0, again.stderr.read().decode()[-2000:]
    recovered = counts(index_url)
    record(
        f"kill9_ingest_{backend_name(index_url)}",
        counts_before=before,
        counts_after_kill=after_kill,
        counts_after_reingest=recovered,
        workers_killed_with_parent=orphans_gone,
    )
    assert orphans_gone, [pid for pid in workers if alive(pid)]
    assert after_kill == before  # the forced rebuild was staged: the live index never changed
    assert recovered == before
    if index_url.startswith("sqlite"):
        path = Path(index_url[len("sqlite:///") :])
        leftovers = list(path.parent.glob(path.name + ".staging-*"))
        assert leftovers == [], leftovers  # the next rebuild removed the dead one's staging file


def test_kill_9_and_sigterm_of_the_server_mid_reindex(index_url, corpus_dir, tmp_path):
    before = counts(index_url)
    figures = {}
    for how in ("SIGKILL", "SIGTERM"):
        with live_server(index_url, tmp_path, VNLEX_CORPUS_DIR=str(corpus_dir)) as server:
            with server.client() as client:
                assert client.post("/api/reindex", headers=server.auth).status_code == 202
            assert wait_until(lambda: len(descendants(server.process.pid)) >= 2, 60)
            time.sleep(3)
            family = descendants(server.process.pid)
            started = time.perf_counter()
            server.process.send_signal(getattr(signal, how))
            server.process.wait(30)
            stopped_in = time.perf_counter() - started
            gone = wait_until(lambda family=family: not any(alive(pid) for pid in family), 20)
            figures[how] = {
                "exit_seconds": round(stopped_in, 2),
                "processes_below_server": len(family),
                "all_gone": gone,
            }
            assert gone, (how, [pid for pid in family if alive(pid)])
            if how == "SIGTERM":
                assert stopped_in < 20 and server.process.returncode in (0, -15), server.process.returncode
        assert counts(index_url) == before  # the interrupted rebuild never reached the index
    with live_server(index_url, tmp_path) as server:
        health = httpx.get(server.base + "/api/health").json()
        assert health["status"] == "ok" and health["articles"] == before[1]
    record(f"server_stop_mid_reindex_{backend_name(index_url)}", counts=before, **figures)


def test_busy_port_is_explained_with_the_port_flag(sqlite_index):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "search_api.cli", "serve", "--index", sqlite_index, "--port", str(port)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr
    assert f"--port {port + 1}" in result.stderr
