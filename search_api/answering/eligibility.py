"""Eligibility answers: for "is <group> entitled to <X>", the article listing who gets X and, in it,
the units naming the group asked about (foreigners, children, accompanying minors) before the general
rule for victims, whose clause may carry conditions; and the one-line summary stating them."""

from __future__ import annotations

import re

from search_api.answering import models as m
from search_api.answering.compose import MAX_QUOTES, RANK_STEP, Composition, select
from search_api.answering.evidence import Evidence
from search_api.answering.groups import GROUP_IN_TEXT, SPECIFIC_GROUPS, offender_clause
from search_api.answering.models import Candidate
from search_api.answering.quote_labels import unit_label
from search_api.answering.terms import folded, unit_terms
from search_api.answering.understand import GROUP_CUES

# --- eligibility lists ------------------------------------------------------------------

# Articles that list who qualifies: "Người được trợ giúp pháp lý", "Đối tượng và chế độ hỗ trợ".
_LIST_TITLE = re.compile(r"^(?:nguoi duoc|doi tuong|truong hop duoc|dieu kien)(?!\w)")
# The law that creates an entitlement says who has it; decrees and circulars repeat or narrow it.
LIST_TITLE_COVER = 0.15  # the list's heading must name what is asked ("trợ giúp pháp lý")
LIST_TITLE_COVER_GROUP = 0.05  # ... less so when one of its clauses names the very group asked about
HIERARCHY_BONUS = {"Bộ luật": 0.1, "Luật": 0.1, "Nghị định": 0.05}
VICTIM_IN_TEXT = re.compile(r"nan nhan(?: cua hanh vi)? (?:bi )?mua ban|nan nhan(?!\w)")


def eligibility_quotes(evidence: Evidence) -> list[Candidate]:
    """For "is <group> entitled to <X>": the article listing who gets X (its title names X), and
    in it the units naming the group asked about — a specific group (foreigners, children,
    accompanying minors) before victims in general, whose clause may carry conditions."""
    question = evidence.question
    groups = [g for g in SPECIFIC_GROUPS if g in question.who] + ([m.VICTIM] if m.VICTIM in question.who else [])
    if not groups:
        return []
    weight = evidence.weights
    # What is asked for (the title must name it) is the question less the words naming the group.
    group_words: set[str] = set()
    for group in groups:
        for match in GROUP_CUES[group].finditer(question.folded):
            group_words |= set(match.group(0).split())
    # (of the asking sentence when a story precedes it: "Cô gái người Lào ... đang ở trung tâm muốn học nghề may. Cô
    # có được hỗ trợ chi phí học nghề không?" asks for vocational training, not for the centre she stays in)
    wanted = {t: w for t, w in weight.items() if not set(t.split("_")) <= group_words}
    asked = unit_terms(question.asking_text) if question.asking_text else set(wanted)
    wanted_asked = {t: w for t, w in wanted.items() if t in asked}
    mass, mass_asked = sum(wanted.values()) or 1.0, sum(wanted_asked.values()) or 1.0
    articles: dict[tuple[str, str], list[Candidate]] = {}
    specific_asked = any(g in SPECIFIC_GROUPS for g in groups)
    for candidate in evidence.candidates:
        if _LIST_TITLE.search(folded(candidate.article.title)) or (specific_asked and _in_list_clause(candidate)):
            articles.setdefault((candidate.document.number, candidate.article.id), []).append(candidate)
    if specific_asked:
        # A benefit's article listing who qualifies in one clause ("1. Đối tượng hỗ trợ gồm nạn nhân …")
        # may name the group asked about in another ("… người chưa thành niên được cơ sở hỗ trợ chi phí
        # khám bệnh"): that clause is the group's own rule, so it is among the list's units.
        for candidate in evidence.candidates:
            units = articles.get((candidate.document.number, candidate.article.id))
            if units is not None and candidate not in units and names_any(candidate, groups):
                units.append(candidate)
    found: list[tuple[float, list[Candidate], bool, int]] = []
    for units in articles.values():
        title_terms = unit_terms(units[0].article.title)
        title_cover = max(
            sum(w for t, w in wanted.items() if t in title_terms) / mass,
            sum(w for t, w in wanted_asked.items() if t in title_terms) / mass_asked,
        )
        naming = [u for u in units if names_any(u, groups) and not offender_clause(u, question)]
        if not naming and not _LIST_TITLE.search(folded(units[0].article.title)):
            # A benefit's own "1. Đối tượng hỗ trợ gồm ..." clause not naming the group asked about
            # states who qualifies, so whether the group does ("công dân Việt Nam, người không quốc
            # tịch": not a foreigner); the benefit's heading must then name what is asked.
            naming = [u for u in units if u.kind == "khoan"][:1]
        # Of the units naming the group, the one stating the rest of the question first ("từ đủ 16
        # tuổi đến dưới 18 tuổi là bị hại" before "người bị buộc tội từ đủ 16 ..." for a victim).
        naming.sort(key=lambda u: -u.coverage)
        if not any(g in SPECIFIC_GROUPS for g in groups):
            # Nobody more specific than "victims": the list item matching the question's words.
            naming = sorted(units, key=lambda u: -u.coverage)[:1]
        # The general rule (the first unit naming victims) follows the group's own clause.
        # (the point itself when victims are one item of a list: "g) Nạn nhân của hành vi mua bán người")
        victims = [u for u in units if u not in naming and _names_group(folded(u.text), m.VICTIM)]
        # A clause naming victims only through one of its points gives way to that point.
        victims = [u for u in victims if not any(v.parent_id == u.unit_id for v in victims)]
        general = max(victims, key=lambda u: u.coverage) if victims else None
        if m.VICTIM in groups and general is not None:
            naming.append(general)
        specific = any(names_any(u, groups) for u in naming)
        if not naming or title_cover < (LIST_TITLE_COVER_GROUP if specific else LIST_TITLE_COVER):
            continue
        for unit in naming:
            unit.reasons.append("eligibility list naming the group")
        document = units[0].document
        value = (
            title_cover
            + max(u.coverage for u in units)
            + HIERARCHY_BONUS.get(document.type, 0.0)
            - RANK_STEP * units[0].rank
        )
        # (a list naming the group under another benefit's heading, 09/2013 Điều 19 "nhu cầu thiết yếu" for a
        # foreigner's vocational training, comes after the asked benefit's own list, which may leave the group out:
        # Điều 23 khoản 1 "công dân Việt Nam, người không quốc tịch"; an outside reader was told she qualified)
        # (a list of who qualifies for every regime, 66/2011 Điều 32 "Đối tượng và chế độ hỗ trợ", stands first)
        general_list = bool(_LIST_TITLE.search(folded(units[0].article.title)))
        standing = 1 if not specific else 0 if title_cover >= LIST_TITLE_COVER or general_list else 2
        found.append((value, naming, specific, standing))
    if not found:
        return []
    # The clause naming the group itself first, with the general rule of the same list; then, when
    # the benefit asked about has its own "Đối tượng hỗ trợ" clause, that one (it may exclude the group).
    # Of the lists naming the group, the law's before the decree's: the law grants (66/2011 Điều 32 khoản 3:
    # an accompanying minor gets points a, b and c), the decree details one regime of it (09/2013 Điều 19:
    # food and travel only), and an outside reader took the decree's list for all the child gets.
    found.sort(key=lambda item: (item[3], -HIERARCHY_BONUS.get(item[1][0].document.type, 0.0), -item[0]))
    units = list(found[0][1])
    if found[0][2]:
        units += next((naming for _, naming, specific, _ in found[1:] if not specific), [])
    chosen: list[Candidate] = []
    for unit in units:
        if any(unit.parent_id == c.unit_id or c.parent_id == unit.unit_id for c in chosen):
            continue
        chosen.append(unit)
    return chosen[:MAX_QUOTES]


_LIST_CLAUSE = re.compile(r"^(?:\d{1,2} )?(?:doi tuong|nguoi duoc|truong hop duoc)(?!\w)")


def _in_list_clause(candidate: Candidate) -> bool:
    """A clause listing who qualifies ("1. Đối tượng hỗ trợ gồm: a) ..."), or one of its points."""
    if candidate.kind == "khoan":
        return bool(_LIST_CLAUSE.search(folded(candidate.text)))
    return candidate.kind == "diem" and bool(_LIST_CLAUSE.search(folded(candidate.lead_in)))


OPENING_WORDS = 12
GROUP_LABELS = {
    m.FOREIGNER: "người nước ngoài",
    m.STATELESS: "người không quốc tịch",
    m.ETHNIC_MINORITY: "người dân tộc thiểu số",
    m.ACCOMPANYING_MINOR: "người chưa thành niên đi cùng nạn nhân",
    m.CHILD_UNDER_16: "trẻ em",
    m.CHILD_UNDER_18: "người chưa thành niên",
    m.BEING_IDENTIFIED: "người đang được xác minh là nạn nhân",
    m.VICTIM: "nạn nhân",
}


# (a unit naming the group asked about that covers the question far better than the lists, put before them)
LEADS_THE_LIST = "names the group asked about and covers the question far better than the eligibility lists"
ELIGIBILITY_LEAD = 0.3  # the score by which a unit naming the group outranks the eligibility lists to lead them


def with_group_unit_first(question: m.Question, ordered: list[Candidate], listed: list[Candidate]) -> list[Candidate]:
    """The lists, led by the best-scored unit when it is in force, names the specific group asked about and outscores
    lists of texts no longer in force by ELIGIBILITY_LEAD: "tre em khong quoc tich cu tru o viet nam co duoc bao ve,
    ho tro khong" is Luật Trẻ em Điều 36, not 66/2011 Điều 32 (trafficking victims, a replaced law; outside reader 5).
    Never before lists in force (a lapsed circular's clause on children came before Luật TGPL Điều 7 khoản 3)."""
    top = ordered[0] if ordered else None
    if (
        top is None
        or top in listed
        or not set(question.who) & top.named_groups
        or top.score < max(x.score for x in listed) + ELIGIBILITY_LEAD
        or top.parts.get("in_force", 0.0) <= 0
        or any(x.parts.get("in_force", 0.0) > 0 for x in listed)
    ):
        return listed
    top.reasons.append(LEADS_THE_LIST)
    return [top, *listed]


def eligibility_summary(question: m.Question, quotes: list[Candidate]) -> str | None:
    """'Trẻ em: khoản 3 Điều 7 Luật 11/2017/QH14; quy định chung cho nạn nhân: điểm g khoản 7 Điều 7 ...'"""
    parts = []
    for quote in quotes:
        if "eligibility list naming the group" not in quote.reasons and LEADS_THE_LIST not in quote.reasons:
            continue
        text = folded(quote.text)
        group = next((g for g in question.who if g in GROUP_LABELS and _names_group(text, g) and g != m.VICTIM), None)
        # A clause on another group is labelled with that group, never as the general rule (an outside reader
        # found the foreigners' restricted regime, 66/2011 Điều 32 khoản 2, labelled "quy định chung")
        # (by the clause's opening words, and not a rule for citizens: a list clause naming a group in one of its
        # points, or "nạn nhân là công dân Việt Nam, người không quốc tịch ...", is the general rule)
        opening = " ".join(text.split()[:OPENING_WORDS])
        if not group and "cong dan viet nam" not in text:
            group = next((g for g in GROUP_LABELS if g != m.VICTIM and _names_group(opening, g)), None)
        left_out = next((g for g in question.who if g in _LEFT_OUT_BY_CITIZENS), None)
        if not group and left_out and "cong dan viet nam" in text:
            # "nạn nhân là công dân Việt Nam, người không quốc tịch thường trú": who qualifies, and the foreigner
            # asked about is not among them (said, not left for the reader to infer from a general label)
            parts.append(f"Đối tượng được hưởng, không gồm {GROUP_LABELS[left_out]}: {unit_label(quote)}")
            continue
        label = GROUP_LABELS[group] if group else "quy định chung cho nạn nhân"
        parts.append(f"{label[:1].upper()}{label[1:]}: {unit_label(quote)}")
    return "; ".join(parts) or None


# (stateless people residing here are citizens' equals in these lists; a minor travelling with a victim is no victim)
_LEFT_OUT_BY_CITIZENS = (m.FOREIGNER, m.ACCOMPANYING_MINOR)


def names_any(candidate: Candidate, groups: list[str]) -> bool:
    """Whether the unit's text names one of the groups asked about other than victims in general."""
    # ("trẻ em" names no group in the Law on Children and its texts, where every clause is about children)
    about_children = "tre em" in folded(candidate.document.title or "")
    return any(
        _names_group(folded(candidate.text), g)
        for g in groups
        if g != m.VICTIM and not (about_children and g == m.CHILD_UNDER_16)
    )


def _names_group(text: str, group: str) -> bool:
    pattern = VICTIM_IN_TEXT if group == m.VICTIM else GROUP_IN_TEXT.get(group)
    return bool(pattern and pattern.search(text))


# "bé được hỗ trợ những gì", "muốn xin trợ giúp pháp lý thì có phải chứng minh ...": what the group may obtain.
# Not "đang được trợ giúp pháp lý ... có bị dừng giữa chừng không", "có phải thuê người phiên dịch không" (how
# the aid runs), nor "cần giấy gì chứng minh" (the papers): the group's eligibility clause answers neither.
_TO_QUALIFY = re.compile(r"(?<!\w)(?:muon|xin|de duoc|co duoc|duoc (?:\w+ ){0,3}(?:khong|gi|nhung gi))(?!\w)")


def asks_to_qualify(question: m.Question) -> bool:
    return bool(_TO_QUALIFY.search(question.folded)) and not question.asks_dossier


def compose_eligibility(
    evidence: Evidence, ordered: list[Candidate], threshold: float, composition: Composition
) -> bool:
    """An eligibility question (or a named group's entitlement or legal aid asked as whether it qualifies): the units
    listing who qualifies, the asked group's first, then the best-scored rest; False when none answers."""
    question = evidence.question
    specific = any(g in question.who for g in SPECIFIC_GROUPS)
    # ("được hỗ trợ tiền ăn bao nhiêu": a sum is asked, not whether the group qualifies)
    if question.intent in (m.PROCEDURE, m.AMOUNT, m.PENALTY) or not (
        question.has(m.ELIGIBILITY)
        or (specific and question.has(m.LEGAL_AID, m.ENTITLEMENT) and asks_to_qualify(question))
    ):
        return False
    listed = eligibility_quotes(evidence)
    if listed and not specific and ordered and ordered[0].coverage > max(x.coverage for x in listed):
        # Victims in general: a list whose heading merely shares a word ("Điều kiện khó khăn về tài
        # chính" for "trợ cấp khó khăn ban đầu") does not outrank the unit covering the question best.
        listed = []
    if listed and specific:
        listed = with_group_unit_first(question, ordered, listed)
    if not listed:
        return False
    rest = [q for q in select(ordered, threshold) if q not in listed]
    composition.quotes = (listed + rest)[:MAX_QUOTES]
    # "Theo Luật PCMBN 2011, ...": the named text's clause on the group before another text's
    named = {d.number for d in evidence.named_documents}
    who = list(question.who)
    composition.quotes.sort(key=lambda q: not (q.document.number in named and names_any(q, who)))
    composition.mode = "eligibility"
    composition.summary = eligibility_summary(question, composition.quotes)
    composition.best_coverage = max(composition.best_coverage, threshold)
    return True
