"""Penalty questions that name the Criminal Code article (and clause) they ask about, on both
backends. Phrasings written for these tests, not copied from the labelled sets."""

from __future__ import annotations

import pytest

from search_api.answering import models as m
from tests.conftest import ask
from tests.test_understand import understand


@pytest.mark.parametrize(
    "text",
    ["BLHS điều 151 khoản 2 có tổ chức phạt bao nhiêu", "mua ban nguoi duoi 16 tuoi co to chuc phat may nam"],
)
def test_phat_bao_nhieu_asks_for_a_sentence(text):
    question = understand(text)
    assert question.intent == m.PENALTY
    assert "có tổ chức" in question.aggravating


def test_an_administrative_fine_in_money_is_not_read_as_a_sentence():
    assert m.PENALTY not in understand("không khai báo tạm trú thì bị xử phạt bao nhiêu tiền").intents


def test_the_offence_named_by_its_article_is_quoted(answer_client):
    data = ask(answer_client, "blhs dieu 151 khoan 1 thi phat tu bao nhieu")
    first = data["answer"][0]
    assert (first["article_number"], first["citation"].split()[1]) == ("151", "1"), first["citation"]
    assert data["summary"].startswith("Phạt tù từ 07 năm đến 12 năm"), data["summary"]


def test_the_named_clause_comes_before_the_clause_matching_the_circumstances(answer_client):
    # "có tổ chức" is a circumstance of khoản 2; the question names khoản 3: both are quoted, khoản 3 first.
    data = ask(answer_client, "khoản 3 điều 150 bộ luật hình sự, nếu có tổ chức thì phạt bao nhiêu năm")
    citations = [q["citation"] for q in data["answer"]]
    assert citations[0].startswith("Khoản 3 Điều 150 "), citations
    assert any(c.startswith("Khoản 2 Điều 150 ") for c in citations[1:]), citations
    assert "— khoản 3 Điều 150" in data["summary"]


# (not a penalty question, but the same kind of everyday account: who the person is, from how the family tells it)
@pytest.mark.parametrize(
    "text",
    ["con trai tôi thoát được từ Campuchia về thì có được hỗ trợ không", "chi ay duoc giai cuu o bien gioi"],
)
def test_someone_who_escaped_back_or_was_rescued_is_read_as_a_victim(text):
    assert m.VICTIM in understand(text).who


def test_escaping_tax_is_not_escaping_traffickers():
    assert m.VICTIM not in understand("trốn thuế về nước thì bị xử lý thế nào").who


def test_an_escaped_person_reporting_to_a_border_post_is_answered(answer_client):
    data = ask(answer_client, "con trai tôi thoát được từ Campuchia về, đến đồn biên phòng trình báo thì đồn làm gì")
    assert data["answered"], data.get("message")
    first = data["answer"][0]
    assert first["doc_number"].startswith("01/2014/TTLT") and first["article_number"] == "5", first["citation"]
