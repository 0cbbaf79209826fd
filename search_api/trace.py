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

from dataclasses import dataclass
from datetime import date
from typing import Any

from ingest.amounts import amount_groups, extract_amounts
from ingest.document_citation import clause_label
from ingest.index_contract import SearchBackend
from ingest.model import BAI_BO, QUY_DINH_CHI_TIET, SUA_DOI, THAY_THE, TRICH_DAN, Document, Relation
from ingest.numbers import number_key, slug
from search_api.in_force import hidden_notice, in_force_links, in_force_on, lapsed_by
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


@dataclass
class _Edge:
    """One stored detailing link: source article (and clause) -> target article."""

    source: str
    source_article: str
    source_unit: str | None
    target: str
    target_article: str
    basis: str


def _detailing_edges(documents: _Documents, number: str, articles: set[str] | None) -> list[_Edge]:
    """Article-level QUY_DINH_CHI_TIET links aimed at `articles` of `number` (all its articles when
    None). With articles given, a whole-document link ("Nghị định này quy định chi tiết ... Luật")
    says nothing about them and is left out (it put NĐ 62/2012 Điều 1 under every law article)."""
    edges = []
    for source, relation in documents.incoming(number):
        if relation.type != QUY_DINH_CHI_TIET or number_key(source) == number_key(number):
            continue
        if not relation.source_article or not relation.target_article:
            continue
        if articles is not None and relation.target_article not in articles:
            continue
        edges.append(
            _Edge(
                source,
                relation.source_article,
                relation.source_unit,
                number,
                relation.target_article,
                relation.basis,
            )
        )
    return edges


def _own_references(document: Document, article: str) -> list[str]:
    """Articles of the same text this article refers to ("tùy trường hợp quy định tại các điều 33,
    34, 35, 36, 37 và 38 của Luật này"): their detailing texts belong to this article's trace."""
    own = number_key(document.number)
    found = []
    for relation in document.relations:
        if (
            relation.type == TRICH_DAN
            and relation.source_article == article
            and relation.target_article
            and relation.target_article != article
            and number_key(relation.target) == own
            and relation.target_article not in found
        ):
            found.append(relation.target_article)
    return sorted(found, key=_sort_key)


def _collect(documents: _Documents, root: str, articles: set[str] | None) -> tuple[list[_Edge], dict[str, int]]:
    """Every detailing link reachable from the root's articles, breadth first, and each
    document's deepest level (a circular detailing both the law and its decree hangs under the decree)."""
    depth = {number_key(root): 0}
    frontier: dict[str, set[str] | None] = {root: articles}
    edges: list[_Edge] = []
    seen: set[tuple] = set()
    for level in range(1, MAX_DEPTH + 1):
        reached: dict[str, set[str]] = {}
        for number, wanted in frontier.items():
            for edge in _detailing_edges(documents, number, wanted):
                key = (
                    number_key(edge.source),
                    edge.source_article,
                    edge.source_unit,
                    number_key(number),
                    edge.target_article,
                )
                if key in seen or number_key(edge.source) == number_key(root):
                    continue
                seen.add(key)
                edges.append(edge)
                depth[number_key(edge.source)] = max(depth.get(number_key(edge.source), 0), level)
                reached.setdefault(edge.source, set()).add(edge.source_article)
        if not reached:
            break
        frontier = dict(reached)
    return edges, depth


def _unit_text(document: Document | None, article_number: str, unit_id: str | None) -> str:
    article = next((a for a in document.articles if a.number == article_number), None) if document else None
    if article is None:
        return ""
    if unit_id:
        for clause in article.units:
            if clause.id == unit_id:
                return clause.text
    return article.text


def _target(documents: _Documents, edge: _Edge) -> dict[str, Any]:
    target = documents.get(edge.target)
    return {
        "doc": edge.target,
        "article": edge.target_article,
        "label": f"Điều {edge.target_article} {target.type if target else ''} {edge.target}".replace("  ", " "),
        "basis": edge.basis or "placement",
    }


def _entries(documents: _Documents, number: str, edges: list[_Edge], leaf: bool) -> list[dict[str, Any]]:
    """One row per article or clause of `number`, however many articles it details (NĐ 09/2013 Điều 23 is
    filed under Luật Điều 37 and linked to Điều 38 by the catalogue: one row naming both, each with its
    basis); `details*` and `basis` keep the first of them for the fields' older readers."""
    document = documents.get(number)
    entries: dict[tuple, dict[str, Any]] = {}
    for edge in edges:
        key = (edge.source_article, edge.source_unit)
        if key in entries:
            targets = entries[key]["targets"]
            found = _target(documents, edge)
            if not any((t["doc"], t["article"]) == (found["doc"], found["article"]) for t in targets):
                targets.append(found)
            continue
        reference = _article_ref(document, edge.source_article) or {
            "number": edge.source_article,
            "title": "",
            "link": None,
        }
        if edge.source_unit and reference["link"] and document is not None:
            reference["link"] = f"/van-ban/{slug(document.number)}#{edge.source_unit}"
        entry = {
            **reference,
            "clause": clause_label(edge.source_unit, document),
            "unit_id": edge.source_unit,
            "targets": [_target(documents, edge)],
            "amounts": [],
            "amount_groups": [],
        }
        if leaf:
            # What the leaf fixes: its clause's sums, durations and counts, apart and with their caps and floors.
            amounts = extract_amounts(_unit_text(document, edge.source_article, edge.source_unit))
            entry["amounts"] = list(dict.fromkeys(a.text for a in amounts))[:12]
            entry["amount_groups"] = amount_groups(amounts)
        entries[key] = entry
    for entry in entries.values():
        entry["targets"].sort(key=lambda t: (number_key(t["doc"]), _sort_key(t["article"] or "")))
        first = entry["targets"][0]
        entry.update(details=first["article"], details_doc=first["doc"], details_label=first["label"])
        entry["basis"] = first["basis"]
    return sorted(
        entries.values(), key=lambda a: (_sort_key(a["number"]), a["clause"], a["details_doc"], a["details"] or "")
    )


def _sort_key(number: str) -> tuple[int, str]:
    digits = "".join(ch for ch in number if ch.isdigit())
    return (int(digits) if digits else 0, number)


def _tree(documents: _Documents, root: str, articles: list[dict[str, Any]], edges, depth) -> dict[str, Any]:
    """Each document once, under the deepest document it details."""
    by_source: dict[str, list[_Edge]] = {}
    for edge in edges:
        by_source.setdefault(edge.source, []).append(edge)
    parent_of = {
        source: max((e.target for e in group), key=lambda t: depth.get(number_key(t), 0))
        for source, group in by_source.items()
    }
    children_of: dict[str, list[str]] = {}
    for source, parent in parent_of.items():
        children_of.setdefault(number_key(parent), []).append(source)

    def build(number: str, own_articles: list[dict[str, Any]]) -> dict[str, Any]:
        numbers = {a["number"] for a in own_articles if a["number"]}
        node = {
            **document_summary(documents, number),
            "articles": own_articles,
            "changes": changes(documents, number, numbers or None),
            "children": [],
        }
        for child in sorted(children_of.get(number_key(number), [])):
            leaf = not children_of.get(number_key(child))
            node["children"].append(build(child, _entries(documents, child, by_source[child], leaf)))
        return node

    return build(root, articles)


def _in_force_edges(documents: _Documents, root: str, edges: list[_Edge], day: date) -> tuple[list[_Edge], str | None]:
    """The links of texts in force on `day` (search_api.in_force), and a notice naming what was hidden and
    whether the traced text itself was in force that day (it stays: it is what was asked for)."""
    kept, hidden = in_force_links(edges, root, documents.get, day)
    sentences = []
    traced = documents.get(root)
    if traced is not None and not in_force_on(traced, day):
        why = f"hết hiệu lực từ {traced.expired:%d/%m/%Y}" if lapsed_by(traced, day) else "chưa có bằng chứng"
        sentences.append(
            f"Văn bản được truy vết ({traced.type} {traced.number}) không còn hiệu lực vào ngày {day:%d/%m/%Y} ({why});"
            " nó vẫn được hiển thị vì là văn bản được hỏi."
        )
    said = hidden_notice(hidden, day, documents.get, "Các văn bản hướng dẫn", shown="cây dưới đây")
    return kept, " ".join(sentences + ([said] if said else [])) or None


def trace(
    backend: SearchBackend, doc: str, article: str | None = None, in_force_on_day: date | None = None
) -> dict[str, Any] | None:
    """The tree for a document number (as stored) and optionally one of its articles; None
    when the document or the article is unknown. An article's tree also follows the articles
    of the same text it refers to (Điều 32 -> Điều 33-38 -> NĐ 09/2013 Điều 19-24 -> TTLT
    134/2013 Điều 4-5, with the amounts the circular fixes at the leaves). `in_force_on_day`: only
    the detailing texts in force that day, with `in_force_notice` saying what was hidden."""
    documents = _Documents(backend)
    document = documents.get(doc)
    if document is None:
        return None
    if article:
        reference = _article_ref(document, str(article).strip())
        if reference is None or reference["link"] is None:
            return None
        articles = [{**reference, "details": None, "referenced_by": None}]
        for other in _own_references(document, reference["number"]):
            other_ref = _article_ref(document, other)
            if other_ref and other_ref["link"]:
                articles.append({**other_ref, "details": None, "referenced_by": reference["number"]})
        wanted = {a["number"] for a in articles}
    else:
        articles, wanted = [], None
    edges, depth = _collect(documents, document.number, wanted)
    notice = None
    if in_force_on_day is not None:
        edges, notice = _in_force_edges(documents, document.number, edges, in_force_on_day)
    root = _tree(documents, document.number, articles, edges, depth)
    return {
        "document": document.number,
        "article": articles[0]["number"] if articles else None,
        "tree": root,
        "in_force_on": in_force_on_day,
        "in_force_notice": notice,
    }
