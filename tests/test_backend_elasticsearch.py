"""The Elasticsearch backend against a real server (scripts/elasticsearch.sh start).

Skipped when no server answers at VNLEX_ES_URL, unless VNLEX_REQUIRE_ES=1 (CI), where a
missing server is a failure: a silently skipped backend is an untested backend.
"""

from __future__ import annotations

import threading
import uuid
from datetime import date

import pytest

from ingest.index_contract import BackendError
from ingest.model import Article, Document
from search_api.backends.elasticsearch import ElasticsearchBackend
from tests.backend_contract import BackendContractTests, analyse_document, decree, law, numbers, query
from tests.conftest import ES_URL, require_elasticsearch

pytestmark = pytest.mark.elasticsearch


@pytest.fixture(scope="session")
def es_available() -> None:
    require_elasticsearch()


@pytest.fixture
def backend(es_available):
    # A unique prefix per test: tests never see each other's documents, even in parallel.
    backend = ElasticsearchBackend(ES_URL, index_prefix=f"vnlex-test-{uuid.uuid4().hex[:12]}")
    yield backend
    backend.drop()
    backend.close()


class TestElasticsearchContract(BackendContractTests):
    pass


def test_rebuild_swaps_aliases_while_search_keeps_answering(backend):
    backend.replace_file("law.html", "sha-law", [analyse_document(law())])
    backend.replace_file("decree.docx", "sha-decree", [analyse_document(decree())])
    before = backend._aliased_indexes()
    expected = numbers(backend.search(query("chế độ hỗ trợ nạn nhân")))
    failures: list[str] = []
    stop = threading.Event()

    def search_continuously() -> None:
        while not stop.is_set():
            try:
                if numbers(backend.search(query("chế độ hỗ trợ nạn nhân"))) != expected:
                    failures.append("different results during rebuild")
            except BackendError as error:
                failures.append(str(error))

    reader = threading.Thread(target=search_continuously)
    reader.start()
    try:
        new_articles = backend.rebuild()
    finally:
        stop.set()
        reader.join()
    after = backend._aliased_indexes()
    assert after["articles"] == new_articles
    assert all(after[kind] != before[kind] for kind in before)
    assert failures == []
    assert numbers(backend.search(query("chế độ hỗ trợ nạn nhân"))) == expected
    assert backend.file_hash("law.html") == "sha-law"
    assert backend.stats()["articles"] == 4
    # The old concrete indexes are gone.
    assert not backend.client.indices.exists(index=before["articles"])


def test_unreachable_server_is_a_backend_error_naming_it():
    backend = ElasticsearchBackend("http://127.0.0.1:9", request_timeout=2)
    with pytest.raises(BackendError, match=r"http://127\.0\.0\.1:9 is unreachable"):
        backend.search(query("nạn nhân"))
    with pytest.raises(BackendError, match=r"http://127\.0\.0\.1:9"):
        backend.stats()


def test_constructor_does_not_connect():
    backend = ElasticsearchBackend("http://127.0.0.1:9")
    assert backend._client is None


def test_index_of_another_version_is_refused(backend, monkeypatch):
    backend.replace_file("law.html", "sha-law", [analyse_document(law())])
    from search_api.backends import es_indexes as module  # where the version check reads it

    monkeypatch.setattr(module, "INDEX_VERSION", module.INDEX_VERSION + 1)
    stale = ElasticsearchBackend(ES_URL, index_prefix=backend.index_prefix)
    with pytest.raises(BackendError, match="index version"):
        stale.replace_file("decree.docx", "sha", [analyse_document(decree())])
    with pytest.raises(BackendError, match="index version"):
        stale.search(query("nạn nhân"))
    stale.close()


def test_interrupted_file_has_no_hash_so_the_next_ingest_redoes_it(backend):
    backend.replace_file("law.html", "sha-1", [analyse_document(law())])
    broken = analyse_document(law())
    broken.articles.append(object())  # type: ignore[arg-type]  # fails while the bulk request is built
    with pytest.raises(AttributeError):
        backend.replace_file("law.html", "sha-2", [broken])
    assert backend.file_hash("law.html") is None
    backend.replace_file("law.html", "sha-2", [analyse_document(law())])
    assert backend.file_hash("law.html") == "sha-2"
    assert backend.stats()["articles"] == 2


def test_writes_never_auto_create_an_unmapped_index(backend):
    backend.replace_file("law.html", "sha-law", [analyse_document(law())])
    names = ",".join(backend._aliased_indexes().values())
    backend.client.indices.delete(index=names)  # behind the backend's back
    with pytest.raises(BackendError):
        backend.replace_file("decree.docx", "sha-decree", [analyse_document(decree())])
    assert not backend.client.indices.exists(index=backend.alias("articles"))


def test_abandoned_staging_indexes_are_removed_by_the_next_rebuild(backend, monkeypatch):
    """A rebuild killed mid-copy leaves concrete indexes behind no alias; the next rebuild deletes
    those older than STALE_STAGING_SECONDS and leaves a younger one (maybe another rebuild's) alone."""
    from search_api.backends import es_indexes

    backend.replace_file("law.html", "sha-law", [analyse_document(law())])
    young = backend._new_index_name("articles")
    backend.client.indices.create(index=young)
    old = backend._new_index_name("relations")
    backend.client.indices.create(index=old)
    monkeypatch.setattr(es_indexes, "STALE_STAGING_SECONDS", 0)
    import time

    time.sleep(0.01)
    assert set(backend._remove_abandoned_staging_indexes()) == {young, old}
    monkeypatch.setattr(es_indexes, "STALE_STAGING_SECONDS", 3600)
    survivor = backend._new_index_name("files")
    backend.client.indices.create(index=survivor)
    backend.rebuild()
    assert backend.client.indices.exists(index=survivor)
    assert backend.search(query("hỗ trợ y tế")).total > 0


def test_document_list_of_an_index_made_before_the_title_in_doc_values(backend, monkeypatch, caplog):
    """Indexes made before the title was kept in doc values keep listing titles (from _source, slowly,
    with a warning); a rebuild moves them to the current mapping and the list stops reading _source."""
    import copy

    from search_api.backends import es_query

    old = copy.deepcopy(es_query.MAPPINGS)
    old["documents"]["properties"]["title"] = {"type": "text", "index": False}
    monkeypatch.setattr("search_api.backends.es_indexes.MAPPINGS", old)
    backend.replace_file("decree.docx", "sha-decree", [analyse_document(decree())])
    expected = ("09/2013/NĐ-CP", "Nghị định", "Hướng dẫn Luật Phòng, chống mua bán người")
    assert not backend._title_in_doc_values()
    assert "predates the title in doc values" in caplog.text
    assert backend.document_numbers() == [expected]
    monkeypatch.setattr("search_api.backends.es_indexes.MAPPINGS", es_query.MAPPINGS)
    backend.rebuild()
    assert backend._title_in_doc_values()
    assert backend.document_numbers() == [expected]


def test_a_title_too_long_for_doc_values_is_listed_from_source(backend):
    from dataclasses import replace

    from search_api.backends.es_query import TITLE_DOC_VALUE_CHARS

    long_title = "Hướng dẫn " * (TITLE_DOC_VALUE_CHARS // 5)
    assert len(long_title) > TITLE_DOC_VALUE_CHARS
    backend.replace_file("decree.docx", "sha-decree", [analyse_document(replace(decree(), title=long_title))])
    backend.replace_file("law.html", "sha-law", [analyse_document(law())])
    listed = dict((number, title) for number, _type, title in backend.document_numbers())
    assert listed["09/2013/NĐ-CP"] == long_title
    assert listed["66/2011/QH12"] == law().title


def test_total_past_the_cap_is_a_lower_bound_and_facets_a_sample(backend):
    """Counting every match (track_total_hits: true) and aggregating facets over every match made the node
    score every article holding any query word: 2-3 searches/s at 100x the collection (bench/RESULTS.md,
    session 10). Past the cap the total is reported as a lower bound, and facets come from the best matches."""
    backend.replace_file("law.html", "sha-law", [analyse_document(law())])
    backend.replace_file("decree.docx", "sha-decree", [analyse_document(decree())])
    counted = backend.search(query("hỗ trợ nạn nhân mua bán"))
    assert counted.total >= 3 and not counted.total_is_lower_bound and counted.facets_sample is None
    backend.total_hits_cap = counted.total - 1
    backend.facet_sample_size = 1
    bounded = backend.search(query("hỗ trợ nạn nhân mua bán"))
    assert bounded.total == counted.total - 1 and bounded.total_is_lower_bound
    assert [h.article_id for h in bounded.hits] == [h.article_id for h in counted.hits]
    assert bounded.facets_sample == 1
    assert sum(dict(bounded.facets["doc_type"]).values()) == 1
    # The best match is the sample: its document's type is the one counted.
    assert dict(bounded.facets["doc_type"]) == {counted.hits[0].doc_type: 1}
    # Under the cap the total is exact again, while the facets still come from the sample.
    backend.total_hits_cap = counted.total
    assert backend.search(query("hỗ trợ nạn nhân mua bán")).total_is_lower_bound is False


def test_whole_documents_are_read_a_few_at_a_time(backend, monkeypatch):
    """The answer store reads every document's answer data at start-up: at 100x the collection one scroll page of
    1,000 documents was 165 MB of JSON, which the node took 23 s to send and a server worker 3.6 s to parse holding
    the GIL; uvicorn replaced workers that missed their 5 s health ping meanwhile (bench/RESULTS.md, session 10)."""
    import elasticsearch.helpers

    from search_api.backends.es_connection import WHOLE_DOCUMENTS_PAGE

    backend.replace_file("law.html", "sha-law", [analyse_document(law())])
    backend.replace_file("decree.docx", "sha-decree", [analyse_document(decree())])
    sizes: list[int | None] = []
    real_scan = elasticsearch.helpers.scan

    def recording_scan(client, **kwargs):
        sizes.append(kwargs.get("size"))
        return real_scan(client, **kwargs)

    monkeypatch.setattr(elasticsearch.helpers, "scan", recording_scan)
    assert len(backend.stored_answer_data()) == 2
    assert len(backend.list_documents()) == 2
    backend.catalogued_documents()
    assert sizes == [WHOLE_DOCUMENTS_PAGE] * 3 and WHOLE_DOCUMENTS_PAGE <= 50


class TestElasticsearchPrunedContract(BackendContractTests):
    """The whole contract again with every words query through es_ranking's prunable requests (chosen by itself
    only on Elasticsearch 9 and past PRUNING_MIN_ARTICLES, so a small test index would never reach them)."""

    @pytest.fixture
    def backend(self, backend):
        backend.pruned_ranking = True
        return backend


def _ranking_collection(backend) -> None:
    """Ties and news: copies of the law under other numbers score alike (the tie-break decides), and news
    reports quoting it would outrank it on words alone (the factor decides)."""
    from dataclasses import replace as copy_of

    backend.replace_file("law.html", "sha-law", [analyse_document(law())])
    backend.replace_file("decree.docx", "sha-decree", [analyse_document(decree())])
    for n in (1, 2, 3):
        copy = copy_of(law(), number=f"{n}/2012/QH13", issued=date(2012, 1, n))
        backend.replace_file(f"copy{n}.html", f"sha-copy{n}", [analyse_document(copy)])
    quoted = law().articles[0]
    for n in (1, 2):
        news = Document(
            number=f"news:quote{n}",
            type="Tin tức",
            title=law().title,
            status="khong_ap_dung",
            articles=[Article("", quoted.title, quoted.text + "\nHỗ trợ nạn nhân." * n, "body")],
        )
        backend.replace_file(f"news{n}.txt", f"sha-news{n}", [analyse_document(news)])


def _facets_of_the_best(backend, text: str, n: int) -> dict[str, list[tuple[str, int]]]:
    """Facet counts over the n best matches in the contract's order (score, doc_key, ord), from the exact request.
    (The sampler aggregation the exact request uses breaks ties at its edge by index order instead.)"""
    from collections import Counter

    pruned, backend.pruned_ranking = backend.pruned_ranking, False
    best = backend.search(query(text, size=n, with_facets=False)).hits
    backend.pruned_ranking = pruned
    facets = {}
    for name in ("doc_type", "issuer", "year", "status", "topic"):
        counts = Counter(getattr(hit, name) for hit in best if getattr(hit, name) not in (None, ""))
        facets[name] = [(str(value), count) for value, count in sorted(counts.items(), key=lambda i: (-i[1], i[0]))]
    return facets


def _requests_of(backend, monkeypatch) -> list[dict]:
    """Every search body the backend sends from now on (search and msearch alike)."""
    sent: list[dict] = []
    client = backend.client
    real_search, real_msearch = client.search, client.msearch

    def search(**kwargs):
        sent.append(kwargs)
        return real_search(**kwargs)

    def msearch(**kwargs):
        sent.extend(part for part in kwargs["searches"] if "query" in part)
        return real_msearch(**kwargs)

    monkeypatch.setattr(client, "search", search)
    monkeypatch.setattr(client, "msearch", msearch)
    return sent


def test_pruned_requests_give_the_exact_ranking_without_what_stops_pruning(backend, monkeypatch):
    """The `boosting` wrapper (news x 0.85) and the facets' aggregation made Lucene score every match: 130 ms a
    search at 100x on Elasticsearch 8.15.3 and 9.2.0 alike (bench/RESULTS.md, session 12). The prunable requests
    send neither, and give the same hits in the same order with the same scores and totals — through ties, news
    the factor pushes down, every page and a capped total — and facets over the same number of best matches."""
    _ranking_collection(backend)
    backend.total_hits_cap = 9
    backend.facet_sample_size = 4
    sent = _requests_of(backend, monkeypatch)
    compared = 0
    for text in ("hỗ trợ nạn nhân", "ho tro nan nhan", "mua bán người", "nạn nhân bị mua bán", "giá bán"):
        for size in (1, 2, 3, 10):
            for page in (1, 2, 3, 4):
                for with_facets in (True, False):
                    asked = query(text, page=page, size=size, with_facets=with_facets)
                    backend.pruned_ranking = False
                    exact = backend.search(asked)
                    backend.pruned_ranking = True
                    del sent[:]
                    pruned = backend.search(asked)
                    assert sent and all("boosting" not in str(body) and "aggs" not in body for body in sent)
                    assert [(h.article_id, h.doc_number) for h in pruned.hits] == [
                        (h.article_id, h.doc_number) for h in exact.hits
                    ], (text, size, page)
                    assert [h.score for h in pruned.hits] == pytest.approx([h.score for h in exact.hits], rel=1e-6)
                    assert (pruned.total, pruned.total_is_lower_bound) == (exact.total, exact.total_is_lower_bound)
                    assert pruned.facets_sample == exact.facets_sample
                    if with_facets:
                        assert pruned.facets == _facets_of_the_best(backend, text, 4)
                    assert [h.text for h in pruned.hits] == [h.text for h in exact.hits]
                    compared += bool(exact.hits)
    assert compared > 50
    # The collection does hold ties and a news report the factor moved below a law's article.
    found = backend.search(query("hỗ trợ nạn nhân", size=10))
    scores = [h.score for h in found.hits]
    assert len(set(scores)) < len(scores)
    assert any(h.doc_type == "Tin tức" for h in found.hits[1:])


def test_pruning_is_chosen_from_the_engine_version_and_the_collection(backend, monkeypatch):
    """Left to itself (VNLEX_ES_PRUNED_RANKING unset) the backend asks the nodes' versions and the articles'
    count: the prunable requests only on Elasticsearch 9+ and past PRUNING_MIN_ARTICLES."""
    import search_api.backends.es_ranking as es_ranking

    backend.replace_file("law.html", "sha-law", [analyse_document(law())])
    backend.pruned_ranking = None
    version = next(iter(backend.client.nodes.info(node_id="_local", metric="_none")["nodes"].values()))["version"]
    monkeypatch.setattr(es_ranking, "PRUNING_MIN_ARTICLES", 2)
    assert backend._prunes() is (int(version.split(".")[0]) >= 9)
    assert numbers(backend.search(query("hỗ trợ nạn nhân"))) == [("66/2011/QH12", "32")]
    backend._pruning_checked = None
    monkeypatch.setattr(es_ranking, "PRUNING_MIN_ARTICLES", 3)  # the law has 2 articles
    assert backend._prunes() is False
