"""An amount asked of a clause that fixes none and leaves it to another body's rules ("Điều kiện, thời hạn và mức vốn
vay thực hiện theo quy định của Ngân hàng Chính sách xã hội", 09/2013 Điều 24): the answer says so and declines, rather
than quoting the next clause that does hold a figure, which is another support's (a loan question was answered with
the food allowance)."""

from __future__ import annotations

import re

from search_api.answering import models as m
from search_api.answering.cues import ASKS_AGE
from search_api.answering.quote_labels import unit_label
from search_api.answering.terms import folded

_ASKS_HOW_MUCH = re.compile(r"(?<!\w)(?:bao nhieu|toi da|toi thieu|muc (?:\w+ ){0,3}(?:la|nao))(?!\w)")
_DEFERS = re.compile(r"(?<!\w)(?:thuc hien|ap dung|duoc (?:\w+ ){0,2}) theo quy dinh(?!\w)")
# what is left to other rules is an amount or a term ("mức vốn vay", "thời hạn"), not a procedure ("Nhận con nuôi được
# thực hiện theo quy định của pháp luật về nuôi con nuôi")
_AMOUNT_WORDS = re.compile(r"(?<!\w)(?:muc|dinh muc|so tien|thoi han|kinh phi)(?!\w)")
# a figure with what it counts: "30.000 đồng", "60 ngày", "03 tháng", "50%" (not "Điều 33", "khoản 2")
_FIGURE = re.compile(r"\d[\d.,]*\s*(?:đồng|%|ngày|tháng|năm|lần|giờ|buổi)", re.IGNORECASE)


def deferred_amount(question: m.Question, quotes: list[m.Candidate]) -> str | None:
    """Why the leading clause answers no amount asked, in the reader's terms, or None."""
    if not quotes or not question.has(m.AMOUNT) or not _ASKS_HOW_MUCH.search(question.folded):
        return None
    if ASKS_AGE.search(question.folded):
        return None
    lead = quotes[0]
    if _FIGURE.search(lead.text):
        return None
    sentences = re.split(r"(?<=[.;:])\s+", lead.text)
    deferring = next((s for s in sentences if _DEFERS.search(words := folded(s)) and _AMOUNT_WORDS.search(words)), None)
    if deferring is None:
        return None
    label = unit_label(lead)
    return (
        f"{label[:1].upper()}{label[1:]} không nêu mức cụ thể mà dẫn chiếu quy định khác: "
        f"“{deferring.strip()}” Kho văn bản không có quy định nêu mức đó."
    )
