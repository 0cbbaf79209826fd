"""A new text's entry into force told as a moment ("sau khi X có hiệu lực thì ...") asks what becomes of a matter set up
under the old rule: the transitional article answers, not the effective-date clause
(search_api/answering/transition.py)."""

from __future__ import annotations

import pytest

from search_api.answering import models as m
from search_api.answering.asking import expanded_text
from search_api.answering.transition import is_transitional, without_moment
from tests.conftest import ask
from tests.conftest import first_quote as first
from tests.understanding import understand


@pytest.mark.parametrize(
    "question",
    [
        "sau khi Nghị định 144/2017 có hiệu lực thì giám đốc cũ có phải bổ nhiệm lại không",
        "Thông tư 12/2018 có HL rồi thì hồ sơ cũ làm sao",
        "được làm tiếp bao lâu kể từ khi Luật Trợ giúp pháp lý 2017 có hiệu lực thi hành",
        # session 20 (heldout19): the old text's time in force, and the conduct's time before the new rule
        "văn phòng đăng ký tham gia từ hồi Luật Trợ giúp pháp lý cũ còn HL",
        "có áp dụng cho hành vi làm từ trước khi điều luật đó có hiệu lực không",
    ],
)
def test_an_entry_into_force_told_as_a_moment_is_read(question):
    rest = without_moment(expanded_text(question))
    assert rest is not None and "hieu luc" not in rest


@pytest.mark.parametrize(
    "question",
    [
        "khi nào Nghị định 144/2017 có hiệu lực",
        "Thông tư 36/2018 khi xây dựng chính sách có hiệu lực thi hành từ ngày nào",
        "sau khi ban hành thì nghị định có hiệu lực chưa",
        "Luật 53/2024/QH15 có hiệu lực từ ngày nào",
        # whether a text is still in force is asked, not told
        "hồi đó Luật cũ còn hiệu lực không",
    ],
)
def test_an_entry_into_force_asked_is_no_moment(question):
    assert without_moment(expanded_text(question)) is None


def test_the_moment_makes_a_transition_question_not_a_status_question():
    told = understand("Giám đốc bổ nhiệm theo NĐ 07/2007, NĐ 144/2017 có HL rồi thì có phải bổ nhiệm lại không?")
    assert told.asks_transition and m.STATUS not in told.intents
    asked = understand("Nghị định 144/2017 có hiệu lực từ ngày nào, thay thế nghị định nào?")
    assert m.STATUS in asked.intents and not asked.asks_transition


def test_which_protection_measure_is_no_choice_of_rule():
    # "đang thụ lý ... được áp dụng biện pháp nào": a protection measure asked, not which text governs a running matter
    assert not is_transitional(expanded_text("VKS đang thụ lý vụ án thì được áp dụng biện pháp nào để bảo vệ nạn nhân"))
    assert is_transitional(expanded_text("hồ sơ đang giải quyết thì áp dụng quy định nào"))


@pytest.mark.parametrize(
    "question, doc, article",
    [
        # before: 144/2017 Điều 20 khoản 1 ("có hiệu lực thi hành từ ngày 01 tháng 01 năm 2018")
        (
            "Giám đốc Trung tâm trợ giúp pháp lý được bổ nhiệm theo Nghị định 07/2007, sau khi Nghị định 144/2017 có"
            " hiệu lực thì có phải đáp ứng điều kiện bổ nhiệm mới không?",
            "144/2017/NĐ-CP",
            "21",
        ),
        # before: 10/2018 Điều 25 khoản 1, its effective date
        (
            "hoi dong phoi hop lien nganh lap theo TTLT 11/2013, TTLT 10/2018 co hieu luc roi thi hoi dong do the nao",
            "10/2018/TTLT-BTP-BCA-BQP-BTC-TANDTC-VKSNDTC",
            "24",
        ),
    ],
)
def test_a_matter_set_up_under_the_old_text_is_answered_by_the_new_texts_transitional_article(
    answer_client, question, doc, article
):
    got_doc, got_article, _ = first(ask(answer_client, question))
    assert (got_doc, got_article) == (doc, article)


@pytest.mark.parametrize(
    ("question", "cited", "stated"),
    [
        # heldout19: "từ hồi Luật TGPL 2006 còn HL. Sau khi Luật TGPL 2017 có HL thì ..." was answered with Điều 47, the
        # new law's effective date, not Điều 48's year to meet the new conditions
        (
            "Trung tâm chúng tôi ký hợp đồng với luật sư từ hồi Luật Trợ giúp pháp lý cũ còn hiệu lực. Sau khi Luật"
            " 2017 có hiệu lực thì trong bao lâu tổ chức tham gia phải đáp ứng điều kiện mới?",
            "Khoản 2 Điều 48 Luật Trợ giúp pháp lý",
            "Trong thời hạn 01 năm",
        ),
        # heldout19: whether a harsher new rule reaches earlier conduct is the Code's Điều 7, not its effective date
        (
            "Bộ luật Hình sự mới tăng nặng hình phạt thì có bị áp dụng cho hành vi phạm tội làm trước khi điều luật đó"
            " có hiệu lực không?",
            "Điều 7 Bộ luật Hình sự",
            "không được áp dụng đối với hành vi phạm tội đã thực hiện trước khi",
        ),
    ],
)
def test_a_time_told_before_a_new_rule_is_answered_by_the_rule_on_that_time(answer_client, question, cited, stated):
    data = ask(answer_client, question)
    # (not the status line "có hiệu lực từ 01/01/2018, còn hiệu lực" the effective-date reading gave)
    assert "hiệu lực từ" not in (data.get("summary") or ""), data.get("summary")
    lead = data["answer"][0]
    assert lead["citation"].startswith(cited) and stated in lead["text"], lead["citation"]
