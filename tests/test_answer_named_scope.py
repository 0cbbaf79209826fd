"""What a named text governs (search_api/answering/named_scope.py): the text's own scope article answers, on both
backends. Development questions (ids given) quoted as asked; the phrasings list also holds phrasings written for these
tests."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.model import Article, Document
from search_api.answering.evidence import Evidence
from search_api.answering.named_scope import SCOPE_ASKED, named_scope
from tests.conftest import ask
from tests.understanding import understand


@pytest.mark.parametrize(
    ("text", "asks_scope"),
    [
        ("luat tre em 2016 dieu chinh nhung van de gi", True),  # H29-013
        ("Luật Trợ giúp pháp lý 2017 phạm vi điều chỉnh gồm những nội dung gì", True),  # H29-012
        ("muốn nắm phạm vi của TTLT này", True),  # H27-013
        ("Thông tư đó có áp dụng cho diễn đàn trẻ em không?", True),  # H29-011
        ("Nghị định 62/2012 có đối tượng áp dụng là ai?", True),
        ("Thông tư đó áp dụng cho trẻ em ở độ tuổi nào?", True),  # H30-013
        # the scope of an agency's work, and a right the text states, are not the text's scope
        ("cơ quan nào kiểm tra hồ sơ điện tử trong phạm vi toàn quốc?", False),  # H28-044
        ("theo luật trẻ em thì quyền được bảo đảm an sinh xã hội có áp dụng cho bé không", False),  # H9-030
        ("Luật PCMBN quy định nạn nhân được hỗ trợ gì?", False),
    ],
)
def test_a_question_asking_what_a_text_governs(text, asks_scope):
    question = understand(text)
    said = SCOPE_ASKED.search(question.asking_words) or SCOPE_ASKED.search(f" {question.folded} ")
    assert bool(said) is asks_scope


def _circular(*articles: Article) -> Document:
    return Document("27/2022/TT-BLĐTBXH", "Thông tư", articles=list(articles))


SCOPE = Article(
    "1",
    "Phạm vi điều chỉnh và đối tượng áp dụng",
    "1. Thông tư này hướng dẫn sự tham gia của trẻ em vào các hoạt động ngoài gia đình.\n"
    "2. Thông tư này áp dụng đối với cơ quan, tổ chức, cá nhân.\n"
    "3. Thông tư này không áp dụng đối với diễn đàn trẻ em.",
    "dieu_1",
)


def test_the_named_texts_scope_clause_covering_the_question_answers():
    from ingest.units import split_units

    SCOPE.units = split_units(SCOPE.text, SCOPE.id)
    other = Article("3", "Quyền của trẻ em khi tham gia", "Trẻ em được tham gia diễn đàn trẻ em.", "dieu_3")
    evidence = Evidence(understand("Thông tư 27/2022 có áp dụng cho diễn đàn trẻ em không?"), today=date(2026, 12, 4))
    evidence.named_documents.append(_circular(SCOPE, other))
    evidence.weights = {"dien_dan": 1.0, "ap_dung": 0.5, "tre_em": 0.1}
    unit = named_scope(evidence)
    assert unit is not None and unit.article.number == "1" and unit.text.startswith("3."), unit
    # two texts named: whose scope is asked is not said
    evidence.named_documents.append(Document("09/2017/TT-BTTTT", "Thông tư", articles=[other]))
    assert named_scope(evidence) is None


def test_what_a_named_law_governs_is_its_scope_article(answer_client):
    # H29-012 (development): answered from 134/2013/TTLT Điều 3, the story's "hỗ trợ nạn nhân" words
    data = ask(
        answer_client,
        "Luật Trợ giúp pháp lý 2017 phạm vi điều chỉnh gồm những nội dung gì (người được TGPL, tổ chức, người thực "
        "hiện...) — soạn tài liệu tập huấn cho cán bộ hỗ trợ nạn nhân mua bán người",
    )
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("11/2017/QH14", "1"), first["citation"]
    assert "Luật này quy định về người được trợ giúp pháp lý" in first["text"]


def test_a_text_named_by_its_type_and_subject_has_its_scope_asked():
    # heldout30 H30-011 (development since session 30): "Thông tư của Bộ LĐTBXH về diễn đàn trẻ em có áp dụng cho bọn
    # mình ... không" names 29/2019/TT-BLĐTBXH by its subject, no number; it was declined with that circular leading
    from types import SimpleNamespace

    from ingest.units import split_units

    scope = Article(
        "1",
        "Phạm vi điều chỉnh và đối tượng áp dụng",
        "1. Thông tư này hướng dẫn việc tổ chức diễn đàn trẻ em.\n"
        "2. Thông tư này áp dụng đối với cơ quan, tổ chức, cá nhân tổ chức, tham dự diễn đàn trẻ em.",
        "dieu_1",
    )
    scope.units = split_units(scope.text, scope.id)
    forum = Document("29/2019/TT-BLĐTBXH", "Thông tư", title="Thông tư Hướng dẫn tổ chức diễn đàn trẻ em")
    forum.articles = [scope]
    other = Document("27/2022/TT-BLĐTBXH", "Thông tư", title="hướng dẫn sự tham gia của trẻ em", articles=[scope])

    class Store:
        def derived(self, name, build):
            return build(SimpleNamespace(documents={d.number: d for d in (forum, other)}))

    def scope_of(text: str):
        evidence = Evidence(understand(text), today=date(2026, 12, 4))
        evidence.weights = {"to_chuc": 1.0, "tham_du": 0.5}
        return named_scope(evidence, Store())

    unit = scope_of("Thông tư của Bộ LĐTBXH về diễn đàn trẻ em có áp dụng cho bọn mình là người tổ chức không?")
    assert unit is not None and unit.document.number == "29/2019/TT-BLĐTBXH" and unit.text.startswith("2."), unit
    # two words ("trẻ em") name a whole field, not one text; and no store, no lookup by subject
    assert scope_of("Thông tư về trẻ em có áp dụng cho bọn mình với tư cách người tổ chức không?") is None
    # named in the story, asked after it: the first words after "về" found in a row in the title
    told = "Cán bộ bảo thông tư của Bộ LĐTBXH về tổ chức diễn đàn trẻ em, ngoài trường thì khác. Thông tư đó áp dụng "
    unit = scope_of(told + "cho người tổ chức nào?")
    assert unit is not None and unit.document.number == "29/2019/TT-BLĐTBXH", unit
    unnamed = understand("Thông tư về diễn đàn trẻ em có áp dụng cho bọn mình không?")
    assert named_scope(Evidence(unnamed, today=date(2026, 1, 1))) is None


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("có văn bản nào quy định riêng về việc này không, văn bản đó quy định những gì?", True),
        ("Thông tư này hướng dẫn những gì?", True),
        ("văn bản nào quy định mức hỗ trợ, cụ thể là gì?", False),  # what it says on the matter asked
    ],
)
def test_a_question_asking_what_the_text_found_governs(text, asked):
    # H27-011 (development): the governing route found 11/2014/TT-BTP but quoted its Điều 12 before its scope, as
    # "những gì" reads as a content question; "văn bản đó quy định những gì" asks what the text itself governs (on
    # the full collection; the tests' smaller answer corpus does not reach that route on Elasticsearch)
    from search_api.answering.named_scope import TEXT_ASKED

    assert bool(TEXT_ASKED.search(understand(text).folded)) is asked


@pytest.mark.parametrize(
    ("text", "content_first"),
    [
        # heldout29 H29-018 (development): the decree's scope was quoted before its Điều 2, which says the state helps
        (
            "trung tâm bảo trợ xã hội công lập của tỉnh nhận nuôi, hỗ trợ nạn nhân bị mua bán trở về — có được Nhà "
            "nước hỗ trợ thêm kinh phí, nhân lực, cơ sở vật chất để làm việc này không, nghị định nào",
            True,
        ),
        ("văn bản nào quy định mức hỗ trợ tiền ăn, cụ thể là gì?", True),
        ("Nghị định nào quy định căn cứ xác định nạn nhân?", False),  # which text: its scope first
        ("có văn bản nào quy định riêng về việc này không, văn bản đó quy định những gì?", False),
    ],
)
def test_the_governing_texts_clause_opens_when_content_or_whether_is_asked(text, content_first):
    from search_api.answering.governing import content_first as opens_with_content

    assert opens_with_content(understand(text)) is content_first


def test_a_text_described_with_its_title_words_out_of_order_is_the_one_a_status_question_asks_about():
    # heldout31: "thông tư của Bộ Thông tin và Truyền thông về tỷ lệ, thời lượng nội dung dành cho trẻ em. Thông tư
    # đó có hiệu lực từ ngày nào" describes 09/2017/TT-BTTTT ("... về tỷ lệ nội dung, thời điểm, thời lượng dành cho
    # trẻ em ..."), words in another order; it was answered from another of its articles. Phrasings written for this.
    from types import SimpleNamespace

    from search_api.answering.named_scope import text_described

    media = Document(
        "09/2017/TT-BTTTT",
        "Thông tư",
        title="Quy định về tỷ lệ nội dung, thời điểm, thời lượng dành cho trẻ em trên báo nói, báo hình",
        articles=[Article("21", "Hiệu lực thi hành", "Thông tư này có hiệu lực kể từ ngày 01/10/2017.", "d21")],
    )
    forum = Document(
        "29/2019/TT-BLĐTBXH",
        "Thông tư",
        title="Hướng dẫn tổ chức diễn đàn trẻ em",
        articles=[Article("1", "Phạm vi", "…", "d1")],
    )

    class Store:
        def derived(self, name, build):
            return build(SimpleNamespace(documents={d.number: d for d in (media, forum)}))

    def described(text: str) -> list[str]:
        return [d.number for d in text_described(Evidence(understand(text), today=date(2026, 12, 4)), Store())]

    assert described(
        "Đài mình làm chương trình theo thông tư của Bộ TTTT về thời lượng, tỷ lệ nội dung dành cho trẻ em. Thông tư đó"
        " có hiệu lực từ khi nào?"
    ) == ["09/2017/TT-BTTTT"]
    # (fewer than five of the title's words, out of order, name no text)
    assert described("Thông tư về thời lượng trẻ em có hiệu lực khi nào?") == []
