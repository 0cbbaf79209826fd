"""Limitation periods: "thời hiệu truy cứu trách nhiệm hình sự đối với khoản 1 Điều 150 là bao lâu".

The Code gives the period by the offence's category (Điều 27 khoản 2: 05, 10, 15 or 20 years), and the category by
the heaviest sentence of the clause that applies (Điều 9 khoản 1: up to 3 years, 7, 15, above). Read by words alone,
the question was answered with the first period listed, "05 năm" (three outside readers, session 14: a victim told
five years could drop a case still open for fifteen). The answer here derives the period from the named clause and
quotes the three provisions it rests on: the period, the category and the clause's range.
"""

from __future__ import annotations

import re

from ingest.model import Article, Document
from search_api.answering import models as m
from search_api.answering.counts import prison_term_told
from search_api.answering.evidence import article_candidates, article_numbered
from search_api.answering.offence_names import offence_name, offence_names
from search_api.answering.quote_labels import short_label
from search_api.answering.terms import folded
from search_api.corpus_store import CorpusStore

ASKS_LIMITATION = re.compile(r"(?<!\w)thoi hieu(?: truy cuu)?(?!\w)")
# "thời hiệu … được tính lại từ khi nào", "tính từ lúc nào": from when the period runs or runs again (Điều 27 khoản 3,
# Điều 60 khoản 4-5), not its length (heldout29's and heldout34's were given the length for their sentence)
_FROM_WHEN = re.compile(r"(?<!\w)(?:tinh lai|(?:tinh|bat dau)(?: \w+){0,3}? tu (?:khi|ngay|luc|thoi diem) nao)(?!\w)")
# "thời hiệu thi hành bản án": the period for enforcing a sentence already passed (Điều 60, by the sentence), not for
# prosecuting (Điều 27, by the offence's category; heldout18's absconding trafficker was given Điều 27)
_ENFORCEMENT_PERIOD = re.compile(r"(?<!\w)thoi hieu thi hanh (?:ban )?an(?!\w)")
# (a civil judgment, or the damages of a criminal one: the Law on Enforcement of Civil Judgments, not in the collection)
_CIVIL_PART = re.compile(r"(?<!\w)(?:dan su|boi thuong)(?!\w)")
# a prison term ("phạt tù từ 05 năm đến 10 năm", "phạt tù đến 03 năm", "phạt tù 20 năm"), not a ban or a residence
# order of the additional penalties ("cấm cư trú từ 01 năm đến 05 năm")
_PRISON = re.compile(r"(?<!\w)phat tu (?:tu \d+ (?:nam|thang) den |den )?(\d+) nam(?!\w)")
_LIFE_OR_DEATH = re.compile(r"(?<!\w)(?:tu chung than|tu hinh)(?!\w)")
# Điều 9 khoản 1: the category by the heaviest sentence (years; None: life imprisonment or death)
CATEGORIES = ((3, "a", "ít nghiêm trọng"), (7, "b", "nghiêm trọng"), (15, "c", "rất nghiêm trọng"))
HEAVIEST = ("d", "đặc biệt nghiêm trọng")


def heaviest_years(text: str) -> int | None:
    """The clause's heaviest prison term in years; None when it reaches life imprisonment or death."""
    words = folded(text)
    if _LIFE_OR_DEATH.search(words):
        return None
    years = [int(n) for n in _PRISON.findall(words)]
    return max(years) if years else 0


def category_of(years: int | None) -> tuple[str, str]:
    if years is None:
        return HEAVIEST
    return next(((letter, name) for limit, letter, name in CATEGORIES if years <= limit), HEAVIEST)


def criminal_code(store: CorpusStore) -> Document | None:
    """The Criminal Code, found by its type and title once per state of the index (not per question)."""
    return store.derived("criminal_code", _find_code)


def _find_code(snapshot) -> Document | None:
    for document in snapshot.documents.values():
        title = folded(document.title or "")
        if document.type == "Bộ luật" and "hinh su" in title and "to tung" not in title:
            return document
    return None


def _clauses(document: Document, article: Article) -> list[m.Candidate]:
    return [c for c in article_candidates(document, article, 0) if c.kind == "khoan"]


def _point(document: Document, article: Article, clause: str, letter: str) -> m.Candidate | None:
    return next(
        (
            c
            for c in article_candidates(document, article, 0)
            if c.kind == "diem" and c.clause_number == clause and c.number == letter
        ),
        None,
    )


def _named_offence(store: CorpusStore, code: Document, question: m.Question) -> Article | None:
    """The offence the question names by its article number, or else by its name ("tội mua bán người")."""
    if question.article_number:
        article = article_numbered(code, question.article_number)
    else:
        asked = set(question.folded.split())
        # every word of the name said; of several, the longest ("mua bán người dưới 16 tuổi" over "mua bán người")
        named = [
            a
            for d, a in offence_names(store).named(asked)
            if d.number == code.number and all(w in asked for w in offence_name(a.title))
        ]
        article = max(named, key=lambda a: len(offence_name(a.title)), default=None)
    return article if article is not None and folded(article.title).startswith("toi ") else None


def _period_stated(period: m.Candidate | None) -> str | None:
    """ "c) 15 năm đối với tội phạm rất nghiêm trọng" -> "15 năm"."""
    stated = re.search(r"\d+ năm", period.text) if period is not None else None
    return stated.group(0) if stated else None


def _each_clause(code: Document, offence: Article, periods: Article) -> tuple[list[m.Candidate], str] | None:
    """No clause named: the period of each of the offence's clauses ("khoản 1: 15 năm; khoản 3: 20 năm"), since
    one figure would be wrong for the others."""
    each = []
    offence_clauses = _clauses(code, offence)
    for clause in offence_clauses:
        years = heaviest_years(clause.text)
        if years == 0:
            continue  # (a fine or a ban: no prison term to grade)
        letter, _ = category_of(years)
        stated = _period_stated(_point(code, periods, "2", letter))
        if stated:
            each.append(f"khoản {clause.number}: {stated}")
    whole = next((c for c in _clauses(code, periods) if c.number == "2"), None)
    if not each or whole is None:
        return None
    whole.reasons.append("limitation periods by category")
    summary = (
        f"Thời hiệu truy cứu theo từng khoản của Điều {offence.number} ({offence.title}): {'; '.join(each)} — "
        f"khoản 2 Điều 27 và khoản 1 Điều 9 {short_label(code)}"
    )
    return [whole, *offence_clauses[:1]], summary


def limitation_quotes(question: m.Question, store: CorpusStore) -> tuple[list[m.Candidate], str] | None:
    """The period for the offence clause the question names, with its grounds; None when the question asks no
    limitation period or names no offence clause (the ranked answer then stands)."""
    if _NO_LIMITATION.search(question.folded):
        return exception_quotes(question, store)
    if _FROM_WHEN.search(question.folded) and ASKS_LIMITATION.search(question.folded):
        return from_when_quotes(question, store)
    if _ENFORCEMENT_PERIOD.search(question.folded) and not _CIVIL_PART.search(question.folded):
        return enforcement_quotes(question, store)
    if not ASKS_LIMITATION.search(question.folded):
        return None
    code = criminal_code(store)
    if code is None:
        return None
    offence = _named_offence(store, code, question)
    periods, categories = article_numbered(code, "27"), article_numbered(code, "9")
    if offence is None or periods is None or categories is None:
        return None
    if not question.clause_number:
        return _each_clause(code, offence, periods)
    clause = next((c for c in _clauses(code, offence) if c.number == question.clause_number), None)
    years = heaviest_years(clause.text) if clause is not None else 0
    if clause is None or years == 0:
        return None
    letter, category = category_of(years)
    period, grade = _point(code, periods, "2", letter), _point(code, categories, "1", letter)
    if period is None or grade is None:
        return None
    heaviest = "tù chung thân hoặc tử hình" if years is None else f"{years:02d} năm tù"
    summary = (
        f"{_period_stated(period) or period.text} — điểm {letter} khoản 2 Điều 27 {short_label(code)}: "
        f"khoản {clause.number} Điều {offence.number} có mức cao nhất {heaviest}, là tội phạm {category} "
        f"(điểm {letter} khoản 1 Điều 9)"
    )
    for unit, reason in ((period, "limitation period"), (grade, "offence category"), (clause, "offence clause")):
        unit.reasons.append(reason)
    return [period, grade, clause], summary


# "không áp dụng thời hiệu thi hành bản án đối với những tội nào": the Code's exceptions, Điều 61 (Điều 28 for
# prosecution), not the periods (heldout31 was given Điều 60 khoản 2)
_NO_LIMITATION = re.compile(r"(?<!\w)khong (?:ap dung|tinh) thoi hieu(?!\w)")


def _code_article(store: CorpusStore, number: str) -> tuple[Document, Article] | None:
    """The Criminal Code and its article `number`, or None when the collection lacks either."""
    code = criminal_code(store)
    article = article_numbered(code, number) if code is not None else None
    return (code, article) if code is not None and article is not None else None


def exception_quotes(question: m.Question, store: CorpusStore) -> tuple[list[m.Candidate], str] | None:
    found = _code_article(store, "61" if _ENFORCEMENT_PERIOD.search(question.folded) else "28")
    if found is None:
        return None
    code, article = found
    whole = m.whole_unit(code, article)
    whole.reasons.append("offences with no limitation period")
    return [whole], f"{article.title} — Điều {article.number} {short_label(code)}"


# Điều 60 khoản 2: the enforcement period by the prison term passed (years; None: life imprisonment or death)
_ENFORCEMENT_POINTS = ((3, "a"), (15, "b"), (30, "c"))


def enforcement_quotes(question: m.Question, store: CorpusStore) -> tuple[list[m.Candidate], str] | None:
    """ "Bị xử 9 năm tù rồi bỏ trốn, thời hiệu thi hành bản án là bao lâu": Điều 60 khoản 2's point for the sentence
    passed (10 years for more than 3 and up to 15 years' prison), or the whole khoản when no sentence is told."""
    found = _code_article(store, "60")
    if found is None:
        return None
    code, article = found
    whole = next((c for c in _clauses(code, article) if c.number == "2"), None)
    if whole is None:
        return None
    told = prison_term_told(question.folded)
    if told is None:
        whole.reasons.append("enforcement periods by sentence")
        return [whole], f"Thời hiệu thi hành bản án theo mức án đã tuyên — khoản 2 Điều 60 {short_label(code)}"
    years, passed = told
    letter = "d" if years is None else next((x for limit, x in _ENFORCEMENT_POINTS if years <= limit), "d")
    point = _point(code, article, "2", letter)
    if point is None:
        return None
    point.reasons.append("enforcement period for the sentence passed")
    summary = (
        f"{_period_stated(point) or point.text} — điểm {letter} khoản 2 Điều 60 {short_label(code)} "
        f"(mức án đã tuyên: {passed}); tính từ ngày bản án có hiệu lực pháp luật (khoản 4)"
    )
    return [point, whole], summary


_RUNS_FROM = re.compile(r"(?<!\w)(?:duoc tinh tu|tinh lai)(?!\w)")
# ... and the words saying it: "tính lại kể từ ngày người đó ra trình diện hoặc bị bắt giữ", "được tính từ ngày …"
_RUNS_FROM_WORDS = re.compile(r"(?:được tính từ|tính lại kể từ)[^.;]*")


def from_when_quotes(question: m.Question, store: CorpusStore) -> tuple[list[m.Candidate], str] | None:
    """ "Thời hiệu thi hành bản án … được tính lại từ khi nào" (a convict who absconded, then gave himself up): the
    khoản of Điều 60 (enforcement) or Điều 27 (prosecution) saying from when the period runs or runs again, the one
    sharing most of the story's words first (absconding and a warrant: Điều 60 khoản 5; a new crime: khoản 4)."""
    found = _code_article(store, "60" if _ENFORCEMENT_PERIOD.search(question.folded) else "27")
    if found is None:
        return None
    code, article = found
    running = [c for c in _clauses(code, article) if _RUNS_FROM.search(folded(c.text))]
    if not running:
        return None
    asked = set(question.folded.split())
    running.sort(key=lambda c: -len(asked & set(folded(c.text).split())))
    first = running[0]
    first.reasons.append("when the limitation period runs")
    said = [x.group(0) for x in _RUNS_FROM_WORDS.finditer(first.text)]
    again = [x for x in said if x.startswith("tính lại")] if "tinh lai" in question.folded else []
    stated = (again or said or [first.text])[0]
    return running, f"Thời hiệu {stated} — khoản {first.number} Điều {article.number} {short_label(code)}"
