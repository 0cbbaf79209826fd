"""The named text's own title quoted in a question asks nothing (search_api/answering/named_title.py): intent cues
inside it are not read; cues outside it, or running from it into the question, still are."""

from __future__ import annotations

from search_api.answering import models as m
from search_api.answering.asking import expanded_text
from search_api.answering.named_title import title_spans
from search_api.answering.understand import understand_question
from tests.understanding import KNOWN

# the decree's title as the collection has it (codified database)
SUPERVISION = (
    "37/2018/NĐ-CP",
    "Nghị định",
    "Quy định chi tiết thi hành các biện pháp giám sát, giáo dục người dưới 18 tuổi phạm tội được miễn trách nhiệm"
    " hình sự",
)
STAFFING = (
    "08/2008/TTLT-BTP-BNV",
    "Thông tư liên tịch",
    "Hướng dẫn về tổ chức và biên chế của Trung tâm trợ giúp pháp lý nhà nước",
)
WITH_TITLES = [*KNOWN, SUPERVISION, STAFFING]


def understand(text: str) -> m.Question:
    return understand_question(text, WITH_TITLES)


def test_a_named_article_asked_in_the_decree_title_words_is_a_lookup_not_a_penalty():
    # heldout17: the title's "phạm tội được miễn TNHS" made it a penalty question, answered with BLHS Điều 91
    q = understand(
        "NĐ 37/2018/NĐ-CP Đ3: việc giám sát, giáo dục người dưới 18t phạm tội được miễn TNHS phải theo những nguyên"
        " tắc nào? Xã em có 1 cháu 16t bị lôi kéo canh giữ người cho đường dây MBN."
    )
    assert q.intent == m.LOOKUP
    assert q.article_number == "3"
    assert m.PENALTY not in q.intents


def test_an_agency_question_about_the_decree_is_no_penalty_question():
    q = understand(
        "NĐ 37/2018: ở cấp xã, cơ quan nào làm đầu mối tham mưu cho Chủ tịch UBND xã tổ chức thi hành biện pháp giám"
        " sát, giáo dục người dưới 18t phạm tội được miễn TNHS?"
    )
    assert q.intent == m.AGENCY
    assert m.PENALTY not in q.intents


def test_a_penalty_asked_outside_the_title_is_still_read():
    q = understand(
        "NĐ 37/2018 về giám sát, giáo dục người dưới 18 tuổi phạm tội được miễn TNHS: nếu cháu bỏ trốn thì có bị"
        " truy cứu trách nhiệm hình sự không?"
    )
    assert m.PENALTY in q.intents


def test_a_cue_running_from_the_title_into_the_question_still_asks():
    # "ngày ký … là ngày nào" spans the title words "trung tâm trợ giúp pháp lý"
    q = understand(
        "Ngày ký (không phải ngày bắt đầu áp dụng) của TTLT số 08/2008 giữa Bộ TP và Bộ NV về cơ cấu, biên chế các"
        " Trung tâm trợ giúp pháp lý nhà nước là ngày nào?"
    )
    assert q.intent == m.STATUS


def test_a_term_the_title_shares_is_no_quoted_title():
    # four syllables ("trợ giúp pháp lý") are one term, not the title quoted
    words = expanded_text("TTLT 08/2008 nói gì về người được trợ giúp pháp lý")
    assert title_spans(words, ["08/2008/TTLT-BTP-BNV"], WITH_TITLES) == []
    quoted = expanded_text("TTLT 08/2008 về biên chế của Trung tâm trợ giúp pháp lý nhà nước")
    (span,) = title_spans(quoted, ["08/2008/TTLT-BTP-BNV"], WITH_TITLES)
    assert quoted[span.start : span.stop] == "bien che cua trung tam tro giup phap ly nha nuoc"


def test_no_named_text_no_span():
    words = expanded_text("người dưới 18 tuổi phạm tội được miễn trách nhiệm hình sự khi nào")
    assert title_spans(words, [], WITH_TITLES) == []
    assert m.PENALTY in understand("người dưới 18 tuổi phạm tội được miễn trách nhiệm hình sự khi nào").intents


def test_an_article_named_in_the_asking_sentence_before_a_story_is_asked():
    from search_api.answering.asking import article_named_in_story_only

    # the question comes first and names the article; the story after it names none
    assert not article_named_in_story_only("NĐ 37/2018 Đ3 quy định nguyên tắc nào? Xã em có 1 cháu 16t bị lôi kéo.")
    # told in the story before the question, it is the story's
    assert article_named_in_story_only("Công an nói thuộc khoản 1 Điều 150 BLHS. Tôi là mẹ, có bị truy cứu không?")
    # asked first without the article, the article told after it is the story's
    assert article_named_in_story_only("Tôi có bị truy cứu không? Công an nói thuộc khoản 1 Điều 150 BLHS.")


def test_a_group_the_quoted_title_names_is_not_who_the_question_is_about():
    # the title's "người dưới 18 tuổi" describes the decree; the question asks which body leads, about no child
    staffing = understand(
        "NĐ 37/2018 quy định chi tiết thi hành các biện pháp giám sát, giáo dục người dưới 18 tuổi phạm tội được miễn"
        " trách nhiệm hình sự giao bộ nào hướng dẫn?"
    )
    assert m.CHILD_UNDER_18 not in staffing.who
    told_apart = understand("NĐ 37/2018: cháu 17 tuổi được giám sát ở xã thì ai lập kế hoạch?")
    assert m.CHILD_UNDER_18 in told_apart.who
