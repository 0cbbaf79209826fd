"""Documents and articles by number. URLs use slugs ('09-2013-ND-CP') that resolve back to the
number; any other spelling that resolves (e.g. '9-2013-nd-cp') redirects to the canonical slug."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse

from ingest.numbers import slug, slug_key
from search_api.collection import MAX_SIZE, DocumentList, ListRequest, list_documents
from search_api.deps import state
from search_api.schemas import ERRORS_404, ERRORS_503, REDIRECT_308, ArticleResponse, DocumentOut
from search_api.views import article_view, document_view, source_label

router = APIRouter(tags=["documents"])
NUMBER_HELP = "Slug of the document number (09-2013-ND-CP); other spellings redirect to it"


def resolve_number(request: Request, text: str) -> str | None:
    """The stored document number a slug or typed number stands for."""
    wanted = slug_key(text)
    for number, _type, _title in state(request).search.known_documents():
        if slug_key(number) == wanted:
            return number
    return None


def load(request: Request, text: str):
    number = resolve_number(request, text)
    document = state(request).backend.get_document(number) if number else None
    if document is None:
        raise HTTPException(status_code=404, detail=f"Không tìm thấy văn bản {text}")
    return document


@router.get("/documents", response_model=DocumentList)
async def get_documents(
    request: Request,
    type: Annotated[list[str], Query(description="Loại văn bản, e.g. Nghị định (repeatable)")] = [],  # noqa: B006
    issuer: Annotated[list[str], Query(description="Cơ quan ban hành (repeatable)")] = [],  # noqa: B006
    status: Annotated[
        list[str], Query(description="con_hieu_luc, het_hieu_luc, chua_hieu_luc, chua_ro (repeatable)")
    ] = [],  # noqa: B006
    topic: Annotated[list[str], Query(description="Chủ đề of the codified database (repeatable)")] = [],  # noqa: B006
    year: Annotated[int | None, Query(ge=1900, le=2100, description="Năm ban hành")] = None,
    q: Annotated[str, Query(max_length=200, description="words of the number or title, diacritics optional")] = "",
    has_text: Annotated[bool | None, Query(description="false: only texts known from the catalogue")] = None,
    in_force_on: Annotated[
        date | None,
        Query(description="YYYY-MM-DD: only documents shown in force that day on positive evidence (as /api/search)"),
    ] = None,
    include_news: bool = False,
    sort: Literal["issued", "effective", "number", "type"] = "issued",
    order: Literal["asc", "desc"] = "desc",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    size: Annotated[int, Query(ge=1, le=MAX_SIZE)] = 50,
) -> DocumentList:
    """Every document of the collection (catalogue-only ones marked `has_text: false`), filtered and sorted."""
    wanted = ListRequest(
        types=type,
        issuers=issuer,
        statuses=status,
        topics=topic,
        year=year,
        q=q,
        has_text=has_text,
        include_news=include_news,
        in_force_on=in_force_on,
        sort=sort,
        order=order,
        page=page,
        size=size,
    )
    return await run_in_threadpool(list_documents, state(request).backend, wanted)


@router.get("/documents/{number}", response_model=DocumentOut, responses={**REDIRECT_308, **ERRORS_404, **ERRORS_503})
def get_document(number: Annotated[str, Path(description=NUMBER_HELP)], request: Request):
    """A document: metadata, status with its reason, articles with clauses and points, relations both ways."""
    document = load(request, number)
    if number != slug(document.number):
        return RedirectResponse(request.url_for("get_document", number=slug(document.number)), status_code=308)
    data = document_view(document, state(request).backend.incoming_relations(document.number))
    data["source"] = source_label(data.pop("source_file", ""))  # never a server path
    return data


@router.get(
    "/documents/{number}/articles/{article}",
    response_model=ArticleResponse,
    responses={**REDIRECT_308, **ERRORS_404, **ERRORS_503},
)
def get_article(
    number: Annotated[str, Path(description=NUMBER_HELP)],
    article: Annotated[str, Path(description="Article (Điều) number, e.g. 32")],
    request: Request,
):
    """One article (Điều) with its clauses, the document's status and the relations that concern it."""
    document = load(request, number)
    if number != slug(document.number):
        return RedirectResponse(
            request.url_for("get_article", number=slug(document.number), article=article), status_code=308
        )
    data = article_view(document, article, state(request).backend.incoming_relations(document.number))
    if data is None:
        raise HTTPException(status_code=404, detail=f"{document.number} không có Điều {article}")
    return data
