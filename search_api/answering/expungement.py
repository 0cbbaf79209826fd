"""When a conviction is expunged: "bị kết án 8 năm tù về tội mua bán người ... sau bao lâu được đương nhiên xóa án
tích".

The Code gives the waiting period by the sentence served (Điều 70 khoản 2, automatic: 01, 02, 03 or 05 years; Điều 71
khoản 2, by the court's decision for the crimes of Chương XIII and XXVI: 01, 03, 05 or 07 years). Read by words alone,
the question was answered with the offence's own clause, the sentence the asker had already told (heldout13). The
answer here reads the sentence told, picks the point of khoản 2 that grades it and says which bracket it falls in.
"""

from __future__ import annotations

import re

from search_api.answering import models as m
from search_api.answering.counts import prison_term_told
from search_api.answering.evidence import article_candidates, article_numbered
from search_api.answering.limitation import criminal_code
from search_api.answering.quote_labels import short_label
from search_api.corpus_store import CorpusStore

# a period asked of expungement; not "chưa được xóa án tích", the repeat-offender circumstance of a penalty question
_ASKS = re.compile(
    r"(?<!chua )(?<!chua duoc )(?<!khong duoc )xoa an tich(?: \w+){0,6}? "
    r"(?:bao lau|may nam|bao nhieu nam|khi nao|thoi han|luc nao)(?!\w)"
    r"|(?:bao lau|may nam|bao nhieu nam|khi nao|thoi han|luc nao)(?: \w+){0,6}? (?:duoc )?(?:duong nhien )?"
    r"(?:duoc )?xoa an tich(?!\w)"
)
_BY_COURT = re.compile(r"(?<!\w)(?:theo quyet dinh cua toa|toa an (?:quyet dinh )?xoa|xin xoa an tich)(?!\w)")
# a sentence lighter than prison told ("án treo", "cảnh cáo"); prison terms: counts.prison_term_told
_LIGHT = re.compile(r"(?<!\w)(?:an treo|canh cao|phat tien|cai tao khong giam giu)(?!\w)")


def asks_expungement(question: m.Question) -> bool:
    return bool(_ASKS.search(question.folded))


def sentence_point(words: str) -> tuple[str, str] | None:
    """The point of khoản 2 grading the sentence told, with the sentence as said; None when none is told."""
    told = prison_term_told(words)
    if told is not None:
        years, said = told
        if years is None:
            return "d", "tù chung thân hoặc tử hình được giảm án"
        if _LIGHT.search(words) and "an treo" in words:
            return "a", f"{said} cho hưởng án treo"
        letter = "b" if years <= 5 else "c" if years <= 15 else "d"
        return letter, said
    light = _LIGHT.search(words)
    return ("a", light.group(0)) if light else None


def expungement_quotes(question: m.Question, store: CorpusStore) -> tuple[list[m.Candidate], str] | None:
    """The waiting period for the sentence told (or the whole scale when none is told), with its grounds; None when
    the question asks no such period."""
    if not asks_expungement(question):
        return None
    code = criminal_code(store)
    article = article_numbered(code, "71" if _BY_COURT.search(question.folded) else "70")
    if code is None or article is None:
        return None
    units = article_candidates(code, article, 0)
    scale = next((u for u in units if u.kind == "khoan" and u.number == "2"), None)
    if scale is None:
        return None
    graded = sentence_point(question.folded)
    point = (
        next((u for u in units if u.kind == "diem" and u.clause_number == "2" and u.number == graded[0]), None)
        if graded
        else None
    )
    scope = next((u for u in units if u.kind == "khoan" and u.number == "1"), None)  # (to whom the article applies)
    if point is None or graded is None:
        scale.reasons.append("expungement periods")
        summary = f"Thời hạn xóa án tích theo mức hình phạt — khoản 2 Điều {article.number} {short_label(code)}"
        return [scale, *([scope] if scope else [])], summary
    point.reasons.append("expungement period for the sentence told")
    stated = re.search(r"\d+ năm", point.text)
    summary = (
        f"{stated.group(0) if stated else point.text} — điểm {point.number} khoản 2 Điều {article.number} "
        f"{short_label(code)} ({article.title}), cho mức án đã nêu: {graded[1]}"
    )
    return [point, *([scope] if scope else [])], summary
