"""The group a clause names (search_api/answering/groups.py): a clause about offenders or the accused names the
wrong person for a question about a victim, whatever age or poverty they share. Units from the answer corpus's
legal-aid circular 08/2017/TT-BTP; phrasings written for these tests."""

from __future__ import annotations

import pytest

from search_api.answering.evidence import article_candidates
from search_api.answering.groups import (
    ASKS_SCOPE,
    GROUP_BONUS,
    OFFENDER_PENALTY,
    OTHER_GROUP_PENALTY,
    group_bonus,
)
from tests.conftest import ask


def _clause(answers, number: str, article: str, clause: str):
    document = answers.store.document(number)
    unit = next(a for a in document.articles if a.number == article)
    return next(c for c in article_candidates(document, unit, 0) if c.kind == "khoan" and c.number == clause)


_TRAFFICKED_NOT_POOR = "nạn nhân bị mua bán, không thuộc hộ nghèo, muốn được TGPL miễn phí thì cần giấy tờ gì"


@pytest.mark.parametrize(
    ("unit", "question", "expected"),
    [
        # a victim asking: the accused's proof of near-poverty (khoản 6) names someone else
        (
            ("08/2017/TT-BTP", "33", "6"),
            "em gái tôi bị bán, nhà thuộc hộ cận nghèo, xin TGPL cần giấy tờ gì",
            -OFFENDER_PENALTY,
        ),
        # the accused asking: the same clause is theirs
        (("08/2017/TT-BTP", "33", "6"), "con tôi là bị can thuộc hộ cận nghèo, xin TGPL cần giấy tờ gì", 0.0),
        # an outside reader (session 20): a trafficking victim not poor was given the papers of a domestic-violence
        # victim (khoản 12) before her own (khoản 13)
        (("08/2017/TT-BTP", "33", "12"), _TRAFFICKED_NOT_POOR, -OTHER_GROUP_PENALTY),
        (("08/2017/TT-BTP", "33", "13"), _TRAFFICKED_NOT_POOR, 0.0),
        # a victim of domestic violence asking: khoản 12 is hers
        (("08/2017/TT-BTP", "33", "12"), "nạn nhân bạo lực gia đình muốn được TGPL miễn phí thì cần giấy tờ gì", 0.0),
        # a clause naming both harms ("... nạn nhân bạo lực gia đình, nạn nhân bị mua bán") is hers too
        (("11/2014/TT-BTP", "12", "1"), _TRAFFICKED_NOT_POOR, 0.0),
    ],
)
def test_a_clause_on_another_person_is_not_the_asking_victims(answer_client, unit, question, expected):
    answers = answer_client.app.state.vnlex.answers
    assert group_bonus(_clause(answers, *unit), answers.understand(question)) == expected


def test_a_childs_clause_keeps_its_bonus_for_a_child_victim(answer_client):
    answers = answer_client.app.state.vnlex.answers
    child = _clause(answers, "08/2017/TT-BTP", "33", "3")  # "Giấy tờ chứng minh là trẻ em ..."
    question = answers.understand("bé 12 tuổi bị bán, xin trợ giúp pháp lý cần giấy tờ gì chứng minh là trẻ em")
    assert group_bonus(child, question) == GROUP_BONUS


@pytest.mark.parametrize(
    "question, figure",
    [
        # outside readers (session 14): a victim "không thuộc hộ nghèo" asking for vocational training was given the
        # poor households' one-off 1.000.000 đồng as the summary figure (the clause stating the condition may still be
        # quoted: it tells her what she is not entitled to) ...
        (
            "nan nhan tro ve nha khong thuoc ho ngheo, muon hoc nghe may thi co duoc nha nuoc ho tro chi phi hoc "
            "nghe khong",
            "1.000.000",
        ),
        # ... and a border guard was told "tối đa 100.000 đồng/người/ngày", the support of people not paid from the
        # state budget (134/2013 Điều 3 khoản 8)
        (
            "Chiến sĩ biên phòng trực tiếp canh giữ, bảo vệ nạn nhân ban đêm tại đồn được hưởng phụ cấp bao nhiêu "
            "một ngày?",
            "100.000",
        ),
    ],
)
def test_a_figure_for_a_condition_the_person_does_not_meet_is_not_their_summary(answer_client, question, figure):
    data = ask(answer_client, question)
    assert figure not in (data["summary"] or ""), data["summary"]


def test_a_foreigners_training_is_answered_by_the_list_leaving_her_out(answer_client):
    # an outside reader (session 15): the basic-needs list naming foreigners (09/2013 Điều 19) opened the answer, with
    # vocational training's points after it, so a worker would promise a Lao victim the training; the law's clause
    # on foreigners (66/2011 Điều 32 khoản 2: points a-d only) and the training's own list ("công dân Việt Nam, người
    # không quốc tịch") answer, and the summary says she is not among them
    data = ask(
        answer_client,
        "Một cô gái người Lào bị bán sang Việt Nam đang ở nhờ trung tâm, muốn học nghề may trước khi về nước. Cô ấy "
        "có được hỗ trợ chi phí học nghề giống nạn nhân là người Việt không?",
    )
    cited = [(q["doc_number"], q["article_number"]) for q in data["answer"]]
    assert cited[0] in {("66/2011/QH12", "32"), ("09/2013/NĐ-CP", "23")}, cited
    assert ("09/2013/NĐ-CP", "19") not in cited[:1]
    assert "không gồm người nước ngoài" in (data["summary"] or ""), data["summary"]


def test_the_named_article_s_clause_on_the_group_opens_not_the_whole_article(answer_client):
    # the whole of Điều 32 opens on khoản 1 (six regimes of victims); the minor travelling with her is khoản 3's
    data = ask(
        answer_client,
        "Con trai 2 tuổi của chị nạn nhân đi cùng mẹ vào trung tâm bảo trợ xã hội thì bị sốt cao phải đi khám. Cháu "
        "không phải nạn nhân thì có được hỗ trợ tiền khám chữa bệnh không, theo Đ32 Luật PCMBN?",
    )
    first = data["answer"][0]
    assert first["citation"].startswith("Khoản 3 Điều 32 Luật Phòng, chống mua bán người"), first["citation"]


def test_a_texts_scope_names_the_group_without_granting_it_anything(answer_client):
    # heldout15: a Lao victim asking for a closed trial was answered with 01/2014's scope ("Thông tư liên tịch này
    # áp dụng đối với ... nạn nhân là người nước ngoài"), which grants her nothing
    answers = answer_client.app.state.vnlex.answers
    scope = _clause(answers, "01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG", "1", "2")
    closed_trial = (
        "Tôi là người Lào bị lừa bán sang làm việc ở Việt Nam, giờ vụ án sắp xét xử. Tôi không muốn mọi người trong "
        "phòng xử nghe chuyện của mình, tôi có được xin tòa xử kín không?"
    )
    assert group_bonus(scope, answers.understand(closed_trial)) == 0.0
    # asked whom the circular applies to, the scope is the answer and names her
    applies = answers.understand("Thông tư liên tịch 01/2014 có áp dụng với nạn nhân là người nước ngoài không?")
    assert group_bonus(scope, applies) == GROUP_BONUS
    first = ask(answer_client, closed_trial)["answer"][0]
    scope_cited = (first["doc_number"], first["article_number"]) == ("01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG", "1")
    assert not scope_cited, first["citation"]


@pytest.mark.parametrize(
    ("words", "asked"),
    [
        ("thong tu 33 2017 ap dung cho tre em do tuoi nao", True),  # heldout19: the scope's age, asked
        ("nghi dinh ap dung doi voi lua tuoi nao", True),
        ("tre em o do tuoi nao thi duoc tu van", False),  # an age asked of a rule, not of the text's scope
    ],
)
def test_the_age_a_text_applies_to_asks_its_scope(words, asked):
    assert bool(ASKS_SCOPE.search(f" {words} ")) is asked


def test_a_foreign_victim_rescued_here_gets_the_foreign_victims_procedure(answer_client):
    # an outside reader (session 20): "một cô gái quốc tịch Lào" read as no foreigner, and the airport reception of
    # Vietnamese victims returning (01/2014 Điều 4) led the steps
    from tests.conftest import first_quote

    question = (
        "Công an tỉnh vừa giải cứu một cô gái quốc tịch Lào bị bán vào quán karaoke trên địa bàn. Sau khi bàn giao cho"
        " Phòng LĐTBXH thì các bước tiếp theo và thời hạn để đưa cô ấy về nước là gì?"
    )
    assert "foreigner" in answer_client.app.state.vnlex.answers.understand(question).who
    assert first_quote(ask(answer_client, question))[:2] == ("01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG", "8")


def test_the_clause_naming_a_foreign_child_outscores_the_list_naming_children():
    # 56/2017 Điều 16 khoản 2 ("Trẻ em có quốc tịch nước ngoài di cư, lánh nạn, tị nạn không có người chăm sóc") names
    # the child and her nationality; Luật Trẻ em Điều 10 khoản 1's list names children only (outside reader 5's K2)
    from ingest.model import Article, Document
    from ingest.units import split_units
    from search_api.answering.groups import SECOND_GROUP_BONUS
    from tests.understanding import understand

    def clause(number: str, article: str, text: str):
        unit = Article(article, "Trẻ em có hoàn cảnh đặc biệt", text, f"dieu_{article}", units=split_units(text, "d"))
        document = Document(number, "Nghị định", title="Quy định chi tiết Luật Trẻ em", articles=[unit])
        return next(c for c in article_candidates(document, unit, 0) if c.kind == "khoan")

    question = understand("bé 10 tuổi quốc tịch nước ngoài lạc sang Việt Nam, không ai chăm sóc, có được hỗ trợ không")
    foreign_child = clause("56/2017/NĐ-CP", "16", "2. Trẻ em có quốc tịch nước ngoài di cư không có người chăm sóc.")
    children = clause("102/2016/QH13", "10", "1. Trẻ em có hoàn cảnh đặc biệt bao gồm trẻ em mồ côi.")
    assert group_bonus(foreign_child, question) == GROUP_BONUS + SECOND_GROUP_BONUS
    assert group_bonus(children, question) == GROUP_BONUS
