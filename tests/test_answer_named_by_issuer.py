"""A text named by its kind and issuer ("theo thông tư của Bộ Quốc phòng về …", the only such circular here) is named
as surely as by its number: the story around the question dilutes coverage, not the evidence, so its best clause
answers rather than a decline saying the collection holds nothing (a heldout33 false decline's shape; the question
here written for this test), both backends."""

from __future__ import annotations

from tests.conftest import ask

QUESTION = (
    "Mình làm hậu cần ở một đồn biên phòng miền núi, năm nay đồn được bổ sung ngân sách cho những lần phối hợp truy "
    "bắt đường dây đưa các cô gái qua biên giới. Theo thông tư của Bộ Quốc phòng về biện pháp phòng, chống mua bán "
    "người, tiền ấy do ai thống nhất với cơ quan chức năng quản lý?"
)


def test_the_circular_named_by_its_issuer_answers(answer_client):
    data = ask(answer_client, QUESTION)
    assert data["answered"], data.get("message")
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("78/2013/TT-BQP", "4"), first
    assert "thống nhất với các cơ quan chức năng" in first["text"]
