"""The ingest run and the CLI on real and deliberately broken files: idempotence, replacement,
per-file reasons, exit codes and the `show --json` shape."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest
from typer.testing import CliRunner

from ingest.answer_data import answer_data
from ingest.numbers import number_key
from ingest.pipeline import ingest_paths
from search_api.backends.sqlite import SQLiteBackend
from search_api.cli import app
from tests.conftest import TODAY, corpus_file, require_ocr

LEGAL_TEXT = """QUỐC HỘI
Luật số: 01/2099/QH99
LUẬT
THỬ NGHIỆM NHẬP LIỆU
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Luật này quy định việc hỗ trợ nạn nhân bị mua bán.
Điều 2. Đối tượng áp dụng
1. Nạn nhân.
2. Người thân thích của nạn nhân.
"""


@pytest.fixture
def folder(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "luat.txt").write_text(LEGAL_TEXT, encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "latin1.txt").write_bytes("Điều 1. Ngày mới".encode("utf-16-le")[2:] + b"\xff\xfe\xfa")
    (docs / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF")
    (docs / "notes.xlsx").write_bytes(b"whatever")
    with zipfile.ZipFile(docs / "fake.docx", "w") as archive:
        archive.writestr("hello.txt", "no document.xml here")
    return docs


def reasons(report) -> dict[str, str]:
    return {o.path.rsplit("/", 1)[-1]: o.reason for o in report.skipped}


def test_every_bad_file_gets_its_own_reason_and_the_good_one_lands(folder, tmp_path):
    backend = SQLiteBackend(tmp_path / "i.sqlite")
    report = ingest_paths([folder], backend, today=TODAY, workers=1)
    why = reasons(report)
    assert why["empty.txt"] == "empty file"
    assert why["latin1.txt"].startswith("undecodable text")
    assert why["broken.docx"].startswith("corrupt DOCX")
    assert why["fake.docx"].startswith("corrupt DOCX")
    assert "PDF" in why["broken.pdf"]
    assert why["notes.xlsx"].startswith("unsupported file type '.xlsx'")
    assert "luat.txt" not in why
    document = backend.get_document("01/2099/QH99")
    assert document is not None and [a.number for a in document.articles] == ["1", "2"]


def test_size_limit_is_checked_before_reading(folder, tmp_path):
    big = folder / "big.txt"
    with open(big, "wb") as handle:  # sparse: 200 MB on paper, nothing read
        handle.truncate(200_000_000)
    backend = SQLiteBackend(tmp_path / "i.sqlite")
    report = ingest_paths([big], backend, today=TODAY, workers=1, max_file_bytes=50_000_000)
    assert reasons(report)["big.txt"] == "file too large (200.0 MB > 50 MB limit)"


def test_scanned_pdf_is_read_by_ocr_in_the_worker_pool(tmp_path):
    require_ocr()
    scanned = corpus_file("fixtures/pdf/QD_1121-1997-QD-TTg_scanned_lawsoft.pdf")
    backend = SQLiteBackend(tmp_path / "i.sqlite")
    report = ingest_paths([scanned], backend, today=TODAY, workers=2)
    assert not report.skipped, report.skipped
    stored = backend.get_document("1121/1997/QĐ-TTg")
    assert stored.text_origin == "ocr" and 60 <= stored.ocr_confidence <= 100
    assert [a.number for a in stored.articles][:4] == ["1", "2", "3", "4"]


def test_reingest_skips_unchanged_and_replaces_changed(folder, tmp_path):
    backend = SQLiteBackend(tmp_path / "i.sqlite")
    ingest_paths([folder / "luat.txt"], backend, today=TODAY, workers=1)
    before = backend.stats()
    again = ingest_paths([folder / "luat.txt"], backend, today=TODAY, workers=1)
    assert [o.status for o in again.outcomes] == ["unchanged"]
    assert backend.stats() == before
    (folder / "luat.txt").write_text(
        LEGAL_TEXT.replace("Điều 2. Đối tượng áp dụng\n1. Nạn nhân.\n2. Người thân thích của nạn nhân.\n", ""),
        encoding="utf-8",
    )
    changed = ingest_paths([folder / "luat.txt"], backend, today=TODAY, workers=1)
    assert [o.status for o in changed.outcomes] == ["ingested"]
    assert backend.stats()["articles"] == before["articles"] - 1
    assert [a.number for a in backend.get_document("01/2099/QH99").articles] == ["1"]


def test_an_edited_catalogue_is_reread_by_a_plain_reingest(folder, tmp_path, monkeypatch):
    """The catalogue is project data: a relation added to it reaches the index without --force."""
    import ingest.catalogue
    import ingest.pipeline

    backend = SQLiteBackend(tmp_path / "i.sqlite")
    ingest_paths([folder / "luat.txt"], backend, today=TODAY, workers=1)
    unchanged = ingest_paths([folder / "luat.txt"], backend, today=TODAY, workers=1)
    assert unchanged.catalogued_only == 0  # nothing to rewrite
    edited = json.loads(ingest.catalogue.CATALOGUE_PATH.read_text(encoding="utf-8"))
    stub = next(d for d in edited["documents"] if d["number"] == "193/QĐ-TTg")
    stub["relations"].append(
        {"type": "lien_quan", "target": "01/2099/QH99", "target_article": None, "date": None, "note": "thử"}
    )
    copy = tmp_path / "catalogue.json"
    copy.write_text(json.dumps(edited, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(ingest.catalogue, "CATALOGUE_PATH", copy)
    monkeypatch.setattr(ingest.pipeline, "CATALOGUE_PATH", copy)
    reread = ingest_paths([folder / "luat.txt"], backend, today=TODAY, workers=1)
    assert [o.status for o in reread.outcomes] == ["unchanged"] and reread.catalogued_only > 0
    assert any(
        source == "193/QĐ-TTg" and relation.note.startswith("thử")
        for source, relation in backend.incoming_relations("01/2099/QH99")
    )


def test_worker_pool_gives_the_same_index_as_one_process(tmp_path):
    page = corpus_file("phapdien/demuc_39.8_phong-chong-mua-ban-nguoi.html")
    one, two = SQLiteBackend(tmp_path / "one.sqlite"), SQLiteBackend(tmp_path / "two.sqlite")
    ingest_paths([page], one, today=TODAY, workers=1)
    ingest_paths([page], two, today=TODAY, workers=2)
    assert one.stats() == two.stats()
    assert one.get_document("09/2013/NĐ-CP").to_dict() == two.get_document("09/2013/NĐ-CP").to_dict()
    # The answer data, computed in the pool beside the analysis, is stored for every document
    # and equals what start-up would compute from the stored document.
    stored = two.stored_answer_data()
    assert stored == one.stored_answer_data()
    numbers = [number for number, _type, _title in two.document_numbers()]
    assert len(stored) == len(numbers) and sum(len(d["provisions"]) for d in stored.values()) > 10
    for number in numbers:
        assert stored[number_key(number)] == answer_data(two.get_document(number)), number


runner = CliRunner()


def test_cli_ingest_report_and_show_json(folder, tmp_path):
    index = f"sqlite:///{tmp_path}/cli.sqlite"
    shutil.copy(corpus_file("phapdien/demuc_39.8_phong-chong-mua-ban-nguoi.html"), folder / "demuc.html")
    result = runner.invoke(app, ["ingest", str(folder), "--index", index, "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "skipped" in result.output and "empty file" in result.output
    assert "relations" in result.output
    shown = runner.invoke(app, ["show", "9/2013/nd-cp", "--index", index, "--json"])
    assert shown.exit_code == 0, shown.output
    data = json.loads(shown.output)
    assert (data["number"], data["type"], data["issuer"]) == ("09/2013/NĐ-CP", "Nghị định", "Chính phủ")
    assert (data["issued"], data["effective"]) == ("2013-01-11", "2013-04-15")
    # The official trích yếu, not the codified database's short label "Hướng dẫn Luật ..." (issue 9).
    assert data["status"] == "het_hieu_luc" and data["title"].startswith("Quy định chi tiết thi hành")
    assert {"number", "title", "text", "path"} <= set(data["articles"][0])
    assert any(
        r["type"] == "quy_dinh_chi_tiet" and r["target"] == "66/2011/QH12" and r["target_article"]
        for r in data["relations"]
    )
    article = json.loads(
        runner.invoke(app, ["show", "66/2011/QH12", "--article", "32", "--index", index, "--json"]).output
    )
    assert article["article"]["number"] == "32" and article["replaced_by"] == "53/2024/QH15"


def test_cli_failures_exit_nonzero_with_one_line(tmp_path):
    index = f"sqlite:///{tmp_path}/empty.sqlite"
    missing = runner.invoke(app, ["show", "01/2099/QH99", "--index", index])
    assert missing.exit_code == 1 and "is not in the index" in missing.output
    no_path = runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--index", index])
    assert no_path.exit_code == 1 and "no such file or folder" in no_path.output
    bad_url = runner.invoke(app, ["show", "x", "--index", "ftp://host/x"])
    assert bad_url.exit_code == 1 and "unsupported index URL" in bad_url.output


def test_cli_recreate_rebuilds_an_index_of_another_version(folder, tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite"
    index = f"sqlite:///{path}"
    assert runner.invoke(app, ["ingest", str(folder / "luat.txt"), "--index", index, "--workers", "1"]).exit_code == 0
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value='0' WHERE key='schema_version'")
    refused = runner.invoke(app, ["show", "01/2099/QH99", "--index", index])
    assert refused.exit_code == 1 and "vnlex ingest --recreate" in refused.output
    rebuilt = runner.invoke(app, ["ingest", str(folder / "luat.txt"), "--index", index, "--workers", "1", "--recreate"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert runner.invoke(app, ["show", "01/2099/QH99", "--index", index]).exit_code == 0
