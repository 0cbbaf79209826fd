"""SQL and FTS5 MATCH text for the embedded backend, built apart from running it.

User text never reaches MATCH syntax: the query arrives as analysed tokens (word
characters and '_' only) and every token is still wrapped in double quotes with
quotes doubled, so no FTS5 operator (AND, NEAR, *, ^, column filters) can be formed.
"""
from __future__ import annotations

from ingest.analysis import Analysis
from ingest.numbers import number_key
from search_api.backends.base import FIELD_STREAM, SEARCH_FIELDS, Filters

UNINDEXED_COLUMNS = (
    "doc_key", "doc_number", "doc_type", "issuer", "year", "status", "topic", "source_file",
    "article_id", "article_number", "article_title", "path", "text", "doc_title", "ord",
)
ALL_COLUMNS = tuple(SEARCH_FIELDS) + UNINDEXED_COLUMNS
MAX_TOKENS_PER_STREAM = 64  # a 10,000-character query must not become a 2,000-term OR


def quote_token(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def match_expression(analysis: Analysis, too_common: frozenset[str] = frozenset()) -> str | None:
    """FTS5 MATCH text: per stream, its columns OR-ed over its distinct tokens.

    Tokens in `too_common` (present in over half of the rows) are left out: FTS5's bm25
    gives them an IDF of ~0 anyway, yet every row they match must be scored, which made
    long questions cost tens of ms. Dropping them keeps the ranking and the cost down.
    """
    clauses = []
    for stream in ("words", "syllables", "folded", "bigrams"):
        distinct = list(dict.fromkeys(getattr(analysis, stream)))
        tokens = [t for t in distinct if t not in too_common] or distinct[:1] if distinct else []
        tokens = tokens[:MAX_TOKENS_PER_STREAM]
        columns = [column for column, s in FIELD_STREAM.items() if s == stream]
        if tokens and columns:
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
    if filters.year_from is not None:
        conditions.append("CAST(year AS INTEGER) >= ?")
        params.append(filters.year_from)
    if filters.year_to is not None:
        conditions.append("CAST(year AS INTEGER) <= ?")
        params.append(filters.year_to)
    return " AND ".join(conditions), params


def search_sql(analysis: Analysis, filters: Filters, too_common: frozenset[str] = frozenset()) -> tuple[str, list] | None:
    """All matching rows with their facet columns and score, best first; None = nothing to run."""
    match = match_expression(analysis, too_common)
    where, params = filter_sql(filters)
    facet_columns = "doc_type, issuer, year, status, topic"
    if match:
        sql = f"SELECT rowid, {facet_columns}, {bm25_call()} AS score FROM articles WHERE articles MATCH ?"
        params = [match, *params]
        if where:
            sql += " AND " + where
        return sql + " ORDER BY score, rowid", params
    if where:
        # Browsing by filters alone: a document's articles in their order.
        return f"SELECT rowid, {facet_columns}, 0.0 AS score FROM articles WHERE {where} ORDER BY doc_key, CAST(ord AS INTEGER)", params
    return None
