"""The entitlements page (/quyen-loi) as cards grouped by support regime.

A regime is what a provision grants or requires ("nhu cầu thiết yếu", "y tế", ...): the `what`
label that ingest.entitlements gives each provision from corpus/entitlement_vocabulary.json. A
provision outside every regime carries its article's title instead; those groups come after the
regimes. Inside a group, what a victim receives comes first, money amounts before other ones,
then the law before its decrees and circulars. Rows are shown as the API gives them: this module
only orders and labels them (which rows exist is ingest's business).
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from ingest.amounts import CATEGORY_LABELS, Amount, amount_groups
from ingest.entitlements import VOCABULARY_FILE
from web.agencies import short_agency
from web.documents import badge

KIND_LABELS = {"entitlement": "Được hưởng", "right": "Quyền", "obligation": "Trách nhiệm"}
KIND_ORDER = {"entitlement": 0, "right": 1, "obligation": 2}
# Law first, then what details it: the order a trainer reads them in.
TYPE_ORDER = ["Luật", "Bộ luật", "Nghị quyết", "Nghị định", "Quyết định", "Thông tư liên tịch", "Thông tư"]
EXCERPT_CHARS = 240


@lru_cache(maxsize=1)
def regime_order() -> tuple[str, ...]:
    """The six support regimes of Điều 32 khoản 1 (victim_scope.regimes), then the vocabulary's
    other `what` labels, in the order the vocabulary lists them."""
    data = json.loads(VOCABULARY_FILE.read_text(encoding="utf-8"))
    regimes = [entry["label"] for entry in data.get("victim_scope", {}).get("regimes", [])]
    return tuple(regimes + [entry["label"] for entry in data.get("what", [])])


def _amount(amount: dict[str, Any]) -> dict[str, Any]:
    text = amount.get("text") or f"{amount.get('value', '')} {amount.get('unit', '')}".strip()
    if "category" in amount:  # ingest.amounts tells money, durations and counts apart
        return {"text": text, "money": amount["category"] == "money"}
    return {"text": text, "money": "đồng" in (amount.get("unit") or "") or "đồng" in text}


def _amount_groups(amounts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Money, durations and counts apart, each once and with its cap or floor (ingest.amounts.amount_groups),
    for the amounts the API gives; a row without ingest's fields shows its spans under one money/other split."""
    fields = {"value", "unit", "text", "cap", "floor"}
    if all(fields <= amount.keys() for amount in amounts):
        return amount_groups([Amount.from_dict(amount) for amount in amounts])
    groups: dict[str, list[str]] = {}
    for view in map(_amount, amounts):
        category = "money" if view["money"] else "count"
        if view["text"] not in groups.setdefault(category, []):
            groups[category].append(view["text"])
    return [{"category": c, "label": CATEGORY_LABELS[c], "items": groups[c]} for c in CATEGORY_LABELS if c in groups]


def excerpt(quote: str, limit: int = EXCERPT_CHARS) -> str:
    """The start of the quoted unit, cut at a word: the card shows it, 'Nguyên văn' the rest."""
    text = " ".join(quote.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _step(link: dict[str, Any], clause: str = "") -> dict[str, Any]:
    place = f"{clause} Điều {link.get('article_number', '')}".strip() if link.get("article_number") else clause
    return {
        "label": link.get("citation_short") or f"{place} {link['doc_number']}".strip(),
        "title": link.get("citation") or link.get("article_title") or "",
        "doc_type": link.get("doc_type", ""),
        "link": link.get("link"),
    }


def amount_chain(row: dict[str, Any]) -> list[dict[str, Any]]:
    """The path to the figure, as the API gives it for a row that does not fix its own amount: the law
    (and decree) article the row details, the row itself, then the circular clause(s) fixing the amount
    (row["amount_clauses"], ingest-side choice), e.g. Điều 33 Luật 66/2011 -> Điều 19 NĐ 09/2013 ->
    điểm a khoản 1 Điều 4 TTLT 134/2013: 30.000 đồng/người/ngày. [] when no clause fixes it."""
    fixing = row.get("amount_clauses") or []
    if not fixing:
        return []
    steps = [{**_step(link), "role": "governing"} for link in row.get("governing_articles", [])]
    own = row.get("link") or {}
    steps.append(
        {
            **_step({**own, "doc_number": row["doc_number"], "article_number": row["article_number"]}),
            "label": row.get("citation_short") or f"Điều {row['article_number']} {row['doc_number']}",
            "title": row.get("citation") or "",
            "role": "self",
        }
    )
    last = {
        "role": "amount",
        # The figures with their caps and floors when the API gives them (money_labels), else the quoted spans.
        "fixing": [
            {**_step(link, link.get("clause", "")), "money": list(link.get("money_labels") or link.get("money", []))}
            for link in fixing
        ],
    }
    return [*steps, last]


def card(row: dict[str, Any]) -> dict[str, Any]:
    amounts = list({view["text"]: view for view in map(_amount, row.get("amounts", []))}.values())  # once each
    agency = row.get("agency") or ""
    return {
        **row,
        "kind_label": KIND_LABELS.get(row["kind"], row["kind"]),
        "amounts_view": sorted(amounts, key=lambda a: not a["money"]),
        "amount_groups": _amount_groups(row.get("amounts", [])),
        "has_money": any(a["money"] for a in amounts),
        "agency_short": short_agency(agency) if agency else None,
        "excerpt": excerpt(row.get("quote", "")),
        "quote_lines": [line for line in row.get("quote", "").split("\n") if line.strip()],
        "badge": badge(row["link"]["status"], row["link"]["replaced_by"]),
        "amount_chain": amount_chain(row),
    }


def _row_order(row: dict[str, Any]) -> tuple:
    doc_type = row["link"].get("doc_type", "")
    type_rank = TYPE_ORDER.index(doc_type) if doc_type in TYPE_ORDER else len(TYPE_ORDER)
    return (KIND_ORDER.get(row["kind"], 3), not row["has_money"], not row["amounts_view"], type_rank)


def entitlement_groups(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """[{'regime', 'id', 'is_regime', 'cards', 'counts'}], regimes first in vocabulary order."""
    regimes = regime_order()
    by_what: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        # The API files each row under a support regime of Điều 32 (ingest.victim_scope); rows
        # outside the six regimes keep the grouping by what they grant.
        label = row["regime"] if row.get("regime") in regimes else (row["what"] or "Khác")
        by_what.setdefault(label, []).append(card(row))
    ordered = sorted(
        by_what.items(),
        key=lambda item: (item[0] not in regimes, regimes.index(item[0]) if item[0] in regimes else 0),
    )  # sorted() is stable: groups outside the vocabulary keep the API's order
    groups = []
    for number, (what, cards) in enumerate(ordered, start=1):
        cards.sort(key=_row_order)
        groups.append(
            {
                "regime": what if what[:2].endswith(")") else what[:1].upper() + what[1:],
                "id": f"nhom-{number}",
                "is_regime": what in regimes,
                "cards": cards,
                "money": sum(1 for c in cards if c["has_money"]),
            }
        )
    return groups
