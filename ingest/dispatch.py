"""Read one file safely and hand it to the parser its content calls for."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ingest.errors import IngestError
from ingest.model import Document

SUPPORTED_SUFFIXES = (".html", ".htm", ".docx", ".pdf", ".md", ".txt")
_LEGAL_TEXT_RE = re.compile(r"^\s*(?:#+\s*)?\**\s*Điều\s+1\b", re.MULTILINE)


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, or a clear reason why not (size is checked before reading)."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise IngestError(f"cannot read file: {error.strerror or error}") from error
    if size > max_bytes:
        raise IngestError(f"file too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB limit)")
    if size == 0:
        raise IngestError("empty file")
    try:
        return path.read_bytes()
    except OSError as error:
        raise IngestError(f"cannot read file: {error.strerror or error}") from error


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_bytes(path: Path, data: bytes) -> list[Document]:
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        from ingest.parsers.phapdien import is_phapdien, parse_phapdien
        from ingest.parsers.vbpl_html import is_vbpl, parse_vbpl_html

        if is_phapdien(data):
            return parse_phapdien(path, data)
        if is_vbpl(data):
            return parse_vbpl_html(path, data)
        raise IngestError("unrecognised HTML page: neither a codified-database topic page nor a vbpl.vn full text")
    if suffix == ".docx":
        from ingest.parsers.docx import parse_docx

        return parse_docx(path, data)
    if suffix == ".pdf":
        from ingest.parsers.pdf import parse_pdf

        return parse_pdf(path, data)
    if suffix in (".md", ".txt"):
        from ingest.parsers.news import parse_news
        from ingest.parsers.text import decode_text, parse_text

        # A text with an "Điều 1" heading is a legal document; any other text is a report.
        if _LEGAL_TEXT_RE.search(decode_text(data)):
            return parse_text(path, data)
        return parse_news(path, data)
    raise IngestError(f"unsupported file type '{suffix or path.name}' (supported: {', '.join(SUPPORTED_SUFFIXES)})")


def discover(paths: list[Path]) -> list[Path]:
    """Files named, plus every file below named folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        else:
            found.append(path)
    return found
