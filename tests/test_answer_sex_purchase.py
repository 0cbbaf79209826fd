"""Paying for sex as the Code words it ("mua dâm"), and what follows from the words: a minor's case is Điều 329, an
adult's is no offence of the Code (declined, naming the administrative sanction the collection lacks). With the two
readings that put such a question on the wrong offence: "khung tù" typed without diacritics is a sentence asked, and
"ở Việt Nam người nước ngoài" counts no five people. Phrasings written for these tests, not copied from the sets."""

from __future__ import annotations

import pytest

from search_api.answering import models as m
from search_api.answering.counts import head_count
from search_api.answering.terms import folded
from search_api.answering.wording import legal_wording
from tests.conftest import ask
from tests.understanding import understand


@pytest.mark.parametrize(
    "typed",
    [
        "ông ta trả tiền để ngủ với em gái 15 tuổi",
        "dua tien cho co gai 20 tuoi de quan he",
        "khach tra tien cho chu quan roi ngu voi co gai",
    ],
)
def test_paying_for_sex_is_the_codes_purchase_of_sex(typed):
    assert "mua dâm" in legal_wording(folded(typed))


@pytest.mark.parametrize("typed", ["nó đưa tiền cho bố mẹ cô gái để cưới cô ấy", "trả tiền phòng để ngủ lại"])
def test_money_for_a_marriage_or_a_room_is_no_purchase_of_sex(typed):
    assert "mua dâm" not in legal_wording(folded(typed))


def test_a_prison_range_typed_without_diacritics_is_a_penalty_question():
    assert m.PENALTY in understand("nguoi nuoc ngoai mua ban phu nu thi khung tu la may nam").intents
    # whether the Code applies to a foreigner is asked, not a sentence (Điều 5-6)
    assert m.PENALTY not in understand("nguoi nuoc ngoai o Viet Nam co bi xu theo bo luat hinh su khong").intents


def test_viet_nam_followed_by_people_counts_nobody():
    assert head_count(folded("o viet nam nguoi nuoc ngoai pham toi")) == 0
    assert head_count(folded("ban nam nguoi sang trung quoc")) == 5


def test_a_minors_purchase_is_the_minors_offence_and_an_adults_is_declined(answer_client):
    minor = ask(answer_client, "khách nước ngoài trả tiền cho chủ quán để ngủ với cô bé 16 tuổi thì khung tù mấy năm")
    assert minor["answered"] and minor["answer"][0]["article_number"] == "329"
    adult = ask(answer_client, "đàn ông trả tiền để quan hệ với phụ nữ 30 tuổi bán dâm thì có bị đi tù không")
    # (before: Điều 150's five to ten years, or Điều 327, "chứa mại dâm")
    assert not adult["answered"]
    assert "Điều 329" in adult["message"] and "xử phạt vi phạm hành chính" in adult["message"]
