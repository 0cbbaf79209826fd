"""Penalty questions about an offender under 18 (search_api/answering/juvenile.py), on both backends:
the Criminal Code's rules for minors answer, not the offence's own range. Phrasings written for these
tests, not copied from the labelled sets."""

from __future__ import annotations

import pytest

from search_api.answering.juvenile import offender_age
from tests.conftest import ask
from tests.understanding import understand


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("con trai tôi 16 tuổi tham gia đường dây mua bán người thì bị phạt tù tối đa bao nhiêu năm", 16),
        ("em ay 15 tuoi giup suc cho bon buon nguoi thi co bi truy cuu trach nhiem hinh su khong", 15),
        ("người chưa thành niên phạm tội mua bán người thì xử lý thế nào", 0),
        # read across the full stop, "đem bán lấy tiền. Cháu 16 tuổi" made the boy the one sold (outside reader)
        (
            "Con tôi 16 tuổi giúp một người lớn rủ bạn đi chơi rồi giao bạn cho họ đem bán lấy tiền. Cháu 16 tuổi có "
            "phải chịu trách nhiệm hình sự không?",
            16,
        ),
        # whether one under 18 answers at all, the act told in other words ("bị thuê dẫn mấy cô gái đi"; heldout13)
        (
            "Thằng cháu tôi 17 tuổi bị bọn buôn người thuê dẫn mấy cô gái đi đường mòn sang Trung Quốc. Có đúng là "
            "chưa 18 tuổi thì không phải chịu trách nhiệm hình sự không?",
            17,
        ),
        # drawn into the ring to take girls across the border, liability asked (an outside reader, session 18, was
        # given Điều 151's 18-20 years or life as the summary)
        (
            "Cháu trai 15 tuổi bị một đường dây rủ dẫn 2 bạn gái sang bên kia biên giới giao cho người TQ, được trả 5"
            " triệu. Cháu có bị truy cứu TNHS không, có được miễn không, mức án tối đa bao nhiêu?",
            15,
        ),
    ],
)
def test_an_offender_under_18_is_read(text, age):
    assert offender_age(understand(text)) == age


@pytest.mark.parametrize(
    "text",
    [
        "mua bán trẻ em 15 tuổi thì bị truy cứu trách nhiệm hình sự thế nào",  # the child is the victim
        "kẻ buôn người xúi giục người dưới 18 tuổi phạm tội thì có bị tăng nặng không",  # the adult's aggravation
        "bán một bé gái 14 tuổi sang Trung Quốc bị phạt tù bao nhiêu năm",
        # the child raised by the offender, then sold; "bị xử" is the aunt's prosecution
        "cô ruột đang nuôi cháu 12 tuổi rồi đem cháu đi bán sang Trung Quốc thì bị xử theo khoản nào Điều 151",
        "chu ruot nuoi chau 14 tuoi roi mang ban qua bien gioi thi bi xu bao nhieu nam",
        # the victim is under 18, the liability is the seller's
        "nạn nhân chưa 18 tuổi thì kẻ bán có bị truy cứu trách nhiệm hình sự nặng hơn không",
        # the girl raised by her aunt is sold ("bán cháu"), and "bị xử" is the aunt's (outside reader, session 15)
        "Bà dì đang nuôi cháu gái 9 tuổi mồ côi, rồi bán cháu cho một người lạ lấy 30 triệu. Bà ta bị xử theo khoản "
        "nào Điều 151 BLHS, bao nhiêu năm tù?",
        # the girl is touched; "ông ta bị xử" is the landlord's prosecution (heldout14)
        "ong chu nha tro 40 tuoi sam so co be 12 tuoi o phong ben, lan dau. ong ta bi xu toi gi, phat tu bao nhieu",
        # lured away, no act on others follows: the girl is the victim, the ring's liability is asked
        "Em gái 15 tuổi bị một đường dây rủ đi làm xa rồi bán sang TQ. Bọn chúng có bị truy cứu TNHS không?",
        # the girl is led to the buyers of sex: the go-between's sentence is asked (heldout19 got the cap for minors)
        "Kẻ làm trung gian dẫn dắt một em gái 14 tuổi cho khách mua dâm thì bị xử khoản nào, khung tù bao nhiêu?",
        # the adult forcing a minor into a crime is the one asked about (Điều 325)
        "Người ép buộc người dưới 18 tuổi phạm tội vận chuyển ma túy thì bị phạt tù bao nhiêu năm?",
        # ... with the other acts Điều 325 lists (heldout25 got the cap for minors for "lôi kéo, mua chuộc")
        "Kẻ mua chuộc người dưới 18 tuổi phạm tội trộm cắp thì bị phạt tù mấy năm?",
        # an exemption told in the story; the asking sentence asks about the supervisors (37/2018/NĐ-CP)
        "Phường đang có 3 em dưới 18 tuổi được miễn TNHS phải giám sát, giáo dục. Một cán bộ được giao giám sát "
        "tối đa mấy em cùng lúc?",
    ],
)
def test_a_child_victim_or_an_incited_minor_is_no_minor_offender(text):
    assert offender_age(understand(text)) is None


def test_a_17_year_olds_sentence_is_the_capped_term_then_the_offence_he_is_charged_with(answer_client):
    data = ask(
        answer_client,
        "cháu tôi 17 tuổi tham gia chuyển giao người cho bọn buôn người, bị truy tố theo khoản 1 Điều 150, "
        "mức tù cao nhất với cháu là bao nhiêu",
    )
    citations = [q["citation"] for q in data["answer"]]
    assert citations[0].startswith("Khoản 1 Điều 101 Bộ luật Hình sự"), citations
    assert "không quá ba phần tư" in data["answer"][0]["text"]
    # the range it caps: the clause named, not another offence sharing a circumstance's words
    assert citations[1].startswith("Khoản 1 Điều 150 "), citations


def test_a_15_year_olds_highest_sentence_is_the_cap_not_the_cap_for_an_attempt(answer_client):
    # heldout17: Điều 102 khoản 2 (preparing a crime) states the same "mức hình phạt cao nhất" for the same band
    story = "Thằng em họ tôi 15 tuổi tham gia cùng nhóm người lớn bán một bé 10 tuổi sang Trung Quốc"
    range_told = "khung hình phạt của tội này có cả tù chung thân"
    asked = "Em 15 tuổi thì tòa có thể xử mức cao nhất là bao nhiêu năm tù?"
    cap = ask(answer_client, f"{story}, {range_told}. {asked}")["answer"][0]
    assert (cap["article_number"], cap["unit_kind"]) == ("101", "khoan"), cap["citation"]
    assert "không quá 12 năm tù" in cap["text"] and cap["text"].startswith("2. ")


def test_a_child_sold_with_no_destination_told_is_the_child_trafficking_offence_after_the_cap(answer_client):
    # "tham gia bán trẻ em" had no wording of its own: the only offence found was Điều 408, "Tội báo cáo sai"
    data = ask(answer_client, "Em 15 tuổi thì tòa có thể xử mức cao nhất là bao nhiêu năm tù nếu tham gia bán trẻ em?")
    articles = [q["article_number"] for q in data["answer"]]
    assert articles[:2] == ["101", "151"], [q["citation"] for q in data["answer"]]


def test_a_15_year_olds_exemption_is_the_point_for_his_age_band(answer_client):
    data = ask(answer_client, "em trai 15 tuổi tiếp tay cho đường dây bán người có được miễn trách nhiệm hình sự không")
    first = data["answer"][0]
    assert first["citation"].startswith("Điểm b khoản 2 Điều 91 Bộ luật Hình sự"), first["citation"]
    assert "150" in first["text"]  # the exception that rules trafficking out


def test_a_15_year_olds_liability_is_the_age_of_criminal_liability(answer_client):
    data = ask(answer_client, "thằng bé 15 tuổi tham gia mua bán người có phải chịu trách nhiệm hình sự không")
    assert data["answer"][0]["citation"].startswith("Khoản 2 Điều 12 Bộ luật Hình sự"), data["answer"][0]["citation"]


@pytest.mark.parametrize(
    "question, rule",
    [
        # "nên không bị đi tù" is the family's belief; the question asks whether he answers at all (heldout13: an
        # offence's clause for victims under 18 was given)
        (
            "Thằng cháu tôi 17 tuổi bị bọn buôn người thuê dẫn mấy cô gái đi đường mòn sang Trung Quốc. Nhà tôi nghĩ"
            " nó chưa đủ 18 nên không bị đi tù. Có đúng là chưa 18 tuổi thì không phải chịu trách nhiệm hình sự không?",
            "Khoản 1 Điều 12 Bộ luật Hình sự",
        ),
        # Điều 91 khoản 6 ("Không áp dụng hình phạt bổ sung đối với người dưới 18 tuổi phạm tội"); before: Điều 12's age
        # of liability, then Điều 150 khoản 4's fines, which a minor cannot be given
        (
            "con toi 16 tuoi bi xu toi mua ban nguoi, ngoai phat tu toa co tuyen them hinh phat bo sung nhu phat tien"
            " khong",
            "Khoản 6 Điều 91 Bộ luật Hình sự",
        ),
        # a 15-year-old helping to lure a girl who is sold: the cap for his band (Điều 101 khoản 2); an outside reader
        # (session 19) was given Điều 151's range, the boy read as the child sold
        (
            "Thằng em 15 tuổi theo bọn lớn, giúp lừa một bạn cùng lớp đem bán. Em có phải chịu TNHS không, tù tối đa"
            " bao nhiêu?",
            "Khoản 2 Điều 101 Bộ luật Hình sự",
        ),
    ],
)
def test_what_the_asking_sentence_asks_of_a_minor_picks_the_rule(answer_client, question, rule):
    cited = ask(answer_client, question)["answer"][0]["citation"]
    assert cited.startswith(rule), cited


def test_a_child_raised_then_sold_is_answered_with_the_offence_not_the_minors_cap(answer_client):
    # an outside reader's question (session 13) was answered with Điều 101, the cap for offenders aged 16-18
    data = ask(answer_client, "cô ruột đang nuôi cháu 12 tuổi thì đem cháu đi bán, bị xử khoản nào, bao nhiêu năm tù")
    assert data["answer"][0]["article_number"] == "151", data["answer"][0]["citation"]
