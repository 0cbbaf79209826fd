"""How a quote is cited and serialised: 'Điểm a khoản 1 Điều 32 Luật Phòng, chống mua bán người số 66/2011/QH12'."""

from __future__ import annotations

from typing import Any

from ingest.document_citation import unit_citation as standard_unit_citation
from ingest.model import SUA_DOI, Document
from ingest.numbers import slug
from search_api.answering.evidence import is_stub
from search_api.answering.models import Candidate
from search_api.corpus_store import CorpusStore
from search_api.views import STATUS_LABELS, status_summary


def document_label(document: Document) -> str:
    """'Luật Phòng, chống mua bán người số 66/2011/QH12', 'Thông tư liên tịch số 134/2013/TTLT-BTC-BLĐTBXH':
    a law is cited by its name, sub-law texts by type and number as legal writing does."""
    if document.number.startswith("news:"):
        return f"{document.type}: {document.title}"
    if document.type in ("Luật", "Bộ luật") and document.title:
        name = (
            document.title
            if document.title.lower().startswith(document.type.lower())
            else f"{document.type} {document.title}"
        )
        return f"{name} số {document.number}"
    return f"{document.type} số {document.number}"


def unit_citation(document: Document, article_number: str, kind: str, number: str, clause_number: str) -> str:
    """'Điểm a khoản 1 Điều 32 Luật Phòng, chống mua bán người số 66/2011/QH12'."""
    parts = []
    if kind == "diem":
        parts.append(f"điểm {number} khoản {clause_number}")
    elif kind == "khoan":
        parts.append(f"khoản {number}")
    if article_number:
        parts.append(f"Điều {article_number}")
    parts.append(document_label(document))
    text = " ".join(parts)
    return text[:1].upper() + text[1:]


def document_status(document: Document, status: str | None = None, label: str | None = None) -> dict[str, Any]:
    status = document.status if status is None else status
    short = status_summary(document)  # what the answer page shows: one sentence and a link to the evidence
    return {
        "status": status,
        "status_label": label or STATUS_LABELS.get(status, status),
        "status_note": document.status_note,  # the whole note with its evidence, never cut from the API
        "status_summary": short["status_summary"],
        "status_sources_link": short["status_sources_link"],
        "replaced_by": document.replaced_by,
        "effective": document.effective.isoformat() if document.effective else None,
        "expired": document.expired.isoformat() if document.expired else None,
    }


def quote_dict(
    candidate: Candidate, store: CorpusStore, status: str | None = None, label: str | None = None
) -> dict[str, Any]:
    document, article = candidate.document, candidate.article
    provision = store.provisions_of(document.number).get(candidate.unit_id)
    return {
        "text": candidate.text,
        "lead_in": candidate.lead_in,
        "citation": unit_citation(document, article.number, candidate.kind, candidate.number, candidate.clause_number),
        # The standard form of the quoted clause (ingest.document_citation, issue 9) and its compact label.
        "standard_citation": standard_unit_citation(document, candidate.unit_id),
        "short_citation": standard_unit_citation(document, candidate.unit_id, short=True),
        "doc_number": document.number,
        "doc_type": document.type,
        "doc_title": document.title,
        "article_number": article.number,
        "article_title": article.title,
        "article_id": article.id,
        "unit_id": candidate.unit_id,
        "unit_kind": candidate.kind,
        "slug": slug(document.number),
        "link": f"/van-ban/{slug(document.number)}#{candidate.unit_id}",
        **document_status(document, status, label),
        "score": round(candidate.score, 3),
        "coverage": round(candidate.coverage, 3),
        "why": list(candidate.reasons),
        "provision": provision.to_dict() if provision else None,
        "pending_amendments": pending_amendments(document, article.number, store),
    }


def pending_amendments(document: Document, article_number: str, store: CorpusStore) -> list[dict[str, Any]]:
    """Amending texts the collection knows only from its catalogue (their text is not here), for the
    quoted article or the whole document: the quoted wording may not reflect them. Amendments the
    codified text already incorporates (12/2017/QH14 in the Criminal Code's notes) come from the
    notes themselves, not from a catalogued-only text, and are not listed."""
    found = []
    for source, relation in store.incoming(document.number):
        if relation.type != SUA_DOI or relation.target_article not in (None, article_number):
            continue
        amending = store.document(source)
        if amending is None or not is_stub(amending):
            continue
        found.append(
            {
                "number": amending.number,
                "title": amending.title,
                "date": relation.date,
                "article": relation.target_article,
                "note": relation.note,
                "in_collection": False,
                "link": f"/van-ban/{slug(amending.number)}",
            }
        )
    return found
