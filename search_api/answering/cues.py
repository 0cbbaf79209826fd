"""The vocabulary of question understanding: cue patterns on the folded question (no diacritics,
lower case) for intents, target groups, aggravating circumstances and what is asked (a sentence,
a duration, money, a dossier, a definition), and the everyday wordings read as legal terms.
Each list is what people actually type (tests/test_understand_*.py); understand.py applies them.
"""

from __future__ import annotations

import re

from search_api.answering import models as m
from search_api.answering.definition_cues import (  # noqa: F401 (re-exported: the stages import them from here)
    DEFINITION_CUE_AFTER_TERM,
    DEFINITION_CUE_EITHER_SIDE,
    DEFINITION_CUES,
    asks_definition,
)
from search_api.answering.denials import affirmed  # noqa: F401 (re-exported: the stages import it from here)


def _cues(*patterns: str) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)")


# Words naming a sentence: cues of a penalty question and of one asking for the sentence itself.
# ("đi từ huyện lên tỉnh", "đi từ quê ra", "từ bên kia biên giới": from a place)
NOT_FROM = (
    r"(?! (?:choi|bo|chuc|nhiem|do|khi|ngay|thang|nam \d|luc|nho|truoc|sau|dau|nay|xa|phia|nguyen"
    r"|huyen|tinh|que|nha|ben|bien|cua khau|thanh pho|trung|mien|lang|thon|ban|noi|cho|xom|ha noi)(?!\w))"
)
SENTENCE_WORDS = (
    r"phat tu",
    r"bi phat(?! hien)",  # (not "bị phát hiện", found out)
    r"toa (?:an )?phat",  # "nếu tòa phạt tiền thì bao nhiêu"
    r"hinh phat",
    r"muc phat",
    r"muc an(?! phi)",  # "mức án bao nhiêu" (not "án phí", a court fee)
    r"muc tu (?:cao nhat|toi da|thap nhat|nao)",  # ("mức từ 30.000 đồng" is an amount: only these)
    # Folded, "tù" (prison) is also "từ" (from; "từ chối" refuse): "Tòa án từ chối", "bị từ chối cấp giấy phép"
    # asked no sentence, and answering them from the Criminal Code told a worker of a prison term.
    rf"an tu{NOT_FROM}",
    r"tu chung than",
    r"tu hinh",
    # ("bố đang đi tù, mẹ nghiện": a state the story tells, no sentence asked; heldout31 was declined as a penalty)
    rf"(?<!dang )(?:di|ngoi|bi) tu{NOT_FROM}",
    r"xu tu",  # "bị xử tù bao nhiêu"
    # "bị xử thế nào", "bị xử mấy năm", "theo khung nào" ("bị xử tội X không" asks whether it is the offence)
    r"bi xu (?:the nao|ra sao|bao nhieu|may nam|nang|theo khung|khung)",
    r"khung (?:nao|hinh phat nao)",
    # "khung tù là mấy năm" (heldout18, typed without diacritics: no intent, declined)
    # ("có bị xử theo Bộ luật Hình sự Việt Nam không" asks whether the Code applies, Điều 5-6: no sentence cue)
    rf"khung tu{NOT_FROM}",
    r"tu (?:may|bao nhieu) nam",
    # "(tội X) có tổ chức phạt bao nhiêu": a sentence; "xử phạt bao nhiêu tiền" is an administrative fine
    r"(?<!xu )phat (?:bao nhieu|may)(?! tien)",
)

# Intent cues on folded text. Each list is what people actually type (see tests/test_understand_*.py).
INTENT_CUES: dict[str, re.Pattern] = {
    m.DETAILING: _cues(
        r"van ban nao",
        r"nghi dinh (?:thong tu )?nao",
        r"thong tu nao",
        r"nghi quyet nao",
        r"huong dan (?:chi tiet |thi hanh )?(?:dieu|khoan|luat|nghi dinh)",
        r"quy dinh chi tiet",
        r"tra o (?:nghi dinh|thong tu|van ban)",
        # "tình tiết ... của tội rửa tiền Điều 324 BLHS được NQ 03/2019 giải thích thế nào" (heldout32: the Code's
        # article, named too, was quoted whole as a lookup)
        r"(?:duoc|do) (?:nghi quyet|nghi dinh|thong tu(?: lien tich)?|ttlt|nq|nd|tt)(?: so)?(?: \w+){1,5}? "
        r"(?:giai thich|huong dan)(?! \w+ (?:cho|ve) (?:nan nhan|tre em|nguoi))",
    ),
    m.STATUS: _cues(
        r"(?:con|het|co|dang|chua) hieu luc",
        r"hieu luc (?:tu|khi|den|thi hanh)",
        r"bi thay the",
        # (not "chăm sóc thay thế cho trẻ": alternative care, the Law on Children's term)
        r"(?<!cham soc )thay the (?:boi|cho|luat|nghi dinh)",
        r"van ban nao thay",
        r"con (?:ap dung|dung) (?:duoc )?(?:khong|nua)",
        r"con (?:duoc )?(?:ap dung|su dung|hieu luc)",
        r"con theo (?:luat|nghi dinh|thong tu|bo luat|quyet dinh)",  # "giờ còn theo Luật PCMBN 2011 không"
        r"hien (?:nay|gio) con",
        r"ap dung tu (?:ngay|khi)",
        # "Hôm nay chi hỗ trợ ... đã áp dụng mức chi của TTLT 134/2013 được chưa?" (an outside reader, asked on a day
        # before it took effect, was given its amounts)
        r"da (?:duoc )?ap dung(?: \w+){0,6}? (?:luat|nghi dinh|thong tu|quyet dinh|van ban|ttlt|tt|nd)(?: \w+){0,8}? "
        r"(?:duoc )?chua",
        # the text named before the verb: "khi đó luật 66/2011/QH12 về ... đã áp dụng được chưa hay phải chờ đến ngày
        # nào" (heldout30: read as a procedure, then declined for a date no quote stated)
        r"(?:luat|bo luat|nghi dinh|thong tu|quyet dinh|van ban|ttlt|tt|nd)(?: \w+){0,10}? da (?:duoc )?ap dung"
        r"(?: duoc)? chua",
        r"sua doi (?:boi|chua)",
        r"(?:sua doi|thay the|bai bo)(?: \w+)? (?:van ban|luat|nghi dinh|thong tu|dieu) nao",
        # "nếu bị bãi bỏ thì bởi TT nào, từ ngày nào"
        r"(?:sua doi|thay the|bai bo)(?: \w+){0,3} (?:boi|bang) "
        r"(?:van ban|luat|nghi dinh|thong tu|quyet dinh)(?: \w+)? nao",
        # "luật cũ đó đã bị thay bằng luật số mấy" (heldout22: read as a legal-aid question, given a uniform's colours)
        r"bi thay (?:bang|boi) (?:van ban|luat|nghi dinh|thong tu|quyet dinh)(?: so)? (?:nao|may)",
        r"ban hanh (?:ngay|khi nao|nam nao)",
        # "được Quốc hội thông qua ngày nào", "ký ngày nào": the date a text was passed or signed
        r"(?:thong qua|ky|ky ban hanh) (?:vao )?(?:ngay|khi nao|nam nao|luc nao|hom nao)",
        # "Ngày ký (không phải ngày bắt đầu áp dụng) của TTLT số 08/2008 ... là ngày nào" (heldout14)
        r"ngay (?:ky|ban hanh|thong qua)(?: \w+){0,40}? la ngay nao",
    ),
    m.PENALTY: _cues(
        *SENTENCE_WORDS,
        r"bi xu ly",
        r"xu ly hinh su",
        r"(?:truy cuu|chiu|mien) trach nhiem hinh su",
        r"bao nhieu nam tu",
        r"may nam tu",
        r"toi (?:gi|danh)",
        r"pham toi",
        r"(?:trong|cau thanh|bi coi la) toi",
        r"toi mua ban",
        r"bi ket an",
        r"bi (?:truy to|khoi to)",
        # "Cả nhóm bị xử theo khoản nào Đ151 BLHS, bao nhiêu năm?" (outside reader 10: read as an amount only)
        r"bi xu(?: \w+){0,3}? (?:khoan nao|dieu nao|bao nhieu nam|may nam|toi gi)",
        r"(?:bi xu|truy cuu) toi",  # "bị xử tội ngược đãi ... với mức tù nào", "bị truy cứu tội che giấu" (heldout23)
    ),
    m.HOTLINE: _cues(
        r"duong day nong",
        r"so dien thoai",
        r"hotline",
        r"tong dai",
        # (not "bọn buôn người gọi điện dọa giết": a threat by phone asks for protection, not a number)
        r"goi (?:so|dien)(?! (?:\w+ )?(?:doa|de doa|khung bo|chui|uy hiep|quay roi))",
        r"111",
    ),
    m.AMOUNT: _cues(
        r"bao nhieu(?: tien)?",
        r"muc (?:chi|ho tro|tien|tro cap|boi duong)",
        r"nhieu tien",
        r"toi da",
        r"toi thieu",
        r"bao lau",
        r"may (?:ngay|thang|lan)",
        r"trong bao nhieu ngay",
        r"duoc bao nhieu",
        r"(?:theo|o|la|qua) muc nao",  # "được chi theo mức nào", "không vượt quá mức nào"
        r"thoi hieu",  # "thời hiệu truy cứu khoản 3 Điều 151": a period asked, not the article to read
    ),
    m.PROCEDURE: _cues(
        r"thu tuc",
        r"ho so",
        r"trinh tu",
        r"thoi han",
        r"cac buoc",
        r"lam (?:the nao|sao|gi)",
        r"nhu the nao",
        r"giay to",
        r"tiep nhan",
        r"(?:quy trinh|cach|viec) xac minh",
        r"trao tra",
        r"de nghi",
        r"phai (?:lam|bao)",
        r"trinh bao",
        r"bao cao",
        r"(?:quy trinh|buoc nao)",
        r"(?:can|phai) lam gi",
    ),
    m.AGENCY: _cues(
        r"co quan nao",
        r"ai (?:chi tra|tra|chiu|co trach nhiem|thuc hien|quyet dinh|cap)",
        r"do ai",
        r"trach nhiem (?:cua|thuoc)",
        r"tham quyen",
        r"chi tra",
        r"kinh phi",
        r"ngan sach",
        r"don vi nao",
        r"o dau",
        # "bộ nào", "sở nào", "cấp nào": which body
        r"(?:bo|so|phong|cuc|nganh|cap|ben) nao",
        # "ai hỗ trợ", "ai có quyền thu hồi", "ai cử người giám hộ" (not "ai được", "ai bị coi là",
        # "ai thuộc diện": who qualifies)
        r"ai (?!duoc|la\b|bi\b|thuoc\b|co the duoc)\w+",
        r"(?:co|duoc) (?:quyen )?quyet dinh",
        r"co trach nhiem gi",
        r"nguon nao",
    ),
    m.LEGAL_AID: _cues(r"tro giup phap ly", r"tgpl", r"luat su mien phi", r"tu van phap luat mien phi"),
    m.ELIGIBILITY: _cues(
        r"dieu kien",
        r"co duoc",
        r"duoc khong",
        r"ai duoc",
        r"doi tuong",
        r"thuoc dien",
        r"thuoc nhom",  # "cháu có thuộc nhóm trẻ em có hoàn cảnh đặc biệt ... không"
        r"co phai la",  # ("có phải trả tiền không" asks a duty, not who qualifies)
        r"duoc coi la",
        r"nam trong",
        r"co duoc coi",
        r"co ap dung",
        # "có còn là trẻ em không", "căn cứ nào để xác nhận là nạn nhân"
        r"con la (?:tre em|nguoi chua thanh nien|nan nhan)",
        r"can cu (?:nao|gi)",
    ),
    m.ENTITLEMENT: _cues(
        r"ho tro",
        r"che do",
        r"quyen loi",
        r"tro cap",
        r"duoc huong",
        r"duoc nhan",
        r"duoc gi",
        r"quyen",
        r"cho vay",
        r"vay von",
        # "được áp dụng những biện pháp gì"
        r"bien phap (?:\w+ ){0,2}(?:gi|nao)",
    ),
}

GROUP_CUES: dict[str, re.Pattern] = {
    # "con nhỏ đi cùng", "bé 5 tuổi đi theo mẹ": a minor travelling with the victim
    m.ACCOMPANYING_MINOR: _cues(
        # ("con trai 15 tuổi của một nạn nhân đi cùng mẹ": up to seven words between the child and "đi cùng")
        r"(?:nguoi chua thanh nien|tre em|tre|con|be|chau)(?: \w+){0,7} "
        r"(?:di cung|di theo (?:nan nhan|me|bo|cha|chi|co|ba|nguoi than))",
        # "đi cùng có em gái 17 tuổi": the minor named after "đi cùng", with an age
        r"di (?:cung|theo) (?:co )?(?:em|con|chau|be)(?: \w+){0,2} \d{1,2} tuoi",
        # "nạn nhân mang theo con nhỏ 3 tuổi về", "dắt theo đứa con" (an outside reader, session 19, was given the six
        # regimes of Điều 32 khoản 1 for the child, not khoản 3's three)
        r"(?:mang|dat|dan|bong|be|om) theo (?:\w+ ){0,2}(?:con|be|chau|dua con|dua be|dua nho)(?!\w)",
    ),
    m.CHILD_UNDER_16: _cues(
        r"duoi (?:16|muoi sau)(?: tuoi)?",
        r"tre em",
        r"tre nho",
        r"be (?:gai|trai)",
        r"em be",
        r"chau be",
        r"con nho",
        # everyday words for a child: "đứa nhỏ", "đứa bé", "thằng bé", "con bé", "thằng nhỏ"
        r"(?:dua|thang) (?:nho|be)",
        r"con be",
        r"con nit",
        r"tre con",
        # a newborn ("mua trẻ sơ sinh của 3 cô sản phụ rồi bán lại": an outside reader got the adult offence, Điều 150)
        r"(?:tre|be|chau|dua tre|dua be|con) so sinh",
        r"tre moi (?:sinh|de)",
        r"con (?:\w+ ){0,2}san phu",  # "đánh tráo con của hai sản phụ": the newborns of mothers in the ward
    ),
    m.CHILD_UNDER_18: _cues(r"duoi (?:18|muoi tam)(?: tuoi)?", r"chua thanh nien", r"vi thanh nien"),
    m.FOREIGNER: _cues(
        # (not "kết hôn với người nước ngoài", "lấy chồng người nước ngoài": the spouse, not the person asked about)
        r"(?<!voi )(?<!chong )(?<!vo )nguoi nuoc ngoai",
        r"quoc tich nuoc ngoai",
        r"quoc tich khac",
        r"nguoi ngoai quoc",
        # "người Lào", "người Campuchia" (but "lấy chồng người Trung Quốc" names the husband)
        r"(?<!chong )(?<!vo )nguoi (?:lao|trung quoc|campuchia|cam pu chia|myanmar|thai lan|han quoc|philippines)",
        # "một cô gái quốc tịch Lào" (an outside reader, session 20, was given the airport reception of Vietnamese
        # victims returning, 01/2014 Điều 4, before the foreign victims' Điều 8)
        r"(?<!chong )(?<!vo )quoc tich (?:lao|trung quoc|campuchia|cam pu chia|myanmar|thai lan|han quoc|philippines)",
        r"(?:bi ban|bi mua ban|bi dua|bi lua) (?:sang|vao|den|qua) viet nam",  # trafficked into Viet Nam
    ),
    m.STATELESS: _cues(r"khong (?:co )?quoc tich"),
    # "người dân tộc thiểu số", "người H'Mông", "người Dao" ("người Thái" but not "Thái Lan")
    m.ETHNIC_MINORITY: _cues(
        r"dan toc thieu so",
        r"nguoi dan toc",
        r"(?:nguoi|dan toc) (?:h ?mong|mong|dao|tay|nung|khmer|gia rai|e de|ba na|xo dang|muong|thai(?! lan))",
    ),
    m.BEING_IDENTIFIED: _cues(
        r"dang (?:duoc |cho )?xac minh",
        # "chờ công an xác minh", "công an còn đang xác minh": the verification is pending
        r"cho (?:\w+ ){0,2}xac minh",
        r"(?:cong an|co quan|bien phong|xa) (?:con |van )?(?:dang )?xac minh",
        r"dang (?:duoc )?xac dinh",
        r"chua (?:duoc |du can cu |co can cu )?xac dinh",
        r"nghi (?:la|ngo la) nan nhan",
        r"trong qua trinh xac minh",
        # the texts' own term (01/2014/TTLT): "người (tự) khai là nạn nhân", not yet confirmed
        r"(?:tu )?(?:khai|nhan) (?:minh )?la (?:nan nhan|bi ban|bi mua ban)",
        # no certificate yet: the documents confirming a victim (62/2012 Điều 5) are missing
        r"chua (?:co|duoc cap) (?:giay|giay to) xac nhan",
        r"khong chung minh duoc (?:\w+ ){0,3}nan nhan",
    ),
    m.VICTIM: _cues(
        r"nan nhan",
        r"bi mua ban",
        r"bi ban",
        r"bi lua ban",
        r"bi (?:\w+ ){1,2}ban (?:sang|qua|cho|di|ra)",
        # "bị dắt đi bán", "bị bắt đi bán", "bị đưa đi bán": taken away to be sold
        r"bi (?:\w+ ){1,2}di ban",
        # someone who escaped back ("trốn được từ bên kia biên giới về") or was rescued: how families
        # speak of a victim who has not been identified as one yet
        r"(?:tron(?! thue)|thoat)(?: duoc)?(?: \w+){0,6} ve",
        r"duoc giai cuu",
        # "là bị hại trong vụ án mua bán người": the victim as criminal procedure names her
        r"(?:la|lam) bi hai",
    ),
    m.AGENCY_ACTOR: _cues(
        r"co quan", r"cong an", r"bien phong", r"uy ban", r"so lao dong", r"phong lao dong", r"co so ho tro"
    ),
}

# A penalty question asks for the sentence; "is it the offence / what counts as ..." asks for the
# definition, which the court guidance gives (02/2019/NQ-HĐTP), not the Code's sentence ranges.
SENTENCE_CUES = _cues(
    *SENTENCE_WORDS,
    r"bao nhieu nam",
    r"may nam",
    r"phat tien",
    r"khung hinh phat",
    r"bi xu ly",
    r"khoan nao",
    r"xu ly (?:theo|the nao)",
)
# "lừa đưa đi xuất khẩu lao động rồi ôm tiền bỏ trốn có bị xử lý về tội mua bán người không": whether the act is
# that offence (the court's guidance says: 02/2019 Điều 5 khoản 2, fraud), not how heavily it is punished
QUALIFICATION_CUES = _cues(
    r"(?:bi|co bi) (?:xu ly|truy cuu)(?: trach nhiem hinh su)? (?:ve|theo) toi(?: \w+){1,8} khong"
)
SENTENCE_AMOUNT_CUES = _cues(r"bao nhieu nam", r"may nam", r"khung (?:hinh phat|nao)", r"phat tu (?:bao nhieu|may)")
# "..., cụ thể là gì", "gồm những gì": the question wants the content, not only which text.
CONTENT_CUES = _cues(r"cu the", r"la gi", r"gom (?:nhung )?gi", r"nhung gi", r"nhu the nao", r"ra sao", r"noi dung")
DURATION_CUES = _cues(
    r"bao lau",
    r"may ngay",
    r"bao nhieu ngay",
    r"thoi han",
    r"trong vong",
    r"mat bao lau",
    r"may thang",
    r"bao nhieu (?:nam|thang|tuan)",
    r"may tuan",
)
# Folded, "đồng" (money) and "động" ("lao động") are both "dong": only a sum or a question of one
# names money.
MONEY_CUES = _cues(
    r"bao nhieu tien",
    r"nhieu tien",
    r"muc (?:chi|ho tro|tro cap|tien)",
    r"(?:\d+|nghin|ngan|trieu|tram|bao nhieu) dong",
    r"moi ngay",
    r"mot ngay",
    # "tiền ăn bao nhiêu 1 ngày, tối đa mấy ngày" (an outside reader, session 18: read as a period only, the
    # decree's 60 days came first and the summary of the sum was lost); not "tiền ăn bao nhiêu ngày"
    r"bao nhieu (?:1|mot|moi) (?:ngay|nguoi|thang)",
    r"tien (?:\w+ ){0,2}bao nhieu(?! (?:ngay|thang|nam|tuan|lau|lan|buoi|gio))",
)
# "mức chi do bộ nào quy định", "bộ nào được giao quy định", "giao cho ai ấn định": not the sum or the
# form itself but the body a text charges with setting it.
PRESCRIBER_CUES = _cues(
    r"(?:(?:co quan|bo|don vi|cap) nao|ai)(?: duoc giao| se| phai| co tham quyen)? (?:quy dinh|ban hanh|an dinh)",
    # "ở tỉnh thì ai quyết định mức hỗ trợ cụ thể": who sets the amount (134/2013 Điều 6 khoản 3)
    r"(?:(?:co quan|cap) nao|ai)(?: duoc giao| se| co tham quyen)? quyet dinh muc",
    r"giao (?:cho )?(?:ai|bo nao|co quan nao)",
    r"do (?:ai|co quan nao|bo nao) (?:quy dinh|ban hanh|an dinh)",
)
# "hồ sơ gồm những gì", "cần nộp những giấy tờ gì": the papers to hand in, as a list.
DOSSIER_CUES = _cues(
    r"ho so(?: \w+){0,16} (?:gom|bao gom|can|phai co|co nhung)",
    r"(?:nop|can|chuan bi|mang theo)(?: \w+){0,2} (?:ho so|giay to)",
    r"giay to (?:gi|nao|can)",
    r"(?:can|nop|phai co) (?:nhung )?giay (?:gi|nao)",  # "cần giấy gì chứng minh"
    r"nhung giay to",
)
HOTLINE_NUMBER_CUES = _cues(
    r"(?:la|goi|bam) so (?:nao|may|gi)",
    r"so (?:nao|may) de goi",
    r"so dien thoai (?:la|nao|bao nhieu|the nao)",
    # "số điện thoại đường dây nóng của Trung tâm ... tỉnh Lào Cai là bao nhiêu"
    r"(?:so dien thoai|duong day nong|hotline)(?: \w+){1,12}? (?:la bao nhieu|la so nao|la so may)",
    # "Cho xin số điện thoại, email, địa chỉ của Văn phòng này": the number itself, which no legal text gives
    r"(?:cho|xin) (?:toi |minh |em |chau )?(?:xin )?(?:so dien thoai|sdt|so hotline|so tong dai|so duong day nong)",
)

# ... unless a sum is what it asks: "Mức hỗ trợ thiết lập đường dây nóng về TGPL ... là bao nhiêu, ngân sách nào chi?"
# (an outside reader was declined for want of a phone number; QĐ 32/2016 Điều 4 states the sum)
HOTLINE_SUM_CUES = _cues(
    r"muc (?:ho tro|chi|kinh phi|dau tu)", r"kinh phi", r"bao nhieu tien", r"ngan sach", r"chi phi"
)

# "áp dụng cho nạn nhân bao nhiêu tuổi": an age is asked, which no extracted sum or span states (an offence's
# fine would otherwise open the answer as its figure; deferred.py: nor is it an amount left to other rules)
ASKS_AGE = re.compile(r"(?<!\w)(?:bao nhieu|may|tu bao nhieu|duoi bao nhieu) tuoi(?!\w)")


# "Giả mạo là nạn nhân như vậy có bị pháp luật cấm không", "... có bị luật trẻ em cấm không", "bị nghiêm cấm": whether
# an act is prohibited (the law's "Các hành vi bị nghiêm cấm"); "Luật TGPL 2017 cấm hành vi này ở điều nào", "có cấm
# thẳng kiểu lợi dụng ... không" (heldout23, heldout27: declined, the prohibited acts out of the first ten). ("cam"
# alone is also "cảm", "cam kết": only with the words that make it a ban.)
ASKS_PROHIBITED = re.compile(
    r"(?<!\w)(?:(?:co|bi) (?:\w+ ){0,3}cam (?:khong|hay)|(?:bi )?nghiem cam|bi cam"
    r"|cam (?:thang|han|tuyet doi|rieng|hanh vi|cac hanh vi|nhung hanh vi)|hanh vi (?:bi )?cam"
    # ("Luật PCMBN có khoản nào cấm riêng việc ép người khác ... không": heldout29)
    r"|(?:khoan|diem|dieu|quy dinh) nao (?:\w+ ){0,2}cam)(?!\w)"
)
