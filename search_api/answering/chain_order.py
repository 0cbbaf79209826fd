"""Entitlement and amount answers: the law -> decree -> circular chain behind the clause fixing a sum.

A legal-aid worker reads an entitlement top-down: the law grants it (Luật 66/2011 Điều 33), the decree
says what it covers (NĐ 09/2013 Điều 19), the circular fixes the sum (TTLT 134/2013 Điều 4 khoản 1
điểm a, "30.000 đồng/người/ngày"). The chain itself is found by support.legal_chain (detailing
relations and the provisions' `governing`, computed at ingest); this module decides in which order
the quotes are shown and lays the chain out for the JSON and the page.

Two kinds of question, two orders:
* a question asking for a figure ("bao nhiêu tiền", "mức chi", "tối đa mấy ngày") is answered by the
  clause fixing it: that clause first, then the law article and the decree article behind it, highest
  text first. The summary line opens with the figure and its citation, and `chain` lists the three
  levels law -> decree -> circular.
* a question about what someone is entitled to, or whether ("có được hỗ trợ tiền tàu xe không"), is
  answered by the text granting it: the law article, then the decree article, then the circular
  clause with the sum — the issue's order.
Nothing here knows a document number: levels come from the document types of the chain.
"""

from __future__ import annotations

from typing import Any

from ingest.numbers import slug
from search_api.answering import models as m
from search_api.answering.evidence import article_candidates
from search_api.answering.models import Candidate
from search_api.answering.support import CHAIN_COVERAGE

# Below CHAIN_COVERAGE of the fixing clause's coverage a chain article's best unit is about something
# else (the decree article on food when the question asks for travel): it is named in `chain`, not quoted.
LEVELS = {"Bộ luật": "luật", "Luật": "luật", "Nghị định": "nghị định"}


def asks_figure(question: m.Question) -> bool:
    """'bao nhiêu', 'mức chi', 'mấy ngày', 'bao lâu': the answer is a sum or a span."""
    return question.has(m.AMOUNT) or question.asks_money or question.asks_duration


def _document_article(store, number: str, article_number: str):
    document = store.document(number)
    article = next((a for a in document.articles if a.number == article_number), None) if document else None
    return document, article


def chain_unit(
    number: str, article_number: str, ranked: list[Candidate], store, cover, first: Candidate
) -> Candidate | None:
    """The unit of a chain article to quote: the best-scored one the evidence holds, else the unit of
    the article the question covers most (a law article search did not retrieve), when it is about the
    question nearly as much as the fixing clause."""
    held = [c for c in ranked if c.document.number == number and c.article.number == article_number]
    held = [c for c in held if c.kind != "diem"] or held
    if held:
        unit = max(held, key=lambda c: (c.coverage, c.score))  # what the question is about, not who acts
        coverage = unit.coverage
    else:
        document, article = _document_article(store, number, article_number)
        if document is None or article is None:
            return None
        units = [c for c in article_candidates(document, article, len(ranked)) if c.kind != "diem"]
        if not units or cover is None:
            return None
        for unit in units:
            unit.coverage = cover(" ".join(p for p in (article.title, unit.text) if p))
        unit = max(units, key=lambda c: c.coverage)
        coverage = unit.coverage
    if unit is first or coverage < CHAIN_COVERAGE * first.coverage:
        return None
    unit.reasons.append("article the quoted amount details")
    return unit


def ordered_quotes(
    question: m.Question,
    first: Candidate,
    chain: list[tuple[str, str]],
    quotes: list[Candidate],
    ranked: list[Candidate],
    store,
    cover,
    limit: int,
) -> list[Candidate]:
    """The quotes of an amount/entitlement answer in the order described above."""
    behind = [u for u in (chain_unit(n, a, ranked, store, cover, first) for n, a in chain) if u is not None]
    rest = [q for q in quotes if q is not first and q not in behind]
    if asks_figure(question):
        return ([first, *behind] + rest)[:limit]
    return ([*behind, first] + rest)[:limit]


def chain_entries(first: Candidate, chain: list[tuple[str, str]], fixing_label: str, store) -> list[dict[str, Any]]:
    """`chain` of the JSON answer: law article -> decree article -> the clause fixing the amount, each
    with its level, citation and link (the page draws it as one line of arrows)."""
    entries = []
    for number, article_number in chain:
        document, article = _document_article(store, number, article_number)
        if document is None:
            continue
        entries.append(
            {
                "level": LEVELS.get(document.type, document.type.lower()),
                "citation": f"Điều {article_number} {document.type} {document.number}",
                "title": article.title if article else "",
                "doc_number": document.number,
                "article_number": article_number,
                "link": f"/van-ban/{slug(document.number)}#{article.id}" if article else f"/van-ban/{slug(number)}",
            }
        )
    document = first.document
    entries.append(
        {
            "level": "mức cụ thể",
            "citation": fixing_label,
            "title": first.article.title,
            "doc_number": document.number,
            "article_number": first.article.number,
            "link": f"/van-ban/{slug(document.number)}#{first.unit_id}",
        }
    )
    return entries
