"""Which analysis and ranking choices bought what: ALQAC dev questions on the embedded backend
with field weights switched at query time (the index is the same for every row).

    python bench/ablation.py     # indexes ALQAC into a temporary SQLite file first (~20 s)
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import update_section  # noqa: E402
from ingest import index_contract as base  # noqa: E402
from search_api.backends import sqlite_query  # noqa: E402
from search_api.backends.sqlite import SQLiteBackend  # noqa: E402
from search_api.evaluation import evaluate  # noqa: E402
from search_api.search import SearchService  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench" / "alqac2023"
FINAL = dict(base.SEARCH_FIELDS)
ZERO = {name: 0.0 for name in FINAL}


def weights(**overrides: float) -> dict[str, float]:
    return {**ZERO, **overrides}


CONFIGS = [
    ("exact segmented words only (underthesea)", weights(head_words=3, body_words=1, doc_words=1)),
    (
        "folded syllables only (plain BM25 over syllables, no diacritics)",
        weights(head_fold=3, body_fold=1, doc_fold=0.5),
    ),
    ("folded syllables + folded bigrams", weights(head_fold=3, head_bi=9, body_fold=1, body_bi=3, doc_fold=0.5)),
    ("words and folded fields weighted alike", {**FINAL, "head_words": 3, "body_words": 1, "doc_words": 1}),
    ("final: bigrams + folded, exact words as tie-breaker", FINAL),
]


def main() -> None:
    path = Path(tempfile.gettempdir()) / "vnlex-ablation" / "alqac.sqlite"
    path.parent.mkdir(exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "search_api.cli",
            "eval",
            "--law",
            str(BENCH / "law_v1.1.json"),
            "--questions",
            str(BENCH / "train.json"),
            "--index",
            f"sqlite:///{path}",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    questions = json.loads((BENCH / "train.json").read_text(encoding="utf-8"))
    service = SearchService(SQLiteBackend(path))
    rows = []
    for label, config in CONFIGS:
        base.SEARCH_FIELDS.clear()
        base.SEARCH_FIELDS.update(config)
        plain, folded = evaluate(service, questions), evaluate(service, questions, fold_questions=True)
        rows.append((label, plain["recall@1"], plain["mrr@10"], folded["recall@1"], folded["mrr@10"]))
        print(rows[-1], flush=True)
    base.SEARCH_FIELDS.clear()
    base.SEARCH_FIELDS.update(FINAL)
    default_terms = sqlite_query.RAREST_TERMS_PER_STREAM
    for terms in (1000, default_terms):
        sqlite_query.RAREST_TERMS_PER_STREAM = terms
        plain, folded = evaluate(service, questions), evaluate(service, questions, fold_questions=True)
        label = f"final, {'all' if terms == 1000 else terms} selective terms per stream (p50 {plain['p50_ms']} ms)"
        rows.append((label, plain["recall@1"], plain["mrr@10"], folded["recall@1"], folded["mrr@10"]))
        print(rows[-1], flush=True)
    sqlite_query.RAREST_TERMS_PER_STREAM = default_terms
    table = (
        "| fields matched (SQLite FTS5, bm25 weights) | R@1 | MRR@10 | R@1 no diacritics | MRR@10 no diacritics |\n"
        "|---|---:|---:|---:|---:|\n" + "\n".join(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} |" for r in rows)
    )
    body = (
        "100 ALQAC 2023 dev questions, 2,249 articles. Reference: plain BM25 over lower-cased syllables "
        "scores R@1 0.71, MRR@10 0.81 (from the issue).\n\n" + table
    )
    update_section("Ranking ablation", body, "python bench/ablation.py")


if __name__ == "__main__":
    main()
