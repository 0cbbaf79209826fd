"""The outside-written answer sets bench/answers/heldout3.json … heldout14.json: loadable by
`vnlex eval`, schema, coverage, no repeat of any earlier set, and every gold article and expected string present in a
freshly parsed corpus.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter

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

TEAM_AND_OUTSIDE = [SET_DIR / f"{name}.json" for name in ("dev", "heldout", "dev2", "heldout2")]
TEAM_AND_OUTSIDE.append(SET_DIR.parents[2] / "shared" / "bench" / "domain" / "dev.json")
# Each outside set: its id prefix and the sets written before it (which it must not repeat).
SETS = {
    "heldout3": ("H3", TEAM_AND_OUTSIDE),
    "heldout4": ("H4", [*TEAM_AND_OUTSIDE, SET_DIR / "heldout3.json"]),
    "heldout5": ("H5", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in (3, 4))]),
    "heldout6": ("H6", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in (3, 4, 5))]),
    "heldout7": ("H7", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in (3, 4, 5, 6))]),
    "heldout8": ("H8", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in (3, 4, 5, 6, 7))]),
    "heldout9": ("H9", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in (3, 4, 5, 6, 7, 8))]),
    "heldout10": ("H10", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in (3, 4, 5, 6, 7, 8, 9))]),
    "heldout11": ("H11", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in (3, 4, 5, 6, 7, 8, 9, 10))]),
    "heldout12": ("H12", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in (3, 4, 5, 6, 7, 8, 9, 10, 11))]),
    "heldout13": ("H13", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 13))]),
    "heldout14": ("H14", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 14))]),
    "heldout15": ("H15", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 15))]),
    "heldout16": ("H16", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 16))]),
    "heldout17": ("H17", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 17))]),
    "heldout18": ("H18", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 18))]),
    "heldout19": ("H19", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 19))]),
    "heldout20": ("H20", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 20))]),
    "heldout21": ("H21", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 21))]),
    "heldout22": ("H22", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 22))]),
    "heldout23": ("H23", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 23))]),
    "heldout24": ("H24", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 24))]),
    "heldout25": ("H25", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 25))]),
    "heldout26": ("H26", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 26))]),
    "heldout27": ("H27", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 27))]),
    "heldout28": ("H28", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 28))]),
    "heldout29": ("H29", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 29))]),
    "heldout30": ("H30", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 30))]),
    "heldout31": ("H31", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 31))]),
    "heldout32": ("H32", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 32))]),
    "heldout33": ("H33", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 33))]),
    "heldout34": ("H34", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 34))]),
    "heldout35": ("H35", [*TEAM_AND_OUTSIDE, *(SET_DIR / f"heldout{n}.json" for n in range(3, 35))]),
}
QUESTIONS = {name: load_json(SET_DIR / f"{name}.json") if (SET_DIR / f"{name}.json").is_file() else [] for name in SETS}
CATALOGUE = {
    number_key(d["number"])
    for d in json.loads((SET_DIR.parents[1] / "corpus" / "catalogue.json").read_text(encoding="utf-8"))["documents"]
}
GROUPS = ("foreigner", "child_under_16", "child_under_18", "accompanying_minor", "stateless", "being_identified")


def present(name: str):
    return pytest.param(
        name, marks=pytest.mark.skipif(not QUESTIONS[name], reason=f"bench/answers/{name}.json not present")
    )


ALL_SETS = [present(name) for name in SETS]


@pytest.mark.parametrize("name", ALL_SETS)
def test_ids_schema_and_coverage(name):
    questions, prefix = QUESTIONS[name], SETS[name][0]
    assert [q["question_id"] for q in questions] == [f"{prefix}-{i:03d}" for i in range(1, 61)]
    for q in questions:
        qid = q["question_id"]
        assert q["intent"] in INTENTS and q["kind"] == q["intent"], qid
        assert q["variant"] in VARIANTS and (q.get("who") is None or q["who"] in WHO), qid
        assert q["expect_source"] in ("corpus", "catalogue") and isinstance(q["answerable"], bool) and q["note"], qid
        assert q["text"] == unicodedata.normalize("NFC", q["text"]), qid
        for gold in q["relevant_articles"]:
            assert number_key(gold["law_id"]) in {number_key(d) for d in q["relevant_documents"]}, qid
        if q["answerable"] and q["expect_source"] == "corpus":
            assert q["expect"] and all(q["expect"]) and CLAUSE.match(q["expect_clause"] or ""), qid
            assert q["relevant_articles"], qid
        elif q["answerable"]:
            assert q["expect"] and set(map(number_key, q["relevant_documents"])) & CATALOGUE, qid
        else:
            assert q["lacking"] and not q["expect"] and not q["relevant_articles"], qid
    intents = Counter(q["intent"] for q in questions)
    assert set(intents) == INTENTS and min(intents.values()) >= 4, intents
    assert 3 * sum(q["variant"] != "plain" for q in questions) >= len(questions)
    assert 4 <= sum(not q["answerable"] for q in questions) <= 6
    assert sum(q["expect_source"] == "catalogue" for q in questions) >= 2
    groups = Counter(q.get("who") for q in questions)
    assert all(groups[who] >= 2 for who in GROUPS), groups


@pytest.mark.parametrize("name", ALL_SETS)
def test_no_diacritics_questions_are_typed_without_diacritics(name):
    for q in QUESTIONS[name]:
        if q["variant"] == "no_diacritics":
            decomposed = unicodedata.normalize("NFD", q["text"])
            assert "đ" not in q["text"].lower(), q["question_id"]
            assert not any(unicodedata.category(c) == "Mn" for c in decomposed), q["question_id"]


@pytest.mark.parametrize("name", ALL_SETS)
def test_no_question_repeats_an_earlier_set(name):
    questions, earlier = QUESTIONS[name], SETS[name][1]
    seen = {fold(q["text"]) for path in earlier if path.is_file() for q in json.loads(path.read_text(encoding="utf-8"))}
    assert not [q["question_id"] for q in questions if fold(q["text"]) in seen]
    assert len({fold(q["text"]) for q in questions}) == len(questions)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize(
    "question",
    [q for name in SETS for q in QUESTIONS[name] if q["answerable"] and q["expect_source"] == "corpus"],
    ids=lambda q: q["question_id"],
)
def test_gold_articles_exist_and_expected_strings_are_verbatim(question):
    assert_gold_clause_holds_the_expected_strings(question)
