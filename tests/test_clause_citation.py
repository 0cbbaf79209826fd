"""A cited clause or point has one citation string (ingest.document_citation.unit_citation), in the standard
Vietnamese order (điểm -> khoản -> Điều -> the document's citation form) with a compact label
('điểm a khoản 1 Điều 4 TTLT 134/2013'), wherever a clause is cited: the answer quotes, the
entitlements rows, the reading list and its exports, and the reader's "copy citation" for a clause
anchor. On the real topic-39.8 index (tests/conftest.py).
"""

from __future__ import annotations

import io
import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from ingest.document_citation import clause_label, short_document_label, unit_citation, unit_parts
from ingest.model import Article, Document, Unit
from search_api.app import create_app
from search_api.backends import open_backend

CIRCULAR = "134/2013/TTLT-BTC-BLĐTBXH"
CIRCULAR_SLUG = "134-2013-TTLT-BTC-BLDTBXH"
# The circular's own document citation, as ingest.document_citation.citation_form writes it from its title.
CIRCULAR_FORM = "Thông tư liên tịch số 134/2013/TTLT-BTC-BLĐTBXH ngày 25/09/2013 của"
SAME_ORIGIN = {"Origin": "http://testserver"}


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _toy() -> Document:
    point_a = Unit("diem", "a", "dieu_4__khoan_1__diem_a", "a) Tiền ăn")
    point_dd = Unit("diem", "đ", "dieu_4__khoan_1__diem_dd", "đ) Tiền thuốc")
    clause = Unit("khoan", "1", "dieu_4__khoan_1", "1. Hỗ trợ", [point_a, point_dd])
    article = Article("4", "Mức chi", "1. Hỗ trợ\na) Tiền ăn\nđ) Tiền thuốc", "dieu_4", units=[clause])
    return Document(CIRCULAR, "Thông tư liên tịch", title="Hướng dẫn X", issuer="Bộ Tài chính", articles=[article])


def test_unit_citation_reads_the_structure_in_the_standard_order():
    document = _toy()
    assert unit_parts(document, "dieu_4__khoan_1__diem_dd") == ("4", "1", "đ")  # not 'dd'
    assert unit_citation(document, "dieu_4__khoan_1__diem_a") == (
        "điểm a khoản 1 Điều 4 Thông tư liên tịch số 134/2013/TTLT-BTC-BLĐTBXH của Bộ Tài chính hướng dẫn X"
    )
    assert unit_citation(document, "dieu_4__khoan_1__diem_dd", short=True) == "điểm đ khoản 1 Điều 4 TTLT 134/2013"
    assert unit_citation(document, "dieu_4__khoan_1", short=True) == "khoản 1 Điều 4 TTLT 134/2013"
    assert unit_citation(document, "dieu_4", short=True) == "Điều 4 TTLT 134/2013"
    # An id the document lacks cites the document alone, never a guessed clause.
    assert unit_citation(document, "dieu_9__khoan_7", short=True) == "TTLT 134/2013"


def test_short_labels_of_each_type():
    assert short_document_label(Document("09/2013/NĐ-CP", "Nghị định")) == "NĐ 09/2013"
    assert short_document_label(Document("66/2011/QH12", "Luật", title="Phòng, chống mua bán người")) == "Luật 66/2011"
    assert short_document_label(Document("100/2015/QH13", "Bộ luật", title="Hình sự")) == "BLHS 100/2015"
    assert short_document_label(Document("1121/1997/QĐ-TTg", "Quyết định")) == "QĐ 1121/1997"
    assert short_document_label(Document("21-LCT/HDNN8", "Luật", title="Bảo vệ sức khoẻ")) == "Luật 21-LCT/HDNN8"


@pytest.fixture(scope="module")
def circular(corpus_index) -> Document:
    backend = open_backend(corpus_index)
    try:
        document = backend.get_document(CIRCULAR)
    finally:
        backend.close()
    assert document is not None
    return document


def _point_a_of_article_4(document: Document) -> Unit:
    article = next(a for a in document.articles if a.number == "4")
    return article.units[0].children[0]


def test_real_circular_point_has_full_and_short_citation(circular):
    point = _point_a_of_article_4(circular)
    full = unit_citation(circular, point.id)
    print(full)
    assert full.startswith("điểm a khoản 1 Điều 4 " + CIRCULAR_FORM)
    assert "Bộ Tài chính" in full and "hướng dẫn" in full  # issuer and trích yếu, not just the number
    assert unit_citation(circular, point.id, short=True) == "điểm a khoản 1 Điều 4 TTLT 134/2013"


@pytest.fixture
def client(corpus_index, settings_for):
    with TestClient(create_app(settings_for(corpus_index))) as client:
        yield client


def _label_from_id(unit_id: str) -> str:
    """'dieu_4__khoan_1__diem_a' -> 'điểm a khoản 1 Điều 4', read independently of ingest.document_citation."""
    parts = dict(re.findall(r"(dieu|khoan|diem)_([0-9a-z]+)", unit_id))
    words = [f"điểm {parts['diem'].replace('dd', 'đ')}" if "diem" in parts else ""]
    words += [f"khoản {parts['khoan']}" if "khoan" in parts else "", f"Điều {parts['dieu']}"]
    return " ".join(w for w in words if w)


def test_entitlement_rows_carry_the_clause_citation(client):
    rows = client.get("/api/entitlements", params={"document": CIRCULAR, "scope": "all"}).json()["provisions"]
    assert rows
    for row in rows:
        assert row["citation"].startswith(_label_from_id(row["unit_id"]) + " " + CIRCULAR_FORM), row
        assert row["citation_short"] == _label_from_id(row["unit_id"]) + " TTLT 134/2013", row
    pointed = [r for r in rows if "__diem_" in r["unit_id"]]
    assert pointed and all(r["citation"].startswith("điểm ") for r in pointed)
    page = text_of(client.get("/quyen-loi", params={"document": CIRCULAR, "scope": "all"}).text)
    assert pointed[0]["citation_short"] in page and pointed[0]["citation"] in page


def test_answer_quotes_carry_the_clause_citation(client):
    answer = client.get("/api/ask", params={"q": "tiền ăn cho nạn nhân bao nhiêu một ngày"}).json()
    assert answer["answer"]
    for quote in answer["answer"]:
        label = _label_from_id(quote["unit_id"])
        assert quote["standard_citation"].startswith(label + " "), quote
        assert f" số {quote['doc_number']} ngày " in quote["standard_citation"], quote
        assert quote["short_citation"].startswith(label + " ") and quote["doc_number"] not in quote["short_citation"]
    page = text_of(client.get("/hoi-dap", params={"q": "tiền ăn cho nạn nhân bao nhiêu một ngày"}).text)
    assert "Trích dẫn: " + answer["answer"][0]["standard_citation"] in page


def test_reading_list_keeps_a_clause_with_its_citation_and_exports_it(client, circular):
    from docx import Document as WordDocument

    added = client.post(
        "/danh-sach-doc/them",
        data={"slug": CIRCULAR_SLUG, "article": "4.1.a", "next": "/"},
        follow_redirects=False,
        headers=SAME_ORIGIN,
    )
    assert added.status_code == 303
    point = _point_a_of_article_4(circular)
    cited = unit_citation(circular, point.id)
    page = text_of(client.get("/danh-sach-doc").text)
    assert cited in page and "điểm a khoản 1 Điều 4 TTLT 134/2013" in page
    assert " ".join(point.text.split())[:40] in page  # the point's own text, not the whole article
    article_4 = next(a for a in circular.articles if a.number == "4")
    assert " ".join(article_4.units[-1].text.split())[:40] not in page
    assert cited in client.get("/danh-sach-doc.md").text.replace("\\", "")
    paragraphs = [p.text for p in WordDocument(io.BytesIO(client.get("/danh-sach-doc.docx").content)).paragraphs]
    assert any(p.startswith(cited) for p in paragraphs)
    printable = text_of(client.get("/danh-sach-doc/in").text)
    assert cited in printable
    # A clause the article does not have is refused, not stored.
    refused = client.post(
        "/danh-sach-doc/them",
        data={"slug": CIRCULAR_SLUG, "article": "4.99", "next": "/"},
        follow_redirects=False,
        headers=SAME_ORIGIN,
    )
    assert refused.status_code == 400


def test_reader_marks_each_clause_with_its_label_and_entry(client):
    html = client.get(f"/van-ban/{CIRCULAR_SLUG}").text
    assert re.search(
        r'id="[^"]*dieu_4__khoan_1__diem_a" data-cite-label="điểm a khoản 1 Điều 4" data-entry="4\.1\.a"', html
    )
    assert 'data-cite-document="Thông tư liên tịch số 134/2013/TTLT-BTC-BLĐTBXH ngày 25/09/2013' in html


def test_one_clause_label_in_the_standard_order_with_or_without_the_document():
    document = _toy()
    assert clause_label("dieu_4__khoan_1__diem_a", document) == "điểm a khoản 1"
    assert clause_label("dieu_4__khoan_1__diem_dd", document) == "điểm đ khoản 1"
    assert clause_label("dieu_4__khoan_1", document) == "khoản 1"
    assert clause_label("dieu_4", document) == ""
    # Without the document the id is read: 'dd' is đ, a repeated label's occurrence suffix is not part of it.
    assert clause_label("chuong_2__dieu_4__khoan_4__diem_b_2") == "điểm b khoản 4"
    assert clause_label("dieu_4__khoan_1__diem_dd") == "điểm đ khoản 1"
    assert clause_label("dieu_58__khoan_3a") == "khoản 3a"
    assert clause_label(None) == ""
