"""The check stage's in-force banner: when every quoted text had expired on the day asked about (today by
default), or the text quoted first had, one plain sentence says which text applied, until when, what replaced it
and whether the replacing text is in the collection; when the question is about a past day, which texts applied
on that day, and which had not yet taken effect. An expiry inferred from an unchecked link is hedged as the status
note is.
"""

from __future__ import annotations

from datetime import date

from ingest.model import THAY_THE, Document
from search_api.answering.compose import Composition, in_force_on
from search_api.answering.evidence import Evidence, is_stub
from search_api.corpus_store import CorpusStore
from search_api.governance import replacement_of


def vn_date(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def banner(evidence: Evidence, composition: Composition, store: CorpusStore) -> dict | None:
    """The in-force banner, else a note on a text the question names that the collection lacks; None when the
    quoted texts apply on the day asked about and every text named is held."""
    return _in_force_banner(evidence, composition, store) or _absent_named(evidence, composition)


def _absent_named(evidence: Evidence, composition: Composition) -> dict | None:
    """ "Thân chủ bị xử về hành vi mà nay không còn là tội (NQ 109/2015/QH13). Theo NQ 01/2016/NQ-HĐTP, …?" is answered
    from the held resolution; the reader is told the other text named is in neither the collection nor the catalogue,
    so the quotes are not taken for its words. (Facts about an absent text already say so in their own sentence.)"""
    question = evidence.question
    named = list(
        dict.fromkeys([*question.unknown_numbers, *([question.unknown_text] if question.unknown_text else [])])
    )
    if not named or not composition.quotes or composition.mode == "facts":
        return None
    return {
        "kind": "absent_named",
        "text": f"Câu hỏi có nêu {', '.join(named)}: văn bản này không có trong kho văn bản (cả trong danh mục); các "
        "trích dẫn dưới đây là của các văn bản có trong kho, không phải của văn bản đó.",
    }


def _in_force_banner(evidence: Evidence, composition: Composition, store: CorpusStore) -> dict | None:
    """The in-force banner: None when the quoted texts apply on the day asked about."""
    documents = list({q.document.number: q.document for q in composition.quotes}.values())
    if not documents:
        return None
    day = evidence.on_date()
    force = [in_force_on(d, day) for d in documents]
    question = evidence.question
    if question.as_of and all(force):
        return {
            "kind": "as_of",
            "text": f"Trả lời theo quy định áp dụng ngày {vn_date(question.as_of)}: "
            + ", ".join(f"{d.type} {d.number}" for d in documents)
            + " có hiệu lực vào ngày đó."
            + _lapsed_since(documents),
        }
    if any(f is not False for f in force):
        return _lead_expired(composition.quotes[0].document, day, store) or _not_yet(documents[:1], day, store, True)
    if all(_pending(d, day) for d in documents):
        return _not_yet(documents, day, store)
    expired = [d for d in documents if d.expired and (day is None or d.expired <= day)]
    if not expired:
        return None
    until = min(d.expired for d in expired if d.expired is not None)
    labels = ", ".join(f"{d.type} {d.number}" for d in expired)
    same_day = len({d.expired for d in expired}) == 1
    if same_day:
        text = f"Các quy định trích dưới đây ({labels}) đã hết hiệu lực từ {vn_date(until)}"
    else:
        # each text with its own date: one date for all would misstate every text but the first to expire
        dated = ", ".join(f"{d.type} {d.number} từ {vn_date(d.expired)}" for d in expired if d.expired)
        text = f"Các quy định trích dưới đây đã hết hiệu lực: {dated}"
    if question.as_of:
        text = f"Vào ngày {vn_date(question.as_of)}, " + text[0].lower() + text[1:]
    found = next((r for r in (replacement_of(d, store.document) for d in expired) if r), None)
    replacement, in_collection = _replacement(found)
    if found:
        replaced, replacement_doc = found
        kind = f"{replacement_doc.type} " if replacement_doc else ""
        text += f"; {replaced.type} {replaced.number} được thay thế bởi {kind}{replacement}"
        if replacement_doc is not None and replacement_doc.effective:
            text += f" từ {vn_date(replacement_doc.effective)}"
        text += (
            ", có trong kho văn bản."
            if in_collection
            else ", nhưng toàn văn văn bản thay thế chưa có trong kho nên chưa đối chiếu được quy định mới."
        )
    else:
        text += "; kho văn bản không ghi nhận văn bản thay thế."
    text += (
        f" Các quy định này áp dụng cho sự việc xảy ra trước ngày {vn_date(until)}."
        if same_day
        else " Mỗi quy định áp dụng cho sự việc xảy ra trước ngày văn bản của nó hết hiệu lực."
    )
    text += _inferred_expiry(*expired)
    return {
        "kind": "expired",
        "text": text,
        "expired": until.isoformat(),
        "replaced_by": replacement,
        "replacement_in_collection": in_collection,
    }


def _lapsed_since(documents: list[Document]) -> str:
    """The texts that applied on the day asked about but have lapsed since: the quotes' own notes say "hết hiệu
    lực", and a banner saying only "có hiệu lực vào ngày đó" read as a contradiction (an outside reader)."""
    lapsed = [d for d in documents if d.status == "het_hieu_luc"]
    if not lapsed:
        return ""
    dated = ", ".join(f"{d.type} {d.number}" + (f" từ {vn_date(d.expired)}" if d.expired else "") for d in lapsed)
    return f" Nay đã hết hiệu lực: {dated}; áp dụng cho sự việc xảy ra khi văn bản còn hiệu lực."


def _lead_expired(lead: Document, day, store: CorpusStore) -> dict | None:
    """The answer opens with a lapsed text though a later quote is in force: one sentence says so (a worker
    reads the first quote as the answer), with what replaced it; None when the lead applies on the day."""
    if in_force_on(lead, day) is not False or lead.expired is None or (day is not None and day < lead.expired):
        return None
    text = f"Quy định trích đầu tiên ({lead.type} {lead.number}) đã hết hiệu lực từ {vn_date(lead.expired)}"
    found = replacement_of(lead, store.document)
    replacement, in_collection = _replacement(found)
    if found:
        replaced = found[0]
        text += f"; {replaced.type} {replaced.number} được thay thế bởi {replacement}" + (
            ", có trong kho văn bản" if in_collection else ", toàn văn chưa có trong kho"
        )
    text += "; chỉ áp dụng cho sự việc xảy ra trước ngày đó. Đối chiếu với quy định còn hiệu lực được trích sau."
    return {
        "kind": "lead_expired",
        "text": text + _inferred_expiry(lead),
        "expired": lead.expired.isoformat(),
        "replaced_by": replacement,
        "replacement_in_collection": in_collection,
    }


def _pending(document: Document, day: date | None) -> bool:
    return day is not None and document.effective is not None and day < document.effective


def _not_yet(documents: list[Document], day: date | None, store: CorpusStore, lead: bool = False) -> dict | None:
    """The quoted texts (or the one quoted first) had not yet taken effect on the day asked about: "tháng 10/2013 ...
    đã quyết toán theo Thông tư liên tịch 134/2013 chưa?" was answered from that circular, in force from 10/11/2013,
    with no word on top that it did not yet apply (the quotes' own status said so, one line each, below). The date
    comes from the text's official facts (Document.facts, with their sources); what the text replaced, when the
    collection records it, is the rule that applied before."""
    pending = [d for d in documents if _pending(d, day)]
    if not pending or day is None:
        return None
    dated = ", ".join(f"{d.type} {d.number} (có hiệu lực từ {vn_date(d.effective)})" for d in pending)
    one = len(pending) == 1
    quoted = "quy định trích đầu tiên" if lead else ("văn bản" if one else "các văn bản") + " trích dưới đây"
    text = f"Vào ngày {vn_date(day)}, {quoted} chưa có hiệu lực: {dated}"
    text += f"; quy định của {'văn bản này' if one else 'chúng'} áp dụng cho sự việc từ ngày có hiệu lực."
    replaced = dict.fromkeys(
        r.target for d in pending for r in d.relations if r.type == THAY_THE and not r.source and r.target != d.number
    )
    if replaced:
        held = [n for n in replaced if (found := store.document(n)) is not None and not is_stub(found)]
        missing = [n for n in replaced if n not in held]
        # (the text it replaced is the rule that applied until then, as far as the collection records)
        if held:
            text += f" Văn bản được thay thế, áp dụng trước ngày đó: {', '.join(held)} (có trong kho văn bản)."
        if missing:
            text += f" Văn bản được thay thế, áp dụng trước ngày đó: {', '.join(missing)} (toàn văn chưa có trong kho)."
    else:
        text += " Kho văn bản không ghi nhận văn bản nào nó thay thế."
    sources = [
        {"document": d.number, "source": f["source"]}
        for d in pending
        for f in d.facts
        if f.get("field") == "effective" and f.get("kept")
    ]
    return {
        "kind": "lead_not_yet" if lead else "not_yet",
        "text": text,
        "effective": min(d.effective for d in pending if d.effective).isoformat(),
        "sources": sources,
    }


def _replacement(found: tuple[Document, Document | None] | None) -> tuple[str | None, bool]:
    """(the replacing text's number, whether the collection holds its text) of replacement_of's answer."""
    if not found:
        return None, False
    replaced, replacement_doc = found
    number = replacement_doc.number if replacement_doc else replaced.replaced_by
    return number, replacement_doc is not None and not is_stub(replacement_doc)


def _inferred_expiry(*documents: Document) -> str:
    """An expiry inferred by the rule that a detailing text lapses with the text it details, from a
    link the catalogue has not checked against the text (the legal-aid circulars and the 2006 Law):
    the banner says so, as the status note does — a worker must not drop a safeguard on a guess. One
    sentence for every such text quoted (an outside reader, session 17, read it twice, word for word, in
    one banner)."""
    inferred = [
        d for d in documents if d.status_basis == "het_cung_van_ban_cap_tren" and "chưa đối chiếu" in d.status_note
    ]
    if not inferred:
        return ""
    names = [f"{d.type} {d.number}" for d in inferred]
    named = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} và {names[-1]}"
    these, links = (
        ("văn bản này", "một quan hệ giữa hai văn bản")
        if len(names) == 1
        else ("các văn bản này", "quan hệ giữa các văn bản")
    )
    codified = f" Bộ pháp điển vẫn hệ thống hóa {these}." if all(d.topic for d in inferred) else ""
    return (
        f" Lưu ý: {named} được xác định hết hiệu lực theo quy tắc văn bản quy định chi tiết hết hiệu lực cùng văn"
        f" bản được quy định chi tiết, dựa trên {links} chưa đối chiếu với văn bản gốc.{codified} Cần kiểm tra"
        " trước khi kết luận."
    )
