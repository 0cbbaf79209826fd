"""Entitlements, rights and obligations extracted from the real anti-trafficking texts.

Pins the support regimes of Luật 66/2011/QH12 arts 32-39, their amounts in
134/2013/TTLT-BTC-BLĐTBXH and procedures in 09/2013/NĐ-CP, as parsed from the codified
database page by the real parser; then measures amount extraction against the
hand-labelled sample in tests/data/amounts_labelled.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.entitlements import evaluate, find_unit_text, load_labelled, parse_pages
from ingest.amounts import extract_amounts, extract_deadlines, scan_quantities
from ingest.entitlements import Provision, extract_provisions
from ingest.model import QUY_DINH_CHI_TIET, Document

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PAGE = "demuc_39.8_phong-chong-mua-ban-nguoi.html"
LAW, DECREE, JOINT_CIRCULAR = "66/2011/QH12", "09/2013/NĐ-CP", "134/2013/TTLT-BTC-BLĐTBXH"

pytestmark = pytest.mark.skipif(not (CORPUS / "phapdien" / PAGE).exists(), reason="shared corpus not available")


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    phapdien = pytest.importorskip("ingest.parsers.phapdien")
    path = CORPUS / "phapdien" / PAGE
    return phapdien.parse_phapdien(path, path.read_bytes())


@pytest.fixture(scope="module")
def provisions(documents) -> list[Provision]:
    return extract_provisions(documents)


def ends_with(unit_id: str, suffix: str) -> bool:
    return unit_id == suffix or unit_id.endswith("__" + suffix)


def provision(provisions: list[Provision], doc: str, suffix: str) -> Provision:
    found = [p for p in provisions if p.doc_number == doc and ends_with(p.unit_id, suffix)]
    assert len(found) == 1, f"{doc} {suffix}: {len(found)} provisions"
    return found[0]


def amounts_of(p: Provision) -> list[tuple]:
    return [(a.value, a.unit, a.per, a.cap, a.floor) for a in p.amounts]


def assert_governed_by(documents: list[Document], p: Provision, law_article: str) -> None:
    """The pinned law article must be in `governing` whenever the parser records the relation."""
    document = next(d for d in documents if d.number == p.doc_number)
    details = [
        (r.target, r.target_article)
        for r in document.relations
        if r.type == QUY_DINH_CHI_TIET and r.source_article == p.article_number and not r.source
    ]
    if not details:
        pytest.skip(f"parser records no QUY_DINH_CHI_TIET from {p.doc_number} art. {p.article_number}")
    assert (LAW, law_article) in p.governing
    assert p.governing == list(dict.fromkeys(details))


# --- Luật 66/2011/QH12 -------------------------------------------------------------------------


def test_article_32_grants_six_kinds_of_support_to_victims(provisions):
    points = [p for p in provisions if p.doc_number == LAW and "dieu_32__khoan_1__diem_" in p.unit_id]
    assert [p.what for p in points] == [
        "nhu cầu thiết yếu",
        "y tế",
        "tâm lý",
        "trợ giúp pháp lý",
        "giáo dục/học nghề",
        "trợ cấp khó khăn ban đầu",
    ]
    for p in points:
        assert p.kind == "entitlement" and p.who == ["nạn nhân"]
        assert "công dân Việt Nam" in p.conditions
        assert "được hưởng các chế độ hỗ trợ sau đây" in p.lead_in
        assert p.governing == []  # a law details nothing


def test_article_32_foreign_victims_and_accompanying_minors(provisions):
    assert provision(provisions, LAW, "dieu_32__khoan_2").who == ["nạn nhân là người nước ngoài"]
    minors = provision(provisions, LAW, "dieu_32__khoan_3")
    assert minors.kind == "entitlement" and minors.who == ["người chưa thành niên đi cùng"]


@pytest.mark.parametrize(
    "suffix, what, conditions",
    [
        ("dieu_33", "nhu cầu thiết yếu", {"trường hợp cần thiết", "không có khả năng chi trả"}),
        ("dieu_34", "y tế", {"thời gian lưu trú tại cơ sở"}),
        ("dieu_35", "tâm lý", {"thời gian lưu trú tại cơ sở"}),
        ("dieu_36__khoan_1", "trợ giúp pháp lý", set()),
        ("dieu_37__khoan_1", "giáo dục/học nghề", {"chưa thành niên", "hộ nghèo", "tiếp tục đi học"}),
        ("dieu_38__khoan_1", "trợ cấp khó khăn ban đầu", {"hộ nghèo", "trở về nơi cư trú"}),
        ("dieu_38__khoan_2", "vay vốn", {"có nhu cầu"}),
    ],
)
def test_law_support_articles(provisions, suffix, what, conditions):
    p = provision(provisions, LAW, suffix)
    assert (p.kind, p.who, p.what) == ("entitlement", ["nạn nhân"], what)
    assert conditions <= set(p.conditions)


def test_article_38_one_off_hardship_allowance_is_counted_once(provisions):
    p = provision(provisions, LAW, "dieu_38__khoan_1")
    assert amounts_of(p) == [(1, "lần", "", False, False)]
    assert p.amounts[0].text == "một lần"


@pytest.mark.parametrize(
    "suffix, agency, what",
    [
        ("dieu_39__khoan_1", "Ủy ban nhân dân cấp xã", "nhu cầu thiết yếu"),
        ("dieu_39__khoan_2", "Phòng Lao động - Thương binh và Xã hội cấp huyện", "chi phí đi lại"),
        ("dieu_39__khoan_4", "Trung tâm trợ giúp pháp lý nhà nước", "trợ giúp pháp lý"),
        ("dieu_39__khoan_5", "Sở Lao động - Thương binh và Xã hội", "trợ cấp khó khăn ban đầu"),
    ],
)
def test_article_39_names_who_provides_each_support(provisions, suffix, agency, what):
    p = provision(provisions, LAW, suffix)
    assert (p.kind, p.agency, p.what) == ("obligation", agency, what)
    assert p.who[0] == agency


# --- 134/2013/TTLT-BTC-BLĐTBXH: the amounts -------------------------------------------------


def test_psychological_counselling_fee_per_session_capped_per_officer_month(documents, provisions):
    p = provision(provisions, JOINT_CIRCULAR, "dieu_3__khoan_9")
    assert p.kind == "entitlement" and p.who[0] == "cán bộ" and p.what == "tâm lý"
    assert amounts_of(p) == [
        (10000, "đồng", "người được tư vấn/lần tư vấn", False, False),
        (500000, "đồng", "cán bộ/tháng", True, False),
    ]
    assert p.amounts[1].text == "500.000 đồng/cán bộ/tháng"
    assert_governed_by(documents, p, "32")


def test_food_allowance_is_a_floor_per_person_per_day_for_at_most_60_days(documents, provisions):
    p = provision(provisions, JOINT_CIRCULAR, "dieu_4__khoan_1__diem_a")
    assert (p.kind, p.who, p.what, p.agency) == (
        "entitlement",
        ["nạn nhân"],
        "nhu cầu thiết yếu",
        "cơ sở bảo trợ xã hội",
    )
    assert amounts_of(p) == [(30000, "đồng", "người/ngày", False, True), (60, "ngày", "", True, False)]
    assert p.amounts[1].text == "60 (sáu mươi) ngày"
    assert_governed_by(documents, p, "33")


def test_clothing_two_sets_each_capped_at_400000(provisions):
    p = provision(provisions, JOINT_CIRCULAR, "dieu_4__khoan_1__diem_b")
    assert amounts_of(p) == [
        (2, "bộ", "", False, False),
        (2, "bộ", "", False, False),
        (400000, "đồng", "nạn nhân", True, False),
    ]
    assert "nạn nhân là nữ" in p.conditions


def test_travel_home_food_at_least_40000_a_day_for_at_most_5_days(provisions):
    p = provision(provisions, JOINT_CIRCULAR, "dieu_4__khoan_1__diem_c")
    assert p.what == "chi phí đi lại"
    assert {"trở về nơi cư trú", "không có khả năng chi trả"} <= set(p.conditions)
    assert amounts_of(p) == [(40000, "đồng", "người/ngày", False, True), (5, "ngày", "", True, False)]


def test_ordinary_medicine_50000_per_victim(provisions):
    p = provision(provisions, JOINT_CIRCULAR, "dieu_4__khoan_2__diem_a")
    assert p.what == "y tế" and amounts_of(p) == [(50000, "đồng", "nạn nhân", False, False)]


def test_initial_hardship_allowance_at_least_1000000_once_for_poor_households(provisions):
    p = provision(provisions, JOINT_CIRCULAR, "dieu_4__khoan_3__diem_b")
    assert (p.kind, p.who, p.what) == ("entitlement", ["nạn nhân"], "trợ cấp khó khăn ban đầu")
    assert {"hộ nghèo", "trở về nơi cư trú"} <= set(p.conditions)
    assert amounts_of(p) == [(1, "lần", "", False, False), (1000000, "đồng", "người", False, True)]


def test_vocational_training_threshold_is_not_an_amount(provisions):
    p = provision(provisions, JOINT_CIRCULAR, "dieu_4__khoan_3__diem_a")
    assert amounts_of(p) == [(1, "lần", "", False, False)]  # "dưới 3 tháng" decides eligibility


# --- 09/2013/NĐ-CP: the procedures ------------------------------------------------------------


def test_loans_from_the_social_policy_bank(documents, provisions):
    p = provision(provisions, DECREE, "dieu_24")
    assert (p.kind, p.who, p.what, p.agency) == ("entitlement", ["nạn nhân"], "vay vốn", "Ngân hàng Chính sách xã hội")
    assert p.amounts == [] and "có nhu cầu" in p.conditions
    assert_governed_by(documents, p, "38")


def test_decree_food_support_capped_at_60_days_from_the_state_budget(documents, provisions):
    p = provision(provisions, DECREE, "dieu_19__khoan_2__diem_a")
    assert p.what == "nhu cầu thiết yếu" and amounts_of(p) == [(60, "ngày", "", True, False)]
    assert_governed_by(documents, p, "33")


def test_decree_eligible_groups_for_essential_needs(provisions):
    assert provision(provisions, DECREE, "dieu_19__khoan_1__diem_b").who == ["người trong thời gian chờ xác minh"]
    assert provision(provisions, DECREE, "dieu_19__khoan_1__diem_c").who == ["người chưa thành niên đi cùng"]


def test_application_procedure_deadlines_are_deadlines_not_amounts(provisions):
    p = provision(provisions, DECREE, "dieu_23__khoan_3__diem_b")
    assert p.kind == "obligation" and p.amounts == []
    assert {"Ủy ban nhân dân cấp xã", "Phòng Lao động - Thương binh và Xã hội cấp huyện"} <= set(p.who)
    assert [(d.value, d.unit) for d in p.deadlines] == [
        (12, "tháng"),
        (3, "ngày làm việc"),
        (5, "ngày làm việc"),
        (3, "ngày làm việc"),
    ]


def test_hardship_allowance_rate_set_elsewhere_names_no_payer(provisions):
    p = provision(provisions, DECREE, "dieu_23__khoan_2__diem_c")
    assert p.what == "trợ cấp khó khăn ban đầu" and p.agency is None  # "theo mức do Bộ Tài chính ... quy định"


# --- record contract ----------------------------------------------------------------------------


def test_quotes_are_the_exact_unit_text(documents, provisions):
    # A few parsed documents repeat a unit id (35/2013 Điều 4 khoản 4 has two "b)"): any unit of that id.
    texts: dict[tuple[str, str], list[str]] = {}
    for document in documents:
        for article in document.articles:
            texts.setdefault((document.number, article.id), []).append(article.text)
            for clause in article.units:
                for unit in [clause, *clause.children]:
                    texts.setdefault((document.number, unit.id), []).append(unit.text)
    assert provisions
    for p in provisions:
        assert p.quote in texts[(p.doc_number, p.unit_id)]
        for amount in p.amounts + p.deadlines:
            assert p.quote[amount.start : amount.start + len(amount.text)] == amount.text


def test_every_provision_round_trips_through_json(provisions):
    for p in provisions:
        data = json.loads(json.dumps(p.to_dict(), ensure_ascii=False))
        assert Provision.from_dict(data) == p
        assert data["kind"] in ("entitlement", "obligation", "right")


def test_news_reports_grant_nothing(documents):
    news = Document(number="news:x", type="Tin tức", articles=documents[0].articles)
    assert extract_provisions([news]) == []


# --- amount forms, on phrases quoted from the corpus -------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "mức tối thiểu là 40.000 đồng/người/ngày, tối đa không quá 5 ngày.",
            [(40000, "đồng", "người/ngày", False, True), (5, "ngày", "", True, False)],
        ),
        ("Thời gian hỗ trợ từ nguồn ngân sách nhà nước không quá 60 (sáu mươi) ngày;", [(60, "ngày", "", True, False)]),
        ("mức tối thiểu là 1.000.000 đồng/người.", [(1000000, "đồng", "người", False, True)]),
        ("Mức chi tối đa 100.000 đồng/người/ngày.", [(100000, "đồng", "người/ngày", True, False)]),
        (
            "là 0,38 mức lương cơ sở/01 buổi làm việc nhưng tối đa không quá 30 buổi làm việc/01 vụ việc",
            [(0.38, "mức lương cơ sở", "buổi làm việc", False, False), (30, "buổi làm việc", "vụ việc", True, False)],
        ),
        (
            "thù lao từ 0,08 - 0,15 mức lương cơ sở/01 văn bản",
            [(0.08, "mức lương cơ sở", "văn bản", False, True), (0.15, "mức lương cơ sở", "văn bản", True, False)],
        ),
        ("được hưởng mức bồi dưỡng bằng 40% mức thù lao áp dụng đối với luật sư", [(40, "%", "", False, False)]),
        ("theo Nghị quyết số 30a/2008/NQ-CP ngày 27 tháng 12 năm 2008 của Chính phủ", []),
        ("dạy nghề dưới 3 tháng được hỗ trợ một lần chi phí học nghề", [(1, "lần", "", False, False)]),
        ("Trong thời hạn 05 (năm) ngày làm việc, kể từ ngày nhận đủ hồ sơ", []),
    ],
)
def test_amount_forms(text, expected):
    assert [(a.value, a.unit, a.per, a.cap, a.floor) for a in extract_amounts(text)] == expected


def test_percentage_keeps_its_base_and_deadline_keeps_its_unit():
    assert extract_amounts("bằng 40% mức thù lao áp dụng đối với luật sư")[0].base == "mức thù lao"
    assert [(d.value, d.unit) for d in extract_deadlines("Trong thời hạn 05 (năm) ngày làm việc, kể từ ngày")] == [
        (5, "ngày làm việc")
    ]


# --- the labelled sample ----------------------------------------------------------------------


def test_amount_precision_and_recall_on_the_labelled_sample():
    pytest.importorskip("ingest.parsers.phapdien")
    labelled = load_labelled()
    assert len(labelled) >= 30 and any(not c["amounts"] for c in labelled)
    parsed = parse_pages(CORPUS, {c["page"] for c in labelled})
    for clause in labelled:  # the labels still describe the clause the parser yields
        found = find_unit_text(parsed[clause["page"]], clause["doc"], clause["unit"])
        assert found is not None, f"{clause['doc']} {clause['unit']} not found"
        assert " ".join(found[1].split())[:60] == " ".join(clause["quote"].split())[:60]
    result = evaluate(labelled, parsed)
    print(f"\nAmount extraction on {len(labelled)} labelled clauses: {result.summary()}")
    for error in result.errors:
        print("  ", error)
    assert result.precision >= 0.9
    assert result.recall >= 0.9


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # 59/2020/TT-BTC Điều 4 khoản 7 writes its cap with a scale word
        ("Mức chi tối đa 300 nghìn đồng/vụ việc", [(300_000, True, False)]),
        ("hỗ trợ 1,5 triệu đồng/người", [(1_500_000, False, False)]),
        # each end of a range keeps its own scale; the "n" of "nghìn" survives the range's "đến"
        ("từ 500 nghìn đến 1 triệu đồng", [(500_000, False, True), (1_000_000, True, False)]),
    ],
)
def test_sums_written_with_a_scale_word(text, values):
    amounts = extract_amounts(text)
    assert [(a.value, a.cap, a.floor) for a in amounts] == values
    assert all(a.unit == "đồng" for a in amounts) and "nghì " not in " ".join(a.text + " " for a in amounts)


# --- references are not quantities -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # Án lệ 43/2021/AL, its decision: "343 Bộ" was read as 343 sets (the unit "bộ").
        "Căn cứ điểm b khoản 2 Điều 337, khoản 2 Điều 343 Bộ luật Tố tụng dân sự;",
        "các điều 168, 323, 342, 425, 438, 689 Bộ luật Dân sự năm 2005",
        "theo Quyết định 343 ngày 05/5/2020 của 343 Bộ Tài chính",
        "quy định tại Điều 12 năm 2015 và khoản 3 tháng 4",
    ],
)
def test_article_and_document_references_are_not_amounts(text):
    assert [a.text for role, a in scan_quantities(text)] == []


def test_real_precedent_sentence_reads_no_count_of_343():
    path = CORPUS / "fixtures" / "pdf" / "an_le_43-2021-AL_textlayer.pdf"
    if not path.exists():
        pytest.skip(f"{path} not available")
    from ingest.pipeline import _read_and_parse

    (precedent,) = _read_and_parse((str(path), 50_000_000, None, str(path))).documents
    texts = [u.text for a in precedent.articles for u in [a, *a.units] if "Điều 343 Bộ luật" in u.text]
    assert texts, "the sentence citing Điều 343 Bộ luật Tố tụng dân sự is no longer in the parsed precedent"
    for text in texts:
        assert not [a for a in extract_amounts(text) if a.unit == "bộ"], text
    # Sets of clothes are still counted (134/2013 Điều 4 khoản 1 wording).
    assert [a.value for a in extract_amounts("được cấp 02 (hai) bộ quần áo dài, 02 (hai) bộ quần áo lót")] == [2, 2]
