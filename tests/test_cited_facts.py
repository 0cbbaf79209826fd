"""Facts users copy into their own papers (issue 9, outside audit): issuers, citation forms, status
notes and their evidence, on the whole real corpus parsed as `vnlex ingest` sees it."""

from __future__ import annotations

import re
from datetime import date

from ingest.catalogue import load_catalogue
from ingest.catalogue_facts import ENTRY_FIELDS, fact_label
from ingest.document_citation import citation_form
from ingest.model import HET_HIEU_LUC, QUY_DINH_CHI_TIET, THAY_THE, Document, Relation
from ingest.status import compute_status
from tests.conftest import TODAY
from tests.test_facts import corpus  # noqa: F401  (the module-scoped parsed corpus)

COUNCIL_OF_JUDGES = "Hội đồng Thẩm phán Tòa án nhân dân tối cao"


def test_resolutions_of_the_council_of_judges_name_the_council_as_issuer(corpus):  # noqa: F811
    resolutions = [d for number, d in corpus.items() if number.endswith("/NQ-HĐTP")]
    assert len(resolutions) >= 7
    for resolution in resolutions:
        assert resolution.issuer == COUNCIL_OF_JUDGES, resolution.number
    resolution = corpus["02/2019/NQ-HĐTP"]
    assert citation_form(resolution).startswith(
        f"Nghị quyết số 02/2019/NQ-HĐTP ngày 11/01/2019 của {COUNCIL_OF_JUDGES} hướng dẫn áp dụng Điều 150"
    )
    issuers = {f["value"]: f for f in resolution.facts if f["field"] == "issuer"}
    # The text's own adoption formula decides; the codified note's shorter name stays, with its source.
    assert issuers[COUNCIL_OF_JUDGES]["kept"] and "Điều 9" in issuers[COUNCIL_OF_JUDGES]["source"]
    shorter = issuers["Tòa án nhân dân tối cao"]
    assert not shorter["kept"] and "Bộ pháp điển" in shorter["source"]


def test_prime_minister_decisions_are_cited_as_of_the_prime_minister_of_the_government(corpus):  # noqa: F811
    decision = corpus["32/2016/QĐ-TTg"]
    assert decision.issuer == "Thủ tướng Chính phủ"
    assert "/2016 của Thủ tướng Chính phủ ban hành chính sách trợ giúp pháp lý" in citation_form(decision)
    kept = next(f for f in decision.facts if f["field"] == "issuer" and f["kept"])
    assert "TTg" in kept["source"]
    # One spelling per body, so the /van-ban issuer facet does not split it.
    issuers = {d.issuer for d in corpus.values()}
    assert "Thủ tướng" not in issuers
    assert not any(d.issuer == "Tòa án nhân dân tối cao" for n, d in corpus.items() if "HĐTP" in n)


def test_a_consolidated_text_is_cited_as_consolidating_the_law(corpus):  # noqa: F811
    # Its cover line reads "HỢP NHẤT LUẬT ĐẤU THẦU 126/VBHN-VPQH 2025": the office consolidates the law,
    # it does not issue it, so the law's name follows "hợp nhất", not the issuer directly.
    assert citation_form(corpus["126/VBHN-VPQH"]) == (
        "Văn bản hợp nhất số 126/VBHN-VPQH ngày 27/08/2025 của Văn phòng Quốc hội hợp nhất Luật Đấu thầu"
    )


def test_status_notes_write_document_numbers_as_the_texts_do():
    # A text detailing texts the collection lacks lists them as it cites them: leading zeros, Đ, case.
    circular = Document(
        "02/2026/TT-BNG",
        "Thông tư",
        issued=date(2026, 3, 20),
        effective=date(2026, 5, 5),
        relations=[
            Relation(QUY_DINH_CHI_TIET, "06/2024/QĐ-TTg"),
            Relation(QUY_DINH_CHI_TIET, "05/2025/TT-BTP"),
            Relation(QUY_DINH_CHI_TIET, "07/2007/NĐ-CP"),
        ],
    )
    compute_status([circular], load_catalogue(), TODAY)
    assert circular.status == ""
    assert "(05/2025/TT-BTP, 06/2024/QĐ-TTg, 07/2007/NĐ-CP)" in circular.status_note


def test_a_clause_applying_another_texts_provision_does_not_keep_a_text_alive():
    # 10/2011/TTLT-BTP-TTCP details Luật 69/2006/QH11 (catalogue); one of its clauses applies "các giấy tờ
    # quy định tại khoản 3, Điều 3 Nghị định số 136/2006/NĐ-CP" (a clause-level link, basis "text"), which is
    # not what the circular was issued to detail, so it does not block the rule once the law has expired.
    circular = Document(
        "10/2011/TTLT-BTP-TTCP",
        "Thông tư liên tịch",
        issued=date(2011, 6, 6),
        effective=date(2011, 8, 1),
        relations=[Relation(QUY_DINH_CHI_TIET, "136/2006/NĐ-CP", "3", "6", basis="text")],
    )
    compute_status([circular], load_catalogue(), TODAY)
    assert (circular.status, circular.expired) == (HET_HIEU_LUC, date(2018, 1, 1)), circular.status_note
    assert "69/2006/QH11" in circular.status_note and "136/2006" not in circular.status_note


def test_legal_aid_circulars_detailing_the_2006_law_all_expired_with_it(corpus):  # noqa: F811
    for number in ("10/2011/TTLT-BTP-TTCP", "11/2014/TT-BTP", "01/2012/TTLT-BTP-UBDT", "08/2008/TTLT-BTP-BNV"):
        document = corpus[number]
        assert (document.status, document.expired) == (HET_HIEU_LUC, date(2018, 1, 1)), (number, document.status_note)
        assert "69/2006/QH11" in document.status_note


def test_a_parent_known_only_by_its_replacement_counts_as_expired():
    # 144/2017/NĐ-CP Điều 20 replaces 07/2007/NĐ-CP from 01/01/2018; the collection lacks 07/2007's text,
    # yet a text issued to detail it expires with it, as one detailing a catalogued law does.
    decree = Document(
        "144/2017/NĐ-CP",
        "Nghị định",
        issued=date(2017, 12, 15),
        effective=date(2018, 1, 1),
        relations=[Relation(THAY_THE, "07/2007/NĐ-CP", None, "20", "2018-01-01")],
    )
    circular = Document(
        "1/2010/TT-X",
        "Thông tư",
        issued=date(2010, 1, 1),
        effective=date(2010, 2, 1),
        relations=[Relation(QUY_DINH_CHI_TIET, "07/2007/NĐ-CP")],
    )
    compute_status([decree, circular], load_catalogue(), TODAY)
    assert (circular.status, circular.expired) == (HET_HIEU_LUC, date(2018, 1, 1)), circular.status_note
    assert "07/2007/NĐ-CP hết hiệu lực từ 01/01/2018, bị thay thế bởi 144/2017/NĐ-CP" in circular.status_note


# Internal notes a user must never be pointed to (the project's files, brief, issues) and English sentences.
INTERNAL = re.compile(
    r"README|shared/|corpus/catalogue|đề bài dự án|\bissue\b|\bbrief\b|\b(?:the|not|and|from|searched|corpus)\b", re.I
)


def test_catalogue_provenance_shown_to_users_is_vietnamese_and_names_no_internal_note(corpus):  # noqa: F811
    catalogue = load_catalogue()
    shown = [
        fact_label(entry, name)
        for entry in catalogue.entries
        for name in (*ENTRY_FIELDS, *(f"relations[{i}]" for i in range(len(entry.relations))), "no-such-fact")
    ]
    for rule in catalogue.rules.values():
        shown += [rule.citation_on(v.in_force_from) for v in rule.versions if v.in_force_from]
    shown += [d.status_note for d in corpus.values()]
    shown += [f["source"] for d in corpus.values() for f in d.facts]
    shown += [r.note for d in corpus.values() for r in d.relations if r.basis == "catalogue" or not r.source_article]
    assert not [text for text in shown if INTERNAL.search(text)]
    # The provenance stays: an unverified fact still says it is unverified and what it rests on.
    law = corpus["66/2011/QH12"]
    assert "chưa đối chiếu với văn bản; dựa trên: ghi chú của nhóm phát triển vnlex" in law.status_note
    # What the developers read stays in the catalogue for them, beside the wording users see.
    replacement = catalogue.get("53/2024/QH15").evidence["relations[0]"]
    assert "shared/README.md" in replacement.note and not INTERNAL.search(replacement.label())


def test_a_news_citation_says_when_the_page_names_no_publisher(corpus):  # noqa: F811
    assert citation_form(corpus["news:001_470cd60375e1af43"]) == (
        "Hợp tác quốc tế trong phòng chống mua bán người (trang tin không ghi tên đơn vị đăng, 16/07/2015)"
    )
    assert citation_form(corpus["news:000_05fd690002272884"]).endswith("(Báo Lao động và Xã hội, 12/11/2024)")
