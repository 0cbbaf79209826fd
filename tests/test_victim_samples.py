"""The hand-labelled samples that measure the victims' entitlements table (bench/victim_scope.py):
every labelled clause must be a candidate unit of the parsed corpus, with complete fields, or the
precision and recall computed from them silently drop clauses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.entitlements import candidates
from ingest.pipeline import _read_and_parse
from tests.conftest import CORPUS

BENCH = Path(__file__).resolve().parents[1] / "bench"
SAMPLES = [
    "victim_rows_labelled.json",
    "victim_rows_labelled_2.json",
    "victim_rows_labelled_3.json",
    "victim_rows_labelled_4.json",
]
FIELDS = {"n": int, "doc": str, "article": str, "unit_id": str, "victim_row": bool}


def _load(name: str) -> dict:
    return json.loads((BENCH / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def candidate_units() -> set[tuple[str, str, str]]:
    """(document number, article number, unit id) of every candidate unit in the real corpus."""
    if not (CORPUS / "phapdien").exists():
        pytest.skip("real corpus not available")
    units = set()
    for path in sorted((CORPUS / "phapdien").glob("*.html")):
        for document in _read_and_parse((str(path), 50_000_000, None, str(path))).documents:
            for article in document.articles:
                units.update((document.number, article.number, c.unit_id) for c in candidates(article))
    return units


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_fields_are_complete(name):
    sample = _load(name)
    assert all(sample[key].strip() for key in ("about", "criterion", "sampling"))
    items = sample["items"]
    assert [item["n"] for item in items] == list(range(1, len(items) + 1))
    for item in items:
        assert all(isinstance(item.get(field), kind) for field, kind in FIELDS.items()), item
        assert item["doc"] and item["unit_id"]
    keys = [(item["doc"], item["unit_id"]) for item in items]
    assert len(keys) == len(set(keys)), "a clause is labelled twice"
    assert len(items) >= 150 and len({item["doc"] for item in items}) >= 6


@pytest.mark.parametrize("name", SAMPLES)
def test_every_labelled_clause_is_a_candidate_unit_of_the_corpus(name, candidate_units):
    missing = [
        (item["n"], item["doc"], item["unit_id"])
        for item in _load(name)["items"]
        if (item["doc"], item["article"], item["unit_id"]) not in candidate_units
    ]
    assert not missing


def test_sample_3_is_fresh_and_uses_the_same_criterion():
    first, second, third = (_load(name) for name in SAMPLES[:3])
    earlier = {item["doc"] for item in first["items"] + second["items"]}
    assert not {item["doc"] for item in third["items"]} & earlier
    assert third["criterion"] == second["criterion"]
    # Every positive says why, so a reviewer can check the labels without re-reading the texts.
    assert all(item.get("reason") for item in third["items"] if item["victim_row"])


def test_sample_4_is_fresh_and_uses_the_same_criterion():
    """Sample 4 was labelled after the rules were tuned on samples 1-3: none of its documents may
    appear in them, or it would not measure the rules on unseen text."""
    *earlier_samples, fourth = (_load(name) for name in SAMPLES)
    earlier = {item["doc"] for sample in earlier_samples for item in sample["items"]}
    assert not {item["doc"] for item in fourth["items"]} & earlier
    assert fourth["criterion"] == earlier_samples[2]["criterion"]
    assert all(item.get("reason") for item in fourth["items"] if item["victim_row"])
