"""Request dependencies: what every router and page needs, built once per app by create_app.

Routers and pages import from here, never from search_api.app, so the app module can import
every router without a cycle.
"""

from __future__ import annotations

from fastapi import Request

from search_api.backends import open_backend
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
        self.jobs = JobRunner()  # background writes (reindex, uploads), one at a time


def state(request: Request) -> AppState:
    return request.app.state.vnlex
