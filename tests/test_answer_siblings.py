"""Two clauses of one short article scored nearly alike are quoted as the whole article
(quote_shape.merge_siblings): word overlap cannot tell which of the two states the fact."""

from __future__ import annotations

from ingest.model import Article, Document, Unit
from search_api.answering import quote_shape as q
from search_api.answering.models import Candidate

CLAUSES = ["1. Cơ quan A tiếp nhận hồ sơ.", "2. Thời hạn giải quyết là 05 ngày làm việc.", "3. Cơ quan B giám sát."]


def _article(text_length: int = 0) -> tuple[Document, Article]:
    units = [Unit("khoan", str(i), f"dieu_7__khoan_{i}", text) for i, text in enumerate(CLAUSES, 1)]
    body = "\n".join(CLAUSES) + " x" * text_length
    article = Article("7", "Tiếp nhận hồ sơ", body, "dieu_7", units=units)
    return Document("12/2018/TT-BTP", "Thông tư", articles=[article]), article


def _clause(document: Document, article: Article, number: int, score: float) -> Candidate:
    unit = article.units[number - 1]
    candidate = Candidate(document, article, unit.id, "khoan", unit.number, "", unit.text, "", article.id, 0)
    candidate.score = candidate.coverage = score
    return candidate


def test_near_equal_sibling_clauses_become_the_whole_article():
    document, article = _article()
    other_document, other_article = _article()
    other_document.number = "09/2013/NĐ-CP"
    quotes = [_clause(document, article, 1, 1.0), _clause(document, article, 2, 0.95)]
    quotes.append(_clause(other_document, other_article, 3, 0.8))
    merged = q.merge_siblings(quotes)
    assert [(q.kind, q.unit_id, q.document.number) for q in merged] == [
        ("dieu", "dieu_7", "12/2018/TT-BTP"),
        ("khoan", "dieu_7__khoan_3", "09/2013/NĐ-CP"),
    ]
    assert "05 ngày làm việc" in merged[0].text and merged[0].score == 1.0
    assert merged[0].reasons[-1].endswith("(khoản 1, khoản 2)")


def test_a_clearly_better_clause_a_long_article_or_another_article_stay_as_they_are():
    document, article = _article()
    apart = [_clause(document, article, 1, 1.0), _clause(document, article, 2, 0.85)]
    assert q.merge_siblings(apart) == apart
    long_document, long_article = _article(text_length=q.SIBLING_ARTICLE_CHARS)
    long = [_clause(long_document, long_article, 1, 1.0), _clause(long_document, long_article, 2, 1.0)]
    assert q.merge_siblings(long) == long
    other_document, other_article = _article()
    other_article.id = "dieu_8"
    across = [_clause(document, article, 1, 1.0), _clause(other_document, other_article, 2, 1.0)]
    assert q.merge_siblings(across) == across


def test_the_third_quote_comes_from_another_article_when_the_first_two_share_one():
    # (the first two stay as scored: merge_siblings reads them; the third is the next article's, a gold article quoted
    # for 6 more development questions on SQLite and 9 on Elasticsearch, none lost)
    from search_api.answering.compose import select

    document, article = _article()
    other_document, other_article = _article()
    other_document.number = "09/2013/NĐ-CP"
    same = [_clause(document, article, n, 1.0 - n / 100) for n in (1, 2, 3)]
    elsewhere = _clause(other_document, other_article, 1, 0.9)
    chosen = select([*same, elsewhere], threshold=0.1)
    assert [(c.document.number, c.unit_id) for c in chosen] == [
        ("12/2018/TT-BTP", "dieu_7__khoan_1"),
        ("12/2018/TT-BTP", "dieu_7__khoan_2"),
        ("09/2013/NĐ-CP", "dieu_7__khoan_1"),
    ]
    # with no other article above the bar, the third clause of the same article is still quoted
    assert [c.unit_id for c in select(same, threshold=0.1)] == ["dieu_7__khoan_1", "dieu_7__khoan_2", "dieu_7__khoan_3"]
