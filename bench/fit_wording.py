"""Learn a question-to-legal-wording layer from the labelled questions, and measure it set by set.

The hand scorer credits a clause for the question's own words (compose.score_candidates,
"coverage"). Users ask in everyday words the law does not use ("được bao nhiêu tiền" for "mức
chi", "bao lâu" for "thời hạn"), so the clause that states the fact often loses to a neighbour
that repeats the question's words. This script learns, from the labelled questions, which clause
words answer which question words:

  For every question word q and clause word w (folded syllables and bigrams, as the scorer reads
  them), over the training questions whose text holds q: f = how many have a fact unit (a
  candidate clause holding every `expect` group) that holds w; c = the expected count were the
  fact unit an ordinary candidate (the share of the question's candidates holding w, summed).
  The association lift = (f + 0.5) / (c + 0.5) is kept when f >= MIN_SUPPORT, the supporting
  questions rest on at least MIN_CLAUSES different gold clauses (a pair seen only on one clause
  is that clause's wording, not the language's), and lift >= MIN_LIFT.

A candidate's "wording" part is then, over the question words it does not hold, the question
word's rarity weight times log(lift) of the best associated word it does hold, over the
question's weight mass. Measured here by leave-one-set-out: learned on the other development
sets, the fact unit is the top-scored candidate (hand score + weight * wording) how often, for
each weight. Only development sets are read.

Result (bench/RESULTS.md, answers round 6): no weight beats the hand score left out set by set, at
any of the thresholds swept (support 3/5, clauses 3/5, lift 3/6/12): not shipped.

    python bench/fit_wording.py --index sqlite:///PATH [--cache rows.pickle] [--write table.json]
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.answer_clause_diagnostics import TUNING_SETS, unit_text  # noqa: E402
from search_api.answer_eval import contains_facts  # noqa: E402
from search_api.answering import compose as c  # noqa: E402
from search_api.answering.evidence import gather  # noqa: E402
from search_api.answering.models import Candidate  # noqa: E402
from search_api.answering.terms import unit_terms  # noqa: E402

CANDIDATES = 30
WEIGHTS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4)
# Learning thresholds (bench/fit_wording.py): a pair must be seen on MIN_SUPPORT questions resting
# on MIN_CLAUSES different gold clauses, and be MIN_LIFT times likelier in the fact clause.
MIN_SUPPORT = 3
MIN_CLAUSES = 3
MIN_LIFT = 2.0


def candidate_terms(candidate: Candidate) -> frozenset[str]:
    """The words the hand scorer reads on a candidate: its text, its article's heading, its lead-in."""
    terms = unit_terms(candidate.text) | unit_terms(candidate.article.title)
    if candidate.lead_in:
        terms |= unit_terms(candidate.lead_in)
    return frozenset(terms)


class Wording:
    def __init__(self, table: Mapping[str, Mapping[str, float]]):
        self.table = {q: {w: math.log(lift) for w, lift in row.items()} for q, row in table.items()}

    def part(self, question: Iterable[str], weight: Mapping[str, float], terms: frozenset[str]) -> float:
        """Over the question's weight mass: the lacking question words bridged by words the unit holds."""
        asked = list(question)
        mass = sum(weight.get(q, 0.0) for q in asked) or 1.0
        bridged = 0.0
        for q in asked:
            row = self.table.get(q)
            if row is None or q in terms:
                continue
            best = max((value for w, value in row.items() if w in terms), default=0.0)
            bridged += weight.get(q, 0.0) * best
        return bridged / mass


def collect(service, path: Path) -> list[dict]:
    """Per answerable question with a fact unit among its first candidates: its terms and weights,
    and per candidate (hand score, terms, holds the fact)."""
    rows = []
    for question in json.loads(path.read_text(encoding="utf-8")):
        if not question.get("answerable", True) or not question.get("expect"):
            continue
        understood = service.understand(question["text"])
        evidence = gather(understood, service.search, service.store, service.today)
        c.score_candidates(evidence, service.store)
        ordered = c.ranked(evidence)[:CANDIDATES]
        candidates = [(x.score, candidate_terms(x), contains_facts(unit_text(x), question["expect"])) for x in ordered]
        if any(fact for *_, fact in candidates):
            rows.append(
                {
                    "id": question["question_id"],
                    "clause": question.get("expect_clause") or question["question_id"],
                    "terms": sorted(understood.syllables | understood.bigrams),
                    "weights": evidence.weights,
                    "candidates": candidates,
                }
            )
    return rows


def learn(rows: list[dict]) -> dict[str, dict[str, float]]:
    """question word -> {clause word: lift} from the training rows (see the module docstring)."""
    found: dict[tuple[str, str], int] = defaultdict(int)
    expected: dict[tuple[str, str], float] = defaultdict(float)
    clauses: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows:
        facts = [terms for _, terms, fact in row["candidates"] if fact]
        fact_terms = set().union(*facts)
        share: dict[str, float] = defaultdict(float)
        for _, terms, _ in row["candidates"]:
            for w in terms:
                share[w] += 1 / len(row["candidates"])
        question_terms = set(row["terms"])
        for q in question_terms:
            for w, s in share.items():
                if w in question_terms:
                    continue
                expected[q, w] += s
                if w in fact_terms:
                    found[q, w] += 1
                    clauses[q, w].add(row["clause"])
    table: dict[str, dict[str, float]] = defaultdict(dict)
    for (q, w), f in found.items():
        if f < MIN_SUPPORT or len(clauses[q, w]) < MIN_CLAUSES:
            continue
        lift = (f + 0.5) / (expected[q, w] + 0.5)
        if lift >= MIN_LIFT:
            table[q][w] = round(lift, 3)
    return dict(table)


def top1(rows: list[dict], table: dict, weight: float) -> int:
    hits = 0
    for row in rows:
        layer = Wording(table)
        best = max(
            row["candidates"],
            key=lambda x: x[0] + weight * layer.part(row["terms"], row["weights"], x[1]),
        )
        hits += best[2]
    return hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--write", type=Path, help="write the table learned on every development set here (JSON)")
    parser.add_argument("--cache", type=Path, help="keep the collected candidates here (pickle) between runs")
    args = parser.parse_args()
    if args.cache and args.cache.is_file():
        report(pickle.loads(args.cache.read_bytes()), args.write)
        return

    from search_api.answers import AnswerService
    from search_api.cli import backend_for, settings_with
    from search_api.search import SearchService

    backend = backend_for(settings_with(args.index))
    service = AnswerService(backend, SearchService(backend))
    sets = {("domain/" if "domain" in str(path) else "") + path.name: collect(service, path) for path in TUNING_SETS}
    if args.cache:
        args.cache.write_bytes(pickle.dumps(sets))
    report(sets, args.write)


def report(sets: dict[str, list[dict]], write: Path | None) -> None:
    print("weight:", "  ".join(f"{w:>5}" for w in WEIGHTS))
    totals = [0] * len(WEIGHTS)
    for held, rows in sets.items():
        table = learn([r for name, rs in sets.items() if name != held for r in rs])
        counts = [top1(rows, table, w) for w in WEIGHTS]
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        print(f"{held:>16} ({len(rows)}): " + "  ".join(f"{n:>5}" for n in counts))
    print(f"{'all, left out':>21}: " + "  ".join(f"{n:>5}" for n in totals))
    table = learn([r for rs in sets.values() for r in rs])
    print(f"learned on every set: {len(table)} question words, {sum(map(len, table.values()))} pairs")
    if write:
        write.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
