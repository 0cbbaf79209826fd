"""Numbers a question states: the ages of the people it speaks of, how many people it counts, and its
percentages (which count nobody). Read on the folded question by understand_question and the penalty stage."""

from __future__ import annotations

import re

from search_api.answering import models as m
from search_api.answering.cues import _cues

# "tỷ lệ tổn thương 45%": a share, in the question as typed (folding drops the "%")
SHARE_RE = re.compile(r"(\d{1,3})\s*%")

_AGE_RE = re.compile(r"(?<!\w)(\d{1,2}) tuoi(?!\w)")
# "nạn nhân từ 16 tuổi trở lên", "trên 16 tuổi", "từ đủ 16 tuổi": the person is no longer a child
# under 16 — what separates "Tội mua bán người" (Điều 150) from its "dưới 16 tuổi" twin (Điều 151).
_AGED_16_OR_OVER = _cues(
    r"(?:tu |tren |du |tu du )(?:16|muoi sau) tuoi(?: tro len)?",
    r"(?:16|muoi sau) tuoi tro len",
    r"da thanh nien",
    r"nguoi (?:lon|truong thanh)",
)


def stated_ages(words: str) -> list[int]:
    """The ages a folded question gives ("em gái 15 tuổi"), not its bounds ("dưới 16 tuổi", "từ đủ 16 tuổi")."""
    return [
        int(match.group(1))
        for match in _AGE_RE.finditer(words)
        if not words[: match.start()].rstrip().endswith(("duoi", "tren", "tu", "du"))
    ]


def aged_16_or_over(words: str) -> bool:
    """Whether a folded question says the person is 16 or older (a bound, or an age such as "17 tuổi")."""
    if _AGED_16_OR_OVER.search(words.replace("chua thanh nien", "")):
        return True
    return any(age >= 16 for age in stated_ages(words))


def _with_ages(who: list[str], words: str) -> list[str]:
    """ "Em gái 15 tuổi", "cháu 17 tuổi": an age under 16 is a child (Luật Trẻ em, Điều 1), under 18 a
    minor (Bộ luật Dân sự); "dưới 16 tuổi" is matched by the group cues themselves."""
    groups = set(who)
    ages = stated_ages(words)  # ("dưới 16 tuổi", "từ đủ 16 tuổi": a bound, read by the group cues)
    for age in ages:
        if age < 16:
            groups.add(m.CHILD_UNDER_16)
        elif age < 18:
            groups.add(m.CHILD_UNDER_18)
    if ages and min(ages) >= 16 and not re.search(r"(?<!\w)duoi (?:16|muoi sau)(?!\w)", words):
        # "bé gái 17 tuổi": the everyday word says child, the age says she is past 16 — not Điều 151's
        # "người dưới 16 tuổi", nor the Law on Children's "trẻ em"
        groups.discard(m.CHILD_UNDER_16)
    return [g for g in m.GROUPS if g in groups]


_NUMBER_WORDS = {"hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_NUMBER = rf"(\d{{1,3}}|{'|'.join(_NUMBER_WORDS)})"


def _number(said: str) -> int:
    return _NUMBER_WORDS.get(said) or (int(said) if said.isdigit() else 0)


# ("một nhóm 4 người phân công rõ ràng ... bán một bé gái": the offenders, not four victims — outside reader 10)
_COUNTED = re.compile(
    # (not "phạt tù bao nhiêu năm, có bị ...": folded, "năm có" reads "five women"; a number asked is no count)
    # (nor "ở Việt Nam người nước ngoài ...": folded, "Nam người" reads "five people"; heldout18 got 2-5 victims' range)
    r"(?<!\w)(?<!nhom )(?<!bang )(?<!bon )(?<!toan )(?<!gom )(?<!nhieu )(?<!may )"
    r"(?<!viet )(?<!mien )(?<!phia )(?<!quang )(?<!ha )"
    rf"{_NUMBER} (?:nguoi|nan nhan|co gai|phu nu|tre em|chau|be|em"
    r"|thanh nien|lao dong|nguoi lao dong|chi em|chi|co|dua tre|dua be|thieu nu|nu sinh|hoc sinh|con gai)(?!\w)"
)


# "để 3 bị can trốn ra ngoài": the escape offences' brackets count those who escape ("Để từ 02 người đến 05 người bỏ
# trốn", BLHS Điều 376); elsewhere a number of defendants counts offenders, never victims ("hai bị cáo cùng bán ...")
_ESCAPED = re.compile(
    rf"(?<!\w){_NUMBER} (?:bi can|bi cao|pham nhan|tu nhan|can pham"
    r"|nguoi bi (?:tam giam|tam giu|bat))(?!\w)(?=.*(?<!\w)(?:tron|bo tron|vuot nguc)(?!\w))"
)


def head_count(words: str) -> int:
    """The largest number of people the folded question counts ("đưa 7 người", "bán ba cô gái", "để 3 bị can
    trốn"), or 0."""
    counts = [_number(match.group(1)) for pattern in (_COUNTED, _ESCAPED) for match in pattern.finditer(words)]
    return max(counts, default=0)


def _without_shares(words: str, text: str) -> str:
    """The folded question with its percentages ("tỷ lệ tổn thương 45%", folded "45") spelt "phan tram", so
    that "45%. Cô ấy ..." counts no 45 women."""
    shares = set(SHARE_RE.findall(text))
    if not shares:
        return words
    return re.sub(r"(?<!\w)(?:" + "|".join(sorted(shares)) + r")(?!\w)", "phan tram", words)


def _counted_victims(words: str, aggravating: list[str]) -> list[str]:
    """ "bán 7 cô gái", "3 nạn nhân": the Code's brackets are by head count — 02 to 05 people
    (khoản 2), 06 or more (khoản 3)."""
    found = list(aggravating)
    for match in _COUNTED.finditer(words):
        count = _number(match.group(1))
        name = "từ 06 người" if count >= 6 else "nhiều nạn nhân" if count >= 2 else ""
        if name and name not in found:
            found.append(name)
    return found


# The prison sentence a question tells was passed: "8 năm tù", "phạt tù 3 năm", "kết án 18 tháng tù", "tuyên phạt 5
# năm", "mức án 9 năm", "tù chung thân" (the expungement and enforcement-period rules grade it)
_TERM_TOLD = re.compile(
    r"(?<!\w)(?:(\d+) (nam|thang) tu|tu (\d+) (nam|thang)|ket an (\d+) (nam|thang)"
    r"|(?:an|xu|tuyen|phat) (?:\w+ ){0,2}?(\d{1,2}) (nam|thang))(?!\w)"
)
_LIFE_OR_DEATH_TOLD = re.compile(r"(?<!\w)(?:chung than|tu hinh)(?!\w)")


def prison_term_told(words: str) -> tuple[float | None, str] | None:
    """The prison term a folded question says was passed, in years (None: life imprisonment or death), with its words
    as said; None when it tells none."""
    if _LIFE_OR_DEATH_TOLD.search(words):
        return None, "tù chung thân hoặc tử hình"
    told = _TERM_TOLD.search(words)
    if told is None:
        return None
    number, unit = (group for group in told.groups() if group)  # (one alternative's pair matched)
    return int(number) / (12 if unit == "thang" else 1), f"{number} {'tháng' if unit == 'thang' else 'năm'} tù"
