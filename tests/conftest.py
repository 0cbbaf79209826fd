"""Shared fixtures: the real corpus (read in place from ../shared) and an embedded index built from it."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
TODAY = date(2026, 11, 23)


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

    files = [corpus_file("phapdien/demuc_39.8_phong-chong-mua-ban-nguoi.html"),
             corpus_file("news/000_05fd690002272884.txt"), corpus_file("news/001_470cd60375e1af43.txt")]
    path = tmp_path_factory.mktemp("index") / "corpus.sqlite"
    backend = SQLiteBackend(path)
    report = ingest_paths(files, backend, today=TODAY, workers=2)
    assert not report.skipped, report.skipped
    backend.close()
    return f"sqlite:///{path}"


@pytest.fixture
def settings_for(tmp_path):
    """Settings bound to an index URL, with a pinned date and a token for write endpoints."""
    from search_api.settings import Settings

    def make(index_url: str, **overrides) -> Settings:
        values = {"index_url": index_url, "today": TODAY, "api_token": "test-token", "corpus_dir": CORPUS}
        values.update(overrides)
        return Settings(**values)

    return make
