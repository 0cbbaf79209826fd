"""Stage 3, compose: which units to quote, in which order, and the one-line summary.

Every unit is first scored by lexical coverage: the share of the question's IDF-weighted
folded syllables (40%) and bigrams (60%) found in the unit, its lead-in and its article
title, rarity judged over the whole corpus (store). Coverage alone says whether the corpus
answers at all (check.py); the intent then orders the units that match:
  * lookup     -> the named article itself, whole;
  * penalty    -> the offence's Criminal Code article, the khoản whose points match the
                  circumstances named (có tổ chức, ...), or khoản 1 when none is named;
  * eligibility, legal aid and any question naming a group (foreigners, children,
    accompanying minors) -> the clause naming that group before the general rule;
  * amount     -> the clause fixing the amount, then the articles it details;
  * entitlement-> the provisions of the law, decree and circular;
  * procedure  -> sub-law texts and clauses with time limits;
  * in-force texts (on the asked day) before expired ones.
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ingest.model import QUY_DINH_CHI_TIET, Document
from search_api.answering import models as m
from search_api.answering.asked_role import role_bonus
from search_api.answering.counted import count_bonus
from search_api.answering.evidence import Evidence, article_candidates, is_stub
from search_api.answering.groups import ASKS_SCOPE, group_bonus
from search_api.answering.models import Candidate, nested, same_article, whole_unit
from search_api.answering.prescriber import prescriber_parts
from search_api.answering.prohibited import prohibited_acts_bonus
from search_api.answering.provision_bonus import AGENCY_BONUS, PROVISION_BONUS, provision_bonus
from search_api.answering.quote_labels import SUBJECT_SAID_BONUS, subject_said
from search_api.answering.support import (
    Cover,
    agency_bonus,
    duty_heading_bonus,
    hierarchy_bonus,
    named_text_bonus,
    procedure_mismatch,
    rights_heading_bonus,
    span_bonus,
)
from search_api.answering.terms import QUESTION_WORDS, folded, quoted_phrases, unit_terms
from search_api.answering.time_anchor import anchor_bonus
from search_api.answering.transition import transition_parts
from search_api.corpus_store import CorpusStore
from search_api.governance import replacement_of

MAX_QUOTES = 3
RELATIVE_KEEP = 0.75  # a second or third unit is quoted when nearly as good as the best
GROUP_FLOOR_SHARE = 0.75  # 0.6 measured: same first quotes (heldout5 H5-018 right, a heldout4 false decline gone)
# Whether the collection answers at all is decided on the best coverage (check.supported); once it
# does, the best-scored unit is quoted even a little under that bar: skipping it for a lower-scored
# unit just over the bar put a neighbouring text's procedure first (the collaborator's card dossier
# for a victim's legal-aid request). Below this share of the bar a unit still says too little.
QUOTE_FLOOR_SHARE = 0.8
SYLLABLE_SHARE = 0.4
RANK_STEP = 0.01  # the search ranking breaks ties between equally covering units
# A story told before the question dilutes every unit's coverage alike; how much of the asking sentence a unit covers
# tells which one answers what is asked ("... vụ việc đã kết thúc. Hồ sơ điện tử của vụ đó có được số hóa, lưu ở đâu?").
# Measured on the twenty-one development sets (session 20): 0.15 for story questions only, fact first +9 SQLite / +6
# Elasticsearch, one correct decline fewer on SQLite; 0.25 gave +15 SQLite at two correct declines; given to every
# question (its whole text the asking sentence), 0.15 gave +10 / +8 at two and one correct declines.
ASKING_WEIGHT = 0.15
PROCEDURE_BONUS = 0.06
IN_FORCE_BONUS = 0.03
NOT_YET_PENALTY = 0.1
OFFENCE_DISCOUNT = 0.85
TITLE_BONUS = 0.15  # the article's heading names what is asked ("Quyền của nạn nhân")
GUIDANCE_BONUS = 0.1
# A text that lapsed while the collection holds what applies instead (11/2014/TT-BTP, issued under the 2006 Law
# on Legal Aid; the texts detailing 11/2017/QH14 replace it): history, not the answer, unless asked about its
# time. 0.05 / 0.1 / 0.2 measured on the eight development sets (SQLite): fact first 0 / +1 / +1; 0.1 on
# Elasticsearch: -1 (heldout5 H5-051, whose writer took 11/2014 as in force: its expiry is inferred, unverified).
SUPERSEDED_PENALTY = 0.1
SUB_LAW_TYPES = ("Nghị định", "Thông tư", "Thông tư liên tịch", "Quyết định")


@dataclass
class Composition:
    quotes: list[Candidate] = field(default_factory=list)
    summary: str | None = None
    facts: list[dict] = field(default_factory=list)  # catalogue / relation facts, each with its source
    best_coverage: float = 0.0
    mode: str = "ranked"  # how the quotes were chosen: named_article | penalty | ranked | facts
    chain: list[dict] = field(default_factory=list)  # law -> decree -> clause fixing an amount (chain_order)
    steps: dict | None = None  # a procedure's ordered steps or a dossier's papers (procedure_steps)


def in_force_on(document: Document, day: date | None) -> bool | None:
    """True/False when the dates decide it, None when the collection does not know."""
    if day is None or document.effective is None:
        return None if document.status == "" else document.status == "con_hieu_luc"
    if day < document.effective:
        return False
    return document.expired is None or day < document.expired


def term_weight(term: str, frequency: dict[str, int], total: int) -> float:
    """A term's rarity over the collection's units (an IDF): what covering it is worth; the answer
    threshold (check.answer_threshold) weighs a question's terms the same way."""
    return math.log(1 + total / (1 + frequency.get(term, 0)))


FOCUS_BONUS = 0.15
# "đặt ra những nguyên tắc nào khi ...": the two words before the question word name what is asked; an article
# whose heading opens with them ("Nguyên tắc xác minh, ...") is about it.
_ASKED_NOUN = re.compile(r"(?<!\w)(\w+) (\w+)(?: nao| gi)(?!\w)")
# (besides QUESTION_WORDS: the verb "làm" and the words naming a text, "quy định nào", "văn bản nào", "thông tư nào")
_NOT_A_NOUN = frozenset("lam dinh van ban dieu luat thong tu nghi".split())


SCOPE_BONUS = 0.2
# A story's question searched whole and its asking sentence searched alone rank the same article first: two views of
# the question agree on where the answer is (its clauses then need fewer of the story's words to lead)
AGREED_BONUS = 0.1
QUOTED_BONUS = 0.05  # (0.1 measured on SQLite: the same one question moved, nothing lost)
# ("Đối tượng áp dụng", whom a text applies to; groups._SCOPE_TITLE also takes "Phạm vi điều chỉnh")
_APPLIES_TO_TITLE = re.compile(r"(?<!\w)doi tuong ap dung(?!\w)")


def asked_noun(words: str) -> str:
    """The two-syllable noun the question asks for ("nguyen tac" of "những nguyên tắc nào"), or ""."""
    for match in _ASKED_NOUN.finditer(words):
        first, second = match.group(1), match.group(2)
        if first in QUESTION_WORDS or second in QUESTION_WORDS or first in _NOT_A_NOUN or second in _NOT_A_NOUN:
            continue
        return f"{first} {second}"
    return ""


def score_candidates(evidence: Evidence, store: CorpusStore) -> None:
    question = evidence.question
    snapshot = store.snapshot()
    total, frequency = max(snapshot.unit_count, 1), snapshot.frequency
    # (in sorted order: a set's order follows the process's string hashes, and float sums taken in it differed in
    # their last bits from one process to the next, enough to flip a near-tie between two runs of the same code)
    syllables, bigrams = tuple(sorted(question.syllables)), tuple(sorted(question.bigrams))
    weight = {t: term_weight(t, frequency, total) for t in sorted(question.syllables | question.bigrams)}
    syllable_mass = sum(weight[t] for t in syllables) or 1.0
    bigram_mass = sum(weight[t] for t in bigrams) or 1.0
    evidence.weights = weight
    day = evidence.on_date()
    cover = Cover(question, weight)
    asking_cover = Cover(question, weight, question.asking_terms) if question.asking_text else None
    focus = asked_noun(question.folded)
    quoted = [f" {phrase} " for phrase in quoted_phrases(question.text) if len(phrase.split()) >= 2]
    scope_asked = bool(ASKS_SCOPE.search(question.folded))
    named = {d.number for d in evidence.named_documents}
    named_texts = [*evidence.named_documents, *evidence.issuer_named]
    named_numbers = {d.number for d in named_texts}
    # What depends only on a candidate's document, once per document (a named text brings all its clauses).
    superseded: dict[str, bool] = {}
    for candidate in evidence.candidates:
        document = candidate.document
        if document.number not in superseded:
            superseded[document.number] = superseded_in_collection(document, day, store)
        # A clause is read in its article and its text: "nạn nhân" in the Law on Prevention and Combat of
        # Human Trafficking is a trafficking victim, though the clause never says "mua bán" (a question
        # saying it covered the decree's clause on other victims better than the law's own).
        terms = _read_terms(candidate.text, candidate.article.title, document.title or "", candidate.lead_in or "")
        # (sums in the question's term order, as a generator did, iterated in C: the same floats, a third the time)
        syllable_cover = sum(map(weight.__getitem__, filter(terms.__contains__, syllables))) / syllable_mass
        bigram_cover = (
            sum(map(weight.__getitem__, filter(terms.__contains__, bigrams))) / bigram_mass
            if bigrams
            else syllable_cover
        )
        candidate.coverage = SYLLABLE_SHARE * syllable_cover + (1 - SYLLABLE_SHARE) * bigram_cover
        if not question.has(m.PENALTY) and is_offence(candidate):
            # An offence ("Tội trốn thuế") answers what the punishment is, not how to register a tax.
            candidate.coverage *= OFFENCE_DISCOUNT
        # Each component is kept apart (candidate.parts) so a wrong first quote can be traced to the
        # one that put it there (bench/answer_clause_diagnostics.py).
        parts = candidate.parts
        parts["coverage"] = candidate.coverage
        if asking_cover is not None:
            parts["asking"] = ASKING_WEIGHT * asking_cover.of_terms(terms)
        parts["provision"] = provision_bonus(candidate, question, store)
        parts["group"] = group_bonus(candidate, question)
        parts["span"] = span_bonus(candidate, question, cover)
        parts["agency"] = agency_bonus(candidate, question, cover)
        parts["named_text"] = named_text_bonus(candidate, question, named_texts)
        parts["hierarchy"] = hierarchy_bonus(candidate, question)
        parts["duty"] = (
            duty_heading_bonus(candidate, question)
            or rights_heading_bonus(candidate, question)
            or prohibited_acts_bonus(candidate, question)
        )
        parts["count"] = count_bonus(candidate, question)
        parts["role"] = role_bonus(candidate, question)
        parts["anchor"] = anchor_bonus(candidate, question)
        parts["subject"] = SUBJECT_SAID_BONUS if subject_said(candidate, question.folded) else 0.0
        # "BLHS định nghĩa 'tái phạm nguy hiểm' thế nào": the unit saying the term the question quotes, before its
        # neighbour sharing the same words (khoản 1, "Tái phạm là ...", tied with khoản 2; heldout23)
        if quoted and _says_any(candidate.text, quoted):
            parts["quoted"] = QUOTED_BONUS
        if not question.has(m.PENALTY) and (is_offence(candidate) or amends_criminal_code(candidate)):
            # An offence's sums are fines and the values of goods ("thức ăn chăn nuôi ... trị giá từ 30.000.000
            # đồng"), never what a victim receives: a loan question was answered with Điều 195's fines
            parts["provision"], parts["span"] = min(parts["provision"], 0.0), min(parts["span"], 0.0)
        prescriber_parts(candidate, question, parts, cap=PROVISION_BONUS + AGENCY_BONUS)
        title_terms = unit_terms(candidate.article.title)
        title_share = (
            sum(map(weight.__getitem__, filter(title_terms.__contains__, bigrams))) / bigram_mass if bigrams else 0.0
        )
        parts["title"] = TITLE_BONUS * title_share
        if question.has(m.PENALTY) and not question.asks_sentence and candidate.document.type == "Nghị quyết":
            parts["guidance"] = GUIDANCE_BONUS  # "thế nào là ...", "có bị coi là tội ...": the court guidance
        if question.has(m.PROCEDURE) and candidate.document.type in SUB_LAW_TYPES:
            parts["procedure"] = PROCEDURE_BONUS / 2
            provision = store.provisions_of(candidate.document.number).get(candidate.unit_id)
            if provision is not None and provision.deadlines:
                parts["procedure"] += PROCEDURE_BONUS / 2
        elif mismatch := procedure_mismatch(candidate, question):  # "được giúp gì" vs "Hồ sơ, thủ tục"
            parts["procedure"], parts["title"] = -mismatch, 0.0
        force = in_force_on(candidate.document, day)
        if superseded[document.number] and document.number not in named_numbers:
            # (not a text the question names: "thông tư liên tịch Bộ Tư pháp, Thanh tra Chính phủ 2011" asks what
            # that text said; the banner says it lapsed)
            parts["superseded"] = -SUPERSEDED_PENALTY
        if force:
            parts["in_force"] = IN_FORCE_BONUS
        elif force is False and day is not None and candidate.document.effective and day < candidate.document.effective:
            parts["in_force"] = -NOT_YET_PENALTY
        transition_parts(candidate, question, parts)
        if focus and folded(candidate.article.title).startswith(focus + " "):
            parts["focus"] = FOCUS_BONUS
        if scope_asked and document.number in named and _APPLIES_TO_TITLE.search(folded(candidate.article.title)):
            parts["scope"] = SCOPE_BONUS
        if evidence.agreed_article == (document.number, candidate.article.id):
            parts["agreed"] = AGREED_BONUS
        parts["rank"] = -RANK_STEP * candidate.rank
        candidate.score = sum(parts.values())


def _says_any(text: str, phrases: list[str]) -> bool:
    own = f" {folded(text)} "  # (the phrases come padded the same way: whole words only)
    return any(phrase in own for phrase in phrases)


@lru_cache(maxsize=4096)
def _read_terms(text: str, article_title: str, document_title: str, lead_in: str) -> frozenset[str]:
    """A unit's terms read with its article's and document's titles (and its clause's lead-in): the same units come
    back question after question, and the union of their terms cost a seventh of the scoring."""
    terms = unit_terms(text) | unit_terms(article_title) | unit_terms(document_title)
    return terms | unit_terms(lead_in) if lead_in else terms


def is_offence(candidate: Candidate) -> bool:
    return candidate.document.type == "Bộ luật" and folded(candidate.article.title).startswith("toi ")


def amends_criminal_code(candidate: Candidate) -> bool:
    """A clause of a law amending the Criminal Code (12/2017/QH14): its sums are the offences' fines."""
    return (
        candidate.document.type == "Luật"
        and "sua doi" in (title := folded(candidate.document.title or ""))
        and ("bo luat hinh su" in title)
    )


def superseded_in_collection(document, day, store: CorpusStore) -> bool:
    """An expired text whose replacement (its own, or its parent law's) the collection holds in full, asked
    about for today or a day after it lapsed: the collection has the rule that applies instead."""
    if document.expired is None or (day is not None and day < document.expired):
        return False
    found = replacement_of(document, store.document)
    if found and found[1] is not None and not is_stub(found[1]):
        return True
    # Placed under a law still in force (11/2014/TT-BTP under 11/2017/QH14 in the codified database), it lapsed
    # with the law it was issued under: the texts now detailing that law are in the collection.
    laws = {r.target for r in document.relations if r.type == QUY_DINH_CHI_TIET and not r.source}
    for number in laws - {document.number}:
        law = store.document(number)
        if law is not None and not is_stub(law) and law.expired is None and in_force_on(law, day) is not False:
            return True
    return False


def ranked(evidence: Evidence) -> list[Candidate]:
    return sorted(evidence.candidates, key=lambda c: -c.score)


def select(candidates: list[Candidate], threshold: float) -> list[Candidate]:
    """The best units, at most MAX_QUOTES, each nearly as good as the best and covering the question
    enough (QUOTE_FLOOR_SHARE of threshold), never a clause and its own point."""
    eligible = [c for c in candidates if c.coverage >= _quote_floor(c, threshold)]
    if not eligible:
        return []
    # The bar is set by the best unit that may be quoted: a unit ranked first by its bonuses but
    # covering too little of the question must not push every quotable unit under the bar.
    top = eligible[0].score
    kept = list(itertools.takewhile(lambda c: c.score >= top * RELATIVE_KEEP, eligible))
    chosen: list[Candidate] = []
    for candidate in kept:
        if len(chosen) == MAX_QUOTES:
            break
        if not nested(candidate, chosen):
            chosen.append(candidate)
    # The first two from one article: the third from the next article above the bar rather than a third clause of
    # the same (the first two stay, quote_shape.merge_siblings reads them): a gold article was quoted for 6 more
    # development questions on SQLite and 9 on Elasticsearch, none lost, no first quote changed.
    if len(chosen) == MAX_QUOTES and all(same_article(c, chosen[0]) for c in chosen):
        other = next((c for c in kept if not same_article(c, chosen[0]) and not nested(c, chosen[:-1])), None)
        if other is not None:
            chosen[-1] = other
    return chosen


def _quote_floor(candidate: Candidate, threshold: float) -> float:
    """The coverage a unit needs to be quoted; less for one naming the group asked about (a wordy
    question about "con gái tôi 17 tuổi" dilutes coverage, and the clause naming "người chưa thành
    niên" is evidence word overlap does not count)."""
    floor = threshold * QUOTE_FLOOR_SHARE
    # ("trẻ em" names children in every clause of the Law on Children: too common to count here)
    specific = candidate.named_groups - {m.CHILD_UNDER_16}
    # (the same for the article headed by the very body asked about: its name is not scored, see
    # understand._without_bodies, so "Hội Phụ nữ phải làm gì" covers little of its own article)
    named_body = bool(candidate.parts.get("duty"))
    # (and for a unit of the text the question names, "Theo Luật Trẻ em, cháu có thuộc diện ... không?": the story
    # around it dilutes coverage, as the check allows for that text's lead, check.NAMED_TEXT_SHARE)
    named_text = bool(candidate.parts.get("named_text"))
    lowered = (candidate.parts.get("group") and specific) or named_body or named_text
    return floor * GROUP_FLOOR_SHARE if lowered else floor


def lead_with(
    composition: Composition, lead: list[Candidate], ordered: list[Candidate], threshold: float, mode: str
) -> Composition:
    """A composition opening with `lead` (units a rule chose whatever their coverage), then the best-scored
    units above the bar; the answer is not declined for the lead's low coverage."""
    keys = {q.key for q in lead}
    composition.quotes = [*lead, *(q for q in select(ordered, threshold) if q.key not in keys)][:MAX_QUOTES]
    composition.mode = mode
    composition.best_coverage = max(composition.best_coverage, threshold)
    return composition


def whole_article(document: Document, article, clause: str | None) -> list[Candidate]:
    """The named article as one quote (all its clauses); a named clause is quoted first."""
    whole = whole_unit(document, article)
    whole.reasons.append("named article")
    if clause:
        unit = next(
            (c for c in article_candidates(document, article, 0) if c.kind == "khoan" and c.number == clause), None
        )
        if unit is not None:
            unit.reasons.append("named clause")
            return [unit, whole]
    return [whole]
