"""Everyday wording read as the texts' own terms (wording.COLLOQUIAL), and the two composition rules of
session 6: a sum asked for a named group is an amount answer, not an eligibility list; a benefit's
article naming the group in another clause than its "Đối tượng" clause quotes that clause first.
Phrasings are written for these tests (not copied from the labelled sets)."""

from __future__ import annotations

import pytest

from search_api.answering.terms import folded
from search_api.answering.wording import ACTS, COLLOQUIAL, legal_wording
from tests.conftest import ask
from tests.conftest import first_quote as first


@pytest.mark.parametrize(
    "typed, legal",
    [
        ("nhà nước có lo tiền ăn cho nạn nhân không", "nhu cầu thiết yếu"),
        ("được cấp quần áo không", "nhu cầu thiết yếu"),
        ("bị ốm thì ai trả tiền", "hỗ trợ y tế"),
        ("con bé bị sang chấn sau khi về", "hỗ trợ tâm lý"),
        ("ở nhà tạm lánh được bao lâu", "cơ sở hỗ trợ nạn nhân"),
        ("người nhà nạn nhân bị đe dọa", "người thân thích"),
        ("bà ngoại muốn nhận nuôi cháu bị bán trở về", "thân thích"),
        ("bị người quen lừa đưa sang Trung Quốc bán", "mua bán người"),
        ("công an huyện có bao nhiêu ngày để xác minh", "Công an cấp huyện"),
        ("báo chí có được đăng tên, ảnh của bé không", "bí mật đời sống riêng tư"),
        ("phóng viên đăng ảnh và tên thật của cô gái bị bán", "tiết lộ thông tin về nạn nhân"),
        # an outside reader's false decline (session 12): 56/2017 Điều 32 "tạm thời cách ly trẻ em khỏi cha, mẹ"
        ("UBND xã có được tách cháu khỏi bố mẹ không", "cách ly trẻ em"),
        # 66/2011 Điều 23 khoản 3: "Người giả mạo là nạn nhân ... phải hoàn trả khoản kinh phí hỗ trợ đã nhận"
        ("chị ấy khai gian là bị bán", "giả mạo là nạn nhân"),
        ("có phải trả lại tiền hỗ trợ không", "hoàn trả"),
        ("nạn nhân có được trợ giúp pháp lý khi bị kiện vì làm ăn thua lỗ không", "lĩnh vực trợ giúp pháp lý"),
        ("ubnd xa tiep nhan nan nhan", "Ủy ban nhân dân cấp xã"),
        ("di ruot nhan cham soc chau", "thân thích"),
        ("sợ bị lộ thông tin của cháu", "giữ bí mật"),
        ("tư vấn có phải trả tiền không hay không mất tiền", "miễn phí"),
        ("đưa 5 người vượt biên sang Lào", "xuất cảnh trái phép"),
        ("kẻ bán người phải ngồi tù mấy năm", "phạt tù"),
        ("tre mo coi bi ban", "trẻ em có hoàn cảnh đặc biệt"),
        ("muốn đổi luật sư khác", "thay đổi người thực hiện trợ giúp pháp lý"),
        ("vụ đang làm thì bị dừng giữa chừng", "không tiếp tục thực hiện"),
        ("luật sư có hầu tòa cùng không", "tham gia tố tụng"),
        ("mất hết giấy tờ khi bị bán", "giấy tờ tùy thân"),
        ("ai đưa cháu về địa phương", "nơi cư trú"),
        ("về rồi muốn xin việc thì ai giúp", "giới thiệu việc làm"),
        ("muốn vay ngân hàng để buôn bán nhỏ", "vay vốn"),
        ("bắt mấy đứa nhỏ làm việc ở xưởng không cho về", "cưỡng bức lao động"),
        ("về rồi cháu có được học tiếp không", "học văn hóa"),
        ("nạn nhân được hỗ trợ những gì", "chế độ hỗ trợ"),
        ("dụ người ta bán thận lấy tiền", "mua bán, chiếm đoạt mô hoặc bộ phận cơ thể người"),
        ("có được đưa đi chỗ tạm lánh không", "nơi tạm lánh"),
        ("bọn chúng dọa giết ngay tối nay", "khẩn cấp"),
        ("chưa kịp có quyết định bảo vệ", "trước khi ra quyết định"),
        ("ông chủ nhốt cô ấy trong kho cả tháng", "giữ hoặc giam người trái pháp luật"),
        # heldout16: a 17-year-old worker coerced into sex by her director was given Điều 299 (terrorism)
        ("lợi dụng việc nữ công nhân phụ thuộc mình để ép em quan hệ tình dục", "cưỡng dâm"),
        ("bị ép miễn cưỡng quan hệ với ông chủ", "cưỡng dâm"),
        # an outside reader's L3 (session 22): Luật TGPL Điều 8 khoản 2, "thông qua người thân thích ... yêu cầu"
        ("mẹ có thể yêu cầu trợ giúp pháp lý thay con không", "thông qua người thân thích yêu cầu trợ giúp pháp lý"),
        # an outside reader (session 17) was given a legal-aid circular, not 62/2012 Điều 10
        ("gia đình bị bọn buôn người đe dọa, muốn xin bảo vệ thì làm thủ tục thế nào", "áp dụng biện pháp bảo vệ"),
        ("giữ hộ chiếu, không cho chị về nước", "giữ hoặc giam người trái pháp luật"),
        ("chủ quán chứa mại dâm ép cô gái bán dâm", "bóc lột tình dục"),  # "chứa" folds as "chưa", no denial
        ("em 15 tuổi thì tòa xử mức cao nhất bao nhiêu năm tù nếu tham gia bán trẻ em", "mua bán người"),
        # heldout17: both prostitution offences were given Điều 196 (hoarding)
        ("ba ta chuyen lam trung gian dan dat khach cho may co gai ban dam o nha nghi", "môi giới mại dâm"),
        ("hắn chuyên dắt mối cho gái bán dâm lấy hoa hồng", "môi giới mại dâm"),
        (
            "cho mấy cô gái Việt (đều trên 18 tuổi, tự nguyện) ở lại và bán dâm ngay tại nhà để thu tiền phòng",
            "chứa mại dâm",
        ),
        ("chủ nhà nghỉ cho thuê phòng để khách mua dâm", "chứa mại dâm"),
        # an outside reader's urgent case (session 19), declined with 56/2017 Điều 26 khoản 3 ranked first under the bar
        ("cháu bé đang gặp nguy hiểm", "tổn hại nghiêm trọng"),
        # a person handed over for a sum (an outside reader, session 19, was given Điều 415)
        ("nó dẫn chị ấy qua biên giới giao cho một người đàn ông rồi cầm 30 triệu về", "mua bán người"),
        (
            "anh ta đưa 5 người vượt biên trái phép sang Lào, họ tự nguyện đi, có phải mua bán người không",
            "tổ chức, môi giới cho người khác trốn đi nước ngoài",
        ),
        # a ransom: Điều 169, not hostage-taking (Điều 301) or taking a child (Điều 153)
        ("bọn chúng giữ thằng bé rồi gọi điện đòi tiền chuộc", "tội bắt cóc nhằm chiếm đoạt tài sản"),
        # yielding out of distress: Điều 143 (heldout19); forged papers: Điều 341
        ("hắn bắt em phải ngủ với hắn, em sợ bị bỏ lại giữa đường nên đành chịu", "cưỡng dâm miễn cưỡng giao cấu"),
        ("bon co lam gia 2 ho chieu cho co gai", "làm giả con dấu, tài liệu hoặc giấy tờ khác"),
        # a child being taken to be sold is in danger now: the twelve hours of 56/2017 Điều 26 khoản 3 (outside reader)
        (
            "cháu 12 tuổi bị một người lạ dắt đi, cả nhà sợ cháu bị bán sang bên kia",
            "có nguy cơ hoặc đang bị tổn hại nghiêm trọng, bảo vệ khẩn cấp",
        ),
        # what is lacking is what is asked about: a negation denies no act here (session 17's review of 4199a9a)
        ("nạn nhân muốn về quê mà không có tiền xe thì có được hỗ trợ không", "chi phí đi lại"),
        ("nan nhan la tre em khong co nguoi than thi xu ly the nao", "người thân thích"),
        # offences told by their acts (offence_wording; the shapes of three heldout34 penalty questions, new words)
        ("chúng bắt giữ cậu bé làm con tin rồi gọi đòi gia đình đưa 50 triệu", "tội bắt cóc nhằm chiếm đoạt tài sản"),
        ("hai ke nhot chi trong kho, doi bo me gui 30 trieu moi tha", "tội bắt cóc nhằm chiếm đoạt tài sản"),
        ("hắn dọa đăng clip lên mạng nếu cô không chuyển cho hắn 10 triệu", "cưỡng đoạt tài sản uy hiếp tinh thần"),
        ("anh ấy bị kích động mạnh nên đánh gã kia bị thương", "trong trạng thái tinh thần bị kích động mạnh"),
    ],
)
def test_everyday_wording_gets_the_legal_term(typed, legal):
    assert legal in legal_wording(folded(typed))


@pytest.mark.parametrize(
    "typed, not_legal",
    [
        ("người có tiền án mà tái phạm thì bị phạt thế nào", "nhu cầu thiết yếu"),  # tiền án folds as tiền ăn
        ("Bộ Tư pháp có trách nhiệm gì", "phạt tù"),  # "bo tu phap"
        ("cơ sở sử dụng hỗ trợ thế nào", "không tiếp tục thực hiện"),  # "dùng", not "dừng"
        ("đại sứ quán nước ngoài liên hệ ai", "cơ quan đại diện Việt Nam ở nước ngoài"),  # whose embassy?
        # selling a person to have an organ taken is trafficking's circumstance, not the organ offence
        ("bán người sang biên giới để lấy thận", "mua bán, chiếm đoạt mô hoặc bộ phận cơ thể người"),
        # a person awaiting verification is not yet a victim: the victims' regimes are not what they get
        ("chị ấy đang chờ công an xác minh thì được hỗ trợ gì", "chế độ hỗ trợ"),
        # heldout16: the acts the question denies gave Điều 297 (forced labour), then Điều 150, to a woman locked up
        ("chị không bị bắt làm việc hay bị bán cho ai", "cưỡng bức lao động"),
        ("chị không bị bắt làm việc hay bị bán cho ai", "mua bán người"),
        # a lawyer's defence of the victim's interests, the child-protection system: not the protection measures
        ("muốn nhờ luật sư bảo vệ quyền lợi cho em gái", "áp dụng biện pháp bảo vệ"),
        ("trẻ bị mua bán trở về cần bảo vệ khẩn cấp", "áp dụng biện pháp bảo vệ"),
        ("cửa hàng bán đồ chơi cho trẻ em", "mua bán người"),
        # sold into a brothel abroad: trafficking, no brokering or harbouring by the one asking
        ("em gái tôi bị bán sang Trung Quốc ép bán dâm", "chứa mại dâm"),
        ("em gái tôi bị bán sang Trung Quốc ép bán dâm", "môi giới mại dâm"),
        ("tôi không môi giới, chỉ cho thuê phòng trọ", "chứa mại dâm"),
        # intercourse asked of without dependence or distress told: not the Code's "cưỡng dâm"
        ("bạn trai rủ em ngủ với anh ấy trước khi cưới", "cưỡng dâm miễn cưỡng giao cấu"),
        # a child taken out with no sale feared is no emergency of that kind
        ("con tôi bị bạn rủ đi chơi khuya", "có nguy cơ hoặc đang bị tổn hại nghiêm trọng, bảo vệ khẩn cấp"),
        ("hắn bắt em phải ngủ với hắn, em đã báo công an", "cưỡng dâm miễn cưỡng giao cấu"),
        # a hostage with no money asked, a threat with no payment, rage with no harm done: not those offences
        ("bọn chúng bắt giữ con tin để buộc công an thả đồng bọn", "tội bắt cóc nhằm chiếm đoạt tài sản"),
        ("hắn dọa sẽ đánh nếu cô không im lặng", "cưỡng đoạt tài sản uy hiếp tinh thần"),
        ("bố cô rất kích động khi nghe tin con bị bán", "trong trạng thái tinh thần bị kích động mạnh"),
    ],
)
def test_look_alike_wording_is_not_read_as_the_term(typed, not_legal):
    assert not_legal not in legal_wording(folded(typed))


def test_the_act_wordings_denied_are_legal_terms_the_wordings_give():
    # ACTS names COLLOQUIAL's terms by their text: a term renamed there must not silently lose its denial here
    assert ACTS <= {legal for _, legal in COLLOQUIAL}


@pytest.fixture(scope="module")
def client(answer_client):
    return answer_client  # tests/conftest.py: the app over answer_index, each backend in turn


def test_sum_for_a_named_group_is_an_amount_answer(client):
    data = ask(client, "chau be di cung me bi ban, o co so bao tro thi duoc ho tro tien an bao nhieu moi ngay")
    assert data["understanding"]["intent"] == "amount"
    doc, article, text = first(data)
    assert (doc, article) == ("134/2013/TTLT-BTC-BLĐTBXH", "4")
    assert "30.000 đồng/người/ngày" in text


def test_the_clause_naming_the_group_comes_before_the_benefits_target_clause(client):
    # 09/2013 Điều 20: khoản 1 says who gets medical support (victims in a facility); khoản 3 says a
    # minor's treatment costs are paid by the facility: the clause naming the minor answers first.
    data = ask(client, "nạn nhân chưa thành niên ốm phải nằm viện thì có được cơ sở trả tiền chữa bệnh không?")
    doc, article, text = first(data)
    assert (doc, article) == ("09/2013/NĐ-CP", "20")
    assert "người chưa thành niên được cơ sở hỗ trợ nạn nhân hỗ trợ chi phí khám bệnh" in text


def test_the_date_a_law_was_passed_is_given_with_its_unverified_source(client):
    # 86/2025/QH15 is catalogued only; its date comes from one secondary web page, so the answer gives
    # the date and says it is not checked against the text, instead of declining.
    data = ask(client, "Luật 86/2025/QH15 được Quốc hội thông qua vào ngày nào?")
    assert data["answered"] is True and data["understanding"]["intent"] == "status"
    identity = next(f for f in data["facts"] if f["doc_number"] == "86/2025/QH15" and "ban hành ngày" in f["text"])
    assert "25/06/2025" in identity["text"]
    assert "chưa đối chiếu với văn bản" in identity["source"]


def test_what_an_absent_amending_text_changed_is_declined_naming_it(client):
    # 86/2025/QH15 is catalogued only: quoting the Criminal Code as it stands in the collection would
    # present the rule it may have changed as the answer.
    data = ask(client, "Luật 86/2025/QH15 sửa đổi Điều 151 BLHS như thế nào?")
    assert data["answered"] is False
    assert "Toàn văn Luật 86/2025/QH15" in data["message"]
    # the 2011 law, which "luật PCMBN" also names, is in the collection: not declined
    assert ask(client, "luật PCMBN quy định những hành vi bị cấm gì")["answered"] is True
    # its date is a catalogue fact: answered
    assert ask(client, "Luật 53/2024/QH15 quy định thời điểm có hiệu lực thế nào?")["answered"] is True


@pytest.mark.parametrize(
    "question, lacking",
    [
        ("Bị bán về mất giấy tờ, làm lại giấy khai sinh cho con ở đâu?", "Luật Hộ tịch"),
        ("Nạn nhân người nước ngoài ở lại làm chứng xin thẻ tạm trú thế nào?", "cư trú của người nước ngoài"),
        ("Gia đình nạn nhân muốn kháng cáo bản án phúc thẩm thì thời hạn là mấy ngày?", "Bộ luật Tố tụng hình sự"),
    ],
)
def test_civil_status_and_residence_cards_are_outside_the_collection(client, question, lacking):
    data = ask(client, question)
    assert data["answered"] is False and lacking in data["message"]


def test_help_with_civil_status_papers_is_answered_from_the_support_texts(client):
    # The civil-status law is not held, but the question asks whether help is given, and 09/2013/NĐ-CP
    # Điều 22 khoản 2 gives it ("trợ giúp làm thủ tục đăng ký hộ khẩu, hộ tịch").
    data = ask(client, "Nạn nhân bị bán trở về mất hết giấy tờ có được trợ giúp pháp lý để làm thủ tục hộ tịch không?")
    assert data["answered"] is True, data["message"]
    assert "Luật Hộ tịch" not in (data["message"] or "")


def test_an_exit_visa_for_a_foreign_victim_is_still_answered(client):
    data = ask(client, "Nạn nhân người nước ngoài được cấp thị thực xuất cảnh trong bao lâu?")
    assert data["answered"] is True
    assert any(q["doc_number"].startswith("01/2014/TTLT") and q["article_number"] == "9" for q in data["answer"])


def test_no_amount_summary_from_an_offence_for_a_question_about_compensation(client):
    # A Criminal Code offence's fine is no sum a victim receives.
    data = ask(client, "nan nhan bi ban ve bi hanh ha, doi boi thuong ton that tinh than toi da bao nhieu tien")
    summary = data.get("summary") or ""
    assert "Bộ luật 100/2015/QH13" not in summary


def test_a_relative_who_sells_a_child_is_no_relative_term_of_a_penalty_question():
    # the Code's "người mình có trách nhiệm chăm sóc" answers; "thân thích" would bring other offences' words
    assert "thân thích" not in legal_wording(folded("Dì ruột đem bán cháu thì bị phạt tù mấy năm"))


def test_a_victims_name_and_photo_published_is_the_laws_ban_on_disclosing_her_information(client):
    # an outside reader's question (session 12), declined before: 66/2011 Điều 3 khoản 10 words it "Tiết lộ thông tin
    # về nạn nhân khi chưa có sự đồng ý của họ", none of the words a reader types
    data = ask(
        client,
        "Phóng viên báo đăng ảnh và tên thật của cô gái bị bán vào động mại dâm khi cô chưa đồng ý. "
        "Như vậy có vi phạm luật PCMBN không?",
    )
    assert data["answered"], data["message"]
    doc, article, text = first(data)
    assert (doc, article) == ("66/2011/QH12", "3") and text.startswith("10."), (doc, article, text[:60])


def test_an_embassy_is_the_texts_representative_mission_abroad():
    # "Đại sứ quán" occurs in no text of the collection; 01/2014/TTLT Điều 4 says "Cơ quan đại diện Việt Nam ở
    # nước ngoài"
    assert "Cơ quan đại diện Việt Nam ở nước ngoài" in legal_wording(
        folded("Tôi báo cho Đại sứ quán Việt Nam ở Malaysia")
    )
    assert "Cơ quan đại diện Việt Nam ở nước ngoài" in legal_wording(folded("chay den lanh su quan viet nam"))
    # a foreign victim's own embassy is another country's mission
    assert "Cơ quan đại diện Việt Nam ở nước ngoài" not in legal_wording(folded("báo cho đại sứ quán nước chị ấy"))


@pytest.mark.parametrize(
    ("text", "doc", "article", "legal"),
    [
        # outside reader 8 (session 13) got the legal-aid officer's card (Điều 23); Luật TGPL Điều 6 khoản 1 điểm c
        (
            "Luật sư trợ giúp pháp lý có được kể lại chuyện của em gái tôi cho nhà báo không?",
            "11/2017/QH14",
            "6",
            "Tiết lộ thông tin về vụ việc trợ giúp pháp lý",
        ),
        # outside reader 9: answered with a precedent, then declined; Luật TGPL Điều 6 khoản 1 điểm b
        (
            "Trợ giúp viên pháp lý bảo gia đình em phải đưa 3 triệu tiền bồi dưỡng mới chịu ra tòa, vậy có đúng không?",
            "11/2017/QH14",
            "6",
            "đòi hỏi bất kỳ một khoản tiền",
        ),
        (
            "luat su tro giup phap ly doi tien boi duong moi chiu bao chua cho chau toi co dung luat khong",
            "11/2017/QH14",
            "6",
            "đòi hỏi bất kỳ một khoản tiền",
        ),
        # outside reader 9: answered with a detainee's rights (TTLT 10/2018 Điều 11); Luật TGPL Điều 29 khoản 2
        (
            "Bà ấy là nạn nhân bị mua bán, không biết chữ nên không tự viết được đơn yêu cầu trợ giúp pháp lý. "
            "Phải làm sao?",
            "11/2017/QH14",
            "29",
            "không thể tự mình viết",
        ),
        (
            "co gai bi ban tro ve mu chu thi nop don yeu cau tro giup phap ly the nao",
            "11/2017/QH14",
            "29",
            "không thể tự mình viết",
        ),
    ],
)
def test_an_everyday_wording_reaches_the_clause_worded_in_law(client, text, doc, article, legal):
    # (telling a victim's story to the press, asking the family for money, not being able to write the request:
    # the clause that answers words it as the law does, in none of the words a reader types)
    quoted_doc, quoted_article, quoted = first(ask(client, text))
    assert (quoted_doc, quoted_article) == (doc, article), (quoted_doc, quoted_article, quoted[:60])
    assert legal in quoted


def test_a_relative_may_request_legal_aid_for_the_victim(client):
    # before, declined on SQLite (an outside reader's L3 was answered with the centres' cases, Luật TGPL Điều 26)
    data = ask(
        client,
        "Em trai tôi bị bán sang Campuchia mới về, đang nằm viện. Tôi là chị, có thể làm đơn xin trợ giúp pháp lý thay "
        "em được không?",
    )
    doc, article, text = first(data)
    assert (doc, article) == ("11/2017/QH14", "8")
    assert "thông qua người thân thích" in text


@pytest.mark.parametrize(
    "question",
    [
        # (heldout23, after a story: khoản 1, "Tái phạm là ...", tied with khoản 2 and came first)
        "Bộ luật Hình sự định nghĩa 'tái phạm nguy hiểm' thế nào?",
        "Theo BLHS thì thế nào là “tái phạm nguy hiểm”?",
    ],
)
def test_the_unit_saying_the_term_the_question_quotes_comes_before_its_neighbour(answer_client, question):
    # khoản 2 says "tái phạm nguy hiểm", khoản 1 only "tái phạm": the quoted term tells them apart (another article
    # listing the term among aggravating circumstances, Điều 85, may still come first: it says it too)
    cited = [q["citation"] for q in ask(answer_client, question)["answer"]]
    saying = [i for i, c in enumerate(cited) if c.startswith("Khoản 2 Điều 53 Bộ luật Hình sự")]
    neighbour = [i for i, c in enumerate(cited) if c.startswith("Khoản 1 Điều 53 Bộ luật Hình sự")]
    assert saying and saying[0] < min(neighbour, default=len(cited)), cited


def test_quoted_phrases_are_read_in_any_quotes():
    from search_api.answering.terms import quoted_phrases

    assert quoted_phrases("định nghĩa 'tái phạm nguy hiểm' thế nào") == ["tai pham nguy hiem"]
    assert quoted_phrases("thế nào là “nô lệ tình dục”?") == ["no le tinh duc"]
    assert quoted_phrases("không có dấu nháy") == []


SEVERAL_HURT = "a) Gây thương tích … của 02 người trở lên mà tỷ lệ tổn thương cơ thể của mỗi người 31% trở lên;"


@pytest.mark.parametrize(
    "text, share, people, within",
    [
        # Điều 135 khoản 2 point a: 31% or more for each of two people or more; one man hurt 40% is khoản 1's bracket
        (SEVERAL_HURT, 40, 1, False),
        (SEVERAL_HURT, 40, 2, True),
        ("… mà tỷ lệ tổn thương cơ thể từ 31% đến 60% trong trạng thái tinh thần bị kích động mạnh", 40, None, True),
        ("… mà tỷ lệ tổn thương cơ thể từ 31% đến 60%", 61, None, False),
    ],
)
def test_a_share_bracket_for_several_people_holds_for_that_many_hurt(text, share, people, within):
    from search_api.answering.penalty_brackets import in_share_bracket

    assert in_share_bracket(text, share, people) is within


@pytest.mark.parametrize(
    "question, article, clause",
    [
        (
            "Con gái tôi bị lừa bán về được ít hôm thì hai kẻ quen cũ dụ ra ngoài, giữ làm con tin rồi nhắn đòi nhà "
            "tôi chuyển 30 triệu mới thả. Hai kẻ đó bị phạt tù bao nhiêu năm?",
            "169",
            "1",
        ),
        (
            "Gã môi giới nhắn tin dọa sẽ đăng ảnh riêng tư của cô lên mạng nếu gia đình không chuyển 20 triệu đồng. "
            "Hắn bị xử tội gì, phạt tù bao nhiêu?",
            "170",
            "1",
        ),
        (
            "Ông bố gặp lại kẻ đã bán con mình, bị kích động mạnh nên đánh hắn gây thương tích, tỷ lệ tổn thương "
            "cơ thể 35%. Ông có thể bị phạt thế nào?",
            "135",
            "1",
        ),
    ],
)
def test_an_offence_told_by_its_act_gives_its_range(client, question, article, clause):
    data = ask(client, question)
    assert data["answered"], data.get("message")
    quote = data["answer"][0]
    assert (quote["doc_number"], quote["article_number"]) == ("100/2015/QH13", article), quote["citation"]
    assert quote["citation"].startswith(f"Khoản {clause} Điều {article}"), quote["citation"]
