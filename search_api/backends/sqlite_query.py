"""SQL and FTS5 MATCH text for the embedded backend, built apart from running it.

User text never reaches MATCH syntax: the query arrives as analysed tokens (word
characters and '_' only) and every token is still wrapped in double quotes with
quotes doubled, so no FTS5 operator (AND, NEAR, *, ^, column filters) can be formed.
"""

from __future__ import annotations

from collections.abc import Mapping

from ingest.analysis import Analysis
from ingest.index_contract import (
    FIELD_STREAM,
    SEARCH_FIELDS,
    Filters,
)
from ingest.numbers import number_key

UNINDEXED_COLUMNS = (
    "doc_key",
    "doc_number",
    "doc_type",
    "issuer",
    "year",
    "status",
    "topic",
    "source_file",
    "article_id",
    "article_number",
    "article_title",
    "path",
    "text",
    "doc_title",
    "ord",
    "in_force_from",
    "in_force_until",
)
ALL_COLUMNS = tuple(SEARCH_FIELDS) + UNINDEXED_COLUMNS
MAX_TOKENS_PER_STREAM = 64  # a 10,000-character query must not become a 2,000-term OR
RAREST_TERMS_PER_STREAM = 12


def quote_token(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def selected_terms(
    analysis: Analysis, doc_freq: Mapping[str, int] | None = None, rows: int = 0
) -> dict[str, list[str]]:
    """The tokens each stream is matched with: with the index's document frequencies, each
    stream keeps its RAREST_TERMS_PER_STREAM rarest tokens that occur at all and in at most
    half of the rows. FTS5 scores every row any token matches, so the common terms of a long
    question cost tens of ms while adding almost nothing to bm25 (their IDF is ~0). Measured
    on the dev sets: same ranking quality, about half the time (bench/RESULTS.md)."""
    streams = {
        stream: list(dict.fromkeys(getattr(analysis, stream)))[:MAX_TOKENS_PER_STREAM]
        for stream in dict.fromkeys(FIELD_STREAM.values())
    }
    if doc_freq is not None and rows:
        selective = {s: [t for t in tokens if 0 < doc_freq.get(t, 0) * 2 <= rows] for s, tokens in streams.items()}
        if not any(selective.values()):
            # Only common words ("nạn nhân" in a corpus about victims): they are all there is to rank by.
            selective = {s: [t for t in tokens if doc_freq.get(t, 0) > 0] for s, tokens in streams.items()}
        streams = {
            s: sorted(tokens, key=lambda t: doc_freq[t])[:RAREST_TERMS_PER_STREAM] for s, tokens in selective.items()
        }
    return streams


def match_expression(analysis: Analysis, doc_freq: Mapping[str, int] | None = None, rows: int = 0) -> str | None:
    """FTS5 MATCH text: per stream, its columns OR-ed over its selected_terms()."""
    return streams_match(selected_terms(analysis, doc_freq, rows))


def streams_match(streams: Mapping[str, list[str]]) -> str | None:
    """FTS5 MATCH text for tokens by stream, every token quoted. Its phrases are numbered in
    this order, the order in which bm25 sums them (sqlite_exact relies on it)."""
    clauses = []
    for stream, tokens in streams.items():
        columns = [column for column, s in FIELD_STREAM.items() if s == stream]
        if tokens:
            clauses.append("{" + " ".join(columns) + "} : (" + " OR ".join(quote_token(t) for t in tokens) + ")")
    return " OR ".join(clauses) if clauses else None


def bm25_call() -> str:
    weights = [str(SEARCH_FIELDS.get(column, 0.0)) for column in ALL_COLUMNS]
    return f"bm25(articles, {', '.join(weights)})"


def filter_sql(filters: Filters) -> tuple[str, list]:
    """AND-ed conditions on UNINDEXED columns of the FTS table itself (no JOIN: measured
    100-1000x slower), with bound parameters only."""
    conditions: list[str] = []
    params: list = []

    def any_of(column: str, values: list[str]) -> None:
        if values:
            conditions.append(f"{column} IN ({', '.join('?' for _ in values)})")
            params.extend(values)

    any_of("doc_type", filters.doc_type)
    any_of("issuer", filters.issuer)
    any_of("status", filters.status)
    any_of("topic", filters.topic)
    any_of("doc_key", [number_key(n) for n in filters.doc_numbers])
    if filters.article_number:
        conditions.append("article_number = ?")
        params.append(filters.article_number)
    if filters.in_force_on:
        # ISO dates compare as text; an unknown window ('') never matches.
        conditions.append("in_force_from <> '' AND in_force_from <= ? AND (in_force_until = '' OR in_force_until > ?)")
        params.extend([filters.in_force_on, filters.in_force_on])
    if filters.year_from is not None:
        conditions.append("CAST(year AS INTEGER) >= ?")
        params.append(filters.year_from)
    if filters.year_to is not None:
        conditions.append("CAST(year AS INTEGER) <= ?")
        params.append(filters.year_to)
    return " AND ".join(conditions), params


def query_tokens(analysis: Analysis) -> list[str]:
    """Every token match_expression may use, for looking up their document frequencies."""
    streams = dict.fromkeys(FIELD_STREAM.values())
    return [t for stream in streams for t in list(dict.fromkeys(getattr(analysis, stream)))[:MAX_TOKENS_PER_STREAM]]


def search_sql(
    analysis: Analysis,
    filters: Filters,
    doc_freq: Mapping[str, int] | None = None,
    rows: int = 0,
    browse_rowids: list[int] | None = None,
) -> tuple[str, list] | None:
    """(rowid, score) of all matching rows, best first; None = nothing to run.

    Only rowid and bm25 are selected: reading a stored column of every matching row made
    SQLite walk the record's overflow pages (the token columns come first), 3/4 of the time.
    Facets come from SharedStats instead.
    """
    match = match_expression(analysis, doc_freq, rows)
    where, params = filter_sql(filters)
    if match:
        sql = f"SELECT rowid, {bm25_call()} AS score FROM articles WHERE articles MATCH ?"
        params = [match, *params]
        if where:
            sql += " AND " + where
        return sql + " ORDER BY score, rowid", params
    if where:
        # Browsing by filters alone: a document's articles in their order. The filter columns are
        # not indexed (FTS5 UNINDEXED): given the rows of the named documents, only those are read
        # instead of every row of the table (0.45 s per browse at 100x).
        if browse_rowids is not None:
            where = f"rowid IN ({', '.join('?' for _ in browse_rowids)}) AND {where}"
            params = [*browse_rowids, *params]
        return (
            f"SELECT rowid, 0.0 AS score FROM articles WHERE {where} ORDER BY doc_key, CAST(ord AS INTEGER)",
            params,
        )
    return None
