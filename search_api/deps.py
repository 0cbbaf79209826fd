"""Request dependencies: what every router and page needs, built once per app by create_app.

Routers and pages import from here, never from search_api.app, so the app module can import
every router without a cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import anyio
from fastapi import Request
from starlette.concurrency import run_in_threadpool

from search_api.answering.pipeline import AnswerService
from search_api.backends import open_backend
from search_api.corpus_store import CorpusStore
from search_api.jobs import JobRunner
from search_api.search import SearchService
from search_api.settings import Settings

T = TypeVar("T")


class AppState:
    """What every request needs, built once per app from the injected settings."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.backend = open_backend(
            settings.index_url,
            username=settings.es_username,
            password=settings.es_password,
            ca_certs=settings.es_ca_certs,
        )
        self.search = SearchService(self.backend)
        # One store of documents, provisions and term statistics for answers and /api/entitlements,
        # built by the app's lifespan before the first request (warm()).
        self.store = CorpusStore(self.backend)
        self.answers = AnswerService(self.backend, self.search, self.store, today=settings.today)
        self.jobs = JobRunner()  # background writes (reindex, uploads), one at a time
        self.cpu_lanes: dict[str, anyio.CapacityLimiter] = {}  # run_in_process_work's queues, made on the loop

    def warm(self, answers: bool = True) -> None:
        """Everything the first question needs: the segmenter's model, the known documents, the store
        and its collection-wide views (the answer layer's; skipped with answers=False, they then build
        on first use)."""
        from ingest.analysis import analyze

        analyze("khởi động")
        self.search.known_documents()
        if answers:
            self.answers.warm()


def state(request: Request) -> AppState:
    return request.app.state.vnlex


async def run_in_process_work(request: Request, work: Callable[[], T], lane: str) -> T:
    """Run a search or an answer off the event loop; on the embedded backend, one per lane at a time.

    An embedded search or answer is CPU work in this process that waits on nothing (an answer is
    ~20 ms, its slowest ~80 ms). Run as plain `def` routes, every request in flight got a thread of
    the pool and they took turns on the GIL: each one then lasted about as long as all of them
    together, and the slowest answers set p95 at 8 clients (search: 3-4x p50; answers: 4x the
    slowest answer's own time). Queued one after the other instead, a request waits for the ones
    ahead and then runs alone (bench/RESULTS.md, "Load and scale: /api/search at 1×" and "/api/ask
    one at a time"). Searches and answers queue in separate lanes, so a search typed into the box
    never waits behind an answer. Elasticsearch requests wait on the network, several at once.
    """
    if not state(request).search.searches_in_process:
        return await run_in_threadpool(work)
    return await anyio.to_thread.run_sync(work, limiter=_lane(request, lane))


def _lane(request: Request, lane: str) -> anyio.CapacityLimiter:
    lanes = state(request).cpu_lanes
    if lane not in lanes:  # made on the app's event loop, at the lane's first request (no await in between)
        lanes[lane] = anyio.CapacityLimiter(1)
    return lanes[lane]
