"""One in-memory view of the index for the answer layer and /api/entitlements.

Both used to build their own per-app caches on the first request (12 s before the first
answer, 2.3 s before the first entitlements table). The store loads every stored document
once with the answer data ingest stored beside it (ingest.answer_data: the document's provisions
and in how many of its units each term occurs), adds up the term counts (the answer scorer's
rarity weights) and links detailing articles, at start-up (`warm`, called from the app's
lifespan) or, without a lifespan, on first use. A document stored without current answer data
(another version of the extraction rules, or written by a caller that stored none) has it
computed here, as every document once was. The store rebuilds itself when the index's
document/article/relation counts change (a re-ingest), checking those counts at most every
RECHECK_SECONDS.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ingest import answer_data as stored
from ingest.entitlements import Provision
from ingest.index_contract import SearchBackend
from ingest.model import QUY_DINH_CHI_TIET, Document
from ingest.numbers import number_key

RECHECK_SECONDS = 30.0
logger = logging.getLogger("vnlex")


@dataclass
class Snapshot:
    """Everything derived from one state of the index."""

    key: tuple
    documents: dict[str, Document] = field(default_factory=dict)  # number_key -> document
    provisions: dict[str, dict[str, Provision]] = field(default_factory=dict)  # number_key -> unit id -> provision
    provision_list: list[Provision] = field(default_factory=list)
    unit_count: int = 0
    frequency: dict[str, int] = field(default_factory=dict)  # term -> units containing it
    # (law key, article) -> [(detailing document number, its article)]
    detailed_by: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)
    derived: dict[str, Any] = field(default_factory=dict)  # views built from this snapshot, by name
    recomputed: int = 0  # documents whose answer data was not stored (or stale) and was computed here


class CorpusStore:
    def __init__(self, backend: SearchBackend):
        self.backend = backend
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()  # publishing a snapshot, building the first one, derived views
        self._checking = threading.Lock()  # one recheck of the counts at a time
        self._generation = 0  # forget() calls: a recheck that overlapped one does not publish
        self._checked_at = 0.0

    def warm(self) -> Snapshot:
        """Build everything now (start-up)."""
        return self.snapshot()

    def snapshot(self) -> Snapshot:
        current = self._snapshot
        if current is not None:
            # Every RECHECK_SECONDS one caller compares the index's counts; the others keep the snapshot
            # they have meanwhile. The counts are read outside the lock: backend.stats() took 0.5 s at
            # 100x the collection on SQLite, and every question used to wait for it on this lock.
            # The recheck itself runs in the background too: the question that found it due used to pay for
            # it, 0.5-1 s every RECHECK_SECONDS per worker at 100x (bench/RESULTS.md, per-question cost).
            if time.monotonic() - self._checked_at < RECHECK_SECONDS or not self._checking.acquire(blocking=False):
                return current
            self._checked_at = time.monotonic()
            threading.Thread(target=self._recheck_in_background, args=(current,), daemon=True).start()
            return current
        # Nothing to serve yet: one thread builds while the others wait (eight concurrent first
        # questions once built the term table eight times).
        with self._lock:
            if self._snapshot is None:
                self._checked_at = time.monotonic()
                self._snapshot = self._build(_counts_key(self.backend.stats()))
            return self._snapshot

    def _recheck_in_background(self, current: Snapshot) -> None:
        try:
            self._recheck(current)
        except Exception:  # a failing index is reported by the requests that read it; this keeps serving
            logger.warning("the answer store could not recheck the index", exc_info=True)
        finally:
            self._checking.release()

    def _recheck(self, current: Snapshot) -> None:
        """Compare the counts, build a new snapshot if they changed (outside the lock, as the old one
        keeps serving), publish it under the lock unless forget() ran meanwhile."""
        generation = self._generation
        key = _counts_key(self.backend.stats())
        fresh = current if key == current.key else self._build(key)
        with self._lock:
            if self._generation == generation and self._snapshot is current:
                self._snapshot = fresh

    def forget(self) -> None:
        with self._lock:
            self._generation += 1
            self._snapshot = None

    def document(self, number: str) -> Document | None:
        return self.snapshot().documents.get(_key(number))

    def provisions_of(self, number: str) -> dict[str, Provision]:
        return self.snapshot().provisions.get(_key(number), {})

    def incoming(self, number: str) -> list:
        """The backend's incoming relations of a document, fetched once per index state."""
        return self.derived(f"incoming:{_key(number)}", lambda _snapshot: self.backend.incoming_relations(number))

    def _build(self, key: tuple) -> Snapshot:
        snapshot = Snapshot(key)
        for number, _type, _title in self.backend.document_numbers():
            document = self.backend.get_document(number)
            if document is not None:
                snapshot.documents[number_key(document.number)] = document
        saved = self.backend.stored_answer_data()
        datas: list[dict[str, Any]] = []
        for doc_key, document in snapshot.documents.items():
            data = saved.get(doc_key)
            if data is None or not stored.current(data):
                data = stored.answer_data(document)
                snapshot.recomputed += 1
            datas.append(data)
            for provision in stored.provisions_of(data):
                snapshot.provision_list.append(provision)
                snapshot.provisions.setdefault(doc_key, {})[provision.unit_id] = provision
            for relation in document.relations:
                if (
                    relation.type == QUY_DINH_CHI_TIET
                    and relation.target_article
                    and relation.source_article
                    and not relation.source
                    and number_key(relation.target) != doc_key
                ):
                    pairs = snapshot.detailed_by.setdefault((number_key(relation.target), relation.target_article), [])
                    if (document.number, relation.source_article) not in pairs:
                        pairs.append((document.number, relation.source_article))
        snapshot.unit_count, snapshot.frequency = stored.sum_terms(datas)
        if snapshot.recomputed:
            logger.warning(
                "answer data of %d of %d documents was not stored by this version of ingest and was computed "
                "at start-up; `vnlex ingest --force` stores it",
                snapshot.recomputed,
                len(snapshot.documents),
            )
        return snapshot

    def derived(self, name: str, build: Callable[[Snapshot], Any]) -> Any:
        """A view of the current snapshot (e.g. the /api/entitlements rows), built once per snapshot."""
        snapshot = self.snapshot()
        if name not in snapshot.derived:
            with self._lock:
                if name not in snapshot.derived:
                    snapshot.derived[name] = build(snapshot)
        return snapshot.derived[name]


def _counts_key(counts: dict[str, Any]) -> tuple:
    return (counts.get("documents"), counts.get("articles"), counts.get("relations"))


@lru_cache(maxsize=4096)
def _key(number: str) -> str:
    return number_key(number)
