"""Which texts detail the article a question names, however it is typed ("Đ30", "điều 30"), of the type asked
for ("NĐ nào"), and the texts detailing the law as a whole when no link names that article. Phrasings written
for these tests, not copied from the labelled sets; both backends."""

from __future__ import annotations

import pytest

from search_api.answering import models as m
from search_api.answering.facts import asked_types
from search_api.governance import named_articles
from tests.conftest import ask
from tests.understanding import understand


def test_short_article_forms_are_articles_too():
    assert named_articles("Đ30 Luật PCMBN") == {"30"}
    assert named_articles("k2 đ.32 luật PCMBN và Điều 33") == {"32", "33"}
    assert named_articles("Nghị định 09/2013/NĐ-CP") == set()  # (the "Đ" of "NĐ" starts no article)


@pytest.mark.parametrize(
    "text, types",
    [
        # "TT TGPL" (a legal-aid centre, spelt out as "thông tư") is far from "NĐ nào"
        ("Thù lao cho luật sư ký HĐ với TT TGPL (Đ18 Luật TGPL) được NĐ nào quy định chi tiết?", ("Nghị định",)),
        ("nghị định hay thông tư nào hướng dẫn điều 32", ("Nghị định", "Thông tư", "Thông tư liên tịch")),
        ("nghị định 09 văn bản nào sửa đổi", ()),
    ],
)
def test_the_type_asked_for_is_the_one_next_to_nao(text, types):
    assert asked_types(understand(text)) == types


def test_an_article_named_in_short_form_gets_its_own_detailing_texts(answer_client):
    # outside reader 9 (session 13): "Đ30" was not read, and the summary named the texts detailing other articles
    data = ask(
        answer_client, "Đ30 Luật PCMBN về bảo vệ an toàn cho nạn nhân được Chính phủ quy định chi tiết ở nghị định nào?"
    )
    assert data["summary"].startswith("Nghị định 62/2012/NĐ-CP"), data["summary"]
    assert "hướng dẫn Điều 30 Luật 66/2011/QH12" in data["summary"]
    assert data["answer"][0]["doc_number"] == "62/2012/NĐ-CP", data["answer"][0]["citation"]


def test_with_no_link_to_the_article_the_texts_detailing_the_whole_law_answer(answer_client):
    # no article-level link names Luật TGPL Điều 18; 144/2017/NĐ-CP details the law and says what in its Điều 1
    data = ask(answer_client, "Đ18 Luật TGPL về chế độ của trợ giúp viên pháp lý được nghị định nào quy định chi tiết?")
    assert data["summary"].startswith("Nghị định 144/2017/NĐ-CP"), data["summary"]
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("144/2017/NĐ-CP", "1"), first["citation"]


def test_how_a_named_guidance_text_explains_an_article_opens_with_its_clause_not_the_article_or_its_scope(
    answer_client,
):
    # written for this test (heldout32's shape): the Code's article is named too, and was quoted whole as a lookup;
    # read as a detailing question, the resolution's scope article (Điều 1) then opened the answer
    question = (
        "Đường dây buôn người rửa tiền qua mua bán đất nhiều lần. Tình tiết có tính chất chuyên nghiệp của tội rửa "
        "tiền Điều 324 BLHS được NQ 03/2019 giải thích như thế nào?"
    )
    assert understand(question).intent == m.DETAILING
    first = ask(answer_client, question)["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("03/2019/NQ-HĐTP", "5"), first["citation"]
    assert "từ 05 lần trở lên" in first["text"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("khoản 2 Điều 324 BLHS được Nghị quyết 03/2019 hướng dẫn thế nào", m.DETAILING),
        ("tình tiết có tổ chức do NQ 02/2019 giải thích ra sao", m.DETAILING),
        # (guiding a person is no text guiding a rule)
        ("nạn nhân được hướng dẫn thế nào", m.ENTITLEMENT),
    ],
)
def test_a_text_said_to_explain_or_guide_makes_a_detailing_question(text, intent):
    assert understand(text).intent == intent


def test_which_text_and_what_it_says_opens_with_what_it_says(answer_client):
    # written for this test: "ở văn bản nào, cụ thể là bao nhiêu" asks the content too; the decree's scope article
    # (Điều 1) opened the answer before its clause on the meals
    data = ask(
        answer_client,
        "Chế độ hỗ trợ tiền ăn cho nạn nhân mà Luật PCMBN giao Chính phủ quy định chi tiết ở văn bản nào, cụ thể là "
        "bao nhiêu?",
    )
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("09/2013/NĐ-CP", "19"), first["citation"]
    assert "tiền ăn" in first["text"]
