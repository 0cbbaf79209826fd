"""How many kinds a text sets up (search_api/answering/counted.py): the unit stating "<number> <kind asked>" earns a
bonus; the unit's own numbering, durations, sums and head counts do not count. Phrasings written for these tests."""

from __future__ import annotations

import pytest

from search_api.answering.counted import COUNT_BONUS, asked_kind, count_bonus
from search_api.answering.models import Candidate
from tests.understanding import understand


def _clause(number: str, text: str) -> Candidate:
    return Candidate(None, None, f"khoan_{number}", "khoan", number, number, text, "", None, 0)  # type: ignore[arg-type]


def test_the_unit_stating_the_number_of_kinds_asked_earns_the_bonus():
    question = understand("Luật chia việc bảo vệ thành mấy cấp độ, gồm những cấp độ nào?")
    stating = _clause("1", "1. Bảo vệ được thực hiện theo ba cấp độ sau đây: a) Cấp độ phòng ngừa; b) Cấp độ hỗ trợ.")
    # ("2." is the clause's own number, not two levels)
    one_kind = _clause("2", "2. Cấp độ phòng ngừa gồm các biện pháp chung.")
    assert (count_bonus(stating, question), count_bonus(one_kind, question)) == (COUNT_BONUS, 0.0)
    assert count_bonus(stating, understand("Bảo vệ trẻ em gồm những biện pháp gì?")) == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "nạn nhân được hỗ trợ tiền ăn tối đa mấy ngày",  # a duration
        "chi bao nhiêu tiền một ngày",  # a sum
        "bán mấy người thì bị phạt nặng hơn",  # a head count
        "nạn nhân được hỗ trợ những gì",  # no count asked
        # a measure ("bao nhiêu thời gian"): 02/2021 Điều 5's "02 thời gian ..." had earned the bonus (heldout13)
        "1 buổi làm việc được tính bằng bao nhiêu thời gian",
        # which one, not how many (an outside reader's "dùng mẫu số mấy của NĐ 56/2017")
        "đánh giá nguy cơ ban đầu thì ai thực hiện, dùng mẫu số mấy của NĐ 56/2017",
    ],
)
def test_durations_sums_and_head_counts_are_no_kinds(text):
    assert asked_kind(understand(text).folded) is None


def test_a_council_s_members_are_counted_in_persons():
    # heldout16: "tối đa mấy thành viên" answered with the members' allowance, not "có không quá 08 người"
    question = understand("Hội đồng phối hợp liên ngành Trung ương được có tối đa mấy thành viên?")
    stating = _clause("3", "3. Hội đồng phối hợp liên ngành Trung ương có không quá 08 người, gồm các thành phần sau:")
    allowance = _clause("3", "3. Thành viên Hội đồng được hưởng bồi dưỡng là 0,3 mức lương cơ sở/người/tháng.")
    assert (count_bonus(stating, question), count_bonus(allowance, question)) == (COUNT_BONUS, 0.0)
    # persons are no kind of their own: "mấy người" stays a head count
    assert count_bonus(stating, understand("bán mấy người thì bị phạt nặng hơn")) == 0.0


def test_bao_nhieu_counts_a_kind_as_may_does():
    # "gồm bao nhiêu thẩm phán": the clause stating "03 Thẩm phán", not the council's powers (heldout22, written apart)
    question = understand("hoi dong xet giam thoi han tha tu gom bao nhieu tham phan, co kiem sat vien khong")
    stating = _clause("2", "2. Hội đồng gồm 03 Thẩm phán, có sự tham gia của Kiểm sát viên.")
    powers = _clause("4", "4. Hội đồng có quyền chấp nhận hoặc không chấp nhận đề nghị của Thẩm phán.")
    assert (count_bonus(stating, question), count_bonus(powers, question)) == (COUNT_BONUS, 0.0)
    assert asked_kind(understand("mỗi ngày được chi bao nhiêu đồng").folded) is None
