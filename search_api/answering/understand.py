"""Stage 1, understand: what a question asks, about whom, naming which texts, as of which day.

Everything is read from a folded copy of the question (no diacritics, lower case), so
"nan nhan la nguoi nuoc ngoai" and "nạn nhân là người nước ngoài" are understood alike.
Documents and articles are resolved by search_api.query (numbers, abbreviations, "luật
PCMBN 2011"); the question is analysed exactly once, by the `parse_query` call whose
result the search service then runs.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ingest.numbers import DOC_NUMBER_ANYCASE_RE
from ingest.textnorm import fold, has_diacritics, nfc
from search_api.answering import models as m
from search_api.answering.naming import _as_typed, _by_year, catalogued_by_title, unknown_named_text
from search_api.answering.terms import fast_folded, question_terms
from search_api.query import load_abbreviations, parse_query


def folded_text(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", fold(nfc(text)).lower())) + " "


# Abbreviations read as their words before any cue is matched: "NĐ nào quy định ...", "tội MBN",
# "BLHS năm 1999", "trung tâm TGPL" are then understood as the spelt-out question is. Law aliases
# ("luật PCMBN") name documents and are resolved by search_api.query, not spelt out here.
_SPELT_KINDS = ("term", "doc_type", "issuer")


def expanded_text(text: str) -> str:
    """The folded question (see folded_text) with every abbreviation of corpus/abbreviations.tsv
    outside a document number replaced by its expansion ("nd nao" -> "nghi dinh nao")."""
    text = nfc(text)
    rows = [row for row in load_abbreviations() if row.kind in _SPELT_KINDS]
    pieces, position = [], 0
    # "09/2013/NĐ-CP": the codes inside a number stay as typed, part of the number.
    for match in [*DOC_NUMBER_ANYCASE_RE.finditer(text), None]:
        plain = fold(text[position : match.start() if match else len(text)]).lower()
        for row in rows:
            plain = row.pattern.sub(" " + fold(row.expansion).lower() + " ", plain)
        pieces.append(plain)
        if match:
            pieces.append(fold(match.group()).lower())
            position = match.end()
    view = " ".join(pieces)
    return folded_text(view)


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
        r"ban hanh (?:ngay|khi nao|nam nao)",
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
    ),
}

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
    (_cues(r"(?:ep|bat) (?:lam viec|lam) (?:khong cong|khong luong)", r"lao dong khong cong"), "cưỡng bức lao động"),
    (_cues(r"(?:lay|ban|moc) (?:than|noi tang|gan|tim|giac mac)"), "lấy bộ phận cơ thể"),
    (_cues(r"trung tam bao tro", r"trai bao tro"), "cơ sở bảo trợ xã hội"),
)


def legal_wording(words: str) -> list[str]:
    """The legal equivalents of the everyday wordings in a folded question, each once."""
    return [legal for cue, legal in COLLOQUIAL if cue.search(words) and fold(legal).lower() not in words]


GROUP_CUES: dict[str, re.Pattern] = {
    m.ACCOMPANYING_MINOR: _cues(r"(?:nguoi chua thanh nien|tre em|tre|con|be|chau)(?: \w+)? di cung"),
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
    "lợi dụng chức vụ": (_cues(r"loi dung chuc vu", r"can bo", r"cong chuc"), "loi dung chuc vu"),
    "nhiều lần": (_cues(r"(?:02|2|hai) lan tro len", r"nhieu lan"), "02 lan tro len"),
    "con nuôi": (_cues(r"con nuoi"), "cho nhan con nuoi"),
    "người mình chăm sóc": (_cues(r"cham soc", r"nuoi duong"), "trach nhiem cham soc nuoi duong"),
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
    r"(?:la|goi|bam) so (?:nao|may|gi)", r"so (?:nao|may) de goi", r"so dien thoai (?:la|nao|bao nhieu|the nao)"
)

# Cues of a definition question, on the folded question. "X là gì" / "thế nào là X" /
# "được coi là X" / "có (còn, phải) là X không".
DEFINITION_CUES = re.compile(
    r"(?<!\w)(?:la gi|the nao (?:duoc coi )?la|duoc (?:coi|xem|hieu|xac dinh) la|(?:co|con) (?:con |phai |duoc )?la"
    r"|khai niem|dinh nghia)(?!\w)"
)
# Of these, the cue that follows the term it asks about ("nạn nhân là gì"); the others precede it
# ("thế nào là nạn nhân", "cháu nội có được coi là người thân thích": the term is after the cue,
# the words before it are the case).
DEFINITION_CUE_AFTER_TERM = re.compile(r"la gi")


def asks_definition(words: str) -> bool:
    return bool(DEFINITION_CUES.search(words))


_DATE_RE = re.compile(r"(?<![\d/])(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?![\d/])")
_YEAR_RE = re.compile(r"(?<!\w)(?:nam|vao|tu) ((?:19|20)\d\d)(?!\w)")
_LONG_DATE_RE = re.compile(r"(?<!\w)(?:ngay (\d{1,2}) )?thang (\d{1,2}) (?:nam )?((?:19|20)\d\d)(?!\w)")
_BEFORE_RE = re.compile(r"(?<!\w)truoc(?: ngay)?\s*$")
# A year right after a document word names the text ("luật PCMBN năm 2011"), not the day asked about.
_DOCUMENT_YEAR_RE = re.compile(r"(?:luat|nghi dinh|thong tu|bo luat|pcmbn|blhs|quyet dinh)(?: \w+){0,6} nam$")
_CLAUSE_RE = re.compile(r"(?<!\w)(?:khoan |k)(\d{1,2})(?!\w)")  # "khoản 2", "k2"
_POINT_RE = re.compile(r"(?<!\w)diem ([a-z])(?!\w)")


def as_of_date(text: str) -> date | None:
    """'trước 1/7/2025' -> 2025-06-30; 'ngày 15/3/2024' -> 2024-03-15; 'năm 2023' -> 2023-12-31
    (the last day of that year: what applied during it); None when the question names no day."""
    folded = fold(nfc(text)).lower()
    for match in _DATE_RE.finditer(folded):
        day, month, year = (int(g) for g in match.groups())
        try:
            found = date(year, month, day)
        except ValueError:
            continue
        if _BEFORE_RE.search(folded[: match.start()]):
            found -= timedelta(days=1)
        return found
    words = folded_text(text)
    for match in _LONG_DATE_RE.finditer(words):
        # "ngày 15 tháng 3 năm 2024", "tháng 3/2024", "tháng 3 năm 2024" (the month's last day)
        named_day, month, year = match.group(1), int(match.group(2)), int(match.group(3))
        try:
            if named_day:
                found = date(year, month, int(named_day))
            else:
                found = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        except ValueError:
            continue
        if _BEFORE_RE.search(words[: match.start()]):
            found = (found if named_day else date(year, month, 1)) - timedelta(days=1)
        return found
    for match in _YEAR_RE.finditer(words):
        if _DOCUMENT_YEAR_RE.search(words[: match.start()].rstrip() + " nam"):
            continue
        year = int(match.group(1))
        if 1990 <= year <= 2100:
            return date(year, 12, 31)
    return None


def _names_text(typed: str, code: str) -> bool:
    """Whether an abbreviation follows a document type ("luật PCMBN", "Luật TGPL")."""
    pattern = r"(?<!\w)(?:bo luat|luat|nghi dinh|thong tu|quyet dinh) " + re.escape(code) + r"(?!\w)"
    return re.search(pattern, typed) is not None


def _scoring_terms(parsed, reference) -> tuple[frozenset[str], frozenset[str]]:
    """The terms a quoted unit should contain: the analysed question less what only names a
    document — numbers and years, type and issuer codes ("TT", "BLĐTBXH") and their expansions
    ("thông tư", "bộ lao động - thương binh và xã hội"), which no clause of the text repeats."""
    syllables, bigrams = question_terms(parsed.analysis)
    # An issuer names a document only inside its number ("TT 35/2013 BLĐTBXH"); alone it is the
    # subject ("BTP có trách nhiệm gì").
    numbers = " ".join(fold(n).lower() for n in reference.doc_numbers)
    rows = [
        row
        for row in load_abbreviations()
        if row.kind == "doc_type" or (row.kind == "issuer" and fold(row.abbreviation).lower() in numbers)
    ]
    naming = {fold(row.expansion).lower() for row in rows if row.expansion in reference.expanded_terms}
    dropped = {t for t in syllables if t.isdigit()}
    codes = {fold(row.abbreviation).lower() for row in rows}
    dropped |= {t for t in syllables if t in codes}
    own_words = set(fast_folded(reference.text))
    for expansion in naming:
        dropped |= {t for t in fast_folded(expansion) if t not in own_words}
    if reference.doc_numbers:
        # "luật PCMBN": the abbreviation names the law, so its expansion ("phòng, chống mua bán
        # người") is the law's name, which every clause of it shares; it says nothing of the clause.
        typed = fold(reference.text).lower()
        for row in load_abbreviations():
            code = fold(row.abbreviation).lower()
            if row.kind == "term" and row.expansion in reference.expanded_terms and _names_text(typed, code):
                dropped |= {code} | {t for t in fast_folded(row.expansion) if t not in own_words}
    # "TGPL", "MBN": the texts spell an abbreviation out, and its expansion is scored already; the
    # code itself (rare, so heavily weighted) would only penalise every clause for not saying it.
    dropped |= {
        fold(row.abbreviation).lower()
        for row in load_abbreviations()
        if row.kind == "term" and row.expansion in reference.expanded_terms
    } & syllables
    if not dropped:
        return syllables, bigrams
    return (
        frozenset(t for t in syllables if t not in dropped),
        frozenset(b for b in bigrams if not set(b.split("_")) & dropped),
    )


_AGE_RE = re.compile(r"(?<!\w)(\d{1,2}) tuoi(?!\w)")


def _with_ages(who: list[str], words: str) -> list[str]:
    """ "Em gái 15 tuổi", "cháu 17 tuổi": an age under 16 is a child (Luật Trẻ em, Điều 1), under 18 a
    minor (Bộ luật Dân sự); "dưới 16 tuổi" is matched by the group cues themselves."""
    groups = set(who)
    for match in _AGE_RE.finditer(words):
        if words[: match.start()].rstrip().endswith(("duoi", "tren", "tu", "du")):
            continue  # "dưới 16 tuổi", "từ đủ 16 tuổi": a bound, read by the group cues
        age = int(match.group(1))
        if age < 16:
            groups.add(m.CHILD_UNDER_16)
        elif age < 18:
            groups.add(m.CHILD_UNDER_18)
    return [g for g in m.GROUPS if g in groups]


# "cho xem", "trích", "toàn văn": show the named article, whatever else the words say.
LOOKUP_CUES = _cues(r"cho (?:toi |em )?xem", r"xem", r"trich(?: dan)?", r"toan van", r"tra cuu", r"doc")
_NUMBER_WORDS = {"hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_COUNTED = re.compile(
    r"(?<!\w)(\d{1,3}|hai|ba|bon|nam|sau|bay|tam|chin|muoi) (?:nguoi|nan nhan|co gai|phu nu|tre em|chau|be|em"
    r"|thanh nien|lao dong|nguoi lao dong)(?!\w)"
)


def _counted_victims(words: str, aggravating: list[str]) -> list[str]:
    """ "bán 7 cô gái", "3 nạn nhân": the Code's brackets are by head count — 02 to 05 people
    (khoản 2), 06 or more (khoản 3)."""
    found = list(aggravating)
    for match in _COUNTED.finditer(words):
        count = _NUMBER_WORDS.get(match.group(1)) or (int(match.group(1)) if match.group(1).isdigit() else 0)
        name = "từ 06 người" if count >= 6 else "nhiều nạn nhân" if count >= 2 else ""
        if name and name not in found:
            found.append(name)
    return found


def understand_question(
    text: str,
    known_documents: list[tuple[str, str, str]],
    *,
    on_date: date | None = None,
    size: int = 10,
    catalogued: set[str] | None = None,
) -> m.Question:
    typed_words = expanded_text(text)
    legal = legal_wording(typed_words)
    # The legal wording is searched and scored with the typed words (one analysis of both).
    parsed = parse_query(" ".join([text, *legal]), known_documents, size=size)
    reference = parsed.intent
    if legal:
        if not has_diacritics(text):
            # Typed without diacritics: only the folded fields judge, as for any such question
            # (the legal words added carry diacritics the user did not type).
            parsed.analysis = parsed.analysis.without_exact()
        reference.text = parsed.text = nfc(text).strip()[: len(reference.text)]
        reference.expanded_terms = [*reference.expanded_terms, *legal]
    words = expanded_text(" ".join([reference.text, *legal]))
    intents = [intent for intent in m.INTENTS[1:-1] if INTENT_CUES[intent].search(words)]
    if reference.is_reference_only or (
        reference.doc_numbers and reference.article_number and not (set(intents) - {m.ENTITLEMENT})
    ):
        intents.insert(0, m.LOOKUP)
    elif reference.doc_numbers and not intents and re.search(r"(?<!\w)(?:noi dung|quy dinh gi|la gi)(?!\w)", words):
        intents.insert(0, m.LOOKUP)
    elif reference.doc_numbers and reference.article_number and LOOKUP_CUES.search(words):
        intents.insert(0, m.LOOKUP)  # "cho xem Điều 11 Nghị định 62/2012 về hồ sơ bảo vệ"
    if m.DETAILING in intents and re.search(r"thay the|sua doi", words) and not re.search(r"huong dan|chi tiet", words):
        intents.remove(m.DETAILING)  # "thay thế thông tư nào": a replacement, asked of the status
    if m.DETAILING in intents and not (reference.doc_numbers or reference.article_number):
        intents.remove(m.DETAILING)  # "văn bản nào" without a named text is an ordinary question
    if m.LEGAL_AID in intents and m.ENTITLEMENT in intents:
        intents.remove(m.ENTITLEMENT)
    intents = intents or [m.GENERAL]
    who = [group for group in m.GROUPS if GROUP_CUES[group].search(words)]
    who = _with_ages(who, words)
    if m.ACCOMPANYING_MINOR in who:
        who = [g for g in who if g not in (m.CHILD_UNDER_16, m.CHILD_UNDER_18)]
    aggravating = [name for name, (cue, _) in AGGRAVATING.items() if cue.search(words)] if m.PENALTY in intents else []
    if m.PENALTY in intents:
        aggravating = _counted_victims(words, aggravating)
    if "từ 06 người" in aggravating and "nhiều nạn nhân" in aggravating:
        aggravating.remove("nhiều nạn nhân")
    if m.PENALTY in intents and not SENTENCE_CUES.search(words):
        aggravating = []
    clause = _CLAUSE_RE.search(words) if reference.article_number else None
    point = _POINT_RE.search(words) if clause else None
    doc_numbers = _by_year(list(reference.doc_numbers), words)
    if catalogued:
        doc_numbers += catalogued_by_title(words, known_documents, catalogued, doc_numbers)
    asked_date = as_of_date(reference.text)
    syllables, bigrams = _scoring_terms(parsed, reference)
    return m.Question(
        text=reference.text,
        folded=words.strip(),
        intent=intents[0],
        intents=intents,
        who=who,
        doc_numbers=doc_numbers,
        article_number=reference.article_number,
        clause_number=clause.group(1) if clause else None,
        point=point.group(1) if point else None,
        as_of=on_date or asked_date,
        as_of_source="parameter" if on_date else ("question" if asked_date else ""),
        aggravating=aggravating,
        reference_only=reference.is_reference_only,
        without_diacritics=not has_diacritics(reference.text),
        expanded_terms=list(reference.expanded_terms),
        syllables=syllables,
        bigrams=bigrams,
        parsed=parsed,
        asks_sentence=bool(SENTENCE_CUES.search(words)),
        asks_duration=bool(DURATION_CUES.search(words)),
        asks_money=bool(MONEY_CUES.search(words)),
        asks_number=bool(HOTLINE_NUMBER_CUES.search(words)),
        asks_definition=asks_definition(words),
        asks_dossier=bool(DOSSIER_CUES.search(words)),
        asks_content=bool(CONTENT_CUES.search(words)),
        unknown_text=_as_typed(reference.text, unknown_named_text(words, doc_numbers, known_documents)),
    )
