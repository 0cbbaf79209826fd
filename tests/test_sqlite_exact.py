"""FTS5's bm25 computed from the impact postings (search_api/backends/sqlite_exact.py), on real SQLite.

It replaces the FTS5 statement only if it gives the same rows with the same scores to the last
bit; it must switch itself off when it does not, follow index writes, keep to its memory bound,
and keep user text out of MATCH syntax.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

import pytest

from ingest.indexing import analyse_document
from search_api.backends import sqlite_exact, sqlite_impact
from search_api.backends.sqlite import SQLiteBackend
from search_api.backends.sqlite_query import query_tokens, search_sql, selected_terms, streams_match
from search_api.query import parse_query
from tests.backend_contract import law, query

# {columns} : ("token" OR "token" ...), OR-ed: nothing but quoted tokens (quotes doubled) in column groups.
_PHRASE = r'"(?:[^"]|"")*"'
_CLAUSE = rf"\{{[a-z_ ]+\}} : \({_PHRASE}(?: OR {_PHRASE})*\)"
_ONLY_QUOTED_PHRASES = re.compile(rf"{_CLAUSE}(?: OR {_CLAUSE})*")
BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
TYPED = [
    "hỗ trợ nạn nhân",
    "ho tro nan nhan bi mua ban",
    "nạn nhân bị mua bán được hỗ trợ tiền ăn bao lâu",
    "trách nhiệm của Bộ Công an trong phòng, chống mua bán người",
    "xác minh nạn nhân",
    "tro cap hoc nghe",
    "thông tin",
]


def _texts() -> list[str]:
    """Real questions: the domain dev set when ../shared has it, and typed queries."""
    dev = BENCH / "domain" / "dev.json"
    questions = [q["text"] for q in json.loads(dev.read_text(encoding="utf-8"))] if dev.exists() else []
    return TYPED + questions[:60]


def _backend_copy(corpus_index: str, tmp_path: Path) -> SQLiteBackend:
    """A private copy of the session's corpus index (tests here write to it or break it)."""
    source = Path(corpus_index.removeprefix("sqlite:///"))
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", tmp_path / f"corpus.sqlite{suffix}")
    return SQLiteBackend(tmp_path / "corpus.sqlite")


def _both(backend: SQLiteBackend, text: str) -> tuple[list | None, list]:
    """(exact scorer's ranking, the FTS5 statement's) of the query the backend would run for `text`."""
    with backend.read_snapshot("test") as db:
        rows = backend._shared.rows(db)
        parsed = parse_query(text, [])
        doc_freq = sqlite_impact.token_doc_freq(db, query_tokens(parsed.analysis))
        built = search_sql(parsed.analysis, parsed.filters, doc_freq, rows)
        assert built is not None and " MATCH " in built[0]
        assert backend.exact is not None
        exact = backend.exact.ranked(db, backend._states.current(db), selected_terms(parsed.analysis, doc_freq, rows))
        return exact, db.execute(*built).fetchall()


@pytest.fixture
def backend(corpus_index, tmp_path):
    backend = _backend_copy(corpus_index, tmp_path)
    yield backend
    backend.close()


def test_exact_scores_are_fts5_bm25_to_the_last_bit_on_real_queries(backend):
    texts = _texts()
    matched = 0
    for text in texts:
        exact, fts5 = _both(backend, text)
        assert exact is not None, text
        assert exact == fts5, text  # same rows, same order, floats compared with ==
        matched += len(fts5)
    assert matched > 100 * len(texts)  # real rankings, not empty ones
    assert backend.exact is not None and backend.exact.last is not None and backend.exact.last.ok


def test_search_results_are_the_same_with_the_exact_path_off(backend, monkeypatch):
    monkeypatch.setenv("VNLEX_SQLITE_EXACT", "0")
    reference = SQLiteBackend(backend.path)
    assert reference.exact is None
    for text in _texts()[:20]:
        for kwargs in ({}, {"page": 2}, {"doc_type": ["Nghị định"]}):
            filters = {"doc_type": kwargs.pop("doc_type")} if "doc_type" in kwargs else {}
            from ingest.index_contract import Filters

            parsed = query(text, filters=Filters(**filters), **kwargs)
            assert backend.search(parsed) == reference.search(parsed), (text, kwargs)
    reference.close()


def test_a_forced_mismatch_switches_the_exact_path_off_with_a_warning(backend, monkeypatch, caplog):
    honest = sqlite_exact.contribution
    # One ulp-scale error in every contribution: a tokenizer or formula drift would look like this.
    monkeypatch.setattr(sqlite_exact, "contribution", lambda *args: honest(*args) * (1 + 1e-15))
    with caplog.at_level(logging.WARNING, logger="vnlex"):
        exact, fts5 = _both(backend, "hỗ trợ nạn nhân")
    assert exact is None and fts5
    assert any("differs from FTS5" in r.getMessage() for r in caplog.records)
    # The search itself is still answered, by the FTS5 statement.
    monkeypatch.setenv("VNLEX_SQLITE_EXACT", "0")
    reference = SQLiteBackend(backend.path)
    assert backend.search(query("hỗ trợ nạn nhân")) == reference.search(query("hỗ trợ nạn nhân"))
    reference.close()


def test_an_index_write_drops_the_cached_lists_and_checks_again(backend, monkeypatch):
    text = "hỗ trợ nạn nhân bị mua bán"
    before, _ = _both(backend, text)
    assert backend.exact is not None
    lists = backend.exact.last
    assert lists is not None and lists.terms
    checks = []
    original = sqlite_exact.ExactScorer._check
    monkeypatch.setattr(sqlite_exact.ExactScorer, "_check", lambda self, *a: checks.append(1) or original(self, *a))
    backend.replace_file("law.html", "sha-law", [analyse_document(law())])  # words of the query, new rows
    after, fts5 = _both(backend, text)
    assert checks == [1] and backend.exact.last is not lists and backend.exact.last.state is not lists.state
    assert after == fts5 and after != before  # new rows and counts: stale lists would not give this
    backend.delete_file("law.html")
    again, fts5 = _both(backend, text)
    assert checks == [1, 1] and again == fts5


def test_cached_postings_stay_under_the_bound(corpus_index, tmp_path):
    backend = _backend_copy(corpus_index, tmp_path)
    backend.exact = sqlite_exact.ExactScorer(max_cached=300)
    for text in _texts()[:10]:
        exact, fts5 = _both(backend, text)
        assert exact == fts5
        lists = backend.exact.last
        assert lists is not None
        # Over the bound only when a single list is larger than it (it is kept: the query needs it).
        assert lists.cached <= 300 or len(lists.terms) == 1
        assert lists.cached == sum(len(rowids) for rowids, _ in lists.terms.values())
    backend.close()


def test_match_text_quotes_every_token_and_user_syntax_stays_words(backend):
    streams = {"words": ['a" OR b', "NEAR"], "folded": ["x*"], "bigrams": []}
    assert streams_match(streams) == (
        '{head_words body_words doc_words} : ("a"" OR b" OR "NEAR") OR {head_fold body_fold doc_fold} : ("x*")'
    )
    hostile = ['"hỗ trợ" OR NEAR(y tế) * ^ AND', "ho'tro\"; DROP TABLE impact_terms; --", "{body_fold}: nan"]
    for text in hostile:
        exact, fts5 = _both(backend, text)
        assert exact == fts5
    # The self-check's sample queries go through the same quoting.
    for streams in sqlite_exact.sample_queries(backend.db, backend.stats()["articles"]):
        match = streams_match(streams)
        assert match is not None and _ONLY_QUOTED_PHRASES.fullmatch(match), match
