"""The day a question asks about, read from its words: "trước 1/7/2025", "ngày 15 tháng 3 năm 2024", "năm 2023" (what
applied then); a year naming a text ("luật PCMBN năm 2011") is no such day. Kept apart from understand.py, which
types the whole question and calls it once."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ingest.textnorm import fold, nfc


def folded_text(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", fold(nfc(text)).lower())) + " "


_DATE_RE = re.compile(r"(?<![\d/])(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?![\d/])")
_YEAR_RE = re.compile(r"(?<!\w)(?:nam|vao|tu) ((?:19|20)\d\d)(?!\w)")
_LONG_DATE_RE = re.compile(r"(?<!\w)(?:ngay (\d{1,2}) )?thang (\d{1,2}) (?:nam )?((?:19|20)\d\d)(?!\w)")
_BEFORE_RE = re.compile(r"(?<!\w)truoc(?: ngay)?\s*$")
# A year right after a document word names the text ("luật PCMBN năm 2011"), not the day asked about.
_DOCUMENT_YEAR_RE = re.compile(r"(?:luat|nghi dinh|thong tu|bo luat|pcmbn|blhs|quyet dinh)(?: \w+){0,6} nam$")


# "có hiệu lực thi hành từ ngày nào", "khi nào có hiệu lực": the date itself is asked.
EFFECTIVE_DATE_ASKED = re.compile(
    r"(?<!\w)hieu luc(?: thi hanh)? (?:tu |vao |ke tu )?(?:ngay nao|khi nao|luc nao|bao gio|thang nao|nam nao)(?!\w)"
    r"|(?<!\w)(?:ngay nao|khi nao|bao gio) (?:thi )?(?:(?:\w+ ){0,3}?(?:co |bat dau ))?hieu luc(?!\w)"
)
# "được Quốc hội thông qua hôm nào", "ngày ký (không phải ngày bắt đầu áp dụng) ... là ngày nào": the day it was
# passed or signed, not when it took effect (heldout14 had the effective date as the summary's line)
ISSUE_ASKED = re.compile(
    r"(?<!\w)(?:(?:ban hanh|thong qua|ky)(?: \w+){0,3}? (?:vao )?(?:ngay nao|khi nao|hom nao|nam nao|luc nao)"
    r"|ngay (?:ky|ban hanh|thong qua)(?!\w)(?! \w+ hieu luc))"
)


def as_of_date(text: str) -> date | None:
    """'trước 1/7/2025' -> 2025-06-30; 'ngày 15/3/2024' -> 2024-03-15; 'năm 2023' -> 2023-12-31
    (the last day of that year: what applied during it); None when the question names no day, or when the day a
    text took effect or was signed is what it asks: "có hiệu lực từ ngày nào? ... ghi 01/12/2012 mà điều luật
    ghi 01/01/2012" offers candidates, and answering "as on 01/12/2012" labelled the replaced 2011 law "Còn hiệu
    lực" (an outside reader, session 20)."""
    folded = fold(nfc(text)).lower()
    words = folded_text(text)
    if EFFECTIVE_DATE_ASKED.search(words) or ISSUE_ASKED.search(words):
        return None
    for match in _DATE_RE.finditer(folded):
        day, month, year = (int(g) for g in match.groups())
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if _BEFORE_RE.search(folded[: match.start()]):
            found -= timedelta(days=1)
        return found
    for match in _LONG_DATE_RE.finditer(words):
        # "ngày 15 tháng 3 năm 2024", "tháng 3/2024", "tháng 3 năm 2024" (the month's last day)
        named_day, month, year = match.group(1), int(match.group(2)), int(match.group(3))
        try:
            if named_day:
                found = date(year, month, int(named_day))
            else:
                found = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        except ValueError:
            continue
        if _BEFORE_RE.search(words[: match.start()]):
            found = (found if named_day else date(year, month, 1)) - timedelta(days=1)
        return found
    for match in _YEAR_RE.finditer(words):
        if _DOCUMENT_YEAR_RE.search(words[: match.start()].rstrip() + " nam"):
            continue
        year = int(match.group(1))
        if 1990 <= year <= 2100:
            return date(year, 12, 31)
    return None
