"""Extractive answers: the clauses and points of the retrieved articles that answer a question.

Nothing is written per question. The search service retrieves the articles; every clause
(and every point of an enumerating clause) of those articles is scored by how much of the
question's weighted vocabulary it contains, using the same analysis as the index
(folded syllables for tone-less typing, folded bigrams for word-level matches). Terms are
weighted by inverse frequency *among the candidate units*, so words every clause shares
("nạn nhân", "hỗ trợ") count little and the distinctive ones ("tiền ăn") decide. When the
question asks about support, amounts or payers, units that ingest.entitlements reads as
provisions with those facts get a bonus. The answer quotes the units verbatim with a citation.
"""

from __future__ import annotations

import math
import re
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ingest.analysis import Analysis, analyze
from ingest.entitlements import Provision, extract_provisions
from ingest.index_contract import SearchBackend
from ingest.model import Article, Document, Unit
from ingest.numbers import slug
from ingest.textnorm import fold
from search_api.search import SearchService
from search_api.views import STATUS_LABELS

RETRIEVED_ARTICLES = 10
MAX_ANSWER_UNITS = 3
# Coverage = share of the question's IDF-weighted syllables (40%) and bigrams (60%) found in one
# unit. Measured on the topic-39.8 index (tests/test_answers.py prints it): the dev questions
# answered from the right article reach 0.41-0.74; questions outside the corpus (divorce, tax
# registration, traffic fines, the criminal-code questions whose texts are not indexed) stay
# at 0.26-0.375. A subject the corpus mentions in another role still passes: "thủ tục đăng ký
# kết hôn với người nước ngoài" reaches 0.66 on Điều 15 Luật 66/2011 (marriage-brokerage
# businesses) — lexical overlap cannot tell the two apart.
ANSWER_THRESHOLD = 0.38
# A second or third unit is only quoted when it is nearly as good as the best one.
RELATIVE_KEEP = 0.75
# Function words of questions: they say *what kind* of answer is wanted, never *where* it is.
QUESTION_WORDS = frozenset(
    fold(w)
    for w in (
        "gì",
        "nào",
        "bao",
        "nhiêu",
        "không",
        "có",
        "được",
        "thì",
        "là",
        "ai",
        "sao",
        "như",
        "thế",
        "những",
        "các",
        "cho",
        "của",
        "và",
        "hay",
        "hoặc",
        "vậy",
        "ạ",
        "nhỉ",
        "muốn",
        "biết",
        "cần",
        "phải",
        "bị",
        "đã",
        "một",
        "với",
        "khi",
        "nếu",
        "mà",
        "ở",
        "đâu",
        "việc",
        "theo",
        "quy",
        "định",
        "tôi",
        "em",
        "anh",
        "chị",
    )
)

# Intent cues, on folded text: the question wants support items, an amount, or a payer.
_ENTITLEMENT_CUES = re.compile(
    r"\b(?:ho tro (?:gi|nhung gi|nhu the nao)|duoc (?:gi|huong|nhan)|che do|quyen loi|"
    r"tro cap|ho tro)\b"
)
_AMOUNT_CUES = re.compile(r"\b(?:bao nhieu|muc (?:chi|ho tro|tien)?|tien|dong|toi da|toi thieu)\b")
_AGENCY_CUES = re.compile(r"\b(?:ai (?:chi tra|tra|chiu|thuc hien)|co quan nao|chi tra|kinh phi|ngan sach)\b")

SYLLABLE_SHARE = 0.4
# The search ranking (BM25 over headings and bodies) breaks ties between equally covering units.
RANK_STEP = 0.01
PROVISION_BONUS = 0.08
AMOUNT_BONUS = 0.15
AGENCY_BONUS = 0.08
UNANSWERED_MESSAGE = (
    "Kho văn bản hiện có không có điều khoản trả lời trực tiếp câu hỏi này. "
    "Dưới đây là các điều gần nhất để bạn tự đối chiếu."
)
EMPTY_MESSAGE = "Hãy nhập câu hỏi, ví dụ: “nạn nhân bị mua bán được hỗ trợ những gì”."


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
    rank: int  # the article's rank in the search results


@lru_cache(maxsize=8192)
def _terms(text: str) -> frozenset[str]:
    analysis: Analysis = analyze(text)
    folded = [t for t in analysis.folded if t not in QUESTION_WORDS]
    return frozenset(folded) | frozenset(analysis.bigrams)


def question_terms(question: str, split: bool = False):
    """The question's content syllables and bigrams (folded); both sets when split."""
    analysis = analyze(question)
    syllables = frozenset(t for t in analysis.folded if t not in QUESTION_WORDS)
    # Bigrams spanning a question word ("duoc_gi") name nothing in the law.
    bigrams = frozenset(b for b in analysis.bigrams if not set(b.split("_")) & QUESTION_WORDS)
    return (syllables, bigrams) if split else syllables | bigrams


def question_intent(question: str) -> dict[str, bool]:
    folded = fold(question.lower())
    return {
        "entitlement": bool(_ENTITLEMENT_CUES.search(folded)),
        "amount": bool(_AMOUNT_CUES.search(folded)),
        "agency": bool(_AGENCY_CUES.search(folded)),
    }


def _lead_in(clause: Unit) -> str:
    if not clause.children:
        return ""
    position = clause.text.find(clause.children[0].text)
    return clause.text[:position].strip() if position > 0 else clause.text.split("\n", 1)[0]


def article_candidates(document: Document, article: Article, rank: int) -> list[Candidate]:
    if not article.units:
        return [Candidate(document, article, article.id, "dieu", article.number, "", article.text, "", None, rank)]
    found = []
    for clause in article.units:
        found.append(
            Candidate(document, article, clause.id, "khoan", clause.number, clause.number, clause.text, "", None, rank)
        )
        lead_in = _lead_in(clause)
        for point in clause.children:
            found.append(
                Candidate(
                    document,
                    article,
                    point.id,
                    "diem",
                    point.number,
                    clause.number,
                    point.text,
                    lead_in,
                    clause.id,
                    rank,
                )
            )
    return found


def _clause(candidate: Candidate) -> Unit:
    return next(u for u in candidate.article.units if u.id == candidate.unit_id)


def document_label(document: Document) -> str:
    """'Luật Phòng, chống mua bán người số 66/2011/QH12', 'Thông tư liên tịch số 134/2013/TTLT-BTC-BLĐTBXH':
    a law is cited by its name, sub-law texts by type and number as legal writing does."""
    if document.number.startswith("news:"):
        return f"{document.type}: {document.title}"
    if document.type in ("Luật", "Bộ luật") and document.title:
        name = (
            document.title
            if document.title.lower().startswith(document.type.lower())
            else f"{document.type} {document.title}"
        )
        return f"{name} số {document.number}"
    return f"{document.type} số {document.number}"


def unit_citation(document: Document, article_number: str, kind: str, number: str, clause_number: str) -> str:
    """'Điểm a khoản 1 Điều 32 Luật Phòng, chống mua bán người số 66/2011/QH12'."""
    parts = []
    if kind == "diem":
        parts.append(f"điểm {number} khoản {clause_number}")
    elif kind == "khoan":
        parts.append(f"khoản {number}")
    if article_number:
        parts.append(f"Điều {article_number}")
    parts.append(document_label(document))
    text = " ".join(parts)
    return text[:1].upper() + text[1:]


def document_status(document: Document) -> dict[str, Any]:
    return {
        "status": document.status,
        "status_label": STATUS_LABELS.get(document.status, document.status),
        "status_note": document.status_note,
        "replaced_by": document.replaced_by,
        "expired": document.expired.isoformat() if document.expired else None,
    }


STATS_RECHECK_SECONDS = 30.0


class AnswerService:
    def __init__(self, backend: SearchBackend, search: SearchService):
        self.backend = backend
        self.search = search
        self._documents: dict[str, Document | None] = {}
        self._provisions: dict[str, dict[str, Provision]] = {}
        self._frequencies: tuple[tuple, int, dict[str, int]] | None = None
        self._lock = threading.Lock()
        self._checked_at = 0.0

    def forget(self) -> None:
        """Drop cached documents and provisions (after a re-index)."""
        self._documents.clear()
        self._provisions.clear()

    def document(self, number: str) -> Document | None:
        if number not in self._documents:
            self._documents[number] = self.backend.get_document(number)
        return self._documents[number]

    def provisions_of(self, document: Document) -> dict[str, Provision]:
        if document.number not in self._provisions:
            self._provisions[document.number] = {p.unit_id: p for p in extract_provisions([document])}
        return self._provisions[document.number]

    def ask(self, question: str) -> dict[str, Any]:
        question = (question or "").strip()
        base = {"question": question, "answered": False, "answer": [], "articles": [], "message": None}
        if not question or not question_terms(question):
            return {**base, "message": EMPTY_MESSAGE}
        result = self.search.search(question, size=RETRIEVED_ARTICLES, with_facets=False)
        hits = result["hits"]
        for hit in hits:
            hit["link"] = f"/van-ban/{hit['slug']}#{hit['article_id']}"
        intent = question_intent(question)
        scored = self._score(question, hits, intent)
        best = max((coverage for _, coverage, _ in scored), default=0.0)
        base.update(articles=hits, intent=intent, best_coverage=round(best, 3))
        if best < ANSWER_THRESHOLD:
            return {**base, "message": UNANSWERED_MESSAGE}
        top = scored[0][0]
        chosen: list[tuple[float, Candidate]] = []
        for score, coverage, candidate in scored:
            if len(chosen) == MAX_ANSWER_UNITS or score < top * RELATIVE_KEEP:
                break
            if coverage < ANSWER_THRESHOLD:
                continue
            # A clause and one of its own points say the same thing: quote only the better one.
            if any(candidate.parent_id == c.unit_id or c.parent_id == candidate.unit_id for _, c in chosen):
                continue
            chosen.append((score, candidate))
        return {**base, "answered": True, "answer": [self._quote(s, c) for s, c in chosen]}

    def _corpus_frequencies(self) -> tuple[int, dict[str, int]]:
        """In how many units of the whole index each term occurs. Rarity is judged against the
        corpus, not the retrieved articles: retrieval already brought the question's words into
        every candidate, so only corpus-wide rarity shows which words the corpus lacks."""
        # The index counts are checked at most every STATS_RECHECK_SECONDS (4 queries, or 4
        # requests on Elasticsearch, per question otherwise), and one thread builds the table
        # while the others wait: eight concurrent first questions once built it eight times.
        with self._lock:
            now = time.monotonic()
            if self._frequencies is not None and now - self._checked_at < STATS_RECHECK_SECONDS:
                return self._frequencies[1], self._frequencies[2]
            self._checked_at = now
            counts = self.backend.stats()
            key = (counts.get("documents"), counts.get("articles"))
            if self._frequencies is None or self._frequencies[0] != key:
                self._build_frequencies(key)
        return self._frequencies[1], self._frequencies[2]

    def _build_frequencies(self, key: tuple) -> None:
        self.forget()
        frequency: dict[str, int] = {}
        total = 0
        for number, _type, _title in self.backend.document_numbers():
            document = self.document(number)
            for article in document.articles if document else []:
                for candidate in article_candidates(document, article, 0):
                    total += 1
                    for term in _terms(candidate.text):
                        frequency[term] = frequency.get(term, 0) + 1
        self._frequencies = (key, total, frequency)

    def _score(self, question: str, hits: list[dict], intent: dict[str, bool]) -> list[tuple[float, float, Candidate]]:
        """(ranking score, coverage, candidate), best first. Coverage alone decides whether the
        corpus answers; the provision bonuses only order units that already match."""
        syllables, bigrams = question_terms(question, split=True)
        candidates: list[Candidate] = []
        for rank, hit in enumerate(hits):
            document = self.document(hit["doc_number"])
            article = next((a for a in document.articles if a.id == hit["article_id"]), None) if document else None
            if article is not None:
                candidates.extend(article_candidates(document, article, rank))
        if not candidates:
            return []
        total, frequency = self._corpus_frequencies()
        # A term no unit has keeps the highest weight: it is what the corpus cannot answer.
        weight = {t: math.log(1 + total / (1 + frequency.get(t, 0))) for t in syllables | bigrams}
        syllable_mass = sum(weight[t] for t in syllables) or 1.0
        bigram_mass = sum(weight[t] for t in bigrams) or 1.0
        scored = []
        for candidate in candidates:
            terms = (
                _terms(candidate.text)
                | (_terms(candidate.lead_in) if candidate.lead_in else frozenset())
                | _terms(candidate.article.title)
            )
            syllable_cover = sum(weight[t] for t in syllables if t in terms) / syllable_mass
            # Bigrams carry the phrases ("tiền ăn", "kết hôn với người"): weighted higher than
            # single syllables, which match across unrelated words.
            bigram_cover = sum(weight[t] for t in bigrams if t in terms) / bigram_mass if bigrams else syllable_cover
            coverage = SYLLABLE_SHARE * syllable_cover + (1 - SYLLABLE_SHARE) * bigram_cover
            score = coverage + self._provision_bonus(candidate, intent) - RANK_STEP * candidate.rank
            scored.append((score, coverage, candidate))
        scored.sort(key=lambda item: -item[0])
        return scored

    def _provision_bonus(self, candidate: Candidate, intent: dict[str, bool]) -> float:
        if not any(intent.values()) or candidate.document.type == "Tin tức":
            return 0.0
        provisions = self.provisions_of(candidate.document)
        provision = provisions.get(candidate.unit_id)
        if provision is None:
            # An enumerating clause ("được hưởng các chế độ sau đây: a) ...") is as much a
            # provision as its best point.
            points = (
                [provisions[c.id] for c in _clause(candidate).children if c.id in provisions]
                if candidate.kind == "khoan"
                else []
            )
            return max((self._bonus_for(p, intent) for p in points), default=0.0)
        return self._bonus_for(provision, intent)

    @staticmethod
    def _bonus_for(provision: Provision, intent: dict[str, bool]) -> float:
        bonus = PROVISION_BONUS if intent["entitlement"] and provision.kind in ("entitlement", "right") else 0.0
        if intent["amount"] and provision.amounts:
            bonus += AMOUNT_BONUS
        if intent["agency"] and provision.agency:
            bonus += AGENCY_BONUS
        return bonus

    def _quote(self, score: float, candidate: Candidate) -> dict[str, Any]:
        document, article = candidate.document, candidate.article
        provision = self.provisions_of(document).get(candidate.unit_id) if document.type != "Tin tức" else None
        return {
            "text": candidate.text,
            "lead_in": candidate.lead_in,
            "citation": unit_citation(
                document, article.number, candidate.kind, candidate.number, candidate.clause_number
            ),
            "doc_number": document.number,
            "doc_type": document.type,
            "doc_title": document.title,
            "article_number": article.number,
            "article_title": article.title,
            "article_id": article.id,
            "unit_id": candidate.unit_id,
            "unit_kind": candidate.kind,
            "slug": slug(document.number),
            "link": f"/van-ban/{slug(document.number)}#{candidate.unit_id}",
            **document_status(document),
            "score": round(score, 3),
            "provision": provision.to_dict() if provision else None,
        }
