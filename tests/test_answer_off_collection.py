"""Declines when the question's key concept is one the collection does not hold (issue 8, item 4).

Real phrasings, with and without diacritics: an administrative fine (no sanctions decree is held), a
paper asked for that no text of the collection issues ("sổ đỏ"); and questions that share their words
and are answered — the licence of a support facility, a foreign victim's exit visa (01/2014 Điều 9),
the Criminal Code's fines for people who commit a crime."""

from __future__ import annotations

import pytest

from search_api.answering.off_collection import SUBJECTS, asked_concepts, asked_object
from search_api.answering.understand import folded_text, understand_question
from tests.conftest import ask


@pytest.fixture(scope="module")
def client(answer_client):
    return answer_client  # tests/conftest.py: the app over answer_index, each backend in turn


# --- pure rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "paper"),
    [
        ("Nạn nhân trở về muốn xin cấp sổ đỏ thì thủ tục thế nào?", "sổ đỏ"),
        ("Cơ sở hỗ trợ nạn nhân muốn gia hạn giấy phép phải nộp hồ sơ trước bao lâu?", "giấy phép"),
        ("Thủ tục xin cấp lại giấy khai sinh cho trẻ bị bán", "giấy khai"),
        ("Xin làm lại giấy chứng nhận bị mất ở đâu?", "giấy chứng"),
        # an allowance and a level of government are not papers issued
        ("trợ cấp khó khăn ban đầu cho nạn nhân là bao nhiêu", ""),
        ("Hồ sơ đề nghị cấp tỉnh hỗ trợ gồm những gì", ""),
        # the question's own words after "cấp lại", and an abbreviation (GP: giấy phép), name no paper
        ("Cơ sở bị mất giấy phép thì xin cấp lại cần những gì?", ""),
        ("Hồ sơ gia hạn GP cơ sở hỗ trợ nạn nhân gồm gì", ""),
        # a preposition after "cấp lại" introduces the rule it goes by (a false decline, heldout13)
        ("CTV TGPL bị mất thẻ, làm đơn xin cấp lại theo NĐ 144/2017 phải nộp kèm mấy ảnh?", ""),
    ],
)
def test_the_paper_a_question_asks_for(question, paper):
    assert asked_object(question) == paper


def test_a_paper_typed_without_diacritics_is_not_judged():
    # folded, "so do" is "sổ đỏ" and "số đỏ" alike: the collection's spelling cannot be checked
    assert asked_concepts(understand_question("nan nhan tro ve muon xin cap so do thi thu tuc the nao", [])) == ()


@pytest.mark.parametrize(
    ("question", "fine"),
    [
        ("Quán karaoke chứa chấp mại dâm bị xử phạt hành chính bao nhiêu tiền?", True),
        ("co so luu tru khong thong bao cho cong an khi phat hien mua ban nguoi thi bi phat bao nhieu tien", True),
        ("Chủ nhà nghỉ không khai báo tạm trú cho khách thì bị xử phạt thế nào?", True),
        # a person who commits the crime: the Criminal Code answers
        ("Ngoài phạt tù, người phạm tội mua bán người còn có thể bị phạt tiền bao nhiêu?", False),
        ("cong ty xuat khau lao dong lua ban nguoi ra nuoc ngoai bi phat tu bao nhieu nam", False),
        ("phat tien toi mua ban nguoi toi da bao nhieu", False),
    ],
)
def test_an_administrative_fine_is_told_from_a_criminal_one(question, fine):
    assert any(subject.question.search(folded_text(question)) for subject in SUBJECTS) is fine


@pytest.mark.parametrize(
    ("question", "declined"),
    [
        # a past administrative fine told as background; the Code is asked
        (
            "Anh ta đã bị phạt hành chính vì ép con gái 15 tuổi lấy chồng, nay tái phạm thì bị xử lý hình sự thế nào?",
            False,
        ),
        ("da bi xu phat hanh chinh ma van to chuc tao hon cho con 14 tuoi, theo bo luat hinh su phat bao nhieu", False),
        # a past fine told of a company's volunteer (no criminal word): what follows from it is asked, not the fine
        (
            "Công ty tôi mở lớp kỹ năng cho trẻ em, có một tình nguyện viên từng bị phạt hành chính vì xâm hại trẻ em. "
            "Người đó có được trực tiếp hướng dẫn các em không?",
            False,
        ),
        # the criminal route denied: the administrative fine is asked
        (
            "Môi giới kết hôn trái phép nhưng chưa đến mức truy cứu hình sự thì bị phạt hành chính bao nhiêu?",
            True,
        ),
    ],
)
def test_a_past_administrative_fine_does_not_decline_a_criminal_question(client, question, declined):
    data = ask(client, question)
    message = data.get("message") or ""
    assert ("nghị định xử phạt vi phạm hành chính" in message) is declined, message
    if declined:
        assert data["answered"] is False


@pytest.mark.parametrize(
    ("question", "law"),
    [
        (
            "Kẻ buôn người bị tòa buộc bồi thường mà không trả, nạn nhân có bao lâu để làm đơn yêu cầu thi hành án?",
            "Luật Thi hành án dân sự",
        ),
        ("nan nhan mua ban nguoi co duoc uu tien thue nha o xa hoi khong", "Luật Nhà ở"),
        # an outside reader (session 17) was given support costs abroad and airport reception
        ("Nạn nhân về nước mất hết giấy tờ thì làm lại căn cước công dân ở đâu, thủ tục thế nào?", "Luật Căn cước"),
        (
            "Em nghỉ làm mấy hôm để lên công an làm chứng, công ty có phải trả lương những ngày đó không?",
            "Bộ luật Lao động",
        ),
        # heldout19 got the Law on Bidding's direct contracting for the court's time to prepare a trial
        ("Tòa có bao nhiêu ngày để chuẩn bị xét xử vụ án mua bán chị tôi, được gia hạn không?", "Tố tụng hình sự"),
        ("thoi han dieu tra vu mua ban nguoi la bao lau", "Tố tụng hình sự"),
    ],
)
def test_subjects_governed_by_laws_the_collection_lacks_are_declined_naming_the_law(client, question, law):
    data = ask(client, question)
    assert data["answered"] is False and data["answer"] == [], [q["citation"] for q in data["answer"]]
    assert law in data["message"], data["message"]


def test_support_regimes_paid_by_the_state_are_not_wages():
    # "cán bộ ... được trả tiền làm thêm giờ" is 134/2013's own rule; only an employer's wages are the Labour Code's
    assert not any(
        subject.question.search(folded_text("cán bộ trực bảo vệ nạn nhân ngoài giờ được chi trả làm thêm giờ thế nào"))
        for subject in SUBJECTS
    )


# --- through /api/ask, both backends ----------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Cơ sở lưu trú không thông báo cho công an khi phát hiện dấu hiệu mua bán người thì bị phạt bao nhiêu tiền?",
        "co so kinh doanh karaoke de xay ra mua ban nguoi bi xu phat bao nhieu",
    ],
)
def test_a_business_fined_is_declined_saying_no_sanctions_decree_is_held(client, question):
    data = ask(client, question)
    assert data["answered"] is False and data["answer"] == []
    assert "nghị định xử phạt vi phạm hành chính" in data["message"]
    assert data["articles"], "the nearest articles are still shown"


def test_a_paper_no_text_issues_is_declined_saying_so(client):
    data = ask(client, "Nạn nhân trở về muốn xin cấp sổ đỏ thì thủ tục thế nào?")
    assert data["answered"] is False
    assert "“sổ đỏ”" in data["message"] and data["articles"]


@pytest.mark.parametrize(
    ("question", "doc_number"),
    [
        # "thị thực" is rare, but the collection speaks of foreign victims' exit visas (01/2014 Điều 9);
        # which clause comes first is the scorer's matter
        ("Nạn nhân người nước ngoài có được miễn lệ phí cấp thị thực xuất cảnh không?", None),
        ("Ngoài phạt tù, người phạm tội mua bán người còn có thể bị phạt tiền bao nhiêu?", "100/2015/QH13"),
        ("gia han giay phep thanh lap co so ho tro nan nhan duoc toi da may nam", "09/2013/NĐ-CP"),
        ("Hồ sơ đề nghị cấp giấy phép thành lập cơ sở hỗ trợ nạn nhân gồm những gì?", "09/2013/NĐ-CP"),
    ],
)
def test_questions_the_collection_answers_are_still_answered(client, question, doc_number):
    data = ask(client, question)
    assert data["answered"] is True, data["message"]
    assert doc_number is None or data["answer"][0]["doc_number"] == doc_number


@pytest.mark.parametrize(
    "question",
    [
        "Hiệp định giữa Việt Nam và Lào về phòng chống mua bán người quy định gì về trao trả nạn nhân?",
        "theo hiep dinh song phuong voi campuchia thi nan nhan duoc giao nhan trong bao nhieu ngay",
    ],
)
def test_a_treaty_the_collection_lacks_is_declined_saying_so(client, question):
    # Found by an outside reviewer (heldout5, after its scoring): a bilateral agreement's procedure was
    # answered with the domestic reception steps of TTLT 01/2014, as if they were the agreement's.
    data = ask(client, question)
    assert data["answered"] is False and data["answer"] == []
    assert data["message"].startswith("Kho văn bản chưa có hiệp định, thỏa thuận quốc tế nào")
    assert data["articles"]  # the nearest articles are still listed


def test_a_local_hotline_number_no_text_gives_is_declined(client):
    # Found by an outside reviewer (heldout5, H5-060, after its scoring): the number was not read as asked,
    # and a programme's budget line ("20.000.000 đồng/Trung tâm") opened the answer.
    data = ask(
        client, "Số điện thoại đường dây nóng của Trung tâm Trợ giúp pháp lý nhà nước tỉnh Hà Giang là bao nhiêu?"
    )
    assert data["answered"] is False and data["answer"] == [] and not data["summary"]
    assert "số điện thoại được hỏi" in data["message"]


@pytest.mark.parametrize(
    "question",
    ["Kẻ buôn người bị bắt thì bị tạm giam tối đa bao lâu?", "ke buon nguoi bi tam giu may ngay thi phai tha"],
)
def test_how_long_a_suspect_is_held_is_declined_as_criminal_procedure(client, question):
    # Found by an outside reviewer (heldout5, H5-030, after its scoring): a parole clause was quoted.
    data = ask(client, question)
    assert data["answered"] is False and "Bộ luật Tố tụng hình sự" in data["message"]


def test_legal_aid_for_a_detained_person_is_still_answered(client):
    data = ask(client, "người bị tạm giam có được trợ giúp pháp lý miễn phí không")
    assert data["answered"] is True and "Tố tụng hình sự" not in (data["message"] or "")


class EmptyStore:
    """A collection holding no text (so none on civil status), for off_collection called directly."""

    class Snap:
        documents: dict = {}
        derived: dict = {}

    def snapshot(self):
        return self.Snap

    def derived(self, name, build):
        return build(self.Snap)


def test_a_subject_the_collection_lacks_is_not_declined_when_a_quoted_article_is_headed_by_it():
    # "có quyền được khai sinh không": civil-status registration is the Law on Civil Status's (not held),
    # but the right itself is Luật Trẻ em Điều 13 "Quyền được khai sinh và có quốc tịch", which the
    # answer quotes; the decline hid it (an outside writer's question).
    from ingest.model import Article, Document
    from search_api.answering.evidence import Evidence, article_candidates
    from search_api.answering.off_collection import off_collection
    from tests.understanding import understand

    right = Article("13", "Quyền được khai sinh và có quốc tịch", "Trẻ em có quyền được khai sinh ...", "dieu_13")
    other = Article("14", "Quyền được chăm sóc sức khỏe", "Trẻ em có quyền được chăm sóc ...", "dieu_14")
    children = Document("102/2016/QH13", "Luật", articles=[right, other])
    evidence = Evidence(understand("bé bị bán không có giấy khai sinh thì có quyền được khai sinh không"))
    quoting_the_right = article_candidates(children, right, 0)[:1]
    assert off_collection(evidence, quoting_the_right, EmptyStore()) == ""
    assert "Luật Hộ tịch" in off_collection(evidence, article_candidates(children, other, 0)[:1], EmptyStore())


def test_a_subject_the_collection_lacks_is_not_declined_when_the_first_quote_itself_names_it():
    # "làm hồ sơ tìm gia đình nhận chăm sóc thay thế ... không có giấy khai sinh có sao không": the dossier
    # clause (56/2017 Điều 38 khoản 3) lists "giấy khai sinh ... (nếu có)"; the civil-status decline hid it
    # (heldout10 H10-036). A first quote that does not name the subject leaves the decline standing.
    from ingest.model import Article, Document, Unit
    from search_api.answering.evidence import Evidence, article_candidates
    from search_api.answering.off_collection import off_collection
    from tests.understanding import understand

    dossier = Article(
        "38",
        "Hồ sơ đề nghị chăm sóc thay thế",
        "",
        "dieu_38",
        units=[Unit("khoan", "3", "dieu_38__khoan_3", "3. Giấy chứng sinh hoặc giấy khai sinh của trẻ em (nếu có).")],
    )
    other = Article("39", "Quyết định chăm sóc thay thế", "Chủ tịch Ủy ban nhân dân cấp xã quyết định ...", "dieu_39")
    decree = Document("56/2017/NĐ-CP", "Nghị định", articles=[dossier, other])
    evidence = Evidence(
        understand("Xã làm hồ sơ chăm sóc thay thế cho cháu cần giấy tờ gì, không có giấy khai sinh có sao không?")
    )
    assert off_collection(evidence, article_candidates(decree, dossier, 0)[:1], EmptyStore()) == ""
    assert "Luật Hộ tịch" in off_collection(evidence, article_candidates(decree, other, 0)[:1], EmptyStore())


@pytest.mark.parametrize(
    ("question", "law"),
    [
        ("Tiền trợ cấp khó khăn ban đầu nạn nhân nhận được có phải nộp thuế thu nhập cá nhân không?", "Thuế"),
        ("nan nhan la nguoi khong quoc tich muon xin nhap quoc tich viet nam thi lam the nao", "Quốc tịch"),
        ("Nạn nhân bị giữ mất hộ chiếu ở nước ngoài, xin cấp lại hộ chiếu mất bao nhiêu ngày?", "Xuất cảnh"),
        ("theo nghị quyết HĐND tỉnh Lào Cai thì nạn nhân được hỗ trợ tiền ăn bao nhiêu", "Hội đồng nhân dân"),
        ("di xuat khau lao dong bi ep lam no le, tron ve thi doi lai tien ky quy o dau", "đi làm việc ở nước ngoài"),
        # an outside reader's (session 12): answered before with BLHS Điều 297's fine, no sum a victim receives
        (
            "Lao động đi làm việc ở nước ngoài theo hợp đồng bị cưỡng bức lao động thì được Quỹ Hỗ trợ việc làm ngoài "
            "nước hỗ trợ bao nhiêu tiền?",
            "Quỹ Hỗ trợ việc làm ngoài nước",
        ),
    ],
)
def test_tax_nationality_and_passport_questions_are_declined_naming_the_law(client, question, law):
    data = ask(client, question)
    assert not data["answered"], [q["citation"] for q in data["answer"]]
    assert law in data["message"], data["message"]


def test_a_stateless_victims_support_is_no_nationality_question(client):
    data = ask(client, "người không quốc tịch thường trú ở Việt Nam bị mua bán có được trợ cấp khó khăn ban đầu không")
    assert data["answered"], data["message"]


@pytest.mark.parametrize(
    "question",
    [
        # an outside reader's question (session 12), answered before with 01/2014's verification steps
        "Năm 2025 cả nước đã xác định và tiếp nhận bao nhiêu nạn nhân bị mua bán?",
        "co bao nhieu vu mua ban nguoi bi phat hien tren ca nuoc nam 2024",
    ],
)
def test_a_count_of_cases_or_victims_is_declined_as_statistics(client, question):
    data = ask(client, question)
    assert not data["answered"], [q["citation"] for q in data["answer"]]
    assert "số liệu thống kê" in data["message"], data["message"]


@pytest.mark.parametrize(
    "question",
    [
        "Mua bán bao nhiêu người thì bị phạt tù từ 12 năm đến 20 năm?",  # a bracket of the Code, not a count
        "Năm 2024 nạn nhân được hỗ trợ tiền ăn bao nhiêu một ngày?",  # a year and "bao nhiêu", not a count of cases
    ],
)
def test_a_number_of_people_in_a_legal_question_is_no_statistics(question):
    from search_api.answering.off_collection_subjects import COUNT_ASKED

    assert not COUNT_ASKED.search(folded_text(question))


def test_a_lease_is_not_a_tax_when_typed_with_diacritics(client):
    # folded, "hợp đồng thuê" is "đóng thuế": an outside reader's legal-aid question (session 12) was declined as a
    # question about personal income tax
    data = ask(
        client,
        "Nạn nhân mua bán người trở về muốn được TGPL trong tranh chấp hợp đồng thuê mặt bằng kinh doanh quán ăn "
        "thì có được không?",
    )
    assert "thuế" not in (data["message"] or ""), data["message"]
    # typed without diacritics the two cannot be told apart: the tax rule still reads it
    from search_api.answering.off_collection import SUBJECTS

    tax = next(s for s in SUBJECTS if s.spelled is not None and "thuế" in s.message)
    assert tax.question.search(folded_text("hop dong thue mat bang")) and not tax.spelled.search("hợp đồng thuê")


@pytest.mark.parametrize(
    "text",
    [
        "Chủ nhà nghỉ bị truy tố vì chứa mại dâm, ngoài án tù còn có thể bị phạt tiền bao nhiêu?",
        "chu quan bar bi khoi to toi chua mai dam, ngoai an tu co bi phat tien khong",
    ],
)
def test_a_prosecuted_owners_fine_is_the_codes(answer_client, text):
    # an establishment's owner prosecuted or sentenced is fined under the Criminal Code, which the collection holds
    data = ask(answer_client, text)
    assert data["answered"], data.get("message")
    assert data["answer"][0]["doc_number"] == "100/2015/QH13", data["answer"][0]["citation"]


@pytest.mark.parametrize(
    "text, says",
    [
        # the level of social assistance: the collection names the allowance only as a proof of hardship
        ("Cháu mồ côi bị bán được cứu về, mức chuẩn trợ giúp xã hội bây giờ là bao nhiêu?", "trợ giúp xã hội"),
        ("tro cap xa hoi hang thang cho tre mo coi bi mua ban la bao nhieu tien", "trợ giúp xã hội"),
        # the nationality procedure for a child born abroad
        (
            "Con của chị tôi sinh ở Trung Quốc, giờ về nước muốn làm quốc tịch Việt Nam cho cháu thì nộp ở đâu?",
            "Quốc tịch",
        ),
        # asylum: the mission's verification steps for Vietnamese victims were given as its procedure (outside reader)
        (
            "Cô gái người Campuchia bị bán vào Việt Nam không dám về nước vì sợ đường dây trả thù, muốn xin tị nạn ở "
            "lại thì nộp hồ sơ ở đâu?",
            "tị nạn",
        ),
        # land and the State paying an offender's damages: outside readers were given a nearby sum or clause
        (
            "Nạn nhân thuộc hộ nghèo trở về không có đất canh tác, xã có được giao đất sản xuất cho chị theo chế độ hỗ "
            "trợ nạn nhân không, bao nhiêu m2?",
            "Luật Đất đai",
        ),
        (
            "Nếu kẻ bán người không có tài sản để bồi thường thì Nhà nước có tạm ứng hoặc trả thay tiền bồi thường cho "
            "nạn nhân không?",
            "tạm ứng hoặc trả thay",
        ),
        # rent outside the shelter and a victims' fund (heldout14: answered with 134/2013's spending clauses)
        (
            "Chị ấy ra khỏi trung tâm, phải thuê trọ. Nhà nước hỗ trợ tiền thuê nhà cho nạn nhân bao nhiêu một tháng?",
            "tiền thuê nhà",
        ),
        ("Cơ quan nào quản lý Quỹ hỗ trợ nạn nhân bị mua bán người?", "quỹ hỗ trợ nạn nhân"),
    ],
)
def test_a_subject_the_collection_does_not_govern_is_declined_saying_which_law_does(answer_client, text, says):
    data = ask(answer_client, text)
    assert not data["answered"], data["answer"][0]["citation"]
    assert says in data["message"], data["message"]


def test_the_number_asked_for_is_declined_when_no_text_gives_it(answer_client):
    data = ask(
        answer_client,
        "Công văn yêu cầu gửi báo cáo về Văn phòng Thường trực phòng, chống tội phạm Bộ Công an. Cho tôi xin số "
        "điện thoại của văn phòng đó.",
    )
    assert not data["answered"], data["answer"][0]["citation"]
    assert "số điện thoại" in data["message"], data["message"]


@pytest.mark.parametrize(
    "question",
    [
        # the allowance named as a paper proving financial hardship, which the legal-aid texts list
        "Người đang hưởng trợ cấp xã hội hàng tháng cần giấy tờ gì để được trợ giúp pháp lý?",
        # a stateless person is asked about, not a nationality procedure
        "Người không có quốc tịch bị mua bán thì được hỗ trợ gì?",
        # a refugee child's care (Luật Trẻ em Điều 62 khoản 4), not an asylum application
        "Trẻ em lánh nạn, tị nạn chưa xác định được cha mẹ có được chăm sóc thay thế không?",
    ],
)
def test_naming_the_allowance_or_nationality_asks_no_procedure_of_their_laws(question):
    assert not any(subject.question.search(folded_text(question)) for subject in SUBJECTS)


# --- an amount the leading clause leaves to other rules (search_api/answering/deferred.py) -------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Nạn nhân muốn vay vốn ngân hàng chính sách để chăn nuôi thì được vay tối đa bao nhiêu tiền?",
        "nan nhan vay von de san xuat kinh doanh thi muc vay toi da la bao nhieu",
    ],
)
def test_an_amount_left_to_other_rules_is_declined_saying_so(client, question):
    data = ask(client, question)
    assert data["answered"] is False
    assert "không nêu mức cụ thể" in data["message"] and "Điều 24 Nghị định 09/2013/NĐ-CP" in data["message"]
    assert data["articles"], "the nearest articles are still listed"


def test_an_amount_the_clause_states_is_answered(client):
    data = ask(client, "Nạn nhân được hỗ trợ tiền ăn bao nhiêu một ngày khi ở cơ sở bảo trợ?")
    assert data["answered"] is True and "không nêu mức cụ thể" not in (data["message"] or "")


@pytest.mark.parametrize(
    "question",
    [
        # an outside reader (session 14) was given Điều 347's prison range as the administrative fine: the offence
        # names an earlier administrative sanction as its condition, and its own fines are the crime's
        "muc phat hanh chinh doi voi nguoi xuat canh trai phep lan dau la bao nhieu tien",
        "Người xuất cảnh trái phép lần đầu bị phạt hành chính bao nhiêu tiền?",
    ],
)
def test_an_administrative_fine_asked_is_not_the_offence_that_presupposes_one(client, question):
    data = ask(client, question)
    assert data["answered"] is False
    assert "nghị định xử phạt" in data["message"]


def test_a_transitional_clause_speaking_of_the_subject_does_not_answer_it():
    # an outside reader (session 17): "hồ sơ đăng ký khai sinh ... tiếp tục được giải quyết theo quy định của Thông tư
    # số 04/2020/TT-BTP" stood as the birth-registration procedure, which the Law on Civil Status governs
    from datetime import date

    from search_api.answering.evidence import Evidence, article_candidates
    from search_api.answering.models import Article, Document
    from search_api.answering.off_collection import off_collection

    clause = (
        "2. Hồ sơ yêu cầu đăng ký khai sinh do cơ quan đăng ký hộ tịch tiếp nhận trước ngày Thông tư này có hiệu lực mà"
        " chưa giải quyết xong thì tiếp tục được giải quyết theo quy định của Thông tư số 04/2020/TT-BTP."
    )
    repeal = Document(
        "09/2022/TT-BTP",
        "Thông tư",
        title="Bãi bỏ một số nội dung",
        articles=[Article("3", "Điều khoản chuyển tiếp", clause, "dieu_3")],
    )
    quotes = article_candidates(repeal, repeal.articles[0], 0)

    class Store:  # holds no civil-status law, helps with nothing
        def derived(self, key, build):
            return False if key.startswith("titles_govern") else frozenset()

    question = understand_question("Thu tuc dang ky khai sinh cho con cua nan nhan sinh o Trung Quoc", [])
    assert "Luật Hộ tịch" in off_collection(Evidence(question, today=date(2026, 12, 2)), quotes, Store())
    # a clause stating the rule itself still goes to the scorer
    rule = Document(
        "99/2099/TT-X",
        "Thông tư",
        title="Thử",
        articles=[Article("1", "Khai sinh", "1. Trẻ em được đăng ký khai sinh.", "dieu_1")],
    )
    ruled = article_candidates(rule, rule.articles[0], 0)
    assert off_collection(Evidence(question, today=date(2026, 12, 2)), ruled, Store()) == ""


@pytest.mark.parametrize(
    "question",
    [
        "Cơ quan điều tra phải làm gì khi tiếp nhận nạn nhân?",
        "Điều tra viên có trách nhiệm gì trong vụ án mua bán người?",
        "cơ quan điều tra phải thông báo cho nạn nhân trong bao lâu",
    ],
)
def test_an_investigating_body_is_no_stage_of_the_case(question):
    # the stages' time limits are the Criminal Procedure Code's; the bodies' duties are in the collection
    assert not any(
        "chuẩn bị xét xử" in subject.message and subject.question.search(folded_text(question)) for subject in SUBJECTS
    )


@pytest.mark.parametrize(
    ("question", "declined"),
    [
        ("Mức trợ cấp xã hội hằng tháng cho trẻ em bị mua bán trở về là bao nhiêu tiền một tháng?", True),
        ("muc chuan tro giup xa hoi hien nay la bao nhieu", True),
        # where the child may live or who decides is asked, not the sum
        ("Bé được đưa vào cơ sở trợ giúp xã hội thì ai quyết định?", False),
        ("Trẻ bị mua bán trở về có được hưởng chính sách trợ giúp xã hội không?", False),
    ],
)
def test_the_monthly_social_allowance_asked_is_declined_whatever_clause_names_an_allowance(question, declined):
    # an outside reader (session 22) was given QĐ 1121/1997's 100.000 đồng a month, a 1997 allowance for students, as
    # a trafficked child's monthly social allowance: no quote may answer it, the social-assistance decree is lacking
    subjects = [s for s in SUBJECTS if s.question.search(folded_text(question)) and not s.quote_may_answer]
    assert bool(subjects) is declined
    assert all("chính sách trợ giúp xã hội" in s.message for s in subjects)


def test_a_subject_the_collection_lacks_told_only_in_the_story_does_not_decline():
    # heldout29 H29-048 (development): a commune official who forged a birth certificate's year, asked what the
    # Criminal Code does to him, was declined as a civil-status question ("Việc đăng ký hộ tịch ...")
    from search_api.answering.evidence import Evidence
    from search_api.answering.off_collection import off_collection
    from tests.understanding import understand

    story = "Năm nay anh ta lại cấp giấy khai sinh sai năm sinh cho một em 15 tuổi theo yêu cầu của người môi giới. "
    asked_apart = "Theo BLHS anh ta có thể bị truy cứu trách nhiệm hình sự về tội gì, khung hình phạt thế nào?"
    assert off_collection(Evidence(understand(story + asked_apart)), [], EmptyStore()) == ""
    # the subject in the asking sentence, or a short asking sentence after the story, still declines
    for asked in ("Làm lại giấy khai sinh cho cháu ở đâu, thủ tục thế nào?", "Thủ tục thế nào?"):
        assert "Luật Hộ tịch" in off_collection(Evidence(understand(story + asked)), [], EmptyStore()), asked
