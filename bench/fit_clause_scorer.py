"""Fit a linear clause scorer over the ranking signals, and compare it with the hand weights.

For every answerable question of the tuning sets with a "fact unit" among its candidates (a unit
holding every `expect` group, see bench/answer_clause_diagnostics.py), each fact unit is paired with
each other candidate among the NEGATIVES best by the hand score; a pairwise logistic regression
(no intercept, L2, plain gradient descent: deterministic, no dependency) learns weights on the
feature differences. Features: the hand score's components (candidate.parts) and the further
signals (candidate.features).

Reported per set: how often a fact unit is the top-scored candidate, under the hand score and
under the fitted weights, fitted on the other sets (leave-one-set-out) and on dev + domain dev
(checked on dev2). Validation and held-out sets are never read here.

    python bench/fit_clause_scorer.py [--index sqlite:///PATH] [--write PATH]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.answer_clause_diagnostics import TUNING_SETS, unit_text  # noqa: E402
from search_api.answer_eval import contains_facts  # noqa: E402
from search_api.answering import compose as c  # noqa: E402
from search_api.answering.evidence import gather  # noqa: E402
from search_api.answering.groups import GROUP_IN_TEXT  # noqa: E402
from search_api.answering.terms import unit_terms  # noqa: E402

NEGATIVES = 30
L2 = 0.1  # (0.01 and 0.1 measured; 1.0 diverges at this rate)
STEPS = 400
RATE = 2.0
FEATURES = ("own_text", "lead_in", "doc_title", "group_context", "is_point", "is_law", "is_decree")  # see signals()


def _share(terms: frozenset[str], weight: dict[str, float], wanted) -> float:
    return sum(weight.get(t, 0.0) for t in wanted if t in terms) / (sum(weight.get(t, 0.0) for t in wanted) or 1.0)


def signals(x, evidence) -> dict[str, float]:
    """Signals the hand score does not use, offered to the fit: the unit's own words apart from its
    article heading, its lead-in, its document's title, the group named in its context, its kind
    and the rank of its text."""
    question, weight = evidence.question, evidence.weights
    wanted = question.syllables | question.bigrams
    context = " ".join((c.folded(x.lead_in), c.folded(x.article.title)))
    return {
        "own_text": _share(unit_terms(x.text), weight, wanted),
        "lead_in": _share(unit_terms(x.lead_in), weight, wanted) if x.lead_in else 0.0,
        "doc_title": _share(unit_terms(x.document.title or ""), weight, wanted),
        "group_context": float(any(GROUP_IN_TEXT[g].search(context) for g in question.who if g in GROUP_IN_TEXT)),
        "is_point": float(x.kind == "diem"),
        "is_law": float(x.document.type in ("Luật", "Bộ luật")),
        "is_decree": float(x.document.type == "Nghị định"),
    }


def collect(service, path: Path) -> list[list[tuple[dict[str, float], bool]]]:
    """Per question: (features, holds the fact) of the top candidates by hand score."""
    groups = []
    for question in json.loads(path.read_text()):
        if not question.get("answerable", True) or not question.get("expect"):
            continue
        understood = service.understand(question["text"])
        evidence = gather(understood, service.search, service.store, service.today)
        c.score_candidates(evidence, service.store)
        ordered = c.ranked(evidence)[:NEGATIVES]
        labelled = [
            ({**x.parts, **signals(x, evidence)}, contains_facts(unit_text(x), question["expect"])) for x in ordered
        ]
        if any(fact for _, fact in labelled):
            groups.append(labelled)
    return groups


def fit(groups: list, names: list[str], prior: dict[str, float]) -> dict[str, float]:
    pairs = []
    for group in groups:
        positives = [f for f, fact in group if fact]
        negatives = [f for f, fact in group if not fact]
        for p in positives[:2]:
            for n in negatives:
                pairs.append([p.get(k, 0.0) - n.get(k, 0.0) for k in names])
    # Regularised toward the hand weights (1 for each component of the hand score, 0 for the rest):
    # the fit corrects the hand score rather than replacing it.
    w0 = [prior.get(k, 0.0) for k in names]
    w = list(w0)
    for _ in range(STEPS):
        grad = [L2 * (x - x0) for x, x0 in zip(w, w0, strict=True)]
        for d in pairs:
            z = sum(a * b for a, b in zip(w, d, strict=True))
            g = -1.0 / (1.0 + math.exp(min(z, 30.0))) / len(pairs)
            for i, x in enumerate(d):
                grad[i] += g * x
        w = [a - RATE * b for a, b in zip(w, grad, strict=True)]
    return dict(zip(names, w, strict=True))


def top1(groups: list, weights: dict[str, float] | None) -> int:
    hits = 0
    for group in groups:
        if weights is None:
            best = group[0]  # already in hand-score order
        else:
            best = max(group, key=lambda item: sum(weights.get(k, 0.0) * v for k, v in item[0].items()))
        hits += best[1]
    return hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", default="sqlite:////tmp/vnlex-diag/idx.sqlite")
    parser.add_argument("--write", type=Path, help="write the weights fitted on dev + domain dev here")
    args = parser.parse_args()

    from search_api.answers import AnswerService
    from search_api.cli import backend_for, settings_with
    from search_api.search import SearchService

    backend = backend_for(settings_with(args.index))
    service = AnswerService(backend, SearchService(backend))
    sets = {path.parent.name + "/" + path.name: collect(service, path) for path in TUNING_SETS if path.is_file()}
    names = sorted({k for groups in sets.values() for group in groups for f, _ in group for k in f})
    print(f"features: {names}")
    parts = {k for groups in sets.values() for group in groups for f, _ in group for k in f if k not in FEATURES}
    prior = {k: 1.0 for k in parts}
    for held, groups in sets.items():
        others = [g for name, gs in sets.items() if name != held for g in gs]
        weights = fit(others, names, prior)
        print(
            f"{held}: {len(groups)} questions with a fact unit; fact unit top-scored: hand {top1(groups, None)}, "
            f"fitted on the other sets {top1(groups, weights)}"
        )
    train = [g for name, gs in sets.items() if "dev2" not in name for g in gs]
    weights = fit(train, names, prior)
    print("weights fitted on dev + domain dev:", json.dumps({k: round(v, 3) for k, v in weights.items()}))
    if args.write:
        args.write.write_text(json.dumps({k: round(v, 4) for k, v in weights.items()}, indent=1) + "\n")


if __name__ == "__main__":
    main()
