"""The query texts of the load benches (bench/load.py and the benches measuring its requests).

Distinct, real questions in the forms users type: the domain dev set and the ALQAC questions,
each with and without diacritics and also cut to its first KEYWORD_WORDS words (as users type
keywords); and warm-up texts that are never among the measured ones.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.textnorm import fold  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"
KEYWORD_WORDS = 8


def query_texts() -> tuple[list[str], list[str]]:
    """(measured texts, warm-up texts): distinct, real questions in the forms users type."""
    questions = [q["text"] for q in json.loads((BENCH / "domain" / "dev.json").read_text(encoding="utf-8"))]
    questions += [q["text"] for q in json.loads((BENCH / "alqac2023" / "train.json").read_text(encoding="utf-8"))]
    forms: list[str] = []
    for text in questions:
        keywords = " ".join(text.split()[:KEYWORD_WORDS])
        forms += [text, fold(text), keywords, fold(keywords)]
    texts = list(dict.fromkeys(t.strip() for t in forms if t.strip()))
    # Warm-up texts: article headings of the corpus, never in the measured list.
    warm = [f"Điều {n} quy định về hỗ trợ" for n in range(1, 41)]
    return texts, warm
