"""Citations inside legal text turned into links, safely.

Legal texts cite each other constantly: "khoản 2 Điều 24 của Luật này", "Điều 19, Điều 20
và Điều 21 Nghị định số 09/2013/NĐ-CP", "Thông tư số 35/2013/TT-BLĐTBXH". A reader wants
to follow those. The text is document data, so it is never trusted as markup: every
piece of it goes through html.escape, and the only tags in the output are the <a>
elements written here, whose href is built from index data (slug + stable id), itself
escaped. A reference only becomes a link when its target resolves: "này" means the
document being read, a document number must be in the index; anything else stays text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from markupsafe import Markup

from ingest.model import Article, Document, Unit
from ingest.numbers import DOC_NUMBER_PATTERN, DOC_NUMBER_RE, slug, slug_key

DOCUMENT_URL = "/van-ban/{slug}"
_TYPE_WORDS = (
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Nghị định",
    "Thông tư liên tịch",
    "Thông tư",
    "Quyết định",
    "Nghị quyết liên tịch",
    "Nghị quyết",
    "Chỉ thị",
    "Văn bản hợp nhất",
)
_TYPE_RE = "|".join(re.escape(word) for word in _TYPE_WORDS)
# One cited unit: "Điều 5", "khoản 2 Điều 5", "điểm a khoản 2 Điều 5", "khoản 1 Điều này".
_ITEM = (
    r"(?:điểm\s+(?P<point>[a-zđ])\s*,?\s+)?(?:khoản\s+(?P<clause>\d{1,3})\s*,?\s+)?"
    r"Điều\s+(?P<article>\d{1,4}[a-zđ]?|này)\b"
)
_ITEM_RE = re.compile(_ITEM, re.IGNORECASE)
_ITEM_UNNAMED = re.sub(r"\?P<\w+>", "", _ITEM)
# Bare article numbers continuing a list ("các điều 33, 34, 35 và 36"), not clause/point numbers.
_BARE_ARTICLE_RE = re.compile(r"(?<!khoản )(?<!điểm )(?<![\w/])(\d{1,4}[a-zđ]?)\b", re.IGNORECASE)
# A list of cited units sharing one target: "Điều 19, Điều 20 và Điều 21", "Điều 3, khoản 1 và khoản 2 Điều 4".
_CHAIN = rf"{_ITEM_UNNAMED}(?:\s*(?:,|;|và|hoặc)\s*(?:{_ITEM_UNNAMED}|khoản\s+\d{{1,3}}|\d{{1,4}}[a-zđ]?\b))*"
# What the chain points at, right after it.
_SAME_DOCUMENT_TAIL = rf"(?:{_TYPE_RE})\s*,?\s*này\b"
_NUMBER_TAIL = rf"(?:(?:{_TYPE_RE})\s+)?(?:số\s*:?\s*)?(?P<number>{DOC_NUMBER_PATTERN})"


@dataclass
class _Link:
    start: int
    end: int
    href: str


@dataclass
class CitationLinker:
    """Turns one document's texts into linked Markup; caches the cited documents it loads.

    known_documents: (number, type, title) of every indexed document (search.known_documents()).
    load_document: number -> stored Document or None (backend.get_document).
    """

    known_documents: list[tuple[str, str, str]]
    load_document: Callable[[str], Document | None]
    _loaded: dict[str, Document | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_key = {slug_key(number): number for number, _type, _title in self.known_documents}
        candidates: dict[str, set[str]] = {}
        for number, type_, title in self.known_documents:
            name = title if title.lower().startswith(type_.lower()) else f"{type_} {title}".strip()
            # Short names ("Luật") would match everywhere; only distinctive full names count.
            if len(name) >= 15 and not number.startswith("news:"):
                candidates.setdefault(name.lower(), set()).add(number)
        # A name shared by two documents (a law and the law replacing it) cannot say which one is cited.
        names = {name: next(iter(numbers)) for name, numbers in candidates.items() if len(numbers) == 1}
        self._by_name = names
        name_alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        tails = [rf"(?P<same>{_SAME_DOCUMENT_TAIL})", _NUMBER_TAIL]
        if name_alternatives:
            tails.append(rf"(?P<name>{name_alternatives})")
        self._chain_re = re.compile(
            rf"(?P<chain>{_CHAIN})(?:\s*,?\s*(?:của\s+|tại\s+)?(?:{'|'.join(tails)}))?", re.IGNORECASE
        )

    # ------------------------------------------------------------------ resolution

    def known_number(self, text: str) -> str | None:
        return self._by_key.get(slug_key(text))

    def document(self, number: str) -> Document | None:
        if number not in self._loaded:
            self._loaded[number] = self.load_document(number)
        return self._loaded[number]

    def _anchor(
        self,
        document: Document,
        article_number: str,
        clause: str | None,
        point: str | None,
        current_article: Article | None,
    ) -> str | None:
        if article_number.lower() == "này":
            article = current_article
        else:
            article = next((a for a in document.articles if a.number == article_number.lower()), None)
        if article is None:
            return None
        target = article.id
        unit = _find_unit(article.units, "khoan", clause) if clause else None
        if unit is not None:
            target = unit.id
            child = _find_unit(unit.children, "diem", point) if point else None
            target = child.id if child is not None else target
        return target

    def _target_document(self, match: re.Match, current: Document) -> Document | None:
        if match.group("same"):
            return current
        if match.group("number"):
            number = self.known_number(match.group("number"))
            return self.document(number) if number else None
        name = match.groupdict().get("name")
        if name:
            number = self._by_name.get(re.sub(r"\s+", " ", name).lower())
            return self.document(number) if number else None
        return None

    # ------------------------------------------------------------------ linking

    def links(self, text: str, current: Document, current_article: Article | None = None) -> list[_Link]:
        links: list[_Link] = []
        for match in self._chain_re.finditer(text):
            target = self._target_document(match, current)
            only_this_article = target is None and re.search(r"Điều\s+này\b", match.group("chain"), re.IGNORECASE)
            if target is None and only_this_article and current_article is not None:
                target = current  # "khoản 1 Điều này": the article being read
            if target is not None:
                links += self._chain_links(match, target, current, current_article)
            if match.group("number"):
                links += self._number_link(match.start("number"), match.group("number"))
        covered = {(link.start, link.end) for link in links}
        for number in DOC_NUMBER_RE.finditer(text):
            if (number.start(), number.end()) not in covered:
                links += self._number_link(number.start(), number.group())
        return _without_overlaps(links)

    def _chain_links(
        self, match: re.Match, target: Document, current: Document, current_article: Article | None
    ) -> list[_Link]:
        chain, chain_start = match.group("chain"), match.start("chain")
        base = DOCUMENT_URL.format(slug=slug(target.number)) + "#"
        links, covered = [], []
        for item in _ITEM_RE.finditer(chain):
            covered.append((item.start(), item.end()))
            if item.group("article").lower() == "này" and target is not current:
                continue
            anchor = self._anchor(
                target, item.group("article"), item.group("clause"), item.group("point"), current_article
            )
            if anchor is not None:
                links.append(_Link(chain_start + item.start(), chain_start + item.end(), base + anchor))
        for bare in _BARE_ARTICLE_RE.finditer(chain):
            if any(start <= bare.start() < end for start, end in covered):
                continue
            anchor = self._anchor(target, bare.group(1), None, None, current_article)
            if anchor is not None:
                links.append(_Link(chain_start + bare.start(), chain_start + bare.end(), base + anchor))
        return links

    def _number_link(self, start: int, written: str) -> list[_Link]:
        number = self.known_number(written)
        if number is None:
            return []
        return [_Link(start, start + len(written), DOCUMENT_URL.format(slug=slug(number)))]

    def linkify(self, text: str, current: Document, current_article: Article | None = None) -> Markup:
        """Escaped text with <a> around resolvable citations; safe to render as-is."""
        out: list[str] = []
        cursor = 0
        for link in self.links(text, current, current_article):
            out.append(html.escape(text[cursor : link.start]))
            out.append(
                f'<a class="cite" href="{html.escape(link.href)}">{html.escape(text[link.start : link.end])}</a>'
            )
            cursor = link.end
        out.append(html.escape(text[cursor:]))
        return Markup("".join(out))


def _find_unit(units: list[Unit], kind: str, number: str | None) -> Unit | None:
    if number is None:
        return None
    return next((u for u in units if u.kind == kind and u.number.lower() == number.lower()), None)


def _without_overlaps(links: list[_Link]) -> list[_Link]:
    kept: list[_Link] = []
    for link in sorted(links, key=lambda item: (item.start, -(item.end - item.start))):
        if not kept or link.start >= kept[-1].end:
            kept.append(link)
    return kept
