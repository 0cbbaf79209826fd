"""What the reader page says about a document the collection knows only from its catalogue
(53/2024/QH15, 162/2025/NĐ-CP, ...): that its text is not here, what is known about it and from
where, and how to add it. Every fact names its source; nothing is guessed from the stub."""

from __future__ import annotations

import re
from typing import Any

from ingest.catalogue import STUB_SOURCE_FILE, load_catalogue
from ingest.catalogue_facts import fact_label
from ingest.model import Document
from search_api.views import RELATION_LABELS
from web.documents import DocumentCache, document_url, vn_date


def is_catalogued_only(document: Document) -> bool:
    return document.source_file == STUB_SOURCE_FILE and not document.articles


def _link(cache: DocumentCache, number: str) -> dict[str, Any]:
    known = cache.resolve(number)
    other = cache.get(known) if known else None
    return {
        "number": number,
        "label": f"{other.type} {other.number}" if other is not None else number,
        "url": document_url(known) if known else None,
        "has_text": other is not None and not is_catalogued_only(other),
    }


def _relation_source(entry, relation) -> str:
    """The evidence of the catalogue relation this stub relation copies (same type, target, article)."""
    for index, listed in enumerate(entry.relations if entry is not None else ()):
        if (listed.type, listed.target, listed.target_article) == (
            relation.type,
            relation.target,
            relation.target_article,
        ):
            return fact_label(entry, f"relations[{index}]")
    return ""


def _note_without_source(note: str, source: str) -> str:
    """The relation's note without the evidence it repeats: ingest.catalogue appends "(chưa đối chiếu với văn
    bản; dựa trên: ...)" to an unverified link's note so every view says so, and this page names the same
    evidence as the link's source right after it (the 162/2025/NĐ-CP page showed it twice)."""
    for found in re.finditer(r"\s*\(([^()]+)\)", note or ""):
        if found.group(1).strip() and found.group(1).strip() in source:
            note = note.replace(found.group(0), "")
    return (note or "").strip()


def _title_note(document: Document, incoming: list[dict[str, Any]]) -> str:
    """Why no trích yếu is shown: ingest.official takes a stub's title from the catalogue or from a text of the
    collection citing it ("Nghị định số 162/2025/NĐ-CP quy định ..."); when neither states it, the page says so
    and which texts cite the number, rather than a title made up from its relations."""
    if document.title:
        return ""
    citing = sorted({item["other"]["label"] for item in incoming if item["other"]["has_text"]})
    if citing:
        cited = (
            f"{len(citing)} văn bản trong bộ sưu tập dẫn chiếu số hiệu này ({', '.join(citing[:5])}) nhưng không nêu"
        )
    else:
        cited = "Không văn bản nào trong bộ sưu tập dẫn chiếu hay nêu"
    return (
        f"{cited} trích yếu chính thức của {document.type.lower()} {document.number}, và danh mục vnlex cũng"
        " không ghi: vnlex không tự đặt trích yếu cho văn bản này. Hãy tra trích yếu trên vbpl.vn hoặc Công báo."
    )


def missing_text_context(cache: DocumentCache, document: Document) -> dict[str, Any] | None:
    if not is_catalogued_only(document):
        return None
    try:
        entry = load_catalogue().get(document.number)
    except FileNotFoundError:
        entry = None
    # The entry's own 'source' is the developers' English note and the file a repository path: users
    # read whether it was checked here, and each fact's evidence below.
    if entry is not None:
        checked = "đã đối chiếu" if entry.verified else "chưa đối chiếu đầy đủ với văn bản gốc"
        source = f"Danh mục vnlex, {checked}"
    else:
        source = "Danh mục vnlex"
    # Each fact with its own evidence (ingest.catalogue_facts): the text quoted, or "chưa đối chiếu với văn bản".
    kept_sources = {f["field"]: f["source"] for f in document.facts if f.get("kept")}
    facts = [
        (label, value, kept_sources.get(fact) or (fact_label(entry, fact) if fact and entry is not None else ""))
        for label, value, fact in (
            ("Loại văn bản", document.type, ""),
            ("Trích yếu", document.title, "title"),
            ("Cơ quan ban hành", document.issuer, "issuer"),
            ("Ngày ban hành", vn_date(document.issued), "issued"),
            ("Ngày có hiệu lực", vn_date(document.effective), "effective"),
        )
        if value
    ]
    unknown = [
        label
        for label, value in (
            ("trích yếu", document.title),
            ("cơ quan ban hành", document.issuer),
            ("ngày ban hành", document.issued),
            ("ngày có hiệu lực", document.effective),
        )
        if not value
    ]
    outgoing = []
    for r in document.relations:
        if r.source:
            continue
        evidence = _relation_source(entry, r) or f"danh mục vnlex, mục {document.number}"
        outgoing.append(
            {
                "label": RELATION_LABELS.get(r.type, (r.type, r.type))[0],
                "other": _link(cache, r.target),
                "article": r.target_article,
                "date": vn_date(r.date),
                "note": _note_without_source(r.note, evidence),
                "source": evidence,
            }
        )
    incoming = []
    for number, relation in cache.app_state.backend.incoming_relations(document.number):
        if number == document.number:
            continue
        citing = _link(cache, number)
        incoming.append(
            {
                "label": RELATION_LABELS.get(relation.type, (relation.type, relation.type))[1],
                "other": citing,
                "article": relation.source_article,
                "date": vn_date(relation.date),
                "note": relation.note,
                # Links carried by another entry of the catalogue say so; links found in a text name it.
                "source": f"văn bản {number}" if citing["has_text"] else f"danh mục vnlex, mục {number}",
            }
        )
    return {
        "source": source,
        "facts": facts,
        "unknown": unknown,
        "title_note": _title_note(document, incoming),
        "outgoing": outgoing,
        "incoming": incoming,
        "command": "vnlex ingest ĐƯỜNG_DẪN_TỆP",
    }
