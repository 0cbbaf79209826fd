"""GET /api/search: articles matching a query, with filters, facets, highlights and timing."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Annotated

from fastapi import APIRouter, Query, Request

from ingest.index_contract import Filters
from search_api.deps import run_in_process_work, state
from search_api.schemas import ERRORS_503, SearchResponse

router = APIRouter(tags=["search"])
MAX_INPUT_CHARS = 20_000  # longer input is refused; up to this it is truncated by the query parser


def filters_from(
    type_: list[str], issuer: list[str], status: list[str], topic: list[str], year_from: int | None, year_to: int | None
) -> Filters:
    return Filters(doc_type=type_, issuer=issuer, status=status, topic=topic, year_from=year_from, year_to=year_to)


@router.get("/search", response_model=SearchResponse, responses=ERRORS_503)
async def search(
    request: Request,
    q: Annotated[str, Query(max_length=MAX_INPUT_CHARS, description="Vietnamese query, diacritics optional")] = "",
    # B006 does not apply: FastAPI copies a parameter's default for each request.
    type: Annotated[list[str], Query(description="Document type, e.g. Nghị định")] = [],  # noqa: A002, B006
    issuer: Annotated[list[str], Query(description="Issuing body, e.g. Chính phủ (a facet value)")] = [],  # noqa: B006
    status: Annotated[list[str], Query(description="con_hieu_luc | het_hieu_luc | chua_hieu_luc")] = [],  # noqa: B006
    topic: Annotated[list[str], Query(description="Topic of the codified database (a facet value)")] = [],  # noqa: B006
    year_from: Annotated[int | None, Query(ge=1945, le=2100, description="Issued in or after")] = None,
    year_to: Annotated[int | None, Query(ge=1945, le=2100, description="Issued in or before")] = None,
    in_force_on: Annotated[
        date | None,
        Query(description="YYYY-MM-DD: only documents shown in force that day on positive evidence"),
    ] = None,
    page: Annotated[int, Query(ge=1, le=1000, description="Page of results, from 1")] = 1,
    size: Annotated[int, Query(ge=1, le=100, description="Hits per page")] = 10,
) -> dict:
    """Articles matching the words (with or without diacritics), a document number or an article reference.

    Normative texts rank above news reports for the same match; filter by `type=Tin tức` to see news.
    """
    filters = filters_from(type, issuer, status, topic, year_from, year_to)
    filters.in_force_on = in_force_on.isoformat() if in_force_on else None
    service = state(request).search
    run = partial(service.search, q, filters, page=page, size=size)
    return await run_in_process_work(request, run, lane="search")
