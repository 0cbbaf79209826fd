"""The article-level detailing graph: which decree and circular articles (and clauses) detail
which law article, computed once at ingest and stored with the relations.

Three sources, each recorded in Relation.basis:
  * "placement": the codified database files a sub-law article under a law article
    (ingest.parsers.phapdien);
  * "text": a clause's own lead-in names the article it implements ("1. Chi hỗ trợ nhu cầu
    thiết yếu và chi phí đi lại theo Điều 19 Nghị định số 09/2013/NĐ-CP:", "Hồ sơ ... quy
    định tại điểm a khoản 3 Điều 23 Nghị định số 09/2013/NĐ-CP gồm:");
  * "catalogue": article links the texts do not state by number, with their source
    (corpus/catalogue.json, e.g. NĐ 09/2013 Điều 23 -> Luật 66/2011 Điều 38).
The text outranks the placement: an article whose clauses name what they implement loses
its placement links (the codified database files all of 134/2013 Điều 4 under Luật Điều
33, while its khoản 2 and 3 implement NĐ 09/2013 Điều 20 and 23, i.e. Luật Điều 34, 37, 38).
Links are deduplicated; a document's links to its own articles stay TRICH_DAN.
"""

from __future__ import annotations

import re
from datetime import date

from ingest.catalogue import Catalogue, NamesMap
from ingest.citations import find_mentions
from ingest.model import QUY_DINH_CHI_TIET, Document, Relation, unique_relations
from ingest.numbers import number_key

LAW_TYPES = ("Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh")
# A lead-in that says what it implements: the reference follows one of these words.
_IMPLEMENTS_RE = re.compile(r"\b(?:theo|quy định tại|hướng dẫn|thực hiện|nêu tại)\s+(?:quy định tại\s+)?$")
_LEAD_END_RE = re.compile(r"[:\n]|\.(?:\s|$)")
_CLAUSE_REF_RE = re.compile(r"khoản\s+(\d+)\s+(?:[Đđ]iều\s+\d+[a-zđ]?)\s*$")


_NUMBERING_RE = re.compile(r"^\s*(?:\d+|[a-zđ])[.)]\s*")


def _lead(text: str) -> str:
    """The clause's first sentence or its words before the first colon (after its own number)."""
    numbering = _NUMBERING_RE.match(text)
    match = _LEAD_END_RE.search(text, numbering.end() if numbering else 0)
    return text[: match.start()] if match else text


def _units(document: Document):
    """(article, unit id, lead-in) for every clause, or the article body when undivided."""
    for article in document.articles:
        if not article.number:
            continue
        if article.units:
            for clause in article.units:
                yield article, clause.id, _lead(clause.text)
        else:
            yield article, article.id, _lead(article.text)


def text_links(document: Document, names: NamesMap, as_of: date | None) -> list[Relation]:
    """QUY_DINH_CHI_TIET links read in the lead-ins of a sub-law text's clauses."""
    if document.type in LAW_TYPES or document.number.startswith("news:"):
        return []
    links = []
    for article, unit_id, lead in _units(document):
        for mention in find_mentions(lead, document.number, names, as_of):
            if mention.is_self or not mention.articles:
                continue
            if not _IMPLEMENTS_RE.search(lead[max(0, mention.start - 40) : mention.start]):
                continue
            clause = _CLAUSE_REF_RE.search(lead[mention.start : mention.head]) if len(mention.articles) == 1 else None
            for target_article in mention.articles:
                links.append(
                    Relation(
                        QUY_DINH_CHI_TIET,
                        target=mention.target,
                        target_article=target_article,
                        source_article=article.number,
                        note=lead.strip()[:300],
                        basis="text",
                        source_unit=unit_id if unit_id != article.id else None,
                        target_unit=f"khoan_{clause.group(1)}" if clause else None,
                    )
                )
    return links


def refine(document: Document, catalogue: Catalogue, names: NamesMap) -> None:
    """Add text and catalogue links to a parsed document and drop the placement links its own
    text overrides; the result is deduplicated in place."""
    own_key = number_key(document.number)
    texts = text_links(document, names, document.issued)
    overridden = {r.source_article for r in texts}
    kept = []
    for relation in document.relations:
        is_placement = (
            relation.type == QUY_DINH_CHI_TIET
            and relation.target_article
            and relation.source_article
            and not relation.source
            and relation.basis in ("", "placement")
        )
        if is_placement and relation.source_article in overridden:
            continue
        kept.append(relation)
    entry = catalogue.get(document.number)
    from_catalogue = [
        Relation(**{**r.__dict__})
        for r in (entry.relations if entry else ())
        if r.source_article and number_key(r.target) != own_key
    ]
    document.relations = unique_relations(kept + texts + from_catalogue, by_unit=True)
