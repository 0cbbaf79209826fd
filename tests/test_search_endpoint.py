"""Where GET /api/search runs its search (search_api/routers/search.py): on the event loop for the
embedded backend (CPU work in this process: no thread hand-offs, requests one after the other), in the
thread pool for a backend whose search waits on a server (Elasticsearch), so the loop keeps serving."""

from __future__ import annotations

import asyncio

from fastapi.testclient import TestClient

from search_api.app import create_app
from search_api.search import SearchService


def _where() -> str:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return "thread pool"
    return "event loop"


def test_embedded_searches_run_on_the_event_loop_others_in_the_thread_pool(corpus_index, settings_for, monkeypatch):
    monkeypatch.setenv("VNLEX_WARM_ANSWERS", "0")
    app = create_app(settings_for(corpus_index))
    seen: list[str] = []
    original = SearchService.search

    def recording(self, *args, **kwargs):
        seen.append(_where())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SearchService, "search", recording)
    with TestClient(app) as client:
        assert app.state.vnlex.search.searches_in_process  # SQLite
        embedded = client.get("/api/search", params={"q": "hỗ trợ nạn nhân", "size": 3})
        monkeypatch.setattr(SearchService, "searches_in_process", property(lambda self: False))
        pooled = client.get("/api/search", params={"q": "hỗ trợ nạn nhân", "size": 3})
    assert seen == ["event loop", "thread pool"]
    assert embedded.status_code == pooled.status_code == 200
    assert embedded.json()["hits"] == pooled.json()["hits"] and embedded.json()["hits"]


def test_only_the_embedded_backend_searches_in_process():
    from search_api.backends.elasticsearch import ElasticsearchBackend
    from search_api.backends.sqlite import SQLiteBackend

    assert SQLiteBackend.searches_in_process is True
    assert not getattr(ElasticsearchBackend, "searches_in_process", False)
