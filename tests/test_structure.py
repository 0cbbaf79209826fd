"""ingest.structure: header metadata and the Phần/Chương/Mục/Điều tree from paragraphs."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.structure import parse_legal_text, split_preamble

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

DECREE = [
    "CHÍNH PHỦ\n-------\nSố: 09/2013/NĐ-CP",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------",
    "Hà Nội, ngày 11 tháng 01 năm 2013",
    "NGHỊ ĐỊNH",
    "QUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT",
    "PHÒNG, CHỐNG MUA BÁN NGƯỜI",
    "Căn cứ Luật tổ chức Chính phủ ngày 25 tháng 12 năm 2001;",
    "Căn cứ Luật phòng, chống mua bán người ngày 29 tháng 3 năm 2011;",
    "Chính phủ ban hành Nghị định quy định chi tiết.",
    "Chương I",
    "QUY ĐỊNH CHUNG",
    "Điều 1. Phạm vi điều chỉnh",
    "Nghị định này quy định chi tiết một số điều.",
    "Chương II",
    "HỖ TRỢ NẠN NHÂN",
    "Mục 1. CHẾ ĐỘ HỖ TRỢ",
    "Điều 2. Hỗ trợ nạn nhân",
    "1. Hỗ trợ nhu cầu thiết yếu:",
    "a) Tiền ăn;",
    "b) Chi phí đi lại.",
    "2. Hỗ trợ y tế.",
    "Điều 3. Hiệu lực thi hành",
    "Nghị định này có hiệu lực thi hành kể từ ngày 15 tháng 4 năm 2013.",
    "Nơi nhận:\n- Như trên;",
    "TM. CHÍNH PHỦ\nTHỦ TƯỚNG",
]


def parse(lines, **kwargs):
    return parse_legal_text(lines, source_file="test", **kwargs)


def test_header_metadata_from_decree_layout():
    document = parse(DECREE)
    assert document.number == "09/2013/NĐ-CP"
    assert document.type == "Nghị định"
    assert document.issuer == "Chính phủ"
    assert document.title == "Quy định chi tiết một số điều của luật phòng, chống mua bán người"
    assert document.issued == date(2013, 1, 11)
    assert document.effective == date(2013, 4, 15)


def test_body_tree_ids_paths_and_units():
    document = parse(DECREE)
    assert [a.number for a in document.articles] == ["1", "2", "3"]
    article = document.articles[1]
    assert article.id == "chuong_2__muc_1__dieu_2"
    assert article.path == ["Chương II. HỖ TRỢ NẠN NHÂN", "Mục 1. CHẾ ĐỘ HỖ TRỢ"]
    assert article.title == "Hỗ trợ nạn nhân"
    assert [u.id for u in article.units] == ["chuong_2__muc_1__dieu_2__khoan_1", "chuong_2__muc_1__dieu_2__khoan_2"]
    assert [p.number for p in article.units[0].children] == ["a", "b"]
    # The signature block ends the body.
    assert "Nơi nhận" not in document.articles[-1].text and "TM." not in document.articles[-1].text


def test_preamble_is_kept_out_of_articles_and_returned_separately():
    document = parse(DECREE)
    assert not any("Căn cứ" in a.text for a in document.articles)
    assert split_preamble(DECREE) == [
        "Căn cứ Luật tổ chức Chính phủ ngày 25 tháng 12 năm 2001;",
        "Căn cứ Luật phòng, chống mua bán người ngày 29 tháng 3 năm 2011;",
        "Chính phủ ban hành Nghị định quy định chi tiết.",
    ]


def test_old_style_headings_title_on_next_line():
    lines = [
        "QUỐC HỘI",
        "Số: 21-LCT/HĐNN8",
        "LUẬT",
        "BẢO VỆ SỨC KHOẺ NHÂN DÂN",
        "CHƯƠNG I",
        "NHỮNG QUY ĐỊNH CHUNG",
        "Điều 1",
        "Quyền và nghĩa vụ của công dân.",
        "1- Công dân có quyền được bảo vệ sức khoẻ.",
        "CHƯƠNG XI",
        "ĐIỀU KHOẢN CUỐI CÙNG",
        "Điều 54",
        "Những quy định trước đây trái với Luật này đều bãi bỏ.",
        "Luật này đã được Quốc hội nước Cộng hoà xã hội chủ nghĩa Việt Nam khoá VIII "
        "thông qua ngày 30 tháng 6 năm 1989.",
    ]
    document = parse(lines)
    first, last = document.articles
    assert (first.id, first.title, first.path) == (
        "chuong_1__dieu_1",
        "Quyền và nghĩa vụ của công dân",
        ["Chương I. NHỮNG QUY ĐỊNH CHUNG"],
    )
    # A single line after an old-style heading is the article's text, not its title.
    assert (last.id, last.title, last.text) == (
        "chuong_11__dieu_54",
        "",
        "Những quy định trước đây trái với Luật này đều bãi bỏ.",
    )
    assert document.issued == date(1989, 6, 30)  # no place/date line: the adoption date
    assert document.issuer == "Quốc hội"


def test_decision_style_articles_without_titles():
    lines = [
        "BỘ Y TẾ",
        "Số: 1667/QĐ-BYT",
        "Hà Nội, ngày 14 tháng 6 năm 2024",
        "QUYẾT ĐỊNH",
        "Về việc áp dụng",
        "__________",
        "BỘ TRƯỞNG BỘ Y TẾ",
        "QUYẾT ĐỊNH:",
        "Điều 1. Quyết định này áp dụng đối với:",
        "1. Các đơn vị dự toán.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký, ban hành.",
        "Điều 3. Các Ông, Bà: Chánh Văn phòng chịu trách nhiệm thi hành./.",
    ]
    document = parse(lines)
    assert document.type == "Quyết định" and document.title == "Về việc áp dụng"
    assert [a.title for a in document.articles] == ["", "", ""]
    assert document.articles[0].text.startswith("Quyết định này áp dụng đối với:")
    assert document.effective == date(2024, 6, 14)  # 'kể từ ngày ký' = issue date
    assert split_preamble(lines) == ["QUYẾT ĐỊNH:"]


def test_decomposed_unicode_heading_is_found():
    heading = unicodedata.normalize("NFD", "Điều 2. Đối tượng áp dụng")
    document = parse(["Số: 1/2020/NĐ-CP", "NGHỊ ĐỊNH", "Về x", "Điều 1. A", "Nội dung.", heading, "Nội dung hai."])
    assert [a.number for a in document.articles] == ["1", "2"]
    assert document.articles[1].title == "Đối tượng áp dụng"


def test_table_of_contents_and_footnotes_of_consolidated_text():
    lines = [
        "Văn bản hợp nhất",
        "Chương I QUY ĐỊNH CHUNG\t1",
        "Điều 1. Phạm vi điều chỉnh\t1",
        "Điều 2. Đối tượng [2]\t2",
        "VĂN PHÒNG QUỐC HỘI",
        "Số: 126/VBHN-VPQH",
        "LUẬT",
        "ĐẤU THẦU",
        "Quốc hội ban hành Luật Đấu thầu [1] .",
        "Chương I",
        "QUY ĐỊNH CHUNG [3]",
        "Điều 1. Phạm vi điều chỉnh",
        "Luật này quy định về đấu thầu.",
        "Điều 2. Đối tượng [2]",
        "1. [4] Cơ quan nhà nước.",
        "Nơi nhận:",
        "[1] Luật số 57/2024/QH15 có căn cứ ban hành như sau:",
        "“Điều 5. Hiệu lực thi hành",
        "[2] Điều này được sửa đổi.",
        "[3] Chương này.",
        "[4] Khoản này được bổ sung.",
    ]
    document = parse(lines)
    assert document.type == "Văn bản hợp nhất" and document.title == "Luật Đấu thầu"
    assert document.issuer == "Văn phòng Quốc hội"
    assert [a.number for a in document.articles] == ["1", "2"]
    second = document.articles[1]
    assert second.title == "Đối tượng" and second.text == "1. Cơ quan nhà nước."
    assert second.path == ["Chương I. QUY ĐỊNH CHUNG"]
    assert second.note == "[2] Điều này được sửa đổi.\n[4] Khoản này được bổ sung."


def test_text_without_articles_becomes_one_article():
    lines = [
        "ÁN LỆ SỐ 43/2021/AL",
        "Về hiệu lực của hợp đồng thế chấp",
        "Được Hội đồng Thẩm phán Tòa án nhân dân tối cao thông qua ngày 24 tháng 02 năm 2021.",
        "NỘI DUNG VỤ ÁN:",
        "[1] Về số tiền nợ gốc ...",
    ]
    document = parse(lines)
    assert (document.number, document.type, document.title) == (
        "43/2021/AL",
        "Án lệ",
        "Về hiệu lực của hợp đồng thế chấp",
    )
    assert document.issuer == "Hội đồng Thẩm phán Tòa án nhân dân tối cao"
    assert document.issued == date(2021, 2, 24)
    [article] = document.articles
    assert (article.number, article.id) == ("", "noi_dung")
    assert "[1] Về số tiền nợ gốc" in article.text  # paragraph numbers are not footnote markers


def test_hints_override_and_defaults_fill():
    document = parse(
        DECREE,
        hints={"number": "9/2013/NĐ-CP", "issued": "2013-01-12"},
        defaults={"issuer": "ignored", "url": "https://example.test/x"},
    )
    assert document.number == "9/2013/NĐ-CP" and document.issued == date(2013, 1, 12)
    assert document.issuer == "Chính phủ" and document.url == "https://example.test/x"


def test_errors_name_the_problem():
    with pytest.raises(IngestError, match="no legal structure found"):
        parse(["Một bài viết bình thường.", "Không có điều khoản nào."])
    with pytest.raises(IngestError, match="no document number"):
        parse(["NGHỊ ĐỊNH", "Về x", "Điều 1. A", "Nội dung."])


def test_out_of_sequence_article_heading_is_text():
    lines = [
        "Số: 2/2020/NĐ-CP",
        "NGHỊ ĐỊNH",
        "Về x",
        "Điều 1. Sửa đổi",
        "Điều 1. Nội dung được trích dẫn",
        "Điều 2. B",
        "Nội dung.",
    ]
    document = parse(lines)
    assert [a.number for a in document.articles] == ["1", "2"]
    assert document.articles[0].text == "Điều 1. Nội dung được trích dẫn"


@pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")
def test_real_consolidated_text_keeps_footnote_quotes_out():
    from ingest.parsers.docx import docx_lines

    data = (CORPUS / "fixtures/docx/vbhn_126-VBHN-VPQH-2025_luat_dau_thau.docx").read_bytes()
    document = parse(docx_lines(data))
    numbers = [a.number for a in document.articles]
    assert len(numbers) == len(set(numbers)) == 99  # Điều 1-96 + 29a, 29b, 34a
    # Footnote [169] quotes 'Điều 6. Quy định chuyển tiếp' of the amending law: not an article.
    assert numbers[-1] == "96" and "Quy định chuyển tiếp" == document.articles[-1].title
    assert all("[" not in a.title for a in document.articles)


def test_table_of_contents_without_page_tabs_is_skipped():
    # A TOC extracted from PDF has lost its tabs: entries are headings followed by headings.
    toc = [
        "Chương I QUY ĐỊNH CHUNG 1",
        "Điều 1. Phạm vi 1",
        "Điều 2. Đối tượng 2",
        "Chương II THI HÀNH 3",
        "Điều 3. Hiệu lực 3",
    ]
    body = [
        "Chương I",
        "QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi",
        "Văn bản một.",
        "Điều 2. Đối tượng",
        "Văn bản hai.",
        "Chương II",
        "THI HÀNH",
        "Điều 3. Hiệu lực",
        "Văn bản ba.",
    ]
    document = parse(["Số: 3/2021/NĐ-CP", "NGHỊ ĐỊNH", "Về x", *toc, *body])
    assert [(a.id, a.text) for a in document.articles] == [
        ("chuong_1__dieu_1", "Văn bản một."),
        ("chuong_1__dieu_2", "Văn bản hai."),
        ("chuong_2__dieu_3", "Văn bản ba."),
    ]
