"""Plain data records shared by every parser, the analysis stage and both backends.

Parsers produce `Document`s; nothing here knows about files or engines, so the
same records feed the CLI's JSON, the API and the index.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from ingest.numbers import number_key

# Relation types (typed links between documents / articles).
CAN_CU = "can_cu"  # legal basis cited in the preamble ("Căn cứ ...")
QUY_DINH_CHI_TIET = "quy_dinh_chi_tiet"  # source details / guides target (decree -> law)
SUA_DOI = "sua_doi"  # source amends or supplements target
THAY_THE = "thay_the"  # source replaces target
BAI_BO = "bai_bo"  # source repeals (part of) target
TRICH_DAN = "trich_dan"  # plain citation in the text
LIEN_QUAN = "lien_quan"  # "related content" link of the codified database
RELATION_TYPES = (CAN_CU, QUY_DINH_CHI_TIET, SUA_DOI, THAY_THE, BAI_BO, TRICH_DAN, LIEN_QUAN)

# Document status values.
CON_HIEU_LUC = "con_hieu_luc"
HET_HIEU_LUC = "het_hieu_luc"
CHUA_HIEU_LUC = "chua_hieu_luc"
KHONG_AP_DUNG = "khong_ap_dung"  # news reports and other non-normative texts


@dataclass
class Unit:
    """A structural unit below the article: khoản (clause) or điểm (point)."""

    kind: str  # "khoan" | "diem"
    number: str  # "3", "a", "đ"
    id: str  # stable id, e.g. "chuong_2__dieu_15__khoan_3__diem_a"
    text: str  # the unit's own text including its children
    children: list[Unit] = field(default_factory=list)


@dataclass
class Article:
    """The main search unit: one Điều (or the body of a news report)."""

    number: str  # "32" (empty for a news body)
    title: str  # "Hỗ trợ nạn nhân" (may be empty)
    text: str  # full text of the article body, NFC, paragraphs joined by "\n"
    id: str  # stable id, e.g. "chuong_4__dieu_32"
    path: list[str] = field(default_factory=list)  # ["Chương IV. HỖ TRỢ NẠN NHÂN", "Mục 1. ..."]
    units: list[Unit] = field(default_factory=list)  # khoản, each with its điểm
    note: str = ""  # source note (e.g. the codified database's pGhiChu), amendments


@dataclass
class Relation:
    type: str  # one of RELATION_TYPES
    target: str  # target document number, e.g. "66/2011/QH12"
    target_article: str | None = None  # "32"
    source_article: str | None = None  # article of *this* document making the link
    date: str | None = None  # ISO date the relation takes effect, when known
    note: str = ""
    # The document making the link when it is not the one carrying this record: an
    # amendment note on 100/2015/QH13 says "amended by 12/2017/QH14", which is not in
    # the corpus, so the amended document carries Relation(source="12/2017/QH14", type=SUA_DOI).
    source: str | None = None
    # Article-level graph (ingest.article_graph): how the link was found - "placement" (the codified
    # database files the article under the target), "text" (the article's own words refer to the
    # target), "catalogue" - and the clause of each side when the link is narrower than the article.
    basis: str = ""
    source_unit: str | None = None
    target_unit: str | None = None


def unique_relations(relations: list[Relation], by_unit: bool = False) -> list[Relation]:
    """Each link once, in first-found order, however many readings found it (parser and citation scan;
    placement, text and catalogue). by_unit: links to different clauses of one article stay apart."""
    seen: set[tuple] = set()
    unique = []
    for relation in relations:
        key: tuple = (
            relation.type,
            number_key(relation.target),
            relation.target_article,
            relation.source_article,
            relation.source and number_key(relation.source),
        )
        if by_unit:
            key += (relation.source_unit,)
        if key not in seen:
            seen.add(key)
            unique.append(relation)
    return unique


@dataclass
class Document:
    number: str  # as written, e.g. "09/2013/NĐ-CP"; news: "news:<file stem>"
    type: str  # Luật, Bộ luật, Nghị định, Quyết định, Thông tư, Thông tư liên tịch,
    # Nghị quyết, Chỉ thị, Án lệ, Văn bản hợp nhất, Tin tức
    title: str = ""
    issuer: str = ""
    issued: date | None = None
    effective: date | None = None
    source_file: str = ""
    topic: str = ""  # e.g. "39.8 Phòng, chống mua bán người"
    publisher: str = ""  # news only
    url: str = ""
    articles: list[Article] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    status: str = ""  # filled by ingest.status from dates, relations and the catalogue
    status_note: str = ""
    # What the status rests on: "danh_muc" (a verified catalogue entry), "bo_phap_dien" (the codified
    # database holds it), "van_ban_cap_tren" (own dates and the detailed text is in force),
    # "thay_the"/"bai_bo"/"het_cung_van_ban_cap_tren" (expiry evidence), "ngay_hieu_luc" (not yet
    # in force), "chua_du_bang_chung" (unknown), "tin_tuc".
    status_basis: str = ""
    # Official facts with their sources (ingest.official): [{"field", "value", "source", "kept"}],
    # every value any source states, the kept one first; a disagreement keeps both.
    facts: list[dict] = field(default_factory=list)
    replaced_by: str | None = None
    expired: date | None = None
    # "ocr" when the text was recognised from a scan (ingest.ocr), with Tesseract's mean word
    # confidence (0-100); "" for texts read from the file's own text.
    text_origin: str = ""
    ocr_confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("issued", "effective", "expired"):
            value = getattr(self, key)
            data[key] = value.isoformat() if value else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        data = dict(data)
        for key in ("issued", "effective", "expired"):
            if data.get(key):
                data[key] = date.fromisoformat(data[key])
        data["articles"] = [_article_from_dict(a) for a in data.get("articles", [])]
        data["relations"] = [Relation(**r) for r in data.get("relations", [])]
        return cls(**data)


def _unit_from_dict(data: dict[str, Any]) -> Unit:
    return Unit(**{**data, "children": [_unit_from_dict(c) for c in data.get("children", [])]})


def _article_from_dict(data: dict[str, Any]) -> Article:
    return Article(**{**data, "units": [_unit_from_dict(u) for u in data.get("units", [])]})
