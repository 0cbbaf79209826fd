"""Retrieval quality on both backends, side by side: ALQAC 2023 dev and the domain dev set.

Runs `vnlex eval` (the same search path as the API) for each backend and writes a table to
bench/RESULTS.md. The domain set is scored against the ingested corpus (ingested first if needed).

    python bench/evaluate.py [--es http://127.0.0.1:9200]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import update_section  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"
METRICS = ("recall@1", "recall@5", "recall@10", "mrr@10", "f2@1")


def vnlex(*args: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "search_api.cli", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--es", default="http://127.0.0.1:9200", help="Elasticsearch URL ('' to skip)")
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "vnlex-eval"
    folder.mkdir(exist_ok=True)
    backends = [("SQLite FTS5", f"sqlite:///{folder}/alqac.sqlite", f"sqlite:///{folder}/corpus.sqlite")]
    if args.es:
        # ALQAC goes to its own indexes (URL path = index prefix), apart from the corpus.
        backends.append(("Elasticsearch", args.es.rstrip("/") + "/alqac", args.es))
    rows, answer_rows = [], []
    for name, alqac_index, corpus_index in backends:
        alqac = json.loads(
            vnlex(
                "eval",
                "--law",
                str(BENCH / "alqac2023" / "law_v1.1.json"),
                "--questions",
                str(BENCH / "alqac2023" / "train.json"),
                "--index",
                alqac_index,
                "--json",
            )
        )
        vnlex("ingest", "--index", corpus_index, "--json")
        domain = json.loads(
            vnlex(
                "eval",
                "--questions",
                str(BENCH / "domain" / "dev.json"),
                "--index",
                corpus_index,
                "--answers",
                "--json",
            )
        )
        answers = domain["answers"]
        answer_rows.append(
            (
                name,
                answers["questions"],
                answers["answered"],
                answers["citation_precision"],
                answers["citation_recall"],
                answers["gold_cited_rate"],
            )
        )
        for set_name, report in (("ALQAC 2023 dev (100 q)", alqac), ("domain dev (15 q)", domain)):
            for variant in ("with_diacritics", "without_diacritics"):
                scores = report[variant]
                rows.append((set_name, name, variant.replace("_", " "), *(scores[m] for m in METRICS)))
    table = (
        "| set | backend | questions typed | R@1 | R@5 | R@10 | MRR@10 | F2@1 |\n"
        "|---|---|---|---:|---:|---:|---:|---:|\n"
    )
    table += "\n".join("| " + " | ".join(str(c) for c in row) + " |" for row in rows)
    table += (
        "\n\nAnswer level (`/api/ask` on the domain dev set; cited = articles of the quoted clauses):\n\n"
        "| backend | questions | answered | citation precision | citation recall | gold article cited |\n"
        "|---|---:|---:|---:|---:|---:|\n" + "\n".join("| " + " | ".join(str(c) for c in r) + " |" for r in answer_rows)
    )
    print(table)
    update_section("Retrieval quality", table, "python bench/evaluate.py " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
