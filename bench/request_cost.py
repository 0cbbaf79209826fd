"""CPU time per request of /api/search and /api/ask, by component, in process (no HTTP, no wrk).

The app is driven through its ASGI interface (Starlette's TestClient) over the distinct load
query texts of bench/load.py, one request at a time, so the process CPU time between a request
entering the app and its last byte leaving is that request's cost, and it is attributed to the
component running at that moment (exclusive time; the innermost wrapped function wins):

  analysis           query analysis: parse_query (search), understand_question (ask), analyze
  backend query      every call into the index backend (search, documents, numbers ...)
  answer stages      the answer pipeline's own work (evidence, compose, check), backend excluded
  response building  hits to dicts: snippets/highlighting, labels, catalogued matches
  serialisation      FastAPI's response validation/encoding and the JSON rendering
  framework          the rest: routing, parameter parsing, middleware, thread hand-off

CPU time, not wall-clock: it holds up on a shared machine where wall-clock does not.
`--dump FILE` writes every response (timing fields removed) so two commits can be diffed.

    python bench/request_cost.py --index sqlite:////tmp/vnlex-scale/scale1.sqlite --dump /tmp/before.json
"""

from __future__ import annotations

import argparse
import cProfile
import inspect
import json
import pstats
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.load_texts import query_texts  # noqa: E402

COMPONENTS = ("analysis", "backend query", "answer stages", "response building", "serialisation", "framework")
TIMING_FIELDS = {"took_ms", "elapsed_ms", "timings"}


class Attribution:
    """A stack of components; CPU time since the last switch is charged to the one on top."""

    def __init__(self) -> None:
        self.stack = ["framework"]
        self.spent: Counter[str] = Counter()
        self.mark = time.process_time()
        self.cpu = self.wall = 0.0  # of the last request

    def switch(self, push: str | None) -> None:
        now = time.process_time()
        self.spent[self.stack[-1]] += now - self.mark
        self.mark = now
        if push is None:
            self.stack.pop()
        else:
            self.stack.append(push)

    def reset(self) -> None:
        self.stack = ["framework"]
        self.spent = Counter()
        self.mark = time.process_time()

    def timed_app(self, app):
        """The ASGI app, with each request's CPU and wall time taken from entry to its last byte
        (the test client's own work, outside the app, is not counted)."""

        async def measured(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            self.reset()
            started, cpu = time.perf_counter(), time.process_time()
            try:
                await app(scope, receive, send)
            finally:
                self.switch("framework")  # what is left since the last switch
                self.cpu, self.wall = time.process_time() - cpu, time.perf_counter() - started

        return measured


def wrapped(function, component: str, attribution: Attribution):
    if inspect.iscoroutinefunction(function):

        async def timed_async(*args, **kwargs):
            attribution.switch(component)
            try:
                return await function(*args, **kwargs)
            finally:
                attribution.switch(None)

        return timed_async

    def timed(*args, **kwargs):
        attribution.switch(component)
        try:
            return function(*args, **kwargs)
        finally:
            attribution.switch(None)

    timed.__wrapped__ = function  # type: ignore[attr-defined]
    return timed


def patch_everywhere(function, component: str, attribution: Attribution) -> None:
    """Replace `function` in every loaded module that imported it by name."""
    replacement = wrapped(function, component, attribution)
    for module in list(sys.modules.values()):
        name = getattr(module, "__name__", "")
        if not name.startswith(("search_api", "ingest", "web", "fastapi", "starlette")):
            continue
        for attribute, value in list(vars(module).items()):
            if value is function:
                setattr(module, attribute, replacement)


def instrument(app, attribution: Attribution) -> None:
    import fastapi.encoders
    import fastapi.routing
    import starlette.responses

    import ingest.analysis
    import search_api.answering.pipeline
    import search_api.answering.understand
    import search_api.collection
    import search_api.highlight
    import search_api.query
    import search_api.search

    for function, component in [
        (search_api.query.parse_query, "analysis"),
        (search_api.answering.understand.understand_question, "analysis"),
        (ingest.analysis.analyze, "analysis"),
        (search_api.highlight.highlight, "response building"),
        (search_api.collection.catalogued_matches, "response building"),
        (fastapi.routing.serialize_response, "serialisation"),
        (fastapi.encoders.jsonable_encoder, "serialisation"),
    ]:
        patch_everywhere(function, component, attribution)
    for cls, method, component in [
        (search_api.search.SearchService, "_result", "response building"),
        (search_api.answering.pipeline.AnswerService, "ask", "answer stages"),
        (starlette.responses.JSONResponse, "render", "serialisation"),
    ]:
        setattr(cls, method, wrapped(getattr(cls, method), component, attribution))
    backend = app.state.vnlex.backend
    for name, member in vars(type(backend)).items():
        if not name.startswith("_") and inspect.isfunction(member):
            setattr(backend, name, wrapped(getattr(backend, name), "backend query", attribution))


def profile_services(timer) -> cProfile.Profile:
    """cProfile around the two services' entry points, in the thread that runs them (the
    endpoint's worker thread: a profiler enabled in the client's thread would see only it)."""
    from search_api.answering.pipeline import AnswerService
    from search_api.search import SearchService

    profiler = cProfile.Profile(timer)
    for cls, method in [(SearchService, "search"), (AnswerService, "ask")]:
        original = getattr(cls, method)

        def profiled(*args, _original=original, **kwargs):
            if getattr(profiled, "active", False):  # ask calls search: profile the outer call only
                return _original(*args, **kwargs)
            profiled.active = True
            profiler.enable()
            try:
                return _original(*args, **kwargs)
            finally:
                profiler.disable()
                profiled.active = False

        setattr(cls, method, profiled)
    return profiler


def scrub(data):
    if isinstance(data, dict):
        return {k: scrub(v) for k, v in data.items() if k not in TIMING_FIELDS}
    if isinstance(data, list):
        return [scrub(v) for v in data]
    return data


def measure(client, attribution: Attribution, endpoint: str, texts: list[str], dump: dict | None) -> dict:
    per_request: list[float] = []
    wall: list[float] = []
    totals: Counter[str] = Counter()
    for text in texts:
        response = client.get(f"/api/{endpoint}", params={"q": text})
        totals.update(attribution.spent)
        per_request.append(attribution.cpu)
        wall.append(attribution.wall)
        if response.status_code != 200:
            raise SystemExit(f"{endpoint} {text!r}: HTTP {response.status_code}")
        if dump is not None:
            dump[f"{endpoint}\t{text}"] = scrub(response.json())
    n = len(texts)
    return {
        "endpoint": endpoint,
        "requests": n,
        "cpu_ms_mean": 1000 * sum(per_request) / n,
        "cpu_ms_p50": 1000 * statistics.median(per_request),
        "cpu_ms_p95": 1000 * sorted(per_request)[int(0.95 * n) - 1],
        "wall_ms_mean": 1000 * sum(wall) / n,
        "components_ms": {c: 1000 * totals[c] / n for c in COMPONENTS},
    }


def table(rows: list[dict]) -> str:
    lines = [
        "| endpoint | requests | " + " | ".join(COMPONENTS) + " | CPU total (mean) | CPU p50 | CPU p95 |",
        "|---|---:|" + "---:|" * (len(COMPONENTS) + 3),
    ]
    for row in rows:
        parts = " | ".join(
            f"{row['components_ms'][c]:.2f} ({100 * row['components_ms'][c] / row['cpu_ms_mean']:.0f}%)"
            for c in COMPONENTS
        )
        lines.append(
            f"| /api/{row['endpoint']} | {row['requests']} | {parts} | {row['cpu_ms_mean']:.2f} | "
            f"{row['cpu_ms_p50']:.2f} | {row['cpu_ms_p95']:.2f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--endpoint", nargs="+", default=["search", "ask"])
    parser.add_argument("--limit", type=int, default=0, help="only the first N texts (0: all)")
    parser.add_argument("--dump", type=Path, help="write every response (timing fields removed) here")
    parser.add_argument("--profile", type=Path, help="also write cProfile stats (tottime) here; slows everything")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from search_api.app import create_app
    from search_api.settings import Settings

    texts, warm = query_texts()
    texts = texts[: args.limit] if args.limit else texts
    app = create_app(Settings(index_url=args.index))
    attribution = Attribution()
    rows, dump = [], ({} if args.dump else None)
    with TestClient(attribution.timed_app(app)) as client:
        for endpoint in args.endpoint:
            for text in warm[:8]:
                client.get(f"/api/{endpoint}", params={"q": text})
        instrument(app, attribution)
        profiler = profile_services(time.process_time) if args.profile else None
        for endpoint in args.endpoint:
            rows.append(measure(client, attribution, endpoint, texts, dump))
            print(json.dumps(rows[-1]), flush=True)
    print(table(rows))
    if args.dump:
        args.dump.write_text(json.dumps(dump, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    if profiler:
        with args.profile.open("w") as handle:
            pstats.Stats(profiler, stream=handle).sort_stats("tottime").print_stats(60)


if __name__ == "__main__":
    main()
