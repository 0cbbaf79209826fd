"""The index contract shared by ingest, the search service and both backends (SQLite FTS5, Elasticsearch).

Analysis never happens in a backend: ingest hands over `AnalysedDocument`s whose
token streams come from `ingest.analysis`, and queries arrive as `ParsedQuery`
(built by `search_api.query`). Both backends index the same fields with the same
weights (`SEARCH_FIELDS`), so ranking differences stay small and measurable.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from ingest.analysis import Analysis
from ingest.model import Document, Relation

# 4: article-level graph fields on relations (basis, source_unit, target_unit) and each article row's
# in-force window (in_force_from, in_force_until) for the in_force_on filter.
# 5: each document's answer data (ingest.answer_data: term counts and provisions) stored beside it.
INDEX_VERSION = 5

# Analysed text fields of one article row, with their ranking weights (bm25 column
# weights in FTS5, field boosts in Elasticsearch). Measured on the ALQAC dev questions
# (bench/RESULTS.md): folded syllables and their bigrams carry the ranking — underthesea's
# segmentation of a long question and of the article disagree often enough that exact
# segmented words *lowered* Recall@1 (0.84 -> 0.78 when weighted like the folded fields).
# The exact fields stay with a small weight so that, between otherwise equal articles,
# the one with the user's exact tones ranks first (bán vs ban). Headings weigh 3x.
# Exact syllables (a body_syl field) were dropped: at weight 0.1 they changed no ranking
# on the dev sets but cost a sixth of the query time.
SEARCH_FIELDS: dict[str, float] = {
    "head_words": 0.3,
    "head_fold": 3.0,
    "head_bi": 9.0,
    "body_words": 0.1,
    "body_fold": 1.0,
    "body_bi": 3.0,
    "doc_words": 0.1,
    "doc_fold": 0.5,
}
# Which token stream of the query is matched against which field.
FIELD_STREAM: dict[str, str] = {
    "head_words": "words",
    "head_fold": "folded",
    "head_bi": "bigrams",
    "body_words": "words",
    "body_fold": "folded",
    "body_bi": "bigrams",
    "doc_words": "words",
    "doc_fold": "folded",
}
FACET_FIELDS = ("doc_type", "issuer", "year", "status", "topic")
# Normative texts rank above news for the same match: a news report's score is multiplied by
# this factor in both backends. News stays findable (its own words still rank it) and
# filterable (type=Tin tức). Chosen on the domain dev set and the examples
# (bench/RESULTS.md, "Normative texts first").
NON_NORMATIVE_TYPES = ("Tin tức",)
NON_NORMATIVE_SCORE_FACTOR = 0.85


# What the index holds, as every backend's stats() reports it and the ingest summary repeats it
# (so /api/health and `vnlex ingest` count the same things). Catalogued-only documents are
# stubs for texts named by corpus/catalogue.json but not in the collection (e.g. 53/2024/QH15):
# they have a number, dates and relations, no text. They are written under the pseudo source
# file ingest.catalogue.STUB_SOURCE_FILE, which `files` does not count.
INDEX_COUNTS: dict[str, str] = {
    "files": "source files ingested (the catalogue is not a file)",
    "documents": "all documents: documents_with_text + catalogued_only",
    "documents_with_text": "documents read from the files",
    "catalogued_only": "documents known only from the catalogue (no text)",
    "articles": "searchable articles (catalogued-only documents have none)",
    "relations": "all relations: those of the files + relations_from_catalogue",
    "relations_from_catalogue": "relations recorded by the catalogue's stubs",
}


def index_counts(count: Callable[[str, bool], int]) -> dict[str, int]:
    """INDEX_COUNTS of one index from a backend's raw `count(kind, of_catalogue)`, where kind is
    "files", "documents", "articles" or "relations" and of_catalogue counts only what the
    catalogue stubs brought (its pseudo file, stub documents and their relations)."""
    documents, catalogued_only = count("documents", False), count("documents", True)
    return {
        "files": count("files", False) - int(bool(count("files", True))),
        "documents": documents,
        "documents_with_text": documents - catalogued_only,
        "catalogued_only": catalogued_only,
        "articles": count("articles", False),
        "relations": count("relations", False),
        "relations_from_catalogue": count("relations", True),
    }


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


def field_texts(article: AnalysedArticle) -> dict[str, str]:
    """The text each backend indexes for each SEARCH_FIELDS field: space-joined tokens of the
    stream FIELD_STREAM names, taken from the heading, body or document label."""
    sources = {"head": article.head, "body": article.body, "doc": article.doc}
    return {name: " ".join(getattr(sources[name.split("_")[0]], FIELD_STREAM[name])) for name in SEARCH_FIELDS}


@dataclass
class AnalysedDocument:
    document: Document
    articles: list[AnalysedArticle]
    # ingest.answer_data.answer_data(document): stored with the document, read back by
    # stored_answer_data(); None stores nothing (the answer store then computes it at start-up).
    answer_data: dict[str, Any] | None = None


def in_force_window(document: Document) -> tuple[str, str]:
    """(from, until) ISO dates of the days the document was in force on positive evidence, until
    exclusive and "" when open; ("", "") when that is not known (status "" or not yet in force),
    so an in_force_on filter never includes a text whose force is unproven."""
    if document.status not in ("con_hieu_luc", "het_hieu_luc") or not document.effective:
        return "", ""
    return document.effective.isoformat(), document.expired.isoformat() if document.expired else ""


@dataclass
class Filters:
    doc_type: list[str] = field(default_factory=list)
    issuer: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    topic: list[str] = field(default_factory=list)
    year_from: int | None = None
    year_to: int | None = None
    doc_numbers: list[str] = field(default_factory=list)  # restrict to these documents (exact numbers)
    article_number: str | None = None  # with doc_numbers: one article
    in_force_on: str | None = None  # ISO date: only documents with positive evidence of being in force that day

    def is_empty(self) -> bool:
        return not (
            self.in_force_on
            or self.doc_type
            or self.issuer
            or self.status
            or self.topic
            or self.doc_numbers
            or self.year_from
            or self.year_to
            or self.article_number
        )


@dataclass
class ParsedQuery:
    """A query after shared analysis: token streams plus filters; never raw engine syntax."""

    text: str
    analysis: Analysis
    filters: Filters = field(default_factory=Filters)
    page: int = 1
    size: int = 10
    with_facets: bool = True
    intent: Any = None  # search_api.query_intent.QueryIntent: what the user's words resolved to


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
    # True when total and facets were estimated, not counted over every match (the embedded
    # backend's impact-ordered plan when a query term is too common to list every posting).
    total_is_estimate: bool = False
    # True when `total` is a lower bound: the engine stopped counting there (Elasticsearch counts up to
    # es_query.TOTAL_HITS_CAP); "at least N", never "N".
    total_is_lower_bound: bool = False
    # When the facet counts were taken over the best matches only, not every match: how many were counted.
    facets_sample: int | None = None


@dataclass
class HealthCheck:
    """One check of /api/health: can the index really answer (not just: is it there)."""

    name: str  # "integrity", "query", "cluster", "aliases"
    ok: bool
    detail: str = ""


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

    def list_documents(self) -> list[tuple[Document, int]]:
        """Every stored document without its articles, with its article count (the collection
        overview, /api/documents); a catalogue stub has 0 articles."""

    def catalogued_documents(self) -> list[Document]:
        """The catalogue's stubs only (documents the collection knows without their text), read through
        the index on source_file: cheap at any collection size, unlike list_documents."""

    def update_documents(self, documents: list[Document]) -> None:
        """Rewrite stored documents' metadata (status, notes, dates) in place, keeping their analysed
        articles and answer data; used when a newly ingested text changes the status of texts
        already stored (the answer data depends on neither)."""

    def stored_answer_data(self) -> dict[str, dict[str, Any]]:
        """number_key -> the answer data stored with each document at ingest (AnalysedDocument.answer_data);
        documents stored without it are absent."""

    def stats(self) -> dict[str, Any]:
        """engine, index_version and the INDEX_COUNTS, named the same in the ingest summary."""

    def drop(self) -> None:
        """Delete the whole index (used by `vnlex ingest --recreate` after a schema change)."""

    def staging(self, rewritten: Collection[str] = ()) -> AbstractContextManager[SearchBackend]:
        """A copy of this index to write a rebuild into. When the block ends without error the copy
        replaces the index in one atomic step (readers see all old or all new, never a gap or a
        mix); on error it is discarded and the index is untouched. Records of the `rewritten`
        source files may be left out of the copy: the caller writes them again."""

    def checkpoint(self) -> None:
        """After a batch of writes: fold the write-ahead log into the index and cut it back."""

    def health_checks(self) -> list[HealthCheck]:
        """Cheap checks that the index can answer a real query (integrity, cluster, aliases)."""

    def close(self) -> None: ...
