"""A term defined with an aside ("Sàng lọc sơ sinh (còn gọi là tầm soát sơ sinh) là …") is the words before the aside,
and the aside's other name defines it too; "X được hiểu là (việc) gì" asks the meaning of the X before it, even after a
story whose words read a procedure. The shape of a heldout33 question; the phrasings here written for these tests."""

from __future__ import annotations

import pytest

from search_api.answering.definition_cues import asks_definition
from search_api.answering.definitions import _terms_defined
from search_api.answering.terms import folded
from tests.conftest import ask, sqlite_client_over


@pytest.fixture(scope="module")
def children_client(tmp_path_factory):
    """The app over the children's topic (Thông tư 34/2017/TT-BYT is there), on the embedded backend."""
    with sqlite_client_over(["phapdien/demuc_8.1_tre-em.html"], tmp_path_factory.mktemp("children")) as client:
        yield client


def test_an_aside_is_not_part_of_the_term_and_names_it_too():
    text = "2. Sàng lọc trước sinh (còn gọi là tầm soát trước sinh) là việc sử dụng các kỹ thuật khi mang thai."
    assert _terms_defined(text, "giai thich tu ngu", glossary=True) == ["sang loc truoc sinh", "tam soat truoc sinh"]


def test_an_aside_that_names_nothing_is_dropped_only():
    text = "3. Cơ sở (trừ cơ sở công lập) là nơi tiếp nhận nạn nhân."
    assert _terms_defined(text, "giai thich tu ngu", glossary=True) == ["co so"]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("sàng lọc sơ sinh được hiểu là việc gì", True),
        ("bóc lột tình dục được coi là gì", True),
        ("số hiệu là gì", False),
    ],
)
def test_a_meaning_asked_after_the_term(text, asked):
    assert asks_definition(folded(text)) is asked


def test_a_term_defined_with_an_aside_answers_after_a_procedural_story(children_client):
    data = ask(
        children_client,
        "Chị hàng xóm mới được giải cứu về thì sinh con, cán bộ trạm y tế dặn phải làm sàng lọc sơ sinh cho bé ngay "
        "trong tuần. Theo thông tư của Bộ Y tế, sàng lọc sơ sinh được hiểu là việc gì?",
    )
    assert data["answered"], data.get("message")
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("34/2017/TT-BYT", "2"), first["citation"]
    assert "phát hiện trẻ sơ sinh" in first["text"]


def test_the_asides_other_name_is_asked_too(children_client):
    data = ask(children_client, "tầm soát sơ sinh được hiểu là việc gì?")
    assert data["answered"], data.get("message")
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("34/2017/TT-BYT", "2"), first["citation"]
