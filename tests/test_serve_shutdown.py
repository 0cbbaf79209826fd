"""`vnlex serve` asked to stop (SIGTERM) while its workers are still starting stops at once, every worker with it.

Each worker builds the answer layer before it accepts a request (seconds at 1x the collection,
minutes at 100x). uvicorn's signal handlers only set a flag it reads after start-up, so a worker
finished the whole build first, and the parent, which waits for every worker, as long: SIGTERM
during start-up once needed a SIGKILL. Start-up is lengthened here by tests/slow_start_serve.py
(the real server; every worker rebuilds the answer store for a minute before its real warm-up).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from tests.live_server import REPO, alive, descendants, free_port, wait_until

START_UP_SECONDS = 60  # far longer than the bound below: the old server would have taken all of it
STOP_BOUND_SECONDS = 10


@pytest.mark.parametrize("workers", [2, 1])
def test_sigterm_during_start_up_stops_the_server_and_every_worker(corpus_index, tmp_path, workers):
    markers = tmp_path / "markers"
    markers.mkdir()
    tmpdir = Path(tempfile.mkdtemp(prefix="vnlex-t"))
    log = tmp_path / "serve.log"
    env = {
        **os.environ,
        "TMPDIR": str(tmpdir),
        "PYTHONUNBUFFERED": "1",
        "VNLEX_TEST_START_UP_SECONDS": str(START_UP_SECONDS),
        "VNLEX_TEST_START_UP_MARKERS": str(markers),
    }
    command = [sys.executable, str(REPO / "tests" / "slow_start_serve.py"), "serve", "--index", corpus_index]
    command += ["--port", str(free_port()), "--workers", str(workers)]
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    family: set[int] = set()
    try:
        # Every server process is inside its start-up work (the seam marks it) when the signal comes.
        assert wait_until(lambda: len(list(markers.iterdir())) == workers or process.poll() is not None, 30)
        assert process.poll() is None, log.read_text()
        family = descendants(process.pid)
        assert len(family) >= (workers if workers > 1 else 0), family
        started = time.monotonic()
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(STOP_BOUND_SECONDS)
        except subprocess.TimeoutExpired:
            pytest.fail(f"vnlex serve still running {STOP_BOUND_SECONDS} s after SIGTERM during start-up")
        stopped_in = time.monotonic() - started
        left = [pid for pid in family if alive(pid) and not wait_until(lambda pid=pid: not alive(pid), 2)]
        assert left == [], f"processes outlived vnlex serve: {left}"
        assert process.returncode in (0, -signal.SIGTERM), (process.returncode, log.read_text())
        assert stopped_in < STOP_BOUND_SECONDS
        assert "stopping during start-up" in log.read_text()
    finally:
        _kill_all(process, family, tmpdir)


def _kill_all(process: subprocess.Popen, family: set[int], tmpdir: Path) -> None:
    """Whatever a test left running (the server's process group, every process it had started) is killed."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)
    for pid in family:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
    shutil.rmtree(tmpdir, ignore_errors=True)


class _Server:
    """Stands in for uvicorn's Server: its bound handle_exit is the SIGTERM handler stop_requested() reads."""

    should_exit = False

    def handle_exit(self, sig, frame) -> None:
        self.should_exit = True


def test_start_up_work_returns_its_result_or_error_and_stops_waiting_when_asked():
    import asyncio
    import threading

    from search_api.startup import StartUpInterrupted, run_start_up_work, stop_requested

    assert not stop_requested()  # no uvicorn handler: never interrupted (TestClient)
    assert asyncio.run(run_start_up_work(lambda: 42)) == 42
    with pytest.raises(ZeroDivisionError):
        asyncio.run(run_start_up_work(lambda: 1 / 0))

    server, release = _Server(), threading.Event()
    previous = signal.signal(signal.SIGTERM, server.handle_exit)
    try:
        signal.raise_signal(signal.SIGTERM)  # before the work starts, as during the app's import
        assert stop_requested()
        started = time.monotonic()
        with pytest.raises(StartUpInterrupted):
            asyncio.run(run_start_up_work(lambda: release.wait(30)))
        assert time.monotonic() - started < 2
    finally:
        signal.signal(signal.SIGTERM, previous)
        release.set()


def test_kill_9_of_the_server_takes_its_workers_with_it(corpus_index, tmp_path):
    """kill -9 of `vnlex serve --workers 2` once it answers: both workers stop too (they kept serving before)."""
    import httpx

    tmpdir = Path(tempfile.mkdtemp(prefix="vnlex-t"))
    port = free_port()
    env = {**os.environ, "TMPDIR": str(tmpdir), "PYTHONUNBUFFERED": "1", "VNLEX_WARM_ANSWERS": "0"}
    command = [sys.executable, "-m", "search_api.cli", "serve", "--index", corpus_index, "--port", str(port)]
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            command + ["--workers", "2"],
            cwd=REPO,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    family: set[int] = set()

    def answers() -> bool:
        try:
            return httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code in (200, 503)
        except httpx.HTTPError:
            return False

    try:
        assert wait_until(lambda: answers() or process.poll() is not None, 60), log.read_text()
        assert process.poll() is None, log.read_text()
        family = descendants(process.pid)
        assert len(family) >= 2, family
        process.send_signal(signal.SIGKILL)
        process.wait(5)
        left = [pid for pid in family if not wait_until(lambda pid=pid: not alive(pid), STOP_BOUND_SECONDS)]
        assert left == [], f"workers outlived a kill -9 of vnlex serve: {left}"
    finally:
        _kill_all(process, family, tmpdir)
