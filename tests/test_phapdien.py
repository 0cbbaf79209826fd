"""Golden tests of the codified-database (Bộ pháp điển) parser on the four real topic pages.

Counts and values were read off the pages: per-document article counts are the
pGhiChu notes naming each document (e.g. 09/2013/NĐ-CP = Điều 39.8.NĐ.2.1 to .29).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.model import BAI_BO, LIEN_QUAN, QUY_DINH_CHI_TIET, SUA_DOI, Document
from ingest.numbers import number_key
from ingest.parsers.phapdien import is_phapdien, parse_phapdien

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
PAGES = {
    "39.8": "demuc_39.8_phong-chong-mua-ban-nguoi.html",
    "16.1": "demuc_16.1_hinh-su.html",
    "4.5": "demuc_4.5_tro-giup-phap-ly.html",
    "8.1": "demuc_8.1_tre-em.html",
}
LAW, DECREE, JOINT_CIRCULAR, CODE, AMENDING_LAW = (
    "66/2011/QH12",
    "09/2013/NĐ-CP",
    "134/2013/TTLT-BTC-BLĐTBXH",
    "100/2015/QH13",
    "12/2017/QH14",
)

pytestmark = pytest.mark.skipif(not (CORPUS / "phapdien").is_dir(), reason="shared corpus not available")

_TAG_OR_ENTITY_RE = re.compile(r"<[a-zA-Z/!][^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def _page_path(topic: str) -> Path:
    path = CORPUS / "phapdien" / PAGES[topic]
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture(scope="module")
def pages() -> dict[str, list[Document]]:
    return {topic: parse_phapdien(_page_path(topic), _page_path(topic).read_bytes()) for topic in PAGES}


def doc(documents: list[Document], number: str) -> Document:
    found = [d for d in documents if number_key(d.number) == number_key(number)]
    assert len(found) == 1, f"{number}: {len(found)} documents"
    return found[0]


def article(document: Document, number: str):
    found = [a for a in document.articles if a.number == number]
    assert len(found) == 1, f"{document.number} Điều {number}: {len(found)} articles"
    return found[0]


# ---------------------------------------------------------------- topic 39.8

ARTICLES_39_8 = {
    "66/2011/QH12": 58,
    "62/2012/NĐ-CP": 13,
    "09/2013/NĐ-CP": 29,
    "78/2013/TT-BQP": 12,
    "134/2013/TTLT-BTC-BLĐTBXH": 7,
    "35/2013/TT-BLĐTBXH": 23,
    "01/2014/TTLT-BCA-BQP-BLĐTBXH-BNG": 11,
}


def test_topic_39_8_splits_into_its_seven_source_documents(pages):
    documents = pages["39.8"]
    assert sorted(d.number for d in documents) == sorted(ARTICLES_39_8)
    assert {d.number: len(d.articles) for d in documents} == ARTICLES_39_8
    # Every one of these documents is complete on the page: Điều 1..n, in order.
    for document in documents:
        assert [a.number for a in document.articles] == [str(n) for n in range(1, len(document.articles) + 1)]
        assert document.topic == "39.8 Phòng, chống mua bán người"
        assert document.source_file.endswith(PAGES["39.8"])


def test_law_66_2011_metadata(pages):
    law = doc(pages["39.8"], LAW)
    assert (law.type, law.title, law.issuer) == ("Luật", "Phòng, chống mua bán người", "Quốc hội")
    assert (law.issued, law.effective) == (date(2011, 3, 29), date(2012, 12, 1))
    assert law.url == "http://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=26741"


def test_law_66_2011_has_eight_chapters_with_the_two_sections_of_chapter_iv_below_them(pages):
    # The page marks Mục headings with the same pChuong class: 10 headings, 8 chapters.
    law = doc(pages["39.8"], LAW)
    chapters = list(dict.fromkeys(a.path[0] for a in law.articles))
    assert [c.split(".")[0] for c in chapters] == [f"Chương {r}" for r in "I II III IV V VI VII VIII".split()]
    assert chapters[4] == "Chương V. HỖ TRỢ NẠN NHÂN"
    sections = {a.number: a.path for a in law.articles if len(a.path) > 1}
    assert sorted(sections, key=int) == [str(n) for n in range(24, 32)]
    assert sections["24"] == [
        "Chương IV. TIẾP NHẬN, XÁC MINH VÀ BẢO VỆ NẠN NHÂN",
        "Mục 1. TIẾP NHẬN, XÁC MINH NẠN NHÂN",
    ]
    assert sections["29"][1] == "Mục 2. BẢO VỆ NẠN NHÂN"
    assert article(law, "24").id == "chuong_4__muc_1__dieu_24"
    assert article(law, "58").path == ["Chương VIII. ĐIỀU KHOẢN THI HÀNH"]


def test_article_32_of_the_law(pages):
    art = article(doc(pages["39.8"], LAW), "32")
    assert art.title == "Đối tượng và chế độ hỗ trợ"
    assert art.id == "chuong_5__dieu_32"
    assert art.path == ["Chương V. HỖ TRỢ NẠN NHÂN"]
    assert "b) Hỗ trợ y tế;" in art.text.split("\n")
    assert art.note == "(Điều 32 Luật số 66/2011/QH12, có hiệu lực thi hành kể từ ngày 01/12/2012)"
    # Four clauses; clause 1 lists the six support regimes a) to e) as points.
    assert [u.id for u in art.units] == [f"chuong_5__dieu_32__khoan_{n}" for n in range(1, 5)]
    assert [p.number for p in art.units[0].children] == ["a", "b", "c", "d", "đ", "e"]
    assert art.units[0].children[4].id == "chuong_5__dieu_32__khoan_1__diem_dd"
    assert art.units[0].children[1].text == "b) Hỗ trợ y tế;"


def test_decree_09_2013(pages):
    decree = doc(pages["39.8"], DECREE)
    assert (decree.type, decree.title, decree.issuer) == (
        "Nghị định",
        "Hướng dẫn Luật Phòng, chống mua bán người",
        "Chính phủ",
    )
    assert (decree.issued, decree.effective) == (date(2013, 1, 11), date(2013, 4, 15))
    assert len(decree.articles) == 29
    # Its own chapters come from the vbpl anchor ('#Chuong_III_Dieu_19'), without titles.
    art = article(decree, "19")
    assert (art.path, art.id) == (["Chương III"], "chuong_3__dieu_19")
    assert art.title == "Chế độ hỗ trợ nhu cầu thiết yếu và chi phí đi lại"
    assert article(decree, "4").path == ["Chương II", "Mục 1"]
    details = {(r.source_article, r.target, r.target_article) for r in decree.relations if r.type == QUY_DINH_CHI_TIET}
    assert {("19", LAW, "33"), ("20", LAW, "34"), ("24", LAW, "38"), ("3", LAW, "32"), ("26", LAW, "41")} <= details


def test_joint_circular_134_2013(pages):
    circular = doc(pages["39.8"], JOINT_CIRCULAR)
    # The title itself cites "Nghị định số 09/2013/NĐ-CP ngày 11/01/2013 của Chính phủ":
    # the circular's own date and issuer are the last ones.
    assert circular.title.startswith("Hướng dẫn nội dung, mức chi cho công tác hỗ trợ nạn nhân")
    assert circular.title.endswith("của Luật phòng, chống mua bán người")
    # The note writes "Thương Binh"; the ministry's official name capitalises only the group's first word.
    assert circular.issuer == "Bộ Tài chính và Bộ Lao động - Thương binh và Xã hội"
    assert "Thương Binh" in circular.articles[0].note  # the note itself, as written, is left alone
    assert (circular.type, circular.issued, circular.effective) == (
        "Thông tư liên tịch",
        date(2013, 9, 25),
        date(2013, 11, 10),
    )
    assert [(a.id, a.path) for a in circular.articles[:2]] == [("dieu_1", []), ("dieu_2", [])]
    details = sorted(
        (r.source_article, r.target_article)
        for r in circular.relations
        if r.type == QUY_DINH_CHI_TIET and r.target == LAW
    )
    assert details == [("1", "1"), ("2", "32"), ("3", "32"), ("4", "33"), ("5", "33"), ("6", "33"), ("7", "58")]


def test_every_sub_law_article_of_39_8_details_exactly_one_existing_law_article(pages):
    documents = pages["39.8"]
    law = doc(documents, LAW)
    law_articles = {a.number for a in law.articles}
    assert not [r for r in law.relations if r.type == QUY_DINH_CHI_TIET]
    for document in documents:
        if document is law:
            continue
        details = [r for r in document.relations if r.type == QUY_DINH_CHI_TIET]
        assert sorted(r.source_article for r in details) == sorted(a.number for a in document.articles)
        assert all(r.target == LAW and r.target_article in law_articles for r in details)


def test_related_article_links_resolve_within_the_page(pages):
    documents = pages["39.8"]
    law = doc(documents, LAW)
    # Điều 1's pChiDan links 4.5.LQ.7 (another topic: not resolvable), TT.1.8 and TT.1.10.
    related = [(r.target, r.target_article) for r in law.relations if r.type == LIEN_QUAN and r.source_article == "1"]
    assert related == [("78/2013/TT-BQP", "8"), ("78/2013/TT-BQP", "10")]
    articles = {(d.number, a.number) for d in documents for a in d.articles}
    links = [r for d in documents for r in d.relations if r.type == LIEN_QUAN]
    assert len(links) > 100
    assert all((r.target, r.target_article) in articles for r in links)


# ---------------------------------------------------------------- topic 16.1 (penal code)


def test_penal_code_trafficking_articles_and_their_amendments(pages):
    code = doc(pages["16.1"], CODE)
    assert (code.type, code.title, code.issuer) == ("Bộ luật", "Hình sự", "Quốc hội")
    assert (code.issued, code.effective) == (date(2015, 11, 27), date(2018, 1, 1))
    assert len(code.articles) == 427  # Điều 1-426 and Điều 217a, inserted in 2017
    assert article(code, "217a").id == "phan_2__chuong_18__muc_3__dieu_217a"
    for number, title, act in (
        ("150", "Tội mua bán người", "a) Chuyển giao hoặc tiếp nhận người để giao"),
        ("151", "Tội mua bán người dưới 16 tuổi", "a) Chuyển giao hoặc tiếp nhận người dưới 16 tuổi"),
    ):
        art = article(code, number)
        assert art.title == title and "mua bán người" in art.title
        assert act in art.text and len(art.units) == 4
        assert art.path == [
            "Phần hai. CÁC TỘI PHẠM",
            "Chương XIV. CÁC TỘI XÂM PHẠM TÍNH MẠNG, SỨC KHỎE, NHÂN PHẨM, DANH DỰ CỦA CON NGƯỜI",
        ]
        assert art.id == f"phan_2__chuong_14__dieu_{number}"
        amendments = [
            (r.source, r.source_article, r.date)
            for r in code.relations
            if r.type == SUA_DOI and r.target == CODE and r.target_article == number
        ]
        assert amendments == [(AMENDING_LAW, "1", "2018-01-01")]
    repeal = [r for r in code.relations if r.type == BAI_BO and r.target_article == "292"]
    assert [(r.source, r.source_article) for r in repeal] == [(AMENDING_LAW, "1")]


def test_penal_code_spellings_come_out_as_one_document(pages):
    documents = pages["16.1"]
    keys = [number_key(d.number) for d in documents]
    assert len(keys) == len(set(keys)) == 12
    # "Bộ Luật số 100/2015/QH13" in 11 notes, "Bộ luật" in the others.
    assert doc(documents, CODE).type == "Bộ luật"
    # Six notes write 01/2016/NQ.HĐTP, two (the one with the title among them) NQ-HĐTP:
    # the well-formed spelling is kept.
    resolution = doc(documents, "01/2016/NQ-HĐTP")
    assert resolution.number == "01/2016/NQ-HĐTP" and len(resolution.articles) == 8
    assert resolution.issued == date(2016, 6, 30)


def test_resolution_02_2019_on_trafficking(pages):
    resolution = doc(pages["16.1"], "02/2019/NQ-HĐTP")
    assert (resolution.type, resolution.issuer) == ("Nghị quyết", "Tòa án nhân dân tối cao")
    assert (resolution.issued, resolution.effective) == (date(2019, 1, 11), date(2019, 3, 15))
    assert len(resolution.articles) == 9
    details = {(r.source_article, r.target_article) for r in resolution.relations if r.type == QUY_DINH_CHI_TIET}
    assert {("2", "150"), ("7", "151")} <= details


def test_penal_code_chapter_paths_follow_the_code_not_the_pages_extra_heading(pages):
    documents = pages["16.1"]
    code = doc(documents, CODE)
    # The page inserts its own 'Mục 3' into Chương XII; the code's Điều 96 is in its Mục 3
    # ('#Phan_nhất_Chuong_XII_Muc_3_Dieu_96'), whose title the page does not give.
    assert article(code, "96").path[-1] == "Mục 3"
    assert article(code, "96").id == "phan_1__chuong_12__muc_3__dieu_96"
    assert article(code, "90").path[-1] == "Mục 1. QUY ĐỊNH CHUNG VỀ XỬ LÝ HÌNH SỰ ĐỐI VỚI NGƯỜI DƯỚI 18 TUỔI PHẠM TỘI"
    # The amending law's own articles stand under 'Phần ba' of the page but in no chapter.
    amending = doc(documents, AMENDING_LAW)
    assert [(a.number, a.path, a.id) for a in amending.articles] == [("2", [], "dieu_2"), ("3", [], "dieu_3")]
    # A heading's own "(Mục này có nội dung liên quan đến ...)" is not Điều 352's.
    assert not [r for r in code.relations if r.type == LIEN_QUAN and r.source_article == "352"]


# ---------------------------------------------------------------- the other pages and all of them


def test_legal_aid_and_children_pages(pages):
    legal_aid, children = pages["4.5"], pages["8.1"]
    assert len(legal_aid) == 18 and len(children) == 12
    law = doc(legal_aid, "11/2017/QH14")
    assert (len(law.articles), law.issued, law.effective) == (48, date(2017, 6, 20), date(2018, 1, 1))
    assert article(doc(legal_aid, "08/2017/TT-BTP"), "25a").title == "Thay đổi người hướng dẫn tập sự"
    children_law = doc(children, "102/2016/QH13")
    assert (len(children_law.articles), children_law.title, children_law.issuer) == (106, "Trẻ em", "Quốc hội")
    assert (SUA_DOI, "5", "28/2018/QH14", "11", "2019-01-01") in {
        (r.type, r.target_article, r.source, r.source_article, r.date) for r in children_law.relations
    }
    # "bởi Điều 1, Điều 2 Thông tư số 30/2019/TT-BYT": both articles are named.
    amended = {
        (r.type, r.source_article)
        for r in doc(children, "34/2017/TT-BYT").relations
        if r.source == "30/2019/TT-BYT" and r.target_article == "2"
    }
    assert amended == {(SUA_DOI, "1"), (SUA_DOI, "2"), (BAI_BO, "1"), (BAI_BO, "2")}


@pytest.mark.parametrize("topic", sorted(PAGES))
def test_every_article_is_kept_and_every_text_is_clean_nfc(pages, topic):
    raw = _page_path(topic).read_bytes()
    assert is_phapdien(raw)
    assert not unicodedata.is_normalized("NFC", raw.decode("utf-8-sig"))  # the pages mix decomposed text
    documents = pages[topic]
    assert sum(len(d.articles) for d in documents) == raw.count(b"class='pDieu'")
    for document in documents:
        assert document.effective and document.url.startswith("http://vbpl.vn/")
        fields = [document.number, document.title, document.issuer, document.topic]
        for art in document.articles:
            fields += [art.title, art.text, art.note, *art.path]
            assert art.note.startswith(f"(Điều {art.number} ")
        fields += [r.note for r in document.relations]
        for text in fields:
            assert unicodedata.is_normalized("NFC", text), text[:80]
            assert not _TAG_OR_ENTITY_RE.search(text), text[:80]


def test_attachment_links_after_the_body_are_not_article_text(pages):
    rules = doc(pages["4.5"], "03/2020/TT-BTP")
    assert article(rules, "1").text == "Ban hành kèm theo Thông tư này Quy tắc nghề nghiệp trợ giúp pháp lý."


# ---------------------------------------------------------------- what is not a topic page


def test_a_vbpl_full_text_page_is_not_a_topic_page():
    path = CORPUS / "fixtures" / "html" / "vbpl_toanvan_21-LCT-HDNN8_1989_luat_bvsknd.html"
    if not path.exists():
        pytest.skip(f"{path} not available")
    assert not is_phapdien(path.read_bytes())
    with pytest.raises(IngestError, match="not a codified-database"):
        parse_phapdien(path, path.read_bytes())


def test_a_topic_page_without_articles_is_refused():
    page = (
        "<h3>Đề mục 1.1 <br/> Thử</h3><div class='_content'><p class='pChuong'>Chương I</p>"
        "<p class='pChuong'>NHỮNG QUY ĐỊNH CHUNG</p></div>"
    ).encode()
    assert is_phapdien(page)
    with pytest.raises(IngestError, match="no articles"):
        parse_phapdien(Path("empty.html"), page)
