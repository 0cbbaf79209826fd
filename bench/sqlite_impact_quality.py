"""Ranking quality of the embedded backend's impact-ordered plan against the full FTS5 plan.

On existing indexes (the ALQAC laws at 1x, the scale collections of bench/scale_data.py, which
hold the ALQAC laws and the real corpus), the same questions are ranked by the FTS5 plan
(bm25 over every match) and by the impact plan at several postings-per-term N and rescored
depths; reports R@1/MRR@10 (ALQAC dev questions, with and without diacritics) and how often the
top 10 is the same list as the FTS5 plan's. Dev sets only.

    python bench/sqlite_impact_quality.py --index sqlite:////tmp/scale-wt/scale10.sqlite --per-term 300 1000
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from search_api.backends import open_backend  # noqa: E402
from search_api.evaluation import evaluate, load_json  # noqa: E402
from search_api.search import SearchService  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"
QUESTION_SETS = {
    "ALQAC dev": BENCH / "alqac2023" / "train.json",
    "domain dev": BENCH / "domain" / "dev.json",
}


def top10(service, questions, fold_questions=False) -> list[list[str]]:
    from ingest.textnorm import fold

    out = []
    for q in questions:
        text = fold(q["text"]) if fold_questions else q["text"]
        out.append([h["article_id"] + "@" + h["doc_number"] for h in service.search(text, size=10)["hits"]])
    return out


def run(index: str, per_terms: list[int], rescores: list[int], sets: list[str]) -> list[dict]:
    backend = open_backend(index)
    service = SearchService(backend)
    rows = []
    for set_name in sets:
        questions = [q for q in load_json(QUESTION_SETS[set_name]) if q.get("relevant_articles")]
        backend.plan = "fts"
        reference = {f: top10(service, questions, f) for f in (False, True)}
        configs = [("fts", None, None)] + [("impact", n, r) for n in per_terms for r in rescores]
        for plan, per_term, rescore in configs:
            backend.plan = plan
            if per_term:
                backend.per_term, backend.rescore = per_term, rescore
            backend.exact_below = 0  # the impact plan on every query, not only above the FTS5 budget
            for folded in (False, True):
                scores = evaluate(service, questions, fold_questions=folded)
                same = sum(a == b for a, b in zip(reference[folded], top10(service, questions, folded), strict=True))
                row = {
                    "index": index,
                    "set": set_name,
                    "plan": plan,
                    "per_term": per_term,
                    "rescore": rescore,
                    "diacritics": not folded,
                    "r1": scores["recall@1"],
                    "mrr10": scores["mrr@10"],
                    "r10": scores["recall@10"],
                    "same_top10": round(same / len(questions), 3),
                    "p50_ms": scores["p50_ms"],
                }
                print(json.dumps(row), flush=True)
                rows.append(row)
    return rows


def report(rows: list[dict]) -> str:
    """One table of every run kept in the JSON lines file (newest row of each configuration wins)."""
    latest = {}
    for row in rows:
        key = (row["index"], row["set"], row["plan"], row["per_term"], row["rescore"], row["diacritics"])
        latest[key] = row
    lines = [
        "| index | articles | set | plan | N per term | rescored | typed | R@1 | R@10 | MRR@10 | same top 10 as FTS5 |",
        "|---|---:|---|---|---:|---:|---|---:|---:|---:|---:|",
    ]
    for row in latest.values():
        name = row["index"].rsplit("/", 1)[-1]
        lines.append(
            f"| {name} | {row.get('articles', '')} | {row['set']} | {row['plan']} | {row['per_term'] or '–'} "
            f"| {row['rescore'] or '–'} | {'with' if row['diacritics'] else 'without'} diacritics | {row['r1']} "
            f"| {row['r10']} | {row['mrr10']} | {row['same_top10']} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", nargs="+", required=True)
    parser.add_argument("--per-term", type=int, nargs="+", default=[1000])
    parser.add_argument("--rescore", type=int, nargs="+", default=[30])
    parser.add_argument("--sets", nargs="+", default=list(QUESTION_SETS), choices=list(QUESTION_SETS))
    parser.add_argument("--out", type=Path, help="append the rows (JSON lines) here")
    parser.add_argument(
        "--report", type=Path, help="write the table of this JSON lines file to RESULTS.md, run nothing"
    )
    args = parser.parse_args()
    if args.report:
        from bench.results import update_section

        rows = [json.loads(line) for line in args.report.read_text().splitlines() if line.strip()]
        body = (
            "Ranking of the embedded backend's impact plan (search_api/backends/sqlite_impact.py) against the FTS5 "
            "plan (bm25 over every match) on the same index, dev questions only (ALQAC 2023 train.json, 100 q; "
            "domain dev, 15 q). alqac.sqlite = the ALQAC laws alone (as `vnlex eval --law`), corpus.sqlite = "
            "`vnlex ingest` of the corpus, scale10.sqlite = bench/scale_data.py 10x (corpus + ALQAC laws + "
            "variants). In these runs the impact plan was forced on every query (the FTS5 fallback for queries "
            "with at most 20,000 postings came after).\n\n" + report(rows)
        )
        update_section(
            "Load and scale: impact plan ranking quality",
            body,
            "python bench/sqlite_impact_quality.py " + " ".join(sys.argv[1:]),
        )
        return
    for index in args.index:
        rows = run(index, args.per_term, args.rescore, args.sets)
        if args.out:
            with args.out.open("a") as out:
                out.writelines(json.dumps(r) + "\n" for r in rows)


if __name__ == "__main__":
    main()
