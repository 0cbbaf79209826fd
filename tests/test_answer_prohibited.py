"""Whether a named text prohibits the act a story tells (search_api/answering/prohibited.py): answered from the text's
article of prohibited acts, on both backends. Development questions (ids given) quoted as asked; both were declined
before, every clause of the article under the quoting bar."""

from __future__ import annotations

import pytest

from search_api.answering.cues import ASKS_PROHIBITED
from search_api.answering.terms import folded
from tests.conftest import ask


@pytest.mark.parametrize(
    ("question", "article", "clause"),
    [
        (  # H27-002: threatening a legal-aid worker is a prohibited act of the 2017 Law on Legal Aid (Điều 6 khoản 2)
            "Người nhà tên buôn người kéo đến TT TGPL tỉnh quát tháo, dọa TGV đang bảo vệ cô gái Campuchia (bị hại "
            "trong vụ án), đòi TGV rút khỏi vụ. Luật TGPL 2017 cấm hành vi này ở điều, khoản, điểm nào, nội dung ra "
            "sao?",
            ("11/2017/QH14", "6"),
            "Đe dọa, cản trở, can thiệp trái pháp luật vào hoạt động trợ giúp pháp lý",
        ),
        (  # H23-001: profiteering from anti-trafficking work (66/2011 Điều 3 khoản 7)
            "Ở xã mình có một nhóm tự xưng 'thiện nguyện tìm người bị bán', thu của mỗi gia đình có con gái mất tích "
            "vài chục triệu, hứa sang Trung Quốc tìm về rồi im luôn. Mình đang soạn bài tập huấn: Luật PCMBN 2011 có "
            "cấm thẳng kiểu lợi dụng công tác phòng chống mua bán người để kiếm lời như vậy không, khoản nào?",
            ("66/2011/QH12", "3"),
            "Lợi dụng hoạt động phòng, chống mua bán người để trục lợi",
        ),
    ],
    ids=["legal-aid-worker-threatened", "profiting-from-rescue"],
)
def test_whether_a_named_text_prohibits_a_told_act_is_answered_from_its_prohibited_acts(
    answer_client, question, article, clause
):
    data = ask(answer_client, question)
    assert data["answered"], data["message"]
    quoted = [(q["doc_number"], q["article_number"]) for q in data["answer"]]
    assert quoted[0] == article, quoted
    assert any(clause in q["text"] for q in data["answer"]), [q["citation"] for q in data["answer"]]


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("Luật TGPL 2017 cấm hành vi này ở điều nào?", True),
        ("Luật PCMBN có cấm thẳng kiểu lợi dụng như vậy không?", True),
        ("Giả mạo là nạn nhân như vậy có bị pháp luật cấm không?", True),
        ("những hành vi bị cấm theo luật trẻ em", True),
        # heldout29 H29-001 (development): answered with the law's definitions (Điều 2)
        ("Luật Phòng, chống mua bán người có khoản nào cấm riêng việc ép người khác làm như vậy không?", True),
        ("Điều nào cấm việc này?", True),
        ("Cam kết nào cần ký?", False),
        # "cam" folded is also "cảm", "cam kết": no ban is asked
        ("Cháu có cảm thấy an toàn ở cơ sở không?", False),
        ("Gia đình có phải cam kết không đưa cháu đi nữa không?", False),
    ],
)
def test_a_question_asking_whether_an_act_is_prohibited(text, asks):
    assert bool(ASKS_PROHIBITED.search(folded(text))) is asks
