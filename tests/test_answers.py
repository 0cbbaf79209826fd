"""Answers, entitlements and trace through TestClient on the real topic-39.8 index, plus the
answer-level citation scores on the dev questions whose documents are in that index."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from search_api.app import create_app
from tests.conftest import CORPUS

DEV_QUESTIONS = CORPUS.parent / "bench" / "domain" / "dev.json"


@pytest.fixture(scope="module")
def client(any_corpus_index):
    from search_api.settings import Settings
    from tests.conftest import TODAY

    app = create_app(Settings(index_url=any_corpus_index, today=TODAY, api_token="test-token", corpus_dir=CORPUS))
    with TestClient(app) as client:
        yield client


def _document_text(client, doc_number):
    from ingest.numbers import slug

    data = client.get(f"/api/documents/{slug(doc_number)}").json()
    return "\n".join(a["text"] for a in data["articles"])


def test_support_question_quotes_entitlement_clauses(client):
    data = client.get("/api/ask", params={"q": "nạn nhân bị mua bán được hỗ trợ những gì"}).json()
    assert data["answered"] is True and data["answer"]
    for unit in data["answer"]:
        # Quoted verbatim from the stored text, never rewritten.
        assert unit["text"] in _document_text(client, unit["doc_number"])
        assert unit["citation"].endswith(unit["doc_number"])
        assert unit["link"] == f"/van-ban/{unit['slug']}#{unit['unit_id']}"
        assert unit["status_label"]
    assert data["articles"], "supporting articles are listed"


@pytest.mark.parametrize(
    "question", ["tiền ăn cho nạn nhân bao nhiêu một ngày", "tien an cho nan nhan bao nhieu mot ngay"]
)
def test_food_allowance_answer_quotes_the_amount(client, question):
    data = client.get("/api/ask", params={"q": question}).json()
    assert data["answered"] is True
    first = data["answer"][0]
    assert first["doc_number"] == "134/2013/TTLT-BTC-BLĐTBXH" and first["article_number"] == "4"
    assert "30.000 đồng/người/ngày" in first["text"] and "Tiền ăn" in first["text"]
    assert first["citation"] == "Khoản 1 Điều 4 Thông tư liên tịch số 134/2013/TTLT-BTC-BLĐTBXH"
    assert first["status"] == "het_hieu_luc" and "01/07/2025" in first["status_note"]


def test_point_citation_names_point_clause_article_and_law(client):
    from ingest.model import Document
    from search_api.answers import unit_citation

    law = Document(number="66/2011/QH12", type="Luật", title="Phòng, chống mua bán người")
    assert (
        unit_citation(law, "32", "diem", "a", "1")
        == "Điểm a khoản 1 Điều 32 Luật Phòng, chống mua bán người số 66/2011/QH12"
    )


@pytest.mark.parametrize("question", ["thủ tục ly hôn đơn phương", "cách đăng ký thuế thu nhập cá nhân"])
def test_question_outside_the_corpus_is_declined_with_closest_articles(client, question):
    data = client.get("/api/ask", params={"q": question}).json()
    assert data["answered"] is False and data["answer"] == []
    assert "không có điều khoản trả lời" in data["message"]
    assert data["articles"] and all(a["link"].startswith("/van-ban/") for a in data["articles"])


def test_marriage_registration_is_declined(client):
    # (was a known failure: Điều 15 khoản 1 Luật 66/2011 names marriage with foreigners and covers 0.66 of
    # the question's weighted terms; civil status is now a subject the collection lacks, off_collection.py)
    data = client.get("/api/ask", params={"q": "thủ tục đăng ký kết hôn với người nước ngoài"}).json()
    assert data["answered"] is False
    assert "Luật Hộ tịch" in data["message"]


def test_entitlements_for_victims_include_article_32_and_134_amounts(client):
    data = client.get("/api/entitlements", params={"who": "nạn nhân"}).json()
    rows = data["provisions"]
    assert data["total"] == len(rows) > 20
    article_32 = [r for r in rows if (r["doc_number"], r["article_number"]) == ("66/2011/QH12", "32")]
    assert {r["what"] for r in article_32} >= {"y tế", "tâm lý", "trợ giúp pháp lý"}
    implementing = {(a["doc_number"], a["article_number"]) for a in article_32[0]["implementing_articles"]}
    assert ("09/2013/NĐ-CP", "3") in implementing and ("134/2013/TTLT-BTC-BLĐTBXH", "3") in implementing
    food = next(r for r in rows if r["unit_id"] == "dieu_4__khoan_1__diem_a")
    assert food["doc_number"] == "134/2013/TTLT-BTC-BLĐTBXH"
    assert any(a["text"] == "30.000 đồng/người/ngày" for a in food["amounts"])
    # Law article -> decree article the clause implements (134/2013 Điều 4 khoản 1 names NĐ 09/2013 Điều 19).
    assert [(g["doc_number"], g["article_number"]) for g in food["governing_articles"]] == [
        ("66/2011/QH12", "33"),
        ("09/2013/NĐ-CP", "19"),
    ]
    assert food["link"]["link"] == "/van-ban/134-2013-TTLT-BTC-BLDTBXH#dieu_4__khoan_1__diem_a"
    folded = client.get("/api/entitlements", params={"who": "nan nhan", "q": "tien an", "kind": "entitlement"}).json()
    assert folded["total"] >= 1 and all("tiền ăn" in r["quote"].lower() for r in folded["provisions"])


def test_trace_of_article_32_shows_detailing_texts_and_replacement(client):
    data = client.get("/api/trace", params={"doc": "66-2011-qh12", "article": "32"}).json()
    tree = data["tree"]
    assert tree["number"] == "66/2011/QH12" and tree["articles"][0]["number"] == "32"
    children = {c["number"]: c for c in tree["children"]}
    assert "09/2013/NĐ-CP" in children
    assert ("3", "32") in {(a["number"], a["details"]) for a in children["09/2013/NĐ-CP"]["articles"]}
    # The circular hangs once under the decree it implements (issue 9: it was listed twice, with
    # only its funding articles); its support-regime articles 4 and 5 are there.
    circular = next(c for c in children["09/2013/NĐ-CP"]["children"] if c["number"] == "134/2013/TTLT-BTC-BLĐTBXH")
    assert {a["number"] for a in circular["articles"]} >= {"3", "4", "5"}
    replaced = [c for c in tree["changes"] if c["type"] == "thay_the" and c["direction"] == "incoming"]
    assert replaced and replaced[0]["document"]["number"] == "53/2024/QH15"
    assert replaced[0]["date"] == "2025-07-01" and replaced[0]["document"]["in_corpus"] is False
    assert tree["replaced_by"] == "53/2024/QH15"
    assert client.get("/api/trace", params={"doc": "99/9999/XX"}).status_code == 404
    assert client.get("/api/trace", params={"doc": "66/2011/QH12", "article": "999"}).status_code == 404


def test_document_trace_without_article(client):
    tree = client.get("/api/trace", params={"doc": "09/2013/NĐ-CP"}).json()["tree"]
    assert {c["number"] for c in tree["children"]} >= {"35/2013/TT-BLĐTBXH", "134/2013/TTLT-BTC-BLĐTBXH"}


def test_pages_render_answers_table_and_tree(client):
    html = client.get("/hoi-dap", params={"q": "tiền ăn cho nạn nhân bao nhiêu một ngày"}).text
    assert "30.000 đồng/người/ngày" in html and "Khoản 1 Điều 4 Thông tư liên tịch số 134/2013/TTLT-BTC-BLĐTBXH" in html
    # each quote under its article's heading
    assert '<p class="article-heading">Điều 4. Nội dung và mức chi chế độ hỗ trợ trực tiếp' in html
    declined = client.get("/hoi-dap", params={"q": "thủ tục ly hôn đơn phương"}).text
    assert "Các điều gần nhất" in declined
    escaped = client.get("/hoi-dap", params={"q": "<script>alert(1)</script> nạn nhân"}).text
    assert "<script>alert(1)" not in escaped and "&lt;script&gt;alert(1)" in escaped
    table = client.get("/quyen-loi").text
    assert 'class="ent-card' in table and "30.000 đồng/người/ngày" in table and "Điều 32 66/2011/QH12" in table
    tree = client.get("/truy-vet", params={"doc": "66/2011/QH12", "article": "32"}).text
    assert "09/2013/NĐ-CP" in tree and "134/2013/TTLT-BTC-BLĐTBXH" in tree
    assert "53/2024/QH15" in tree and "1/7/2025" in tree
    assert client.get("/truy-vet", params={"doc": "khong-co"}).status_code == 404


def test_answer_citation_scores_on_dev_questions(client):
    from ingest.numbers import number_key
    from search_api.answer_eval import answer_scores
    from search_api.answers import AnswerService

    if not DEV_QUESTIONS.exists():
        pytest.skip("bench dev questions not available")
    shared = client.app.state.vnlex
    service = AnswerService(shared.backend, shared.search)
    indexed = {
        number_key(n)
        for n, _t, _ti in shared.backend.document_numbers()
        if (d := shared.backend.get_document(n)) is not None and d.articles
    }
    questions = [
        q
        for q in json.loads(DEV_QUESTIONS.read_text(encoding="utf-8"))
        if all(number_key(d) in indexed for d in q["relevant_documents"])
    ]
    scores = answer_scores(service, questions)
    print({k: v for k, v in scores.items() if k != "per_question"})
    assert scores["questions"] == 11
    # Measured on this index: precision 0.50, recall 0.545, a gold article cited for 7 of 11.
    assert scores["citation_recall"] >= 0.5
    assert scores["citation_precision"] >= 0.45
