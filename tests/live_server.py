"""A real `vnlex serve` process for the reliability tests: raw-socket uploads, SIGTERM, kill -9.

TestClient reads a whole request body before the app sees it and runs no signals, so what these
tests check (bytes accepted before a refusal, orphaned workers, shutdown) needs the real server.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
TOKEN = "reliability-token"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def descendants(pid: int) -> set[int]:
    """All processes below pid (children, grandchildren: fork-server pool workers are those)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, frontier = set(), [pid]
    while frontier:
        for child in children.get(frontier.pop(), []):
            if child not in found:
                found.add(child)
                frontier.append(child)
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(predicate, timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


class LiveServer:
    def __init__(self, process: subprocess.Popen, base: str, tmpdir: Path):
        self.process, self.base, self.tmpdir = process, base, tmpdir
        self.port = int(base.rsplit(":", 1)[1])

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {TOKEN}"}

    def client(self, timeout: float = 30) -> httpx.Client:
        return httpx.Client(base_url=self.base, timeout=timeout)

    def tmp_bytes(self) -> int:
        """Bytes the server holds in its temporary directory right now. The server deletes an
        upload's folder while this walks it, so a file or folder that vanishes counts as 0."""
        total = 0
        for folder, _, files in os.walk(self.tmpdir):  # os.walk ignores folders removed under it
            for name in files:
                try:
                    total += os.stat(os.path.join(folder, name)).st_size
                except FileNotFoundError:
                    pass
        return total

    def output(self) -> str:
        return self.process.stdout.read().decode(errors="replace") if self.process.stdout else ""


@contextmanager
def live_server(index_url: str, tmp_path: Path, **env_overrides: str):
    """`vnlex serve` on a free port with a private TMPDIR; stopped (and its children) at the end."""
    port = free_port()
    # Short: the fork server's socket lives under TMPDIR and socket paths are limited to 108 bytes.
    tmpdir = Path(tempfile.mkdtemp(prefix="vnlex-t"))
    env = {
        **os.environ,
        "TMPDIR": str(tmpdir),
        "VNLEX_API_TOKEN": TOKEN,
        "VNLEX_TODAY": "2026-11-23",
        "PYTHONUNBUFFERED": "1",
        **env_overrides,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "search_api.cli", "serve", "--index", index_url, "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: the cleanup below reaches every child
    )
    base = f"http://127.0.0.1:{port}"
    server = LiveServer(process, base, tmpdir)
    try:

        def answers() -> bool:
            if process.poll() is not None:
                raise RuntimeError(f"vnlex serve exited: {server.output()}")
            try:
                return httpx.get(base + "/api/health", timeout=2).status_code in (200, 503)
            except httpx.HTTPError:
                return False

        if not wait_until(answers, 60, 0.2):
            raise RuntimeError(f"vnlex serve did not answer on {base}")
        yield server
    finally:
        family = descendants(process.pid)
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        for pid in family:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(tmpdir, ignore_errors=True)
