"""Per-request access to stored documents, and the facts every page shows about one.

Pages look at the same few documents many times (hits of one law, cited documents,
relation targets); DocumentCache loads each once per request. The status badge lives
here because search results, the reader and the reading list must all say the same
thing: a replaced document is "Bị thay thế" whatever its computed status.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from fastapi import Request

from ingest.document_citation import article_citation, unit_citation
from ingest.model import Article, Document
from ingest.numbers import slug, slug_key
from search_api.views import STATUS_LABELS

BADGE_CLASSES = {"con_hieu_luc": "in-force", "het_hieu_luc": "expired", "chua_hieu_luc": "pending"}


@dataclass
class DocumentCache:
    request: Request
    _documents: dict[str, Document | None] = field(default_factory=dict)

    @property
    def app_state(self):
        return self.request.app.state.vnlex

    def known(self) -> list[tuple[str, str, str]]:
        return self.app_state.search.known_documents()

    def resolve(self, text: str) -> str | None:
        """The stored number a slug or typed number stands for (same rule as the JSON API)."""
        wanted = slug_key(text)
        if not wanted:
            return None
        return next((number for number, _type, _title in self.known() if slug_key(number) == wanted), None)

    def get(self, number: str) -> Document | None:
        if number not in self._documents:
            self._documents[number] = self.app_state.backend.get_document(number)
        return self._documents[number]

    def by_slug(self, text: str) -> Document | None:
        number = self.resolve(text)
        return self.get(number) if number else None


def find_article(document: Document, number: str) -> Article | None:
    wanted = str(number).strip().lower()
    return next((a for a in document.articles if a.number.lower() == wanted), None)


def document_url(number: str, anchor: str | None = None) -> str:
    return f"/van-ban/{slug(number)}" + (f"#{anchor}" if anchor else "")


def vn_date(value: date | str | None) -> str:
    """29/3/2011, the way Vietnamese citations write dates."""
    if not value:
        return ""
    if isinstance(value, str):
        value = date.fromisoformat(value)
    return f"{value.day}/{value.month}/{value.year}"


def badge(status: str, replaced_by: str | None = None) -> dict[str, str]:
    """CSS class and Vietnamese label of a document's status."""
    if replaced_by:
        return {"css": "replaced", "label": "Bị thay thế"}
    return {"css": BADGE_CLASSES.get(status, "unknown"), "label": STATUS_LABELS.get(status, status or "Chưa rõ")}


def status_phrase(document: Document) -> str:
    """Lower-case status for the end of a citation: 'còn hiệu lực',
    'hết hiệu lực (bị thay thế bởi 53/2024/QH15)'."""
    label = STATUS_LABELS.get(document.status, "")
    phrase = label[:1].lower() + label[1:] if document.status else "chưa rõ hiệu lực"
    if document.replaced_by:
        phrase += f" (bị thay thế bởi {document.replaced_by})"
    return phrase


def document_name(document: Document) -> str:
    """'Luật Phòng, chống mua bán người' (the title already carries the type on some pages)."""
    title = document.title.strip()
    if not title:
        return document.type
    if title.lower().startswith(document.type.lower()):
        return title
    if re.match(r"(?:Về|Quy định|Hướng dẫn|Sửa đổi|Ban hành)\b", title):
        title = title[:1].lower() + title[1:]  # "Nghị định về họ, hụi", not "Nghị định Về họ, hụi"
    return f"{document.type} {title}".strip()


def citation(document: Document, article: Article | None, unit_id: str | None = None) -> str:
    """'Điều 32 Luật Phòng, chống mua bán người số 66/2011/QH12 ngày 29/03/2011 của Quốc hội — hết
    hiệu lực (...)': the standard form of ingest.document_citation.article_citation (of the clause or point
    `unit_id` when one is cited: ingest.document_citation.unit_citation), then the status."""
    cited = (
        unit_citation(document, unit_id) if unit_id else article_citation(document, article.number if article else None)
    )
    return f"{cited} — {status_phrase(document)}"
