"""The server-rendered web UI through TestClient, on the real embedded index built from the corpus."""

from __future__ import annotations

import io
import re
from html import unescape

import pytest
from fastapi.testclient import TestClient

from ingest.model import Article, Document, Unit
from search_api.app import create_app
from web.linkify import CitationLinker
from web.search_page import did_you_mean

LAW = "66/2011/QH12"
DECREE = "09/2013/NĐ-CP"


@pytest.fixture
def client(corpus_index, settings_for):
    with TestClient(create_app(settings_for(corpus_index))) as client:
        yield client


def text_of(html: str) -> str:
    """Visible text of a page, whitespace collapsed (tags dropped, entities decoded)."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


# ---------------------------------------------------------------------- search page


def test_search_without_diacritics_shows_highlighted_article_32_with_badges(client):
    response = client.get("/", params={"q": "ho tro nan nhan"})
    assert response.status_code == 200
    html = response.text
    assert 'value="ho tro nan nhan"' in html  # the query stays in the box (and the URL)
    titles = re.findall(r'<h2 id="hit-\d+" class="hit-title"><a href="/van-ban/[^"#]+#[^"]+">([^<]+)</a>', html)
    assert len(titles) == 10 and sum("hỗ trợ nạn nhân" in t.lower() for t in titles) >= 3, titles
    assert re.search(r"<mark>hỗ trợ nạn nhân</mark>", html, re.I)  # one mark per phrase
    assert 'class="badge badge-expired">Hết hiệu lực<' in html  # the 2011-2013 framework, replaced in 2025
    assert "Có phải bạn muốn tìm" in html and ">hỗ trợ nạn nhân<" in html


def test_support_regime_query_finds_article_32_marked_replaced(client):
    html = client.get("/", params={"q": "che do ho tro nan nhan"}).text
    article_32 = client.get("/api/documents/66-2011-QH12/articles/32").json()["article"]["id"]
    hit = html[html.index(f'href="/van-ban/66-2011-QH12#{article_32}"') :]
    hit = hit[: hit.index("</article>")]
    assert "Điều 32." in hit and 'class="badge badge-replaced">Bị thay thế<' in hit
    assert "Văn bản đã bị thay thế bởi 53/2024/QH15" in hit


def test_search_facets_have_counts_and_pagination_keeps_the_query(client):
    api = client.get("/api/search", params={"q": "nạn nhân"}).json()
    html = client.get("/", params={"q": "nạn nhân"}).text
    for facet in api["facets"]["doc_type"]:
        assert re.search(
            rf'name="type" value="{re.escape(facet["value"])}".*?facet-count[^>]*>{facet["count"]}<', html, re.S
        ), facet
    assert "Loại văn bản" in html and "Cơ quan ban hành" in html and "Năm ban hành" in html and "Hiệu lực" in html
    assert api["total"] > 10
    assert 'href="/?q=n%E1%BA%A1n+nh%C3%A2n&amp;page=2"' in html
    page_two = client.get("/", params={"q": "nạn nhân", "page": 2}).text
    assert 'aria-current="page">2<' in page_two and 'rel="prev"' in page_two


def test_facet_filter_restricts_results(client):
    html = client.get("/", params={"q": "nạn nhân", "type": "Thông tư"}).text
    kinds = re.findall(r'<a href="/van-ban/[^"]+">(Thông tư liên tịch|Thông tư|Nghị định|Luật|Bộ luật) ', html)
    assert kinds and set(kinds) == {"Thông tư"}
    assert 'value="Thông tư" checked' in html and "Bỏ lọc" in html


def test_script_query_is_escaped(client):
    html = client.get("/", params={"q": "<script>alert(1)</script> nạn nhân"}).text
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_punctuation_query_shows_the_message(client):
    html = client.get("/", params={"q": "?!.,;:-()"}).text
    assert "không có từ nào để tìm" in html


def test_empty_search_page_offers_examples(client):
    html = client.get("/").text
    assert '<label for="q">' in html and "Bỏ qua, đến nội dung chính" in html and "Thử tìm" in html


# ---------------------------------------------------------------------- document reader


def test_document_page_has_toc_clause_anchors_and_relations(client):
    data = client.get("/api/documents/66-2011-QH12").json()
    html = client.get("/van-ban/66-2011-QH12").text
    header = text_of(html[: html.index('class="doc-layout"')])
    assert "Văn bản này đã bị thay thế bởi 53/2024/QH15" in header and 'href="/van-ban/53-2024-QH15"' in html
    # The catalogue's verified date (the law's own Điều 57), not the codified page's 01/12/2012.
    assert "Ngày ban hành 29/3/2011" in header and "Ngày có hiệu lực 1/1/2012" in header
    for article in data["articles"]:
        assert f'<li class="toc-article toc-level-{len(article["path"])}"><a href="#{article["id"]}">' in html
        assert f'id="{article["id"]}"' in html
        for unit in article["units"]:
            assert f'id="{unit["id"]}"' in html and f'href="#{unit["id"]}"' in html
            for point in unit["children"]:
                assert f'id="{point["id"]}"' in html
    # Every line of every article is on the page (clauses and points split out, nothing lost).
    page_text = " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())
    for article in data["articles"]:
        for line in filter(None, (raw.strip() for raw in article["text"].split("\n"))):
            assert " ".join(line.split()) in page_text, line
    relations = html[html.index('id="relations-title"') : html.index('class="toc"')]
    assert "Văn bản hướng dẫn" in relations
    assert 'href="/van-ban/09-2013-ND-CP' in relations and DECREE in relations


def test_document_text_links_citations(client):
    html = client.get("/van-ban/66-2011-QH12").text
    # "… quy định tại Điều 3 của Luật này" and similar: links into this same document.
    same_document = re.findall(r'<a class="cite" href="/van-ban/66-2011-QH12#([^"]+)">Điều \d+</a>', html)
    assert same_document
    ids = set(re.findall(r'<section class="law-article" id="([^"]+)"', html))
    assert set(same_document) <= ids | {i for i in re.findall(r'id="([^"]+)"', html)}


def test_non_canonical_slug_redirects_and_unknown_is_404(client):
    moved = client.get("/van-ban/66-2011-qh12", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == "/van-ban/66-2011-QH12"
    moved = client.get("/van-ban/9-2013-nd-cp", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == "/van-ban/09-2013-ND-CP"
    article = client.get("/van-ban/66-2011-QH12/dieu/32", follow_redirects=False)
    api = client.get("/api/documents/66-2011-QH12/articles/32").json()
    assert article.status_code == 308 and article.headers["location"] == f"/van-ban/66-2011-QH12#{api['article']['id']}"
    missing = client.get("/van-ban/999-2099-ND-CP")
    assert missing.status_code == 404 and "Không tìm thấy văn bản" in missing.text and "<html" in missing.text
    assert client.get("/van-ban/66-2011-QH12/dieu/999").status_code == 404
    assert "Không có trang này" in client.get("/khong-co").text


# ---------------------------------------------------------------------- reading list


SAME_ORIGIN = {"Origin": "http://testserver"}  # what a browser sends with a form post from this site


def _add(client, slug, article, headers=SAME_ORIGIN, **extra):
    return client.post(
        "/danh-sach-doc/them",
        data={"slug": slug, "article": article, "next": "/"},
        follow_redirects=False,
        headers=headers,
        **extra,
    )


def test_reading_list_add_show_and_download(client):
    from docx import Document as WordDocument

    assert _add(client, "66-2011-QH12", "32").status_code == 303
    first_decree_article = client.get("/api/documents/09-2013-ND-CP").json()["articles"][0]["number"]
    assert _add(client, "09-2013-ND-CP", first_decree_article).status_code == 303
    page = client.get("/danh-sach-doc").text
    citation = (
        "Điều 32 Luật Phòng, chống mua bán người số 66/2011/QH12 ngày 29/03/2011 của Quốc hội — "
        "hết hiệu lực (bị thay thế bởi 53/2024/QH15)"
    )
    assert citation in text_of(page)
    assert f"Điều {first_decree_article} Nghị định" in text_of(page) and DECREE in page
    assert "Hỗ trợ y tế" in page  # the article text itself, for the trainer
    assert 'class="count-pill" data-reading-count>2<' in page

    markdown = client.get("/danh-sach-doc.md")
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert "attachment" in markdown.headers["content-disposition"]
    assert f"## {citation}" in markdown.text.replace("\\", "")

    word = client.get("/danh-sach-doc.docx")
    paragraphs = [p.text for p in WordDocument(io.BytesIO(word.content)).paragraphs]
    assert citation in paragraphs and any("Hỗ trợ y tế" in p for p in paragraphs)

    printable = client.get("/danh-sach-doc/in").text
    assert "print-view" in printable and citation in text_of(printable) and "/danh-sach-doc/xoa" not in printable

    removed = client.post(
        "/danh-sach-doc/xoa",
        data={"slug": "66-2011-QH12", "article": "32"},
        follow_redirects=False,
        headers=SAME_ORIGIN,
    )
    assert removed.status_code == 303
    assert citation not in text_of(client.get("/danh-sach-doc").text)


def test_reading_list_validates_entries_strictly(client):
    assert _add(client, "66-2011-QH12", "999").status_code == 400  # no such article
    assert _add(client, "999-2099-ND-CP", "1").status_code == 400  # no such document
    assert _add(client, "66-2011-qh12", "32").status_code == 400  # only canonical slugs are stored
    assert _add(client, "66-2011-QH12|x:1", "32").status_code == 400  # no smuggled separators
    assert _add(client, "66-2011-QH12", "32", headers={"Origin": "https://evil.example"}).status_code == 403
    # A hand-edited cookie: malformed and unknown entries are ignored, not shown.
    client.cookies.set("vnlex_reading_list", '66-2011-QH12:32|<script>|999-2099-ND-CP:1|x"y')
    page = client.get("/danh-sach-doc").text
    assert "Điều 32 Luật" in text_of(page) and "999-2099" not in page and "&lt;script" not in page


def test_reading_list_is_capped_and_redirects_only_locally(client):
    client.cookies.set("vnlex_reading_list", "|".join(f"X-{n}:1" for n in range(100)))
    refused = _add(client, "66-2011-QH12", "32")
    assert refused.status_code == 409 and "100" in refused.text
    client.cookies.clear()
    answer = client.post(
        "/danh-sach-doc/them",
        data={"slug": "66-2011-QH12", "article": "32", "next": "//evil.example/x"},
        follow_redirects=False,
        headers=SAME_ORIGIN,
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/danh-sach-doc"
    as_json = client.post(
        "/danh-sach-doc/them",
        data={"slug": "66-2011-QH12", "article": "33"},
        headers={"X-Requested-With": "fetch", **SAME_ORIGIN},
    )
    assert as_json.json() == {"count": 2, "message": "Đã thêm vào danh sách đọc."}


def test_search_result_has_reading_list_button(client):
    html = client.get("/", params={"q": "điều 32 luật PCMBN"}).text
    assert 'action="/danh-sach-doc/them"' in html and 'name="article" value="32"' in html
    assert "Thêm vào danh sách đọc" in html


# ---------------------------------------------------------------------- backend down


def test_backend_down_is_a_503_page_with_the_reason(tmp_path, settings_for):
    (tmp_path / "dir.sqlite").mkdir()
    with TestClient(create_app(settings_for(f"sqlite:///{tmp_path}/dir.sqlite"))) as client:
        response = client.get("/", params={"q": "nạn nhân"})
        assert response.status_code == 503
        assert response.headers["content-type"].startswith("text/html")
        assert "cannot open SQLite index" in response.text and "tạm thời không hoạt động" in response.text


# ---------------------------------------------------------------------- units (no index needed)


def _toy_law() -> Document:
    clause = Unit("khoan", "2", "chuong_1__dieu_3__khoan_2", "2. Nội dung khoản hai.")
    return Document(
        number="66/2011/QH12",
        type="Luật",
        title="Phòng, chống mua bán người",
        articles=[
            Article("3", "Hành vi bị nghiêm cấm", "1. …\n2. Nội dung khoản hai.", "chuong_1__dieu_3", units=[clause]),
            Article(
                "5",
                "Chính sách",
                "<script>alert(1)</script> theo khoản 2 Điều 3 của Luật này và Nghị định số 09/2013/NĐ-CP",
                "chuong_1__dieu_5",
            ),
        ],
    )


def test_linkify_escapes_text_then_links_citations():
    law = _toy_law()
    decree = Document(
        number=DECREE,
        type="Nghị định",
        title="Quy định chi tiết",
        articles=[Article("1", "Phạm vi", "…", "chuong_1__dieu_1")],
    )
    known = [(law.number, law.type, law.title), (decree.number, decree.type, decree.title)]
    linker = CitationLinker(known, {law.number: law, decree.number: decree}.get)
    html = str(linker.linkify(law.articles[1].text, law, law.articles[1]))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<a class="cite" href="/van-ban/66-2011-QH12#chuong_1__dieu_3__khoan_2">khoản 2 Điều 3</a>' in html
    assert '<a class="cite" href="/van-ban/09-2013-ND-CP">09/2013/NĐ-CP</a>' in html
    # Cited in another document by number, with the article resolved there.
    other = str(linker.linkify("Điều 1 Nghị định số 09/2013/NĐ-CP và Điều 7 Thông tư 01/2099/TT-BXX", law))
    assert '<a class="cite" href="/van-ban/09-2013-ND-CP#chuong_1__dieu_1">Điều 1</a>' in other
    assert "Điều 7 Thông tư 01/2099/TT-BXX" in other  # not indexed: stays text
    listed = str(linker.linkify("các điều 3, 5 và khoản 1 Điều 9 của Luật này", law))
    assert '<a class="cite" href="/van-ban/66-2011-QH12#chuong_1__dieu_3">điều 3</a>' in listed
    assert '<a class="cite" href="/van-ban/66-2011-QH12#chuong_1__dieu_5">5</a>' in listed
    assert ">1<" not in listed and "khoản 1 Điều 9" in listed  # Điều 9 does not exist: no link


def test_did_you_mean_prefers_forms_seen_together():
    texts = ["Hỗ trợ nạn nhân bị mua bán. Hộ gia đình của nạn nhân được hỗ trợ.", "Chế độ hỗ trợ nạn nhân"]
    assert did_you_mean("ho tro nan nhan", texts) == "hỗ trợ nạn nhân"
    assert did_you_mean("hỗ trợ nạn nhân", texts) is None  # typed with diacritics: leave it
    assert did_you_mean("xyz", texts) is None
