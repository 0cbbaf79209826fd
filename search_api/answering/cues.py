"""The vocabulary of question understanding: cue patterns on the folded question (no diacritics,
lower case) for intents, target groups, aggravating circumstances and what is asked (a sentence,
a duration, money, a dossier, a definition), and the everyday wordings read as legal terms.
Each list is what people actually type (tests/test_understand.py); understand.py applies them.
"""

from __future__ import annotations

import re

from ingest.textnorm import fold
from search_api.answering import models as m


def _cues(*patterns: str) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)")


# Words naming a sentence: cues of a penalty question and of one asking for the sentence itself.
SENTENCE_WORDS = (
    r"phat tu",
    r"bi phat",
    r"hinh phat",
    r"muc phat",
    r"an tu",
    r"tu chung than",
    r"tu hinh",
    r"(?:di|ngoi|bi) tu",
    r"xu tu",  # "bị xử tù bao nhiêu"
    # "bị xử thế nào", "bị xử mấy năm", "theo khung nào" ("bị xử tội X không" asks whether it is the offence)
    r"bi xu (?:the nao|ra sao|bao nhieu|may nam|nang|theo khung|khung)",
    r"khung (?:nao|hinh phat nao)",
    r"tu (?:may|bao nhieu) nam",
    # "(tội X) có tổ chức phạt bao nhiêu": a sentence; "xử phạt bao nhiêu tiền" is an administrative fine
    r"(?<!xu )phat (?:bao nhieu|may)(?! tien)",
)

# Intent cues on folded text. Each list is what people actually type (see tests/test_understand.py).
INTENT_CUES: dict[str, re.Pattern] = {
    m.DETAILING: _cues(
        r"van ban nao",
        r"nghi dinh (?:thong tu )?nao",
        r"thong tu nao",
        r"nghi quyet nao",
        r"huong dan (?:chi tiet |thi hanh )?(?:dieu|khoan|luat|nghi dinh)",
        r"quy dinh chi tiet",
        r"tra o (?:nghi dinh|thong tu|van ban)",
    ),
    m.STATUS: _cues(
        r"(?:con|het|co|dang|chua) hieu luc",
        r"hieu luc (?:tu|khi|den|thi hanh)",
        r"bi thay the",
        r"thay the (?:boi|cho|luat|nghi dinh)",
        r"van ban nao thay",
        r"con (?:ap dung|dung) (?:duoc )?(?:khong|nua)",
        r"con (?:duoc )?(?:ap dung|su dung|hieu luc)",
        r"con theo (?:luat|nghi dinh|thong tu|bo luat|quyet dinh)",  # "giờ còn theo Luật PCMBN 2011 không"
        r"hien (?:nay|gio) con",
        r"ap dung tu (?:ngay|khi)",
        r"sua doi (?:boi|chua)",
        r"(?:sua doi|thay the|bai bo)(?: \w+)? (?:van ban|luat|nghi dinh|thong tu|dieu) nao",
        # "nếu bị bãi bỏ thì bởi TT nào, từ ngày nào"
        r"(?:sua doi|thay the|bai bo)(?: \w+){0,3} (?:boi|bang) "
        r"(?:van ban|luat|nghi dinh|thong tu|quyet dinh)(?: \w+)? nao",
        r"ban hanh (?:ngay|khi nao|nam nao)",
        # "được Quốc hội thông qua ngày nào", "ký ngày nào": the date a text was passed or signed
        r"(?:thong qua|ky|ky ban hanh) (?:vao )?(?:ngay|khi nao|nam nao|luc nao)",
    ),
    m.PENALTY: _cues(
        *SENTENCE_WORDS,
        r"bi xu ly",
        r"xu ly hinh su",
        r"(?:truy cuu|chiu) trach nhiem hinh su",
        r"bao nhieu nam tu",
        r"may nam tu",
        r"toi (?:gi|danh)",
        r"pham toi",
        r"(?:trong|cau thanh|bi coi la) toi",
        r"toi mua ban",
        r"bi ket an",
    ),
    m.HOTLINE: _cues(r"duong day nong", r"so dien thoai", r"hotline", r"tong dai", r"goi (?:so|dien)", r"111"),
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

# Bodies the texts never name, only their kind ("cơ quan, tổ chức ... có trách nhiệm"): their names
# are read as that kind, and their own words are not scored (no clause holds them).
ORGANISATIONS = _cues(
    r"hoi (?:lien hiep )?(?:phu nu|nong dan|cuu chien binh)(?: (?:xa|phuong|huyen|tinh))?",
    r"doan thanh nien(?: (?:xa|phuong|huyen|tinh))?",
    r"mat tran to quoc(?: (?:xa|phuong|huyen|tinh))?",
)

# How people say it -> how the texts say it. Kept small and general: each row is an everyday
# wording with one fixed legal equivalent in this collection; the legal words are searched and
# scored alongside the typed ones (never instead of them).
COLLOQUIAL: tuple[tuple[re.Pattern, str], ...] = (
    (
        _cues(
            r"lua ban",
            r"buon (?:ban )?nguoi",
            # "bán 3 cô gái", "buôn bán 7 người": selling people, counted
            r"(?:buon ban|mua ban|ban) (?:\d+|hai|ba|bon|nam|sau|bay|tam|chin|muoi|nhieu) "
            r"(?:nguoi|co gai|phu nu|tre em|chau|be|em)",
            r"bi ban (?:sang|qua|cho|di|ra)",
            r"ban (?:\w+ ){0,3}(?:sang|qua) (?:bien gioi|nuoc ngoai|trung quoc|tq|campuchia|lao)",
            r"(?:bat coc|du do|lua) (?:\w+ ){0,3}(?:roi |de |di )?ban",
            r"(?:dem|dua|dan|cho) (?:\w+ ){0,3}di ban",
            r"ban (?:nguoi|vo|con|phu nu|co gai|em gai|con gai|tre em|tre con|be gai|chau)"
            r"(?: \w+){0,3} (?:sang|qua|cho|ra)",
        ),
        "mua bán người",
    ),
    # the person sold is, in the texts, "nạn nhân"
    (_cues(r"bi (?:mua ban|ban|lua ban)", r"bi (?:\w+ ){1,2}ban (?:sang|qua|cho|di|ra)"), "nạn nhân"),
    (_cues(r"ve nuoc", r"ve que", r"ve lai viet nam"), "trở về"),
    (_cues(r"nhan (?:giup|vu|vu viec|vu an|ho so|lam)"), "thụ lý"),
    (_cues(r"(?:tien |ve )?tau xe", r"ve xe", r"tien xe", r"tien di lai"), "chi phí đi lại"),
    (_cues(r"vien phi", r"tien thuoc"), "chi phí khám bệnh, chữa bệnh"),
    (_cues(r"den bu"), "bồi thường"),
    (_cues(r"(?:danh|chem|dam) (?:\w+ ){0,3}(?:bi )?(?:thuong|tich)"), "gây thương tích"),
    (_cues(r"tien ho tro"), "trợ cấp"),
    (_cues(r"di hoc", r"hoc chu"), "học văn hóa"),
    (_cues(r"luat su (?:\w+ ){0,2}mien phi", r"tu van (?:phap luat |luat )?mien phi"), "trợ giúp pháp lý"),
    (_cues(r"(?:dong|mat|ton) tien"), "trả tiền"),
    # "muốn được luật sư giúp", "xin TGPL": asking for legal aid is a "yêu cầu trợ giúp pháp lý"
    (_cues(r"(?:muon|xin|nho|can) (?:duoc )?(?:\w+ ){0,2}(?:tro giup phap ly|luat su)"), "yêu cầu trợ giúp pháp lý"),
    (_cues(r"chung minh (?:thu|nhan dan)", r"cmnd", r"cccd", r"can cuoc"), "giấy tờ tùy thân"),
    (_cues(r"(?:ep|bat|cuong ep) (?:ban dam|lam gai|tiep khach)", r"ban dam", r"mai dam"), "bóc lột tình dục"),
    (
        _cues(
            r"(?:ep|bat) (?:lam viec|lam) (?:khong cong|khong luong)",
            r"lao dong khong cong",
            # "ép đứa trẻ 14 tuổi làm việc bằng đe dọa, đánh đập"
            r"(?:ep|bat|cuong ep) (?:\w+ ){0,5}(?:lam viec|lam thue|lao dong)",
        ),
        "cưỡng bức lao động",
    ),
    (_cues(r"(?:lay|ban|moc) (?:than|noi tang|gan|tim|giac mac)"), "lấy bộ phận cơ thể"),
    (_cues(r"trung tam bao tro", r"trai bao tro"), "cơ sở bảo trợ xã hội"),
    # The support regimes as families name them (66/2011 Điều 32–38, 09/2013 Điều 19–24).
    (
        _cues(
            # (not "có tiền án", a prior conviction, which folds the same)
            r"(?:ho tro|cap|chi|duoc|cho|tra|lo) tien an",
            r"tien an (?:uong|o|hang ngay|mot ngay|moi ngay|bao nhieu)",
            r"an uong",
            r"quan ao",
            r"do dung (?:ca nhan|sinh hoat)",
        ),
        "nhu cầu thiết yếu",
    ),
    (
        _cues(r"kham (?:benh|chua)", r"chua (?:benh|tri|tri benh)", r"om dau", r"bi om", r"nam vien", r"thuoc men"),
        "hỗ trợ y tế",
    ),
    (_cues(r"sang chan", r"tram cam", r"hoang loan", r"khung hoang (?:tinh than|tam ly)"), "hỗ trợ tâm lý"),
    (_cues(r"tien (?:tro cap|ho tro) ban dau", r"tien (?:kho khan|cuu tro)"), "trợ cấp khó khăn ban đầu"),
    (_cues(r"cho o(?: tam)?", r"cho ngu", r"nha tam lanh", r"cho tam tru"), "cơ sở hỗ trợ nạn nhân"),
    # Family is, in the texts, "người thân thích".
    (_cues(r"nguoi nha", r"nguoi than(?! thich)"), "người thân thích"),
    (_cues(r"lo (?:thong tin|danh tinh|ten tuoi|hinh anh)", r"giu kin"), "giữ bí mật"),
    (_cues(r"khong (?:mat|ton|phai tra) (?:tien|dong nao|phi)"), "miễn phí"),
    (_cues(r"(?:di|ngoi|o) tu(?!\w)(?! phap)"), "phạt tù"),  # (not "Bộ Tư pháp", "ở Tư pháp")
    (_cues(r"tre (?:mo coi|lang thang|bi bo roi)"), "trẻ em có hoàn cảnh đặc biệt"),
    # Legal aid as clients put it (11/2017/QH14): changing the helper, stopping half way, going to court.
    (
        _cues(r"(?:doi|thay) (?:\w+ ){0,2}(?:luat su|tro giup vien|nguoi khac)"),
        "thay đổi người thực hiện trợ giúp pháp lý",
    ),
    (
        # ("dung" alone is also "dùng": "sử dụng hỗ trợ")
        _cues(r"(?:dung|ngung|bo do) (?:\w+ ){0,2}giua chung", r"ngung (?:tro giup|giup|ho tro)"),
        "không tiếp tục thực hiện",
    ),
    (_cues(r"(?:ra|hau|len) toa", r"di kien"), "tham gia tố tụng"),
    (_cues(r"(?:mat|lam lai|xin lai|cap lai) (?:het )?giay to"), "giấy tờ tùy thân"),
    (_cues(r"(?:ve|dua ve) (?:dia phuong|xa|nha|lang|que nha)"), "nơi cư trú"),
    (_cues(r"(?:xin|tim|kiem) viec(?: lam)?", r"co viec lam"), "giới thiệu việc làm"),
    (_cues(r"vay (?:tien|ngan hang|them)", r"muon (?:tien|von)"), "vay vốn"),
    # the mass organisations ("Hội phụ nữ xã", "Đoàn thanh niên") are, in the texts, "tổ chức"
    (ORGANISATIONS, "cơ quan, tổ chức"),
    # "báo công an", "có trách nhiệm báo không": a report of a crime is a "tin báo, tố giác"
    (
        _cues(r"bao (?:cho |len )?(?:cong an|chinh quyen|co quan|xa|phuong)", r"(?:trach nhiem|phai|nen) bao"),
        "thông báo, tố giác",
    ),
)


def legal_wording(words: str) -> list[str]:
    """The legal equivalents of the everyday wordings in a folded question, each once."""
    return [legal for cue, legal in COLLOQUIAL if cue.search(words) and fold(legal).lower() not in words]


GROUP_CUES: dict[str, re.Pattern] = {
    # "con nhỏ đi cùng", "bé 5 tuổi đi theo mẹ": a minor travelling with the victim
    m.ACCOMPANYING_MINOR: _cues(
        r"(?:nguoi chua thanh nien|tre em|tre|con|be|chau)(?: \w+){0,3} "
        r"(?:di cung|di theo (?:nan nhan|me|bo|cha|chi|co|ba|nguoi than))"
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
    ),
    m.CHILD_UNDER_18: _cues(r"duoi (?:18|muoi tam)(?: tuoi)?", r"chua thanh nien", r"vi thanh nien"),
    m.FOREIGNER: _cues(
        r"nguoi nuoc ngoai",
        r"quoc tich nuoc ngoai",
        r"quoc tich khac",
        r"nguoi ngoai quoc",
        # "người Lào", "người Campuchia" (but "lấy chồng người Trung Quốc" names the husband)
        r"(?<!chong )(?<!vo )nguoi (?:lao|trung quoc|campuchia|cam pu chia|myanmar|thai lan|han quoc|philippines)",
        r"(?:bi ban|bi mua ban|bi dua|bi lua) (?:sang|vao|den|qua) viet nam",  # trafficked into Viet Nam
    ),
    m.STATELESS: _cues(r"khong (?:co )?quoc tich"),
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
    ),
    m.AGENCY_ACTOR: _cues(
        r"co quan", r"cong an", r"bien phong", r"uy ban", r"so lao dong", r"phong lao dong", r"co so ho tro"
    ),
}

# Penalty circumstances as questions word them -> the folded wording of the Criminal Code's points.
AGGRAVATING: dict[str, tuple[re.Pattern, str]] = {
    "có tổ chức": (_cues(r"co to chuc", r"duong day", r"bang nhom", r"to chuc"), "co to chuc"),
    "chuyên nghiệp": (_cues(r"chuyen nghiep"), "tinh chat chuyen nghiep"),
    "đưa ra nước ngoài": (
        _cues(
            r"ra nuoc ngoai",
            r"qua bien gioi",
            r"ra khoi bien gioi",
            r"(?:sang|qua) (?:nuoc |ben )?(?:trung quoc|tq|campuchia|cam pu chia|lao|thai lan|malaysia|dai loan"
            r"|han quoc|nuoc ngoai)",
        ),
        "ra khoi bien gioi",
    ),
    # (a number of people is read by _counted_victims; these are the worded forms)
    "nhiều nạn nhân": (_cues(r"nhieu (?:nguoi|nan nhan|co gai|phu nu|tre em|chau|em)"), "tu 02 nguoi den 05 nguoi"),
    "từ 06 người": (_cues(r"(?:\d+|sau|bay|tam|chin|muoi) (?:nguoi|nan nhan) tro len"), "06 nguoi tro len"),
    "làm chết": (_cues(r"chet", r"tu sat", r"tu tu"), "chet hoac tu sat"),
    "lấy bộ phận cơ thể": (
        _cues(r"lay (?:\w+ ){0,3}(?:bo phan|noi tang|than|gan|giac mac|tim|phoi|mo)(?!\w)"),
        "lay bo phan co the",
    ),
    "tái phạm": (_cues(r"tai pham"), "tai pham nguy hiem"),
    # "cô hộ sinh lợi dụng nghề nghiệp": the Code joins the two ("Lợi dụng chức vụ, quyền hạn, nghề nghiệp")
    "lợi dụng chức vụ, nghề nghiệp": (
        _cues(r"loi dung (?:\w+ ){0,2}(?:chuc vu|quyen han|nghe nghiep|nghe)", r"can bo", r"cong chuc"),
        "loi dung chuc vu",
    ),
    "nhiều lần": (_cues(r"(?:02|2|hai) lan tro len", r"nhieu lan"), "02 lan tro len"),
    "con nuôi": (_cues(r"con nuoi"), "cho nhan con nuoi"),
    # ("dì ruột đang nuôi cháu": a relative raising the child; not "con nuôi", the adoption circumstance)
    "người mình chăm sóc": (
        _cues(r"cham soc", r"nuoi duong", r"dang nuoi", r"(?<!con )nuoi (?:chau|con|em|be|dua|no)"),
        "trach nhiem cham soc nuoi duong",
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
# "..., cụ thể là gì", "gồm những gì": the question wants the content, not only which text.
CONTENT_CUES = _cues(r"cu the", r"la gi", r"gom (?:nhung )?gi", r"nhung gi", r"nhu the nao", r"ra sao", r"noi dung")
DURATION_CUES = _cues(
    r"bao lau", r"may ngay", r"bao nhieu ngay", r"thoi han", r"trong vong", r"mat bao lau", r"may thang"
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
)
# "hồ sơ gồm những gì", "cần nộp những giấy tờ gì": the papers to hand in, as a list.
DOSSIER_CUES = _cues(
    r"ho so(?: \w+){0,16} (?:gom|bao gom|can|phai co|co nhung)",
    r"(?:nop|can|chuan bi|mang theo)(?: \w+){0,2} (?:ho so|giay to)",
    r"giay to (?:gi|nao|can)",
    r"nhung giay to",
)
HOTLINE_NUMBER_CUES = _cues(
    r"(?:la|goi|bam) so (?:nao|may|gi)",
    r"so (?:nao|may) de goi",
    r"so dien thoai (?:la|nao|bao nhieu|the nao)",
    # "số điện thoại đường dây nóng của Trung tâm ... tỉnh Lào Cai là bao nhiêu"
    r"(?:so dien thoai|duong day nong|hotline)(?: \w+){1,12}? (?:la bao nhieu|la so nao|la so may)",
)

# Cues of a definition question, on the folded question. "X là gì" / "thế nào là X" /
# "được coi là X" / "có (còn, phải) là X không".
DEFINITION_CUES = re.compile(
    r"(?<!\w)(?:la gi|the nao (?:duoc coi )?la|(?:duoc|bi) (?:coi|xem|hieu|xac dinh) la"
    r"|(?:co|con) (?:con |phai |duoc )?la|khai niem|dinh nghia)(?!\w)"
)
# Of these, the cue that follows the term it asks about ("nạn nhân là gì"); the others precede it
# ("thế nào là nạn nhân", "cháu nội có được coi là người thân thích": the term is after the cue,
# the words before it are the case).
DEFINITION_CUE_AFTER_TERM = re.compile(r"la gi")


def asks_definition(words: str) -> bool:
    return bool(DEFINITION_CUES.search(words))
