"""The collection at a glance: every stored document with its metadata, filtered, sorted and paged
the way vbpl.vn lists texts. One function feeds GET /api/documents and the "Văn bản" page.

Catalogue-only documents (53/2024/QH15, ...) are listed too, marked: the collection knows of them
from corpus/catalogue.json but holds no text. News reports are not legal texts and are left out
unless asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from ingest.catalogue import STUB_SOURCE_FILE
from ingest.index_contract import SearchBackend
from ingest.model import Document
from ingest.numbers import number_key, slug
from ingest.textnorm import fold
from search_api.in_force import hidden_notice, in_force_on
from search_api.views import STATUS_LABELS, is_news_report

SortKey = Literal["number", "issued", "effective", "type"]
SortOrder = Literal["asc", "desc"]
SORT_KEYS: tuple[SortKey, ...] = ("issued", "effective", "number", "type")
MAX_SIZE = 200
UNKNOWN_STATUS = "chua_ro"  # filter value for documents whose status is not determined


class DocumentSummary(BaseModel):
    number: str
    slug: str
    url: str = Field(description="the reader page of this document")
    type: str
    title: str
    issuer: str
    issued: date | None
    effective: date | None
    expired: date | None
    year: int | None
    status: str = Field(description="con_hieu_luc | het_hieu_luc | chua_hieu_luc | '' (not determined)")
    status_label: str
    status_note: str
    replaced_by: str | None
    topic: str
    articles: int
    has_text: bool = Field(description="false for a document known only from the catalogue")
    text_origin: str = Field(description="'ocr' when the text was recognised from a scan")
    ocr_confidence: float | None


class FacetValue(BaseModel):
    value: str
    label: str
    count: int


class DocumentList(BaseModel):
    total: int
    page: int
    size: int
    sort: SortKey
    order: Literal["asc", "desc"]
    items: list[DocumentSummary]
    facets: dict[str, list[FacetValue]]
    in_force_on: date | None = Field(None, description="the day asked for: only texts shown in force that day")
    in_force_notice: str | None = Field(
        None,
        description="With in_force_on: the texts the filter hid (lapsed by that day and what replaced them, not yet"
        " in force, or without evidence of being in force)",
    )


@dataclass
class ListRequest:
    types: list[str] = field(default_factory=list)
    issuers: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    year: int | None = None
    q: str = ""
    has_text: bool | None = None
    include_news: bool = False
    in_force_on: date | None = None  # only texts in force that day on positive evidence (search_api.in_force)
    sort: SortKey = "issued"
    order: SortOrder = "desc"
    page: int = 1
    size: int = 50


def summary(document: Document, articles: int) -> DocumentSummary:
    return DocumentSummary(
        number=document.number,
        slug=slug(document.number),
        url=f"/van-ban/{slug(document.number)}",
        type=document.type,
        title=document.title,
        issuer=document.issuer,
        issued=document.issued,
        effective=document.effective,
        expired=document.expired,
        year=document.issued.year if document.issued else None,
        status=document.status,
        status_label=STATUS_LABELS.get(document.status, document.status or "Chưa rõ"),
        status_note=document.status_note,
        replaced_by=document.replaced_by,
        topic=document.topic,
        articles=articles,
        has_text=not (document.source_file == STUB_SOURCE_FILE and articles == 0),
        text_origin=document.text_origin,
        ocr_confidence=document.ocr_confidence,
    )


def _number_order(number: str) -> tuple[int, int, str]:
    """'09/2013/NĐ-CP' after '62/2012/NĐ-CP' by year, then by number: how officials read them."""
    found = re.match(r"(\d+)(?:/(\d{4}))?", number)
    if not found:
        return (0, 0, number)
    return (int(found.group(2) or 0), int(found.group(1)), number)


def _sort_key(name: str):
    if name == "number":
        return lambda s: _number_order(s.number)
    if name == "type":
        return lambda s: (fold(s.type).lower(), _number_order(s.number))
    # Dates: unknown dates go last whichever the order (handled by the caller).
    return lambda s: (getattr(s, name) or date.min, _number_order(s.number))


def _matches_text(item: DocumentSummary, q: str) -> bool:
    """Every word of q (without diacritics, any case) in the number, type or title."""
    haystack = fold(f"{item.number} {item.type} {item.title} {item.issuer}").lower()
    return all(word in haystack for word in fold(q).lower().split())


def _facets(items: list[DocumentSummary]) -> dict[str, list[FacetValue]]:
    def count(values: list[str], label=lambda v: v) -> list[FacetValue]:
        tally: dict[str, int] = {}
        for value in values:
            if value:
                tally[value] = tally.get(value, 0) + 1
        return [
            FacetValue(value=v, label=label(v), count=c) for v, c in sorted(tally.items(), key=lambda x: (-x[1], x[0]))
        ]

    status_label = lambda v: "Chưa xác định" if v == UNKNOWN_STATUS else STATUS_LABELS.get(v, v)  # noqa: E731
    years = count([str(i.year) for i in items if i.year])
    return {
        "type": count([i.type for i in items]),
        "issuer": count([i.issuer for i in items]),
        "year": sorted(years, key=lambda f: f.value, reverse=True),
        "status": count([i.status or UNKNOWN_STATUS for i in items], status_label),
        "topic": count([i.topic for i in items]),
    }


def list_documents(backend: SearchBackend, wanted: ListRequest) -> DocumentList:
    stored = [
        (d, n) for d, n in backend.list_documents() if wanted.include_news or not is_news_report(d.number, d.type)
    ]
    notice = None
    if wanted.in_force_on is not None:
        # The same rule as search's in_force_on; the notice names what it hid, facets count what is left.
        day = wanted.in_force_on
        by_number = {number_key(d.number): d for d, _ in stored}
        hidden = [d for d, _ in stored if not in_force_on(d, day)]
        stored = [(d, n) for d, n in stored if in_force_on(d, day)]
        notice = hidden_notice(
            hidden, day, lambda n: by_number.get(number_key(n)), "Các văn bản", shown="danh sách dưới đây"
        )
    everything = [summary(d, n) for d, n in stored]
    facets = _facets(everything)
    items = [
        s
        for s in everything
        if (not wanted.types or s.type in wanted.types)
        and (not wanted.issuers or s.issuer in wanted.issuers)
        and (not wanted.statuses or (s.status or UNKNOWN_STATUS) in wanted.statuses)
        and (not wanted.topics or s.topic in wanted.topics)
        and (wanted.year is None or s.year == wanted.year)
        and (wanted.has_text is None or s.has_text == wanted.has_text)
        and (not wanted.q.strip() or _matches_text(s, wanted.q))
    ]
    sort = wanted.sort if wanted.sort in SORT_KEYS else "issued"
    order: SortOrder = "asc" if wanted.order == "asc" else "desc"
    dated = sort in ("issued", "effective")
    known = [s for s in items if not dated or getattr(s, sort)]
    unknown = [s for s in items if dated and not getattr(s, sort)]
    known.sort(key=_sort_key(sort), reverse=order == "desc")
    unknown.sort(key=lambda s: _number_order(s.number))
    ordered = known + unknown
    size = max(1, min(wanted.size, MAX_SIZE))
    page = max(1, wanted.page)
    start = (page - 1) * size
    return DocumentList(
        total=len(ordered),
        page=page,
        size=size,
        sort=sort,
        order=order,
        items=ordered[start : start + size],
        facets=facets,
        in_force_on=wanted.in_force_on,
        in_force_notice=notice,
    )


def catalogued_matches(
    stubs: list[DocumentSummary], text: str, result: dict, wanted_types: list[str]
) -> list[DocumentSummary]:
    """Catalogue-only documents a search names: by number (the query resolved to it, e.g.
    "Luật 53/2024/QH15") or by name (every word of the query, diacritics optional, in its type,
    title, number, year or issuer: "luat phong chong mua ban nguoi 2024")."""
    from ingest.numbers import number_key

    resolved = {number_key(n) for n in ((result.get("resolved") or {}).get("doc_numbers") or [])}
    words = [w for w in re.split(r"[\s,.;:()\"“”]+", fold(text).lower()) if w]
    found = []
    for stub in stubs:
        if wanted_types and stub.type not in wanted_types:
            continue
        if number_key(stub.number) in resolved:
            found.append(stub)
            continue
        haystack = fold(f"{stub.type} {stub.title} {stub.number} {stub.year or ''} {stub.issuer}").lower()
        tokens = set(re.split(r"[\s,.;:()]+", haystack))
        if words and all(w in tokens or (("/" in w or "-" in w) and w in haystack) for w in words):
            found.append(stub)
    return found
