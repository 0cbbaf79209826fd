"""The embedded backend orders only the page it returns (search_api/backends/sqlite_stats.best_first)
and demotes news in place (demote_scores): the hits, their order and the facets must be those of
ordering every match as the FTS5 statement does, news demoted by the shared factor."""

from __future__ import annotations

import random
from operator import itemgetter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ingest.index_contract import NON_NORMATIVE_SCORE_FACTOR, NON_NORMATIVE_TYPES, Filters
from search_api.backends.sqlite import SQLiteBackend
from search_api.backends.sqlite_stats import best_first
from search_api.query import parse_query

SCORE_THEN_ROWID = itemgetter(1, 0)

# Scores drawn from few values, so that many rows tie on the score and the rowid decides.
_scores = st.dictionaries(
    st.integers(min_value=1, max_value=5000), st.sampled_from([-3.5, -2.25, -2.0, -1.0, -0.5, -1e-6]), max_size=300
)


@given(_scores, st.integers(min_value=0, max_value=320))
def test_best_first_is_the_head_of_the_full_order(scores, count):
    assert best_first(scores, count) == sorted(scores.items(), key=SCORE_THEN_ROWID)[:count]


def test_best_first_on_distinct_random_scores():
    generator = random.Random(11)
    for size in (0, 1, 9, 10, 11, 500, 2000):
        scores = {generator.randrange(10**6): -generator.random() * 20 for _ in range(size)}
        for count in (1, 10, 20, 50, 100, len(scores) + 5):
            assert best_first(scores, count) == sorted(scores.items(), key=SCORE_THEN_ROWID)[:count]


@pytest.fixture
def backend(corpus_index):
    backend = SQLiteBackend(corpus_index.removeprefix("sqlite:///"))
    yield backend
    backend.close()


def test_demote_scores_is_demote_without_the_order(backend):
    with backend.read_snapshot("test") as db:
        backend._shared.rows(db)
        rowids = [r for (r,) in db.execute("SELECT rowid FROM articles ORDER BY rowid")]
        news = {r for (r,) in db.execute("SELECT rowid FROM articles WHERE doc_type IN ('Tin tức')")}
    assert news and len(news) < len(rowids)  # the corpus fixture holds news reports and laws
    generator = random.Random(3)
    rows = sorted(((r, -generator.choice([1.0, 2.0, 2.5, 4.0])) for r in rowids), key=SCORE_THEN_ROWID)
    expected = backend._shared.demote(rows, NON_NORMATIVE_TYPES, NON_NORMATIVE_SCORE_FACTOR)
    scores = dict(rows)
    backend._shared.demote_scores(scores, NON_NORMATIVE_TYPES, NON_NORMATIVE_SCORE_FACTOR)
    assert {r for r, s in scores.items() if s != dict(rows)[r]} == news
    assert best_first(scores, len(scores)) == expected


@pytest.mark.parametrize(
    "text",
    ["mua bán người", "hỗ trợ nạn nhân", "tin tức nạn nhân được giải cứu", "nan nhan bi mua ban", "xác minh"],
)
@pytest.mark.parametrize("page,size", [(1, 10), (2, 10), (3, 7), (1, 100)])
def test_searches_equal_the_fts5_statement_ordering_every_match(backend, monkeypatch, text, page, size):
    """The exact path (page ordered only) against VNLEX_SQLITE_EXACT=0 (the FTS5 statement, every match
    ordered by SQL, then demote() re-sorting them all): same hits, scores, order, totals and facets."""
    monkeypatch.setenv("VNLEX_SQLITE_EXACT", "0")
    reference = SQLiteBackend(backend.path)
    try:
        for filters in (Filters(), Filters(doc_type=["Tin tức", "Luật"])):
            parsed = parse_query(text, [], filters=filters, page=page, size=size)
            mine, theirs = backend.search(parsed), reference.search(parsed)
            assert mine == theirs
        assert mine.hits or page > 1
        # The exact path answered (its self-check passed), not the FTS5 statement as in the reference.
        assert backend.exact is not None and backend.exact.last is not None and backend.exact.last.ok
    finally:
        reference.close()
