"""Typed records of the answer pipeline: the understood question, a quotable unit, a quote.

`Question` is built once per request (understand.py) and flows through search (its
`parsed` query is what the search service runs) and every later stage; its `to_dict()` is
the "understanding" block of the JSON answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ingest.index_contract import ParsedQuery
from ingest.model import Article, Document, Unit

# Intents, in the order the primary one is chosen when several cues occur.
LOOKUP = "lookup"  # show a named document / article
DETAILING = "detailing"  # which text details or governs Điều N
STATUS = "status"  # in force? effective when? replaced by what?
PENALTY = "penalty"
HOTLINE = "hotline"
AMOUNT = "amount"  # how much / how long
PROCEDURE = "procedure"  # steps, dossier, time limits
AGENCY = "agency"  # who is responsible, who pays
LEGAL_AID = "legal_aid"
ELIGIBILITY = "eligibility"  # who qualifies, on what conditions
ENTITLEMENT = "entitlement"  # what support
GENERAL = "general"
INTENTS = (
    LOOKUP,
    DETAILING,
    STATUS,
    PENALTY,
    HOTLINE,
    AMOUNT,
    PROCEDURE,
    AGENCY,
    LEGAL_AID,
    ELIGIBILITY,
    ENTITLEMENT,
    GENERAL,
)

# Who a question is about.
VICTIM = "victim"
BEING_IDENTIFIED = "being_identified"  # a person still being verified as a victim
CHILD_UNDER_16 = "child_under_16"
CHILD_UNDER_18 = "child_under_18"
ACCOMPANYING_MINOR = "accompanying_minor"
FOREIGNER = "foreigner"
STATELESS = "stateless"
# an ethnic-minority person: legal aid needs no proof of poverty where they live in an especially
# disadvantaged area (11/2017/QH14 Điều 7 khoản 4); many victims are from the border provinces' minorities
ETHNIC_MINORITY = "ethnic_minority"
AGENCY_ACTOR = "agency"
GROUPS = (
    VICTIM,
    BEING_IDENTIFIED,
    CHILD_UNDER_16,
    CHILD_UNDER_18,
    ACCOMPANYING_MINOR,
    FOREIGNER,
    STATELESS,
    ETHNIC_MINORITY,
    AGENCY_ACTOR,
)


@dataclass
class Question:
    text: str  # as typed (NFC, trimmed, maybe truncated)
    folded: str  # lower-case, no diacritics, one space between words
    intent: str  # the primary intent (one of INTENTS)
    intents: list[str]  # every intent whose cues occur, primary first
    who: list[str]  # GROUPS named, in GROUPS order
    doc_numbers: list[str]  # documents named, as indexed (newest first for an alias)
    article_number: str | None  # one named article
    clause_number: str | None  # "khoản 2" with that article
    point: str | None  # "điểm a" with that clause
    as_of: date | None  # the day the answer must apply to (question text or date=)
    as_of_source: str  # "question" | "parameter" | "" (today)
    aggravating: list[str]  # penalty circumstances named ("có tổ chức", ...)
    reference_only: bool  # nothing but a reference ("luật PCMBN điều 30")
    without_diacritics: bool
    expanded_terms: list[str]  # abbreviation expansions used
    syllables: frozenset[str] = frozenset()  # content terms for the scorer
    bigrams: frozenset[str] = frozenset()
    parsed: ParsedQuery | None = None  # what the search service runs (analysed once)
    # the content terms of the asking sentence, when narrative sentences precede it ("Chị ấy bị bán ... Vụ này có
    # được tính là vụ việc phức tạp không?"); empty for a one-sentence question
    asking_terms: frozenset[str] = frozenset()
    # the asking sentence as typed, when a story of STORY_WORDS or more precedes it: searched on its own too
    asking_text: str = ""
    asking_words: str = ""  # the last sentence, folded with its abbreviations spelt out (the whole question if one)
    article_in_story: bool = False  # the article it names is told only in a sentence before the asking one
    head_count: int = 0  # the largest number of people counted ("bán 7 cô gái"), percentages aside
    asks_sentence: bool = False  # "bị phạt tù bao nhiêu năm" (not "thế nào là ... tội")
    asks_duration: bool = False  # "bao lâu", "mấy ngày", "thời hạn"
    asks_money: bool = False  # "bao nhiêu tiền", "mức chi"
    article_document: str | None = None  # the text named right after the article ("Đ11 Luật TGPL"): whose it is
    asks_number: bool = False  # "số điện thoại nào"
    asks_content: bool = False  # "cụ thể là gì", "gồm những gì": the content, not only which text
    asks_definition: bool = False  # "ai được coi là nạn nhân", "còn là trẻ em không", "X là gì"
    asks_dossier: bool = False  # "hồ sơ gồm những gì", "cần nộp giấy tờ gì": the list of papers
    asks_prescriber: bool = False  # "mức chi do bộ nào quy định", "giao cho ai ấn định": who sets the rule
    asks_transition: bool = False  # "chưa xong thì làm tiếp theo luật nào": a matter begun under the old rule
    unknown_text: str = ""  # a text named by type and year that neither collection nor catalogue holds
    # full numbers typed that name no document of the collection or catalogue ("11/2013/TTLT-BTP-...")
    unknown_numbers: list[str] = field(default_factory=list)

    def has(self, *intents: str) -> bool:
        # Called ~1,100 times per question (every candidate, every bonus): a loop, not any() over a
        # generator, whose set-up cost more than the one to three list lookups it does.
        own = self.intents
        for intent in intents:
            if intent in own:
                return True
        return False

    def to_dict(self) -> dict[str, Any]:
        return {
            "intent": self.intent,
            "intents": list(self.intents),
            "who": list(self.who),
            "documents": list(self.doc_numbers),
            "unknown_text": self.unknown_text,
            "unknown_numbers": list(self.unknown_numbers),
            "article": self.article_number,
            "clause": self.clause_number,
            "point": self.point,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "as_of_source": self.as_of_source or None,
            "aggravating": list(self.aggravating),
            "asks_definition": self.asks_definition,
            "asks_prescriber": self.asks_prescriber,
            "asks_transition": self.asks_transition,
            "reference_only": self.reference_only,
            "without_diacritics": self.without_diacritics,
            "expanded_terms": list(self.expanded_terms),
        }


@dataclass
class Candidate:
    """A quotable unit: a clause, a point (with its clause's lead-in), or an undivided article body."""

    document: Document
    article: Article
    unit_id: str
    kind: str  # "khoan" | "diem" | "dieu"
    number: str
    clause_number: str  # for a point: its clause
    text: str
    lead_in: str
    parent_id: str | None
    rank: int  # the article's rank in the search results (or 0 for a named article)
    coverage: float = 0.0
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)  # why it ranks where it does (debuggable)
    parts: dict[str, float] = field(default_factory=dict)  # the score's components, by name (score = their sum)
    named_groups: set[str] = field(default_factory=set)  # the asked-about groups the unit names (compose)

    @property
    def key(self) -> tuple[str, str]:
        return (self.document.number, self.unit_id)


def whole_unit(document: Document, article: Article, rank: int = 0) -> Candidate:
    """An article quoted as one unit, all its clauses (an undivided article, or a whole one chosen over its parts)."""
    return Candidate(document, article, article.id, "dieu", article.number, "", article.text, "", None, rank)


def clause_of(candidate: Candidate) -> Unit | None:
    return next((u for u in candidate.article.units if u.id == candidate.unit_id), None)


def nested(candidate: Candidate, chosen: list[Candidate]) -> bool:
    """A clause and its own point are never both quoted: the candidate is one of `chosen`'s clauses or points."""
    return any(candidate.parent_id == c.unit_id or c.parent_id == candidate.unit_id for c in chosen)


def same_article(one: Candidate, other: Candidate) -> bool:
    return (one.document.number, one.article.id) == (other.document.number, other.article.id)
