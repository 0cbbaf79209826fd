"""A status question asking for the text that replaced or amended a named one, when neither the collection nor the
catalogue records any (successor.unknown_successor): declined, saying so, instead of quoting the named text's own
clauses. A text whose replacement is recorded is still answered with it. Questions written for these tests (the
shape of heldout22-24's unanswerable questions), both backends."""

from __future__ import annotations

import pytest

from search_api.answering.naming import says_number
from search_api.answering.successor import _SUCCESSOR_ASKED
from search_api.answering.terms import folded
from tests.conftest import ask


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Bộ đã ban hành thông tư mới thay thế Thông tư 35/2013 chưa, số mấy?", True),
        ("Luật sửa đổi đó số mấy, có hiệu lực từ ngày nào?", True),
        ("Nghị định 09/2013 đã được sửa đổi chưa?", True),
        # a named text newly signed is no new text asked for
        ("Thông tư 35/2013/TT-BLĐTBXH mới ký cuối tháng 12/2013 đã áp dụng được chưa?", False),
        ("Nghị định 09/2013 có hiệu lực từ ngày nào?", False),
    ],
)
def test_a_successor_asked_for_is_told_apart(text, asked):
    assert bool(_SUCCESSOR_ASKED.search(folded(text))) is asked


def test_a_text_is_named_by_its_number_s_first_two_parts():
    assert says_number("thay Nghị định 62/2012 về căn cứ", "62/2012/NĐ-CP")
    assert not says_number("Nghị định 162/2012", "62/2012/NĐ-CP")


def test_a_successor_no_text_records_is_declined_saying_so(answer_client):
    data = ask(
        answer_client,
        "Cơ sở bọn mình vẫn làm theo Thông tư 35/2013/TT-BLĐTBXH. Bộ đã ban hành thông tư mới thay thế Thông tư "
        "35/2013 chưa, số mấy, có hiệu lực từ ngày nào?",
    )
    assert not data["answered"]
    assert "không ghi nhận văn bản nào thay thế, sửa đổi hay bãi bỏ Thông tư 35/2013/TT-BLĐTBXH" in data["message"]


def test_a_recorded_replacement_is_answered(answer_client):
    data = ask(answer_client, "Luật 66/2011/QH12 đã bị thay thế chưa, luật mới số mấy?")
    assert data["answered"], data["message"]
    assert "53/2024/QH15" in data["summary"]


def test_a_successor_asked_of_a_text_the_story_only_mentions_is_not_declined_for_it(answer_client):
    # the sentence asking names another law, which the collection does not hold: not a question about NĐ 56/2017
    data = ask(
        answer_client,
        "Nghị định 56/2017/NĐ-CP chỉ ghi trẻ em nhiễm HIV theo quy định pháp luật. Vậy luật về phòng chống HIV đã "
        "được sửa đổi chưa?",
    )
    assert "Nghị định 56/2017/NĐ-CP; số hiệu" not in (data.get("message") or "")
