"""Definition questions: "ai được coi là nạn nhân", "15 tuổi có còn là trẻ em không", "X là gì".

The answer is the unit that defines the term, in the texts' own form: a clause or an article body
opening "<Term> là ..." ("4. Nạn nhân là người bị xâm hại ...", "Trẻ em là người dưới 16 tuổi."),
found in the "Giải thích từ ngữ" articles and in articles headed by the term itself. The defined
terms are read from the collection (never a hand list), once per state of the index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.model import Article, Document
from search_api.answering import models as m
from search_api.answering.compose import MAX_QUOTES, Composition, in_force_on, select
from search_api.answering.cues import (
    DEFINITION_CUE_AFTER_TERM,
    DEFINITION_CUE_EITHER_SIDE,
    DEFINITION_CUES,
    INTENT_CUES,
    asks_definition,
)
from search_api.answering.evidence import Evidence, article_candidates, is_news
from search_api.answering.models import Candidate
from search_api.answering.sale_told import DENIES_TRAFFICKING
from search_api.answering.terms import folded, quoted_phrases
from search_api.corpus_store import CorpusStore

# "4. Nạn nhân là ...", "Trẻ em là ...": a term of one to eight words opening the unit.
_DEFINES = re.compile(r"^(?:\d{1,2} )?([a-z][a-z0-9 ]{1,60}?) la (?!gi(?!\w))")
_LISTS = re.compile(r"^(?:\d{1,2} )?([a-z][a-z ]{3,60}?) (?:bao gom|gom co|gom)(?!\w)")
# "3. Thủ đoạn khác quy định tại khoản 1 Điều 150 của Bộ luật Hình sự là ...": a guidance text
# defining the term another text uses.
_DEFINES_REFERENCED = re.compile(r"^(?:\d{1,2} )?([a-z][a-z0-9 ]{3,60}?) quy dinh tai [a-z0-9 ]{3,80}? la (?!gi(?!\w))")
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
            units = [(u.id, u.text) for u in article.units] or [(article.id, article.text)]
            # A glossary by its heading, or by its content: an article most of whose clauses define
            # a term ("Điều 2. Về một số tình tiết định tội" of the court guidance).
            glossary = bool(_DEFINITION_TITLE.search(title)) or _mostly_defining(units)
            for unit_id, text in units:
                for term in _terms_defined(text, title, glossary):
                    definition = Definition(term, document, article, unit_id)
                    for alias in _aliases(term):
                        found.setdefault(alias, []).append(definition)
    return found


# "Sàng lọc trước sinh (còn gọi là tầm soát trước sinh) là ...": the term is the words before the aside, which names
# another term for it (the term was read "sàng lọc trước sinh còn gọi", matching no question)
_ASIDE = re.compile(r"\s*\(([^()]{0,80})\)")
_ALSO_CALLED = re.compile(r"^con (?:goi|duoc goi) la (.+)$")


def _terms_defined(text: str, title: str, glossary: bool) -> list[str]:
    terms = _terms_opening(_ASIDE.sub("", text[:200]), text, title, glossary)
    aside = _ASIDE.search(text[:200])
    also = _ALSO_CALLED.match(folded(aside.group(1))) if aside and terms else None
    if also:
        terms += [
            t.strip() for t in re.split(r" hay | hoac |, ", also.group(1)) if 2 <= len(t.split()) <= _MAX_TERM_WORDS
        ]
    return terms


def _terms_opening(opening_text: str, text: str, title: str, glossary: bool) -> list[str]:
    opening = folded(opening_text)
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
    terms = [term] if term and len(term.split()) <= _MAX_TERM_WORDS else []
    if glossary:
        # A later paragraph of a glossary clause may define a second term ("Bộ phận cơ thể là một
        # phần của cơ thể ..." under the clause on taking body parts).
        for line in text.split("\n")[1:]:
            more = _DEFINES.match(folded(line[:200]))
            if more and 2 <= len(more.group(1).split()) <= _MAX_TERM_WORDS and not more.group(1).startswith("vi du"):
                terms.append(more.group(1).strip())
    return terms


def _mostly_defining(units: list[tuple[str, str]]) -> bool:
    if len(units) < 3:
        return False
    defining = sum(
        bool(_DEFINES_REFERENCED.match(folded(text[:200])) or _DEFINES.match(folded(text[:200]))) for _, text in units
    )
    return 2 * defining > len(units)


# "Để bóc lột tình dục quy định tại ... là ...", "Vì mục đích vô nhân đạo khác ... là ...": the guidance
# defines the purpose, the question asks the bare term ("bóc lột tình dục là gì").
_PURPOSE = re.compile(r"^(?:de|vi|nham) (?=\w+ \w+)")


def _aliases(term: str) -> list[str]:
    aliases = [term]
    if " cua " in term:
        # "người thân thích của nạn nhân" is asked as "người thân thích".
        aliases.append(term.split(" cua ")[0])
    bare = _PURPOSE.sub("", term)
    if bare != term:
        aliases += [bare, *([bare.split(" cua ")[0]] if " cua " in bare else [])]
    return list(dict.fromkeys(aliases))


@lru_cache(maxsize=4096)
def _whole_term(term: str) -> re.Pattern:
    """A defined term as whole words, compiled once per term (the collection defines hundreds: re's own cache of 512
    patterns was overrun)."""
    return re.compile(rf"(?<!\w){re.escape(term)}(?!\w)")


def definition_quote(evidence: Evidence, store: CorpusStore) -> tuple[Candidate, str] | None:
    """The unit defining the term the question asks about, with that term (folded): the defined
    term nearest the definition cue; a text the question names first, then laws before decrees
    and circulars, in-force texts first."""
    question = evidence.question
    # (the question as typed: the everyday wordings appended to question.folded name no asked term)
    words = f" {folded(question.text)} "
    cues = [(match.start(), match.end(), match.group()) for match in DEFINITION_CUES.finditer(words)]
    if not cues:
        return None
    terms = defined_terms(store)
    quoted = set(quoted_phrases(question.text))
    best: tuple[int, int, str] | None = None
    for term in terms:
        for match in _whole_term(term).finditer(words):
            # The term asked about stands right by the cue, at most one word away: before "là
            # gì", after "thế nào là" / "được coi là"; another defined word elsewhere in the
            # question ("nạn nhân" in "cháu của nạn nhân có được coi là ...") is not what is asked.
            # A term the question puts in quotation marks is the one asked about, wherever it stands.
            gaps = [0] if term in quoted else []
            for start, end, cue in cues:
                either = bool(DEFINITION_CUE_EITHER_SIDE.fullmatch(cue))  # "giải thích X", "X được giải thích thế nào"
                after = either or bool(DEFINITION_CUE_AFTER_TERM.fullmatch(cue))
                before = either or not DEFINITION_CUE_AFTER_TERM.fullmatch(cue)
                if after and match.end() <= start:
                    gaps.append(len(words[match.end() : start].split()))
                if before and match.start() >= end:
                    gaps.append(len(words[end : match.start()].split()))
            # A long term may stand a few words off ("thế nào là chuyển giao người để bóc lột tình dục",
            # "thế nào là phạm tội mua bán người có tính chất chuyên nghiệp"), and is then the more
            # specific one asked about.
            if not gaps or min(gaps) > (min(len(term.split()), 5) if len(term.split()) >= 3 else 1):
                continue
            key = (-len(term.split()), min(gaps), term)  # then the nearer ("trẻ em" before "em")
            if best is None or key < best:
                best = key
    if best is None:
        return None
    named = {d.number for d in evidence.named_documents}
    day = evidence.on_date()
    # On a tie, the definition whose unit the question's words found best ("có tính chất chuyên
    # nghiệp" is defined by three court resolutions; the trafficking one is asked about).
    # (per text: within one text its first definition, the glossary's, stands)
    scored: dict[str, float] = {}
    for candidate in evidence.candidates:
        scored[candidate.document.number] = max(candidate.score, scored.get(candidate.document.number, -1.0))
    definitions = sorted(
        terms[best[-1]],
        key=lambda d: (
            d.document.number not in named,
            in_force_on(d.document, day) is False,
            HIERARCHY.get(d.document.type, 3),
            -scored.get(d.document.number, -1.0),
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


def _defined_in_asking(question: m.Question) -> bool:
    """The asking sentence asks what a term means and no procedure ("..., bác sĩ dặn phải làm sàng lọc sơ sinh cho
    bé. Theo thông tư ..., sàng lọc sơ sinh được hiểu là việc gì?": the story's "làm" read a procedure; heldout33 was
    given the counselling steps instead of the circular's definition)."""
    words = question.asking_words
    return bool(question.asking_text) and asks_definition(words) and not INTENT_CUES[m.PROCEDURE].search(words)


def is_definition_question(question: m.Question) -> bool:
    # "được hiểu như thế nào", "giải thích thế nào" ask what a term means: their "như thế nào" is no
    # procedure's "how".
    procedure = (
        question.has(m.PROCEDURE)
        and not DEFINITION_CUE_EITHER_SIDE.search(question.folded)
        and not _defined_in_asking(question)
    )
    if question.has(m.PENALTY) and not question.asks_sentence:
        # "có bị coi là dùng thủ đoạn khác không": what the court guidance counts as the term
        return question.asks_definition and not procedure and not question.has(m.AMOUNT, m.HOTLINE)
    return question.asks_definition and not procedure and not question.has(m.PENALTY, m.AMOUNT, m.HOTLINE)


# "... thì không bị truy cứu trách nhiệm hình sự về tội mua bán người nhưng ...": the guidance's cases that are not it
_NOT_PROSECUTED_FOR = re.compile(r"(?<!\w)khong bi truy cuu trach nhiem hinh su ve toi(?!\w)")


def compose_definition(
    evidence: Evidence, composition: Composition, ordered: list[Candidate], threshold: float, store: CorpusStore
) -> bool:
    """ "Ai được coi là nạn nhân?": the clause defining the term, then what else matches; False when no
    clause defines it."""
    found = definition_quote(evidence, store)
    if found is None:
        return False
    defining, term = found
    rest = [
        q for q in select(ordered, threshold) if q.key != defining.key and term in folded(q.text)
    ]  # other units speaking of the term ("không được coi là" alone says nothing of it)
    # "bị ép đẻ con ... có được xác định là nạn nhân không": a clause in the question's own words ("Một người
    # được xác định là nạn nhân khi ...", 62/2012 Điều 5) lists the cases; the glossary's "Nạn nhân là người bị
    # xâm hại bởi hành vi quy định tại ... Điều 3" sends the reader elsewhere
    asked_as = DEFINITION_CUES.findall(f" {folded(evidence.question.text)} ")
    worded = [
        q
        for q in rest
        if any(cue.startswith(("duoc ", "bi ")) and f"{cue} {term}" in folded(q.text) for cue in asked_as)
    ]
    if worded:
        rest.remove(worded[0])
        defining, rest = worded[0], [defining, *rest]
    elif (
        ordered
        and ordered[0] in rest
        and DENIES_TRAFFICKING.search(evidence.question.folded)
        and _NOT_PROSECUTED_FOR.search(folded(ordered[0].text))
    ):
        # "... không bán ai. Anh ta có phạm tội mua bán người không?": the story rules the sale out, and the
        # best-scored clause says when it is not that offence (02/2019 Điều 5 khoản 3, people taken abroad of their
        # own will): it answers before the definition
        rest.remove(ordered[0])
        defining, rest = ordered[0], [defining, *rest]
    composition.quotes = [defining, *rest][:MAX_QUOTES]
    composition.mode = "definition"
    composition.best_coverage = max(composition.best_coverage, threshold)
    return True
