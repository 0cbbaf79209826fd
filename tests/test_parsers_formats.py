"""Golden tests of the format parsers on the real fixtures in shared/corpus, plus bad inputs.

Every pinned value was checked against the fixture text (see SOURCES.tsv notes).
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from datetime import date
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.model import CAN_CU
from ingest.parsers.docx import parse_docx
from ingest.parsers.pdf import parse_pdf
from ingest.parsers.text import decode_text, parse_text
from ingest.parsers.vbpl_html import is_vbpl, parse_vbpl_html

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
FIXTURES = CORPUS / "fixtures"
needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not present")

_cache: dict[str, object] = {}


def load(relative: str):
    """One Document per fixture, parsed once per test session (pdfminer is slow)."""
    if relative not in _cache:
        path = FIXTURES / relative
        parser = {".docx": parse_docx, ".pdf": parse_pdf, ".md": parse_text, ".html": parse_vbpl_html}[path.suffix]
        [_cache[relative]] = parser(path, path.read_bytes())
    return _cache[relative]


def by_number(document):
    return {a.number: a for a in document.articles}


def numbers(document):
    return [a.number for a in document.articles]


# ------------------------------------------------------------------ DOCX


@needs_corpus
def test_civil_code_docx():
    document = load("docx/bo_luat_91-2015-QH13_dan_su.docx")
    assert (document.number, document.type, document.title) == ("91/2015/QH13", "Bộ luật", "Dân sự")
    assert document.issuer == "Quốc hội"
    assert document.issued == date(2015, 11, 24)  # 'thông qua ngày 24 tháng 11 năm 2015'
    assert document.effective == date(2017, 1, 1)
    assert numbers(document) == [str(n) for n in range(1, 690)]
    articles = by_number(document)
    assert articles["20"].id == "phan_1__chuong_3__muc_1__dieu_20"
    assert articles["20"].path == [
        "Phần thứ nhất. QUY ĐỊNH CHUNG",
        "Chương III. CÁ NHÂN",
        "Mục 1. NĂNG LỰC PHÁP LUẬT DÂN SỰ, NĂNG LỰC HÀNH VI DÂN SỰ CỦA CÁ NHÂN",
    ]
    assert articles["20"].title == "Người thành niên"
    assert articles["20"].text.startswith("1. Người thành niên là người từ đủ mười tám tuổi trở lên.")
    assert articles["385"].title == "Khái niệm hợp đồng"
    assert articles["385"].path[-1] == "Mục 7. HỢP ĐỒNG"
    assert articles["689"].id == "phan_6__dieu_689"  # Phần thứ sáu has no Chương
    # The adoption formula and the signature table are not part of the last article.
    assert articles["689"].text == (
        "Bộ luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2017.\n"
        "Bộ luật dân sự số 33/2005/QH11 hết hiệu lực kể từ ngày Bộ luật này có hiệu lực."
    )


@needs_corpus
def test_bidding_law_docx_including_decomposed_heading():
    document = load("docx/luat_22-2023-QH15_dau_thau.docx")
    assert (document.number, document.type, document.title, document.issuer) == (
        "22/2023/QH15",
        "Luật",
        "Đấu thầu",
        "Quốc hội",
    )
    assert (document.issued, document.effective) == (date(2023, 6, 23), date(2024, 1, 1))
    assert numbers(document) == [str(n) for n in range(1, 97)]
    # "Điều 71" is written with ê (U+00EA) + combining grave U+0300 instead of ề (U+1EC1): NFC first.
    article = by_number(document)["71"]
    assert article.title == "Ký kết hợp đồng và nguyên tắc thực hiện hợp đồng dự án đầu tư kinh doanh"
    assert article.path == ["Chương VII. HỢP ĐỒNG", "Mục 2. HỢP ĐỒNG DỰ ÁN ĐẦU TƯ KINH DOANH VỚI NHÀ ĐẦU TƯ"]
    assert all(unicodedata.is_normalized("NFC", a.text) for a in document.articles)
    assert [u.number for u in by_number(document)["20"].units] == ["1", "2"]


@needs_corpus
def test_decree_docx():
    document = load("docx/nd_19-2019-ND-CP_ho_hui.docx")
    assert (document.number, document.type, document.issuer) == ("19/2019/NĐ-CP", "Nghị định", "Chính phủ")
    assert document.title == "Về họ, hụi, biêu, phường"
    assert (document.issued, document.effective) == (date(2019, 2, 19), date(2019, 4, 5))
    assert numbers(document) == [str(n) for n in range(1, 29)]
    assert by_number(document)["4"].title == "Giải thích từ ngữ"
    assert by_number(document)["28"].path == ["Chương V. ĐIỀU KHOẢN THI HÀNH"]
    assert "Nơi nhận" not in by_number(document)["28"].text


@needs_corpus
def test_judges_council_resolution_docx():
    document = load("docx/nq_01-2020-NQ-HDTP.docx")
    assert (document.number, document.type) == ("01/2020/NQ-HĐTP", "Nghị quyết")
    assert document.issuer == "Hội đồng Thẩm phán Tòa án nhân dân tối cao"
    assert document.title.startswith("Hướng dẫn áp dụng một số quy định của pháp luật")
    assert (document.issued, document.effective) == (date(2020, 3, 5), date(2020, 4, 10))
    assert numbers(document) == [str(n) for n in range(1, 9)]
    article = by_number(document)["8"]
    assert article.title == "Hiêu lực thi hành"  # typo is in the source
    assert (article.id, article.path) == ("dieu_8", [])


@needs_corpus
def test_decision_docx_with_header_tables():
    document = load("docx/qd_1667-QD-BYT.docx")
    assert (document.number, document.type, document.issuer) == ("1667/QĐ-BYT", "Quyết định", "Bộ Y tế")
    assert document.title == (
        "Về việc áp dụng hình thức lựa chọn nhà thầu trong trường hợp đặc biệt theo quy định "
        "tại điểm đ khoản 1 Điều 29 Luật Đấu thầu số 22/2023/QH15"
    )
    assert document.issued == document.effective == date(2024, 6, 14)  # 'có hiệu lực kể từ ngày ký'
    assert numbers(document) == ["1", "2", "3", "4", "5", "6"]
    assert all(a.title == "" for a in document.articles)
    assert by_number(document)["6"].text.startswith("Các Ông, Bà: Chánh Văn phòng Bộ")
    assert by_number(document)["6"].text.endswith("thi hành Quyết định này./.")


@needs_corpus
def test_consolidated_docx_table_of_contents_and_footnotes():
    document = load("docx/vbhn_126-VBHN-VPQH-2025_luat_dau_thau.docx")
    assert (document.number, document.type, document.title) == ("126/VBHN-VPQH", "Văn bản hợp nhất", "Luật Đấu thầu")
    assert (document.issuer, document.issued) == ("Văn phòng Quốc hội", date(2025, 8, 27))
    found = numbers(document)
    assert len(found) == len(set(found)) == 99  # no duplicates from the TOC
    assert found == [str(n) for n in range(1, 30)] + ["29a", "29b"] + [str(n) for n in range(30, 35)] + ["34a"] + [
        str(n) for n in range(35, 97)
    ]
    articles = by_number(document)
    assert articles["23"].title == "Chỉ định thầu"  # '[75]' stripped from the heading
    assert articles["23"].note.startswith("[75] Điều này được sửa đổi, bổ sung theo quy định tại khoản 14 Điều 1")
    assert articles["90"].title == "(được bãi bỏ)"
    assert articles["96"].title == "Quy định chuyển tiếp"
    assert articles["96"].path == ["Chương X. ĐIỀU KHOẢN THI HÀNH"]
    # Footnote definitions (which quote other laws' articles) stay out of article text.
    assert not any("được sửa đổi, bổ sung theo quy định tại" in a.text for a in document.articles)


# ------------------------------------------------------------------ text / Markdown


@needs_corpus
def test_markdown_with_front_matter():
    document = load("text/thong-tu-02-2026-TT-BNG.md")
    assert (document.number, document.type, document.issuer) == ("02/2026/TT-BNG", "Thông tư", "Bộ Ngoại giao")
    assert document.title == (
        "Quy định về phân cấp cho các đơn vị thuộc Bộ Ngoại giao thực hiện nhiệm vụ, quyền hạn trong một số lĩnh vực"
    )
    assert document.issued == document.effective == date(2026, 5, 5)
    assert document.url == "https://datafiles.chinhphu.vn/cpp/files/vbpq/2026/4/02-bng.signed.pdf"
    assert numbers(document) == [str(n) for n in range(1, 20)]
    article = by_number(document)["16"]
    assert (article.id, article.title) == (
        "chuong_2__dieu_16",
        "Phân cấp thẩm quyền trong lĩnh vực phòng, chống mua bán người",
    )
    assert article.text.startswith("Cục Lãnh sự có thẩm quyền:")
    assert not any("**" in a.text or "**" in a.title for a in document.articles)


@needs_corpus
def test_preamble_basis_becomes_can_cu_relations():
    # QĐ 1667/QĐ-BYT: "Căn cứ Luật Đấu thầu số 22/2023/QH15 ...; Căn cứ Nghị định số 24/2024/NĐ-CP ...;
    # ... 60/2021/NĐ-CP ...; ... 95/2022/NĐ-CP ...", then "Theo đề nghị ...", which is no basis.
    decision = load("docx/qd_1667-QD-BYT.docx")
    assert {(r.type, r.target, r.target_article, r.source_article) for r in decision.relations} == {
        (CAN_CU, "22/2023/QH15", None, None),
        (CAN_CU, "24/2024/NĐ-CP", None, None),
        (CAN_CU, "60/2021/NĐ-CP", None, None),
        (CAN_CU, "95/2022/NĐ-CP", None, None),
    }
    # Thông tư 02/2026/TT-BNG (Markdown, preamble in italics): "Căn cứ Luật Tổ chức Chính phủ số
    # 63/2025/QH15;", "Căn cứ Luật Phòng, chống mua bán người số 53/2024/QH15 ...", "Căn cứ Nghị
    # định số 140/2004/NĐ-CP ...", each once.
    circular = load("text/thong-tu-02-2026-TT-BNG.md")
    bases = [r.target for r in circular.relations if r.type == CAN_CU]
    for target in ("63/2025/QH15", "53/2024/QH15", "140/2004/NĐ-CP"):
        assert bases.count(target) == 1
    assert "02/2026/TT-BNG" not in bases


# ------------------------------------------------------------------ vbpl.vn HTML


@needs_corpus
def test_vbpl_html_old_style_headings():
    path = FIXTURES / "html/vbpl_toanvan_21-LCT-HDNN8_1989_luat_bvsknd.html"
    assert is_vbpl(path.read_bytes())
    assert not any(is_vbpl(p.read_bytes()) for p in (CORPUS / "phapdien").glob("*.html"))
    document = load("html/vbpl_toanvan_21-LCT-HDNN8_1989_luat_bvsknd.html")
    assert (document.number, document.type, document.issuer) == ("21-LCT/HDNN8", "Luật", "Quốc hội")
    assert document.title == "Bảo vệ sức khoẻ nhân dân"
    assert document.issued == date(1989, 6, 30)
    assert document.effective == date(1989, 7, 11)  # from the page's info panel
    assert numbers(document) == [str(n) for n in range(1, 56)]
    articles = by_number(document)
    assert articles["1"].title == "Quyền và nghĩa vụ của công dân trong bảo vệ sức khoẻ"
    assert articles["6"].path == [
        "Chương II. VỆ SINH TRONG SINH HOẠT VÀ LAO ĐỘNG, VỆ SINH CÔNG CỘNG, PHÒNG VÀ CHỐNG DỊCH BỆNH"
    ]
    assert articles["53"].id == "chuong_10__dieu_53"
    assert (articles["55"].title, articles["55"].text) == (
        "",
        "Hội đồng bộ trưởng quy định chi tiết thi hành Luật này.",
    )
    assert not any("Trung ương" == a.text or "Timer" in a.text for a in document.articles)


# ------------------------------------------------------------------ PDF


@needs_corpus
def test_precedent_pdf_with_text_layer():
    document = load("pdf/an_le_43-2021-AL_textlayer.pdf")
    assert (document.number, document.type) == ("43/2021/AL", "Án lệ")  # superscript footnote mark dropped
    assert document.title == (
        "Về hiệu lực của hợp đồng thế chấp trong trường hợp tài sản thế chấp là nhà đất do bên "
        "thế chấp nhận chuyển nhượng của người khác nhưng chưa thanh toán đủ tiền cho bên bán"
    )
    assert document.issuer == "Hội đồng Thẩm phán Tòa án nhân dân tối cao"
    assert document.issued == date(2021, 2, 24)
    [article] = document.articles
    assert (article.number, article.id) == ("", "noi_dung")
    lines = article.text.split("\n")
    assert "NỘI DUNG VỤ ÁN:" in lines and "NỘI DUNG ÁN LỆ" in lines
    assert not any(line.strip().isdigit() for line in lines)  # page numbers removed
    assert "Án lệ này do Vụ Pháp chế" not in article.text  # page footnote removed
    assert "298,3m2 đất" in article.text  # m² superscript kept
    # Wrapped lines are joined back into paragraphs.
    assert any(line.startswith("Tại đơn khởi kiện đề ngày 01/3/2011") and line.endswith("trình bày:") for line in lines)


@needs_corpus
def test_non_nfc_pdf_comes_out_nfc():
    raw = (FIXTURES / "pdf/an_le_69-2023-AL_textlayer_nonNFC.pdf").read_bytes()
    document = load("pdf/an_le_69-2023-AL_textlayer_nonNFC.pdf")
    assert raw and (document.number, document.type) == ("69/2023/AL", "Án lệ")
    assert document.issued == date(2023, 8, 18)
    assert document.effective is None  # the 'có hiệu lực kể từ ngày ký' inside is the quoted award's
    assert all(unicodedata.is_normalized("NFC", text) for text in (document.title, document.articles[0].text))


@needs_corpus
def test_scanned_pdf_without_ocr_tools_says_what_to_install(monkeypatch):
    import ingest.ocr

    monkeypatch.setattr(ingest.ocr, "missing_tools", lambda: ["tesseract-ocr", "tesseract-ocr-vie"])
    path = FIXTURES / "pdf/QD_1121-1997-QD-TTg_scanned_lawsoft.pdf"
    with pytest.raises(IngestError) as caught:
        parse_pdf(path, path.read_bytes())
    assert str(caught.value) == (
        "no text layer and OCR is not installed (needs Debian packages: tesseract-ocr, tesseract-ocr-vie)"
    )


@needs_corpus
def test_pdf_metadata_number_is_read():
    from ingest.parsers.pdf import _open, metadata_defaults

    data = (FIXTURES / "pdf/QD_1121-1997-QD-TTg_scanned_lawsoft.pdf").read_bytes()
    assert metadata_defaults(_open(data)) == {"number": "1121/1997/QĐ-TTg"}


# ------------------------------------------------------------------ bad inputs, each with its own reason


def _reason(parser, tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(IngestError) as caught:
        parser(path, data)
    return str(caught.value)


@needs_corpus
def test_truncated_docx_and_pdf(tmp_path):
    docx_bytes = (FIXTURES / "docx/qd_1667-QD-BYT.docx").read_bytes()
    pdf_bytes = (FIXTURES / "pdf/an_le_43-2021-AL_textlayer.pdf").read_bytes()
    assert _reason(parse_docx, tmp_path, "cut.docx", docx_bytes[:4000]).startswith("corrupt DOCX: ")
    assert _reason(parse_pdf, tmp_path, "cut.pdf", pdf_bytes[:3000]).startswith("corrupt PDF: ")


def test_non_zip_and_zip_without_document(tmp_path):
    assert _reason(parse_docx, tmp_path, "x.docx", b"not a zip").startswith("corrupt DOCX: not a readable zip")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "x")
    assert _reason(parse_docx, tmp_path, "y.docx", buffer.getvalue()).startswith("corrupt DOCX: missing part")
    assert _reason(parse_pdf, tmp_path, "z.pdf", b"%PDF-1.4\ngarbage").startswith("corrupt PDF: ")


def test_legacy_encodings_are_refused_not_guessed(tmp_path):
    cp1258 = "Điều 1. Phạm vi điều chỉnh".encode("cp1258", errors="replace")
    latin1 = "Số: 1/2020/NĐ-CP société".encode("latin-1", errors="replace")
    for name, data in (("a.txt", cp1258), ("b.txt", latin1)):
        assert _reason(parse_text, tmp_path, name, data).startswith("undecodable text: not UTF-8")


def test_empty_text_files(tmp_path):
    assert _reason(parse_text, tmp_path, "empty.txt", b"") == "empty file"
    assert _reason(parse_text, tmp_path, "blank.md", b" \n\t\r\n") == "empty file"
    assert _reason(parse_text, tmp_path, "prose.txt", "Chỉ là một đoạn văn.".encode()) == "no legal structure found"


def test_text_decoding_boms_and_markdown(tmp_path):
    text = "Số: 5/2020/NĐ-CP\nNGHỊ ĐỊNH\nVề thử nghiệm\n## Chương I\n### QUY ĐỊNH CHUNG\n**Điều 1. Phạm vi**\nNội dung \\*một\\*."
    assert decode_text(b"\xef\xbb\xbf" + text.encode()) == text
    assert decode_text(text.encode("utf-16")) == text
    front = "---\nso_hieu: 05/2020/NĐ-CP\nngày: 2020-01-02\ntags:\n  - a\n---\n"
    [document] = parse_text(tmp_path / "x.md", (front + text).encode())
    assert (document.number, document.issued) == ("05/2020/NĐ-CP", date(2020, 1, 2))
    [article] = document.articles
    assert (article.id, article.title, article.text, article.path) == (
        "chuong_1__dieu_1",
        "Phạm vi",
        "Nội dung *một*.",
        ["Chương I. QUY ĐỊNH CHUNG"],
    )


def test_vbpl_page_without_content(tmp_path):
    page = b"<html><body><div id='menu'>toanvancontent</div><script>x</script></body></html>"
    assert is_vbpl(page)
    assert _reason(parse_vbpl_html, tmp_path, "p.html", page).startswith("vbpl page without a full-text container")
    empty = b"<html><body><div class='toanvancontent'><script>x()</script> </div></body></html>"
    assert _reason(parse_vbpl_html, tmp_path, "q.html", empty).startswith("vbpl page with an empty full text")
