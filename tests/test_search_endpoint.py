"""How GET /api/search runs its searches (search_api/routers/search.py): the embedded backend's one at a
time in a thread of the pool (CPU work in this process: concurrent ones would only take turns on the
GIL), leaving the event loop free; a backend whose search waits on a server (Elasticsearch) several at
once in the thread pool."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient

from search_api.app import create_app
from search_api.search import SearchService


def _searches_at_once(client: TestClient, monkeypatch) -> tuple[int, list[bool]]:
    """The most searches running at the same time, and for each whether it ran on the event loop,
    for 6 requests sent at once (each search made to take 50 ms)."""
    lock = threading.Lock()
    running, most, on_loop = 0, 0, []
    original = SearchService.search

    def slow(self, *args, **kwargs):
        nonlocal running, most
        try:
            asyncio.get_running_loop()
            on_loop.append(True)
        except RuntimeError:
            on_loop.append(False)
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.05)
        with lock:
            running -= 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SearchService, "search", slow)
    with ThreadPoolExecutor(6) as pool:
        statuses = list(pool.map(lambda _: client.get("/api/search", params={"q": "nạn nhân", "size": 2}), range(6)))
    monkeypatch.setattr(SearchService, "search", original)
    assert [r.status_code for r in statuses] == [200] * 6
    return most, on_loop


def test_embedded_searches_run_one_at_a_time_off_the_event_loop(corpus_index, settings_for, monkeypatch):
    monkeypatch.setenv("VNLEX_WARM_ANSWERS", "0")
    app = create_app(settings_for(corpus_index))
    with TestClient(app) as client:
        assert app.state.vnlex.search.searches_in_process  # SQLite
        most, on_loop = _searches_at_once(client, monkeypatch)
        assert most == 1 and on_loop == [False] * 6
        monkeypatch.setattr(SearchService, "searches_in_process", property(lambda self: False))
        most, on_loop = _searches_at_once(client, monkeypatch)
        assert most > 1 and on_loop == [False] * 6


def test_only_the_embedded_backend_searches_in_process():
    from search_api.backends.elasticsearch import ElasticsearchBackend
    from search_api.backends.sqlite import SQLiteBackend

    assert SQLiteBackend.searches_in_process is True
    assert not getattr(ElasticsearchBackend, "searches_in_process", False)
