"""An article named by its heading ("Luật TGPL 2017 có điều nói về người được trợ giúp pháp lý") is the named article,
as if by its number (the shape of a heldout33 failure; these questions were written for the tests), both backends."""

from __future__ import annotations

import pytest

from search_api.answering.heading_named import article_named_by_heading
from search_api.answering.terms import folded
from tests.conftest import ask


class _Article:
    def __init__(self, number: str, title: str):
        self.number, self.title = number, title


class _Document:
    number = "56/2017/NĐ-CP"
    articles = [
        _Article("55", "Trách nhiệm của cơ quan thông tin đại chúng"),
        _Article("56", "Trách nhiệm của gia đình"),
        _Article("2", "Giải thích"),
    ]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("nghị định có một điều riêng về trách nhiệm của gia đình đối với trẻ em, gồm gì", "56"),
        ("dieu quy dinh ve trach nhiem cua gia dinh", "56"),
        # the heading said, but not as what an article is about
        ("gia đình có trách nhiệm của gia đình gì", None),
        # part of a heading is not the heading
        ("điều về trách nhiệm của cơ quan", None),
        # too short to name an article by chance-free words
        ("điều về giải thích", None),
    ],
)
def test_an_article_named_by_its_whole_heading(text, number):
    found = article_named_by_heading(folded(text), [_Document()])
    assert (found[1].number if found else None) == number


def test_the_article_named_by_its_heading_is_quoted(answer_client):
    data = ask(answer_client, "Luật trợ giúp pháp lý 2017 có điều nói về người được trợ giúp pháp lý, gồm những ai?")
    assert data["answered"], data.get("message")
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("11/2017/QH14", "7"), first["citation"]
