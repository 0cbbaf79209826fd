"""Reading scanned PDFs: poppler's pdftoppm rasterises each page, Tesseract's Vietnamese model reads it.

Both are Debian packages (poppler-utils, tesseract-ocr, tesseract-ocr-vie) run as subprocesses,
so OCR never holds the GIL: the ingest pipeline calls it from its worker pool, the upload
endpoint from a worker thread. One page costs about 10-25 s on this machine's 2 shared cores, so
Tesseract is limited to one thread per page (OMP_THREAD_LIMIT=1) and the pool supplies the
parallelism. The mean word confidence Tesseract reports is kept with the text: readers are told
the text was recognised from a scan and how sure the recogniser was.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from ingest.errors import IngestError
from ingest.header import is_upper
from ingest.textnorm import nfc

OCR_DPI = 300  # the fixture's scans are ~132 ppi; Tesseract reads small Vietnamese marks better upsampled
OCR_LANGUAGE = "vie"
PAGE_TIMEOUT_S = 180
MIN_LINE_CONFIDENCE = 50.0
MAX_OCR_PAGES = 200  # a scanned code of 400 pages would hold a worker for hours: refuse it with a reason
# The same paragraph starts as ingest.parsers.pdf: headings, clauses, points, bullets.
_PARAGRAPH_START_RE = re.compile(
    r"^(?:Điều\s+\d|Chương\s|CHƯƠNG\s|Mục\s+\d|MỤC\s|Phần\s|PHẦN\s|\d{1,3}[.)]\s|[a-zđ]\)\s|[-–•+]\s)"
)

_RUNNING_HEAD_RE = re.compile(r"^(?:\d{1,4}|CÔNG BÁO|Số \d{1,3} - \d{1,2}-\d{1,2}-\d{4})(?:\s+(?:\d{1,4}|CÔNG BÁO))*$")
# "Điều 1.- Về học bổng" (gazette style) reads as "Điều 1. Về học bổng" for ingest.structure.
_ARTICLE_DASH_RE = re.compile(r"^(Điều\s+\d{1,4}[a-zđ]?)\s*\.?\s*[-–]\s*")


@dataclass
class OcrText:
    pages: list[list[str]]  # paragraphs of each page
    confidence: float  # mean word confidence, 0-100, over every recognised word
    words: int

    @property
    def paragraphs(self) -> list[str]:
        return [p for page in self.pages for p in page]


def missing_tools() -> list[str]:
    """What is missing for OCR (Debian package names); empty when OCR can run."""
    missing = []
    if shutil.which("pdftoppm") is None:
        missing.append("poppler-utils")
    if shutil.which("tesseract") is None:
        missing += ["tesseract-ocr", "tesseract-ocr-vie"]
    elif OCR_LANGUAGE not in _tesseract_languages():
        missing.append("tesseract-ocr-vie")
    return missing


@lru_cache(maxsize=1)
def _tesseract_languages() -> frozenset[str]:
    done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    return frozenset(line.strip() for line in (done.stdout + done.stderr).splitlines()[1:])


def _run(command: list[str], timeout: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        return subprocess.run(command, capture_output=True, timeout=timeout, check=True, env=env)
    except subprocess.TimeoutExpired as error:
        raise IngestError(f"OCR timed out after {timeout} s on one page") from error
    except subprocess.CalledProcessError as error:
        reason = (error.stderr or b"").decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
        raise IngestError(f"OCR failed ({Path(command[0]).name}): {reason[0]}") from error


def rasterise(pdf: Path, out_dir: Path, pages: int, dpi: int = OCR_DPI, only_page: int | None = None) -> list[Path]:
    """One greyscale PNG per page (pdftoppm names them page-1.png or page-01.png ...)."""
    if pages > MAX_OCR_PAGES:
        raise IngestError(f"scanned PDF of {pages} pages: OCR is limited to {MAX_OCR_PAGES} pages")
    selection = ["-f", str(only_page), "-l", str(only_page)] if only_page else []
    command = ["pdftoppm", "-r", str(dpi), "-gray", "-png", *selection, str(pdf), str(out_dir / "page")]
    _run(command, PAGE_TIMEOUT_S * 2)
    images = sorted(out_dir.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    if not images:
        raise IngestError("OCR failed: the PDF has no page poppler can render")
    return images


# A number Tesseract read with letters in it ("l1" for the "1" of "ngày 1 tháng 1 năm 1998", "l998"):
# digits and the letters digits are mistaken for, at least one of each, trailing punctuation kept apart.
_CONFUSED_NUMBER_RE = re.compile(r"^(?=[^\d]*\d)(?=.*[lIiOoSB|])([\dlIiOoSB|]{1,4})([.,;:)]?)$")
REREAD_BELOW_CONFIDENCE = 90.0
Box = tuple[int, int, int, int]  # left, top, width, height in the page image's pixels


def repair_number(word: str, score: float, box: Box, reread) -> tuple[str, float]:
    """A low-confidence number read with letters in it is read again, alone and under a digits-only
    constraint (`reread(box)` -> (text, confidence)); the new reading replaces it only when it is all
    digits and surer than the first. Otherwise the word stays as read, so a date holding it fails the
    strict date patterns and is left unknown rather than guessed ('l1' is never turned into 11)."""
    found = _CONFUSED_NUMBER_RE.match(word)
    if reread is None or found is None or score >= REREAD_BELOW_CONFIDENCE:
        return word, score
    text, confidence = reread(box)
    if text.isdigit() and confidence > score:
        return text + found.group(2), confidence
    return word, score


def reread_digits(pdf: Path, page: int, box: Box, dpi: int = OCR_DPI) -> tuple[str, float]:
    """Tesseract on one word's box of one page (rendered again from the PDF with a small margin),
    as a single line of digits; ('', 0) when it finds none."""
    left, top, width, height = box
    margin = max(8, height // 2)
    with tempfile.TemporaryDirectory(prefix="vnlex-ocr-word-") as folder:
        stem = Path(folder) / "word"
        crop = ["-x", str(max(0, left - margin)), "-y", str(max(0, top - margin))]
        crop += ["-W", str(width + 2 * margin), "-H", str(height + 2 * margin)]
        _run(
            ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page), *crop, str(pdf), str(stem)],
            60,
        )
        (image,) = Path(folder).glob("word*.png")
        command = ["tesseract", str(image), "stdout", "--psm", "7", "-c", "tessedit_char_whitelist=0123456789", "tsv"]
        done = _run(command, 60)
    words = [row.split("\t") for row in done.stdout.decode("utf-8", errors="replace").splitlines()[1:]]
    read = [(cells[11].strip(), float(cells[10])) for cells in words if len(cells) >= 12 and cells[0] == "5"]
    read = [(text, score) for text, score in read if text]
    if not read:
        return "", 0.0
    return "".join(text for text, _ in read), min(score for _, score in read)


def read_page(image: Path, reread=None) -> tuple[list[str], list[float]]:
    """(paragraphs, word confidences) of one page image, from Tesseract's TSV output. Lines read
    with a mean confidence under MIN_LINE_CONFIDENCE are dropped: on the fixture they are the
    vendor's watermark ("LawSoft * Tel: ..."), never the text. So are the gazette's running heads.
    reread(box) -> (digits, confidence): how repair_number reads a doubtful number again."""
    done = _run(["tesseract", str(image), "stdout", "-l", OCR_LANGUAGE, "tsv"], PAGE_TIMEOUT_S)
    lines: dict[tuple[int, int, int], list[tuple[str, float]]] = {}
    for row in done.stdout.decode("utf-8", errors="replace").splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        block, paragraph, line = int(cells[2]), int(cells[3]), int(cells[4])
        box = (int(cells[6]), int(cells[7]), int(cells[8]), int(cells[9]))
        word = repair_number(cells[11], float(cells[10]), box, reread)
        lines.setdefault((block, paragraph, line), []).append(word)
    kept: list[tuple[tuple[int, int], str]] = []
    confidences: list[float] = []
    for (block, paragraph, _line), words in lines.items():
        scores = [score for _word, score in words if score >= 0]
        doubtful = sum(score < MIN_LINE_CONFIDENCE for score in scores)
        if scores and (sum(scores) / len(scores) < MIN_LINE_CONFIDENCE or doubtful * 3 >= len(scores)):
            continue
        text = nfc(" ".join(word for word, _score in words))
        if not kept and _RUNNING_HEAD_RE.match(text):
            continue  # page number, "CÔNG BÁO", "Số 4 - 10-2-1998" above the text
        confidences += scores
        kept.append(((block, paragraph), text))
    return join_lines(kept), confidences


def join_lines(lines: list[tuple[tuple[int, int], str]]) -> list[str]:
    """Tesseract's lines back into paragraphs, one per legal unit as ingest.structure expects:
    lines of one Tesseract paragraph are joined unless a line opens a heading, clause or point,
    or is in capitals (titles, signature names)."""
    paragraphs: list[str] = []
    previous_key, previous_text = None, ""
    for key, text in lines:
        text = text.strip()
        if not text:
            continue
        starts = _PARAGRAPH_START_RE.match(text) or is_upper(text) or is_upper(previous_text)
        if key == previous_key and paragraphs and not starts:
            paragraphs[-1] += " " + text
        else:
            paragraphs.append(_ARTICLE_DASH_RE.sub(r"\1. ", text))
        previous_key, previous_text = key, text
    return paragraphs


def ocr_pdf(data: bytes, pages: int) -> OcrText:
    """Every page of a scanned PDF, read by Tesseract; IngestError with the reason otherwise."""
    missing = missing_tools()
    if missing:
        raise IngestError(f"no text layer and OCR is not installed (needs Debian packages: {', '.join(missing)})")
    with tempfile.TemporaryDirectory(prefix="vnlex-ocr-") as folder:
        work = Path(folder)
        pdf = work / "scan.pdf"
        pdf.write_bytes(data)
        images = rasterise(pdf, work, pages)
        # A doubtful number is read again from its page of the PDF (repair_number).
        read = [read_page(image, partial(reread_digits, pdf, page)) for page, image in enumerate(images, start=1)]
    confidences = [c for _paragraphs, page_confidences in read for c in page_confidences]
    if not confidences:
        raise IngestError("no text layer and OCR found no text on any page")
    page_texts = repair_article_numbers([paragraphs for paragraphs, _c in read])
    return OcrText(page_texts, sum(confidences) / len(confidences), len(confidences))


_MISREAD_ARTICLE_RE = re.compile(r"^Điều\s+([^\d\s.\-–]{1,2})\s*\.?\s*[-–.]\s*")
_ARTICLE_NUMBER_RE = re.compile(r"^Điều\s+(\d{1,4})\b")


def repair_article_numbers(pages: list[list[str]]) -> list[list[str]]:
    """An article number Tesseract misread as a letter ("Điều ð.-" for "Điều 5.-") is the one after
    the previous article's: articles are numbered in sequence. Only a heading whose number is not
    a digit at all is changed, so a real numbering is never rewritten."""
    last: int | None = None
    repaired: list[list[str]] = []
    for paragraphs in pages:
        fixed = []
        for paragraph in paragraphs:
            found = _ARTICLE_NUMBER_RE.match(paragraph)
            misread = None if found else _MISREAD_ARTICLE_RE.match(paragraph)
            if found:
                last = int(found.group(1))
            elif misread and last is not None:
                last += 1
                paragraph = f"Điều {last}. " + paragraph[misread.end() :]
            fixed.append(paragraph)
        repaired.append(fixed)
    return repaired


# A gazette (Công báo) title: "QUYẾT ĐỊNH của Thủ tướng Chính phủ số 1121/1997/QĐ-TTg ngày ...".
_GAZETTE_TITLE_RE = re.compile(r"^(?:QUYẾT ĐỊNH|NGHỊ ĐỊNH|THÔNG TƯ|CHỈ THỊ|NGHỊ QUYẾT|LUẬT)\s+(?:của|số)\b")


def own_paragraphs(paragraphs: list[str], number: str | None) -> list[str]:
    """The paragraphs of the document itself when the scan is a gazette page: the page opens
    with the end of the previous text and may go on with the next one. Known number (from the
    PDF's metadata): keep from the title that names it up to the next title naming another."""
    from ingest.numbers import DOC_NUMBER_RE, number_key

    if not number:
        return paragraphs
    wanted = number_key(number)

    def names(paragraph: str) -> set[str]:
        return {number_key(m.group(0)) for m in DOC_NUMBER_RE.finditer(paragraph)}

    start = next(
        (i for i, p in enumerate(paragraphs) if _GAZETTE_TITLE_RE.match(p) and wanted in names(p)),
        None,
    )
    if start is None:
        return paragraphs
    end = next(
        (
            i
            for i in range(start + 1, len(paragraphs))
            if _GAZETTE_TITLE_RE.match(paragraphs[i]) and names(paragraphs[i]) and wanted not in names(paragraphs[i])
        ),
        len(paragraphs),
    )
    return paragraphs[start:end]


_GAZETTE_HEADER_RE = re.compile(
    r"^(QUYẾT ĐỊNH|NGHỊ ĐỊNH|THÔNG TƯ|CHỈ THỊ|NGHỊ QUYẾT)\s+của\s+(.+?)\s+số\s+\S+\s+ngày\W*"
    r"(\d{1,2})-(\d{1,2})-(\d{4})\W*\s+((?:về|quy định|hướng dẫn)\b.+?)[.\s]*$"
)


def gazette_metadata(title: str) -> dict:
    """Type, issuer, date and trích yếu from a gazette title ("QUYẾT ĐỊNH của Thủ tướng Chính
    phủ số 1121/1997/QĐ-TTg ngày 23-12-1997 về học bổng ..."); {} when it is not one."""
    from datetime import date

    # Specks at the right margin come out as stray marks after a word ("trợ:", "Chính =").
    title = re.sub(r"\s*[=:;|©«»¬]+(?=\s|$)", "", title)
    found = _GAZETTE_HEADER_RE.match(re.sub(r"\s+", " ", title))
    if not found:
        return {}
    kind, issuer, day, month, year, subject = found.groups()
    try:
        issued = date(int(year), int(month), int(day))
    except ValueError:
        issued = None
    return {
        "type": kind.capitalize(),
        "issuer": issuer,
        "issued": issued,
        "title": subject[:1].upper() + subject[1:],
    }


def character_accuracy(recognised: str, reference: str) -> float:
    """1 - Levenshtein distance / reference length, both NFC with every run of white space made
    one space (line breaks of a scan and of a transcription need not agree)."""
    a = re.sub(r"\s+", " ", nfc(recognised)).strip()
    b = re.sub(r"\s+", " ", nfc(reference)).strip()
    if not b:
        return 0.0
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return max(0.0, 1 - previous[-1] / len(b))
