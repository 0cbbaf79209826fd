"""What is known about each text, and which whole-document replacements and repeals expire it.

`gather_known` joins the ingested documents and the curated catalogue by number; `replacement_evidence`
lists, per text, the THAY_THE / BAI_BO relations of the whole document (dated by the relation, else by the
maker's effective date) and the catalogue's own status facts, each with where it comes from; a maker issued
after `today` is ignored, so an as-of date sees only what existed then. `first_expiry` picks the one that
decides. ingest.status turns them into the status; ingest.status_parent adds expiry with the detailed text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ingest.catalogue import STUB_SOURCE_FILE, Catalogue, CatalogueEntry
from ingest.catalogue_facts import fact_label
from ingest.model import BAI_BO, THAY_THE, Document
from ingest.numbers import number_key


@dataclass(frozen=True)
class Expiry:
    when: date
    replaced_by: str | None  # None for a repeal, or expiry with the detailed text
    reason: str  # Vietnamese, e.g. "bị thay thế bởi Luật 53/2024/QH15 từ 01/07/2025"
    source: str  # where the fact comes from, e.g. "nguồn: Điều 20 144/2017/NĐ-CP"

    basis: str = "thay_the"

    def explained(self) -> str:
        return f"{self.reason} ({self.source})" if self.source else self.reason


@dataclass
class Known:
    """What is known about one number, from the ingested set and the catalogue together."""

    number: str
    type: str
    issued: date | None
    effective: date | None
    entry: CatalogueEntry | None
    document: Document | None


def vn_date(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def text_label(known: Known | None, number: str) -> str:
    return f"{known.type} {number}".strip() if known and known.type else number


def catalogue_source(entry: CatalogueEntry, fact: str = "") -> str:
    """'nguồn: danh mục vnlex, đối chiếu với ...' for one fact of the entry (ingest.catalogue_facts):
    an unverified fact says 'chưa đối chiếu với văn bản' and what it rests on."""
    return f"nguồn: {fact_label(entry, fact)}" if fact else f"nguồn: {entry.source_label()}"


def gather_known(documents: list[Document], catalogue: Catalogue) -> dict[str, Known]:
    known: dict[str, Known] = {}
    for entry in catalogue.entries:
        known[entry.key] = Known(entry.number, entry.type, entry.issued, entry.effective, entry, None)
    for document in documents:
        key = number_key(document.number)
        listed = catalogue.get(document.number)
        # The curated catalogue wins over a file's dates: the codified page states 01/12/2012
        # for 66/2011/QH12 although the law's own Điều 57 says 01/01/2012.
        known[key] = Known(
            document.number,
            document.type or (listed.type if listed else ""),
            (listed.issued if listed and listed.issued else document.issued),
            (listed.effective if listed and listed.effective else document.effective),
            listed,
            document,
        )
    # Texts named only by a relation (07/2007/NĐ-CP, which Điều 20 of 144/2017/NĐ-CP replaces) are known
    # by their number alone, so a replacement the collection records counts when one of them is a parent.
    named = [r for d in documents for r in d.relations] + [r for e in catalogue.entries for r in e.relations]
    for relation in named:
        known.setdefault(number_key(relation.target), Known(relation.target, "", None, None, None, None))
    return known


def _maker_known_by(maker: Known | None, today: date) -> bool:
    return maker is None or maker.issued is None or maker.issued <= today


def replacement_evidence(
    documents: list[Document], catalogue: Catalogue, known: dict[str, Known], today: date
) -> dict[str, list[Expiry]]:
    """Whole-document replacements and repeals, per target key, as known on `today`."""
    evidence: dict[str, list[Expiry]] = {}

    def add(maker_number: str, relation, where: str) -> None:
        if relation.type not in (THAY_THE, BAI_BO) or relation.target_article:
            return
        maker = known.get(number_key(maker_number))
        if not _maker_known_by(maker, today):
            return
        when = date.fromisoformat(relation.date) if relation.date else (maker.effective if maker else None)
        if when is None:
            return
        replaced_by = maker_number if relation.type == THAY_THE else None
        verb = "bị thay thế bởi" if replaced_by else "bị bãi bỏ bởi"
        reason = f"{verb} {text_label(maker, maker_number)} từ {vn_date(when)}"
        evidence.setdefault(number_key(relation.target), []).append(
            Expiry(when, replaced_by, reason, where, relation.type)
        )

    for document in documents:
        if document.source_file == STUB_SOURCE_FILE:
            continue  # a stub's relations are the catalogue's, counted below with their source
        for relation in document.relations:
            maker = relation.source or document.number
            article = f"Điều {relation.source_article} " if relation.source_article and not relation.source else ""
            add(maker, relation, f"nguồn: {article}{maker}")
    for entry in catalogue.entries:
        for index, relation in enumerate(entry.relations):
            add(entry.number, relation, catalogue_source(entry, f"relations[{index}]"))
        facts = entry.status
        if facts.expired and _maker_known_by(known.get(number_key(facts.replaced_by or "")), today):
            verb = f"bị thay thế bởi {facts.replaced_by}" if facts.replaced_by else "hết hiệu lực"
            evidence.setdefault(entry.key, []).append(
                Expiry(
                    facts.expired,
                    facts.replaced_by,
                    f"{verb} từ {vn_date(facts.expired)}",
                    catalogue_source(entry, "status.expired"),
                    "thay_the" if facts.replaced_by else "het_hieu_luc_danh_muc",
                )
            )
    return evidence


def first_expiry(candidates: list[Expiry], today: date) -> Expiry | None:
    past = [e for e in candidates if e.when <= today]
    # The earliest date decides; at equal dates a replacement says more than a repeal.
    return min(past, key=lambda e: (e.when, e.replaced_by is None)) if past else None
