"""The one standard Vietnamese citation form of a document, and of an article, clause or point in it.

`citation_form`: 'Nghị định số 09/2013/NĐ-CP ngày 11/01/2013 của Chính phủ quy định chi tiết ...', a law by its
name and number; `unit_citation`: 'điểm a khoản 1 Điều 4 Thông tư liên tịch số 134/2013/TTLT-BTC-BLĐTBXH ngày
...', or with short=True 'điểm a khoản 1 Điều 4 TTLT 134/2013'; `clause_label` the part below the article.
These are the only functions that write a citation; pages, exports, the API and answers call them, over the
facts ingest.official resolved (title, issuer, dates).
"""

from __future__ import annotations

import re
from datetime import date

from ingest.header import CONSOLIDATED
from ingest.model import Document

NEWS_TYPE = "Tin tức"
# Types whose official name already is the title ("Luật Phòng, chống mua bán người").
NAMED_TYPES = ("Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp")
UNNAMED_PUBLISHER = "trang tin không ghi tên đơn vị đăng"  # a news page that names no publisher


def _vn(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def official_name(document: Document) -> str:
    """The title as the type's convention writes it: a law's title is its name ("Luật Trẻ em"),
    other texts' trích yếu starts lower-case after the type ("quy định chi tiết ...")."""
    title = re.sub(r"\s+", " ", document.title or "").strip().rstrip(".")
    if document.type in NAMED_TYPES and title and not title.casefold().startswith(document.type.casefold()):
        return f"{document.type} {title}"
    return title


_LOWER_STARTS = re.compile(r"(?:Quy định|Hướng dẫn|Về|Ban hành|Sửa đổi|Phê duyệt|Bãi bỏ|Thông qua)\b")


def _lower_first(text: str) -> str:
    """'Quy định chi tiết ...' reads 'quy định chi tiết ...' after the issuer; a name ('Luật Đấu thầu') stays."""
    return text[:1].lower() + text[1:] if _LOWER_STARTS.match(text) else text


def citation_form(document: Document) -> str:
    """The standard Vietnamese citation of a document:
    'Nghị định số 09/2013/NĐ-CP ngày 11/01/2013 của Chính phủ quy định chi tiết thi hành một số
    điều của Luật Phòng, chống mua bán người'; a law: 'Luật Phòng, chống mua bán người số
    66/2011/QH12 ngày 29/03/2011 của Quốc hội'; a news report: its title, publisher and date
    (never its internal id); a consolidated text: '... của Văn phòng Quốc hội hợp nhất Luật Đấu thầu'.
    Parts the collection does not know are left out, not guessed."""
    if document.type == NEWS_TYPE or document.number.startswith("news:"):
        # A page naming no publisher says so: a citation without one reads as if its source were known.
        where = ", ".join(p for p in (document.publisher or UNNAMED_PUBLISHER, _vn(document.issued)) if p)
        title = document.title or "Tin tức"
        return f"{title} ({where})"
    name = official_name(document)
    when = f" ngày {_vn(document.issued)}" if document.issued else ""
    issuer = f" của {document.issuer}" if document.issuer else ""
    if document.type in NAMED_TYPES and name:
        return f"{name} số {document.number}{when}{issuer}"
    head = f"{document.type} số {document.number}".strip()
    if document.type == CONSOLIDATED and name:
        # A consolidated text is not a new act: the office merges an act and its amendments. No rule on
        # citing one was found in the collection; its own cover line reads "HỢP NHẤT LUẬT ĐẤU THẦU
        # 126/VBHN-VPQH 2025", and legal databases title them the same way ("Văn bản hợp nhất 03/VBHN-VPQH
        # 2021 hợp nhất Luật Khiếu nại"), so the act's name follows "hợp nhất".
        return f"{head}{when}{issuer} hợp nhất {name}"
    # The codified notes sometimes repeat the type: "Thông tư Hướng dẫn tổ chức Tháng hành động ...".
    if document.type and name.casefold().startswith(document.type.casefold() + " "):
        name = name[len(document.type) + 1 :]
    return f"{head}{when}{issuer}" + (f" {_lower_first(name)}" if name else "")


def unit_label(article: str | None, clause: str | None = None, point: str | None = None) -> str:
    """'điểm a khoản 2 Điều 23' (empty parts left out)."""
    parts = [
        f"điểm {point}" if point else "",
        f"khoản {clause}" if clause else "",
        f"Điều {article}" if article else "",
    ]
    return " ".join(p for p in parts if p)


def article_citation(
    document: Document, article: str | None, clause: str | None = None, point: str | None = None
) -> str:
    """'khoản 2 Điều 23 Nghị định số 09/2013/NĐ-CP ngày 11/01/2013 của Chính phủ quy định ...'."""
    label = unit_label(article, clause, point)
    return f"{label} {citation_form(document)}".strip()


# Compact labels of the types where a line has no room for the full citation ("TTLT 134/2013").
SHORT_TYPES = {
    "Thông tư liên tịch": "TTLT",
    "Thông tư": "TT",
    "Nghị định": "NĐ",
    "Nghị quyết": "NQ",
    "Nghị quyết liên tịch": "NQLT",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Pháp lệnh": "PL",
}
_NUMBER_YEAR_RE = re.compile(r"^(\d+[a-zA-Z]?/\d{4})/")


def short_document_label(document: Document) -> str:
    """'TTLT 134/2013', 'NĐ 09/2013', 'Luật 66/2011', 'BLHS 100/2015': type and number/year, as a
    worker writes a text in a margin; a code is named by its initials ('Bộ luật Hình sự' -> BLHS)."""
    if document.type == NEWS_TYPE or document.number.startswith("news:"):
        return document.title or "Tin tức"
    match = _NUMBER_YEAR_RE.match(document.number)
    number = match.group(1) if match else document.number
    if document.type == "Bộ luật" and document.title:
        name = official_name(document)
        return "".join(word[0] for word in name.split() if word[:1].isalpha()).upper() + f" {number}"
    return f"{SHORT_TYPES.get(document.type, document.type)} {number}".strip()


def short_citation(document: Document, article: str | None, clause: str | None = None, point: str | None = None) -> str:
    """'điểm a khoản 1 Điều 4 TTLT 134/2013': the compact form of article_citation for labels."""
    return f"{unit_label(article, clause, point)} {short_document_label(document)}".strip()


def unit_parts(document: Document, unit_id: str | None) -> tuple[str | None, str | None, str | None]:
    """(article, clause, point) numbers of a unit id ('chuong_2__dieu_4__khoan_1__diem_a' -> '4', '1', 'a'),
    read from the document's own structure (the id alone cannot tell 'đ' from 'dd'); an article id
    gives (article, None, None); an id the document lacks gives (None, None, None)."""
    for article in document.articles:
        if unit_id == article.id:
            return article.number or None, None, None
        if not unit_id or not unit_id.startswith(article.id + "__"):
            continue
        for clause in article.units:
            if clause.id == unit_id:
                return article.number or None, clause.number, None
            for point in clause.children:
                if point.id == unit_id:
                    return article.number or None, clause.number, point.number
    return None, None, None


def _parts_of_id(unit_id: str | None) -> tuple[str | None, str | None]:
    """(clause, point) read off the id alone, for a unit whose document is not at hand: 'diem_dd' is điểm đ
    (ingest.units.id_part) and an occurrence suffix ('diem_b_2', a label the source repeats) is dropped."""
    clause = point = None
    for part in (unit_id or "").split("__"):
        kind, _, number = part.partition("_")
        number = re.sub(r"_\d+$", "", number)
        if kind == "khoan" and number:
            clause = number
        elif kind == "diem" and number:
            point = "đ" + number[2:] if number.startswith("dd") else number
    return clause, point


def clause_label(unit_id: str | None, document: Document | None = None) -> str:
    """The part of a citation below the article, in the standard order: 'điểm a khoản 1' (of 'điểm a khoản 1
    Điều 4'), 'khoản 2', or '' for an article or an id naming no clause. From the document's own structure when
    it is given (unit_parts), else from the id. The one clause label of the API, the trace and the pages."""
    clause, point = unit_parts(document, unit_id)[1:] if document is not None else (None, None)
    if clause is None:
        clause, point = _parts_of_id(unit_id)
    return unit_label(None, clause, point) if clause else ""


def unit_citation(document: Document, unit_id: str | None, short: bool = False) -> str:
    """The citation of the clause or point `unit_id` of `document` ('điểm a khoản 1 Điều 4 Thông tư liên
    tịch số 134/2013/TTLT-BTC-BLĐTBXH ngày ... của ...'); short=True: 'điểm a khoản 1 Điều 4 TTLT 134/2013'.
    An id the document lacks cites the document alone: never a guessed clause."""
    article, clause, point = unit_parts(document, unit_id)
    if short:
        return short_citation(document, article, clause, point)
    return article_citation(document, article, clause, point)
