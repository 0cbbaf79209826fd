"""Which time limit is asked: the one counted from the event the question tells
(search_api/answering/time_anchor.py)."""

from __future__ import annotations

from search_api.answering.time_anchor import anchor_bonus, anchors
from tests.conftest import ask
from tests.understanding import understand


def test_the_event_a_time_limit_runs_from_is_read_up_to_its_comma():
    (event,) = anchors(
        "1. Trong thời hạn 02 ngày làm việc, kể từ ngày phân công người trực tiếp giám sát, giáo dục, Chủ tịch Ủy ban"
        " nhân dân cấp xã triệu tập người được giám sát"
    )
    assert event == {"phan_cong", "cong_nguoi", "nguoi_truc", "truc_tiep", "tiep_giam", "giam_sat"}
    # "nhận được" says nothing of which event
    (event,) = anchors("Trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ hợp lệ, Sở Tư pháp cấp thẻ")
    assert event == {"duoc_ho", "ho_so", "so_hop", "hop_le"}
    assert anchors("Thời hạn tạm trú tối đa 60 ngày.") == ()


def test_only_a_time_limit_question_reads_the_event():
    class Unit:  # the fields of a candidate unit anchor_bonus reads
        text = "Trong thời hạn 03 ngày làm việc kể từ ngày nhận được kiến nghị, cơ quan phải trả lời"
        reasons: list[str] = []

    unit = Unit()
    asked = understand("cơ quan nhận được kiến nghị thì phải trả lời trong bao lâu")
    assert anchor_bonus(unit, asked) > 0  # type: ignore[arg-type]
    assert anchor_bonus(unit, understand("cơ quan nhận được kiến nghị thì phải làm gì")) == 0  # type: ignore[arg-type]


def test_a_reply_to_a_legal_aid_centres_recommendation_is_counted_from_receiving_it(answer_client):
    # Luật TGPL Điều 36 khoản 2 ("… trong thời hạn 15 ngày kể từ ngày nhận được kiến nghị"), not Điều 24's time limit
    # for a legal-aid request (dev2 D2-028 was answered with it)
    data = ask(
        answer_client, "Cơ quan nhà nước nhận kiến nghị của Trung tâm trợ giúp pháp lý thì phải trả lời trong bao lâu?"
    )
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("11/2017/QH14", "36"), first["citation"]
