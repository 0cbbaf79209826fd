"""Check stage: a figure asked that no leading quote states.

"Hồ sơ bảo vệ phải lưu trữ trong bao nhiêu năm", "mỗi tháng trợ cấp cụ thể bao nhiêu tiền": the clauses on the
subject are found, but none of the three leading quotes states a period, or a sum, at all. The decline says so apart
from a miss (the figure is what the collection may lack), after the more specific gaps of check.lacking.
"""

from __future__ import annotations

import re

from search_api.answering import models as m
from search_api.answering.cues import DURATION_CUES
from search_api.answering.terms import folded

# A period stated in words ("ngay", "kịp thời", "trong thời gian ...") answers "bao lâu" as a number of days does.
# ("bao lâu một lần": a frequency, "hàng năm", "định kỳ", "mỗi quý", answers it; heldout19 was declined on 11/2014
# Điều 7)
_PERIOD_IN_WORDS = re.compile(
    r"(?<!\w)(?:ngay|kip thoi|thoi gian|thoi han|thoi hieu|hang (?:nam|thang|quy|tuan|ngay)|dinh ky"
    r"|moi (?:nam|thang|quy|tuan))(?!\w)"
)
_PERIOD = re.compile(r"\d+\s*(?:\([^)]*\)\s*)?(?:ngày|tháng|năm|giờ|tuần|buổi)(?!\w)", re.IGNORECASE)
QUOTES_READ_FOR_A_PERIOD = 3


def _leading_texts(quotes: list) -> list[str]:
    """What the leading quotes say, each with its clause's lead-in: where an asked figure must be stated."""
    return [f"{quote.lead_in} {quote.text}" for quote in quotes[:QUOTES_READ_FOR_A_PERIOD]]


def _period_asked_but_none_stated(question: m.Question, quotes: list) -> bool:
    """ "Hồ sơ bảo vệ phải lưu trữ trong bao nhiêu năm": a period is asked and none of the leading quotes states one
    (heldout15: 62/2012 Điều 11, what the dossier holds, stood as the answer to how long it is kept)."""
    if question.asks_money or question.has(m.PENALTY) or not quotes:
        return False
    if not DURATION_CUES.search(question.asking_words or question.folded):
        return False  # (a period told in the story, "ép làm việc mấy tháng liền", is not asked)
    return not any(_PERIOD.search(text) or _PERIOD_IN_WORDS.search(folded(text)) for text in _leading_texts(quotes))


# "mỗi tháng nhà nước trợ cấp cụ thể bao nhiêu tiền": a sum asked in the asking sentence ...
_SUM_ASKED = re.compile(
    r"(?<!\w)(?:bao nhieu tien|(?:tro cap|ho tro|chi|thu lao|boi duong|muc|duoc nhan|duoc huong)(?: \w+){0,4}"
    r" (?:la )?bao nhieu(?= (?:tien|mot|moi|cho|vay|the|va|hay|de|khi|neu)(?!\w)| *$)"
    r"|(?:bao nhieu|may) (?:nghin|trieu|dong))(?!\w)"
)
# ... and what states one: a figure in money, a multiple of a base, a share, or what is paid in full or not at all
_SUM = re.compile(
    r"\d[\d.,]*\s*(?:\([^)]*\)\s*)?(?:đồng|triệu|nghìn|ngàn)|lương cơ sở|lương tối thiểu|mức chuẩn|hệ số|%|phần trăm"
    r"|thực tế|theo (?:giá|hóa đơn|chứng từ)|miễn phí|không (?:phải )?(?:trả|nộp|thu)|toàn bộ|bằng tiền",
    re.IGNORECASE,
)


UNSTATED_FIGURE = (
    "Câu hỏi hỏi {asked} cụ thể, nhưng các điều khoản gần nhất trong kho văn bản không nêu {kind} nào; kho văn bản có"
    " thể thiếu văn bản quy định {kind} này."
)


def _sum_asked_but_none_stated(question: m.Question, quotes: list) -> bool:
    """ "Mỗi tháng nhà nước trợ cấp cụ thể bao nhiêu tiền cho gia đình nhận chăm sóc thay thế": a sum is asked and
    none of the leading quotes states one (heldout16: the Law on Children's list of children in special
    circumstances stood as the answer; the collection fixes no such allowance)."""
    if question.has(m.PENALTY) or not quotes or not _SUM_ASKED.search(question.asking_words or question.folded):
        return False
    return not any(_SUM.search(text) for text in _leading_texts(quotes))


# "Lệ phí cấp giấy phép thành lập cơ sở là bao nhiêu": a fee asked ...
_FEE_ASKED = re.compile(r"(?<!\w)le phi(?: \w+){0,12}? (?:bao nhieu|la may|het may|nop (?:o dau|bao nhieu))(?!\w)")
# ... and what speaks of one: a fee ("lệ phí", "phí" but not "chi phí", a cost borne), or its waiver ("miễn phí");
# not the prefix "phi-" ("phi lợi nhuận", "phi chính phủ"), which folds to the same letters
_FEE = re.compile(r"(?<!\w)(?<!chi )phi(?!\w)(?! (?:loi nhuan|chinh phu|phap|vat the|nhan dao)(?!\w))")
# ... for what: "lệ phí cấp giấy phép" is a fee for the licence (not 134/2013's "lệ phí cấp giấy tờ về nước")
_FEE_OBJECT = re.compile(r"(?<!\w)le phi (?:cap |lam |xin |dang ky |du )?(\w+ \w+)")
# ... unless the words after "lệ phí" are the asking itself: "lệ phí không, bao nhiêu"
_FEE_ASKING_WORDS = ("la ", "bao ", "nop ", "het ", "khong ", "gi ", "co ", "phai ")


def _fee_asked_but_none_stated(question: m.Question, quotes: list) -> bool:
    """ "Lệ phí cấp giấy phép thành lập cơ sở hỗ trợ nạn nhân là bao nhiêu tiền": a fee is asked and none of the
    leading quotes speaks of a fee for that (heldout19: the licence dossier and 134/2013's support sums, with their
    airport and exit-paper fees, stood as the answer; no text of the collection fixes that fee)."""
    asked = _FEE_ASKED.search(question.folded)
    if not quotes or not asked:
        return False
    fee_for = _FEE_OBJECT.search(asked.group(0))
    thing = fee_for.group(1) if fee_for and not fee_for.group(1).startswith(_FEE_ASKING_WORDS) else ""
    texts = [folded(text) for text in _leading_texts(quotes)]
    return not any(_FEE.search(text) and (not thing or thing in text) for text in texts)


# "Ngày toàn dân phòng, chống mua bán người là ngày nào": a day asked (not "ngày nào cũng", every day) ...
_DAY_ASKED = re.compile(r"(?<!\w)ngay nao(?! cung)(?!\w)")
# ... and what states one: any day ("ngày 30 tháng 7", "kể từ ngày Tòa án tuyên án", "30/7")
_DAY = re.compile(r"(?<!\w)ngay(?!\w)|\d{1,2}/\d{1,2}")


def _day_asked_but_none_stated(question: m.Question, quotes: list) -> bool:
    """ "Ngày toàn dân phòng, chống mua bán người là ngày nào?": a day is asked and none of the leading quotes names a
    day at all (an outside reader, session 20, was given the Ministry of Public Security's duty to launch a movement;
    the decision setting that day is not in the collection)."""
    if not quotes or not _DAY_ASKED.search(question.asking_words or question.folded):
        return False
    return not any(_DAY.search(folded(text)) for text in _leading_texts(quotes))


def unstated_figure(question: m.Question, quotes: list) -> str | None:
    """A period or a sum asked that none of the leading quotes states: said apart from a miss (the nearest clauses are
    on the subject, the figure is what the collection may lack)."""
    if _period_asked_but_none_stated(question, quotes):
        return UNSTATED_FIGURE.format(asked="một thời hạn", kind="thời hạn")
    if _day_asked_but_none_stated(question, quotes):
        return UNSTATED_FIGURE.format(asked="một ngày", kind="ngày")
    if _fee_asked_but_none_stated(question, quotes):
        return UNSTATED_FIGURE.format(asked="một khoản lệ phí", kind="lệ phí")
    if _sum_asked_but_none_stated(question, quotes):
        return UNSTATED_FIGURE.format(asked="một số tiền", kind="số tiền")
    return None
