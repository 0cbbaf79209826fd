"""The "Văn bản" page (/van-ban): every document of the collection in one table, filtered and sorted
from the URL (a plain GET form, so it works without JavaScript), as vbpl.vn lists texts."""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from search_api.collection import SORT_KEYS, ListRequest, SortKey, list_documents
from search_api.in_force import day_from
from web.documents import badge, vn_date
from web.rendering import page

router = APIRouter(include_in_schema=False)
PAGE_SIZE = 50
SORT_LABELS = {"issued": "Ngày ban hành", "effective": "Ngày có hiệu lực", "number": "Số hiệu", "type": "Loại văn bản"}
TEXT_CHOICES = {"": "Tất cả", "co": "Có toàn văn", "chua": "Chỉ có trong danh mục"}
# The "text" filter value for a ListRequest.has_text (None: no filter, shown as "").
_TEXT_CHOICE: dict[bool | None, str] = {True: "co", False: "chua"}


def _request_from(params) -> ListRequest:
    def values(name: str) -> list[str]:
        return [v.strip()[:200] for v in params.getlist(name) if v.strip()][:20]

    year_text = (params.get("year") or "").strip()
    page_text = (params.get("page") or "1").strip()
    text = params.get("text", "")
    return ListRequest(
        types=values("type"),
        issuers=values("issuer"),
        statuses=values("status"),
        topics=values("topic"),
        year=int(year_text) if year_text.isdigit() and 1900 <= int(year_text) <= 2100 else None,
        q=(params.get("q") or "")[:200],
        has_text={"co": True, "chua": False}.get(text),
        in_force_on=day_from(params.get("in_force_on")),
        sort=cast(SortKey, params.get("sort")) if params.get("sort") in SORT_KEYS else "issued",
        order="asc" if params.get("order") == "asc" else "desc",
        page=min(int(page_text), 10_000) if page_text.isdigit() and int(page_text) >= 1 else 1,
        size=PAGE_SIZE,
    )


def _url(wanted: ListRequest, **changes) -> str:
    state: dict[str, Any] = {
        "q": wanted.q,
        "type": wanted.types,
        "issuer": wanted.issuers,
        "year": wanted.year,
        "status": wanted.statuses,
        "topic": wanted.topics,
        "text": _TEXT_CHOICE.get(wanted.has_text, ""),
        "in_force_on": wanted.in_force_on.isoformat() if wanted.in_force_on else "",
        "sort": wanted.sort,
        "order": wanted.order,
        "page": wanted.page,
    }
    state.update(changes)
    pairs = []
    for name, value in state.items():
        if (name, value) in (("page", 1), ("sort", "issued"), ("order", "desc")):
            continue
        for item in value if isinstance(value, list) else [value]:
            if item not in (None, ""):
                pairs.append((name, str(item)))
    return "/van-ban" + ("?" + urlencode(pairs) if pairs else "")


def collection_context(request: Request, wanted: ListRequest, listing) -> dict[str, Any]:
    rows = [
        {
            **item.model_dump(),
            "badge": badge(item.status, item.replaced_by),
            "issued_text": vn_date(item.issued),
            "effective_text": vn_date(item.effective),
        }
        for item in listing.items
    ]
    sort_links = {
        key: {
            "url": _url(
                wanted, sort=key, order="asc" if wanted.sort == key and wanted.order == "desc" else "desc", page=1
            ),
            "current": wanted.sort == key,
            "aria": ("descending" if wanted.order == "desc" else "ascending") if wanted.sort == key else None,
        }
        for key in SORT_KEYS
    }
    last = max(1, -(-listing.total // PAGE_SIZE))
    return {
        "wanted": wanted,
        "listing": listing,
        "rows": rows,
        "facets": listing.facets,
        "selected": {
            "type": wanted.types[:1],
            "issuer": wanted.issuers[:1],
            "status": wanted.statuses[:1],
            "topic": wanted.topics[:1],
            "year": [str(wanted.year)] if wanted.year else [],
        },
        "text_choice": _TEXT_CHOICE.get(wanted.has_text, ""),
        "text_choices": TEXT_CHOICES,
        "sort_labels": SORT_LABELS,
        "sort_links": sort_links,
        "previous_url": _url(wanted, page=wanted.page - 1) if wanted.page > 1 else None,
        "next_url_page": _url(wanted, page=wanted.page + 1) if wanted.page < last else None,
        "last_page": last,
        "in_force_on": wanted.in_force_on.isoformat() if wanted.in_force_on else "",
        "has_filters": bool(
            wanted.types
            or wanted.issuers
            or wanted.statuses
            or wanted.topics
            or wanted.year
            or wanted.q
            or wanted.in_force_on
        )
        or wanted.has_text is not None,
    }


@router.get("/van-ban")
async def collection_page(request: Request) -> Response:
    wanted = _request_from(request.query_params)
    listing = await run_in_threadpool(list_documents, request.app.state.vnlex.backend, wanted)
    return page(request, "documents.html", collection_context(request, wanted, listing))
