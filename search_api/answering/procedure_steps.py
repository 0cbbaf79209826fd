"""Procedure answers: the steps in the text's order, each with the body that acts and its time limit,
or the list of papers of a dossier (issue 8, item 2: "procedure -> ordered steps, dossier and time
limits from the sub-law texts").

The steps are those of the quoted unit itself (a clause's points "a) ...", a point's dash lines
"- Tiến hành kiểm tra ...") or, when it has none, the clauses of its article. A dossier question
("hồ sơ ... gồm những gì") gets the papers of the clause of the article that opens "Hồ sơ ... gồm:",
or the clauses of an article titled "Hồ sơ ...". `outline` gives them as data (the JSON `steps`, an
ordered list on the Hỏi đáp page); `summary_line` as the one-line summary.

A list of openings without a time limit adds little to the quotes below it, so steps without any
time limit are only outlined when the question asks for the steps ("quy trình", "thủ tục", "các bước",
"phải làm gì", "xử lý thế nào"); then the body acting in each step is what the reader needs.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ingest.amounts import scan_quantities
from ingest.textnorm import fold
from search_api.answering import models as m
from search_api.answering.models import Candidate
from search_api.answering.terms import folded

MAX_STEPS = 5
STEP_WORDS = 9  # a step's opening words in the summary line
ITEM_WORDS = 30  # ... and in the ordered list of the page
# (for a question whose primary intent is another, only the words naming the steps themselves)
NAMES_STEPS = re.compile(r"(?<!\w)(?:quy trinh|trinh tu|cac buoc|nhung buoc|buoc nao)(?!\w)")
ASKS_STEPS = re.compile(
    r"(?<!\w)(?:quy trinh|trinh tu|cac buoc|nhung buoc|buoc nao"
    r"|xu ly (?:the nao|ra sao|nhu the nao)|giai quyet (?:the nao|ra sao|theo thu tuc))(?!\w)"
)  # ("thủ tục", "làm gì" name the matter as often as its steps: "đã làm thủ tục xuất cảnh")
# The body acting in a step: at its head ("Đồn Biên phòng, Cảnh sát biển thực hiện: ...") or after a time
# phrase ("Trong thời hạn 03 ngày ..., Phòng Lao động ... có trách nhiệm ..."), up to its verb, a comma
# not followed by another body, or a word opening a circumstance ("khi", "nơi", "sau khi", "trong thời hạn").
_HEAD = (  # (folded, "sở" is "số", "bộ" is "bỏ", "đồn" is "đơn", "hội" is "hỏi": those name the body after them)
    r"(?:(?:thu truong|giam doc|chu tich|truong|cuc truong) )?"
    r"(?:(?:bo|so) (?:cong an|quoc phong|ngoai giao|ngoai vu|lao dong|tu phap|tai chinh|y te|giao duc)|bo doi"
    r"|phong (?:lao dong|tu phap|canh sat|quan ly|y te|giao duc)|uy ban|co quan|cuc|don bien phong|trung tam"
    r"|ngan hang|cong an|toa an|vien kiem sat|chinh phu|canh sat|co so|ban chi dao"
    r"|hoi (?:lien hiep|phu nu|nong dan|chu thap))(?!\w)"
)
_STOP = (
    r"thuc hien|co trach nhiem|phai|chu tri|tiep nhan|tien hanh|lap|gui|thong bao|bao cao|kiem tra|xac minh"
    r"|quyet dinh|bo tri|cap (?:giay|the|so|quyet|van)|trao|dua|to chuc|phoi hop|xem xet|huong dan"
    r"|khi|noi|sau khi|trong thoi han|truoc|de"
)
_BODY = re.compile(rf"(?:^|, )({_HEAD}.*?)(?=(?: (?:{_STOP})(?!\w))|,(?! {_HEAD})|[:;.]|$)")
MAX_AGENCY_WORDS = 14


@lru_cache(maxsize=16384)
def _deadlines(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(a.text for role, a in scan_quantities(text) if role == "deadline"))


def _label(text: str, words_kept: int = STEP_WORDS) -> str:
    words = re.sub(r"^\s*(?:\d+\.|[a-zđ]\)|-)\s*", "", text.split("\n", 1)[0]).split()
    label = " ".join(words[:words_kept]).rstrip(";.,:")
    return label + ("…" if len(words) > words_kept else "")


def agency_of(text: str) -> str | None:
    """'Đồn Biên phòng, Cảnh sát biển' of "a) Đồn Biên phòng, Cảnh sát biển thực hiện: ..."."""
    line = re.sub(r"^\s*(?:\d+\.|[a-zđ]\)|-)\s*", "", text.split("\n", 1)[0])
    folded = fold(line).lower()
    if len(folded) != len(line):
        return None  # (offsets of the folded line must be those of the line)
    match = _BODY.search(folded)
    if not match:
        return None
    agency = line[match.start(1) : match.end(1)].strip(" ,")
    return agency if 0 < len(agency.split()) <= MAX_AGENCY_WORDS else None


def _own_steps(first: Candidate) -> list[tuple[str, str]]:
    """The steps inside the quoted unit itself: the points of a clause ("a) ...", "b) ..."), or the
    dash lines of a point ("- Tiến hành kiểm tra ...; - Hướng dẫn ..."), each (name, text)."""
    clause = m.clause_of(first)
    if first.kind == "khoan" and clause is not None and clause.children:
        return [(f"{p.number})", p.text) for p in clause.children]
    lines = [line for line in first.text.split("\n") if line.lstrip().startswith("-")]
    return [(f"({i})", line) for i, line in enumerate(lines, 1)]


def _unit_name(first: Candidate) -> str:
    document, article = first.document, first.article
    where = {"diem": f"điểm {first.number} khoản {first.clause_number} ", "khoan": f"khoản {first.number} "}
    return f"{where.get(first.kind, '')}Điều {article.number} {document.type} {document.number}"


_DOSSIER_LEAD = re.compile(r"(?<!\w)ho so(?: \w+){0,10} (?:bao gom|gom|gom co)(?!\w)")


def _lists_dossier(text: str) -> bool:
    """A lead-in that opens a list of papers: "Hồ sơ đề nghị ... gồm:"."""
    return _DOSSIER_LEAD.search(folded(text.split("\n", 1)[0])) is not None


def _item(name: str, text: str, steps: bool) -> dict[str, Any]:
    return {
        "label": name,
        "opening": _label(text),
        "text": _label(text, ITEM_WORDS),
        "agency": agency_of(text) if steps else None,
        "time_limits": list(_deadlines(text)) if steps else [],
    }


def _dossier(first: Candidate) -> dict[str, Any] | None:
    own = m.clause_of(first)
    # the quoted clause, else the clause of the same article that lists the dossier
    listing = [c for c in ([own] if own else []) + list(first.article.units) if c.children and _lists_dossier(c.text)]
    if listing:
        clause = listing[0]
        items = [_item(f"{p.number})", p.text, False) for p in clause.children[:MAX_STEPS]]
        where = f"khoản {clause.number} Điều {first.article.number} {first.document.type} {first.document.number}"
    elif fold(first.article.title or "").lower().startswith("ho so") and len(first.article.units) >= 2:
        # an article titled "Hồ sơ ...": its clauses are the papers
        items = [_item(f"khoản {c.number}", c.text, False) for c in first.article.units[:MAX_STEPS]]
        where = f"Điều {first.article.number} {first.document.type} {first.document.number}"
    else:
        return None
    return {"kind": "dossier", "title": f"Hồ sơ theo {where}", "items": items}


def outline(first: Candidate, asks_dossier: bool = False, asks_steps: bool = False) -> dict[str, Any] | None:
    """{"kind": "steps" | "dossier", "title": "Trình tự theo ...", "items": [{label, opening, text, agency,
    time_limits}]} for the quoted unit, or None (fewer than two steps; no time limit and no steps asked)."""
    if asks_dossier:
        dossier = _dossier(first)
        if dossier:
            return dossier
    own = _own_steps(first)
    if len(own) >= 2:
        items = [_item(name, text, True) for name, text in own[:MAX_STEPS]]
        where = _unit_name(first)
    else:
        clauses = first.article.units
        if len(clauses) < 2:
            return None
        items = [_item(f"khoản {c.number}", c.text, True) for c in clauses[:MAX_STEPS]]
        where = f"Điều {first.article.number} {first.document.type} {first.document.number}"
    if not any(item["time_limits"] for item in items) and not asks_steps:
        return None  # no time limit anywhere: the quotes say it better than a list of openings
    return {"kind": "steps", "title": f"Trình tự theo {where}", "items": items}


def summary_line(found: dict[str, Any] | None) -> str | None:
    """'Trình tự theo điểm b khoản 1 Điều 4 ...: (1) Tiến hành kiểm tra …; (2) … — 03 (ba) ngày'."""
    if not found:
        return None
    parts = []
    for item in found["items"]:
        limits = f" — {', '.join(item['time_limits'])}" if item["time_limits"] else ""
        parts.append(f"{item['label']} {item['opening']}{limits}")
    return f"{found['title']}: " + "; ".join(parts)


def procedure_summary(first: Candidate, asks_dossier: bool = False, asks_steps: bool = False) -> str | None:
    return summary_line(outline(first, asks_dossier, asks_steps))


def dossier_summary(first: Candidate) -> str | None:
    return summary_line(_dossier(first))
