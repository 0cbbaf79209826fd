"""Who holds a role (search_api/answering/asked_role.py): the unit saying "làm <the role asked>" earns a bonus.
Phrasings written for these tests, after heldout16's "ai làm tổ trưởng" was answered with the selection notice."""

from __future__ import annotations

import pytest

from search_api.answering.asked_role import LEAD_BONUS, ROLE_BONUS, asked_role, role_bonus
from search_api.answering.models import Candidate
from tests.understanding import understand


def _point(letter: str, text: str) -> Candidate:
    return Candidate(None, None, f"diem_{letter}", "diem", letter, "1", text, "", None, 0)  # type: ignore[arg-type]


def test_the_unit_naming_the_role_s_holder_earns_the_bonus():
    question = understand("to danh gia ho so lua chon to chuc ky hop dong thi ai lam to truong")
    holder = _point("a", "a) Lãnh đạo Sở Tư pháp làm Tổ trưởng;")
    member = _point("b", "b) Đại diện Trung tâm trợ giúp pháp lý nhà nước làm thành viên;")
    notice = _point("c", "c) Thông báo lựa chọn tổ chức gồm số lượng tổ chức dự kiến lựa chọn và tổ trưởng ký;")
    bonuses = [role_bonus(x, question) for x in (holder, member, notice)]
    assert bonuses == [ROLE_BONUS, 0.0, 0.0]


@pytest.mark.parametrize(
    "text, role",
    [
        ("Hội đồng ở cấp tỉnh có tối đa bao nhiêu người và ai làm Chủ tịch Hội đồng?", "chu tich"),
        ("đoàn thẩm định cấp phép do ai làm trưởng đoàn?", "truong doan"),
        ("Tổ đánh giá gồm những ai?", None),  # members asked, no role
        ("ai làm thủ tục cấp lại giấy xác nhận?", None),  # "làm thủ tục": doing, not a role
    ],
)
def test_the_role_asked(text, role):
    assert asked_role(understand(text).folded) == role


def test_the_unit_saying_who_leads_earns_the_lead_bonus_when_the_leader_is_asked():
    lead = _point("a", "5. Chủ trì, phối hợp với Bộ Lao động - Thương binh và Xã hội hướng dẫn việc bảo đảm ...")
    # (a clause one of whose points leads something else does not open with the lead)
    listing = _point("b", "4. Bộ Giáo dục và Đào tạo có trách nhiệm: a) Chủ trì xây dựng ...; c) Phối hợp với ...")
    partner = _point("c", "c) Phối hợp với Bộ Lao động - Thương binh và Xã hội ... hướng dẫn bảo đảm ...")
    asked = understand("bộ nào chủ trì hướng dẫn việc bảo đảm sự tham gia của trẻ em trong gia đình?")
    assert [role_bonus(x, asked) for x in (lead, partner, listing)] == [LEAD_BONUS, 0.0, 0.0]
    # who takes part is asked, not who leads
    assert role_bonus(lead, understand("những bộ nào phối hợp hướng dẫn việc bảo đảm sự tham gia của trẻ em?")) == 0.0
