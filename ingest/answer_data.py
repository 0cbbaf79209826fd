"""What the answer layer derives from each document, computed at ingest and stored with it.

The answer store (search_api.corpus_store) needs, for every document, the provisions of its
clauses (ingest.entitlements) and in how many of its quotable units each term occurs
(ingest.terms.unit_terms, the scorer's rarity weights). Both depend only on the document itself,
so ingest computes them once per document and every backend stores them beside the document;
start-up then sums the term counts and reads the provisions back instead of extracting them
again (6 of the 8 s of start-up at 1x, more than ten minutes at 100x: bench/answer_store.py).

The stored data carries VERSION, a hash of the extraction's code and vocabulary: a result made
by other rules (a re-edited vocabulary, a changed question-word list) is recomputed at start-up
instead of being trusted, and the store says how many documents needed it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ingest.entitlements import VOCABULARY_FILE, Provision, extract_provisions
from ingest.model import Document
from ingest.terms import unit_terms, unit_texts

_INGEST = Path(__file__).resolve().parent
# Everything the results depend on besides the stored document: the extraction rules, the term
# analysis, the vocabulary, and this module. (Parsing changes need a re-ingest anyway.)
_SOURCES = (
    _INGEST / "answer_data.py",
    _INGEST / "entitlements.py",
    _INGEST / "amounts.py",
    _INGEST / "terms.py",
    _INGEST / "analysis.py",
    _INGEST / "textnorm.py",
    _INGEST / "numbers.py",
    _INGEST / "model.py",
    VOCABULARY_FILE,
)


def _version() -> str:
    digest = hashlib.sha256()
    for path in _SOURCES:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


VERSION = _version()


def answer_data(document: Document) -> dict[str, Any]:
    """The stored form: {"version", "units": quotable units, "terms": term -> units containing it,
    "provisions": [Provision.to_dict()]} of one document, in reading order."""
    terms: dict[str, int] = {}
    units = 0
    for article in document.articles:
        for text in unit_texts(article):
            units += 1
            for term in unit_terms(text):
                terms[term] = terms.get(term, 0) + 1
    provisions = [p.to_dict() for p in extract_provisions([document])]
    return {"version": VERSION, "units": units, "terms": terms, "provisions": provisions}


def current(data: dict[str, Any] | None) -> bool:
    """Was this stored data made by the rules in force now?"""
    return data is not None and data.get("version") == VERSION


def provisions_of(data: dict[str, Any]) -> list[Provision]:
    return [Provision.from_dict(p) for p in data["provisions"]]


def sum_terms(datas: Iterable[dict[str, Any]]) -> tuple[int, dict[str, int]]:
    """(units, term -> units containing it) over the collection: the per-document counts added up,
    which stays right after any file is added, replaced or deleted."""
    units = 0
    frequency: dict[str, int] = {}
    get = frequency.get
    for data in datas:
        units += data["units"]
        for term, count in data["terms"].items():
            frequency[term] = get(term, 0) + count
    return units, frequency
