"""Whether a named article has been amended, and into what (search_api/answering/article_changes.py): the amending
text's clause naming the article opens the status answer, on both backends. Development questions (ids given) quoted
as asked: both were answered with the Criminal Code's article on its entry into force (Điều 426)."""

from __future__ import annotations

import pytest

from search_api.answering.article_changes import _names_article
from tests.conftest import ask


@pytest.mark.parametrize(
    ("question", "says"),
    [
        (  # H27-007: the threshold of forged papers in Điều 359 khoản 3 điểm a, changed from 05 to 06
            "Vụ cán bộ tư pháp xã làm 05 giấy khai sinh giả cho đường dây bán trẻ sơ sinh: bản BLHS 2015 gốc, Đ359 k3 "
            "điểm a ghi 'từ 05 giấy tờ giả'. Con số này hiện còn hiệu lực không hay đã bị Luật 12/2017/QH14 thay? Thay "
            "bằng bao nhiêu?",
            "“06 giấy tờ giả” tại điểm a khoản 3 Điều 359",
        ),
        (  # H27-006: the wording of Điều 152 on swapping infants, replaced by 12/2017 (no amending law named)
            "Mình soạn tài liệu tập huấn về tội đánh tráo trẻ sơ sinh ở bệnh viện (Điều 152 BLHS), bản BLHS 2015 in "
            "năm 2016 ghi 'Người nào đánh tráo người dưới 01 tuổi này với người dưới 01 tuổi khác'. Câu chữ đó bây "
            "giờ còn đúng không hay đã bị luật nào sửa, sửa thành gì?",
            "tại Điều 152",
        ),
    ],
    ids=["forged-papers-threshold", "infant-swapping-wording"],
)
def test_an_amended_article_is_answered_with_the_amending_clause(answer_client, question, says):
    data = ask(answer_client, question)
    assert data["answered"], data["message"]
    first = data["answer"][0]
    assert first["doc_number"] == "12/2017/QH14" and says in first["text"], first["citation"]


@pytest.mark.parametrize(
    ("text", "article", "named"),
    [
        ("thay the cum tu 05 giay to gia tai diem a khoan 3 dieu 359", "359", True),
        ("bo sung vao cac dieu 150, 151 va 152", "151", True),
        ("sua doi dieu 3590", "359", False),
        ("tai khoan 2 dieu 152a", "152", False),
        ("bai bo dieu 8a", "8a", True),
    ],
)
def test_the_article_an_amending_clause_names(text, article, named):
    assert _names_article(text, article) is named
