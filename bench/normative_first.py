"""Normative texts first: where news reports rank, and retrieval quality, before and after.

Runs the same measurements with the code of an earlier commit ("before", extracted with
`git archive` into a temporary folder) and with this working tree ("after"), on the same
indexes, and writes the section "Normative texts first" of bench/RESULTS.md:
- the positions of news reports in the top 20 for a few queries (issue 10's examples);
- `vnlex eval` on the ALQAC 2023 dev questions and the domain dev set (R@1/5/10, MRR@10).

    python bench/normative_first.py --before 823e441 [--es http://127.0.0.1:9207] [--workdir /tmp/x]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import update_section  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"
CORPUS = ROOT.parent / "shared" / "corpus"
QUERIES = (
    "hỗ trợ nạn nhân mua bán người",
    "ho tro nan nhan mua ban nguoi",
    "tuyên truyền phòng chống mua bán người",
    "hop tac quoc te phong chong mua ban nguoi",
    "Ngày toàn dân phòng, chống mua bán người 30/7",  # a news subject: news should stay first
)
PROBE = """
import json, sys
from search_api.search import SearchService
from search_api.backends import open_backend
service = SearchService(open_backend(sys.argv[1]))
out = {}
for q in json.loads(sys.argv[2]):
    hits = service.search(q, size=20, with_facets=False)["hits"]
    out[q] = [i + 1 for i, h in enumerate(hits) if h["doc_type"] == "Tin tức"]
print(json.dumps(out, ensure_ascii=False))
"""


def run(code: Path, *args: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(code)}
    return subprocess.run([sys.executable, *args], cwd=code, env=env, check=True, capture_output=True, text=True).stdout


def measure(code: Path, corpus_index: str, alqac_index: str) -> dict:
    news = json.loads(run(code, "-c", PROBE, corpus_index, json.dumps(QUERIES, ensure_ascii=False)))
    domain = json.loads(
        run(
            code,
            "-m",
            "search_api.cli",
            "eval",
            "--questions",
            str(BENCH / "domain" / "dev.json"),
            "--index",
            corpus_index,
            "--json",
        )
    )
    alqac = json.loads(
        run(
            code,
            "-m",
            "search_api.cli",
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
    return {"news": news, "domain": domain, "alqac": alqac}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", required=True, help="commit to compare with (e.g. the branch point)")
    parser.add_argument("--es", default="", help="Elasticsearch URL to measure too ('' to skip)")
    parser.add_argument("--workdir", default="", help="folder for the indexes and the extracted commit")
    args = parser.parse_args()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="vnlex-normative-"))
    before = work / "before"
    if not before.exists():
        before.mkdir(parents=True)
        archive = subprocess.run(["git", "archive", args.before], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(before)], input=archive, check=True)
    backends = [("SQLite FTS5", f"sqlite:///{work}/corpus.sqlite", f"sqlite:///{work}/alqac.sqlite")]
    if args.es:
        backends.append(("Elasticsearch", args.es.rstrip("/") + "/normcorpus", args.es.rstrip("/") + "/normalqac"))
    news_rows, quality_rows = [], []
    for name, corpus_index, alqac_index in backends:
        # One ingest serves both: the index format did not change between the two.
        run(ROOT, "-m", "search_api.cli", "ingest", str(CORPUS), "--index", corpus_index, "--json")
        results = {
            label: measure(code, corpus_index, alqac_index) for label, code in (("before", before), ("after", ROOT))
        }
        for query in QUERIES:
            was, now = (results[label]["news"][query] or "–" for label in ("before", "after"))
            news_rows.append(f"| {name} | {query} | {was} | {now} |")
        for set_name, key in (("ALQAC 2023 dev (100 q)", "alqac"), ("domain dev (15 q)", "domain")):
            for variant in ("with_diacritics", "without_diacritics"):
                cells = []
                for label in ("before", "after"):
                    scores = results[label][key][variant]
                    cells.append(" / ".join(str(scores[m]) for m in ("recall@1", "recall@5", "recall@10", "mrr@10")))
                quality_rows.append(f"| {set_name} | {name} | {variant.replace('_', ' ')} | {cells[0]} | {cells[1]} |")
    body = (
        f"News reports' score is multiplied by `NON_NORMATIVE_SCORE_FACTOR` (ingest/index_contract.py) in both "
        f"backends. Before = commit {args.before}, after = this tree; same indexes, full corpus.\n\n"
        "Positions of news reports in the top 20:\n\n"
        "| backend | query | before | after |\n|---|---|---|---|\n" + "\n".join(news_rows) + "\n\n"
        "Retrieval quality (R@1 / R@5 / R@10 / MRR@10):\n\n"
        "| set | backend | questions typed | before | after |\n|---|---|---|---|---|\n" + "\n".join(quality_rows)
    )
    print(body)
    update_section("Normative texts first", body, "python bench/normative_first.py " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
