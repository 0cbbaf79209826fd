"""The wording of status notes: what is known when nothing proves a text in force, the in-force sentence
with its evidence, expiries to come, and which date was kept when the file and the catalogue disagree;
and, read back for pages and answers, the note's short form (`split_status_note`).
"""

from __future__ import annotations

from datetime import date

from ingest.catalogue import CatalogueEntry
from ingest.header import effective_date
from ingest.model import Document
from ingest.status_expiry import Expiry, Known, catalogue_source, vn_date
from ingest.status_parent import all_detailed, anachronistic_parents, detailed_texts


def unknown_note(item: Known, known: dict[str, Known], today: date) -> str:
    """What is and is not known when nothing proves the text in force."""
    parts = []
    if item.effective:
        source = catalogue_source(item.entry, "effective") if item.entry and item.entry.effective else "nguồn: văn bản"
        parts.append(f"Có hiệu lực từ {vn_date(item.effective)} ({source})")
    else:
        parts.append("Không rõ ngày có hiệu lực")
    parts.append(
        "không có văn bản nào trong kho dữ liệu hay danh mục thay thế hoặc bãi bỏ văn bản này "
        f"tính đến {vn_date(today)}, "
        "nhưng kho dữ liệu nhỏ nên điều đó không chứng minh văn bản còn hiệu lực"
    )
    late = anachronistic_parents(item, known)
    if late:
        parts.append(
            f"Bộ pháp điển xếp văn bản dưới {', '.join(late)}, nhưng văn bản ban hành trước văn bản đó "
            "nên không thể là văn bản quy định chi tiết của nó; không rõ văn bản làm căn cứ còn hiệu lực hay không"
        )
    parents = detailed_texts(item, known)
    if parents:
        parts.append(
            "các văn bản được quy định chi tiết ("
            + ", ".join(known[p].number if p in known else all_detailed(item)[p] for p in sorted(parents))
            + ") chưa có bằng chứng còn hiệu lực"
        )
    if not (item.entry and item.entry.verified):
        parts.append("danh mục vnlex chưa ghi nhận văn bản này đã đối chiếu")
    return "Chưa xác định hiệu lực: " + "; ".join(parts) + "."


def in_force_note(item: Known, upcoming: list[Expiry], today: date, evidence: str) -> str:
    assert item.effective is not None  # the caller states in-force only with an effective date
    source = catalogue_source(item.entry, "effective") if item.entry and item.entry.effective else "nguồn: văn bản"
    note = (
        f"Có hiệu lực từ {vn_date(item.effective)} ({source}). Căn cứ xác định còn hiệu lực: {evidence}; "
        "không có văn bản nào trong kho dữ liệu hay danh mục thay thế hoặc bãi bỏ toàn bộ văn bản này "
        f"tính đến {vn_date(today)}."
    )
    return note + date_mismatch(item) + upcoming_note(upcoming)


def upcoming_note(upcoming: list[Expiry]) -> str:
    return "".join(f" Sẽ {expiry.explained()}." for expiry in sorted(upcoming, key=lambda e: e.when))


def date_mismatch(item: Known) -> str:
    # A verified entry's date replaces the file's and adopt_verified_dates says why.
    if (
        item.document
        and item.entry
        and not item.entry.verified
        and item.entry.effective
        and item.document.effective
        and item.document.effective != item.entry.effective
    ):
        return f" Lưu ý: tệp nguồn ghi ngày hiệu lực {vn_date(item.document.effective)}, khác với danh mục."
    return ""


def _where_the_text_says(document: Document, effective: date) -> str:
    """'theo Điều 57 của Luật' when one of the document's own articles states this effective date."""
    for article in document.articles:
        if article.number and effective_date([article], document.issued) == effective:
            return f"theo Điều {article.number} của {document.type or 'văn bản'}"
    return ""


def _where_the_file_says(document: Document, day: date) -> str:
    """Who gave the file's date: the codified database's notes (đề mục pages carry a topic)
    when an article note states it, otherwise the source file."""
    if document.topic and any(vn_date(day) in article.note for article in document.articles):
        return "ghi chú của Bộ pháp điển"
    return "tệp nguồn"


def adopt_verified_dates(document: Document, entry: CatalogueEntry | None) -> str:
    """A verified catalogue entry's issued/effective dates replace the file's when they differ
    (the codified page gives 01/12/2012 for 66/2011/QH12; its own Điều 57 says 01/01/2012).
    Returns the sentence telling the reader which date was kept and what the file said."""
    if not entry or not entry.verified:
        return ""
    sentences = []
    for field, label in (("issued", "ngày ban hành"), ("effective", "ngày hiệu lực")):
        kept, stated = getattr(entry, field), getattr(document, field)
        if not kept or not stated or kept == stated:
            continue
        setattr(document, field, kept)
        basis = (_where_the_text_says(document, kept) if field == "effective" else "") or f"theo {entry.source_label()}"
        sentences.append(
            f"{label} {vn_date(kept)} {basis}; {_where_the_file_says(document, stated)} ghi {vn_date(stated)}"
        )
    return (" Lưu ý: " + "; ".join(sentences) + ".") if sentences else ""


_GROUNDS = "; dựa trên: "


def without_grounds(sentence: str) -> str:
    """The sentence without the '; dựa trên: ...' of its unchecked facts (ingest.catalogue_facts labels),
    each cut up to the parenthesis that closes it."""
    while (start := sentence.find(_GROUNDS)) >= 0:
        depth, end = 0, len(sentence)
        for index in range(start + len(_GROUNDS), len(sentence)):
            if sentence[index] == "(":
                depth += 1
            elif sentence[index] == ")":
                if depth == 0:
                    end = index
                    break
                depth -= 1
        sentence = sentence[:start] + sentence[end:]
    return sentence


def split_status_note(note: str) -> tuple[str, str]:
    """(summary, more): the note's first sentence, which states the status, and the rest (sources that
    disagree, the codified database's listing, unchecked catalogue facts). When the first sentence rests on
    unchecked facts, the summary keeps 'chưa đối chiếu với văn bản' and `more` starts with the whole
    sentence, with what each of them rests on."""
    note = note or ""
    cut = note.find(". ") + 1 if ". " in note else len(note)
    summary, more = note[:cut].strip(), note[cut:].strip()
    short = without_grounds(summary)
    if short != summary:
        summary, more = short, f"{summary} {more}".strip()
    return summary, more
