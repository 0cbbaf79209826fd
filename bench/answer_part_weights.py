"""Are the hand-set weights of the answer scores (candidate.parts) right? Fit one multiplier per part and check it
on sets it was not fitted on.

The compose stage ranks candidate units by the sum of their parts (coverage, asking, provision, group, title, ...),
each a constant chosen one change at a time. This script asks whether other multipliers would put a unit that
states the expected fact first more often, and whether that gain survives on sets the fit never saw:

  extract  runs the answer pipeline on every answerable question of the development sets (TUNING_SETS) and writes,
           for the questions answered in "ranked" mode, each of the best 40 candidates' parts and whether the unit
           holds every `expect` group;
  fit      coordinate search over one multiplier per part (grid below), maximising the questions whose best
           re-weighted unit holds the fact; reported in sample and leave-one-set-out (fitted on the other sets,
           counted on the one left out), beside the hand-set weights (all multipliers 1) on the same questions.

Never run it on the held-out sets: it reads per-question results.

    python bench/answer_part_weights.py extract --index sqlite:///PATH --out /tmp/parts.json
    python bench/answer_part_weights.py fit --features /tmp/parts.json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.answer_clause_diagnostics import TUNING_SETS, unit_text  # noqa: E402
from search_api.answer_eval import contains_facts  # noqa: E402
from search_api.answering import compose as c  # noqa: E402
from search_api.answering.check import answer_threshold  # noqa: E402
from search_api.answering.evidence import gather  # noqa: E402

POOL = 40
GRID = (0.0, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
PASSES = 3


def extract(index: str, out: Path) -> None:
    from search_api.answers import AnswerService
    from search_api.cli import backend_for, settings_with
    from search_api.search import SearchService

    settings = settings_with(index)
    backend = backend_for(settings)
    service = AnswerService(backend, SearchService(backend))
    rows = []
    for path in TUNING_SETS:
        for question in json.loads(path.read_text()):
            expect = question.get("expect") or []
            if not question.get("answerable", True) or not expect or question.get("expect_source") == "catalogue":
                continue
            understood = service.understand(question["text"])
            evidence = gather(understood, service.search, service.store, service.today)
            snapshot = service.store.snapshot()
            threshold = answer_threshold(understood, snapshot.frequency, max(snapshot.unit_count, 1))
            composition = service._compose(evidence, threshold)  # scores the candidates, as ask() does
            if composition.mode != "ranked":
                continue
            ordered = c.ranked(evidence)[:POOL]
            rows.append(
                {
                    "set": path.stem,
                    "id": question["question_id"],
                    "units": [{"parts": dict(x.parts), "fact": contains_facts(unit_text(x), expect)} for x in ordered],
                }
            )
    out.write_text(json.dumps(rows, ensure_ascii=False))
    print(f"{len(rows)} questions in ranked mode written to {out}")


def _solved(rows: list[dict], weights: dict[str, float]) -> int:
    solved = 0
    for row in rows:
        best = max(row["units"], key=lambda u: sum(weights.get(k, 1.0) * v for k, v in u["parts"].items()))
        solved += best["fact"]
    return solved


def _fit(rows: list[dict], names: list[str]) -> dict[str, float]:
    weights = dict.fromkeys(names, 1.0)
    best = _solved(rows, weights)
    for _ in range(PASSES):
        improved = False
        for name in names:
            for value in GRID:
                trial = {**weights, name: value}
                solved = _solved(rows, trial)
                # (ties keep the hand-set value: a change must buy a question)
                if solved > best:
                    best, weights, improved = solved, trial, True
        if not improved:
            break
    return weights


def fit(features: Path) -> None:
    rows = [r for r in json.loads(features.read_text()) if any(u["fact"] for u in r["units"])]
    names = sorted({k for r in rows for u in r["units"] for k in u["parts"] if k != "coverage"})
    hand = _solved(rows, {})
    fitted = _fit(rows, names)
    print(f"{len(rows)} ranked-mode questions with a fact unit among the best {POOL} candidates")
    print(f"in sample: hand-set weights {hand}, fitted {_solved(rows, fitted)}")
    print("fitted multipliers (1 = as now):", {k: v for k, v in fitted.items() if v != 1.0})
    sets = sorted({r["set"] for r in rows})
    hand_out = fitted_out = 0
    for name in sets:
        train = [r for r in rows if r["set"] != name]
        test = [r for r in rows if r["set"] == name]
        weights = _fit(train, names)
        hand_test, fitted_test = _solved(test, {}), _solved(test, weights)
        hand_out, fitted_out = hand_out + hand_test, fitted_out + fitted_test
        print(f"  left out {name}: {len(test)} questions, hand-set {hand_test}, fitted {fitted_test}")
    print(f"leave-one-set-out: hand-set weights {hand_out}, fitted {fitted_out} of {len(rows)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("extract")
    one.add_argument("--index", required=True)
    one.add_argument("--out", type=Path, required=True)
    two = sub.add_parser("fit")
    two.add_argument("--features", type=Path, required=True)
    args = parser.parse_args()
    if args.command == "extract":
        extract(args.index, args.out)
    else:
        fit(args.features)


if __name__ == "__main__":
    main()
