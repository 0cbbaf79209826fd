"""Which provisions are about victims: the entitlements table's default view.

A provision (ingest.entitlements) is in scope when
  * its document belongs to one of the families the vocabulary names (anti-trafficking,
    legal aid, child protection): by the codified topic, by its own number, or by a text it
    details;
  * it names a victim-related person (victims, people being identified as victims,
    accompanying minors, their relatives, legal-aid beneficiaries, children in need of
    protection) in its own text or in its clause's lead-in; an agency's duty counts only so;
  * and it is no offence or sanction ("phạm tội", "phạt tiền", ...): a fine is never a
    victim's entitlement.
Each row is also filed under one of the six support regimes of Điều 32 khoản 1 Luật
66/2011/QH12 by what it grants. All wording lives in corpus/entitlement_vocabulary.json
("victim_scope"); the code names no document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.entitlements import VOCABULARY_FILE, Provision
from ingest.model import QUY_DINH_CHI_TIET, Document
from ingest.numbers import number_key


@dataclass(frozen=True)
class ScopeRules:
    families: dict[str, tuple[tuple[str, ...], frozenset[str]]]  # name -> (topic codes, law keys)
    persons: frozenset[str]
    sanctions: re.Pattern
    regimes: tuple[tuple[str, frozenset[str]], ...]
    other_regime: str
    excluded_titles: re.Pattern
    lists_of_things: re.Pattern
    own_duties: re.Pattern
    child_context: re.Pattern

    @classmethod
    def from_vocabulary(cls, data: dict) -> ScopeRules:
        raw = data["victim_scope"]
        return cls(
            families={
                name: (tuple(f["topics"]), frozenset(number_key(n) for n in f["laws"]))
                for name, f in raw["families"].items()
            },
            persons=frozenset(raw["persons"]),
            sanctions=re.compile("|".join(re.escape(s) for s in raw["sanctions"]), re.IGNORECASE),
            regimes=tuple((r["label"], frozenset(r["what"])) for r in raw["regimes"]),
            other_regime=raw["other_regime"],
            excluded_titles=re.compile("|".join(raw["excluded_article_titles"]), re.IGNORECASE),
            lists_of_things=re.compile(raw["lists_of_things"], re.IGNORECASE),
            own_duties=re.compile(raw["own_duties"], re.IGNORECASE),
            child_context=re.compile(raw["child_protection_context"], re.IGNORECASE),
        )


@lru_cache(maxsize=1)
def default_rules() -> ScopeRules:
    import json

    return ScopeRules.from_vocabulary(json.loads(VOCABULARY_FILE.read_text(encoding="utf-8")))


def family(document: Document, rules: ScopeRules | None = None) -> str | None:
    """The family a document belongs to, or None (the Criminal Code, the Civil Code, ...)."""
    rules = rules or default_rules()
    own = number_key(document.number)
    detailed = {number_key(r.target) for r in document.relations if r.type == QUY_DINH_CHI_TIET and not r.source}
    for name, (topics, laws) in rules.families.items():
        code = (document.topic or "").split(" ", 1)[0]
        if code in topics or own in laws or detailed & laws:
            return name
    return None


def in_scope(provision: Provision, document: Document, rules: ScopeRules | None = None) -> tuple[bool, str]:
    """(in scope, reason in Vietnamese)."""
    rules = rules or default_rules()
    name = family(document, rules)
    if name is None:
        return False, "văn bản không thuộc nhóm phòng, chống mua bán người, trợ giúp pháp lý hay trẻ em"
    if rules.sanctions.search(provision.quote) or rules.sanctions.search(provision.lead_in or ""):
        return False, "quy định về tội phạm hoặc chế tài, không phải quyền lợi"
    if rules.excluded_titles.search(provision.article_title or ""):
        return False, "điều về phạm vi, đối tượng, giải thích từ ngữ hoặc hiệu lực"
    if rules.own_duties.search(provision.lead_in or provision.quote):
        return False, "nghĩa vụ của chính nạn nhân hay người được hỗ trợ, không phải quyền lợi"
    if provision.lead_in and rules.lists_of_things.search(provision.lead_in.rstrip()):
        return False, "một mục trong danh sách hồ sơ, tài liệu hay thành phần"
    named = _victim_persons(provision, rules)
    if not named:
        return False, "không nói về nạn nhân hay người được hỗ trợ"
    return True, f"{name}: {', '.join(named)}"


def _victim_persons(provision: Provision, rules: ScopeRules) -> list[str]:
    """Victim-related persons the provision names: in its text and lead-in, else in its article's
    title ("Các biện pháp bảo vệ an toàn cho nạn nhân, ..." for "8. Xét xử kín."). A child counts
    in a child-protection context (care, intervention, abuse, special circumstances)."""
    from ingest.entitlements import _labels, _mentions, default_vocabulary

    persons = default_vocabulary().persons
    context = " ".join((provision.article_title or "", provision.lead_in or "", provision.quote))
    for texts in ((provision.quote, provision.lead_in or ""), (provision.article_title or "",)):
        found = []
        for text in texts:
            for label in _labels(_mentions(persons, text)):
                child = label == "trẻ em" and rules.child_context.search(context)
                if (label in rules.persons or child) and label not in found:
                    found.append(label)
        if found:
            return found
    return []


def regime(provision: Provision, rules: ScopeRules | None = None) -> str:
    """The support regime of Điều 32 khoản 1 the provision belongs to, by what it grants."""
    rules = rules or default_rules()
    for label, whats in rules.regimes:
        if provision.what in whats:
            return label
    return rules.other_regime
