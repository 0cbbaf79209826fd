"""The answer's ranking, second stage: the best units by the hand-written score, reordered by a learned linear model.

The hand-written score (compose.score_candidates) adds up parts, each a rule read from a failure; twenty-six rounds
of such rules moved development questions and left unseen ones where they were, and most of what stays wrong is a
story question (sentences telling a case, then the one asking: `asking_text` set) whose right unit is ranked a few
places down. For those questions only, this stage weighs the same parts together with what the rules do not see
(where the unit's article stood in the whole question's search and in the asking sentence's, the unit's length and
kind, the text's type), with weights fitted on the development sets by bench/train_rerank.py: pairs of a unit
stating the expected fact against one that does not, among the first ten by the hand-written score. A short
question's ranking is left as written: fitted on every question, the model gained little there (+20 of 1,540
cross-validated, against +95 of 1,424 on story questions) and undid leads the tests hold (law before decree before
circular, a procedure's steps from the circular). The weights, the sets they were fitted on and their
cross-validated figure are in rerank_weights.json; without that file (or with VNLEX_RERANK=0) the ranking is the
hand-written one.
"""

from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from search_api.answering.evidence import Evidence
from search_api.answering.models import Candidate

WEIGHTS_FILE = Path(__file__).with_name("rerank_weights.json")

# the hand-written score's parts (compose.score_candidates, prescriber, transition), each a feature of its own
PART_NAMES = (
    "coverage", "asking", "provision", "group", "span", "agency", "named_text", "hierarchy", "duty", "count",
    "role", "anchor", "quoted", "title", "guidance", "procedure", "superseded", "in_force", "transition", "focus",
    "scope", "agreed", "rank", "delegation",
)  # fmt: skip
DOCUMENT_TYPES = ("Luật", "Bộ luật", "Nghị định", "Thông tư", "Thông tư liên tịch", "Nghị quyết", "Quyết định")
UNIT_KINDS = ("khoan", "diem", "dieu")
FEATURE_NAMES = (
    *PART_NAMES,
    "whole_search",  # 1 / (5 + the article's position in the whole question's search), 0 when absent
    "asking_search",  # the same in the asking sentence's own search (story questions)
    "not_in_whole_search",
    "not_in_asking_search",  # a unit the asking sentence's search did not find
    "length",  # log(1 + characters of the unit's text)
    *(f"kind_{kind}" for kind in UNIT_KINDS),
    *(f"type_{name}" for name in DOCUMENT_TYPES),
)
_RANK_OFFSET = 5  # (reciprocal-rank fusion's usual damping: positions 0 and 1 differ less than 0 and absent)


def features(candidate: Candidate, evidence: Evidence) -> list[float]:
    parts = candidate.parts
    article = (candidate.document.number, candidate.article.id)
    whole = evidence.whole_positions.get(article)
    asking = evidence.asking_positions.get(article)
    return [
        *(parts.get(name, 0.0) for name in PART_NAMES),
        0.0 if whole is None else 1 / (_RANK_OFFSET + whole),
        0.0 if asking is None else 1 / (_RANK_OFFSET + asking),
        float(whole is None),
        float(asking is None),  # (read for story questions only, whose asking sentence is searched)
        math.log1p(len(candidate.text)),
        *(float(candidate.kind == kind) for kind in UNIT_KINDS),
        *(float(candidate.document.type == name) for name in DOCUMENT_TYPES),
    ]


def blended(hand: list[float], learned: list[float], blend: float) -> list[float]:
    """The scores of units ranked best first by hand: the hand-written score blended with the model's, the model's
    put on the hand-written scale (its best set to the best hand-written score, the first of `hand`). Used by
    rerank and by bench/train_rerank.py's cross-validation, so the figure it prints is what the answers get."""
    shift = hand[0] - max(learned)
    return [(1 - blend) * h + blend * (v + shift) for h, v in zip(hand, learned, strict=True)]


def learned_score(weights: list[float], values: list[float]) -> float:
    return sum(w * x for w, x in zip(weights, values, strict=True))


@lru_cache(maxsize=1)
def load_model(path: Path = WEIGHTS_FILE) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    model = json.loads(path.read_text(encoding="utf-8"))
    if tuple(model["features"]) != FEATURE_NAMES:
        raise ValueError(f"{path.name} was fitted on other features: retrain with bench/train_rerank.py")
    return model


def rerank(evidence: Evidence, ordered: list[Candidate], model: dict[str, Any] | None = None) -> list[Candidate]:
    """A story question's first `depth` units of `ordered` (best first by the hand-written score) reordered: each
    score becomes the hand-written one blended with the model's, put on the same scale (coverage weighs 1, the
    model's best is set to the best hand-written score) so that the relative bars downstream (select, confidence)
    read them as before; the rest keep their order below."""
    model = model if model is not None else (None if os.environ.get("VNLEX_RERANK") == "0" else load_model())
    if model is None or len(ordered) < 2 or not evidence.question.asking_text:
        return ordered
    depth, weights = model["depth"], model["weights"]
    head, tail = ordered[:depth], ordered[depth:]
    learned = [learned_score(weights, features(c, evidence)) for c in head]
    # (blended with the hand-written score, not replacing it: see BLEND in bench/train_rerank.py)
    for candidate, new in zip(head, blended([c.score for c in head], learned, model["blend"]), strict=True):
        candidate.parts["rerank"] = new - candidate.score  # (the trace shows what this stage changed)
        candidate.score = new
    floor = min(c.score for c in head)
    if tail and tail[0].score > floor:
        drop = tail[0].score - floor + 1e-6
        for candidate in tail:
            candidate.parts["rerank"] = -drop
            candidate.score -= drop
    return sorted(head, key=lambda c: -c.score) + tail
