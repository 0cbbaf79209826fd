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


def test_a_named_article_opens_a_definition_answer_whole(answer_client):
    from tests.conftest import ask

    # "được coi là" reads as a definition question; the article the question points at answers it, whole
    # (every group it lists), before the law's general definition of legal aid (Điều 2).
    data = ask(answer_client, "Điều 7 Luật TGPL 2017 thì những ai được coi là người được trợ giúp pháp lý")
    first = data["answer"][0]
    assert first["citation"].startswith("Điều 7 Luật Trợ giúp pháp lý"), first["citation"]
    assert "Người có công với cách mạng" in first["text"] and "Trẻ em" in first["text"]


def test_who_a_law_charges_with_detailing_a_matter_is_its_own_clause(answer_client):
    from tests.conftest import ask

    data = ask(answer_client, "luat TGPL giao cho ai quy dinh chi tiet viec CTV tham gia tro giup phap ly")
    first = data["answer"][0]
    assert first["citation"].startswith("Khoản 4 Điều 24 Luật Trợ giúp pháp lý"), first["citation"]
    assert first["text"].startswith("4. Chính phủ quy định chi tiết")


def test_a_term_the_named_text_defines_is_defined_not_looked_up(answer_client):
    from tests.conftest import ask

    # naming the law made it a lookup: an outside reader got Điều 1 (scope) and the 2024 law's date
    data = ask(answer_client, 'theo Luật PCMBN thì "cưỡng bức lao động" được hiểu là gì')
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("66/2011/QH12", "2"), first["citation"]
    assert first["text"].lstrip("0123456789. ").startswith("Cưỡng bức lao động là"), first["text"]
    # the text itself asked for is still its facts
    assert "53/2024/QH15" in ask(answer_client, "luật PCMBN là gì")["summary"]
