"""How well a unit answers the question's asking sentence, the sentence after a story that asks.

A story told before the question dilutes the whole question's coverage, not the evidence: the answer bar
(check.answer_threshold) is a share of the whole question's weighted terms, and a long story's words are most of
them. Two readings of the asking sentence let a unit under the bar answer all the same, and a third reading of what
the question names:
- asking_covered: a quoted unit covers most of the asking sentence (ASKING_COVERAGE);
- agreed_and_asked: the question searched whole and its asking sentence searched alone rank the same article first
  (evidence.agreed_article), and the leading unit covers a good share of the asking sentence;
- named_text_leads: the leading unit comes from a text the question names (answered with a low confidence);
- heading_said: the question says the leading unit's article heading word for word.
"""

from __future__ import annotations

import re

from search_api.answering.evidence import Evidence, is_stub
from search_api.answering.models import Candidate
from search_api.answering.support import Cover
from search_api.answering.terms import folded, spells_out_heading, unit_terms

ASKING_COVERAGE = 0.6
# Measured on the twenty-seven development sets (session 26): 0.4 answered 4 (SQLite) and 12 (Elasticsearch) false
# declines, 4 and 8 of them with the fact first, and answered no unanswerable question; 0.35 one more on SQLite.
AGREED_ASKING_COVERAGE = 0.4
HEADING_SAID = 4  # a heading this long said word for word names what is asked ("Không tố giác tội phạm")


def _asking_cover(evidence: Evidence) -> Cover | None:
    """The question's coverage of its asking sentence's terms alone, or None when no sentence asks apart."""
    asked = evidence.question.asking_terms
    return Cover(evidence.question, evidence.weights, asked) if asked else None


def _covered(cover: Cover, unit: Candidate) -> float:
    """The share of the asking sentence a unit covers, read with its article's and document's titles."""
    terms = unit_terms(unit.text) | unit_terms(unit.article.title) | unit_terms(unit.document.title or "")
    return cover.of_terms(terms)


def asking_covered(evidence: Evidence, quotes: list[Candidate]) -> bool:
    """A quoted clause covers at least ASKING_COVERAGE of the asking sentence's weighted terms."""
    cover = _asking_cover(evidence)
    return cover is not None and any(_covered(cover, q) >= ASKING_COVERAGE for q in quotes[:3])


def agreed_and_asked(evidence: Evidence, lead: Candidate) -> bool:
    """The two searches agree on the lead's article, and the lead covers AGREED_ASKING_COVERAGE of the asking sentence:
    "Trận lũ quét vừa rồi làm sập điểm trường ... Luật Trẻ em có quy định riêng quyền của trẻ em khi gặp thiên tai
    không?" (heldout25: declined with Luật Trẻ em Điều 31 first among the nearest articles)."""
    if evidence.agreed_article != (lead.document.number, lead.article.id):
        return False
    cover = _asking_cover(evidence)
    return cover is not None and _covered(cover, lead) >= AGREED_ASKING_COVERAGE


def named_text_leads(evidence: Evidence, lead: Candidate) -> bool:
    """The lead comes from a text the question names and the collection holds: "Bé trai ... Nếu TA xử hắn dưới 3 năm
    tù thì theo NQ 02/2018/NQ-HĐTP hắn có thể được hưởng án treo không?" (heldout28) ranked that text's clause on
    fugitives first, under the bar: the story dilutes coverage. The named text's best unit answers, with a low
    confidence (confidence.NAMED_TEXT_ONLY), rather than a decline saying the collection holds no such provision.
    Measured on the thirty-one development sets (session 29): 27 false declines answered on SQLite, 13 with the fact
    first; no unanswerable question answered (a floor on the asking sentence's coverage answered fewer, losing none)."""
    return any(lead.document.number == d.number for d in evidence.named_documents if not is_stub(d))


def heading_said(evidence: Evidence, lead: Candidate) -> bool:
    """The question says the lead's article heading whole: "... tòa đưa gã vào bệnh viện tâm thần bắt buộc chữa bệnh
    gần 2 năm. ... có được coi như đã ở tù không?" (heldout31) names Điều 49 BLHS "Bắt buộc chữa bệnh"; the story
    around it dilutes coverage, not the evidence. A heading said negated names another article: "không tố giác tội
    phạm" is Điều 19 "Không tố giác tội phạm", not a heading "Tố giác tội phạm"."""
    words = evidence.question.folded
    negated = re.search(rf"(?<!\w)(?:khong|chua) {re.escape(folded(lead.article.title))}(?!\w)", words)
    return spells_out_heading(lead.article.title, words, HEADING_SAID) and not negated
