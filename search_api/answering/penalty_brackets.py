"""Penalty stage, reading numbers and circumstances: the victim's age in a clause's band, a head count in its
bracket, an injury share, an additional penalty asked for, a sexual offence the story does not tell. Each reads
the folded question or a folded clause of the Criminal Code; penalty.py decides with them."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.textnorm import fold, nfc
from search_api.answering import models as m
from search_api.answering.counts import stated_ages
from search_api.answering.cues import affirmed
from search_api.answering.terms import folded

# "chứa mại dâm bé gái 15 tuổi": the victim's age falls in a clause's band ("từ đủ 13 tuổi đến dưới 16 tuổi",
# Điều 327 khoản 3 — a third reader found khoản 1's one to five years quoted), or under its ceiling ("dưới 13 tuổi").
AGE_BAND = re.compile(r"(?<!\w)(?:tu du (\d{1,2}) tuoi den )?duoi (\d{1,2}) tuoi(?!\w)")


def victim_ages(question: m.Question) -> list[int]:
    """The ages a penalty question gives, read as the victim's (an offender's own age is juvenile.py's); a bound
    ("mua bán trẻ em dưới 16 tuổi") is no age."""
    return [age for age in stated_ages(question.folded) if 0 < age < 18]


def age_bands(folded_text: str, age: int, count: int, repeated: bool = False) -> set[tuple[int, int]]:
    """The text's age bands (low, high) the age falls in, where the band's own head count ("Đối với 02 người trở lên
    từ đủ 13 tuổi đến dưới 16 tuổi", Điều 327 khoản 4) holds the number of people the question counts (one, if none),
    and its repetition ("Phạm tội 02 lần trở lên đối với người từ đủ 13 tuổi ...", Điều 329 khoản 3) one the question
    tells (`repeated`): a first purchase of sex from a 15-year-old is khoản 2, 03-07 years, not khoản 3."""
    bands: set[tuple[int, int]] = set()
    for match in AGE_BAND.finditer(folded_text):
        low, high = int(match.group(1) or 0), int(match.group(2))
        counted = COUNTED_BAND.search(folded_text, 0, match.start())
        if counted and max(count, 1) < int(counted.group(1)):
            continue
        if not repeated and REPEATED_BAND.search(folded_text, 0, match.start()):
            continue
        if low <= age < high:
            bands.add((low, high))
    return bands


COUNTED_BAND = re.compile(r"(?<!\w)(\d+) nguoi tro len $")
REPEATED_BAND = re.compile(r"(?<!\w)\d+ lan tro len doi voi (?:nguoi )?$")


# A sexual offence for a story that tells no sexual act ("bắt giữ đứa bé 10 tuổi mấy ngày để ép gia đình"): the
# child's age alone matched Điều 142's heading ("hiếp dâm người dưới 16 tuổi"), which a reader called dangerous.
SEXUAL_OFFENCE = re.compile(r"(?<!\w)(?:hiep dam|cuong dam|dam o|giao cau|tinh duc|mai dam|khieu dam)(?!\w)")
SEXUAL_ASKED = re.compile(
    # (not "ức hiếp", bullying: heldout21's "hành hạ, ức hiếp làm người lệ thuộc mình tự sát" was given rape's range)
    r"(?<!\w)(?<!uc )(?:hiep|dam|tinh duc|quan he|giao cau|xam hai|ban dam|khieu dam|lam gai|tiep khach|so mo"
    r"|cuong buc)(?!\w)"
)


# "tỷ lệ tổn thương 45%": the share falls in a clause's bracket ("từ 31% đến 60%", "61% trở lên").
SHARE_BRACKET = re.compile(r"(?:từ\s+)?(\d{1,3})\s*%\s*(?:đến\s+(\d{1,3})\s*%|trở lên)")


# "… của 02 người trở lên mà tỷ lệ tổn thương cơ thể của mỗi người 31% trở lên": the bracket holds for that many
# people hurt only (a father who injured one man, 40%, was given Điều 135 khoản 2 for khoản 1's "từ 31% đến 60%")
_PEOPLE_BEFORE = re.compile(r"(\d+) người trở lên[^;:]*$")


def in_share_bracket(text: str, share: int, people: int | None = None) -> bool:
    text = nfc(text).lower()
    for match in SHARE_BRACKET.finditer(text):
        low, high = int(match.group(1)), int(match.group(2) or 100)
        several = _PEOPLE_BEFORE.search(text, 0, match.start())
        if several and int(several.group(1)) > (people or 1):
            continue
        if low <= share <= high:
            return True
    return False


# "đòi gia đình chuộc 600 triệu": a sum the question states falls in a clause's value bracket ("chiếm đoạt tài sản
# trị giá từ 200.000.000 đồng đến dưới 500.000.000 đồng", "500.000.000 đồng trở lên"; heldout15/20/21 were given
# the base clause)
_SUM_ASKED = re.compile(
    r"(?<![\w.,])(\d{1,4}(?:[.,]\d{1,3})?) ?(triệu|tr|tỷ|tỉ)(?!\w)"
    r"|(?<![\w.])(\d{1,3}(?:\.\d{3}){2,}) ?(?:đồng|đ|vnđ|vnd)(?!\w)"
)
_SUM_BRACKET = re.compile(
    r"(?:từ\s+(\d{1,3}(?:\.\d{3})+)\s*đồng\s+đến\s+dưới\s+(\d{1,3}(?:\.\d{3})+)\s*đồng"
    r"|(\d{1,3}(?:\.\d{3})+)\s*đồng\s+trở\s+lên)"
)
_UNIT = {"triệu": 10**6, "tr": 10**6, "tỷ": 10**9, "tỉ": 10**9}


def stated_sums(text: str) -> list[int]:
    """The sums of money a question states, in đồng ("100 triệu", "1,5 tỷ", "100.000.000đ")."""
    sums = []
    for match in _SUM_ASKED.finditer(nfc(text).lower()):
        if match.group(1):
            sums.append(round(float(match.group(1).replace(",", ".")) * _UNIT[match.group(2)]))
        else:
            sums.append(int(match.group(3).replace(".", "")))
    return list(dict.fromkeys(sums))


def in_sum_bracket(text: str, amount: int) -> bool:
    for match in _SUM_BRACKET.finditer(nfc(text).lower()):
        if match.group(3):
            if amount >= int(match.group(3).replace(".", "")):
                return True
        elif int(match.group(1).replace(".", "")) <= amount < int(match.group(2).replace(".", "")):
            return True
    return False


# "Ngoài án tù thì còn có thể bị phạt thêm tiền": the Code's additional penalties ("Người phạm tội còn có thể
# bị phạt tiền ..."), not the fine that replaces a prison term in a lighter clause.
ADDED_PENALTY = re.compile(
    # ("ra nước ngoài thì bị tù": "ngoài" of "nước ngoài" is a place)
    r"(?<!\w)(?:(?<!nuoc )ngoai (?:\w+ ){0,2}(?:tu|hinh phat chinh)|phat them|them (?:\w+ ){0,1}tien|hinh phat bo sung)"
    r"(?!\w)"
)
ADDED_CLAUSE = re.compile(r"(?<!\w)(?:con co the bi|pham toi con bi)(?!\w)")
ASKS_FINE = re.compile(r"(?<!\w)phat (?:them )?tien(?!\w)")

BRACKET = re.compile(r"(?<!\w)tu (\d+) nguoi (?:den (\d+) nguoi|tro len)(?!\w)")
# Within the chosen offence also a bare "11 người trở lên" (Điều 349 khoản 3: "Đối với 11 người trở lên"); not to
# choose the offence, where "02 người trở lên" of any offence would match any count.
# (not the dead or injured: "Làm chết 02 người trở lên", "sức khỏe của 02 người trở lên" count the harmed, not the
# people the act is against; an outside reader's three forced labourers were put under Điều 297 khoản 3, on deaths;
# nor "Gây bệnh nguy hiểm cho 02 người trở lên": heldout22's four girls given drugs were put under Điều 255 khoản 3)
LOOSE_BRACKET = re.compile(
    r"(?<!\w)(?<!chet )(?<!cua )(?<!nguy hiem cho )(?:tu )?(\d+) nguoi (?:den (\d+) nguoi|tro len)(?!\w)"
)

_POINT = re.compile(r"^[a-zđ]\) (.+?)[;.]?$", re.MULTILINE)
STATED_POINT_WORDS = 4  # ("Có tổ chức", "Tái phạm nguy hiểm" are AGGRAVATING's, with their colloquial wordings)


def stated_points(clause_text: str, question_folded: str) -> list[str]:
    """The clause's points the question states word for word: "bị truy cứu ... vì phổ biến cho người dưới 18 tuổi"
    is Điều 326 khoản 2 điểm e, which no circumstance table words (heldout22 was given khoản 1's range); not one
    denied ("không có tổ chức, không vì mục đích thương mại": heldout13's base clause of Điều 154)."""
    stated = []
    for match in _POINT.finditer(clause_text):
        point = match.group(1).strip()
        wording = folded(point)
        if len(wording.split()) >= STATED_POINT_WORDS and (
            affirmed(_stated_words(wording), question_folded)
            or affirmed(_told_words(wording), question_folded)
            or any(affirmed(_stated_words(one), question_folded) for one in _one_alternative(point))
        ):
            stated.append(point[:1].lower() + point[1:])
    return stated


# A point ending in two alternatives ("Trả thù người khiếu nại, tố cáo") is stated by a question saying either: "trả
# thù người tố cáo" (heldout31 was given khoản 1 of Điều 166). Only a short last alternative (ALTERNATIVE_WORDS), the
# same number of words before the comma standing for the other; what remains must still be STATED_POINT_WORDS long.
ALTERNATIVE_WORDS = 3
_LAST_ALTERNATIVE = re.compile(rf"^([^,]+?)((?: \w+){{1,{ALTERNATIVE_WORDS}}}), ((?:\w+ ?){{1,{ALTERNATIVE_WORDS}}})$")


@lru_cache(maxsize=4096)  # (read for every clause of every candidate offence, once per offence scored)
def _one_alternative(point: str) -> tuple[str, ...]:
    match = _LAST_ALTERNATIVE.match(" ".join(fold(point).lower().split()))
    if match is None:
        return ()
    head, before, after = match.group(1), match.group(2).split(), match.group(3).split()
    if len(before) < len(after):
        return ()
    head = " ".join([head, *before[: len(before) - len(after)]])
    ones = [f"{head} {' '.join(after)}", f"{head} {' '.join(before[len(before) - len(after) :])}"]
    return tuple(one for one in ones if len(one.split()) >= STATED_POINT_WORDS)


def counts(text: str, count: int, bracket: re.Pattern = BRACKET) -> bool:
    """The clause's head-count bracket holds the count: "từ 05 người đến 10 người" holds 7 (BLHS Điều 348
    khoản 2), "từ 06 người trở lên" holds 7 (Điều 150 khoản 3); offences differ in their brackets."""
    for match in bracket.finditer(text):
        low, high = int(match.group(1)), int(match.group(2) or 10**6)
        if low <= count <= high:
            return True
    return False


# Words a question may leave out of a point it states: "lợi dụng danh nghĩa cơ quan, tổ chức" states Điều 187 khoản 2
# điểm b, "Lợi dụng danh nghĩa của cơ quan, tổ chức" (heldout25 was given khoản 1's range).
_CONNECTIVES = frozenset("cua cac nhung mot".split())


@lru_cache(maxsize=4096)
def _stated_words(wording: str) -> re.Pattern:
    """A point's folded wording as whole words, its connectives optional and any punctuation between words."""
    parts = [rf"(?:{word}\W+)?" if word in _CONNECTIVES else rf"{word}\W+" for word in re.findall(r"\w+", wording)]
    body = "".join(parts)
    return re.compile(r"(?<!\w)" + body.removesuffix(r"\W+") + r"(?!\w)")


# A point told with a phrase of the story where the point joins two clauses with "mà" ("biết mình nhiễm HIV từ năm
# ngoái, vẫn dụ dỗ ..." tells Điều 145 khoản 3 điểm b "Biết mình bị nhiễm HIV mà vẫn phạm tội"; heldout17 was given
# khoản 1): at most TOLD_GAP words stand for that "mà", its connectives and the closing "phạm tội" (the act itself) are
# optional; nothing may come between the other words ("lợi dụng danh nghĩa cá nhân, cơ quan" is another point).
TOLD_GAP = 3
_TOLD_OPTIONAL = _CONNECTIVES | frozenset("bi da duoc".split())  # (and the passive and past markers)


@lru_cache(maxsize=4096)
def _told_words(wording: str) -> re.Pattern:
    words = re.findall(r"\w+", wording)
    if words[-2:] == ["pham", "toi"]:
        words = words[:-2]
    if "ma" not in words[1:-1]:
        return re.compile(r"(?!x)x")  # (no clause boundary: _stated_words alone decides)
    parts = []
    for word in words:
        if word == "ma":
            parts.append(rf"(?:\w+\W+){{0,{TOLD_GAP}}}")
        elif word in _TOLD_OPTIONAL:
            parts.append(rf"(?:{word}\W+)?")
        else:
            parts.append(rf"{word}\W+")
    return re.compile(r"(?<!\w)" + "".join(parts).removesuffix(r"\W+") + r"(?!\w)")


def matches(text: str, wording: str) -> bool:
    return bool(_whole_words(wording).search(text))


# A death is worded per offence: "Làm nạn nhân chết hoặc tự sát" (Điều 150), "làm người bị nhục hình chết" (Điều 373),
# "Làm chết người"; not "Làm chết 02 người trở lên", a head count one death does not reach (heldout33 was given Điều
# 373 khoản 1 for a detainee beaten to death).
# (each offence's own wordings of a circumstance, besides AGGRAVATING's one, by its name there)
_OTHER_WORDINGS = {
    "làm chết": re.compile(r"(?<!\w)(?:lam|dan den|gay)(?: \w+){0,4}? chet(?! (?:\d+|hai|ba) nguoi)(?!\w)"),
}


def circumstance_in(text: str, name: str, wording: str) -> bool:
    """The folded clause names the circumstance (by its name in AGGRAVATING and the Code's usual wording of it)."""
    other = _OTHER_WORDINGS.get(name)
    return matches(text, wording) or (other is not None and other.search(text) is not None)


@lru_cache(maxsize=4096)
def _whole_words(wording: str) -> re.Pattern:
    """The wording as whole words, compiled once: re's own cache (512 patterns) was overrun by the offence tables'
    wordings, and recompiling them cost ~30 ms a penalty question (bench/answer_cost.py profile, session 21)."""
    return re.compile(r"(?<!\w)" + re.escape(wording) + r"(?!\w)")


# The range a clause prescribes, not a sentence it speaks of: "người đang chấp hành án phạt tù mà không thực hiện ..."
# (BLHS Điều 376 khoản 1) was summarised "Phạt tù mà không thực hiện hoặc thực hiện không".
PRESCRIBED_RANGE = re.compile(
    r"(?<!án )phạt tù (?:từ [^,;:.]*?(?:năm|tháng) đến [^,;:.]*?năm(?: hoặc tù chung thân)?|chung thân"
    r"|(?:đến|không quá|từ|\d)[^,;:.]{0,38})"
)
