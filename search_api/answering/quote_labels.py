"""How an answer names the units it quotes: "khoản 2 Điều 34 Luật 66/2011/QH12" in one line, and the one-line
summary of an amount ("tối thiểu 30.000 đồng/người/ngày, tối đa 60 ngày — điểm a khoản 1 Điều 4 TTLT 134/2013/...")
built from the provisions extracted at ingest."""

from __future__ import annotations

import re

from ingest.model import Document
from search_api.answering.evidence import article_candidates
from search_api.answering.models import Candidate
from search_api.answering.terms import spells_out_heading
from search_api.corpus_store import CorpusStore

# A point opening with its own short label ("a) Tiền ăn: Hỗ trợ tiền ăn ..."), as the circulars fixing amounts write
# them: the label names what the point's sum is for.
_POINT_LABEL = re.compile(r"^\s*(?:[a-zđ]\)|-)?\s*([^:\n]{3,60}):")
LABEL_WORDS = 6
# (coverage is the question's share, 0-1; it breaks near ties only: "tiền ăn cho nạn nhân" covered point c 0.06 more
# than point a, "tiền ăn đường cho nạn nhân về quê" 0.18 more, rightly, and 0.2 then gave development A-055 point a)
LABEL_SAID_BONUS = 0.1


def label_said(text: str, question_folded: str) -> bool:
    """The point's short label is said whole by the question: "tiền ăn cho nạn nhân ... bao nhiêu" asks point a of
    TTLT 134/2013 Điều 4 khoản 1 ("Tiền ăn: ... tối thiểu 30.000 đồng/người/ngày"), not point c, whose travel meals
    ("Chi tiền tàu xe và tiền ăn cho nạn nhân ...") shared more of its words (the summary line said 40.000 đồng)."""
    match = _POINT_LABEL.match(text)
    if match is None or len(match.group(1).split()) > LABEL_WORDS:
        return False
    return spells_out_heading(match.group(1), question_folded, 2)


# A clause or point opening with whom it is for ("3. Đối với tình nguyện viên: a) ..."): siblings differ in that
# subject alone, and word overlap with the rest of a story cannot tell them apart.
_SUBJECT = re.compile(r"^\s*(?:\d+\.|[a-zđ]\))?\s*đối với ([^:;.,\n]{3,60})", re.IGNORECASE)
SUBJECT_WORDS = 3  # (a subject this long said whole: "tình nguyện viên"; not "trẻ em", said of every forum)
SUBJECT_SAID_BONUS = 0.15


def subject_said(candidate: Candidate, question_folded: str) -> bool:
    """The unit (or its clause's lead-in) opens with "Đối với X" and the question says X whole: "tình nguyện viên phải
    đáp ứng những tiêu chí gì" asks 29/2019 Điều 8 khoản 3 ("Đối với tình nguyện viên"), not khoản 1 ("Đối với trẻ
    em"), which covered more of the story (heldout31)."""
    for text in (candidate.lead_in, candidate.text):
        match = _SUBJECT.match(text or "")
        if match is not None and len(match.group(1).split()) >= SUBJECT_WORDS:
            return spells_out_heading(match.group(1), question_folded, SUBJECT_WORDS)
    return False


def short_label(document: Document) -> str:
    """'BLHS 100/2015/QH13', 'TTLT 134/2013', 'NĐ 09/2013/NĐ-CP': how a worker cites a text in one line."""
    short = {"Bộ luật": "Bộ luật", "Luật": "Luật", "Nghị định": "Nghị định", "Thông tư liên tịch": "TTLT"}
    return f"{short.get(document.type, document.type)} {document.number}"


def unit_label(candidate: Candidate) -> str:
    parts = []
    if candidate.kind == "diem":
        parts.append(f"điểm {candidate.number} khoản {candidate.clause_number}")
    elif candidate.kind == "khoan":
        parts.append(f"khoản {candidate.number}")
    if candidate.article.number:
        parts.append(f"Điều {candidate.article.number}")
    parts.append(short_label(candidate.document))
    return " ".join(parts)


def amount_summary(candidate: Candidate, store: CorpusStore, cover=None) -> str | None:
    """'tối thiểu 30.000 đồng/người/ngày, tối đa 60 ngày — điểm a khoản 1 Điều 4 TTLT 134/2013/...'
    For a quoted clause, the point the question is about (cover: the question's coverage of a text)
    states the amount; without cover, the first point stating one."""
    provisions = store.provisions_of(candidate.document.number)
    found = []
    if candidate.unit_id in provisions:
        found = [(candidate, provisions[candidate.unit_id])]
    elif candidate.kind == "khoan":
        points = [
            c for c in article_candidates(candidate.document, candidate.article, 0) if c.parent_id == candidate.unit_id
        ]
        if cover is not None:
            # the point the question is about; when it states no sum ("tiền tàu xe"), no other point's
            # sum (the food allowance's 60 days) stands in for it
            points.sort(key=lambda c: -cover(c.text))
            points = points[:1]
        points = [c for c in points if c.unit_id in provisions and provisions[c.unit_id].amounts]
        found = [(unit, provisions[unit.unit_id]) for unit in points[:1]]
    for unit, provision in found:
        if provision.amounts:
            texts = []
            for amount in provision.amounts[:3]:
                prefix = "tối thiểu " if amount.floor and not amount.cap else "tối đa " if amount.cap else ""
                spoken = amount.text if amount.text.lower().startswith(("tối", "không")) else prefix + amount.text
                texts.append(spoken)
            return f"{', '.join(dict.fromkeys(texts))} — {unit_label(unit)}"
    return None
