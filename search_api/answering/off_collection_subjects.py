"""The subjects off_collection declines: each a question pattern, the title of the kind of text that governs it
(when the collection holds one, it answers) and the message naming the law the collection lacks. Kept apart from
the check that applies them (off_collection.py) so that adding a subject does not touch the check."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A count of cases or victims over a period or a territory: statistics, which laws do not hold (news may).
COUNT_ASKED = re.compile(
    r"(?<!\w)bao nhieu (?:vu|nan nhan|duong day|truong hop|doi tuong|nguoi bi (?:mua ban|ban|lua ban))(?!\w)"
    r"(?=.*(?<!\w)(?:nam (?:19|20)\d\d|ca nuoc|toan quoc|hang nam|moi nam|trong nam|gan day|hien nay)(?!\w))"
    r"|(?<!\w)(?:nam (?:19|20)\d\d|ca nuoc|toan quoc)(?!\w).*(?<!\w)bao nhieu "
    r"(?:vu|nan nhan|duong day|truong hop|doi tuong|nguoi bi (?:mua ban|ban|lua ban))(?!\w)"
)
_STATISTICS_TITLE = re.compile(r"(?<!\w)(?:so lieu|thong ke)(?!\w)")
_STATISTICS_MESSAGE = (
    "Câu hỏi hỏi một số liệu thống kê (số vụ, số nạn nhân); các văn bản pháp luật trong kho không nêu số liệu "
    "thống kê, nên không trả lời được bằng một điều khoản."
)


@dataclass(frozen=True)
class Subject:
    question: re.Pattern[str]  # on the folded question
    title: re.Pattern[str]  # on the folded title of a text that governs it
    message: str
    # on the folded question without its denials ("chưa đến mức truy cứu hình sự"): it asks something else
    unless: re.Pattern[str] | None = None
    # on the question as typed, when typed with diacritics: folded, "hợp đồng thuê" is "đóng thuế"
    spelled: re.Pattern[str] | None = None
    # a first quote speaking of the subject answers it (not so for an adult's purchase of sex: Điều 329 speaks of it,
    # for a minor only)
    quote_may_answer: bool = True


_SANCTIONS_TITLE = re.compile(r"(?<!\w)xu phat vi pham hanh chinh(?!\w)")
_FINE_MESSAGE = (
    "Mức phạt vi phạm hành chính do nghị định xử phạt vi phạm hành chính quy định; "
    "kho văn bản chưa có nghị định xử phạt nào, nên không trả lời được mức phạt này."
)
# A business fined ("quán karaoke ... bị xử phạt bao nhiêu", "cơ sở lưu trú không thông báo ... bị phạt
# tiền bao nhiêu"): an establishment is fined administratively — the Criminal Code answers for people who
# commit a crime, and a question naming one says so ("phạm tội", "tội mua bán", "phạt tù", "hình sự").
_ESTABLISHMENT = (
    r"(?:co so (?:kinh doanh|luu tru|dich vu|massage|karaoke)|quan (?:karaoke|bar|hat|nhau|massage|ca phe|cafe)"
    r"|nha nghi|nha hang|khach san|doanh nghiep|cong ty|chu (?:quan|nha nghi|khach san|co so))"
)
_FINE = r"(?:xu phat|phat tien|phat bao nhieu|bi phat(?! tu))"
# A fine told as past, "một anh tình nguyện viên từng bị phạt hành chính vì có hành vi xâm hại trẻ em ... có được
# trực tiếp hướng dẫn các cháu không": the question asks what follows from it (heldout21 was declined)
_FINED_BEFORE = r"(?<!\w)(?:tung|da)(?: \w+){0,2}? (?:bi )?(?:xu )?phat(?: vi pham)? hanh chinh(?!\w)"
# ("bị truy tố tội chứa mại dâm ... ngoài án tù còn bị phạt tiền bao nhiêu": a prosecution, a trial, a
# defendant or a prison sentence put the question in the Criminal Code, whose fines the collection holds)
_CRIMINAL = (
    r"(?:pham toi|toi mua ban|toi danh|phat tu|hinh su|truy cuu|chung than|tu hinh"
    r"|truy to|khoi to|bi can|bi cao|an tu|xet xu)"
)
DENIED_CRIMINAL = re.compile(
    rf"(?<!\w)(?:chua|khong|chang)(?: \w+){{0,4}}? {_CRIMINAL}(?: (?:trach nhiem )?hinh su)?(?!\w)"
)

# Civil status (a birth registered again, a marriage) is governed by the Law on Civil Status and its decrees;
# a foreigner's residence card by the law on foreigners' entry, exit and residence. The prevention texts only
# say a child has the right to a birth registration and a foreign victim gets an exit visa.
_CIVIL_STATUS_TITLE = re.compile(r"^(?:luat )?ho tich(?!\w)|(?<!\w)luat ho tich(?!\w)")
_CIVIL_STATUS_MESSAGE = (
    "Việc đăng ký hộ tịch (khai sinh, khai tử, kết hôn …) do Luật Hộ tịch và các văn bản hướng dẫn quy định; "
    "kho văn bản chưa có các văn bản này."
)
_RESIDENCE_TITLE = re.compile(r"(?<!\w)cu tru cua nguoi nuoc ngoai(?!\w)")
_RESIDENCE_MESSAGE = (
    "Thẻ tạm trú, thẻ thường trú của người nước ngoài do Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người "
    "nước ngoài tại Việt Nam quy định; kho văn bản chưa có luật này (chỉ có thị thực xuất cảnh cho nạn nhân là "
    "người nước ngoài khi đưa về nước, Điều 9 Thông tư liên tịch 01/2014)."
)

# A treaty ("Hiệp định giữa Việt Nam và Trung Quốc về ...") binds by its own text; the domestic texts on
# receiving victims say what Vietnamese bodies do, not what the treaty agreed.
# ("thỏa thuận bảo mật thông tin" in a precedent's title is a contract, not a treaty)
_TREATY_TITLE = re.compile(r"(?<!\w)(?:hiep dinh|dieu uoc quoc te|thoa thuan (?:song phuong|hop tac|giua))(?!\w)")
_TREATY_MESSAGE = (
    "Kho văn bản chưa có hiệp định, thỏa thuận quốc tế nào (kể cả các hiệp định song phương về hợp tác phòng, "
    "chống mua bán người); các văn bản trong nước có trong kho chỉ quy định việc các cơ quan Việt Nam xác minh, "
    "tiếp nhận, trao trả nạn nhân, không phải nội dung của hiệp định."
)

# How long a suspect may be held is the Criminal Procedure Code's (not in the collection; 41/2017/QH14 only
# names it in its title, hence the title must be the Code's own).
_PROCEDURE_CODE_TITLE = re.compile(r"^(?:bo luat )?to tung hinh su(?!\w)")
_DETENTION_MESSAGE = "Thời hạn tạm giữ, tạm giam do Bộ luật Tố tụng hình sự quy định; kho văn bản chưa có bộ luật này."

# Appeal periods ("có bao nhiêu ngày để kháng cáo") are the procedure codes' (neither is in the collection).
_PROCEDURE_CODES_TITLE = re.compile(r"^(?:bo luat )?to tung (?:hinh su|dan su)(?!\w)")
_APPEAL_MESSAGE = (
    "Thời hạn kháng cáo, kháng nghị bản án do Bộ luật Tố tụng hình sự (vụ án hình sự) và Bộ luật Tố tụng dân sự "
    "quy định; kho văn bản chưa có các bộ luật này."
)
_APPEAL = r"khang (?:cao|nghi)"
# How long the investigation, the prosecution or the court's preparation of the trial may last: the Criminal Procedure
# Code's ("Tòa có bao nhiêu ngày để chuẩn bị xét xử sơ thẩm": heldout19 was answered with the Law on Bidding)
# ("cơ quan điều tra phải thông báo trong bao lâu", "điều tra viên": a body, not the stage)
_CASE_STAGE = r"(?:chuan bi xet xu|(?<!co quan )dieu tra(?! vien)|truy to)"
_STAGE_MESSAGE = (
    "Thời hạn điều tra, truy tố, chuẩn bị xét xử và việc gia hạn do Bộ luật Tố tụng hình sự quy định; kho văn bản "
    "chưa có bộ luật này."
)
_HOW_LONG = r"(?:bao lau|may ngay|bao nhieu ngay|thoi han|han chot|trong vong)"

# Taxes, nationality and passports each have their own law, none of which the collection holds: the
# prevention texts grant allowances (not their tax treatment), protect stateless persons (not naturalise them)
# and have a mission issue papers to bring a victim home (not re-issue a passport).
_TAX_TITLE = re.compile(r"(?<!\w)(?:thue thu nhap|quan ly thue)(?!\w)")
_TAX_MESSAGE = (
    "Việc chịu thuế, miễn thuế thu nhập cá nhân do Luật Thuế thu nhập cá nhân và các văn bản hướng dẫn quy định; "
    "kho văn bản chưa có các văn bản này."
)
_NATIONALITY_TITLE = re.compile(r"(?<!\w)(?:luat quoc tich|^quoc tich viet nam)(?!\w)")
_NATIONALITY_MESSAGE = (
    "Việc nhập, trở lại hoặc thôi quốc tịch Việt Nam do Luật Quốc tịch Việt Nam quy định; kho văn bản chưa có luật này."
)
_SOCIAL_ASSISTANCE_TITLE = re.compile(r"(?<!\w)tro giup xa hoi doi voi doi tuong bao tro xa hoi(?!\w)")
_SOCIAL_ASSISTANCE_MESSAGE = (
    "Mức chuẩn trợ giúp xã hội và mức trợ cấp xã hội hằng tháng do nghị định của Chính phủ về chính sách trợ giúp "
    "xã hội đối với đối tượng bảo trợ xã hội quy định (kho văn bản chỉ dẫn chiếu Nghị định 136/2013/NĐ-CP); kho văn "
    "bản chưa có nghị định này hay văn bản thay thế nó."
)
_PASSPORT_TITLE = re.compile(r"(?<!\w)(?:xuat canh, nhap canh cua cong dan|luat xuat canh)(?!\w)")
_PASSPORT_MESSAGE = (
    "Việc cấp, cấp lại hộ chiếu (thời hạn, lệ phí) do Luật Xuất cảnh, nhập cảnh của công dân Việt Nam và các văn "
    "bản hướng dẫn quy định; kho văn bản chưa có các văn bản này."
)
_IDENTITY_CARD_TITLE = re.compile(r"(?<!\w)(?:luat can cuoc|can cuoc cong dan|chung minh nhan dan)(?!\w)")
_IDENTITY_CARD_MESSAGE = (
    "Việc cấp, cấp lại thẻ căn cước (căn cước công dân, chứng minh nhân dân) do Luật Căn cước và các văn bản hướng "
    "dẫn quy định; kho văn bản chưa có các văn bản này (các văn bản trong kho chỉ nêu giấy tờ tùy thân như một giấy "
    "tờ phải xuất trình)."
)

# A province's own rate is set by its People's Council (a local resolution, "... trên địa bàn tỉnh/thành
# phố ..."); the national texts only fix the floor.
_LOCAL_TITLE = re.compile(r"(?<!\w)tren dia ban (?:tinh|thanh pho)(?!\w)")
_LOCAL_MESSAGE = (
    "Mức hỗ trợ riêng của một tỉnh, thành phố do nghị quyết của Hội đồng nhân dân tỉnh, thành phố đó quy định; "
    "kho văn bản chưa có nghị quyết địa phương nào (chỉ có mức tối thiểu chung của các văn bản trung ương)."
)
# A deposit paid to a labour-export company is the law on workers going abroad under contract.
_WORKERS_ABROAD_TITLE = re.compile(r"(?<!\w)nguoi lao dong viet nam di lam viec o nuoc ngoai(?!\w)")
_WORKERS_ABROAD_MESSAGE = (
    "Tiền ký quỹ, tiền dịch vụ và Quỹ Hỗ trợ việc làm ngoài nước của người đi làm việc ở nước ngoài theo hợp đồng "
    "do Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng và các văn bản hướng dẫn quy định; "
    "kho văn bản chưa có toàn văn các văn bản này."
)

# Enforcing a judgment's civil part (time limits, the request) is the Law on Enforcement of Civil Judgments';
# social housing the Law on Housing's; an employer's pay for days off the Labour Code's. The prevention texts
# grant support regimes, none of which is a wage, a house or an enforcement procedure.
_ENFORCEMENT_TITLE = re.compile(r"(?<!\w)thi hanh an dan su(?!\w)")
_ENFORCEMENT_MESSAGE = (
    "Việc yêu cầu thi hành bản án (thời hiệu, đơn yêu cầu, cưỡng chế bồi thường) do Luật Thi hành án dân sự quy "
    "định; kho văn bản chưa có luật này."
)
_HOUSING_TITLE = re.compile(r"^(?:luat )?nha o(?!\w)|(?<!\w)nha o xa hoi(?!\w)")
_HOUSING_MESSAGE = (
    "Đối tượng được mua, thuê nhà ở xã hội do Luật Nhà ở và các văn bản hướng dẫn quy định; kho văn bản chưa có "
    "các văn bản này (các chế độ hỗ trợ nạn nhân trong kho không gồm nhà ở xã hội)."
)
_LABOUR_TITLE = re.compile(r"^(?:bo luat )?lao dong(?!\w)")
_WAGES_MESSAGE = (
    "Tiền lương của người lao động trong những ngày nghỉ việc (kể cả khi làm việc với cơ quan tố tụng) do Bộ luật "
    "Lao động và Bộ luật Tố tụng hình sự quy định; kho văn bản chưa có các bộ luật này."
)

# Asylum ("xin tị nạn ở lại Việt Nam"): who grants it and where to apply is no text of the collection's; the Law on
# Children names refugee children only to protect them, and 01/2014's procedures are for Vietnamese victims brought
# home (an outside reader was given a mission's verification steps as the asylum procedure, a dangerous answer).
_ASYLUM_TITLE = re.compile(r"(?<!\w)ti nan(?!\w)")
_ASYLUM_MESSAGE = (
    "Việc xin tị nạn, cho cư trú vì lý do tị nạn của người nước ngoài không được quy định trong các văn bản của kho "
    "(các văn bản về trẻ em chỉ quy định bảo vệ, chăm sóc trẻ em lánh nạn, tị nạn; các thủ tục của Thông tư liên tịch "
    "01/2014 là thủ tục xác minh, tiếp nhận nạn nhân là công dân Việt Nam và trao trả nạn nhân về nước)."
)

# Land for a returned victim ("xã có được giao đất sản xuất cho chị không, bao nhiêu m2"): the support regimes (66/2011
# Điều 32) hold no land, and allocating land is the Land Law's (an outside reader was given the one-off allowance).
_LAND_TITLE = re.compile(r"(?<!\w)(?:luat )?dat dai(?!\w)")
_LAND_MESSAGE = (
    "Việc giao đất, cho thuê đất do Luật Đất đai và các văn bản hướng dẫn quy định; kho văn bản chưa có các văn bản "
    "này, và các chế độ hỗ trợ nạn nhân trong kho (Điều 32 Luật Phòng, chống mua bán người 2011) không gồm đất."
)
# The State paying or advancing an offender's damages ("Nhà nước có tạm ứng hoặc trả thay tiền bồi thường không"): no
# text of the collection provides it; damages are owed by whoever caused the harm (an outside reader was given a Civil
# Code clause on parents paying for a minor's damage).
_STATE_ADVANCE_TITLE = re.compile(r"(?<!\w)tam ung (?:tien )?boi thuong(?!\w)")
_STATE_ADVANCE_MESSAGE = (
    "Không văn bản nào trong kho quy định Nhà nước tạm ứng hoặc trả thay tiền bồi thường của người phạm tội cho nạn "
    "nhân; nghĩa vụ bồi thường thuộc người gây thiệt hại (Bộ luật Dân sự; Điều 48 Bộ luật Hình sự)."
)

# Buying sex from an adult: the Code's only offence is buying sex from a person under 18 (Điều 329); an adult's purchase
# is an administrative violation, fined by a decree the collection lacks (a probe in session 19 was given Điều 150's
# five to ten years, then Điều 327's, for "trả tiền để quan hệ với cô gái 20 tuổi").
_ADULT_PURCHASE = re.compile(r"(?<!\w)mua dam(?!\w)")
_MINOR_NAMED = re.compile(
    r"(?<!\w)(?:duoi (?:18|16|13)|chua (?:du 18|thanh nien)|vi thanh nien|tre em|tre con|hoc sinh|nu sinh|be gai|co be"
    r"|em be|(?:[1-9]|1[0-7]) tuoi)(?!\w)"
)
_ADULT_PURCHASE_MESSAGE = (
    "Bộ luật Hình sự chỉ quy định tội mua dâm người dưới 18 tuổi (Điều 329); mua dâm người từ đủ 18 tuổi trở lên không "
    "phải là tội phạm theo Bộ luật này mà là vi phạm hành chính, mức phạt do nghị định xử phạt vi phạm hành chính quy "
    "định; kho văn bản chưa có nghị định xử phạt nào."
)

# Rent for a victim out of the shelter, and a victims' fund: no text of the collection provides either (heldout14: both
# answered with 134/2013's spending clauses); the support regimes give a temporary place at a facility, not rent.
_RENT_TITLE = re.compile(r"(?<!\w)ho tro (?:tien )?thue nha(?!\w)")
_RENT_MESSAGE = (
    "Không văn bản nào trong kho quy định hỗ trợ tiền thuê nhà cho nạn nhân; các chế độ hỗ trợ trong kho gồm chỗ ở tạm "
    "thời tại cơ sở bảo trợ xã hội, cơ sở hỗ trợ nạn nhân (Điều 33 Luật Phòng, chống mua bán người 2011)."
)
_FUND_TITLE = re.compile(r"(?<!\w)quy ho tro nan nhan(?!\w)")
_FUND_MESSAGE = "Kho văn bản không có văn bản nào thành lập hay quy định một quỹ hỗ trợ nạn nhân bị mua bán người."

# The monthly social allowance and its standard level are the social-assistance decree's (not in the collection);
# the children's texts only send a child to "chính sách trợ giúp xã hội", and QĐ 1121/1997 is a 1997 allowance for
# students (an outside reader, session 22, was given its 100.000 đồng a month for a trafficked child: dangerous).
_SOCIAL_ALLOWANCE = re.compile(
    r"^(?=.*(?<!\w)(?:bao nhieu|muc|may)(?!\w))"
    r".*(?<!\w)(?:(?:tro cap|tro giup) xa hoi (?:\w+ ){0,2}?(?:hang thang|moi thang|mot thang)"
    r"|muc chuan tro giup xa hoi|muc tro (?:cap|giup) xa hoi)(?!\w)"
)
_SOCIAL_ASSISTANCE_TITLE = re.compile(r"(?<!\w)(?:chinh sach tro giup xa hoi|doi tuong bao tro xa hoi)(?!\w)")
_SOCIAL_ALLOWANCE_MESSAGE = (
    "Mức trợ cấp xã hội hằng tháng và mức chuẩn trợ giúp xã hội do nghị định về chính sách trợ giúp xã hội đối với "
    "đối tượng bảo trợ xã hội quy định; kho văn bản chưa có nghị định này (Quyết định 1121/1997/QĐ-TTg trong kho "
    "là trợ cấp cho học sinh, sinh viên, không phải mức này)."
)

SUBJECTS = (
    Subject(
        # (support asked for the rent, not a lease, "tranh chấp hợp đồng thuê nhà", on which legal aid is asked)
        # (not "được ưu tiên thuê nhà ở xã hội": social housing, below)
        re.compile(
            r"(?<!\w)(?:ho tro|chi|tra|cap|nhan|duoc) (?:\w+ ){0,2}(?<!uu )tien thue (?:nha|tro|phong|cho o)(?!\w)"
        ),
        _RENT_TITLE,
        _RENT_MESSAGE,
        spelled=re.compile(r"(?<!\w)thuê(?!\w)"),  # (folded, "thuế nhà" — a tax — is "thue nha" too)
    ),
    Subject(re.compile(r"(?<!\w)quy (?:ho tro|tro giup) (?:cho )?nan nhan(?!\w)"), _FUND_TITLE, _FUND_MESSAGE),
    Subject(
        re.compile(r"(?<!\w)dat (?:san xuat|canh tac|nong nghiep)(?!\w)"),
        _LAND_TITLE,
        _LAND_MESSAGE,
        spelled=re.compile(r"(?<!\w)đất(?!\w)"),  # (folded, "đặt sản xuất" would be "dat san xuat" too)
    ),
    Subject(
        re.compile(
            r"(?<!\w)(?:nha nuoc|ngan sach)(?: \w+){0,4}? (?:tam ung|tra thay|boi thuong thay|chi tra thay)(?!\w)"
        ),
        _STATE_ADVANCE_TITLE,
        _STATE_ADVANCE_MESSAGE,
    ),
    Subject(
        re.compile(r"(?<!\w)(?:xin|cho|duoc|quy che|ho so|thu tuc|de nghi) (?:\w+ ){0,2}ti nan(?!\w)"),
        _ASYLUM_TITLE,
        _ASYLUM_MESSAGE,
    ),
    Subject(
        re.compile(r"(?<!\w)(?:yeu cau|don|thoi hieu|thoi han) (?:\w+ ){0,2}thi hanh an(?!\w)"),
        _ENFORCEMENT_TITLE,
        _ENFORCEMENT_MESSAGE,
        # (a prison term passed: the Criminal Code's own enforcement period, Điều 60)
        unless=re.compile(r"(?<!\w)(?:phat tu|an tu|tu chung than|tu hinh|\d+ nam tu|ban an hinh su)(?!\w)"),
    ),
    Subject(re.compile(r"(?<!\w)nha o xa hoi(?!\w)"), _HOUSING_TITLE, _HOUSING_MESSAGE),
    Subject(
        re.compile(
            r"(?<!\w)(?:cong ty|doanh nghiep|chu (?:lao dong|su dung|xuong|nha may)|nguoi su dung lao dong|xi nghiep)"
            r"(?: \w+){0,6}? (?:tra|tru|cat) (?:\w+ ){0,2}luong(?!\w)"
        ),
        _LABOUR_TITLE,
        _WAGES_MESSAGE,
    ),
    Subject(
        re.compile(r"(?<!\w)(?:nghi quyet (?:\w+ ){0,2}hoi dong nhan dan|hoi dong nhan dan (?:tinh|thanh pho))(?!\w)"),
        _LOCAL_TITLE,
        _LOCAL_MESSAGE,
    ),
    # (and the fund supporting them, "Quỹ Hỗ trợ việc làm ngoài nước": an outside reader's question was answered with a
    # Criminal Code fine)
    Subject(
        re.compile(r"(?<!\w)(?:(?:tien )?ky quy|quy ho tro viec lam ngoai nuoc)(?!\w)"),
        _WORKERS_ABROAD_TITLE,
        _WORKERS_ABROAD_MESSAGE,
    ),
    Subject(
        re.compile(r"(?<!\w)(?:thue thu nhap|(?:nop|chiu|dong|mien|tinh|khau tru) thue)(?!\w)"),
        _TAX_TITLE,
        _TAX_MESSAGE,
        spelled=re.compile(r"(?<!\w)thuế(?!\w)"),
    ),
    # ("muốn làm quốc tịch Việt Nam cho cháu", "xác nhận quốc tịch": the nationality procedure itself)
    Subject(
        re.compile(r"(?<!\w)(?:nhap|xin|thoi|tro lai|lam|xac nhan) quoc tich(?!\w)"),
        _NATIONALITY_TITLE,
        _NATIONALITY_MESSAGE,
    ),
    # The level of social assistance ("mức chuẩn trợ giúp xã hội", "trợ cấp xã hội hằng tháng bao nhiêu"): the
    # legal-aid texts name the allowance only as a paper proving financial hardship.
    Subject(
        re.compile(
            r"(?<!\w)(?:muc chuan tro giup xa hoi|muc (?:\w+ ){0,2}tro cap xa hoi"
            r"|tro cap xa hoi(?: \w+){0,10}? (?:bao nhieu|la may|muc nao))(?!\w)"
        ),
        _SOCIAL_ASSISTANCE_TITLE,
        _SOCIAL_ASSISTANCE_MESSAGE,
    ),
    Subject(
        re.compile(r"(?<!\w)(?:(?:cap lai|lam lai|xin cap|cap moi|gia han|cap doi) (?:\w+ ){0,2}ho chieu)(?!\w)"),
        _PASSPORT_TITLE,
        _PASSPORT_MESSAGE,
    ),
    Subject(
        re.compile(rf"(?<!\w)(?:{_APPEAL}(?: \w+){{0,6}}? {_HOW_LONG}|{_HOW_LONG}(?: \w+){{0,6}}? {_APPEAL})(?!\w)"),
        _PROCEDURE_CODES_TITLE,
        _APPEAL_MESSAGE,
    ),
    Subject(
        re.compile(
            rf"(?<!\w)(?:thoi han {_CASE_STAGE}|gia han {_CASE_STAGE}"
            rf"|{_HOW_LONG}(?: \w+){{0,3}}? (?:de )?{_CASE_STAGE}|{_CASE_STAGE}(?: \w+){{0,6}}? {_HOW_LONG})(?!\w)"
        ),
        _PROCEDURE_CODE_TITLE,
        _STAGE_MESSAGE,
    ),
    Subject(re.compile(r"(?<!\w)(?:hiep dinh|thoa thuan song phuong)(?!\w)"), _TREATY_TITLE, _TREATY_MESSAGE),
    Subject(
        re.compile(
            r"(?<!\w)(?:thoi han tam (?:giam|giu)|tam (?:giam|giu)(?: \w+){0,6}? "
            r"(?:bao lau|toi da|may thang|may ngay|bao nhieu ngay))(?!\w)"
        ),
        _PROCEDURE_CODE_TITLE,
        _DETENTION_MESSAGE,
    ),
    Subject(
        re.compile(r"(?<!\w)(?:(?:giay )?khai sinh|ho tich|trich luc|khai tu|dang ky ket hon)(?!\w)"),
        _CIVIL_STATUS_TITLE,
        _CIVIL_STATUS_MESSAGE,
    ),
    Subject(re.compile(r"(?<!\w)the (?:tam tru|thuong tru)(?!\w)"), _RESIDENCE_TITLE, _RESIDENCE_MESSAGE),
    # "mất hết giấy tờ thì làm lại căn cước công dân ở đâu" (an outside reader, session 17, was given support costs)
    Subject(
        re.compile(
            r"(?<!\w)(?:cap lai|lam lai|xin cap|cap moi|cap doi|lam|xin) (?:the )?"
            r"(?:can cuoc|cccd|cmnd|chung minh nhan dan)(?!\w)"
        ),
        _IDENTITY_CARD_TITLE,
        _IDENTITY_CARD_MESSAGE,
    ),
    # "Năm 2025 cả nước tiếp nhận bao nhiêu nạn nhân", "năm 2024 phát hiện bao nhiêu vụ": a count, which no legal
    # text states (an outside reader's question was answered with 01/2014's verification steps)
    Subject(COUNT_ASKED, _STATISTICS_TITLE, _STATISTICS_MESSAGE),
    Subject(_SOCIAL_ALLOWANCE, _SOCIAL_ASSISTANCE_TITLE, _SOCIAL_ALLOWANCE_MESSAGE, quote_may_answer=False),
    Subject(_ADULT_PURCHASE, _SANCTIONS_TITLE, _ADULT_PURCHASE_MESSAGE, unless=_MINOR_NAMED, quote_may_answer=False),
    # (the Criminal Code's fines and the prevention law's prohibitions do not state an administrative fine;
    # "đã bị phạt hành chính mà vẫn tái phạm ... xử lý hình sự thế nào" tells the past and asks the Code)
    Subject(
        re.compile(r"(?<!\w)(?:phat|xu phat|vi pham) hanh chinh(?!\w)"),
        _SANCTIONS_TITLE,
        _FINE_MESSAGE,
        unless=re.compile(rf"(?<!\w){_CRIMINAL}(?!\w)|{_FINED_BEFORE}"),
    ),
    Subject(
        re.compile(rf"^(?!.*(?<!\w){_CRIMINAL}(?!\w))(?=.*(?<!\w){_ESTABLISHMENT}(?!\w)).*(?<!\w){_FINE}(?!\w)"),
        _SANCTIONS_TITLE,
        _FINE_MESSAGE,
        unless=re.compile(_FINED_BEFORE),
    ),
)
