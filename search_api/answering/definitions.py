"""Definition questions: "ai được coi là nạn nhân", "15 tuổi có còn là trẻ em không", "X là gì".

The answer is the unit that defines the term, in the texts' own form: a clause or an article body
opening "<Term> là ..." ("4. Nạn nhân là người bị xâm hại ...", "Trẻ em là người dưới 16 tuổi."),
found in the "Giải thích từ ngữ" articles and in articles headed by the term itself. The defined
terms are read from the collection (never a hand list), once per state of the index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import Article, Document
from search_api.answering import models as m
from search_api.answering.compose import in_force_on
from search_api.answering.evidence import Evidence, article_candidates, is_news
from search_api.answering.models import Candidate
from search_api.answering.terms import folded
from search_api.answering.understand import DEFINITION_CUE_AFTER_TERM, DEFINITION_CUES
from search_api.corpus_store import CorpusStore

# "4. Nạn nhân là ...", "Trẻ em là ...": a term of one to eight words opening the unit.
_DEFINES = re.compile(r"^(?:\d{1,2} )?([a-z][a-z ]{1,60}?) la (?!gi(?!\w))")
_LISTS = re.compile(r"^(?:\d{1,2} )?([a-z][a-z ]{3,60}?) (?:bao gom|gom co|gom)(?!\w)")
# "3. Thủ đoạn khác quy định tại khoản 1 Điều 150 của Bộ luật Hình sự là ...": a guidance text
# defining the term another text uses.
_DEFINES_REFERENCED = re.compile(r"^(?:\d{1,2} )?([a-z][a-z ]{3,60}?) quy dinh tai [a-z0-9 ]{3,80}? la (?!gi(?!\w))")
_MAX_TERM_WORDS = 8
# A definition article is headed "Giải thích từ ngữ" / "Khái niệm ..." or by the term itself.
_DEFINITION_TITLE = re.compile(r"^(?:giai thich tu ngu|khai niem|dinh nghia)")
HIERARCHY = {"Luật": 0, "Bộ luật": 0, "Nghị định": 1, "Thông tư": 2, "Thông tư liên tịch": 2}


@dataclass(frozen=True)
class Definition:
    term: str  # folded
    document: Document
    article: Article
    unit_id: str


def defined_terms(store: CorpusStore) -> dict[str, list[Definition]]:
    """Folded term -> the units defining it, over every normative text with articles (built once
    per state of the index, as the store's other derived views)."""
    return store.derived("defined_terms", lambda snapshot: _collect(snapshot.documents.values()))


def _collect(documents) -> dict[str, list[Definition]]:
    found: dict[str, list[Definition]] = {}
    for document in documents:
        if is_news(document) or not document.articles:
            continue
        for article in document.articles:
            title = folded(article.title)
            glossary = bool(_DEFINITION_TITLE.search(title))
            units = [(u.id, u.text) for u in article.units] or [(article.id, article.text)]
            for unit_id, text in units:
                opening = folded(text[:200])
                match = _DEFINES.match(opening)
                # Outside a glossary only the article headed by its own term defines it
                # ("Điều 1. Trẻ em": "Trẻ em là người dưới 16 tuổi").
                term = match.group(1).strip() if match and (glossary or title == match.group(1).strip()) else ""
                referenced = _DEFINES_REFERENCED.match(opening)
                if not term and referenced and len(referenced.group(1).split()) >= 2:
                    term = referenced.group(1).strip()
                listing = _LISTS.match(opening)
                if not term and listing and ":" in text[: listing.end() + 10]:
                    # "2. Người thân thích của nạn nhân, bao gồm: vợ, chồng, ...": a definition by
                    # enumeration, wherever it stands.
                    term = listing.group(1).strip()
                    if len(term.split()) < 2:
                        term = ""
                if not term or len(term.split()) > _MAX_TERM_WORDS:
                    continue
                definition = Definition(term, document, article, unit_id)
                found.setdefault(term, []).append(definition)
                if " cua " in term:
                    # "người thân thích của nạn nhân" is asked as "người thân thích".
                    found.setdefault(term.split(" cua ")[0], []).append(definition)
    return found


def definition_quote(evidence: Evidence, store: CorpusStore) -> tuple[Candidate, str] | None:
    """The unit defining the term the question asks about, with that term (folded): the defined
    term nearest the definition cue; a text the question names first, then laws before decrees
    and circulars, in-force texts first."""
    question = evidence.question
    words = f" {question.folded} "
    cues = [(match.start(), match.end(), match.group()) for match in DEFINITION_CUES.finditer(words)]
    if not cues:
        return None
    terms = defined_terms(store)
    best: tuple[int, int, str] | None = None
    for term in terms:
        for match in re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", words):
            # The term asked about stands right by the cue, at most one word away: before "là
            # gì", after "thế nào là" / "được coi là"; another defined word elsewhere in the
            # question ("nạn nhân" in "cháu của nạn nhân có được coi là ...") is not what is asked.
            gaps = [
                len(words[match.end() : start].split())
                if DEFINITION_CUE_AFTER_TERM.fullmatch(cue)
                else len(words[end : match.start()].split())
                for start, end, cue in cues
                if (match.end() <= start if DEFINITION_CUE_AFTER_TERM.fullmatch(cue) else match.start() >= end)
            ]
            if not gaps or min(gaps) > 1:
                continue
            key = (min(gaps), -len(term), term)  # the longer term on a tie ("trẻ em" before "em")
            if best is None or key < best:
                best = key
    if best is None:
        return None
    named = {d.number for d in evidence.named_documents}
    day = evidence.on_date()
    definitions = sorted(
        terms[best[2]],
        key=lambda d: (
            d.document.number not in named,
            in_force_on(d.document, day) is False,
            HIERARCHY.get(d.document.type, 3),
        ),
    )
    chosen = definitions[0]
    unit = next(
        (c for c in article_candidates(chosen.document, chosen.article, 0) if c.unit_id == chosen.unit_id), None
    )
    if unit is None:
        unit = Candidate(
            chosen.document,
            chosen.article,
            chosen.article.id,
            "dieu",
            chosen.article.number,
            "",
            chosen.article.text,
            "",
            None,
            0,
        )
    unit.reasons.append(f"defines '{chosen.term}'")
    return unit, chosen.term


def is_definition_question(question: m.Question) -> bool:
    if question.has(m.PENALTY) and not question.asks_sentence:
        # "có bị coi là dùng thủ đoạn khác không": what the court guidance counts as the term
        return question.asks_definition and not question.has(m.AMOUNT, m.PROCEDURE, m.HOTLINE)
    return question.asks_definition and not question.has(m.PENALTY, m.AMOUNT, m.PROCEDURE, m.HOTLINE)
