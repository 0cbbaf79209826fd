"""Response models of the JSON API: what /openapi.json documents for every field.

The routers still build plain dicts (one shape feeds the API, the CLI's JSON and the pages);
FastAPI validates them against these models on the way out, so a field that drifts from its
description fails in the tests instead of surprising a client.

Models of data that other parts of the project enrich (documents, trace nodes, provisions)
allow extra fields: a field added upstream passes through until it is described here, and
should then be added to the model of its endpoint in this module.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    """Documented fields typed; further fields pass through unchanged."""

    model_config = ConfigDict(extra="allow")


class ErrorDetail(BaseModel):
    detail: str = Field(description="What went wrong, in Vietnamese for users (e.g. 'Không tìm thấy văn bản …')")


class BackendUnavailable(BaseModel):
    error: Literal["backend_unavailable"]
    message: str = Field(description="Why the search engine could not answer")


# Typed as FastAPI's `responses` parameter so routes can merge them.
ERRORS_404: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorDetail, "description": "No such document or article in the index"}
}
ERRORS_503: dict[int | str, dict[str, Any]] = {
    503: {"model": BackendUnavailable, "description": "The index (SQLite file or Elasticsearch) is down"}
}
REDIRECT_308: dict[int | str, dict[str, Any]] = {
    308: {"description": "Another spelling of the number: redirect to the canonical slug"}
}


# ---- documents and articles --------------------------------------------------------------


class UnitOut(BaseModel):
    kind: str = Field(description="khoan (clause) or diem (point)")
    number: str = Field(description="'3', 'a', 'đ'")
    id: str = Field(description="Stable anchor id, e.g. chuong_2__dieu_15__khoan_3__diem_a")
    text: str = Field(description="The unit's own text including its points")
    children: list[UnitOut] = Field(default_factory=list, description="Points (điểm) of a clause")


class ArticleOut(_Open):
    number: str = Field(description="Article (Điều) number, '32'; empty for the body of a news report")
    title: str = Field(description="Article title, 'Hỗ trợ nạn nhân' (may be empty)")
    heading: str = Field(description="'Điều 32. Hỗ trợ nạn nhân'")
    text: str = Field(description="Full text of the article, paragraphs joined by newlines")
    id: str = Field(description="Stable anchor id, e.g. chuong_4__dieu_32")
    path: list[str] = Field(description="Enclosing parts, chapters and sections, outermost first")
    units: list[UnitOut] = Field(description="Clauses (khoản), each with its points (điểm)")
    note: str = Field("", description="Source note, e.g. amendment notes of the codified database")
    note_flag: str = Field(
        "",
        description="When the note states an effective date other than the kept one, which date holds and "
        "where it comes from: '(ghi chú của CSDL pháp điển; theo Điều 57 của Luật: 01/01/2012)'; else empty",
    )


class RelationOut(_Open):
    type: str = Field(description="can_cu | quy_dinh_chi_tiet | sua_doi | thay_the | bai_bo | trich_dan | lien_quan")
    label: str = Field(description="Vietnamese label seen from the source, 'Sửa đổi, bổ sung'")
    inverse_label: str = Field(description="Vietnamese label seen from the target, 'Được sửa đổi, bổ sung bởi'")
    source: str = Field(description="Number of the document making the link")
    source_article: str | None = Field(description="Article of the source making the link, when known")
    target: str = Field(description="Number of the document linked to")
    target_article: str | None = Field(description="Article of the target, when the link names one")
    date: str | None = Field(description="ISO date the relation takes effect, when known")
    note: str = Field(description="Where the relation comes from or what it says")


class _DocumentFacts(_Open):
    slug: str = Field(description="URL form of the number: 09-2013-ND-CP")
    type: str = Field(description="Luật, Nghị định, Thông tư, …, Tin tức (news)")
    title: str
    issuer: str = Field(description="Issuing body, as the text or the catalogue gives it")
    issued: dt.date | None = Field(description="Date of issue")
    effective: dt.date | None = Field(description="Date it takes effect")
    status: str = Field(description="con_hieu_luc | het_hieu_luc | chua_hieu_luc | khong_ap_dung | '' (unknown)")
    status_label: str = Field(description="The status in Vietnamese, 'Còn hiệu lực'")
    status_note: str = Field(description="Why the status is what it is (dates, replacing text, catalogue source)")
    replaced_by: str | None = Field(description="Number of the text replacing it, when known")
    expired: dt.date | None = Field(description="Date it ceased to have effect, when known")
    relations: list[RelationOut] = Field(description="Links this document (or this article) makes")
    incoming_relations: list[RelationOut] = Field(description="Links other documents make to it")


class DocumentOut(_DocumentFacts):
    number: str = Field(description="Number as written, '09/2013/NĐ-CP'; news reports 'news:<id>'")
    topic: str = Field(description="Topic of the codified database, '39.8 Phòng, chống mua bán người'")
    publisher: str = Field(description="Publisher of a news report")
    url: str = Field(description="Where the text was published, when known")
    source: str = Field(description="File of the collection the text comes from, or the catalogue for stubs")
    articles: list[ArticleOut] = Field(description="Articles in order; empty for a catalogued-only document")


class ArticleResponse(_DocumentFacts):
    document: str = Field(description="Number of the document, '66/2011/QH12'")
    article: ArticleOut


# ---- search --------------------------------------------------------------------------------


class SearchHit(_Open):
    doc_number: str = Field(description="Document number; for a news report an internal id ('news:…'), not for display")
    doc_label: str = Field(
        "",
        description="What to show a person: the number, or for a news report its publisher and date "
        "('Tin tức – Báo Lao động và Xã hội, 12/11/2024')",
    )
    doc_type: str
    doc_title: str
    slug: str = Field(description="URL form of the document number")
    status: str
    status_label: str
    issuer: str
    year: int | None = Field(description="Year of issue")
    topic: str
    article_id: str = Field(description="Anchor of the article in the document page")
    article_number: str
    article_title: str
    heading: str = Field(description="'Điều 32. Hỗ trợ nạn nhân'")
    path: list[str]
    score: float = Field(description="Engine relevance score (higher is better; not comparable across backends)")
    snippet_html: str = Field(
        description="Escaped HTML excerpt; query words in <mark> (exact diacritics when typed, folded when not)"
    )


class FacetValue(BaseModel):
    value: str
    count: int


class Analysed(BaseModel):
    words: list[str] = Field(description="Segmented words with diacritics")
    folded: list[str] = Field(description="Syllables without diacritics")


class Resolved(BaseModel):
    doc_numbers: list[str] = Field(description="Document numbers the query named ('NĐ 09/2013' → 09/2013/NĐ-CP)")
    article_number: str | None = Field(description="Article the query named ('điều 32')")


class SearchResponse(_Open):
    query: str
    analysed: Analysed
    resolved: Resolved | None = Field(description="What the query named, if it named a document")
    total: int = Field(description="Number of matching articles")
    total_is_estimate: bool = Field(
        False,
        description="True when total and facets are estimated (the embedded index's bounded query, when a query"
        " term is too common to list every article holding it); false when counted over every match",
    )
    total_is_lower_bound: bool = Field(
        False,
        description="True when total is a lower bound: the engine stopped counting at that many matches"
        " (Elasticsearch counts up to 10,000); the page then says 'ít nhất N kết quả'",
    )
    facets_sample: int | None = Field(
        None,
        description="When the facet counts were taken over the best-ranked matches only (Elasticsearch: the"
        " 500 best of each shard), how many matches were counted; null when counted over every match",
    )
    page: int
    size: int
    hits: list[SearchHit]
    facets: dict[str, list[FacetValue]] = Field(description="doc_type, issuer, year, status, topic → value counts")
    message: str | None = Field(description="Why the query gave nothing or was shortened, when it did")
    in_force_notice: str | None = Field(
        None,
        description="With in_force_on: the best-matching texts the filter hid because they had lapsed by that day,"
        " and whether the text replacing them is in the collection",
    )
    took_ms: float


# ---- suggest ------------------------------------------------------------------------------


class Suggestion(BaseModel):
    kind: Literal["document", "term"] = Field(description="a document (number and title) or a domain term")
    text: str = Field(description="What to show: 'Nghị định 09/2013/NĐ-CP …' or 'hỗ trợ nạn nhân'")
    number: str | None = Field(None, description="Document number, for a document")
    slug: str | None = Field(None, description="URL form of the number, for a document")


class SuggestResponse(BaseModel):
    query: str
    suggestions: list[Suggestion]


# ---- entitlements -------------------------------------------------------------------------


class AmountOut(_Open):
    value: int | float = Field(description="In đồng, or a count of `unit`")
    unit: str = Field(description="'đồng', 'ngày', 'tháng', '%', 'mức lương cơ sở', …")
    per: str = Field(description="'người/ngày', 'hồ sơ', …")
    cap: bool = Field(description="A ceiling (tối đa, không quá)")
    floor: bool = Field(description="A floor (tối thiểu)")
    base: str = Field(description="What a percentage refers to")
    text: str = Field(description="The exact span quoted from the clause")
    start: int = Field(description="Character offset of `text` in the clause")
    of: str = Field("", description="What a count of sets or times is of: 'quần áo dài' (02 bộ)")
    label: str = Field(
        "", description="As a reader must see it, with its cap or floor: 'tối thiểu 30.000 đồng/người/ngày'"
    )


class ArticleLink(_Open):
    doc_number: str
    doc_type: str
    article_number: str
    article_title: str
    status: str
    status_label: str
    replaced_by: str | None
    link: str | None = Field(description="Page of the article, /van-ban/<slug>#<anchor>; null if not in the index")


class AmountClauseOut(_Open):
    doc_number: str
    doc_type: str
    article_number: str
    article_title: str
    clause: str = Field(description='"điểm a khoản 1" (standard order; Điều follows)')
    unit_id: str
    money: list[str] = Field(description="The sums of money the clause fixes, as quoted")
    money_labels: list[str] = Field(
        default_factory=list, description="The same sums once each, with their caps and floors ('tối thiểu ...')"
    )
    link: str | None


class ProvisionOut(_Open):
    kind: str = Field(description="entitlement | obligation | right")
    doc_number: str
    article_number: str
    article_title: str
    unit_id: str = Field(description="Anchor of the clause or point")
    who: list[str] = Field(description="Beneficiaries (entitlement, right) or duty-holders (obligation)")
    what: str = Field(description="Kind of support or duty")
    conditions: list[str]
    amounts: list[AmountOut]
    deadlines: list[AmountOut]
    agency: str | None = Field(description="Agency that provides, pays or must act")
    quote: str = Field(description="Exact text of the clause or point")
    lead_in: str = Field(description="Lead-in of the enclosing clause, for a point")
    governing: list[list[str]] = Field(description="[law number, article] pairs this article details")
    citation: str = Field(
        description="Standard citation of the clause: 'điểm a khoản 1 Điều 4 Thông tư liên tịch số 134/2013/...'"
    )
    citation_short: str = Field(description="Compact label: 'điểm a khoản 1 Điều 4 TTLT 134/2013'")
    link: ArticleLink
    governing_articles: list[ArticleLink] = Field(description="Law articles this provision details")
    implementing_articles: list[ArticleLink] = Field(description="Decree/circular articles detailing this article")
    amount_clauses: list[AmountClauseOut] = Field(
        default_factory=list,
        description="Law or decree row: the circular clauses fixing its amount (same kind of support), best first",
    )


class EntitlementsResponse(_Open):
    total: int
    kinds: list[str]
    provisions: list[ProvisionOut]
    in_force_on: dt.date | None = Field(None, description="The day asked for: only rows of texts in force that day")
    in_force_notice: str | None = Field(
        None, description="With in_force_on: how many rows the filter hid, of which texts, and what replaced them"
    )


# ---- trace --------------------------------------------------------------------------------


class TraceDocument(_Open):
    number: str
    type: str
    title: str
    slug: str
    in_index: bool = Field(description="The index knows the document (its text or a catalogue stub)")
    in_corpus: bool = Field(description="Its text is in the collection (false for a catalogue stub)")
    issued: dt.date | None
    effective: dt.date | None
    expired: dt.date | None
    status: str
    status_label: str
    status_note: str
    replaced_by: str | None
    link: str | None


class TraceTarget(_Open):
    doc: str = Field(description="Number of the document detailed")
    article: str | None = Field(description="Its article detailed")
    label: str = Field(description="'Điều 37 Luật 66/2011/QH12'")
    basis: str = Field(description="placement (codified database) | text (the clause names it) | catalogue")


class AmountGroup(_Open):
    category: Literal["money", "duration", "count"]
    label: str = Field(description="'Mức tiền', 'Thời gian' or 'Số lượng'")
    items: list[str] = Field(description="Each once, with its cap or floor: 'tối thiểu 30.000 đồng/người/ngày'")


class TraceArticle(_Open):
    number: str
    title: str
    link: str | None
    details: str | None = Field(None, description="Article of the parent document this article details (the first)")
    targets: list[TraceTarget] = Field(
        default_factory=list, description="Every article this article or clause details, each with its basis"
    )
    amount_groups: list[AmountGroup] = Field(
        default_factory=list, description="At the leaves: the clause's sums, durations and counts, apart"
    )


class TraceChange(_Open):
    direction: Literal["incoming", "outgoing"] = Field(description="incoming: made to this document; outgoing: by it")
    type: str = Field(description="thay_the | sua_doi | bai_bo")
    label: str
    document: TraceDocument = Field(description="The other document")
    article: str | None = Field(description="Article of this document concerned")
    other_article: TraceArticle | None = Field(description="Article of the other document concerned")
    date: str | None
    note: str


class TraceNode(TraceDocument):
    articles: list[TraceArticle] = Field(description="Articles of this document in the chain")
    changes: list[TraceChange]
    children: list[TraceNode] = Field(description="Texts detailing this one (decrees, circulars)")


class TraceResponse(_Open):
    document: str
    article: str | None
    tree: TraceNode
    in_force_on: dt.date | None = Field(None, description="The day asked for: only detailing texts in force that day")
    in_force_notice: str | None = Field(
        None,
        description="With in_force_on: the detailing texts the filter hid and what replaced them; whether the traced"
        " text itself was in force that day",
    )
