"""Queries that ask which decree or circular details a named law article.

"Văn bản nào hướng dẫn Điều 150 và Điều 151 Bộ luật Hình sự", "khoản 2 Điều 40 Luật PCMBN thì
tra ở nghị định, thông tư nào": the answer is not in the named article but in the articles that
detail it. The codified database places each sub-law article under the law article it details
(QUY_DINH_CHI_TIET relations), so those relations say where to look.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.index_contract import SearchBackend
from ingest.model import CAN_CU, QUY_DINH_CHI_TIET, Document
from ingest.numbers import number_key
from ingest.textnorm import fold
from search_api.query_intent import ARTICLE_PREFIX

_ASKS_FOR_DETAILING_TEXT = re.compile(
    r"\b(van ban nao|nghi dinh[ ,]*(?:thong tu )?nao|thong tu nao|nghi quyet nao|huong dan|quy dinh chi tiet)\b"
)
# ("Đ30 Luật PCMBN", "đ.32": the short forms query_intent reads, with its prefix)
_ARTICLE_NUMBERS = re.compile(rf"\b{ARTICLE_PREFIX}(\d{{1,4}}[a-z]?)\b")


def asks_for_detailing_texts(text: str) -> bool:
    return bool(_ASKS_FOR_DETAILING_TEXT.search(fold(text).lower()))


def named_articles(text: str) -> set[str]:
    """Every article number the text names ('Điều 150 và Điều 151' -> {'150', '151'})."""
    return set(_ARTICLE_NUMBERS.findall(fold(text).lower()))


def detailing_articles(backend: SearchBackend, doc_numbers: list[str], articles: set[str]) -> set[tuple[str, str]]:
    """(document key, article) pairs that detail the named documents (or just the named articles)."""
    found: set[tuple[str, str]] = set()
    for number in doc_numbers:
        for source, relation in backend.incoming_relations(number):
            if relation.type != QUY_DINH_CHI_TIET or number_key(source) == number_key(number):
                continue
            if articles and relation.target_article not in articles:
                continue
            found.add((number_key(source), relation.source_article or ""))
    return found


def replacement_of(
    document: Document, document_of: Callable[[str], Document | None], depth: int = 0
) -> tuple[Document, Document | None] | None:
    """(the text that was replaced, its replacement) for an expired document: its own replacement, or that
    of the law it details (a decree lapses with its law). `document_of` looks a number up: the answer store's
    snapshot for answers, the backend for search (one rule for the answer banner and the search notice)."""
    if document.replaced_by:
        return document, document_of(document.replaced_by)
    if depth >= 2:
        return None
    for relation in document.relations:
        if relation.type in (QUY_DINH_CHI_TIET, CAN_CU) and not relation.source:
            parent = document_of(relation.target)
            if parent is not None and parent.number != document.number and parent.expired:
                found = replacement_of(parent, document_of, depth + 1)
                if found:
                    return found
    return None
