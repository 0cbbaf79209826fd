"""Where the answer store's start-up time goes (search_api.corpus_store), on the real collection.

`vnlex serve` builds the store in its lifespan before it answers /api/health: every stored document
is loaded with the answer data ingest stored beside it (ingest.answer_data: provisions and per-document
term counts), the term counts are added up, and the /api/entitlements rows are built. This script times
each phase separately, in the order CorpusStore._build runs them, then the recomputation the store did
before (and still does for documents without current stored data), then the real AppState.warm +
rows_of end to end, on each backend given (median of --runs for the end-to-end figure). --no-results
prints without writing bench/RESULTS.md.

    python bench/answer_store.py --index sqlite:////tmp/vnlex-facts-scale/scale1.sqlite \
        --index http://127.0.0.1:9215/factsscale1

(bench/catalogued_only.py writes those 1x indexes: the real corpus as `vnlex ingest` analyses it.)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import update_section  # noqa: E402

FINDINGS = """**What this says (issue 8 item 5).** Extracting provisions (ingest.entitlements over every clause)
and counting term statistics were nine tenths of the store's start-up when it computed them (the
"recompute" rows). Both depend only on each document, so ingest now computes them per document
(ingest/answer_data.py, in the ingest pool) and both backends store them beside the document
(SQLite: a column of `documents`; Elasticsearch: an `enabled: false` object); start-up reads them back
and adds up the term counts. The stored data carries a hash of the extraction code and vocabulary:
data made by other rules is recomputed at start-up (logged), never trusted. At 100x the store's design
(every document with its articles in memory) remains the limit, not these phases."""


def phases(index_url: str) -> dict[str, float]:
    from ingest import answer_data as stored
    from ingest.analysis import analyze
    from ingest.entitlements import extract_provisions
    from ingest.terms import unit_terms, unit_texts
    from search_api.backends import open_backend

    times: dict[str, float] = {}

    def lap(name: str, started: float) -> float:
        now = time.perf_counter()
        times[name] = now - started
        return now

    backend = open_backend(index_url)
    started = time.perf_counter()
    analyze("khởi động")
    started = lap("segmenter model (underthesea) loaded", started)
    numbers = backend.document_numbers()
    started = lap("document numbers (query resolution)", started)
    documents = [d for d in (backend.get_document(n) for n, _t, _title in numbers) if d is not None]
    started = lap(f"load {len(documents)} documents with their articles (get_document each)", started)
    # What start-up does now: read the answer data ingest stored, rebuild provisions, add up term counts.
    saved = backend.stored_answer_data()
    started = lap(f"read stored answer data ({len(saved)} documents)", started)
    datas = [saved[k] for k in saved if stored.current(saved[k])]
    provisions = [p for data in datas for p in stored.provisions_of(data)]
    started = lap(f"stored: provisions from their stored form ({len(provisions)})", started)
    units, frequency = stored.sum_terms(datas)
    started = lap(f"stored: sum per-document term counts ({units:,} units, {len(frequency):,} terms)", started)
    # What start-up did before (and still does for a document without current stored data).
    provisions = extract_provisions(documents)
    started = lap(f"recompute: extract provisions ({len(provisions)})", started)
    units = 0
    frequency = {}
    for document in documents:
        for article in document.articles:
            for text in unit_texts(article):
                units += 1
                for term in unit_terms(text):
                    frequency[term] = frequency.get(term, 0) + 1
    lap(f"recompute: term statistics ({units:,} units, {len(frequency):,} terms)", started)
    backend.close()
    return times


def end_to_end(index_url: str) -> float:
    from search_api.deps import AppState
    from search_api.routers import entitlements
    from search_api.settings import Settings

    started = time.perf_counter()
    state = AppState(Settings(index_url=index_url))
    state.warm()
    entitlements.rows_of(state)
    seconds = time.perf_counter() - started
    state.backend.close()
    return seconds


def main() -> None:
    import argparse
    import multiprocessing

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", action="append", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-results", action="store_true", help="print only; leave bench/RESULTS.md alone")
    args = parser.parse_args()
    sections = []
    for url in args.index:
        # Each measurement in a fresh process: the segmenter's model and caches start cold, as in `vnlex serve`.
        context = multiprocessing.get_context("spawn")
        with context.Pool(1) as pool:
            measured = pool.apply(phases, (url,))
        totals = []
        for _ in range(args.runs):
            with context.Pool(1) as pool:
                totals.append(pool.apply(end_to_end, (url,)))
        engine = "SQLite" if url.startswith("sqlite") else "Elasticsearch"
        rows = "\n".join(f"| {name} | {seconds:.2f} s |" for name, seconds in measured.items())
        on_start = sum(v for k, v in measured.items() if not k.startswith("recompute"))
        sections.append(
            f"**{engine}** (`{url.rsplit('/', 1)[-1]}`)\n\n| phase | time |\n|---|---|\n{rows}\n"
            f"| start-up's phases (all but recompute) | {on_start:.2f} s |\n"
            f"| AppState.warm + entitlement rows, end to end (median of {len(totals)}; min {min(totals):.2f}, "
            f"max {max(totals):.2f}) | {statistics.median(totals):.2f} s |\n"
        )
        print(sections[-1], flush=True)
    if args.no_results:
        return
    body = (
        "What `vnlex serve` does in its lifespan before it answers: the answer store "
        "(search_api.corpus_store) and the /api/entitlements rows, on the real collection (the 1x index "
        "of bench/catalogued_only.py). Each phase timed once in a fresh process, in the store's order; "
        "the end-to-end figure includes the entitlement rows, which the phases do not.\n\n"
        + "\n".join(sections)
        + "\n"
        + FINDINGS
    )
    update_section(
        "Answer store start-up: where the time goes", body, "python bench/answer_store.py " + " ".join(sys.argv[1:])
    )


if __name__ == "__main__":
    main()
