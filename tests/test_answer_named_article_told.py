"""An article the asking sentence names: it is evidence enough to answer (a named article that exists is never "not
found"), and when none of its clauses is clearly the one asked about, or its list is asked for, the short article is
quoted whole. Phrasings written for these tests, not copied from the sets."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.model import Article, Document
from ingest.units import split_units
from search_api.answering import check, quote_shape
from search_api.answering.compose import Composition
from search_api.answering.evidence import Evidence, article_candidates
from tests.conftest import ask
from tests.understanding import understand

TODAY = date(2026, 11, 23)


def _article(number: str, title: str, text: str) -> Article:
    return Article(number, title, text, f"dieu_{number}", units=split_units(text, f"dieu_{number}"))


ARTICLE_33 = _article(
    "33",
    "Nghĩa vụ của người thực hiện trợ giúp pháp lý",
    "1. Tuân thủ nguyên tắc thực hiện trợ giúp pháp lý.\n2. Từ chối hoặc không tiếp tục thực hiện trợ giúp pháp lý.\n"
    "3. Bồi thường thiệt hại theo quy định.",
)
ARTICLE_29 = _article(
    "29", "Kinh phí bảo đảm", "1. Kinh phí do ngân sách nhà nước bảo đảm.\n2. Kinh phí được lập dự toán hằng năm."
)
LAW = Document("11/2017/QH14", "Luật", title="Trợ giúp pháp lý", articles=[ARTICLE_29, ARTICLE_33])


def _clause(article: Article, coverage: float):
    unit = next(c for c in article_candidates(LAW, article, 0) if c.kind == "khoan")
    unit.coverage = coverage
    return unit


def _evidence(text: str) -> Evidence:
    evidence = Evidence(understand(text), today=TODAY)
    evidence.named_article = (LAW, ARTICLE_33)
    return evidence


ASKED_OF_THE_ARTICLE = (
    "Chị tôi bị lừa bán, nay nhờ trợ giúp pháp lý. Tôi nghe nói Điều 33 Luật Trợ giúp pháp lý nói về người thực "
    "hiện — điều đó bảo họ phải làm gì cho chị tôi?"
)


def test_the_named_article_leading_is_evidence_enough_however_little_it_covers():
    # heldout19: "Tôi nghe nói Điều 101 Luật Trẻ em nói về ... — điều đó bắt bố mẹ cháu phải làm gì?" was declined with
    # Điều 101 ranked first (its clauses covered 0.16 of the story against a bar of 0.20)
    evidence = _evidence(ASKED_OF_THE_ARTICLE)
    low = 0.1
    named_lead = Composition(quotes=[_clause(ARTICLE_33, low)], best_coverage=low)
    assert check.supported(evidence, named_lead, check.ANSWER_THRESHOLD)
    other_lead = Composition(quotes=[_clause(ARTICLE_29, low)], best_coverage=low)
    assert not check.supported(evidence, other_lead, check.ANSWER_THRESHOLD)


def test_an_article_told_only_in_the_story_is_no_such_evidence():
    evidence = _evidence(
        "Luật sư bảo chị tôi thuộc diện Điều 33 Luật Trợ giúp pháp lý. Giờ chị ấy phải nộp những giấy tờ gì để được "
        "trợ giúp, nộp ở đâu?"
    )
    assert evidence.question.article_in_story
    low = 0.1
    composition = Composition(quotes=[_clause(ARTICLE_33, low)], best_coverage=low)
    assert not check.supported(evidence, composition, check.ANSWER_THRESHOLD)


@pytest.mark.parametrize(
    ("coverage", "words", "whole"),
    [
        (0.1, "dieu do bao ho phai lam gi", True),  # no clause covers the question: the article whole
        (0.5, "dieu do bao ho phai lam gi", False),  # one clause covers it: that clause
        (0.5, "dieu 33 quy dinh nhung nghia vu nao", True),  # its list is asked for
        (0.5, "dieu 33 gom nhung gi", True),
    ],
)
def test_the_named_article_is_quoted_whole_when_no_clause_is_clearly_asked(coverage, words, whole):
    lead = _clause(ARTICLE_33, coverage)
    other = _clause(ARTICLE_29, 0.3)
    quotes = quote_shape.whole_named_when_unsure([lead, other], (LAW, ARTICLE_33), None, 0.3, words)
    assert (quotes[0].kind == "dieu") is whole
    assert quotes[0].article.number == "33" and quotes[-1].article.number == "29"


def test_a_named_clause_is_quoted_as_named():
    lead = _clause(ARTICLE_33, 0.1)
    quotes = quote_shape.whole_named_when_unsure([lead], (LAW, ARTICLE_33), "1", 0.3, "nhung nghia vu nao")
    assert quotes == [lead]


def _offence_question_evidence() -> Evidence:
    return Evidence(
        understand(
            "Người quen hứa đưa chị tôi về quê rồi đòi chị trả ơn. Hắn bị xử tội gì, khung hình phạt thế nào, mấy"
            " năm tù?"
        ),
        today=TODAY,
    )


def test_a_sentence_asked_is_not_answered_from_a_text_that_sets_none():
    # heldout19: "Hắn bị xử tội gì, khung hình phạt thế nào?" was answered from the legal-aid fee rules for defendants
    # prosecuted for two offences (02/2021/TT-BTP Điều 10), whose "khung hình phạt" were the words shared
    evidence = _offence_question_evidence()
    assert evidence.question.asks_sentence
    fees = Article(
        "10",
        "Mức khoán chi khi trợ giúp pháp lý cho người bị truy tố nhiều tội danh",
        "2. Nếu 02 tội danh có khung hình phạt thuộc 02 loại tội phạm khác nhau thì áp dụng mức khoán chi cao hơn.",
        "dieu_10",
    )
    circular = Document("02/2021/TT-BTP", "Thông tư", title="Hướng dẫn mức khoán chi", articles=[fees])
    lead = article_candidates(circular, fees, 0)[0]
    composition = Composition(quotes=[lead], best_coverage=0.9)
    assert not check.supported(evidence, composition, check.ANSWER_THRESHOLD)
    # the Code's own article may answer
    offence = Article("143", "Tội cưỡng dâm", "1. Người nào ... thì bị phạt tù từ 01 năm đến 05 năm.", "dieu_143")
    code = Document("100/2015/QH13", "Bộ luật", title="Hình sự", articles=[offence])
    composition = Composition(quotes=[article_candidates(code, offence, 0)[0]], best_coverage=0.9)
    assert check.supported(evidence, composition, check.ANSWER_THRESHOLD)


def test_who_qualifies_under_the_text_named_is_answered_from_that_text_first():
    # heldout19: "Theo Nghị định 56/2017 cháu có thuộc nhóm trẻ em có hoàn cảnh đặc biệt ... không?" was declined, the
    # decree's clause under the quoting floor the law's general list passed
    from search_api.answering.support import NAMED_TEXT_BONUS, named_text_bonus

    question = understand("Theo Luật Trợ giúp pháp lý 2017, chị tôi có thuộc diện được trợ giúp pháp lý không?")
    assert question.has("eligibility")
    unit = _clause(ARTICLE_33, 0.1)
    assert named_text_bonus(unit, question, [LAW]) == NAMED_TEXT_BONUS
    assert named_text_bonus(unit, question, []) == 0.0


def test_a_question_naming_a_text_and_asking_nothing_typed_prefers_that_text():
    # heldout20: "Nghị quyết 02/2019 của HĐTP hướng dẫn hành vi ... như vậy ở khoản, điểm nào?" reads no intent; the
    # named resolution's own clause came second
    from search_api.answering.support import NAMED_TEXT_BONUS, named_text_bonus

    question = understand("Nghị quyết 02/2019 nói việc nhận người dưới 16 tuổi về để bóc lột ở khoản, điểm nào?")
    assert question.intent == "general"
    article = _article("2", "Mua bán người dưới 16 tuổi", "1. Nhận người dưới 16 tuổi để bóc lột.\n2. Chuyển giao.")
    resolution = Document("02/2019/NQ-HĐTP", "Nghị quyết", title="Hướng dẫn áp dụng Điều 150, 151", articles=[article])
    unit = next(c for c in article_candidates(resolution, article, 0) if c.kind == "khoan")
    assert named_text_bonus(unit, question, [resolution]) == NAMED_TEXT_BONUS
    assert named_text_bonus(unit, question, [LAW]) == 0.0


def test_an_article_set_aside_with_ngoai_and_owned_by_the_text_after_it_does_not_open_the_answer(answer_client):
    # written for this test (heldout31's class): "k2 Đ11 Luật TGPL" after "Theo NĐ 144/2017" is the Law's article, not
    # the decree's (which was quoted: a civil servant's allowance), and "ngoài ..." sets it aside: the decree's
    # Điều 6 on what else founding a branch rests on answers
    data = ask(
        answer_client,
        "Tỉnh mình định lập Chi nhánh của Trung tâm TGPL ở một huyện miền núi xa tỉnh lỵ. Theo Nghị định "
        "144/2017/NĐ-CP, ngoài các điều kiện tại khoản 2 Điều 11 Luật TGPL thì việc thành lập còn phải căn cứ vào đâu?",
    )
    assert data["answered"], data["message"]
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("144/2017/NĐ-CP", "6"), first["citation"]
    assert "nhu cầu trợ giúp pháp lý dài hạn" in first["text"]
    assert data["understanding"]["documents"][:2] == ["144/2017/NĐ-CP", "11/2017/QH14"]


@pytest.mark.parametrize(
    ("text", "told"),
    [
        # the article in the story's second sentence, the asking (last) one names another text
        (
            "Vụ của anh T. (bị ép giữ hàng cho đường dây): công an thu 0,05 gam heroin, dưới mức tối thiểu của khoản 1 "
            "Điều 249 BLHS. Theo Nghị định 19/2018/NĐ-CP, cộng các chất lại thế nào?",
            True,
        ),
        # the asking sentence points back at it, or names it
        ("Cô giáo nhắc Điều 27 Luật Trẻ em. Chị tôi bị lừa bán. Điều đó ghi nguyên văn thế nào?", False),
        ("Chị tôi bị lừa bán về nước. Điều 32 Luật PCMBN quy định những chế độ gì?", False),
    ],
)
def test_an_article_told_before_the_asking_sentence_is_the_storys(text, told):
    assert understand(text).article_in_story is told
