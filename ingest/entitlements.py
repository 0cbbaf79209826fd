"""Who is entitled to what, how much, who provides or pays it, under which article.

During ingest every clause (khoản without điểm, each điểm, or the article body when
it has no clauses) is tested for wording that grants a benefit ("được hỗ trợ", "mức
chi"), a right ("có quyền") or a duty ("có trách nhiệm", "thực hiện hỗ trợ", "phải").
A matching clause becomes a `Provision`: its beneficiaries or duty-holders, the kind
of support, the conditions, the amounts (ingest.amounts), the providing or paying
agency, and the law article(s) it details through QUY_DINH_CHI_TIET relations.

The points of an enumerating clause ("được hưởng các chế độ hỗ trợ sau đây:") often
name only the support; they inherit the kind, persons and conditions of the clause's
lead-in, which is also kept on the record. All wording lives in
corpus/entitlement_vocabulary.json; the code knows no article by number.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ingest.amounts import Amount, scan_quantities
from ingest.model import QUY_DINH_CHI_TIET, Article, Document, Unit

VOCABULARY_FILE = Path(__file__).resolve().parents[1] / "corpus" / "entitlement_vocabulary.json"
KINDS = ("entitlement", "obligation", "right")
# Non-normative documents (news reports) grant nothing.
_NON_NORMATIVE_TYPES = frozenset({"Tin tức"})
_PAYMENT_UNITS = frozenset({"đồng", "%", "mức lương cơ sở", "mức lương tối thiểu"})


@dataclass
class Provision:
    kind: str  # "entitlement" | "obligation" | "right"
    doc_number: str  # "134/2013/TTLT-BTC-BLĐTBXH"
    article_number: str  # "4"
    unit_id: str  # id of the khoản/điểm, or the article id for an undivided body
    who: list[str]  # beneficiaries (entitlement/right) or duty-holders (obligation)
    what: str  # kind of support: "nhu cầu thiết yếu", "y tế", ... or the article title
    conditions: list[str] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    agency: str | None = None  # the agency that provides/pays (entitlement) or must act (obligation)
    quote: str = ""  # the exact text of the unit
    governing: list[tuple[str, str]] = field(default_factory=list)  # (law number, article) this article details
    deadlines: list[Amount] = field(default_factory=list)  # procedural time limits in the unit
    lead_in: str = ""  # the enclosing clause's lead-in, for a point
    article_title: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "doc_number": self.doc_number,
            "article_number": self.article_number,
            "unit_id": self.unit_id,
            "who": list(self.who),
            "what": self.what,
            "conditions": list(self.conditions),
            "amounts": [a.to_dict() for a in self.amounts],
            "agency": self.agency,
            "quote": self.quote,
            "governing": [list(g) for g in self.governing],
            "deadlines": [d.to_dict() for d in self.deadlines],
            "lead_in": self.lead_in,
            "article_title": self.article_title,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Provision:
        data = dict(data)
        data["amounts"] = [Amount.from_dict(a) for a in data.get("amounts", [])]
        data["deadlines"] = [Amount.from_dict(a) for a in data.get("deadlines", [])]
        data["governing"] = [tuple(g) for g in data.get("governing", [])]
        return cls(**data)


@dataclass(frozen=True)
class _Labelled:
    """A category of the vocabulary (persons, agencies, ...): one compiled alternation per label.

    One regex per label is faster here than one big alternation: each starts with a
    literal that the regex engine scans for, where a union is tried at every character.
    """

    entries: tuple[tuple[str, re.Pattern], ...]

    @classmethod
    def compile(cls, entries: list[dict[str, Any]]) -> _Labelled:
        return cls(tuple((e["label"], _alternation(e["patterns"])) for e in entries))


class Vocabulary:
    """The compiled contents of entitlement_vocabulary.json."""

    def __init__(self, data: dict[str, Any]):
        self.triggers = {kind: _alternation(data["triggers"][kind]) for kind in KINDS}
        self.weak_obligation = _alternation(data["triggers"]["weak_obligation"])
        self.support_item_start = re.compile(data["support_item_start"], re.IGNORECASE)
        # "giải cứu nạn nhân", "đưa trẻ em vào cơ sở trợ giúp xã hội": an act on a protected person
        # is the acting agency's duty even where the clause has no duty word of its own.
        self.service_towards_person = _alternation(data["triggers"].get("service_towards_person", ["(?!)"]))
        self.persons = _Labelled.compile(data["persons"])
        self.agencies = _Labelled.compile(data["agencies"])
        self.what = _Labelled.compile(data["what"])
        self.conditions = _Labelled.compile(data["conditions"])
        self.agency_not_payer = _alternation(data["agency_not_payer"])
        # An article titled "Trách nhiệm của ..." or "Các biện pháp bảo vệ ..." states duties or
        # benefits in clauses that carry no trigger word of their own ("5. Giữ bí mật ...").
        title_kinds = data.get("victim_scope", {}).get("title_kinds", {})
        self.title_kinds = {kind: _alternation(patterns) for kind, patterns in title_kinds.items()}

    @classmethod
    def load(cls, path: Path = VOCABULARY_FILE) -> Vocabulary:
        return cls(json.loads(path.read_text(encoding="utf-8")))


def _alternation(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    return Vocabulary.load()


def _mentions(category: _Labelled, text: str, skip: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, str]]:
    """(position, label) of each mention in reading order, leaving out those inside `skip` spans."""
    if not text:
        return []
    return list(_cached_mentions(category, text, skip))


# A clause's lead-in, the article title and body are searched again for each of its points.
@lru_cache(maxsize=4096)
def _cached_mentions(category: _Labelled, text: str, skip: tuple[tuple[int, int], ...]) -> tuple:
    # Where two labels overlap the longer match wins: "người chưa thành niên đi cùng nạn
    # nhân" is one person, not also "nạn nhân".
    found = sorted(
        ((m.start(), m.end(), label) for label, regex in category.entries for m in regex.finditer(text)),
        key=lambda f: (f[0] - f[1], f[0]),
    )
    taken: list[tuple[int, int]] = list(skip)
    kept: list[tuple[int, str]] = []
    for start, end, label in found:
        if not any(start < e and s < end for s, e in taken):
            taken.append((start, end))
            kept.append((start, label))
    return tuple(sorted(kept))


def _labels(mentions: list[tuple[int, str]]) -> list[str]:
    seen: list[str] = []
    for _, label in mentions:
        if label not in seen:
            seen.append(label)
    return seen


def classify(text: str, vocabulary: Vocabulary) -> str | None:
    """The kind named by the earliest trigger; a bare "phải" counts only when nothing else does."""
    earliest: tuple[int, str] | None = None
    for kind in KINDS:
        match = vocabulary.triggers[kind].search(text)
        if match and (earliest is None or match.start() < earliest[0]):
            earliest = (match.start(), kind)
    if earliest:
        return earliest[1]
    return "obligation" if vocabulary.weak_obligation.search(text) else None


@dataclass
class _Candidate:
    unit_id: str
    text: str
    lead_in: str = ""


def _lead_in(clause: Unit) -> str:
    """The clause's own words before its first point."""
    if not clause.children:
        return clause.text
    first_point = clause.children[0].text
    position = clause.text.find(first_point)
    return clause.text[:position].strip() if position > 0 else clause.text.split("\n", 1)[0]


def candidates(article: Article) -> Iterator[_Candidate]:
    """The smallest units that can each carry one provision."""
    if not article.units:
        yield _Candidate(article.id, article.text)
        return
    for clause in article.units:
        if not clause.children:
            yield _Candidate(clause.id, clause.text)
            continue
        lead_in = _lead_in(clause)
        for point in clause.children:
            yield _Candidate(point.id, point.text, lead_in)


def _governing(document: Document) -> dict[str, list[tuple[str | None, str, str]]]:
    """article number -> the (clause id or None, text, article) it details, from this document's
    own relations (ingest.article_graph: a clause that names what it implements is narrower)."""
    by_article: dict[str, list[tuple[str | None, str, str]]] = {}
    for relation in document.relations:
        if relation.type != QUY_DINH_CHI_TIET or relation.source or not relation.source_article:
            continue
        item = (relation.source_unit, relation.target, relation.target_article or "")
        targets = by_article.setdefault(relation.source_article, [])
        if item not in targets:
            targets.append(item)
    return by_article


def _governing_for(unit_id: str, links: list[tuple[str | None, str, str]]) -> list[tuple[str, str]]:
    """The links of the unit's own clause when it has any, else the article's."""
    own = [(t, a) for u, t, a in links if u and (unit_id == u or unit_id.startswith(u + "__"))]
    whole = [(t, a) for u, t, a in links if not u]
    return list(dict.fromkeys(own or whole))


def _payer_mask(text: str, vocabulary: Vocabulary) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in vocabulary.agency_not_payer.finditer(text))


def build_provision(
    candidate: _Candidate,
    article: Article,
    document: Document,
    vocabulary: Vocabulary,
    governing: list[tuple[str, str]],
) -> Provision | None:
    text, lead_in = candidate.text, candidate.lead_in
    kind = classify(text, vocabulary)
    if kind is None and lead_in:
        # A point of an enumeration: "được hưởng các chế độ sau đây: a) Hỗ trợ y tế;".
        kind = classify(lead_in, vocabulary)
        if kind is None and lead_in.rstrip().endswith(":") and vocabulary.support_item_start.search(text):
            kind = "entitlement"
    quantities = list(scan_quantities(text))
    amounts = [amount for role, amount in quantities if role == "amount"]
    if kind is None:
        kind = next((k for k, regex in vocabulary.title_kinds.items() if regex.search(article.title or "")), None)
    if kind is None and (vocabulary.service_towards_person.search(text) or _lead_in_acts(lead_in, vocabulary)):
        kind = "obligation"
    if kind is None and amounts:
        # A bare rate or quota ("a) Thiết lập đường dây nóng: 20.000.000 đồng/Trung tâm;",
        # "Tần suất phát sóng: Tối thiểu 02 lần/tháng") still answers "how much".
        kind = "entitlement" if any(a.unit in _PAYMENT_UNITS for a in amounts) else "obligation"
    if kind is None:
        return None
    persons = _labels(_mentions(vocabulary.persons, text)) or _labels(_mentions(vocabulary.persons, lead_in))
    mask = _payer_mask(text, vocabulary)
    agencies = _labels(_mentions(vocabulary.agencies, text, mask))
    if not agencies and lead_in:
        agencies = _labels(_mentions(vocabulary.agencies, lead_in, _payer_mask(lead_in, vocabulary)))
    if kind == "obligation":
        who = agencies or persons
    else:
        # "Chế độ hỗ trợ y tế gồm ..." names nobody: the article's first person is meant.
        who = persons or agencies or _labels(_mentions(vocabulary.persons, article.text))[:1]
    what_mentions = (
        _mentions(vocabulary.what, text)
        or _mentions(vocabulary.what, lead_in)
        or _mentions(vocabulary.what, article.title)
    )
    what = what_mentions[0][1] if what_mentions else article.title
    conditions = _labels(_mentions(vocabulary.conditions, lead_in) + _mentions(vocabulary.conditions, text))
    return Provision(
        kind=kind,
        doc_number=document.number,
        article_number=article.number,
        unit_id=candidate.unit_id,
        who=who,
        what=what,
        conditions=conditions,
        amounts=amounts,
        agency=agencies[0] if agencies else None,
        quote=text,
        governing=list(governing),
        deadlines=[amount for role, amount in quantities if role == "deadline"],
        lead_in=lead_in,
        article_title=article.title,
    )


def _lead_in_acts(lead_in: str, vocabulary: Vocabulary) -> bool:
    """A lead-in introducing the cases or steps of an act on a protected person ("... lập hồ sơ đề nghị
    đưa trẻ em vào cơ sở trợ giúp xã hội trong trường hợp sau đây:") makes each point part of that duty."""
    return bool(lead_in and lead_in.rstrip().endswith(":") and vocabulary.service_towards_person.search(lead_in))


def extract_provisions(documents: list[Document], vocabulary: Vocabulary | None = None) -> list[Provision]:
    """Every entitlement, right and obligation in the documents, in document and reading order."""
    vocabulary = vocabulary or default_vocabulary()
    provisions: list[Provision] = []
    for document in documents:
        if document.type in _NON_NORMATIVE_TYPES:
            continue
        governing = _governing(document)
        for article in document.articles:
            for candidate in candidates(article):
                links = _governing_for(candidate.unit_id, governing.get(article.number, []))
                provision = build_provision(candidate, article, document, vocabulary, links)
                if provision is not None:
                    provisions.append(provision)
    return provisions
