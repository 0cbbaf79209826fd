"""How the chosen quotes are shaped once scored: the whole of a short article when two of its clauses
score nearly alike (word overlap cannot tell which states the fact), and the article a question names
first in a ranked answer. Measured in bench/RESULTS.md, "Answers: round 6"."""

from __future__ import annotations

import re

from search_api.answering import models as m
from search_api.answering.asking import asks_before_last
from search_api.answering.compose import MAX_QUOTES, whole_article
from search_api.answering.evidence import Evidence
from search_api.answering.models import Candidate, whole_unit
from search_api.answering.quote_labels import unit_label
from search_api.answering.terms import folded, spells_out_heading

SIBLING_SHARE = 0.9  # merge_siblings: 0.8 and 0.95 measured, same gains at 0.8, fewer at 0.95
SIBLING_ARTICLE_CHARS = 2000  # 3000 measured: two more right first quotes, at the cost of longer ones


def merge_siblings(quotes: list[Candidate]) -> list[Candidate]:
    """Two clauses of one short article scored nearly alike (the second at least SIBLING_SHARE of
    the first): word overlap cannot tell which of them states the fact — most often the case of two
    neighbouring clauses, one naming the duty, the other its holder or its limit — and quoting one
    is a coin toss. The article is then quoted whole, in place of both, when it stays readable
    (SIBLING_ARTICLE_CHARS, about one screen). Measured in bench/RESULTS.md (answers round 6)."""
    if len(quotes) < 2:
        return quotes
    first, second = quotes[0], quotes[1]
    if (
        first.document.number != second.document.number
        or first.article.id != second.article.id
        or first.kind == "dieu"
        or second.score < first.score * SIBLING_SHARE
        or len(first.article.text) > SIBLING_ARTICLE_CHARS
    ):
        return quotes
    article = first.article
    whole = _whole_in_place_of(first)
    labels = ", ".join(unit_label(q).split(" Điều ")[0] for q in (first, second))  # "khoản 1, khoản 2"
    whole.reasons.append(f"two of its units answer nearly alike ({labels})")
    rest = [q for q in quotes[2:] if (q.document.number, q.article.id) != (first.document.number, article.id)]
    return [whole, *rest]


def _whole_in_place_of(lead: Candidate) -> Candidate:
    """The lead's article as one quote, standing where the lead stood (its rank, coverage, score and parts)."""
    article = lead.article
    whole = whole_unit(lead.document, article, lead.rank)
    whole.coverage, whole.score, whole.parts = lead.coverage, lead.score, dict(lead.parts)
    return whole


HEADING_WORDS = 6  # an article heading this long, spelt out in the question, is what it asks about


# "ngoài các điều kiện ở k2 Đ11 Luật TGPL, việc lập Chi nhánh còn phải dựa vào gì": the article named is set aside,
# the question asks what else applies (heldout31 opened with the Law's Điều 11 khoản 2)
_ARTICLE_SET_ASIDE = re.compile(r"(?<!\w)ngoai (?:\w+ ){0,5}?(?:(?:khoan|k) ?\d+ )?(?:dieu|d) ?\d+(?!\w)")


def told_or_set_aside(question: m.Question, typed: str) -> bool:
    """The article the question names is not what it asks: told in the story before the asking sentence ("xử về 2 tội:
    môi giới mại dâm (Đ328 BLHS) và ... Theo NQ 02/2018 có được hưởng án treo không?", heldout13), or set aside
    ("ngoài ... Đ11"). Both are read in the words typed (`typed`: abbreviations spelt out, no legal wording added)."""
    told = question.article_in_story and not asks_before_last(question.text)
    return told or bool(_ARTICLE_SET_ASIDE.search(typed))


def named_article_first(
    quotes: list[Candidate], ordered: list[Candidate], named, words: str = "", clause: str | None = None
) -> list[Candidate]:
    """The question names an article ("Đ153 BLHS ... tội gì"): its best unit opens the answer — unless the question
    spells out another article's heading ("k3 Đ151 BLHS thì thời hiệu truy cứu trách nhiệm hình sự là bao nhiêu
    năm": the article named is the case, Điều 27 "Thời hiệu truy cứu trách nhiệm hình sự" the rule asked for). The
    heading is read in the words typed: the legal wording added to "cần TGPL" ("nạn nhân yêu cầu trợ giúp pháp lý")
    spelt Điều 29's "Yêu cầu trợ giúp pháp lý" (heldout31)."""
    document, article = named
    asked = next(
        (
            x
            for x in ordered
            if x.article.id != article.id and spells_out_heading(x.article.title, words, HEADING_WORDS)
        ),
        None,
    )
    if asked is not None:
        asked.reasons.append("its article's heading is spelt out in the question")
        return [asked, *(q for q in quotes if q.key != asked.key)][:MAX_QUOTES]
    own = [x for x in ordered if x.document.number == document.number and x.article.id == article.id]
    # "Theo Đ32 k3 ... em gái đi cùng có được ...": the clause named, not the article's best-covering clause (k1)
    named_clause = [x for x in own if clause and x.kind == "khoan" and x.number == clause]
    if named_clause:
        own = named_clause
    elif not own or (quotes and quotes[0].document.number == document.number and quotes[0].article.id == article.id):
        return quotes
    if quotes and quotes[0].key == own[0].key:
        return quotes
    best = own[0]
    best.reasons.append("the article the question names")
    return [best, *(q for q in quotes if q.key != best.key)][:MAX_QUOTES]


# "Điều 4 quy định những hình thức trợ giúp pháp lý nào": the article's list is asked, every clause of it
ASKS_LIST = re.compile(r"(?<!\w)(?:nhung|cac) (?:\w+ ){0,8}?(?:nao|gi)(?!\w)|(?<!\w)gom (?:nhung )?(?:gi|nao)(?!\w)")


def whole_named_when_unsure(
    quotes: list[Candidate], named, clause: str | None, threshold: float, words: str = ""
) -> list[Candidate]:
    """ "Tôi nghe nói Điều 101 Luật Trẻ em nói về ... — điều đó bắt bố mẹ cháu phải làm gì?": the named article opens,
    but its clause covers the question too little to say it is the one asked about (its neighbours, under the quoting
    floor, scored nearly alike): the short article is quoted whole rather than a clause that may be the wrong one. So
    too when the question asks for the article's list ("quy định những hình thức nào": heldout19 got khoản 4,
    "các hình thức khác", first)."""
    document, article = named
    lead = quotes[0] if quotes else None
    if (
        lead is None
        or clause is not None
        or lead.kind == "dieu"
        or (lead.document.number, lead.article.id) != (document.number, article.id)
        or (lead.coverage >= threshold and not ASKS_LIST.search(words))
        or len(article.text) > SIBLING_ARTICLE_CHARS
    ):
        return quotes
    own = (document.number, article.id)
    rest = [q for q in quotes if (q.document.number, q.article.id) != own]
    whole = _whole_in_place_of(lead)
    whole.reasons += ["named article", "the named article, its clauses covering the question too little to choose one"]
    return [whole, *rest][:MAX_QUOTES]


def named_article_opens(
    quotes: list[Candidate], ordered: list[Candidate], named, clause: str | None, *, eligibility: bool = False
) -> list[Candidate]:
    """A definition or eligibility answer to a question naming an article: that article first — whole
    when no clause is named and it fits on a screen ("những trường hợp nào": every case it lists) — unless an
    eligibility answer already opens with that article's clause on the group asked about."""
    document, article = named
    if eligibility and _opens_with_its_group_clause(quotes, named):
        return quotes
    if clause is None and len(article.text) <= SIBLING_ARTICLE_CHARS:
        own = (document.number, article.id)
        rest = [q for q in quotes if (q.document.number, q.article.id) != own]
        return (whole_article(document, article, None) + rest)[:MAX_QUOTES]
    return named_article_first(quotes, ordered, named)


def _opens_with_its_group_clause(quotes: list[Candidate], named) -> bool:
    """ "Cháu đi cùng mẹ có được hỗ trợ khám bệnh không, theo Đ32 Luật PCMBN?": the named article's clause on the
    group asked about already opens the answer (khoản 3, the minors' three regimes); the whole article in its
    place would open on khoản 1, the six regimes of victims (an outside reader, session 15)."""
    lead = quotes[0] if quotes else None
    return (
        lead is not None
        and lead.kind != "dieu"
        and (lead.document.number, lead.article.id) == (named[0].number, named[1].id)
        and bool(lead.named_groups or "eligibility list naming the group" in lead.reasons)
    )


# "có tính đủ ... của Điều 216 BLHS không", "có bị xử hình sự theo Điều 216 không": whether it applies to the case (not
# "cho tôi xem nội dung Điều 151", which asks for the article)
_WHETHER_APPLIES = re.compile(r"(?<!\w)co(?: \w+){1,16} (?:khong|ko)(?!\w)")


def guidance_applying(evidence: Evidence, ordered: list[Candidate]) -> Candidate | None:
    """A story naming a Code article and asking whether it applies ("trốn đóng 4 tháng rồi 3 tháng — có tính đủ 06 tháng
    trở lên của Điều 216 BLHS không"): the court's guidance clause citing that article, when it covers the question
    better than every unit of the article itself, opens the answer before the article (heldout32 was given Điều 216
    whole). Coverage, not the score: the searches, filtered on the Code, agree on the article and lift all its units."""
    question = evidence.question
    if question.reference_only or evidence.named_article is None or not _WHETHER_APPLIES.search(question.asking_words):
        return None
    code, article = evidence.named_article
    if code.type != "Bộ luật":
        return None
    cited = re.compile(rf"(?<!\w)dieu {re.escape(article.number)}(?!\w)")
    own = max(
        (u.coverage for u in ordered if u.document.number == code.number and u.article.id == article.id), default=0
    )
    guides = [
        u
        for u in ordered
        if u.document.type == "Nghị quyết" and u.kind != "article" and cited.search(folded(u.text)) and u.coverage > own
    ]
    if not guides:
        return None
    best = max(guides, key=lambda u: u.coverage)
    best.reasons.append("the court's guidance on the article named")
    return best


def guidance_then_article(evidence: Evidence, ordered: list[Candidate]) -> list[Candidate]:
    """guidance_applying's clause, then the named article whole; empty when no guidance clause applies."""
    guide = guidance_applying(evidence, ordered)
    if guide is None or evidence.named_article is None:
        return []
    return [guide, *whole_article(*evidence.named_article, None)]
