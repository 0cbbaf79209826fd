"""Unit tests of the clause-ranking signals (search_api/answering: terms, compose, support).
Phrasings are written for these tests, not copied from the labelled sets."""

from __future__ import annotations

from ingest.analysis import Analysis
from search_api.answering.terms import question_terms


def _analysis(folded: str) -> Analysis:
    syllables = tuple(folded.split())
    return Analysis((), syllables, syllables)


def test_bao_names_a_term_unless_it_asks_how_much_or_how_long():
    _, bigrams = question_terms(_analysis("nhan duoc tin bao thi phai lam"))
    assert "tin_bao" in bigrams  # "tin báo": what the law calls a report
    _, bigrams = question_terms(_analysis("ho tro tien an bao nhieu"))
    assert not any("bao" in b.split("_") for b in bigrams)  # "bao nhiêu" asks, names nothing
    _, bigrams = question_terms(_analysis("thoi han bao lau"))
    assert "han_bao" not in bigrams
