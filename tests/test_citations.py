"""Citation extraction on sentences copied from the real corpus (phapdien topic 39.8 unless
said otherwise), plus a run over the whole codified corpus for coverage and speed."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from ingest.catalogue import load_catalogue
from ingest.citations import extract_citations, extract_preamble_basis
from ingest.model import BAI_BO, CAN_CU, QUY_DINH_CHI_TIET, THAY_THE, TRICH_DAN, Article, Document

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
NAMES = load_catalogue().names()


def document(
    number: str, doc_type: str, issued: date, *texts: str, title: str = "", effective: date | None = None
) -> Document:
    articles = [Article(number=str(i), title="", text=text, id=f"dieu_{i}") for i, text in enumerate(texts, 1)]
    return Document(number=number, type=doc_type, title=title, issued=issued, effective=effective, articles=articles)


def links(relations) -> set[tuple]:
    return {(r.type, r.target, r.target_article, r.source_article) for r in relations}


def test_article_list_before_a_numbered_decree():
    # 134/2013/TTLT-BTC-BLĐTBXH, Điều 2 khoản 2.
    doc = document(
        "134/2013/TTLT-BTC-BLĐTBXH",
        "Thông tư liên tịch",
        date(2013, 9, 25),
        "2. Ngân sách địa phương hỗ trợ cho các cơ sở hỗ trợ nạn nhân để thực hiện hỗ trợ nhu cầu thiết yếu "
        "và chi phí đi lại, hỗ trợ y tế, hỗ trợ tâm lý cho nạn nhân theo quy định tại Điều 19, Điều 20 và "
        "Điều 21 Nghị định số 09/2013/NĐ-CP và mức chi quy định tại Thông tư này trên cơ sở số nạn nhân "
        "được cơ sở trợ giúp.",
    )
    assert links(extract_citations(doc, NAMES)) == {
        (TRICH_DAN, "09/2013/NĐ-CP", "19", "1"),
        (TRICH_DAN, "09/2013/NĐ-CP", "20", "1"),
        (TRICH_DAN, "09/2013/NĐ-CP", "21", "1"),
    }


def test_points_and_clause_before_article_and_truncated_number_completed_from_catalogue():
    # 35/2013/TT-BLĐTBXH: "điểm a, điểm b và điểm c Khoản 1, Điều 4, Nghị định số ...";
    # 01/2014/TTLT: the corpus really writes "62/2012/NĐ" without "-CP".
    doc = document(
        "01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG",
        "Thông tư liên tịch",
        date(2014, 2, 10),
        "Ngoài việc đáp ứng các Điều kiện quy định tại điểm a, điểm b và điểm c Khoản 1, Điều 4, Nghị định "
        "số 09/2013/NĐ-CP ngày 11 tháng 01 năm 2013 của Chính phủ (sau đây gọi tắt là Nghị định số "
        "09/2013/NĐ-CP), cơ sở hỗ trợ nạn nhân còn phải đáp ứng các Điều kiện sau:",
        "Nạn nhân quy định trong Thông tư liên tịch này được xác định theo Điều 5 Nghị định số 62/2012/NĐ "
        "ngày 13 tháng 8 năm 2012 của Chính phủ.",
    )
    found = links(extract_citations(doc, NAMES))
    assert (TRICH_DAN, "09/2013/NĐ-CP", "4", "1") in found
    # The later bare mention of the same decree adds no document-level duplicate.
    assert (TRICH_DAN, "09/2013/NĐ-CP", None, "1") not in found
    assert (TRICH_DAN, "62/2012/NĐ-CP", "5", "2") in found


def test_law_name_without_number_resolves_by_the_citing_texts_date():
    # 62/2012/NĐ-CP Điều 1 and Điều 2; in 2012 "Luật Phòng, chống mua bán người" is 66/2011/QH12.
    doc = document(
        "62/2012/NĐ-CP",
        "Nghị định",
        date(2012, 8, 13),
        "Nghị định này quy định chi tiết thi hành một số điều của Luật Phòng, chống mua bán người về căn cứ "
        "xác định nạn nhân và bảo vệ an toàn cho nạn nhân, người thân thích của họ.",
        "Nghị định này áp dụng đối với nạn nhân của một trong các hành vi quy định tại các Khoản 1, 2 và 3 "
        "Điều 3 Luật Phòng, chống mua bán người; người thân thích của nạn nhân.",
    )
    assert links(extract_citations(doc, NAMES)) == {
        (QUY_DINH_CHI_TIET, "66/2011/QH12", None, "1"),
        (TRICH_DAN, "66/2011/QH12", "3", "2"),
    }
    # The same words written after 01/07/2025 name the 2024 law.
    later = document(
        "999/2025/NĐ-CP", "Nghị định", date(2025, 8, 1), "theo quy định của Luật Phòng, chống mua bán người;"
    )
    assert links(extract_citations(later, NAMES)) == {(TRICH_DAN, "53/2024/QH15", None, "1")}
    # Before either law existed the name resolves to nothing rather than to a law passed later.
    earlier = document("1/2009/NĐ-CP", "Nghị định", date(2009, 1, 1), "theo Luật Phòng, chống mua bán người")
    assert extract_citations(earlier, NAMES) == []


def test_guidance_of_listed_articles_of_a_law():
    # 01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG Điều 1 (lower-case "phòng" as in the source).
    doc = document(
        "01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG",
        "Thông tư liên tịch",
        date(2014, 2, 10),
        "1. Thông tư liên tịch này hướng dẫn về trình tự, thủ tục và quan hệ phối hợp giữa các cơ quan chức "
        "năng của Bộ Công an, Bộ Quốc phòng, Bộ Lao động - Thương binh và Xã hội và Bộ Ngoại giao trong việc "
        "xác minh, xác định, tiếp nhận và trao trả nạn nhân bị mua bán (gọi tắt là nạn nhân) quy định tại "
        "các Điều 24, Điều 25 và Điều 26 Luật phòng, chống mua bán người.",
    )
    assert links(extract_citations(doc, NAMES)) == {
        (QUY_DINH_CHI_TIET, "66/2011/QH12", "24", "1"),
        (QUY_DINH_CHI_TIET, "66/2011/QH12", "25", "1"),
        (QUY_DINH_CHI_TIET, "66/2011/QH12", "26", "1"),
    }


def test_internal_references_keep_articles_and_skip_dieu_nay():
    # 66/2011/QH12 Điều 3 (khoản 3), Điều 25, Điều 27.
    doc = document(
        "66/2011/QH12",
        "Luật",
        date(2011, 3, 29),
        "3. Tuyển mộ, vận chuyển, chứa chấp người để thực hiện hành vi quy định tại khoản 1 và khoản 2 Điều này.",
        "Phòng Lao động – Thương binh và Xã hội đề nghị cơ quan Công an cùng cấp xác minh nạn nhân theo quy "
        "định tại khoản 4 Điều 24 của Luật này.",
        "2. Chính phủ quy định chi tiết khoản 1 Điều này.",
    )
    assert links(extract_citations(doc, NAMES)) == {(TRICH_DAN, "66/2011/QH12", "24", "2")}


def test_explicit_number_wins_over_the_name_and_articles_before_a_named_law():
    doc = document(
        "09/2013/NĐ-CP",
        "Nghị định",
        date(2013, 1, 11),
        "Nạn nhân là người bị xâm hại quy định tại Điều 27 Luật Phòng, chống mua bán người số 66/2011/QH12.",
        "quy định tại khoản 2 Điều 5 Nghị định số 62/2012/NĐ-CP ngày 13 tháng 8 năm 2012",
    )
    assert links(extract_citations(doc, NAMES)) == {
        (TRICH_DAN, "66/2011/QH12", "27", "1"),
        (TRICH_DAN, "62/2012/NĐ-CP", "5", "2"),
    }


def test_repeal_clause_lists_targets_but_not_the_texts_they_describe():
    # 134/2013/TTLT-BTC-BLĐTBXH Điều 7: 17/2007/QĐ-TTg is only described, 113/2010 is repealed too.
    doc = document(
        "134/2013/TTLT-BTC-BLĐTBXH",
        "Thông tư liên tịch",
        date(2013, 9, 25),
        "1. Thông tư này có hiệu lực thi hành kể từ ngày 10 tháng 11 năm 2013.\n"
        "2. Bãi bỏ Thông tư liên tịch số 116/2007/TTLT-BTC-BLĐTBXH ngày 27/9/2007 của liên Bộ Tài chính, Bộ "
        "Lao động - Thương binh và Xã hội hướng dẫn nội dung chi, mức chi cho công tác xác minh, tiếp nhận và "
        "hỗ trợ phụ nữ, trẻ em bị buôn bán từ nước ngoài trở về tái hòa nhập cộng đồng theo Quyết định số "
        "17/2007/QĐ-TTg ngày 29/01/2007 của Thủ tướng Chính phủ và Thông tư liên tịch số "
        "113/2010/TTLT-BTC-BLĐTBXH ngày 3/8/2010 sửa đổi, bổ sung Thông tư liên tịch số "
        "116/2007/TTLT-BTC-BLĐTBXH.\n"
        "3. Trường hợp các văn bản được dẫn chiếu tại Thông tư này được sửa đổi, bổ sung, thay thế thì thực "
        "hiện theo văn bản mới ban hành.",
    )
    relations = extract_citations(doc, NAMES)
    assert links(relations) == {
        (BAI_BO, "116/2007/TTLT-BTC-BLĐTBXH", None, "1"),
        (BAI_BO, "113/2010/TTLT-BTC-BLĐTBXH", None, "1"),
        (TRICH_DAN, "17/2007/QĐ-TTg", None, "1"),
    }
    assert {r.date for r in relations if r.type == BAI_BO} == {"2013-11-10"}


def test_replacement_in_effect_clause_is_dated_and_passive_uses_are_not():
    # 01/2014/TTLT Điều 10; then 14/2020/TT-BLĐTBXH's "chăm sóc thay thế" and 02/2021/TT-BTP's "người thay thế".
    doc = document(
        "01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG",
        "Thông tư liên tịch",
        date(2014, 2, 10),
        "Thông tư liên tịch này có hiệu lực thi hành kể từ ngày 25 tháng 3 năm 2014 và thay thế Thông tư liên "
        "tịch số 03/2008/TTLT-BCA-BQP-BNG-BLĐTBXH ngày 08 tháng 5 năm 2008 của liên Bộ: Công an, Quốc phòng, "
        "Ngoại giao, Lao động - Thương binh và Xã hội hướng dẫn trình tự.",
        "thù lao, bồi dưỡng cho cả 02 người (người thay thế và người bị thay thế) theo quy định tại khoản 1 "
        "Điều 13 Nghị định số 144/2017/NĐ-CP",
    )
    relations = extract_citations(doc, NAMES)
    assert links(relations) == {
        (THAY_THE, "03/2008/TTLT-BCA-BQP-BNG-BLĐTBXH", None, "1"),
        (TRICH_DAN, "144/2017/NĐ-CP", "13", "2"),
    }
    assert relations[0].date == "2014-03-25"


def test_expiry_sentence_replaces_same_type_and_repeals_other_types():
    # 53/2024/QH15's effect clause has the shape of 11/2017/QH14 Điều 47 (read in topic 4.5).
    law = document(
        "53/2024/QH15",
        "Luật",
        date(2024, 11, 28),
        "1. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.\n"
        "2. Luật Phòng, chống mua bán người số 66/2011/QH12 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.",
    )
    relations = extract_citations(law, NAMES)
    assert links(relations) == {(THAY_THE, "66/2011/QH12", None, "1")}
    assert relations[0].date == "2025-07-01"
    # 03/2020/TT-BTP Điều 3: a Thông tư ending a Quyết định; effective date taken from the document.
    circular = document(
        "03/2020/TT-BTP",
        "Thông tư",
        date(2020, 4, 28),
        "Quyết định số 09/2008/QĐ-BTP ngày 08/12/2008 của Bộ trưởng Bộ Tư pháp ban hành Quy tắc nghề "
        "nghiệp trợ giúp pháp lý hết hiệu lực kể từ ngày Thông tư này có hiệu lực.",
        effective=date(2020, 6, 15),
    )
    assert [(r.type, r.target, r.date) for r in extract_citations(circular, NAMES)] == [
        (BAI_BO, "09/2008/QĐ-BTP", "2020-06-15")
    ]


def test_title_names_the_detailed_text():
    doc = document(
        "35/2013/TT-BLĐTBXH",
        "Thông tư",
        date(2013, 12, 30),
        title="Hướng dẫn thi hành một số điều của Nghị định số 09/2013/NĐ-CP ngày 11 tháng 01 năm 2013 của "
        "Chính phủ quy định chi tiết thi hành một số điều của Luật Phòng, chống mua bán người",
    )
    assert links(extract_citations(doc, NAMES)) == {(QUY_DINH_CHI_TIET, "09/2013/NĐ-CP", None, None)}


def test_preamble_basis_resolves_names_by_written_date():
    # Preamble of Quyết định 1137/QĐ-TTg (2025) and a numbered basis.
    lines = [
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
        "Căn cứ Luật Phòng, chống mua bán người ngày 28 tháng 11 năm 2024;",
        "Căn cứ Quyết định số 793/QĐ-TTg ngày 10 tháng 5 năm 2016 của Thủ tướng Chính phủ về việc lấy ngày 30/7;",
        "Căn cứ Nghị định số 09/2013/NĐ-CP ngày 11 tháng 01 năm 2013 của Chính phủ quy định chi tiết thi hành "
        "một số điều của Luật Phòng, chống mua bán người;",
        "Theo đề nghị của Bộ trưởng Bộ Công an.",
    ]
    assert links(extract_preamble_basis(lines, NAMES)) == {
        (CAN_CU, "53/2024/QH15", None, None),
        (CAN_CU, "793/QĐ-TTg", None, None),
        (CAN_CU, "09/2013/NĐ-CP", None, None),
    }


def test_no_self_relation_at_document_level():
    doc = document(
        "09/2013/NĐ-CP",
        "Nghị định",
        date(2013, 1, 11),
        "Trước ngày 15 tháng 8 năm 2014, các cơ sở phải làm thủ tục theo quy định của Nghị định số "
        "09/2013/NĐ-CP và Nghị định này.",
    )
    assert extract_citations(doc, NAMES) == []


def test_whole_codified_corpus_is_fast_and_finds_the_known_links():
    path = CORPUS / "phapdien" / "demuc_39.8_phong-chong-mua-ban-nguoi.html"
    if not path.exists():
        pytest.skip("shared corpus not available")
    from ingest.parsers.phapdien import parse_phapdien

    documents = []
    for page in sorted((CORPUS / "phapdien").glob("*.html")):
        documents += parse_phapdien(page, page.read_bytes())
    started = time.perf_counter()
    found = {d.number: links(extract_citations(d, NAMES)) for d in documents}
    elapsed = time.perf_counter() - started
    assert sum(len(d.articles) for d in documents) > 1000
    assert elapsed < 5, f"citations took {elapsed:.1f}s"
    assert (QUY_DINH_CHI_TIET, "66/2011/QH12", None, "1") in found["09/2013/NĐ-CP"]
    assert (THAY_THE, "03/2008/TTLT-BCA-BQP-BNG-BLĐTBXH", None, "10") in found["01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG"]
    assert (THAY_THE, "69/2006/QH11", None, "47") in found["11/2017/QH14"]
    assert (QUY_DINH_CHI_TIET, "102/2016/QH13", None, None) in found["56/2017/NĐ-CP"]
    assert not any(r[1] == number and r[2] is None for number, rels in found.items() for r in rels)
