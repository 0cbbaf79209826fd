"""The search service: user text and filters in, one plain dict out (for JSON and HTML alike)."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from datetime import date
from typing import Any

from ingest.analysis import Analysis
from ingest.index_contract import Filters, ParsedQuery, SearchBackend, SearchResult
from ingest.model import Document
from ingest.numbers import number_key, slug
from search_api.governance import asks_for_detailing_texts, detailing_articles, named_articles
from search_api.highlight import highlighter
from search_api.in_force import hidden_notice, lapsed_by
from search_api.query import parse_query, query_problem
from search_api.query_intent import MAX_QUERY_CHARS
from search_api.views import NEWS_TYPE, STATUS_LABELS, document_label, is_news_report

KNOWN_DOCUMENTS_TTL = 30.0
DETAILING_WINDOW = 50  # ranked hits reordered so the detailing articles come first
MAX_UNMATCHED_DETAILING = 30
EMPTY = Analysis((), (), ())


class _Refreshed:
    """A list read from the index, refreshed in the background once it is older than the TTL: requests
    keep the list they have while one thread reloads it. At 100x the collection a reload of the document
    list took 15 s on Elasticsearch, and every request that found it expired started its own (8 at once:
    96 s; bench/RESULTS.md "Load and scale (wrk)"), so no request waits for one now except the very first."""

    def __init__(self, load):
        self._load = load
        self._value: tuple[float, list] = (0.0, [])
        self._lock = threading.Lock()

    def get(self) -> list:
        loaded_at, value = self._value
        if loaded_at and time.monotonic() - loaded_at <= KNOWN_DOCUMENTS_TTL:
            return value
        if not loaded_at:
            with self._lock:  # nothing to serve yet: the first caller loads, the others wait for it
                if not self._value[0]:
                    self._value = (time.monotonic(), self._load())
                return self._value[1]
        if self._lock.acquire(blocking=False):
            threading.Thread(target=self._reload, name="vnlex-refresh", daemon=True).start()
        return value

    def _reload(self) -> None:
        try:
            self._value = (time.monotonic(), self._load())
        except Exception:  # noqa: BLE001 (the index is unreachable: keep serving the last list; health says why)
            self._value = (time.monotonic(), self._value[1])
        finally:
            self._lock.release()

    def forget(self) -> None:
        with self._lock:
            self._value = (0.0, [])


class SearchService:
    def __init__(self, backend: SearchBackend):
        self.backend = backend
        self._known = _Refreshed(backend.document_numbers)
        # Only the stubs (backend.catalogued_documents, a few rows through an index), never the whole
        # collection: list_documents took 3-5 s at 100x the collection, every 30 s.
        self._catalogued = _Refreshed(self._catalogue_stubs)

    @property
    def searches_in_process(self) -> bool:
        """Whether a search is CPU work in this process that waits on no other (the embedded backend),
        rather than a wait on a search server."""
        return bool(getattr(self.backend, "searches_in_process", False))

    def known_documents(self) -> list[tuple[str, str, str]]:
        return self._known.get()

    def forget_known_documents(self) -> None:
        self._known.forget()
        self._catalogued.forget()

    def catalogued_only(self) -> list:
        """Documents the collection knows only from its catalogue (no text), refreshed like known_documents."""
        return self._catalogued.get()

    def _catalogue_stubs(self) -> list:
        from search_api.collection import summary

        return [summary(d, 0) for d in self.backend.catalogued_documents() if not d.articles]

    def search(
        self,
        text: str,
        filters: Filters | None = None,
        *,
        page: int = 1,
        size: int = 10,
        with_facets: bool = True,
        parsed: ParsedQuery | None = None,
        with_snippets: bool = True,
        with_catalogued: bool = True,
    ) -> dict[str, Any]:
        """Article hits, plus `catalogued`: documents without text in the collection that the query
        names by number or by name (their articles can never be hits, yet the user asked for them).
        `parsed`: a query the caller already parsed (the answer pipeline analyses a question once);
        `with_snippets`/`with_catalogued` False: the answer pipeline needs neither."""
        result = self._search(
            text, filters, page=page, size=size, with_facets=with_facets, parsed=parsed, with_snippets=with_snippets
        )
        if not with_catalogued:
            return result
        from search_api.collection import catalogued_matches

        if filters is not None and filters.in_force_on and page == 1:
            result["in_force_notice"] = self._in_force_notice(text, filters)
        wanted_types = (filters.doc_type if filters else []) or []
        result["catalogued"] = (
            [m.model_dump(mode="json") for m in catalogued_matches(self.catalogued_only(), text, result, wanted_types)]
            if page == 1
            else []
        )
        return result

    def _in_force_notice(self, text: str, filters: Filters) -> str | None:
        """What the "in force on D" filter hid: the texts that match best but had lapsed by D, and what
        replaced them — said plainly when the replacement's text is not in the collection (on 2026-12-01 the
        whole 2011 anti-trafficking family has lapsed and Luật 53/2024/QH15 is held as a catalogue entry only,
        so the filter alone would show unrelated texts as if they were the answer)."""
        day = date.fromisoformat(filters.in_force_on or "")
        everything = replace(filters, in_force_on=None)
        unfiltered = self._search(text, everything, size=10, with_facets=False, with_snippets=False)
        # (one lookup per document however many of its articles matched, and per parent the walk visits)
        looked_up: dict[str, Document | None] = {}

        def document_of(number: str) -> Document | None:
            if number not in looked_up:
                looked_up[number] = self.backend.get_document(number)
            return looked_up[number]

        lapsed: dict[str, Document] = {}
        for hit in unfiltered["hits"]:
            document = document_of(hit["doc_number"])
            if document is not None and lapsed_by(document, day):
                lapsed.setdefault(document.number, document)
        # Only the lapsed best matches are named: the rest of the collection the filter hid is not what was asked.
        return hidden_notice(lapsed.values(), day, document_of, "Các văn bản khớp nhất với câu tìm")

    def _search(
        self,
        text: str,
        filters: Filters | None = None,
        *,
        page: int = 1,
        size: int = 10,
        with_facets: bool = True,
        parsed: ParsedQuery | None = None,
        with_snippets: bool = True,
    ) -> dict[str, Any]:
        started = time.perf_counter()
        filters = filters or Filters()
        if parsed is None:
            parsed = parse_query(text, self.known_documents(), filters=filters, page=page, size=size)
        parsed.with_facets = with_facets
        problem = query_problem(parsed)
        if problem is None and parsed.intent is not None and parsed.intent.truncated:
            problem = f"Câu tìm kiếm quá dài: chỉ {MAX_QUERY_CHARS:,} ký tự đầu được dùng.".replace(",", ".")
        elif problem and parsed.filters.is_empty():
            return self._result(text, parsed, SearchResult(0, []), started, message=problem, snippets=with_snippets)
        result = self.backend.search(parsed)
        intent = parsed.intent
        detailing = self._detailing_texts(text, parsed)
        if detailing is not None:
            return self._result(text, parsed, detailing, started, message=problem, snippets=with_snippets)
        # A query naming a document and asking about something ("hỗ trợ nạn nhân nghị định 09/2013"):
        # answer inside that document first, fall back to everything if it has nothing.
        if intent is not None and intent.doc_numbers and not parsed.filters.doc_numbers and parsed.analysis.folded:
            narrowed = replace(parsed, filters=replace(parsed.filters, doc_numbers=list(intent.doc_numbers)))
            inside = self.backend.search(narrowed)
            if inside.total:
                result = inside
        return self._result(text, parsed, result, started, message=problem, snippets=with_snippets)

    def _detailing_texts(self, text: str, parsed) -> SearchResult | None:
        """For "which decree/circular details Điều N of law X": the detailing articles first (those
        matching the words first), then other matching articles of those documents; None when the
        query is not of that kind."""
        intent = parsed.intent
        if intent is None or not intent.doc_numbers or parsed.filters.doc_numbers or not asks_for_detailing_texts(text):
            return None
        wanted = detailing_articles(self.backend, list(intent.doc_numbers), named_articles(text))
        if not wanted:
            return None
        sources = sorted({doc for doc, _article in wanted})
        window = max(parsed.page * parsed.size, DETAILING_WINDOW)
        found = self.backend.search(
            replace(parsed, page=1, size=window, with_facets=True, filters=replace(parsed.filters, doc_numbers=sources))
        )
        matched = {(number_key(h.doc_number), h.article_number): h for h in found.hits}
        first = [h for key, h in matched.items() if key in wanted]
        # Detailing articles the words missed are still the answer: fetch them by reference.
        for doc, article in sorted(wanted - set(matched))[:MAX_UNMATCHED_DETAILING]:
            browse = ParsedQuery(
                text="",
                analysis=EMPTY,
                with_facets=False,
                filters=replace(parsed.filters, doc_numbers=[doc], article_number=article),
            )
            first.extend(self.backend.search(browse).hits[:1])
        ordered = first + [h for key, h in matched.items() if key not in wanted]
        start = (parsed.page - 1) * parsed.size
        total = max(found.total, len(ordered))
        return replace(found, total=total, hits=ordered[start : start + parsed.size])

    def _label(self, number: str, doc_type: str, labels: dict[str, str]) -> str:
        """views.document_label of a hit's document: the number, or for a news report (a few hits a page) its
        publisher and date, read from the stored document once per result."""
        if not is_news_report(number, doc_type):
            return number
        if number not in labels:
            document = self.backend.get_document(number)
            labels[number] = document_label(document) if document is not None else NEWS_TYPE
        return labels[number]

    def _result(
        self, text, parsed, result: SearchResult, started: float, message: str | None = None, snippets: bool = True
    ) -> dict[str, Any]:
        hits = []
        snippet = highlighter(parsed.analysis) if snippets and result.hits else None
        labels: dict[str, str] = {}
        for hit in result.hits:
            data = hit.to_dict()
            data["doc_label"] = self._label(hit.doc_number, hit.doc_type, labels)
            # The answer pipeline lists headings only: highlighting 30 bodies cost it 40 ms a question.
            data["snippet_html"] = snippet(hit.text) if snippet else ""
            data["slug"] = slug(hit.doc_number)
            data["status_label"] = STATUS_LABELS.get(hit.status, hit.status)
            data["heading"] = (
                f"Điều {hit.article_number}. {hit.article_title}" if hit.article_number else hit.article_title
            )
            del data["text"]
            hits.append(data)
        intent = parsed.intent
        return {
            "query": text,
            "analysed": {"words": list(parsed.analysis.words), "folded": list(parsed.analysis.folded)},
            "resolved": {"doc_numbers": list(intent.doc_numbers), "article_number": intent.article_number}
            if intent is not None
            else None,
            "total": result.total,
            "total_is_estimate": result.total_is_estimate,
            "total_is_lower_bound": result.total_is_lower_bound,
            "facets_sample": result.facets_sample,
            "page": parsed.page,
            "size": parsed.size,
            "hits": hits,
            "facets": {name: [{"value": v, "count": c} for v, c in values] for name, values in result.facets.items()},
            "message": message,
            "took_ms": round((time.perf_counter() - started) * 1000, 2),
        }
