"""The answer layer's per-index tables give what the scans of every document they replace gave.

A question's work must not grow with the collection (issue 11, item 6: at 100x one question
scanned 730,000 units with a regular expression for 6 s). The tables are built once per state
of the index (CorpusStore.derived); each test here compares one with the scan it replaced, on the
real answer corpus, for every key the corpus has and for keys it lacks.
"""

from __future__ import annotations

import re

import pytest

from search_api.answering import (
    evidence,
    governing,
    juvenile,
    naming,
    off_collection,
    offence_names,
    offence_tables,
    penalty,
)
from search_api.answering.counts import stated_ages
from search_api.answering.terms import folded

# --- the units that use a spelling (off_collection) -----------------------------------------


def _scanned_units(snapshot, spellings):
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in spellings) + r")(?!\w)")
    return [(t, n, a) for t, n, a, text in off_collection._lower_units(snapshot) if pattern.search(text)]


SPELLINGS = [
    ("thị thực",),
    ("giấy phép",),
    ("sổ đỏ",),
    ("giấy khai",),
    ("nạn nhân",),
    ("hỗ trợ",),
    ("điều",),
    ("mua bán người",),
    ("thị thực", "giấy phép"),
    ("không có từ này",),
]


@pytest.mark.parametrize("spellings", SPELLINGS)
def test_units_using_a_spelling_are_those_the_scan_finds(store, spellings):
    scanned = _scanned_units(store.snapshot(), spellings)
    table = off_collection.unit_words(store)
    assert table.using(spellings, limit=len(scanned) + 10) == scanned
    for limit in (1, off_collection.RARE_UNITS):
        assert table.using(spellings, limit=limit) == scanned[:limit]


def test_subjects_helped_with_are_those_the_scan_finds(store):
    snapshot = store.snapshot()
    texts = [folded(text) for _, _, _, text in off_collection._lower_units(snapshot)]
    scanned = set()
    for position, subject in enumerate(off_collection.SUBJECTS):
        if subject.question.pattern.startswith("^"):
            continue
        pattern = re.compile(off_collection._HELP_WITH + subject.question.pattern)
        if any(pattern.search(text) for text in texts):
            scanned.add(position)
    assert off_collection._helped_subjects(off_collection.unit_words(store)) == frozenset(scanned)


def test_subjects_whose_texts_the_collection_holds_are_those_the_scan_finds(store):
    snapshot = store.snapshot()
    for position, subject in enumerate(off_collection.SUBJECTS):
        scanned = any(
            subject.title.search(folded(d.title)) and not off_collection.is_stub(d) and not off_collection.is_news(d)
            for d in snapshot.documents.values()
        )
        assert off_collection._titles_govern(store, position) is scanned


# --- the Criminal Code's offences (evidence, penalty) -----------------------------------------


QUESTIONS = [
    "bán vợ sang Trung Quốc thì bị phạt bao nhiêu năm tù",
    "tội mua bán người dưới 16 tuổi bị phạt thế nào",
    "chứa mại dâm bị xử lý ra sao",
    "tổ chức cho người khác trốn đi nước ngoài",
    "giết người",
    "đưa phụ nữ sang Trung Quốc bị phạt bao nhiêu năm",
]


@pytest.mark.parametrize("child", [False, True])
@pytest.mark.parametrize(
    "question", [*QUESTIONS, "dâm ô bé gái 13 tuổi bị phạt thế nào", "khách mua dâm em gái 17 tuổi bị xử thế nào"]
)
def test_offences_a_question_names_are_those_the_scan_finds(store, question, child):
    asked = set(folded(question).split())
    ages = tuple(stated_ages(f" {folded(question)} "))
    offences = offence_names._offences(store)
    scanned = [
        (d, a)
        for d, a, _ in offences
        if offence_names.name_stated(a.title, asked, child, ages) >= offence_names.OFFENCE_NAME_SHARE
    ]
    if not scanned:
        ordered = sorted(offences, key=lambda item: -item[2])
        scanned = [(d, a) for d, a, _ in ordered[: offence_names.PROMINENT_OFFENCES]]
    assert offence_names.named_offences(store, asked, child, ages) == scanned


def test_a_child_s_age_says_the_under_16_of_an_offence_s_name():
    asked = set(folded("dâm ô bé gái 13 tuổi").split())
    assert offence_names.name_stated("Tội dâm ô đối với người dưới 16 tuổi", asked, child=True) == 1.0
    assert offence_names.name_stated("Tội dâm ô đối với người dưới 16 tuổi", asked) < offence_names.OFFENCE_NAME_SHARE
    # the act must still be said: the age alone names no offence against children
    share = offence_names.name_stated("Tội hiếp dâm người dưới 16 tuổi", asked, child=True)
    assert share < offence_names.OFFENCE_NAME_SHARE


def _offence_articles(snapshot):
    return [
        (document, article)
        for document in snapshot.documents.values()
        if document.type == "Bộ luật"
        for article in document.articles
    ]


def test_offence_articles_by_number_are_those_the_scan_finds(store):
    snapshot = store.snapshot()
    numbers = {a.number for _, a in _offence_articles(snapshot)} | {"9999", ""}
    for number in numbers:
        scanned = [
            (d, a)
            for d, a in _offence_articles(snapshot)
            if a.number == number and folded(a.title or "").startswith("toi ")
        ]
        assert penalty._offences_numbered(store).get(number, []) == scanned


def test_offences_a_guidance_text_names_are_those_the_scan_finds(store):
    snapshot = store.snapshot()
    guidance = [d for d in snapshot.documents.values() if d.type == "Nghị quyết"]
    assert guidance, "the answer corpus holds the court's guidance"
    texts = [folded(a.text) for d in guidance for a in d.articles] + ["khong noi ve toi nao", ""]
    for text in texts:
        scanned = [
            (d, a)
            for d, a in _offence_articles(snapshot)
            if folded(a.title).startswith("toi ")
            and len(folded(a.title).split()) >= 3
            and penalty.matches(text, folded(a.title))
        ]
        assert penalty._offences_named_in(store, text) == scanned


def test_guidance_texts_on_an_article_are_those_the_scan_finds(store):
    snapshot = store.snapshot()
    numbers = {a.number for _, a in _offence_articles(snapshot)} | {"9999", "1.2", "15 a"}
    for number in numbers:
        article_ref = re.compile(rf"(?<!\w)dieu {re.escape(number)}(?!\w)")
        scanned = [
            d
            for d in snapshot.documents.values()
            if d.type == "Nghị quyết" and article_ref.search(folded(d.title)) and d.articles
        ]
        assert offence_tables._guidance_on(store, number) == scanned


def test_rules_for_offenders_under_18_are_those_the_scan_finds(store):
    scanned = []
    for document in store.snapshot().documents.values():
        if document.type != "Bộ luật":
            continue
        for article in document.articles:
            title = folded(article.title or "")
            if title.startswith("toi "):
                continue
            if "tuoi chiu trach nhiem hinh su" in title or "duoi 18 tuoi pham toi" in folded(article.text):
                scanned.extend(evidence.article_candidates(document, article, 0))
    found = juvenile._rules(store)
    assert scanned, "the answer corpus holds the Criminal Code's rules for offenders under 18"
    assert [(c.key, c.text, c.kind, c.rank) for c in found] == [(c.key, c.text, c.kind, c.rank) for c in scanned]
    assert found[0] is not juvenile._rules(store)[0], "fresh candidates: a question's reasons stay its own"


# --- catalogued titles (naming) -----------------------------------------------------------------


def _scanned_catalogued(words, known_documents, catalogued, doc_numbers):
    found = []
    typed = words.split()
    titles = {number: naming.fold(title).lower() for number, _, title in known_documents}
    counts: dict[str, int] = {}
    for title in titles.values():
        counts[title] = counts.get(title, 0) + 1
    for number, _, title in known_documents:
        if number not in catalogued or number in doc_numbers or not title:
            continue
        own = re.findall(r"\w+", titles[number])
        if own[:2] == ["phe", "duyet"]:
            own = own[2:]
        run = naming._longest_run(typed, own)
        if run < naming.TITLE_RUN or run < naming.TITLE_SHARE * len(own):
            continue
        year = re.search(r"/((?:19|20)\d\d)/", number)
        if counts[titles[number]] > 1 and not (year and f" {year.group(1)} " in words):
            continue
        found.append(number)
    return found


def test_catalogued_titles_named_are_those_the_scan_finds():
    known = [
        ("193/QĐ-TTg", "Quyết định", "Phê duyệt Chương trình phòng, chống mua bán người giai đoạn 2021 - 2025"),
        ("53/2024/QH15", "Luật", "Luật Phòng, chống mua bán người"),
        ("66/2011/QH12", "Luật", "Luật Phòng, chống mua bán người"),
        ("1/2020/TT-X", "Thông tư", ""),
        ("193/QĐ-TTg", "Quyết định", "Phê duyệt Chương trình phòng, chống mua bán người giai đoạn 2021 - 2025"),
    ]
    catalogued = {"193/QĐ-TTg", "53/2024/QH15", "66/2011/QH12", "1/2020/TT-X", "không có"}
    for words in (
        "chuong trinh phong chong mua ban nguoi giai doan 2021 2025 quy dinh gi",
        "luat phong chong mua ban nguoi 2024 quy dinh gi",
        "luat phong chong mua ban nguoi quy dinh gi",
        "hom nay troi dep",
    ):
        for doc_numbers in ([], ["66/2011/QH12"], ["193/QĐ-TTg"]):
            expected = _scanned_catalogued(words, known, catalogued, doc_numbers)
            assert naming.catalogued_by_title(words, known, catalogued, doc_numbers) == expected


# --- which text governs a matter (governing) ----------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "Nghị định nào quy định căn cứ xác định nạn nhân bị mua bán?",
        "Thông tư nào hướng dẫn chế độ hỗ trợ nạn nhân",
        "văn bản nào quy định trợ giúp pháp lý",
        "Nghị định nào quy định về thuế thu nhập cá nhân",
    ],
)
def test_the_governing_text_chosen_from_the_table_is_the_one_chosen_from_every_text(store, question):
    from search_api.answering.compose import score_candidates
    from search_api.answering.evidence import gather
    from search_api.answering.facts import asked_types
    from search_api.answering.understand import understand_question
    from search_api.search import SearchService

    parsed = understand_question(question, [])
    found = gather(parsed, SearchService(store.backend), store, None)
    score_candidates(found, store)
    assert found.weights
    types = asked_types(parsed)
    every = [d for d in store.snapshot().documents.values() if not types or d.type in types]
    chosen = governing.scope_candidates(store, found, types)
    assert {d.number for d in chosen} <= {d.number for d in every}
    expected = governing.governing_scope_quote(found, every)
    assert [u.key for u in governing.governing_scope_quote(found, chosen)] == [u.key for u in expected]


# --- texts named by type and issuer (issuer_named) ------------------------------------------


@pytest.mark.parametrize(
    "text, numbers",
    [
        # the one circular the Ministry of Defence issued alone; not the joint circular it signed with three others
        ("Theo thông tư của Bộ Quốc phòng thì Bộ đội Biên phòng hỗ trợ nạn nhân những gì?", ["78/2013/TT-BQP"]),
        ("theo thong tu bo quoc phong thi bien phong ho tro gi", ["78/2013/TT-BQP"]),
        # the Ministry of Justice issued several: the phrase names none in particular
        ("Thông tư của Bộ Tư pháp quy định hồ sơ trợ giúp pháp lý gồm gì?", []),
        ("Bộ Quốc phòng có trách nhiệm gì?", []),
        # a joint circular by its kind and every one of its issuers, with or without diacritics or abbreviations
        ("thông tư liên tịch Bộ Tư pháp, Thanh tra Chính phủ 2011 nói gì về khiếu nại", ["10/2011/TTLT-BTP-TTCP"]),
        ("TTLT Bộ Tư pháp - Thanh tra Chính phủ", ["10/2011/TTLT-BTP-TTCP"]),
        ("thong tu lien tich cua bo tai chinh va bo tu phap", ["58/2014/TTLT-BTC-BTP"]),
        ("thông tư liên tịch Bộ Tài chính, Bộ LĐTBXH về mức chi", ["134/2013/TTLT-BTC-BLĐTBXH"]),
        # one of its issuers is not the joint text ("Bộ Lao động - Thương binh và Xã hội" is one name, not two)
        ("thông tư liên tịch của Bộ Tư pháp", []),
        ("thông tư liên tịch của Bộ Tài chính về trợ giúp pháp lý", []),
    ],
)
def test_a_text_named_by_its_type_and_issuer(store, text, numbers):
    from search_api.answering.issuer_named import texts_named_by_issuer
    from tests.understanding import understand

    assert [d.number for d in texts_named_by_issuer(understand(text), store)] == numbers
