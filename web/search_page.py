"""Context of the search page: what the URL asks for, hits with badges, facets, pages and
a did-you-mean for queries typed without diacritics."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from ingest.index_contract import Filters
from ingest.textnorm import fold, has_diacritics
from search_api.views import STATUS_LABELS
from web.agencies import short_agency
from web.documents import DocumentCache, badge, document_url

PAGE_SIZE = 10
MAX_PAGE = 1000
_ASCII_NUMBER = re.compile(r"[0-9]{1,9}")
MAX_QUERY_CHARS = 1000
# Facet of the search result -> (URL parameter, Vietnamese heading). Year is one choice at a
# time: the backend filters a year range, and two ticked years would silently mean "between".
FACETS = [
    ("doc_type", "type", "Loại văn bản"),
    ("issuer", "issuer", "Cơ quan ban hành"),
    ("year", "year", "Năm ban hành"),
    ("status", "status", "Hiệu lực"),
    ("topic", "topic", "Chủ đề"),
]
_WORD_RE = re.compile(r"\w+", re.UNICODE)
DID_YOU_MEAN_HITS = 5


@dataclass
class SearchRequest:
    """The search as the URL states it; the URL is the only state, so results can be shared."""

    q: str = ""
    types: list[str] = field(default_factory=list)
    issuers: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    year: int | None = None
    in_force_on: str = ""  # YYYY-MM-DD, validated
    page: int = 1

    @classmethod
    def from_params(cls, params) -> SearchRequest:
        def values(name: str) -> list[str]:
            return [v.strip()[:200] for v in params.getlist(name) if v.strip()][:20]

        year_text = (params.get("year") or "").strip()
        page_text = (params.get("page") or "1").strip()
        return cls(
            q=(params.get("q") or "")[:MAX_QUERY_CHARS],
            types=values("type"),
            issuers=values("issuer"),
            statuses=values("status"),
            topics=values("topic"),
            year=year if (year := _ascii_int(year_text)) is not None and 1900 <= year <= 2100 else None,
            in_force_on=_iso_day(params.get("in_force_on") or ""),
            page=min(page, MAX_PAGE) if (page := _ascii_int(page_text)) is not None and page >= 1 else 1,
        )

    def filters(self) -> Filters:
        return Filters(
            doc_type=self.types,
            issuer=self.issuers,
            status=self.statuses,
            topic=self.topics,
            year_from=self.year,
            year_to=self.year,
            in_force_on=self.in_force_on or None,
        )

    def selected(self, param: str) -> list[str]:
        return {
            "type": self.types,
            "issuer": self.issuers,
            "status": self.statuses,
            "topic": self.topics,
            "year": [str(self.year)] if self.year else [],
        }[param]

    def params(self, **changes) -> list[tuple[str, str]]:
        """URL parameters of this search with some changed (page=..., q=...)."""
        state = {
            "q": self.q,
            "type": self.types,
            "issuer": self.issuers,
            "year": self.year,
            "status": self.statuses,
            "topic": self.topics,
            "in_force_on": self.in_force_on,
            "page": self.page,
        }
        state.update(changes)
        pairs: list[tuple[str, str]] = []
        for name, value in state.items():
            if name == "page" and value == 1:
                continue
            for item in value if isinstance(value, list) else [value]:
                if item not in (None, ""):
                    pairs.append((name, str(item)))
        return pairs

    def url(self, **changes) -> str:
        return "/?" + urlencode(self.params(**changes))

    def has_filters(self) -> bool:
        return bool(self.types or self.issuers or self.statuses or self.topics or self.year or self.in_force_on)


def _ascii_int(text: str) -> int | None:
    """ASCII digits only: str.isdigit() also accepts "²" and "١", which int() then refuses or reads."""
    return int(text) if _ASCII_NUMBER.fullmatch(text) else None


def _iso_day(text: str) -> str:
    """A valid YYYY-MM-DD or ""; anything else is ignored rather than an error on the page."""
    try:
        return date.fromisoformat(text.strip()[:10]).isoformat() if text.strip() else ""
    except ValueError:
        return ""


def search_context(cache: DocumentCache, wanted: SearchRequest, reading_list: set[str]) -> dict[str, Any]:
    context: dict[str, Any] = {
        "search": wanted,
        "result": None,
        "hits": [],
        "facets": [],
        "pages": None,
        "did_you_mean": None,
    }
    if not wanted.q.strip() and not wanted.has_filters():
        return context
    result = cache.app_state.search.search(wanted.q, wanted.filters(), page=wanted.page, size=PAGE_SIZE)
    context["result"] = result
    context["hits"] = [_hit_view(cache, hit, reading_list) for hit in result["hits"]]
    context["facets"] = facet_groups(result["facets"], wanted)
    context["pages"] = pagination(result["total"], wanted)
    suggestion = did_you_mean(wanted.q, hit_texts(cache, result["hits"][:DID_YOU_MEAN_HITS]))
    if suggestion:
        context["did_you_mean"] = {"text": suggestion, "url": wanted.url(q=suggestion, page=1)}
    return context


def _hit_view(cache: DocumentCache, hit: dict[str, Any], reading_list: set[str]) -> dict[str, Any]:
    document = cache.get(hit["doc_number"])
    replaced_by = document.replaced_by if document is not None else None
    return {
        **hit,
        "url": document_url(hit["doc_number"], hit["article_id"]),
        "document_url": document_url(hit["doc_number"]),
        "badge": badge(hit["status"], replaced_by),
        "replaced_by": replaced_by,
        "is_news": hit["doc_number"].startswith("news:"),
        "in_list": f"{hit['slug']}:{hit['article_number']}" in reading_list,
    }


def facet_groups(facets: dict[str, list[dict[str, Any]]], wanted: SearchRequest) -> list[dict[str, Any]]:
    groups = []
    for name, param, heading in FACETS:
        selected = set(wanted.selected(param))
        options = []
        for entry in facets.get(name, []):
            value = str(entry["value"])
            if not value:
                continue
            label = STATUS_LABELS.get(value, value) if name == "status" else value
            options.append(
                {
                    "value": value,
                    "label": label,
                    "short": short_agency(label) if name == "issuer" else None,
                    "count": entry["count"],
                    "checked": value in selected,
                }
            )
        if name == "year":
            options.sort(key=lambda o: o["value"], reverse=True)
        if options:
            groups.append(
                {"name": name, "param": param, "heading": heading, "options": options, "single": name == "year"}
            )
    return groups


def pagination(total: int, wanted: SearchRequest) -> dict[str, Any] | None:
    last = min(MAX_PAGE, max(1, -(-total // PAGE_SIZE)))
    if last <= 1:
        return None
    current = min(wanted.page, last)
    numbers = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    links, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            links.append({"gap": True})
        links.append({"number": number, "url": wanted.url(page=number), "current": number == current})
        previous = number
    return {
        "links": links,
        "current": current,
        "last": last,
        "previous": wanted.url(page=current - 1) if current > 1 else None,
        "next": wanted.url(page=current + 1) if current < last else None,
    }


# ---------------------------------------------------------------------- did you mean


def hit_texts(cache: DocumentCache, hits: list[dict[str, Any]]) -> list[str]:
    """Full texts of the top hits (the result dict only carries snippets)."""
    texts = []
    for hit in hits:
        document = cache.get(hit["doc_number"])
        article = next((a for a in document.articles if a.id == hit["article_id"]), None) if document else None
        texts.append(" ".join(filter(None, [hit["doc_title"], hit["article_title"], article.text if article else ""])))
    return texts


def did_you_mean(query: str, texts: list[str]) -> str | None:
    """The query with each syllable typed without diacritics replaced by the most frequent
    form with diacritics that folds to it in the top hits' texts ("ho tro nan nhan" ->
    "hỗ trợ nạn nhân"). A form counts more where its neighbours also match the query's
    neighbours: "ho" next to "tro" is "hỗ", not the "hộ" of "hộ gia đình"."""
    tokens = _WORD_RE.findall(query)
    if not tokens or any(has_diacritics(t) for t in tokens):
        return None  # typed with diacritics: the user chose their words
    wanted = [t.lower() for t in tokens]
    words = [w for text in texts for w in _WORD_RE.findall(text)]
    folded = [fold(w).lower() for w in words]
    votes: list[Counter] = [Counter() for _ in wanted]
    for position, key in enumerate(folded):
        for index, syllable in enumerate(wanted):
            if key != syllable or syllable.isdigit():
                continue
            weight = 1
            if index > 0 and position > 0 and folded[position - 1] == wanted[index - 1]:
                weight += 2
            if index + 1 < len(wanted) and position + 1 < len(folded) and folded[position + 1] == wanted[index + 1]:
                weight += 2
            votes[index][words[position].lower()] += weight
    chosen = [counter.most_common(1)[0][0] if counter else None for counter in votes]
    if all(form is None or form == token.lower() for form, token in zip(chosen, tokens)):
        return None
    # Rebuild from the original text so numbers and punctuation ("09/2013") stay as typed.
    pieces, cursor = [], 0
    for match, form in zip(_WORD_RE.finditer(query), chosen):
        pieces.append(query[cursor : match.start()])
        pieces.append(form if form and form != match.group().lower() else match.group())
        cursor = match.end()
    pieces.append(query[cursor:])
    return "".join(pieces).strip()
