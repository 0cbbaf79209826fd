"""What the browser tests share: Debian's chromium, a `vnlex serve` subprocess on a free local
port, where screenshots go, and the axe-core accessibility check.

CI needs:  apt-get install -y chromium     (never `playwright install`: no downloads)
           npm install --prefix .cache/npm axe-core@4     (scripts/test.sh does it)
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[1]
# The README shows bench/screenshots/; a test run only refreshes them when asked to.
REFRESH_README_SCREENSHOTS = os.environ.get("VNLEX_REFRESH_SCREENSHOTS") == "1"
RUN_SCREENSHOTS = REPO / "bench" / "out" / "screenshots"
README_SCREENSHOTS = REPO / "bench" / "screenshots"
AXE = REPO / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def browser_required() -> bool:
    return os.environ.get("VNLEX_REQUIRE_BROWSER") == "1"


def playwright_or_skip() -> ModuleType:
    """playwright's sync API for a browser test module, or a skip of the whole module when chromium
    or playwright is missing (a failure instead with VNLEX_REQUIRE_BROWSER=1)."""
    if not CHROMIUM.exists() and not browser_required():
        pytest.skip(f"{CHROMIUM} not installed; set VNLEX_REQUIRE_BROWSER=1 to fail instead", allow_module_level=True)
    try:
        from playwright import sync_api
    except ImportError:
        if browser_required():
            raise
        pytest.skip("playwright is not installed", allow_module_level=True)
    return sync_api


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_server(index_url: str, **env: str) -> Iterator[str]:
    """Base URL of a `vnlex serve` subprocess on a free local port, serving `index_url`, with
    these extra environment variables (e.g. VNLEX_API_TOKEN, so the add page shows its form)."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "search_api.cli", "serve", "--index", index_url, "--port", str(port)],
        cwd=REPO,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read() if process.poll() is not None else "(still running)"
                pytest.fail(f"vnlex serve did not come up on {base}: {output}")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def axe_violations(page, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """axe-core's violations of those impacts on the page as it is now, one readable line each."""
    if not AXE.exists():
        pytest.fail(f"{AXE} missing: npm install --prefix .cache/npm axe-core@4 (scripts/test.sh does it)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, not added as a <script>: the page's CSP (no inline
        # script) would block an injected tag, as it should.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    lines = []
    for violation in result["violations"]:
        if violation["impact"] not in impacts:
            continue
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
        lines.append(f"{violation['impact']}: {violation['id']} ({violation['help']}) at {targets}")
    return lines
