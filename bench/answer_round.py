"""A round's answer figures: per-question results on the development sets, compared between two checkouts.

Each session rebuilt this from scratch in /tmp; kept here so that a round's start → end table and its per-question
differences come from one command. Development sets (TUNING_SETS of bench/answer_clause_diagnostics.py) are dumped
per question; a held-out set (any other file given with --held-out) is reported as aggregates only, never per
question, so that nobody reads its failures before accepting it.

    python bench/answer_round.py dump --index sqlite:///PATH --out OUT.json [--code DIR]
    python bench/answer_round.py diff START.json END.json        # the questions whose first quote or verdict moved
    python bench/answer_round.py held-out --index URL --set bench/answers/heldout18.json [--code DIR]

`--code DIR` runs another checkout (e.g. the session start, `git worktree add --detach DIR <commit>`) in a
subprocess with that checkout first on the path; figures from the same index are then side by side.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _score(index: str, files: list[str]) -> list[dict]:
    """Ask every question of the files in process with the code on sys.path and score it (answer_eval)."""
    from search_api.answer_eval import score_response
    from search_api.answers import AnswerService
    from search_api.cli import backend_for, settings_with
    from search_api.evaluation import load_json
    from search_api.search import SearchService

    settings = settings_with(index)
    backend = backend_for(settings)
    service = AnswerService(backend, SearchService(backend))
    today = settings.effective_today()
    rows = []
    for name in files:
        for question in load_json(Path(name)):
            scored = score_response(question, service.ask(question["text"]), None, today)
            scored["_cited"] = ["/".join(pair) for pair in scored["_cited"][:3]]
            scored["_gold"] = sorted("/".join(pair) for pair in scored["_gold"])
            scored["set"] = Path(name).stem
            rows.append(scored)
    return rows


def aggregates(rows: list[dict]) -> dict[str, int]:
    answerable = [r for r in rows if r["answerable"]]
    return {
        "answerable": len(answerable),
        "fact_first": sum(bool(r["fact_first"]) for r in answerable),
        "gold_quoted": sum(bool(r["gold_quoted"]) for r in answerable),
        "false_declines": sum(r["false_decline"] for r in answerable),
        "unanswerable": len(rows) - len(answerable),
        "correct_declines": sum(r["correct_decline"] for r in rows if not r["answerable"]),
    }


def _run(code: str | None, index: str, files: list[str]) -> list[dict]:
    files = [str(Path(name).resolve()) for name in files]
    if code is None:
        sys.path.insert(0, str(ROOT))
        return _score(index, files)
    # another checkout: its own modules, in a child process, the results back as JSON
    # (this file is loaded by its path: an older checkout has no bench/answer_round.py of its own)
    child = (
        f"import importlib.util, json, sys; sys.path.insert(0, {str(Path(code).resolve())!r});"
        f"spec = importlib.util.spec_from_file_location('answer_round', {str(Path(__file__).resolve())!r});"
        "module = importlib.util.module_from_spec(spec); spec.loader.exec_module(module);"
        f"print(json.dumps(module._score({index!r}, {files!r})))"
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, cwd="/")
    if done.returncode != 0:
        sys.exit(f"the checkout {code} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def development_files() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from bench.answer_clause_diagnostics import TUNING_SETS

    return [str(path) for path in TUNING_SETS if path.is_file()]


def diff(start: list[dict], end: list[dict]) -> list[str]:
    before = {r["question_id"]: r for r in start}
    lines = []
    for row in end:
        old = before.get(row["question_id"])
        if old is None:
            continue
        keys = ("fact_first", "first_quote", "answered", "correct_decline")
        if any(old[k] != row[k] for k in keys):
            lines.append(
                f"{row['question_id']}: fact first {old['fact_first']} → {row['fact_first']}, "
                f"{old['first_quote']} → {row['first_quote']}, answered {old['answered']} → {row['answered']}"
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    dump = sub.add_parser("dump", help="per-question results on the development sets")
    dump.add_argument("--index", required=True)
    dump.add_argument("--out", required=True)
    dump.add_argument("--code")
    compare = sub.add_parser("diff", help="the development questions that moved between two dumps")
    compare.add_argument("start")
    compare.add_argument("end")
    held = sub.add_parser("held-out", help="aggregates only for a set not yet accepted as development")
    held.add_argument("--index", required=True)
    held.add_argument("--set", required=True)
    held.add_argument("--code")
    args = parser.parse_args()

    if args.command == "dump":
        rows = _run(args.code, args.index, development_files())
        Path(args.out).write_text(json.dumps(rows, ensure_ascii=False, indent=0))
        print(json.dumps(aggregates(rows)))
    elif args.command == "diff":
        start, end = (json.loads(Path(p).read_text()) for p in (args.start, args.end))
        print("\n".join(diff(start, end)) or "no question moved")
        print(json.dumps({"start": aggregates(start), "end": aggregates(end)}))
    else:
        if str(Path(args.set).resolve()) in {str(Path(p).resolve()) for p in development_files()}:
            parser.error(f"{args.set} is a development set: use dump")
        print(json.dumps(aggregates(_run(args.code, args.index, [args.set]))))


if __name__ == "__main__":
    main()
