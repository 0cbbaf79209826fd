"""The web UI in a real browser: Debian's chromium driven by Playwright against a real
`vnlex serve` process on 127.0.0.1, serving the index built from the corpus.

CI needs:  apt-get update && apt-get install -y chromium
           python3 -m pip install playwright        (never `playwright install`: no downloads)
Skipped when /usr/bin/chromium is missing, unless VNLEX_REQUIRE_BROWSER=1 (then it fails).
Screenshots of the search, document and answer pages go to bench/out/screenshots/ (ignored by git);
VNLEX_REFRESH_SCREENSHOTS=1 writes them to bench/screenshots/, the ones the README shows.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    README_SCREENSHOTS,
    REFRESH_README_SCREENSHOTS,
    RUN_SCREENSHOTS,
    browser_required,
    running_server,
)

pytestmark = pytest.mark.browser

SCREENSHOTS = README_SCREENSHOTS if REFRESH_README_SCREENSHOTS else RUN_SCREENSHOTS
CITATION = (
    "Điều 32 Luật Phòng, chống mua bán người số 66/2011/QH12 ngày 29/03/2011 của Quốc hội — "
    "hết hiệu lực (bị thay thế bởi 53/2024/QH15)"
)

if not CHROMIUM.exists() and not browser_required():
    pytest.skip(
        f"{CHROMIUM} not installed (apt-get install -y chromium); set VNLEX_REQUIRE_BROWSER=1 to fail instead",
        allow_module_level=True,
    )
try:
    from playwright import sync_api
except ImportError:
    if browser_required():
        raise
    pytest.skip("playwright is not installed (python3 -m pip install playwright)", allow_module_level=True)


@pytest.fixture(scope="module")
def server(corpus_index):
    """Base URL of a `vnlex serve` subprocess on a free local port."""
    with running_server(corpus_index) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_search_read_cite_collect_and_download(server, browser, tmp_path):
    from docx import Document as WordDocument

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.set_default_timeout(10_000)
    # Whatever the page's own scripts and styles do must fit its Content-Security-Policy.
    csp_violations: list[str] = []
    page.on("console", lambda m: csp_violations.append(m.text) if "Content Security Policy" in m.text else None)

    # Search typed without diacritics, through the labelled box.
    page.goto(server + "/")
    page.get_by_label("Tìm trong văn bản pháp luật về phòng, chống mua bán người").fill("che do ho tro nan nhan")
    page.keyboard.press("Enter")
    page.wait_for_url("**/?q=che+do+ho+tro+nan+nhan*")
    assert page.locator(".hit").count() >= 5
    assert page.locator(".hit mark").count() > 0
    assert page.locator(".hit .badge").count() == page.locator(".hit").count()
    assert "Hết hiệu lực" in page.locator(".hit .badge").all_inner_texts()
    assert "chế độ hỗ trợ nạn nhân" in page.locator(".did-you-mean").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "search.png"))

    # Open the law's Điều 32 from the results.
    result = page.locator('.hit-title a[href^="/van-ban/66-2011-QH12#"]', has_text="Điều 32.")
    target_id = result.get_attribute("href").split("#", 1)[1]
    result.click()
    page.wait_for_url(f"**/van-ban/66-2011-QH12#{target_id}")
    assert page.locator(f'[id="{target_id}"]').is_visible()
    assert "Văn bản hướng dẫn" in page.locator(".relations").inner_text()

    # Two articles into the reading list from the reader (posted by app.js, no page reload).
    page.locator(f'[id="{target_id}"] form[data-reading-form] button').click()
    page.locator(".law-article form[data-reading-form] button").first.click()
    # A locator assertion, not wait_for_function: the page's CSP forbids eval, which that uses.
    sync_api.expect(page.locator("[data-reading-count]")).to_have_text("2")

    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / "document.png"))

    # Follow a citation in the text to the article it cites.
    citation_link = page.locator(".doc-body a.cite[href*='#']").first
    href = citation_link.get_attribute("href")
    citation_link.click()
    page.wait_for_url("**" + href)
    assert page.locator(f'[id="{href.split("#", 1)[1]}"]').is_visible()

    # The list, then both downloads carry the full citation.
    page.goto(server + "/danh-sach-doc")
    assert CITATION in page.locator(".reading-items").inner_text()
    assert page.locator(".reading-item").count() == 2
    with page.expect_download() as markdown_download:
        page.get_by_role("link", name="Tải Markdown (.md)").click()
    markdown = Path(markdown_download.value.path()).read_text(encoding="utf-8")
    assert CITATION in markdown.replace("\\", "")
    with page.expect_download() as word_download:
        page.get_by_role("link", name="Tải Word (.docx)").click()
    word = WordDocument(io.BytesIO(Path(word_download.value.path()).read_bytes()))
    assert CITATION in [p.text for p in word.paragraphs]
    assert csp_violations == []
    page.close()


def test_reading_list_works_without_javascript(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/?q=" + "điều 32 luật PCMBN")
    page.locator(".hit form button").first.click()  # a plain form post, redirected back
    page.wait_for_load_state()
    assert page.locator("[data-reading-count]").inner_text().strip() == "1"
    assert "Đã có trong danh sách đọc" in page.locator(".hit form button").first.inner_text()
    page.goto(server + "/danh-sach-doc")
    assert CITATION in page.locator(".reading-items").inner_text()
    context.close()


def test_phone_layout_keeps_search_usable(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(server + "/?q=nan+nhan")
    box = page.locator("#q").bounding_box()
    assert box and box["width"] > 200
    # Nothing forces sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.close()


def test_ask_entitlements_and_trace_pages(server, browser):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(10_000)

    # "Hỏi đáp" from the navigation; the question typed without diacritics.
    page.goto(server + "/")
    page.get_by_role("navigation", name="Chính").get_by_role("link", name="Hỏi đáp").click()
    page.wait_for_url("**/hoi-dap")
    page.get_by_label("Câu hỏi của bạn").fill("tien an cho nan nhan bao nhieu mot ngay")
    page.get_by_role("button", name="Hỏi", exact=True).click()
    page.wait_for_url("**/hoi-dap?q=tien+an+cho+nan+nhan+bao+nhieu+mot+ngay*")  # then &date= (the date field)
    first = page.locator(".answer-units > li").first
    quote = first.locator("blockquote").inner_text()
    assert "30.000 đồng/người/ngày" in quote and "Tiền ăn" in quote
    citation = first.locator(".citation a")
    assert citation.inner_text() == "Khoản 1 Điều 4 Thông tư liên tịch số 134/2013/TTLT-BTC-BLĐTBXH"
    assert "Hết hiệu lực" in first.locator(".citation .badge").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "ask.png"))

    # The citation opens the circular at the quoted clause.
    href = citation.get_attribute("href")
    assert href.startswith("/van-ban/134-2013-TTLT-BTC-BLDTBXH#dieu_4__khoan_1")
    citation.click()
    page.wait_for_url("**" + href)
    clause = page.locator(f'[id="{href.split("#", 1)[1]}"]')
    assert clause.is_visible() and "30.000 đồng/người/ngày" in clause.inner_text()
    assert 0 <= clause.bounding_box()["y"] < 900, "the cited clause is scrolled into view"

    # The entitlements cards list the 134/2013 amounts, under the regime "Nhu cầu thiết yếu".
    page.get_by_role("navigation", name="Chính").get_by_role("link", name="Quyền lợi của nạn nhân").click()
    page.wait_for_url("**/quyen-loi")
    # (the card whose own clause it is: other cards link to it in their amount chain, "Mức cụ thể do")
    own_clause = (
        'div:not(.ent-amount-chain) > dd > a[href="/van-ban/134-2013-TTLT-BTC-BLDTBXH#dieu_4__khoan_1__diem_a"]'
    )
    food = page.locator(".ent-card", has=page.locator(own_clause))
    assert food.count() == 1
    assert "tối thiểu 30.000 đồng/người/ngày" in food.locator(".amount-money").all_inner_texts()
    # The clause's compact citation (ingest.document_citation.unit_citation), once.
    assert food.locator(".ent-facts").inner_text().count("điểm a khoản 1 Điều 4 TTLT 134/2013") == 1
    assert "Điều 33 66/2011/QH12" in food.locator(".ent-facts").inner_text()
    group = page.locator(".ent-group", has=food)
    # Grouped by the support regimes of Điều 32 khoản 1 (issue 9), the first being điểm a.
    assert group.locator("h2").inner_text().startswith("a) Hỗ trợ về nhu cầu thiết yếu và chi phí đi lại")

    # The trace of Điều 32 of the law: its detailing decree and the law that replaced it.
    page.goto(server + "/truy-vet?doc=66/2011/QH12&article=32")
    tree = page.get_by_role("region", name="Cây văn bản")
    children = tree.locator(".trace-children").first.inner_text()
    assert "09/2013/NĐ-CP" in children and "134/2013/TTLT-BTC-BLĐTBXH" in children
    changes = tree.locator(".trace-changes").first.inner_text()
    assert "53/2024/QH15" in changes and "1/7/2025" in changes
    page.close()


def test_collection_list_and_catalogue_only_text_without_javascript(server, browser):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(server + "/")
    page.get_by_role("navigation", name="Chính").get_by_role("link", name="Văn bản", exact=True).click()
    page.wait_for_load_state()
    assert "09/2013/NĐ-CP" in page.locator(".collection-table").inner_text()
    page.select_option("#f-text", "chua")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state()
    table = page.locator(".collection-table").inner_text()
    assert "53/2024/QH15" in table and "09/2013/NĐ-CP" not in table
    page.screenshot(path=str(SCREENSHOTS / "collection.png"), full_page=True)
    page.get_by_role("link", name="53/2024/QH15").click()
    page.wait_for_load_state()
    missing = page.locator(".missing-text").inner_text()
    assert "chưa có trong bộ sưu tập" in missing and "vnlex ingest" in missing
    page.screenshot(path=str(SCREENSHOTS / "catalogue-only.png"), full_page=True)
    page.goto(server + "/?q=" + "Luật 53/2024/QH15")
    assert "53/2024/QH15" in page.locator(".missing-text").inner_text()
    context.close()
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    phone.goto(server + "/van-ban")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # the table scrolls in its own box
    phone.close()
