"""Which time limit is asked: the one counted from the event the question tells.

"Xã vừa phân công người trực tiếp giám sát cháu. Sau đó bao lâu thì chủ tịch xã phải gọi cháu …?": of the many time
limits of one procedure, the one asked runs "kể từ ngày phân công người trực tiếp giám sát" (37/2018/NĐ-CP Điều 8
khoản 1). Siblings state other limits from other events ("kể từ ngày nhận được hồ sơ hợp lệ", "kể từ ngày nhận nhiệm
vụ"); word overlap alone cannot tell them apart, as they share the procedure's vocabulary. A unit whose time limit is
counted from an event the question names, in its own words, earns up to ANCHOR_BONUS by the share of that event's word
pairs the question has.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.textnorm import fold
from search_api.answering import models as m
from search_api.answering.terms import folded, word_pairs

ANCHOR_BONUS = 0.1
# "kể từ ngày nhận được hồ sơ hợp lệ", "kể từ khi có quyết định", "tính từ thời điểm …": the event, up to the end of
# its phrase (a comma or a full stop), ten words at most
_ANCHOR = re.compile(r"(?<!\w)(?:ke|tinh) tu (?:ngay|khi|thoi diem|luc) ((?:\w+ ){0,9}\w+)")
# word pairs many events share, saying nothing of which one ("nhận được hồ sơ", "có quyết định")
_EMPTY = frozenset({"nhan_duoc", "duoc_van", "co_van"})


@lru_cache(maxsize=8192)
def anchors(text: str) -> tuple[frozenset[str], ...]:
    """The word pairs of each event a unit's time limits are counted from."""
    found = []
    # (punctuation kept: a comma ends the event)
    for phrase in re.split(r"[,.;:\n]", fold(text).lower()):
        for match in _ANCHOR.finditer(folded(phrase)):
            pairs = word_pairs(match.group(1)) - _EMPTY
            if pairs:
                found.append(pairs)
    return tuple(found)


def anchor_bonus(candidate: m.Candidate, question: m.Question) -> float:
    if not question.asks_duration or question.asks_money:
        return 0.0
    events = anchors(candidate.text)
    if not events:
        return 0.0
    told = word_pairs(question.folded)
    share = max(len(event & told) / len(event) for event in events)
    if share:
        candidate.reasons.append(f"its time limit runs from an event the question tells ({share:.0%})")
    return ANCHOR_BONUS * share
