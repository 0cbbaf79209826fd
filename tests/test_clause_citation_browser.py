"""The reader's "copy citation" for a clause anchor: opened at #..._khoan_1__diem_a, the article's
citation box gives that point's citation and a button adds that point alone to the reading list."""

from __future__ import annotations

import re

import pytest

from tests.browser_support import CHROMIUM, CHROMIUM_ARGS, playwright_or_skip, running_server

pytestmark = pytest.mark.browser

sync_api = playwright_or_skip()

SLUG = "134-2013-TTLT-BTC-BLDTBXH"
POINT_CITATION = re.compile(
    r"^điểm a khoản 1 Điều 4 Thông tư liên tịch số 134/2013/TTLT-BTC-BLĐTBXH ngày 25/09/2013 của Bộ Tài chính .+"
)


def test_clause_anchor_copies_the_clause_citation_and_adds_the_clause(corpus_index):
    with running_server(corpus_index) as base, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
        page = context.new_page()
        page.goto(f"{base}/van-ban/{SLUG}")
        article = page.locator(".law-article", has=page.locator("h3", has_text=re.compile(r"^Điều 4\."))).first
        article_id = article.get_attribute("id")
        point_id = article.locator(".unit.point").first.get_attribute("id")
        article_citation = article.locator(".cite-text").text_content()
        assert article_citation.startswith("Điều 4 Thông tư liên tịch số 134/2013")
        assert not article.locator("form[data-clause-form]").is_visible()

        page.goto(f"{base}/van-ban/{SLUG}#{point_id}")
        article.locator(".cite-box summary").click()
        cited = article.locator(".cite-text").inner_text()
        assert POINT_CITATION.match(cited), cited
        assert cited.endswith(article_citation[len("Điều 4 ") :])  # same document form as the article's
        article.locator(".copy-button").click()
        page.wait_for_function("() => document.querySelector('[role=status]')?.textContent.includes('Đã sao chép')")
        assert page.evaluate("navigator.clipboard.readText()") == cited

        clause_form = article.locator("form[data-clause-form]")
        assert clause_form.is_visible() and "điểm a khoản 1 Điều 4" in clause_form.inner_text()
        clause_form.locator("button").click()
        page.wait_for_function("() => document.querySelector('[role=status]')?.textContent.includes('Đã thêm')")
        page.goto(f"{base}/danh-sach-doc")
        assert page.locator(".reading-item h2.citation").first.inner_text().startswith(cited)

        # Back to the article's own anchor: the box cites the article again.
        page.goto(f"{base}/van-ban/{SLUG}#{article_id}")
        assert article.locator(".cite-text").text_content() == article_citation
        context.close()
        browser.close()
