"""The ingest run: discover → read+parse (workers) → citations → status → analyse (workers) → write per file.

underthesea segmentation dominates the cost, so analysis is spread over a process
pool at article granularity (files are few and uneven: one codified page holds 400
articles). Parsing also runs in the pool, so a slow PDF never serialises the run.
One bad file never stops the run: it is recorded with its reason and reported.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ingest.analysis import Analysis, analyze
from ingest.answer_data import answer_data
from ingest.catalogue import CATALOGUE_PATH
from ingest.catalogue import STUB_SOURCE_FILE as CATALOGUE_SOURCE
from ingest.dispatch import discover, parse_bytes, read_limited, sha256
from ingest.errors import IngestError
from ingest.index_contract import AnalysedArticle, AnalysedDocument, SearchBackend
from ingest.indexing import article_heading, document_label
from ingest.model import Document, unique_relations
from ingest.numbers import number_key


@dataclass
class FileOutcome:
    path: str
    status: str  # "ingested" | "unchanged" | "skipped"
    reason: str = ""
    documents: int = 0
    articles: int = 0
    relations: int = 0
    numbers: list[str] = field(default_factory=list)  # the documents this file holds


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    # Catalogue stubs (re)written by this run: documents named by corpus/catalogue.json whose
    # text is not in the collection, and their relations. Not part of any file's counts.
    catalogued_only: int = 0
    relations_from_catalogue: int = 0
    # The index's own counts after the run (SearchBackend.stats(): the INDEX_COUNTS names,
    # exactly what /api/health reports).
    index: dict = field(default_factory=dict)
    # Stored documents whose status changed because of what this run brought (e.g. the text that
    # replaces them arrived), recomputed over the whole collection.
    recomputed: list[str] = field(default_factory=list)

    def count(self, attribute: str) -> int:
        return sum(getattr(o, attribute) for o in self.outcomes)

    @property
    def skipped(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "skipped"]

    def to_dict(self) -> dict:
        return {
            "documents": self.count("documents"),
            "articles": self.count("articles"),
            "relations": self.count("relations"),
            "documents_with_text": self.count("documents"),
            "catalogued_only": self.catalogued_only,
            "relations_from_catalogue": self.relations_from_catalogue,
            "files": {s: sum(o.status == s for o in self.outcomes) for s in ("ingested", "unchanged", "skipped")},
            "index": self.index,
            "skipped": [{"path": o.path, "reason": o.reason} for o in self.skipped],
            "status_recomputed": list(self.recomputed),
            "outcomes": [o.__dict__ for o in self.outcomes],
        }


@dataclass
class _Parsed:
    path: str
    sha: str = ""
    documents: list[Document] = field(default_factory=list)
    error: str = ""


def _read_and_parse(job: tuple[str, int, str | None, str]) -> _Parsed:
    """Read and parse one file; `name` is what the index records as its source (its path, or
    e.g. "upload:<hash>/name" for an upload read from a temporary directory)."""
    path_text, max_bytes, known_hash, name = job
    path = Path(path_text)
    try:
        data = read_limited(path, max_bytes)
        digest = sha256(data)
        if known_hash == digest:
            return _Parsed(name, digest)
        documents = parse_bytes(path, data)
        if not documents:
            raise IngestError("no document found in file")
        from ingest.article_graph import refine
        from ingest.catalogue import default_names, load_catalogue
        from ingest.citations import extract_citations

        catalogue, names = load_catalogue(), default_names()
        for document in documents:
            document.source_file = name
            document.relations = unique_relations(document.relations + extract_citations(document))
            refine(document, catalogue, names)  # the article-level graph (ingest.article_graph)
        return _Parsed(name, digest, documents)
    except IngestError as error:
        return _Parsed(name, error=error.reason)
    except Exception as error:  # a parser bug must not stop the run; say what happened
        last = traceback.extract_tb(error.__traceback__)[-1]
        return _Parsed(
            name, error=f"parser error: {type(error).__name__}: {error} ({Path(last.filename).name}:{last.lineno})"
        )


def _analyse_job(job: tuple[int, int, str, str]) -> tuple[int, int, Analysis, Analysis]:
    doc_index, article_index, heading, text = job
    return doc_index, article_index, analyze(heading), analyze(text)


def analyse_documents(
    documents: list[Document], pool=None, progress: Callable[[int], None] = lambda n: None
) -> list[AnalysedDocument]:
    labels = [analyze(document_label(d)) for d in documents]
    # The answer data (provisions, term counts) of each document, in the pool beside the articles'
    # analysis: extracting provisions is the costly part (seconds per large decree).
    derived = pool.map_async(answer_data, documents, chunksize=1) if pool else None
    jobs = [(di, ai, article_heading(a), a.text) for di, d in enumerate(documents) for ai, a in enumerate(d.articles)]
    results: dict[tuple[int, int], tuple[Analysis, Analysis]] = {}
    mapper = pool.imap_unordered(_analyse_job, jobs, chunksize=8) if pool else map(_analyse_job, jobs)
    for doc_index, article_index, head, body in mapper:
        results[(doc_index, article_index)] = (head, body)
        progress(1)
    datas = derived.get() if derived is not None else [answer_data(d) for d in documents]
    analysed = []
    for di, document in enumerate(documents):
        rows = [
            AnalysedArticle(a.id, a.number, a.title, list(a.path), a.text, *results[(di, ai)], labels[di])
            for ai, a in enumerate(document.articles)
        ]
        analysed.append(AnalysedDocument(document, rows, datas[di]))
    return analysed


def _stored_from_a_file(backend: SearchBackend, number: str) -> bool:
    stored = backend.get_document(number)
    return stored is not None and stored.source_file != CATALOGUE_SOURCE


def ingest_paths(
    paths: Iterable[Path],
    backend: SearchBackend,
    *,
    today: date,
    workers: int = 2,
    max_file_bytes: int = 50_000_000,
    force: bool = False,
    progress: Callable[[str, int, int], None] = lambda stage, done, total: None,
    staged: bool | None = None,
    start_method: str = "fork",
    source_names: dict[str, str] | None = None,
) -> IngestReport:
    """Ingest files into the backend. With `staged` (default: when `force`), every write goes into
    a staging copy of the index that replaces it atomically at the end (backend.staging()), so
    searches during a full re-ingest see the old index, then the new one, never a half-written
    one. `start_method` "forkserver" is for callers with threads (the server): forking a
    multi-threaded process can copy a held lock into the workers. A `progress` callback that
    raises stops the run (the staging copy is then discarded). `source_names` maps a read path to
    the source name recorded in the index (default: the path itself)."""
    # Absolute paths: a file is one record whether it was named as ../shared/corpus or /work/shared/corpus.
    files = [str(p) for p in discover([Path(p).resolve() for p in paths])]
    given_names = {str(Path(path).resolve()): name for path, name in (source_names or {}).items()}
    names = {f: given_names.get(f, f) for f in files}
    known = {} if force else {names[f]: h for f in files if (h := backend.file_hash(names[f]))}
    jobs = [(f, max_file_bytes, known.get(names[f]), names[f]) for f in files]
    pool = _start_pool(workers, start_method) if workers > 1 else None
    try:
        parsed: list[_Parsed] = []
        for item in pool.imap(_read_and_parse, jobs) if pool else map(_read_and_parse, jobs):
            parsed.append(item)
            progress("parse", len(parsed), len(jobs))
        # Files about to be rewritten are not copied into a staging index: copying then replacing
        # them would leave deleted documents that Elasticsearch still counts when scoring.
        rewritten = [p.path for p in parsed if p.documents]
        rewritten += [CATALOGUE_SOURCE] if rewritten else []
        use_staging = force if staged is None else staged
        with backend.staging(rewritten) if use_staging else nullcontext(backend) as target:
            report = _write_parsed(parsed, target, pool, today, progress)
        backend.checkpoint()
        report.index = backend.stats()  # the live index, after the swap
    finally:
        if pool:
            pool.terminate()  # after a finished run they are idle; after an error they must not linger
            pool.join()
    return report


def _start_pool(workers: int, start_method: str):
    try:
        return multiprocessing.get_context(start_method).Pool(workers, initializer=die_with_parent)
    except OSError:
        # The fork server listens on a Unix socket under TMPDIR; a TMPDIR path too long for a
        # socket name (108 bytes) makes it fail. Spawned workers need no socket.
        if start_method != "forkserver":
            raise
        return multiprocessing.get_context("spawn").Pool(workers, initializer=die_with_parent)


def die_with_parent(signal_number: int | None = None) -> None:
    """Pool initializer: the worker gets SIGKILL (or `signal_number`) when the process that started it
    dies, so a kill -9 of `vnlex ingest` or `vnlex serve` leaves no orphaned workers (Linux; elsewhere
    a no-op)."""
    import ctypes
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL if signal_number is None else signal_number)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


def _write_parsed(
    parsed: list[_Parsed],
    backend: SearchBackend,
    pool,
    today: date,
    progress: Callable[[str, int, int], None],
) -> IngestReport:
    from ingest.catalogue import catalogue_stub_documents, load_catalogue
    from ingest.official import adopt_own_effective_dates, resolve_official_facts
    from ingest.status import compute_status

    report = IngestReport()
    catalogue = load_catalogue()
    fresh = [p for p in parsed if p.documents]
    parsed_keys = {number_key(d.number) for p in fresh for d in p.documents}
    stubs = [
        s
        for s in catalogue_stub_documents()
        if number_key(s.number) not in parsed_keys and not _stored_from_a_file(backend, s.number)
    ]
    all_documents = [d for p in fresh for d in p.documents] + stubs
    adopt_own_effective_dates(all_documents)  # a text's own effect clause outranks the codified notes
    compute_status(all_documents, catalogue, today)
    resolve_official_facts(all_documents, catalogue)  # official titles, every fact with its source
    total_articles = sum(len(d.articles) for d in all_documents)
    done = [0]

    def step(n: int) -> None:
        done[0] += n
        progress("analyse", done[0], total_articles)

    for item in parsed:
        if item.error:
            report.outcomes.append(FileOutcome(item.path, "skipped", item.error))
        elif not item.documents:
            report.outcomes.append(FileOutcome(item.path, "unchanged", "content hash unchanged"))
        else:
            analysed = analyse_documents(item.documents, pool, step)
            backend.replace_file(item.path, item.sha, analysed)
            report.outcomes.append(
                FileOutcome(
                    item.path,
                    "ingested",
                    documents=len(analysed),
                    articles=sum(len(a.articles) for a in analysed),
                    relations=sum(len(a.document.relations) for a in analysed),
                    numbers=[a.document.number for a in analysed],
                )
            )
    # The stubs are stored under the catalogue's own content hash: an edited catalogue (a new
    # relation, a corrected date) is re-read by a plain `vnlex ingest`, as an edited corpus file is.
    catalogue_sha = sha256(CATALOGUE_PATH.read_bytes()) if CATALOGUE_PATH.is_file() else "catalogue"
    catalogue_changed = backend.file_hash(CATALOGUE_SOURCE) != catalogue_sha
    if fresh or catalogue_changed:
        # Documents known only from the catalogue (e.g. 53/2024/QH15) so that show,
        # relations and status can name them.
        backend.replace_file(CATALOGUE_SOURCE, catalogue_sha, [AnalysedDocument(d, [], answer_data(d)) for d in stubs])
        report.catalogued_only = len(stubs)
        report.relations_from_catalogue = sum(len(d.relations) for d in stubs)
        report.recomputed = recompute_stored_status(backend, catalogue, today)
    return report


_STATUS_FIELDS = ("status", "status_note", "replaced_by", "expired", "issued", "effective")
# What decides whether a stored document must be rewritten; the note alone can differ when it is
# computed without the articles (some remarks quote the articles' own dates), so it does not count.
_DECISIVE_FIELDS = ("status", "replaced_by", "expired", "issued", "effective")


def _facts(document: Document, names: tuple[str, ...]) -> tuple:
    return tuple(getattr(document, name) for name in names)


def recompute_stored_status(backend: SearchBackend, catalogue, today: date) -> list[str]:
    """Status of every stored document again, now that new texts are in: a text that replaces,
    repeals or details one already stored changes that one's status (and its detailing texts',
    by the expiry-with-parent rule). Computed first over the metadata of the whole collection;
    documents whose status changed are then loaded whole and computed again with their articles,
    so their notes keep every remark, and rewritten in place (their analysed articles are kept).
    Returns their numbers."""
    from ingest.status import compute_status

    documents = [document for document, _articles in backend.list_documents()]
    stored = {number_key(d.number): _facts(d, _STATUS_FIELDS) for d in documents}
    decisive = {number_key(d.number): _facts(d, _DECISIVE_FIELDS) for d in documents}
    compute_status(documents, catalogue, today)
    changed = {number_key(d.number) for d in documents if _facts(d, _DECISIVE_FIELDS) != decisive[number_key(d.number)]}
    if not changed:
        return []
    fetched = [backend.get_document(d.number) if number_key(d.number) in changed else d for d in documents]
    whole = [w for w in fetched if w is not None]
    compute_status(whole, catalogue, today)
    from ingest.official import note_disagreements

    for document in whole:
        note_disagreements(document)  # the facts stored at ingest still say which sources disagree
    updated = [
        w
        for w in whole
        if number_key(w.number) in changed and _facts(w, _STATUS_FIELDS) != stored[number_key(w.number)]
    ]
    if updated:
        backend.update_documents(updated)
    return [d.number for d in updated]
