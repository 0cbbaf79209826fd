"""Stable ids and the split of an article body into khoản (clauses) and điểm (points).

Ids follow the bluebell style: 'chuong_4__dieu_32__khoan_1__diem_a'. Clauses start
with '1.' (or '1)', or a consolidated text's inserted '3a.'), points with 'a)' (or 'a.'/'đ)'),
each at the start of a line. Every id is unique within its article: a source that repeats a
label (35/2013/TT-BLĐTBXH Điều 4 khoản 4 prints two "b)" points; a judgment restarts its
numbering) gives the repeat an occurrence suffix ('diem_b_2'), so no two units share an id while
the printed label stays as printed.
"""

from __future__ import annotations

import re

from ingest.model import Unit
from ingest.textnorm import fold

# "1." / "1)" and the old style "1-" of pre-2000 texts; "3a." is a clause a later law inserted after 3.
_CLAUSE_RE = re.compile(r"^(\d{1,3})([a-zđ]?)(?:[.)]|\s*-)\s*(?=\S)")
# "a)", "a.", and consolidated texts' inserted points such as "d1)".
_POINT_RE = re.compile(r"^([a-zđ]\d?)\)\s*(?=\S)|^([a-zđ])\.\s+(?=\S)")


def id_part(kind: str, number: str) -> str:
    """'dieu', '32' -> 'dieu_32'; 'diem', 'đ' -> 'diem_dd' (đ kept distinct from d)."""
    number = number.strip().lower().replace("đ", "dd")
    return f"{kind}_{re.sub(r'[^a-z0-9]+', '_', fold(number)).strip('_')}"


def join_id(*parts: str) -> str:
    return "__".join(p for p in parts if p)


def _follows(number: int, inserted: str, previous: Unit | None) -> bool:
    """Whether a clause numbered `number` (+ `inserted` letter) can come next: the first clause, the next
    number, an inserted "3a." after 3 (or "3b." after "3a."), or a restart at 1."""
    if previous is None:
        return True
    before = int(re.match(r"\d+", previous.number).group(0))  # type: ignore[union-attr]
    if inserted:
        return number == before
    return number in (before + 1, 1)


class _UniqueIds:
    """Occurrence suffixes for repeated ids within one article."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, unit_id: str) -> str:
        count = self.seen.get(unit_id, 0) + 1
        self.seen[unit_id] = count
        return unit_id if count == 1 else f"{unit_id}_{count}"


def split_units(text: str, article_id: str) -> list[Unit]:
    """Clauses (with their points) of an article body; [] when the body has no numbered clauses."""
    clauses: list[Unit] = []
    current_point: Unit | None = None
    unique = _UniqueIds()
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        clause_match = _CLAUSE_RE.match(line)
        if clause_match and _follows(
            int(clause_match.group(1)), clause_match.group(2), clauses[-1] if clauses else None
        ):
            number = clause_match.group(1) + clause_match.group(2)
            clauses.append(Unit("khoan", number, unique(join_id(article_id, id_part("khoan", number))), line))
            current_point = None
            continue
        point_match = _POINT_RE.match(line)
        if point_match and clauses:
            letter = point_match.group(1) or point_match.group(2)
            parent = clauses[-1]
            current_point = Unit("diem", letter, unique(join_id(parent.id, id_part("diem", letter))), line)
            parent.children.append(current_point)
            parent.text += "\n" + line
            continue
        if clauses:
            clauses[-1].text += "\n" + line
            if current_point is not None:
                current_point.text += "\n" + line
    return clauses
