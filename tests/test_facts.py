"""Official titles, citation form, status with evidence and the article-level graph, on the real corpus.

The whole corpus is parsed once (no analysis, no index) as `vnlex ingest` would see it; the
article-level trace is checked on the session index of topic 39.8 (tests/conftest.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.catalogue import catalogue_stub_documents, load_catalogue
from ingest.dispatch import discover
from ingest.document_citation import citation_form
from ingest.model import CON_HIEU_LUC, HET_HIEU_LUC, KHONG_AP_DUNG, QUY_DINH_CHI_TIET, Document
from ingest.numbers import number_key
from ingest.official import adopt_own_effective_dates, disagreements, resolve_official_facts
from ingest.pipeline import _read_and_parse
from ingest.status import compute_status
from tests.conftest import CORPUS, TODAY

POSITIVE = {"danh_muc", "bo_phap_dien", "van_ban_cap_tren"}


@pytest.fixture(scope="module")
def corpus() -> dict:
    if not (CORPUS / "phapdien").exists():
        pytest.skip("real corpus not available")
    documents = []
    for path in discover([Path(CORPUS)]):
        documents += _read_and_parse((str(path), 50_000_000, None, str(path))).documents
    parsed = {number_key(d.number) for d in documents}
    documents += [s for s in catalogue_stub_documents() if number_key(s.number) not in parsed]
    catalogue = load_catalogue()
    adopt_own_effective_dates(documents)
    compute_status(documents, catalogue, TODAY)
    resolve_official_facts(documents, catalogue)
    return {d.number: d for d in documents}


def test_every_status_names_its_evidence_and_agrees_with_the_catalogue(corpus):
    catalogue = load_catalogue()
    for number, document in sorted(corpus.items()):
        print(f"{number:45} {document.status or 'chua_xac_dinh':14} {document.status_basis:26} {document.status_note}")
        assert document.status_basis, number
        assert document.status_note, number
        if document.status == CON_HIEU_LUC:
            assert document.status_basis in POSITIVE, number
        if document.status == "":
            assert document.status_note.startswith("Chưa xác định"), number
        entry = catalogue.get(number)
        if entry and entry.status.expired and entry.status.expired <= TODAY:
            assert document.status == HET_HIEU_LUC and document.expired == entry.status.expired, number
        if entry and entry.verified and entry.effective and document.articles:
            assert document.effective == entry.effective, number
    assert corpus["news:001_470cd60375e1af43"].status == KHONG_AP_DUNG


def test_legal_aid_texts_issued_under_the_2006_law_expired_with_it_citing_the_2015_law(corpus):
    for number in ("11/2014/TT-BTP", "01/2012/TTLT-BTP-UBDT"):
        document = corpus[number]
        assert document.status == HET_HIEU_LUC, document.status_note
        assert document.expired.isoformat() == "2018-01-01"
        # The rule as stated by the law on promulgation in force on 01/01/2018, and the codified
        # database's contrary placement is mentioned, not hidden.
        assert "khoản 3 Điều 154" in document.status_note and "80/2015/QH13" in document.status_note
        assert "69/2006/QH11" in document.status_note and "Bộ pháp điển" in document.status_note


def test_texts_without_positive_evidence_are_not_in_force(corpus):
    civil_code = corpus["91/2015/QH13"]
    assert civil_code.status == "" and civil_code.status_basis == "chua_du_bang_chung"
    assert "không chứng minh" in civil_code.status_note


def test_official_title_and_citation_form(corpus):
    decree = corpus["09/2013/NĐ-CP"]
    assert citation_form(decree) == (
        "Nghị định số 09/2013/NĐ-CP ngày 11/01/2013 của Chính phủ quy định chi tiết thi hành "
        "một số điều của Luật Phòng, chống mua bán người"
    )
    titles = {f["value"]: f for f in decree.facts if f["field"] == "title"}
    # The codified database's short label is kept as a fact with its source, not as the title.
    assert not titles["Hướng dẫn Luật Phòng, chống mua bán người"]["kept"]
    assert "Bộ pháp điển" in titles["Hướng dẫn Luật Phòng, chống mua bán người"]["source"]
    assert citation_form(corpus["66/2011/QH12"]).startswith("Luật Phòng, chống mua bán người số 66/2011/QH12")
    news = citation_form(corpus["news:000_05fd690002272884"])
    assert "news:" not in news and "Báo Lao động và Xã hội" in news


def test_disagreeing_dates_show_both_sources(corpus):
    law = corpus["66/2011/QH12"]
    assert law.effective.isoformat() == "2012-01-01"
    effective = disagreements(law)["effective"]
    kept = next(f for f in effective if f["kept"])
    other = next(f for f in effective if not f["kept"])
    assert kept["value"] == "2012-01-01" and "Điều 57" in kept["source"]
    assert other["value"] == "2012-12-01" and "Bộ pháp điển" in other["source"]
    assert "01/12/2012" in law.status_note


def _detailing(document, target):
    return {
        (r.source_article, r.source_unit, r.target_article, r.basis)
        for r in document.relations
        if r.type == QUY_DINH_CHI_TIET and r.target == target and r.target_article
    }


def test_clauses_link_to_what_they_implement_and_override_the_placement(corpus):
    links = _detailing(corpus["134/2013/TTLT-BTC-BLĐTBXH"], "09/2013/NĐ-CP")
    assert ("4", "dieu_4__khoan_2", "20", "text") in links
    assert ("4", "dieu_4__khoan_3", "23", "text") in links
    # The codified database filed all of Điều 4 under Luật Điều 33: the text overrides it.
    assert not {link for link in _detailing(corpus["134/2013/TTLT-BTC-BLĐTBXH"], "66/2011/QH12") if link[0] == "4"}


def test_resolution_02_2019_details_articles_150_and_151_of_the_criminal_code(corpus):
    links = _detailing(corpus["02/2019/NQ-HĐTP"], "100/2015/QH13")
    assert {link[2] for link in links} >= {"150", "151"}
    assert ("3", "chuong_1__dieu_3__khoan_1", "151", "text") in links


def _walk(node):
    yield node
    for child in node["children"]:
        yield from _walk(child)


@pytest.fixture(scope="module")
def backend(corpus_index):
    from search_api.backends import open_backend

    opened = open_backend(corpus_index)
    yield opened
    opened.close()


def _articles(tree, number):
    return [(a["number"], a.get("clause", "")) for n in _walk(tree) if n["number"] == number for a in n["articles"]]


def test_trace_article_32_follows_33_to_38_to_their_decree_and_circular_articles(backend):
    from search_api.trace import trace

    tree = trace(backend, "66/2011/QH12", "32")["tree"]
    assert [a["number"] for a in tree["articles"]] == ["32", "33", "34", "35", "36", "37", "38"]
    numbers = [n["number"] for n in _walk(tree)]
    assert numbers.count("134/2013/TTLT-BTC-BLĐTBXH") == 1
    decree = {a for a, _ in _articles(tree, "09/2013/NĐ-CP")}
    assert {"19", "20", "21", "22", "23", "24"} <= decree
    circular = {a for a, _ in _articles(tree, "134/2013/TTLT-BTC-BLĐTBXH")}
    assert {"4", "5"} <= circular
    for node in _walk(tree):
        assert all(a["number"] for a in node["articles"]), node["number"]  # no empty article entry
    leaf = next(n for n in _walk(tree) if n["number"] == "134/2013/TTLT-BTC-BLĐTBXH")
    food = next(a for a in leaf["articles"] if a["number"] == "4" and a["clause"] == "khoản 1")
    assert "30.000 đồng/người/ngày" in food["amounts"]


def test_trace_article_33_has_no_clause_of_other_regimes(backend):
    from search_api.trace import trace

    tree = trace(backend, "66/2011/QH12", "33")["tree"]
    assert ("19", "") in _articles(tree, "09/2013/NĐ-CP")
    circular = _articles(tree, "134/2013/TTLT-BTC-BLĐTBXH")
    assert ("4", "khoản 1") in circular and ("4", "khoản 2") not in circular and ("4", "khoản 3") not in circular


def test_trace_article_38_includes_decree_article_23_and_not_62_2012(backend):
    from search_api.trace import trace

    tree = trace(backend, "66/2011/QH12", "38")["tree"]
    assert {"23", "24"} <= {a for a, _ in _articles(tree, "09/2013/NĐ-CP")}
    assert "62/2012/NĐ-CP" not in [n["number"] for n in _walk(tree)]
    assert ("4", "khoản 3") in _articles(tree, "134/2013/TTLT-BTC-BLĐTBXH")


def test_resolution_02_2019_article_3_clause_6_is_one_sentence(corpus):
    article = next(a for a in corpus["02/2019/NQ-HĐTP"].articles if a.number == "3")
    clause = next(u for u in article.units if u.number == "6")
    assert clause.text.startswith(
        "6. Đã lấy bộ phận cơ thể của nạn nhân quy định tại điểm b khoản 3 Điều 150 và điểm d khoản 3 Điều 151"
    )
    assert "\nĐiều 150" not in article.text


def test_trace_lists_each_clause_once_with_money_durations_and_counts_apart(backend):
    from search_api.trace import trace

    tree = trace(backend, "66/2011/QH12", "32")["tree"]
    for node in _walk(tree):
        units = [(a["number"], a.get("unit_id")) for a in node["articles"]]
        assert len(units) == len(set(units)), (node["number"], units)  # "Khoản 2 Điều 2" of TTLT 134 was listed 3 times
    decree = next(n for n in _walk(tree) if n["number"] == "09/2013/NĐ-CP")
    article_23 = next(a for a in decree["articles"] if a["number"] == "23")
    # One row, saying every law article it details and on what basis.
    assert {(t["article"], t["basis"]) for t in article_23["targets"]} == {("37", "placement"), ("38", "catalogue")}
    leaf = next(n for n in _walk(tree) if n["number"] == "134/2013/TTLT-BTC-BLĐTBXH")
    food = next(a for a in leaf["articles"] if a["number"] == "4" and a["clause"] == "khoản 1")
    groups = {g["category"]: g["items"] for g in food["amount_groups"]}
    assert [g["label"] for g in food["amount_groups"]] == ["Mức tiền", "Thời gian", "Số lượng"]
    assert groups["money"] == [
        "tối thiểu 30.000 đồng/người/ngày",
        "tối đa 400.000 đồng/nạn nhân",
        "tối thiểu 40.000 đồng/người/ngày",
    ]
    assert groups["duration"] == ["tối đa 60 (sáu mươi) ngày", "tối đa 5 ngày"]
    assert groups["count"] == ["02 (hai) bộ quần áo dài", "02 (hai) bộ quần áo lót"]
    allowance = next(a for a in leaf["articles"] if a["number"] == "4" and a["clause"] == "khoản 3")
    counts = next(g["items"] for g in allowance["amount_groups"] if g["category"] == "count")
    assert counts == ["một lần chi phí học nghề", "một lần tiền trợ cấp khó khăn ban đầu"]


def test_issuers_keep_the_official_capitalisation_of_ministries(corpus):
    from ingest.issuers import official_spelling

    # The codified note under 134/2013 writes "Bộ Lao động - Thương Binh và Xã hội"; the official name is
    # "Thương binh" (only the first word of each group capitalised), wherever the issuer is shown or cited.
    circular = corpus["134/2013/TTLT-BTC-BLĐTBXH"]
    assert circular.issuer == "Bộ Tài chính và Bộ Lao động - Thương binh và Xã hội"
    assert "Thương binh và Xã hội" in citation_form(circular)
    for document in corpus.values():
        stated = [document.issuer] + [f["value"] for f in document.facts if f["field"] == "issuer"]
        assert not any("Thương Binh" in issuer for issuer in stated), (document.number, stated)
    assert official_spelling("BỘ CÔNG THƯƠNG và Bộ tài chính") == "Bộ Công Thương và Bộ Tài chính"
    assert official_spelling("Toà án nhân dân tối cao") == "Toà án nhân dân tối cao"  # accents as written


def test_a_catalogue_only_text_takes_its_title_from_a_text_citing_it_with_the_source():
    from ingest.catalogue import STUB_SOURCE_FILE, Catalogue
    from ingest.model import Article

    stub = Document("162/2025/NĐ-CP", "Nghị định", issuer="Chính phủ", source_file=STUB_SOURCE_FILE)
    held = Document("7/2001/NĐ-CP", "Nghị định", issuer="Chính phủ", source_file="held.html")
    held.articles = [Article("1", "", "Nghị định này có hiệu lực.", "dieu_1")]
    citing = Document("99/2099/NĐ-CP", "Nghị định", issuer="Chính phủ", source_file="x.html")
    citing.articles = [
        Article(
            "1",
            "",
            "Các khoản chi theo Nghị định số 162/2025/NĐ-CP quy định tại Điều 5 và Nghị định số 162/2025/NĐ-CP "
            "quy định chi tiết một số điều của Luật Phòng, chống mua bán người. Nghị định số 7/2001/NĐ-CP "
            "quy định về một việc khác.",
            "dieu_1",
        )
    ]
    resolve_official_facts([stub, held, citing], Catalogue([]))
    assert stub.title == "Quy định chi tiết một số điều của Luật Phòng, chống mua bán người"
    (title,) = [f for f in stub.facts if f["field"] == "title"]
    assert title["kept"] and title["source"] == "trích dẫn trong Điều 1 Nghị định 99/2099/NĐ-CP"
    # A text the collection holds is named by its own header: an undated citation is not read for it.
    assert held.title == ""
