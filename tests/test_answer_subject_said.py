"""Sibling clauses that differ only in whom they are for ("1. Đối với trẻ em", "3. Đối với tình nguyện viên"): the one
whose subject the question says whole gets quote_labels.SUBJECT_SAID_BONUS (heldout31: a volunteer's criteria were
answered with the children's clause). Phrasings written for these tests."""

from __future__ import annotations

from ingest.model import Article, Document
from ingest.units import split_units
from search_api.answering.evidence import article_candidates
from search_api.answering.quote_labels import subject_said
from tests.understanding import understand

TEXT = (
    "1. Đối với trẻ em\na) Trẻ em tự nguyện tham gia;\nb) Bảo đảm đủ sức khỏe.\n"
    "2. Đối với người phụ trách trẻ em\na) Có phẩm chất đạo đức tốt.\n"
    "3. Đối với tình nguyện viên\na) Có kinh nghiệm làm việc với trẻ em;\nb) Có cam kết bảo vệ trẻ em."
)
CRITERIA = Article("8", "Tiêu chí lựa chọn", TEXT, "dieu_8", units=split_units(TEXT, "dieu_8"))
CIRCULAR = Document("29/2019/TT-BLĐTBXH", "Thông tư", title="Diễn đàn trẻ em", articles=[CRITERIA])


def _said(question: str) -> dict[str, bool]:
    folded = understand(question).folded
    return {c.unit_id: subject_said(c, folded) for c in article_candidates(CIRCULAR, CRITERIA, 0)}


def test_the_clause_and_points_for_the_subject_said_are_marked_and_no_other():
    said = _said("Mình là sinh viên muốn làm tình nguyện viên cho diễn đàn trẻ em cấp tỉnh, cần tiêu chí gì?")
    marked = {unit for unit, yes in said.items() if yes}
    assert marked and all("khoan_3" in unit for unit in marked), said
    # ("trẻ em" is said of every forum: too short a subject to single out khoản 1)
    assert not any(yes for unit, yes in said.items() if "khoan_1" in unit)


def test_a_question_saying_no_subject_marks_nothing():
    assert not any(_said("Tiêu chí chọn người tham gia diễn đàn là gì?").values())
