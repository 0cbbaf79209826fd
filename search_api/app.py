"""create_app(settings): the JSON API and the web UI in one FastAPI app; nothing connects at import."""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from search_api.backends import open_backend
from search_api.backends.base import BackendError
from search_api.search import SearchService
from search_api.settings import Settings


class AppState:
    """What every request needs, built once per app from the injected settings."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.backend = open_backend(settings.index_url, username=settings.es_username,
                                    password=settings.es_password, ca_certs=settings.es_ca_certs)
        self.search = SearchService(self.backend)


def create_app(settings: Settings | None = None) -> FastAPI:
    from search_api.routers import admin, ask, documents, entitlements, health, search, suggest
    from search_api.routers import trace as trace_router
    from web import answer_pages
    from web import routes as web_routes

    settings = settings or Settings()
    app = FastAPI(title="vnlex", version="0.1.0",
                  description="Tra cứu văn bản pháp luật về phòng, chống mua bán người")
    app.state.vnlex = AppState(settings)

    @app.exception_handler(BackendError)
    async def backend_down(request: Request, error: BackendError):
        # The engine being down is a 503 with its reason, never a stack trace.
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": "backend_unavailable", "message": str(error)}, status_code=503)
        return web_routes.render_error(request, 503, str(error))

    for router in (search.router, documents.router, suggest.router, health.router, admin.router,
                   ask.router, entitlements.router, trace_router.router):
        app.include_router(router, prefix="/api")
    web_routes.install(app)
    answer_pages.install(app)
    return app


def state(request: Request) -> AppState:
    return request.app.state.vnlex
