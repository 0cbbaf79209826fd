"""A penalty story in which a sale is only suffered ("bé gái bị lừa bán vào quán", "chị tôi bị bán sang Trung
Quốc") asks about another person's act: the trafficking offence's words do not choose the offence
(sale_told.sale_only_suffered). An offence said by the opening words of its heading ("tội tham ô") is named
(offence_tables._offences_named_by_opening). Development questions (ids given) and questions written for this test,
on both backends."""

from __future__ import annotations

import pytest

from search_api.answering.sale_told import sale_only_suffered, without_sale_suffered, without_sale_terms
from search_api.answering.terms import folded
from tests.conftest import ask, first_quote


@pytest.mark.parametrize(
    ("text", "suffered"),
    [
        ("Chị tôi bị bán sang Trung Quốc, trốn về thì bị giám đốc sa thải", True),
        ("bé trai 15 tuổi bị bọn buôn người sai canh cửa", True),
        ("các chị đang chờ xác minh nạn nhân bị mua bán", True),
        ("cô gái bị lừa bán vào quán, chủ quán chứa mại dâm", True),
        # a seller acting: the question may ask about him
        ("Thằng đó lừa bán cô em họ tôi", False),
        ("Em tôi bị bán sang Trung Quốc, kẻ bán nó bị phạt bao nhiêu năm", False),
        ("Em tôi bị bán, bọn buôn người bị phạt thế nào", False),
        ("mượn xe máy rồi đem bán lấy tiền", False),
        ("vụ án MBN", False),
        # folded, "bạn" is "ban": a friend told, no sale
        ("Em tôi bị bạn rủ đi làm xa rồi mất liên lạc", False),
    ],
)
def test_a_sale_only_suffered_is_told_apart_from_a_seller_s_act(text, suffered):
    assert sale_only_suffered(folded(text)) is suffered


def test_the_story_less_its_sales_keeps_the_other_acts_and_the_weights_lose_the_sale_s_words():
    assert without_sale_suffered("chi toi bi lua ban sang trung quoc giam doc sa thai chi") == (
        "chi toi sang trung quoc giam doc sa thai chi"
    )
    weights = {"mua": 1.0, "mua_ban": 2.0, "ban nguoi": 1.5, "sa": 0.5, "sa_thai": 3.0, "bang": 0.2}
    assert without_sale_terms(weights) == {"sa": 0.5, "sa_thai": 3.0, "bang": 0.2}


@pytest.mark.parametrize(
    ("question", "article", "says"),
    [
        (  # H7-048: keeping a brothel with a 14-year-old (Điều 327 khoản 3), not Điều 151
            "BLHS: chủ quán chứa mại dâm đối với bé gái 14 tuổi bị lừa bán vào quán thì bị phạt tù bao nhiêu năm?",
            "327",
            "Đối với người từ đủ 13 tuổi đến dưới 16 tuổi",
        ),
        (  # H11-049: buying sex from a 15-year-old (Điều 329 khoản 2), not Điều 151
            "mot nguoi dan ong 35 tuoi tra tien mua dam mot be gai 15 tuoi bi lua ban vao nha nghi, lan dau. han bi "
            "phat tu bao nhieu nam",
            "329",
            "người từ đủ 13 tuổi đến dưới 16 tuổi",
        ),
        (  # written for this test: embezzlement named by its heading's opening words (Điều 353 khoản 1)
            "Thủ quỹ trung tâm bảo trợ xã hội, nơi đang nuôi nhiều chị em bị lừa bán trở về, rút 40 triệu tiền hỗ trợ "
            "do chính mình giữ để tiêu xài và bị khởi tố tội tham ô. Khung hình phạt nào?",
            "353",
            "phạt tù từ 02 năm đến 07 năm",
        ),
    ],
    ids=["brothel-keeper", "buyer-of-sex", "embezzler"],
)
def test_the_act_asked_about_chooses_the_offence_not_the_victim_s_sale(answer_client, question, article, says):
    data = ask(answer_client, question)
    assert data["answered"], data["message"]
    document, number, text = first_quote(data)
    assert (document, number) == ("100/2015/QH13", article), data["answer"][0]["citation"]
    assert says in text


@pytest.mark.parametrize(
    ("question", "article"),
    [
        ("Con gái tôi 15 tuổi bị lừa bán sang Trung Quốc. Bọn chúng bị phạt tù bao nhiêu năm?", "151"),
        ("Em gái tôi 20 tuổi bị bán sang Trung Quốc, kẻ đó bị phạt bao nhiêu năm tù?", "150"),
        ("chi toi bi lua ban sang campuchia, nguoi do bi phat tu bao nhieu nam", "150"),
    ],
)
def test_a_story_asking_about_the_sellers_keeps_the_trafficking_offence(answer_client, question, article):
    document, number, _ = first_quote(ask(answer_client, question))
    assert (document, number) == ("100/2015/QH13", article)
