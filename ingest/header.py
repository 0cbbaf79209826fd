"""Header stage of ingest.structure: what a legal text says about itself.

Issuer, number, type line, trích yếu (title), place/date or adoption date, and the
effective date stated in the articles ("... này có hiệu lực từ ngày ..."). Where these
sit in the text (type line, end of the trích yếu, first heading) is decided by
ingest.structure's layout stage and passed in, so this module only reads lines.
"""

from __future__ import annotations

import re
from datetime import date

from ingest.model import Article
from ingest.numbers import DATE_RE, DOC_NUMBER_RE, LONG_DATE_RE, parse_date
from ingest.textnorm import fold

# Type lines, longest first so "BỘ LUẬT" wins over "LUẬT".
_TYPES = sorted(
    {
        "LUẬT": "Luật",
        "BỘ LUẬT": "Bộ luật",
        "HIẾN PHÁP": "Hiến pháp",
        "PHÁP LỆNH": "Pháp lệnh",
        "LỆNH": "Lệnh",
        "NGHỊ ĐỊNH": "Nghị định",
        "QUYẾT ĐỊNH": "Quyết định",
        "THÔNG TƯ": "Thông tư",
        "THÔNG TƯ LIÊN TỊCH": "Thông tư liên tịch",
        "NGHỊ QUYẾT": "Nghị quyết",
        "NGHỊ QUYẾT LIÊN TỊCH": "Nghị quyết liên tịch",
        "CHỈ THỊ": "Chỉ thị",
        "ÁN LỆ": "Án lệ",
        "VĂN BẢN HỢP NHẤT": "Văn bản hợp nhất",
    }.items(),
    key=lambda item: -len(item[0]),
)
CONSOLIDATED = "Văn bản hợp nhất"

# Central issuers whose capitalisation cannot be derived from the upper-case header line.
_ISSUERS = {
    fold(name).upper(): name
    for name in (
        "Quốc hội",
        "Chính phủ",
        "Thủ tướng Chính phủ",
        "Chủ tịch nước",
        "Ủy ban Thường vụ Quốc hội",
        "Văn phòng Quốc hội",
        "Hội đồng Nhà nước",
        "Hội đồng Bộ trưởng",
        "Tòa án nhân dân tối cao",
        "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
        "Viện kiểm sát nhân dân tối cao",
        "Kiểm toán nhà nước",
    )
}

# A line of rules, dashes or dots (under the issuer, between blocks): layout, never text.
DECORATION_RE = re.compile(r"^[\s\-_=*~.·•–—]{3,}$")
_MOTTO_RE = re.compile(r"cong hoa xa hoi chu nghia viet nam|doc lap\W+tu do\W+hanh phuc")
_NUMBER_LEAD_RE = re.compile(r"\bsố\s*:?\s*", re.IGNORECASE)
_PLACE_DATE_RE = re.compile(r"^[^\W\d][^,\d]{1,40},\s*ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}", re.IGNORECASE)
# Adoption formula: 'Bộ luật này đã được Quốc hội ... thông qua ngày ...',
# 'Được Hội đồng Thẩm phán ... thông qua ngày ...'.
_ADOPTED_RE = re.compile(
    r"^(?:\d+\.\s*)?(?:(?:Luật|Bộ luật|Pháp lệnh|Nghị quyết|Hiến pháp) này (?:đã )?được|Được)\s+"
    r"(.{2,200}?)\s+thông qua\s+(?:vào\s+)?(?=ngày)"
)
# '<Văn bản> này [đã được ... và] có hiệu lực [thi hành] [kể] từ ngày ...' within one sentence.
_EFFECTIVE_RE = re.compile(
    r"(?:Luật|Bộ luật|Hiến pháp|Pháp lệnh|Lệnh|Nghị định|Quyết định|Thông tư(?: liên tịch)?|Nghị quyết(?: liên tịch)?"
    r"|Chỉ thị|Văn bản) này\b[^.;]{0,200}?có hiệu lực(?:\s+thi hành)?\s+(?:(?:kể\s+)?từ|vào)\s+(?=ngày)",
    re.IGNORECASE,
)


def is_upper(text: str) -> bool:
    return any(ch.isalpha() for ch in text) and text == text.upper()


def sentence_case(text: str) -> str:
    """'VỀ HỌ, HỤI, BIÊU, PHƯỜNG' -> 'Về họ, hụi, biêu, phường' (upper-case header lines only)."""
    lowered = text.lower()
    return lowered[:1].upper() + lowered[1:]


def match_type_line(line: str) -> tuple[str, str] | None:
    """('Nghị định', rest) when an upper-case line names the document type; the enacting
    'QUYẾT ĐỊNH:' (with colon) is not a type line."""
    for upper, display in _TYPES:
        if line == upper:
            return display, ""
        if line.startswith(upper + " "):
            rest = line[len(upper) + 1 :].strip()
            if re.match(r"(?i)số\b", rest) or is_upper(rest) and not rest.endswith(":"):
                return display, rest
    return None


def _number_in(line: str) -> str | None:
    """The number after 'Số:' / 'Luật số:' / 'ÁN LỆ SỐ', as written."""
    lead = _NUMBER_LEAD_RE.search(line)
    number = lead and DOC_NUMBER_RE.match(line, lead.end())
    return number.group(0) if number else None


def _date_at(text: str) -> date | None:
    """A date written at the very start of text ('ngày 5 tháng 4 năm 2019' or '05/4/2019')."""
    text = text.strip()
    if re.match(r"(?i)ngày\s+\d{1,2}/", text):
        text = text[4:].strip()
    match = LONG_DATE_RE.match(text) or DATE_RE.match(text)
    return parse_date(match.group(0)) if match else None


def read_header(lines: list[str], *, type_index: int | None, title_end: int, body_start: int) -> dict:
    """Number, issued, issuer, type and title as the text states them (only the keys found).

    The caller's layout says where things are: type_index is the type line (None when
    there is none), lines[type_index + 1:title_end] the trích yếu, and nothing before
    body_start is body. Laws state their date and issuer in the adoption formula at the
    end, so the whole text is read for it.
    """
    region = lines[: min(body_start, 80)]
    meta: dict = {}
    meta["number"] = next(filter(None, map(_number_in, region)), None)
    meta["issued"] = next((parse_date(line) for line in region if _PLACE_DATE_RE.match(line)), None)
    issuer = _issuer_lines(region)
    meta["issuer"] = display_issuer(" ".join(issuer)) if issuer else None
    for line in lines:
        adopted = _ADOPTED_RE.match(line)
        if adopted:
            # Laws carry no place/date line: their date is the day the Quốc hội adopted them.
            meta["issued"] = meta["issued"] or _date_at(line[adopted.end() :])
            if line.startswith("Được"):
                meta["issuer"] = meta["issuer"] or adopted.group(1)
            break
    if type_index is not None:
        type_line = match_type_line(lines[type_index])
        assert type_line is not None  # type_index is the line match_type_line recognised
        doc_type, rest = type_line
        title_lines = [] if re.match(r"(?i)số\b", rest) or not rest else [rest]
        title_lines += lines[type_index + 1 : title_end]
        title = " ".join(title_lines).strip()
        title = sentence_case(title) if is_upper(title) else title
        meta["type"], meta["title"] = doc_type, title
        if "VBHN" in (meta["number"] or "").upper() and doc_type != CONSOLIDATED:
            # A consolidated text repeats the consolidated act's type line ("LUẬT / ĐẤU THẦU").
            meta["type"], meta["title"] = CONSOLIDATED, f"{doc_type} {title}".strip()
    return {key: value for key, value in meta.items() if value}


def _issuer_lines(region: list[str]) -> list[str]:
    """Upper-case lines right above the first 'Số:' or national-motto line (table cells come
    left column first, so the issuer precedes both in document order)."""
    for index, line in enumerate(region):
        if _MOTTO_RE.search(fold(line).lower()) or _number_in(line):
            run: list[str] = []
            for previous in reversed(region[:index]):
                if DECORATION_RE.match(previous):
                    continue
                if not is_upper(previous) or re.search(r"\d", previous) or match_type_line(previous) or len(run) == 3:
                    break
                run.insert(0, previous)
            return run
    return []


def display_issuer(text: str) -> str:
    key = fold(text).upper()
    if key in _ISSUERS:
        return _ISSUERS[key]
    if not is_upper(text):
        return text
    if text.startswith("BỘ "):
        return "Bộ " + sentence_case(text[3:])
    return sentence_case(text)


def effective_date(articles: list[Article], issued: date | None) -> date | None:
    """'... này có hiệu lực (thi hành) (kể) từ ngày ...'; 'từ ngày ký' means the issue date.
    Articles titled 'Hiệu lực ...' are read first."""
    ordered = sorted((a for a in articles if a.number), key=lambda a: "hieu luc" not in fold(a.title).lower())
    for article in ordered:
        whole = article.title + "\n" + article.text
        for match in _EFFECTIVE_RE.finditer(whole):
            following = whole[match.end() :]
            if re.match(r"ngày\s+ký", following):
                return issued
            found = _date_at(following)
            if found:
                return found
    return None
