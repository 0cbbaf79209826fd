"""The embedded backend's impact-ordered postings (search_api/backends/sqlite_impact.py), on real SQLite.

The plan must rank exactly like FTS5's bm25 over every match while no term is cut, keep its
postings and counts right through re-ingest, deletes, documents moving between files and the
staged rebuild, mark totals as estimates when a term is cut, and keep user text out of SQL.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from ingest.index_contract import SEARCH_FIELDS, Filters
from ingest.indexing import analyse_document
from ingest.model import Article, Document
from search_api.backends import sqlite_impact
from search_api.backends.sqlite import SQLiteBackend
from search_api.search import SearchService
from tests.backend_contract import decree, law, query

QUERIES = [
    "hỗ trợ nạn nhân",
    "ho tro y te",
    "nạn nhân bị mua bán được hỗ trợ tiền ăn",
    "giá bán",
    "mua ban nguoi bo luat hinh su",
    "thông tin",
]


def _circular(number: str, words: str, articles: int = 4) -> Document:
    return Document(
        number=number,
        type="Thông tư",
        title=f"Hướng dẫn {words}",
        issuer="Bộ Lao động - Thương binh và Xã hội",
        issued=date(2014, 5, 2),
        status="con_hieu_luc",
        topic="39.8 Phòng, chống mua bán người",
        articles=[
            Article(
                str(n),
                f"Hỗ trợ {words} lần {n}",
                f"Nạn nhân được hỗ trợ {words}. " * n + "Hỗ trợ y tế và tâm lý cho nạn nhân.",
                f"dieu_{n}",
                [],
            )
            for n in range(1, articles + 1)
        ],
    )


def _load(backend: SQLiteBackend) -> None:
    backend.replace_file("law.html", "sha-law", [analyse_document(law())])
    backend.replace_file("decree.html", "sha-decree", [analyse_document(decree())])
    for n, words in enumerate(["học nghề", "tiền ăn", "pháp lý", "đi lại"]):
        backend.replace_file(
            f"tt{n}.html", f"sha-{n}", [analyse_document(_circular(f"0{n + 1}/2014/TT-BLĐTBXH", words))]
        )


def _ranking(backend: SQLiteBackend, plan: str, text: str, **kwargs):
    backend.plan = plan
    backend.exact_below = 0  # these small indexes would otherwise be answered by FTS5 (see the last test)
    result = backend.search(query(text, size=100, **kwargs))
    return result, [(h.doc_number, h.article_number) for h in result.hits], [h.score for h in result.hits]


def _consistent(backend: SQLiteBackend) -> None:
    """The impact tables say exactly what the article rows hold (every list complete here)."""
    db = backend.db
    expected_df: dict[str, int] = {}
    expected_postings: set[tuple[str, int]] = set()
    for rowid, *texts in db.execute(f"SELECT rowid, {', '.join(SEARCH_FIELDS)} FROM articles"):
        _, weighted = sqlite_impact.row_terms(dict(zip(SEARCH_FIELDS, texts, strict=True)))
        for key in weighted:
            expected_df[key] = expected_df.get(key, 0) + 1
            expected_postings.add((key, rowid))
    stored = {term: (df, listed) for term, df, listed in db.execute("SELECT term, df, listed FROM impact_terms")}
    assert {t: df for t, (df, _) in stored.items()} == expected_df
    assert set(db.execute("SELECT term, row FROM impact_postings")) == expected_postings
    assert all(df == listed for df, listed in stored.values())


@pytest.fixture
def backend(tmp_path):
    backend = SQLiteBackend(tmp_path / "impact.sqlite")
    _load(backend)
    yield backend
    backend.close()


@pytest.mark.parametrize("text", QUERIES)
def test_uncut_impact_plan_ranks_scores_and_counts_like_fts5(backend, text):
    fts, fts_order, fts_scores = _ranking(backend, "fts", text, with_facets=True)
    impact, impact_order, impact_scores = _ranking(backend, "impact", text, with_facets=True)
    assert fts.total > 0
    assert impact_order == fts_order
    assert impact_scores == pytest.approx(fts_scores, rel=1e-9)
    assert (impact.total, impact.facets, impact.total_is_estimate) == (fts.total, fts.facets, False)


def test_document_filters_apply_to_the_impact_plan(backend):
    filters = Filters(doc_type=["Thông tư"], year_from=2014)
    text = "hỗ trợ tiền ăn học nghề"
    fts, fts_order, _ = _ranking(backend, "fts", text, filters=filters)
    impact, impact_order, _ = _ranking(backend, "impact", text, filters=filters)
    assert impact_order == fts_order and impact.total == fts.total > 0
    assert {number for number, _ in impact_order} == {"01/2014/TT-BLĐTBXH", "02/2014/TT-BLĐTBXH"}
    unfiltered, _, _ = _ranking(backend, "impact", text)
    assert "09/2013/NĐ-CP" in {h.doc_number for h in unfiltered.hits}


def test_postings_follow_reingest_delete_and_a_document_moving_file(backend):
    _consistent(backend)
    backend.replace_file("law.html", "sha-law-2", [analyse_document(law())])  # re-ingest, same text
    _consistent(backend)
    changed = replace(law(), articles=law().articles[:1])  # a file now holding one article fewer
    backend.replace_file("law.html", "sha-law-3", [analyse_document(changed)])
    _consistent(backend)
    # The decree ingested again from another file replaces the first file's copy.
    backend.replace_file("decree-copy.html", "sha-copy", [analyse_document(decree())])
    _consistent(backend)
    backend.delete_file("tt0.html")
    _consistent(backend)
    assert backend.search(query("học nghề")).total == 0
    with backend.staging() as stage:  # the atomic rebuild writes through the same code
        stage.replace_file("tt1.html", "sha-1b", [analyse_document(_circular("02/2014/TT-BLĐTBXH", "vay vốn"))])
    _consistent(backend)
    assert backend.search(query("vay vốn")).hits[0].doc_number == "02/2014/TT-BLĐTBXH"


def test_cut_lists_mark_estimates_rescore_the_best_and_refill_after_deletes(tmp_path, monkeypatch):
    monkeypatch.setattr(sqlite_impact, "LISTED_PER_TERM", 3)
    monkeypatch.setattr(sqlite_impact, "PRUNE_AT", 5)
    monkeypatch.setattr(sqlite_impact, "REFILL_BELOW", 2)
    backend = SQLiteBackend(tmp_path / "cut.sqlite")
    backend.per_term = 3
    for n in range(8):  # "nạn nhân" and "hỗ trợ" in every article: their lists get cut
        document = _circular(f"{n + 10}/2015/TT-BLĐTBXH", f"khoản {n}", articles=3)
        backend.replace_file(f"c{n}.html", f"sha-{n}", [analyse_document(document)])
    db = backend.db
    df, listed, floor = db.execute("SELECT df, listed, floor FROM impact_terms WHERE term = 'f:nan'").fetchone()
    assert df == 24 and listed < df and floor > 0  # cut (rows tied at the floor stay)
    # The listed postings are the term's best: none left out scores higher.
    kept = {row for (row,) in db.execute("SELECT row FROM impact_postings WHERE term = 'f:nan'")}
    _, avgdl = sqlite_impact.collection_shape(db)
    impacts = {}
    for rowid, *texts in db.execute(f"SELECT rowid, {', '.join(SEARCH_FIELDS)} FROM articles"):
        length, weighted = sqlite_impact.row_terms(dict(zip(SEARCH_FIELDS, texts, strict=True)))
        impacts[rowid] = sqlite_impact.impact(weighted["f:nan"], length, avgdl)
    assert min(impacts[r] for r in kept) >= max(impacts[r] for r in impacts if r not in kept) - 1e-9

    fts, fts_order, fts_scores = _ranking(backend, "fts", "khoan 5 lan 1")
    impact, impact_order, impact_scores = _ranking(backend, "impact", "khoan 5 lan 1")
    assert impact.total_is_estimate and not fts.total_is_estimate
    assert impact.total >= len(impact.hits)
    # The rescored best rows carry the cut terms' exact contributions: same top and scores.
    assert impact_order[:3] == fts_order[:3]
    assert impact_scores[:3] == pytest.approx(fts_scores[:3], rel=1e-9)
    service = SearchService(backend)
    assert service.search("khoan 5 lan 1")["total_is_estimate"] is True
    # Under the exact budget, the same query is FTS5's: counted, not estimated.
    backend.exact_below = sqlite_impact.EXACT_BELOW_POSTINGS
    assert service.search("khoan 5 lan 1")["total_is_estimate"] is False
    backend.exact_below = 0

    # Deleting the files holding the listed rows leaves the cut list short: it is refilled.
    files = {f"c{n}.html" for n in range(8)}
    listed_files = {
        source
        for (source,) in db.execute(
            "SELECT DISTINCT source_file FROM articles WHERE rowid IN (SELECT row FROM impact_postings"
            " WHERE term = 'f:nan')"
        )
    }
    for source in sorted(listed_files)[:-1]:
        backend.delete_file(source)
    remaining = len(files - set(sorted(listed_files)[:-1])) * 3
    df, listed, _ = db.execute("SELECT df, listed, floor FROM impact_terms WHERE term = 'f:nan'").fetchone()
    assert df == remaining and listed >= min(3, remaining)
    backend.close()


def test_user_text_with_engine_syntax_is_plain_words_in_both_plans(backend):
    hostile = ['"hỗ trợ" OR NEAR(y tế) * ^ AND', "ho'tro\"; DROP TABLE impact_terms; --", "{body_fold}: nan"]
    for text in hostile:
        _, fts_order, _ = _ranking(backend, "fts", text)
        _, impact_order, _ = _ranking(backend, "impact", text)
        assert impact_order == fts_order
    assert backend.db.execute("SELECT count(*) FROM impact_terms").fetchone()[0] > 0
    # A token FTS5 would read as a phrase has no key of its own: the FTS5 plan answers instead.
    assert sqlite_impact.term_key("folded", "ho tro") is None
    assert sqlite_impact.term_key("folded", "Hỗ") == "f:hỗ"


def test_row_lengths_and_average_are_fts5s_own(backend):
    """bm25's document length and average come from FTS5's docsize and averages records."""
    db = backend.db
    rows, avgdl = sqlite_impact.collection_shape(db)
    total = 0
    for rowid, *texts in db.execute(f"SELECT rowid, {', '.join(SEARCH_FIELDS)} FROM articles"):
        length, _ = sqlite_impact.row_terms(dict(zip(SEARCH_FIELDS, texts, strict=True)))
        sizes = sqlite_impact._varints(
            db.execute("SELECT sz FROM articles_docsize WHERE id = ?", (rowid,)).fetchone()[0]
        )
        assert length == sum(sizes)
        total += length
    assert rows == backend.stats()["articles"] and avgdl == pytest.approx(total / rows)


def test_an_index_without_impact_tables_is_refused_with_the_way_to_rebuild(tmp_path):
    import sqlite3

    from ingest.index_contract import INDEX_VERSION, BackendError

    path = tmp_path / "v4.sqlite"
    SQLiteBackend(path).stats()
    with sqlite3.connect(path) as connection:  # what an index written before these tables says
        connection.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(INDEX_VERSION),))
    with pytest.raises(BackendError, match="vnlex ingest --recreate"):
        SQLiteBackend(path).stats()


def test_search_response_says_whether_the_total_is_counted(backend):
    from search_api.schemas import SearchResponse

    response = SearchService(backend).search("hỗ trợ y tế")
    assert response["total"] > 0 and response["total_is_estimate"] is False
    assert SearchResponse.model_validate(response).total_is_estimate is False


def test_unknown_plan_is_refused(tmp_path, monkeypatch):
    from ingest.index_contract import BackendError

    monkeypatch.setenv("VNLEX_SQLITE_PLAN", "fast")
    with pytest.raises(BackendError, match="VNLEX_SQLITE_PLAN"):
        SQLiteBackend(tmp_path / "x.sqlite")
