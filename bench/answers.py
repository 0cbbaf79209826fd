"""Answer readiness, latency and quality through the HTTP API (issue 8).

Starts `vnlex serve` (1 process) on the ingested corpus and measures:
  * start-up: seconds until /api/health answers (the lifespan builds the answer store first);
  * the first /api/ask and the first /api/entitlements after start-up;
  * /api/ask latency with one keep-alive client over the question texts bench/search.py uses;
  * answer quality on labelled sets given with --questions (same schema as
    ../shared/bench/domain/dev.json; `expect` = groups of alternative strings the first quote
    must contain): fact in first quote, gold article quoted, declines, news quoted as answer,
    expired quotes without a banner — overall and by intent/kind.

    python bench/answers.py [--sqlite sqlite:///...] [--es http://127.0.0.1:9201] \
        [--questions ../shared/bench/domain/dev.json ...] [--rounds 1]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import update_section  # noqa: E402
from bench.search import ensure_ingested, percentile, questions, replay, start_server  # noqa: E402
from search_api.answer_eval import score_response  # noqa: E402

FIRST_QUESTION = "luật PCMBN điều 30"


def quality(base: str, path: Path) -> str:
    """Rows per slice, scored by search_api.answer_eval.score_response (the `vnlex eval --answers` scorer)."""
    items = json.loads(path.read_text(encoding="utf-8"))
    groups: dict[str, list[dict]] = defaultdict(list)
    with httpx.Client(base_url=base, timeout=60) as http:
        for item in items:
            started = time.perf_counter()
            response = http.get("/api/ask", params={"q": item["text"]}).json()
            scored = score_response(item, response, (time.perf_counter() - started) * 1000)
            groups["all"].append(scored)
            groups[f"intent: {scored['intent'] or '?'}"].append(scored)
            groups[f"variant: {scored['variant'] or '?'}"].append(scored)

    def rate(values: list) -> str:
        counted = [v for v in values if v is not None]
        return f"{sum(counted) / len(counted):.2f} ({len(counted)})" if counted else "–"

    rows = []
    for name, results in sorted(groups.items(), key=lambda kv: (kv[0] != "all", kv[0])):
        answerable = [r for r in results if r["answerable"]]
        unanswerable = [r for r in results if not r["answerable"]]
        rows.append(
            f"| {set_label(path)} | {name} | {len(results)} | {rate([r['fact_first'] for r in results])} | "
            f"{rate([r['gold_quoted'] for r in results])} | "
            f"{sum(r['false_decline'] for r in answerable)}/{len(answerable)} | "
            f"{sum(r['correct_decline'] for r in unanswerable)}/{len(unanswerable)} | "
            f"{sum(r['news_as_answer'] for r in results)} | {sum(r['expired_without_warning'] for r in results)} |"
        )
    return "\n".join(rows)


def set_label(path: Path) -> str:
    """The set as given on the command line: two sets can share a file name
    (bench/answers/dev.json and ../shared/bench/domain/dev.json)."""
    return path.as_posix()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sqlite", default=f"sqlite:///{tempfile.gettempdir()}/vnlex-bench/corpus.sqlite")
    parser.add_argument("--es", default="", help="Elasticsearch URL (empty: SQLite only)")
    parser.add_argument("--questions", action="append", type=Path, default=[])
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    backends = [("SQLite FTS5", args.sqlite)] + ([("Elasticsearch", args.es)] if args.es else [])
    ready_rows, latency_rows, quality_rows = [], [], []
    for name, index in backends:
        ensure_ingested(index)
        started = time.perf_counter()
        process, base = start_server(index, 1)
        ready = time.perf_counter() - started
        try:
            with httpx.Client(base_url=base, timeout=60) as http:
                t = time.perf_counter()
                http.get("/api/ask", params={"q": FIRST_QUESTION}).raise_for_status()
                first_ask = time.perf_counter() - t
                t = time.perf_counter()
                http.get("/api/entitlements").raise_for_status()
                first_entitlements = time.perf_counter() - t
            ready_rows.append(f"| {name} | {ready:.1f} | {first_ask * 1000:.0f} | {first_entitlements * 1000:.0f} |")
            print(ready_rows[-1], flush=True)
            texts = questions()
            latencies = replay(base, "ask", texts, 1, args.rounds)
            latency_rows.append(
                f"| {name} | {len(latencies)} | {percentile(latencies, 50):.1f} | {percentile(latencies, 95):.1f} | "
                f"{max(latencies) * 1000:.0f} |"
            )
            print(latency_rows[-1], flush=True)
            for path in args.questions:
                rows = quality(base, path)
                quality_rows.append(rows.replace(f"| {set_label(path)} |", f"| {name} | {set_label(path)} |"))
                print(rows, flush=True)
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
    body = (
        "Start-up (until /api/health answers; the lifespan builds the answer store first) and the first "
        f"requests after it (`{FIRST_QUESTION}`, then /api/entitlements), `vnlex serve --workers 1`:\n\n"
        "| backend | ready s | first /api/ask ms | first /api/entitlements ms |\n|---|---:|---:|---:|\n"
        + "\n".join(ready_rows)
        + "\n\n/api/ask with one keep-alive client over the bench/search.py question texts "
        f"(domain dev + ALQAC), {args.rounds} round(s):\n\n"
        "| backend | requests | p50 ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|\n" + "\n".join(latency_rows)
    )
    if quality_rows:
        body += (
            "\n\nAnswer quality through /api/ask, scored by search_api/answer_eval.py (`score_response`, the "
            "scorer of `vnlex eval --answers`): rate (questions counted); false declines / answerable; correct "
            "declines / unanswerable; news quoted as the answer; all quotes expired and no banner:\n\n"
            "| backend | set | slice | n | fact in first quote | gold article quoted | false declines | "
            "correct declines | news as answer | expired w/o warning |\n"
            "|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n" + "\n".join(quality_rows)
        )
    print(body)
    update_section(
        "Answers: readiness, latency, quality (issue 8)", body, "python bench/answers.py " + " ".join(sys.argv[1:])
    )


if __name__ == "__main__":
    main()
