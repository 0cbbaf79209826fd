"""GET /api/suggest: completions for document numbers, names and the collection's terms as the user types."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import APIRouter, Query, Request

from search_api.completion import NEWS_TYPE, Completer, abbreviations
from search_api.deps import state
from search_api.schemas import ERRORS_503, SuggestResponse

router = APIRouter(tags=["suggest"])
_building = threading.Lock()


def completer(request: Request) -> Completer:
    """The app's Completer, built once from the index and rebuilt only when the indexed
    documents change (the document list itself is cached by the search service)."""
    app_state = state(request)
    documents = app_state.search.known_documents()
    key = tuple(documents)
    cached = getattr(request.app.state, "vnlex_completer", None)
    if cached is not None and cached[0] == key:
        return cached[1]
    with _building:  # requests run in a thread pool: one build at a time
        cached = getattr(request.app.state, "vnlex_completer", None)
        if cached is None or cached[0] != key:
            titles = []
            for number, type_, _title in documents:
                document = app_state.backend.get_document(number) if type_ != NEWS_TYPE else None
                if document is not None:
                    titles.extend(a.title for a in document.articles if a.title)
            cached = (key, Completer.build(documents, titles, abbreviations()))
            request.app.state.vnlex_completer = cached
    return cached[1]


@router.get("/suggest", response_model=SuggestResponse, responses=ERRORS_503)
def suggest(
    request: Request,
    q: Annotated[str, Query(max_length=200, description="What has been typed so far")] = "",
    limit: Annotated[int, Query(ge=1, le=20, description="Most suggestions returned")] = 8,
) -> dict:
    """Completions of what is typed (two characters at least), with or without diacritics: document numbers
    first ('09/20' → 09/2013/NĐ-CP), then terms of the collection ('tro cap' → 'trợ cấp khó khăn ban đầu')
    and document names."""
    return {"query": q, "suggestions": completer(request).complete(q, limit)}
