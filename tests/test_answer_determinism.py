"""The same question gets the same scores in every process: a set's iteration order follows the process's string
hashes (PYTHONHASHSEED), and float sums taken in that order differed in their last bits between two runs of the same
code, enough to flip a near-tie (a confidence level moved between two runs of bench/answer_cost.py in session 22)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = [
    "Nạn nhân bị mua bán được hỗ trợ tiền ăn bao nhiêu một ngày, tối đa mấy ngày?",
    "chau gai 15 tuoi bi ban sang trung quoc, ke ban bi phat tu bao nhieu nam",
    "Người nước ngoài bị mua bán tại Việt Nam được hưởng những chế độ hỗ trợ nào?",
]
_SCORES = """
import sys
from search_api.answers import AnswerService
from search_api.answering.evidence import gather
from search_api.backends import open_backend
from search_api.search import SearchService

backend = open_backend(sys.argv[1])
service = AnswerService(backend, SearchService(backend))
pipeline = service
for text in sys.argv[2:]:
    question = pipeline.understand(text, None)
    evidence = gather(question, pipeline.search, pipeline.store, pipeline.today)
    pipeline._compose(evidence, 0.38)
    print(text, [(c.key, repr(c.score), repr(c.coverage)) for c in evidence.candidates])
"""


def _scores(index: str, seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, "-c", _SCORES, index, *QUESTIONS], env=env, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


def test_scores_do_not_depend_on_the_processs_string_hashes(answer_index):
    if not answer_index.startswith("sqlite"):
        pytest.skip("one backend suffices: the sums are the answer layer's, the same on both")
    first, second = _scores(answer_index, "1"), _scores(answer_index, "2")
    assert first.count("\n") == len(QUESTIONS)
    assert first == second
