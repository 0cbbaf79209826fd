"""CPU time per question of AnswerService.ask, in process (no HTTP), split into the backend's
calls and the answer layer's own Python, over real development questions.

One AnswerService per process (start-up at 100x takes minutes): `warm()`, a warm-up pass over
questions that are not measured (the collection-wide views built on first use), then each
measured question once. CPU time (time.process_time), not wall-clock: it holds up on a shared
machine where wall-clock does not.

    python bench/answer_cost.py --index sqlite:////tmp/vnlex-scale-fs/scale100.sqlite \
        --read-only --trust-stored-answer-data --profile /tmp/ask100.prof --json /tmp/ask100.json

`--read-only` opens SQLite files immutable (nothing is written beside or into them);
`--trust-stored-answer-data` uses the answer data stored at ingest even when its VERSION is
another one's (otherwise every document's is recomputed at start-up: tens of minutes at 100x).
`--dump FILE` writes every answer so two commits can be diffed.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import inspect
import json
import re
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

QUESTION_SETS = (ROOT / "bench" / "answers" / "dev.json", ROOT / "bench" / "answers" / "dev2.json")
TIMING_FIELDS = {"took_ms", "elapsed_ms", "timings"}


def question_texts() -> list[str]:
    texts: list[str] = []
    for path in QUESTION_SETS:
        texts += [q["text"] for q in json.loads(path.read_text(encoding="utf-8"))]
    return list(dict.fromkeys(t.strip() for t in texts if t.strip()))


def open_immutable() -> None:
    """Every SQLite file is opened immutable: reads only, no WAL or shared-memory file beside it."""
    connect = sqlite3.connect

    @functools.wraps(connect)
    def immutable(database, *args, **kwargs):
        if isinstance(database, str | Path) and str(database) != ":memory:" and not str(database).startswith("file:"):
            database, kwargs["uri"] = f"file:{database}?immutable=1", True
        return connect(database, *args, **kwargs)

    sqlite3.connect = immutable


class BackendClock:
    """CPU time spent inside the backend's methods (the rest of a question is the answer layer's)."""

    def __init__(self, backend) -> None:
        self.spent = 0.0
        self.depth = 0
        for name in dir(type(backend)):
            if name.startswith("_") or not inspect.isfunction(getattr(type(backend), name)):
                continue
            setattr(backend, name, self._timed(getattr(backend, name)))

    def _timed(self, method):
        @functools.wraps(method)
        def timed(*args, **kwargs):
            if self.depth:
                return method(*args, **kwargs)
            self.depth += 1
            start = time.process_time()
            try:
                return method(*args, **kwargs)
            finally:
                self.spent += time.process_time() - start
                self.depth -= 1

        return timed


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "median_ms": round(1000 * statistics.median(ordered), 1),
        "p95_ms": round(1000 * p95, 1),
        "mean_ms": round(1000 * statistics.fmean(ordered), 1),
        "max_ms": round(1000 * ordered[-1], 1),
    }


def scrub(answer):
    if isinstance(answer, dict):
        return {k: scrub(v) for k, v in answer.items() if k not in TIMING_FIELDS}
    if isinstance(answer, list):
        return [scrub(v) for v in answer]
    return answer


def write_section(before: list[str], after: list[str], section: str, notes: str | None, command: str) -> None:
    """Write the RESULTS.md section from the JSON figures of runs before and after, one pair per size."""
    from bench.results import update_section

    rows = [
        "| size | documents | units | part | median ms before → after | p95 ms before → after "
        "| max ms before → after |",
        "|---:|---:|---:|---|---:|---:|---:|",
    ]
    for old_file, new_file in zip(before, after, strict=True):
        old, new = (json.loads(Path(f).read_text(encoding="utf-8")) for f in (old_file, new_file))
        scale = re.search(r"scale(\d+)\.sqlite", new["index"])
        size = f"{scale.group(1)}×" if scale else new["index"]
        for key, part in (("cpu", "whole question"), ("answer_layer_cpu", "answer layer"), ("backend_cpu", "backend")):
            a, b = old[key], new[key]
            rows.append(
                f"| {size} | {new['documents']:,} | {new['units']:,} | {part} | {a['median_ms']} → {b['median_ms']} "
                f"| {a['p95_ms']} → {b['p95_ms']} | {a['max_ms']} → {b['max_ms']} |"
            )
    body = "\n".join(rows) + "\n"
    if notes:
        body += "\n" + Path(notes).read_text(encoding="utf-8")
    update_section(section, body, command)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index")
    parser.add_argument("--before", nargs="*", help="with --after: write the RESULTS.md section from these figures")
    parser.add_argument("--after", nargs="*")
    parser.add_argument("--section", default="Answers: per-question cost at 100× (issue 11, session 10)")
    parser.add_argument("--notes", help="markdown appended to the section")
    parser.add_argument("--questions", type=int, default=100, help="measured questions (the rest warm up)")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--read-only", action="store_true")
    parser.add_argument("--trust-stored-answer-data", action="store_true")
    parser.add_argument("--profile", help="also profile a second pass over the measured questions (cProfile file)")
    parser.add_argument("--dump", help="write every answer (timings removed) to this JSON file")
    parser.add_argument("--json", help="write the figures to this JSON file")
    args = parser.parse_args()
    if args.before:
        command = "python bench/answer_cost.py " + " ".join(sys.argv[1:])
        write_section(args.before, args.after, args.section, args.notes, command)
        return
    if not args.index:
        parser.error("--index is required")
    if args.read_only:
        open_immutable()
    if args.trust_stored_answer_data:
        from ingest import answer_data

        answer_data.current = lambda data: data is not None
    from search_api.answers import AnswerService
    from search_api.cli import backend_for, settings_with
    from search_api.search import SearchService

    texts = question_texts()
    measured, warm = texts[: args.questions], texts[args.questions : args.questions + args.warmup]
    backend = backend_for(settings_with(args.index))
    service = AnswerService(backend, SearchService(backend))
    started = time.monotonic()
    service.warm()
    snapshot = service.store.snapshot()
    startup = time.monotonic() - started
    print(
        f"start-up {startup:.0f} s: {len(snapshot.documents)} documents, {snapshot.unit_count} units",
        file=sys.stderr,
        flush=True,
    )
    for text in warm:
        service.ask(text)
    clock = BackendClock(backend)
    totals, backend_part, dump = [], [], {}
    for text in measured:
        clock.spent = 0.0
        start = time.process_time()
        answer = service.ask(text)
        totals.append(time.process_time() - start)
        backend_part.append(clock.spent)
        if args.dump:
            dump[text] = scrub(answer)
    own = [t - b for t, b in zip(totals, backend_part, strict=True)]
    report = {
        "index": args.index,
        "documents": len(snapshot.documents),
        "units": snapshot.unit_count,
        "startup_s": round(startup, 1),
        "questions": len(measured),
        "cpu": summary(totals),
        "backend_cpu": summary(backend_part),
        "answer_layer_cpu": summary(own),
    }
    print(json.dumps(report, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1), encoding="utf-8")
    if args.dump:
        Path(args.dump).write_text(json.dumps(dump, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for text in measured:
            service.ask(text)
        profiler.disable()
        profiler.dump_stats(args.profile)


if __name__ == "__main__":
    main()
