"""Only texts in force on day D, beyond search: the document list (/api/documents, /van-ban), the entitlements
(/api/entitlements, /quyen-loi) and the trace (/api/trace, /truy-vet) take search's `in_force_on`, with the same
rule (search_api.in_force) and a notice saying what the filter hid; each page shows its API's notice."""

from __future__ import annotations

import html as html_lib
from datetime import date

import pytest
from fastapi.testclient import TestClient

from search_api.app import create_app
from tests.conftest import TODAY

BEFORE_THE_CIRCULARS = "2014-01-01"  # 35/2013/TT-BLĐTBXH in force from 15/02/2014, 01/2014/TTLT from 25/03/2014
AFTER_THE_2011_LAW = "2026-01-01"  # 66/2011/QH12 and its family lapsed on 01/07/2025 (53/2024/QH15, catalogue only)


@pytest.fixture(scope="module")
def client(corpus_index):
    from search_api.settings import Settings

    with TestClient(create_app(Settings(index_url=corpus_index, today=TODAY, api_token="test-token"))) as test_client:
        yield test_client


def _window_holds(item: dict, day: str) -> bool:
    wanted = date.fromisoformat(day)
    effective = date.fromisoformat(item["effective"]) if item["effective"] else None
    expired = date.fromisoformat(item["expired"]) if item["expired"] else None
    return (
        item["status"] in ("con_hieu_luc", "het_hieu_luc")
        and effective is not None
        and effective <= wanted
        and (expired is None or wanted < expired)
    )


def _walk(node):
    yield node
    for child in node["children"]:
        yield from _walk(child)


def test_document_list_keeps_only_texts_in_force_that_day_and_says_what_it_hid(client):
    everything = client.get("/api/documents", params={"size": 200}).json()
    assert everything["in_force_notice"] is None
    data = client.get("/api/documents", params={"size": 200, "in_force_on": BEFORE_THE_CIRCULARS}).json()
    numbers = {item["number"] for item in data["items"]}
    assert "09/2013/NĐ-CP" in numbers and "66/2011/QH12" in numbers
    assert not numbers & {"35/2013/TT-BLĐTBXH", "01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG"}
    assert all(_window_holds(item, BEFORE_THE_CIRCULARS) for item in data["items"])
    assert data["total"] < everything["total"] and data["in_force_on"] == BEFORE_THE_CIRCULARS
    assert "chưa có hiệu lực vào ngày 01/01/2014" in data["in_force_notice"]

    later = client.get("/api/documents", params={"size": 200, "in_force_on": AFTER_THE_2011_LAW}).json()
    assert "66/2011/QH12" not in {item["number"] for item in later["items"]}
    notice = later["in_force_notice"]
    assert "Luật 66/2011/QH12 (hết hiệu lực từ 01/07/2025)" in notice
    assert "Văn bản thay thế (53/2024/QH15) chưa có toàn văn trong kho" in notice
    page = client.get("/van-ban", params={"in_force_on": AFTER_THE_2011_LAW}).text
    assert html_lib.escape(notice, quote=False) in page  # the page shows the API's own notice
    assert 'value="2026-01-01"' in page and 'href="/van-ban/66-2011-QH12"' not in page


def test_entitlements_keep_only_rows_of_texts_in_force_that_day(client):
    everything = client.get("/api/entitlements").json()
    assert everything["in_force_notice"] is None
    data = client.get("/api/entitlements", params={"in_force_on": BEFORE_THE_CIRCULARS}).json()
    documents = {row["doc_number"] for row in data["provisions"]}
    assert "09/2013/NĐ-CP" in documents and "35/2013/TT-BLĐTBXH" not in documents
    assert 0 < data["total"] < everything["total"] and data["total"] == len(data["provisions"])
    hidden = everything["total"] - data["total"]
    assert data["in_force_notice"].startswith(f"Bộ lọc ẩn {hidden} dòng")

    later = client.get("/api/entitlements", params={"in_force_on": AFTER_THE_2011_LAW}).json()
    assert not {row["doc_number"] for row in later["provisions"]} & {"66/2011/QH12", "09/2013/NĐ-CP"}
    assert "Văn bản thay thế (53/2024/QH15) chưa có toàn văn trong kho" in later["in_force_notice"]
    page = client.get("/quyen-loi", params={"in_force_on": AFTER_THE_2011_LAW}).text
    assert html_lib.escape(later["in_force_notice"], quote=False) in page
    assert f"{later['total']} quy định" in page and 'value="2026-01-01"' in page
    assert client.get("/api/entitlements", params={"in_force_on": "2014-02-30"}).status_code == 422


def test_trace_keeps_only_detailing_texts_in_force_that_day(client):
    everything = client.get("/api/trace", params={"doc": "66/2011/QH12", "article": "32"}).json()
    assert everything["in_force_notice"] is None
    assert {"35/2013/TT-BLĐTBXH", "09/2013/NĐ-CP"} <= {n["number"] for n in _walk(everything["tree"])}
    data = client.get(
        "/api/trace", params={"doc": "66/2011/QH12", "article": "32", "in_force_on": BEFORE_THE_CIRCULARS}
    ).json()
    numbers = {n["number"] for n in _walk(data["tree"])}
    assert "09/2013/NĐ-CP" in numbers and "134/2013/TTLT-BTC-BLĐTBXH" in numbers
    assert not numbers & {"35/2013/TT-BLĐTBXH", "01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG"}
    assert "chưa có hiệu lực vào ngày 01/01/2014" in data["in_force_notice"]

    later = client.get("/api/trace", params={"doc": "66/2011/QH12", "article": "32", "in_force_on": AFTER_THE_2011_LAW})
    later = later.json()
    assert later["tree"]["number"] == "66/2011/QH12" and later["tree"]["children"] == []
    assert later["in_force_notice"].startswith("Văn bản được truy vết (Luật 66/2011/QH12) không còn hiệu lực")
    page = client.get("/truy-vet", params={"doc": "66/2011/QH12", "article": "32", "in_force_on": AFTER_THE_2011_LAW})
    assert html_lib.escape(later["in_force_notice"], quote=False) in page.text
    assert client.get("/api/trace", params={"doc": "66/2011/QH12", "in_force_on": "soon"}).status_code == 422
