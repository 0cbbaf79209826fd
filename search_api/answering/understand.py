"""Stage 1, understand: what a question asks, about whom, naming which texts, as of which day.

Everything is read from a folded copy of the question (no diacritics, lower case), so
"nan nhan la nguoi nuoc ngoai" and "nạn nhân là người nước ngoài" are understood alike.
Documents and articles are resolved by search_api.query (numbers, abbreviations, "luật
PCMBN 2011"); the question is analysed exactly once, by the `parse_query` call whose
result the search service then runs.
"""

from __future__ import annotations

import re
from datetime import date

from ingest.numbers import DOC_NUMBER_ANYCASE_RE, number_key
from ingest.textnorm import fold, has_diacritics, nfc
from search_api.answering import models as m
from search_api.answering.aggravating import AGGRAVATING  # noqa: F401 (re-exported: penalty.py imports it from here)
from search_api.answering.as_of import as_of_date, folded_text  # noqa: F401 (re-exported: tests and stages import them from here)
from search_api.answering.asking import (  # noqa: F401 (expanded_text, asks_before_last: re-exported)
    SENTENCE_SPLIT,
    article_named_in_story_only,
    asking_sentence,
    asking_terms_of,
    asking_text_of,
    asks_before_last,
    expanded_text,
    question_before_story,
    sentence_parts,
    set_aside_spans,
    story_then_question,
    without_closing_request,
)
from search_api.answering.counts import (  # noqa: F401 (aged_16_or_over, head_count: re-exported)
    _counted_victims,
    _with_ages,
    _without_shares,
    aged_16_or_over,
    head_count,
)
from search_api.answering.cues import (  # noqa: F401 (re-exported: other stages import them from here)
    ASKS_PROHIBITED,
    CONTENT_CUES,
    DEFINITION_CUE_AFTER_TERM,
    DEFINITION_CUES,
    DOSSIER_CUES,
    DURATION_CUES,
    GROUP_CUES,
    HOTLINE_NUMBER_CUES,
    HOTLINE_SUM_CUES,
    INTENT_CUES,
    MONEY_CUES,
    PRESCRIBER_CUES,
    QUALIFICATION_CUES,
    SENTENCE_AMOUNT_CUES,
    SENTENCE_CUES,
    SENTENCE_WORDS,
    _cues,
    affirmed,
    asks_definition,
)
from search_api.answering.named_title import cued_outside, title_spans
from search_api.answering.naming import (
    _as_typed,
    _by_year,
    asked_document_first,
    catalogued_by_title,
    known_lookups,
    unknown_named_text,
)
from search_api.answering.terms import fast_folded, question_terms
from search_api.answering.transition import is_transitional, without_moment
from search_api.answering.wording import COLLOQUIAL, ORGANISATIONS, legal_wording  # noqa: F401 (re-exported)
from search_api.query import load_abbreviations, parse_query


def unknown_numbers(text: str, known_documents: list[tuple[str, str, str]]) -> list[str]:
    """Full document numbers typed that name nothing the collection or catalogue holds."""
    typed = [match.group() for match in DOC_NUMBER_ANYCASE_RE.finditer(nfc(text))]
    if not typed:
        return []
    known = known_lookups(known_documents).keys  # built once per list, not per question
    return list(dict.fromkeys(n for n in typed if number_key(n) not in known))


def first_numbered_unknown(question: m.Question) -> bool:
    """The first text the question names by its number is one the collection and catalogue lack: "Nghị quyết
    109/2015/QH13 về việc thi hành BLHS 2015 còn hiệu lực không" asks about 109/2015, whatever else it names."""
    first = DOC_NUMBER_ANYCASE_RE.search(nfc(question.text))
    return first is not None and first.group() in question.unknown_numbers


_CLAUSE_RE = re.compile(r"(?<!\w)(?:khoan |k)(\d{1,2})(?!\w)")  # "khoản 2", "k2"
_POINT_RE = re.compile(r"(?<!\w)diem ([a-z])(?!\w)")


def _names_text(typed: str, code: str) -> bool:
    """Whether an abbreviation follows a document type ("luật PCMBN", "Luật TGPL")."""
    pattern = r"(?<!\w)(?:bo luat|luat|nghi dinh|thong tu|quyet dinh) " + re.escape(code) + r"(?!\w)"
    return re.search(pattern, typed) is not None


def _scoring_terms(parsed, reference) -> tuple[frozenset[str], frozenset[str]]:
    """The terms a quoted unit should contain: the analysed question less what only names a
    document — numbers and years, type and issuer codes ("TT", "BLĐTBXH") and their expansions
    ("thông tư", "bộ lao động - thương binh và xã hội"), which no clause of the text repeats."""
    syllables, bigrams = question_terms(parsed.analysis)
    # An issuer names a document only inside its number ("TT 35/2013 BLĐTBXH"); alone it is the
    # subject ("BTP có trách nhiệm gì").
    numbers = " ".join(fold(n).lower() for n in reference.doc_numbers)
    rows = [
        row
        for row in load_abbreviations()
        if row.kind == "doc_type" or (row.kind == "issuer" and fold(row.abbreviation).lower() in numbers)
    ]
    naming = {fold(row.expansion).lower() for row in rows if row.expansion in reference.expanded_terms}
    dropped = {t for t in syllables if t.isdigit()}
    codes = {fold(row.abbreviation).lower() for row in rows}
    dropped |= {t for t in syllables if t in codes}
    own_words = set(fast_folded(reference.text))
    for expansion in naming:
        dropped |= {t for t in fast_folded(expansion) if t not in own_words}
    if reference.doc_numbers:
        # "luật PCMBN": the abbreviation names the law, so its expansion ("phòng, chống mua bán
        # người") is the law's name, which every clause of it shares; it says nothing of the clause.
        typed = fold(reference.text).lower()
        for row in load_abbreviations():
            code = fold(row.abbreviation).lower()
            if row.kind == "term" and row.expansion in reference.expanded_terms and _names_text(typed, code):
                dropped |= {code} | {t for t in fast_folded(row.expansion) if t not in own_words}
    # "TGPL", "MBN": the texts spell an abbreviation out, and its expansion is scored already; the
    # code itself (rare, so heavily weighted) would only penalise every clause for not saying it.
    dropped |= {
        fold(row.abbreviation).lower()
        for row in load_abbreviations()
        if row.kind == "term" and row.expansion in reference.expanded_terms
    } & syllables
    if not dropped:
        return syllables, bigrams
    return (
        frozenset(t for t in syllables if t not in dropped),
        frozenset(b for b in bigrams if not set(b.split("_")) & dropped),
    )


def _without_bodies(words: str, syllables: frozenset[str], bigrams: frozenset[str]):
    """The scoring terms less the words of the mass organisations named (see ORGANISATIONS) and the
    bigrams joining them to their neighbours ("xã nhận" of "Hội phụ nữ xã nhận được ...")."""
    spans = [match.span() for match in ORGANISATIONS.finditer(words)]
    if not spans:
        return syllables, bigrams
    named: set[str] = set()
    joined: set[str] = set()
    for start, end in spans:
        inside = words[start:end].split()
        before, after = words[:start].split()[-1:], words[end:].split()[:1]
        named |= set(inside)
        chain = before + inside + after
        joined |= {f"{a}_{b}" for a, b in zip(chain, chain[1:], strict=False)}
    rest = set(re.sub("|".join(re.escape(words[a:b]) for a, b in spans), " ", words).split())
    return (
        frozenset(t for t in syllables if t not in named or t in rest),
        frozenset(b for b in bigrams if b not in joined),
    )


# "cho xem", "trích", "toàn văn": show the named article, whatever else the words say.
LOOKUP_CUES = _cues(r"cho (?:toi |em )?xem", r"xem", r"trich(?: dan)?", r"toan van", r"tra cuu", r"doc")
# "không có tình tiết định khung tăng nặng nào (không có tổ chức, ...)": the question denies every circumstance
_NONE_AGGRAVATING = re.compile(r"(?<!\w)(?:khong|chua|ko) co (?:bat ky |mot )?tinh tiet (?:\w+ ){0,4}?(?:nao|gi)(?!\w)")


_BENEFIT_INTENTS = (m.ENTITLEMENT, m.ELIGIBILITY, m.AMOUNT)
READ_AS_TYPED = frozenset({"lấy bộ phận cơ thể"})
# "Luật X quy định gì", "nội dung (chính) của nghị định", "... gồm những nội dung gì": the text itself is asked; not
# "nội dung thông tin, tuyên truyền ... gồm những gì", where "nội dung" is a subject the text regulates
TEXT_CONTENT_ASKED = re.compile(
    r"(?<!\w)(?:noi dung (?:chinh |co ban )?(?:gi|the nao|ra sao|(?:cua )?(?:luat|nghi dinh|thong tu|nghi quyet|bo luat"
    r"|van ban|dieu))|quy dinh gi|la gi)(?!\w)"
)
# "... tổng hợp hình phạt dưới 3 năm tù. Có được cho hưởng án treo không?": whether the sentence told may be suspended
# (the conditions of Điều 65 and NQ 02/2018), not the offence's range (heldout13 was given Điều 328 khoản 2)
_SUSPENSION_ASKED = re.compile(r"(?<!\w)(?:duoc |cho )+huong an treo(?!\w)")
# "Điều 29 Thông tư 08/2017 quy định những gì về kỳ kiểm tra …", "Đ14 … phải có những ND cơ bản gì": what the named
# article provides is asked ("ND cơ bản", spelt out "nghị định cơ bản", can only be "nội dung cơ bản"); heldout16
_ARTICLE_CONTENT_ASKED = re.compile(
    r"(?<!\w)(?:quy dinh (?:nhung |cac )?(?:gi|noi dung gi)"
    r"|(?:nhung|cac) noi dung (?:co ban |chu yeu |chinh )?(?:gi|nao)"
    r"|(?:nhung|cac) nghi dinh (?:co ban|chu yeu) (?:gi|nao))(?!\w)"
)
# "TGVPL bảo vệ bị hại vụ MBN bị thay thế giữa chừng": a person replaced, no text (heldout16 was answered with the
# circular's effective date)
_PERSON_REPLACED = re.compile(
    r"(?<!\w)(?:tro giup vien phap ly|luat su|nguoi (?:thuc hien|duoc cu|bao chua)|can bo|thanh vien|giam doc|chu tich)"
    r" (?:\w+ ){0,10}?bi thay (?:the|doi)(?!\w)"
)
# "… bắt đầu áp dụng từ ngày nào, để biết các khoản chi quý III làm theo văn bản nào?": the purpose told after the
# question ("để biết …") is why it is asked, not a second question (heldout16 was answered as a detailing question)
_PURPOSE_TOLD = re.compile(r"(?<=\w) de (?:biet|xac dinh|con biet|tien) .*$")
# "which text" asked: the detailing question proper ("nghị định nào hướng dẫn Điều 32")
# or which of its articles ("quy định chi tiết điều khoản nào của luật", "những điều nào")
_WHICH_TEXT = re.compile(
    r"(?<!\w)(?:van ban|nghi dinh|thong tu|nghi quyet|quyet dinh|dieu|khoan|diem) (?:\w+ ){0,2}nao(?!\w)"
)


def _detailing_describes_named_text(words: str, doc_numbers, intents: list[str]) -> bool:
    """True when "hướng dẫn …" only describes a text the question names while it asks something else.

    "NQ 01/2016/NQ-HĐTP hướng dẫn khoản 3 Điều 7 BLHS có HL thi hành từ ngày nào?": the resolution is named,
    what it guides is told; the question is its effective date. Without a "which text" (or "which article")
    question and with its status asked, the detailing cue is the named text's description, not the question.
    """
    return bool(doc_numbers) and m.STATUS in intents and not _WHICH_TEXT.search(_PURPOSE_TOLD.sub(" ", words))


_RANGE_ASKED = re.compile(r"(?<!\w)(?:khung|phat tien)(?!\w)")


def _cued_in_asking(intent: str, asking_words: str) -> bool:
    """Whether the asking sentence asks for this intent; a penalty told in the story is asked by "khung cơ bản bao nhiêu
    năm", "phạt tiền thì bao nhiêu" (no offence named; "giảm tối đa bao nhiêu năm" asks a reduction, not a range)."""
    return bool(INTENT_CUES[intent].search(asking_words) or (intent == m.PENALTY and _RANGE_ASKED.search(asking_words)))


def understand_question(
    text: str,
    known_documents: list[tuple[str, str, str]],
    *,
    on_date: date | None = None,
    size: int = 10,
    catalogued: set[str] | None = None,
) -> m.Question:
    # (a closing "ghi nguyên văn giúp mình", "em cảm ơn ạ" is read as no part of the question: asking.py says why)
    text = without_closing_request(text)
    typed_words = expanded_text(text)
    legal = legal_wording(typed_words)
    # The legal wording is searched and scored with the typed words (one analysis of both).
    parsed = parse_query(" ".join([text, *legal]), known_documents, size=size)
    reference = parsed.intent
    if legal:
        if not has_diacritics(text):
            # Typed without diacritics: only the folded fields judge, as for any such question
            # (the legal words added carry diacritics the user did not type).
            parsed.analysis = parsed.analysis.without_exact()
        reference.text = parsed.text = nfc(text).strip()[: len(reference.text)]
        reference.expanded_terms = [*reference.expanded_terms, *legal]
    words = expanded_text(" ".join([reference.text, *legal]))
    # "Đ153 BLHS quy định tội gì? ... xử theo điều này hay Đ151?": of several articles named with a
    # text, the first is the one asked about (search still filters on none: it ranks both).
    article_number = reference.article_number or (
        reference.article_numbers[0] if reference.doc_numbers and reference.article_numbers else None
    )
    # (the named text's own title, quoted in the question, describes it and asks nothing: named_title.py)
    told = [*title_spans(words, list(reference.doc_numbers), known_documents), *set_aside_spans(text, words)]
    intents = [intent for intent in m.INTENTS[1:-1] if cued_outside(INTENT_CUES[intent], words, told)]
    asking_words = asking_sentence(text)
    if ASKS_PROHIBITED.search(asking_words):
        # "... để được nhận tiền hỗ trợ ... Giả mạo là nạn nhân như vậy có bị pháp luật cấm không?": whether the act is
        # prohibited is asked; the benefit the story names is no entitlement question
        intents = [i for i in intents if i not in _BENEFIT_INTENTS or INTENT_CUES[i].search(asking_words)]
    told_first = story_then_question(text)
    if question_before_story(text):
        # the story told after the question lends it no intent of its own ("không giấy tờ" is no procedure asked)
        intents = [i for i in intents if INTENT_CUES[i].search(asking_words)]
    elif told_first and (asked := [i for i in intents if _cued_in_asking(i, asking_words)]):
        # Nor does a story told before it: "bị kết án 2 năm tù vì giúp sức cho đường dây ... Theo BLHS, chị có được
        # hoãn chấp hành án phạt tù không?" tells a penalty and asks about deferring it (heldout24: given Điều 151's
        # range). The asking sentence's intents, when it cues any; else the story's are all there is to go on.
        intents = asked
    article_in_story = article_named_in_story_only(text)
    if reference.is_reference_only or (
        reference.doc_numbers and article_number and not (set(intents) - {m.ENTITLEMENT}) and not article_in_story
    ):
        intents.insert(0, m.LOOKUP)
    elif reference.doc_numbers and not intents and TEXT_CONTENT_ASKED.search(words):
        intents.insert(0, m.LOOKUP)
    elif reference.doc_numbers and article_number and LOOKUP_CUES.search(words):
        intents.insert(0, m.LOOKUP)  # "cho xem Điều 11 Nghị định 62/2012 về hồ sơ bảo vệ"
    elif (
        reference.doc_numbers
        and article_number
        and not article_in_story
        and _ARTICLE_CONTENT_ASKED.search(asking_words)
    ):
        intents.insert(0, m.LOOKUP)
    if (
        m.DETAILING in intents
        and re.search(r"thay the|sua doi|(?<!\w)thay (?:\w+ ){0,2}nao(?!\w)", words)
        and not re.search(r"huong dan|chi tiet", words)
    ):
        intents.remove(m.DETAILING)  # "thay thế thông tư nào", "nó thay TT nào": a replacement, asked of the status
    if m.DETAILING in intents and not INTENT_CUES[m.DETAILING].search(asking_words):
        # "Luật Trẻ em giao Chính phủ quy định chi tiết việc X. Theo Nghị định 56/2017, ... phải có sự đồng ý của
        # ai?": the detailing is told in a sentence before the question, which asks what the decree says
        intents.remove(m.DETAILING)
    if m.DETAILING in intents and _detailing_describes_named_text(words, reference.doc_numbers, intents):
        intents.remove(m.DETAILING)
    if m.STATUS in intents and not INTENT_CUES[m.STATUS].search(_PERSON_REPLACED.sub(" ", words)):
        intents.remove(m.STATUS)
    # "NĐ 144 có HL rồi thì anh ấy có phải bổ nhiệm lại không": the entry into force is told, a transition asked
    moment_told = (rest := without_moment(words)) is not None and not INTENT_CUES[m.STATUS].search(rest)
    if moment_told and m.STATUS in intents:
        intents.remove(m.STATUS)
    if m.DETAILING in intents and not (reference.doc_numbers or article_number):
        intents.remove(m.DETAILING)  # "văn bản nào" without a named text is an ordinary question
    if m.LEGAL_AID in intents and m.ENTITLEMENT in intents:
        intents.remove(m.ENTITLEMENT)
    intents = intents or [m.GENERAL]
    # (nor does it name who is asked about: "Quyết định 32/2016/QĐ-TTg về chính sách trợ giúp pháp lý cho người nghèo,
    # đồng bào dân tộc thiểu số ... giao bộ nào chủ trì": heldout22's ministry was put after the groups' clause)
    who = [group for group in m.GROUPS if cued_outside(GROUP_CUES[group], words, told)]
    who = _with_ages(who, words)
    if m.ACCOMPANYING_MINOR in who:
        who = [g for g in who if g not in (m.CHILD_UNDER_16, m.CHILD_UNDER_18)]
    # (organs taken is read in the words typed: the legal wording "lấy bộ phận cơ thể" appended for "để lấy thận"
    # has lost the "để" that makes it the purpose, not the aggravating act)
    aggravating = (
        [
            name
            for name, (cue, _) in AGGRAVATING.items()
            if affirmed(cue, typed_words if name in READ_AS_TYPED else words)
        ]
        if m.PENALTY in intents
        else []
    )
    # (counted in the question as typed: the legal wording appended to `words` would make "mấy năm" +
    # "nạn nhân" five victims)
    counting = _without_shares(expanded_text(reference.text), reference.text) if m.PENALTY in intents else ""
    if m.PENALTY in intents:
        aggravating = _counted_victims(counting, aggravating)
    if "từ 06 người" in aggravating and "nhiều nạn nhân" in aggravating:
        aggravating.remove("nhiều nạn nhân")
    if m.PENALTY in intents and (not SENTENCE_CUES.search(words) or _NONE_AGGRAVATING.search(words)):
        aggravating = []
    clause = _CLAUSE_RE.search(words) if article_number else None
    point = _POINT_RE.search(words) if clause else None
    doc_numbers = asked_document_first(reference.text, _by_year(list(reference.doc_numbers), words))
    if catalogued:
        doc_numbers += catalogued_by_title(words, known_documents, catalogued, doc_numbers)
    # ("thụ lý từ tháng 5/2014, chưa xong thì theo thông tư nào": the date says when the matter began; the
    # rule asked for is today's, whose transitional clause sends it back to the old text)
    transitional = is_transitional(words) or moment_told
    asked_date = None if transitional else as_of_date(reference.text)
    syllables, bigrams = _scoring_terms(parsed, reference)
    syllables, bigrams = _without_bodies(words, syllables, bigrams)
    if m.FOREIGNER in who and " nguoi nuoc ngoai " in words:
        # "người nước ngoài" names a nationality; "nước ngoài" alone in a clause is a place ("nạn
        # nhân đang ở nước ngoài": Vietnamese victims abroad). "người nước" keeps the person.
        bigrams = bigrams - {"nuoc_ngoai"}
    return m.Question(
        text=reference.text,
        folded=words.strip(),
        intent=intents[0],
        intents=intents,
        who=who,
        doc_numbers=doc_numbers,
        article_number=article_number,
        article_document=reference.article_document,
        clause_number=clause.group(1) if clause else None,
        point=point.group(1) if point else None,
        as_of=on_date or asked_date,
        as_of_source="parameter" if on_date else ("question" if asked_date else ""),
        aggravating=aggravating,
        reference_only=reference.is_reference_only,
        without_diacritics=not has_diacritics(reference.text),
        expanded_terms=list(reference.expanded_terms),
        syllables=syllables,
        bigrams=bigrams,
        parsed=parsed,
        # ("khung cao nhất đến tù chung thân thì thời hiệu truy cứu là bao nhiêu năm": the sentence is the
        # premise; the limitation period is asked, Điều 27 BLHS)
        asking_terms=asking_terms_of(text, syllables, bigrams),
        asking_text=asking_text_of(text),
        asking_words=asking_words,
        article_in_story=article_in_story,
        head_count=head_count(counting),
        # (a sentence told in the story, "bị tuyên 15 năm tù", asks for none)
        asks_sentence=bool(SENTENCE_CUES.search(asking_words if told_first else words))
        and not re.search(r"(?<!\w)thoi hieu(?!\w)", words)
        and not (QUALIFICATION_CUES.search(words) and not SENTENCE_AMOUNT_CUES.search(words))
        and not _SUSPENSION_ASKED.search(asking_words),
        asks_duration=bool(DURATION_CUES.search(words)),
        asks_money=bool(MONEY_CUES.search(words)),
        asks_number=bool(HOTLINE_NUMBER_CUES.search(words)) and not HOTLINE_SUM_CUES.search(words),
        asks_definition=asks_definition(words),
        asks_dossier=bool(DOSSIER_CUES.search(words)),
        asks_prescriber=bool(PRESCRIBER_CUES.search(words)),
        asks_transition=transitional,
        asks_content=bool(CONTENT_CUES.search(words)),
        # (sentence by sentence: "... theo luật trợ giúp pháp lý cũ. Sang năm 2026 ..." names no law of 2026)
        unknown_text=_as_typed(
            reference.text,
            unknown_named_text(
                " . ".join(map(expanded_text, sentence_parts(text, SENTENCE_SPLIT))), doc_numbers, known_documents
            ),
        ),
        unknown_numbers=unknown_numbers(reference.text, known_documents),
    )
