"""The standard citation of a document or one of its articles, as the reader's "copy citation" gives it.

The form follows how Vietnamese administrative texts cite one another (Nghị định 30/2020/NĐ-CP,
Phụ lục I: type, number and symbol, date of issue, issuing body, then the summary; a law or an
ordinance by its type and name):

    Điều 3 Nghị định số 09/2013/NĐ-CP ngày 11/01/2013 của Chính phủ quy định chi tiết thi hành một số điều
    của Luật Phòng, chống mua bán người
    Điều 32 Luật Phòng, chống mua bán người số 66/2011/QH12 ngày 29/03/2011 của Quốc hội

Laws keep their number: two laws share the name "Phòng, chống mua bán người" (2011 and 2024).
Pages build the string here, which delegates to ingest.document_citation.article_citation (the official
title with its source, the date as the collection's notes write it); `formal_date` stays for texts
that want the long date form.
"""

from __future__ import annotations

from datetime import date

from ingest.document_citation import article_citation
from ingest.model import Document

# Cited by type and name (the name says what they are about), not by number and summary.
NAMED_TYPES = {"luật", "bộ luật", "pháp lệnh", "hiến pháp"}


def formal_date(value: date | None) -> str:
    """'ngày 11 tháng 01 năm 2013': a leading zero for days below 10 and for January and February."""
    if value is None:
        return ""
    day = f"{value.day:02d}"
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {day} tháng {month} năm {value.year}"


def _summary(document: Document) -> str:
    """The title as a summary after 'của <issuer>': first letter lower-cased, the type not repeated."""
    title = document.title.strip()
    if title.lower().startswith(document.type.lower() + " "):
        title = title[len(document.type) + 1 :]
    return title[:1].lower() + title[1:]


def standard_citation(document: Document, article_number: str | None = None) -> str:
    """The citation of a document, or of its article `article_number`, in the standard form: delegated to
    ingest.document_citation.article_citation, the one function every citation comes from (issue 9)."""
    return article_citation(document, article_number)
