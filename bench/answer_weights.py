"""How far the answer scorer's hand-set weights are from the best linear reweighting of the same parts, judged on
sets the refit never saw: are misses a matter of weights, or of what the parts measure?

For each development question with a gold clause (TUNING_SETS), the forty best-scored candidates' parts
(Candidate.parts: coverage, asking, group, provision, ...) are read once; a candidate is right when it is of the gold
article. Coordinate ascent over a grid of multipliers (one per part, 1.0 = the code's weights) maximises how often the
best candidate is right on the older sets; the multipliers are then scored on the newest sets, left out.

    python bench/answer_weights.py --index sqlite:///PATH [--features F.json] [--held-out heldout19,heldout20,...]

Reads only the development sets (never a set still held out). Prints the held-out figure with the code's weights and
with the refitted ones, and the multipliers that moved.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRID = (0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
CANDIDATES = 40
_GOLD = re.compile(r"(\S+) Điều (\S+)")


def features(index: str) -> list[dict]:
    sys.path.insert(0, str(ROOT))
    from bench.answer_clause_diagnostics import TUNING_SETS
    from search_api.answering import compose
    from search_api.answering.evidence import gather
    from search_api.answers import AnswerService
    from search_api.cli import backend_for, settings_with
    from search_api.search import SearchService

    backend = backend_for(settings_with(index))
    service = AnswerService(backend, SearchService(backend))
    rows = []
    for path in TUNING_SETS:
        if not path.is_file():
            continue
        for question in json.loads(path.read_text()):
            gold = _GOLD.match(question.get("expect_clause") or "")
            if not question.get("answerable") or gold is None:
                continue
            understood = service.understand(question["text"], None)
            evidence = gather(understood, service.search, service.store, service.today)
            compose.score_candidates(evidence, service.store)
            candidates = [
                {"parts": dict(c.parts), "right": (c.document.number, c.article.number) == gold.groups()}
                for c in compose.ranked(evidence)[:CANDIDATES]
            ]
            rows.append({"id": question["question_id"], "set": path.stem, "candidates": candidates})
    return rows


def right_first(questions: list[dict], weights: dict[str, float]) -> int:
    def score(candidate: dict) -> float:
        return sum(weights.get(part, 1.0) * value for part, value in sorted(candidate["parts"].items()))

    return sum(bool(q["candidates"]) and max(q["candidates"], key=score)["right"] for q in questions)


def refit(questions: list[dict], parts: list[str], rounds: int = 3) -> dict[str, float]:
    weights = {part: 1.0 for part in parts}
    best = right_first(questions, weights)
    for _ in range(rounds):
        for part in parts:
            for value in GRID:
                kept, weights[part] = weights[part], value
                found = right_first(questions, weights)
                if found > best:
                    best = found
                else:
                    weights[part] = kept
    return weights


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--features", help="read (or write, when absent) the candidates' parts here")
    parser.add_argument("--held-out", default="heldout19,heldout20,heldout21,heldout22")
    args = parser.parse_args()
    cache = Path(args.features) if args.features else None
    if cache and cache.is_file():
        rows = json.loads(cache.read_text())
    else:
        rows = features(args.index)
        if cache:
            cache.write_text(json.dumps(rows))
    left_out = set(args.held_out.split(","))
    train = [q for q in rows if q["set"] not in left_out]
    test = [q for q in rows if q["set"] in left_out]
    parts = sorted({p for q in rows for c in q["candidates"] for p in c["parts"]})
    weights = refit(train, parts)
    same = {p: 1.0 for p in parts}
    print(f"refit on {len(train)} questions: {right_first(train, same)} -> {right_first(train, weights)} right first")
    before, after = right_first(test, same), right_first(test, weights)
    print(f"left out ({args.held_out}; {len(test)} questions): {before} -> {after}")
    print("multipliers moved:", {p: w for p, w in weights.items() if w != 1.0})


if __name__ == "__main__":
    main()
