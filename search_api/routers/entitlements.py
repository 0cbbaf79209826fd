"""GET /entitlements: who is entitled to what, how much, paid by whom, under which article,
with the law article it details and the decree/circular articles detailing it side by side.

Provisions are computed from the index's own documents (ingest.entitlements) by the app's one
corpus store (search_api.corpus_store), shared with the answers and built at start-up.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from ingest.entitlements import KINDS
from ingest.model import QUY_DINH_CHI_TIET
from ingest.numbers import number_key, slug, slug_key
from ingest.textnorm import fold
from search_api.corpus_store import Snapshot
from search_api.deps import state
from search_api.schemas import ERRORS_503, EntitlementsResponse
from search_api.views import STATUS_LABELS

router = APIRouter(tags=["entitlements"])


def _article_link(
    documents: dict, number: str, article_number: str | None, anchor: str | None = None
) -> dict[str, Any]:
    document = documents.get(number_key(number))
    article = next((a for a in document.articles if a.number == article_number), None) if document else None
    target = anchor or (article.id if article else None)
    return {
        "doc_number": document.number if document else number,
        "doc_type": document.type if document else "",
        "article_number": article_number or "",
        "article_title": article.title if article else "",
        "status": document.status if document else "",
        "status_label": STATUS_LABELS.get(document.status if document else "", ""),
        "replaced_by": document.replaced_by if document else None,
        "link": (f"/van-ban/{slug(document.number)}" + (f"#{target}" if target else "")) if document else None,
    }


def build_rows(backend, snapshot: Snapshot) -> list[dict[str, Any]]:
    documents = snapshot.documents
    # Incoming detailing links per (law, article): which decree/circular articles detail it.
    detailed_by: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key, document in documents.items():
        for source, relation in backend.incoming_relations(document.number):
            if (
                relation.type == QUY_DINH_CHI_TIET
                and relation.target_article
                and relation.source_article
                and number_key(source) != key
            ):
                pairs = detailed_by.setdefault((key, relation.target_article), [])
                if (source, relation.source_article) not in pairs:
                    pairs.append((source, relation.source_article))
    rows = []
    for provision in snapshot.provision_list:
        row = provision.to_dict()
        row["link"] = _article_link(documents, provision.doc_number, provision.article_number, provision.unit_id)
        row["governing_articles"] = [_article_link(documents, law, article) for law, article in provision.governing]
        row["implementing_articles"] = [
            _article_link(documents, source, article)
            for source, article in detailed_by.get((number_key(provision.doc_number), provision.article_number), [])
        ]
        rows.append(row)
    return rows


def rows_of(shared) -> list[dict[str, Any]]:
    """The rows of an AppState's corpus store (search_api.corpus_store), rebuilt when the index changes;
    the app's lifespan calls this at start-up."""
    return shared.store.derived("entitlement_rows", lambda snapshot: build_rows(shared.backend, snapshot))


def provision_rows(request: Request) -> list[dict[str, Any]]:
    return rows_of(state(request))


def _folded(text: str | None) -> str:
    return fold((text or "").lower()).strip()


def filter_rows(
    rows: list[dict[str, Any]], who: str = "", kind: str = "", agency: str = "", document: str = "", q: str = ""
) -> list[dict[str, Any]]:
    """Folded-substring filters, so "nan nhan" finds "nạn nhân"; document by any spelling of its number."""
    who, agency, q = _folded(who), _folded(agency), _folded(q)
    wanted_document = slug_key(document) if document.strip() else ""
    kept = []
    for row in rows:
        if kind and row["kind"] != kind:
            continue
        if who and not any(who in _folded(label) for label in row["who"]):
            continue
        if agency and agency not in _folded(row["agency"]):
            continue
        if wanted_document and slug_key(row["doc_number"]) != wanted_document:
            continue
        if q and q not in _folded(" ".join([row["quote"], row["lead_in"], row["what"], row["article_title"]])):
            continue
        kept.append(row)
    return kept


@router.get("/entitlements", response_model=EntitlementsResponse, responses=ERRORS_503)
def entitlements(
    request: Request,
    who: str = Query("", max_length=200, description="Beneficiary or duty-holder, e.g. nạn nhân (folded match)"),
    kind: str = Query("", max_length=20, description="entitlement | obligation | right"),
    agency: str = Query("", max_length=200, description="Agency that provides, pays or acts"),
    document: str = Query("", max_length=200, description="Document number in any spelling"),
    q: str = Query("", max_length=1000, description="Words in the clause, its lead-in or title"),
):
    """Benefits, rights and duties extracted from the clauses, with amounts, agency and the articles they detail."""
    rows = filter_rows(provision_rows(request), who, kind, agency, document, q)
    return {"total": len(rows), "kinds": list(KINDS), "provisions": rows}
