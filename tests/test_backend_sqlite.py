import sqlite3

import pytest

from ingest.index_contract import BackendError
from search_api.backends import open_backend
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
    with pytest.raises(AttributeError):
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


def test_match_text_keeps_rare_terms_and_falls_back_to_common_ones():
    from ingest.analysis import analyze
    from search_api.backends.sqlite_query import match_expression

    analysis = analyze("nạn nhân được hỗ trợ tiền ăn")
    doc_freq = {
        "nạn_nhân": 90,
        "nan": 90,
        "nhan": 90,
        "nan_nhan": 90,
        "tiền": 5,
        "tien": 20,
        "an": 40,
        "tien_an": 3,
        "được": 95,
        "duoc": 95,
    }
    text = match_expression(analysis, doc_freq, rows=100)
    assert '"tiền"' in text and '"tien_an"' in text
    assert '"nạn_nhân"' not in text and '"duoc"' not in text  # in over half the rows
    assert '"hỗ_trợ"' not in text  # absent from the index: matches nothing
    only_common = match_expression(analyze("nạn nhân"), doc_freq, rows=100)
    assert '"nạn_nhân"' in only_common and '"nan_nhan"' in only_common
    assert match_expression(analysis).count('"') > text.count('"')  # without statistics nothing is dropped


def test_match_text_quotes_every_token():
    from ingest.analysis import Analysis
    from search_api.backends.sqlite_query import match_expression

    text = match_expression(Analysis(('a"b',), (), ("near",)))
    assert '"a""b"' in text and '"near"' in text


def test_elasticsearch_url_path_is_the_index_prefix():
    backend = open_backend("http://127.0.0.1:9/alqac")
    assert (backend.url, backend.index_prefix) == ("http://127.0.0.1:9", "alqac")
    assert open_backend("http://127.0.0.1:9").index_prefix == "vnlex"
    with pytest.raises(BackendError, match="index prefix"):
        open_backend("http://127.0.0.1:9/Bad*Prefix")


def test_match_text_ignores_streams_no_field_uses():
    from ingest.analysis import analyze
    from search_api.backends.sqlite_query import match_expression

    # 'nhân' is rare as an exact syllable, but no field is matched on exact syllables:
    # it must not stop the fallback to the common words that are all the query has.
    text = match_expression(analyze("nạn nhân"), {"nạn_nhân": 90, "nhân": 1, "nan": 90, "nan_nhan": 90}, rows=100)
    assert text is not None and '"nạn_nhân"' in text


def test_wal_is_cut_back_after_rebuilds_with_a_reader_open(tmp_path, monkeypatch):
    """Regression: the WAL grew to 169 MB beside a 40 MB index over three re-ingests while the
    server held a connection. Each staged rebuild checkpoints and truncates it; a reader that holds a
    snapshot during one rebuild only delays the truncation to the next checkpoint."""
    import dataclasses
    import os

    from search_api.backends import sqlite_connection

    monkeypatch.setattr(sqlite_connection, "WAL_SIZE_LIMIT", 64 * 1024)
    path = tmp_path / "wal.sqlite"
    writer = SQLiteBackend(path)
    template = analyse_document(law())
    documents = [
        dataclasses.replace(template, document=dataclasses.replace(template.document, number=f"{n}/2011/QH12"))
        for n in range(1, 400)
    ]
    writer.replace_file("many.html", "sha-0", documents)
    reader = SQLiteBackend(path)
    assert reader.search(query("hỗ trợ y tế")).total > 0  # an open reader connection, as in the server
    wal = lambda: os.path.getsize(str(path) + "-wal") if os.path.exists(str(path) + "-wal") else 0  # noqa: E731
    sizes = []
    for round_ in range(3):
        if round_ == 1:
            reader.db.execute("BEGIN")  # a reader in the middle of a snapshot during this rebuild
            reader.db.execute("SELECT count(*) FROM articles").fetchone()
        with writer.staging() as stage:
            stage.replace_file("many.html", f"sha-{round_ + 1}", documents)
        if round_ == 1:
            reader.db.execute("COMMIT")
        writer.checkpoint()
        sizes.append(wal())
        assert reader.search(query("hỗ trợ y tế")).total > 0
    assert max(sizes) <= 64 * 1024, sizes
    assert path.stat().st_size > 1_000_000  # the index is big enough that an uncut WAL would show
