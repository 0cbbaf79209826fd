"""What the search service pays to know the catalogue-only documents, at 1x, 10x and 100x the collection.

SearchService.catalogued_only() refreshes every KNOWN_DOCUMENTS_TTL seconds in each server process.
It used to read every document (backend.list_documents) and keep the stubs; it now asks the index for
the stubs only (backend.catalogued_documents, on source_file). Both ways are timed side by side on
the same index (median of --runs), and must return the same stubs.

    python bench/catalogued_only.py --sizes 1 10 100 [--es http://127.0.0.1:9215 --es-sizes 1 10]

The collections are bench/scale_data.py's (its analysed pool is reused), written to their own
folder (/tmp/vnlex-facts-scale) so that another bench's indexes are never touched.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import update_section  # noqa: E402
from bench.scale_data import analysed_pool, open_for_writing, write_collection  # noqa: E402

WORK_DIR = Path(tempfile.gettempdir()) / "vnlex-facts-scale"


def old_way(backend) -> list[str]:
    from search_api.collection import summary

    return sorted(s.number for s in (summary(d, n) for d, n in backend.list_documents()) if not s.has_text)


def new_way(backend) -> list[str]:
    from search_api.collection import summary

    return sorted(summary(d, 0).number for d in backend.catalogued_documents() if not d.articles)


def timed(function, backend, runs: int) -> tuple[float, list[str]]:
    times, found = [], []
    for _ in range(runs):
        started = time.perf_counter()
        found = function(backend)
        times.append(time.perf_counter() - started)
    return statistics.median(times), found


def main() -> None:
    import argparse

    from search_api.settings import DEFAULT_CORPUS

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--es", default="", help="Elasticsearch server (empty: SQLite only)")
    parser.add_argument("--es-sizes", type=int, nargs="*", help="sizes on Elasticsearch (default: --sizes)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pool = analysed_pool(DEFAULT_CORPUS)
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes:
        targets = [("SQLite", f"sqlite:///{WORK_DIR / f'scale{size}.sqlite'}")]
        if args.es and size in (args.sizes if args.es_sizes is None else args.es_sizes):
            targets.append(("Elasticsearch", f"{args.es.rstrip('/')}/factsscale{size}"))
        for name, url in targets:
            backend = open_for_writing(url)
            write_collection(backend, pool, size)  # skips files already written
            documents = backend.stats()["documents"]
            old_seconds, old_found = timed(old_way, backend, args.runs)
            new_seconds, new_found = timed(new_way, backend, args.runs)
            assert old_found == new_found, (old_found, new_found)
            rows.append(
                f"| {size}x | {name} | {documents:,} | {len(new_found)} | {old_seconds * 1000:,.0f} ms "
                f"| {new_seconds * 1000:,.1f} ms | {old_seconds / max(new_seconds, 1e-6):,.0f}x |"
            )
            print(rows[-1], flush=True)
            backend.close()
    body = (
        "SearchService.catalogued_only() (refreshed every 30 s in each server process): the stubs read "
        "by filtering list_documents (before) and by backend.catalogued_documents (after, an indexed "
        f"query on source_file), median of {args.runs} runs each, same stubs found both ways.\n\n"
        "| collection | backend | documents | stubs | list_documents + filter | catalogued_documents | ratio |\n"
        "|---|---|---|---|---|---|---|\n" + "\n".join(rows)
    )
    update_section(
        "Catalogue-only documents: cost of a refresh", body, "python bench/catalogued_only.py " + " ".join(sys.argv[1:])
    )


if __name__ == "__main__":
    main()
