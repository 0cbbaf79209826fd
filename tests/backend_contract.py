"""Contract tests every SearchBackend must pass, on a real engine (haystack-style mixin).

A concrete test class inherits `BackendContractTests` and provides a `backend`
fixture yielding a fresh, empty backend.
"""

from __future__ import annotations

from datetime import date

import pytest

from ingest.analysis import analyze
from ingest.answer_data import answer_data
from ingest.index_contract import Filters, ParsedQuery
from ingest.indexing import analyse_document
from ingest.model import QUY_DINH_CHI_TIET, Article, Document, Relation
from ingest.numbers import number_key


def law() -> Document:
    return Document(
        number="66/2011/QH12",
        type="Luật",
        title="Phòng, chống mua bán người",
        issuer="Quốc hội",
        issued=date(2011, 3, 29),
        effective=date(2012, 1, 1),
        status="het_hieu_luc",
        topic="39.8 Phòng, chống mua bán người",
        articles=[
            Article(
                "32",
                "Các chế độ hỗ trợ nạn nhân",
                "1. Hỗ trợ nhu cầu thiết yếu và chi phí đi lại.\n2. Hỗ trợ y tế.\n"
                "3. Hỗ trợ tâm lý.\n4. Trợ giúp pháp lý.",
                "chuong_4__dieu_32",
                ["Chương IV. HỖ TRỢ NẠN NHÂN"],
            ),
            Article(
                "3",
                "Các hành vi bị nghiêm cấm",
                "Mua bán người theo quy định tại Bộ luật Hình sự.",
                "chuong_1__dieu_3",
                ["Chương I. NHỮNG QUY ĐỊNH CHUNG"],
            ),
        ],
    )


def decree() -> Document:
    return Document(
        number="09/2013/NĐ-CP",
        type="Nghị định",
        title="Hướng dẫn Luật Phòng, chống mua bán người",
        issuer="Chính phủ",
        issued=date(2013, 1, 11),
        effective=date(2013, 4, 15),
        status="con_hieu_luc",
        topic="39.8 Phòng, chống mua bán người",
        articles=[
            Article(
                "11",
                "Hỗ trợ nhu cầu thiết yếu",
                "Nạn nhân bị mua bán được hỗ trợ tiền ăn trong thời gian lưu trú tại cơ sở bảo trợ xã hội.",
                "chuong_3__dieu_11",
                ["Chương III"],
            ),
            Article("12", "Giá bán lẻ", "Thông tin về giá ban hành kèm theo.", "chuong_3__dieu_12", ["Chương III"]),
        ],
        relations=[Relation(QUY_DINH_CHI_TIET, "66/2011/QH12", "32", "11")],
    )


def query(text: str, **kwargs) -> ParsedQuery:
    return ParsedQuery(text=text, analysis=analyze(text), **kwargs)


def numbers(result) -> list[tuple[str, str]]:
    return [(h.doc_number, h.article_number) for h in result.hits]


class BackendContractTests:
    @pytest.fixture
    def loaded(self, backend):
        backend.replace_file("law.html", "sha-law", [analyse_document(law())])
        backend.replace_file("decree.docx", "sha-decree", [analyse_document(decree())])
        return backend

    def test_empty_backend(self, backend):
        assert backend.search(query("nạn nhân")).total == 0
        assert backend.get_document("66/2011/QH12") is None
        assert backend.stats()["articles"] == 0

    def test_finds_article_with_and_without_diacritics(self, loaded):
        exact = loaded.search(query("chế độ hỗ trợ nạn nhân"))
        folded = loaded.search(query("che do ho tro nan nhan"))
        assert numbers(exact)[0] == ("66/2011/QH12", "32")
        assert numbers(folded)[0] == ("66/2011/QH12", "32")
        assert exact.hits[0].doc_title == "Phòng, chống mua bán người"
        assert exact.hits[0].path == ["Chương IV. HỖ TRỢ NẠN NHÂN"]

    def test_exact_tone_ranks_above_folded_lookalike(self, loaded):
        # 'bán' (sell) and 'ban' (issue) fold to the same syllable; exact tones must win.
        result = loaded.search(query("giá bán"))
        assert numbers(result)[0] == ("09/2013/NĐ-CP", "12")
        result = loaded.search(query("ban hành"))
        assert numbers(result)[0] == ("09/2013/NĐ-CP", "12")

    def test_filters_and_facets(self, loaded):
        result = loaded.search(query("nạn nhân", filters=Filters(doc_type=["Nghị định"])))
        assert {h.doc_type for h in result.hits} == {"Nghị định"}
        everything = loaded.search(query("nạn nhân"))
        types = dict(everything.facets["doc_type"])
        assert types["Luật"] >= 1 and types["Nghị định"] >= 1
        assert sum(types.values()) == everything.total
        years = loaded.search(query("nạn nhân", filters=Filters(year_from=2012, year_to=2014)))
        assert {h.year for h in years.hits} == {2013}
        in_force = loaded.search(query("nạn nhân", filters=Filters(status=["con_hieu_luc"])))
        assert {h.doc_number for h in in_force.hits} == {"09/2013/NĐ-CP"}

    def test_totals_and_facets_are_counted_when_under_the_bounds(self, loaded):
        """A backend may bound its counting (Elasticsearch stops at a cap and samples the facets), but then it
        says so; a small collection's totals and facets are exact on every backend."""
        result = loaded.search(query("nạn nhân"))
        assert result.total >= 2
        assert result.total_is_lower_bound is False and result.facets_sample is None
        assert sum(dict(result.facets["doc_type"]).values()) == result.total

    def test_document_and_article_filter_without_words(self, loaded):
        result = loaded.search(query("", filters=Filters(doc_numbers=["66/2011/QH12"], article_number="32")))
        assert numbers(result) == [("66/2011/QH12", "32")]
        whole = loaded.search(query("", filters=Filters(doc_numbers=["9/2013/nd-cp"])))
        assert sorted(numbers(whole)) == [("09/2013/NĐ-CP", "11"), ("09/2013/NĐ-CP", "12")]
        assert loaded.search(query("")).total == 0

    def test_pagination(self, loaded):
        first = loaded.search(query("hỗ trợ nạn nhân", size=1, page=1))
        second = loaded.search(query("hỗ trợ nạn nhân", size=1, page=2))
        assert first.total == second.total >= 2
        assert len(first.hits) == len(second.hits) == 1
        assert numbers(first) != numbers(second)

    def test_engine_syntax_in_user_text_is_plain_words(self, loaded):
        for text in ['AND OR NOT * " ( ) NEAR title:x {}', 'nạn nhân" OR "*', "^mua* NOT bán", "')--; DROP TABLE"]:
            result = loaded.search(query(text))
            assert result.total >= 0
        # NOT and quotes are words here, not operators: nothing is excluded.
        found = set(numbers(loaded.search(query('"nạn nhân" NOT'))))
        assert {("09/2013/NĐ-CP", "11"), ("66/2011/QH12", "32")} <= found

    def test_replace_file_is_idempotent_and_replaces(self, loaded):
        before = loaded.stats()
        loaded.replace_file("law.html", "sha-law", [analyse_document(law())])
        assert loaded.stats()["articles"] == before["articles"]
        assert loaded.stats()["documents"] == before["documents"]
        smaller = law()
        smaller.articles = smaller.articles[:1]
        loaded.replace_file("law.html", "sha-law-2", [analyse_document(smaller)])
        assert loaded.stats()["articles"] == before["articles"] - 1
        assert loaded.file_hash("law.html") == "sha-law-2"
        remaining = loaded.search(query("hành vi bị nghiêm cấm", filters=Filters(doc_numbers=["66/2011/QH12"])))
        assert "3" not in [h.article_number for h in remaining.hits]

    def test_delete_file(self, loaded):
        loaded.delete_file("decree.docx")
        assert loaded.get_document("09/2013/NĐ-CP") is None
        assert loaded.file_hash("decree.docx") is None
        assert all(h.doc_number != "09/2013/NĐ-CP" for h in loaded.search(query("nạn nhân")).hits)

    def test_get_document_forgives_typing(self, loaded):
        document = loaded.get_document("9/2013/nd-cp")
        assert document is not None and document.number == "09/2013/NĐ-CP"
        assert document.issued == date(2013, 1, 11)
        assert [a.number for a in document.articles] == ["11", "12"]
        assert document.relations[0].target == "66/2011/QH12"

    def test_normative_text_ranks_above_news_for_the_same_match(self, loaded):
        # A news report quoting the law's article, with one more mention of the words: it
        # would win on words alone; the law comes first, the news stays found and filterable.
        quoted = law().articles[0]
        news = Document(
            number="news:quote",
            type="Tin tức",
            title=law().title,
            status="khong_ap_dung",
            articles=[Article("", quoted.title, quoted.text + "\nHỗ trợ nạn nhân.", "body")],
        )
        loaded.replace_file("news.txt", "sha-news", [analyse_document(news)])
        for text in ("hỗ trợ nạn nhân", "ho tro nan nhan"):
            found = numbers(loaded.search(query(text)))
            assert found.index(("66/2011/QH12", "32")) < found.index(("news:quote", "")), (text, found)
            only_news = loaded.search(query(text, filters=Filters(doc_type=["Tin tức"])))
            assert numbers(only_news) == [("news:quote", "")]

    def test_incoming_relations_and_numbers(self, loaded):
        incoming = loaded.incoming_relations("66/2011/QH12")
        assert [(source, r.type, r.target_article, r.source_article) for source, r in incoming] == [
            ("09/2013/NĐ-CP", QUY_DINH_CHI_TIET, "32", "11")
        ]
        assert ("09/2013/NĐ-CP", "Nghị định", "Hướng dẫn Luật Phòng, chống mua bán người") in loaded.document_numbers()
        stats = loaded.stats()
        assert (stats["documents"], stats["articles"], stats["relations"]) == (2, 4, 1)

    def test_in_force_on_counts_only_texts_in_force_that_day(self, loaded):
        # The law: in force 01/01/2012 .. (expired set below); the decree: in force from 15/04/2013.
        expired = law()
        expired.expired = date(2025, 7, 1)
        unknown = decree()
        unknown.number, unknown.status = "99/2013/NĐ-CP", ""  # nothing proves it in force
        loaded.replace_file("law.html", "sha-law-3", [analyse_document(expired)])
        loaded.replace_file("unknown.docx", "sha-unknown", [analyse_document(unknown)])

        def docs_on(day: str) -> set[str]:
            return {h.doc_number for h in loaded.search(query("nạn nhân", filters=Filters(in_force_on=day))).hits}

        assert docs_on("2012-06-01") == {"66/2011/QH12"}
        assert docs_on("2014-01-01") == {"66/2011/QH12", "09/2013/NĐ-CP"}
        assert docs_on("2025-07-01") == {"09/2013/NĐ-CP"}  # the expiry day is excluded
        assert "99/2013/NĐ-CP" in {h.doc_number for h in loaded.search(query("nạn nhân")).hits}

    def test_article_graph_fields_round_trip(self, backend):
        linked = decree()
        linked.relations = [
            Relation(QUY_DINH_CHI_TIET, "66/2011/QH12", "32", "11", basis="text", source_unit="dieu_11__khoan_1"),
            Relation(QUY_DINH_CHI_TIET, "66/2011/QH12", "33", "11", basis="placement", target_unit="khoan_2"),
        ]
        backend.replace_file("decree.docx", "sha", [analyse_document(linked)])
        incoming = sorted(
            (r.target_article, r.basis, r.source_unit, r.target_unit)
            for _, r in backend.incoming_relations("66/2011/QH12")
        )
        assert incoming == [("32", "text", "dieu_11__khoan_1", None), ("33", "placement", None, "khoan_2")]
        stored = backend.get_document("09/2013/NĐ-CP").relations
        assert [(r.basis, r.source_unit) for r in stored] == [("text", "dieu_11__khoan_1"), ("placement", None)]

    def test_list_documents_without_articles_with_counts(self, loaded):
        loaded.replace_file("catalogue", "c", [analyse_document(Document("53/2024/QH15", "Luật", "Stub"))])
        listed = {document.number: (document, count) for document, count in loaded.list_documents()}
        assert {n: c for n, (_d, c) in listed.items()} == {"66/2011/QH12": 2, "09/2013/NĐ-CP": 2, "53/2024/QH15": 0}
        decree_row, _count = listed["09/2013/NĐ-CP"]
        assert decree_row.articles == [] and decree_row.issued == date(2013, 1, 11)

    def test_catalogued_documents_are_the_catalogue_stubs_only(self, loaded):
        from ingest.catalogue import STUB_SOURCE_FILE

        stub = Document("53/2024/QH15", "Luật", "Phòng, chống mua bán người", source_file=STUB_SOURCE_FILE)
        loaded.replace_file(STUB_SOURCE_FILE, "c", [analyse_document(stub)])
        assert [(d.number, d.title, d.articles) for d in loaded.catalogued_documents()] == [
            ("53/2024/QH15", "Phòng, chống mua bán người", [])
        ]
        # A text replacing the stub under its number is no longer listed.
        loaded.delete_file(STUB_SOURCE_FILE)
        assert loaded.catalogued_documents() == []

    def test_update_documents_rewrites_status_and_keeps_articles(self, loaded):
        stored = loaded.get_document("09/2013/NĐ-CP")
        stored.status, stored.replaced_by, stored.status_note = "het_hieu_luc", "01/2099/NĐ-CP", "thay thế"
        loaded.update_documents([stored])
        again = loaded.get_document("09/2013/NĐ-CP")
        assert (again.status, again.replaced_by, len(again.articles)) == ("het_hieu_luc", "01/2099/NĐ-CP", 2)
        expired = loaded.search(query("nạn nhân", filters=Filters(status=["het_hieu_luc"])))
        assert {h.doc_number for h in expired.hits} == {"09/2013/NĐ-CP", "66/2011/QH12"}  # the law was already
        assert loaded.search(query("nạn nhân", filters=Filters(status=["con_hieu_luc"]))).total == 0

    def test_staging_swaps_in_whole_and_keeps_untouched_files(self, loaded):
        before = loaded.search(query("nạn nhân"))
        with loaded.staging() as stage:
            smaller = law()
            smaller.articles = smaller.articles[:1]
            stage.replace_file("law.html", "sha-law-2", [analyse_document(smaller)])
            # Readers of the live index still see the old one, whole, while the rebuild writes.
            assert loaded.file_hash("law.html") == "sha-law"
            assert loaded.search(query("nạn nhân")).total == before.total
            assert loaded.stats()["articles"] == 4
        assert loaded.file_hash("law.html") == "sha-law-2"
        assert loaded.file_hash("decree.docx") == "sha-decree"  # copied, not lost
        assert loaded.stats()["articles"] == 3

    def test_failed_staging_leaves_the_index_untouched(self, loaded):
        with pytest.raises(RuntimeError, match="stop"):
            with loaded.staging() as stage:
                stage.delete_file("law.html")
                raise RuntimeError("stop")
        assert loaded.file_hash("law.html") == "sha-law"
        assert loaded.stats()["articles"] == 4
        assert numbers(loaded.search(query("hỗ trợ y tế")))[0] == ("66/2011/QH12", "32")

    def test_health_checks_run_a_real_query(self, loaded):
        loaded.checkpoint()
        checks = loaded.health_checks()
        assert checks and all(check.ok for check in checks), checks
        assert "query" in {check.name for check in checks}

    # ---- answer data (ingest.answer_data): stored at ingest, read back by the answer store ----------------
    def test_stored_answer_data_equals_a_fresh_recomputation(self, loaded):
        saved = loaded.stored_answer_data()
        assert set(saved) == {number_key("66/2011/QH12"), number_key("09/2013/NĐ-CP")}
        for number in ("66/2011/QH12", "09/2013/NĐ-CP"):
            # Recomputed from the document as the index gives it back: what start-up would compute.
            assert saved[number_key(number)] == answer_data(loaded.get_document(number)), number
        decree_data = saved[number_key("09/2013/NĐ-CP")]
        assert decree_data["units"] == 2 and decree_data["terms"]["nan_nhan"] == 1
        assert [p["article_number"] for p in decree_data["provisions"]] == ["11"]  # "được hỗ trợ tiền ăn"
        assert_store_matches_recount(loaded)

    def test_answer_data_follows_replaced_updated_and_deleted_files(self, loaded):
        smaller = law()
        smaller.articles = smaller.articles[:1]
        loaded.replace_file("law.html", "sha-law-2", [analyse_document(smaller)])
        assert loaded.stored_answer_data()[number_key("66/2011/QH12")]["units"] == 1
        assert_store_matches_recount(loaded)
        # A status rewrite keeps the answer data (it depends on neither status nor dates).
        stored = loaded.get_document("09/2013/NĐ-CP")
        before = loaded.stored_answer_data()[number_key("09/2013/NĐ-CP")]
        stored.status = "het_hieu_luc"
        loaded.update_documents([stored])
        assert loaded.stored_answer_data()[number_key("09/2013/NĐ-CP")] == before
        # The same number from another file replaces the first file's document and its data.
        moved = decree()
        moved.articles = moved.articles[1:]
        loaded.replace_file("decree-v2.docx", "sha-v2", [analyse_document(moved)])
        assert loaded.stored_answer_data()[number_key("09/2013/NĐ-CP")]["provisions"] == []
        assert_store_matches_recount(loaded)
        loaded.delete_file("decree-v2.docx")
        assert set(loaded.stored_answer_data()) == {number_key("66/2011/QH12")}
        assert_store_matches_recount(loaded)


def assert_store_matches_recount(backend) -> None:
    """The answer store's totals, built from the stored data, equal a count over the stored documents
    with the scorer's own term function, unit by unit (no stored data involved)."""
    from ingest.entitlements import extract_provisions
    from ingest.terms import unit_terms, unit_texts
    from search_api.corpus_store import CorpusStore

    snapshot = CorpusStore(backend).snapshot()
    assert snapshot.recomputed == 0
    documents = [backend.get_document(number) for number, _type, _title in backend.document_numbers()]
    texts = [text for document in documents for article in document.articles for text in unit_texts(article)]
    frequency: dict[str, int] = {}
    for text in texts:
        for term in unit_terms(text):
            frequency[term] = frequency.get(term, 0) + 1
    assert (snapshot.unit_count, snapshot.frequency) == (len(texts), frequency)
    assert snapshot.provision_list == extract_provisions(documents)
