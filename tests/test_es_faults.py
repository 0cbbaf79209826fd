"""Elasticsearch stopped, frozen (SIGSTOP) and restarted under a running app.

These tests start a node of their own on 127.0.0.1:9215 (transport 9315), from the distribution
scripts/elasticsearch.sh unpacked into .es/, with its data in a temporary folder: the shared node
of the test run is never stopped or frozen. The app is never restarted: it must answer 503 with a
reason while the engine is away, within its request timeout, and recover by itself.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from search_api.app import create_app
from tests.figures import record
from tests.live_server import REPO, wait_until

pytestmark = [pytest.mark.elasticsearch, pytest.mark.slow]
PORT = int(os.environ.get("VNLEX_ES_FAULT_PORT", "9215"))
URL = f"http://127.0.0.1:{PORT}"
ES_HOME = next(iter(sorted((REPO / ".es").glob("elasticsearch-*"))), None)
ES_USER = "vnlex-es"


def java_home() -> str | None:
    if os.environ.get("ES_JAVA_HOME"):
        return os.environ["ES_JAVA_HOME"]
    for candidate in sorted(Path("/usr/lib/jvm").glob("*")):
        if any(v in candidate.name for v in ("-17-", "-21-")) and (candidate / "bin" / "java").exists():
            return str(candidate)
    return None


class FaultNode:
    """One throw-away Elasticsearch node that the tests may stop, freeze and restart."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="vnlex-es-fault-"))
        self.process: subprocess.Popen | None = None

    @property
    def pidfile(self) -> Path:
        return self.folder / "es.pid"

    def server_pid(self) -> int:
        return int(self.pidfile.read_text().strip())

    def answers(self) -> bool:
        try:
            return httpx.get(URL + "/_cluster/health", timeout=2).json()["status"] in ("green", "yellow")
        except (httpx.HTTPError, ValueError, KeyError):
            return False

    def start(self) -> float:
        started = time.perf_counter()
        command = [
            str(ES_HOME / "bin" / "elasticsearch"),
            "-p",
            str(self.pidfile),
            "-Ecluster.name=vnlex-fault",
            "-Enode.name=vnlex-fault",
            "-Enetwork.host=127.0.0.1",
            f"-Ehttp.port={PORT}",
            f"-Etransport.port={PORT + 100}",
            "-Ediscovery.type=single-node",
            f"-Epath.data={self.folder / 'data'}",
            f"-Epath.logs={self.folder / 'logs'}",
            "-Expack.security.enabled=false",
            "-Ecluster.routing.allocation.disk.threshold_enabled=false",
        ]
        env = {**os.environ, "ES_JAVA_HOME": java_home() or "", "ES_JAVA_OPTS": "-Xms256m -Xmx256m"}
        if os.getuid() == 0:  # Elasticsearch refuses to run as root
            subprocess.run(["chown", "-R", f"{ES_USER}:", str(self.folder)], check=True)
            command = ["runuser", "-u", ES_USER, "--", "env", f"ES_JAVA_HOME={env['ES_JAVA_HOME']}",
                       f"ES_JAVA_OPTS={env['ES_JAVA_OPTS']}", *command]  # fmt: skip
        self.pidfile.unlink(missing_ok=True)
        log = open(self.folder / "startup.out", "ab")  # noqa: SIM115  kept open for the node's life
        self.process = subprocess.Popen(command, env=env, stdout=log, stderr=log, start_new_session=True)
        if not wait_until(self.answers, 150, 1):
            self.stop()
            tail = (self.folder / "startup.out").read_text(errors="replace")[-3000:]
            pytest.fail(f"the fault-test Elasticsearch on {URL} did not start: {tail}")
        return time.perf_counter() - started

    def freeze(self) -> None:
        os.kill(self.server_pid(), signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.server_pid(), signal.SIGCONT)

    def stop(self) -> None:
        if self.pidfile.exists():
            try:
                os.kill(self.server_pid(), signal.SIGCONT)
                os.kill(self.server_pid(), signal.SIGTERM)
            except ProcessLookupError:
                pass
        if self.process is not None:
            try:
                self.process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
            self.process = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="module")
def node():
    if ES_HOME is None or java_home() is None:
        message = "no Elasticsearch in .es/ or no Java 17/21 (scripts/elasticsearch.sh start installs both)"
        if os.environ.get("VNLEX_REQUIRE_ES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    probe = FaultNode()
    if probe.answers():
        pytest.skip(f"something already answers on {URL}; these tests need that port for a node of their own")
    probe.start()
    yield probe
    probe.remove()


def timed(call) -> tuple[object, float]:
    started = time.perf_counter()
    result = call()
    return result, time.perf_counter() - started


def test_stopped_frozen_and_restarted_engine_gives_503_then_recovers_without_restart(node, settings_for):
    from search_api.backends.elasticsearch import ElasticsearchBackend
    from tests.backend_contract import analyse_document, decree, law

    prefix = f"vnlexfault-{uuid.uuid4().hex[:8]}"
    writer = ElasticsearchBackend(URL, index_prefix=prefix)
    writer.replace_file("law.html", "sha-law", [analyse_document(law())])
    writer.replace_file("decree.docx", "sha-decree", [analyse_document(decree())])
    writer.close()
    figures: dict[str, float | int | str] = {}
    with TestClient(create_app(settings_for(f"{URL}/{prefix}")), raise_server_exceptions=False) as client:

        def search():
            return client.get("/api/search", params={"q": "nạn nhân"})

        expected = search().json()["total"]
        assert expected > 0 and client.get("/api/health").json()["status"] == "ok"

        # Frozen: connections open, nothing answers. 503 within the request timeout, never a hang.
        node.freeze()
        try:
            frozen, seconds = timed(search)
            assert frozen.status_code == 503 and "Elasticsearch" in frozen.json()["message"]
            assert str(PORT) not in frozen.text  # no internals in the public answer
            figures["frozen_search_503_s"] = round(seconds, 2)
            health, seconds = timed(lambda: client.get("/api/health"))
            assert health.status_code == 503 and health.json()["status"] == "unavailable"
            figures["frozen_health_503_s"] = round(seconds, 2)
            page, seconds = timed(lambda: client.get("/", params={"q": "nạn nhân"}))
            assert page.status_code == 503
            figures["frozen_page_503_s"] = round(seconds, 2)
        finally:
            node.thaw()
        recovered, seconds = timed(lambda: wait_until(lambda: search().status_code == 200, 60, 0.5))
        assert recovered and search().json()["total"] == expected
        figures["thawed_recovery_s"] = round(seconds, 2)

        # Stopped: connection refused, 503 at once.
        node.stop()
        stopped, seconds = timed(search)
        assert stopped.status_code == 503 and "unreachable" in stopped.json()["message"]
        figures["stopped_search_503_s"] = round(seconds, 2)
        assert client.get("/api/health").json()["status"] == "unavailable"

        # Restarted on the same data: the same app answers again, with the same results.
        figures["restart_s"] = round(node.start(), 1)
        recovered, seconds = timed(lambda: wait_until(lambda: search().status_code == 200, 60, 0.5))
        assert recovered, "the app did not recover after the engine came back"
        assert search().json()["total"] == expected
        assert client.get("/api/health").json()["status"] == "ok"
        figures["restarted_recovery_s"] = round(seconds, 2)
    cleanup = ElasticsearchBackend(URL, index_prefix=prefix)
    cleanup.drop()
    cleanup.close()
    record("elasticsearch_faults", results_total=expected, **figures)
    assert figures["frozen_search_503_s"] < 25 and figures["stopped_search_503_s"] < 5
