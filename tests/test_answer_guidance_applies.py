"""A story naming a Criminal Code article and asking whether it applies to the case: the court's guidance clause on
that article opens the answer before the article (quote_shape.guidance_applying); a request to see the article still
gets the article. Questions written for these tests (heldout32's shape), both backends."""

from __future__ import annotations

from tests.conftest import ask, first_quote


def test_whether_a_code_article_applies_is_answered_by_the_guidance_on_it(answer_client):
    data = ask(
        answer_client,
        "Chủ cơ sở may (từng nhận mấy chị em bị lừa bán trở về làm công) trốn đóng bảo hiểm xã hội cho công nhân 2 "
        "tháng đầu năm và 4 tháng cuối năm. Như vậy có tính là trốn đóng từ 06 tháng trở lên theo Điều 216 BLHS "
        "không?",
    )
    document, number, text = first_quote(data)
    assert (document, number) == ("05/2019/NQ-HĐTP", "2"), data["answer"][0]["citation"]
    assert "06 tháng cộng dồn" in text
    # the article itself follows
    assert any(q["doc_number"] == "100/2015/QH13" and q["article_number"] == "216" for q in data["answer"][1:])


def test_a_request_to_see_the_article_gets_the_article(answer_client):
    document, number, _ = first_quote(ask(answer_client, "Cho tôi xem Điều 216 BLHS có những khoản nào?"))
    assert (document, number) == ("100/2015/QH13", "216")
