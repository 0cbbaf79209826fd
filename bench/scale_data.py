"""Collections of 1x, 10x and 100x the vnlex corpus, built from analysed records, for bench/load.py.

1x is the real corpus (../shared/corpus) exactly as `vnlex ingest` analyses it. Bigger
collections add the ALQAC 2023 law corpus (17 real laws, 2,249 articles) and then
*variants* of the real analysed articles until the article count is 10x or 100x:

- Segmenting 220,000 articles with underthesea would cost 40+ minutes of CPU, so every
  real article is analysed once (cached in a pickle) and variants are made from its token
  streams instead: each variant document gets a new, unique document number (shaped like
  a real one, e.g. `1234/1995/VB-SCALE`, so reference resolution and the known-documents
  list grow realistically), and every article's word stream is perturbed: 20% of the words
  are replaced by words drawn from the whole pool's word distribution and 5% are dropped,
  seeded. Syllables, folded syllables and bigrams are derived from the perturbed words the
  way `ingest.analysis` derives them, so all token streams stay consistent, common terms
  stay common (document frequencies scale with the collection) and no two variants score
  alike. The stored text (shown in snippets and quoted by /api/ask) is the original's.
- Index writing is timed per backend (`replace_file` of the analysed records), apart from
  analysis, which is the same Python for both backends and is reported once.

    python bench/scale_data.py --sizes 1 10 100 --es http://127.0.0.1:9206
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import random
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # before bench/ itself, whose ingest.py would shadow the package

from ingest.analysis import Analysis, analyze  # noqa: E402
from ingest.answer_data import answer_data  # noqa: E402
from ingest.index_contract import AnalysedArticle, AnalysedDocument  # noqa: E402
from ingest.numbers import DOC_NUMBER_RE  # noqa: E402
from ingest.textnorm import fold  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"
ALQAC_LAW = BENCH / "alqac2023" / "law_v1.1.json"
# VNLEX_SCALE_DIR moves the collections (several GB at 100x) elsewhere.
WORK_DIR = Path(os.environ.get("VNLEX_SCALE_DIR") or Path(tempfile.gettempdir()) / "vnlex-scale")
POOL_CACHE = WORK_DIR / "analysed-pool.pickle"
REPLACE_SHARE = 0.20
DROP_SHARE = 0.05
VARIANT_SOURCE = "scale:variants-{:03d}"
SEED = 20261130


class _RecordingBackend:
    """Captures what the real ingest pipeline would write (nothing is stored before)."""

    def __init__(self) -> None:
        self.files: list[tuple[str, str, list[AnalysedDocument]]] = []

    def file_hash(self, source_file: str) -> None:
        return None

    def get_document(self, number: str) -> None:
        return None

    def replace_file(self, source_file: str, sha256: str, documents: list[AnalysedDocument]) -> None:
        self.files.append((source_file, sha256, documents))

    # What the pipeline also calls after writing: nothing was stored, so nothing to recompute.
    def list_documents(self) -> list:
        return []

    def update_documents(self, documents) -> None:
        return None

    def checkpoint(self) -> None:
        return None

    def stats(self) -> dict:
        return {}


def analysed_pool(corpus: Path, workers: int = 2) -> dict:
    """{'corpus': [(source, sha, docs)], 'alqac': [(source, sha, docs)], 'seconds': {...}}; cached."""
    if POOL_CACHE.exists():
        return pickle.loads(POOL_CACHE.read_bytes())
    from ingest.dispatch import sha256
    from ingest.pipeline import analyse_documents, ingest_paths
    from search_api.evaluation import alqac_documents, load_json

    WORK_DIR.mkdir(parents=True, exist_ok=True)
    recorder = _RecordingBackend()
    started = time.perf_counter()
    ingest_paths([corpus], recorder, today=date.today(), workers=workers)
    corpus_seconds = time.perf_counter() - started
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        alqac = analyse_documents(alqac_documents(load_json(ALQAC_LAW)), pool)
    alqac_seconds = time.perf_counter() - started
    pool_data = {
        "corpus": recorder.files,
        "alqac": [(f"eval:{ALQAC_LAW.name}", sha256(ALQAC_LAW.read_bytes()), alqac)],
        "seconds": {"corpus": corpus_seconds, "alqac": alqac_seconds},
    }
    POOL_CACHE.write_bytes(pickle.dumps(pool_data))
    return pool_data


def article_count(files: list[tuple[str, str, list[AnalysedDocument]]]) -> int:
    return sum(len(d.articles) for _, _, docs in files for d in docs)


# ---- variants -----------------------------------------------------------------------
def _word_syllables(analysis: Analysis) -> list[tuple[str, tuple[str, ...]]]:
    """Pairs (word, its syllables) re-aligned from the two streams: a protected token
    (09_2013_nđ_cp) is one syllable, any other word splits on '_'."""
    pairs, position = [], 0
    for word in analysis.words:
        if position < len(analysis.syllables) and analysis.syllables[position] == word:
            pairs.append((word, (word,)))
            position += 1
        else:
            parts = tuple(s for s in word.split("_") if s)
            pairs.append((word, parts))
            position += len(parts)
    return pairs


_FOLDED: dict[str, str] = {}


def _fold(syllable: str) -> str:
    folded = _FOLDED.get(syllable)
    if folded is None:
        folded = _FOLDED[syllable] = fold(syllable)
    return folded


def _analysis_from(pairs: list[tuple[str, tuple[str, ...]]]) -> Analysis:
    syllables = tuple(s for _, parts in pairs for s in parts)
    return Analysis(tuple(w for w, _ in pairs), syllables, tuple(_fold(s) for s in syllables))


def perturb(analysis: Analysis, vocabulary: list[tuple[str, tuple[str, ...]]], rng: random.Random) -> Analysis:
    pairs = []
    for pair in _word_syllables(analysis):
        roll = rng.random()
        if roll < DROP_SHARE:
            continue
        pairs.append(rng.choice(vocabulary) if roll < DROP_SHARE + REPLACE_SHARE else pair)
    return _analysis_from(pairs)


def _vocabulary(files) -> list[tuple[str, tuple[str, ...]]]:
    """Every word occurrence of the pool's article bodies: drawing from it follows the word distribution."""
    return [pair for _, _, docs in files for d in docs for a in d.articles for pair in _word_syllables(a.body)]


def _protected_number_token(number: str) -> str | None:
    """The single token a real document number becomes ('01_2020_nq_hđtp'); None for a name."""
    if not DOC_NUMBER_RE.fullmatch(number):
        return None
    words = analyze(number).words
    return words[0] if len(words) == 1 else None


def variant_documents(files, copy: int, serial_start: int, vocabulary, rng: random.Random) -> list[AnalysedDocument]:
    out = []
    serial = serial_start
    for _, _, docs in files:
        for analysed in docs:
            if not analysed.articles:
                continue  # catalogue stubs: nothing to search
            number = f"{1000 + serial % 9000}/{1990 + serial // 9000}/VB-SCALE"
            serial += 1
            number_tokens = analyze(number)  # a protected document number: no segmentation runs
            document = replace(analysed.document, number=number, relations=[], source_file=VARIANT_SOURCE.format(copy))
            # The label names the new number instead of the original's (kept: type and title words).
            old_number = _protected_number_token(analysed.document.number)
            label_words = [pair for pair in _word_syllables(analysed.articles[0].doc) if pair[0] != old_number]
            label = _analysis_from(_word_syllables(number_tokens) + label_words)
            articles = [
                AnalysedArticle(
                    a.article_id,
                    a.article_number,
                    a.article_title,
                    a.path,
                    a.text,
                    perturb(a.head, vocabulary, rng) if a.head.words else a.head,
                    perturb(a.body, vocabulary, rng),
                    label,
                )
                for a in analysed.articles
            ]
            out.append(AnalysedDocument(document, articles, variant_answer_data(analysed.document, document)))
    return out


_ANSWER_DATA: dict[str, dict] = {}


def variant_answer_data(original, variant) -> dict:
    """The answer data (ingest.answer_data) of a variant, from its original's: the variant keeps the
    original's texts and type and has no relations, so only the provisions' document number differs.
    Computed once per original, not per copy: extracting provisions for 100 copies would cost what
    the start-up this collection measures once did. (The last copy's trimming shortens the analysed
    rows, not the stored document, whose answer data this is.)"""
    base = _ANSWER_DATA.get(original.number)
    if base is None:
        base = _ANSWER_DATA[original.number] = answer_data(replace(original, relations=[]))
    return {**base, "provisions": [{**p, "doc_number": variant.number} for p in base["provisions"]]}


def collection(pool_data: dict, size: int):
    """Yields (source_file, sha, documents) for a collection of `size` x the corpus' articles."""
    corpus, alqac = pool_data["corpus"], pool_data["alqac"]
    yield from corpus
    if size <= 1:
        return
    target = size * article_count(corpus)
    yield from alqac
    written = article_count(corpus) + article_count(alqac)
    real = corpus + alqac
    vocabulary = _vocabulary(real)
    rng = random.Random(SEED)
    copy, serial = 0, 0
    while written < target:
        documents = variant_documents(real, copy, serial, vocabulary, rng)
        serial += len(documents)
        # Trim the last copy so the article count lands on the target.
        remaining = target - written
        trimmed = []
        for document in documents:
            if remaining <= 0:
                break
            trimmed.append(replace(document, articles=document.articles[:remaining]))
            remaining -= len(trimmed[-1].articles)
        written += sum(len(d.articles) for d in trimmed)
        yield VARIANT_SOURCE.format(copy), f"variant-{copy}", trimmed
        copy += 1


def write_collection(backend, pool_data: dict, size: int) -> tuple[float, int]:
    """Writes the collection through the backend's own replace_file; (seconds, articles).
    Files already written (same hash recorded) are skipped, so an interrupted build resumes."""
    seconds, articles = 0.0, 0
    for source, sha, documents in collection(pool_data, size):
        if backend.file_hash(source) != sha:
            started = time.perf_counter()
            backend.replace_file(source, sha, documents)
            seconds += time.perf_counter() - started
        articles += sum(len(d.articles) for d in documents)
    return seconds, articles


# ---- building the indexes -----------------------------------------------------------
def sqlite_url(size: int) -> str:
    return f"sqlite:///{WORK_DIR / f'scale{size}.sqlite'}"


def es_url(server: str, size: int) -> str:
    return f"{server.rstrip('/')}/scale{size}"


def index_bytes(backend) -> int:
    """On-disk size: the SQLite file after a WAL checkpoint; Elasticsearch's primary store."""
    if hasattr(backend, "db"):
        backend.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return Path(backend.path).stat().st_size
    stats = backend.client.indices.stats(index=f"{backend.index_prefix}-*", metric="store")
    return int(stats["_all"]["primaries"]["store"]["size_in_bytes"])


def open_for_writing(index_url: str):
    from search_api.backends import open_backend
    from search_api.backends.elasticsearch import ElasticsearchBackend

    backend = open_backend(index_url)
    if isinstance(backend, ElasticsearchBackend):
        # Bulk requests of 500 articles on a busy shared machine can take longer than the
        # 10 s a query may.
        backend = ElasticsearchBackend(backend.nodes, index_prefix=backend.index_prefix, request_timeout=180)
    return backend


def build(index_url: str, size: int, pool_data: dict, resume: bool = False) -> dict:
    backend = open_for_writing(index_url)
    if not resume:
        backend.drop()
        backend = open_for_writing(index_url)
    seconds, articles = write_collection(backend, pool_data, size)
    record = {
        "index": index_url,
        "size": size,
        "articles": articles,
        "documents": backend.stats()["documents"],
        "write_seconds": round(seconds, 1),
        "resumed": resume,
        "index_bytes": index_bytes(backend),
    }
    backend.close()
    return record


def main() -> None:
    import argparse
    import json

    from search_api.settings import DEFAULT_CORPUS

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--es", default="http://127.0.0.1:9206", help="Elasticsearch server ('' to skip)")
    parser.add_argument("--backend", choices=["sqlite", "elasticsearch", "both"], default="both")
    parser.add_argument("--resume", action="store_true", help="keep what an interrupted build wrote (its time is lost)")
    args = parser.parse_args()
    pool_data = analysed_pool(DEFAULT_CORPUS)
    builds_file = WORK_DIR / "builds.json"
    builds = json.loads(builds_file.read_text()) if builds_file.exists() else {}
    builds["analysis_seconds"] = pool_data["seconds"]
    for size in args.sizes:
        targets = []
        if args.backend in ("sqlite", "both"):
            targets.append(("sqlite", sqlite_url(size)))
        if args.es and args.backend in ("elasticsearch", "both"):
            targets.append(("elasticsearch", es_url(args.es, size)))
        for name, url in targets:
            record = build(url, size, pool_data, args.resume)
            print(json.dumps(record), file=sys.stderr, flush=True)
            builds[f"{name}:{size}"] = record
            builds_file.write_text(json.dumps(builds, indent=2))


if __name__ == "__main__":
    main()
