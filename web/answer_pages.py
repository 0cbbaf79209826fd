"""HTML pages for answers: "Hỏi đáp" (/hoi-dap), "Quyền lợi của nạn nhân" (/quyen-loi) and the
trace of a law article (/truy-vet). Contexts are built here from the same services as the JSON
API; templates only lay them out, autoescaped, with no |safe on document or user text."""

from __future__ import annotations

from functools import partial

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import Response

from search_api.deps import run_in_process_work, state
from search_api.in_force import day_from
from search_api.routers.ask import answer_service, parse_day
from search_api.routers.entitlements import RowFilter, entitlements_data
from search_api.trace import trace
from web.documents import DocumentCache, badge, vn_date
from web.entitlement_cards import KIND_LABELS, entitlement_groups
from web.rendering import page, render_error

router = APIRouter(include_in_schema=False)
MAX_QUESTION_CHARS = 1000


def _param(request: Request, name: str) -> str:
    return request.query_params.get(name, "")[:MAX_QUESTION_CHARS].strip()


@router.get("/hoi-dap")
async def ask_page(request: Request) -> Response:
    # queued with /api/ask's answers (search_api.deps.run_in_process_work), rendered in the same thread
    return await run_in_process_work(request, partial(_ask_page, request), lane="answer")


def _ask_page(request: Request) -> Response:
    question, on_date_text = _param(request, "q"), _param(request, "date")[:10]
    try:
        on_date = parse_day(on_date_text)
        date_error = None
    except ValueError:
        on_date, date_error = None, "Ngày không hợp lệ; câu hỏi được trả lời theo quy định hiện hành."
    answer = answer_service(request).ask(question, on_date=on_date) if question else None
    if answer:
        for unit in answer["answer"]:
            unit["badge"] = badge(unit["status"], unit["replaced_by"])
    context = {
        "question": question,
        "result": answer,
        "on_date": on_date.isoformat() if on_date else "",
        "date_error": date_error,
    }
    return page(request, "ask.html", context)


@router.get("/quyen-loi")
def entitlements_page(request: Request) -> Response:
    filters: dict = {name: _param(request, name) for name in ("who", "kind", "agency", "document", "q")}
    # The page's subject is victims (ingest.victim_scope decides which rows); "Tất cả quy định" widens it.
    filters["scope"] = "all" if _param(request, "scope") == "all" else "nan_nhan"
    day = day_from(_param(request, "in_force_on"))
    data = entitlements_data(request, RowFilter(**filters), in_force_on=day)  # the dict /api/entitlements answers
    filters["in_force_on"] = day.isoformat() if day else ""
    context = {
        "filters": filters,
        "total": data["total"],
        "groups": entitlement_groups(data["provisions"]),
        "kind_labels": KIND_LABELS,
        "in_force_notice": data["in_force_notice"],
    }
    return page(request, "entitlements.html", context)


def _decorate(node: dict) -> None:
    node["badge"] = badge(node["status"], node["replaced_by"])
    for key in ("issued", "effective", "expired"):
        node[f"{key}_vn"] = vn_date(node[key])
    for change in node["changes"]:
        change["date_vn"] = vn_date(change["date"])
        change["document"]["badge"] = badge(change["document"]["status"], change["document"]["replaced_by"])
    for child in node["children"]:
        _decorate(child)


@router.get("/truy-vet")
def trace_page(request: Request) -> Response:
    doc, article = _param(request, "doc"), _param(request, "article")
    day = day_from(_param(request, "in_force_on"))
    shown_day = day.isoformat() if day else ""
    if not doc:
        return page(request, "trace.html", {"doc": "", "article": article, "in_force_on": shown_day, "result": None})
    number = DocumentCache(request).resolve(doc)
    result = trace(state(request).backend, number, article or None, day) if number else None
    if result is None:
        what = f"Điều {article} của văn bản “{doc}”" if number and article else f"văn bản “{doc}”"
        return render_error(request, 404, f"Không tìm thấy {what} trong chỉ mục.")
    _decorate(result["tree"])
    return page(request, "trace.html", {"doc": doc, "article": article, "in_force_on": shown_day, "result": result})


def install(app: FastAPI) -> None:
    app.include_router(router)
