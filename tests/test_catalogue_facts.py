"""Every fact of corpus/catalogue.json either quotes a text of the collection that states it (the
quote is checked in that file, and the value in the quote) or is marked unverified with what it
rests on; the pages and APIs that show an unverified fact say "chưa đối chiếu với văn bản"."""

from __future__ import annotations

import re
from datetime import date

import pytest
from fastapi.testclient import TestClient

from ingest.catalogue import load_catalogue
from ingest.catalogue_facts import UNVERIFIED, catalogue_facts, file_text, normalise
from search_api.app import create_app
from tests.conftest import CORPUS


def _date_forms(value: str) -> list[str]:
    day = date.fromisoformat(value)
    return [
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day}/{day.month}/{day.year}",
        f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}",
        f"ngày {day.day} tháng {day.month} năm {day.year}",
        f"{day.day:02d} tháng {day.month:02d} năm {day.year}",
    ]


def _stated(field: str, value: str, text: str, catalogue) -> bool:
    """Does `text` (the quotes, and for a replacement the text they come from) state `value`?"""
    folded = text.casefold()
    if field in ("issued", "effective", "status.expired", "in_force_from", "in_force_until"):
        return any(form.casefold() in folded for form in _date_forms(value))
    if field == "title":
        name = re.sub(r"^(Bộ luật|Luật)\s+", "", value)
        return normalise(name).casefold() in folded
    if field == "issuer":
        return all(part.strip().casefold() in folded for part in re.split(r";| và ", value) if part.strip())
    if field.startswith("relations["):
        _type, target = value.split(" ")[:2]
        entry = catalogue.get(target)
        names = [target] + ([normalise(entry.title)] if entry and entry.title else [])
        return any(name.casefold() in folded for name in names)
    return value.casefold() in folded


def test_every_catalogue_fact_has_a_quoted_source_or_an_unverified_mark():
    if not CORPUS.exists():
        pytest.skip("real corpus not available")
    catalogue = load_catalogue()
    texts: dict[str, str] = {}
    problems = []
    facts = catalogue_facts(catalogue)
    for fact in facts:
        evidence = fact.evidence
        shown = evidence.label() if evidence else "— KHÔNG CÓ NGUỒN, KHÔNG ĐÁNH DẤU —"
        print(f"{fact.subject:36} {fact.field:20} {fact.value[:60]:60} {shown}")
        if evidence is None:
            problems.append(f"{fact.subject} {fact.field}: neither a source nor an 'unverified' mark")
            continue
        if not evidence.verified:
            if not evidence.rests_on.strip():
                problems.append(f"{fact.subject} {fact.field}: unverified without saying what it rests on")
            continue
        path = CORPUS / evidence.file
        if not path.is_file():
            problems.append(f"{fact.subject} {fact.field}: {evidence.file} is not a file of the collection")
            continue
        text = texts.setdefault(evidence.file, file_text(path))
        for quote in evidence.quotes:
            if normalise(quote) not in text:
                problems.append(f"{fact.subject} {fact.field}: quote not found in {evidence.file}: {quote[:80]}")
        where = evidence.where if fact.field == "status.replaced_by" else ""
        if not _stated(fact.field, fact.value, " ".join(evidence.quotes) + " " + where, catalogue):
            problems.append(f"{fact.subject} {fact.field}: the quote does not state {fact.value!r}")
    # An entry marked verified has every fact verified.
    for entry in catalogue.entries:
        unverified = [f.field for f in facts if f.subject == entry.number and f.evidence and not f.evidence.verified]
        if entry.verified and unverified:
            problems.append(f"{entry.number}: verified although {unverified} are not")
    print(f"{len(facts)} facts, {sum(1 for f in facts if f.evidence and f.evidence.verified)} verified")
    assert not problems, "\n".join(problems)


def test_the_legal_aid_parent_and_the_promulgation_rule_are_marked_unverified():
    catalogue = load_catalogue()
    for number in ("11/2014/TT-BTP", "01/2012/TTLT-BTP-UBDT", "08/2008/TTLT-BTP-BNV"):
        relation = catalogue.get(number).evidence["relations[0]"]
        assert not relation.verified and "69/2006/QH11" in relation.rests_on
        # Wherever the link itself is shown (relations panel, trace), its note says so too.
        assert UNVERIFIED in catalogue.get(number).relations[0].note
    versions = catalogue.rules["detail_expires_with_parent"].versions
    assert all(not v.evidence["citation"].verified for v in versions)
    # The expiry of the 2006 Law itself is quoted from Điều 47 of the 2017 Law.
    expired = catalogue.get("69/2006/QH11").evidence["status.expired"]
    assert expired.verified and expired.file == "phapdien/demuc_4.5_tro-giup-phap-ly.html"


@pytest.fixture(scope="module")
def legal_aid_client(tmp_path_factory):
    """The legal-aid topic (4.5) on the embedded index: the six texts and the 2017 Law."""
    from ingest.pipeline import ingest_paths
    from search_api.backends.sqlite import SQLiteBackend
    from search_api.settings import Settings
    from tests.conftest import TODAY, corpus_file

    path = tmp_path_factory.mktemp("legal-aid") / "index.sqlite"
    backend = SQLiteBackend(path)
    ingest_paths([corpus_file("phapdien/demuc_4.5_tro-giup-phap-ly.html")], backend, today=TODAY, workers=2)
    backend.close()
    settings = Settings(index_url=f"sqlite:///{path}", today=TODAY, api_token="test-token", corpus_dir=CORPUS)
    with TestClient(create_app(settings)) as client:
        yield client


def test_pages_and_api_say_an_unverified_fact_is_unverified(legal_aid_client):
    client = legal_aid_client
    document = client.get("/api/documents/11-2014-TT-BTP").json()
    print(document["status_note"])
    # The expiry rests on two unverified facts: the parent link and the promulgation law's article.
    assert document["status"] == "het_hieu_luc"
    assert document["status_note"].count(UNVERIFIED) >= 2
    assert "quan hệ quy định chi tiết 69/2006/QH11" in document["status_note"]
    assert "dựa trên: suy ra từ ngày ban hành" in document["status_note"]
    # The 2006 Law's expiry is read in the indexed text of the 2017 Law: it names that article.
    assert "nguồn: Điều 47 11/2017/QH14" in document["status_note"]
    page = " ".join(client.get("/van-ban/11-2014-TT-BTP").text.split())
    assert UNVERIFIED in page and "quan hệ quy định chi tiết 69/2006/QH11" in page
    # The catalogued-only page of the 2006 Law: its issuer is unverified, its expiry quoted.
    stub = " ".join(client.get("/van-ban/69-2006-QH11").text.split())
    assert re.search(r"Cơ quan ban hành</dt><dd>Quốc hội <span[^>]*>\(danh mục vnlex, chưa đối chiếu với văn bản", stub)
    assert "Trích yếu</dt><dd>Luật Trợ giúp pháp lý" in stub and "đối chiếu với Điều 47 khoản 2" in stub
    # A title quoted in the collection shows its file in the document's facts.
    facts = client.get("/api/documents/11-2014-TT-BTP").json()["facts"]
    catalogue_title = next(f for f in facts if f["field"] == "title" and "danh mục" in f["source"])
    assert "đối chiếu với ghi chú nguồn của Bộ pháp điển" in catalogue_title["source"]


def test_the_reader_states_unverified_up_front_and_the_grounds_one_click_away(legal_aid_client):
    from ingest.status_notes import without_grounds

    sentence = "Hết (A, nguồn: danh mục vnlex, chưa đối chiếu với văn bản; dựa trên: x (y) z), theo B (c; dựa trên: k)."
    assert without_grounds(sentence) == "Hết (A, nguồn: danh mục vnlex, chưa đối chiếu với văn bản), theo B (c)."
    html = legal_aid_client.get("/van-ban/11-2014-TT-BTP").text
    summary = re.search(r'<p class="status-note">(.*?)<a href="#nguon-thong-tin">', html, re.S)
    sources = re.search(r'<details class="doc-sources".*?</details>', html, re.S)
    assert sources and "dựa trên: suy ra từ ngày ban hành" in sources.group(0)
    assert summary and UNVERIFIED in summary.group(1) and "dựa trên" not in summary.group(1), summary
