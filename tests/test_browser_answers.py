"""The Hỏi đáp page in a real browser (Debian's chromium through Playwright) against `vnlex serve`
on each backend: one real question per main intent, typed through the form, checking what a
legal-aid worker reads — summary line, in-force banner, the quotes with citation and status, the
supporting articles and, apart, related news — in that order. Same requirements as tests/test_browser.py.
"""

from __future__ import annotations

import pytest

from tests.browser_support import running_server
from tests.test_browser import SCREENSHOTS, browser  # noqa: F401  (browser is a fixture)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def answer_server(answer_index):
    """Base URL of `vnlex serve` on the answer index (topics 39.8, 16.1, 4.5 and news)."""
    with running_server(answer_index) as base:
        yield base


def _ask(page, base: str, question: str, day: str = "") -> None:
    page.goto(base + "/hoi-dap")
    page.get_by_label("Câu hỏi của bạn").fill(question)
    if day:
        page.get_by_label("Áp dụng vào ngày (không bắt buộc)").fill(day)
    page.get_by_role("button", name="Hỏi", exact=True).click()
    page.wait_for_url("**/hoi-dap?q=*")


def _top(page, selector: str) -> float:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    return box["y"]


# (question, the first quote's citation starts with, text it must contain, summary must contain)
INTENTS = [
    ("luat pcmbn dieu 30", "Điều 30 Luật Phòng, chống mua bán người số 66/2011/QH12", "Bố trí nơi tạm lánh", "Điều 30"),
    (
        "mua bán trẻ em dưới 16 tuổi có tổ chức thì bị phạt tù tối đa bao nhiêu năm",
        "Khoản 3 Điều 151 Bộ luật Hình sự",
        "Có tổ chức",
        "18 năm đến 20 năm hoặc tù chung thân",
    ),
    (
        "nạn nhân là người nước ngoài được hỗ trợ những gì",
        "Khoản 2 Điều 32 Luật Phòng, chống mua bán người",
        "các điểm a, b, c và d khoản 1",
        "Người nước ngoài",
    ),
    (
        "trẻ em bị mua bán có được trợ giúp pháp lý miễn phí không",
        "Khoản 3 Điều 7 Luật Trợ giúp pháp lý",
        "Trẻ em",
        "Trẻ em",
    ),
    (
        "tien an cho nan nhan bao nhieu mot ngay",
        "Khoản 1 Điều 4 Thông tư liên tịch số 134/2013",
        "30.000 đồng/người/ngày",
        "30.000 đồng/người/ngày",
    ),
    (
        "nghị định nào hướng dẫn điều 32 luật pcmbn",
        "",
        "",
        "09/2013/NĐ-CP",
    ),
]


@pytest.mark.parametrize("question, citation, quoted, summary", INTENTS, ids=[q[0][:30] for q in INTENTS])
def test_answer_page_per_intent(answer_server, browser, question, citation, quoted, summary):  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(15_000)
    _ask(page, answer_server, question)
    assert summary in page.get_by_test_id("answer-summary").inner_text()
    first = page.locator(".answer-units > li").first
    if citation:
        assert first.locator(".citation a").inner_text().startswith(citation)
        assert quoted in first.locator("blockquote").inner_text()
    assert first.locator(".citation .badge").inner_text() in ("Còn hiệu lực", "Hết hiệu lực", "Bị thay thế")
    # Summary, then quotes, then supporting articles, down the page.
    assert _top(page, ".answer-summary") < _top(page, ".answer-units") < _top(page, ".supporting")
    page.close()


def test_expired_banner_date_field_and_news_apart(answer_server, browser):  # noqa: F811
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(15_000)
    _ask(page, answer_server, "nạn nhân là người nước ngoài được hỗ trợ những gì")
    banner = page.get_by_test_id("answer-banner").inner_text()
    assert "hết hiệu lực từ 01/07/2025" in banner and "53/2024/QH15" in banner
    assert _top(page, ".answer-summary") < _top(page, ".answer-banner") < _top(page, ".answer-units")
    page.screenshot(path=str(SCREENSHOTS / "ask-foreign-victim.png"))

    # The same question for a case in 2024: the 2011 law applied, no expiry warning for that day; the banner says
    # apart that it has lapsed since (an outside reader read a bare "có hiệu lực" beside quote notes saying expired)
    _ask(page, answer_server, "nạn nhân là người nước ngoài được hỗ trợ những gì", day="2024-05-01")
    assert page.get_by_label("Áp dụng vào ngày (không bắt buộc)").input_value() == "2024-05-01"
    banner = page.get_by_test_id("answer-banner").inner_text()
    assert "01/05/2024" in banner and "có hiệu lực vào ngày đó" in banner
    assert "Các quy định trích dưới đây" not in banner  # (the expired banner's opening)
    assert "Nay đã hết hiệu lực" in banner and "01/07/2025" in banner
    assert page.locator(".answer-units > li").first.locator(".citation .badge").inner_text() in (
        "Còn hiệu lực",
        "Bị thay thế",  # the badge keeps saying what replaced it
    )

    # News is listed apart, after the supporting articles, never among the quotes.
    _ask(page, answer_server, "hợp tác quốc tế phòng chống mua bán người")
    assert page.get_by_role("heading", name="Tin tức liên quan").is_visible()
    assert _top(page, ".supporting") < _top(page, ".related-news")
    assert "Tin tức" not in page.locator(".answer-units").inner_text()
    page.close()


# (question, the steps list's title starts with, its items in order must start with, a time limit shown)
PROCEDURES = [
    (
        "Nạn nhân tự đến Ủy ban nhân dân xã khai báo bị mua bán thì xã phải làm gì?",
        "Trình tự theo Điều 6 ",
        ["khoản 1", "khoản 2", "khoản 3"],
        "thời hạn: 03 (ba) ngày",
    ),
    (
        "ho so de nghi cap giay phep thanh lap co so ho tro nan nhan gom nhung gi",
        "Hồ sơ theo Điều 7 Nghị định 09/2013/NĐ-CP",
        ["khoản 1", "khoản 2", "khoản 3", "khoản 4"],
        "",
    ),
]


@pytest.mark.parametrize("question, title, labels, limit", PROCEDURES, ids=["steps", "dossier"])
def test_procedure_page_lists_the_steps_in_order(answer_server, browser, question, title, labels, limit):  # noqa: F811
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.set_default_timeout(15_000)
    _ask(page, answer_server, question)
    summary = page.get_by_test_id("answer-summary")
    assert title in summary.inner_text()
    items = page.get_by_test_id("answer-steps").locator("li")
    assert [items.nth(i).locator(".step-label").inner_text() for i in range(items.count())] == labels
    if limit:
        assert limit in page.get_by_test_id("answer-steps").inner_text()
    # the ordered steps are the summary line: before the quotes and the supporting articles
    assert _top(page, "[data-testid=answer-steps]") < _top(page, ".answer-units") < _top(page, ".supporting")
    page.close()
