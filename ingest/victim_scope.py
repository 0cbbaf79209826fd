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

from ingest.entitlements import VOCABULARY_FILE, Provision, _labels, _lead_in_acts, _mentions, default_vocabulary
from ingest.model import QUY_DINH_CHI_TIET, Document
from ingest.numbers import number_key


def _any(patterns: list[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class ScopeRules:
    families: dict[str, tuple[tuple[str, ...], frozenset[str]]]  # name -> (topic codes, law keys)
    persons: frozenset[str]
    sanctions: re.Pattern  # punishments: never a victim's row
    offences: re.Pattern  # offence words: out unless the clause acts on a protected person
    regimes: tuple[tuple[str, frozenset[str]], ...]
    other_regime: str
    regime_articles: tuple[tuple[str, frozenset[str]], ...]  # label -> the law's articles for it
    regime_law: str
    excluded_titles: re.Pattern
    lists_of_things: re.Pattern
    document_item: re.Pattern
    own_duties: re.Pattern
    person_definition: re.Pattern
    gives_nothing: re.Pattern
    cross_reference_only: re.Pattern
    right_holders: re.Pattern
    child_context: re.Pattern
    agency_names: re.Pattern
    carer_names: re.Pattern
    implicit_child: re.Pattern
    inter_agency: re.Pattern
    leading_condition: re.Pattern
    legal_aid_recipients: re.Pattern
    generic_funding: re.Pattern
    funding_article_title: re.Pattern
    relatives_need_victim: re.Pattern
    every_child_right: re.Pattern
    child_offenders: re.Pattern
    child_offenders_unless: re.Pattern

    @classmethod
    def from_vocabulary(cls, data: dict) -> ScopeRules:
        raw = data["victim_scope"]
        flags = re.IGNORECASE
        return cls(
            families={
                name: (tuple(f["topics"]), frozenset(number_key(n) for n in f["laws"]))
                for name, f in raw["families"].items()
            },
            persons=frozenset(raw["persons"]),
            sanctions=re.compile("|".join(re.escape(s) for s in raw["sanctions"]), flags),
            offences=re.compile("|".join(re.escape(s) for s in raw.get("offences", [])) or "(?!)", flags),
            regimes=tuple((r["label"], frozenset(r["what"])) for r in raw["regimes"]),
            other_regime=raw["other_regime"],
            regime_articles=tuple((r["label"], frozenset(r.get("law_articles", []))) for r in raw["regimes"]),
            regime_law=number_key(raw.get("regime_law", "")),
            excluded_titles=re.compile("|".join(raw["excluded_article_titles"]), flags),
            lists_of_things=re.compile(raw["lists_of_things"], flags),
            document_item=re.compile(raw.get("document_item", "(?!)")),
            own_duties=re.compile(raw["own_duties"], flags),
            person_definition=re.compile(raw.get("person_definition", "(?!)")),
            gives_nothing=_any(raw.get("gives_nothing", ["(?!)"])),
            cross_reference_only=re.compile(raw.get("cross_reference_only", "(?!)"), flags),
            right_holders=re.compile(raw.get("right_holders", "(?!)"), flags),
            child_context=re.compile(raw["child_protection_context"], flags),
            agency_names=_any(raw.get("agency_names", ["(?!)"])),
            carer_names=_any(raw.get("carer_names", ["(?!)"])),
            implicit_child=re.compile(raw.get("implicit_child", "(?!)"), flags),
            inter_agency=re.compile(raw.get("inter_agency", "(?!)"), flags),
            leading_condition=re.compile(raw.get("leading_condition", "(?!)"), flags),
            legal_aid_recipients=re.compile(raw.get("legal_aid_recipients", "(?!)"), flags),
            generic_funding=re.compile(raw.get("generic_funding", "(?!)"), flags),
            funding_article_title=re.compile(raw.get("funding_article_title", "(?!)"), flags),
            relatives_need_victim=re.compile(raw.get("relatives_need_victim", ""), flags),
            every_child_right=re.compile(raw.get("every_child_right", "(?!)"), flags),
            child_offenders=re.compile(raw.get("child_offenders", "(?!)"), flags),
            child_offenders_unless=re.compile(raw.get("child_offenders_unless", "(?!)"), flags),
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


def _blank(match: re.Match) -> str:
    return " " * len(match.group(0))


def _masked(text: str, rules: ScopeRules, carers: bool = True) -> str:
    """The text with the names of agencies, roles and laws blanked ("người làm công tác bảo vệ trẻ em",
    "Phòng Cảnh sát điều tra tội phạm về trật tự xã hội", "Luật trẻ em"), and with `carers` the names of
    carers ("cá nhân, gia đình nhận chăm sóc thay thế cho trẻ em"): a child or an offence named inside a
    name is not the clause's subject."""
    text = rules.agency_names.sub(_blank, text or "")
    return rules.carer_names.sub(_blank, text) if carers else text


def in_scope(provision: Provision, document: Document, rules: ScopeRules | None = None) -> tuple[bool, str]:
    """(in scope, reason in Vietnamese). The checks go from what the article is (its title), through
    what the clause does (sanctions, definitions, lists, the person's own duties, ending a benefit),
    to whom it names; the first that rules the clause out gives the reason."""
    rules = rules or default_rules()
    name = family(document, rules)
    if name is None:
        return False, "văn bản không thuộc nhóm phòng, chống mua bán người, trợ giúp pháp lý hay trẻ em"
    quote, lead_in, title = provision.quote, provision.lead_in or "", provision.article_title or ""
    own, lead = _masked(quote, rules), _masked(lead_in, rules)
    if rules.sanctions.search(own) or rules.sanctions.search(lead):
        return False, "quy định về tội phạm hoặc chế tài, không phải quyền lợi"
    acts = _acts_on_person(provision)
    if (rules.offences.search(own) or rules.offences.search(lead)) and not acts:
        return False, "quy định về tội phạm hoặc chế tài, không phải quyền lợi"
    if rules.excluded_titles.search(title):
        return False, "điều về phạm vi, đối tượng, căn cứ xác định, hồ sơ, điều cấm, thù lao hoặc hiệu lực"
    reason = _gives_nothing(provision, own, lead, rules)
    if reason:
        return False, reason
    named = _victim_persons(provision, rules, name, document)
    if not named:
        return False, "không nói về nạn nhân hay người được hỗ trợ"
    return True, f"{name}: {', '.join(named)}"


def _acts_on_person(provision: Provision) -> bool:
    return bool(default_vocabulary().service_towards_person.search(provision.quote))


def _gives_nothing(provision: Provision, own: str, lead: str, rules: ScopeRules) -> str | None:
    """Why the clause, although it names a protected person, grants or owes them nothing; else None."""
    quote = provision.quote.strip()
    if rules.own_duties.search(lead or own) or rules.own_duties.search(own):
        return "nghĩa vụ của chính nạn nhân hay người được hỗ trợ, không phải quyền lợi"
    if rules.person_definition.search(quote) or rules.person_definition.search(lead):
        return "định nghĩa một nhóm người hay điều kiện, không phải quyền lợi"
    first_line = quote.split("\n", 1)[0].rstrip() if "\n" in quote else ""
    if (lead and rules.lists_of_things.search(lead.rstrip())) or (
        first_line and rules.lists_of_things.search(first_line)
    ):
        return "một mục trong danh sách hồ sơ, tài liệu hay thành phần"
    if rules.document_item.search(quote) and (lead.rstrip().endswith(":") or not lead):
        return "một mục trong danh sách hồ sơ, tài liệu hay thành phần"
    if quote.endswith(":"):
        return "câu dẫn của các điểm bên dưới; các điểm mới là dòng của bảng"
    if rules.generic_funding.search(_first_sentence(own)) or rules.funding_article_title.search(
        provision.article_title or ""
    ):
        return (
            "kinh phí giữa các cơ quan (nguồn, dự toán, chi cho công tác), không phải khoản trả cho người được hỗ trợ"
        )
    title_ends = rules.gives_nothing.search(provision.article_title or "") and not _acts_on_person(provision)
    # The unmasked sentence too: "Hướng dẫn cơ sở bảo trợ xã hội ..." manages a facility whose name is masked.
    main = (_first_sentence(own), _first_sentence(quote), lead)
    if title_ends or any(rules.gives_nothing.search(text) for text in main):
        return (
            "chấm dứt, từ chối, khuyến khích, tuyên truyền, đào tạo hay quản lý, hướng dẫn công tác: không trao"
            " quyền lợi cho người được hỗ trợ"
        )
    if provision.kind == "right" and rules.every_child_right.search(quote):
        return "quyền của mọi trẻ em, không riêng trẻ em cần được bảo vệ hay nạn nhân"
    said = f"{lead} {own}"
    if rules.child_offenders.search(said) and not rules.child_offenders_unless.search(said):
        return "về trẻ em vi phạm pháp luật, không phải nạn nhân hay trẻ em bị xâm hại"
    if provision.kind == "right" and not rules.right_holders.search(_right_holder(provision)):
        return "quyền của cơ quan hay người khác, không phải của người được hỗ trợ"
    if (
        provision.kind == "obligation"
        and rules.inter_agency.search(own)
        and not _named_in(rules.leading_condition.sub("", own), rules)
        and not _lead_in_acts(lead, default_vocabulary())
    ):
        return "báo cáo, trả lời hay thống nhất giữa các cơ quan, không trao gì cho người được hỗ trợ"
    if rules.cross_reference_only.search(quote) and not _named_in(own, rules):
        return "chỉ dẫn chiếu quy định khác, không tự trao quyền lợi"
    return None


def _first_sentence(text: str) -> str:
    """The clause's main statement: "Trường hợp từ chối tiếp nhận ..." after it is a side rule."""
    body = re.sub(r"^\s*(?:[a-zđ]\d?\)|\d+[.)])\s*", "", text)
    return re.split(r"(?<=[.;])\s|\n", body, maxsplit=1)[0]


def _right_holder(provision: Provision) -> str:
    """The words naming who holds a right: the clause or lead-in saying "có quyền", else the article
    title ("Quyền của người được trợ giúp pháp lý" for "7. Được bồi thường thiệt hại ...")."""
    for text in (provision.lead_in or "", provision.quote):
        if "có quyền" in text or "được quyền" in text:
            return text
    return re.sub(r"^Quyền(?: và nghĩa vụ)? của\s+", "", provision.article_title or "")


def _named_in(text: str, rules: ScopeRules) -> list[str]:
    found = []
    for label in _labels(_mentions(default_vocabulary().persons, text)):
        if label == "trẻ em" and not rules.child_context.search(text):
            continue
        if label == "người thân thích" and not rules.relatives_need_victim.search(text):
            continue
        if label in rules.persons or label == "trẻ em":
            found.append(label)
    return found


def _victim_persons(
    provision: Provision, rules: ScopeRules, family_name: str = "", document: Document | None = None
) -> list[str]:
    """Victim-related persons the provision names: in its text and lead-in, else in its article's
    title ("Các biện pháp bảo vệ an toàn cho nạn nhân, ..." for "8. Xét xử kín."), never inside the
    name of an agency, role or carer. A child counts in a child-protection context (care, intervention,
    abuse, special circumstances), and is meant by a duty naming a child-protection measure;
    "người thân thích" counts as a victim's relative only; people in custody count where the clause
    brings them legal aid."""
    persons = default_vocabulary().persons
    title = _masked(provision.article_title or "", rules)
    own = " ".join((_masked(provision.lead_in or "", rules), _masked(provision.quote, rules)))
    context = " ".join(
        _masked(t, rules, carers=False) for t in (provision.article_title, provision.lead_in, provision.quote)
    )
    legal_aid = family_name == "Trợ giúp pháp lý"
    for texts in ((own,), (title,), (_article_body(provision, document, rules),)):
        found = []
        for text in texts:
            # Legal aid goes to "người có yêu cầu", "người dân tộc thiểu số", "người khiếu nại", people in custody
            # where the clause, its lead-in or its title is about giving them legal aid.
            if legal_aid and rules.legal_aid_recipients.search(text) and "trợ giúp pháp lý" in context + text:
                found.append("người được trợ giúp pháp lý")
            for label in _labels(_mentions(persons, text)):
                child = label == "trẻ em" and rules.child_context.search(context)
                relative = label == "người thân thích" and rules.relatives_need_victim.search(context)
                wanted = (label in rules.persons and label != "người thân thích") or child or relative
                if wanted and label not in found:
                    found.append(label)
        if found:
            return found
    if family_name == "Trẻ em" and provision.kind == "obligation" and rules.implicit_child.search(own):
        return ["trẻ em"]
    return []


def _article_body(provision: Provision, document: Document | None, rules: ScopeRules) -> str:
    """The article's own text, for a benefit whose clause and title name nobody ("a) Hỗ trợ tiền ăn ..."
    under "Chế độ hỗ trợ nhu cầu thiết yếu và chi phí đi lại"): the article's protected person."""
    if provision.kind != "entitlement" or document is None:
        return ""
    if not default_vocabulary().support_item_start.search(provision.quote):
        return ""  # only a benefit named bare ("a) Hỗ trợ tiền ăn"), not a list of agencies or trainees
    article = next((a for a in document.articles if a.number == provision.article_number), None)
    return _masked(article.text, rules) if article else ""


def regime(
    provision: Provision, rules: ScopeRules | None = None, governing: list[tuple[str, str]] | None = None
) -> str:
    """The support regime of Điều 32 khoản 1 the provision belongs to: by what it grants, else by the
    law article it details or is (Điều 33-38, one per regime), else "Khác". `governing` is the whole
    chain when the caller knows it (a circular clause -> the decree article -> the law article)."""
    rules = rules or default_rules()
    for label, whats in rules.regimes:
        if provision.what in whats:
            return label
    articles = {a for law, a in (governing or provision.governing) if number_key(law) == rules.regime_law}
    if number_key(provision.doc_number) == rules.regime_law:
        articles.add(provision.article_number)
    matching = [label for label, numbers in rules.regime_articles if numbers & articles]
    return matching[0] if len(matching) == 1 else rules.other_regime
