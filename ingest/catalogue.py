"""The project's own catalogue (corpus/catalogue.json): typed, validated, and turned into
the two things ingest needs from it: a names map for citations and stub documents.

The catalogue holds what the corpus files do not say: documents we could not obtain
(53/2024/QH15, 162/2025/NĐ-CP, 193/QĐ-TTg), dates the files get wrong, which text
details which law, and the names laws are cited by. Every entry says where its facts
come from and whether they were checked, so status notes can say so too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from ingest.catalogue_facts import TEAM_NOTE, UNVERIFIED, FactEvidence, parse_evidence
from ingest.model import RELATION_TYPES, Document, Relation
from ingest.numbers import DOC_NUMBER_RE, number_key
from ingest.textnorm import nfc

CATALOGUE_PATH = Path(__file__).resolve().parents[1] / "corpus" / "catalogue.json"
# The source_file of catalogue-only documents: the backend and the pipeline tell stubs from parsed files by it.
STUB_SOURCE_FILE = "catalogue:corpus/catalogue.json"

DOCUMENT_TYPES = (
    "Luật",
    "Bộ luật",
    "Nghị định",
    "Quyết định",
    "Thông tư",
    "Thông tư liên tịch",
    "Nghị quyết",
    "Chỉ thị",
    "Án lệ",
    "Văn bản hợp nhất",
)


class CatalogueError(ValueError):
    """catalogue.json breaks its own schema; the message names the entry and the field."""


@dataclass(frozen=True)
class StatusFacts:
    expired: date | None = None
    replaced_by: str | None = None
    # True when the catalogue knows a detailing text outlived the law it details
    # (e.g. kept in force by a transitional provision), which blocks the art. 154(3) rule.
    survives_parent: bool = False


@dataclass(frozen=True)
class CatalogueEntry:
    number: str
    type: str
    title: str | None
    issuer: str | None
    issued: date | None
    effective: date | None
    status: StatusFacts
    relations: tuple[Relation, ...]
    aliases: tuple[str, ...]
    in_corpus: bool
    source: str
    verified: bool
    # Per fact ("title", "effective", "relations[0]", ...): the quoted sentence of a corpus file
    # that states it, or what it rests on when unverified (ingest.catalogue_facts).
    evidence: dict[str, FactEvidence] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return number_key(self.number)

    def source_label(self) -> str:
        """Short provenance for a status note, in Vietnamese."""
        checked = "đã đối chiếu" if self.verified else "chưa đối chiếu đầy đủ với văn bản gốc"
        return f"danh mục vnlex, {checked}"


@dataclass(frozen=True)
class RuleVersion:
    """The rule as one law on promulgation states it, for the days that law was in force."""

    law: str
    citation: str
    in_force_from: date | None
    in_force_until: date | None  # last day in force; None: still in force as far as the catalogue knows
    source: str
    verified: bool
    evidence: dict[str, FactEvidence] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    citation: str
    summary: str
    versions: tuple[RuleVersion, ...] = ()

    def on(self, day: date) -> RuleVersion | None:
        """The version in force on `day` (the law on promulgation applicable that day)."""
        for version in self.versions:
            if (version.in_force_from is None or version.in_force_from <= day) and (
                version.in_force_until is None or day <= version.in_force_until
            ):
                return version
        return None

    def citation_on(self, day: date) -> str:
        version = self.on(day)
        if version is None:
            return self.citation
        evidence = version.evidence.get("citation")
        if version.verified and (evidence is None or evidence.verified):
            return version.citation
        # version.source is the developers' English note: never shown (ingest.catalogue_facts.TEAM_NOTE).
        rests_on = evidence.rests_on if evidence and evidence.rests_on else TEAM_NOTE
        return f"{version.citation} ({UNVERIFIED}; dựa trên: {rests_on.rstrip('. ')})"


@dataclass
class Catalogue:
    entries: list[CatalogueEntry]
    rules: dict[str, Rule] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_key = {entry.key: entry for entry in self.entries}

    def get(self, number: str) -> CatalogueEntry | None:
        return self._by_key.get(number_key(number))

    def names(self) -> NamesMap:
        return NamesMap.from_entries(self.entries)


@dataclass(frozen=True)
class NamedDocument:
    number: str
    issued: date | None


@dataclass
class NamesMap:
    """Law names ("Luật Phòng, chống mua bán người") -> the documents that bear them.

    One name can belong to successive laws (2011 and 2024), so a name is resolved
    against the citing text's own date: the latest bearer issued on or before it.
    """

    by_name: dict[str, list[NamedDocument]] = field(default_factory=dict)
    known_numbers: dict[str, str] = field(default_factory=dict)  # number_key -> spelling

    @classmethod
    def from_entries(cls, entries: list[CatalogueEntry]) -> NamesMap:
        names = cls()
        for entry in entries:
            names.known_numbers[entry.key] = entry.number
            for alias in entry.aliases:
                bearers = names.by_name.setdefault(alias_key(alias), [])
                bearers.append(NamedDocument(entry.number, entry.issued))
        return names

    def resolve(self, name: str, as_of: date | None = None, issued_on: date | None = None) -> str | None:
        """The number a name refers to; None when unknown or ambiguous.

        issued_on: a date written right after the name ("Luật ... ngày 28 tháng 11 năm 2024")
        picks the bearer issued that day; as_of: the citing document's date.
        """
        bearers = self.by_name.get(alias_key(name), [])
        if issued_on is not None:
            exact = [b for b in bearers if b.issued == issued_on]
            if len(exact) == 1:
                return exact[0].number
        if len(bearers) == 1:
            only = bearers[0]
            # A text cannot cite a law passed after it.
            if as_of is None or only.issued is None or only.issued <= as_of:
                return only.number
            return None
        if as_of is None:
            return None
        earlier = [b for b in bearers if b.issued is not None and b.issued <= as_of]
        return max(earlier, key=lambda b: b.issued or date.min).number if earlier else None  # all have issued

    def canonical(self, number: str) -> str:
        """Catalogue spelling of a cited number, completing a truncated suffix when unique."""
        key = number_key(number)
        if key in self.known_numbers:
            return self.known_numbers[key]
        extended = [n for k, n in self.known_numbers.items() if k.startswith(key + "-")]
        return extended[0] if len(extended) == 1 else number

    def alias_pattern(self) -> str:
        """Regex alternation of the original aliases, longest first so 'Luật X năm 2011' wins over 'Luật X'."""
        return "|".join(sorted(self._spellings, key=len, reverse=True))

    @property
    def _spellings(self) -> list[str]:
        return [_alias_regex(name) for name in self.by_name]


def alias_key(name: str) -> str:
    """Aliases compare without case or spacing differences ('Luật phòng, chống ...')."""
    return re.sub(r"\s+", " ", nfc(name)).strip().casefold()


def _alias_regex(key: str) -> str:
    # Keys are case-folded; the compiled regex is case-insensitive and tolerates any run of spaces.
    return r"\s+".join(re.escape(word) for word in key.split(" "))


# ---------------------------------------------------------------- loading and validation


def _date(value, where: str) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise CatalogueError(f"{where}: date must be ISO YYYY-MM-DD or null, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CatalogueError(f"{where}: {error}") from error


def _number(value, where: str) -> str:
    match = DOC_NUMBER_RE.fullmatch(value or "") if isinstance(value, str) else None
    if not match:
        raise CatalogueError(f"{where}: {value!r} is not a document number")
    return value


def _text(value, where: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise CatalogueError(f"{where}: expected text or null")
    return nfc(value) if value else None


def _relation(raw: dict, where: str) -> Relation:
    if raw.get("type") not in RELATION_TYPES:
        raise CatalogueError(f"{where}: unknown relation type {raw.get('type')!r}")
    relation_date = _date(raw.get("date"), f"{where}.date")
    return Relation(
        type=raw["type"],
        target=_number(raw.get("target"), f"{where}.target"),
        target_article=raw.get("target_article"),
        # An article-level link (the catalogue's share of the article graph) names its own article too.
        source_article=raw.get("source_article"),
        date=relation_date.isoformat() if relation_date else None,
        note=nfc(raw.get("note") or ""),
        basis="catalogue",
    )


def _entry(raw: dict, index: int) -> CatalogueEntry:
    where = f"documents[{index}]"
    number = _number(raw.get("number"), f"{where}.number")
    where = f"{where} ({number})"
    if raw.get("type") not in DOCUMENT_TYPES:
        raise CatalogueError(f"{where}: unknown document type {raw.get('type')!r}")
    if not isinstance(raw.get("source"), str) or not raw["source"].strip():
        raise CatalogueError(f"{where}: every entry must say where its facts come from ('source')")
    if not isinstance(raw.get("verified"), bool):
        raise CatalogueError(f"{where}: 'verified' must be true or false")
    status = raw.get("status") or {}
    facts = StatusFacts(
        expired=_date(status.get("expired"), f"{where}.status.expired"),
        replaced_by=_number(status["replaced_by"], f"{where}.status.replaced_by")
        if status.get("replaced_by")
        else None,
        survives_parent=bool(status.get("survives_parent", False)),
    )
    issued = _date(raw.get("issued"), f"{where}.issued")
    effective = _date(raw.get("effective"), f"{where}.effective")
    if issued and effective and effective < issued:
        raise CatalogueError(f"{where}: effective {effective} is before issued {issued}")
    relations = tuple(_relation(r, f"{where}.relations[{i}]") for i, r in enumerate(raw.get("relations") or []))
    if any(number_key(r.target) == number_key(number) for r in relations):
        raise CatalogueError(f"{where}: a document cannot relate to itself")
    aliases = tuple(nfc(a) for a in raw.get("aliases") or [])
    evidence = _evidence(raw, where)
    for index, relation in enumerate(relations):
        # Wherever the link is shown (relations panel, trace, catalogue-only page) it says it is unverified.
        found = evidence.get(f"relations[{index}]")
        if found is not None and not found.verified and UNVERIFIED not in relation.note:
            relation.note = f"{relation.note} ({found.label()})".strip()
    return CatalogueEntry(
        number=number,
        type=raw["type"],
        title=_text(raw.get("title"), f"{where}.title"),
        issuer=_text(raw.get("issuer"), f"{where}.issuer"),
        issued=issued,
        effective=effective,
        status=facts,
        relations=relations,
        aliases=aliases,
        in_corpus=bool(raw.get("in_corpus")),
        source=raw["source"],
        verified=raw["verified"],
        evidence=evidence,
    )


def _evidence(raw: dict, where: str) -> dict[str, FactEvidence]:
    try:
        return parse_evidence(raw.get("evidence"), where)
    except ValueError as error:
        raise CatalogueError(str(error)) from error


def _rule(name: str, raw: dict) -> Rule:
    versions = []
    for index, version in enumerate(raw.get("versions") or []):
        where = f"rules.{name}.versions[{index}]"
        if not isinstance(version.get("source"), str) or not isinstance(version.get("verified"), bool):
            raise CatalogueError(f"{where}: every rule version needs 'source' and 'verified'")
        versions.append(
            RuleVersion(
                law=_number(version.get("law"), f"{where}.law"),
                citation=nfc(version["citation"]),
                in_force_from=_date(version.get("in_force_from"), f"{where}.in_force_from"),
                in_force_until=_date(version.get("in_force_until"), f"{where}.in_force_until"),
                source=version["source"],
                verified=version["verified"],
                evidence=_evidence(version, where),
            )
        )
    return Rule(citation=nfc(raw["citation"]), summary=nfc(raw.get("summary", "")), versions=tuple(versions))


def parse_catalogue(data: dict) -> Catalogue:
    """Validate raw JSON data; raises CatalogueError naming the first problem found."""
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise CatalogueError("catalogue must be an object with a 'documents' list")
    entries = [_entry(raw, i) for i, raw in enumerate(data["documents"])]
    seen: set[str] = set()
    for entry in entries:
        if entry.key in seen:
            raise CatalogueError(f"{entry.number}: listed twice")
        seen.add(entry.key)
    rules = {name: _rule(name, raw) for name, raw in (data.get("rules") or {}).items()}
    return Catalogue(entries, rules)


@lru_cache(maxsize=4)
def _load_cached(path_text: str, mtime: float) -> Catalogue:
    with open(path_text, encoding="utf-8") as handle:
        return parse_catalogue(json.load(handle))


def load_catalogue(path: Path | None = None) -> Catalogue:
    """The catalogue at path (default corpus/catalogue.json), cached until the file changes."""
    path = Path(path or CATALOGUE_PATH)
    return _load_cached(str(path), path.stat().st_mtime)


def default_names() -> NamesMap:
    """Names map of the default catalogue; empty when the file is missing (e.g. a bare install)."""
    try:
        return load_catalogue().names()
    except FileNotFoundError:
        return NamesMap()


def catalogue_stub_documents(catalogue: Catalogue | None = None) -> list[Document]:
    """Documents known only from the catalogue, without articles, so `vnlex show 53/2024/QH15`
    and the relations panel can name them. Entries held by the corpus are not stubbed here;
    the pipeline also drops stubs whose number was parsed from a file."""
    catalogue = catalogue or load_catalogue()
    stubs = []
    for entry in catalogue.entries:
        if entry.in_corpus:
            continue
        stubs.append(
            Document(
                number=entry.number,
                type=entry.type,
                title=entry.title or "",
                issuer=entry.issuer or "",
                issued=entry.issued,
                effective=entry.effective,
                source_file=STUB_SOURCE_FILE,
                relations=[Relation(**{**r.__dict__}) for r in entry.relations],
            )
        )
    return stubs
