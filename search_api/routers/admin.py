"""Write endpoints: POST /api/ingest (upload files) and POST /api/reindex.

Both need `Authorization: Bearer <VNLEX_API_TOKEN>`; with no token configured they are
refused outright, so a default install exposes nothing that writes.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, File, Header, HTTPException, Request, UploadFile
from fastapi.concurrency import run_in_threadpool
from platformdirs import user_data_dir

from search_api.deps import state

router = APIRouter(tags=["admin"])
_CHUNK = 1 << 16


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


def upload_dir() -> Path:
    return Path(user_data_dir("vnlex")) / "uploads"


async def save_upload(upload: UploadFile, limit: int) -> Path:
    """Stream an upload to disk under its content hash, refusing it past the size limit."""
    name = re.sub(r"[^\w.\-]+", "_", Path(upload.filename or "upload").name)[:120] or "upload"
    digest, size, chunks = hashlib.sha256(), 0, []
    while chunk := await upload.read(_CHUNK):
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"{name}: file too large (over {limit / 1e6:.0f} MB upload limit)")
        digest.update(chunk)
        chunks.append(chunk)
    target = upload_dir() / digest.hexdigest()[:16] / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(b"".join(chunks))
    return target


async def ingest_uploads(request: Request, files: list[UploadFile]) -> dict:
    """Save uploaded files and ingest them: the one upload path behind POST /api/ingest and the
    web's "Thêm văn bản" page (the caller has checked the token). Parsing, OCR of scans and
    analysis run in a worker thread, never on the event loop."""
    from ingest.pipeline import ingest_paths

    app_state = state(request)
    settings = app_state.settings
    declared = int(request.headers.get("content-length") or 0)
    if declared > settings.max_upload_mb * 1e6 * max(len(files), 1) + 1_000_000:
        raise HTTPException(413, f"upload too large (limit {settings.max_upload_mb:.0f} MB per file)")
    paths = [await save_upload(f, int(settings.max_upload_mb * 1e6)) for f in files]
    report = await run_in_threadpool(
        ingest_paths,
        paths,
        app_state.backend,
        today=settings.effective_today(),
        workers=1,
        max_file_bytes=int(settings.max_file_mb * 1e6),
    )
    app_state.search.forget_known_documents()
    return report.to_dict()


@router.post("/ingest", dependencies=[Depends(require_token)])
async def ingest_upload(request: Request, files: Annotated[list[UploadFile], File(description="Documents")]) -> dict:
    return await ingest_uploads(request, files)


@router.post("/reindex", dependencies=[Depends(require_token)])
def reindex(request: Request) -> dict:
    """Re-ingest the configured corpus folder, ignoring content hashes (statuses are recomputed)."""
    from ingest.pipeline import ingest_paths

    app_state = state(request)
    settings = app_state.settings
    if not settings.corpus_dir.exists():
        raise HTTPException(409, f"corpus folder {settings.corpus_dir} does not exist")
    report = ingest_paths(
        [settings.corpus_dir],
        app_state.backend,
        today=settings.effective_today(),
        workers=settings.workers,
        max_file_bytes=int(settings.max_file_mb * 1e6),
        force=True,
    )
    app_state.search.forget_known_documents()
    return report.to_dict()
