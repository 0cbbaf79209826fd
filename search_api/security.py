"""Security headers on every response and the same-origin rule for state-changing form posts.

One pure ASGI middleware (not BaseHTTPMiddleware: it must not buffer streamed responses and must
refuse a cross-site post before anything reads its body).

- Headers: a strict Content-Security-Policy (scripts and styles only from /static, no inline code,
  no framing, forms post only here), nosniff, X-Frame-Options DENY, a referrer policy that never
  leaks search terms to other sites, and no caching of error pages by proxies.
- CSRF: a POST/PUT/PATCH/DELETE outside /api must carry an Origin (or, failing that, a Referer)
  naming this host. Modern browsers send Origin on every form post, so a missing one means an old
  client or a forged request, and is refused. /api write endpoints are protected by the bearer
  token instead, which a browser never attaches on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# The OpenAPI explorer (FastAPI's /docs, /redoc) boots from one inline script; only those pages get it.
DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CROSS_SITE_MESSAGE = "Yêu cầu đến từ một trang web khác nên không được chấp nhận."


def is_same_origin(request: Request) -> bool:
    """The post names this site in Origin, or (no Origin) in Referer; neither header → not same-origin."""
    claimed = request.headers.get("origin")
    if claimed is None or claimed == "null":
        # "null" is a sandboxed or privacy-stripped origin: fall back to the Referer, if any.
        claimed = request.headers.get("referer")
    if not claimed:
        return False
    parts = urlsplit(claimed)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == request.url.netloc.lower()


class SecurityMiddleware:
    """`refusal(request)` renders the 403 for a cross-site post (the app passes the site's error page)."""

    def __init__(self, app: ASGIApp, refusal: Callable[[Request], Response]) -> None:
        self.app, self.refusal = app, refusal

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        policy = DOCS_CONTENT_SECURITY_POLICY if path.startswith(DOCS_PATHS) else CONTENT_SECURITY_POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-security-policy"]
                present = {k.lower() for k, _ in headers}
                headers.append((b"content-security-policy", policy.encode()))
                for name, value in SECURITY_HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message = {**message, "headers": headers}
            await send(message)

        if scope["method"] not in SAFE_METHODS and not path.startswith("/api/"):
            request = Request(scope)
            if not is_same_origin(request):
                await self.refusal(request)(scope, receive, send_with_headers)
                return
        await self.app(scope, receive, send_with_headers)


# Index locations, hosts and file paths in an engine's error text: useful to the operator (the
# log and the admin health view keep them), not to the public.
_INTERNALS = [
    (re.compile(r"\b(?:sqlite|https?)://[^\s'\"),]+"), "[index]"),
    (re.compile(r"(?<![\w.])/(?:[\w.+-]+/)+[\w.+-]*"), "[path]"),
    (re.compile(r"<[^<>]*object at 0x[0-9a-f]+>"), "[object]"),
    (re.compile(r"\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b"), "[host]"),
]


def public_message(error: object, limit: int = 300) -> str:
    """An error's text without server paths, index URLs, hosts or object reprs, shortened."""
    text = str(error)
    for pattern, replacement in _INTERNALS:
        text = pattern.sub(replacement, text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
