"""Every page looked at, on both backends, at a phone's and a desktop's width: a screenshot of
each (bench/out/screenshots/, ignored by git), no sideways scrolling, and axe-core's automated
accessibility check with no serious or critical violation. Plus what the reader promises: the
text first, a table of contents that stays in view, citations that copy, a print view, and no
inline script or style (a strict Content-Security-Policy must not break any page).
"""

from __future__ import annotations

import re

import pytest

from tests.browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    README_SCREENSHOTS,
    REFRESH_README_SCREENSHOTS,
    RUN_SCREENSHOTS,
    axe_violations,
    playwright_or_skip,
    running_server,
)

pytestmark = pytest.mark.browser

sync_api = playwright_or_skip()

WIDTHS = (360, 1280)
# name -> path: every page of the site, in the states a user meets them.
PAGES = {
    "home": "/",
    "search": "/?q=che+do+ho+tro+nan+nhan",
    "search-none": "/?q=xyzzy+khong+co",
    "document-decree": "/van-ban/09-2013-ND-CP",
    "document-law": "/van-ban/66-2011-QH12",
    "document-news": "/van-ban/news-000-05fd690002272884",
    "document-catalogue-only": "/van-ban/53-2024-QH15",
    "document-print": "/van-ban/134-2013-TTLT-BTC-BLDTBXH?in=1",
    "entitlements": "/quyen-loi",
    "entitlements-filtered": "/quyen-loi?who=&kind=entitlement&q=tien+an",
    "ask": "/hoi-dap",
    "ask-answer": "/hoi-dap?q=tien+an+cho+nan+nhan+bao+nhieu+mot+ngay",
    "trace": "/truy-vet",
    "trace-result": "/truy-vet?doc=66/2011/QH12&article=32",
    "reading-list-empty": "/danh-sach-doc",
    "not-found": "/van-ban/999-2099-ND-CP",
    # Branch `library`'s pages (its own browser test checks what they do).
    "library": "/van-ban",
    "library-without-text": "/van-ban?text=chua",
    "library-add": "/them-van-ban",
}
# The README's pictures, refreshed only with VNLEX_REFRESH_SCREENSHOTS=1 (from the SQLite run).
README_PICTURES = {
    ("document-decree", 1280): "reader.png",
    ("entitlements", 1280): "entitlements.png",
}
# The official title, not the codified database's short label (issue 9).
DECREE_ARTICLE_3 = (
    "Điều 3 Nghị định số 09/2013/NĐ-CP ngày 11/01/2013 của Chính phủ "
    "quy định chi tiết thi hành một số điều của Luật Phòng, chống mua bán người"
)
STRICT_CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"


@pytest.fixture(scope="module")
def site(any_corpus_index, request):
    """(backend name, base URL) of a `vnlex serve` on each backend in turn."""
    backend = "elasticsearch" if any_corpus_index.startswith("http") else "sqlite"
    with running_server(any_corpus_index, VNLEX_API_TOKEN="browser-test-token") as base:
        yield backend, base


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_screenshot_layout_and_axe(site, browser, width):
    backend, base = site
    folder = RUN_SCREENSHOTS / backend
    folder.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.set_default_timeout(20_000)
    problems = []
    for name, path in PAGES.items():
        response = page.goto(base + path)
        expected = 404 if name == "not-found" else 200
        assert response.status == expected, f"{path}: HTTP {response.status}"
        page.screenshot(path=str(folder / f"{name}-{width}.png"))
        if REFRESH_README_SCREENSHOTS and backend == "sqlite" and (name, width) in README_PICTURES:
            page.screenshot(path=str(README_SCREENSHOTS / README_PICTURES[(name, width)]))
        overflow = page.evaluate("document.documentElement.scrollWidth")
        if overflow > width:
            problems.append(f"{name}: {overflow} px wide at {width} px (sideways scrolling)")
        problems += [f"{name} at {width} px: {line}" for line in axe_violations(page)]
    page.close()
    assert not problems, "\n".join(problems)


def test_header_navigation_fits_phone_and_desktop(site, browser):
    _backend, base = site
    for width, max_height in ((360, 90), (1280, 50)):
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(base + "/quyen-loi")
        nav = page.get_by_role("navigation", name="Chính")
        box = nav.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (width, box)
        assert box["height"] <= max_height, f"navigation {box['height']} px tall at {width} px"
        links = nav.get_by_role("link")
        boxes = [links.nth(i).bounding_box() for i in range(links.count())]
        # No two links touch: each keeps room for a finger and reads as a separate item.
        for first, second in zip(boxes, boxes[1:], strict=False):
            same_row = abs(first["y"] - second["y"]) < 5
            assert not same_row or second["x"] >= first["x"] + first["width"] + 4, (width, first, second)
        assert nav.locator("[aria-current=page]").inner_text().startswith("Quyền lợi")
        page.close()


def test_reader_puts_the_text_first_with_a_sticky_table_of_contents(site, browser):
    backend, base = site
    for width, text_within in ((1280, 700), (360, 1300)):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(base + "/van-ban/09-2013-ND-CP")
        first_article = page.locator(".law-article").first.bounding_box()
        assert first_article["y"] < text_within, f"the text starts {first_article['y']} px down at {width} px"
        relations = page.locator(".relations")
        if width == 1280:
            # A side panel beside the text, opened by app.js, with each related document once.
            assert relations.bounding_box()["x"] > first_article["x"] + first_article["width"]
            assert page.locator(".relations details[data-relations]").get_attribute("open") is not None
            labels = page.locator(".related-name").all_inner_texts()
            assert len(labels) == len(set(labels)) > 0
        else:
            assert page.locator(".relations details[data-relations]").get_attribute("open") is None
        # Far down the text, the table of contents is still on screen.
        page.locator(".law-article").nth(20).scroll_into_view_if_needed()
        toc = page.locator(".toc").bounding_box()
        assert -1 <= toc["y"] < 40, f"table of contents at {toc['y']} px after scrolling, {width} px wide"
        # app.js marks the article being read in the table of contents.
        page.wait_for_function("() => document.querySelector('.toc a[aria-current]')")
        if width == 360:
            page.screenshot(path=str(RUN_SCREENSHOTS / f"reader-scrolled-{backend}-360.png"))
            if REFRESH_README_SCREENSHOTS and backend == "sqlite":
                page.screenshot(path=str(README_SCREENSHOTS / "reader-phone.png"))
        page.close()


def test_copy_citation_permalink_and_print_view(site, browser):
    _backend, base = site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    page.goto(base + "/van-ban/09-2013-ND-CP")
    article = page.locator(".law-article", has=page.locator("h3", has_text=re.compile(r"^Điều 3\."))).first
    article_id = article.get_attribute("id")
    assert article.locator(".tool-link").get_attribute("href") == f"/van-ban/09-2013-ND-CP#{article_id}"
    article.locator(".cite-box summary").click()
    assert article.locator(".cite-text").inner_text() == DECREE_ARTICLE_3
    article.locator(".copy-button").click()
    page.wait_for_function("() => document.querySelector('[role=status]')?.textContent.includes('Đã sao chép')")
    assert page.evaluate("navigator.clipboard.readText()") == DECREE_ARTICLE_3
    # Printing shows the text and its citation, not the tools, table of contents or relations.
    page.emulate_media(media="print")
    assert page.locator(".doc-citation").is_visible()
    for hidden in (".toc", ".relations", ".article-tools", ".site-header"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert page.locator(".doc-body").is_visible()
    page.emulate_media(media="screen")
    page.goto(base + "/van-ban/09-2013-ND-CP?in=1")
    assert page.locator(".doc-citation").is_visible() and not page.locator(".toc").is_visible()
    context.close()


def test_reader_without_javascript(site, browser):
    _backend, base = site
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "/van-ban/09-2013-ND-CP")
    # Relations: a summary that opens; citations: readable once opened, no dead copy button.
    page.locator(".relations summary").first.click()
    assert "Văn bản hướng dẫn" in page.locator(".relations").inner_text()
    box = page.locator(".law-article .cite-box").first
    box.locator("summary").click()
    assert box.locator(".cite-text").is_visible() and not box.locator(".copy-button").is_visible()
    page.goto(base + "/quyen-loi")
    page.get_by_label("Có chứa").fill("tiền ăn")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_url("**q=ti*")
    assert page.locator(".ent-card").count() >= 1
    assert all("tiền ăn" in text.lower() for text in page.locator(".ent-card details blockquote").all_text_contents())
    context.close()


def test_pages_run_under_a_strict_content_security_policy(site, browser):
    """No inline script, inline style or inline event handler: under the CSP branch `reliability`
    adds, the browser reports no violation and the scripted features still work."""
    _backend, base = site
    context = browser.new_context(viewport={"width": 1280, "height": 900})

    def with_csp(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": STRICT_CSP})

    context.route(re.compile(r"^" + re.escape(base) + r"/(?!static/|api/).*"), with_csp)
    page = context.new_page()
    page.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));"
    )
    for path in ("/van-ban/09-2013-ND-CP", "/quyen-loi", "/?q=nan+nhan", "/hoi-dap", "/danh-sach-doc"):
        page.goto(base + path)
        assert page.evaluate("window.__csp") == [], path
        inline = page.evaluate(
            "() => [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]"
            ".filter(a => a.name === 'style' || a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))"
            ".concat([...document.scripts].filter(s => !s.src).map(() => 'inline script'))"
        )
        assert inline == [], (path, inline)
    page.goto(base + "/van-ban/09-2013-ND-CP")
    assert page.locator("details[data-relations]").get_attribute("open") is not None  # app.js ran
    context.close()
