"""Context of the document reader: table of contents, anchored articles/clauses/points with
linked citations, and the relations panel. Everything here is plain data or Markup built by
web.linkify (escaped first); the template only lays it out."""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

from ingest.document_citation import citation_form, unit_label
from ingest.model import Article, Document, Unit
from search_api.views import SOURCES_ANCHOR, document_view, status_summary
from web.citation_form import standard_citation
from web.documents import DocumentCache, badge, document_name, document_url, find_article, vn_date
from web.linkify import CitationLinker

# Relations, most consequential first: (role, relation type, direction). Incoming means another
# document acts on this one. A related document is listed once, with every role it plays.
RELATION_GROUPS = [
    ("Thay thế bởi", "thay_the", "incoming"),
    ("Được sửa đổi bởi", "sua_doi", "incoming"),
    ("Bị bãi bỏ bởi", "bai_bo", "incoming"),
    ("Văn bản hướng dẫn", "quy_dinh_chi_tiet", "incoming"),
    ("Hướng dẫn / quy định chi tiết", "quy_dinh_chi_tiet", "outgoing"),
    ("Sửa đổi, bổ sung", "sua_doi", "outgoing"),
    ("Thay thế", "thay_the", "outgoing"),
    ("Bãi bỏ", "bai_bo", "outgoing"),
    ("Căn cứ ban hành", "can_cu", "outgoing"),
    ("Là căn cứ của", "can_cu", "incoming"),
    ("Liên quan", "lien_quan", "both"),
    ("Trích dẫn", "trich_dan", "outgoing"),
    ("Được trích dẫn bởi", "trich_dan", "incoming"),
]
# Roles that change what this text says today: shown as a warning tag.
WARNING_ROLES = {"Thay thế bởi", "Được sửa đổi bởi", "Bị bãi bỏ bởi"}


def reader_context(cache: DocumentCache, document: Document, reading_list: set[str]) -> dict[str, Any]:
    incoming = cache.app_state.backend.incoming_relations(document.number)
    view = document_view(document, incoming)
    linker = CitationLinker(cache.known(), cache.get)
    articles = [_article_block(linker, document, a, reading_list, view["slug"]) for a in document.articles]
    for block, summary in zip(articles, view["articles"], strict=True):
        block["note_flag"] = summary["note_flag"]  # search_api.views.note_date_flags: the date that holds
    # Chapter/section headings are printed once, before the first article under them.
    previous: list[str] = []
    for block in articles:
        ids = [heading_id for _text, heading_id in block["headings"]]
        block["new_headings"] = [
            {"level": level, "text": text, "id": heading_id}
            for level, (text, heading_id) in enumerate(block["headings"])
            if previous[: level + 1] != ids[: level + 1]
        ]
        previous = ids
    replaced_by = None
    if document.replaced_by:
        known = cache.resolve(document.replaced_by)
        replaced_by = {"number": document.replaced_by, "url": document_url(known) if known else None}
    view["citation_form"] = citation_form(document)
    # The status sentence up front; the remarks (sources that disagree, the codified database's
    # listing, unchecked catalogue facts) with the sources of each fact, one click away.
    status = status_summary(document)
    view["facts"] = [
        {**fact, "shown": vn_date(fact["value"]) if fact["field"] in ("issued", "effective") else fact["value"]}
        for fact in document.facts
    ]
    return {
        "status_summary": status["status_summary"],
        "status_more": status["status_more"],
        "sources_anchor": SOURCES_ANCHOR,
        "doc": view,
        "name": document_name(document),
        "badge": badge(document.status, document.replaced_by),
        "issued": vn_date(document.issued),
        "effective": vn_date(document.effective),
        "expired": vn_date(document.expired),
        "replaced_by": replaced_by,
        "toc": table_of_contents(document),
        "articles": articles,
        "related": related_documents(cache, document, view),
        "is_news": document.number.startswith("news:"),
        "citation": standard_citation(document),
    }


# ---------------------------------------------------------------------- structure


def heading_ids(article: Article) -> list[str]:
    """Stable ids of the chapter/section headings above an article, from its own id:
    'chuong_2__muc_1__dieu_10' -> ['chuong_2', 'chuong_2__muc_1']."""
    parts = article.id.split("__")
    prefixes = ["__".join(parts[: i + 1]) for i in range(len(parts) - 1)]
    if len(prefixes) >= len(article.path):
        return prefixes[len(prefixes) - len(article.path) :] if article.path else []
    # Ids without one part per heading level: fall back to a slug of the heading text.
    return [
        f"{article.id.split('__')[0]}__h{i}_" + re.sub(r"\W+", "_", heading.lower())[:40]
        for i, heading in enumerate(article.path)
    ]


def table_of_contents(document: Document) -> list[dict[str, Any]]:
    """Flat, ordered entries (level 0 = chapter) so the template needs no recursion."""
    entries: list[dict[str, Any]] = []
    previous: list[str] = []
    for article in document.articles:
        ids = heading_ids(article)
        for level, (heading, heading_id) in enumerate(zip(article.path, ids, strict=True)):
            if previous[: level + 1] != ids[: level + 1]:
                entries.append({"kind": "heading", "level": level, "text": heading, "id": heading_id})
        previous = ids
        label = (
            f"Điều {article.number}. {article.title}".strip(". ") if article.number else (article.title or "Nội dung")
        )
        entries.append({"kind": "article", "level": len(article.path), "text": label, "id": article.id})
    return entries


def _nonempty_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _lines_before(lines: list[str], following: list[Unit]) -> list[str]:
    """Lines up to where the first of `following` starts: an article's intro before its first
    clause, a clause's own text before its first point (a unit's text repeats its children's)."""
    if not following:
        return lines
    first = _nonempty_lines(following[0].text)[:1]
    if first and first[0] in lines:
        return lines[: lines.index(first[0])]
    in_children = sum(len(_nonempty_lines(unit.text)) for unit in following)
    return lines[: max(0, len(lines) - in_children)]


def _entry(article: Article, clause: Unit) -> str:
    """The reading-list entry of a clause, '4.1' (web.reading_cookie.ENTRY_RE)."""
    return f"{article.number.lower()}.{clause.id.rsplit('__khoan_', 1)[-1]}"


def _article_block(
    linker: CitationLinker, document: Document, article: Article, reading_list: set[str], doc_slug: str
) -> dict[str, Any]:
    def link(lines: list[str]) -> list[Markup]:
        return [linker.linkify(line, document, article) for line in lines]

    intro = _lines_before(_nonempty_lines(article.text), article.units)
    # Each clause and point carries its label ('điểm a khoản 1 Điều 4') and reading-list entry ('4.1.a'):
    # with the document's citation form on the article, app.js turns the article's "copy citation" and
    # reading-list button into the clause's when the address names it (ingest.document_citation.article_citation
    # is exactly label + ' ' + citation form).
    units = [
        {
            "id": unit.id,
            "number": unit.number,
            "cite_label": unit_label(article.number, unit.number),
            "entry": _entry(article, unit),
            "lines": link(_lines_before(_nonempty_lines(unit.text), unit.children)),
            "children": [
                {
                    "id": child.id,
                    "number": child.number,
                    "cite_label": unit_label(article.number, unit.number, child.number),
                    "entry": f"{_entry(article, unit)}.{child.id.rsplit('__diem_', 1)[-1]}",
                    "lines": link(_nonempty_lines(child.text)),
                }
                for child in unit.children
            ],
        }
        for unit in article.units
    ]
    heading = f"Điều {article.number}. {article.title}".strip(". ") if article.number else article.title
    return {
        "id": article.id,
        "number": article.number,
        "heading": heading,
        "headings": list(zip(article.path, heading_ids(article), strict=True)),
        "intro": link(intro),
        "units": units,
        "note": linker.linkify(article.note, document, article) if article.note else "",
        "in_list": f"{doc_slug}:{article.number}" in reading_list,
        "citation": standard_citation(document, article.number or None),
    }


# ---------------------------------------------------------------------- relations


def _article_label(number: str | None, document: Document | None) -> tuple[str, str | None]:
    """('Điều 32', anchor id or None) for one end of an article-level link."""
    article = find_article(document, number) if document is not None and number else None
    return f"Điều {number}", article.id if article is not None else None


def _document_item(
    cache: DocumentCache, document: Document, other: str, links: list[tuple[str | None, str | None, dict[str, Any]]]
) -> dict[str, Any]:
    """One related document, with the article pairs that tie it to this one
    ('Điều 3 → Điều 32': its Điều 3 acts on our Điều 32)."""
    known = cache.resolve(other)
    other_doc = cache.get(known) if known else None
    base_url = document_url(known) if known else None
    pairs, dates, notes = [], set(), set()
    for other_article, own_article, relation in links:
        if relation.get("date"):
            dates.add(vn_date(relation["date"]))
        if relation.get("note"):
            notes.add(relation["note"])
        if not other_article and not own_article:
            continue
        pair: dict[str, Any] = {}
        if other_article:
            label, anchor = _article_label(other_article, other_doc)
            pair["other"] = {"label": label, "url": f"{base_url}#{anchor}" if base_url and anchor else base_url}
        if own_article:
            label, anchor = _article_label(own_article, document)
            pair["own"] = {"label": label, "url": f"#{anchor}" if anchor else None}
        pairs.append(pair)
    return {
        "label": f"{other_doc.type} {other_doc.number}" if other_doc is not None else other,
        "title": other_doc.title if other_doc is not None else "",
        "url": base_url,
        "pairs": pairs,
        "dates": sorted(dates),
        "notes": sorted(notes),
    }


def related_documents(cache: DocumentCache, document: Document, view: dict[str, Any]) -> list[dict[str, Any]]:
    """The panel: one entry per related document, with the roles it plays ('Văn bản hướng dẫn',
    'Trích dẫn', ...) and its article-to-article links, each tagged with its role (the codified
    database links article to article, so one decree can carry dozens of links)."""
    entries: dict[str, dict[str, Any]] = {}
    for role, type_, direction in RELATION_GROUPS:
        by_document: dict[str, list[tuple[str | None, str | None, dict[str, Any]]]] = {}
        seen: set[tuple] = set()
        candidates = []
        if direction in ("outgoing", "both"):
            candidates += [
                (r["target"], r["target_article"], r["source_article"], r)
                for r in view["relations"]
                if r["type"] == type_
            ]
        if direction in ("incoming", "both"):
            candidates += [
                (r["source"], r["source_article"], r["target_article"], r)
                for r in view["incoming_relations"]
                if r["type"] == type_
            ]
        if type_ == "thay_the" and direction == "incoming" and document.replaced_by:
            candidates.append((document.replaced_by, None, None, {}))
        for other, other_article, own_article, relation in candidates:
            key = (other, other_article, own_article)
            if other == document.number or key in seen:
                continue  # links inside the document are already in its text
            seen.add(key)
            by_document.setdefault(other, []).append((other_article, own_article, relation))
        for other, links in by_document.items():
            item = _document_item(cache, document, other, links)
            entry = entries.setdefault(other, {**item, "roles": [], "pairs": [], "dates": [], "notes": []})
            entry["roles"].append({"label": role, "warning": role in WARNING_ROLES})
            entry["pairs"] += [{**pair, "role": role} for pair in item["pairs"]]
            entry["dates"] = sorted(set(entry["dates"]) | set(item["dates"]))
            entry["notes"] = sorted(set(entry["notes"]) | set(item["notes"]))
    return list(entries.values())
