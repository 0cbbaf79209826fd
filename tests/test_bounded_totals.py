"""A total that is only a lower bound, and facet counts taken over a sample of the best matches, are said as
such by the API and the search page (Elasticsearch bounds both: bench/RESULTS.md, session 10)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from search_api.app import create_app
from search_api.backends.sqlite import SQLiteBackend
from search_api.schemas import SearchResponse

QUESTION = "hỗ trợ nạn nhân"


@pytest.fixture
def client(corpus_index, settings_for):
    with TestClient(create_app(settings_for(corpus_index))) as client:
        yield client


@pytest.fixture
def bounded(monkeypatch):
    """The embedded index answering as Elasticsearch does past its cap: 'at least 10,000', facets of 500."""
    real = SQLiteBackend.search

    def search(self, query):
        result = real(self, query)
        if not result.total:
            return result
        return replace(result, total=10_000, total_is_lower_bound=True, facets_sample=500 if result.facets else None)

    monkeypatch.setattr(SQLiteBackend, "search", search)


def _title(html: str) -> str:
    found = re.search(r'<h1 id="results-title"[^>]*>(.*?)</h1>', html, re.S)
    assert found
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", found.group(1))).strip()


def test_counted_totals_say_nothing_more(client):
    data = client.get("/api/search", params={"q": QUESTION}).json()
    assert data["total"] > 0 and data["total_is_lower_bound"] is False and data["facets_sample"] is None
    SearchResponse.model_validate(data)
    html = client.get("/", params={"q": QUESTION}).text
    assert re.match(r"[\d.]+ kết quả", _title(html)) and "phù hợp nhất" not in html


def test_a_lower_bound_total_and_sampled_facets_are_said(client, bounded):
    data = client.get("/api/search", params={"q": QUESTION}).json()
    assert (data["total"], data["total_is_lower_bound"], data["facets_sample"]) == (10_000, True, 500)
    assert SearchResponse.model_validate(data).total_is_lower_bound is True
    html = client.get("/", params={"q": QUESTION}).text
    assert _title(html).startswith("ít nhất 10.000 kết quả")
    assert "Số đếm tính trên 500 kết quả phù hợp nhất" in html
