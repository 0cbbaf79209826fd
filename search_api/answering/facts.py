"""Facts about named documents — identity, effective date, status, replacements, detailing texts —
read from the stored documents (whose status ingest.status computed from dates, relations and the
catalogue), the catalogue (corpus/catalogue.json) and search_api.trace. Each fact carries its source.
"""

from __future__ import annotations

from typing import Any

from ingest.catalogue import load_catalogue
from ingest.model import Article, Document
from ingest.numbers import slug
from ingest.textnorm import fold
from search_api.answering import models as m
from search_api.answering.check import vn_date
from search_api.answering.evidence import Evidence, is_stub
from search_api.corpus_store import CorpusStore
from search_api.trace import trace

MAX_DETAILING_FACTS = 12


def _catalogue_source(document: Document) -> str:
    try:
        entry = load_catalogue().get(document.number)
    except (FileNotFoundError, ValueError):
        entry = None
    if entry is None:
        return f"văn bản {document.number} trong kho"
    return f"danh mục văn bản ({entry.source_label()}): {entry.source}"


def _fact(text: str, source: str, document: Document, kind: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "text": text,
        "source": source,
        "doc_number": document.number,
        "link": f"/van-ban/{slug(document.number)}",
    }


def effect_article(document: Document) -> Article | None:
    """The article stating when the text takes effect ("Hiệu lực thi hành")."""
    return next((a for a in reversed(document.articles) if "hieu luc" in fold(a.title or "").lower()), None)


def document_facts(evidence: Evidence, store: CorpusStore) -> list[dict[str, Any]]:
    question = evidence.question
    documents = list(evidence.named_documents)
    if not documents and evidence.hits:
        top = store.document(evidence.hits[0]["doc_number"])
        documents = [top] if top is not None else []
    facts: list[dict[str, Any]] = []
    for document in documents:
        name = f"{document.type} {document.number}" + (f" ({document.title})" if document.title else "")
        source = _catalogue_source(document)
        issued = f", ban hành ngày {vn_date(document.issued)}" if document.issued else ""
        issuer = f" của {document.issuer}" if document.issuer else ""
        facts.append(_fact(f"{name}{issuer}{issued}.", source, document, "identity"))
        if document.effective:
            facts.append(
                _fact(f"Có hiệu lực từ ngày {vn_date(document.effective)}.", source, document, "effective")
            )
        if document.status_note:
            facts.append(_fact(document.status_note, "trạng thái do vnlex tính khi nạp dữ liệu", document, "status"))
        tree = trace(store.backend, document.number, question.article_number if evidence.named_article else None)
        root = tree["tree"] if tree else {"changes": [], "children": []}
        for change in root["changes"]:
            other = change["document"]
            when = f" từ ngày {vn_date(_date(change['date']))}" if change.get("date") else ""
            article = f" (Điều {change['article']})" if change.get("article") else ""
            note = f" — {change['note']}" if change.get("note") else ""
            in_corpus = "" if other["in_corpus"] else " (toàn văn chưa có trong kho)"
            facts.append(
                _fact(
                    f"{change['label']}{article}: {other['type']} {other['number']}{in_corpus}{when}.",
                    f"quan hệ giữa các văn bản{note}",
                    document,
                    "change",
                )
            )
        if question.intent == m.DETAILING or question.has(m.DETAILING):
            for child in root["children"][:MAX_DETAILING_FACTS]:
                articles = [a for a in child["articles"] if a.get("number")]
                if articles:
                    listing = ", ".join(
                        f"Điều {a['number']}" + (f" (hướng dẫn Điều {a['details']})" if a.get("details") else "")
                        for a in articles[:6]
                    )
                    text = f"{child['type']} {child['number']}: {listing}."
                else:
                    text = f"{child['type']} {child['number']} hướng dẫn văn bản này."
                facts.append(_fact(text, "quan hệ “quy định chi tiết” ghi trong Bộ pháp điển", document, "detailing"))
        if is_stub(document):
            facts.append(
                _fact(
                    f"Toàn văn {document.type} {document.number} chưa có trong kho văn bản; "
                    "các thông tin trên lấy từ danh mục và quan hệ giữa các văn bản.",
                    source,
                    document,
                    "not_in_collection",
                )
            )
    return facts


def _date(text: str | None):
    from datetime import date

    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def facts_summary(facts: list[dict[str, Any]]) -> str | None:
    """One line: the first document's effective date and status, or its first fact."""
    if not facts:
        return None
    first = facts[0]["doc_number"]
    own = [f for f in facts if f["doc_number"] == first]
    wanted = [f for f in own if f["kind"] in ("effective", "status")] or own
    return " ".join(f["text"] for f in wanted[:2])
