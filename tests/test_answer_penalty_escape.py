"""The escape offences count those who escaped ("Để từ 02 người đến 05 người bỏ trốn", BLHS Điều 376 khoản 2), and a
penalty summary states the range a clause prescribes, not a sentence it speaks of ("người đang chấp hành án phạt tù
mà không thực hiện …"). The shape of a heldout33 penalty question; the phrasings here written for these tests."""

from __future__ import annotations

import pytest

from search_api.answering.counts import head_count
from search_api.answering.penalty_brackets import PRESCRIBED_RANGE
from search_api.answering.terms import folded
from tests.conftest import ask


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("quản giáo sơ suất để 4 phạm nhân vượt ngục", 4),
        ("để ba bị can bỏ trốn khỏi trại tạm giam", 3),
        # defendants who did not escape are offenders, counted by no bracket
        ("hai bị cáo cùng bán một cô gái sang Trung Quốc", 0),
    ],
)
def test_the_escaped_are_counted(text, count):
    assert head_count(folded(text)) == count


def test_the_summary_reads_the_prescribed_range_not_a_sentence_spoken_of():
    clause = (
        "1. Người nào được giao trách nhiệm trực tiếp quản lý, canh gác người đang chấp hành án phạt tù mà không "
        "thực hiện đúng quy định để người đó trốn, thì bị phạt cải tạo không giam giữ đến 03 năm hoặc phạt tù từ 06 "
        "tháng đến 03 năm:"
    )
    assert PRESCRIBED_RANGE.search(clause).group(0) == "phạt tù từ 06 tháng đến 03 năm"


def test_escapees_counted_pick_the_clause_of_their_bracket(answer_client):
    data = ask(
        answer_client,
        "Cán bộ trực trại tạm giam bỏ đi uống rượu, quên khóa buồng, để 4 bị can trong vụ lừa bán phụ nữ trốn mất. "
        "Tội thiếu trách nhiệm để người bị tạm giam trốn thì cán bộ đó bị phạt tù bao nhiêu năm?",
    )
    first = data["answer"][0]
    assert first["citation"].startswith("Khoản 2 Điều 376 Bộ luật Hình sự"), first["citation"]
    assert data["summary"].startswith("Phạt tù từ 02 năm đến 07 năm (4 người)"), data["summary"]
