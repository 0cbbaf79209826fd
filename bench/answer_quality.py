"""Answer quality on the labelled answer set (bench/answers dev + heldout), written to bench/RESULTS.md.

Runs `vnlex eval --answers` on both files in one fresh process (so the first question is a cold start)
against the ingested corpus, or formats a report that command already wrote (--report).

    python bench/answer_quality.py [--index sqlite:///PATH] [--label TEXT]
    python bench/answer_quality.py --report out.json --command "the vnlex eval command that wrote it"
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
from search_api.answer_eval import format_table  # noqa: E402

SET_FILES = [ROOT / "bench" / "answers" / "dev.json", ROOT / "bench" / "answers" / "heldout.json"]
SECTION = "Answer quality (bench/answers)"


def vnlex(*args: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "search_api.cli", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


def body(report: dict, label: str) -> str:
    lines = [
        f"{label}. Targets (issue 8): fact in first quote ≥ 85%, gold article quoted ≥ 90%, 0 false declines for "
        "lookups and abbreviations, 0 news as answer, 0 expired without warning, first /api/ask < 1 s.",
        "Latency is in process (`AnswerService.ask`, the JSON /api/ask returns), one client, SQLite index.",
        "",
    ]
    for part in report["files"]:
        answers = part["answers"]
        name = Path(part["questions_file"]).name
        retrieval = part.get("with_diacritics", {})
        lines.append(f"### {name} ({answers['questions']} questions)")
        lines.append("")
        lines.append(
            f"First request {answers['first_request_ms']} ms (cold only for the first file of the run); "
            f"p95 {answers['latency_ms']['p95']} ms. Citation precision {answers['citation_precision']}, "
            f"recall {answers['citation_recall']}. Search on the same questions: Recall@1 "
            f"{retrieval.get('recall@1')}, Recall@10 {retrieval.get('recall@10')}."
        )
        lines.append("")
        lines.append(format_table(answers))
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", help="Index URL (default: a SQLite index of ../shared/corpus in the temp folder)")
    parser.add_argument("--report", type=Path, help="Format this `vnlex eval --json` output instead of running")
    parser.add_argument("--command", help="With --report: the command that wrote it (recorded in RESULTS.md)")
    parser.add_argument("--label", default="Engine as on this branch", help="What was measured (first line)")
    args = parser.parse_args()
    if args.report:
        report = json.loads(args.report.read_text(encoding="utf-8"))
        command = args.command or f"vnlex eval --answers (report {args.report.name})"
    else:
        index = args.index or f"sqlite:///{Path(tempfile.gettempdir()) / 'vnlex-eval' / 'corpus.sqlite'}"
        Path(tempfile.gettempdir(), "vnlex-eval").mkdir(exist_ok=True)
        vnlex("ingest", "--index", index, "--json")
        questions = [arg for path in SET_FILES for arg in ("--questions", str(path.relative_to(ROOT)))]
        report = json.loads(vnlex("eval", "--index", index, *questions, "--answers", "--json"))
        command = f"python bench/answer_quality.py --index {index}"
    update_section(SECTION, body(report, args.label), command)
    print(body(report, args.label))


if __name__ == "__main__":
    main()
