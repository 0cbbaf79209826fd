"""Word (.docx) legal texts: paragraphs and tables in document order → ingest.structure.

Vietnamese legal documents put the issuer, number, national motto and place/date in a
borderless header table with the two sides in separate cells; reading each cell's
paragraphs left column first gives the issuer → number → motto → date order that the
header stage expects. Signature blocks and 'Nơi nhận' are tables too.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ingest.errors import IngestError
from ingest.model import Document
from ingest.structure import parse_legal_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(p) -> str:
    """Text of a w:p with tabs and line breaks kept (the TOC detector needs the tab before
    a page number; a soft break inside 'LUẬT<br/>ĐẤU THẦU' separates two header lines)."""
    parts: list[str] = []
    for node in p.iter():
        if node.tag == _W + "t":
            parts.append(node.text or "")
        elif node.tag == _W + "tab":
            parts.append("\t")
        elif node.tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif node.tag == _W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def _block_lines(element) -> list[str]:
    """Lines of a body-level element: a paragraph, a table (cell by cell, merged cells once),
    or a content control wrapping either."""
    if element.tag == _W + "p":
        return [_paragraph_text(element)]
    if element.tag == _W + "tbl":
        lines: list[str] = []
        for row in element.iterchildren(_W + "tr"):
            for cell in row.iterchildren(_W + "tc"):
                if _is_merge_continuation(cell):
                    continue
                for child in cell.iterchildren():
                    lines.extend(_block_lines(child))
        return lines
    if element.tag == _W + "sdt":
        content = element.find(_W + "sdtContent")
        return [line for child in (content if content is not None else []) for line in _block_lines(child)]
    return []


def _is_merge_continuation(cell) -> bool:
    """A vertically merged cell repeats nothing but python-docx/XML still lists it."""
    properties = cell.find(_W + "tcPr")
    merge = properties.find(_W + "vMerge") if properties is not None else None
    return merge is not None and merge.get(_W + "val") in (None, "continue")


# Decompression-bomb limits. A real legal DOCX inflates 3-20x (XML) and holds a few MB of text; the
# probe's 618 KB file inflated to 178 MB (288x) and took 12 s and 2 GB of memory to parse.
MAX_UNCOMPRESSED_BYTES = 100_000_000
MAX_RATIO = 100
RATIO_APPLIES_ABOVE = 1_000_000  # tiny members may compress far better than that; they cost nothing
MAX_MEMBERS = 5000


def check_zip_limits(data: bytes) -> None:
    """Refuse a zip whose members inflate beyond the limits, by their declared sizes first (cheap)
    and then by actually inflating them in chunks and counting (declared sizes can lie)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as error:
        raise IngestError(f"corrupt DOCX: not a readable zip archive ({error})") from error
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise IngestError(f"DOCX refused: {len(members)} parts in the archive (limit {MAX_MEMBERS})")
        declared = sum(member.file_size for member in members)
        if declared > MAX_UNCOMPRESSED_BYTES:
            raise IngestError(
                f"DOCX refused: inflates to {declared / 1e6:.0f} MB (limit {MAX_UNCOMPRESSED_BYTES / 1e6:.0f} MB);"
                " a decompression bomb or not a text document"
            )
        for member in members:
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > RATIO_APPLIES_ABOVE and ratio > MAX_RATIO:
                raise IngestError(
                    f"DOCX refused: {member.filename} inflates {ratio:.0f}x (limit {MAX_RATIO}x); a decompression bomb"
                )
        inflated = 0
        for member in members:
            try:
                with archive.open(member) as stream:
                    while chunk := stream.read(1 << 20):
                        inflated += len(chunk)
                        if inflated > MAX_UNCOMPRESSED_BYTES:
                            raise IngestError(
                                f"DOCX refused: inflates past {MAX_UNCOMPRESSED_BYTES / 1e6:.0f} MB"
                                " (its declared sizes were false)"
                            )
            except (zipfile.BadZipFile, EOFError, ValueError, OSError, NotImplementedError) as error:
                raise IngestError(f"corrupt DOCX: {member.filename}: {error}") from error


def docx_lines(data: bytes) -> list[str]:
    check_zip_limits(data)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as error:
        raise IngestError(f"corrupt DOCX: not a readable zip archive ({error})") from error
    except KeyError as error:
        raise IngestError(f"corrupt DOCX: missing part {error}") from error
    except Exception as error:  # python-docx/lxml raise many types for damaged packages
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise IngestError(f"corrupt DOCX: {reason}") from error
    body = document.element.body
    return [line for child in body.iterchildren() for line in _block_lines(child)]


def parse_docx(path: Path, data: bytes) -> list[Document]:
    lines = docx_lines(data)
    if not any(line.strip() for line in lines):
        raise IngestError("empty DOCX: no text in the document body")
    return [parse_legal_text(lines, source_file=str(path))]
