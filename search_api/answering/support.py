"""Support intents — how much, how long, who acts or pays, which steps — read from the clause's own
structure rather than from the words of a question.

A clause answers "how long" when it states a time span *and* the sentence stating it names what the
question asks about ("Thời hạn thẩm định hồ sơ: trong thời hạn 15 ngày làm việc ..."): a clause with a
deadline for something else (the 30 days to announce a licence) does not. The same holds for sums
("1.000.000 đồng/người" in the sentence on the initial hardship allowance) and for the body that acts
or pays ("Sở Lao động ... thực hiện trợ cấp khó khăn ban đầu", "do quỹ bảo hiểm y tế chi trả"). Each
bonus is therefore weighted by the question's coverage of the *sentence* holding the span, the
agency or the payment, never of the whole article.

Nothing here knows a document or article number: the signals are time units, money units, the
subject of a clause (a body of the state at its head) and the verbs of paying.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.amounts import Amount, scan_quantities
from ingest.textnorm import fold, nfc
from search_api.answering import models as m
from search_api.answering.models import Candidate
from search_api.answering.terms import folded, unit_terms

SPAN_BONUS = 0.3  # a time span / a sum in the sentence the question is about
UNIT_MISMATCH = 0.25  # "mấy ngày" asked, only hours stated: the span counts a quarter
AGENCY_SUBJECT_BONUS = 0.2  # the clause opens with the body that acts
PAYER_BONUS = 0.2  # the sentence says who pays ("do ... chi trả", "ngân sách ... bảo đảm")
TIME_UNITS = {"ngày": "ngay", "ngày làm việc": "ngay", "tháng": "thang", "năm": "nam", "giờ": "gio"}
MONEY_UNITS = frozenset({"đồng", "mức lương cơ sở", "mức lương tối thiểu", "%"})
# "mấy ngày", "bao nhiêu tháng", "trong vòng mấy giờ": the unit the question expects.
_ASKS_CEILING = re.compile(r"(?<!\w)(?:toi da|nhieu nhat|khong qua|dai nhat|lau nhat)(?!\w)")
CEILING_FACTOR = 1.3
_ASKED_UNIT = re.compile(r"(?<!\w)(?:may|bao nhieu) (ngay|thang|nam|gio)(?!\w)")
# A clause whose subject is a body of the state, an institution or a fund ("Sở Lao động ... thực hiện",
# "Chủ tịch Ủy ban nhân dân cấp tỉnh quyết định", "Ngân sách địa phương hỗ trợ").
# (also after a comma: "Trong thời hạn 12 tháng, kể từ ..., Chủ tịch Ủy ban nhân dân cấp huyện quyết định",
# and as the agent or source: "do quỹ ... chi trả", "vay vốn từ Ngân hàng Chính sách xã hội")
_BODIES = (
    r"(?:(?:thu truong|giam doc|chu tich|cuc truong|don truong|truong don|bo truong) )?"
    r"(?:bo|so|phong|uy ban|chu tich|co quan|cuc|don|trung tam|ngan hang|quy|ngan sach|cong an|bo doi|toa an|"
    r"vien kiem sat|chinh phu|thu tuong|chi nhanh|mat tran)(?!\w)"
)
_AGENCY_HEAD = re.compile(
    rf"^\s*(?:\d+\.|[a-z]\)|[-+])?\s*(?:co so (?:bao tro|ho tro)|{_BODIES})|(?:, |(?<!\w)(?:do|tu|tai|qua) ){_BODIES}"
)
# Who pays: "do quỹ bảo hiểm y tế chi trả", "tự thanh toán", "ngân sách nhà nước bảo đảm".
_PAYS = re.compile(r"(?<!\w)(?:chi tra|thanh toan|tu chi tra|tu thanh toan|bao dam kinh phi|ngan sach|kinh phi)(?!\w)")
# A question about who pays, rather than who acts.
PAYER_QUESTION = re.compile(
    r"(?<!\w)(?:ai (?:chi )?tra|chi tra|thanh toan|kinh phi|ngan sach|do dau|tien (?:dau|o dau))(?!\w)"
)
_SENTENCE_END = re.compile(r"(?:(?<!\d)[.;](?:\s|$)|\n)")  # "2." numbers a clause, it ends nothing


@lru_cache(maxsize=32768)
def _folded_sentence(sentence: str) -> str:
    return re.sub(r"\s+", " ", fold(nfc(sentence)).lower())


@lru_cache(maxsize=32768)
def folded_words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text)) + " "


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or enumeration item of a unit's text."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() - start > 1:
            spans.append((start, match.end()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _sentence_at(text: str, offset: int) -> str:
    for start, end in sentences(text):
        if start <= offset < end:
            return text[start:end]
    return text


@lru_cache(maxsize=16384)
def _quantities(text: str) -> tuple[tuple[str, Amount], ...]:
    return tuple(scan_quantities(text))


# What the span and agency bonuses read of a unit depends on the unit alone, and the same units come back question
# after question: read once (its sentences' terms and marks), then only weighed against each question's terms.
@lru_cache(maxsize=8192)
def _quantity_sentences(text: str, context: str) -> tuple[tuple[str, bool, frozenset[str]], ...]:
    """(unit, is a ceiling, terms of its sentence read with the unit's context) of each quantity a unit states."""
    return tuple(
        (amount.unit, bool(amount.cap), unit_terms(_sentence_at(text, amount.start) + " " + context))
        for _role, amount in _quantities(text)
    )


@lru_cache(maxsize=8192)
def _agency_sentences(text: str, context: str) -> tuple[tuple[frozenset[str], bool, bool], ...]:
    """(terms read with the unit's context, names who pays, opens on a body) of each sentence of a unit."""
    read = []
    for start, end in sentences(text):
        sentence = text[start:end]
        folded = _folded_sentence(sentence)
        read.append(
            (
                unit_terms(sentence + " " + context),
                bool(_PAYS.search(folded_words(folded))),
                bool(_AGENCY_HEAD.search(folded)),
            )
        )
    return tuple(read)


class Cover:
    """The question's weighted coverage of a piece of text (syllables and bigrams, as compose scores units);
    of only some of its terms (`asked`: its asking sentence's, asking_cover.asking_covered) when given."""

    def __init__(self, question: m.Question, weight: dict[str, float], asked: frozenset[str] | None = None):
        syllables = question.syllables if asked is None else frozenset(t for t in asked if "_" not in t)
        bigrams = question.bigrams if asked is None else frozenset(t for t in asked if "_" in t)
        # (sorted: sums in a set's order vary with the process's string hashes)
        self.syllables = {t: weight.get(t, 0.0) for t in sorted(syllables)}
        self.bigrams = {t: weight.get(t, 0.0) for t in sorted(bigrams)}
        self.syllable_mass = sum(self.syllables.values()) or 1.0
        self.bigram_mass = sum(self.bigrams.values()) or 1.0

    def __call__(self, text: str) -> float:
        return self.of_terms(unit_terms(text))

    def of_terms(self, terms: frozenset[str]) -> float:
        syllables, bigrams = self.syllables, self.bigrams
        syllable = sum(map(syllables.__getitem__, filter(terms.__contains__, syllables))) / self.syllable_mass
        if not bigrams:
            return syllable
        bigram = sum(map(bigrams.__getitem__, filter(terms.__contains__, bigrams))) / self.bigram_mass
        return 0.4 * syllable + 0.6 * bigram


def _context(candidate: Candidate) -> str:
    # A point is read with its clause's lead-in and its article's heading ("Thời hạn ... gồm:").
    return " ".join(p for p in (candidate.article.title, candidate.lead_in) if p)


def span_bonus(candidate: Candidate, question: m.Question, cover: Cover) -> float:
    """How long / how much: the best time span (or sum) whose sentence the question covers."""
    asked_unit = _ASKED_UNIT.search(question.folded)
    # "tối đa mấy năm" asks a span too, unless it asks for a prison term (the penalty intent).
    wants_time = question.asks_duration or bool(asked_unit and not question.has(m.PENALTY))
    wants_money = question.asks_money or (question.has(m.AMOUNT) and not wants_time)
    if not (wants_time or wants_money):
        return 0.0
    asks_ceiling = bool(_ASKS_CEILING.search(question.folded))
    best = 0.0
    for unit, cap, terms in _quantity_sentences(candidate.text, _context(candidate)):
        if unit in TIME_UNITS and wants_time:
            value = 1.0
            if asked_unit and TIME_UNITS[unit] != asked_unit.group(1):
                value = UNIT_MISMATCH
        elif unit in MONEY_UNITS and wants_money:
            value = 1.0
        else:
            continue
        if cap and asks_ceiling:
            value *= CEILING_FACTOR  # "tối đa mấy năm": the sentence stating a ceiling
        best = max(best, value * cover.of_terms(terms))
    if best:
        candidate.reasons.append(f"span in the asked sentence {best:.2f}")
    return SPAN_BONUS * best


def agency_bonus(candidate: Candidate, question: m.Question, cover: Cover) -> float:
    """Who acts or pays: the clause opening with a body of the state (or a fund), or the sentence
    naming who pays, weighted by how much of the question that sentence covers."""
    if not question.has(m.AGENCY):
        return 0.0
    best = 0.0
    payer_asked = bool(PAYER_QUESTION.search(question.folded))
    for terms, pays, agency_head in _agency_sentences(candidate.text, _context(candidate)):
        if payer_asked and pays:
            best = max(best, PAYER_BONUS * cover.of_terms(terms))
        elif agency_head:
            best = max(best, AGENCY_SUBJECT_BONUS * cover.of_terms(terms))
    if best:
        candidate.reasons.append(f"names who acts/pays {best:.2f}")
    return best


SUPPORT_INTENTS = (m.AMOUNT, m.PROCEDURE, m.AGENCY, m.ENTITLEMENT, m.HOTLINE)
NAMED_TEXT_BONUS = 0.1  # "theo Luật Phòng, chống mua bán người": that text's own clause first
HEADING_SHARE = 0.4  # share of an article heading's bigrams the question must contain
HEADING_MIN_BIGRAMS = 3
HEADING_DOCUMENTS = 3  # the top retrieved texts whose other articles are looked at by heading
MAX_HEADING_ARTICLES = 6


def named_text_bonus(candidate: Candidate, question: m.Question, named: list) -> float:
    # ("Theo Nghị định 56/2017, cháu có thuộc nhóm ... không?": who qualifies under the text named, too; and a question
    # naming a text that reads no intent, "Nghị quyết 02/2019 hướng dẫn hành vi ... ở khoản, điểm nào?", heldout20)
    asked = (*SUPPORT_INTENTS, m.ELIGIBILITY, m.GENERAL)
    if not question.has(*asked) or question.intent in (m.LOOKUP, m.STATUS, m.DETAILING):
        return 0.0
    if any(candidate.document.number == d.number for d in named):
        candidate.reasons.append("in the text the question names")
        return NAMED_TEXT_BONUS
    return 0.0


def heading_articles(question: m.Question, documents: list) -> list:
    """(document, article) pairs whose heading the question nearly spells out ("thẩm định hồ sơ
    đề nghị cấp Giấy phép" -> "Thẩm định hồ sơ đề nghị cấp Giấy phép thành lập"), from the texts
    search ranked first: a procedure or time limit sits in the article its heading names, which
    the body's words alone may rank below a neighbouring article."""
    if not question.has(*SUPPORT_INTENTS) or not question.bigrams:
        return []
    found = []
    for document in documents[:HEADING_DOCUMENTS]:
        for article in document.articles:
            title = unit_terms(article.title or "")
            title_bigrams = {t for t in title if "_" in t}
            shared = title_bigrams & question.bigrams
            if len(shared) >= HEADING_MIN_BIGRAMS and len(shared) >= HEADING_SHARE * len(title_bigrams):
                found.append((len(shared) / len(title_bigrams), document, article))
    found.sort(key=lambda item: -item[0])
    return [(document, article) for _, document, article in found[:MAX_HEADING_ARTICLES]]


# Among clauses saying nearly the same, the higher text answers: a law's clause before the decree
# or circular repeating it ("Nhà nước tạo điều kiện ... hồi hương" before the circular's task list).
# Procedures are the exception: their steps and time limits live in the sub-law texts.
HIERARCHY = {"Bộ luật": 0.06, "Luật": 0.06, "Nghị định": 0.03}


def hierarchy_bonus(candidate: Candidate, question: m.Question) -> float:
    if question.intent not in (m.ENTITLEMENT, m.AGENCY, m.AMOUNT, m.HOTLINE):
        return 0.0
    return HIERARCHY.get(candidate.document.type, 0.0)


# --- the chain law -> decree -> circular behind an amount ----------------------------------

MAX_CHAIN_STEPS = 2
CHAIN_COVERAGE = 0.5  # a chain article is quoted when it is about the question too (chain_order)


def legal_chain(first: Candidate, store, cover: Cover | None = None) -> list[tuple[str, str]]:
    """(document, article) pairs the quoted clause details, highest text first: a circular's clause
    "theo Điều 19 Nghị định 09/2013" -> that decree article -> the law article it details
    (QUY_DINH_CHI_TIET relations and the provisions' `governing`, computed at ingest)."""
    chain: list[tuple[str, str]] = []
    number, unit_id, article = first.document.number, first.unit_id, first.article.number
    for _ in range(MAX_CHAIN_STEPS):
        provisions = store.provisions_of(number)
        ids = [unit_id]
        if number == first.document.number:
            clause = m.clause_of(first)
            ids += [point.id for point in (clause.children if clause else [])] + [first.parent_id or ""]
        governing = next(
            (list(provisions[i].governing) for i in ids if i in provisions and provisions[i].governing), []
        )
        if not governing:
            governing = next((list(p.governing) for p in provisions.values() if p.article_number == article), [])
        steps = [(d, a) for d, a in governing if (d, a) not in chain and d != number and _may_detail(store, number, d)]
        if cover is not None and len(steps) > 1:
            # A decree article detailing two law articles (Điều 37 and 38): the one the question is about.
            steps.sort(key=lambda step: -cover(_article_text(store, *step)))
        step = steps[0] if steps else None
        if step is None:
            break
        chain.append(step)
        number, article, unit_id = step[0], step[1], ""
    return list(reversed(chain))


def _may_detail(store, detailing: str, detailed: str) -> bool:
    """A text cannot detail a law that took effect after it (a 2011 circular and the 2017 law
    replacing the one it detailed): such a link is a citation, not the chain."""
    lower, upper = store.document(detailing), store.document(detailed)
    if lower is None or upper is None or lower.effective is None or upper.effective is None:
        return upper is not None
    return lower.effective >= upper.effective


def _article_text(store, number: str, article_number: str) -> str:
    document = store.document(number)
    article = next((a for a in document.articles if a.number == article_number), None) if document else None
    return f"{article.title} {article.text}" if article else ""


def chain_summary(chain: list[tuple[str, str]], store) -> str:
    parts = []
    for number, article in reversed(chain):
        document = store.document(number)
        kind = {"Luật": "Luật", "Nghị định": "Nghị định"}.get(document.type if document else "", "")
        parts.append(f"Điều {article} {kind + ' ' if kind else ''}{number}")
    return f" (chi tiết {', '.join(parts)})" if parts else ""


PROCEDURE_MISMATCH = 0.1
_PROCEDURE_HEADING = re.compile(r"^(?:\d+ )?(?:ho so|thu tuc|trinh tu)(?!\w)")


def procedure_mismatch(candidate: Candidate, question: m.Question) -> float:
    """What is granted ("được giúp gì") is not answered by an article or clause headed "Hồ sơ, thủ
    tục ..." / "Trình tự ...": it says how to claim the benefit, though its heading repeats the
    benefit's name (so its title match is void too). Who decides on a claim is in the procedure,
    so agency questions keep it, as procedure questions do."""
    if question.has(m.PROCEDURE, m.AGENCY):
        return 0.0
    if not question.has(m.ENTITLEMENT, m.ELIGIBILITY, m.AMOUNT, m.LEGAL_AID):
        # nothing granted is asked ("có phải ra quyết định mới không"): the procedure may well answer
        return 0.0
    heading = candidate.lead_in if candidate.kind == "diem" else candidate.text
    for text in (candidate.article.title, heading[:40]):
        if _PROCEDURE_HEADING.search(folded(text)):
            candidate.reasons.append("a claim procedure, not the benefit")
            return PROCEDURE_MISMATCH
    return 0.0


DUTY_HEADING_BONUS = 0.15
# "Trách nhiệm của Bộ Tư pháp", "Nhiệm vụ của Tổng đài ...", "Nghĩa vụ của người được trợ giúp pháp lý"
_DUTY_HEADING = re.compile(r"^(?:trach nhiem|nhiem vu(?: va quyen han)?|nghia vu)(?: cua)? (.+)$")
_ASKS_DUTY = re.compile(r"(?<!\w)(?:trach nhiem|nhiem vu|nghia vu|phai lam|lam gi|phai (?:thuc hien|xu ly))(?!\w)")
# "Nhà trường và các cơ sở giáo dục, đào tạo tham gia phòng ngừa mua bán người" (66/2011 Điều 12-18): a body's
# part in prevention, headed by the body
_ROLE_HEADING = re.compile(r"^(.+?) tham gia phong (?:ngua|chong)(?!\w)")
# (and what people leave out of a body's name: "Hội Phụ nữ" is the "Hội Liên hiệp phụ nữ Việt Nam")
_HOLDER_FILLER = frozenset({"cac", "va", "cua", "trong", "ve", "lien", "hiep", "viet", "nam"})


def _holder_said(named: str, question: m.Question, filler: frozenset[str]) -> bool:
    """Every word of the holder a heading names ("Bộ Tư pháp", "người được trợ giúp pháp lý"), but `filler`, is in
    the question."""
    holder = [w for w in named.split() if w not in filler]
    asked = set(question.folded.split())
    return bool(holder) and all(w in asked for w in holder)


def duty_heading_bonus(candidate: Candidate, question: m.Question) -> float:
    """ "BTP có trách nhiệm gì": the article headed with the duties of the body the question names
    ("Trách nhiệm của Bộ Tư pháp"), before another body's duties sharing the rest of the words."""
    if not _ASKS_DUTY.search(question.folded):
        return 0.0
    title = folded(candidate.article.title)
    heading = _DUTY_HEADING.match(title)
    role = None if heading else _ROLE_HEADING.match(title)
    if heading is not None:
        named = heading.group(1)
    elif role is not None:
        named = role.group(1).split(" va ")[0]  # ("Nhà trường và các cơ sở giáo dục": the first body named)
    else:
        return 0.0
    if _holder_said(named, question, _HOLDER_FILLER):
        candidate.reasons.append("the duties of the body asked about")
        return DUTY_HEADING_BONUS
    return 0.0


# "Quyền của người được trợ giúp pháp lý", "Quyền và nghĩa vụ của ..."
_RIGHTS_HEADING = re.compile(r"^quyen(?: va nghia vu)?(?: cua)? (.+)$")
# "có phải trả tiền không", "có xin đổi người khác được không", "bố mẹ có thể đứng ra yêu cầu thay không"
_ASKS_RIGHT = re.compile(r"(?<!\w)(?:co (?:phai|duoc|quyen|the)|duoc (?:\w+ ){0,4}khong)(?!\w)")
# (who holds the right is said without "người được": "nạn nhân xin TGPL có phải trả tiền không")
_RIGHT_HOLDER_FILLER = _HOLDER_FILLER | {"nguoi", "duoc"}


def rights_heading_bonus(candidate: Candidate, question: m.Question) -> float:
    """ "Người được TGPL có phải trả tiền không": the article headed with the rights of the one asking
    ("Quyền của người được trợ giúp pháp lý", 11/2017 Điều 8), whose short clauses share few words with the
    question, before the articles on fees and contracts that share many."""
    heading = _RIGHTS_HEADING.match(folded(candidate.article.title))
    if heading is None or not _ASKS_RIGHT.search(question.folded):
        return 0.0
    if _holder_said(heading.group(1), question, _RIGHT_HOLDER_FILLER):
        candidate.reasons.append("the rights of the one asked about")
        return DUTY_HEADING_BONUS
    return 0.0
