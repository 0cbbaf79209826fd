"""Receiving uploaded files safely: the one function every upload route calls (`receive_upload`).

What the probe found and what this does instead:
- The form was parsed (and spooled to the temporary directory) before the token was checked, so an
  unauthenticated 3 GB chunked upload filled 2.96 GB of disk before its 401; with a 1 MB limit a
  300 MB upload was spooled to 143 MB before its 413. Here the route checks the token first (a
  dependency, and the route declares no form parameters, so FastAPI reads no body for it), then a
  declared Content-Length over the limit is refused before one byte is read, and the stream itself
  is counted as it arrives: the request is refused as soon as a file passes the per-file limit or
  the whole body passes files x limit, with at most one chunk more than the limit written to disk.
- A file named `..` was a 500 and nothing was ever deleted: names are reduced to a safe base name
  (never empty, never a dot name, at most 120 characters) and files go into a private temporary
  directory that `UploadBatch.cleanup()` removes (after the ingest that reads them).
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from fastapi import HTTPException, Request
from python_multipart.multipart import MultipartParser, parse_options_header

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

MAX_FILES = 20
MAX_NAME_CHARS = 120
_UNSAFE_CHARS = re.compile(r"[^\w.\- ]+")


def safe_filename(raw: str | None) -> str:
    """A base name that is safe on any file system: no directories, no dot names, no control
    characters; Vietnamese letters kept (NFC)."""
    name = unicodedata.normalize("NFC", raw or "")
    name = re.split(r"[/\\]", name)[-1]
    name = _UNSAFE_CHARS.sub("_", name).strip(" .")
    if not name or set(name) <= {"_", "."}:
        name = "upload"
    if len(name) > MAX_NAME_CHARS:
        stem, dot, suffix = name.rpartition(".")
        suffix = suffix[:10] if dot and stem else ""
        name = name[: MAX_NAME_CHARS - len(suffix) - 1].rstrip(" .") + ("." + suffix if suffix else "")
    return name


@dataclass
class ReceivedFile:
    name: str  # safe base name, as the user called it
    path: Path  # where it lies inside the batch's temporary directory
    size: int
    sha256: str

    @property
    def source_name(self) -> str:
        """The name recorded in the index: content-addressed, so the same upload is recognised
        again, and free of server paths."""
        return f"upload:{self.sha256[:16]}/{self.name}"


@dataclass
class UploadBatch:
    directory: Path
    files: list[ReceivedFile] = field(default_factory=list)

    def cleanup(self) -> None:
        shutil.rmtree(self.directory, ignore_errors=True)


def too_large(what: str, limit: int) -> HTTPException:
    return HTTPException(413, f"{what}: file too large (over {limit / 1e6:g} MB upload limit)")


class _Receiver:
    """python-multipart callbacks writing each file part straight to disk, counting its bytes."""

    def __init__(self, batch: UploadBatch, field_name: str, per_file_bytes: int, max_files: int):
        self.batch, self.field_name = batch, field_name
        self.per_file_bytes, self.max_files = per_file_bytes, max_files
        self.header_name, self.header_value = b"", b""
        self.headers: dict[bytes, bytes] = {}
        self.handle: BinaryIO | None = None
        self.current: ReceivedFile | None = None
        self.digest = hashlib.sha256()

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self.part_begin,
            "on_header_field": lambda data, start, end: self._add("header_name", data[start:end]),
            "on_header_value": lambda data, start, end: self._add("header_value", data[start:end]),
            "on_header_end": self.header_end,
            "on_headers_finished": self.headers_finished,
            "on_part_data": self.part_data,
            "on_part_end": self.part_end,
        }

    def _add(self, attribute: str, data: bytes) -> None:
        setattr(self, attribute, getattr(self, attribute) + data)

    def part_begin(self) -> None:
        self.headers, self.current, self.handle = {}, None, None

    def header_end(self) -> None:
        self.headers[self.header_name.lower()] = self.header_value
        self.header_name, self.header_value = b"", b""

    def headers_finished(self) -> None:
        _, options = parse_options_header(self.headers.get(b"content-disposition", b""))
        if options.get(b"name", b"").decode("utf-8", "replace") != self.field_name or not options.get(b"filename"):
            return  # other fields, and an empty file input (no file chosen), are read past
        if len(self.batch.files) >= self.max_files:
            raise HTTPException(413, f"too many files in one upload (at most {self.max_files})")
        name = safe_filename(options[b"filename"].decode("utf-8", "replace"))
        folder = self.batch.directory / str(len(self.batch.files))  # two uploads may share a name
        folder.mkdir()
        self.current = ReceivedFile(name, folder / name, 0, "")
        self.handle = open(self.current.path, "wb")  # noqa: SIM115  closed in part_end / close()
        self.digest = hashlib.sha256()

    def part_data(self, data: bytes, start: int, end: int) -> None:
        if self.current is None or self.handle is None:
            return
        self.current.size += end - start
        if self.current.size > self.per_file_bytes:
            raise too_large(self.current.name, self.per_file_bytes)
        self.handle.write(data[start:end])
        self.digest.update(data[start:end])

    def part_end(self) -> None:
        if self.current is not None and self.handle is not None:
            self.handle.close()
            self.current.sha256 = self.digest.hexdigest()
            self.batch.files.append(self.current)
        self.current, self.handle = None, None

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


async def receive_upload(
    request: Request,
    *,
    per_file_bytes: int,
    field_name: str = "files",
    max_files: int = MAX_FILES,
) -> UploadBatch:
    """Stream a multipart/form-data upload's `field_name` files into a new private temporary
    directory, refusing it (413) as soon as a limit is passed; call only after authentication.
    The caller owns the returned batch and must call `batch.cleanup()` once the files are read.
    On any refusal the partial files are deleted here."""
    content_type, options = parse_options_header(request.headers.get("content-type"))
    if content_type != b"multipart/form-data" or not options.get(b"boundary"):
        raise HTTPException(415, "send the files as multipart/form-data (field 'files')")
    body_limit = per_file_bytes * max_files + 1_000_000  # form overhead: boundaries, part headers
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isascii() or not declared.isdigit():
            raise HTTPException(400, "invalid Content-Length")
        if int(declared) > body_limit:
            raise too_large("upload", per_file_bytes)
    batch = UploadBatch(Path(tempfile.mkdtemp(prefix="vnlex-upload-")))
    receiver = _Receiver(batch, field_name, per_file_bytes, max_files)
    parser = MultipartParser(options[b"boundary"], receiver.callbacks())
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > body_limit:
                raise too_large("upload", per_file_bytes)
            parser.write(chunk)
        parser.finalize()
        if not batch.files:
            raise HTTPException(400, f"no file in the upload (expected multipart field '{field_name}')")
    except HTTPException:
        receiver.close()
        batch.cleanup()
        raise
    except Exception as error:  # a malformed multipart body is the client's error, not a 500
        receiver.close()
        batch.cleanup()
        raise HTTPException(400, f"malformed multipart upload: {type(error).__name__}") from error
    return batch
