"""Entitlement and amount answers show the chain law -> decree -> circular (issue 8, item 2).

A question asking for a figure gets the clause fixing it first, then the law and decree articles behind
it, law first; a question about whether someone is entitled gets the law article, the decree article,
then the circular clause with the sum. Both carry `chain`, the three levels in that order, and the
Hỏi đáp page draws it. Phrasings are real ones (with and without diacritics)."""

from __future__ import annotations

import pytest

from search_api.answering import models as m
from search_api.answering.chain_order import asks_figure
from search_api.answering.understand import understand_question
from tests.conftest import ask


@pytest.fixture(scope="module")
def client(answer_client):
    return answer_client  # tests/conftest.py: the app over answer_index, each backend in turn


def _levels(data: dict) -> list[str]:
    return [entry["level"] for entry in data["chain"]]


def _documents(data: dict) -> list[str]:
    return [quote["doc_number"] for quote in data["answer"]]


@pytest.mark.parametrize(
    ("question", "figure"),
    [
        ("Tiền ăn cho nạn nhân ở cơ sở bảo trợ xã hội mỗi ngày bao nhiêu?", True),
        ("tien an duong cho nan nhan ve que toi da may ngay", True),
        ("nạn nhân về quê mà không có tiền xe thì có được hỗ trợ không?", False),
        ("nan nhan nguoi nuoc ngoai duoc huong nhung che do ho tro nao", False),
    ],
)
def test_a_question_asking_for_a_figure_is_told_from_one_asking_what_is_granted(question, figure):
    assert asks_figure(understand_question(question, {})) is figure


@pytest.mark.parametrize(
    "question",
    [
        "trợ cấp khó khăn ban đầu cho nạn nhân thuộc hộ nghèo là bao nhiêu tiền",
        "tro cap kho khan ban dau cho nan nhan ho ngheo bao nhieu tien",
    ],
)
def test_amount_question_quotes_the_fixing_clause_first_then_law_before_decree(client, question):
    data = ask(client, question)
    assert data["understanding"]["intent"] == m.AMOUNT
    first = data["answer"][0]
    assert first["doc_number"] == "134/2013/TTLT-BTC-BLĐTBXH" and "1.000.000 đồng/người" in first["text"]
    documents = _documents(data)
    if "66/2011/QH12" in documents and "09/2013/NĐ-CP" in documents:
        assert documents.index("66/2011/QH12") < documents.index("09/2013/NĐ-CP")
    # The chain, top-down: the law article, the decree article, then the point fixing the sum.
    assert _levels(data) == ["luật", "nghị định", "mức cụ thể"]
    assert [e["citation"] for e in data["chain"][:2]] == [
        "Điều 38 Luật 66/2011/QH12",
        "Điều 23 Nghị định 09/2013/NĐ-CP",
    ]
    assert data["chain"][2]["citation"] == "điểm b khoản 3 Điều 4 TTLT 134/2013/TTLT-BTC-BLĐTBXH"
    assert all(e["link"].startswith("/van-ban/") for e in data["chain"])


@pytest.mark.parametrize(
    "question",
    [
        "nạn nhân được giải cứu về muốn về quê mà không có tiền xe thì có được hỗ trợ không?",
        "nan nhan duoc giai cuu ve muon ve que ma khong co tien xe thi co duoc ho tro khong",
    ],
)
def test_entitlement_question_quotes_law_then_decree_then_the_circular(client, question):
    data = ask(client, question)
    assert data["answered"] is True
    assert _documents(data)[:3] == ["66/2011/QH12", "09/2013/NĐ-CP", "134/2013/TTLT-BTC-BLĐTBXH"]
    assert data["answer"][0]["article_number"] == "33"  # "hỗ trợ ... tiền tàu xe": the law grants it
    # The summary still opens with the sum and the clause fixing it.
    assert data["summary"].startswith("tối thiểu 40.000 đồng/người/ngày")
    assert _levels(data) == ["luật", "nghị định", "mức cụ thể"]


def test_a_question_without_an_amount_has_no_chain(client):
    data = ask(client, "Nạn nhân có những quyền gì theo luật PCMBN?")
    assert data["chain"] == []


def test_ask_page_draws_the_chain_in_order(client):
    html = client.get("/hoi-dap", params={"q": "trợ cấp khó khăn ban đầu cho nạn nhân là bao nhiêu tiền"}).text
    chain = html[html.index('data-testid="answer-chain"') :]
    chain = chain[: chain.index("</p>")]
    assert chain.index("Luật 66/2011/QH12") < chain.index("Nghị định 09/2013/NĐ-CP") < chain.index("TTLT 134/2013")
    # after the summary line, before the quotes
    assert html.index('data-testid="answer-summary"') < html.index('data-testid="answer-chain"')
    assert html.index('data-testid="answer-chain"') < html.index('class="answer-units"')
