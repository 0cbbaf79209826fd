"""Request dependencies: what every router and page needs, built once per app by create_app.

Routers and pages import from here, never from search_api.app, so the app module can import
every router without a cycle.
"""

from __future__ import annotations

from fastapi import Request

from search_api.answering.pipeline import AnswerService
from search_api.backends import open_backend
from search_api.corpus_store import CorpusStore
from search_api.jobs import JobRunner
from search_api.search import SearchService
from search_api.settings import Settings


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
