"""Facts about named documents — identity, effective date, status, replacements, detailing texts —
read from the stored documents (whose status ingest.status computed from dates, relations and the
catalogue), the catalogue (corpus/catalogue.json) and search_api.trace. Each fact carries its source.
"""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from ingest.catalogue import load_catalogue
from ingest.catalogue_facts import fact_label
from ingest.model import QUY_DINH_CHI_TIET, Article, Document
from ingest.numbers import number_key, slug
from ingest.textnorm import fold
from search_api.answering import models as m
from search_api.answering.check import vn_date
from search_api.answering.evidence import Evidence, is_stub
from search_api.corpus_store import CorpusStore
from search_api.governance import named_articles
from search_api.trace import trace

MAX_DETAILING_FACTS = 12


def _trace(store: CorpusStore, number: str, article: str | None, _snapshot: object) -> Any:
    """The relation tree below one text (built once per index state through store.derived)."""
    return trace(store.backend, number, article)


def _catalogue_source(document: Document, fact: str = "issued") -> str:
    try:
        entry = load_catalogue().get(document.number)
    except (FileNotFoundError, ValueError):
        entry = None
    if entry is None:
        return f"văn bản {document.number} trong kho"
    # The fact's own evidence (ingest.catalogue_facts): a quoted text, or "chưa đối chiếu với văn bản; dựa trên ...".
    return f"danh mục vnlex, {fact_label(entry, fact).removeprefix('danh mục vnlex, ')}"


def fact_entry(text: str, source: str, document: Document, kind: str) -> dict[str, Any]:
    """One fact as answers show it: what, where it comes from, and the document it links to."""
    return {
        "kind": kind,
        "text": text,
        "source": source,
        "doc_number": document.number,
        "link": f"/van-ban/{slug(document.number)}",
    }


def status_line(document: Document) -> str:
    """'Luật 66/2011/QH12: có hiệu lực từ 01/01/2012, hết hiệu lực từ 01/07/2025 (thay thế bởi 53/2024/QH15).'"""
    parts = []
    if document.effective:
        parts.append(f"có hiệu lực từ {vn_date(document.effective)}")
    if document.expired:
        replaced = f" (thay thế bởi {document.replaced_by})" if document.replaced_by else ""
        parts.append(f"hết hiệu lực từ {vn_date(document.expired)}{replaced}")
    elif document.status == "con_hieu_luc":
        parts.append("còn hiệu lực")
    if is_stub(document):
        parts.append("toàn văn chưa có trong kho")
    return f"{document.type} {document.number}: " + (", ".join(parts) or "kho không ghi nhận ngày hiệu lực") + "."


def effect_article(document: Document) -> Article | None:
    """The article stating when the text takes effect ("Hiệu lực thi hành")."""
    titled = next((a for a in reversed(document.articles) if "hieu luc" in fold(a.title or "").lower()), None)
    # Many texts put it under "Điều khoản thi hành" / "Tổ chức thực hiện": the article saying "có hiệu lực".
    return titled or next(
        (a for a in reversed(document.articles) if re.search(r"co hieu luc|hieu luc thi hanh", fold(a.text).lower())),
        None,
    )


def effect_unit(document: Document, article: Article):
    """The clause of the effect article that states the date (the whole article when undivided)."""
    for clause in article.units:
        if re.search(r"co hieu luc|hieu luc thi hanh|hieu luc ke tu", fold(clause.text).lower()):
            return clause
    return None


def document_facts(evidence: Evidence, store: CorpusStore) -> list[dict[str, Any]]:
    question = evidence.question
    documents = list(evidence.named_documents)  # facts are about texts the question names
    facts: list[dict[str, Any]] = []
    for document in documents:
        name = f"{document.type} {document.number}" + (f" ({document.title})" if document.title else "")
        source = _catalogue_source(document)
        issued = f", ban hành ngày {vn_date(document.issued)}" if document.issued else ""
        issuer = f" của {document.issuer}" if document.issuer else ""
        facts.append(fact_entry(f"{name}{issuer}{issued}.", source, document, "identity"))
        facts[-1]["summary"] = status_line(document)
        if document.effective:
            source = _catalogue_source(document, "effective")
            facts.append(
                fact_entry(f"Có hiệu lực từ ngày {vn_date(document.effective)}.", source, document, "effective")
            )
        if document.status_note:
            facts.append(
                fact_entry(document.status_note, "trạng thái do vnlex tính khi nạp dữ liệu", document, "status")
            )
        article = question.article_number if evidence.named_article else None
        # A trace walks the relations of every text below this one: computed once per index state.
        tree = store.derived(
            f"trace:{document.number}:{article}",
            partial(_trace, store, document.number, article),
        )
        root = tree["tree"] if tree else {"changes": [], "children": []}
        for change in root["changes"]:
            other = change["document"]
            when = f" từ ngày {vn_date(_date(change['date']))}" if change.get("date") else ""
            article = f" (Điều {change['article']})" if change.get("article") else ""
            note = f" — {change['note']}" if change.get("note") else ""
            in_corpus = "" if other["in_corpus"] else " (toàn văn chưa có trong kho)"
            facts.append(
                fact_entry(
                    f"{change['label']}{article}: {other['type']} {other['number']}{in_corpus}{when}.",
                    f"quan hệ giữa các văn bản{note}",
                    document,
                    "change",
                )
            )
        for relation in document.relations if is_stub(document) else []:
            # What the catalogue records a text without its text in the collection does.
            if relation.type in (QUY_DINH_CHI_TIET, "can_cu") and not relation.source:
                label = "Quy định chi tiết" if relation.type == QUY_DINH_CHI_TIET else "Căn cứ"
                facts.append(fact_entry(f"{label}: {relation.target}.", source, document, "relation"))
        if question.has(m.DETAILING):
            continue  # detailing_facts() lists them article by article
        if is_stub(document):
            facts.append(
                fact_entry(
                    f"Toàn văn {document.type} {document.number} chưa có trong kho văn bản; "
                    "các thông tin trên lấy từ danh mục và quan hệ giữa các văn bản.",
                    source,
                    document,
                    "not_in_collection",
                )
            )
    return facts


def detailing_pairs(evidence: Evidence, store: CorpusStore) -> list[tuple[Document, Article | None, str, Document]]:
    """(detailing document, its article or None for the whole text, the article it details) for
    the documents (and articles) the question names, from QUY_DINH_CHI_TIET relations."""
    question = evidence.question
    wanted = named_articles(question.text)
    found: list[tuple[Document, Article | None, str, Document]] = []
    # A text detailing the law as a whole, when no link names the article asked about ("Đ18 Luật TGPL ... NĐ nào quy
    # định chi tiết": 144/2017/NĐ-CP details the law, no article-level link names Điều 18) — said as such, not dropped
    whole: list[tuple[Document, Article | None, str, Document]] = []
    seen: set[tuple[str, str]] = set()
    for named in evidence.named_documents:
        for source, relation in store.incoming(named.number):
            if relation.type != QUY_DINH_CHI_TIET or number_key(source) == number_key(named.number):
                continue
            if wanted and relation.target_article not in wanted and relation.target_article:
                continue
            key = (number_key(source), relation.source_article or "")
            if key in seen:
                continue
            seen.add(key)
            document = store.document(source)
            if document is None:
                continue
            article = next((a for a in document.articles if a.number == relation.source_article), None)
            into = whole if wanted and not relation.target_article else found
            into.append((document, article, relation.target_article or "", named))
    found = found or whole
    types = asked_types(question)
    day = evidence.on_date()
    # The texts of the type asked for first ("nghị định nào"), the others after; within each, the
    # texts applying on the day asked about (today) before expired ones.
    found.sort(
        key=lambda item: (
            bool(types) and item[0].type not in types,
            item[0].expired is not None and (day is None or item[0].expired <= day),
        )
    )
    return found


_ASKED_TYPES = (
    ("nghi dinh", ("Nghị định",)),
    ("thong tu", ("Thông tư", "Thông tư liên tịch")),
    ("nghi quyet", ("Nghị quyết",)),
    ("quyet dinh", ("Quyết định",)),
)


def asked_types(question: m.Question) -> tuple[str, ...]:
    """'nghị định nào' -> decrees; 'nghị định, thông tư nào' -> both; 'văn bản nào' -> any."""
    found: tuple[str, ...] = ()
    for word, types in _ASKED_TYPES:
        # (the type within three words of "nào": "nghị định hay thông tư nào"; not "TT TGPL", a legal-aid centre
        # spelt out as "thông tư", far from "NĐ nào")
        if re.search(rf"(?<!\w){word}(?: (?!van ban)\w+){{0,3}}? nao(?!\w)", question.folded):
            found += types
    return found


def detailing_facts(evidence: Evidence, store: CorpusStore) -> list[dict[str, Any]]:
    """One fact per detailing document: which of its articles detail which named article, and
    since when it applies (the question often asks both)."""
    by_document: dict[str, list[tuple[Article | None, str]]] = {}
    documents: dict[str, tuple[Document, Document]] = {}
    for document, article, target, named in detailing_pairs(evidence, store):
        by_document.setdefault(document.number, []).append((article, target))
        documents[document.number] = (document, named)
    facts = []
    for number, pairs in list(by_document.items())[:MAX_DETAILING_FACTS]:
        document, named = documents[number]
        targets = sorted({t for _, t in pairs if t}, key=lambda t: (len(t), t))
        articles = sorted({a.number for a, _ in pairs if a is not None}, key=lambda n: (len(n), n))
        what = f"Điều {', '.join(targets)} {named.type} {named.number}" if named and targets else "văn bản được hỏi"
        listing = f" (Điều {', '.join(articles[:8])})" if articles else ""
        effective = f"; có hiệu lực từ {vn_date(document.effective)}" if document.effective else ""
        status = f", hết hiệu lực từ {vn_date(document.expired)}" if document.expired else ""
        facts.append(
            fact_entry(
                f"{document.type} {document.number}{listing} hướng dẫn {what}{effective}{status}",
                "quan hệ “quy định chi tiết” ghi trong Bộ pháp điển; ngày hiệu lực: "
                + _catalogue_source(document, "effective"),
                document,
                "detailing",
            )
        )
    return facts


def _date(text: str | None):
    from datetime import date

    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def facts_summary(facts: list[dict[str, Any]], issue_asked: bool = False) -> str | None:
    """One line: the first document's effective date and status, or its first fact; its identity line (who issued it,
    on which day) when the day it was issued is what is asked."""
    if not facts:
        return None
    if issue_asked:
        identity = next((f for f in facts if f["kind"] == "identity" and "ban hành ngày" in f["text"]), None)
        if identity is not None and identity["doc_number"] == facts[0]["doc_number"]:
            return identity["text"]
    detailing = [f for f in facts if f["kind"] == "detailing"]
    if detailing:
        return "; ".join(f["text"] for f in detailing[:2]) + "."
    first = facts[0]["doc_number"]
    own = [f for f in facts if f["doc_number"] == first]
    return own[0].get("summary") or own[0]["text"]
