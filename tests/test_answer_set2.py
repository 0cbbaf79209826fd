"""The outside-written answer sets (bench/answers/heldout2.json, dev2.json): loadable by `vnlex eval`, schema,
coverage, and every gold article and expected string present in a freshly parsed corpus."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from ingest.numbers import number_key
from search_api.answer_eval import fold
from search_api.evaluation import load_json
from tests.test_answer_set import (
    CLAUSE,
    CORPUS,
    INTENTS,
    SET_DIR,
    VARIANTS,
    WHO,
    assert_gold_clause_holds_the_expected_strings,
)

FILES = {"heldout2": "H2", "dev2": "D2"}
SETS = {name: load_json(SET_DIR / f"{name}.json") for name in FILES if (SET_DIR / f"{name}.json").is_file()}
ALL = [q for questions in SETS.values() for q in questions]
CATALOGUE = {
    number_key(d["number"])
    for d in json.loads((SET_DIR.parents[1] / "corpus" / "catalogue.json").read_text(encoding="utf-8"))["documents"]
}
GROUPS = ("foreigner", "child_under_16", "child_under_18", "accompanying_minor", "stateless", "being_identified")


@pytest.mark.parametrize("name", sorted(SETS))
def test_ids_schema_and_coverage(name):
    questions = SETS[name]
    prefix = FILES[name]
    assert [q["question_id"] for q in questions] == [f"{prefix}-{i:03d}" for i in range(1, len(questions) + 1)]
    assert len({fold(q["text"]) for q in questions}) == len(questions)
    for q in questions:
        qid = q["question_id"]
        assert q["intent"] in INTENTS and q["kind"] == q["intent"], qid
        assert q["variant"] in VARIANTS and (q.get("who") is None or q["who"] in WHO), qid
        assert q["expect_source"] in ("corpus", "catalogue") and isinstance(q["answerable"], bool) and q["note"], qid
        for gold in q["relevant_articles"]:
            assert number_key(gold["law_id"]) in {number_key(d) for d in q["relevant_documents"]}, qid
        if q["answerable"] and q["expect_source"] == "corpus":
            assert q["expect"] and all(q["expect"]) and CLAUSE.match(q["expect_clause"] or ""), qid
        elif q["answerable"]:
            # Catalogue facts (dates, replacements) may come from the answer's summary or notices, not a clause.
            assert (
                q["expect"] and q["relevant_documents"] and set(map(number_key, q["relevant_documents"])) & CATALOGUE
            ), qid
        else:
            assert q["lacking"] and not q["expect"] and not q["relevant_articles"], qid
    assert {q["intent"] for q in questions} == INTENTS
    assert 3 * sum(q["variant"] != "plain" for q in questions) >= len(questions)
    assert 3 <= sum(not q["answerable"] for q in questions) <= 6
    groups = Counter(q.get("who") for q in questions)
    assert all(groups[who] >= 2 for who in GROUPS), groups


def test_new_sets_do_not_repeat_the_team_sets():
    seen = {fold(q["text"]) for name in ("dev", "heldout") for q in load_json(SET_DIR / f"{name}.json")}
    assert not [q["question_id"] for q in ALL if fold(q["text"]) in seen]
    assert len({fold(q["text"]) for q in ALL}) == len(ALL)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize(
    "question", [q for q in ALL if q["answerable"] and q["expect_source"] == "corpus"], ids=lambda q: q["question_id"]
)
def test_gold_articles_exist_and_expected_strings_are_verbatim(question):
    assert_gold_clause_holds_the_expected_strings(question)


def test_sets_are_in_the_eval_file_format():
    # `vnlex eval --questions` reads these files with load_json; retrieval scoring needs gold articles.
    for name in SETS:
        assert isinstance(load_json(Path(SET_DIR / f"{name}.json")), list)
    assert all(q["relevant_articles"] for q in ALL if q["answerable"] and q["expect_source"] == "corpus")
