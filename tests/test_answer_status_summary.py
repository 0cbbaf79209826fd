"""Answers show a quoted text's status as the document page does: one sentence and a link to the evidence.

The status note of the 2011 family is a paragraph of nested evidence (the parent law's expiry, the catalogue
facts it rests on, "dựa trên: ..."). The answer page shows the same short sentence as the document page
(search_api.views.status_summary, one function for both) with a link to that page's "Căn cứ và nguồn"
section; /api/ask keeps the whole `status_note` and adds `status_summary` and `status_sources_link`."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from search_api.app import create_app
from search_api.settings import Settings

QUESTION = "điều 17 nghị định 09/2013"
DECREE_PAGE = "/van-ban/09-2013-ND-CP"


@pytest.fixture(scope="module")
def client(corpus_index):
    """Topic 39.8 (the trafficking law, 09/2013/NĐ-CP and its circulars) on the embedded index (tests/conftest.py)."""
    from tests.conftest import CORPUS, TODAY

    settings = Settings(index_url=corpus_index, today=TODAY, api_token="test-token", corpus_dir=CORPUS)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def _decree_quote(client) -> dict:
    answer = client.get("/api/ask", params={"q": QUESTION}).json()["answer"]
    return next(unit for unit in answer if unit["doc_number"] == "09/2013/NĐ-CP")


def _document_page_summary(client) -> str:
    html = client.get(DECREE_PAGE).text
    found = re.search(r'<p class="status-note">(.*?) <a href="#nguon-thong-tin">Căn cứ và nguồn</a>', html, re.S)
    assert found, "the document page shows its status sentence and the link to its evidence"
    assert 'id="nguon-thong-tin"' in html and "dựa trên: " in html  # the evidence is on that page
    return found.group(1)


def test_the_api_keeps_the_whole_note_and_adds_its_short_form(client):
    quote = _decree_quote(client)
    assert quote["status"] == "het_hieu_luc"
    # The evidence is never dropped from the API.
    assert "dựa trên: " in quote["status_note"] and "66/2011/QH12" in quote["status_note"]
    summary = quote["status_summary"]
    assert summary.startswith("Hết hiệu lực từ 01/07/2025") and "dựa trên" not in summary
    assert "chưa đối chiếu với văn bản" in summary  # unverified is said up front, what it rests on is not
    assert len(summary) < len(quote["status_note"])
    assert quote["status_sources_link"] == f"{DECREE_PAGE}#nguon-thong-tin"


def test_the_answer_page_shows_the_sentence_of_the_document_page_and_links_its_evidence(client):
    html = client.get("/hoi-dap", params={"q": QUESTION}).text
    units = re.search(r'<ol class="answer-units">.*?</ol>', html, re.S)
    assert units
    # (a text's note is shown at its first quote; its later quotes point back to it: data-testid="status-note-repeat")
    notes = re.findall(r'<p class="status-note" data-testid="status-note">(.*?)</p>', units.group(0), re.S)
    assert notes
    assert not [note for note in notes if "dựa trên" in note], notes
    link = f'<a href="{DECREE_PAGE}#nguon-thong-tin">Căn cứ và nguồn</a>'
    summary = _document_page_summary(client)
    assert any(note.startswith(summary) and link in note for note in notes), (summary, notes)


def test_a_text_named_first_by_a_number_the_collection_lacks_is_the_one_asked_about(answer_client):
    from tests.conftest import ask

    # an outside reader's question (session 13) was answered with the 2015 Code's own status: the resolution
    # named first is not in the collection, but 41/2017/QH14 Điều 4 khoản 2 says when it lapsed
    data = ask(answer_client, "Nghị quyết 109/2015/QH13 về thi hành Bộ luật Hình sự 2015 bây giờ còn hiệu lực không?")
    assert data["summary"].startswith("Văn bản 109/2015/QH13"), data["summary"]
    assert "41/2017/QH14" in data["summary"]
    assert (data["answer"][0]["doc_number"], data["answer"][0]["article_number"]) == ("41/2017/QH14", "4")


def test_the_day_a_text_was_issued_is_the_summary_when_asked():
    from search_api.answering.as_of import ISSUE_ASKED
    from search_api.answering.facts import facts_summary

    facts = [
        {
            "kind": "effect",
            "doc_number": "64/2025/QH15",
            "text": "Có hiệu lực từ ngày 01/04/2025.",
            "summary": "hiệu lực",
        },
        {
            "kind": "identity",
            "doc_number": "64/2025/QH15",
            "text": "Luật 64/2025/QH15 của Quốc hội, ban hành ngày 19/02/2025.",
        },
    ]
    assert facts_summary(facts, issue_asked=True) == facts[1]["text"]
    assert facts_summary(facts) == "hiệu lực"
    assert ISSUE_ASKED.search(" luat so 64 2025 qh15 duoc quoc hoi thong qua hom nao ")
    assert not ISSUE_ASKED.search(" luat 64 2025 co hieu luc tu ngay nao ")
