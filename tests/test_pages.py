"""The reader's citation form, its relations panel, the entitlement cards and the short agency
names, on the real corpus index (the browser tests look at the same pages in chromium)."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest
from fastapi.testclient import TestClient

from ingest.model import Document
from search_api.app import create_app
from web.agencies import short_agency
from web.citation_form import formal_date, standard_citation
from web.entitlement_cards import amount_chain, entitlement_groups, regime_order


@pytest.fixture
def client(corpus_index, settings_for):
    with TestClient(create_app(settings_for(corpus_index))) as client:
        yield client


def _text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_formal_dates_pad_days_below_ten_and_january_february():
    assert formal_date(date(2013, 1, 11)) == "ngày 11 tháng 01 năm 2013"
    assert formal_date(date(2011, 3, 29)) == "ngày 29 tháng 3 năm 2011"
    assert formal_date(date(2020, 2, 5)) == "ngày 05 tháng 02 năm 2020"
    assert formal_date(None) == ""


def test_standard_citation_forms():
    decree = Document(
        number="09/2013/NĐ-CP",
        type="Nghị định",
        title="Hướng dẫn Luật Phòng, chống mua bán người",
        issuer="Chính phủ",
        issued=date(2013, 1, 11),
    )
    # One citation function for every page and export (ingest.document_citation.article_citation, issue 9).
    assert standard_citation(decree, "3") == (
        "Điều 3 Nghị định số 09/2013/NĐ-CP ngày 11/01/2013 của Chính phủ hướng dẫn Luật Phòng, chống mua bán người"
    )
    law = Document(
        number="66/2011/QH12",
        type="Luật",
        title="Phòng, chống mua bán người",
        issuer="Quốc hội",
        issued=date(2011, 3, 29),
    )
    # A law by its type and name, with its number: the 2011 and 2024 laws share the name.
    assert standard_citation(law) == "Luật Phòng, chống mua bán người số 66/2011/QH12 ngày 29/03/2011 của Quốc hội"
    circular = Document(number="1/2020/TT-X", type="Thông tư", title="Thông tư quy định mẫu hồ sơ")
    assert standard_citation(circular, "2") == "Điều 2 Thông tư số 1/2020/TT-X quy định mẫu hồ sơ"


def test_reader_citations_permalinks_and_print_view(client):
    html = client.get("/van-ban/09-2013-ND-CP").text
    article_3 = client.get("/api/documents/09-2013-ND-CP/articles/3").json()["article"]["id"]
    section = html[html.index(f'<section class="law-article" id="{article_3}"') :]
    section = section[: section.index("</section>")]
    assert f'href="/van-ban/09-2013-ND-CP#{article_3}"' in section  # the permalink
    # The official title, not the codified database's short label (issue 9).
    assert (
        "Điều 3 Nghị định số 09/2013/NĐ-CP ngày 11/01/2013 của Chính phủ "
        "quy định chi tiết thi hành một số điều của Luật Phòng, chống mua bán người"
    ) in _text(section)
    assert 'data-copy="cite-' in section and "hidden" in section  # copy button shown by app.js only
    printed = client.get("/van-ban/09-2013-ND-CP", params={"in": "1"}).text
    assert 'class="page-document print-view"' in printed and 'class="print-only doc-citation"' in printed
    # No inline script, style or handler anywhere (a strict CSP must not break the page).
    for page in (html, client.get("/quyen-loi").text, client.get("/?q=nan+nhan").text):
        assert not re.search(r"<script(?![^>]*\bsrc=)|\sstyle=|\son[a-z]+=", page)


def test_relations_list_each_related_document_once_with_its_roles(client):
    html = client.get("/van-ban/09-2013-ND-CP").text
    panel = html[html.index('class="relations"') : html.index('class="toc"')]
    names = re.findall(r'<p class="related-name"><a href="([^"]+)"', panel)
    assert names and len(names) == len(set(names))
    circular = panel[panel.index('href="/van-ban/134-2013-TTLT-BTC-BLDTBXH"') :]
    circular = circular[: circular.index("</li>\n          <li") if "</li>\n          <li" in circular else None]
    assert "Văn bản hướng dẫn" in circular
    # The panel is closed in the HTML (app.js opens it beside the text on wide screens).
    assert "<details data-relations>" in panel
    # First in the HTML but closed: one summary line above the text on a phone.
    assert html.index('class="relations"') < html.index('class="doc-body"')


def test_entitlements_grouped_by_regime_with_amounts(client):
    html = client.get("/quyen-loi").text
    headings = [_text(h) for h in re.findall(r'<h2 id="nhom-\d+-h"[^>]*>(.*?)</h2>', html, re.S)]
    regimes = [h.split(" · ")[0].lower() for h in headings]
    order = [r.lower() for r in regime_order()]
    known = [r for r in regimes if r in order]
    assert known and known == [r for r in order if r in known]  # vocabulary order
    assert regimes[: len(known)] == known  # regimes before the other provisions
    food = html[html.index('<h2 id="nhom-1-h"') : html.index('<h2 id="nhom-2-h"')]
    # The support regimes of Điều 32 khoản 1 come first (issue 9), điểm a being essential needs.
    assert food.startswith('<h2 id="nhom-1-h" class="regime-heading">a) Hỗ trợ về nhu cầu thiết yếu')
    # A floor reads as one ("tối thiểu"), money, durations and counts apart, each once (issue 9 audit).
    assert '<span class="amount amount-money">tối thiểu 30.000 đồng/người/ngày</span>' in food
    chips = [_text(p) for p in re.findall(r'<p class="ent-amounts">(.*?)</p>', food, re.S)]
    assert "Mức tiền: tối thiểu 30.000 đồng/người/ngày Thời gian: tối đa 60 (sáu mươi) ngày" in chips
    assert "Mức tiền: tối đa 400.000 đồng/nạn nhân Số lượng: 02 (hai) bộ quần áo dài 02 (hai) bộ quần áo lót" in chips
    # Every provision the API lists for victims (its default scope) is on the page, once.
    api = client.get("/api/entitlements").json()
    assert html.count('<li class="ent-card') == api["total"]


def test_entitlement_groups_order_cards():
    def row(kind, what, amounts=(), doc_type="Thông tư"):
        return {
            "kind": kind,
            "what": what,
            "amounts": [{"text": a, "unit": "đồng/người/ngày" if "đồng" in a else "ngày"} for a in amounts],
            "agency": "",
            "quote": "x",
            "link": {"status": "con_hieu_luc", "replaced_by": None, "doc_type": doc_type},
        }

    groups = entitlement_groups(
        [
            row("obligation", "Trách nhiệm của Ủy ban nhân dân"),
            row("obligation", "y tế"),
            row("entitlement", "y tế", ["60 ngày"], "Luật"),
            row("entitlement", "y tế", ["50.000 đồng/nạn nhân", "50.000 đồng/nạn nhân"]),
            row("entitlement", "nhu cầu thiết yếu"),
        ]
    )
    assert [g["regime"] for g in groups] == ["Nhu cầu thiết yếu", "Y tế", "Trách nhiệm của Ủy ban nhân dân"]
    health = groups[1]["cards"]
    assert [c["kind"] for c in health] == ["entitlement", "entitlement", "obligation"]
    assert health[0]["amounts_view"] == [{"text": "50.000 đồng/nạn nhân", "money": True}]  # money first, once
    assert [g["is_regime"] for g in groups] == [True, True, False]


def test_short_agency_names():
    assert short_agency("Bộ Công an, Bộ Quốc phòng, Bộ Lao động - Thương binh và Xã hội và Bộ Ngoại giao") == (
        "BCA, BQP, BLĐTBXH, BNG"
    )
    assert short_agency("Bộ Tài chính và Bộ Lao động - Thương Binh và Xã hội") == "BTC, BLĐTBXH"
    assert short_agency("Bộ Lao động - Thương binh và Xã hội") == "Bộ LĐTBXH"
    assert short_agency("Chính phủ") is None  # short already
    assert short_agency("Ủy ban nhân dân tỉnh Lào Cai và Bộ Công an") is None  # not all known: kept whole


def test_search_facets_show_short_agency_names_with_the_full_name(client):
    html = client.get("/", params={"q": "nan nhan"}).text
    label = re.search(
        r'<span class="facet-label" title="([^"]+)"><span aria-hidden="true">BCA, BQP, BLĐTBXH, BNG', html
    )
    assert label and label.group(1).startswith("Bộ Công an, Bộ Quốc phòng")
    assert f'<span class="visually-hidden">{label.group(1)}</span>' in html


def test_catalogue_only_document_says_it_has_no_text(client):
    html = client.get("/van-ban/53-2024-QH15").text
    # Branch `library`'s explanation, inside the text column, the relations beside it.
    body = html[html.index('class="doc-body"') :]
    assert "Toàn văn của văn bản này chưa có trong bộ sưu tập" in body
    assert 'class="toc"' not in html and "doc-layout no-toc" in html
    assert html.index('class="relations"') < html.index('class="doc-body"')


def test_amount_chain_runs_from_the_law_article_through_the_row_to_the_clause_fixing_the_figure():
    row = {
        "doc_number": "09/2013/NĐ-CP",
        "article_number": "19",
        "citation_short": "điểm a khoản 2 Điều 19 NĐ 09/2013",
        "link": {"link": "/van-ban/x#a", "doc_type": "Nghị định"},
        "governing_articles": [{"doc_number": "66/2011/QH12", "article_number": "33", "link": "/van-ban/l#d33"}],
        "amount_clauses": [
            {
                "doc_number": "134/2013/TTLT-BTC-BLĐTBXH",
                "article_number": "4",
                "clause": "điểm a khoản 1",
                "money": ["30.000 đồng/người/ngày"],
                "link": "/van-ban/t#k1a",
            }
        ],
    }
    chain = amount_chain(row)
    assert [step["role"] for step in chain] == ["governing", "self", "amount"]
    assert chain[0]["label"] == "Điều 33 66/2011/QH12" and chain[1]["label"] == "điểm a khoản 2 Điều 19 NĐ 09/2013"
    assert chain[2]["fixing"][0]["label"] == "điểm a khoản 1 Điều 4 134/2013/TTLT-BTC-BLĐTBXH"
    assert chain[2]["fixing"][0]["money"] == ["30.000 đồng/người/ngày"]
    assert amount_chain({**row, "amount_clauses": []}) == []  # a row fixing its own figure has no chain


def test_entitlements_page_shows_the_chain_to_the_clause_fixing_the_amount(client):
    """Rendered without a browser: the decree's food-allowance row (NĐ 09/2013 Điều 19 khoản 2 điểm a) names
    the law article it details, itself, and the circular clause with the figure, as /api/entitlements does."""
    rows = client.get("/api/entitlements", params={"document": "09/2013/NĐ-CP"}).json()["provisions"]
    food = next(r for r in rows if r["unit_id"] == "chuong_3__dieu_19__khoan_2__diem_a")
    html = client.get("/quyen-loi", params={"document": "09/2013/NĐ-CP"}).text
    cards = re.findall(r'<li class="ent-card.*?</li>\s*(?=<li class="ent-card|</ul>)', html, re.S)
    card_html = next(c for c in cards if "Hỗ trợ tiền ăn" in c and "amount-chain" in c)
    chain = card_html[card_html.index('<ol class="amount-chain"') : card_html.index("</ol>")]
    items = re.findall(r'<li class="chain-(\w+)">(.*?)</li>', chain, re.S)
    assert [role for role, _ in items] == ["governing"] * len(food["governing_articles"]) + ["self", "amount"]
    assert "66/2011" in _text(items[0][1]) and "33" in _text(items[0][1])
    fixing = food["amount_clauses"][0]
    assert f'href="{fixing["link"]}"' in items[-1][1]
    # The figure is a floor and says so (issue 9 audit: the chain showed it as the sum paid).
    assert '<span class="amount amount-money">tối thiểu 30.000 đồng/người/ngày</span>' in items[-1][1]
    assert "134/2013" in _text(items[-1][1])


def test_codified_article_notes_flag_their_wrong_effective_date_without_rewriting_it(client):
    # All 58 notes of the codified database say 66/2011/QH12 takes effect 01/12/2012; its Điều 57 says 01/01/2012.
    flag = "(ghi chú của CSDL pháp điển; theo Điều 57 của Luật: 01/01/2012)"
    articles = client.get("/api/documents/66-2011-QH12").json()["articles"]
    noted = [a for a in articles if "01/12/2012" in a["note"]]
    assert len(noted) == 58 and all(a["note_flag"] == flag for a in noted)
    html = client.get("/van-ban/66-2011-QH12").text
    assert html.count(flag) == 58 and html.count("có hiệu lực thi hành kể từ ngày 01/12/2012") == 58
    # A note agreeing with the kept date carries no flag.
    decree = client.get("/api/documents/09-2013-ND-CP").json()["articles"]
    assert all(a["note_flag"] == "" for a in decree)


def test_trace_page_lists_each_clause_once_with_amounts_apart_and_bounded(client):
    text = _text(client.get("/truy-vet", params={"doc": "66/2011/QH12", "article": "32"}).text)
    assert (
        "Mức tiền: tối thiểu 30.000 đồng/người/ngày; tối đa 400.000 đồng/nạn nhân; tối thiểu 40.000 đồng/người/ngày "
        "Thời gian: tối đa 60 (sáu mươi) ngày; tối đa 5 ngày Số lượng: 02 (hai) bộ quần áo dài; 02 (hai) bộ quần áo lót"
    ) in text
    assert "Số lượng: một lần chi phí học nghề; một lần tiền trợ cấp khó khăn ban đầu" in text
    assert "Mức:" not in text
    assert text.count("Khoản 2 Điều 2. Nguồn kinh phí thực hiện") == 1
    assert text.count("Điều 23. Hỗ trợ học văn hóa, học nghề, trợ cấp khó khăn ban đầu —") == 1
    assert "hướng dẫn Điều 37 Luật 66/2011/QH12 (theo Bộ pháp điển); Điều 38 Luật 66/2011/QH12 (theo danh mục)" in text
