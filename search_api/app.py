"""create_app(settings): the JSON API and the web UI in one FastAPI app; nothing connects at import.

Routers and pages take their per-request state from search_api.deps, so importing them here makes no cycle.
"""

from __future__ import annotations

import logging
import os
import signal
import time
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi_offline import FastAPIOffline

from ingest.index_contract import BackendError
from ingest.pipeline import die_with_parent
from search_api.deps import AppState
from search_api.routers import admin, ask, documents, entitlements, health, search, suggest
from search_api.routers import trace as trace_router
from search_api.security import CROSS_SITE_MESSAGE, SecurityMiddleware, public_message
from search_api.settings import Settings
from search_api.startup import StartUpInterrupted, run_start_up_work
from web import answer_pages
from web import routes as web_routes

logger = logging.getLogger("vnlex")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    if os.environ.get("VNLEX_SERVER_WORKER") == "1":
        # A worker of `vnlex serve --workers N` (set by the parent only): SIGTERM, a graceful stop, when the
        # parent dies. Not for a single-process server, whose parent is the user's shell or service manager.
        die_with_parent(signal.SIGTERM)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        # Ready before the first question: the segmenter's model, the known documents and the
        # corpus store (documents with the provisions and term counts ingest stored beside them)
        # are loaded here, off the event loop. An index that cannot be read yet is not fatal: the
        # store builds on first use.
        started = time.perf_counter()
        try:
            # VNLEX_WARM_ANSWERS=0: a search-only start; the answer layer builds on its first use.
            # (At 10x the collection, bench/answer_store.py: the store and its views 3.6 s, the
            # entitlement rows 9.9 s; before the answer data was stored at ingest the store alone
            # recomputed 37 s of provisions and term counts, and 100x took over ten minutes.)
            answers = os.environ.get("VNLEX_WARM_ANSWERS", "1") != "0"

            def warm() -> None:
                app.state.vnlex.warm(answers)
                if answers:
                    entitlements.rows_of(app.state.vnlex)

            # In a daemon thread that a SIGTERM during start-up leaves behind (search_api/startup.py):
            # the server then stops at once instead of after the whole build.
            await run_start_up_work(warm)
            logger.info("answer layer ready in %.1f s", time.perf_counter() - started)
        except StartUpInterrupted:
            logger.warning("stopping during start-up: answer layer not built (%.1f s)", time.perf_counter() - started)
        except BackendError as error:
            logger.warning("answer layer not warmed (%s); it will build on the first question", error)
        yield

    # /docs and /redoc serve Swagger UI and ReDoc from the fastapi-offline package, not a CDN.
    app = FastAPIOffline(
        title="vnlex",
        version="0.1.0",
        description="Tra cứu văn bản pháp luật về phòng, chống mua bán người",
        lifespan=lifespan,
    )
    app.state.vnlex = AppState(settings)
    # Headers on every response, and cross-site form posts refused before their body is read.
    app.add_middleware(
        SecurityMiddleware, refusal=lambda request: web_routes.render_error(request, 403, CROSS_SITE_MESSAGE)
    )

    @app.exception_handler(BackendError)
    async def backend_down(request: Request, error: BackendError):
        # The engine being down is a 503 with its reason, never a stack trace; the reason shown
        # to the public has no server paths or hosts (the log keeps the full text).
        logger.warning("backend error on %s: %s", request.url.path, error)
        message = public_message(error)
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": "backend_unavailable", "message": message}, status_code=503)
        return web_routes.render_error(request, 503, message)

    for router in (
        search.router,
        documents.router,
        suggest.router,
        health.router,
        admin.router,
        ask.router,
        entitlements.router,
        trace_router.router,
    ):
        app.include_router(router, prefix="/api")
    web_routes.install(app)
    answer_pages.install(app)
    return app
