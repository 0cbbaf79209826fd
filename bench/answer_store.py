"""Where the answer store's start-up time goes (search_api.corpus_store), on the real collection.

`vnlex serve` builds the store in its lifespan before it answers /api/health: every stored document
is loaded, provisions are extracted (ingest.entitlements), term statistics are counted over every
quotable unit (search_api.answering.terms) and the /api/entitlements rows are built. This script times
each phase separately, in the order CorpusStore._build runs them, then the real AppState.warm +
rows_of end to end, on each backend given (median of --runs for the end-to-end figure).

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

FINDINGS = """**What this says (issue 8 item 5, not done).** Two thirds of the start-up is extracting provisions
(ingest.entitlements over every clause) and a quarter counting term statistics; loading the documents
themselves is under 0.6 s and the segmenter's model about 1 s; the rest of the end-to-end figure is the
/api/entitlements rows (victim scope and support regime of every provision). Both results are per document and small
once computed (4,734 provisions, 44k terms), so storing them at ingest in each document's stored JSON (both
backends keep it opaque: SQLite's json column, Elasticsearch's `document` object with `enabled: false`) and
summing per-document term counts at start-up would load in well under 2 s at 1x. It was left undone because
both results go stale without any index change: the provisions depend on corpus/entitlement_vocabulary.json
and the rules of ingest/entitlements.py and ingest/victim_scope.py, the term statistics on
search_api/answering/terms.py, all edited on other branches at the time. Doing it needs a version key
(a hash of the vocabulary and of the extraction code's version) stored with the results, a rebuild at
start-up when it differs, and `update_documents` (status recomputation after an upload) to carry the
stored results along. At 100x the store's design (every document with its articles in memory) is the
limit, not these phases."""


def phases(index_url: str) -> dict[str, float]:
    from ingest.analysis import analyze
    from ingest.entitlements import extract_provisions
    from search_api.answering.terms import unit_terms
    from search_api.backends import open_backend
    from search_api.corpus_store import _unit_texts

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
    provisions = extract_provisions(documents)
    started = lap(f"extract provisions ({len(provisions)})", started)
    units = 0
    frequency: dict[str, int] = {}
    for document in documents:
        for article in document.articles:
            for text in _unit_texts(article):
                units += 1
                for term in unit_terms(text):
                    frequency[term] = frequency.get(term, 0) + 1
    lap(f"term statistics ({units:,} units, {len(frequency):,} terms)", started)
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
        sections.append(
            f"**{engine}** (`{url.rsplit('/', 1)[-1]}`)\n\n| phase | time |\n|---|---|\n{rows}\n"
            f"| sum of the phases above | {sum(measured.values()):.2f} s |\n"
            f"| AppState.warm + entitlement rows, end to end (median of {len(totals)}; min {min(totals):.2f}, "
            f"max {max(totals):.2f}) | {statistics.median(totals):.2f} s |\n"
        )
        print(sections[-1], flush=True)
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
