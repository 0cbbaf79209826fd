"""Support intents through /api/ask on both backends (issue 8, item 2): how much, how long, who acts or
pays, which steps, and the honest decline when the collection lacks the kind of text that would answer.
Phrasings are real ones of legal-aid workers (with and without diacritics); each assertion names the
clause a careful colleague would quote first."""

from __future__ import annotations

import pytest

from search_api.answering import models as m
from search_api.answering.support import _AGENCY_HEAD, PAYER_QUESTION, sentences
from search_api.answering.understand import folded_text
from tests.conftest import ask


@pytest.fixture(scope="module")
def client(answer_client):
    return answer_client  # tests/conftest.py: the app over answer_index, each backend in turn


# --- pure rules ------------------------------------------------------------------------------


def test_sentences_split_on_full_stops_semicolons_and_lines_not_on_colons():
    text = "2. Thời hạn thẩm định hồ sơ: Trong thời hạn 15 ngày làm việc, Sở phải thẩm định. Sau đó trình; xong"
    parts = [text[s:e].strip() for s, e in sentences(text)]
    assert parts[0].startswith("2. Thời hạn thẩm định hồ sơ: Trong thời hạn 15 ngày")
    assert parts[1:] == ["Sau đó trình;", "xong"]


@pytest.mark.parametrize(
    ("sentence", "names_body"),
    [
        ("5. so lao dong – thuong binh va xa hoi thuc hien tro cap", True),
        ("b) trong thoi han 12 thang, ke tu ngay nhan ho so, chu tich uy ban nhan dan cap huyen quyet dinh", True),
        ("nan nhan duoc xem xet vay von tu ngan hang chinh sach xa hoi", True),
        ("3. to chuc thuc hien va ket noi cac dich vu", False),  # "Tổ chức thực hiện" is a verb here
        ("a) tien an: ho tro tien an trong thoi gian tam tru", False),
    ],
)
def test_agency_subject_is_read_from_the_clause_structure(sentence, names_body):
    assert bool(_AGENCY_HEAD.search(sentence)) is names_body


@pytest.mark.parametrize(
    ("question", "payer"),
    [
        ("nan nhan bi om nang phai chuyen len benh vien thi ai tra vien phi", True),
        ("kinh phi bao ve an toan cho nan nhan do dau chi tra", True),
        ("co quan nao cap giay phep thanh lap co so ho tro nan nhan", False),
    ],
)
def test_payer_questions_are_told_from_who_acts_questions(question, payer):
    assert bool(PAYER_QUESTION.search(folded_text(question))) is payer


# --- through /api/ask, both backends ----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "trợ cấp khó khăn ban đầu cho nạn nhân thuộc hộ nghèo là bao nhiêu tiền",
        "tro cap kho khan ban dau bao nhieu tien",
    ],
)
def test_amount_summary_names_the_asked_point_and_the_chain_behind_it(client, question):
    data = ask(client, question)
    assert data["understanding"]["intent"] == m.AMOUNT
    # The point on the initial hardship allowance (1.000.000 đồng), not the clause's first point.
    assert "1.000.000 đồng/người" in data["summary"]
    assert "điểm b khoản 3 Điều 4 TTLT 134/2013/TTLT-BTC-BLĐTBXH" in data["summary"]
    # ... then the decree article it details and the law article behind that, law last in the line.
    assert "chi tiết Điều 23 Nghị định 09/2013/NĐ-CP, Điều 38 Luật 66/2011/QH12" in data["summary"]
    first = data["answer"][0]
    assert first["doc_number"] == "134/2013/TTLT-BTC-BLĐTBXH" and "1.000.000 đồng/người" in first["text"]


@pytest.mark.parametrize(
    ("question", "doc_number", "article", "span"),
    [
        # "tối đa mấy năm" (no "bao lâu"): the ceiling on an extension, not the licence file's contents.
        (
            "gia hạn giấy phép thành lập cơ sở hỗ trợ nạn nhân được tối đa mấy năm",
            "09/2013/NĐ-CP",
            "13",
            "05 (năm) năm",
        ),
        # "mấy ngày" asked: the clause stating days, not the 12 hours of the next clause.
        (
            "trung tâm trợ giúp pháp lý phải cử người tham gia tố tụng trong mấy ngày kể từ khi thụ lý",
            "11/2017/QH14",
            "31",
            "03 ngày làm việc",
        ),
    ],
)
def test_duration_is_taken_from_the_sentence_about_the_asked_act(client, question, doc_number, article, span):
    first = ask(client, question)["answer"][0]
    assert (first["doc_number"], first["article_number"]) == (doc_number, article)
    assert span in first["text"]


def test_agency_question_quotes_the_clause_whose_subject_acts(client):
    data = ask(
        client, "Cơ quan nào thực hiện trợ cấp khó khăn ban đầu cho nạn nhân theo Luật Phòng, chống mua bán người?"
    )
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("66/2011/QH12", "39")
    assert "Sở Lao động – Thương binh và Xã hội thực hiện trợ cấp khó khăn ban đầu" in first["text"]


def test_payer_question_quotes_who_pays(client):
    first = ask(client, "Kinh phí bảo vệ an toàn cho nạn nhân và người thân do đâu chi trả?")["answer"][0]
    assert first["doc_number"] == "62/2012/NĐ-CP" and "ngân sách nhà nước bảo đảm" in first["text"]


def test_procedure_summary_lists_the_steps_in_the_texts_order_with_time_limits(client):
    data = ask(client, "Nạn nhân tự đến Ủy ban nhân dân xã khai báo bị mua bán thì xã phải làm gì?")
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG", "6")
    summary = data["summary"]
    assert summary.startswith("Trình tự theo Điều 6 ")
    # Steps in the order the circular gives them, each with its time limit.
    assert summary.index("khoản 1") < summary.index("khoản 2") < summary.index("khoản 3")
    assert "03 (ba) ngày" in summary and "60 (sáu mươi) ngày" in summary


def test_administrative_fine_is_declined_when_no_sanctions_decree_is_held(client):
    data = ask(
        client, "Cơ sở kinh doanh dịch vụ không báo cáo khi phát hiện mua bán người thì bị phạt hành chính bao nhiêu?"
    )
    assert data["answered"] is False and data["answer"] == []
    assert "nghị định xử phạt vi phạm hành chính" in data["message"]
    assert data["articles"], "the nearest articles are still shown"


@pytest.mark.parametrize(
    "question",
    [
        "số điện thoại đường dây nóng của Bộ đội Biên phòng về mua bán người là số nào",
        "duong day nong tiep nhan to giac mua ban nguoi la so may",
    ],
)
def test_a_phone_number_asked_is_declined_when_no_text_states_one(client, question):
    # A year ("năm 2012") or an article number is no number to call.
    data = ask(client, question)
    assert data["answered"] is False and "số điện thoại" in data["message"]


def _unit(store, doc_number: str, article: str, unit_id_suffix: str):
    from search_api.answering.evidence import article_candidates

    document = store.document(doc_number)
    found = next(a for a in document.articles if a.number == article)
    return next(c for c in article_candidates(document, found, 0) if c.unit_id.endswith(unit_id_suffix))


def test_procedure_summary_gives_the_steps_of_the_quoted_case(store):
    # The embassy's steps when a victim reports abroad (01/2014/TTLT Điều 4 khoản 1 điểm b), each with
    # its time limit — not the openings of every clause of Điều 4 (other cases, other agencies).
    from search_api.answering.procedure_steps import procedure_summary

    point = _unit(store, "01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG", "4", "dieu_4__khoan_1__diem_b")
    summary = procedure_summary(point)
    assert summary.startswith("Trình tự theo điểm b khoản 1 Điều 4 ")
    assert summary.index("(1) Tiến hành kiểm tra") < summary.index("(2) Hướng dẫn nạn nhân kê khai")
    assert "03 (ba) ngày" in summary


def test_dossier_question_gets_the_list_of_papers(store):
    # Quoted: one item of the dossier (khoản 2, "Lý lịch cá nhân"); the summary lists them all.
    from search_api.answering.procedure_steps import procedure_summary

    clause = _unit(store, "62/2012/NĐ-CP", "11", "dieu_11__khoan_2")
    summary = procedure_summary(clause, asks_dossier=True)
    assert summary.startswith("Hồ sơ theo Điều 11 Nghị định 62/2012/NĐ-CP: khoản 1 Văn bản đề nghị bảo vệ")
    assert "khoản 2 Lý lịch cá nhân" in summary


@pytest.mark.parametrize(
    ("question", "dossier"),
    [
        ("hồ sơ xin cấp giấy phép lập cơ sở hỗ trợ nạn nhân bao gồm những gì", True),
        ("đi xin trợ giúp pháp lý thì cần mang theo giấy tờ gì", True),
        ("nạn nhân được hỗ trợ những gì", False),
    ],
)
def test_dossier_questions_are_understood(question, dossier):
    from search_api.answering.understand import DOSSIER_CUES

    assert bool(DOSSIER_CUES.search(folded_text(question))) is dossier


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("a) Đồn Biên phòng, Cảnh sát biển thực hiện:", "Đồn Biên phòng, Cảnh sát biển"),
        (
            "2. Phòng Lao động - Thương binh và Xã hội cấp huyện, trong thời hạn không quá 03 (ba) ngày",
            "Phòng Lao động - Thương binh và Xã hội cấp huyện",
        ),
        (
            "- Trường hợp đủ căn cứ, cơ quan đại diện Việt Nam ở nước ngoài thực hiện",
            "cơ quan đại diện Việt Nam ở nước ngoài",
        ),
        ("b) Công an cấp tỉnh nơi có cửa khẩu nạn nhân nhập cảnh khi nhận được thông báo", "Công an cấp tỉnh"),
        # a paper or a number is no body ("Đơn", "số" fold onto "đồn", "sở")
        ("a) Đơn yêu cầu trợ giúp pháp lý", None),
        ("- số và loại giấy tờ xuất nhập cảnh của nạn nhân", None),
    ],
)
def test_the_body_acting_in_a_step(line, agency):
    from search_api.answering.procedure_steps import agency_of

    assert agency_of(line) == agency


def test_a_body_named_in_a_prevention_heading_holds_its_duties():
    # 66/2011 Điều 12-18 are headed by the body ("Nhà trường và các cơ sở giáo dục, đào tạo tham gia phòng ngừa
    # mua bán người"), not "Trách nhiệm của ..."; a question on the school's duty favours that article.
    from ingest.model import Article, Document
    from search_api.answering.models import Candidate
    from search_api.answering.support import DUTY_HEADING_BONUS, duty_heading_bonus
    from tests.understanding import understand

    title = "Nhà trường và các cơ sở giáo dục, đào tạo tham gia phòng ngừa mua bán người"
    article = Article(number="14", title=title, text="", id="dieu_14")
    unit = Candidate(Document(number="66/2011/QH12", type="Luật"), article, "k3", "khoan", "3", "3", "", "", None, 0)
    asked = understand("nhà trường có trách nhiệm gì với học sinh là nạn nhân bị mua bán")
    assert duty_heading_bonus(unit, asked) == DUTY_HEADING_BONUS
    # another body's question does not get it
    assert duty_heading_bonus(unit, understand("gia đình có trách nhiệm gì khi con bị mua bán trở về")) == 0.0


def test_an_agencys_step_with_a_time_limit_earns_the_duration_bonus(answer_client):
    from search_api.answering import compose as c
    from search_api.answering.evidence import gather

    # 144/2017 Điều 16 khoản 3 ("Trong thời hạn 04 ngày làm việc ..., Giám đốc Trung tâm ... trình") holds no
    # victim's provision, yet it is the time limit a "bao lâu" question asks for.
    from search_api.answering.provision_bonus import DURATION_BONUS

    answers = answer_client.app.state.vnlex.answers
    question = answers.understand("nghị định 144/2017 nộp hồ sơ cộng tác viên thì bao lâu Trung tâm trình Sở Tư pháp")
    assert question.asks_duration
    evidence = gather(question, answers.search, answers.store, answers.today)
    c.score_candidates(evidence, answers.store)
    unit = next(
        x for x in evidence.candidates if x.document.number == "144/2017/NĐ-CP" and x.unit_id == "dieu_16__khoan_3"
    )
    assert unit.parts["provision"] >= DURATION_BONUS


@pytest.mark.parametrize(
    ("text", "qualify"),
    [
        ("bé 6 tuổi đi theo mẹ bị bán, giờ được giải cứu thì bé được hỗ trợ những gì", True),
        ("chị ấy người dân tộc thiểu số bị bán, muốn xin trợ giúp pháp lý thì có phải chứng minh nghèo không", True),
        ("con tôi đang được trợ giúp pháp lý vụ bị bán, sắp đủ 16 tuổi thì có bị dừng không", False),
        ("cháu 16 tuổi bị bán muốn xin TGPL thì cần giấy gì chứng minh là bị hại", False),
    ],
)
def test_a_groups_eligibility_answers_only_what_the_group_may_obtain(text, qualify):
    from search_api.answering.eligibility import asks_to_qualify
    from tests.understanding import understand

    assert asks_to_qualify(understand(text)) is qualify


def test_aid_running_out_at_an_age_is_no_eligibility_question(answer_client):
    # (before: 11/2017 Điều 7 khoản 7, the list of who may receive legal aid, for a child already receiving it)
    data = ask(
        answer_client, "con tôi đang được trợ giúp pháp lý vụ bị bán, sắp đủ 16 tuổi thì có bị dừng giữa chừng không"
    )
    first = data["answer"][0]
    assert first["doc_number"] == "11/2017/QH14" and first["article_number"] == "37", first["citation"]


def test_a_list_heading_sharing_a_word_does_not_outrank_the_clause_on_the_benefit(answer_client):
    # "khó khăn" of "trợ cấp khó khăn ban đầu" is also the legal-aid "Điều kiện khó khăn về tài chính" (144/2017
    # Điều 2): that list answered before, suggesting victims outside poor households get the allowance.
    data = ask(answer_client, "nạn nhân trở về không thuộc hộ nghèo có được nhận trợ cấp khó khăn ban đầu không")
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("66/2011/QH12", "38"), first["citation"]
    assert "hộ nghèo" in first["text"]


def test_whether_an_act_is_prohibited_is_answered_from_the_prohibited_acts(answer_client):
    # heldout15: "Giả mạo là nạn nhân" (66/2011 Điều 3 khoản 11) ranked 23rd behind the verification procedure the
    # story's words matched, the story's benefit made it an entitlement question; phrased here as a worker would
    from search_api.answering.evidence import article_candidates
    from search_api.answering.groups import group_bonus
    from search_api.answering.prohibited import prohibited_acts_bonus
    from search_api.answering.support import DUTY_HEADING_BONUS

    answers = answer_client.app.state.vnlex.answers
    law = answers.store.document("66/2011/QH12")
    prohibited = next(
        c
        for c in article_candidates(law, next(a for a in law.articles if a.number == "3"), 0)
        if c.kind == "khoan" and c.number == "11"
    )
    question = answers.understand(
        "Ở xã có một phụ nữ khai với cán bộ là bị bán sang Trung Quốc để được nhận tiền hỗ trợ, công an xác minh thì"
        " chị ấy chỉ đi làm thuê. Giả mạo là nạn nhân như thế có bị pháp luật cấm không?"
    )
    assert not {m.ENTITLEMENT, m.ELIGIBILITY, m.AMOUNT} & set(question.intents), question.intents
    assert prohibited_acts_bonus(prohibited, question) == DUTY_HEADING_BONUS
    assert group_bonus(prohibited, question) == 0.0  # the person the act concerns is no group to serve
    # a benefit asked for keeps its intent and gets no prohibited-acts bonus
    benefit = answers.understand("Người đang chờ xác minh là nạn nhân có được nhận tiền hỗ trợ ăn ở không?")
    assert prohibited_acts_bonus(prohibited, benefit) == 0.0
    assert m.ENTITLEMENT in benefit.intents or m.ELIGIBILITY in benefit.intents
