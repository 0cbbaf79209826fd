"""Status from dates, replacements and the expiry-with-parent rule, on small sets with the
real numbers; and the catalogue file's own validity."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from ingest.catalogue import CATALOGUE_PATH, CatalogueError, catalogue_stub_documents, load_catalogue, parse_catalogue
from ingest.model import (
    CHUA_HIEU_LUC,
    CON_HIEU_LUC,
    HET_HIEU_LUC,
    KHONG_AP_DUNG,
    QUY_DINH_CHI_TIET,
    RELATION_TYPES,
    THAY_THE,
    Article,
    Document,
    Relation,
)
from ingest.numbers import DOC_NUMBER_RE
from ingest.status import compute_status

BEFORE = date(2024, 1, 1)
AFTER = date(2026, 11, 23)
RAW = json.loads(CATALOGUE_PATH.read_text(encoding="utf-8"))


def anti_trafficking_set() -> list[Document]:
    """The 39.8 framework as the parsers give it: the codified page's effective date for the
    law (01/12/2012) differs from the law's own Điều 57, which the catalogue keeps."""
    return [
        Document("66/2011/QH12", "Luật", issued=date(2011, 3, 29), effective=date(2012, 12, 1)),
        Document(
            "09/2013/NĐ-CP",
            "Nghị định",
            issued=date(2013, 1, 11),
            effective=date(2013, 4, 15),
            relations=[Relation(QUY_DINH_CHI_TIET, "66/2011/QH12", None, "1")],
        ),
        Document(
            "134/2013/TTLT-BTC-BLĐTBXH",
            "Thông tư liên tịch",
            issued=date(2013, 9, 25),
            effective=date(2013, 11, 10),
            relations=[Relation(QUY_DINH_CHI_TIET, "09/2013/NĐ-CP")],
        ),
        Document("news:000", "Tin tức"),
    ]


def by_number(documents):
    return {d.number: d for d in documents}


def test_law_in_force_before_the_2024_law_was_passed():
    documents = anti_trafficking_set()
    compute_status(documents, load_catalogue(), BEFORE)
    law = by_number(documents)["66/2011/QH12"]
    assert law.status == CON_HIEU_LUC and law.replaced_by is None and law.expired is None
    # The catalogue's date (from Điều 57) is used, and the file's different date is flagged.
    assert "01/01/2012" in law.status_note and "01/12/2012" in law.status_note
    # 53/2024/QH15 did not exist on that day, so it is not announced as a future replacement.
    assert "53/2024/QH15" not in law.status_note
    assert {d.status for d in documents} == {CON_HIEU_LUC, KHONG_AP_DUNG}


def test_law_replaced_by_53_2024_and_detailing_texts_expire_with_it():
    documents = anti_trafficking_set()
    compute_status(documents, load_catalogue(), AFTER)
    docs = by_number(documents)
    law = docs["66/2011/QH12"]
    assert (law.status, law.replaced_by, law.expired) == (HET_HIEU_LUC, "53/2024/QH15", date(2025, 7, 1))
    assert "danh mục" in law.status_note
    decree = docs["09/2013/NĐ-CP"]
    assert (decree.status, decree.expired, decree.replaced_by) == (HET_HIEU_LUC, date(2025, 7, 1), None)
    # The rule is cited from the law on promulgation in force on 01/07/2025 (the 2025 Law), not the 2015 one.
    assert "64/2025/QH15" in decree.status_note and "66/2011/QH12" in decree.status_note
    assert "Điều 154" not in decree.status_note
    # The circular details the decree only; it expires through the decree (a chain).
    circular = docs["134/2013/TTLT-BTC-BLĐTBXH"]
    assert (circular.status, circular.expired) == (HET_HIEU_LUC, date(2025, 7, 1))
    assert "09/2013/NĐ-CP" in circular.status_note
    assert docs["news:000"].status == KHONG_AP_DUNG


def test_catalogue_can_keep_a_detailing_text_alive():
    data = copy.deepcopy(RAW)
    entry = next(e for e in data["documents"] if e["number"] == "09/2013/NĐ-CP")
    entry["status"]["survives_parent"] = True
    # In force needs positive evidence: a verified entry (the real one is not, since its Điều 23 -> Luật
    # Điều 38 link is inferred, not quoted: corpus/catalogue.json evidence).
    entry["verified"] = True
    entry["evidence"] = {k: v for k, v in entry["evidence"].items() if "unverified" not in v}
    documents = anti_trafficking_set()
    compute_status(documents, parse_catalogue(data), AFTER)
    docs = by_number(documents)
    assert docs["09/2013/NĐ-CP"].status == CON_HIEU_LUC
    # The circular's only parent is now in force, so the rule does not reach it either.
    assert docs["134/2013/TTLT-BTC-BLĐTBXH"].status == CON_HIEU_LUC


def test_rule_needs_every_detailed_text_expired():
    documents = anti_trafficking_set()
    documents.append(
        Document(
            "1/2020/TT-X",
            "Thông tư",
            issued=date(2020, 1, 1),
            effective=date(2020, 2, 1),
            relations=[
                Relation(QUY_DINH_CHI_TIET, "66/2011/QH12", "24", "1"),
                Relation(QUY_DINH_CHI_TIET, "11/2017/QH14", "7", "2"),
            ],
        )
    )
    compute_status(documents, load_catalogue(), AFTER)
    assert by_number(documents)["1/2020/TT-X"].status == CON_HIEU_LUC


def test_replacement_by_a_document_in_the_set_names_the_article_and_uses_its_date():
    documents = [
        Document(
            "03/2008/TTLT-BCA-BQP-BNG-BLĐTBXH",
            "Thông tư liên tịch",
            issued=date(2008, 5, 8),
            effective=date(2008, 6, 1),
        ),
        Document(
            "01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG",
            "Thông tư liên tịch",
            issued=date(2014, 2, 10),
            effective=date(2014, 3, 25),
            relations=[Relation(THAY_THE, "03/2008/TTLT-BCA-BQP-BNG-BLĐTBXH", None, "10", "2014-03-25")],
        ),
    ]
    compute_status(documents, load_catalogue(), date(2014, 3, 24))
    # Nothing proves the old circular in force (no catalogue entry, no codified text, no parent):
    # it is "chưa xác định", and the known future replacement is still announced.
    assert documents[0].status == "" and "Sẽ bị thay thế" in documents[0].status_note
    assert documents[0].status_basis == "chua_du_bang_chung"
    compute_status(documents, load_catalogue(), date(2014, 3, 25))
    old = documents[0]
    assert (old.status, old.replaced_by, old.expired) == (
        HET_HIEU_LUC,
        "01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG",
        date(2014, 3, 25),
    )
    assert "Điều 10" in old.status_note


def test_stubs_for_documents_outside_the_corpus():
    stubs = by_number(catalogue_stub_documents(load_catalogue()))
    assert {"53/2024/QH15", "162/2025/NĐ-CP", "193/QĐ-TTg"} <= set(stubs)
    assert "66/2011/QH12" not in stubs  # held by the corpus
    law = stubs["53/2024/QH15"]
    assert (law.issued, law.effective, law.articles) == (date(2024, 11, 28), date(2025, 7, 1), [])
    assert [(r.type, r.target, r.date) for r in law.relations] == [(THAY_THE, "66/2011/QH12", "2025-07-01")]
    compute_status(list(stubs.values()), load_catalogue(), date(2025, 1, 1))
    assert stubs["53/2024/QH15"].status == CHUA_HIEU_LUC
    # No checked dates for 162/2025/NĐ-CP: status stays unknown rather than "in force".
    assert stubs["162/2025/NĐ-CP"].status == "" and "Chưa xác định" in stubs["162/2025/NĐ-CP"].status_note
    compute_status(list(stubs.values()), load_catalogue(), AFTER)
    # The 2024 Law's catalogue entry is not verified: in force is not proven, the note says why.
    assert (
        stubs["53/2024/QH15"].status == ""
        and "chưa ghi nhận văn bản này đã đối chiếu" in stubs["53/2024/QH15"].status_note
    )


# ---------------------------------------------------------------- the catalogue file itself


def test_catalogue_file_validates():
    catalogue = load_catalogue()
    numbers = {e.number for e in catalogue.entries}
    assert {
        "53/2024/QH15",
        "162/2025/NĐ-CP",
        "193/QĐ-TTg",
        "66/2011/QH12",
        "100/2015/QH13",
        "12/2017/QH14",
        "11/2017/QH14",
        "102/2016/QH13",
    } <= numbers
    for raw in RAW["documents"]:
        assert DOC_NUMBER_RE.fullmatch(raw["number"]), raw["number"]
        for key in ("issued", "effective"):
            assert raw[key] is None or date.fromisoformat(raw[key]).isoformat() == raw[key]
        for relation in raw["relations"]:
            assert relation["type"] in RELATION_TYPES and DOC_NUMBER_RE.fullmatch(relation["target"])
        assert raw["source"].strip() and isinstance(raw["verified"], bool)
    law = catalogue.get("53/2024/QH15")
    assert (law.issued, law.effective) == (date(2024, 11, 28), date(2025, 7, 1))
    assert catalogue.get("193/QĐ-TTg").issued == date(2021, 2, 9)
    # Unchecked facts are declared as such.
    assert not catalogue.get("162/2025/NĐ-CP").verified and catalogue.get("162/2025/NĐ-CP").issued is None


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("issued", "28/11/2024", "ISO"),
        ("number", "Luật PCMBN", "not a document number"),
        ("verified", "yes", "verified"),
        ("source", "", "source"),
    ],
)
def test_catalogue_errors_name_the_problem(field, value, message):
    data = copy.deepcopy(RAW)
    data["documents"][0][field] = value
    with pytest.raises(CatalogueError, match=message):
        parse_catalogue(data)


def test_catalogue_rejects_unknown_relation_type_and_duplicates():
    data = copy.deepcopy(RAW)
    data["documents"][1]["relations"][0]["type"] = "replaces"
    with pytest.raises(CatalogueError, match="relation type"):
        parse_catalogue(data)
    data = copy.deepcopy(RAW)
    data["documents"].append(copy.deepcopy(data["documents"][0]))
    with pytest.raises(CatalogueError, match="twice"):
        parse_catalogue(data)


def test_verified_catalogue_date_replaces_the_codified_page_date_and_says_why():
    # As parse_phapdien gives it: the page's notes say 01/12/2012, the law's Điều 57 says 01/01/2012.
    law = Document(
        "66/2011/QH12",
        "Luật",
        issued=date(2011, 3, 29),
        effective=date(2012, 12, 1),
        topic="39.8 Phòng, chống mua bán người",
        articles=[
            Article(
                number="57",
                title="Hiệu lực thi hành",
                id="chuong_7__dieu_57",
                text="Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2012.",
                note="(Điều 57 Luật số 66/2011/QH12, có hiệu lực thi hành kể từ ngày 01/12/2012)",
            )
        ],
    )
    compute_status([law], load_catalogue(), BEFORE)
    assert (law.issued, law.effective) == (date(2011, 3, 29), date(2012, 1, 1))
    assert law.status_note.endswith(
        "Lưu ý: ngày hiệu lực 01/01/2012 theo Điều 57 của Luật; ghi chú của Bộ pháp điển ghi 01/12/2012."
    )


def test_unverified_catalogue_date_only_flags_the_difference():
    data = copy.deepcopy(RAW)
    entry = next(e for e in data["documents"] if e["number"] == "66/2011/QH12")
    entry["verified"] = False
    law = Document("66/2011/QH12", "Luật", issued=date(2011, 3, 29), effective=date(2012, 12, 1))
    compute_status([law], parse_catalogue(data), BEFORE)
    assert law.effective == date(2012, 12, 1)
    assert "tệp nguồn ghi ngày hiệu lực 01/12/2012, khác với danh mục" in law.status_note
