"""Stage 2, gather evidence: the articles that may answer, split into normative texts and news.

Sources, in the order they are trusted:
  * the article (or document) the question names, read from the store, never "not found"
    when it exists;
  * the search results for the question (its already-parsed query, no second analysis);
  * for entitlement questions, the decree and circular articles detailing a retrieved law
    article and the law articles a retrieved decree article details (QUY_DINH_CHI_TIET), so
    the chain law -> decree -> circular can be quoted;
  * for penalty questions, the Criminal Code articles defining an offence ("Tội ...").
News reports are kept apart: they are context ("Tin tức liên quan"), never the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ingest.catalogue import STUB_SOURCE_FILE
from ingest.model import Article, Document
from ingest.numbers import number_key, slug
from ingest.textnorm import fold
from search_api.answering import models as m
from search_api.answering.counts import stated_ages
from search_api.answering.heading_named import article_named_by_heading
from search_api.answering.issuer_named import texts_named_by_issuer
from search_api.answering.models import Candidate, whole_unit
from search_api.answering.offence_names import named_offences
from search_api.answering.offence_tables import guidance_on_named
from search_api.answering.support import heading_articles
from search_api.corpus_store import CorpusStore
from search_api.search import SearchService
from search_api.views import is_news_report

RETRIEVED_ARTICLES = 10
CANDIDATE_ARTICLES = 15  # every retrieved article down to this rank is a candidate
# Further down, only the articles a composition looks for by their heading: lists of who
# qualifies ("Đối tượng ...", "Người được ...") and Criminal Code offences ("Tội ...").
DEEP_ARTICLES = 25
ASKING_ARTICLES = 5
ASKING_DEPTH = 10  # how deep the asking sentence's search is read for the reranker's features
_DEEP_TITLE = re.compile(r"^(?:nguoi duoc|doi tuong|truong hop duoc|toi )")
MAX_CHAIN_ARTICLES = 6


@dataclass
class Evidence:
    question: m.Question
    hits: list[dict[str, Any]] = field(default_factory=list)  # normative search hits (supporting articles)
    news: list[dict[str, Any]] = field(default_factory=list)  # news hits, context only
    candidates: list[Candidate] = field(default_factory=list)
    named_documents: list[Document] = field(default_factory=list)  # resolved, with or without text
    # texts named by kind and issuer ("thông tư liên tịch Bộ Tư pháp, Thanh tra Chính phủ 2011"; issuer_named)
    issuer_named: list[Document] = field(default_factory=list)
    named_article: tuple[Document, Article] | None = None
    missing_article: str | None = None  # "Điều 99" named but absent from every named text
    today: date | None = None
    weights: dict[str, float] = field(default_factory=dict)  # the question's terms by corpus rarity (compose)
    # (document number, article id) both searches rank first: the whole question's and its asking sentence's alone
    agreed_article: tuple[str, str] | None = None
    # where each article stood in the two searches (the reranker's features, rerank.py)
    whole_positions: dict[tuple[str, str], int] = field(default_factory=dict)
    asking_positions: dict[tuple[str, str], int] = field(default_factory=dict)
    # named texts whose successor is asked and none is recorded (successor.unknown_successor): the answer says so
    unknown_successor: list[str] = field(default_factory=list)

    def on_date(self) -> date | None:
        return self.question.as_of or self.today


def is_news(document: Document) -> bool:
    return is_news_report(document.number, document.type)


def is_stub(document: Document) -> bool:
    """Known from the catalogue only: its text is not in the collection."""
    return not document.articles or document.source_file == STUB_SOURCE_FILE


def lead_in(clause) -> str:
    if not clause.children:
        return ""
    position = clause.text.find(clause.children[0].text)
    return clause.text[:position].strip() if position > 0 else clause.text.split("\n", 1)[0]


def article_candidates(document: Document, article: Article, rank: int) -> list[Candidate]:
    if not article.units:
        return [whole_unit(document, article, rank)]
    found = []
    for clause in article.units:
        found.append(
            Candidate(document, article, clause.id, "khoan", clause.number, clause.number, clause.text, "", None, rank)
        )
        opening = lead_in(clause)
        for point in clause.children:
            found.append(
                Candidate(
                    document,
                    article,
                    point.id,
                    "diem",
                    point.number,
                    clause.number,
                    point.text,
                    opening,
                    clause.id,
                    rank,
                )
            )
    return found


def article_numbered(document: Document | None, number: str | None) -> Article | None:
    """The document's article with this number ("32", "8a"), or None."""
    if document is None or not number:
        return None
    return next((a for a in document.articles if a.number == number), None)


def gather(question: m.Question, search: SearchService, store: CorpusStore, today: date | None) -> Evidence:
    evidence = Evidence(question, today=today)
    for number in question.doc_numbers:
        document = store.document(number)
        if document is not None:
            evidence.named_documents.append(document)
    if question.as_of and len(evidence.named_documents) > 1:
        # "luật PCMBN" on a case from 2024: the law in force that day first.
        day = question.as_of
        evidence.named_documents.sort(
            key=lambda d: not (d.effective and d.effective <= day and (d.expired is None or day < d.expired))
        )
    if question.article_number and evidence.named_documents:
        # (the text named right after the article first: "k2 Đ11 Luật TGPL" is the Law's, whatever was named before)
        owner_first = sorted(evidence.named_documents, key=lambda d: d.number != question.article_document)
        for document in owner_first:
            article = article_numbered(document, question.article_number)
            if article is not None:
                evidence.named_article = (document, article)
                break
        else:
            evidence.missing_article = question.article_number
    elif evidence.named_documents:
        evidence.named_article = article_named_by_heading(question.folded, evidence.named_documents)

    if question.parsed is not None:
        question.parsed.size = DEEP_ARTICLES
    result = search.search(
        question.text, parsed=question.parsed, with_facets=False, with_snippets=False, with_catalogued=False
    )
    seen: set[tuple[str, str]] = set()
    rank = 0
    precedent_asked = "an le" in question.folded
    if evidence.named_article:
        _add_article(evidence, seen, *evidence.named_article, 0)
        if question.intent == m.LOOKUP and not question.reference_only:
            # "... có tính đủ 06 tháng trở lên của Điều 216 BLHS không": the court's guidance on a Code article named
            # in a story answers how it applies; search, filtered on the Code, never brings it (heldout32)
            for document, article in guidance_on_named(store, *evidence.named_article):
                _add_article(evidence, seen, document, article, 1)
    for position, hit in enumerate(result["hits"]):
        hit["link"] = f"/van-ban/{hit['slug']}#{hit['article_id']}"
        evidence.whole_positions.setdefault((hit["doc_number"], hit["article_id"]), position)
        document = store.document(hit["doc_number"])
        if document is None:
            continue
        if is_news(document):
            evidence.news.append(hit)
            continue
        if document.type == "Án lệ" and not precedent_asked:
            # A precedent's numbered paragraphs tell one case: Án lệ 69/2023/AL's arbitral-award terms opened answers on
            # legal aid twice (outside reader, heldout11) even behind a 0.3 penalty. Asked for ("án lệ"), it answers.
            continue
        if len(evidence.hits) < RETRIEVED_ARTICLES:
            evidence.hits.append(hit)
        article = _hit_article(document, hit)
        if article is None:
            continue
        if position >= CANDIDATE_ARTICLES and not _DEEP_TITLE.search(fold(article.title or "").lower()):
            continue
        if _add_article(evidence, seen, document, article, rank):
            rank += 1
    if question.asking_text:
        # the asking sentence alone: a story told first fills the search with its own words
        asked = search.search(
            question.asking_text, with_facets=False, with_snippets=False, with_catalogued=False, size=ASKING_DEPTH
        )
        asked_first: tuple[str, str] | None = None
        for position, hit in enumerate(asked["hits"]):
            evidence.asking_positions.setdefault((hit["doc_number"], hit["article_id"]), position)
            if position >= ASKING_ARTICLES:
                continue  # (seen by the reranker only: the five first are candidates, as before)
            document = store.document(hit["doc_number"])
            if document is None or is_news(document) or document.type == "Án lệ":
                continue
            article = _hit_article(document, hit)
            if article is not None:
                # (ranked where the asking sentence's search put it: it is that search's answer, not a late find)
                _add_article(evidence, seen, document, article, position)
                asked_first = asked_first or (hit["doc_number"], hit["article_id"])
        if evidence.hits and (evidence.hits[0]["doc_number"], evidence.hits[0]["article_id"]) == asked_first:
            evidence.agreed_article = asked_first
    for document in evidence.named_documents:
        # "quyền gì theo luật PCMBN": every article of a text the question names is a candidate,
        # not only those the backend ranked (each backend ranks differently; the answer should not).
        if len(document.articles) > NAMED_DOCUMENT_ARTICLES:
            continue  # the Criminal Code, the Civil Code: search narrows them
        for article in document.articles:
            _add_article(evidence, seen, document, article, rank)
    named = {d.number for d in evidence.named_documents}
    evidence.issuer_named = texts_named_by_issuer(question, store)
    for document in evidence.issuer_named:
        for article in document.articles if document.number not in named else []:
            _add_article(evidence, seen, document, article, rank)
    top_documents = list({c.document.number: c.document for c in evidence.candidates}.values())
    for document, article in heading_articles(question, top_documents):
        _add_article(evidence, seen, document, article, rank)
    if question.has(m.ENTITLEMENT, m.AMOUNT, m.ELIGIBILITY, m.LEGAL_AID, m.PROCEDURE):
        _add_chain(evidence, store, seen)
    if question.has(m.PENALTY):
        _add_named_offences(evidence, store, seen)
    return evidence


def _hit_article(document: Document, hit: dict[str, Any]) -> Article | None:
    """The article a search hit points at, in the document the store holds."""
    return next((a for a in document.articles if a.id == hit["article_id"]), None)


def _add_article(
    evidence: Evidence, seen: set[tuple[str, str]], document: Document, article: Article, rank: int
) -> bool:
    """The article's units as candidates, once per article whichever route found it first;
    False when it was already there."""
    key = (number_key(document.number), article.id)
    if key in seen:
        return False
    seen.add(key)
    evidence.candidates.extend(article_candidates(document, article, rank))
    return True


NAMED_DOCUMENT_ARTICLES = 120  # a named text up to this size is scored whole


def about_child_under_16(question: m.Question) -> bool:
    return m.CHILD_UNDER_16 in question.who or m.ACCOMPANYING_MINOR in question.who


def _add_named_offences(evidence: Evidence, store: CorpusStore, seen: set[tuple[str, str]]) -> None:
    """The Criminal Code offences ("Tội mua bán người") whose name the question says, whether or
    not search ranked them: a colloquial question ("bán vợ sang Trung Quốc") shares few words with
    the article, but names the offence. A question naming none gets the collection's own offences."""
    question = evidence.question
    asked, ages = set(question.folded.split()), tuple(stated_ages(question.folded))
    for document, article in named_offences(store, asked, about_child_under_16(question), ages):
        _add_article(evidence, seen, document, article, 1)


def _add_chain(evidence: Evidence, store: CorpusStore, seen: set[tuple[str, str]]) -> None:
    """The articles one QUY_DINH_CHI_TIET step from the top retrieved ones, ranked just after them:
    a law article's decree and circular articles, a circular's governing law article."""
    snapshot = store.snapshot()
    top = list(dict.fromkeys((c.document.number, c.article.number, c.rank) for c in evidence.candidates))[:3]
    added = 0
    for doc_number, article_number, rank in top:
        linked = list(snapshot.detailed_by.get((number_key(doc_number), article_number), []))
        provisions = store.provisions_of(doc_number)
        for provision in provisions.values():
            if provision.article_number == article_number:
                linked.extend(provision.governing)
                break
        for other, other_article in linked:
            document = store.document(other)
            article = article_numbered(document, other_article)
            if document is None or article is None or not _add_article(evidence, seen, document, article, rank + 1):
                continue
            added += 1
            if added >= MAX_CHAIN_ARTICLES:
                return


def hit_for(document: Document, article: Article) -> dict[str, Any]:
    """A supporting-article entry for an article that did not come from search."""
    return {
        "doc_number": document.number,
        "doc_type": document.type,
        "doc_title": document.title,
        "status": document.status,
        "article_id": article.id,
        "article_number": article.number,
        "article_title": article.title,
        "heading": f"Điều {article.number}. {article.title}" if article.number else article.title,
        "slug": slug(document.number),
        "link": f"/van-ban/{slug(document.number)}#{article.id}",
    }
