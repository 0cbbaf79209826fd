"""Each fact of corpus/catalogue.json with what it rests on.

An entry's facts (title, issuer, issued, effective, status.expired, status.replaced_by, each
relation) and each rule version's facts (law, citation, in_force_from, in_force_until) carry an
`evidence` record in the catalogue:
  * {"file": "phapdien/demuc_4.5_tro-giup-phap-ly.html", "where": "Điều 47 Luật 11/2017/QH14",
     "quote": "Luật Trợ giúp pháp lý số 69/2006/QH11 hết hiệu lực kể từ ngày ..."}: the sentence (or a
    list of sentences) of a text in the collection (../shared/corpus) that states it;
    tests/test_catalogue_facts.py checks that each quote is in that file;
  * {"unverified": "what it rests on"}: no text of the collection states it; every page and API
    that shows the fact says "chưa đối chiếu với văn bản" with what it rests on. That wording is
    shown to users, so it is Vietnamese and names no project file: a fact resting on the developers'
    own notes says "ghi chú của nhóm phát triển vnlex, chưa kiểm chứng", and the record's optional
    "note" keeps what the developers read (shared/README.md, the brief) for them, never shown.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from ingest.textnorm import nfc

UNVERIFIED = "chưa đối chiếu với văn bản"
# The facts an entry can state, in the order pages list them.
ENTRY_FIELDS = ("title", "issuer", "issued", "effective", "status.expired", "status.replaced_by")
RULE_FIELDS = ("citation", "in_force_from", "in_force_until")


@dataclass(frozen=True)
class FactEvidence:
    file: str = ""  # relative to the corpus folder (../shared/corpus)
    quotes: tuple[str, ...] = ()  # the sentence(s) of that file stating the fact
    where: str = ""  # "Điều 47 Luật 11/2017/QH14", "ghi chú của Bộ pháp điển"
    rests_on: str = ""  # for an unverified fact: what it rests on, as users read it
    note: str = ""  # the developers' own record behind an unverified fact; never shown to users

    @property
    def verified(self) -> bool:
        return bool(self.file and self.quotes)

    def label(self) -> str:
        """Vietnamese provenance for a page: 'đối chiếu với Điều 47 Luật 11/2017/QH14 (phapdien/...)'
        or 'chưa đối chiếu với văn bản; dựa trên: ...'."""
        if self.verified:
            where = f"{self.where} ({self.file})" if self.where else self.file
            return f"đối chiếu với {where}"
        return f"{UNVERIFIED}; dựa trên: {self.rests_on.rstrip('. ')}" if self.rests_on else UNVERIFIED


def parse_evidence(raw, where: str) -> dict[str, FactEvidence]:
    """The `evidence` object of an entry or rule version; ValueError names a malformed record."""
    found: dict[str, FactEvidence] = {}
    for name, record in (raw or {}).items():
        if not isinstance(record, dict):
            raise ValueError(f"{where}.evidence.{name}: expected an object")
        if "unverified" in record:
            found[name] = FactEvidence(rests_on=nfc(str(record["unverified"])), note=nfc(str(record.get("note", ""))))
        elif record.get("file") and record.get("quote"):
            quote = record["quote"]
            quotes = tuple(nfc(q) for q in (quote if isinstance(quote, list) else [quote]))
            found[name] = FactEvidence(record["file"], quotes, nfc(record.get("where", "")))
        else:
            raise ValueError(f"{where}.evidence.{name}: needs 'file' and 'quote', or 'unverified'")
    return found


@dataclass(frozen=True)
class CatalogueFact:
    subject: str  # the entry's number, or "rules.<name>[i]"
    field: str  # "effective", "relations[0]", "citation", ...
    value: str
    evidence: FactEvidence | None  # None: neither a source nor an "unverified" mark


def _shown(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def catalogue_facts(catalogue) -> list[CatalogueFact]:
    """Every fact the catalogue states, with its evidence (None when it has none)."""
    facts = []
    for entry in catalogue.entries:
        values = {
            "title": entry.title,
            "issuer": entry.issuer,
            "issued": entry.issued,
            "effective": entry.effective,
            "status.expired": entry.status.expired,
            "status.replaced_by": entry.status.replaced_by,
        }
        for name in ENTRY_FIELDS:
            if values[name]:
                facts.append(CatalogueFact(entry.number, name, _shown(values[name]), entry.evidence.get(name)))
        for index, relation in enumerate(entry.relations):
            name = f"relations[{index}]"
            article = f" Điều {relation.target_article}" if relation.target_article else ""
            value = f"{relation.type} {relation.target}{article}"
            facts.append(CatalogueFact(entry.number, name, value, entry.evidence.get(name)))
    for rule_name, rule in catalogue.rules.items():
        for index, version in enumerate(rule.versions):
            subject = f"rules.{rule_name}[{index}] ({version.law})"
            values = {
                "citation": version.citation,
                "in_force_from": version.in_force_from,
                "in_force_until": version.in_force_until,
            }
            for name in RULE_FIELDS:
                if values[name]:
                    facts.append(CatalogueFact(subject, name, _shown(values[name]), version.evidence.get(name)))
    return facts


# What a fact without its own evidence record rests on, as users read it: the entry's 'source' is the
# developers' English note (project files, searches made), kept in the catalogue but never shown.
TEAM_NOTE = "ghi chú của nhóm phát triển vnlex, chưa kiểm chứng"


def fact_label(entry, name: str) -> str:
    """'danh mục vnlex, đối chiếu với ...' or 'danh mục vnlex, chưa đối chiếu với văn bản; dựa trên: ...'
    for one fact of a catalogue entry."""
    evidence = entry.evidence.get(name) if entry else None
    if evidence is None:
        return f"danh mục vnlex, {UNVERIFIED}" + (f"; dựa trên: {TEAM_NOTE}" if entry else "")
    return f"danh mục vnlex, {evidence.label()}"


_TAG_RE = re.compile(r"<[^>]+>")


def file_text(path: Path) -> str:
    """The readable text of a corpus file (tags dropped, entities decoded, NFC, spaces collapsed),
    where a quote of the catalogue must be found."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() in (".html", ".htm"):
        raw = html.unescape(_TAG_RE.sub(" ", raw))
    return normalise(raw)


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", nfc(text)).strip()
