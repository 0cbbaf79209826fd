"""Texts a question names by their type and issuer: "theo thông tư của Bộ Quốc phòng" is 78/2013/TT-BQP when the
collection holds one circular of that ministry alone (a joint circular it signed with three others is not it)."""

from __future__ import annotations

import re

from ingest.model import Document
from search_api.answering import models as m
from search_api.answering.terms import folded
from search_api.corpus_store import CorpusStore, Snapshot

MAX_NAMED = 2  # "thông tư của Bộ Tư pháp" names nine circulars here: none in particular
_JOINT = re.compile(r"(?<!\w)va(?!\w)|,")


def texts_named_by_issuer(question: m.Question, store: CorpusStore) -> list[Document]:
    named: list[Document] = []
    words = f" {question.folded} "
    for phrases, documents in store.derived("texts_by_issuer", _texts_by_issuer).items():
        if any(phrase in words for phrase in phrases):
            named.extend(documents)
    joint = [
        document
        for kind, issuers, document in store.derived("joint_texts", _joint_texts)
        if f" {kind} " in words and all(f" {issuer} " in words for issuer in issuers)
    ]
    # "thông tư liên tịch Bộ Tư pháp, Thanh tra Chính phủ 2011": a joint text is named by its kind and every one of
    # its issuers (and the year, where that leaves one); "thông tư liên tịch của Bộ Tư pháp" names none of them
    if len(joint) > MAX_NAMED:
        dated = [d for d in joint if f" {_year(d)} " in words]
        joint = dated if len(dated) == 1 else []
    return named + joint


def _texts_by_issuer(snapshot: Snapshot) -> dict[tuple[str, ...], list[Document]]:
    groups: dict[tuple[str, str], list[Document]] = {}
    for document in snapshot.documents.values():
        issuer = folded(document.issuer or "")
        if document.type and issuer and not _JOINT.search(issuer) and document.articles:
            groups.setdefault((folded(document.type), issuer), []).append(document)
    return {
        (f" {kind} cua {issuer} ", f" {kind} {issuer} "): documents
        for (kind, issuer), documents in groups.items()
        if len(documents) <= MAX_NAMED
    }


# the issuers of a joint text, apart: "Bộ Tư pháp và Thanh tra Chính phủ", "Bộ Công an, Bộ Quốc phòng, … và Bộ Ngoại
# giao" (never inside a name: "Bộ Lao động - Thương binh và Xã hội")
_ISSUERS_APART = re.compile(r",\s*|\s+và\s+(?=(?:Bộ|Thanh tra|Ủy ban|Uỷ ban|Viện|Toà|Tòa|Ngân hàng|Văn phòng)\s)")


def _joint_texts(snapshot: Snapshot) -> list[tuple[str, tuple[str, ...], Document]]:
    joint = []
    for document in snapshot.documents.values():
        issuers = tuple(folded(issuer) for issuer in _ISSUERS_APART.split(document.issuer or ""))
        if document.type and len(issuers) > 1 and document.articles:
            joint.append((folded(document.type), issuers, document))
    return joint


def _year(document: Document) -> str:
    """ "10/2011/TTLT-BTP-TTCP" -> "2011" (the number's year)."""
    parts = document.number.split("/")
    return parts[1] if len(parts) > 2 and parts[1].isdigit() else "-"
