"""Search that reads like a law library: highlights that follow the diacritics typed, completion
of the collection's terms and numbers, and index counts that the ingest summary and
/api/health name alike. On real indexes (SQLite and Elasticsearch) built from real files."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from ingest.analysis import analyze
from search_api.app import create_app
from search_api.highlight import highlight

TEXT = (
    "Cơ quan có thẩm quyền ban hành chính sách; cá nhân, tổ chức tiếp nhận nạn nhân bị mua bán. "
    "Hợp đồng mua ban đầu; bên bán giao tài sản. Nạn nhân của mua bán người được hỗ trợ."
)


def marked(snippet: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", snippet)


def test_typed_diacritics_mark_only_the_exact_words():
    snippet = highlight(TEXT, analyze("mua bán"))
    assert marked(snippet) == ["mua bán", "mua bán"]  # not "ban" (ban hành), not "mua ban" (mua ban đầu)
    phrase = highlight(TEXT, analyze("hỗ trợ nạn nhân mua bán người"))
    words = " ".join(marked(phrase)).split()
    assert "ban" not in words and "nhận" not in words  # ban hành, tiếp nhận
    assert not re.search(r"cá <mark>nhân", phrase) and not re.search(r"<mark>ban</mark> hành", phrase)
    assert "<mark>nạn nhân</mark>" in phrase and "<mark>mua bán người</mark>" in phrase


def test_without_diacritics_the_folded_words_are_marked():
    snippet = highlight(TEXT, analyze("mua ban").without_exact())  # what the query parser gives
    assert marked(snippet) == ["mua bán", "mua ban", "mua bán"]
    assert "<mark>ban</mark> hành" not in snippet


def test_highlight_escapes_text_and_marks_document_numbers():
    snippet = highlight("Theo Nghị định 09/2013/NĐ-CP <script>x</script>", analyze("09/2013/NĐ-CP"))
    assert "<mark>09/2013/NĐ-CP</mark>" in snippet and "&lt;script&gt;" in snippet


def test_remembered_snippets_and_words_follow_the_query_and_the_text():
    """The snippet and word caches (search_api/highlight.py) key on the text and the query: the same
    text under another query, or another text, is never given a remembered snippet."""
    from search_api import highlight as module

    module._cached_highlight.cache_clear()
    module._normalised_words.cache_clear()
    queries = [analyze("mua bán"), analyze("mua ban").without_exact(), analyze("hỗ trợ nạn nhân")]
    texts = [TEXT, TEXT.replace("mua bán", "buôn bán"), "Nạn nhân <b>được</b> hỗ trợ & bảo vệ. " * 30]
    for _ in range(2):  # the second round is answered from the caches
        for analysis in queries:
            exact, units = module.query_units(analysis)
            for text in texts:
                fresh = module._highlight(text, exact=exact, units=units, window=40)
                assert highlight(text, analysis) == fresh
    assert module._cached_highlight.cache_info().hits == len(queries) * len(texts)
    assert module._normalised_words.cache_info().currsize == 2 * len(texts)  # exact and folded words
    assert marked(highlight(TEXT, queries[0])) == ["mua bán", "mua bán"]
    assert marked(highlight(texts[1], queries[0])) == []  # its own text ("buôn bán"), not TEXT's snippet


def _dense_marks(tokens: list[str], units) -> list[bool]:
    """Which tokens are marked, one flag per token, as highlighting first computed it."""
    marked = [False] * len(tokens)
    for start in range(len(tokens)):
        for unit in units:
            if tuple(tokens[start : start + len(unit)]) == unit:
                marked[start : start + len(unit)] = [True] * len(unit)
    return marked


def _dense_best_window(hits: list[bool], window: int) -> int:
    """The snippet's first word as highlighting first chose it: every window counted."""
    if len(hits) <= window:
        return 0
    per_window = [sum(hits[start : start + window]) for start in range(len(hits) - window + 1)]
    best = max(per_window)
    return max(0, per_window.index(best) - 3) if best > 0 else 0


def _escaped_word_by_word(text: str, analysis) -> str:
    """The snippet as highlighting built it before it visited only the marked words: every word's
    flag, every window counted, every gap between two words escaped on its own."""
    import html

    from search_api import highlight as module

    exact, units = module.query_units(analysis)
    words = module._normalised_words(text, exact)
    hits = _dense_marks(words, units)
    start = _dense_best_window(hits, 40)
    shown = list(module._WORD_RE.finditer(text))[start : start + 40]
    begin = 0 if start == 0 else shown[0].start()
    end = len(text) if start + 40 >= len(words) else shown[-1].end()
    out, cursor = ["… " if begin > 0 else ""], begin
    for match, is_hit in zip(shown, hits[start : start + 40], strict=True):
        out.append(html.escape(text[cursor : match.start()]))
        out.append(f"<mark>{match.group()}</mark>" if is_hit else match.group())
        cursor = match.end()
    out.append(html.escape(text[cursor:end]) + (" …" if end < len(text) else ""))
    return module._ADJACENT_MARKS.sub(r"\1", "".join(out).replace("\n", " "))


@given(st.lists(st.booleans(), max_size=120), st.integers(min_value=1, max_value=50))
def test_the_best_window_from_the_marked_positions_is_the_first_of_all_windows(hits, window):
    from search_api.highlight import _best_window

    marks = [position for position, hit in enumerate(hits) if hit]
    assert _best_window(marks, len(hits), window) == _dense_best_window(hits, window)


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "mua bán " * 60 + "nạn nhân mua bán " * 3 + "x " * 200 + "nạn nhân mua bán người " * 4,
        "Nạn nhân & <người> \"bị\" mua bán\n'được' hỗ trợ; nạn nhân/mua bán - nạn nhân.mua bán & nạn nhân" * 4,
        "x " * 100 + "mua bán <b>nạn nhân</b> & 'mua' \"bán\"\n\nnạn nhân" + " y" * 100,
        "<mua bán>&<nạn nhân>",
    ],
)
@pytest.mark.parametrize("query", ["mua bán", "nạn nhân mua bán", "nan nhan"])
def test_snippets_escape_every_gap_as_escaping_word_by_word(text, query):
    from search_api import highlight as module

    analysis = analyze(query) if query != "nan nhan" else analyze(query).without_exact()
    exact, units = module.query_units(analysis)
    snippet = module._highlight(text, exact=exact, units=units, window=40)
    assert snippet == _escaped_word_by_word(text, analysis)
    assert "<mark>" in snippet and "<b>" not in snippet and "<mua" not in snippet


@pytest.fixture(scope="module")
def client(any_corpus_index):
    from search_api.settings import Settings
    from tests.conftest import CORPUS, TODAY

    with TestClient(create_app(Settings(index_url=any_corpus_index, today=TODAY, corpus_dir=CORPUS))) as client:
        yield client


def test_search_snippets_follow_the_typed_diacritics(client):
    hits = client.get("/api/search", params={"q": "mua bán", "size": 20}).json()["hits"]
    words = {w.lower() for h in hits for m in marked(h["snippet_html"]) for w in m.split()}
    assert words == {"mua", "bán"}, words
    folded = client.get("/api/search", params={"q": "mua ban", "size": 20}).json()["hits"]
    assert any("<mark>mua bán</mark>" in h["snippet_html"].lower() for h in folded)


@pytest.mark.parametrize("typed", ["trợ cấp", "tro cap", "TRO CAP"])
def test_suggest_completes_domain_terms_with_or_without_diacritics(client, typed):
    suggestions = client.get("/api/suggest", params={"q": typed}).json()["suggestions"]
    terms = [s["text"] for s in suggestions if s["kind"] == "term"]
    assert terms and all(t.startswith("trợ cấp") for t in terms[:1]), suggestions


def test_suggest_prefers_the_exact_diacritics_typed(client):
    suggestions = client.get("/api/suggest", params={"q": "hỗ trợ nạn"}).json()["suggestions"]
    assert suggestions[0] == {"kind": "term", "text": "hỗ trợ nạn nhân", "number": None, "slug": None}


def test_suggest_completes_document_numbers_and_names(client):
    by_number = client.get("/api/suggest", params={"q": "09/20"}).json()["suggestions"]
    assert by_number[0]["number"] == "09/2013/NĐ-CP" and by_number[0]["slug"] == "09-2013-ND-CP"
    by_name = client.get("/api/suggest", params={"q": "luat phong chong mua ban"}).json()["suggestions"]
    assert any(s["kind"] == "document" and s["number"] == "66/2011/QH12" for s in by_name), by_name


def test_suggest_expands_the_abbreviations_people_type(client):
    def first(typed: str) -> dict:
        return client.get("/api/suggest", params={"q": typed}).json()["suggestions"][0]

    assert first("PCMBN")["text"] == "phòng, chống mua bán người"
    assert first("mua ban")["text"] == "mua bán người"  # the domain's term before "mua bán trái phép"
    assert first("nd 09")["number"] == "09/2013/NĐ-CP"
    assert first("luat pcmbn")["number"] in ("53/2024/QH15", "66/2011/QH12")


def test_suggest_terms_are_built_once_not_per_request(client):
    client.get("/api/suggest", params={"q": "nạn nhân"})
    built = client.app.state.vnlex_completer
    client.get("/api/suggest", params={"q": "tro cap"})
    assert client.app.state.vnlex_completer is built


def test_ingest_summary_and_health_name_the_same_counts(client, any_corpus_index, tmp_path):
    from typer.testing import CliRunner

    from search_api.cli import app as cli
    from tests.conftest import CORPUS_FILES, corpus_file

    health = client.get("/api/health").json()
    assert health["documents"] == health["documents_with_text"] + health["catalogued_only"]
    assert health["catalogued_only"] >= 3  # 53/2024/QH15, 162/2025/NĐ-CP, 193/QĐ-TTg at least
    assert health["relations"] >= health["relations_from_catalogue"] > 0
    assert health["files"] == len(CORPUS_FILES)  # the catalogue is not counted as a file
    # A fresh ingest of the same files reports, for the index, exactly what health says.
    index = f"sqlite:///{tmp_path}/again.sqlite"
    paths = [str(corpus_file(name)) for name in CORPUS_FILES]
    result = CliRunner().invoke(cli, ["ingest", *paths, "--index", index])
    assert result.exit_code == 0, result.output
    held = (
        f"Index now holds (as /api/health reports): {health['files']} files, {health['documents']} documents "
        f"({health['documents_with_text']} with text + {health['catalogued_only']} catalogued only, no text), "
        f"{health['articles']} articles, {health['relations']} relations "
        f"({health['relations_from_catalogue']} from the catalogue)"
    )
    assert held in result.output, result.output
    assert f"{health['catalogued_only']} catalogued-only documents" in result.output
