"""GET /ask?q=&date=: an extractive answer (quoted clauses with citations, summary, in-force banner),
the supporting articles and related news. See search_api/answering/pipeline.py for the shape."""

from __future__ import annotations

import datetime
from functools import partial

from fastapi import APIRouter, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from search_api.answering.pipeline import AnswerService
from search_api.deps import run_in_process_work, state
from search_api.routers.search import MAX_INPUT_CHARS

router = APIRouter(tags=["answers"])


def answer_service(request: Request) -> AnswerService:
    """The app's one AnswerService (search_api.deps.AppState), sharing the corpus store with /api/entitlements."""
    return state(request).answers


def parse_day(text: str) -> datetime.date | None:
    """'2024-03-15' or '15/03/2024' -> date; '' -> None; anything else -> ValueError."""
    text = (text or "").strip()
    if not text:
        return None
    if "/" in text:
        day, month, year = (int(part) for part in text.split("/"))
        return datetime.date(year, month, day)
    return datetime.date.fromisoformat(text)


@router.get("/ask")
async def ask(
    request: Request,
    q: str = Query("", max_length=MAX_INPUT_CHARS),
    date: datetime.date | None = Query(None, description="answer with what applied that day (YYYY-MM-DD)"),
):
    answer = await run_in_process_work(request, partial(answer_service(request).ask, q, on_date=date), lane="answer")
    return json_response(answer)


def json_response(content: dict) -> JSONResponse:
    """The answer dict holds only JSON types, so it is rendered as it is: FastAPI's jsonable_encoder
    walked the whole answer in Python first (about 2 ms of a 16 ms answer, bench/RESULTS.md). A value
    json cannot take still goes through the encoder, so the bytes are the same either way."""
    try:
        return JSONResponse(content)
    except TypeError:
        return JSONResponse(jsonable_encoder(content))
