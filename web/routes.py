"""The server-rendered web UI: search page, document reader, reading list.

`install(app)` is called by search_api.app.create_app; `render_error` is what the app's
BackendError handler uses for non-API paths. Pages work without JavaScript: the URL
carries the whole search, forms post and redirect. Templates only lay out contexts built
here; the only markup they let through is snippet_html (search_api.highlight) and the
citation links of web.linkify, both escaped before any tag is added.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ingest.numbers import slug
from web import reading_list
from web.documents import DocumentCache, find_article
from web.reader import reader_context
from web.rendering import STATIC_DIR, page, render_error
from web.search_page import SearchRequest, search_context

__all__ = ["install", "render_error"]

router = APIRouter(include_in_schema=False)


@router.get("/")
def search_page(request: Request) -> Response:
    wanted = SearchRequest.from_params(request.query_params)
    entries = set(reading_list.read_entries(request))
    context = search_context(DocumentCache(request), wanted, entries)
    context["query"] = wanted.q
    context["next_url"] = str(request.url.path) + ("?" + request.url.query if request.url.query else "")
    return page(request, "search.html", context)


def _document_or_404(request: Request, cache: DocumentCache, text: str):
    document = cache.by_slug(text)
    if document is None:
        return None, render_error(request, 404, f"Không tìm thấy văn bản “{text}” trong chỉ mục.")
    return document, None


@router.get("/van-ban/{doc_slug}")
def document_page(doc_slug: str, request: Request) -> Response:
    cache = DocumentCache(request)
    document, missing = _document_or_404(request, cache, doc_slug)
    if missing:
        return missing
    canonical = slug(document.number)
    if doc_slug != canonical:
        # One URL per document, so bookmarks, citations and the reading list agree.
        target = f"/van-ban/{canonical}" + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(target, status_code=308)
    context = reader_context(cache, document, set(reading_list.read_entries(request)))
    context["next_url"] = f"/van-ban/{canonical}"
    from web.missing_text import missing_text_context

    context["missing_text"] = missing_text_context(cache, document)
    # ?in=1: the text alone, as it prints (the same print CSS applies to the normal page).
    context["print_view"] = request.query_params.get("in") == "1"
    context["base_url"] = str(request.base_url).rstrip("/")
    return page(request, "document.html", context)


@router.get("/van-ban/{doc_slug}/dieu/{number}")
def article_redirect(doc_slug: str, number: str, request: Request) -> Response:
    """Short article links ('/van-ban/66-2011-QH12/dieu/32') open the reader at that article."""
    cache = DocumentCache(request)
    document, missing = _document_or_404(request, cache, doc_slug)
    if missing:
        return missing
    article = find_article(document, number)
    if article is None:
        return render_error(request, 404, f"{document.type} {document.number} không có Điều {number}.")
    return RedirectResponse(f"/van-ban/{slug(document.number)}#{article.id}", status_code=308)


def install(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(router)
    app.include_router(reading_list.router, include_in_schema=False)
    from web import collection_page, library_admin

    app.include_router(collection_page.router)
    app.include_router(library_admin.router)

    @app.exception_handler(StarletteHTTPException)
    async def html_errors(request: Request, error: StarletteHTTPException):
        # The JSON API keeps FastAPI's JSON errors; people get a page in Vietnamese.
        if request.url.path.startswith("/api") or request.url.path.startswith("/static"):
            return await http_exception_handler(request, error)
        message = {404: "Không có trang này.", 405: "Trang này không nhận kiểu yêu cầu đó."}.get(
            error.status_code, str(error.detail)
        )
        return render_error(request, error.status_code, message)

    @app.exception_handler(Exception)
    async def html_crash(request: Request, error: Exception):
        # Starlette still re-raises the error after this, so it is logged with its traceback.
        if request.url.path.startswith("/api"):
            return JSONResponse({"error": "internal_error", "message": "Lỗi máy chủ"}, status_code=500)
        return render_error(
            request, 500, "Đã có lỗi khi tạo trang này. Lỗi đã được ghi lại; hãy thử lại hoặc báo cho người quản trị."
        )
