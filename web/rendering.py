"""The Jinja2 environment (autoescape always on) and the two ways pages are rendered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from web.reading_cookie import read_entries

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"

# autoescape=True for every template, not select_autoescape: no template name can turn it off.
_environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True, trim_blocks=True, lstrip_blocks=True
)
templates = Jinja2Templates(env=_environment)

ERROR_TITLES = {
    400: "Yêu cầu không hợp lệ",
    403: "Không được phép",
    404: "Không tìm thấy",
    409: "Không thể thực hiện",
    422: "Yêu cầu không hợp lệ",
    500: "Lỗi máy chủ",
    503: "Dịch vụ tìm kiếm tạm thời không hoạt động",
}


def reading_count(request: Request) -> int:
    return len(read_entries(request))


def page(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> Response:
    """A page of the site; the layout needs the query (search box) and the reading-list size."""
    base = {"reading_count": reading_count(request), "query": ""}
    return templates.TemplateResponse(request, name, {**base, **context}, status_code=status_code)


def render_error(request: Request, status: int, message: str) -> Response:
    """An HTML error page saying what went wrong, with that status (503 when the index is down)."""
    context = {
        "status": status,
        "title": ERROR_TITLES.get(status, "Đã có lỗi"),
        "message": message,
        "reading_count": reading_count(request),
        "query": request.query_params.get("q", "")[:1000],
    }
    response = templates.TemplateResponse(request, "error.html", context, status_code=status)
    if status == 503:
        response.headers["Retry-After"] = "30"
    return response
