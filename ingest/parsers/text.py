"""Plain-text and Markdown legal texts (.txt/.md) → ingest.structure.

Decoding is strict on purpose: UTF-8 (BOM or not) or UTF-16 with a BOM. Vietnamese
files in cp1258/TCVN3/VNI decode "successfully" as latin-1 into mojibake that would be
indexed silently, so anything else is refused with a reason the user can act on.
A YAML-style front matter block (so_hieu, ngày, nguồn, ...) is read with a small
key: value reader (no YAML dependency) and passed on as hints.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ingest.errors import IngestError
from ingest.model import Document
from ingest.structure import parse_legal_text
from ingest.textnorm import fold

# Front-matter keys (folded, '-'/' ' as '_') → parse_legal_text hint names.
_HINT_KEYS = {
    "so_hieu": "number",
    "so_hieu_van_ban": "number",
    "number": "number",
    "loai_van_ban": "type",
    "loai": "type",
    "co_quan_ban_hanh": "issuer",
    "noi_ban_hanh": "issuer",
    "issuer": "issuer",
    "ngay": "issued",
    "ngay_ban_hanh": "issued",
    "issued": "issued",
    "ngay_co_hieu_luc": "effective",
    "ngay_hieu_luc": "effective",
    "effective": "effective",
    "nguon": "url",
    "nguon_pdf": "url",
    "url": "url",
    "source": "url",
}
# The trích yếu in a front matter is often a longer paraphrase: used only when the text has none.
_DEFAULT_KEYS = {"trich_yeu": "title"}

_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_RULE_RE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_EMPHASIS_RE = re.compile(r"(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1")
_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")


def decode_text(data: bytes) -> str:
    """The file's text: UTF-8 (with or without BOM), or UTF-16 announced by its BOM."""
    if data.startswith(codecs.BOM_UTF8):
        text = _decode(data[len(codecs.BOM_UTF8) :], "utf-8")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode(data, "utf-16")
    else:
        text = _decode(data, "utf-8")
    if not text.strip():
        raise IngestError("empty file")
    return text


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        label = "UTF-8" if encoding == "utf-8" else "UTF-16"
        raise IngestError(
            f"undecodable text: not {label} (byte 0x{bad} at offset {error.start}); "
            "re-save the file as UTF-8 (legacy cp1258/TCVN3/VNI encodings are not guessed)"
        ) from error


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """('key: value' pairs of a leading '---' block, the rest). Lists and nested keys are
    skipped: only scalar values can be hints."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        return {}, text
    fields: dict[str, str] = {}
    for line in lines[1:end]:
        match = re.match(r"^([^\s:#-][^:]*):\s*(.*?)\s*$", line)
        if match and match.group(2):
            fields[match.group(1).strip()] = match.group(2).strip().strip("\"'")
    return fields, "\n".join(lines[end + 1 :])


def front_matter_hints(fields: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """(hints that override the text, defaults that only fill gaps)."""
    hints: dict[str, str] = {}
    defaults: dict[str, str] = {}
    for key, value in fields.items():
        name = re.sub(r"[\s\-]+", "_", fold(key).lower())
        if name in _HINT_KEYS:
            hints.setdefault(_HINT_KEYS[name], value)
        elif name in _DEFAULT_KEYS:
            defaults.setdefault(_DEFAULT_KEYS[name], value)
    return hints, defaults


def strip_markdown(line: str) -> str:
    """One Markdown line as plain text: '**Điều 1. Phạm vi**' -> 'Điều 1. Phạm vi'."""
    if _RULE_RE.match(line):
        return "---"  # kept as a rule: it ends the trích yếu in the header stage
    # Escaped characters ('\\*') are parked in the private-use area so emphasis rules skip them.
    line = _ESCAPE_RE.sub(lambda m: chr(0xE000 + ord(m.group(1))), line)
    line = _HEADING_RE.sub("", line)
    line = re.sub(r"^\s{0,3}>\s?", "", line)
    line = _LINK_RE.sub(r"\1", line)
    for _ in range(2):  # '***x***' and nested emphasis
        line = _EMPHASIS_RE.sub(r"\2", line)
    line = re.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group(0)) - 0xE000), line)
    return re.sub(r"\s{2,}$", "", line)  # Markdown hard-break spaces


def parse_text(path: Path, data: bytes) -> list[Document]:
    text = decode_text(data)
    fields, body = split_front_matter(text)
    hints, defaults = front_matter_hints(fields)
    lines = [strip_markdown(line) for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return [parse_legal_text(lines, source_file=str(path), hints=hints, defaults=defaults)]
