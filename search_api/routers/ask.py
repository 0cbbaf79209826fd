"""GET /ask?q=: an extractive answer (quoted clauses with citations) and the supporting articles."""

from __future__ import annotations

import threading

from fastapi import APIRouter, Query, Request

from search_api.answers import AnswerService
from search_api.deps import state
from search_api.routers.search import MAX_INPUT_CHARS

router = APIRouter(tags=["answers"])
_creating = threading.Lock()


def answer_service(request: Request) -> AnswerService:
    """One AnswerService per app, next to its AppState: it caches documents, provisions and
    corpus term frequencies, and drops them itself when the index counts change."""
    app_state = request.app.state
    with _creating:  # requests run in a thread pool: build the one service once
        service = getattr(app_state, "vnlex_answers", None)
        if service is None:
            shared = state(request)
            service = app_state.vnlex_answers = AnswerService(shared.backend, shared.search)
    return service


@router.get("/ask")
def ask(request: Request, q: str = Query("", max_length=MAX_INPUT_CHARS)):
    return answer_service(request).ask(q)
