"""From a law article to everything that details it, and what has replaced or amended each.

trace(backend, "66/2011/QH12", "32") builds:
  law article -> decree / circular articles detailing it (QUY_DINH_CHI_TIET whose target is
  that article) -> the texts guiding those (QUY_DINH_CHI_TIET to the decree, its articles or
  the whole decree) -> ...
and on every node the THAY_THE / SUA_DOI / BAI_BO relations both ways, including those a
catalogue stub makes (53/2024/QH15 replaces 66/2011/QH12 from 2025-07-01 although its text is
not in the corpus). Without an article the tree starts at the whole document.
"""

from __future__ import annotations

from typing import Any

from ingest.index_contract import SearchBackend
from ingest.model import BAI_BO, QUY_DINH_CHI_TIET, SUA_DOI, THAY_THE, Document, Relation
from ingest.numbers import number_key, slug
from search_api.views import RELATION_LABELS, STATUS_LABELS

CHANGE_TYPES = (THAY_THE, SUA_DOI, BAI_BO)
# law -> decree -> circular is the deepest chain Vietnamese legislation uses; one more level
# leaves room for a circular guiding a circular without risking a runaway tree.
MAX_DEPTH = 3


class _Documents:
    """Each document loaded once per trace: a decree is reached from many law articles."""

    def __init__(self, backend: SearchBackend):
        self.backend = backend
        self._documents: dict[str, Document | None] = {}
        self._incoming: dict[str, list[tuple[str, Relation]]] = {}

    def get(self, number: str) -> Document | None:
        if number not in self._documents:
            self._documents[number] = self.backend.get_document(number)
        return self._documents[number]

    def incoming(self, number: str) -> list[tuple[str, Relation]]:
        if number not in self._incoming:
            self._incoming[number] = self.backend.incoming_relations(number)
        return self._incoming[number]


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def document_summary(documents: _Documents, number: str) -> dict[str, Any]:
    """What a node says about a document, whether its text is indexed, a stub, or unknown."""
    document = documents.get(number)
    if document is None:
        return {
            "number": number,
            "type": "",
            "title": "",
            "slug": slug(number),
            "in_index": False,
            "in_corpus": False,
            "issued": None,
            "effective": None,
            "expired": None,
            "status": "",
            "status_label": STATUS_LABELS[""],
            "status_note": "",
            "replaced_by": None,
            "link": None,
        }
    return {
        "number": document.number,
        "type": document.type,
        "title": document.title,
        "slug": slug(document.number),
        "in_index": True,
        "in_corpus": bool(document.articles),  # a catalogue stub has no text
        "issued": _iso(document.issued),
        "effective": _iso(document.effective),
        "expired": _iso(document.expired),
        "status": document.status,
        "status_label": STATUS_LABELS.get(document.status, document.status),
        "status_note": document.status_note,
        "replaced_by": document.replaced_by,
        "link": f"/van-ban/{slug(document.number)}",
    }


def _article_ref(document: Document | None, number: str | None) -> dict[str, Any] | None:
    if not number:
        return None
    article = next((a for a in document.articles if a.number == number), None) if document else None
    link = f"/van-ban/{slug(document.number)}#{article.id}" if document and article else None
    return {"number": number, "title": article.title if article else "", "link": link}


def changes(documents: _Documents, number: str, articles: set[str] | None) -> list[dict[str, Any]]:
    """Replacements, amendments and repeals made to this document and by it. `articles`
    narrows article-level changes to those articles (None: all)."""
    document = documents.get(number)
    if document is None:
        return []
    found: list[tuple[str, str, Relation]] = []  # (direction, other document, relation)
    for relation in document.relations:
        if relation.type not in CHANGE_TYPES:
            continue
        # A relation carried here but made elsewhere (an amendment note) is incoming.
        if relation.source and relation.source != document.number:
            found.append(("incoming", relation.source, relation))
        elif relation.target != document.number:
            found.append(("outgoing", relation.target, relation))
    for source, relation in documents.incoming(number):
        if relation.type in CHANGE_TYPES and source != document.number:
            found.append(("incoming", source, relation))
    if document.replaced_by and not any(
        d == "incoming" and r.type == THAY_THE and number_key(o) == number_key(document.replaced_by)
        for d, o, r in found
    ):
        # The status computation knows the replacement (catalogue) even when no relation records it.
        found.append(
            ("incoming", document.replaced_by, Relation(THAY_THE, document.number, date=_iso(document.expired)))
        )
    result, seen = [], set()
    for direction, other, relation in found:
        own_article = relation.target_article if direction == "incoming" else relation.source_article
        if articles is not None and own_article and own_article not in articles:
            continue
        key = (direction, number_key(other), relation.type, relation.target_article, relation.source_article)
        if key in seen:
            continue
        seen.add(key)
        outgoing_label, incoming_label = RELATION_LABELS[relation.type]
        other_document = documents.get(other)
        result.append(
            {
                "direction": direction,
                "type": relation.type,
                "label": incoming_label if direction == "incoming" else outgoing_label,
                "document": document_summary(documents, other),
                "article": relation.target_article if direction == "incoming" else relation.source_article,
                "other_article": _article_ref(
                    other_document, relation.source_article if direction == "incoming" else relation.target_article
                ),
                "date": relation.date,
                "note": relation.note,
            }
        )
    return result


def _detailing(
    documents: _Documents, number: str, articles: set[str] | None
) -> dict[str, list[tuple[str, str | None]]]:
    """source document -> [(its article, the detailed article)] for QUY_DINH_CHI_TIET aimed at
    `number` (at one of `articles`, or at the whole document)."""
    by_source: dict[str, list[tuple[str, str | None]]] = {}
    for source, relation in documents.incoming(number):
        if relation.type != QUY_DINH_CHI_TIET or source == number:
            continue
        if articles is not None and relation.target_article and relation.target_article not in articles:
            continue
        pairs = by_source.setdefault(source, [])
        pair = (relation.source_article or "", relation.target_article)
        if pair not in pairs:
            pairs.append(pair)
    return by_source


def _node(
    documents: _Documents, number: str, articles: list[dict[str, Any]], depth: int, ancestors: frozenset[str]
) -> dict[str, Any]:
    document = documents.get(number)
    article_numbers = {a["number"] for a in articles if a["number"]}
    node = {
        **document_summary(documents, number),
        "articles": articles,
        "changes": changes(documents, number, article_numbers or None),
        "children": [],
    }
    if depth >= MAX_DEPTH or document is None:
        return node
    # Texts guiding this one: aimed at the articles shown, or at the whole text.
    for source, pairs in sorted(_detailing(documents, number, article_numbers or None).items()):
        if number_key(source) in ancestors:
            continue
        source_document = documents.get(source)
        # Article-to-article links say more than "details the whole text": keep the latter
        # only for a text that has nothing more precise.
        specific = [p for p in pairs if p[1] and p[0]]
        pairs = specific or pairs
        child_articles: list[tuple[str | None, str | None]] = []
        for source_article, target_article in pairs:
            reference = _article_ref(source_document, source_article) or {"number": "", "title": "", "link": None}
            reference["details"] = target_article
            if all(a["number"] != reference["number"] or a["details"] != target_article for a in child_articles):
                child_articles.append(reference)
        child_articles.sort(key=lambda a: (_sort_key(a["number"]), a["details"] or ""))
        node["children"].append(_node(documents, source, child_articles, depth + 1, ancestors | {number_key(number)}))
    return node


def _sort_key(number: str) -> tuple[int, str]:
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 0, number)


def trace(backend: SearchBackend, doc: str, article: str | None = None) -> dict[str, Any] | None:
    """The tree for a document number (as stored) and optionally one of its articles; None
    when the document or the article is unknown."""
    documents = _Documents(backend)
    document = documents.get(doc)
    if document is None:
        return None
    if article:
        reference = _article_ref(document, str(article).strip())
        if reference is None or reference["link"] is None:
            return None
        articles = [{**reference, "details": None}]
    else:
        articles = []
    root = _node(documents, document.number, articles, 0, frozenset())
    return {"document": document.number, "article": articles[0]["number"] if articles else None, "tree": root}
