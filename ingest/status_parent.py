"""Expiry with the detailed text: a text issued to detail another expires with it.

The rule is cited from the law on promulgation in force on the day the parent expired (catalogue
rules.*.versions: khoản 3 Điều 154 of the 2015 Law until 31/03/2025, the 2025 Law after), and applied only
once every text it was issued to detail has expired and the catalogue does not say it survived. A clause
applying another text's provision does not make that text a parent, and a law passed after the text was
issued cannot be its legal basis (`anachronistic_parents`). Each parent's state is quoted with its source,
and a link only the catalogue states carries that fact's evidence.
"""

from __future__ import annotations

from datetime import date

from ingest.catalogue import Catalogue
from ingest.catalogue_facts import fact_label
from ingest.model import QUY_DINH_CHI_TIET
from ingest.numbers import number_key
from ingest.status_expiry import Expiry, Known, text_label, vn_date

DETAIL_RULE = "detail_expires_with_parent"
_DEFAULT_RULE_CITATION = "khoản 3 Điều 154 Luật Ban hành văn bản quy phạm pháp luật năm 2015"


def all_detailed(known: Known) -> dict[str, str]:
    """number key -> the number as the text (or catalogue) writes it, for every text this one was issued
    to detail: notes show '06/2024/QĐ-TTg', never the key '6/2024/QD-TTG'.

    A clause's lead-in applying another text's provision (article_graph basis "text": "các giấy tờ quy
    định tại khoản 3, Điều 3 Nghị định số 136/2006/NĐ-CP" in 10/2011/TTLT-BTP-TTCP; 02/2026/TT-BNG's
    clauses name twenty laws and decrees) links that clause in the trace but is not the text's legal
    basis, so it neither keeps the text alive under the expiry rule nor proves it in force. The text's
    title, its "... này quy định chi tiết" sentence, the codified placement and the catalogue say that."""
    relations = list(known.document.relations) if known.document else []
    relations += list(known.entry.relations) if known.entry else []
    own = number_key(known.number)
    return {
        number_key(r.target): r.target
        for r in relations
        if r.type == QUY_DINH_CHI_TIET and not r.source and r.basis != "text" and number_key(r.target) != own
    }


def _issued_after(parent: Known | None, child: Known) -> bool:
    return bool(parent and parent.issued and child.issued and parent.issued > child.issued)


def detailed_texts(known: Known, everything: dict[str, Known]) -> set[str]:
    """Keys of the texts this one details (its own and the catalogue's QUY_DINH_CHI_TIET links,
    any article), leaving out laws passed after it was issued: those cannot be its legal basis."""
    return {key for key in all_detailed(known) if not _issued_after(everything.get(key), known)}


def anachronistic_parents(known: Known, everything: dict[str, Known]) -> list[str]:
    return sorted(everything[key].number for key in all_detailed(known) if _issued_after(everything.get(key), known))


def expire_with_parents(
    known: dict[str, Known], expiries: dict[str, Expiry], catalogue: Catalogue, today: date
) -> None:
    """Art. 154(3), to a fixed point: a circular detailing a decree that details an expired law expires too."""
    rule = catalogue.rules.get(DETAIL_RULE)
    changed = True
    while changed:
        changed = False
        for key, item in known.items():
            if key in expiries or (item.entry and item.entry.status.survives_parent):
                continue
            parents = detailed_texts(item, known)
            if not parents or any(parent not in expiries for parent in parents):
                continue
            when = max(expiries[parent].when for parent in parents)
            if when > today:
                continue
            # The law on promulgation in force on the day the parent expired states the rule.
            citation = rule.citation_on(when) if rule else _DEFAULT_RULE_CITATION
            parent_states = "; ".join(
                _parent_state(known[p], expiries[p]) + _link_source(item, known[p]) for p in sorted(parents)
            )
            expiries[key] = Expiry(
                when,
                None,
                f"văn bản được quy định chi tiết đã hết hiệu lực ({parent_states}), "
                f"nên văn bản này hết hiệu lực theo {citation}",
                "",
                "het_cung_van_ban_cap_tren",
            )
            changed = True


def _link_source(item: Known, parent: Known) -> str:
    """Where 'this text details the parent' comes from, when only the catalogue says so (the six
    legal-aid texts and 69/2006/QH11): its evidence, so an unverified link is never stated as fact."""
    own = item.document.relations if item.document else []
    target = number_key(parent.number)
    if any(r.type == QUY_DINH_CHI_TIET and number_key(r.target) == target and r.basis != "catalogue" for r in own):
        return ""  # the text or its codified placement states the link
    for index, relation in enumerate(item.entry.relations if item.entry else ()):
        if relation.type == QUY_DINH_CHI_TIET and number_key(relation.target) == target:
            return f" (quan hệ quy định chi tiết {parent.number}: {fact_label(item.entry, f'relations[{index}]')})"
    return ""


def _parent_state(parent: Known, expiry: Expiry) -> str:
    state = f"{text_label(parent, parent.number)} hết hiệu lực từ {vn_date(expiry.when)}"
    if expiry.replaced_by:
        state += f", bị thay thế bởi {expiry.replaced_by}"
    return f"{state}, {expiry.source}" if expiry.source else state
