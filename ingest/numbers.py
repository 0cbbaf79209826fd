"""Document numbers, dates and roman numerals as written in Vietnamese legal texts.

A document number is kept exactly as written for display ("09/2013/NĐ-CP") and
compared through `number_key`, which forgives case, diacritics, leading zeros and
'.' written for '-' ("9/2013/nd-cp", "01/2016/NQ.HĐTP").
"""

from __future__ import annotations

import re
from datetime import date

from ingest.textnorm import fold

# 66/2011/QH12, 09/2013/NĐ-CP, 01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG, 193/QĐ-TTg, 126/VBHN-VPQH,
# 01/2016/NQ.HĐTP, 21-LCT/HĐNN8.  The suffix must start with a letter, so dates never match.
DOC_NUMBER_PATTERN = (
    r"(?<![\w/])(?:\d{1,4}(?:/\d{4})?/[A-ZĐ][A-ZĐa-zđ0-9]*(?:[-.][A-ZĐ][A-ZĐa-zđ0-9]*)*"
    r"|\d{1,4}-[A-ZĐ]{2,}/[A-ZĐ]{2,}\d*)(?![\w])"
)
DOC_NUMBER_RE = re.compile(DOC_NUMBER_PATTERN)
# The same shape typed by a user: any case, maybe without diacritics.
DOC_NUMBER_ANYCASE_RE = re.compile(DOC_NUMBER_PATTERN, re.IGNORECASE)

DATE_RE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4})(?!\d)")
LONG_DATE_RE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ORDINAL_WORDS = {
    "nhất": 1,
    "thứ nhất": 1,
    "hai": 2,
    "thứ hai": 2,
    "ba": 3,
    "thứ ba": 3,
    "bốn": 4,
    "thứ tư": 4,
    "tư": 4,
    "năm": 5,
    "thứ năm": 5,
    "sáu": 6,
    "thứ sáu": 6,
    "bảy": 7,
    "thứ bảy": 7,
    "tám": 8,
    "thứ tám": 8,
}


def number_key(number: str) -> str:
    """Comparison key for a document number: folded, upper-case, no leading zeros, '-' separators."""
    key = fold(number).upper().replace(" ", "")
    key = re.sub(r"(?<=[A-Z])\.(?=[A-Z])", "-", key)
    return re.sub(r"(?<![\d])0+(?=\d)", "", key)


def slug(number: str) -> str:
    """URL form of a document number: '09/2013/NĐ-CP' -> '09-2013-ND-CP' (resolved back by key)."""
    return re.sub(r"[^A-Za-z0-9]+", "-", fold(number)).strip("-")


def slug_key(text: str) -> str:
    """Key used to resolve a slug or any typed variant back to a document (separators ignored)."""
    return re.sub(r"[^A-Z0-9]+", "", number_key(text))


def parse_date(text: str) -> date | None:
    """First dd/mm/yyyy or 'ngày d tháng m năm yyyy' in text, or None."""
    for regex in (DATE_RE, LONG_DATE_RE):
        match = regex.search(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                continue
    return None


def roman_to_int(text: str) -> int | None:
    text = text.strip().upper()
    if not text or any(ch not in _ROMAN for ch in text):
        return None
    total = 0
    for ch, nxt in zip(text, text[1:] + " ", strict=True):
        value = _ROMAN[ch]
        total += -value if nxt in _ROMAN and _ROMAN[nxt] > value else value
    return total


def ordinal_to_int(text: str) -> int | None:
    """'II' -> 2, '3' -> 3, 'nhất'/'thứ hai' -> 1/2 (Phần headings)."""
    text = text.strip().rstrip(".:")
    if text.isdigit():
        return int(text)
    roman = roman_to_int(text)
    if roman is not None:
        return roman
    return _ORDINAL_WORDS.get(text.lower())
