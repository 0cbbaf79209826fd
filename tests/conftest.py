"""Shared fixtures: the real corpus (read in place from ../shared) and an embedded index built from it."""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
TODAY = date(2026, 11, 23)
ES_URL = os.environ.get("VNLEX_ES_URL", "http://127.0.0.1:9200")
CORPUS_FILES = [
    "phapdien/demuc_39.8_phong-chong-mua-ban-nguoi.html",
    "news/000_05fd690002272884.txt",
    "news/001_470cd60375e1af43.txt",
]


def corpus_file(relative: str) -> Path:
    path = CORPUS / relative
    if not path.exists():
        pytest.skip(f"real corpus file {path} not available")
    return path


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory) -> str:
    """sqlite:/// URL of an index holding topic 39.8 (the anti-trafficking framework) and two news reports."""
    from ingest.pipeline import ingest_paths
    from search_api.backends.sqlite import SQLiteBackend

    files = [corpus_file(name) for name in CORPUS_FILES]
    path = tmp_path_factory.mktemp("index") / "corpus.sqlite"
    backend = SQLiteBackend(path)
    report = ingest_paths(files, backend, today=TODAY, workers=2)
    assert not report.skipped, report.skipped
    backend.close()
    return f"sqlite:///{path}"


def require_elasticsearch() -> None:
    """Skip when no server answers at VNLEX_ES_URL; fail instead under VNLEX_REQUIRE_ES=1 (CI),
    where a silently skipped backend would be an untested backend."""
    from search_api.backends.elasticsearch import ElasticsearchBackend

    probe = ElasticsearchBackend(ES_URL, index_prefix="vnlex-probe", request_timeout=3)
    try:
        probe.client.cluster.health()
        return
    except Exception as error:  # any failure means: no usable server
        problem = f"no Elasticsearch at {ES_URL} ({error.__class__.__name__}: {error})"
    finally:
        probe.close()
    if os.environ.get("VNLEX_REQUIRE_ES") == "1":
        pytest.fail(f"{problem}; VNLEX_REQUIRE_ES=1 requires it (scripts/elasticsearch.sh start)")
    pytest.skip(f"{problem}; start one with scripts/elasticsearch.sh start")


def require_ocr() -> None:
    """Skip when Tesseract (with its Vietnamese model) or pdftoppm is missing; fail instead under
    VNLEX_REQUIRE_OCR=1 (scripts/test.sh), as VNLEX_REQUIRE_ES does for Elasticsearch."""
    from ingest.ocr import missing_tools

    missing = missing_tools()
    if not missing:
        return
    problem = f"OCR tools missing (Debian packages: {', '.join(missing)})"
    if os.environ.get("VNLEX_REQUIRE_OCR") == "1":
        pytest.fail(f"{problem}; VNLEX_REQUIRE_OCR=1 requires them (scripts/test.sh installs them as root)")
    pytest.skip(problem)


@pytest.fixture(scope="session")
def es_corpus_index() -> str:
    """http://host:9200/<prefix> URL of Elasticsearch indexes holding the same files as
    `corpus_index`, under a unique prefix deleted again at the end of the session."""
    from ingest.pipeline import ingest_paths
    from search_api.backends import open_backend

    require_elasticsearch()
    files = [corpus_file(name) for name in CORPUS_FILES]
    url = f"{ES_URL.rstrip('/')}/vnlextest-{uuid.uuid4().hex[:12]}"
    backend = open_backend(url)
    try:
        report = ingest_paths(files, backend, today=TODAY, workers=2)
        assert not report.skipped, report.skipped
        yield url
    finally:
        backend.drop()
        backend.close()


@pytest.fixture(scope="session", params=["sqlite", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def any_corpus_index(request) -> str:
    """The corpus index URL on each backend in turn: API and answer behaviour must hold on both."""
    return request.getfixturevalue("corpus_index" if request.param == "sqlite" else "es_corpus_index")


@pytest.fixture
def settings_for(tmp_path):
    """Settings bound to an index URL, with a pinned date and a token for write endpoints."""
    from search_api.settings import Settings

    def make(index_url: str, **overrides) -> Settings:
        values = {"index_url": index_url, "today": TODAY, "api_token": "test-token", "corpus_dir": CORPUS}
        values.update(overrides)
        return Settings(**values)

    return make


# The answer pipeline's questions reach beyond topic 39.8: penalties (Bộ luật Hình sự, topic 16.1)
# and legal aid (topic 4.5); one news report checks that news is never quoted as the answer.
ANSWER_CORPUS_FILES = [
    "phapdien/demuc_39.8_phong-chong-mua-ban-nguoi.html",
    "phapdien/demuc_16.1_hinh-su.html",
    "phapdien/demuc_4.5_tro-giup-phap-ly.html",
    "news/000_05fd690002272884.txt",
    "news/001_470cd60375e1af43.txt",
]


@pytest.fixture(scope="session", params=["sqlite", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def answer_index(request, tmp_path_factory) -> str:
    """Index URL (each backend in turn) holding ANSWER_CORPUS_FILES."""
    from ingest.pipeline import ingest_paths
    from search_api.backends import open_backend

    files = [corpus_file(name) for name in ANSWER_CORPUS_FILES]
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('answers') / 'answers.sqlite'}"
    else:
        require_elasticsearch()
        url = f"{ES_URL.rstrip('/')}/vnlexanswers-{uuid.uuid4().hex[:12]}"
    backend = open_backend(url)
    try:
        report = ingest_paths(files, backend, today=TODAY, workers=2)
        assert not report.skipped, report.skipped
        backend.close()
        yield url
    finally:
        if request.param == "elasticsearch":
            cleanup = open_backend(url)
            cleanup.drop()
            cleanup.close()


@pytest.fixture(scope="module")
def store(answer_index):
    """The answer layer's CorpusStore over the answer corpus (each backend in turn)."""
    from search_api.backends import open_backend
    from search_api.corpus_store import CorpusStore

    backend = open_backend(answer_index)
    yield CorpusStore(backend)
    backend.close()


@pytest.fixture(scope="module")
def answer_client(answer_index):
    """The app over answer_index (each backend in turn), started with its lifespan (answer store warm)."""
    from fastapi.testclient import TestClient

    from search_api.app import create_app
    from search_api.settings import Settings

    app = create_app(Settings(index_url=answer_index, today=TODAY, api_token="test-token", corpus_dir=CORPUS))
    with TestClient(app) as client:
        yield client


def ask(client, question: str, **params) -> dict:
    """/api/ask's JSON for a question (status checked)."""
    response = client.get("/api/ask", params={"q": question, **params})
    assert response.status_code == 200, response.text
    return response.json()


def first_quote(data: dict) -> tuple[str, str, str]:
    """(document number, article number, text) of an answer's first quote."""
    quote = data["answer"][0]
    return quote["doc_number"], quote["article_number"], quote["text"]


@contextmanager
def sqlite_client_over(files: list[str], directory: Path):
    """A test client of the app over an embedded index of these corpus files (a topic the shared answer index lacks,
    such as the children's texts), built in directory."""
    from fastapi.testclient import TestClient

    from ingest.pipeline import ingest_paths
    from search_api.app import create_app
    from search_api.backends.sqlite import SQLiteBackend
    from search_api.settings import Settings

    path = directory / "topic.sqlite"
    backend = SQLiteBackend(path)
    report = ingest_paths([corpus_file(name) for name in files], backend, today=TODAY, workers=2)
    assert not report.skipped, report.skipped
    backend.close()
    app = create_app(Settings(index_url=f"sqlite:///{path}", today=TODAY, api_token="test-token", corpus_dir=CORPUS))
    with TestClient(app) as client:
        yield client
