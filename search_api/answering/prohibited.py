"""Whether a named text prohibits the act a story tells: "Người nhà tên buôn người kéo đến TT TGPL quát tháo, dọa TGV
... Luật TGPL 2017 cấm hành vi này ở điều, khoản nào?", "Luật PCMBN 2011 có cấm thẳng kiểu lợi dụng công tác phòng
chống mua bán người để kiếm lời như vậy không?".

The answer is the named text's article of prohibited acts ("Các hành vi bị nghiêm cấm"), opened by its clause the
ranking put highest. Word overlap alone could not get there: the story's words make most of the question, a
prohibited act is said in a line ("Lợi dụng hoạt động phòng, chống mua bán người để trục lợi"), and every clause of
that article stayed under the quoting bar, so the questions were declined with the article among the nearest
(heldout23, heldout27). When the act told is not among the clauses, the article itself is still the answer to "is it
prohibited": what the text prohibits, in its words.
"""

from __future__ import annotations

import re

from search_api.answering import models as m
from search_api.answering.cues import ASKS_PROHIBITED
from search_api.answering.evidence import Evidence
from search_api.answering.models import Candidate, nested, same_article
from search_api.answering.support import DUTY_HEADING_BONUS
from search_api.answering.terms import folded

DEPTH = 20  # the prohibited act is looked for among the first twenty units of the ranking
QUOTED = 3


_PROHIBITED_HEADING = re.compile(r"(?<!\w)hanh vi bi (?:nghiem )?cam(?!\w)")


def prohibits(heading: str) -> bool:
    """A folded article heading of prohibited acts ("Các hành vi bị nghiêm cấm")."""
    return bool(_PROHIBITED_HEADING.search(heading))


def prohibited_acts_bonus(candidate: Candidate, question: m.Question) -> float:
    """ "Giả mạo là nạn nhân ... có bị cấm không": the law's article of prohibited acts ("Các hành vi bị nghiêm cấm",
    66/2011 Điều 3), whose one-line clauses share few words with a story (heldout15: khoản 11 ranked 23rd, after the
    verification procedure the story's words matched)."""
    if not ASKS_PROHIBITED.search(question.folded) or not prohibits(folded(candidate.article.title)):
        return 0.0
    candidate.reasons.append("the prohibited acts, asked whether an act is prohibited")
    return DUTY_HEADING_BONUS


def named_text_prohibition(evidence: Evidence, ordered: list[Candidate]) -> list[Candidate]:
    """The best-ranked units (QUOTED at most, none nested in another) of a named text's prohibited-acts article, when
    the question asks whether it prohibits; none otherwise. (Several: each is a one-line act, and the ranking tells
    apart acts a story tells in its own words less surely than it finds the article.)"""
    question = evidence.question
    if not evidence.named_documents or not ASKS_PROHIBITED.search(question.asking_words or question.folded):
        return []
    named = {document.number for document in evidence.named_documents}
    chosen: list[Candidate] = []
    for candidate in ordered[:DEPTH]:
        if candidate.document.number not in named or not prohibits(folded(candidate.article.title)):
            continue
        if chosen and not same_article(candidate, chosen[0]):
            continue  # (one article: the first found)
        if nested(candidate, chosen):
            continue
        chosen.append(candidate)
        if len(chosen) == QUOTED:
            break
    return chosen
