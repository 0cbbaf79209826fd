"""Security headers on every kind of response, the same-origin rule for form posts, and templates
that a strict CSP (no inline script or style) can serve unchanged."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from search_api.app import create_app
from web.rendering import TEMPLATES_DIR

REQUIRED = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
}


@pytest.fixture(scope="module")
def client(corpus_index):
    from search_api.settings import Settings
    from tests.conftest import CORPUS, TODAY

    settings = Settings(index_url=corpus_index, today=TODAY, corpus_dir=CORPUS, api_token="test-token")
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        yield client


def assert_secure(response) -> None:
    for name, value in REQUIRED.items():
        assert response.headers.get(name) == value, (response.request.url, name, response.headers.get(name))
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    if not response.request.url.path.startswith("/docs"):
        script = re.search(r"script-src ([^;]+)", policy).group(1)
        assert script.strip() == "'self'", policy  # no 'unsafe-inline', no other host
        assert "unsafe-inline" not in policy


@pytest.mark.parametrize(
    "method,path,expected",
    [
        ("GET", "/", 200),
        ("GET", "/?q=n%E1%BA%A1n+nh%C3%A2n", 200),
        ("GET", "/van-ban/09-2013-ND-CP", 200),
        ("GET", "/khong-co", 404),
        ("GET", "/static/app.js", 200),
        ("GET", "/static/khong-co.js", 404),
        ("GET", "/api/health", 200),
        ("GET", "/api/search?q=ho+tro", 200),
        ("GET", "/api/documents/khong-co", 404),
        ("POST", "/api/reindex", 401),
        ("GET", "/openapi.json", 200),
        ("GET", "/danh-sach-doc", 200),
        ("POST", "/danh-sach-doc/xoa-het", 403),
    ],
)
def test_every_response_carries_the_security_headers(client, method, path, expected):
    response = client.request(method, path, follow_redirects=False)
    assert response.status_code == expected
    assert_secure(response)


def test_the_503_page_carries_them_too(tmp_path):
    from search_api.settings import Settings

    settings = Settings(index_url="http://127.0.0.1:9/nothing", today=None)
    with TestClient(create_app(settings), raise_server_exceptions=False) as client:
        page = client.get("/?q=x")
        assert page.status_code == 503
        assert_secure(page)
        assert_secure(client.get("/api/search?q=x"))


@pytest.mark.parametrize(
    "headers,expected",
    [
        ({}, 403),  # no Origin and no Referer: refused (this was accepted before)
        ({"Origin": "https://evil.example"}, 403),
        ({"Origin": "null"}, 403),
        ({"Origin": "http://testserver.evil.example"}, 403),
        ({"Referer": "https://evil.example/page"}, 403),
        ({"Origin": "http://testserver"}, 303),
        ({"Referer": "http://testserver/van-ban/66-2011-QH12"}, 303),  # browsers that omit Origin
        ({"Origin": "null", "Referer": "http://testserver/"}, 303),
    ],
)
def test_form_posts_need_this_sites_origin(client, headers, expected):
    client.cookies.clear()
    response = client.post(
        "/danh-sach-doc/them",
        data={"slug": "66-2011-QH12", "article": "32", "next": "/"},
        headers=headers,
        follow_redirects=False,
    )
    assert response.status_code == expected
    if expected == 403:
        assert "trang web khác" in response.text
        assert "vnlex_reading_list" not in response.headers.get("set-cookie", "")
    else:
        assert "vnlex_reading_list=66-2011-QH12:32" in response.headers["set-cookie"]


def test_cross_site_post_is_refused_before_its_body_is_read(client):
    def body():
        raise AssertionError("the body of a cross-site post was read")
        yield b""  # pragma: no cover

    response = client.post("/danh-sach-doc/xoa-het", content=body(), headers={"Origin": "https://evil.example"})
    assert response.status_code == 403


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "inline <style>"),
    (re.compile(r"\sstyle\s*=", re.I), "style= attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "event-handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def test_templates_have_no_inline_script_style_or_handlers():
    found = []
    for template in sorted(TEMPLATES_DIR.glob("*.html")):
        text = template.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{template.name}:{line}: {what}")
    assert not found, found
