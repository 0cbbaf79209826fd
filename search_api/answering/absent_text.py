"""Facts about a text the collection does not hold, from the texts that do: "Thông tư liên tịch
11/2013/TTLT-... còn được áp dụng không, bị văn bản nào thay thế?" — 11/2013 is neither in the
collection nor in the catalogue, but 10/2018/TTLT-... Điều 25 says it replaces it. The answer is that
relation, with the clause that states it quoted, and says the text asked about is not in the collection.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ingest.model import BAI_BO, SUA_DOI, THAY_THE
from search_api.answering import models as m
from search_api.answering.check import asked_under_held, vn_date
from search_api.answering.compose import MAX_QUOTES, Composition, lead_with
from search_api.answering.evidence import Evidence, article_candidates, article_numbered, is_news, is_stub
from search_api.answering.facts import fact_entry
from search_api.answering.models import Candidate
from search_api.answering.terms import folded
from search_api.answering.understand import first_numbered_unknown
from search_api.corpus_store import CorpusStore

CHANGES = {THAY_THE: "bị thay thế bởi", BAI_BO: "bị bãi bỏ bởi", SUA_DOI: "được sửa đổi, bổ sung bởi"}


def changes_of_absent(numbers: list[str], store: CorpusStore) -> tuple[list[dict[str, Any]], list[Candidate]]:
    """(facts, quotes): each replacement, repeal or amendment of a number the collection lacks, as stated
    by a text it holds, and the clause of that text which states it."""
    facts: list[dict[str, Any]] = []
    quotes: list[Candidate] = []
    for number in numbers:
        for source, relation in store.incoming(number):
            maker = store.document(source)
            if relation.type not in CHANGES or maker is None or is_stub(maker) or is_news(maker):
                continue
            when = f" từ ngày {vn_date(date.fromisoformat(relation.date))}" if relation.date else ""
            where = f"Điều {relation.source_article} " if relation.source_article else ""
            text = (
                f"Văn bản {number} {CHANGES[relation.type]} {maker.type} {maker.number}{when} "
                f"(toàn văn {number} không có trong kho)."
            )
            facts.append(fact_entry(text, f"{where}{maker.type} {maker.number}", maker, "change"))
            quote = _stating_clause(maker, relation.source_article, number)
            if quote is not None and all(q.key != quote.key for q in quotes):
                quotes.append(quote)
    return facts, quotes


def _stating_clause(document, article_number: str | None, number: str) -> Candidate | None:
    """The clause of the maker's article that names the number (else the article's first unit)."""
    article = article_numbered(document, article_number)
    if article is None:
        return None
    units = [u for u in article_candidates(document, article, 0) if u.kind != "diem"]
    wanted = folded(number)
    unit = next((u for u in units if wanted in folded(u.text)), units[0] if units else None)
    if unit is not None:
        unit.reasons.append(f"states the change of {number}")
    return unit


def _absent_named_first(question: m.Question, evidence: Evidence) -> bool:
    """The absent text is named before every text the collection holds ("TTLT 134/2013" names 134/2013/TTLT-… by its
    number and year alone)."""
    if not first_numbered_unknown(question):
        return False
    absent = min(question.text.find(number) for number in question.unknown_numbers if number in question.text)
    held = [question.text.find("/".join(d.number.split("/")[:2])) for d in evidence.named_documents]
    return all(position < 0 or absent < position for position in held)


def content_gap(evidence: Evidence, store: CorpusStore) -> str:
    """Why a question on what a text the collection lacks says cannot be answered, or "".

    "TTLT 03/2008/TTLT-... Điều 5 quy định gì về việc tiếp nhận ...": 03/2008 is neither in the collection
    nor in the catalogue. Its status is a fact the texts that replaced it state (changes_of_absent); its
    content is not — quoting the replacing text's clauses would present them as the old text's rule."""
    question = evidence.question
    if not question.unknown_numbers or question.intent in (m.STATUS, m.DETAILING):
        return ""
    if evidence.named_documents and not _absent_named_first(question, evidence):
        # ("TT 84/2019/TT-BTC quy định mức chi … đã thay TTLT 134/2013 chưa": the absent text named first is the one
        # asked about; answering from the other one named presented 134/2013's figures as its rule — an outside
        # reader, session 18)
        return ""
    if asked_under_held(evidence):
        return ""  # (the absent text is the story's; the question asks what the held one says)
    facts, _ = changes_of_absent(question.unknown_numbers, store)
    if facts:
        return " ".join(f["text"] for f in facts[:2])
    return f"Kho văn bản không có văn bản {', '.join(question.unknown_numbers)} (cả trong danh mục)."


_PART_NAMED = re.compile(r"(?<!\w)(?:diem|khoan|muc|phan|dieu) (?:\d+|[ivxlc]+|[a-z])(?!\w)")
_REPEALS = re.compile(r"(?<!\w)(?:bai bo|thay the|het hieu luc|ngung hieu luc)(?!\w)")


def repeal_first(quotes: list[Candidate], ordered: list[Candidate], evidence: Evidence) -> list[Candidate]:
    """The quotes, opened by the best-scored unit when it repeals or replaces ("Bãi bỏ điểm 4, Mục I, Phần A Thông tư
    số 05/2008/TT-BTP") a part the question names of a text it names, in another text (of a whole text, the text
    that replaced it answers, as before)."""
    if not ordered or not _PART_NAMED.search(evidence.question.folded):
        return quotes
    lead = ordered[0]
    text = folded(lead.text)
    if not _REPEALS.search(text):
        return quotes
    named = [d.number for d in evidence.named_documents if d.number != lead.document.number]
    named += evidence.question.unknown_numbers
    if not any(folded(number) in text for number in named):
        return quotes
    return [lead, *[q for q in quotes if q.key != lead.key]][:MAX_QUOTES]


def changed_in_citation(numbers: list[str], store: CorpusStore) -> list[Candidate]:
    """The clauses of held texts that cite a number the collection lacks and say it was replaced, repealed or lapsed
    in their own words, though the relation read from them is a citation: "Các quy định tại Nghị quyết số
    110/2015/QH13 … có ghi thời điểm 'ngày 01 tháng 7 năm 2016' được thay thế bằng thời điểm …" (41/2017 Điều 1
    khoản 2). For a status question on that number they are the collection's only evidence (heldout34 was given the
    next article first)."""
    found: list[Candidate] = []
    for number in numbers:
        for source, relation in store.incoming(number):
            maker = store.document(source)
            if relation.type in CHANGES or maker is None or is_stub(maker) or is_news(maker):
                continue
            quote = _stating_clause(maker, relation.source_article, number)
            if quote is not None and _REPEALS.search(folded(quote.text)) and all(q.key != quote.key for q in found):
                found.append(quote)
    return found


def compose_absent_status(
    evidence: Evidence, ordered: list[Candidate], threshold: float, composition: Composition, store: CorpusStore
) -> bool:
    """ "11/2013/TTLT-... bị văn bản nào thay thế?": not in the collection, but a text it holds says (the relation
    as the fact, its clause quoted; or a citing clause saying the change in its own words); False otherwise."""
    question = evidence.question
    if question.intent not in (m.STATUS, m.DETAILING) or not question.unknown_numbers:
        return False
    if evidence.named_documents and not first_numbered_unknown(question):
        return False
    facts, quotes = changes_of_absent(question.unknown_numbers, store)
    if facts:
        quotes = repeal_first(quotes, ordered, evidence)
        composition.facts, composition.quotes, composition.mode = facts, quotes, "facts"
        composition.summary = facts[0]["text"]
        return True
    if cited := changed_in_citation(question.unknown_numbers, store):
        lead_with(composition, cited[:1], ordered, threshold, "ranked")
        return True
    return False
