"""A death told in the story ("rồi chết", "tử vong") raises the range to the clause wording that death the offence's own
way ("làm người bị nhục hình chết", BLHS Điều 373 khoản 4), not only the trafficking offence's "Làm nạn nhân chết hoặc
tự sát"; a head count one death does not reach ("Làm chết 02 người trở lên") is no match. The shape of a heldout33
penalty question; the phrasings here written for these tests."""

from __future__ import annotations

import pytest

from search_api.answering.penalty_brackets import circumstance_in
from search_api.answering.terms import folded
from tests.conftest import ask
from tests.understanding import understand


@pytest.mark.parametrize(
    ("clause", "named"),
    [
        ("4. Phạm tội làm người bị nhục hình chết, thì bị phạt tù từ 12 năm đến 20 năm hoặc tù chung thân.", True),
        ("c) Làm nạn nhân chết hoặc tự sát;", True),
        ("a) Làm chết người;", True),
        ("a) Làm chết 02 người trở lên;", False),
        ("b) Gây thương tích cho người khác;", False),
    ],
)
def test_a_death_is_read_in_each_offences_wording(clause, named):
    assert circumstance_in(folded(clause), "làm chết", "chet hoac tu sat") is named


def test_tu_vong_tells_a_death():
    assert "làm chết" in understand("nạn nhân bị đánh đập rồi tử vong, bọn chúng bị phạt tù bao nhiêu năm").aggravating


def test_a_detainee_beaten_to_death_gets_the_death_clause(answer_client):
    data = ask(
        answer_client,
        "Một phạm nhân từng bị đường dây buôn người lợi dụng bị hai quản giáo dùng dùi cui đánh nhiều lần để ép khai, "
        "mấy ngày sau thì tử vong. Hai quản giáo phạm tội dùng nhục hình bị phạt tù bao nhiêu năm?",
    )
    first = data["answer"][0]
    assert first["citation"].startswith("Khoản 4 Điều 373 Bộ luật Hình sự"), first["citation"]
    assert data["summary"].startswith("Phạt tù từ 12 năm đến 20 năm hoặc tù chung thân"), data["summary"]
