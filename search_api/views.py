"""Plain dicts describing documents and articles: one shape feeds the CLI's JSON, the API and the templates."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from ingest.catalogue import STUB_SOURCE_FILE
from ingest.document_citation import UNNAMED_PUBLISHER, citation_form
from ingest.header import effective_date
from ingest.model import Article, Document, Relation
from ingest.numbers import slug
from ingest.official import noted_effective
from ingest.status_notes import split_status_note

STATUS_LABELS = {
    "con_hieu_luc": "Còn hiệu lực",
    "het_hieu_luc": "Hết hiệu lực",
    "chua_hieu_luc": "Chưa có hiệu lực",
    "khong_ap_dung": "Không áp dụng",
    "": "Chưa xác định",
}
RELATION_LABELS = {  # (outgoing label, incoming label)
    "can_cu": ("Căn cứ", "Là căn cứ của"),
    "quy_dinh_chi_tiet": ("Quy định chi tiết / hướng dẫn", "Được hướng dẫn bởi"),
    "sua_doi": ("Sửa đổi, bổ sung", "Được sửa đổi, bổ sung bởi"),
    "thay_the": ("Thay thế", "Bị thay thế bởi"),
    "bai_bo": ("Bãi bỏ", "Bị bãi bỏ bởi"),
    "trich_dan": ("Trích dẫn", "Được trích dẫn bởi"),
    "lien_quan": ("Liên quan", "Liên quan"),
}


# The document page's "Căn cứ và nguồn" section: the whole status note and the source of each fact.
SOURCES_ANCHOR = "nguon-thong-tin"


def status_summary(document: Document) -> dict[str, str | None]:
    """The status note as pages show it: `status_summary`, its first sentence without what unchecked
    catalogue facts rest on; `status_more`, the rest; `status_sources_link`, the document page's section
    holding them and the source of each fact (None when it has nothing to show). The document page and the
    answers (search_api.answering.citations) both show the summary with this link; the API keeps the
    whole `status_note` beside it."""
    summary, more = split_status_note(document.status_note)
    link = f"/van-ban/{slug(document.number)}#{SOURCES_ANCHOR}" if more or document.facts else None
    return {"status_summary": summary, "status_more": more, "status_sources_link": link}


NEWS_TYPE = "Tin tức"


def is_news_report(number: str, doc_type: str | None) -> bool:
    """A news report: typed so, or (before a type is known, e.g. in a search hit) numbered with its internal id."""
    return doc_type == NEWS_TYPE or number.startswith("news:")


def document_label(document: Document) -> str:
    """How a person reads a document's name in a list: its number ('66/2011/QH12'); a news report's number is
    an internal id ('news:004_…'), so it reads 'Tin tức – Báo Lao động và Xã hội, 12/11/2024' from what the
    page says about itself (ingest.parsers.news), or says the page names no publisher rather than guess one."""
    if not is_news_report(document.number, document.type):
        return document.number
    when = f", {document.issued.strftime('%d/%m/%Y')}" if document.issued else ""
    if document.publisher:
        return f"{NEWS_TYPE} – {document.publisher}{when}"
    return f"{NEWS_TYPE} (nguồn: {UNNAMED_PUBLISHER}){when}"


def source_label(source_file: str) -> str:
    """Where a text comes from without the server's folders: 'phapdien/demuc_39.8_….html',
    or the catalogue for a catalogued-only document."""
    if not source_file or source_file.startswith("catalogue:"):
        return source_file
    parts = Path(source_file).parts
    return "/".join(parts[-2:])


def _relation_view(carrier: str, relation: Relation) -> dict[str, Any]:
    source = relation.source or carrier
    outgoing, incoming = RELATION_LABELS.get(relation.type, (relation.type, relation.type))
    return {
        "type": relation.type,
        "label": outgoing,
        "inverse_label": incoming,
        "source": source,
        "source_article": relation.source_article,
        "target": relation.target,
        "target_article": relation.target_article,
        "date": relation.date,
        "note": relation.note,
    }


def note_date_flags(document: Document) -> dict[str, str]:
    """Article id -> '(ghi chú của CSDL pháp điển; theo Điều 57 của Luật: 01/01/2012)' for each article whose
    codified note states an effective date other than the one kept (the text's own effect clause or a verified
    catalogue date: ingest.official). The note is shown as its source wrote it; the flag goes beside it, so a
    reader quoting the note sees which date holds and why (all 58 notes of 66/2011/QH12 say 01/12/2012)."""
    kept = document.effective
    wrong = [a for a in document.articles if (stated := noted_effective(a.note)) and kept and stated != kept]
    if not wrong or kept is None:
        return {}
    own = next((a.number for a in document.articles if a.number and effective_date([a], document.issued) == kept), "")
    kept_source = next((f["source"] for f in document.facts if f["field"] == "effective" and f["kept"]), "")
    basis = f"Điều {own} của {document.type or 'văn bản'}" if own else kept_source or "nguồn được dùng"
    flag = f"(ghi chú của CSDL pháp điển; theo {basis}: {kept.strftime('%d/%m/%Y')})"
    return {a.id: flag for a in wrong}


def article_summary(article: Article, flags: dict[str, str] | None = None) -> dict[str, Any]:
    data = asdict(article)
    data["heading"] = f"Điều {article.number}. {article.title}" if article.number else article.title
    data["note_flag"] = (flags or {}).get(article.id, "")
    return data


def document_view(document: Document, incoming: list[tuple[str, Relation]]) -> dict[str, Any]:
    data = document.to_dict()
    data["slug"] = slug(document.number)
    data["citation"] = citation_form(document)  # the standard form (ingest.document_citation); never an internal id
    data["status_label"] = STATUS_LABELS.get(document.status, document.status)
    flags = note_date_flags(document)
    data["articles"] = [article_summary(a, flags) for a in document.articles]
    # Relations both ways: what this document does, and what others do to it. A relation
    # carried here but made by another document (an amendment note) counts as incoming.
    own = [_relation_view(document.number, r) for r in document.relations]
    data["relations"] = [r for r in own if r["source"] == document.number]
    received = [r for r in own if r["source"] != document.number]
    received += [_relation_view(source, r) for source, r in incoming if source != document.number]
    seen, data["incoming_relations"] = set(), []
    for relation in received:
        key = tuple(sorted(relation.items()))
        if key not in seen:
            seen.add(key)
            data["incoming_relations"].append(relation)
    return data


def article_view(document: Document, number: str, incoming: list[tuple[str, Relation]]) -> dict[str, Any] | None:
    article = next((a for a in document.articles if a.number == str(number).strip()), None)
    if article is None:
        return None
    whole = document_view(document, incoming)
    data = {
        key: whole[key]
        for key in (
            "number",
            "slug",
            "type",
            "title",
            "issuer",
            "issued",
            "effective",
            "status",
            "status_label",
            "status_note",
            "replaced_by",
            "expired",
            "status_basis",
            "facts",
            "citation",
        )
    }
    data["document"] = data.pop("number")
    data["article"] = article_summary(article, note_date_flags(document))
    data["relations"] = [r for r in whole["relations"] if r["source_article"] == article.number]
    data["incoming_relations"] = [
        r for r in whole["incoming_relations"] if r["target_article"] in (article.number, None)
    ]
    return data


def render_text(data: dict[str, Any]) -> str:
    """Human-readable form for the terminal."""
    lines: list[str] = []
    if "article" in data:
        lines.append(f"{data['type']} {data['document']} — {data['title']}")
        lines.append(f"Trạng thái: {data['status_label']}")
        article = data["article"]
        lines += ["", article["heading"], *(["/".join(article["path"])] if article["path"] else []), article["text"]]
    else:
        lines.append(f"{data['type']} {data['number']} — {data['title']}")
        lines.append(f"Cơ quan ban hành: {data['issuer']}; ban hành {data['issued']}; hiệu lực {data['effective']}")
        lines.append(f"Trạng thái: {data['status_label']} {data.get('status_note') or ''}".rstrip())
        if not data["articles"] and data.get("source_file") == STUB_SOURCE_FILE:
            lines.append(
                "Toàn văn chưa có trong bộ sưu tập: văn bản chỉ được biết qua danh mục (corpus/catalogue.json)."
            )
            lines.append("Thêm toàn văn: vnlex ingest ĐƯỜNG_DẪN_TỆP (DOCX/PDF/HTML tải từ vbpl.vn)")
        else:
            lines.append(f"{len(data['articles'])} điều")
        if data.get("text_origin") == "ocr" and data.get("ocr_confidence") is not None:
            lines.append(f"Văn bản được nhận dạng từ bản quét (OCR), độ tin cậy {data['ocr_confidence']:.0f}%")
        for article in data["articles"]:
            lines.append(f"  {article['heading']}")
    for relation in data["relations"]:
        lines.append(
            f"→ {relation['label']}: {relation['target']} "
            f"{('Điều ' + relation['target_article']) if relation['target_article'] else ''}"
        )
    for relation in data["incoming_relations"]:
        lines.append(
            f"← {relation['inverse_label']}: {relation['source']} "
            f"{('Điều ' + relation['source_article']) if relation['source_article'] else ''}"
        )
    return "\n".join(lines)
