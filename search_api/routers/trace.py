"""GET /trace?doc=&article=: the detailing and replacement tree of a law (article)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, HTTPException, Query, Request

from search_api.deps import state
from search_api.routers.documents import resolve_number
from search_api.schemas import ERRORS_404, ERRORS_503, TraceResponse
from search_api.trace import trace

router = APIRouter(tags=["trace"])


@router.get("/trace", response_model=TraceResponse, responses={**ERRORS_404, **ERRORS_503})
def get_trace(
    request: Request,
    doc: str = Query(..., max_length=200, description="Document number or slug: 66/2011/QH12, 66-2011-QH12"),
    article: str | None = Query(None, max_length=20, description="Article (Điều) number; omit for the whole text"),
    in_force_on: date | None = Query(
        None, description="YYYY-MM-DD: only detailing texts shown in force that day on positive evidence"
    ),
):
    """Law article → decree articles → circulars detailing them, with what replaced or amended each."""
    # Any typed number or slug resolves the way /documents/{number} does.
    number = resolve_number(request, doc)
    data = trace(state(request).backend, number, article, in_force_on) if number else None
    if data is None:
        what = f"Điều {article} của văn bản {doc}" if number and article else f"văn bản {doc}"
        raise HTTPException(status_code=404, detail=f"Không tìm thấy {what}")
    return data
