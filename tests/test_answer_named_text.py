"""A question that names a text without naming an article is answered from that text whatever the
backend ranked: every article of a named text (up to NAMED_DOCUMENT_ARTICLES) is a candidate, on
both backends. Phrasings written for these tests."""

from __future__ import annotations

from search_api.answering.evidence import NAMED_DOCUMENT_ARTICLES, gather


def test_every_article_of_a_named_law_is_evidence(answer_client):
    answers = answer_client.app.state.vnlex.answers
    question = answers.understand("theo luật PCMBN thì nạn nhân được những quyền gì")
    evidence = gather(question, answers.search, answers.store, answers.today)
    law = next(d for d in evidence.named_documents if d.number == "66/2011/QH12")
    assert len(law.articles) <= NAMED_DOCUMENT_ARTICLES
    candidates = {c.article.number for c in evidence.candidates if c.document.number == law.number}
    assert candidates == {a.number for a in law.articles}


def test_a_large_named_code_is_left_to_search(answer_client):
    answers = answer_client.app.state.vnlex.answers
    question = answers.understand("bộ luật hình sự quy định gì về người dưới 18 tuổi phạm tội")
    evidence = gather(question, answers.search, answers.store, answers.today)
    code = next(d for d in evidence.named_documents if d.number == "100/2015/QH13")
    assert len(code.articles) > NAMED_DOCUMENT_ARTICLES
    candidates = {c.article.number for c in evidence.candidates if c.document.number == code.number}
    assert 0 < len(candidates) < len(code.articles)
