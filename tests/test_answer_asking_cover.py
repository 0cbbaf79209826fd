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
