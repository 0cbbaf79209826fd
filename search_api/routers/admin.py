"""Write endpoints: POST /api/ingest (upload files), POST /api/reindex, GET /api/jobs/{id}.

All need `Authorization: Bearer <VNLEX_API_TOKEN>`; with no token configured they are refused
outright, so a default install exposes nothing that writes. The token is checked before any of
the body is read (the routes declare no form parameters; search_api.uploads streams the body
itself, within its limits). The work runs as a background job (search_api.jobs), never on the
event loop: /api/reindex answers 202 with the job at once; /api/ingest waits for its job without
blocking other requests and answers with the ingest report.
"""

from __future__ import annotations

import asyncio
import hmac
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from search_api.deps import AppState, state
from search_api.jobs import Job, JobView
from search_api.security import public_message
from search_api.uploads import MAX_FILES, UploadBatch, receive_upload

# What every token-protected endpoint may answer besides its own statuses (documented for OpenAPI).
TOKEN_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"description": "Missing or wrong bearer token"},
    403: {"description": "Write endpoints are disabled: VNLEX_API_TOKEN is not set"},
}
router = APIRouter(tags=["admin"], responses=TOKEN_RESPONSES)
UPLOAD_WAIT_SECONDS = 600


class JobAccepted(BaseModel):
    job: str
    state: str
    url: str


def token_matches(configured: str, given: str) -> bool:
    """Constant-time comparison; the web's "Thêm văn bản" page checks its session with the same rule."""
    return bool(configured) and hmac.compare_digest(given.strip().encode(), configured.encode())


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    token = state(request).settings.api_token
    if not token:
        raise HTTPException(403, "Write endpoints are disabled: set VNLEX_API_TOKEN to enable them")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token_matches(token, given):
        raise HTTPException(401, "Missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


def submit_upload_ingest(app_state: AppState, batch: UploadBatch) -> Job:
    """Queue the ingest of received files; the job deletes the batch's files when it is done.
    For any route that takes uploads: `batch = await receive_upload(request, ...)`, then this."""
    from ingest.pipeline import ingest_paths

    settings = app_state.settings

    def work(progress) -> dict[str, Any]:
        try:
            report = ingest_paths(
                [received.path for received in batch.files],
                app_state.backend,
                today=settings.effective_today(),
                workers=max(1, settings.workers),
                max_file_bytes=int(settings.max_file_mb * 1e6),
                progress=progress,
                start_method="forkserver",
                source_names={str(received.path): received.source_name for received in batch.files},
            )
        finally:
            batch.cleanup()
        app_state.search.forget_known_documents()
        return report.to_dict()

    try:
        return app_state.jobs.submit("ingest", work)
    except RuntimeError:
        batch.cleanup()
        raise HTTPException(503, "the server is shutting down") from None


async def wait_for(job: Job, timeout: float = UPLOAD_WAIT_SECONDS) -> bool:
    """Wait for a job without holding the event loop (or a worker thread)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not job.finished.is_set():
        if asyncio.get_running_loop().time() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


async def ingest_uploads(request: Request, *, max_files: int = MAX_FILES) -> dict | JSONResponse:
    """The one upload path (POST /api/ingest, the web's "Thêm văn bản" page): stream the request's
    multipart `files` into a temporary batch within the limits (search_api.uploads.receive_upload),
    ingest them as a background job, wait for it without blocking the event loop, return the
    report (or a 202 with the job when it takes longer than UPLOAD_WAIT_SECONDS). The caller must
    have checked the token (or session) and the origin first: this reads the body."""
    app_state = state(request)
    batch = await receive_upload(
        request, per_file_bytes=int(app_state.settings.max_upload_mb * 1e6), max_files=max_files
    )
    job = submit_upload_ingest(app_state, batch)
    if not await wait_for(job):
        return JSONResponse(
            {"job": job.id, "state": job.state, "url": f"/api/jobs/{job.id}"},
            status_code=202,
            headers={"Location": f"/api/jobs/{job.id}"},
        )
    if job.state != "done":
        raise HTTPException(503 if job.state == "cancelled" else 500, public_message(job.error or job.state))
    return {**(job.result or {}), "job": job.id}


# The body is streamed by receive_upload, not declared as a parameter (FastAPI would read and spool
# it before the token check); described here so /docs still shows the form.
UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
                    "required": ["files"],
                }
            }
        },
    }
}


@router.post(
    "/ingest",
    dependencies=[Depends(require_token)],
    openapi_extra=UPLOAD_BODY,
    responses={413: {"description": "A file over VNLEX_MAX_UPLOAD_MB"}, 415: {"description": "Not multipart"}},
)
async def ingest_upload(request: Request):
    """Upload documents (multipart field `files`, up to VNLEX_MAX_UPLOAD_MB each) and ingest them."""
    return await ingest_uploads(request)


def _relative(report: dict[str, Any], folder: Path) -> dict[str, Any]:
    """Paths in a report relative to the corpus folder: the job view shows no server layout."""
    prefix = str(folder.resolve()).rstrip("/") + "/"
    for item in report.get("outcomes", []) + report.get("skipped", []):
        if str(item.get("path", "")).startswith(prefix):
            item["path"] = item["path"][len(prefix) :]
    return report


@router.post("/reindex", status_code=202, response_model=JobAccepted, dependencies=[Depends(require_token)])
def reindex(request: Request) -> JSONResponse:
    """Re-ingest the configured corpus folder in the background, ignoring content hashes (statuses
    are recomputed), into a staging copy swapped in atomically: searches keep answering from the
    old index until the new one is complete. Answers 202 with the job; a reindex already queued
    or running is returned instead of starting a second one."""
    from ingest.pipeline import ingest_paths

    app_state = state(request)
    settings = app_state.settings
    if not settings.corpus_dir.exists():
        raise HTTPException(409, "the configured corpus folder does not exist")
    job = app_state.jobs.active("reindex")
    if job is None:

        def work(progress) -> dict[str, Any]:
            report = ingest_paths(
                [settings.corpus_dir],
                app_state.backend,
                today=settings.effective_today(),
                workers=max(1, settings.workers),
                max_file_bytes=int(settings.max_file_mb * 1e6),
                force=True,
                staged=True,
                progress=progress,
                start_method="forkserver",
            )
            app_state.search.forget_known_documents()
            return _relative(report.to_dict(), settings.corpus_dir)

        try:
            job = app_state.jobs.submit("reindex", work)
        except RuntimeError:
            raise HTTPException(503, "the server is shutting down") from None
    url = f"/api/jobs/{job.id}"
    return JSONResponse(
        JobAccepted(job=job.id, state=job.state, url=url).model_dump(), status_code=202, headers={"Location": url}
    )


@router.get(
    "/jobs/{job_id}",
    response_model=JobView,
    responses={404: {"description": "No such job"}},
    dependencies=[Depends(require_token)],
)
def job_status(job_id: str, request: Request) -> JobView:
    job = state(request).jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "no such job (finished jobs are kept for the last 50)")
    return job.view()
