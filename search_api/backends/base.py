"""The search backend contract shared by the embedded SQLite index and Elasticsearch.

Analysis never happens in a backend: ingest hands over `AnalysedDocument`s whose
token streams come from `ingest.analysis`, and queries arrive as `ParsedQuery`
(built by `search_api.query`). Both backends index the same fields with the same
weights (`SEARCH_FIELDS`), so ranking differences stay small and measurable.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from ingest.analysis import Analysis
from ingest.model import Document, Relation

INDEX_VERSION = 1

# Analysed text fields of one article row, with their ranking weights (bm25 column
# weights in FTS5, field boosts in Elasticsearch). Why these: the heading says what an
# article is about; exact segmented words beat syllables; folded syllables are the
# safety net for queries typed without diacritics.
SEARCH_FIELDS: dict[str, float] = {
    "head_words": 3.0,
    "head_fold": 1.5,
    "body_words": 1.0,
    "body_syl": 0.6,
    "body_fold": 0.4,
    "doc_words": 1.0,
    "doc_fold": 0.5,
}
# Which token stream of the query is matched against which field.
FIELD_STREAM: dict[str, str] = {
    "head_words": "words",
    "head_fold": "folded",
    "body_words": "words",
    "body_syl": "syllables",
    "body_fold": "folded",
    "doc_words": "words",
    "doc_fold": "folded",
}
FACET_FIELDS = ("doc_type", "issuer", "year", "status", "topic")


@dataclass
class AnalysedArticle:
    """One searchable row: an article with the analysis of its heading, body and document context."""

    article_id: str
    article_number: str
    article_title: str
    path: list[str]
    text: str
    head: Analysis
    body: Analysis
    doc: Analysis


@dataclass
class AnalysedDocument:
    document: Document
    articles: list[AnalysedArticle]


@dataclass
class Filters:
    doc_type: list[str] = field(default_factory=list)
    issuer: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    topic: list[str] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    doc_numbers: list[str] = field(default_factory=list)  # restrict to these documents (exact numbers)
    article_number: str | None = None                      # with doc_numbers: one article

    def is_empty(self) -> bool:
        return not (self.doc_type or self.issuer or self.status or self.topic or self.doc_numbers
                    or self.year_from or self.year_to or self.article_number)


@dataclass
class ParsedQuery:
    """A query after shared analysis: token streams plus filters; never raw engine syntax."""

    text: str
    analysis: Analysis
    filters: Filters = field(default_factory=Filters)
    page: int = 1
    size: int = 10
    with_facets: bool = True
    intent: Any = None  # search_api.query.QueryIntent: what the user's words resolved to


@dataclass
class Hit:
    doc_number: str
    doc_type: str
    doc_title: str
    status: str
    issuer: str
    year: int | None
    topic: str
    article_id: str
    article_number: str
    article_title: str
    path: list[str]
    text: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)


class BackendError(RuntimeError):
    """The engine is unreachable or refused a request; the API turns this into a 503."""


@runtime_checkable
class SearchBackend(Protocol):
    def file_hash(self, source_file: str) -> str | None:
        """Content hash recorded for a source file by its last successful ingest."""

    def replace_file(self, source_file: str, sha256: str, documents: list[AnalysedDocument]) -> None:
        """Atomically replace everything that came from source_file with these documents."""

    def delete_file(self, source_file: str) -> None: ...

    def search(self, query: ParsedQuery) -> SearchResult: ...

    def get_document(self, number: str) -> Document | None:
        """Stored document by number, forgiving case, diacritics and leading zeros."""

    def incoming_relations(self, number: str) -> list[tuple[str, Relation]]:
        """(source document number, relation) pairs whose target is this document."""

    def document_numbers(self) -> list[tuple[str, str, str]]:
        """(number, type, title) of every stored document, for query resolution and suggest."""

    def stats(self) -> dict[str, Any]:
        """documents, articles, relations, index_version."""

    def close(self) -> None: ...
