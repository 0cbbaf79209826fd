"""A story of trafficking whose asking sentence asks another rule or offence of the Criminal Code
(penalty_route.agreed_code_article): the article both searches lead with answers, not the trafficking offence's range
the story's words called up. Development questions (ids given) quoted as asked, on both backends."""

from __future__ import annotations

import pytest

from tests.conftest import ask, first_quote


@pytest.mark.parametrize(
    ("question", "article", "says"),
    [
        (  # H27-031: no death penalty for a woman raising a child under 36 months (Điều 40 khoản 2)
            "Mụ chủ đường dây bán phụ nữ sang Trung Quốc bị bắt, đang nuôi con nhỏ 2 tuổi. Nhà nạn nhân bảo kiểu gì mụ "
            "cũng lãnh án tử. Theo BLHS, phụ nữ đang nuôi con nhỏ như vậy có bị áp dụng hình phạt tử hình không?",
            "40",
            "phụ nữ đang nuôi con dưới 36 tháng tuổi",
        ),
        (  # H18-050: bribing a victim to testify falsely is its own offence (Điều 384)
            "Tôi là bị hại trong vụ mua bán người. Người nhà bị cáo đến đưa 50 triệu, bảo tôi khai lại là tự nguyện đi "
            "theo để bị cáo được nhẹ tội. Mua chuộc bị hại khai báo gian dối như vậy thì bị xử lý hình sự thế nào, "
            "phạt bao nhiêu?",
            "384",
            "mua chuộc hoặc cưỡng ép người làm chứng, người bị hại, đương sự",
        ),
        (  # written for this test (heldout31's class): retaliating against the victim who reported, Điều 166 khoản 2
            # điểm b; the story's "bán ... sang Lào" is the ring's circumstance and gave Điều 150's range
            "Chị tôi tố cáo ông trưởng công an xã bao che cho đường dây bán phụ nữ sang Lào. Sau đó ông ta sai người "
            "đến đập phá quán nước của chị, cắt luôn trợ cấp. Trả thù người tố cáo như vậy thì bị phạt tù bao nhiêu "
            "năm?",
            "166",
            "Trả thù người khiếu nại, tố cáo",
        ),
    ],
    ids=["no-death-penalty-for-a-nursing-mother", "bribing-the-victim", "retaliating-against-the-reporter"],
)
def test_the_rule_the_asking_sentence_asks_opens_the_answer_not_the_story_s_offence(
    answer_client, question, article, says
):
    data = ask(answer_client, question)
    assert data["answered"], data["message"]
    document, number, text = first_quote(data)
    assert (document, number) == ("100/2015/QH13", article), data["answer"][0]["citation"]
    assert says in text


def test_a_trafficking_question_keeps_the_offence_s_clause(answer_client):
    # the route stays when the asking sentence asks the trafficking offence's range itself
    data = ask(
        answer_client,
        "Hắn cầm đầu đường dây đưa 3 bé gái 14 tuổi sang Trung Quốc bán. Theo BLHS, hắn bị phạt tù cao nhất bao "
        "nhiêu năm?",
    )
    document, number, _ = first_quote(data)
    assert (document, number) == ("100/2015/QH13", "151"), data["answer"][0]["citation"]


def test_a_point_ending_in_two_alternatives_is_stated_by_either():
    from search_api.answering.penalty_brackets import stated_points

    clause = "2. Phạm tội thuộc một trong các trường hợp sau đây:\na) Có tổ chức;\nb) Trả thù người khiếu nại, tố cáo;"
    assert stated_points(clause, " tra thu nguoi to cao nhu vay bi xu ") == ["trả thù người khiếu nại, tố cáo"]
    assert stated_points(clause, " tra thu nguoi khieu nai ") == ["trả thù người khiếu nại, tố cáo"]
    assert stated_points(clause, " tra thu nguoi hang xom ") == []
