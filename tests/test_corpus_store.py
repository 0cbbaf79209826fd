"""The answer store reads the answer data ingest stored (ingest.answer_data) and never trusts data
made by other rules: such documents are recomputed at start-up, and the totals stay exact."""

from __future__ import annotations

import threading
import time

from ingest import answer_data as stored
from ingest.indexing import analyse_document
from ingest.numbers import number_key
from search_api.backends.sqlite import SQLiteBackend
from search_api.corpus_store import CorpusStore
from tests.backend_contract import assert_store_matches_recount, decree, law


def test_stored_answer_data_is_used_as_stored(tmp_path):
    backend = SQLiteBackend(tmp_path / "i.sqlite")
    analysed = analyse_document(decree())
    # A marker term no unit contains: it reaches the totals only if the store reads the stored counts.
    analysed.answer_data["terms"]["marker_term"] = 7
    backend.replace_file("decree.docx", "sha", [analysed])
    snapshot = CorpusStore(backend).snapshot()
    assert snapshot.recomputed == 0 and snapshot.frequency["marker_term"] == 7


def test_answer_data_of_other_rules_or_missing_is_recomputed(tmp_path):
    backend = SQLiteBackend(tmp_path / "i.sqlite")
    stale = analyse_document(law())
    stale.answer_data = {**stale.answer_data, "version": "older-rules", "terms": {"bogus": 5}, "provisions": []}
    missing = analyse_document(decree())
    missing.answer_data = None
    backend.replace_file("law.html", "sha-law", [stale])
    backend.replace_file("decree.docx", "sha-decree", [missing])
    assert set(backend.stored_answer_data()) == {number_key("66/2011/QH12")}  # None stores nothing
    snapshot = CorpusStore(backend).snapshot()
    assert snapshot.recomputed == 2
    assert "bogus" not in snapshot.frequency
    assert [p.doc_number for p in snapshot.provision_list if p.article_number == "11"] == ["09/2013/NĐ-CP"]
    # Re-ingesting with the current rules stores current data; nothing is recomputed any more.
    backend.replace_file("law.html", "sha-law", [analyse_document(law())])
    backend.replace_file("decree.docx", "sha-decree", [analyse_document(decree())])
    assert all(stored.current(d) for d in backend.stored_answer_data().values())
    assert_store_matches_recount(backend)


def test_version_changes_with_the_rules(monkeypatch, tmp_path):
    vocabulary = tmp_path / "vocabulary.json"
    vocabulary.write_text('{"a": 1}', encoding="utf-8")
    monkeypatch.setattr(stored, "_SOURCES", (vocabulary,))
    first = stored._version()
    vocabulary.write_text('{"a": 2}', encoding="utf-8")
    assert stored._version() != first


def test_scale_variants_carry_the_answer_data_of_their_own_document():
    """bench/scale_data.py derives a variant's answer data from its original's (once per original):
    it must equal what ingest would compute for the variant itself."""
    from dataclasses import replace

    from bench.scale_data import variant_answer_data

    original = decree()  # with a detailing relation, which the variant drops
    variant = replace(original, number="1234/1995/VB-SCALE", relations=[], source_file="scale:variants-000")
    derived = variant_answer_data(original, variant)
    assert derived == stored.answer_data(variant)
    assert [p["doc_number"] for p in derived["provisions"]] == ["1234/1995/VB-SCALE"]


class _SlowStats:
    """A backend whose stats() blocks once `hold` is set, until `release` is: the 0.5 s count at 100x."""

    def __init__(self, backend):
        self._backend = backend
        self.hold = threading.Event()
        self.entered = threading.Event()
        self.release = threading.Event()

    def __getattr__(self, name):
        return getattr(self._backend, name)

    def stats(self):
        if self.hold.is_set():
            self.entered.set()
            self.release.wait(10)
        return self._backend.stats()


def test_questions_do_not_wait_while_the_counts_are_rechecked(tmp_path, monkeypatch):
    from search_api import corpus_store

    backend = SQLiteBackend(tmp_path / "i.sqlite")
    backend.replace_file("decree.docx", "sha", [analyse_document(decree())])
    slow = _SlowStats(backend)
    store = CorpusStore(slow)
    first = store.snapshot()
    monkeypatch.setattr(corpus_store, "RECHECK_SECONDS", 0.0)
    slow.hold.set()
    try:
        started = time.monotonic()
        assert store.snapshot() is first  # the question that finds the recheck due does not wait for it either
        assert time.monotonic() - started < 1
        assert slow.entered.wait(5)  # the recheck is inside stats(), in the background
        answered: list = []
        other = threading.Thread(target=lambda: answered.append(store.snapshot()))
        other.start()
        other.join(2)
        assert answered == [first], "a question waited for another thread's stats()"
    finally:
        slow.release.set()
    # A change seen by a recheck is published (by the background thread); forget() still drops everything.
    slow.hold.clear()
    backend.replace_file("law.html", "sha-law", [analyse_document(law())])
    assert _wait_until(lambda: store.snapshot().key != first.key, 10)
    store.forget()
    assert store._snapshot is None


def _wait_until(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()
