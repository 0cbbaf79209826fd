"""Story questions the reranker (search_api/answering/rerank.py) answers with the right article first, on both
backends. Development questions (ids given) quoted as asked: with the hand-written ranking alone (VNLEX_RERANK=0)
7 of the 8 runs opened with another article, with the reranker all pass.
Three phrasings of the same cases written for this file moved on neither backend: the reranker is a statistical
gain (bench/RESULTS.md, round 26), not a rule each story follows."""

from __future__ import annotations

import pytest

from tests.conftest import ask, first_quote


@pytest.mark.parametrize(
    ("question", "article"),
    [
        (  # H8-054: the duty to report, not the article on receiving reports
            "Hàng xóm thấy có người lạ dụ con gái nhà bên đi làm ăn xa, nghi bị bán. Luật PCMBN có bắt cá nhân phải "
            "báo tin không hay tùy?",
            ("66/2011/QH12", "12"),
        ),
        (  # H13-056: the representative mission helps a victim abroad without papers
            "Con gái tôi bị bán sang Malaysia, vừa lén gọi về nói đã trốn được nhưng không có hộ chiếu. Bên đó cháu "
            "phải liên hệ với cơ quan nào của Việt Nam để được giúp làm giấy tờ đưa về nước?",
            ("66/2011/QH12", "26"),
        ),
        (  # H15-050: ending legal aid needs a written notice with reasons
            "Trung tâm TGPL đang giúp mẹ tôi kiện đòi bồi thường thì báo không tiếp tục thực hiện nữa. Họ có phải báo "
            "bằng văn bản và nói rõ lý do không?",
            ("11/2017/QH14", "37"),
        ),
        (  # H6-037: a child victim is taken home to her family (Điều 24), not the reception steps of the circular
            "Bé gái 13 tuổi bị bán trong nước vừa được đưa đến Phòng Lao động - Thương binh và Xã hội huyện. Phòng "
            "phải làm gì để đưa cháu về với gia đình?",
            ("66/2011/QH12", "24"),
        ),
    ],
    ids=["duty-to-report", "victim-abroad-without-passport", "legal-aid-ended-in-writing", "child-taken-home"],
)
def test_a_story_question_opens_with_the_article_that_answers_its_asking_sentence(answer_client, question, article):
    assert answer_client.app.state.vnlex.answers.understand(question).asking_text  # (a story: the reranker reads it)
    assert first_quote(ask(answer_client, question))[:2] == article
