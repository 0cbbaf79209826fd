"""vbpl.vn full-text pages (vbpq-toanvan.aspx) → ingest.structure.

The page is a SharePoint layout: menus, dialogs and scripts around `div.fulltext`,
which holds a side panel (`div.vbInfo`: status, effective date), the header tables
(issuer/number left, motto/place-date right) and `div.toanvancontent` with the text.
HTML source line breaks are not text line breaks: lines come from block elements
and <br>, with the whitespace inside each collapsed.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from ingest.errors import IngestError
from ingest.model import Document
from ingest.numbers import parse_date
from ingest.structure import parse_legal_text

_CONTENT_SELECTORS = ("div.fulltext", "#toanvancontent", "div.toanvancontent", "div.content1")
_DROP_TAGS = ("script", "style", "noscript", "nav", "form", "iframe", "button", "input", "select", "link", "meta")
_BLOCK_TAGS = {
    "p",
    "div",
    "td",
    "th",
    "tr",
    "li",
    "ul",
    "ol",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "center",
    "dd",
    "dt",
    "pre",
}
_SNIFF_RE = re.compile(rb"toanvancontent|uc_ToanVan", re.IGNORECASE)


def is_vbpl(data: bytes) -> bool:
    """A vbpl.vn full-text page: its content container or full-text control is named in it
    (codified-database pages only link to such pages)."""
    return bool(_SNIFF_RE.search(data))


def _lines(node: Tag) -> list[str]:
    parts: list[str] = []

    def walk(element) -> None:
        for child in element.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not Comment / CData / Doctype
                    parts.append(re.sub(r"\s+", " ", str(child)))
            elif child.name == "br":
                parts.append("\n")
            elif child.name in _BLOCK_TAGS:
                parts.append("\n")
                walk(child)
                parts.append("\n")
            else:
                walk(child)

    walk(node)
    return [line.strip() for line in "".join(parts).split("\n") if line.strip()]


def _side_panel_defaults(content: Tag) -> dict:
    """'Ngày có hiệu lực: 11/07/1989' from the page's info panel; the panel is then removed
    so it is not read as part of the header."""
    defaults: dict = {}
    for panel in content.select("div.vbInfo"):
        for item in panel.find_all("li"):
            text = re.sub(r"\s+", " ", item.get_text(" ")).strip()
            if text.lower().startswith("ngày có hiệu lực"):
                defaults["effective"] = parse_date(text)
        panel.decompose()
    return defaults


def parse_vbpl_html(path: Path, data: bytes) -> list[Document]:
    try:
        soup = BeautifulSoup(data, "lxml")
    except Exception as error:  # lxml is lenient; this is only for truly broken input
        raise IngestError(f"unreadable HTML: {error}") from error
    content = next((found for selector in _CONTENT_SELECTORS if (found := soup.select_one(selector))), None)
    if content is None:
        raise IngestError("vbpl page without a full-text container (div.fulltext / #toanvancontent)")
    for tag in content.find_all(_DROP_TAGS):
        tag.decompose()
    defaults = _side_panel_defaults(content)
    lines = _lines(content)
    if not lines:
        raise IngestError("vbpl page with an empty full text (the document is published only as a file)")
    canonical = soup.find("link", rel="canonical")
    if canonical and canonical.get("href"):
        defaults["url"] = canonical["href"]
    return [parse_legal_text(lines, source_file=str(path), defaults=defaults)]
