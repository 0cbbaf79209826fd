"""Check stage: how sure the answer is of its first quote, said to the reader with its reasons.

Measured on the development sets (bench/answer_confidence.py): when the first quoted unit's score stands clear of the
best unit of another clause or article, it states the expected fact about nine times in ten; when another clause
scores within a hair of it, about half the time. A reader who acts on the first
quote should know which case she is in: a low level says to read the next quotes and the related articles before
relying on the first.
"""

from __future__ import annotations

from search_api.answering.models import Candidate
from search_api.answering.quote_labels import unit_label

# Thresholds read off the development sets' answers (bench/answer_confidence.py), never off a held-out set: a lead
# of 0.13 or more over the best other clause was right 91% of the time, under 0.03 54%, between them 68%.
CLEAR_MARGIN = 0.13
NARROW_MARGIN = 0.03
# A named article quoted whole is the text the question points at (right 97% of the time on the development sets);
# a text's catalogue facts are right less often (82%: the fact asked is not always the one shown first).
NAMED_MODE = "named_article"
FACTS_MODE = "facts"
# An answer standing only because its first quote comes from the text the question names, under the coverage bar
# (check.support_reason): the nearest provision of that text, not one shown to cover the question.
NAMED_TEXT_ONLY = "named_text"

LABELS = {"high": "cao", "medium": "trung bình", "low": "thấp"}


def _nested(one: str, other: str) -> bool:
    """A clause and its own point (or an article and its clause) are one answer, not competitors."""
    return one == other or one.startswith(other + "__") or other.startswith(one + "__")


def competitor(first: Candidate, ordered: list[Candidate]) -> Candidate | None:
    """The best-scored unit that is another answer: another article, or a clause of the same article that neither
    holds nor is held by the first."""
    for candidate in ordered:
        same_document = candidate.document.number == first.document.number
        if same_document and _nested(candidate.unit_id, first.unit_id):
            continue
        if candidate.text.strip() == first.text.strip():
            continue
        return candidate
    return None


def assess(mode: str, quotes: list[Candidate], ordered: list[Candidate], support: str | None = None) -> dict:
    """{"level": "high" | "medium" | "low", "label": ..., "reasons": [...]} for an answer's first quote; `support` is
    why the check let the answer stand (check.support_reason)."""
    if not quotes:
        return {}
    if support == NAMED_TEXT_ONLY and mode not in (NAMED_MODE, FACTS_MODE):
        return _level(
            "low",
            [
                f"câu hỏi nêu {quotes[0].document.type.lower()} {quotes[0].document.number}; điều khoản trích đầu tiên"
                " là điều khoản gần nhất của văn bản đó nhưng chỉ khớp một phần câu hỏi",
                "hãy đọc cả các trích dẫn tiếp theo và các điều liên quan trước khi dựa vào điều khoản đầu tiên",
            ],
        )
    if mode == NAMED_MODE:
        return _level("high", ["trích nguyên văn điều, khoản được nêu trong câu hỏi"])
    if mode == FACTS_MODE:
        return _level("medium", ["trả lời từ thông tin về văn bản (ngày, hiệu lực, quan hệ); đối chiếu nguồn ghi kèm"])
    first = quotes[0]
    rival = competitor(first, ordered)
    margin = first.score - rival.score if rival is not None else 1.0
    if rival is not None and margin < NARROW_MARGIN:
        return _level(
            "low",
            [
                f"một điều khoản khác ({unit_label(rival)}) được chấm điểm gần bằng điều khoản trích đầu tiên",
                "hãy đọc cả các trích dẫn tiếp theo và các điều liên quan trước khi dựa vào điều khoản đầu tiên",
            ],
        )
    if margin >= CLEAR_MARGIN:
        return _level("high", ["điều khoản trích đầu tiên vượt rõ các điều khoản khác"])
    return _level("medium", ["điều khoản trích đầu tiên hơn các điều khoản khác nhưng không nhiều"])


def _level(level: str, reasons: list[str]) -> dict:
    return {"level": level, "label": LABELS[level], "reasons": reasons}
