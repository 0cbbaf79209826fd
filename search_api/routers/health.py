"""GET /api/health: is the backend reachable, how much is indexed, which index version."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from ingest.index_contract import BackendError
from search_api.deps import state

router = APIRouter(tags=["health"])


@router.get("/health")
def health(request: Request):
    app_state = state(request)
    try:
        stats = app_state.backend.stats()
    except BackendError as error:
        return JSONResponse({"status": "unavailable", "message": str(error)}, status_code=503)
    return {"status": "ok", "index": app_state.settings.index_url.split("@")[-1], **stats}
