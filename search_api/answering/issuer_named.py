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
    return named


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
