"""The standard citation of a document or one of its articles, as the reader's "copy citation" gives it.

The form follows how Vietnamese administrative texts cite one another (Nghị định 30/2020/NĐ-CP,
Phụ lục I: type, number and symbol, date of issue, issuing body, then the summary; a law or an
ordinance by its type and name):

    Điều 3 Nghị định số 09/2013/NĐ-CP ngày 11 tháng 01 năm 2013 của Chính phủ hướng dẫn Luật Phòng, chống mua bán người
    Điều 32 Luật Phòng, chống mua bán người số 66/2011/QH12 ngày 29 tháng 3 năm 2011

Laws keep their number: two laws share the name "Phòng, chống mua bán người" (2011 and 2024).
This is the one place pages build the string; when ingest provides a citation-form function
(branch `facts`), `standard_citation` should delegate to it and keep its signature.
"""

from __future__ import annotations

from datetime import date

from ingest.model import Document
from web.documents import document_name

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
    """The citation of a document, or of its article `article_number`, in the standard form."""
    where = f"Điều {article_number} " if article_number else ""
    if document.number.startswith("news:"):
        parts = [document.title or "Tin tức", document.publisher, formal_date(document.issued)]
        return ", ".join(part for part in parts if part)
    if document.type.lower() in NAMED_TYPES:
        text = f"{where}{document_name(document)} số {document.number}"
        if document.issued:
            text += f" {formal_date(document.issued)}"
        return text
    text = f"{where}{document.type} số {document.number}"
    if document.issued:
        text += f" {formal_date(document.issued)}"
    if document.issuer:
        text += f" của {document.issuer}"
    summary = _summary(document)
    if summary:
        text += f" {summary}"
    return text
