"""Stage 4, check: may this be shown as an answer, and what must the reader be told first?

* news never stands as the answer (evidence keeps it apart; this is the last guard);
* decline only when neither understanding nor evidence supports an answer, and then say
  what the collection lacks;
* when every quoted text had expired on the day asked about (today by default), open with
  one plain sentence: which text applied, until when, what replaced it, and whether the
  replacing text is in the collection; when the question is about a past day, say which
  texts applied on that day.
"""

from __future__ import annotations

import re
from datetime import date

from ingest.model import QUY_DINH_CHI_TIET, Document
from ingest.numbers import number_key
from ingest.textnorm import fold
from search_api.answering import models as m
from search_api.answering.asking_cover import agreed_and_asked, asking_covered, heading_said, named_text_leads
from search_api.answering.banner import banner, vn_date  # noqa: F401 (re-exported: the check stage's parts)
from search_api.answering.compose import SYLLABLE_SHARE, Composition, in_force_on, term_weight
from search_api.answering.confidence import NAMED_TEXT_ONLY
from search_api.answering.evidence import Evidence, is_news, is_stub
from search_api.answering.lacking import (  # noqa: F401 (re-exported: the check stage's parts)
    lacking,
    reference_units,
    unknown_effective_date,
    unknown_numbered_name,
    unstated_reference,
)
from search_api.answering.naming import asked_under, says_number
from search_api.answering.terms import folded, spells_out_heading
from search_api.corpus_store import CorpusStore
from search_api.views import STATUS_LABELS

ANSWER_THRESHOLD = 0.38  # see tests/test_answers.py: dev answers reach 0.41-0.74, off-corpus 0.26-0.375
# However much of a question is phrasing the collection never uses, a quote must still cover this
# much of it on the unscaled measure (see answer_threshold).
MIN_REACHABLE = 0.6
NAMED_TEXT_SHARE = 0.75  # 0.6 measured: the same single change (heldout5 H5-017)
UNANSWERED_MESSAGE = (
    "Kho văn bản hiện có không có điều khoản trả lời trực tiếp câu hỏi này. "
    "Dưới đây là các điều gần nhất để bạn tự đối chiếu."
)
EMPTY_MESSAGE = "Hãy nhập câu hỏi, ví dụ: “nạn nhân bị mua bán được hỗ trợ những gì”."


def drop_news(composition: Composition) -> None:
    composition.quotes = [q for q in composition.quotes if not is_news(q.document)]


# A phone number in a quote: "số 111", "1800 1567", "0912345678", "(024) 3...". A bare 3- or 4-digit
# number is a year or an article number ("năm 2012", "Điều 150"), not a line to call.
_PHONE = re.compile(
    r"(?:(?<!\w)(?:số|số điện thoại|tổng đài|đường dây nóng)\s*:?\s*1\d{2}(?![\d/.])"
    r"|(?<![\d/.])(?:1800[ .]?\d{4}|0\d{9,10}|\(\d{2,4}\)\s*\d{3,})(?![\d/.]))",
    re.IGNORECASE,
)


def answer_threshold(question: m.Question, frequency: dict[str, int], total: int) -> float:
    """The coverage a quote needs, in the scale of what the collection can cover for this question.

    Coverage is the share of the question's weighted syllables and bigrams a unit contains. A bigram
    the collection never contains ("dây bán" of "đường dây bán người", "thằng bé", "hàng xóm") can be
    matched by no unit: it is the question's own phrasing, not something the collection lacks, yet
    (never seen, so weighted as the rarest) it lowered every unit's coverage alike, and colloquial
    or run-together questions fell under the threshold (false declines). The threshold is therefore
    scaled by the share of the coverage any unit could reach, for questions about a person the texts
    protect. Syllables are left whole: a syllable
    the collection never uses is a concept it does not hold ("visa"), which should count against it.
    """
    if not question.bigrams or not set(question.who) - {m.AGENCY_ACTOR}:
        # Only a question about someone the texts protect (a victim, a child, a foreigner, ...) is
        # read as in the collection's field despite its phrasing: "thủ tục ly hôn đơn phương" also
        # has bigrams no unit holds ("tục ly", "hôn đơn"), and is off the collection's subject.
        return ANSWER_THRESHOLD

    bigrams = sorted(question.bigrams)  # (a set's order varies with the process's string hashes: so would the sums)
    mass = sum(term_weight(t, frequency, total) for t in bigrams)
    reachable = sum(term_weight(t, frequency, total) for t in bigrams if frequency.get(t, 0) > 0)
    share = SYLLABLE_SHARE + (1 - SYLLABLE_SHARE) * (reachable / mass if mass else 1.0)
    return ANSWER_THRESHOLD * max(share, MIN_REACHABLE)


def supported(evidence: Evidence, composition: Composition, threshold: float = ANSWER_THRESHOLD) -> bool:
    return support_reason(evidence, composition, threshold) is not None


def support_reason(evidence: Evidence, composition: Composition, threshold: float = ANSWER_THRESHOLD) -> str | None:
    """Why the composition may stand as an answer (a short reason, see confidence.assess), or None: decline."""
    question = evidence.question
    if question.unknown_text and composition.mode != "named_article" and not asked_under_held(evidence):
        return None  # "Bộ luật Hình sự năm 1999": not in the collection nor the catalogue
    if asks_content_of_absent_text(evidence) or evidence.unknown_successor:
        return None  # (nor a successor no text records: "thông tư mới nào thay thế Thông tư 78/2013")
    if composition.mode in ("named_article", "facts", "penalty") and (composition.quotes or composition.facts):
        return "mode"
    if evidence.named_documents and all(is_stub(d) for d in evidence.named_documents):
        # "Theo Luật PCMBN 2024, nạn nhân được hưởng ...": the named text is not in the collection;
        # quoting another text as if it were that one would mislead.
        return None
    if question.has(m.HOTLINE) and question.asks_number:
        if not any(_PHONE.search(q.text) for q in composition.quotes):
            return None  # no normative text gives a number (news may: shown apart)
    if composition.mode == "ranked" and composition.quotes and _ASKS_CRIME.search(question.folded):
        if not _PRISON_OR_CRIMINAL_TEXT.search(folded(composition.quotes[0].text)) and not _criminal_text(
            composition.quotes[0].document
        ):
            # "Hắn bị xử tội gì, khung hình phạt thế nào?" answered from the legal-aid fee rules for defendants of two
            # offences (their "khung hình phạt" is the words shared): no offence was found, and a sentence is asked
            return None
    if composition.quotes and _opens_with_named_article(evidence, composition.quotes[0]):
        # "Tôi nghe nói Điều 101 Luật Trẻ em nói về ... — điều đó bắt bố mẹ cháu phải làm gì?": the article the asking
        # sentence points at exists and leads; a named article that exists is never "not found" (issue 8)
        return "named_article_leads"
    if composition.quotes and asking_covered(evidence, composition.quotes):
        # A story told before the question dilutes the whole question's coverage, not the evidence: the asking
        # sentence itself is well covered by a quoted clause (colloquial false declines, heldout7–9)
        return "asking_covered"
    if composition.quotes and agreed_and_asked(evidence, composition.quotes[0]):
        return "agreed"  # (both searches lead with its article, and it covers much of the asking sentence)
    if composition.quotes and composition.quotes[0].named_groups & _GROUPS_NAMED_APART:
        # "Cháu bé đi cùng mẹ thì được hưởng những chế độ gì": the leading clause names the group asked about
        # (66/2011 Điều 32 khoản 3, "người dưới 18 tuổi đi cùng"); the story around the question dilutes coverage.
        threshold *= NAMED_TEXT_SHARE
    elif composition.quotes and heading_said(evidence, composition.quotes[0]):
        # "Mẹ có bị truy cứu tội không tố giác tội phạm không?": the question says the leading article's heading
        # whole (Điều 19 "Không tố giác tội phạm"); the story around it dilutes coverage, not the evidence
        # (two outside readers and heldout12 were declined with Điều 19 among the nearest articles)
        return "heading"
    elif composition.quotes and _names_the_lead(evidence, composition.quotes[0]):
        # A long, wordy question dilutes coverage, not the evidence (NAMED_TEXT_SHARE of the bar).
        threshold *= NAMED_TEXT_SHARE
    if not composition.quotes:
        return None
    if composition.best_coverage >= threshold:
        return "coverage"
    # "Theo NQ 02/2018/NQ-HĐTP hắn có được hưởng án treo không?": the named text's best unit, said with a low confidence
    return NAMED_TEXT_ONLY if _text_named(evidence, composition.quotes[0]) else None


# "Luật 86/2025 sửa BLHS thì khung hình phạt thay đổi thế nào", "Luật 53/2024 quy định gì mới": what a text
# says or changed (not its date or status, which the catalogue holds).
_ASKS_CONTENT = re.compile(
    r"(?<!\w)(?:thay doi|sua doi|sua|bo sung|quy dinh)(?: \w+){0,8}? "
    r"(?:the nao|ra sao|gi|nhung gi|nhu the nao|moi)(?!\w)"
    r"|(?<!\w)(?:co gi moi|khac gi|diem moi)(?!\w)"
)


def asked_under_held(evidence: Evidence) -> bool:
    """The asking sentence is put under a text the collection holds ("Theo NQ 01/2016/NQ-HĐTP, …?"), the absent
    texts named only in the story; or a held text named details the absent ones."""
    held = [d for d in evidence.named_documents if not is_stub(d)]
    absent = evidence.question.unknown_numbers
    if held and asked_under(evidence.question.asking_text, [d.number for d in held], absent):
        return True
    # "rà soát, lập danh sách người được miễn chấp hành hình phạt theo Nghị quyết 109/2015/QH13 — ai chủ trì — Nghị
    # quyết 01/2016/NQ-HĐTP": the held text details the absent one (its relations say so), so the absent text is the
    # subject the held one rules on, not the text asked about (a keyword question, heldout34, was declined).
    absent_keys = {number_key(number) for number in absent}
    return any(r.type == QUY_DINH_CHI_TIET and number_key(r.target) in absent_keys for d in held for r in d.relations)


def asks_content_of_absent_text(evidence: Evidence) -> bool:
    """The question asks what a text says or changed, and the collection holds only its catalogue entry:
    quoting the text it amends, as it stands in the collection, would present the old rule as the answer."""
    question = evidence.question
    if question.intent in (m.STATUS, m.DETAILING) or not _ASKS_CONTENT.search(question.folded):
        return False  # (its dates, status and detailing texts are facts the catalogue and relations hold)
    return any(is_stub(d) and _named_itself(d, question.text) for d in evidence.named_documents)


def _named_itself(document: Document, text: str) -> bool:
    """Named by its number or its year ("Luật 86/2025", "luật PCMBN 2024"), not only by a name it shares
    ("luật PCMBN" is also the 2011 law, which the collection holds)."""
    typed = fold(text).lower()
    if says_number(typed, document.number):
        return True
    year = document.issued.year if document.issued else None
    return year is not None and re.search(rf"(?<!\d){year}(?!\d)", typed) is not None


def decline_message(evidence: Evidence) -> str:
    """What the collection lacks, in the reader's terms."""
    stubs = [d for d in evidence.named_documents if is_stub(d)]
    parts = []
    with_text = [d for d in evidence.named_documents if not is_stub(d)]
    if evidence.missing_article and with_text:
        # (of a text known only from the catalogue nothing says which articles it has)
        document = with_text[0]
        numbers = [a.number for a in document.articles if a.number]
        span = f" (văn bản có từ Điều {numbers[0]} đến Điều {numbers[-1]})" if numbers else ""
        parts.append(f"{document.type} {document.number} không có Điều {evidence.missing_article}{span}.")
    for document in stubs:
        parts.append(f"Toàn văn {document.type} {document.number}{_catalogued(document)} chưa có trong kho văn bản.")
    question = evidence.question
    if question.unknown_text:
        parts.append(
            f"Kho văn bản và danh mục không có văn bản “{question.unknown_text}” được hỏi; "
            "các điều gần nhất trong kho được liệt kê bên dưới để đối chiếu."
        )
    for named in evidence.unknown_successor:
        parts.append(
            f"Kho văn bản và danh mục không ghi nhận văn bản nào thay thế, sửa đổi hay bãi bỏ {named}; số hiệu và "
            "ngày hiệu lực của văn bản mới (nếu có) không có trong kho."
        )
    if question.has(m.HOTLINE) and question.asks_number:
        # (news is pointed to only when some is shown: a reader was sent "below" to nothing)
        see_news = "; xem tin tức liên quan bên dưới" if evidence.news else ""
        parts.append(f"Không văn bản pháp luật nào trong kho nêu số điện thoại được hỏi{see_news}.")
    if not evidence.question.syllables and not evidence.question.doc_numbers:
        return EMPTY_MESSAGE
    return " ".join(parts + [UNANSWERED_MESSAGE])


def _catalogued(document: Document) -> str:
    """What the catalogue knows of a text the collection lacks: its title and when it takes effect."""
    known = [document.title] if document.title else []
    if document.effective:
        known.append(f"hiệu lực từ {vn_date(document.effective)}")
    return f" ({', '.join(known)}; theo danh mục văn bản)" if known else ""


# Groups a clause names only when it is about them (not "nạn nhân" or "trẻ em", named all through their laws).
_GROUPS_NAMED_APART = frozenset({m.ACCOMPANYING_MINOR, m.FOREIGNER, m.STATELESS})


# An offence or a prison term asked ("bị xử tội gì, khung hình phạt thế nào"; not "bị xử lý thế nào", which the
# prevention law's own measures may answer: 66/2011 Điều 23 for a person posing as a victim)
_ASKS_CRIME = re.compile(
    r"(?<!\w)(?:toi gi|toi danh gi|khung hinh phat|phat tu|bao nhieu nam tu|may nam tu|muc an|khung tu)(?!\w)"
)
_PRISON_OR_CRIMINAL_TEXT = re.compile(r"(?<!\w)(?:phat tu|tu chung than|tu hinh|an treo|cai tao khong giam giu)(?!\w)")


def _criminal_text(document: Document) -> bool:
    """The Criminal Code, a law amending it, or a Council of Judges' resolution guiding it."""
    return (
        document.type == "Bộ luật" or "hinh su" in folded(document.title or "") or document.number.endswith("NQ-HĐTP")
    )


def _opens_with_named_article(evidence: Evidence, lead: m.Candidate) -> bool:
    """The leading quote is of the article the question names, in the asking sentence (an article told only in the
    story does not say what is asked: "xử theo Đ328 ... Theo NQ 02/2018 có được hưởng án treo không?")."""
    named = evidence.named_article
    if named is None or evidence.question.article_in_story:
        return False
    document, article = named
    return lead.document.number == document.number and lead.article.id == article.id


def _names_the_lead(evidence: Evidence, lead: m.Candidate) -> bool:
    """The question names what the leading quote comes from: its text, held in the collection ("... theo
    Nghị định 56/2017/NĐ-CP?"), or its article's heading of TITLE_WORDS words or more, word for word
    ("... có thuộc nhóm trẻ em có hoàn cảnh đặc biệt không?": Luật Trẻ em Điều 10)."""
    return _text_named(evidence, lead) or spells_out_heading(lead.article.title, evidence.question.folded, TITLE_WORDS)


def _text_named(evidence: Evidence, lead: m.Candidate) -> bool:
    """The lead comes from a text the question names: by number (asking_cover.named_text_leads) or by its kind and
    issuer, "theo thông tư của Bộ Quốc phòng về …" (the scorer's named_text part counts issuer_named's texts, a kind
    and issuer with at most two texts here)."""
    return named_text_leads(evidence, lead) or bool(lead.parts.get("named_text"))


TITLE_WORDS = 4  # "Trẻ em có hoàn cảnh đặc biệt" (7); shorter headings ("Hỗ trợ y tế") are common words


def status_of(document: Document, day: date | None) -> str:
    """Status on the day asked about (the stored status is for the ingest date)."""
    if day is None:
        return document.status
    force = in_force_on(document, day)
    if force is None:
        return document.status
    if force:
        return "con_hieu_luc"
    return "chua_hieu_luc" if document.effective and day < document.effective else "het_hieu_luc"


def dated_status(document: Document, day: date | None) -> tuple[str, str]:
    """The text's status on the day asked about and its label, saying so when the text has lapsed since: a bare
    "Còn hiệu lực" for 31/03/2025 stood beside notes saying the decree expired on 01/07/2025 (an outside reader,
    session 20)."""
    status = status_of(document, day)
    label = STATUS_LABELS.get(status, status)
    lapsed = f"; nay đã hết hiệu lực{f' từ {vn_date(document.expired)}' if document.expired else ''}"
    if day is not None and status == "chua_hieu_luc" and document.effective:
        # "Chưa có hiệu lực" beside today's "Hết hiệu lực từ 01/07/2025" read as a contradiction to an outside reader
        # (134/2013 asked on 01/10/2013, before its 10/11/2013): the day, the date it took effect, and what since
        now = lapsed if document.status == "het_hieu_luc" else ""
        return status, f"{label} ngày {vn_date(day)} (có hiệu lực từ {vn_date(document.effective)}){now}"
    if day is None or status != "con_hieu_luc" or document.status != "het_hieu_luc":
        return status, label
    return status, f"{label} ngày {vn_date(day)}{lapsed}"


def hits_on(hits: list[dict], day: date | None, store: CorpusStore) -> list[dict]:
    """The related articles with each text's status on the day asked about: "tháng 3/2013" listed Nghị định
    09/2013 as "Hết hiệu lực" (today's status) on a day before it took effect (an outside reader, session 18)."""
    if day is None:
        return hits
    dated = []
    for hit in hits:
        document = store.document(hit["doc_number"])
        if document is not None:
            status, label = dated_status(document, day)
        else:
            status = str(hit.get("status") or "")
            label = STATUS_LABELS.get(status, status)
        dated.append({**hit, "status": status, "status_label": label})
    return dated
