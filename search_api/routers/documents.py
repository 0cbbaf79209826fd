"""Documents and articles by number. URLs use slugs ('09-2013-ND-CP') that resolve back to the
number; any other spelling that resolves (e.g. '9-2013-nd-cp') redirects to the canonical slug."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import RedirectResponse

from ingest.numbers import slug, slug_key
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
