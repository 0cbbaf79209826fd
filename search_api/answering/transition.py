"""Questions about a matter begun under an old rule and not finished: "vụ trợ giúp pháp lý bắt đầu từ 2017
theo luật cũ mà chưa xong thì giờ làm tiếp theo luật nào?", "hồ sơ nộp từ 2022 chưa giải quyết xong ...
được giải quyết theo quy định nào?".

The answer is a transitional clause ("... tiếp tục được giải quyết theo quy định của Thông tư số
12/2018/TT-BTP"), usually in the new text's closing article. Its text is in force whatever the day the
matter began, and the old text the question names is part of the answer, not a lapsed text to push down:
the in-force and superseded adjustments do not apply.
"""

from __future__ import annotations

import re
from functools import lru_cache

from search_api.answering import models as m
from search_api.answering.models import Candidate
from search_api.answering.terms import folded

TRANSITION_BONUS = 0.2  # 0.1-0.3 measured: the same answers on the development sets
# A matter still running: "chưa xong", "đang giải quyết", "làm tiếp", "từ tháng 5/2014".
ONGOING = re.compile(
    r"(?<!\w)(?:chua (?:\w+ ){0,2}xong|chua ket thuc|dang (?:duoc )?(?:giai quyet|thuc hien|thu ly|xu ly)"
    r"|lam tiep|tiep tuc (?:lam|thuc hien|giai quyet|ap dung)|tu (?:cuoi |dau |giua )?(?:nam|thang) \d+"
    r"|truoc (?:ngay|khi)|gio moi (?:lam|nop|thanh toan|de nghi))(?!\w)"
)
# ... and which rule governs it: "theo luật nào", "luật cũ", "hay thông tư cũ", "áp dụng ... nào".
WHICH_RULE = re.compile(
    r"(?<!\w)(?:theo (?:luat|thong tu|nghi dinh|quy dinh|van ban) (?:nao|cu|moi)"
    r"|(?:luat|thong tu|nghi dinh|quy dinh) (?:cu|moi)|ap dung (?:\w+ ){0,3}nao"
    r"|hay (?:thong tu|luat|nghi dinh|quy dinh) cu)(?!\w)"
)
# The transitional clause: "... thì tiếp tục (được) thực hiện / giải quyết theo quy định của Thông tư số
# 12/2018/TT-BTP", "... thì tiếp tục áp dụng quy định của Thông tư số 18/2013/TT-BTP"
# (a text named: "không được tiếp tục thực hiện ... theo quy định tại khoản 1" is no such clause).
CONTINUES = re.compile(
    r"(?<!khong duoc )(?<!\w)tiep tuc (?:duoc )?(?:thuc hien|giai quyet|ap dung|xu ly)(?: \w+){0,12}?"
    r" (?:theo )?quy dinh cua"
    r" (?:luat|bo luat|thong tu|nghi dinh|nghi quyet|quyet dinh|phap lenh)(?!\w)"
)
# "luật cũ", "thông tư nào": the kind of text whose transitional clause is asked for.
_KINDS = {
    "luat": ("Luật", "Bộ luật"),
    "thong tu": ("Thông tư", "Thông tư liên tịch"),
    "nghi dinh": ("Nghị định",),
}


@lru_cache(maxsize=256)
def _asked_kinds(words: str) -> tuple[str, ...]:
    """The document types "luật cũ", "thông tư nào" ask about (the question's, read once, not per candidate)."""
    return tuple(
        kind
        for word, kinds in _KINDS.items()
        if re.search(rf"(?<!\w){word} (?:cu|moi|nao)(?!\w)", words)
        for kind in kinds
    )


def is_transitional(words: str) -> bool:
    return bool(ONGOING.search(words) and WHICH_RULE.search(words))


def transition_parts(candidate: Candidate, question: m.Question, parts: dict[str, float]) -> None:
    """For a transitional question: a bonus for a transitional clause of the kind of text asked about,
    and no in-force or superseded adjustment for any candidate."""
    if not question.asks_transition:
        return
    parts.pop("in_force", None)
    parts.pop("superseded", None)
    asked = _asked_kinds(question.folded)
    if CONTINUES.search(folded(candidate.text)) and (not asked or candidate.document.type in asked):
        parts["transition"] = TRANSITION_BONUS
