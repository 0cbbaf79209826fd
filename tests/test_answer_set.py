"""The labelled answer set (bench/answers): schema, split, and every expected string verbatim in its gold clause."""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from ingest.numbers import number_key
from ingest.parsers.phapdien import parse_phapdien
from search_api.answer_eval import fold

ROOT = Path(__file__).resolve().parents[1]
SET_DIR = ROOT / "bench" / "answers"
CORPUS = ROOT.parent / "shared" / "corpus" / "phapdien"
INTENTS = {
    "lookup", "status", "detailing", "entitlement", "amount", "duration",
    "eligibility", "procedure", "agency", "penalty", "legal_aid", "hotline",
}  # fmt: skip
WHO = {"victim", "being_identified", "child_under_16", "child_under_18", "accompanying_minor", "foreigner", "stateless"}
WHO |= {"agency"}
VARIANTS = {"plain", "no_diacritics", "abbreviation", "colloquial", "keywords"}
CLAUSE = re.compile(r"^(\S+) Điều (\w+)(?: khoản (\w+))?(?: điểm (\w+))?$")


def load(name: str) -> list[dict]:
    return json.loads((SET_DIR / f"{name}.json").read_text(encoding="utf-8"))


DEV, HELDOUT = load("dev"), load("heldout")
ALL = DEV + HELDOUT


@cache
def corpus_articles() -> dict[tuple[str, str], object]:
    articles = {}
    for path in sorted(CORPUS.glob("*.html")):
        for document in parse_phapdien(path, path.read_bytes()):
            for article in document.articles:
                articles[(number_key(document.number), article.number)] = article
    return articles


def clause_text(clause: str) -> str:
    law, article_number, khoan, diem = CLAUSE.match(clause).groups()
    article = corpus_articles()[(number_key(law), article_number)]
    if not khoan:
        return article.text
    unit = next(u for u in article.units if u.number == khoan)
    return unit.text if not diem else next(c for c in unit.children if c.number == diem).text


def test_size_split_and_ids():
    assert len(ALL) >= 120
    assert 0.6 <= len(DEV) / len(ALL) <= 0.72
    ids = [q["question_id"] for q in ALL]
    assert len(ids) == len(set(ids))
    assert len({fold(q["text"]) for q in ALL}) == len(ALL)
    # The split was drawn per intent: every intent is in both parts.
    assert {q["intent"] for q in DEV} == {q["intent"] for q in HELDOUT} == INTENTS


def test_schema_and_labels():
    for q in ALL:
        assert q["intent"] in INTENTS and q["kind"] == q["intent"], q["question_id"]
        assert q["variant"] in VARIANTS, q["question_id"]
        assert q.get("who") is None or q["who"] in WHO, q["question_id"]
        assert q["expect_source"] in ("corpus", "catalogue"), q["question_id"]
        assert isinstance(q["answerable"], bool) and q["note"]
        for gold in q["relevant_articles"]:
            assert number_key(gold["law_id"]) in {number_key(d) for d in q["relevant_documents"]}
        if q["answerable"]:
            assert q["expect"] and all(q["expect"]), q["question_id"]
        else:
            assert q["lacking"] and not q["expect"] and not q["relevant_articles"], q["question_id"]


def test_coverage_of_variants_and_target_groups():
    non_plain = [q for q in ALL if q["variant"] != "plain"]
    assert len(non_plain) * 3 >= len(ALL)
    groups = Counter(q.get("who") for q in ALL)
    for who in ("foreigner", "child_under_16", "child_under_18", "accompanying_minor", "stateless", "being_identified"):
        assert groups[who] >= 3, who
    assert sum(not q["answerable"] for q in ALL) >= 8
    assert sum(q["expect_source"] == "catalogue" for q in ALL) >= 5


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize("question", [q for q in ALL if q["expect_source"] == "corpus" and q["answerable"]])
def test_expected_strings_are_verbatim_in_the_gold_clause(question):
    assert_gold_clause_holds_the_expected_strings(question)


def assert_gold_clause_holds_the_expected_strings(question: dict) -> None:
    """Every gold article exists in the parsed corpus, the expected clause lies in one of them, and
    each expected group has an alternative verbatim (after fold) in that clause (all answer sets)."""
    gold = {(number_key(g["law_id"]), g["article_id"]) for g in question["relevant_articles"]}
    assert gold <= set(corpus_articles()), gold - set(corpus_articles())
    law, article_number = CLAUSE.match(question["expect_clause"]).groups()[:2]
    assert (number_key(law), article_number) in gold, "expect_clause must lie in a gold article"
    text = fold(clause_text(question["expect_clause"]))
    for group in question["expect"]:
        assert any(fold(alternative) in text for alternative in group), (question["question_id"], group)


def test_catalogue_questions_name_catalogue_documents():
    catalogue = json.loads((ROOT / "corpus" / "catalogue.json").read_text(encoding="utf-8"))
    known = {number_key(d["number"]) for d in catalogue["documents"]}
    for q in ALL:
        if q["expect_source"] == "catalogue":
            assert q["relevant_documents"] and all(number_key(d) in known for d in q["relevant_documents"])
