"""JSON API through TestClient against a real embedded index built from real corpus files."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient

from search_api.app import create_app


@pytest.fixture(scope="module")
def client(any_corpus_index):
    from search_api.settings import Settings
    from tests.conftest import CORPUS, TODAY

    settings = Settings(index_url=any_corpus_index, today=TODAY, api_token="test-token", corpus_dir=CORPUS)
    with TestClient(create_app(settings)) as client:
        yield client


def test_search_without_diacritics_finds_support_regimes(client):
    data = client.get("/api/search", params={"q": "che do ho tro nan nhan"}).json()
    top = [(h["doc_number"], h["article_number"]) for h in data["hits"][:5]]
    assert ("66/2011/QH12", "32") in top
    assert data["total"] >= 5
    assert any("<mark>" in h["snippet_html"] for h in data["hits"])
    assert {f["value"] for f in data["facets"]["doc_type"]} >= {"Luật", "Nghị định"}
    assert data["took_ms"] >= 0


def test_filters_restrict_hits(client):
    data = client.get("/api/search", params={"q": "nạn nhân", "type": "Thông tư"}).json()
    assert data["hits"] and {h["doc_type"] for h in data["hits"]} == {"Thông tư"}
    years = client.get("/api/search", params={"q": "nạn nhân", "year_from": 2013, "year_to": 2013}).json()
    assert {h["year"] for h in years["hits"]} == {2013}


def test_document_number_query_goes_to_document(client):
    data = client.get("/api/search", params={"q": "điều 32 luật PCMBN"}).json()
    assert (data["hits"][0]["doc_number"], data["hits"][0]["article_number"]) == ("66/2011/QH12", "32")
    data = client.get("/api/search", params={"q": "NĐ 09/2013"}).json()
    assert data["hits"] and {h["doc_number"] for h in data["hits"]} == {"09/2013/NĐ-CP"}


def test_pathological_queries_get_clear_answers(client):
    punctuation = client.get("/api/search", params={"q": "?!.,;:-()"})
    assert punctuation.status_code == 200
    assert punctuation.json()["total"] == 0 and punctuation.json()["message"]
    long = client.get("/api/search", params={"q": "mua bán người " * 700})
    assert long.status_code == 200 and long.json()["total"] > 0
    too_long = client.get("/api/search", params={"q": "a" * 20_001})
    assert too_long.status_code == 422
    operators = client.get("/api/search", params={"q": 'nạn nhân" OR NEAR(a b) * title:x'})
    assert operators.status_code == 200 and operators.json()["total"] > 0


def test_document_by_slug_and_redirect(client):
    data = client.get("/api/documents/66-2011-QH12").json()
    assert data["number"] == "66/2011/QH12" and len(data["articles"]) == 58
    assert data["issued"] == "2011-03-29"
    assert any(r["source"] == "09/2013/NĐ-CP" and r["type"] == "quy_dinh_chi_tiet" for r in data["incoming_relations"])
    moved = client.get("/api/documents/9-2013-nd-cp", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"].endswith("/api/documents/09-2013-ND-CP")
    assert client.get("/api/documents/999-2099-ND-CP").status_code == 404


def test_article_endpoint(client):
    data = client.get("/api/documents/66-2011-QH12/articles/32").json()
    assert data["document"] == "66/2011/QH12"
    # Six kinds of support: points a–e of clause 1 (the article has 4 clauses).
    clauses = data["article"]["units"]
    assert len(clauses) == 4 and len(clauses[0]["children"]) == 6
    assert "Hỗ trợ y tế" in data["article"]["text"]
    assert client.get("/api/documents/66-2011-QH12/articles/999").status_code == 404


def test_suggest_completes_numbers_and_terms(client):
    data = client.get("/api/suggest", params={"q": "09/20"}).json()
    assert data["suggestions"][0]["number"] == "09/2013/NĐ-CP"
    data = client.get("/api/suggest", params={"q": "mua ban"}).json()
    assert any("mua bán người" in s["text"].lower() for s in data["suggestions"])


def test_health_reports_counts(client):
    data = client.get("/api/health").json()
    assert data["status"] == "ok" and data["documents"] >= 7 and data["articles"] >= 150
    assert data["index_version"] >= 1


def test_write_endpoints_need_token(client):
    files = {"files": ("x.txt", io.BytesIO("Điều 1. Thử".encode()), "text/plain")}
    assert client.post("/api/ingest", files=files).status_code == 401
    wrong = client.post("/api/reindex", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


def test_write_endpoints_refused_without_configured_token(corpus_index, settings_for):
    with TestClient(create_app(settings_for(corpus_index, api_token=None))) as client:
        response = client.post("/api/reindex", headers={"Authorization": "Bearer anything"})
        assert response.status_code == 403 and "VNLEX_API_TOKEN" in response.json()["detail"]


def test_upload_ingests_and_refuses_oversized(tmp_path, settings_for):
    settings = settings_for(f"sqlite:///{tmp_path}/up.sqlite", max_upload_mb=0.001)
    with TestClient(create_app(settings)) as client:
        auth = {"Authorization": "Bearer test-token"}
        text = "QUỐC HỘI\nLuật số: 01/2099/QH99\nLUẬT\nTHỬ NGHIỆM\nĐiều 1. Phạm vi\nNạn nhân được hỗ trợ.\n"
        ok = client.post("/api/ingest", headers=auth, files={"files": ("t.txt", text.encode(), "text/plain")})
        assert ok.status_code == 200 and ok.json()["articles"] == 1
        big = client.post("/api/ingest", headers=auth, files={"files": ("big.txt", b"x" * 5000, "text/plain")})
        assert big.status_code == 413 and "too large" in big.json()["detail"]


def test_backend_down_is_503_with_reason(tmp_path, settings_for):
    (tmp_path / "dir.sqlite").mkdir()
    with TestClient(create_app(settings_for(f"sqlite:///{tmp_path}/dir.sqlite"))) as client:
        response = client.get("/api/search", params={"q": "nạn nhân"})
        assert response.status_code == 503 and "cannot open SQLite index" in response.json()["message"]
        assert str(tmp_path) not in response.text  # no server paths in public answers
        assert client.get("/api/health").status_code == 503


def test_elasticsearch_down_is_503_naming_the_server(settings_for):
    # Nothing listens on port 9: the API answers 503 with the reason, it does not hang or 500.
    with TestClient(create_app(settings_for("http://127.0.0.1:9/vnlextest-down"))) as client:
        response = client.get("/api/search", params={"q": "nạn nhân"})
        assert response.status_code == 503 and "Elasticsearch at [index] is unreachable" in response.json()["message"]
        assert "127.0.0.1" not in response.text and "object at 0x" not in response.text
        assert client.get("/api/health").status_code == 503
        admin = client.get("/api/admin/health", headers={"Authorization": "Bearer test-token"})
        assert admin.status_code == 503 and "http://127.0.0.1:9 is unreachable" in admin.json()["message"]


def test_which_texts_detail_an_article_lists_the_detailing_articles_first(client):
    law = client.get("/api/documents/66-2011-QH12").json()
    detailing = {
        (r["source"], r["source_article"])
        for r in law["incoming_relations"]
        if r["type"] == "quy_dinh_chi_tiet" and r["target_article"] == "32"
    }
    assert detailing  # the codified database places decree/circular articles under Điều 32
    data = client.get(
        "/api/search", params={"q": "Văn bản nào hướng dẫn Điều 32 Luật Phòng, chống mua bán người?"}
    ).json()
    top = [(h["doc_number"], h["article_number"]) for h in data["hits"][: len(detailing)]]
    assert set(top) == detailing
    assert "66/2011/QH12" not in {h["doc_number"] for h in data["hits"]}
    plain = client.get("/api/search", params={"q": "Điều 32 Luật Phòng, chống mua bán người quy định gì"}).json()
    assert plain["hits"][0]["doc_number"] == "66/2011/QH12"


def test_news_hits_carry_a_user_facing_label_never_the_internal_id(client):
    hits = client.get("/api/search", params={"q": "mua bán người", "type": "Tin tức"}).json()["hits"]
    labels = {hit["slug"]: hit["doc_label"] for hit in hits}
    # doc_number keeps the internal id API clients key on; doc_label is what a person reads.
    assert all(hit["doc_number"].startswith("news:") and "news:" not in hit["doc_label"] for hit in hits)
    assert labels["news-000-05fd690002272884"] == "Tin tức – Báo Lao động và Xã hội, 12/11/2024"
    # The page names no publisher: the label says so instead of inventing one.
    assert labels["news-001-470cd60375e1af43"] == "Tin tức (nguồn: trang tin không ghi tên đơn vị đăng), 16/07/2015"
    law = client.get("/api/search", params={"q": "điều 32 luật PCMBN"}).json()["hits"][0]
    assert law["doc_label"] == law["doc_number"] == "66/2011/QH12"
    news = client.get("/api/ask", params={"q": "tuyên truyền phòng chống mua bán người"}).json()["news"]
    assert news and all(item["doc_label"].startswith("Tin tức") for item in news)
