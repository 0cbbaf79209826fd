"""PDF legal texts with a text layer (pdfminer.six) → ingest.structure.

pdfminer runs at roughly 15 pages/s, so the layout is computed once: a single pass
over the pages collects every text line with its font size and position, and all
cleaning happens on that list:
- superscript footnote markers ('SỐ 43/2021/AL¹') are dropped by size and raise;
- footnote text (smaller type below the last body-size line of a page), page numbers
  and header/footer lines repeated on many pages are dropped;
- wrapped lines are joined back into paragraphs, because the structure stage reads
  one paragraph (heading, clause, point) per line.
A PDF without a text layer (a scan) is read by OCR (ingest.ocr: Tesseract's Vietnamese model);
the document is then marked as OCR text with the recogniser's mean confidence.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import IngestError
from ingest.model import Document
from ingest.numbers import DOC_NUMBER_RE
from ingest.structure import is_upper, parse_legal_text
from ingest.textnorm import nfc

_MIN_LETTERS_PER_PAGE = 40  # a scanned page may still carry a stamp or a watermark
_EDGE_BAND = 0.1  # top/bottom share of the page where running heads/feet live
_PAGE_NUMBER_RE = re.compile(r"^(?:Trang\s*)?-?\s*\d{1,4}\s*-?(?:\s*/\s*\d{1,4})?$", re.IGNORECASE)
_PARAGRAPH_START_RE = re.compile(
    r"^(?:Điều\s+\d|Chương\s|CHƯƠNG\s|Mục\s+\d|MỤC\s|Phần\s|PHẦN\s|\d{1,3}[.)]\s|[a-zđ]\)\s|[-–•+]\s|\[\d+\])"
)
_SENTENCE_END = (".", ":", ";", "!", "?", "”", '"')
_SUPERSCRIPT_RE = re.compile("\x00([^\x01]*)\x01")


@dataclass
class _Line:
    text: str
    size: float  # dominant font size of the line
    y: float  # baseline height from the page bottom
    page: int
    box: int  # text box index on the page: lines of one box belong together
    height: float  # page height


def _open(data: bytes):
    from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser

    try:
        return PDFDocument(PDFParser(io.BytesIO(data)))
    except PDFPasswordIncorrect as error:
        raise IngestError("encrypted PDF: a password is needed to read it") from error
    except Exception as error:  # pdfminer raises PDFSyntaxError, PSEOF, ValueError, ... on damage
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise IngestError(f"corrupt PDF: {reason}") from error


def _info_text(value) -> str:
    if isinstance(value, bytes):
        if value.startswith((b"\xfe\xff", b"\xff\xfe")):
            return value.decode("utf-16", errors="replace")
        return value.decode("latin-1")
    return str(value) if value is not None else ""


def metadata_defaults(document) -> dict:
    """Document number from the PDF's Title/Subject/Keywords (LawSoft and similar tools
    write e.g. 'Quyết định số 1121/1997/QĐ-TTg ...' there)."""
    for info in getattr(document, "info", None) or []:
        for key in ("Title", "Subject", "Keywords"):
            found = DOC_NUMBER_RE.search(nfc(_info_text(info.get(key))))
            if found:
                return {"number": found.group(0)}
    return {}


def _line_from_layout(line, page: int, box: int, height: float) -> _Line | None:
    from pdfminer.layout import LTChar

    chars = [c for c in line if isinstance(c, LTChar)]
    if not chars:
        return None
    size = Counter(round(c.size, 1) for c in chars).most_common(1)[0][0]
    parts = []
    raised = False
    for item in line:
        # Superscripts (clearly smaller than the line's type and raised above its baseline)
        # are wrapped in \x00..\x01: footnote markers are removed later, 'm²' is kept as 'm2'.
        is_sup = isinstance(item, LTChar) and item.size < 0.8 * size and item.y0 > line.y0 + 0.2 * size
        if is_sup != raised:
            parts.append("\x00" if is_sup else "\x01")
            raised = is_sup
        parts.append(item.get_text())
    if raised:
        parts.append("\x01")
    text = re.sub(r"\s+", " ", nfc("".join(parts))).strip()
    return _Line(text, size, line.y0, page, box, height) if _SUPERSCRIPT_RE.sub("", text).strip() else None


def _read_lines(document) -> tuple[list[_Line], int]:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams, LTTextContainer, LTTextLine
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    manager = PDFResourceManager()
    device = PDFPageAggregator(manager, laparams=LAParams())
    interpreter = PDFPageInterpreter(manager, device)
    lines: list[_Line] = []
    pages = 0
    try:
        for page_number, page in enumerate(PDFPage.create_pages(document)):
            pages += 1
            interpreter.process_page(page)
            layout = device.get_result()
            boxes = sorted((b for b in layout if isinstance(b, LTTextContainer)), key=lambda b: -b.y1)
            for box_index, box in enumerate(boxes):
                for line in box:
                    if isinstance(line, LTTextLine):
                        found = _line_from_layout(line, page_number, box_index, layout.height)
                        if found:
                            lines.append(found)
    except IngestError:
        raise
    except Exception as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise IngestError(f"corrupt PDF: {reason}") from error
    return lines, pages


def _drop_page_furniture(lines: list[_Line], pages: int) -> list[_Line]:
    """Without footnote text, page numbers and running heads/feet."""
    sizes = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    body_size = sizes.most_common(1)[0][0]
    lowest_body_line: dict[int, float] = {}
    for line in lines:
        if line.size >= 0.9 * body_size and not _PAGE_NUMBER_RE.match(line.text):
            lowest_body_line[line.page] = min(lowest_body_line.get(line.page, line.y), line.y)

    def at_edge(line: _Line) -> bool:
        return line.y < _EDGE_BAND * line.height or line.y > (1 - _EDGE_BAND) * line.height

    repeated = Counter(re.sub(r"\d+", "#", line.text) for line in lines if at_edge(line))
    running = {text for text, count in repeated.items() if pages >= 3 and count >= max(3, pages // 2)}
    kept = []
    footnote_markers: dict[int, set[str]] = {}
    for line in lines:
        if line.size < 0.85 * body_size and line.y < lowest_body_line.get(line.page, 0):
            # Footnote text under the body; its leading number is the marker used above.
            marker = re.match(r"^(?:\x00\s*)?(\d{1,3})", line.text)
            if marker:
                footnote_markers.setdefault(line.page, set()).add(marker.group(1))
            continue
        if at_edge(line) and (_PAGE_NUMBER_RE.match(line.text) or re.sub(r"\d+", "#", line.text) in running):
            continue
        kept.append(line)
    for line in kept:
        markers = footnote_markers.get(line.page, set())
        line.text = _SUPERSCRIPT_RE.sub(lambda m: "" if m.group(1).strip() in markers else m.group(1), line.text)
        line.text = re.sub(r"\s{2,}", " ", line.text).strip()
    return [line for line in kept if line.text]


def _paragraphs(lines: list[_Line]) -> list[str]:
    """Join wrapped lines back into paragraphs. A line starts a new paragraph when it opens a
    heading/clause/point, when an upper-case (heading-like) line is involved, or, across text
    boxes, unless the previous line ends mid-sentence and this one continues in lower case."""
    paragraphs: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if previous is None or _PARAGRAPH_START_RE.match(line.text) or is_upper(previous.text) or is_upper(line.text):
            continues = False
        elif (previous.page, previous.box) == (line.page, line.box):
            continues = True
        else:
            continues = not previous.text.endswith(_SENTENCE_END) and not line.text[:1].isupper()
        if continues:
            paragraphs[-1] += " " + line.text
        else:
            paragraphs.append(line.text)
        previous = line
    return paragraphs


def _has_text_layer(lines: list[_Line], pages: int) -> bool:
    letters = sum(ch.isalpha() for line in lines for ch in line.text)
    return letters >= _MIN_LETTERS_PER_PAGE * max(pages, 1)


def pdf_paragraphs(data: bytes) -> tuple[list[str], dict]:
    """(paragraphs, defaults from metadata) of a PDF with a text layer."""
    document = _open(data)
    lines, pages = _read_lines(document)
    if not _has_text_layer(lines, pages):
        raise IngestError("no text layer (needs OCR)")
    return _paragraphs(_drop_page_furniture(lines, pages)), metadata_defaults(document)


def parse_pdf(path: Path, data: bytes) -> list[Document]:
    document = _open(data)
    lines, pages = _read_lines(document)
    defaults = metadata_defaults(document)
    if _has_text_layer(lines, pages):
        paragraphs = _paragraphs(_drop_page_furniture(lines, pages))
        return [parse_legal_text(paragraphs, source_file=str(path), defaults=defaults)]
    from ingest.ocr import gazette_metadata, ocr_pdf, own_paragraphs

    scanned = ocr_pdf(data, pages)
    paragraphs = own_paragraphs(scanned.paragraphs, defaults.get("number"))
    if paragraphs:
        # A gazette scan has no "Số: ..." header block; its title line says the same things.
        defaults = {**gazette_metadata(paragraphs[0]), **defaults}
    parsed = parse_legal_text(paragraphs, source_file=str(path), defaults=defaults)
    parsed.text_origin = "ocr"
    parsed.ocr_confidence = round(scanned.confidence, 1)
    return [parsed]
