"""Ingest throughput on the whole corpus beside bare underthesea.word_tokenize on the same text.

One run measures, in this order: (1) parsing alone, (2) bare word_tokenize over every
article text in one process, (3) the full pipeline (`ingest_paths`, fresh index) with 2
workers and (4) with 1 worker. The ratio pipeline/bare is what the issue asks for.

    python bench/ingest.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.results import update_section  # noqa: E402
from ingest.dispatch import discover, parse_bytes  # noqa: E402
from ingest.errors import IngestError  # noqa: E402
from ingest.pipeline import ingest_paths  # noqa: E402
from search_api.backends.sqlite import SQLiteBackend  # noqa: E402
from search_api.settings import DEFAULT_CORPUS  # noqa: E402


def parse_corpus(corpus: Path) -> list[str]:
    texts = []
    for path in discover([corpus]):
        try:
            for document in parse_bytes(path, path.read_bytes()):
                texts.extend(a.text for a in document.articles)
        except IngestError:
            pass
    return texts


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    value = function(*args, **kwargs)
    return time.perf_counter() - started, value


def run_pipeline(corpus: Path, workers: int) -> tuple[float, dict]:
    with tempfile.TemporaryDirectory() as folder:
        backend = SQLiteBackend(Path(folder) / "bench.sqlite")
        seconds, report = timed(ingest_paths, [corpus], backend, today=date.today(), workers=workers)
        return seconds, report.to_dict()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()

    from underthesea import word_tokenize

    word_tokenize("khởi động mô hình")  # load the CRF model outside the timings
    parse_seconds, texts = timed(parse_corpus, args.corpus)
    syllables = sum(len(t.split()) for t in texts)
    bare_seconds, _ = timed(lambda: [word_tokenize(t) for t in texts])
    two_seconds, report = run_pipeline(args.corpus, workers=2)
    one_seconds, _ = timed(run_pipeline, args.corpus, 1)
    one_seconds = one_seconds
    rows = [
        ("parsing only (all formats, 1 process)", parse_seconds),
        ("bare underthesea.word_tokenize, 1 call per article, 1 process", bare_seconds),
        ("full pipeline, 2 workers (default)", two_seconds),
        ("full pipeline, 1 worker", one_seconds),
    ]
    table = "| stage | seconds | syllables/s | × bare |\n|---|---:|---:|---:|\n" + "\n".join(
        f"| {name} | {seconds:.1f} | {syllables / seconds:,.0f} | {seconds / bare_seconds:.2f} |"
        for name, seconds in rows
    )
    body = (
        f"Corpus: {args.corpus} — {report['files']['ingested']} files ingested, {report['documents']} documents, "
        f"{report['articles']} articles, {syllables:,} syllables of article text, "
        f"{report['files']['skipped']} files skipped with reasons.\n\n{table}\n\n"
        f"**Pipeline / bare segmentation: {two_seconds / bare_seconds:.2f}× with 2 workers, "
        f"{one_seconds / bare_seconds:.2f}× with 1 worker** (target ≤ 1.5×)."
    )
    print(body)
    update_section("Ingest throughput", body, "python bench/ingest.py")


if __name__ == "__main__":
    main()
