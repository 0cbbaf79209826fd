"""Per-index-state caches of the embedded backend's queries (search_api/backends/sqlite_state.py).

They save SQL statements per search, so they must never serve what an earlier state of the index
said: a write makes a new state, and a reader still in an older read transaction gets its own.
"""

from __future__ import annotations

import sqlite3

from ingest.indexing import analyse_document
from search_api.backends import sqlite_impact
from search_api.backends.sqlite import SQLiteBackend
from search_api.backends.sqlite_state import IndexStates
from tests.backend_contract import decree, law, query


def _sql(db, keys):
    return {key: tuple(stats) for key, stats in sqlite_impact._stats_of(db, keys).items()}


def test_term_statistics_follow_writes_and_older_readers_keep_their_own(tmp_path):
    backend = SQLiteBackend(tmp_path / "index.sqlite")
    backend.replace_file("decree.html", "sha-decree", [analyse_document(decree())])
    states = IndexStates()
    keys = ["f:ho", "f:tro", "f:khongcotrongchimuc"]
    with backend.read_snapshot("test") as db:
        first = states.current(db)
        before = first.term_stats(db, keys)
        assert before == _sql(db, keys) and "f:khongcotrongchimuc" not in before
        assert states.current(db) is first  # same state: nothing read again

    # A reader whose read transaction began before the next write.
    older = sqlite3.connect(backend.path, isolation_level=None)
    older.execute("BEGIN")
    older.execute("SELECT count(*) FROM impact_terms").fetchone()
    backend.replace_file("law.html", "sha-law", [analyse_document(law())])

    with backend.read_snapshot("test") as db:
        second = states.current(db)
        after = second.term_stats(db, keys)
        assert second is not first and after == _sql(db, keys)
        assert after["f:ho"][0] > before["f:ho"][0]  # the law's rows count
        assert (second.rows, second.avgdl) == sqlite_impact.collection_shape(db) != (first.rows, first.avgdl)
    stale = states.current(older)
    assert stale.stamp == first.stamp and stale.term_stats(older, keys) == before
    older.execute("COMMIT")
    older.close()
    with backend.read_snapshot("test") as db:
        # The older reader's state did not replace what the newest readers get.
        assert states.current(db).term_stats(db, keys) == after
    backend.close()


def test_search_results_do_not_change_with_the_cached_statistics(tmp_path):
    backend = SQLiteBackend(tmp_path / "index.sqlite")
    backend.replace_file("law.html", "sha-law", [analyse_document(law())])
    backend.replace_file("decree.html", "sha-decree", [analyse_document(decree())])
    for text in ["hỗ trợ nạn nhân", "ho tro", "tiền ăn", "mua ban nguoi"]:
        first = backend.search(query(text))  # statistics read from SQL
        again = backend.search(query(text))  # from the cache
        assert first == again and first.total > 0, text
    backend.delete_file("decree.html")
    fresh = SQLiteBackend(backend.path)  # no cache at all
    for text in ["hỗ trợ nạn nhân", "mua ban nguoi"]:
        assert backend.search(query(text)) == fresh.search(query(text)), text
    fresh.close()
    backend.close()
