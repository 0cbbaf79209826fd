"""The trainers' reading list: articles collected across documents, kept in a cookie.

No account and no server-side state: the cookie holds "slug:article" entries joined by
"|" (both characters are legal cookie octets). The cookie is user-controlled input, so
every entry is checked against a strict pattern when read, and against the index (the
document exists under that canonical slug and has that article) when added and when
shown. Forms post and redirect back (works without JavaScript); app.js may post the same
form with fetch and gets JSON instead of the redirect.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from ingest.document_citation import unit_citation
from ingest.model import Article, Unit
from ingest.numbers import slug
from ingest.units import id_part
from web.documents import DocumentCache, citation, document_url, find_article
from web.exports import docx_bytes, markdown
from web.reading_cookie import COOKIE, ENTRY_RE, MAX_ENTRIES, read_entries
from web.rendering import page, render_error

COOKIE_MAX_AGE = 365 * 24 * 3600
CROSS_SITE_MESSAGE = "Yêu cầu đến từ một trang web khác nên không được chấp nhận."

router = APIRouter()


def _store(response: Response, entries: list[str]) -> None:
    if entries:
        response.set_cookie(
            COOKIE, "|".join(entries[:MAX_ENTRIES]), max_age=COOKIE_MAX_AGE, httponly=True, samesite="lax", path="/"
        )
    else:
        response.delete_cookie(COOKIE, path="/")


def find_unit(article: Article, path: list[str]) -> Unit | None:
    """The clause (and point) that an entry's '1' or '1.a' names, by the ids the structure gave them."""
    unit = None
    for kind, part in zip(("khoan", "diem"), path, strict=False):
        units = article.units if unit is None else unit.children
        unit = next((u for u in units if u.id.endswith("__" + id_part(kind, part))), None)
        if unit is None:
            return None
    return unit


def resolve_entry(cache: DocumentCache, entry: str) -> dict[str, Any] | None:
    """The article, clause or point an entry names, with its citation; None if the index does not have it."""
    doc_slug, _, cited = entry.partition(":")
    number, *path = cited.split(".")
    document = cache.by_slug(doc_slug)
    if document is None or slug(document.number) != doc_slug:
        return None
    article = find_article(document, number)
    if article is None:
        return None
    unit = find_unit(article, path) if path else None
    if path and unit is None:
        return None
    heading = f"Điều {article.number}. {article.title}".strip(". ")
    text = unit.text if unit else article.text
    return {
        "entry": entry,
        "slug": doc_slug,
        "article_number": cited,
        "citation": citation(document, article, unit.id if unit else None),
        "heading": f"{unit_citation(document, unit.id, short=True)} ({heading})" if unit else heading,
        "url": document_url(document.number, unit.id if unit else article.id),
        "lines": [line.strip() for line in text.split("\n") if line.strip()],
        "document": document,
        "article": article,
    }


def resolved_items(request: Request) -> list[dict[str, Any]]:
    cache = DocumentCache(request)
    return [item for entry in read_entries(request) if (item := resolve_entry(cache, entry)) is not None]


def safe_next(target: str | None, default: str = "/danh-sach-doc") -> str:
    """Only a path on this site: never another host ('//evil', 'https://...', '/\\evil')."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target


def _cross_site(request: Request) -> bool:
    """Not posted from this site (search_api.security refuses these first; kept here as a second check)."""
    from search_api.security import is_same_origin

    return not is_same_origin(request)


def _wants_json(request: Request) -> bool:
    return request.headers.get("x-requested-with") == "fetch"


async def _form(request: Request) -> dict[str, str]:
    form = await request.form()
    return {key: str(form.get(key) or "").strip()[:200] for key in ("slug", "article", "next")}


def _answer(request: Request, entries: list[str], message: str, next_url: str, status: int = 200) -> Response:
    if _wants_json(request):
        response: Response = JSONResponse({"count": len(entries), "message": message}, status_code=status)
    else:
        response = RedirectResponse(next_url, status_code=303)
    _store(response, entries)
    return response


async def _posted_entry(request: Request) -> tuple[dict, str] | Response:
    """The form and its "slug:article" entry, or the refusal of a cross-site post."""
    if _cross_site(request):
        return render_error(request, 403, CROSS_SITE_MESSAGE)
    form = await _form(request)
    return form, f"{form['slug']}:{form['article'].lower()}"


@router.post("/danh-sach-doc/them")
async def add_to_reading_list(request: Request) -> Response:
    posted = await _posted_entry(request)
    if isinstance(posted, Response):
        return posted
    form, entry = posted
    entries = read_entries(request)
    if not ENTRY_RE.match(entry) or resolve_entry(DocumentCache(request), entry) is None:
        message = f"Không tìm thấy Điều {form['article']} của văn bản {form['slug']} trong chỉ mục."
        if _wants_json(request):
            return JSONResponse({"count": len(entries), "message": message}, status_code=400)
        return render_error(request, 400, message)
    if entry in entries:
        message = "Điều này đã có trong danh sách đọc."
    elif len(entries) >= MAX_ENTRIES:
        message = f"Danh sách đọc đã đủ {MAX_ENTRIES} điều; hãy bỏ bớt trước khi thêm."
        if _wants_json(request):
            return JSONResponse({"count": len(entries), "message": message}, status_code=409)
        return render_error(request, 409, message)
    else:
        entries.append(entry)
        message = "Đã thêm vào danh sách đọc."
    return _answer(request, entries, message, safe_next(form["next"]))


@router.post("/danh-sach-doc/xoa")
async def remove_from_reading_list(request: Request) -> Response:
    posted = await _posted_entry(request)
    if isinstance(posted, Response):
        return posted
    form, entry = posted
    entries = [e for e in read_entries(request) if e != entry]
    return _answer(request, entries, "Đã bỏ khỏi danh sách đọc.", safe_next(form["next"]))


@router.post("/danh-sach-doc/xoa-het")
async def clear_reading_list(request: Request) -> Response:
    if _cross_site(request):
        return render_error(request, 403, CROSS_SITE_MESSAGE)
    return _answer(request, [], "Đã xóa danh sách đọc.", "/danh-sach-doc")


@router.get("/danh-sach-doc")
def reading_list_page(request: Request) -> Response:
    return page(request, "reading_list.html", {"items": resolved_items(request), "print_view": False})


@router.get("/danh-sach-doc/in")
def reading_list_print(request: Request) -> Response:
    return page(request, "reading_list.html", {"items": resolved_items(request), "print_view": True})


@router.get("/danh-sach-doc.md")
def reading_list_markdown(request: Request) -> Response:
    text = markdown(resolved_items(request), str(request.base_url).rstrip("/"))
    return Response(
        text,
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="danh-sach-doc.md"'},
    )


@router.get("/danh-sach-doc.docx")
def reading_list_docx(request: Request) -> Response:
    data = docx_bytes(resolved_items(request), str(request.base_url).rstrip("/"))
    return Response(
        data,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        headers={"Content-Disposition": 'attachment; filename="danh-sach-doc.docx"'},
    )
