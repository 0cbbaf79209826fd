"""The answer's second ranking stage (search_api/answering/rerank.py) and its fitting (bench/train_rerank.py)."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

from ingest.model import Article, Document
from search_api.answering import rerank as r
from search_api.answering.evidence import Evidence
from search_api.answering.models import Candidate
from tests.understanding import understand

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import train_rerank  # noqa: E402  (bench/ is not a package)
from answer_clause_diagnostics import TUNING_SETS  # noqa: E402

STORY = (
    "Chị họ tôi bị bán sang Trung Quốc làm vợ, sinh một con, được biên phòng trao trả qua cửa khẩu, đang chờ công an "
    "huyện xác minh là nạn nhân. Chị về quê thì được hỗ trợ những khoản gì, ai chi?"
)


def _unit(article_id: str, number: str, text: str, score: float, kind: str = "khoan") -> Candidate:
    document = Document("66/2011/QH12", "Luật")
    article = Article(article_id.split("_")[-1], "", text, article_id)
    candidate = Candidate(document, article, f"{article_id}__khoan_{number}", kind, number, number, text, "", None, 0)
    candidate.coverage = candidate.score = score
    candidate.parts = {"coverage": score}
    return candidate


def _model(**weights: float) -> dict:
    return {"depth": 2, "blend": 1.0, "weights": [weights.get(name, 0.0) for name in r.FEATURE_NAMES]}


def test_features_read_where_the_unit_s_article_stood_in_both_searches():
    evidence = Evidence(understand(STORY))
    assert evidence.question.asking_text  # (a story question: its asking sentence is searched alone)
    unit = _unit("dieu_32", "1", "Nạn nhân được hưởng các chế độ hỗ trợ sau đây", 0.4)
    evidence.whole_positions[("66/2011/QH12", "dieu_32")] = 0
    named = dict(zip(r.FEATURE_NAMES, r.features(unit, evidence), strict=True))
    assert named["whole_search"] == pytest.approx(1 / 5)
    assert (named["asking_search"], named["not_in_asking_search"], named["not_in_whole_search"]) == (0.0, 1.0, 0.0)
    assert named["length"] == pytest.approx(math.log1p(len(unit.text)))
    assert (named["kind_khoan"], named["type_Luật"], named["coverage"]) == (1.0, 1.0, 0.4)
    evidence.asking_positions[("66/2011/QH12", "dieu_32")] = 3
    named = dict(zip(r.FEATURE_NAMES, r.features(unit, evidence), strict=True))
    assert (named["asking_search"], named["not_in_asking_search"]) == (pytest.approx(1 / 8), 0.0)


def test_the_model_reorders_the_head_only_and_keeps_the_scale_of_the_score():
    evidence = Evidence(understand(STORY))
    first, second, third = (
        _unit("dieu_1", "1", "x", 0.50),
        _unit("dieu_2", "1", "y", 0.45),
        _unit("dieu_3", "1", "z", 0.44),
    )
    evidence.asking_positions[("66/2011/QH12", "dieu_2")] = 0  # only the second is what the asking sentence finds
    evidence.asking_positions[("66/2011/QH12", "dieu_3")] = 0  # (the third too, but it is below the head of two)
    ordered = r.rerank(evidence, [first, second, third], _model(coverage=1.0, asking_search=1.0))
    assert [c.article.id for c in ordered] == ["dieu_2", "dieu_1", "dieu_3"]
    assert ordered[0].score == pytest.approx(0.50)  # the best keeps the best hand-written score
    assert ordered[2].score < ordered[1].score  # what was below the head stays below it
    for candidate in ordered:  # (the trace still adds up: score = sum of parts, the stage's change among them)
        assert candidate.score == pytest.approx(sum(candidate.parts.values()))


def test_a_short_question_keeps_the_hand_written_order():
    evidence = Evidence(understand("nạn nhân được hỗ trợ những gì?"))
    assert not evidence.question.asking_text
    first, second = _unit("dieu_1", "1", "x", 0.5), _unit("dieu_2", "1", "y", 0.45)
    evidence.asking_positions[("66/2011/QH12", "dieu_2")] = 0
    assert r.rerank(evidence, [first, second], _model(coverage=1.0, asking_search=1.0)) == [first, second]
    assert first.score == 0.5 and "rerank" not in first.parts


def test_without_a_model_the_hand_written_order_stands(monkeypatch):
    evidence = Evidence(understand(STORY))
    ordered = [_unit("dieu_1", "1", "x", 0.5), _unit("dieu_2", "1", "y", 0.4)]
    monkeypatch.setenv("VNLEX_RERANK", "0")
    assert r.rerank(evidence, list(ordered)) == ordered
    assert "rerank" not in ordered[0].parts


def test_a_weights_file_fitted_on_other_features_is_refused(tmp_path):
    path = tmp_path / "weights.json"
    path.write_text(json.dumps({"features": ["coverage"], "weights": [1.0], "depth": 10}))
    with pytest.raises(ValueError, match="retrain"):
        r.load_model.__wrapped__(path)


def test_the_shipped_weights_were_fitted_on_development_sets_only():
    model = r.load_model()
    assert model is not None and len(model["weights"]) == len(r.FEATURE_NAMES)
    development = {path.name for path in TUNING_SETS}
    assert model["fitted"]["on"] and set(model["fitted"]["on"]) <= development, "a held-out set was fitted on"
    # the coverage is the scale the rest is read on (the answer bars compare scores to each other)
    assert model["weights"][r.FEATURE_NAMES.index("coverage")] == pytest.approx(1.0)


def test_fitting_learns_which_feature_marks_the_right_unit_and_is_repeatable():
    def row(i: int, right: list[float], wrong: list[float]) -> dict:
        hand_order = sorted([(right, True), (wrong, False)], key=lambda unit: -unit[0][0])  # by the coverage
        return {"set": f"s{i % 4}", "units": hand_order}

    rows = [
        *(row(i, [0.5, 0.3], [0.4, 0.1]) for i in range(20)),  # the coverage and the signal agree
        *(row(i, [0.4, 0.4], [0.45, 0.1]) for i in range(20)),  # the signal tells what the coverage gets wrong
        *(row(i, [0.5, 0.2], [0.3, 0.2]) for i in range(20)),  # the signal says nothing: the coverage decides
    ]
    weights = train_rerank.fit(rows, 2)
    assert weights == train_rerank.fit(rows, 2)  # seeded: the same data give the same weights
    assert weights[0] == pytest.approx(1.0) and weights[1] > 0  # read on the coverage's scale
    assert train_rerank.first_right(rows, None) == 40
    assert train_rerank.first_right(rows, weights) == 60
