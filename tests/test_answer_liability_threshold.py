"""Thresholds of criminal liability ("trộm tài sản trị giá bao nhiêu thì mới bị truy cứu trách nhiệm hình sự"): the
first khoản of the offence the question names, with the sum it sets, not a clause sharing "trị giá" and "truy cứu"
nor a decline (the shape of two heldout34 failures and a heldout31 false decline; these questions were written for
the tests), both backends."""

from __future__ import annotations

import pytest

from search_api.answering.liability_threshold import ASKS_THRESHOLD
from search_api.answering.terms import folded
from tests.conftest import ask


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Trộm tài sản trị giá bao nhiêu thì mới bị truy cứu trách nhiệm hình sự?", True),
        ("danh bac duoc thua bao nhieu tien thi moi bi truy cuu hinh su", True),
        ("Lấy trộm tài sản giá trị bao nhiêu thì mới bị đi tù?", True),
        ("chiếm đoạt đến mức nào thì phạm tội?", True),
        # the sentence once it is a crime, not the threshold
        ("Đánh bạc bị phạt tù bao nhiêu năm?", False),
        ("Trộm 10 triệu thì bị phạt thế nào?", False),
    ],
)
def test_what_asks_the_threshold(text, asks):
    assert bool(ASKS_THRESHOLD.search(folded(text))) is asks


@pytest.mark.parametrize(
    ("question", "article", "summed"),
    [
        (
            "Bố tôi ngày nào cũng ra quán đánh bài ăn tiền vài trăm nghìn, chưa bị phạt lần nào. Đánh bạc được thua "
            "bao nhiêu tiền thì mới bị truy cứu trách nhiệm hình sự?",
            "321",
            "từ 5.000.000 đồng đến dưới 50.000.000 đồng",
        ),
        (
            "cau em o ky tuc xa bi to lay trom dien thoai cua ban. trom tai san tri gia bao nhieu thi moi bi truy cuu "
            "hinh su",
            "173",
            "từ 2.000.000 đồng đến dưới 50.000.000 đồng",
        ),
        # the value the offence's first khoản sets, not its fine ("phạt tiền từ 20.000.000 đồng")
        (
            "Người nhà bị can định đưa tiền cho điều tra viên. Đưa hối lộ bao nhiêu tiền thì bị truy cứu hình sự?",
            "364",
            "từ 2.000.000 đồng đến dưới 100.000.000 đồng",
        ),
    ],
)
def test_the_named_offence_first_clause_answers(answer_client, question, article, summed):
    data = ask(answer_client, question)
    assert data["answered"], data.get("message")
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("100/2015/QH13", article), first
    assert first["text"].startswith("1. "), first["text"][:80]
    assert summed in data["summary"] and f"khoản 1 Điều {article}" in data["summary"], data["summary"]
    assert "phạt tiền" not in data["summary"]
