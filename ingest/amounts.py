"""Sums, rates, durations and counts as written in Vietnamese support regimes.

"Mức hỗ trợ tối thiểu 30.000 đồng/người/ngày", "tối đa không quá 60 (sáu mươi) ngày",
"0,38 mức lương cơ sở/01 buổi làm việc", "bằng 40% mức thù lao ...": each becomes an
`Amount` with its value, unit, the "per" chain after the slashes, and whether the text
sets a ceiling (tối đa, không quá) or a floor (tối thiểu, không thấp hơn). A legal-aid
worker must not read a floor as the amount paid, hence the two flags.

Every number followed by a unit is scanned once and then sorted by its context:
  * amount    - what is granted, paid or required ("40.000 đồng/người/ngày", "02 bộ")
  * deadline  - a procedural time limit ("trong thời hạn 03 ngày làm việc, kể từ ...")
  * condition - a threshold that decides eligibility ("dạy nghề dưới 3 tháng",
                "tỷ lệ tổn thương từ 11% đến 30%", "02 lần trở lên"); dropped.
Pure regex, compiled once: it runs over every clause of every article at ingest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any

# 1.000.000 (dots group thousands), 0,38 (comma is the decimal mark), 60, 05.
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?:,\d+)?"
# The number again in words, "(sáu mươi)": part of the quoted span, not re-read.
_IN_WORDS = r"(?:\s*\((?:[^()\d\n]{1,40})\))?"
# Longest first, so "ngày làm việc" wins over "ngày" and "mức lương cơ sở" over nothing.
_UNITS = (
    "mức lương cơ sở",
    "mức lương tối thiểu",
    "ngày làm việc",
    "buổi làm việc",
    "đồng",
    "ngày",
    "tháng",
    "năm",
    "lần",
    "giờ",
    "buổi",
    "bộ",
    "%",
)
# "02 người/Trung tâm/năm" is a quota; a bare "02 người" is usually a condition or a headcount.
# "bộ" counts sets ("02 (hai) bộ quần áo") only in lower case and never before "luật": "Bộ" starts the
# name of a ministry or a code ("khoản 2 Điều 343 Bộ luật Tố tụng dân sự" in Án lệ 43/2021/AL was read
# as 343 sets).
_UNIT = "|".join(re.escape(u) for u in _UNITS if u != "bộ") + r"|người(?=\s*/)|(?-i:bộ)(?!\s+luật)"

# "300 nghìn đồng/vụ việc", "1,5 triệu đồng": a sum written with a word for its scale.
_SCALES = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000}
_SCALE = r"(?:\s*(?P<{name}>nghìn|ngàn|triệu|tỷ)(?=\s*(?:{then})))?"
_QUANTITY_RE = re.compile(
    rf"(?<![\w.,/])(?:(?P<low>{_NUMBER}){_SCALE.format(name='low_scale', then='-|–|đến')}{_IN_WORDS}\s*(?:-|–|đến)\s*)?"
    rf"(?P<number>{_NUMBER})(?![\d/]){_SCALE.format(name='scale', then='đồng')}{_IN_WORDS}\s*(?P<unit>{_UNIT})(?!\w)",
    re.IGNORECASE,
)
# "một lần", "hai lần": the one quantity the texts write in words only.
_WORD_COUNT_RE = re.compile(r"(?<!\w)(?P<number>một|hai|ba)\s+(?P<unit>lần)(?!\w)", re.IGNORECASE)
_WORD_VALUES = {"một": 1, "hai": 2, "ba": 3}

# "/người/ngày", "/01 hồ sơ", "/người được tư vấn/lần tư vấn", "/cán bộ/tháng".
_PER_STOP = r"(?=\s*(?:/|[,;:.()\n]|$)|\s+(?:nhưng|và|hoặc|trong|tối|không|đối|theo|kể|tại|cho|khi|để|là|từ)(?!\w))"
_PER_SEGMENT_RE = re.compile(rf"\s*/\s*(?:0?1\s+)?((?:\d+\s+)?[^\W\d_][^/;:,.()\n]*?){_PER_STOP}")
# What a percentage is a share of: "bằng 40% mức thù lao", "05% tổng thời lượng phát sóng".
_BASE_RE = re.compile(
    r"\s*((?:mức|tổng)\s[^,;:.()\n]{1,60}?)(?=\s*(?:[,;:.()\n]|$)|\s+(?:quy định|áp dụng|đối với|"
    r"cho|khi|nhưng|và|hoặc|của|thì|trong|tại)(?!\w))"
)

_TIME_UNITS = frozenset({"ngày", "ngày làm việc", "tháng", "năm", "giờ"})
MONEY_UNITS = frozenset({"đồng", "%", "mức lương cơ sở", "mức lương tối thiểu"})
# A time limit on a procedure rather than a length of support.
_DEADLINE_BEFORE_RE = re.compile(
    r"(?:thời hạn|chậm nhất|trong vòng|định kỳ|trước khi|trước ngày|sau khi|"
    r"hiệu lực|(?<!\w)sau|(?<!\w)trước|ít nhất là"
    # "thời hạn xác minh có thể kéo dài nhưng không quá 02 tháng": an extended time limit.
    r"|kéo dài|gia hạn)(?:\s+\S+){0,6}\s*$"
    # "Trước ngày nạn nhân dự kiến nhập cảnh ít nhất 03 (ba) ngày": a notice period, however long the event.
    r"|(?<!\w)(?:trước|sau)\s+(?:ngày|khi|thời điểm)\b[^.;:\n]{0,80}$",
    re.IGNORECASE,
)
_DEADLINE_AFTER_RE = re.compile(
    r"\s*(?:làm việc)?\s*,?\s*(?:kể từ|tính từ|từ khi|từ ngày|từ thời điểm|trước khi|trước ngày|sau khi|liên tục)",
    re.IGNORECASE,
)
# Thresholds that select who qualifies rather than what they get.
_CONDITION_BEFORE_RE = re.compile(
    r"(?:(?<!không )(?<!\w)(?:dưới|trên|vượt quá|thấp hơn|cao hơn)\s*$|"
    r"(?:tổn thương|(?:mà|nếu|khi) tỷ lệ)[^.;\n]{0,60}$)",
    re.IGNORECASE,
)
# ("01 bộ hồ sơ" counts papers to file, not a benefit.)
_CONDITION_AFTER_RE = re.compile(r"\s*(?:\S+\s+)?trở lên|\s*(?:bộ\s+)?hồ sơ", re.IGNORECASE)
# Dates written out ("ngày 27 tháng 12 năm 2008", "tháng 7 năm 2013") are not quantities.
_LONG_DATE_RE = re.compile(
    r"(?:ngày\s+\d{1,2}\s+)?tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|(?:ngày|tháng)\s+\d{1,2}\s+năm\s+\d{4}", re.IGNORECASE
)
# A number that names an article, clause, chapter or a document ("Điều 343", "khoản 2", "các điều 168, 323,
# 689", "Quyết định 343", "số 24") is a reference, never a quantity, whatever word follows it.
_REFERENCE_BEFORE_RE = re.compile(
    r"(?<!\w)(?:điều|khoản|điểm|chương|mục|phần|số|luật|nghị định|nghị quyết|quyết định|thông tư|chỉ thị"
    r"|công văn|pháp lệnh)\s+(?:\d+[a-zđ]?\s*(?:,|và|hoặc)\s*)*$",
    re.IGNORECASE,
)
# A worked example ("Ví dụ 01: ... 130% x 23 buổi = 29,9 buổi") illustrates the rule above it.
_EXAMPLE_LINE_RE = re.compile(r"^\s*Ví dụ\b[^\n]*", re.IGNORECASE | re.MULTILINE)

_CAP_RE = re.compile(
    r"(?:tối đa|không quá|không vượt quá|không được vượt quá|(?<!\w)đến|(?<!\w)tới)(?=(?:\s+\S+){0,3}\s*$)"
    r"|tối đa(?=[^,;:.]{0,60}\s(?:là|bằng)\s*$)",
    re.IGNORECASE,
)
_FLOOR_RE = re.compile(
    r"(?:tối thiểu|ít nhất|không thấp hơn|không dưới|(?<!\w)từ)(?=(?:\s+\S+){0,2}\s*$)", re.IGNORECASE
)
# The context of a number ends at the previous sentence or enumeration boundary.
_FRAGMENT_START_RE = re.compile(r".*(?:[.;:]\s|\n|^)", re.DOTALL)


@dataclass
class Amount:
    value: int | float  # in đồng, or a count of the unit (days, times, sets, percent points)
    unit: str  # "đồng", "ngày", "ngày làm việc", "buổi làm việc", "tháng", "năm", "lần", "%", "mức lương cơ sở", ...
    per: str = ""  # "người/ngày", "hồ sơ", "cán bộ/tháng"
    cap: bool = False  # a ceiling: tối đa, không quá, the upper end of a range
    floor: bool = False  # a floor: tối thiểu, không thấp hơn, the lower end of a range
    base: str = ""  # what a percentage refers to: "mức thù lao áp dụng đối với luật sư"
    text: str = ""  # the exact span quoted from the clause
    start: int = 0  # character offset of `text` in the scanned clause
    of: str = ""  # what a count of sets or times is of: "quần áo dài" (02 bộ), "chi phí học nghề" (một lần)

    @property
    def category(self) -> str:
        """money (đồng, %, mức lương), duration (how long support lasts), or count (times, sets, quotas);
        procedural time limits are not Amounts of a provision but its deadlines."""
        if self.unit in MONEY_UNITS:
            return "money"
        if self.unit in _TIME_UNITS:
            return "duration"
        return "count"

    @property
    def label(self) -> str:
        """The span as a reader must see it: 'tối thiểu 30.000 đồng/người/ngày', 'tối đa 60 (sáu mươi) ngày',
        '02 (hai) bộ quần áo dài'. The quoted span alone drops the words before it, and a floor read as the sum
        paid (or two sets of different clothes read as one) misleads the person claiming it."""
        bound = "tối thiểu " if self.floor and not self.cap else "tối đa " if self.cap and not self.floor else ""
        return f"{bound}{self.text} {self.of}".strip()

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "category": self.category, "label": self.label}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Amount:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


CATEGORY_LABELS = {"money": "Mức tiền", "duration": "Thời gian", "count": "Số lượng"}


def amount_groups(amounts: list[Amount]) -> list[dict[str, Any]]:
    """[{'category', 'label', 'items'}]: money, durations and counts apart (in that order), each shown with its
    cap or floor and once; the two ends of a range ('từ 300 nghìn đến 1,5 triệu đồng/vụ việc') as one item."""
    items: dict[str, list[str]] = {}
    index = 0
    while index < len(amounts):
        amount, following = amounts[index], amounts[index + 1] if index + 1 < len(amounts) else None
        # scan_quantities writes a range's lower end without its unit, as a floor, just before the upper end.
        if (
            following
            and amount.floor
            and following.cap
            and amount.unit == following.unit
            and amount.per == following.per
        ):
            shown, index = f"từ {amount.text} đến {following.text}", index + 2
        else:
            shown, index = amount.label, index + 1
        group = items.setdefault(amount.category, [])
        if shown not in group:
            group.append(shown)
    return [
        {"category": category, "label": label, "items": items[category]}
        for category, label in CATEGORY_LABELS.items()
        if category in items
    ]


def parse_number(text: str) -> int | float:
    """'1.000.000' -> 1000000, '0,38' -> 0.38, '05' -> 5."""
    if "," in text:
        return float(text.replace(".", "").replace(",", "."))
    return int(text.replace(".", ""))


# (a character set would also eat the "n" of "500 nghìn đến")
_LOW_END_RE = re.compile(r"\s*(?:-|–|đến)\s*$")


def _scaled(number: str, scale: str | None) -> int | float:
    """'300' 'nghìn' -> 300000; '1,5' 'triệu' -> 1500000 (a whole number of đồng stays an int)."""
    value = parse_number(number)
    if not scale:
        return value
    scaled = value * _SCALES[scale.lower()]
    return int(scaled) if float(scaled).is_integer() else scaled


# What sets or times are of: a few words after the unit, up to punctuation or the next phrase ("02 (hai) bộ quần
# áo dài, ...", "một lần tiền trợ cấp khó khăn ban đầu đối với ..."); only for counts without a "per" chain.
_OF_UNITS = frozenset({"bộ", "lần"})
_OF_STOP = (
    r"đối với|đối|cho|khi|theo|tại|trong|nhưng|và|hoặc|của|để|từ|là|được|với|nếu|thì|trước|sau|về|mỗi|một|sử dụng"
)
_OF_RE = re.compile(
    rf"\s+(?!(?:{_OF_STOP})(?!\w))((?:[^\W\d_]+\s+){{0,7}}?[^\W\d_]+)"
    rf"(?=\s*(?:[,;:.()\n]|$)|\s+(?:{_OF_STOP}|mức)(?!\w))",
    re.IGNORECASE,
)


def _of(text: str, unit: str, end: int) -> str:
    match = _OF_RE.match(text, end) if unit.lower() in _OF_UNITS else None
    return match.group(1) if match else ""


def _fragment_before(text: str, start: int, width: int = 80) -> str:
    window = text[max(0, start - width) : start]
    boundary = _FRAGMENT_START_RE.match(window)
    return window[boundary.end() :] if boundary else window


def _per_chain(text: str, end: int) -> tuple[str, int]:
    parts: list[str] = []
    while len(parts) < 4:
        match = _PER_SEGMENT_RE.match(text, end)
        if not match:
            break
        parts.append(match.group(1).strip())
        end = match.end()
    return "/".join(parts), end


def _bound(before: str) -> tuple[bool, bool]:
    """(cap, floor) from the words just before a number; the nearer wording wins."""
    caps = [m.start() for m in _CAP_RE.finditer(before)]
    floors = [m.start() for m in _FLOOR_RE.finditer(before)]
    if caps and (not floors or caps[-1] > floors[-1]):
        return True, False
    return False, bool(floors)


def _role(text: str, unit: str, start: int, end: int, before: str) -> str:
    after = text[end : end + 40]
    if _CONDITION_BEFORE_RE.search(before) or _CONDITION_AFTER_RE.match(after):
        return "condition"
    if unit.lower() in _TIME_UNITS and (_DEADLINE_BEFORE_RE.search(before) or _DEADLINE_AFTER_RE.match(after)):
        return "deadline"
    return "amount"


def scan_quantities(text: str) -> Iterator[tuple[str, Amount]]:
    """Every (role, Amount) in text, in reading order; role is amount | deadline | condition."""
    found: list[tuple[int, str, Amount]] = []
    ignored = [(m.start(), m.end()) for regex in (_LONG_DATE_RE, _EXAMPLE_LINE_RE) for m in regex.finditer(text)]
    for match in _QUANTITY_RE.finditer(text):
        if any(s <= match.start("number") < e for s, e in ignored):
            continue
        if _REFERENCE_BEFORE_RE.search(text, max(0, match.start() - 120), match.start()):
            continue
        unit = match.group("unit").lower()
        number_start = match.start("number")
        end = match.end()
        per, end_with_per = _per_chain(text, end)
        base = ""
        if unit == "%":
            base_match = _BASE_RE.match(text, end)
            if base_match:
                base = base_match.group(1).strip()
                end_with_per = base_match.end()
        before = _fragment_before(text, match.start())
        role = _role(text, unit, match.start(), end, before)
        if match.group("low"):
            # "0,08 - 0,15 mức lương cơ sở": the lower end shares the unit written once.
            low_end = match.start("number")
            found.append(
                (
                    match.start(),
                    role,
                    Amount(
                        _scaled(match.group("low"), match.group("low_scale") or match.group("scale")),
                        unit,
                        per,
                        False,
                        True,
                        base,
                        _LOW_END_RE.sub("", text[match.start() : low_end]),
                        match.start(),
                    ),
                )
            )
            cap, floor = True, False
        else:
            cap, floor = _bound(before)
        found.append(
            (
                number_start,
                role,
                Amount(
                    _scaled(match.group("number"), match.group("scale")),
                    unit,
                    per,
                    cap,
                    floor,
                    base,
                    text[number_start:end_with_per].strip(),
                    number_start,
                    "" if per else _of(text, unit, end),
                ),
            )
        )
    taken = [(m.start(), m.end()) for m in _QUANTITY_RE.finditer(text)]
    for match in _WORD_COUNT_RE.finditer(text):
        if any(s <= match.start() < e for s, e in taken + ignored):
            continue
        before = _fragment_before(text, match.start())
        role = _role(text, "lần", match.start(), match.end(), before)
        cap, floor = _bound(before)
        found.append(
            (
                match.start(),
                role,
                Amount(
                    _WORD_VALUES[match.group("number").lower()],
                    "lần",
                    cap=cap,
                    floor=floor,
                    text=match.group(0),
                    start=match.start(),
                    of=_of(text, "lần", match.end()),
                ),
            )
        )
    for _, role, amount in sorted(found, key=lambda item: item[0]):
        yield role, amount


def extract_amounts(text: str) -> list[Amount]:
    """What a clause grants, pays or requires, with caps and floors; no deadlines, no thresholds."""
    return [amount for role, amount in scan_quantities(text) if role == "amount"]


def extract_deadlines(text: str) -> list[Amount]:
    """Procedural time limits ("trong thời hạn 05 (năm) ngày làm việc, kể từ ...")."""
    return [amount for role, amount in scan_quantities(text) if role == "deadline"]
