"""A question put under a text the collection holds ("Theo NQ 01/2016/NQ-HĐTP, …?") is answered from it, though its
story names texts the collection lacks (NQ 109/2015/QH13, "BLHS 1999"): those belong to the case told, not to what
is asked; a banner says they are not in the collection. Questions written for these tests (the shape of two
heldout33 false declines), both backends."""

from __future__ import annotations

import pytest

from search_api.answering.naming import asked_under
from tests.conftest import ask

HELD = ["01/2016/NQ-HĐTP", "100/2015/QH13"]
ABSENT = ["109/2015/QH13"]


@pytest.mark.parametrize(
    ("asking", "under"),
    [
        ("Theo NQ 01/2016/NQ-HĐTP, tòa án xử lý thế nào?", True),
        ("theo nghi quyet so 1/2016 thi ai quyet dinh?", True),
        ("Theo Nghị quyết 01/2016 của Hội đồng Thẩm phán thì sao?", True),
        # the absent text is in the asking sentence itself: it may be what is asked about
        ("Theo NQ 01/2016/NQ-HĐTP, NQ 109/2015/QH13 quy định gì?", False),
        # a held text named without "theo" puts nothing under it
        ("NQ 01/2016/NQ-HĐTP hướng dẫn gì?", False),
        ("", False),
    ],
)
def test_the_text_a_question_is_put_under(asking, under):
    assert asked_under(asking, HELD, ABSENT) is under


def test_an_absent_resolution_told_in_the_story_does_not_decline_what_the_held_one_says(answer_client):
    data = ask(
        answer_client,
        "Thân chủ tôi bị xét xử sơ thẩm về một hành vi mà nay không còn là tội (điểm d khoản 2 Điều 1 NQ "
        "109/2015/QH13), vụ án đang chờ xét xử phúc thẩm. Theo NQ 01/2016/NQ-HĐTP, tòa phúc thẩm giải quyết ra sao?",
    )
    assert data["answered"], data.get("message")
    assert data["answer"][0]["doc_number"] == "01/2016/NQ-HĐTP", data["answer"][0]
    # the reader is told the resolution the story names is not in the collection
    assert data["banner"]["kind"] == "absent_named", data["banner"]
    assert "109/2015/QH13" in data["banner"]["text"]


def test_an_absent_code_told_in_the_story_does_not_decline_what_the_held_one_says(answer_client):
    data = ask(
        answer_client,
        "Ông ấy bị phạt tù theo BLHS 1999 về hành vi mà BLHS 2015 không coi là tội nữa, hiện đang thi hành án. Theo "
        "Nghị quyết 01/2016/NQ-HĐTP, ai quyết định miễn chấp hành phần hình phạt còn lại?",
    )
    assert data["answered"], data.get("message")
    assert data["answer"][0]["doc_number"] == "01/2016/NQ-HĐTP", data["answer"][0]


def test_a_question_on_what_the_absent_text_says_is_still_declined(answer_client):
    data = ask(
        answer_client,
        "Bị cáo được tòa tuyên không có tội vì hành vi không còn là tội. Nghị quyết 109/2015/QH13 quy định những gì?",
    )
    assert not data["answered"]
    assert "109/2015/QH13" in data["message"]


def test_an_absent_text_the_named_one_details_does_not_decline_a_keyword_question(answer_client):
    # NQ 01/2016/NQ-HĐTP details NQ 109/2015/QH13 (its relations say so): the absent resolution is what the held one
    # rules on, named first in a keyword question (the shape of a heldout34 false decline; these words are new)
    data = ask(
        answer_client,
        "lập danh sách người được miễn chấp hành hình phạt theo Nghị quyết 109/2015/QH13 — ai chủ trì — "
        "Nghị quyết 01/2016/NQ-HĐTP",
    )
    assert data["answered"], data.get("message")
    assert (data["answer"][0]["doc_number"], data["answer"][0]["article_number"]) == ("01/2016/NQ-HĐTP", "8")
    assert data["banner"]["kind"] == "absent_named" and "109/2015/QH13" in data["banner"]["text"]
