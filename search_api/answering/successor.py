"""A status question asking for the text that replaced or amended a named one ("Bộ Quốc phòng đã ban hành thông tư mới
nào thay thế Thông tư 78/2013, số hiệu và ngày hiệu lực là gì?") when nothing in the collection or the catalogue
records one: the answer says so, instead of quoting the named text's own effect clause as if it answered."""

from __future__ import annotations

import re

from search_api.answering import models as m
from search_api.answering.evidence import Evidence
from search_api.answering.facts import document_facts
from search_api.answering.naming import says_number
from search_api.answering.terms import folded
from search_api.corpus_store import CorpusStore
from search_api.views import RELATION_LABELS

# "thông tư mới nào thay thế", "luật sửa đổi đó số mấy", "đã được sửa đổi chưa", "có nghị quyết mới thay thế ... chưa"
_SUCCESSOR_ASKED = re.compile(
    # (the type said of a new text, not the suffix of a named one: "Thông tư 35/2013/TT-BLĐTBXH mới ký")
    r"(?<!\w)(?<![0-9] )(?:van ban|luat|nghi dinh|thong tu|nghi quyet|quyet dinh|ttlt|tt|nd|nq) (?:moi|sua doi)"
    r"(?: \w+){0,20}? (?:so may|so bao nhieu|so hieu|nao|chua)(?!\w)"
    r"|(?<!\w)(?:da|duoc) (?:bi |duoc )?(?:sua doi|thay the|bai bo)(?: \w+){0,3}? chua(?!\w)"
)
# (the labels of a change made to a text by another: RELATION_LABELS' incoming side)
_SUCCESSOR_LABELS = tuple(RELATION_LABELS[t][1] for t in ("sua_doi", "thay_the", "bai_bo"))


def unknown_successor(evidence: Evidence, facts: list[dict], store: CorpusStore) -> list[str]:
    """The named texts ("Thông tư 78/2013/TT-BQP") whose successor a status question (or one of no other intent) asks
    for while neither the collection nor the catalogue records any change made to them (`facts`: document_facts'
    entries, found here when the intent did not call for them); [] otherwise."""
    question = evidence.question
    if question.intent not in (m.STATUS, m.GENERAL) or not evidence.named_documents:
        return []
    # (asked in the sentence naming it: "NĐ 56/2017 chỉ ghi '...'. Vậy Luật Phòng, chống HIV/AIDS đã được sửa đổi
    # chưa" asks of a law the collection does not hold, not of the decree)
    sentences = [part for part in _SENTENCE.split(question.text) if _SUCCESSOR_ASKED.search(folded(part))]
    named = [d for d in evidence.named_documents if any(says_number(part, d.number) for part in sentences)]
    if not named:
        return []
    facts = facts or document_facts(evidence, store)
    changed = {
        f.get("doc_number") for f in facts if f.get("kind") == "change" and f["text"].startswith(_SUCCESSOR_LABELS)
    }
    unknown = [f"{d.type} {d.number}" for d in named if d.number not in changed and not d.replaced_by]
    return unknown if len(unknown) == len(named) else []


_SENTENCE = re.compile(r"(?<=[.?!;])\s+")
