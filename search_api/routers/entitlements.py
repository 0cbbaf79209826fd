"""GET /entitlements: who is entitled to what, how much, paid by whom, under which article,
with the law article it details and the decree/circular articles detailing it side by side.

By default only the rows about victims (ingest.victim_scope: anti-trafficking, legal aid and
child protection texts; victims, people being identified, accompanying minors, relatives,
beneficiaries, and the agencies' duties towards them; never offences or sanctions), each
filed under a support regime of Điều 32 khoản 1 Luật 66/2011/QH12; `scope=all` shows every
provision. Money, durations, counts and deadlines are separate lists.

Provisions are computed from the index's own documents (ingest.entitlements) by the app's one
corpus store (search_api.corpus_store), shared with the answers and built at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import APIRouter, Query, Request

from ingest.document_citation import clause_label, unit_citation
from ingest.entitlements import KINDS
from ingest.model import QUY_DINH_CHI_TIET
from ingest.numbers import number_key, slug, slug_key
from ingest.textnorm import fold
from ingest.victim_scope import default_rules, in_scope, regime
from search_api.corpus_store import Snapshot
from search_api.deps import state
from search_api.entitlement_chain import AmountClauses
from search_api.in_force import hidden_notice
from search_api.in_force import in_force_on as was_in_force  # (the name in_force_on is the query parameter)
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
    detailed_by: dict[tuple[str, str], list[tuple[str, str, str | None]]] = {}
    for key, document in documents.items():
        for source, relation in backend.incoming_relations(document.number):
            if (
                relation.type == QUY_DINH_CHI_TIET
                and relation.target_article
                and relation.source_article
                and number_key(source) != key
            ):
                pairs = detailed_by.setdefault((key, relation.target_article), [])
                # The clause that fixes the amount (134/2013 Điều 4 khoản 1) when the link names one.
                item = (source, relation.source_article, relation.source_unit)
                if item not in pairs:
                    pairs.append(item)
    rows = []
    rules = default_rules()
    fixing = AmountClauses(documents, detailed_by, snapshot.provision_list, rules)
    for provision in snapshot.provision_list:
        row = provision.to_dict()
        row["in_scope"], row["scope_reason"] = in_scope(provision, documents[number_key(provision.doc_number)], rules)
        chain = _chain(documents, provision.governing)
        row["regime"] = regime(provision, rules, chain)
        for category, key in (("money", "money"), ("duration", "durations"), ("count", "counts")):
            row[key] = [a.text for a in provision.amounts if a.category == category]
        row["deadline_texts"] = [d.text for d in provision.deadlines]
        row["link"] = _article_link(documents, provision.doc_number, provision.article_number, provision.unit_id)
        # The clause's standard citation and its compact label (ingest.document_citation, issue 9).
        cited = documents[number_key(provision.doc_number)]
        row["citation"] = unit_citation(cited, provision.unit_id)
        row["citation_short"] = unit_citation(cited, provision.unit_id, short=True)
        row["governing_articles"] = [_article_link(documents, law, article) for law, article in chain]
        row["implementing_articles"] = [
            {
                **_article_link(documents, source, article, unit),
                "clause": clause_label(unit, documents.get(number_key(source))),
                **_unit_citations(documents, source, unit),
            }
            for source, article, unit in detailed_by.get(
                (number_key(provision.doc_number), provision.article_number), []
            )
        ]
        # The circular clauses fixing the amount of this law or decree row (law -> decree -> circular).
        row["amount_clauses"] = fixing.for_row(provision, row["regime"])
        rows.append(row)
    return rows


def rows_of(shared) -> list[dict[str, Any]]:
    """The rows of an AppState's corpus store (search_api.corpus_store), rebuilt when the index changes;
    the app's lifespan calls this at start-up."""
    return shared.store.derived("entitlement_rows", lambda snapshot: build_rows(shared.backend, snapshot))


def _unit_citations(documents: dict, number: str, unit_id: str | None) -> dict[str, str]:
    """The implementing clause's citation, when the index holds its document and the link names a clause."""
    document = documents.get(number_key(number))
    if document is None or not unit_id:
        return {}
    return {"citation": unit_citation(document, unit_id), "citation_short": unit_citation(document, unit_id, True)}


def _chain(documents: dict, governing: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Law article first, then the decree article a circular clause implements: a row links
    governing law article -> decree article -> the clause that fixes the amount."""
    chain: list[tuple[str, str]] = []
    for number, article in governing:
        parent = documents.get(number_key(number))
        for relation in parent.relations if parent else []:
            if (
                relation.type == QUY_DINH_CHI_TIET
                and relation.source_article == article
                and relation.target_article
                and not relation.source
                and (relation.target, relation.target_article) not in chain
            ):
                chain.append((relation.target, relation.target_article))
    for pair in governing:
        if pair not in chain:
            chain.append(pair)
    return chain


def provision_rows(request: Request) -> list[dict[str, Any]]:
    return rows_of(state(request))


def _folded(text: str | None) -> str:
    return fold((text or "").lower()).strip()


@dataclass(frozen=True)
class RowFilter:
    """What /api/entitlements and the Quyền lợi page filter rows by (one definition for both)."""

    who: str = ""
    kind: str = ""
    agency: str = ""
    document: str = ""
    q: str = ""
    scope: str = "nan_nhan"

    def select(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Folded-substring filters, so "nan nhan" finds "nạn nhân"; document by any spelling of its number;
        scope "nan_nhan" (default) keeps the rows about victims only. (The filter's own words are folded once,
        not once per row.)"""
        who, agency, q = _folded(self.who), _folded(self.agency), _folded(self.q)
        wanted_document = slug_key(self.document) if self.document.strip() else ""
        kept = []
        for row in rows:
            if self.scope != "all" and not row.get("in_scope"):
                continue
            if self.kind and row["kind"] != self.kind:
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


def entitlements_data(request: Request, row_filter: RowFilter, in_force_on: date | None = None) -> dict[str, Any]:
    """The one dict /api/entitlements answers and /quyen-loi lays out."""
    rows = row_filter.select(provision_rows(request))
    notice = None
    if in_force_on is not None:
        rows, notice = _in_force_rows(request, rows, in_force_on)
    return {
        "total": len(rows),
        "scope": row_filter.scope,
        "kinds": list(KINDS),
        "groups": regime_groups(rows),
        "provisions": rows,
        "in_force_on": in_force_on,
        "in_force_notice": notice,
    }


def _in_force_rows(request: Request, rows: list[dict[str, Any]], day: date) -> tuple[list[dict[str, Any]], str | None]:
    """The rows whose document was in force on `day` (search_api.in_force, the rule search uses), and a notice
    naming the documents whose rows it hid and what replaced them."""
    store = state(request).store
    kept, hidden = [], {}
    for row in rows:
        document = store.document(row["doc_number"])
        if document is not None and was_in_force(document, day):
            kept.append(row)
        elif document is not None:
            hidden[document.number] = document
    if len(kept) == len(rows):
        return kept, None
    said = hidden_notice(hidden.values(), day, store.document, "Các văn bản có dòng trong bảng", shown="bảng dưới đây")
    return kept, f"Bộ lọc ẩn {len(rows) - len(kept)} dòng của {len(hidden)} văn bản. {said or ''}".strip()


@router.get("/entitlements", response_model=EntitlementsResponse, responses=ERRORS_503)
def entitlements(
    request: Request,
    who: str = Query("", max_length=200, description="Beneficiary or duty-holder, e.g. nạn nhân (folded match)"),
    kind: str = Query("", max_length=20, description="entitlement | obligation | right"),
    agency: str = Query("", max_length=200, description="Agency that provides, pays or acts"),
    document: str = Query("", max_length=200, description="Document number in any spelling"),
    q: str = Query("", max_length=1000, description="Words in the clause, its lead-in or title"),
    scope: str = Query("nan_nhan", pattern="^(nan_nhan|all)$", description="nan_nhan (default): about victims; all"),
    in_force_on: date | None = Query(
        None, description="YYYY-MM-DD: only rows of documents shown in force that day on positive evidence"
    ),
):
    """Benefits, rights and duties extracted from the clauses, with amounts, agency and the articles they detail;
    by default only those about victims, grouped by the support regimes of Điều 32 Luật 66/2011/QH12."""
    return entitlements_data(request, RowFilter(who, kind, agency, document, q, scope), in_force_on)


def regime_groups(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Row counts per support regime of Điều 32, in the law's order, then the rest."""
    rules = default_rules()
    order = [label for label, _ in rules.regimes] + [rules.other_regime]
    counts = {label: 0 for label in order}
    for row in rows:
        counts[row["regime"]] = counts.get(row["regime"], 0) + 1
    return [{"regime": label, "count": count} for label, count in counts.items()]
