"""Stable ids and the split of an article body into khoản (clauses) and điểm (points).

Ids follow the bluebell style: 'chuong_4__dieu_32__khoan_1__diem_a'. Clauses start
with '1.' (or '1)'), points with 'a)' (or 'a.'/'đ)'), each at the start of a line.
"""

from __future__ import annotations

import re

from ingest.model import Unit
from ingest.textnorm import fold

# "1." / "1)" and the old style "1-" of pre-2000 texts.
_CLAUSE_RE = re.compile(r"^(\d{1,3})(?:[.)]|\s*-)\s*(?=\S)")
# "a)", "a.", and consolidated texts' inserted points such as "d1)".
_POINT_RE = re.compile(r"^([a-zđ]\d?)\)\s*(?=\S)|^([a-zđ])\.\s+(?=\S)")


def id_part(kind: str, number: str) -> str:
    """'dieu', '32' -> 'dieu_32'; 'diem', 'đ' -> 'diem_dd' (đ kept distinct from d)."""
    number = number.strip().lower().replace("đ", "dd")
    return f"{kind}_{re.sub(r'[^a-z0-9]+', '_', fold(number)).strip('_')}"


def join_id(*parts: str) -> str:
    return "__".join(p for p in parts if p)


def split_units(text: str, article_id: str) -> list[Unit]:
    """Clauses (with their points) of an article body; [] when the body has no numbered clauses."""
    clauses: list[Unit] = []
    current_point: Unit | None = None
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        clause_match = _CLAUSE_RE.match(line)
        if clause_match and (
            not clauses or int(clause_match.group(1)) == int(clauses[-1].number) + 1 or int(clause_match.group(1)) == 1
        ):
            number = clause_match.group(1)
            clauses.append(Unit("khoan", number, join_id(article_id, id_part("khoan", number)), line))
            current_point = None
            continue
        point_match = _POINT_RE.match(line)
        if point_match and clauses:
            letter = point_match.group(1) or point_match.group(2)
            parent = clauses[-1]
            current_point = Unit("diem", letter, join_id(parent.id, id_part("diem", letter)), line)
            parent.children.append(current_point)
            parent.text += "\n" + line
            continue
        if clauses:
            clauses[-1].text += "\n" + line
            if current_point is not None:
                current_point.text += "\n" + line
    return clauses
