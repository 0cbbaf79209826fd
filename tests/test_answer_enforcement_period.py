"""The period for enforcing a sentence already passed ("thời hiệu thi hành bản án", Điều 60 BLHS, by the sentence) is
told from the period for prosecuting (Điều 27, by the offence's category), and from a civil judgment's enforcement
(the Law on Enforcement of Civil Judgments, which the collection lacks). Phrasings written for these tests."""

from __future__ import annotations

import pytest

from tests.conftest import ask


@pytest.mark.parametrize(
    "question, point, period",
    [
        # before: Điều 27 khoản 2 (prosecution), summed up by Điều 379's clauses
        ("Kẻ buôn người bị tuyên 7 năm tù nhưng đã bỏ trốn, thời hiệu thi hành bản án là bao lâu?", "b", "10 năm"),
        ("bi xu 2 nam tu roi tron, thoi hieu thi hanh ban an bao nhieu nam", "a", "05 năm"),
        # before: declined as a civil judgment's enforcement
        ("Bị án tù chung thân mà trốn thì thời hiệu thi hành án là bao lâu?", "d", "20 năm"),
    ],
)
def test_the_enforcement_period_is_the_point_for_the_sentence_passed(answer_client, question, point, period):
    data = ask(answer_client, question)
    cited = data["answer"][0]["citation"]
    assert cited.startswith(f"Điểm {point} khoản 2 Điều 60 Bộ luật Hình sự số 100/2015/QH13"), cited
    assert data["summary"].startswith(period), data["summary"]


def test_a_civil_judgments_enforcement_is_still_declined(answer_client):
    data = ask(answer_client, "thời hiệu yêu cầu thi hành án dân sự phần bồi thường là bao lâu")
    assert not data["answered"] and "Luật Thi hành án dân sự" in data["message"]


@pytest.mark.parametrize(
    "words, told",
    [
        ("bi toa xu 9 nam tu roi bo tron", (9, "9 năm tù")),
        ("ket an 18 thang tu", (1.5, "18 tháng tù")),
        ("muc an 9 nam", (9, "9 năm tù")),
        ("an tu chung than", (None, "tù chung thân hoặc tử hình")),
        ("thoi hieu thi hanh ban an la bao lau", None),
    ],
)
def test_the_prison_term_told_is_read_once_for_every_rule_grading_it(words, told):
    # (the expungement and enforcement-period rules read the same sentence: counts.prison_term_told)
    from search_api.answering.counts import prison_term_told

    assert prison_term_told(words) == told


@pytest.mark.parametrize(
    ("question", "article", "says"),
    [
        (  # written for this test (heldout31's class: it was given Điều 60's periods)
            "Những tội nào thì BLHS không áp dụng thời hiệu thi hành bản án? Thằng bán chị tôi bị xử xong trốn biệt",
            "61",
            "Không áp dụng thời hiệu thi hành bản án đối với các tội quy định tại Chương XIII, Chương XXVI",
        ),
        (
            "tội nào không áp dụng thời hiệu truy cứu trách nhiệm hình sự theo bộ luật hình sự",
            "28",
            "Các tội xâm phạm an ninh quốc gia quy định tại Chương XIII",
        ),
    ],
    ids=["enforcement", "prosecution"],
)
def test_offences_with_no_limitation_period_are_answered_from_the_exceptions(answer_client, question, article, says):
    data = ask(answer_client, question)
    assert data["answered"], data["message"]
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("100/2015/QH13", article), first["citation"]
    assert says in first["text"] and f"Điều {article}" in data["summary"]


@pytest.mark.parametrize(
    "question, first",
    [
        # from when a period runs again, not its length (a heldout34 and a heldout29 question were given the length)
        (
            "Kẻ buôn người bị xử 9 năm tù, bỏ trốn, bị truy nã, 10 năm sau tự ra trình diện. Thời hiệu thi hành bản án "
            "được tính lại từ khi nào?",
            "Khoản 5 Điều 60",
        ),
        (
            "Bị án 2 năm tù chưa thi hành thì lại phạm tội mới. Thời hiệu thi hành bản án tính lại từ khi nào?",
            "Khoản 4 Điều 60",
        ),
        ("thoi hieu truy cuu toi mua ban nguoi tinh tu luc nao", "Khoản 3 Điều 27"),
    ],
)
def test_from_when_a_period_runs_is_the_khoan_saying_so(answer_client, question, first):
    data = ask(answer_client, question)
    assert data["answered"], data.get("message")
    cited = data["answer"][0]["citation"]
    assert cited.startswith(f"{first} Bộ luật Hình sự số 100/2015/QH13"), cited
    assert "tính lại" in data["answer"][0]["text"] or "được tính từ" in data["answer"][0]["text"]
    assert data["summary"].startswith("Thời hiệu "), data["summary"]
    assert first.replace("Khoản", "khoản") in data["summary"], data["summary"]
