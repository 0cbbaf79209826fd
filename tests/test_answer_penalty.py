"""Penalty questions that name the Criminal Code article (and clause) they ask about, on both
backends. Phrasings written for these tests, not copied from the labelled sets."""

from __future__ import annotations

import pytest

from search_api.answering import models as m
from tests.conftest import ask
from tests.understanding import understand


@pytest.mark.parametrize(
    "text",
    ["BLHS điều 151 khoản 2 có tổ chức phạt bao nhiêu", "mua ban nguoi duoi 16 tuoi co to chuc phat may nam"],
)
def test_phat_bao_nhieu_asks_for_a_sentence(text):
    question = understand(text)
    assert question.intent == m.PENALTY
    assert "có tổ chức" in question.aggravating


def test_an_administrative_fine_in_money_is_not_read_as_a_sentence():
    assert m.PENALTY not in understand("không khai báo tạm trú thì bị xử phạt bao nhiêu tiền").intents


def test_the_offence_named_by_its_article_is_quoted(answer_client):
    data = ask(answer_client, "blhs dieu 151 khoan 1 thi phat tu bao nhieu")
    first = data["answer"][0]
    assert (first["article_number"], first["citation"].split()[1]) == ("151", "1"), first["citation"]
    assert data["summary"].startswith("Phạt tù từ 07 năm đến 12 năm"), data["summary"]


def test_the_named_clause_comes_before_the_clause_matching_the_circumstances(answer_client):
    # "có tổ chức" is a circumstance of khoản 2; the question names khoản 3: both are quoted, khoản 3 first.
    data = ask(answer_client, "khoản 3 điều 150 bộ luật hình sự, nếu có tổ chức thì phạt bao nhiêu năm")
    citations = [q["citation"] for q in data["answer"]]
    assert citations[0].startswith("Khoản 3 Điều 150 "), citations
    assert any(c.startswith("Khoản 2 Điều 150 ") for c in citations[1:]), citations
    assert "— khoản 3 Điều 150" in data["summary"]


# (not a penalty question, but the same kind of everyday account: who the person is, from how the family tells it)
@pytest.mark.parametrize(
    "text",
    ["con trai tôi thoát được từ Campuchia về thì có được hỗ trợ không", "chi ay duoc giai cuu o bien gioi"],
)
def test_someone_who_escaped_back_or_was_rescued_is_read_as_a_victim(text):
    assert m.VICTIM in understand(text).who


def test_escaping_tax_is_not_escaping_traffickers():
    assert m.VICTIM not in understand("trốn thuế về nước thì bị xử lý thế nào").who


def test_an_escaped_person_reporting_to_a_border_post_is_answered(answer_client):
    data = ask(answer_client, "con trai tôi thoát được từ Campuchia về, đến đồn biên phòng trình báo thì đồn làm gì")
    assert data["answered"], data.get("message")
    first = data["answer"][0]
    assert first["doc_number"].startswith("01/2014/TTLT") and first["article_number"] == "5", first["citation"]


@pytest.mark.parametrize(
    "text, article, clause, sentence",
    [
        # holding a child without a sale is "chiếm đoạt người dưới 16 tuổi", not trafficking a child
        (
            "bọn chúng có tổ chức chiếm giữ một bé gái 9 tuổi nhưng chưa bán cho ai thì bị phạt tù mấy năm",
            "153",
            "2",
            "05 năm đến 10 năm",
        ),
        # a profession abused is the Code's "lợi dụng chức vụ, quyền hạn, nghề nghiệp"
        (
            "y tá lợi dụng nghề nghiệp đánh tráo trẻ sơ sinh thì bị phạt tù bao nhiêu năm",
            "152",
            "2",
            "03 năm đến 07 năm",
        ),
        # not trafficking: the court guidance names the offence of organising an illegal stay abroad
        (
            "tổ chức cho người khác ở lại nước ngoài trái phép, không nhằm bóc lột hay bán người, "
            "thì bị phạt tù bao nhiêu năm",
            "349",
            "1",
            "01 năm đến 05 năm",
        ),
    ],
)
def test_the_offence_the_question_describes_not_trafficking_by_its_circumstances(
    answer_client, text, article, clause, sentence
):
    # Found by an outside reviewer (heldout5, after its scoring): each was answered with the trafficking
    # brackets of Điều 150/151 or the basic sentence, a misleading first line for a worker.
    data = ask(answer_client, text)
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("100/2015/QH13", article), data["summary"]
    assert first["citation"].startswith(f"Khoản {clause} Điều {article} "), first["citation"]
    assert sentence in data["summary"]


def test_a_sale_stated_keeps_the_trafficking_offence(answer_client):
    data = ask(answer_client, "tổ chức bán 2 cô gái sang Trung Quốc thì bị phạt tù bao nhiêu năm")
    assert data["answer"][0]["article_number"] == "150", data["summary"]


@pytest.mark.parametrize("text", ["bắt thằng bé 13 tuổi làm thuê không lương thì bị xử tù mấy năm", "xu tu bao nhieu"])
def test_xu_tu_asks_for_a_sentence(text):
    assert understand(text).intent == m.PENALTY


@pytest.mark.parametrize(
    ("text", "clause", "circumstance"),
    [
        # the age is the Code's "Đối với người dưới 16 tuổi" (Điều 297 khoản 2), though no circumstance word is typed
        ("Ông chủ xưởng ép một cậu bé 13 tuổi lao động bằng đánh đập thì bị phạt tù bao nhiêu năm?", "2", "dưới 16"),
        # 17: "từ đủ 16 tuổi đến dưới 18 tuổi" (Điều 327 khoản 2)
        ("chu nha nghi chua mai dam co gai 17 tuoi bi phat tu may nam", "2", "từ đủ 16 tuổi"),
    ],
)
def test_the_victims_age_picks_the_aggravated_clause(answer_client, text, clause, circumstance):
    data = ask(answer_client, text)
    first = data["answer"][0]
    assert first["citation"].split()[1] == clause, first["citation"]
    assert circumstance in data["summary"], data["summary"]


@pytest.mark.parametrize(
    ("text", "offence", "clause"),
    [
        # one circumstance of the heavier clause (khoản 3 điểm b: "đã lấy bộ phận cơ thể") decides the range, whatever
        # the lighter clause's two ("có tổ chức", "đưa ra nước ngoài") match
        ("Đường dây có tổ chức đưa người sang Lào rồi lấy thận của họ thì bị phạt tù bao nhiêu năm?", "150", "3"),
        # ... but sold *to* take a kidney is the basic offence's purpose (khoản 1 điểm b): here "có tổ chức" puts it in
        # khoản 2 (session 11's version of this test expected khoản 3 for it — an outside reader, with the Code and
        # NQ 02/2019 Điều 3 khoản 6 "sau đó đã lấy đi", showed that reading dangerous)
        ("Đường dây có tổ chức đưa người sang Lào để lấy thận thì bị phạt tù bao nhiêu năm?", "150", "2"),
        ("mua ban nguoi de lay bo phan co the bi phat tu bao nhieu nam theo BLHS 2015", "150", "1"),
        # the organ itself sold, for profit: the organ offence, its commercial-purpose clause
        ("môi giới mua bán thận để kiếm lời thì bị phạt tù mấy năm", "154", "2"),
    ],
)
def test_the_heaviest_matching_clause_of_the_described_offence(answer_client, text, offence, clause):
    first = ask(answer_client, text)["answer"][0]
    assert (first["article_number"], first["citation"].split()[1]) == (offence, clause), first["citation"]


def test_a_clause_on_resident_stateless_people_does_not_answer_for_a_non_resident(answer_client):
    # BLHS Điều 6 khoản 1 names "người không quốc tịch thường trú ở Việt Nam" (crimes abroad); the question's
    # person does not reside here and acts on Vietnamese territory: Điều 5.
    data = ask(
        answer_client,
        "người không quốc tịch không thường trú ở Việt Nam phạm tội trên lãnh thổ Việt Nam có bị xử theo BLHS không",
    )
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("100/2015/QH13", "5"), first["citation"]


def test_a_head_count_falls_in_the_offences_own_bracket(answer_client):
    # Smuggling, not trafficking ("chưa có dấu hiệu mua bán người"): Điều 348's brackets are 05–10 people
    # (khoản 2), not Điều 150's "06 người trở lên".
    data = ask(
        answer_client,
        "tổ chức cho 8 người vượt biên trái phép sang Lào để lấy tiền, chưa có dấu hiệu mua bán người, phạt tù mấy năm",
    )
    first = data["answer"][0]
    assert first["citation"].startswith("Khoản 2 Điều 348 Bộ luật Hình sự"), first["citation"]
    assert "(8 người)" in data["summary"], data["summary"]


def test_an_article_number_alone_names_the_codes_offence(answer_client):
    data = ask(answer_client, "bị truy tố theo khoản 1 Điều 150, có tổ chức, đường dây thì phạt tù bao nhiêu năm")
    assert all(" Điều 123 " not in q["citation"] for q in data["answer"]), [q["citation"] for q in data["answer"]]
    assert data["answer"][0]["citation"].startswith("Khoản 1 Điều 150 "), data["answer"][0]["citation"]


def test_posing_as_a_victim_is_answered_by_the_prevention_law_not_the_trafficking_offence(answer_client):
    # 66/2011 Điều 23 khoản 3: dealt with under the law and the support received paid back; quoting Điều 150's
    # five-to-ten-year range for it (as before) would tell a worker of a crime the asker never described.
    data = ask(answer_client, "người giả mạo là nạn nhân bị mua bán để lấy tiền hỗ trợ thì bị xử lý thế nào")
    first = data["answer"][0]
    assert first["doc_number"] == "66/2011/QH12" and first["article_number"] == "23", first["citation"]
    assert "hoàn trả" in first["text"]


def test_a_heading_spelt_out_beats_the_article_named_as_the_case(answer_client):
    # "Điều 150" is the case; "thời hiệu truy cứu trách nhiệm hình sự" is Điều 27's heading, the rule asked for
    # (before: the offence's fine clause, a neighbouring number an outside reader called dangerous).
    data = ask(answer_client, "mua bán người theo khoản 3 Điều 150 BLHS thì thời hiệu truy cứu TNHS là bao nhiêu năm")
    first = data["answer"][0]
    # (the point for khoản 3's category, up to life imprisonment: đặc biệt nghiêm trọng, limitation.py)
    assert first["citation"].startswith("Điểm d khoản 2 Điều 27 Bộ luật Hình sự"), first["citation"]
    assert "20 năm" in first["text"] and data["summary"].startswith("20 năm")


def test_an_injury_share_falls_in_the_clauses_bracket(answer_client):
    # "45%" is Điều 150 khoản 2's "từ 31% đến 60%" (not khoản 3's "61% trở lên"), and no head count of 45 women
    data = ask(
        answer_client,
        "Kẻ lừa bán chị tôi đánh chị, tỷ lệ tổn thương cơ thể 45%. Chị ấy 25 tuổi. Hắn bị phạt tù bao nhiêu năm?",
    )
    first = data["answer"][0]
    assert first["citation"].startswith("Khoản 2 Điều 150 "), first["citation"]
    assert "45%" in data["summary"] and "06 người" not in data["summary"], data["summary"]


def test_the_head_count_skips_percentages():
    assert understand("giám định tỷ lệ tổn thương 45%. Cô ấy bị bán, phạt tù mấy năm").head_count == 0
    assert understand("bán 7 cô gái sang Trung Quốc thì phạt tù mấy năm").head_count == 7


def test_a_fine_on_top_of_prison_is_the_additional_penalty_clause(answer_client):
    # "ngoài án tù ... phạt thêm tiền": Điều 297 khoản 4 ("còn có thể bị phạt tiền"), not khoản 1's fine-or-prison
    data = ask(
        answer_client,
        "kẻ cưỡng bức lao động bị truy tố tội cưỡng bức lao động, ngoài án tù còn bị phạt thêm tiền bao nhiêu",
    )
    first = data["answer"][0]
    assert first["citation"].startswith("Khoản 4 Điều 297 "), first["citation"]
    assert "còn có thể bị phạt tiền" in first["text"]


def test_an_offence_of_one_paragraph_named_by_its_heading(answer_client):
    # "tội tổ chức tảo hôn" is Điều 183 whole (no khoản); it used to be declined or answered by another offence
    data = ask(answer_client, "Theo BLHS, tội tổ chức tảo hôn bị phạt tiền bao nhiêu?")
    assert data["answered"], data.get("message")
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("100/2015/QH13", "183"), first["citation"]
    assert "10.000.000 đồng đến 30.000.000 đồng" in first["text"]


def test_a_minor_victim_matches_the_clause_for_people_under_18(answer_client):
    # Điều 157 khoản 2 "Đối với người dưới 18 tuổi" holds a 17-year-old (the clause is no 16-to-18 band)
    data = ask(
        answer_client, "bắt giữ trái pháp luật một em 17 tuổi để đòi nợ, xử theo Điều 157 BLHS thì phạt tù bao nhiêu"
    )
    first = data["answer"][0]
    assert first["citation"].startswith("Khoản 2 Điều 157 "), first["citation"]
    assert "dưới 18 tuổi" in data["summary"], data["summary"]


def test_a_kind_of_penalty_asked_is_answered_by_the_codes_general_rule(answer_client):
    # "buộc rời khỏi lãnh thổ" is expulsion (Điều 37: a main or an additional penalty), not Điều 150's ranges
    data = ask(
        answer_client,
        "Người nước ngoài bán người ở Việt Nam, ngoài phạt tù thì tòa có buộc họ rời khỏi lãnh thổ Việt Nam không?",
    )
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("100/2015/QH13", "37"), first["citation"]
    assert "hình phạt chính hoặc hình phạt bổ sung" in first["text"]


def test_a_child_sold_abroad_is_the_offence_for_children_under_16(answer_client):
    # an outside reader's question: Điều 151 khoản 2 (12-20 years, taken abroad), not Điều 150's 8-15 years
    data = ask(answer_client, "Cháu tôi 13 tuổi bị người quen lừa đưa sang Lào bán, kẻ bán sẽ bị tù bao nhiêu năm?")
    first = data["answer"][0]
    assert first["citation"].startswith("Khoản 2 Điều 151 "), first["citation"]
    assert data["summary"].startswith("Phạt tù từ 12 năm đến 20 năm"), data["summary"]
    # the offence by its name (an outside reader, session 17, was told the range and the article only)
    assert data["summary"].endswith("Điều 151 Bộ luật 100/2015/QH13, Tội mua bán người dưới 16 tuổi"), data["summary"]


def test_whether_an_act_is_the_offence_is_answered_by_the_courts_guidance(answer_client):
    # "có bị xử lý về tội mua bán người không": 02/2019 Điều 5 khoản 2 (fraud, not trafficking), not Điều 150's range
    text = "Lừa đưa người đi làm việc ở nước ngoài rồi ôm tiền bỏ trốn thì có bị xử lý về tội mua bán người không?"
    assert not understand(text).asks_sentence
    assert understand("Lừa bán người sang Lào thì bị xử lý về tội mua bán người không, mấy năm tù?").asks_sentence
    first = ask(answer_client, text)["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("02/2019/NQ-HĐTP", "5"), first["citation"]


def test_the_highest_range_of_the_childrens_offence_is_not_a_general_rule_for_minors(answer_client):
    # the issue's own example: organised trafficking of a child under 16, the highest range (Điều 151 khoản 3),
    # not a rule of the general part on minors that shares the question's words (Điều 101/102)
    data = ask(answer_client, "Đường dây có tổ chức mua bán trẻ em dưới 16 tuổi thì khung hình phạt cao nhất là gì?")
    first = data["answer"][0]
    assert (first["article_number"], first["citation"].split()[1]) == ("151", "3"), first["citation"]


@pytest.mark.parametrize(
    ("text", "offence", "clause", "summary"),
    [
        # a third outside reader's dangerous answers: the age inside a band, a count above a bare threshold
        ("chứa mại dâm một em gái 14 tuổi thì bị phạt tù bao nhiêu năm", "327", "3", "14 tuổi"),
        ("chứa mại dâm 3 em gái 14 tuổi thì phạt tù bao nhiêu năm", "327", "4", "3 người"),
        ("tổ chức cho 15 người trốn đi nước ngoài trái phép thì bị phạt tù bao nhiêu năm", "349", "3", "15 người"),
    ],
)
def test_an_age_or_a_count_falls_in_the_offences_own_band(answer_client, text, offence, clause, summary):
    data = ask(answer_client, text)
    first = data["answer"][0]
    assert (first["article_number"], first["citation"].split()[1]) == (offence, clause), first["citation"]
    assert summary in data["summary"], data["summary"]


def test_a_story_without_a_sexual_act_gets_no_sexual_offence(answer_client):
    # "bắt giữ đứa bé 10 tuổi ... không phải để bán" was answered with Điều 142 (rape of a child under 16)
    data = ask(
        answer_client,
        "Hàng xóm giữ đứa bé 10 tuổi nhà tôi mấy ngày để ép gia đình trả nợ, không để bán, thì bị tù bao nhiêu năm",
    )
    assert data["answer"][0]["article_number"] not in ("141", "142", "144", "145", "146"), data["answer"][0]["citation"]


def test_taken_abroad_and_imprisoned_is_not_an_additional_penalty():
    from search_api.answering.penalty_brackets import ADDED_PENALTY

    assert not ADDED_PENALTY.search("lua ban 7 chi em ra nuoc ngoai thi bi tu nang nhat bao nhieu nam")
    assert ADDED_PENALTY.search("ngoai phat tu con bi phat tien bao nhieu")


def test_a_bound_in_the_question_is_no_victims_age():
    from search_api.answering.penalty_brackets import victim_ages

    # "dưới 16 tuổi" bounds a group; read as an age of 16 it would fall in "từ đủ 16 tuổi đến dưới 18 tuổi"
    assert victim_ages(understand("chứa mại dâm người dưới 16 tuổi thì bị phạt tù bao nhiêu năm")) == []
    assert victim_ages(understand("chứa mại dâm em gái 15 tuổi thì phạt tù mấy năm")) == [15]


@pytest.mark.parametrize(
    "text",
    [
        # an outside reader's question (session 12): the base clause (07-12 years) was given as the highest
        "Theo BLHS 2015, tội mua bán người dưới 16 tuổi có khung hình phạt cao nhất là gì?",
        "toi mua ban nguoi duoi 16 tuoi bi phat tu toi da bao nhieu nam",
    ],
)
def test_the_highest_range_asked_is_the_heaviest_clause(answer_client, text):
    data = ask(answer_client, text)
    first = data["answer"][0]
    assert (first["article_number"], first["citation"].split()[1]) == ("151", "3"), first["citation"]
    assert "chung thân" in data["summary"], data["summary"]


def test_toi_da_is_not_read_from_toi_da_without_its_diacritics():
    from search_api.answering.penalty import asks_heaviest

    # folded, "tôi đã" is "tối đa": a heldout10 story ("... với tôi đã lén đánh tráo con tôi") lost its base range
    assert not asks_heaviest(understand("Người nằm cùng phòng với tôi đã lén đánh tráo con tôi, bị phạt tù mấy năm?"))
    assert asks_heaviest(understand("Tội mua bán người bị phạt tù tối đa mấy năm?"))
    assert asks_heaviest(understand("toi mua ban nguoi phat tu toi da may nam"))


@pytest.mark.parametrize(
    "text, repeated",
    [
        # heldout15 H15-044 was given Điều 329 khoản 2, not khoản 3 ("02 lần trở lên đối với người từ đủ 13 tuổi ...")
        ("Gã đó mua dâm một em gái 14 tuổi hai lần qua môi giới trên mạng. Hắn bị phạt tù bao nhiêu năm?", True),
        ("han da mua dam be gai 15 tuoi 3 lan thi bi phat the nao", True),
        ("Hắn phạm tội lần đầu, bán một cô gái sang Trung Quốc thì bị phạt tù bao nhiêu năm?", False),
        ("Người môi giới nhận số tiền gấp 3 lần mức lương cơ sở để đưa cô gái đi bán thì bị phạt bao nhiêu?", False),
        ("đây là lần thứ hai hắn bị bắt vì tội khác, lần này bán một cô gái thì bị phạt bao nhiêu năm tù", False),
    ],
)
def test_twice_said_as_a_number_of_times_is_the_repeated_offence(text, repeated):
    assert ("nhiều lần" in understand(text).aggravating) is repeated


@pytest.mark.parametrize(
    "text",
    [
        # an outside reader's question (session 13) was given khoản 1's 05-10 years for a second sale
        "Hắn tháng 3 lừa bán một chị vào nhà hàng ở tỉnh khác, tháng 8 lại lừa bán thêm một chị nữa. Bị bắt thì xử "
        "khoản nào Điều 150, bao nhiêu năm tù?",
        "ke do da ban nguoi ca hai lan deu chua bi xu, gio bi bat thi phat tu bao nhieu nam theo dieu 150",
    ],
)
def test_a_second_sale_is_the_repeated_offence(answer_client, text):
    assert "nhiều lần" in understand(text).aggravating
    first = ask(answer_client, text)["answer"][0]
    assert (first["article_number"], first["citation"].split()[1]) == ("150", "2"), first["citation"]


@pytest.mark.parametrize(
    "text, offence, clause",
    [
        # outside reader 10 (session 13): newborns bought and resold were given the adult offence, Điều 150 khoản 2
        ("Một bà mua trẻ sơ sinh của 3 cô sản phụ rồi bán lại kiếm lời thì bị phạt tù bao nhiêu năm?", "151", "2"),
        # a newborn swapped is Điều 152 (người dưới 01 tuổi), not the trafficking of children under 16
        ("Hộ lý lợi dụng nghề nghiệp đánh tráo bé sơ sinh trong bệnh viện thì bị phạt tù mấy năm?", "152", "2"),
        # "một nhóm 4 người phân công rõ ràng": the offenders (organised), not four victims — khoản 3, not khoản 2
        (
            "Một nhóm 4 người phân công rõ ràng, người dụ dỗ, người chở đi, để bán một bé gái 13 tuổi sang Lào. "
            "Cả nhóm bị xử theo khoản nào Điều 151 BLHS?",
            "151",
            "3",
        ),
        # heldout12: a carer's indecent act against a 13-year-old was given Điều 151 (trafficking of a child);
        # "dâm ô" names Điều 146 (the words "đối với người dưới 16 tuổi" are said by the child's age); khoản 2 điểm d:
        # "Đối với người mà người phạm tội có trách nhiệm chăm sóc, giáo dục, chữa bệnh"
        (
            "Bảo mẫu ở trung tâm bảo trợ xã hội có hành vi dâm ô với bé trai 10 tuổi mà mình được giao chăm sóc thì "
            "bị phạt tù bao nhiêu năm?",
            "146",
            "2",
        ),
        ("ong hang xom 60 tuoi dam o be gai 9 tuoi thi bi phat tu may nam", "146", "1"),
        # outside readers (session 14): a repeat offender not yet rehabilitated was given khoản 1, 05-10 years
        (
            "Hắn từng bị kết án 7 năm tù về tội mua bán người, mãn hạn tù nhưng chưa được xóa án tích thì lại lừa "
            "bán một phụ nữ nữa. Bị xử theo khoản nào Điều 150?",
            "150",
            "3",
        ),
        # the clause named is the earlier conviction's, told in the story before the question
        (
            "Y đã bị kết án theo khoản 1 Điều 150 BLHS, chưa được xóa án tích lại bán một cô gái sang Lào. Lần này "
            "y bị xử khung nào?",
            "150",
            "3",
        ),
        # "bán ... cho đường dây": the buyers' ring, not an organised offence; the officer's abuse of office is khoản 2
        (
            "Trưởng công an xã lợi dụng chức vụ dụ dỗ rồi bán một bé gái 11 tuổi cho đường dây bên kia biên giới thì "
            "bị phạt tù bao nhiêu năm theo Điều 151?",
            "151",
            "2",
        ),
        # outside readers (session 14): a midwife swapping two mothers' babies was given Điều 299 (terrorism, 10-20
        # years); a neighbour holding a child (not sold) was given the cap for offenders under 18
        (
            "Y tá ở khoa sản cố ý đánh tráo con của hai sản phụ sinh cùng ngày thì bị phạt tù bao nhiêu năm?",
            "152",
            "2",
        ),
        (
            "Một người dùng vũ lực giữ đứa bé 9 tuổi nhà hàng xóm không cho về, không bán, không đòi tiền thì bị "
            "phạt tù bao nhiêu năm?",
            "153",
            "1",
        ),
    ],
)
def test_the_case_told_is_read_as_the_code_reads_it(answer_client, text, offence, clause):
    first = ask(answer_client, text)["answer"][0]
    assert (first["article_number"], first["citation"].split()[1]) == (offence, clause), first["citation"]


def test_a_group_of_offenders_is_no_head_count_of_victims():
    from search_api.answering.counts import head_count

    assert head_count("mot nhom 4 nguoi phan cong ro rang de ban mot be gai") == 0
    assert head_count("bon chung ban 4 nguoi sang trung quoc") == 4


@pytest.mark.parametrize(
    "text, offence",
    [
        # heldout12: a pregnancy caused was not read as a circumstance, and khoản 1 was quoted
        (
            "Gã chủ quán dùng vũ lực hiếp dâm một cô gái 20 tuổi bị bán về làm tiếp viên, làm cô mang thai. Tội hiếp "
            "dâm này phạt tù bao nhiêu năm?",
            "141",
        ),
        ("ke mua dung vu luc hiep dam be gai 14 tuoi lam em co bau thi bi phat tu bao nhieu nam", "142"),
    ],
)
def test_a_pregnancy_caused_is_the_sexual_offences_khoan_2(answer_client, text, offence):
    assert "làm nạn nhân có thai" in understand(text).aggravating
    first = ask(answer_client, text)["answer"][0]
    assert (first["article_number"], first["citation"].split()[1]) == (offence, "2"), first["citation"]


# --- limitation periods (search_api/answering/limitation.py) ---------------------------------------------------


def test_an_offence_s_category_is_read_from_its_heaviest_prison_term():
    from search_api.answering.limitation import category_of, heaviest_years

    assert heaviest_years("1. ... thì bị phạt tù từ 05 năm đến 10 năm:") == 10
    assert heaviest_years("3. ... thì bị phạt tù từ 18 năm đến 20 năm hoặc tù chung thân:") is None
    # the additional penalties are no prison term
    assert heaviest_years("4. Người phạm tội còn có thể bị phạt tiền ..., cấm cư trú từ 01 năm đến 05 năm") == 0
    assert [category_of(y)[0] for y in (3, 7, 10, 15, 20, None)] == ["a", "b", "c", "c", "d", "d"]


@pytest.mark.parametrize(
    "text, period, letter",
    [
        # three outside readers (session 14) were told "05 năm" (Điều 27 khoản 2 điểm a, the first period listed)
        ("thoi hieu truy cuu trach nhiem hinh su toi mua ban nguoi khoan 1 dieu 150 BLHS la bao lau", "15 năm", "c"),
        ("Thời hiệu truy cứu trách nhiệm hình sự với khoản 3 Điều 151 Bộ luật Hình sự là mấy năm?", "20 năm", "d"),
    ],
)
def test_a_limitation_period_follows_the_named_clause_s_category(answer_client, text, period, letter):
    data = ask(answer_client, text)
    assert data["summary"].startswith(period), data["summary"]
    first, grade = data["answer"][0], data["answer"][1]
    assert (first["article_number"], first["citation"].split()[:4]) == ("27", ["Điểm", letter, "khoản", "2"])
    assert grade["article_number"] == "9"


def test_a_limitation_period_without_a_clause_is_given_for_each_clause(answer_client):
    data = ask(answer_client, "thời hiệu truy cứu tội mua bán người là bao lâu")
    assert "khoản 1: 15 năm" in data["summary"] and "khoản 3: 20 năm" in data["summary"], data["summary"]
    assert not data["summary"].startswith("05 năm")


# --- expungement (search_api/answering/expungement.py) ----------------------------------------------------------


@pytest.mark.parametrize(
    "words, letter",
    [
        ("nguoi bi ket an 8 nam tu ve toi mua ban nguoi", "c"),
        ("bi phat tu 3 nam", "b"),
        ("bi 18 thang tu", "b"),
        ("bi 2 nam tu cho huong an treo", "a"),
        ("bi tu chung than duoc giam xuong 20 nam", "d"),
        ("hoi chung ve xoa an tich", None),
    ],
)
def test_the_sentence_told_is_graded_by_the_expungement_scale(words, letter):
    from search_api.answering.expungement import sentence_point

    graded = sentence_point(words)
    assert (graded[0] if graded else None) == letter


def test_an_expungement_period_follows_the_sentence_told(answer_client):
    # heldout13: answered with Điều 150 khoản 3, the sentence the asker had told, instead of the period it asked for
    data = ask(
        answer_client,
        "Người bị kết án 8 năm tù về tội MBN (Đ150 BLHS), đã chấp hành xong hình phạt chính, hình phạt bổ sung và "
        "không phạm tội mới thì sau bao lâu được đương nhiên xóa án tích?",
    )
    first = data["answer"][0]
    assert (first["article_number"], first["citation"].split()[:4]) == ("70", ["Điểm", "c", "khoản", "2"])
    assert data["summary"].startswith("03 năm") and "8 năm tù" in data["summary"], data["summary"]


def test_not_yet_expunged_is_the_repeat_offence_of_a_penalty_question(answer_client):
    # "chưa được xóa án tích" is the circumstance of the new offence (tái phạm nguy hiểm), not a period asked
    data = ask(
        answer_client,
        "đã bị kết án 8 năm về tội mua bán người, chưa được xóa án tích lại lừa bán thêm 2 cô gái thì bị phạt mấy năm",
    )
    assert data["answer"][0]["article_number"] == "150", data["answer"][0]["citation"]


def test_an_offence_whose_name_is_the_circumstance_is_not_passed_over(answer_client):
    # "tổ chức cho người nước ngoài nhập cảnh trái phép" is Điều 348's own act (it has no "Có tổ chức" point); an
    # outside reader (session 15) was given Điều 289, computer intrusion, whose khoản 2 names "có tổ chức"
    data = ask(
        answer_client,
        "Đối tượng thu mỗi người 50 triệu, tổ chức cho 12 người nước ngoài vượt biên nhập cảnh trái phép vào Việt "
        "Nam, thu lợi 600 triệu. Hắn bị xử tội gì, khung hình phạt nào theo BLHS?",
    )
    first = data["answer"][0]
    assert (first["article_number"], first["citation"].split()[1]) == ("348", "3"), first["citation"]


def test_whether_a_sentence_may_be_suspended_is_no_sentence_question():
    # the prison told is the premise; "có được hưởng án treo không" asks the conditions (heldout13)
    question = understand(
        "Bị cáo bị xử cùng lúc về 2 tội, tổng hợp hình phạt dưới 3 năm tù. Theo NQ 02/2018 có được hưởng án treo không?"
    )
    assert not question.asks_sentence
    assert understand("Bị cáo bị xử cùng lúc về 2 tội thì tổng hợp hình phạt bao nhiêu năm tù?").asks_sentence
    # organising others' illegal exit is Điều 348's act, not an organised group
    assert (
        "có tổ chức" not in understand("tổ chức cho người khác xuất cảnh trái phép thì bị phạt tù mấy năm").aggravating
    )


def test_an_article_told_in_the_story_does_not_open_the_answer_to_another_question(answer_client):
    data = ask(
        answer_client,
        "Bị cáo bị xử cùng lúc về tội môi giới mại dâm (Đ328 BLHS) và tội tổ chức cho người khác xuất cảnh trái phép "
        "(Đ348), tổng hợp hình phạt dưới 3 năm tù. Theo Nghị quyết 02/2018/NQ-HĐTP thì có được hưởng án treo không?",
    )
    first = data["answer"][0]
    assert first["doc_number"] == "02/2018/NQ-HĐTP", first["citation"]


def test_an_age_within_the_offences_bracket_says_that_part_of_its_name():
    from search_api.answering.offence_names import name_stated

    asked = set("khach mua dam be gai 15 tuoi bi ban vao quan".split())
    assert name_stated("Tội mua dâm người dưới 18 tuổi", asked, ages=(15,)) == 1.0
    assert name_stated("Tội mua dâm người dưới 18 tuổi", asked, ages=(19,)) < 0.6  # an adult is outside it
    older = set("ke 20 tuoi ep ban gai 14 tuoi quan he".split())
    bracket = "Tội cưỡng dâm người từ đủ 13 tuổi đến dưới 16 tuổi"
    assert name_stated(bracket, older | {"cuong", "dam"}, ages=(20, 14)) == 1.0
    assert name_stated(bracket, older | {"cuong", "dam"}, ages=(12,)) < 1.0


def test_an_offence_name_said_in_order_not_its_words_apart():
    from search_api.answering.offence_names import name_said_as_phrase

    question = "khach mua dam be gai 15 tuoi bi ban vao quan thi bi xu the nao"
    assert name_said_as_phrase("Tội mua dâm người dưới 18 tuổi", question, ages=(15,)) == 1.0
    assert name_said_as_phrase("Tội mua bán người dưới 16 tuổi", question, child=True) == 0.0
    # "lần đầu, cô ta ...": the comma parts them; no "đầu cơ" (Điều 196) is said
    assert name_said_as_phrase("Tội đầu cơ", "Cô ta làm một mình, lần đầu, cô ta bị bắt") == 0.0


def test_a_number_asked_is_no_head_count():
    from search_api.answering.counts import head_count

    # folded, "bao nhiêu năm, có bị" reads "năm cô": five women (an outside reader's summary said "5 người")
    assert head_count(" khach mua dam be gai 15 tuoi phat tu bao nhieu nam co bi phat tien khong ") == 0
    assert head_count(" chung lua nam co gai sang trung quoc ") == 5


def test_buying_sex_from_a_trafficked_child_is_that_offence_not_trafficking(answer_client):
    # outside readers (session 16, two of them): a client buying sex from a 15-year-old sold into a bar was given
    # BLHS Điều 151 (12–20 years, "5 người"); Điều 329 khoản 2 (03–07 năm) is the offence
    data = ask(answer_client, "khach mua dam be gai 15 tuoi bi ban vao quan thi bi xu the nao, phat tu bao nhieu nam")
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("100/2015/QH13", "329"), first["citation"]
    assert "5 người" not in (data.get("summary") or "")


@pytest.mark.parametrize(
    ("text", "article", "clause"),
    [
        # outside readers (session 16), each given a wrong offence or khoản; phrased here anew
        # forced labour of a woman known to be pregnant: Điều 297 khoản 2 (not Điều 368, not the deaths' khoản 3)
        (
            "chu xuong giu giay to, dung vu luc ep 4 nguoi lam khong cong, co mot chi dang mang thai ma han biet,"
            " han bi xu toi gi, tu bao nhieu nam",
            "297",
            "2",
        ),
        # a form teacher and his own pupil: Điều 146 khoản 2 (the one responsible for her education)
        (
            "thầy giáo dâm ô học sinh nữ lớp 4 của mình, không giao cấu, bị phạt tù bao nhiêu năm theo Điều 146",
            "146",
            "2",
        ),
        # intercourse with a child under 13 is rape whatever she says: Điều 142 (not Điều 144 or 145)
        (
            "Thanh niên 25 tuổi quan hệ tình dục với bé gái 11 tuổi, bé nói là tự nguyện. Hắn bị phạt tù mấy năm?",
            "142",
            "1",
        ),
        # groping an 11-year-old without intending intercourse is Điều 146 (not trafficking, not rape)
        (
            "ông chủ nhà trọ 45 tuổi sờ soạng, sàm sỡ bé gái 11 tuổi nhưng không nhằm giao cấu, lần đầu. Ông ta bị xử"
            " tội gì, phạt tù bao nhiêu?",
            "146",
            "1",
        ),
        # "mức án bao nhiêu" asks the sentence (declined before); "nay cô bé có thai": made pregnant, Điều 145 khoản 2
        (
            "Thanh niên 21 tuổi quan hệ tình dục với bạn gái 15 tuổi, hai đứa yêu nhau, giờ cô bé đã có thai. Cậu ta bị"
            " xử theo điều nào, mức án bao nhiêu?",
            "145",
            "2",
        ),
        # a child made to pose naked on a webcam for paying viewers: Điều 147 (not Điều 299, terrorism)
        (
            "Kẻ ép bé gái 14 tuổi khỏa thân trước webcam cho khách nước ngoài xem để thu tiền, không đưa cháu đi đâu,"
            " không bán cho ai. Hắn bị xử theo điều nào BLHS, khung nào?",
            "147",
            None,
        ),
        # session 20 (heldout19's two): intercourse yielded to out of distress is Điều 143, "cưỡng dâm" (given the
        # legal-aid fee rules for two offences, then trafficking's range); forged papers when trafficking is not
        # proven are Điều 341 (given Điều 150's range)
        (
            "Gã chủ nhà trọ bắt chị ấy phải ngủ với hắn nếu muốn ở tiếp, chị sợ mất chỗ ở nên đành chịu. Hắn phạm tội"
            " gì, bị phạt tù bao nhiêu năm?",
            "143",
            "1",
        ),
        (
            "Nhóm cò làm giả hộ chiếu cho hai cô gái để đưa đi, công an nói chưa đủ chứng cứ về tội mua bán người."
            " Riêng việc làm giả giấy tờ bị phạt tù bao nhiêu năm?",
            "341",
            None,
        ),
        # the act the asking sentence singles out ("Riêng tội làm giả giấy tờ đó") names the offence, whatever the
        # story's child and border suggest (before: Điều 151 khoản 3, 12-20 years, for a forged identity card)
        (
            "Bọn cò làm giả căn cước cho một bé gái 14 tuổi thành 18 tuổi để đưa sang nước ngoài lấy chồng, bị phát"
            " hiện trước khi đưa cháu đi. Riêng tội làm giả giấy tờ đó, nếu tòa phạt tiền thì bao nhiêu?",
            "341",
            None,
        ),
        # the asking sentence names the offence ("bị xử tội ngược đãi, hành hạ"): not the story's sale of the child
        # (heldout23: "mức tù nào" was no penalty cue and the question was declined; read as one, Điều 151 came first)
        (
            "Cháu gái 13 tuổi bị bọn buôn người đưa qua biên giới, được giải cứu về nhà thì người cha suốt ngày đánh"
            " đập, chửi mắng cháu. Người cha có thể bị xử tội ngược đãi, hành hạ con với mức tù nào?",
            "185",
            "2",
        ),
    ],
)
def test_the_offence_and_khoan_the_story_describes(answer_client, text, article, clause):
    data = ask(answer_client, text)
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("100/2015/QH13", article), first["citation"]
    if clause:
        assert first["citation"].startswith(f"Khoản {clause} ") or f"khoản {clause} " in first["citation"], first[
            "citation"
        ]


@pytest.mark.parametrize(
    ("text", "online"),
    [
        ("Riêng tội tổ chức đánh bạc qua mạng internet thì theo BLHS hắn có thể bị phạt tù bao nhiêu năm?", True),
        ("hắn đăng bài làm nhục cô ấy trên mạng xã hội thì bị phạt tù mấy năm", True),
        ("hắn tổ chức đánh bạc tại nhà thì bị phạt tù mấy năm", False),
    ],
)
def test_an_offence_committed_online_is_a_circumstance(text, online):
    # heldout28 H28-046 (development): the Code's "Sử dụng mạng internet, mạng máy tính ... để phạm tội" (Điều 322
    # khoản 2 điểm c) was not read, and the base clause was given
    assert ("dùng mạng" in understand(text).aggravating) is online


def test_online_gambling_is_given_the_clause_naming_the_network(answer_client):
    data = ask(
        answer_client,
        "Một người VN cầm đầu nhóm điều hành trang web cá độ, đánh bạc online, dùng mấy chục thanh niên bị lừa sang "
        "CPC làm 'nhân viên chăm sóc khách'; hắn bị CA bắt khi về nước. Riêng tội tổ chức đánh bạc qua mạng internet "
        "thì theo BLHS hắn có thể bị phạt tù bao nhiêu năm?",
    )
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("100/2015/QH13", "322"), first["citation"]
    assert "phạt tù từ 05 năm đến 10 năm" in first["text"], first["citation"]


def test_a_point_told_in_the_storys_own_order_is_stated():
    # heldout17 H17-046: "biết mình nhiễm HIV từ năm ngoái, vẫn dụ dỗ ..." tells Điều 145 khoản 3 điểm b; it was given
    # khoản 1's range because the point was not said word for word
    from search_api.answering.penalty_brackets import stated_points
    from search_api.answering.terms import folded

    clause = (
        "3. Phạm tội thuộc một trong các trường hợp sau đây:\na) Phạm tội 02 lần trở lên;\n"
        "b) Biết mình bị nhiễm HIV mà vẫn phạm tội."
    )
    told = folded("Anh ta biết mình nhiễm HIV từ năm ngoái, vẫn dụ dỗ quan hệ với một bé gái 14 tuổi")
    assert stated_points(clause, told) == ["biết mình bị nhiễm HIV mà vẫn phạm tội"]
    # denied, too far apart, or out of order: not told
    assert stated_points(clause, folded("hắn không biết mình nhiễm HIV, vẫn dụ dỗ bé")) == []
    assert (
        stated_points(clause, folded("biết mình bị bệnh từ lâu, sau đó mới đi xét nghiệm nhiễm HIV, vẫn dụ dỗ")) == []
    )
    assert stated_points(clause, folded("vẫn dụ dỗ bé dù nhiễm HIV, biết mình")) == []


def test_striking_a_judge_is_the_assault_circumstance(answer_client):
    # written for this test (heldout31's class: "đánh ông Hội thẩm" was given Điều 391 khoản 1, not khoản 2 điểm b)
    question = (
        "Trong phiên xử vụ buôn bán người, anh trai bị cáo lao lên đấm vào mặt vị thẩm phán chủ tọa. Hắn bị xử tội gây"
        " rối trật tự phiên tòa thì phạt tù bao nhiêu năm?"
    )
    assert "hành hung" in understand(question).aggravating
    data = ask(answer_client, question)
    first = data["answer"][0]
    assert (first["article_number"], first["citation"].split()[1]) == ("391", "2"), first["citation"]
    assert "Hành hung Thẩm phán" in first["text"]
    beaten_victim = understand("Hắn đánh đập nạn nhân rồi bán sang Trung Quốc, bị phạt bao nhiêu năm")
    assert "hành hung" not in beaten_victim.aggravating
