"""bench/answer_round.py: a round's aggregates and the development questions that moved; a set not accepted as
development is refused per question (its failures are not read before it is accepted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.answer_round import aggregates, development_files, diff

ROOT = Path(__file__).resolve().parents[1]


def _row(qid: str, fact: bool | None, quote: str | None, answerable: bool = True, declined: bool = False) -> dict:
    return {
        "question_id": qid,
        "answerable": answerable,
        "fact_first": fact,
        "first_quote": quote,
        "answered": not declined,
        "gold_quoted": bool(fact),
        "false_decline": answerable and declined,
        "correct_decline": (not answerable) and declined,
    }


def test_aggregates_count_what_the_round_table_reports():
    rows = [
        _row("A-1", True, "Điều 1"),
        _row("A-2", False, "Điều 2"),
        _row("A-3", False, None, declined=True),
        _row("A-4", None, None, answerable=False, declined=True),
    ]
    assert aggregates(rows) == {
        "answerable": 3,
        "fact_first": 1,
        "gold_quoted": 1,
        "false_declines": 1,
        "unanswerable": 1,
        "correct_declines": 1,
    }


def test_only_the_questions_that_moved_are_listed():
    start = [_row("A-1", False, "Điều 2"), _row("A-2", True, "Điều 1")]
    end = [_row("A-1", True, "Điều 1"), _row("A-2", True, "Điều 1")]
    moved = diff(start, end)
    assert len(moved) == 1 and moved[0].startswith("A-1: fact first False → True, Điều 2 → Điều 1")


def test_a_development_set_is_refused_as_held_out_and_the_unseen_one_is_not_development():
    files = {Path(f).name for f in development_files()}
    # the newest outside set is the unseen one: never a development set
    newest = max((ROOT / "bench" / "answers").glob("heldout*.json"), key=lambda p: int(p.stem[7:] or 0))
    assert "dev.json" in files and newest.name not in files
    refused = subprocess.run(
        [
            sys.executable,
            "bench/answer_round.py",
            "held-out",
            "--index",
            "sqlite:///unused",
            "--set",
            "bench/answers/dev.json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert refused.returncode != 0 and "is a development set" in refused.stderr
