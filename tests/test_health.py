"""/api/health tells the truth: a damaged, emptied or half-present index is "degraded" or
"unavailable" with the failed check named, never "ok" with full counts; searches on a damaged
index are 503 with a reason, not 500; public answers carry no server paths."""

from __future__ import annotations

import shutil
import uuid

import pytest
from fastapi.testclient import TestClient

from search_api.app import create_app

AUTH = {"Authorization": "Bearer test-token"}


def copy_index(corpus_index: str, tmp_path) -> str:
    source = corpus_index[len("sqlite:///") :]
    target = tmp_path / "copy.sqlite"
    shutil.copyfile(source, target)
    return str(target)


def corrupt(path: str, fraction: float = 0.5, length: int = 256 * 1024) -> None:
    """Overwrite a run of pages in the middle of the file, as a bad disk or a torn copy would."""
    with open(path, "r+b") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(int(size * fraction) // 4096 * 4096)
        handle.write(b"\xa5" * min(length, size // 4))


def test_healthy_index_is_ok_with_counts_and_checks_and_no_paths(corpus_index, settings_for):
    with TestClient(create_app(settings_for(corpus_index))) as client:
        response = client.get("/api/health")
        data = response.json()
        assert response.status_code == 200 and data["status"] == "ok"
        assert data["articles"] >= 150 and data["documents"] >= 7 and data["files"] >= 3
        assert {c["name"] for c in data["checks"]} == {"integrity", "query"}
        assert "index" not in data and corpus_index[len("sqlite:///") :] not in response.text
        admin = client.get("/api/admin/health", headers=AUTH)
        assert admin.status_code == 200 and admin.json()["index"] == corpus_index
        assert client.get("/api/admin/health").status_code == 401


def test_corrupted_index_is_degraded_and_searches_are_503_not_500(corpus_index, settings_for, tmp_path):
    path = copy_index(corpus_index, tmp_path)
    corrupt(path)
    with TestClient(create_app(settings_for(f"sqlite:///{path}")), raise_server_exceptions=False) as client:
        health = client.get("/api/health")
        data = health.json()
        assert health.status_code == 503, data
        assert data["status"] in ("degraded", "unavailable"), data
        if data["status"] == "degraded":
            failed = [c for c in data["checks"] if not c["ok"]]
            assert failed and failed[0]["name"] in ("integrity", "query")
            assert "check failed" in data["message"]
        assert str(tmp_path) not in health.text
        statuses = {client.get("/api/search", params={"q": q}).status_code for q in ("nạn nhân", "hỗ trợ", "điều 32")}
        assert 500 not in statuses, statuses
        page = client.get("/", params={"q": "nạn nhân"})
        assert page.status_code in (200, 503) and str(tmp_path) not in page.text


def test_zero_byte_index_file_is_refused_not_a_new_empty_index(settings_for, tmp_path):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    with TestClient(create_app(settings_for(f"sqlite:///{path}"))) as client:
        health = client.get("/api/health")
        assert health.status_code == 503 and health.json()["status"] == "unavailable"
        assert "empty (0 bytes)" in health.json()["message"] and str(tmp_path) not in health.text
        search = client.get("/api/search", params={"q": "nạn nhân"})
        assert search.status_code == 503 and "--recreate" in search.json()["message"]
        page = client.get("/", params={"q": "nạn nhân"})
        assert page.status_code == 503 and str(tmp_path) not in page.text
    assert path.stat().st_size == 0  # nothing was written into it


def test_garbage_index_file_is_unavailable(settings_for, tmp_path):
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"this is not a database" * 1000)
    with TestClient(create_app(settings_for(f"sqlite:///{path}"))) as client:
        assert client.get("/api/health").json()["status"] == "unavailable"
        assert client.get("/api/search", params={"q": "x"}).status_code == 503


@pytest.mark.elasticsearch
def test_elasticsearch_missing_alias_is_degraded(es_corpus_index, settings_for):
    from search_api.backends.elasticsearch import ElasticsearchBackend
    from tests.conftest import ES_URL

    prefix = f"vnlextest-{uuid.uuid4().hex[:10]}"
    backend = ElasticsearchBackend(ES_URL, index_prefix=prefix)
    from tests.backend_contract import analyse_document, law

    backend.replace_file("law.html", "sha", [analyse_document(law())])
    try:
        url = f"{ES_URL}/{prefix}"
        with TestClient(create_app(settings_for(url))) as client:
            ok = client.get("/api/health").json()
            assert ok["status"] == "ok" and {c["name"] for c in ok["checks"]} == {"cluster", "aliases", "query"}
            relations = backend._aliased_indexes()["relations"]
            backend.client.indices.delete_alias(index=relations, name=backend.alias("relations"))
            data = client.get("/api/health").json()
            assert data["status"] == "degraded"
            assert [c["name"] for c in data["checks"] if not c["ok"]] == ["aliases"]
            assert ES_URL.split("//")[1] not in str(data)
    finally:
        backend.drop()
        backend.close()


def test_damaged_full_text_index_with_intact_counts_is_degraded(corpus_index, settings_for, tmp_path):
    """The case from the probe: counts still read fine, so the old health said "ok", but every
    full-text query failed. Damage only the FTS5 segment blobs (a torn write inside the index)."""
    import sqlite3

    path = copy_index(corpus_index, tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE articles_data SET block = randomblob(length(block)) WHERE id > 10")
    with TestClient(create_app(settings_for(f"sqlite:///{path}")), raise_server_exceptions=False) as client:
        data = client.get("/api/health").json()
        assert data["status"] == "degraded" and data["articles"] >= 150, data
        assert [c["name"] for c in data["checks"] if not c["ok"]] == ["query"]
        search = client.get("/api/search", params={"q": "nạn nhân"})
        assert search.status_code == 503 and search.json()["error"] == "backend_unavailable"


def test_health_requests_do_not_read_the_whole_file_each_time(corpus_index, settings_for, tmp_path, monkeypatch):
    """At 100x the index is 3.4 GB: quick_check runs in the background once per index state
    (start-up, then after each write), and health requests report its result with its age."""
    import sqlite3

    from search_api.backends import sqlite_integrity

    runs = []
    original = sqlite_integrity.quick_check
    monkeypatch.setattr(sqlite_integrity, "quick_check", lambda path: runs.append(path) or original(path))
    path = copy_index(corpus_index, tmp_path)
    with TestClient(create_app(settings_for(f"sqlite:///{path}"))) as client:
        for _ in range(5):
            data = client.get("/api/health").json()
            assert data["status"] == "ok", data
        assert len(runs) == 1
        integrity = next(c for c in data["checks"] if c["name"] == "integrity")
        assert "checked" in integrity["detail"] and "ago" in integrity["detail"]
        with sqlite3.connect(path) as connection:  # a write by another process: the generation moves on
            connection.execute(
                "INSERT INTO meta VALUES('generation', '1')"
                " ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
            )
        assert client.get("/api/health").json()["status"] == "ok"
        assert len(runs) == 2


def test_a_large_index_is_not_waited_for_and_damage_found_later_is_reported(
    corpus_index, settings_for, tmp_path, monkeypatch
):
    """A file too big to check on the request: the first probe answers at once (check running),
    and the check's verdict, when it comes, is what later probes report."""
    import threading

    from ingest.index_contract import HealthCheck
    from search_api.backends import sqlite_integrity

    release = threading.Event()

    def slow_failing_check(path):
        release.wait(10)
        return HealthCheck("integrity", False, "*** in database main ***: page 7 is never used")

    monkeypatch.setattr(sqlite_integrity, "quick_check", slow_failing_check)
    monkeypatch.setattr(sqlite_integrity, "WAIT_BELOW_BYTES", 0)
    path = copy_index(corpus_index, tmp_path)
    with TestClient(create_app(settings_for(f"sqlite:///{path}"))) as client:
        first = client.get("/api/health").json()
        assert first["status"] == "ok" and "not verified yet" in str(first["checks"]), first
        release.set()
        backend = client.app.state.vnlex.backend
        for _ in range(100):
            if backend.integrity._running is None:
                break
            threading.Event().wait(0.05)
        later = client.get("/api/health")
        assert later.status_code == 503 and later.json()["status"] == "degraded", later.json()
