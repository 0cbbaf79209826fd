"""How GET /api/search, GET /api/ask and the /hoi-dap page run their work (search_api.deps.run_in_process_work):
on the embedded backend one search and one answer at a time, each in a thread of the pool (CPU work in this
process: concurrent ones would only take turns on the GIL), leaving the event loop free, and a search never
queued behind an answer; a backend whose search waits on a server (Elasticsearch) several at once in the pool."""

from __future__ import annotations

import asyncio
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from search_api.answering.pipeline import AnswerService
from search_api.app import create_app
from search_api.search import SearchService

SEARCH = (SearchService, "search", "/api/search", {"q": "nạn nhân", "size": 2})
ANSWER = (AnswerService, "ask", "/api/ask", {"q": "nạn nhân được hỗ trợ gì"})
ANSWER_PAGE = (AnswerService, "ask", "/hoi-dap", {"q": "nạn nhân được hỗ trợ gì"})


def _calls_at_once(client: TestClient, monkeypatch, work=SEARCH) -> tuple[int, list[bool]]:
    """The most calls of the work running at the same time, and for each whether it ran on the event loop,
    for 6 requests sent at once (each call made to take 50 ms)."""
    cls, method, path, params = work
    lock = threading.Lock()
    running, most, on_loop = 0, 0, []
    original = getattr(cls, method)

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

    monkeypatch.setattr(cls, method, slow)
    with ThreadPoolExecutor(6) as pool:
        statuses = list(pool.map(lambda _: client.get(path, params=params), range(6)))
    monkeypatch.setattr(cls, method, original)
    assert [r.status_code for r in statuses] == [200] * 6
    return most, on_loop


def test_embedded_searches_run_one_at_a_time_off_the_event_loop(corpus_index, settings_for, monkeypatch):
    monkeypatch.setenv("VNLEX_WARM_ANSWERS", "0")
    app = create_app(settings_for(corpus_index))
    with TestClient(app) as client:
        assert app.state.vnlex.search.searches_in_process  # SQLite
        most, on_loop = _calls_at_once(client, monkeypatch)
        assert most == 1 and on_loop == [False] * 6
        monkeypatch.setattr(SearchService, "searches_in_process", property(lambda self: False))
        most, on_loop = _calls_at_once(client, monkeypatch)
        assert most > 1 and on_loop == [False] * 6


@pytest.mark.parametrize("work", [ANSWER, ANSWER_PAGE], ids=["api", "page"])
def test_embedded_answers_run_one_at_a_time_off_the_event_loop(corpus_index, settings_for, monkeypatch, work):
    # Answers took turns on the GIL as plain `def` routes: each lasted as long as all those in flight together,
    # and at 8 clients p95 was about four times the slowest answer's own time (bench/RESULTS.md).
    monkeypatch.setenv("VNLEX_WARM_ANSWERS", "0")
    app = create_app(settings_for(corpus_index))
    with TestClient(app) as client:
        most, on_loop = _calls_at_once(client, monkeypatch, work)
        assert most == 1 and on_loop == [False] * 6
        monkeypatch.setattr(SearchService, "searches_in_process", property(lambda self: False))
        most, on_loop = _calls_at_once(client, monkeypatch, work)
        assert most > 1 and on_loop == [False] * 6


def test_a_search_does_not_queue_behind_an_answer(corpus_index, settings_for, monkeypatch):
    monkeypatch.setenv("VNLEX_WARM_ANSWERS", "0")
    app = create_app(settings_for(corpus_index))
    answering, finished = threading.Event(), []
    original = AnswerService.ask

    def slow_answer(self, *args, **kwargs):
        answering.set()
        time.sleep(0.5)
        finished.append("answer")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(AnswerService, "ask", slow_answer)
    with TestClient(app) as client, ThreadPoolExecutor(2) as pool:
        answer = pool.submit(client.get, "/api/ask", params={"q": "nạn nhân được hỗ trợ gì"})
        assert answering.wait(5)
        search = client.get("/api/search", params={"q": "nạn nhân", "size": 2})
        finished.append("search")
        assert search.status_code == 200 and answer.result().status_code == 200
    assert finished[:2] == ["search", "answer"]


def test_only_the_embedded_backend_searches_in_process():
    from search_api.backends.elasticsearch import ElasticsearchBackend
    from search_api.backends.sqlite import SQLiteBackend

    assert SQLiteBackend.searches_in_process is True
    assert not getattr(ElasticsearchBackend, "searches_in_process", False)
