import sqlite3

import pytest

from search_api.backends import open_backend
from search_api.backends.base import BackendError
from search_api.backends.sqlite import SQLiteBackend
from tests.backend_contract import BackendContractTests, analyse_document, law, query


@pytest.fixture
def backend(tmp_path):
    backend = open_backend(f"sqlite:///{tmp_path}/index.sqlite")
    yield backend
    backend.close()


class TestSQLiteContract(BackendContractTests):
    pass


def test_interrupted_file_leaves_previous_records(tmp_path):
    backend = SQLiteBackend(tmp_path / "i.sqlite")
    backend.replace_file("law.html", "sha-1", [analyse_document(law())])
    broken = analyse_document(law())
    broken.articles[1].article_id = None  # type: ignore[assignment]  # makes the second insert fail midway
    broken.articles.append(object())  # type: ignore[arg-type]
    with pytest.raises(Exception):
        backend.replace_file("law.html", "sha-2", [broken])
    assert backend.file_hash("law.html") == "sha-1"
    assert backend.stats()["articles"] == 2
    assert backend.search(query("hỗ trợ y tế")).hits[0].article_number == "32"


def test_schema_version_mismatch_is_a_clear_error(tmp_path):
    path = tmp_path / "old.sqlite"
    SQLiteBackend(path).stats()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value='0' WHERE key='schema_version'")
    with pytest.raises(BackendError, match="schema version 0"):
        SQLiteBackend(path).stats()


def test_unknown_index_url_is_rejected():
    with pytest.raises(BackendError, match="unsupported index URL"):
        open_backend("ftp://example/index")
