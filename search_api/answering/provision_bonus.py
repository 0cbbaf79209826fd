"""Compose stage, the provision bonus: a unit the ingest's extraction read as a provision (an entitlement or right,
an amount, a time limit, the agency that acts) is worth more to a question asking for one. Split from compose.py,
which adds this part to each unit's score (candidate.parts["provision"])."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.amounts import extract_deadlines
from ingest.entitlements import Provision
from search_api.answering import models as m
from search_api.answering.models import Candidate
from search_api.corpus_store import CorpusStore

PROVISION_BONUS = 0.08
AMOUNT_BONUS = 0.15
AGENCY_BONUS = 0.04  # 0.08 until session 9: nine dev sets +1 SQLite, +2 Elasticsearch at 0.04, nothing lost
DURATION_BONUS = 0.12
MONEY_BONUS = 0.08
MAXIMUM_BONUS = 0.1
ASKS_MAXIMUM = re.compile(r"(?<!\w)(?:toi da|nhieu nhat|khong qua|dai nhat)(?!\w)")
TIME_UNITS = frozenset({"ngày", "ngày làm việc", "tháng", "năm", "giờ", "buổi làm việc"})


def provision_bonus(candidate: Candidate, question: m.Question, store: CorpusStore) -> float:
    if not (question.has(m.ENTITLEMENT, m.AMOUNT, m.AGENCY, m.LEGAL_AID) or question.asks_duration):
        return 0.0
    provisions = store.provisions_of(candidate.document.number)
    provision = provisions.get(candidate.unit_id)
    if provision is not None:
        return bonus_for(provision, question)
    if candidate.kind == "khoan":
        # An enumerating clause ("được hưởng các chế độ sau đây: a) ...") is as much a
        # provision as its best point.
        clause = m.clause_of(candidate)
        points = [provisions[c.id] for c in (clause.children if clause else []) if c.id in provisions]
        if points:
            return max(bonus_for(p, question) for p in points)
    if question.asks_duration and not question.asks_money and states_time_limit(candidate.text):
        # An agency's step with its time limit ("Trong thời hạn 04 ngày làm việc ..., Giám đốc Trung tâm
        # ... trình") is no victim's provision, yet it is what "bao lâu" asks.
        return DURATION_BONUS
    return 0.0


@lru_cache(maxsize=8192)
def states_time_limit(text: str) -> bool:
    return any(a.unit in TIME_UNITS for a in extract_deadlines(text))


def bonus_for(provision: Provision, question: m.Question) -> float:
    bonus = (
        PROVISION_BONUS
        if question.has(m.ENTITLEMENT, m.LEGAL_AID) and provision.kind in ("entitlement", "right")
        else 0
    )
    # "Mấy ngày", "bao nhiêu ngày" read as an amount too; a time limit is what they ask, so the
    # duration bonus alone applies (else any clause with a sum or a span outranks the deadline).
    if question.has(m.AMOUNT) and provision.amounts and not (question.asks_duration and not question.asks_money):
        bonus += AMOUNT_BONUS
        if question.asks_money and any(a.unit == "đồng" for a in provision.amounts):
            bonus += MONEY_BONUS
    if question.asks_duration and (provision.deadlines or any(a.unit in TIME_UNITS for a in provision.amounts)):
        bonus += DURATION_BONUS
        spans = [a for a in provision.deadlines + provision.amounts if a.unit in TIME_UNITS]
        if ASKS_MAXIMUM.search(question.folded) and any(a.cap for a in spans):
            bonus += MAXIMUM_BONUS  # "tối đa bao nhiêu ngày": the clause stating a ceiling
    if question.has(m.AGENCY) and provision.agency:
        bonus += AGENCY_BONUS
    return bonus
