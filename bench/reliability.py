"""The reliability figures into bench/RESULTS.md: runs the reliability tests (or, with --summarise,
only reads what their last run recorded under bench/out/reliability/) and writes one section.

    python bench/reliability.py [--summarise] [--es http://127.0.0.1:9205]

Each test asserts on the numbers it records (tests/figures.py): 0 errors and unchanged answers
during rebuilds, bytes accepted before a refusal, processes left after kill -9 / SIGTERM, seconds
to a 503 and back while Elasticsearch is frozen or stopped.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import update_section  # noqa: E402
from tests.figures import FIGURES_DIR  # noqa: E402

TESTS = [
    "tests/test_reliability.py",
    "tests/test_uploads.py",
    "tests/test_es_faults.py",
    "tests/test_fuzz_pages.py",
    "tests/test_health.py",
]


def load() -> dict[str, dict]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(FIGURES_DIR.glob("*.json"))}


def rebuild_rows(figures: dict[str, dict]) -> list[str]:
    rows = [
        "| check | backend | rebuild s | requests | errors | changed answers | p50 ms | p95 ms | max ms |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, label, seconds in (
        ("reindex_under_search", "POST /api/reindex (job, alias/file swap)", "reindex_seconds"),
        ("force_ingest_under_search", "`vnlex ingest --force` (CLI, staged)", "ingest_seconds"),
    ):
        for backend in ("sqlite", "elasticsearch"):
            data = figures.get(f"{kind}_{backend}")
            if data:
                rows.append(
                    f"| {label} | {backend} | {data[seconds]} | {data['requests']} | {data['errors']} |"
                    f" {data['changed_answers']} | {data['p50_ms']} | {data['p95_ms']} | {data['max_ms']} |"
                )
    return rows


def body(figures: dict[str, dict]) -> str:
    lines = [
        "Search during rebuilds: 4 clients loop over 15 queries against `vnlex serve` (one process) on the",
        "three test files of the corpus; an answer counts as changed when its total or its top-10 ranking",
        "differs from the answer before the rebuild (hits whose scores agree within 0.1% compare as a set).",
        "",
        *rebuild_rows(figures),
        "",
    ]
    for backend in ("sqlite", "elasticsearch"):
        data = figures.get(f"reindex_under_search_{backend}")
        if data:
            lines.append(
                f"- {backend}: POST /api/reindex answered 202 in {data['reindex_answered_ms']} ms;"
                f" /api/health slowest {data['health_max_ms']} ms while the job ran."
            )
    for backend in ("sqlite", "elasticsearch"):
        kill = figures.get(f"kill9_ingest_{backend}")
        if kill:
            lines.append(
                f"- kill -9 of `vnlex ingest --force` mid-write ({backend}): counts before {kill['counts_before']},"
                f" right after the kill {kill['counts_after_kill']}, after a re-ingest {kill['counts_after_reingest']}"
                f" (documents, articles, relations, files); pool workers gone with their parent:"
                f" {kill['workers_killed_with_parent']}."
            )
        stop = figures.get(f"server_stop_mid_reindex_{backend}")
        if stop:
            for how in ("SIGKILL", "SIGTERM"):
                item = stop[how]
                lines.append(
                    f"- {how} of `vnlex serve` mid-reindex ({backend}): exited in {item['exit_seconds']} s,"
                    f" {item['processes_below_server']} processes below it, all gone: {item['all_gone']};"
                    f" index counts unchanged {stop['counts']}."
                )
    streams = figures.get("upload_streams_cut_off")
    if streams:
        for case in ("unauthenticated", "authenticated_over_limit"):
            item = streams[case]
            lines.append(
                f"- Upload stream, {case.replace('_', ' ')} (VNLEX_MAX_UPLOAD_MB=1, 300 MB offered, chunked):"
                f" HTTP {item['status']} after {item['bytes_sent_before_answer'] / 1e6:.1f} MB sent;"
                f" temporary directory peak (sampled) {item['peak_tmp_bytes'] / 1e6:.2f} MB."
            )
        lines.append(f"- Upload declaring Content-Length 300 MB: `{streams['declared_300mb']}` before any body byte.")
    for name in sorted(figures):
        if name.startswith("upload_docx_bomb_"):
            item = figures[name]
            lines.append(
                f"- DOCX bomb {item['zipped_bytes'] / 1e3:.0f} KB zipped → {item['inflated_mb']} MB inflated:"
                f" refused with its reason, upload answered in {item['seconds']} s."
            )
    concurrent = figures.get("upload_concurrent")
    if concurrent:
        lines.append(
            f"- {concurrent['uploads']} concurrent uploads: {concurrent['errors']} errors, slowest"
            f" {concurrent['slowest_upload_s']} s (writes run one at a time in the job queue);"
            f" /api/health meanwhile: {concurrent['health_requests']} requests,"
            f" slowest {concurrent['health_max_ms']} ms."
        )
    faults = figures.get("elasticsearch_faults")
    if faults:
        lines.append(
            f"- Elasticsearch frozen (SIGSTOP, own node on :9215): /api/search 503 after"
            f" {faults['frozen_search_503_s']} s"
            f" (the request timeout), /api/health 503 after {faults['frozen_health_503_s']} s, the page 503 after"
            f" {faults['frozen_page_503_s']} s; answering again {faults['thawed_recovery_s']} s after SIGCONT."
            f" Stopped: 503 after {faults['stopped_search_503_s']} s. Restarted ({faults['restart_s']} s to start):"
            f" same results {faults['restarted_recovery_s']} s later, without restarting vnlex."
        )
    lines += [
        "",
        "Also in the suite, without figures: hypothesis fuzzing of the page routes' query parameters (0 x 5xx),",
        "a damaged FTS index, a corrupted file and a 0-byte file (health says degraded/unavailable; searches",
        "503, not 500), security headers on every response and the same-origin rule for form posts.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--summarise", action="store_true", help="only summarise the last recorded run")
    parser.add_argument("--es", default=os.environ.get("VNLEX_ES_URL", "http://127.0.0.1:9200"))
    args = parser.parse_args()
    command = "python bench/reliability.py" + (" --summarise" if args.summarise else "")
    if not args.summarise:
        env = {**os.environ, "VNLEX_ES_URL": args.es, "VNLEX_REQUIRE_ES": "1"}
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS], cwd=ROOT, env=env
        )
        if result.returncode != 0:
            sys.exit("reliability tests failed: RESULTS.md not updated")
    figures = load()
    if not figures:
        sys.exit(f"no figures in {FIGURES_DIR}: run the reliability tests first")
    update_section("Reliability under faults and rebuilds", body(figures), command)
    print(body(figures))


if __name__ == "__main__":
    main()
