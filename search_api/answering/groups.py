"""Compose stage: the clause naming the group a question is about (a foreigner, a stateless person, an
accompanying minor, a child, a person being identified) comes before the general rule. The groups a
candidate names are recorded on it (Candidate.named_groups) for the quoting floor and the eligibility
answers."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from search_api.answering import models as m
from search_api.answering.cues import ASKS_PROHIBITED
from search_api.answering.models import Candidate
from search_api.answering.terms import folded

GROUP_BONUS = 0.15
# How each group is named in the texts (folded).
GROUP_IN_TEXT = {
    # ("Trẻ em có quốc tịch nước ngoài", 56/2017 Điều 16)
    m.FOREIGNER: re.compile(r"nguoi nuoc ngoai|quoc tich nuoc ngoai"),
    m.STATELESS: re.compile(r"khong quoc tich"),
    m.ETHNIC_MINORITY: re.compile(r"dan toc thieu so"),
    m.ACCOMPANYING_MINOR: re.compile(r"chua thanh nien di cung"),
    m.CHILD_UNDER_16: re.compile(r"(?<!\w)tre em(?!\w)|duoi 16 tuoi"),
    # (a minor accompanying a victim is another group, with its own restricted regime)
    m.CHILD_UNDER_18: re.compile(r"chua thanh nien(?! di cung)|duoi 18 tuoi"),
    # (as the question cues do: "không chứng minh được một người có phải là nạn nhân hay không")
    m.BEING_IDENTIFIED: re.compile(
        r"(?:dang|trong qua trinh|cho) xac minh|chua (?:duoc )?xac dinh|khong chung minh duoc (?:\w+ ){0,5}nan nhan"
    ),
}


_NOT_RESIDENT = re.compile(r"(?<!\w)khong (?:thuong tru|cu tru)(?!\w)")
_RESIDENT_STATELESS = re.compile(r"khong quoc tich thuong tru")


# A clause about offenders or the accused: "Trẻ em vi phạm pháp luật bị áp dụng biện pháp ...", "người bị buộc tội
# thuộc hộ cận nghèo", "người dưới 18 tuổi phạm tội". For a question about a victim they name the wrong person,
# whatever age or poverty they share with the asker (outside readers found Luật Trẻ em Điều 71 answering what a
# trafficked child receives, and the accused's proof of poverty answering a victim's).
_OFFENDER_IN_TEXT = re.compile(
    r"(?<!\w)(?:tre em vi pham phap luat|nguoi (?:duoi 18 tuoi|chua thanh nien) (?:pham toi|vi pham)"
    r"|nguoi bi buoc toi|bi can|bi cao|nguoi bi tam (?:giu|giam)|nguoi bi ket an|nguoi pham toi)(?!\w)"
)
_OFFENDER_ASKED = re.compile(
    r"(?<!\w)(?:vi pham phap luat|pham toi|bi buoc toi|bi can|bi cao|bi bat|bi truy to|bi khoi to|bi tam (?:giu|giam)"
    r"|truy cuu|bi xu)(?!\w)"
)
OFFENDER_PENALTY = 0.15
# (and a victim coming back: "tiếp nhận nạn nhân trở về qua cửa khẩu" is a Vietnamese victim's way home, the reverse
# of a foreign victim's return — a fourth reader found 01/2014 Điều 4 khoản 3-4 answering the latter)
_CITIZENS_ONLY = re.compile(
    r"(?<!\w)(?:quoc tich viet nam|cong dan viet nam|nan nhan tro ve|nguoi tro ve|nuoc ngoai tro ve"
    r"|co quan dai dien viet nam)(?!\w)"
)
CITIZENS_PENALTY = 0.15
OTHER_GROUP_PENALTY = 0.1
_FINANCIAL_HARDSHIP = re.compile(r"(?<!\w)co kho khan ve tai chinh(?!\w)")
OPENING_WORDS = 10
# The groups more specific than victims in general (eligibility lists name them before the general rule).
SPECIFIC_GROUPS = (
    m.FOREIGNER,
    m.STATELESS,
    m.ETHNIC_MINORITY,
    m.ACCOMPANYING_MINOR,
    m.CHILD_UNDER_16,
    m.CHILD_UNDER_18,
    m.BEING_IDENTIFIED,
)
# (a person being identified is a victim-to-be: a clause opening on one is no other group's)
_OPENING_GROUPS = tuple(g for g in SPECIFIC_GROUPS if g != m.BEING_IDENTIFIED)
# (not going home as a purpose, "làm giấy tờ đưa về nước", "muốn về nước": she is not home yet)
_RETURNED = re.compile(
    r"(?<!\w)(?:(?:tron|thoat|chay|tu tron|duoc dua|duoc giai cuu)(?: \w+){0,5} ve"
    r"|(?<!de )(?<!dua )(?<!muon )(?<!duoc )(?<!can )ve (?:nuoc|que|nha|viet nam)|da ve|tro ve)(?!\w)"
)
_ABROAD = re.compile(
    r"(?<!\w)(?:dai su quan|lanh su|co quan dai dien|(?:dang|con|van) (?:o|ket|bi giu) (?:\w+ ){0,2}"
    r"(?:nuoc ngoai|ben|trung quoc|lao|campuchia|thai lan|malaysia)|chua (?:duoc )?ve|ben (?:do|kia|ay))(?!\w)"
)
_EMBASSY = re.compile(r"(?<!\w)co quan dai dien(?!\w)")


@lru_cache(maxsize=1024)
def _back_home(words: str) -> bool:
    """The folded question's person has come home and is not said to be abroad (read once per question, not
    once per candidate unit)."""
    return bool(_RETURNED.search(words)) and not _ABROAD.search(words)


def offender_clause(candidate: Candidate, question: m.Question) -> bool:
    """A clause about offenders or the accused, for a question about a victim that asks nothing of one."""
    return _about_offenders(_read_unit(_own_folded(candidate), folded(candidate.article.title)), question)


def _own_folded(candidate: Candidate) -> str:
    """The folded words a unit names its group with: a clause's own words, a point with its lead-in."""
    return folded(_own_words(candidate) if candidate.kind == "khoan" else f"{candidate.lead_in} {candidate.text}")


def _about_offenders(unit: _UnitReading, question: m.Question) -> bool:
    # ("Trẻ em là người bị hại ... được áp dụng các biện pháp bảo vệ", in an article on children in proceedings)
    return (
        m.VICTIM in question.who
        and unit.offenders
        and not unit.victim_named
        and not _OFFENDER_ASKED.search(question.folded)
    )


class _UnitReading(NamedTuple):
    """What group_bonus reads of a unit alone (its own folded words and its article's heading)."""

    offenders: bool  # names offenders or the accused (own words or heading)
    victim_named: bool
    groups: frozenset[str]  # the groups its own words name
    opening_groups: tuple[str, ...]  # the specific groups its first OPENING_WORDS words name, in _OPENING_GROUPS order
    victim_in_opening: bool
    other_harm: str | None  # the other harm whose victims its opening names (not a trafficking victim's list)
    embassy: bool
    financial_hardship: bool
    resident_stateless: bool
    scope_heading: bool


@lru_cache(maxsize=16384)
def _read_unit(own: str, title: str) -> _UnitReading:
    """Read once per unit, not once per question and unit: the same units come back question after question."""
    own_words = own.split()
    opening = " ".join(own_words[:OPENING_WORDS])
    harm_opening = " ".join(own_words[:HARM_OPENING_WORDS])
    harm = _OTHER_HARM.search(harm_opening)
    return _UnitReading(
        offenders=bool(_OFFENDER_IN_TEXT.search(f"{own} {title}")),
        victim_named=bool(_VICTIM_IN_OWN.search(own)),
        groups=frozenset(g for g, pattern in GROUP_IN_TEXT.items() if pattern.search(own)),
        opening_groups=tuple(g for g in _OPENING_GROUPS if GROUP_IN_TEXT[g].search(opening)),
        victim_in_opening=bool(_VICTIM_IN_OWN.search(opening)),
        # (a clause listing "nạn nhân bạo lực gia đình, nạn nhân bị mua bán" is the trafficking victim's too)
        other_harm=harm.group(1) if harm and "mua ban" not in harm_opening else None,
        embassy=bool(_EMBASSY.search(own)),
        financial_hardship=bool(_FINANCIAL_HARDSHIP.search(own)),
        resident_stateless=bool(_RESIDENT_STATELESS.search(own)),
        scope_heading=bool(_SCOPE_TITLE.search(title)),
    )


# A victim of another harm than trafficking, named where a clause opens: the question's "nạn nhân" is a trafficking
# victim unless it names that harm itself.
_OTHER_HARM = re.compile(
    r"(?<!\w)nan nhan (?:(?:trong|cua) (?:vu viec |hanh vi )?)?(bao luc gia dinh|bi xam hai tinh duc)(?!\w)"
)
# ("Giấy tờ chứng minh là nạn nhân trong vụ việc bạo lực gia đình": the harm comes after the tenth word)
HARM_OPENING_WORDS = 16
_VICTIM_IN_OWN = re.compile(r"(?<!\w)(?:nguoi bi hai|la bi hai|nan nhan)(?!\w)")


def group_bonus(candidate: Candidate, question: m.Question) -> float:
    """The clause naming the asked-about group comes before the general rule.

    A clause divided into points names a group only in its lead-in: a group named in one of its
    points is that point's ("b) ... chờ xác minh người khai là nạn nhân được hỗ trợ"), and the
    point is quoted on its own, ahead of the whole clause that merely contains it."""
    own = _own_folded(candidate)
    unit = _read_unit(own, folded(candidate.article.title))
    if OFFENDER_PENALTY and _about_offenders(unit, question):
        candidate.reasons.append("about offenders or the accused; the question's person is a victim")
        return -OFFENDER_PENALTY
    if (
        m.FOREIGNER in question.who
        and _CITIZENS_ONLY.search(folded(f"{candidate.lead_in} {candidate.text}"))
        and m.FOREIGNER not in unit.groups
    ):
        # "nạn nhân là người nước ngoài được giải cứu ở Việt Nam thì trao trả thế nào": the procedure checking a
        # person's Vietnamese nationality is for citizens brought home (an outside reader found 01/2014 Điều 4
        # answering it, a procedure for the wrong group)
        candidate.reasons.append("about Vietnamese citizens; the question's person is a foreigner")
        return -CITIZENS_PENALTY
    if (
        m.FOREIGNER not in question.who  # (a foreigner's "trao trả về nước" is going back to her own country)
        and unit.embassy
        and _back_home(question.folded)
    ):
        # "tự trốn từ bên Trung Quốc về, giờ phải đến đâu khai báo": she is home; what a Vietnamese mission abroad
        # does for a victim still there (01/2014 Điều 4 khoản 1) is another place's procedure (an outside reader
        # called it dangerous)
        candidate.reasons.append("a mission abroad's procedure; the question's person is back home")
        return -CITIZENS_PENALTY
    if m.CHILD_UNDER_16 in question.who and unit.financial_hardship and m.CHILD_UNDER_16 not in unit.groups:
        # "Cháu 14 tuổi bị mua bán cần giấy tờ gì ... có phải chứng minh khó khăn tài chính không": a child has legal
        # aid without that condition (Luật TGPL Điều 7 khoản 3); the papers of victims with financial hardship
        # (08/2017 Điều 33 khoản 13) are another group's (an outside reader called it dangerous; issue 8's example)
        candidate.reasons.append("a financial-hardship condition; the question's person is a child under 16")
        return -OTHER_GROUP_PENALTY
    if m.VICTIM in question.who and "tre em" not in folded(candidate.document.title or ""):
        other = next((g for g in unit.opening_groups if g not in question.who), None)
        if other is not None and not unit.victim_in_opening:
            # "xin TGPL thì phải nộp giấy tờ gì chứng minh" for a victim: the papers proving a child (08/2017 Điều 33
            # khoản 3, "Giấy tờ chứng minh là trẻ em") are another group's (a fourth reader found them first)
            candidate.reasons.append(f"opens on another group ({other})")
            return -OTHER_GROUP_PENALTY
        harm = unit.other_harm
        if harm and f" {harm} " not in f" {question.folded} ":
            # "nạn nhân bị mua bán, không thuộc hộ nghèo, muốn TGPL: cần giấy tờ gì": the papers of a domestic-violence
            # victim (08/2017 Điều 33 khoản 12) came before a trafficking victim's (khoản 13) (an outside reader)
            candidate.reasons.append(f"opens on the victims of another harm ({harm})")
            return -OTHER_GROUP_PENALTY
    if ASKS_PROHIBITED.search(question.asking_words or question.folded):
        return 0.0  # whether an act is prohibited: the person the act concerns is no group to serve
    if unit.scope_heading and not ASKS_SCOPE.search(question.folded):
        # "Thông tư liên tịch này áp dụng đối với ... nạn nhân là người nước ngoài": a text's scope names the group
        # without granting it anything (heldout15: a Lao victim asking for a closed trial was answered with it)
        return 0.0
    bonus = 0.0
    for group in question.who:
        if group == m.STATELESS and unit.resident_stateless and _NOT_RESIDENT.search(question.folded):
            # "người không quốc tịch, không thường trú ở Việt Nam": a clause on stateless people who do
            # reside here (BLHS Điều 6 khoản 1, 66/2011 Điều 32 khoản 1) is about the others.
            candidate.reasons.append("names resident stateless people; the question's does not reside")
            bonus = min(bonus, -GROUP_BONUS / 2)
            continue
        if group in unit.groups:
            candidate.reasons.append(f"names {group}")
            candidate.named_groups.add(group)
            bonus = max(bonus, GROUP_BONUS)
    if candidate.named_groups & _NARROW_GROUPS and len(candidate.named_groups) > 1:
        # "bé quốc tịch nước ngoài ... có thuộc nhóm trẻ em có hoàn cảnh đặc biệt không": the clause naming the child
        # and her nationality (56/2017 Điều 16 khoản 2) before the law's list naming children only
        bonus += SECOND_GROUP_BONUS
    return bonus


SECOND_GROUP_BONUS = 0.1
_NARROW_GROUPS = frozenset({m.FOREIGNER, m.STATELESS, m.ACCOMPANYING_MINOR})


# A text's scope article ("Phạm vi điều chỉnh, đối tượng áp dụng").
_SCOPE_TITLE = re.compile(r"(?<!\w)(?:pham vi dieu chinh|doi tuong ap dung|pham vi va doi tuong)(?!\w)")
# "NĐ 62/2012 có áp dụng với nạn nhân là người không quốc tịch không": the named text's own scope article
# ("Đối tượng áp dụng") answers, not a clause that repeats more of the question's words.
ASKS_SCOPE = re.compile(
    r"(?<!\w)(?:co|duoc|chi) ap dung (?:voi|doi voi|cho)(?!\w)"
    # "Luật Trẻ em 2016 áp dụng với những cơ quan, tổ chức, cá nhân nào?", "áp dụng cho ai"
    r"|(?<!\w)ap dung (?:voi|doi voi|cho) (?:nhung )?(?:ai|doi tuong|co quan|to chuc|ca nhan)(?!\w)"
    # "TT 33/2017 ... áp dụng cho trẻ em độ tuổi nào" (heldout19 got the counselling content for ages 7-13)
    r"|(?<!\w)ap dung (?:voi|doi voi|cho) (?:\w+ ){0,3}?(?:do tuoi|lua tuoi) nao(?!\w)"
    r"|(?<!\w)doi tuong ap dung(?!\w)"
)


# A condition the question says its person does not meet, and how the texts state it (pipeline: the amount summary
# skips a point requiring it; "nạn nhân không thuộc hộ nghèo muốn học nghề" was given the poor households' one-off
# allowance, an outside reader's dangerous answer)
_DENIED_CONDITIONS = (
    (re.compile(r"(?<!\w)khong (?:thuoc|phai|la) (?:\w+ ){0,2}ho ngheo(?!\w)"), "thuoc ho ngheo"),
    # a soldier, police officer or official is paid from the state budget: "Chi hỗ trợ người không hưởng lương từ
    # ngân sách nhà nước trực tiếp tham gia quản lý, bảo vệ nạn nhân" (134/2013 Điều 3 khoản 8) is not theirs (an
    # outside reader was given its 100.000 đồng a day as a border guard's allowance)
    (
        re.compile(r"(?<!\w)(?:chien si|bo doi|bien phong|cong an|can bo|cong chuc|vien chuc|si quan)(?!\w)"),
        "khong huong luong tu ngan sach",
    ),
)


def denies_condition(question: m.Question, text: str) -> bool:
    """The folded `text` requires a condition the question says its person does not meet ("không thuộc hộ nghèo", a
    soldier for a clause on people not paid from the state budget)."""
    return any(asked.search(question.folded) and stated in text for asked, stated in _DENIED_CONDITIONS)


def _own_words(candidate: Candidate) -> str:
    """A clause's own words: its lead-in when it has points, else its text."""
    clause = m.clause_of(candidate)
    if clause is None or not clause.children:
        return candidate.text
    position = clause.text.find(clause.children[0].text)
    return clause.text[:position] if position > 0 else clause.text.split("\n", 1)[0]
