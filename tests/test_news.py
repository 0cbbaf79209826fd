"""News parser on the five real scraped reports: article kept, site chrome dropped."""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.parsers.news import parse_news

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news"

# file stem -> (title, issued, publisher, first paragraph starts, last paragraph starts, chrome lines)
CASES = {
    "000_05fd690002272884": (
        "Tăng cường tuyên truyền, nâng cao năng lực phòng, chống tội phạm mua bán người",
        date(2024, 11, 12),
        "Báo Lao động và Xã hội",
        "(LĐXH) - Để chủ động triển khai, thực hiện hiệu quả công tác phòng, chống, mua bán người",
        "Đến thời điểm này, tình hình mua bán người tiếp tục diễn biến phức tạp",
        [
            "Trang chủ / Xã hội",
            "02:29 PM",
            "Trần Huyền",
            "TAG: phòng chống MBN",
            "Tin khác",
            "Nam Định: Lan toả sâu rộng phong trào hỗ trợ nhà cho người nghèo",
            "Nhiều hoạt động “Đền ơn đáp nghĩa” trên quê hương Giao Thủy",
            "Phòng, chống TNXH\n",
        ],
    ),
    "001_470cd60375e1af43": (
        "Hợp tác quốc tế trong phòng chống mua bán người",
        date(2015, 7, 16),
        "",
        "Mua bán người là loại tội phạm xuyên quốc gia.",
        "Trong 6 tháng đầu năm 2015, công tác phòng, chống mua bán người tiếp tục",
        [
            "Thứ năm - 16/07/2015",
            "17:00 88 0",
            "\nTP",
            "Bạn đã không sử dụng Site",
            "trạng thái đăng nhập",
            "Thời gian chờ",
        ],
    ),
    "002_b7542a3fa1baefb1": (
        "Quan tâm thực hiện tốt công tác phòng, chống mua bán người",
        date(2019, 10, 8),
        "Cổng thông tin điện tử Bắc Kạn",
        "Với đặc thù là tỉnh miền núi, kinh tế chậm phát triển",
        "Để nâng cao hiệu quả công tác phòng, chống mua bán người, tỉnh Bắc Kạn đã kiến nghị",
        [
            "Skip Ribbon Commands",
            "Skip to main content",
            "kính chào quý khách",
            "Sơ đồ trang",
            "Cập nhật lúc",
            "Bích Huệ",
            "Sign In",
        ],
    ),
    "003_7ae366a2de0117bb": (
        "Đẩy mạnh tuyên truyền phòng chống mua bán người",
        None,  # the page gives no date of its own; dates in the body belong to cited documents
        "sonla.gov.vn",
        "(sonla.gov.vn) Trong thời gian qua, các cấp, các ngành trên địa bàn tỉnh",
        "Công tác thanh tra, kiểm tra được cơ quan và các đơn vị thực hiện đảm bảo theo kế hoạch.",
        [
            "anh tin bai",
            "Như Thủy",
            "Video tuyên truyền",
            "THÔNG TIN TRA CỨU",
            "image advertisement",
            "Thống kê truy cập",
            "Đang online",
            "Hôm nay: 1",
            "Trong tuần",
            "Tất cả: 1",
        ],
    ),
    "004_68f23d9496918471": (
        "Kết quả thực hiện các hoạt động hưởng ứng “Ngày toàn dân phòng, chống mua bán người - 30/7” năm 2020",
        date(2020, 8, 25),
        "",
        "Hưởng ứng “Ngày toàn dân phòng, chống mua bán người 30/7”, dưới sự chỉ đạo của UBND tỉnh",
        "Nâng cao hiệu quả đấu tranh phòng, chống tội phạm mua bán người gắn với",
        ["Thời sự trong ngày", "25/08/2020 03:27", "Thuỳ An", "Danh sách bài viết cũ"],
    ),
}


def _parse(stem: str):
    path = NEWS / f"{stem}.txt"
    if not path.exists():
        pytest.skip("shared corpus not available")
    documents = parse_news(path, path.read_bytes())
    assert len(documents) == 1
    return documents[0]


@pytest.mark.parametrize("stem", sorted(CASES))
def test_real_report(stem):
    title, issued, publisher, first, last, chrome = CASES[stem]
    document = _parse(stem)
    assert document.number == f"news:{stem}"
    assert document.type == "Tin tức"
    assert document.title == title
    assert document.issued == issued
    assert document.publisher == publisher
    assert document.status == ""
    assert document.source_file.endswith(f"{stem}.txt")

    [article] = document.articles
    assert (article.number, article.id, article.path, article.title) == ("", "noi_dung", [], title)
    paragraphs = article.text.split("\n")
    assert paragraphs[0].startswith(first)
    assert paragraphs[-1].startswith(last)
    assert all(p.strip() == p and p for p in paragraphs)
    text = "\n" + article.text + "\n"
    for line in chrome:
        assert line not in text, f"chrome line kept: {line!r}"
    # The title is the document's heading, not a body paragraph.
    assert title not in paragraphs
    assert unicodedata.normalize("NFC", article.text) == article.text
    assert unicodedata.normalize("NFC", document.title) == document.title


def test_captions_inside_the_article_are_kept():
    # A photo caption sits between body paragraphs: it is article text, not chrome.
    text = _parse("000_05fd690002272884").articles[0].text
    assert "Cán bộ Tổng đài 111 chia sẻ kiến thức phòng, chống mua bán người tại tỉnh Lai Châu" in text


def test_caption_wrapped_over_two_lines_is_joined():
    text = _parse("002_b7542a3fa1baefb1").articles[0].text
    assert "tuyên truyền về phòng, chống tệ nạn xã hội, phòng chống mua bán người tại xã Yên Đĩnh" in text


def test_body_dates_are_not_the_article_date():
    document = _parse("003_7ae366a2de0117bb")
    assert "193/QĐ-TTg ngày 09/02/2021" in document.articles[0].text
    assert document.issued is None


def test_paragraph_counts():
    assert len(_parse("000_05fd690002272884").articles[0].text.split("\n")) == 11
    assert len(_parse("001_470cd60375e1af43").articles[0].text.split("\n")) == 11
    assert len(_parse("003_7ae366a2de0117bb").articles[0].text.split("\n")) == 8


def test_decomposed_input_comes_out_nfc(tmp_path):
    page = (
        "Trang chủ / Tin tức / Xã hội\nTiêu đề bài báo về nạn nhân\n01/02/2023 10:00\n"
        "Nạn nhân bị mua bán được hỗ trợ kịp thời theo quy định của pháp luật hiện hành.\n"
        "Tin liên quan\nMột tin khác rất dài nhưng vẫn chỉ là một tiêu đề trong danh sách liên kết.\n"
    )
    data = unicodedata.normalize("NFD", page).encode("utf-8")
    [document] = parse_news(tmp_path / "x.txt", data)
    assert document.title == "Tiêu đề bài báo về nạn nhân"
    assert document.issued == date(2023, 2, 1)
    assert (
        document.articles[0].text == "Nạn nhân bị mua bán được hỗ trợ kịp thời theo quy định của pháp luật hiện hành."
    )


def test_question_title_without_date_is_not_body(tmp_path):
    page = (
        "Phòng, chống mua bán người\n\nLàm gì để phòng tránh bị lừa bán qua mạng xã hội hiện nay?\n\n"
        "(TTXVN) - Các đối tượng thường làm quen với nạn nhân qua mạng xã hội rồi hứa hẹn việc làm lương cao.\n\n"
        "Người dân cần cảnh giác và báo ngay cho cơ quan công an khi phát hiện dấu hiệu nghi vấn.\n\n"
        "© Bản quyền thuộc về Báo Ví Dụ\n"
    )
    [document] = parse_news(tmp_path / "q.txt", page.encode("utf-8"))
    assert document.title == "Làm gì để phòng tránh bị lừa bán qua mạng xã hội hiện nay?"
    assert document.publisher == "Thông tấn xã Việt Nam"
    assert document.articles[0].text.split("\n")[0].startswith("(TTXVN) - Các đối tượng")
    assert "Bản quyền" not in document.articles[0].text


def test_publisher_from_copyright_footer_when_no_source_tag(tmp_path):
    page = (
        "Tiêu đề\n\nNạn nhân được hỗ trợ tâm lý và pháp lý sau khi trở về địa phương.\n\n"
        "© Bản quyền thuộc về Báo Ví Dụ. Ghi rõ nguồn khi phát hành lại.\n"
    )
    [document] = parse_news(tmp_path / "c.txt", page.encode("utf-8"))
    assert document.publisher == "Báo Ví Dụ"


@pytest.mark.parametrize("data", [b"", b"   \n\n  ", b"\xef\xbb\xbf"])
def test_empty_file(tmp_path, data):
    with pytest.raises(IngestError, match="empty file"):
        parse_news(tmp_path / "e.txt", data)


def test_undecodable_file(tmp_path):
    with pytest.raises(IngestError, match="cannot decode"):
        parse_news(tmp_path / "b.txt", "Tiêu đề nạn nhân".encode("latin-1", "replace") + b" \xc0\xff\x80")


def test_page_without_article_text(tmp_path):
    with pytest.raises(IngestError, match="no article text"):
        parse_news(tmp_path / "m.txt", "Trang chủ\nGiới thiệu\nLiên hệ\n".encode())
