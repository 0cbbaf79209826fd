"""The "Thêm văn bản" page (/them-van-ban): upload the DOCX/PDF/HTML of a text downloaded from
vbpl.vn or the national codified database; it replaces the catalogue entry of the same number.

Same rules as POST /api/ingest: refused outright when VNLEX_API_TOKEN is not set, and the token is
checked before the upload body is read. A browser cannot send a bearer header from a plain form,
so the token is entered once on a small login form (its body is capped at 4 KB) and kept as an
HMAC of it in an HttpOnly, SameSite=Strict cookie scoped to this page; cross-site posts are
refused. Receiving, saving and ingesting is search_api.routers.admin.ingest_uploads, the one upload path.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response

from ingest.catalogue import STUB_SOURCE_FILE
from ingest.numbers import number_key
from search_api.routers.admin import ingest_uploads, token_matches
from web.documents import document_url
from web.reading_list import _cross_site
from web.rendering import page, render_error

router = APIRouter(include_in_schema=False)
PATH = "/them-van-ban"
COOKIE = "vnlex_upload"
COOKIE_MAX_AGE = 8 * 3600
MAX_LOGIN_BYTES = 4096
MAX_FILES = 10
ACCEPTED = ".docx,.pdf,.html,.htm,.txt,.md"
DISABLED = (
    "Chức năng thêm văn bản đang tắt: máy chủ chưa đặt mã quản trị (biến môi trường VNLEX_API_TOKEN). "
    "Người quản trị vẫn có thể thêm văn bản bằng lệnh: vnlex ingest ĐƯỜNG_DẪN_TỆP"
)


def _session_value(token: str) -> str:
    """What the cookie holds: derived from the token, so it is void once the token changes."""
    return hmac.new(token.encode(), b"vnlex-upload-session", hashlib.sha256).hexdigest()


def _signed_in(request: Request, token: str) -> bool:
    given = request.cookies.get(COOKIE, "")
    return bool(given) and hmac.compare_digest(given.encode(), _session_value(token).encode())


def _token(request: Request) -> str:
    return request.app.state.vnlex.settings.api_token or ""


def _refusal(request: Request) -> Response | None:
    """Why this write request is refused, decided from headers and cookies alone."""
    token = _token(request)
    if not token:
        return render_error(request, 403, DISABLED)
    if _cross_site(request):
        return render_error(request, 403, "Yêu cầu gửi từ trang web khác bị từ chối.")
    return None


def _context(request: Request, **extra: Any) -> dict[str, Any]:
    token = _token(request)
    settings = request.app.state.vnlex.settings
    return {
        "enabled": bool(token),
        "signed_in": bool(token) and _signed_in(request, token),
        "accepted": ACCEPTED,
        "max_upload_mb": settings.max_upload_mb,
        "report": None,
        "message": None,
        **extra,
    }


@router.get(PATH)
def add_page(request: Request) -> Response:
    status = 200 if _token(request) else 403
    return page(request, "add_document.html", _context(request), status_code=status)


@router.post(PATH + "/dang-nhap")
async def sign_in(request: Request) -> Response:
    refused = _refusal(request)
    if refused:
        return refused
    if int(request.headers.get("content-length") or MAX_LOGIN_BYTES + 1) > MAX_LOGIN_BYTES:
        return render_error(request, 413, "Biểu mẫu đăng nhập quá lớn.")
    form = await request.form()
    if not token_matches(_token(request), str(form.get("token") or "")):
        context = _context(request, message="Mã quản trị không đúng.")
        return page(request, "add_document.html", context, status_code=401)
    response = RedirectResponse(PATH, status_code=303)
    response.set_cookie(
        COOKIE, _session_value(_token(request)), max_age=COOKIE_MAX_AGE, httponly=True, samesite="strict", path=PATH
    )
    return response


@router.post(PATH + "/dang-xuat")
def sign_out(request: Request) -> Response:
    response = RedirectResponse(PATH, status_code=303)
    response.delete_cookie(COOKIE, path=PATH)
    return response


def _stub_numbers(backend) -> set[str]:
    return {number_key(d.number) for d, n in backend.list_documents() if d.source_file == STUB_SOURCE_FILE and not n}


@router.post(PATH)
async def upload(request: Request) -> Response:
    refused = _refusal(request)
    if refused:
        return refused
    if not _signed_in(request, _token(request)):
        context = _context(request, message="Hãy nhập mã quản trị trước khi tải tệp lên.")
        return page(request, "add_document.html", context, status_code=401)
    # Only now is the body read: streamed within the upload limits, files deleted after the ingest.
    backend = request.app.state.vnlex.backend
    stubs_before = await run_in_threadpool(_stub_numbers, backend)
    try:
        report = await ingest_uploads(request, max_files=MAX_FILES)
    except HTTPException as error:
        if error.status_code == 400 and "no file" in str(error.detail):
            context = _context(request, message="Chưa chọn tệp nào.")
            return page(request, "add_document.html", context, status_code=400)
        return render_error(request, error.status_code, str(error.detail))
    if not isinstance(report, dict):  # still running after the wait: the job goes on
        return render_error(request, 202, "Tệp đang được xử lý; hãy tải lại trang danh sách văn bản sau ít phút.")
    documents = [
        {"number": number, "url": document_url(number), "replaced_stub": number_key(number) in stubs_before}
        for outcome in report["outcomes"]
        for number in outcome.get("numbers", [])
    ]
    context = _context(request, report=report, documents=documents)
    return page(request, "add_document.html", context)
