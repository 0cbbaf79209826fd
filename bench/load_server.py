"""The `vnlex serve` a load bench measures: started from a checkout, warmed, stopped, and the CPU
time and memory of its processes (and of the Elasticsearch node) read from /proc.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def start_server(
    index: str,
    port: int,
    workers: int,
    extra_env: dict | None = None,
    startup_seconds: float = 120,
    root: Path = ROOT,
) -> subprocess.Popen:
    """`vnlex serve` of the checkout at `root` (another commit's, for a before/after run)."""
    # The previous server's workers may hold the port a few seconds after it stopped.
    waited = 0.0
    while not port_free(port):
        if waited >= 60:
            raise SystemExit(f"port {port} is taken")
        time.sleep(1)
        waited += 1
    env = dict(os.environ, VNLEX_INDEX_URL=index, **(extra_env or {}))
    process = subprocess.Popen(
        [sys.executable, "-m", "search_api.cli", "serve", "--index", index, "--port", str(port)]
        + ["--workers", str(workers)],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its worker processes go with it
    )
    base = f"http://127.0.0.1:{port}"
    # Start-up builds the answer layer over the whole collection (search_api/deps.py warm): minutes at 100x.
    deadline = time.monotonic() + startup_seconds
    while time.monotonic() < deadline:
        try:
            # Ready = answers a search (its first one loads the shared statistics). Not /api/health:
            # its integrity check reads every page of the file (minutes at 100x, started again by
            # every retry while the first still runs).
            if httpx.get(f"{base}/api/search", params={"q": "khởi động"}, timeout=600).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.3)
        if process.poll() is not None:
            break
    stop_server(process)
    raise SystemExit(f"server for {index} did not start: {process.stderr.read().decode()[-2000:]}")


def stop_server(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, 15)
        process.wait(15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        process.wait(5)
    except ProcessLookupError:
        pass


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def rss_mb(pid: int, with_children: bool = True) -> float:
    pids = [pid]
    if with_children:
        pids += [c for child in _children(pid) for c in [child, *_children(child)]]
    total = 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a server process and its workers (from /proc; 0 where unreadable)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for p in [pid, *(c for child in _children(pid) for c in [child, *_children(child)])]:
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
        except OSError:
            pass
    return total


def wait_until_settled(pid: int, limit_seconds: float, window: float = 5.0, busy_share: float = 0.25) -> float:
    """Seconds waited until the server's processes used less than `busy_share` of a core over `window` seconds,
    at most `limit_seconds`. A server answers once one worker is up, while the other may still be building its
    answer store (minutes at 100x): measured then, that start-up work counted as hundreds of ms of server CPU
    per request and competed with the requests for the two cores (bench/RESULTS.md, session 10)."""
    started = time.monotonic()
    while time.monotonic() - started < limit_seconds:
        before = cpu_seconds(pid)
        time.sleep(window)
        if cpu_seconds(pid) - before < busy_share * window:
            break
    return time.monotonic() - started


def es_rss_mb(server: str) -> float | None:
    """RSS of the Elasticsearch process answering at this server (found by its HTTP port)."""
    try:
        info = httpx.get(f"{server}/_nodes/_local/process", timeout=5).json()
        pid = next(iter(info["nodes"].values()))["process"]["id"]
        return rss_mb(int(pid), with_children=False)
    except (httpx.HTTPError, KeyError, StopIteration, ValueError):
        return None


def warm_request(base: str, endpoint: str, text: str) -> int:
    return httpx.get(f"{base}/api/{endpoint}", params={"q": text}, timeout=300).status_code
