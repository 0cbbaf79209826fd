"""GET /api/health: can the index answer a real query, how much is indexed, which index version.

"ok" only when every check of the backend passed (SQLite: the last whole-file quick_check, run in
the background once per index state (backends/sqlite_integrity.py), and a full-text query; Elasticsearch:
cluster status, aliases, a query); "degraded" names the failed checks; both
"degraded" and "unavailable" answer 503 so a load balancer stops sending traffic. Public answers
carry no server paths or engine internals; GET /api/admin/health (bearer token) shows them.
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from ingest.index_contract import BackendError
from search_api.deps import state
from search_api.routers.admin import TOKEN_RESPONSES, require_token
from search_api.security import public_message

router = APIRouter(tags=["health"])


class CheckResult(BaseModel):
    name: str
    ok: bool
    detail: str = ""


class HealthResponse(BaseModel):
    status: Literal["ok", "degraded", "unavailable"]
    message: str = ""
    engine: str | None = None
    # The counts of ingest.index_contract.INDEX_COUNTS, as the ingest summary names them.
    files: int | None = None
    documents: int | None = None
    documents_with_text: int | None = None
    catalogued_only: int | None = None
    articles: int | None = None
    relations: int | None = None
    relations_from_catalogue: int | None = None
    index_version: int | None = None
    checks: list[CheckResult] = []


class AdminHealthResponse(HealthResponse):
    index: str  # the configured index URL, credentials removed


def _health(request: Request, public: bool) -> tuple[HealthResponse, int]:
    backend = state(request).backend
    clean = public_message if public else str
    try:
        stats = backend.stats()
    except BackendError as error:
        return HealthResponse(status="unavailable", message=clean(error)), 503
    checks = [CheckResult(name=c.name, ok=c.ok, detail=clean(c.detail)) for c in backend.health_checks()]
    failed = [c.name for c in checks if not c.ok]
    known = {k: stats[k] for k in HealthResponse.model_fields if k in stats}
    if failed:
        message = f"the index cannot answer reliably: {', '.join(failed)} check failed"
        return HealthResponse(status="degraded", message=message, checks=checks, **known), 503
    return HealthResponse(status="ok", checks=checks, **known), 200


@router.get("/health", response_model=HealthResponse, responses={503: {"model": HealthResponse}})
def health(request: Request):
    answer, status = _health(request, public=True)
    return JSONResponse(answer.model_dump(), status_code=status)


@router.get(
    "/admin/health",
    response_model=AdminHealthResponse,
    responses={503: {"model": AdminHealthResponse}, **TOKEN_RESPONSES},
    dependencies=[Depends(require_token)],
)
def admin_health(request: Request):
    answer, status = _health(request, public=False)
    index = state(request).settings.index_url
    # user:password@host → host: even the admin view does not echo credentials.
    shown = index.split("://", 1)[0] + "://" + index.split("://", 1)[1].split("@")[-1] if "://" in index else index
    return JSONResponse(AdminHealthResponse(index=shown, **answer.model_dump()).model_dump(), status_code=status)
