"""Context of the document reader: table of contents, anchored articles/clauses/points with
linked citations, and the relations panel. Everything here is plain data or Markup built by
web.linkify (escaped first); the template only lays it out."""
from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from ingest.model import Article, Document, Unit
from search_api.views import document_view
from web.documents import DocumentCache, badge, document_name, document_url, find_article, vn_date
from web.linkify import CitationLinker

# Relations panel: (heading, relation type, direction). Incoming means another document acts on this one.
RELATION_GROUPS = [
    ("Văn bản hướng dẫn", "quy_dinh_chi_tiet", "incoming"),
    ("Hướng dẫn / quy định chi tiết", "quy_dinh_chi_tiet", "outgoing"),
    ("Được sửa đổi bởi", "sua_doi", "incoming"),
    ("Thay thế bởi", "thay_the", "incoming"),
    ("Liên quan", "lien_quan", "both"),
    ("Sửa đổi, bổ sung", "sua_doi", "outgoing"),
    ("Thay thế", "thay_the", "outgoing"),
    ("Bị bãi bỏ bởi", "bai_bo", "incoming"),
    ("Bãi bỏ", "bai_bo", "outgoing"),
    ("Căn cứ ban hành", "can_cu", "outgoing"),
    ("Là căn cứ của", "can_cu", "incoming"),
    ("Trích dẫn", "trich_dan", "outgoing"),
    ("Được trích dẫn bởi", "trich_dan", "incoming"),
]


def reader_context(cache: DocumentCache, document: Document, reading_list: set[str]) -> dict[str, Any]:
    incoming = cache.app_state.backend.incoming_relations(document.number)
    view = document_view(document, incoming)
    linker = CitationLinker(cache.known(), cache.get)
    articles = [_article_block(linker, document, a, reading_list, view["slug"]) for a in document.articles]
    # Chapter/section headings are printed once, before the first article under them.
    previous: list[str] = []
    for block in articles:
        ids = [heading_id for _text, heading_id in block["headings"]]
        block["new_headings"] = [{"level": level, "text": text, "id": heading_id}
                                 for level, (text, heading_id) in enumerate(block["headings"])
                                 if previous[: level + 1] != ids[: level + 1]]
        previous = ids
    replaced_by = None
    if document.replaced_by:
        known = cache.resolve(document.replaced_by)
        replaced_by = {"number": document.replaced_by, "url": document_url(known) if known else None}
    return {
        "doc": view,
        "name": document_name(document),
        "badge": badge(document.status, document.replaced_by),
        "issued": vn_date(document.issued), "effective": vn_date(document.effective),
        "expired": vn_date(document.expired),
        "replaced_by": replaced_by,
        "toc": table_of_contents(document),
        "articles": articles,
        "relation_groups": relation_groups(cache, document, view),
        "is_news": document.number.startswith("news:"),
    }


# ---------------------------------------------------------------------- structure

def heading_ids(article: Article) -> list[str]:
    """Stable ids of the chapter/section headings above an article, from its own id:
    'chuong_2__muc_1__dieu_10' -> ['chuong_2', 'chuong_2__muc_1']."""
    parts = article.id.split("__")
    prefixes = ["__".join(parts[: i + 1]) for i in range(len(parts) - 1)]
    if len(prefixes) >= len(article.path):
        return prefixes[len(prefixes) - len(article.path):] if article.path else []
    # Ids without one part per heading level: fall back to a slug of the heading text.
    return [f"{article.id.split('__')[0]}__h{i}_" + re.sub(r"\W+", "_", heading.lower())[:40]
            for i, heading in enumerate(article.path)]


def table_of_contents(document: Document) -> list[dict[str, Any]]:
    """Flat, ordered entries (level 0 = chapter) so the template needs no recursion."""
    entries: list[dict[str, Any]] = []
    previous: list[str] = []
    for article in document.articles:
        ids = heading_ids(article)
        for level, (heading, heading_id) in enumerate(zip(article.path, ids)):
            if previous[: level + 1] != ids[: level + 1]:
                entries.append({"kind": "heading", "level": level, "text": heading, "id": heading_id})
        previous = ids
        label = f"Điều {article.number}. {article.title}".strip(". ") if article.number else (article.title or "Nội dung")
        entries.append({"kind": "article", "level": len(article.path), "text": label, "id": article.id})
    return entries


def _nonempty_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _own_lines(unit: Unit) -> list[str]:
    """A clause's own lines: its text also repeats its points' lines (ingest.units)."""
    lines = _nonempty_lines(unit.text)
    in_children = sum(len(_nonempty_lines(child.text)) for child in unit.children)
    return lines[: max(1, len(lines) - in_children)]


def _article_block(linker: CitationLinker, document: Document, article: Article, reading_list: set[str],
                   doc_slug: str) -> dict[str, Any]:
    def link(lines: list[str]) -> list[Markup]:
        return [linker.linkify(line, document, article) for line in lines]

    lines = _nonempty_lines(article.text)
    in_units = sum(len(_nonempty_lines(u.text)) for u in article.units)
    intro = lines[: max(0, len(lines) - in_units)] if article.units else lines
    units = [{
        "id": unit.id, "number": unit.number,
        "lines": link(_own_lines(unit)),
        "children": [{"id": child.id, "number": child.number, "lines": link(_nonempty_lines(child.text))}
                     for child in unit.children],
    } for unit in article.units]
    heading = f"Điều {article.number}. {article.title}".strip(". ") if article.number else article.title
    return {
        "id": article.id, "number": article.number, "heading": heading,
        "headings": list(zip(article.path, heading_ids(article))),
        "intro": link(intro), "units": units,
        "note": article.note,
        "in_list": f"{doc_slug}:{article.number}" in reading_list,
    }


# ---------------------------------------------------------------------- relations

def _relation_item(cache: DocumentCache, document: Document, other: str, other_article: str | None,
                   own_article: str | None, relation: dict[str, Any]) -> dict[str, Any]:
    known = cache.resolve(other)
    url = anchor = None
    if known:
        target = cache.get(known)
        article = find_article(target, other_article) if target is not None and other_article else None
        anchor = article.id if article is not None else None
        url = document_url(known, anchor)
        other_doc = target
    else:
        other_doc = None
    own = find_article(document, own_article) if own_article else None
    label = f"{other_doc.type} {other_doc.number}" if other_doc is not None else other
    if other_article:
        label = f"Điều {other_article} {label}"
    return {
        "label": label,
        "title": other_doc.title if other_doc is not None else "",
        "url": url,
        "own_article": own_article,
        "own_anchor": own.id if own is not None else None,
        "date": vn_date(relation.get("date")) if relation.get("date") else "",
        "note": relation.get("note") or "",
    }


def relation_groups(cache: DocumentCache, document: Document, view: dict[str, Any]) -> list[dict[str, Any]]:
    groups = []
    for heading, type_, direction in RELATION_GROUPS:
        items, seen = [], set()
        candidates = []
        if direction in ("outgoing", "both"):
            candidates += [(r["target"], r["target_article"], r["source_article"], r)
                           for r in view["relations"] if r["type"] == type_]
        if direction in ("incoming", "both"):
            candidates += [(r["source"], r["source_article"], r["target_article"], r)
                           for r in view["incoming_relations"] if r["type"] == type_]
        if type_ == "thay_the" and direction == "incoming" and document.replaced_by:
            candidates.append((document.replaced_by, None, None, {}))
        for other, other_article, own_article, relation in candidates:
            key = (other, other_article, own_article)
            if other == document.number or key in seen:
                continue
            seen.add(key)
            items.append(_relation_item(cache, document, other, other_article, own_article, relation))
        if items:
            groups.append({"heading": heading, "items": items})
    return groups
