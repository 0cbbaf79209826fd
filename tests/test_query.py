"""Query understanding: references resolved against real document numbers, abbreviations expanded."""

from __future__ import annotations

import pytest

from ingest.analysis import analyze_query
from ingest.index_contract import Filters
from search_api.abbreviations import ABBREVIATION_KINDS, load_abbreviations
from search_api.query import NO_WORDS_MESSAGE, parse_query, query_problem
from search_api.query_intent import MAX_QUERY_CHARS, understand

KNOWN = [
    ("66/2011/QH12", "Luật", "Phòng, chống mua bán người"),
    ("09/2013/NĐ-CP", "Nghị định", "Quy định chi tiết một số điều của Luật Phòng, chống mua bán người"),
    ("62/2012/NĐ-CP", "Nghị định", "Quy định căn cứ xác định nạn nhân bị mua bán"),
    ("134/2013/TTLT-BTC-BLĐTBXH", "Thông tư liên tịch", "Quản lý và sử dụng kinh phí hỗ trợ nạn nhân"),
    ("100/2015/QH13", "Bộ luật", "Bộ luật Hình sự"),
    ("35/2013/TT-BLĐTBXH", "Thông tư", "Hướng dẫn một số điều của Nghị định 09/2013/NĐ-CP"),
]
LAW, DECREE_09, DECREE_62, JOINT_134, CODE, CIRCULAR_35 = (number for number, _, _ in KNOWN)

# query -> (doc_numbers, article_number); all of these are nothing but a reference.
REFERENCES = {
    "09/2013/NĐ-CP": ([DECREE_09], None),
    "09/2013/nđ-cp": ([DECREE_09], None),
    "09/2013/ND-CP": ([DECREE_09], None),
    "9/2013/nd-cp": ([DECREE_09], None),
    "NĐ 09/2013": ([DECREE_09], None),
    "nđ 9/2013": ([DECREE_09], None),
    "nghị định 9/2013": ([DECREE_09], None),
    "nghi dinh 62/2012": ([DECREE_62], None),
    "Nghị định số 62/2012": ([DECREE_62], None),
    "09/2013": ([DECREE_09], None),
    "luật 66": ([LAW], None),
    "luat 66": ([LAW], None),
    "luật số 66/2011": ([LAW], None),
    "66/2011/QH12": ([LAW], None),
    "điều 32 luật PCMBN": ([LAW], "32"),
    "dieu 32 luat pcmbn": ([LAW], "32"),
    "Điều 32 Luật phòng, chống mua bán người": ([LAW], "32"),
    "dieu 32 luat phong chong mua ban nguoi": ([LAW], "32"),
    "Đ27 luật 66": ([LAW], "27"),
    "đ.27 luật 66": ([LAW], "27"),
    "d27 luat 66": ([LAW], "27"),
    "khoản 2 điều 5 nghị định 09": ([DECREE_09], "5"),
    "khoan 2 dieu 5 nghi dinh 09": ([DECREE_09], "5"),
    "điểm a khoản 1 điều 3 NĐ 62/2012": ([DECREE_62], "3"),
    "điều 5 khoản 2 nđ 09": ([DECREE_09], "5"),
    "nội dung điều 32 của luật 66": ([LAW], "32"),
    "thông tư 35/2013": ([CIRCULAR_35], None),
    "TT 35/2013": ([CIRCULAR_35], None),
    "thong tu 35": ([CIRCULAR_35], None),
    "TTLT 134/2013": ([JOINT_134], None),
    "134/2013/TTLT-BTC-BLĐTBXH": ([JOINT_134], None),
    "134/2013/ttlt-btc-bldtbxh": ([JOINT_134], None),
    "BLHS": ([CODE], None),
    "điều 150 bộ luật hình sự": ([CODE], "150"),
    "dieu 150 blhs": ([CODE], "150"),
    "bộ luật 100": ([CODE], None),
}


@pytest.mark.parametrize("text", sorted(REFERENCES))
def test_reference_only_queries_resolve_and_filter(text):
    doc_numbers, article = REFERENCES[text]
    intent = understand(text, KNOWN)
    assert intent.doc_numbers == doc_numbers
    assert intent.article_number == article
    assert intent.is_reference_only

    parsed = parse_query(text, KNOWN)
    assert parsed.filters.doc_numbers == doc_numbers
    assert parsed.filters.article_number == article
    # A pure reference browses the document; its words are not searched again inside it.
    assert parsed.analysis.words == ()
    assert query_problem(parsed) is None
    assert parsed.intent is not None


@pytest.mark.parametrize(
    "text, doc_numbers, article",
    [
        ("hỗ trợ nạn nhân nghị định 09/2013", [DECREE_09], None),
        ("ho tro nan nhan nd 09/2013", [DECREE_09], None),
        ("chế độ hỗ trợ điều 32 luật pcmbn", [LAW], "32"),
        ("tội mua bán người blhs", [CODE], None),
        ("kinh phí hỗ trợ 134/2013/TTLT-BTC-BLĐTBXH", [JOINT_134], None),
    ],
)
def test_reference_with_other_words_boosts_instead_of_filtering(text, doc_numbers, article):
    intent = understand(text, KNOWN)
    assert (intent.doc_numbers, intent.article_number, intent.is_reference_only) == (doc_numbers, article, False)
    parsed = parse_query(text, KNOWN)
    assert parsed.filters.doc_numbers == []
    assert parsed.filters.article_number is None
    assert parsed.analysis.folded
    assert parsed.intent.doc_numbers == doc_numbers


@pytest.mark.parametrize(
    "text",
    [
        "99/2099/NĐ-CP",  # well-formed but not in the index
        "nghị định 99/2013",
        "luật 53",  # the 2024 law is not in this index
        "thông tư 09/2013",  # 09/2013 exists, but it is a decree
        "ngày 12/3/2015",  # a date, not a number/year
        "điều 32",  # an article of no named document
    ],
)
def test_unresolvable_references_search_instead(text):
    intent = understand(text, KNOWN)
    assert intent.doc_numbers == []
    assert not intent.is_reference_only
    parsed = parse_query(text, KNOWN)
    assert parsed.filters.is_empty()
    assert parsed.analysis.words


def test_article_without_document_is_still_read():
    assert understand("điều 32", KNOWN).article_number == "32"
    assert understand("Đ27", KNOWN).article_number == "27"
    # Two different articles: no single article to narrow to.
    assert understand("điều 5 và điều 6 nghị định 09", KNOWN).article_number is None


def test_law_alias_names_every_known_law_newest_first():
    # Both laws are searched; only the one whose text is indexed yields articles.
    with_2024_law = KNOWN + [("53/2024/QH15", "Luật", "Phòng, chống mua bán người")]
    assert understand("luật pcmbn", with_2024_law).doc_numbers == ["53/2024/QH15", LAW]
    assert understand("luật pcmbn", KNOWN).doc_numbers == [LAW]
    assert understand("luật trợ giúp pháp lý", KNOWN).doc_numbers == []  # 11/2017/QH14 not indexed
    known_tgpl = KNOWN + [("11/2017/QH14", "Luật", "Trợ giúp pháp lý")]
    assert understand("luat tgpl", known_tgpl).doc_numbers == ["11/2017/QH14"]
    assert understand("luật trẻ em", KNOWN + [("102/2016/QH13", "Luật", "Trẻ em")]).doc_numbers == ["102/2016/QH13"]


def test_ambiguous_bare_number_gives_every_match_newest_first():
    known = KNOWN + [("09/2020/NĐ-CP", "Nghị định", "Khác")]
    assert understand("nghị định 09", known).doc_numbers == ["09/2020/NĐ-CP", DECREE_09]


@pytest.mark.parametrize(
    "text, expansion",
    [
        ("mbn", "mua bán người"),
        ("MBN", "mua bán người"),
        ("hỗ trợ nạn nhân PCMBN", "phòng, chống mua bán người"),
        ("tgpl cho nạn nhân", "trợ giúp pháp lý"),
        ("UBND cấp xã", "ủy ban nhân dân"),
        ("quyết định TTg", "thủ tướng chính phủ"),
        ("thông tư BCA BQP BNG", "bộ công an"),
        ("thông tư BCA BQP BNG", "bộ quốc phòng"),
        ("thông tư BCA BQP BNG", "bộ ngoại giao"),
        ("LĐTBXH hỗ trợ", "lao động - thương binh và xã hội"),
        ("ldtbxh ho tro", "lao động - thương binh và xã hội"),
        ("nghị quyết HĐTP", "hội đồng thẩm phán"),
        ("TAND xét xử", "tòa án nhân dân"),
        ("VKSND truy tố", "viện kiểm sát nhân dân"),
        ("BTC BTP", "bộ tài chính"),
        ("BTC BTP", "bộ tư pháp"),
        ("luật QH", "quốc hội"),
        # an outside reader (session 19): "ĐSQ VN" left unread, the clause on the embassy's dossier fell under the bar
        ("ĐSQ VN gửi hồ sơ về đâu", "đại sứ quán"),
        ("ĐSQ VN gửi hồ sơ về đâu", "Việt Nam"),
    ],
)
def test_abbreviations_are_expanded_and_both_are_searched(text, expansion):
    intent = understand(text, KNOWN)
    assert expansion in intent.expanded_terms
    parsed = parse_query(text, KNOWN)
    expansion_words = set(analyze_query(expansion).folded)
    assert expansion_words <= set(parsed.analysis.folded)
    # the abbreviation itself stays searchable
    assert {w.lower() for w in analyze_query(text).folded} <= set(parsed.analysis.folded)


def test_no_expansion_inside_document_numbers_or_when_already_written():
    assert understand("kinh phí 134/2013/TTLT-BTC-BLĐTBXH", KNOWN).expanded_terms == []
    assert understand("mua bán người mbn", KNOWN).expanded_terms == []
    # "nđ-cp" is one code; "nđ" inside it is not expanded again.
    assert understand("nđ-cp về nạn nhân", KNOWN).expanded_terms == ["nghị định của chính phủ"]


def test_caller_filters_are_kept_and_not_mutated():
    caller = Filters(doc_type=["Nghị định"], year_from=2012)
    parsed = parse_query("NĐ 09/2013", KNOWN, filters=caller)
    assert parsed.filters.doc_type == ["Nghị định"] and parsed.filters.year_from == 2012
    assert parsed.filters.doc_numbers == [DECREE_09]
    assert caller.doc_numbers == []
    # A document the caller already chose wins over the one in the text.
    parsed = parse_query("luật 66", KNOWN, filters=Filters(doc_numbers=[DECREE_09]))
    assert parsed.filters.doc_numbers == [DECREE_09]


def test_very_long_query_is_truncated_at_a_word_boundary():
    text = ("hỗ trợ nạn nhân bị mua bán " * 500)[:10_000]
    parsed = parse_query(text, KNOWN)
    intent = parsed.intent
    assert intent.truncated
    assert len(parsed.text) <= MAX_QUERY_CHARS
    assert text.startswith(parsed.text)
    assert text[len(parsed.text)] == " "  # cut between words, never inside one
    assert "nạn_nhân" in parsed.analysis.words
    assert not understand("hỗ trợ nạn nhân", KNOWN).truncated


def test_one_giant_word_is_cut_at_the_limit():
    intent = understand("a" * 10_000, KNOWN)
    assert intent.truncated and len(intent.text) == MAX_QUERY_CHARS


@pytest.mark.parametrize("text", ["!!! ??? ...", '""" *** ((( )))', "— – … «» {}", "   "])
def test_punctuation_only_has_no_searchable_words(text):
    parsed = parse_query(text, KNOWN)
    assert parsed.analysis.words == () and parsed.analysis.folded == ()
    assert parsed.filters.is_empty()
    message = query_problem(parsed)
    assert message and "tìm" in message


def test_empty_query_message_differs_from_punctuation():
    assert query_problem(parse_query("", KNOWN)) != query_problem(parse_query("!!!", KNOWN))
    assert query_problem(parse_query("!!!", KNOWN)) == NO_WORDS_MESSAGE
    assert query_problem(parse_query("nạn nhân", KNOWN)) is None


def test_engine_operators_are_plain_words():
    text = 'AND OR NOT * " ( ) NEAR title:x {}'
    parsed = parse_query(text, KNOWN)
    tokens = parsed.analysis.words + parsed.analysis.syllables + parsed.analysis.folded
    assert tokens
    assert all(token.replace("_", "").isalnum() for token in tokens)
    assert {"and", "or", "not", "near", "title", "x"} <= set(parsed.analysis.folded)
    assert parsed.text == text  # kept as typed, for display
    assert parsed.filters.is_empty()


def test_page_and_size_are_kept_in_range():
    parsed = parse_query("nạn nhân", KNOWN, page=0, size=10_000)
    assert parsed.page == 1 and 1 <= parsed.size <= 100
    assert parse_query("nạn nhân", KNOWN, page=3, size=20).page == 3


def test_abbreviation_file_is_well_formed():
    rows = load_abbreviations()
    assert {row.kind for row in rows} == set(ABBREVIATION_KINDS)
    aliases = {row.abbreviation.lower(): row.expansion.split(";") for row in rows if row.kind == "law_alias"}
    assert aliases["luật pcmbn"] == ["53/2024/QH15", "66/2011/QH12"]
    assert aliases["blhs"] == ["100/2015/QH13"]
    assert aliases["luật tgpl"] == ["11/2017/QH14"]
    assert aliases["luật trẻ em"] == ["102/2016/QH13"]
    for row in rows:
        if row.kind != "law_alias":
            assert "/" not in row.expansion


def test_query_without_diacritics_searches_folded_fields_only():
    parsed = parse_query("ho tro nan nhan bi mua ban", KNOWN)
    assert parsed.analysis.words == () and parsed.analysis.syllables == ()
    assert "nan_nhan" in parsed.analysis.bigrams and "ban" in parsed.analysis.folded
    with_marks = parse_query("hỗ trợ nạn nhân bị mua bán", KNOWN)
    assert "nạn_nhân" in with_marks.analysis.words


def test_first_segmentation_calls_from_many_threads_all_succeed():
    # The API serves from a thread pool; underthesea's lazy model load once crashed here.
    import subprocess
    import sys

    code = (
        "from concurrent.futures import ThreadPoolExecutor\n"
        "from ingest.analysis import analyze\n"
        "with ThreadPoolExecutor(8) as pool:\n"
        "    results = list(pool.map(lambda i: analyze('nạn nhân bị mua bán được hỗ trợ'), range(16)))\n"
        "assert all('nạn_nhân' in r.words for r in results), results\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]


def test_the_folded_view_keeps_every_position_and_folds_each_character():
    """_folded_view folds character by character through a per-character cache; each character must
    come out as folding it afresh gives, where that is one character, and stay itself otherwise."""
    from ingest.textnorm import fold
    from search_api.query_intent import _folded_view

    text = "Điều 32 Luật PCMBN: hỗ trợ NẠN NHÂN bị mua bán — ½ ﬁ İ ß ǅ Å 09/2013/NĐ-CP ǰ"
    for _ in range(2):  # the second time from the cache
        view = _folded_view(text)
        assert len(view) == len(text)
        for char, folded in zip(text, view, strict=True):
            fresh = fold(char).lower()
            assert folded == (fresh if len(fresh) == 1 else char), char
    assert _folded_view("Nghị định số 09/2013/NĐ-CP") == "nghi dinh so 09/2013/nd-cp"


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        # a decree named first, the article's own text right after it (heldout31: read as the decree's article)
        ("Theo NĐ 09/2013, ngoài các chế độ ở k1 Đ34 luật PCMBN thì còn được gì", LAW),
        ("nghị định 09/2013 hướng dẫn điều 34 của luật 66 thế nào", LAW),
        ("Điều 19 NĐ 09/2013 và luật PCMBN", DECREE_09),
        # no text right after the article: nothing said of its owner (the first text named is tried first)
        ("luật PCMBN và NĐ 09/2013: điều 19 nói gì", None),
    ],
)
def test_the_text_named_right_after_an_article_is_its_owner(text, owner):
    assert understand(text, KNOWN).article_document == owner
