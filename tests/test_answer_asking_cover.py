"""Story questions whose asking sentence both searches agree on (search_api/answering/asking_cover.py). Both backends;
phrasings written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import ask


@pytest.mark.parametrize(
    ("question", "article"),
    [
        # BLHS Điều 364 khoản 7 (a bribe given under coercion and reported before it is found out is no crime): both
        # searches lead with Điều 364, whose clauses cover most of the asking sentence, but the story kept the whole
        # question's coverage under the bar, and it was declined (heldout25)
        (
            "Chị họ tôi bị bán sang Trung Quốc làm vợ, sinh một con, được biên phòng trao trả qua cửa khẩu, đang chờ "
            "công an huyện xác minh là nạn nhân. Một cán bộ có chức vụ ở huyện ép chị đưa 10 triệu mới làm giấy tờ "
            "nhanh, chị sợ nên đưa, hôm sau tự lên công an tỉnh trình báo. BLHS xử người bị ép đưa hối lộ mà tự khai "
            "báo như chị thế nào?",
            ("100/2015/QH13", "364"),
        ),
    ],
    ids=["coerced-bribe-giver-who-reports"],
)
def test_a_story_question_whose_searches_agree_is_answered_not_declined(answer_client, question, article):
    data = ask(answer_client, question)
    assert data["answer"], data.get("message")
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == article, first["citation"]


@pytest.mark.parametrize(
    "question",
    [
        "Gã buôn người lĩnh 10 năm, ở trại được 3 năm thì loạn trí, phải đưa đi bắt buộc chữa bệnh gần 2 năm. Về lại "
        "trại, 2 năm đó có được tính vào thời gian thụ án không?",
        "Thằng bán cháu tôi sang biên giới đang thụ án 8 năm thì hóa điên, bị đưa đi bắt buộc chữa bệnh hơn một năm. "
        "Giờ nó khỏi rồi, hơn một năm đó có được tính như đã ở tù không?",
    ],
    ids=["treatment-time-counted", "treatment-time-colloquial"],
)
def test_a_story_saying_the_leading_articles_heading_is_answered_from_it(answer_client, question):
    # BLHS Điều 49 "Bắt buộc chữa bệnh", said word for word in the story: its khoản 3 (the treatment time counts
    # towards the prison term) led, under the bar, and the question was declined (heldout31)
    data = ask(answer_client, question)
    assert data["answered"] is True, data.get("message")
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("100/2015/QH13", "49"), first["citation"]
    assert "được trừ vào thời hạn chấp hành hình phạt tù" in first["text"]
