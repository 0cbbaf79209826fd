"""Is the answer's confidence level (search_api/answering/confidence.py) calibrated? For each level, how often the
first quote states the expected fact.

Runs the answer pipeline in process on answerable questions with expected facts and counts, per confidence level,
the answers and those whose first quote holds every `expect` group (the fact-first criterion of
bench/answer_round.py). It prints one aggregate table, per level, whatever the sets: the development sets by
default (where the thresholds were read), a held-out set with --set.

    python bench/answer_confidence.py --index sqlite:///PATH [--set bench/answers/heldout21.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.answer_clause_diagnostics import TUNING_SETS  # noqa: E402
from search_api.answer_eval import score_response  # noqa: E402


def calibration(service, questions: list[dict], today) -> dict[str, list[int]]:
    """{level: [answers, fact first]} over the answered questions."""
    table: dict[str, list[int]] = {}
    for question in questions:
        response = service.ask(question["text"])
        if not response.get("answered"):
            continue
        level = (response.get("confidence") or {}).get("level", "none")
        scored = score_response(question, response, today=today)
        row = table.setdefault(level, [0, 0])
        row[0] += 1
        row[1] += bool(scored["fact_first"])
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--set", type=Path, action="append", help="a set to count (default: the development sets)")
    args = parser.parse_args()

    from search_api.answers import AnswerService
    from search_api.cli import backend_for, settings_with
    from search_api.search import SearchService

    settings = settings_with(args.index)
    backend = backend_for(settings)
    service = AnswerService(backend, SearchService(backend))
    paths = args.set or TUNING_SETS
    questions = [
        q
        for path in paths
        for q in json.loads(Path(path).read_text())
        if q.get("answerable", True) and q.get("expect") and q.get("expect_source") != "catalogue"
    ]
    table = calibration(service, questions, settings.effective_today())
    total = Counter()
    print(f"{len(questions)} answerable questions with expected facts ({', '.join(Path(p).stem for p in paths)})")
    print("| confidence | answers | fact first | share |")
    print("|---|---:|---:|---:|")
    for level in ("high", "medium", "low", "none"):
        if level in table:
            answers, right = table[level]
            total.update(answers=answers, right=right)
            print(f"| {level} | {answers} | {right} | {right / answers:.2f} |")
    print(f"| all answered | {total['answers']} | {total['right']} | {total['right'] / max(total['answers'], 1):.2f} |")


if __name__ == "__main__":
    main()
