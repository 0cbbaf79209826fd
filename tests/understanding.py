"""Question understanding without an index, for tests: the known documents are the real numbers of the
corpus (tests/test_understand_intent.py, test_understand_who.py, test_understand_references.py and the
answer tests use it)."""

from __future__ import annotations

from datetime import date

from search_api.answering import models as m
from search_api.answering.understand import understand_question

KNOWN = [
    ("66/2011/QH12", "Luật", "Phòng, chống mua bán người"),
    ("53/2024/QH15", "Luật", "Luật Phòng, chống mua bán người"),
    ("09/2013/NĐ-CP", "Nghị định", "Hướng dẫn Luật Phòng, chống mua bán người"),
    ("134/2013/TTLT-BTC-BLĐTBXH", "Thông tư liên tịch", "Hướng dẫn nội dung, mức chi"),
    ("35/2013/TT-BLĐTBXH", "Thông tư", "Hướng dẫn thi hành một số điều của Nghị định số 09/2013/NĐ-CP"),
    ("100/2015/QH13", "Bộ luật", "Hình sự"),
    ("11/2017/QH14", "Luật", "Trợ giúp pháp lý"),
    ("02/2019/NQ-HĐTP", "Nghị quyết", "Hướng dẫn áp dụng Điều 150 và Điều 151"),
]


def understand(text: str, on_date: date | None = None) -> m.Question:
    return understand_question(text, KNOWN, on_date=on_date)
