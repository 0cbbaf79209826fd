"""Unit ids are unique within a document: a clause label, a citation link, a labelled sample and an
entitlement row all address a unit by its id, so two units sharing one make them point at the wrong
text. Golden tests on the two defects found in the real corpus, and a check over every file of it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from ingest.model import Document, Unit
from ingest.parsers.phapdien import without_embedded_article
from ingest.pipeline import _read_and_parse
from ingest.units import split_units
from tests.conftest import CORPUS

PARSED_SUFFIXES = {".html", ".htm", ".txt", ".docx", ".pdf"}


def _all_units(units: list[Unit]) -> list[Unit]:
    found = []
    for unit in units:
        found += [unit, *_all_units(unit.children)]
    return found


def _duplicate_ids(document: Document) -> list[str]:
    ids = Counter(article.id for article in document.articles)
    for article in document.articles:
        ids.update(unit.id for unit in _all_units(article.units))
    return sorted(unit_id for unit_id, count in ids.items() if count > 1)


def _parse(path: Path) -> list[Document]:
    return _read_and_parse((str(path), 50_000_000, None, str(path))).documents


def test_a_repeated_point_letter_gets_an_occurrence_suffix_and_keeps_its_printed_label():
    # 35/2013/TT-BLĐTBXH Điều 4 khoản 4 prints "a) ... b) ... b) ..." (the second should read "c)").
    body = "3. Sơ yếu lý lịch.\n4. Các giấy tờ:\na) Giấy tờ về đất;\nb) Ý kiến của Ủy ban;\nb) Các văn bằng, chứng chỉ."
    clause = split_units(body, "dieu_4")[1]
    assert [p.id for p in clause.children] == [
        "dieu_4__khoan_4__diem_a",
        "dieu_4__khoan_4__diem_b",
        "dieu_4__khoan_4__diem_b_2",
    ]
    assert [p.number for p in clause.children] == ["a", "b", "b"]
    assert clause.children[2].text == "b) Các văn bằng, chứng chỉ."


def test_an_inserted_clause_3a_is_a_clause_of_its_own_with_its_points():
    # Consolidated texts (126/VBHN-VPQH Điều 58) insert "3a." after clause 3; its points are not clause 3's.
    body = (
        "3. Phương pháp kết hợp:\na) Một;\nb) Hai.\n3a. Phương pháp dựa trên kỹ thuật:\na) Ba;\nb) Bốn.\n4. Tiêu chuẩn."
    )
    clauses = split_units(body, "dieu_58")
    assert [c.id for c in clauses] == ["dieu_58__khoan_3", "dieu_58__khoan_3a", "dieu_58__khoan_4"]
    assert [p.text for p in clauses[1].children] == ["a) Ba;", "b) Bốn."]


def test_restarted_numbering_never_repeats_an_id():
    clauses = split_units("1. Một.\n2. Hai.\n1. Lại một.\n2. Lại hai.", "noi_dung")
    assert [c.id for c in clauses] == [
        "noi_dung__khoan_1",
        "noi_dung__khoan_2",
        "noi_dung__khoan_1_2",
        "noi_dung__khoan_2_2",
    ]


def test_another_article_run_into_the_body_is_cut_only_when_it_has_its_own_entry():
    # 11/2017/QH14 Điều 32 on the codified page carries Điều 33's heading and clauses after its own.
    body = "1. Tư vấn.\n2. Trả lời.\nĐiều 33. Đại diện ngoài tố tụng\n1. Trợ giúp viên đại diện."
    assert without_embedded_article(body, "32", {"32", "33"}) == "1. Tư vấn.\n2. Trả lời."
    assert without_embedded_article(body, "32", {"32"}) == body  # no such article: may be quoted text


@pytest.mark.skipif(not (CORPUS / "phapdien").is_dir(), reason="shared corpus not available")
def test_the_two_defects_are_fixed_in_the_real_texts():
    documents = {d.number: d for d in _parse(CORPUS / "phapdien" / "demuc_4.5_tro-giup-phap-ly.html")}
    article_32 = next(a for a in documents["11/2017/QH14"].articles if a.number == "32")
    assert "Đại diện ngoài tố tụng" not in article_32.text
    assert [u.number for u in article_32.units] == ["1", "2"]
    documents = {d.number: d for d in _parse(CORPUS / "phapdien" / "demuc_39.8_phong-chong-mua-ban-nguoi.html")}
    article_4 = next(a for a in documents["35/2013/TT-BLĐTBXH"].articles if a.number == "4")
    points = article_4.units[3].children
    assert [p.id.rsplit("__", 1)[1] for p in points] == ["diem_a", "diem_b", "diem_b_2"]
    assert points[2].text.startswith("b) Các văn bằng, chứng chỉ")


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
def test_no_document_of_the_corpus_has_two_units_with_one_id():
    paths = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix.lower() in PARSED_SUFFIXES)
    assert paths
    duplicates = {}
    for path in paths:
        for document in _parse(path):
            found = _duplicate_ids(document)
            if found:
                duplicates[f"{path.name} {document.number}"] = found
    assert not duplicates
