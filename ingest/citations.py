"""Links between documents, read from the wording of legal texts.

Three kinds of mention are found in an article's text:
  - a document number, with whatever type and name precede it
    ("Luật Phòng, chống mua bán người số 66/2011/QH12", "Nghị định số 09/2013/NĐ-CP");
  - a law's name without a number ("Luật Phòng, chống mua bán người"), resolved through
    the catalogue's names map against the citing text's own date (2011 and 2024 laws
    share the name);
  - "<type> này" ("Luật này", "Thông tư liên tịch này"), the text itself; only kept when
    it carries articles ("Điều 3 của Luật này"). "khoản 1 Điều này" names no number and
    is the article itself, so it is never a mention.
Article references right before a mention ("khoản 2 Điều 5", "các Điều 24, 25 và 26")
become target_article. What surrounds the mention picks the relation type: a
"<type> này quy định chi tiết / hướng dẫn ..." sentence gives QUY_DINH_CHI_TIET,
"thay thế ..." / "bãi bỏ ..." / "... hết hiệu lực kể từ ..." give THAY_THE / BAI_BO
dated from the effect clause, anything else is a plain TRICH_DAN.

Everything is a precompiled regex pass; it runs on every article at ingest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ingest.catalogue import NamesMap, default_names
from ingest.model import BAI_BO, CAN_CU, QUY_DINH_CHI_TIET, THAY_THE, TRICH_DAN, Document, Relation
from ingest.numbers import DOC_NUMBER_PATTERN, DOC_NUMBER_RE, LONG_DATE_RE, number_key, parse_date
from ingest.textnorm import nfc

# Longer names first: the alternation must not stop at "Thông tư" inside "Thông tư liên tịch".
TYPE_WORDS = (
    r"(?:Thông tư liên tịch|Thông tư|Bộ luật|Luật|Pháp lệnh|Nghị định|Nghị quyết|Quyết định|Chỉ thị"
    r"|Văn bản hợp nhất|Hiến pháp)"
)
TYPE_RE = re.compile(TYPE_WORDS)
# The text between a type word and its number: a name, never a digit or a clause break.
NAME_TAIL_RE = re.compile(r"[^\d;:()\n]{0,140}\Z")
SELF_RE = re.compile(rf"(?P<type>{TYPE_WORDS})\s+này\b")

_NUM = r"\d+[a-zđ]?(?![\d/])"
_ARTICLE_LIST = rf"[Đđ]iều\s+{_NUM}(?:(?:\s*,\s*|\s+(?:và|hoặc|đến)\s+)(?:[Đđ]iều\s+)?{_NUM})*"
# "điểm a, điểm b và điểm c Khoản 1, " / "khoản 2 ": free text that never crosses an "Điều".
_LEAD = r"(?:(?:[Đđ]iểm|[Kk]hoản)\s+(?:(?![Đđ]iều)[^;:()\n]){1,60}?\s*,?\s*)?"
_REF = rf"{_LEAD}(?:các\s+)?{_ARTICLE_LIST}"
ARTICLES_BEFORE_RE = re.compile(rf"(?P<refs>{_REF}(?:(?:\s*[,;]\s*|\s+và\s+){_REF})*)\s*,?\s*(?:của\s+)?\Z")
ARTICLE_LIST_RE = re.compile(_ARTICLE_LIST)
ARTICLE_NUMBER_RE = re.compile(rf"(đến\s+)?(?:[Đđ]iều\s+)?({_NUM})")
LOOKBEHIND = 200

# Right after an alias: an explicit number, which the number mention already carries.
NUMBER_AFTER_RE = re.compile(rf"\s*,?\s*(?:số\s*)?{DOC_NUMBER_PATTERN}")
DATE_AFTER_RE = re.compile(rf"\s*(?:năm\s+\d{{4}}\s*)?,?\s*{LONG_DATE_RE.pattern}", re.IGNORECASE)

# "<type> này quy định chi tiết (thi hành) ... / hướng dẫn ...": the first text named after it is detailed.
DETAILS_RE = re.compile(rf"{TYPE_WORDS}\s+này\s+(?:quy định chi tiết|hướng dẫn)\b")
TITLE_DETAILS_RE = re.compile(r"^\s*(?:quy định chi tiết|hướng dẫn)\b", re.IGNORECASE)
# Effect clauses. The verb must open its clause or follow "<type> này"/"và"/"đồng thời",
# so "người thay thế", "bị thay thế" and "đề nghị bãi bỏ" never count.
REPLACE_VERB_RE = re.compile(r"\b(?P<verb>[Tt]hay thế|[Bb]ãi bỏ)\s+(?:cho\s+)?")
VERB_OPENS_RE = re.compile(rf"(?:^|\n|[.;:]\s*|\d+\.\s*|[a-zđ]\)\s*|{TYPE_WORDS}\s+này\s+|\bvà\s+|,\s*|đồng thời\s+)\Z")
EXPIRES_RE = re.compile(r"\bhết hiệu lực(?: thi hành)?\s+(?:kể\s+)?từ\s+ngày")
EFFECTIVE_DATE_RE = re.compile(
    r"có hiệu lực(?: thi hành)?\s+(?:kể\s+)?từ\s+ngày\s+(\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})"
)
# What may stand between a governing verb (or the previous target) and the next target:
# "Bãi bỏ X ... và Y" lists targets; "... theo Quyết định số Z" only describes X.
FIRST_TARGET_GAP_RE = re.compile(r"[\s,:]*(?:(?:toàn bộ|các|cho)\s+)?")
COORDINATED_RE = re.compile(r"(?:[,;]|\bvà(?:\s+các)?)\s*\Z")
SENTENCE_END_RE = re.compile(r"[.;](?:\s|$)|\n")


@dataclass
class Mention:
    start: int  # where the mention begins, article references included
    head: int  # where the document's own words begin ("Nghị định số ...")
    end: int
    target: str
    articles: list[str]
    head_type: str | None  # type word written before it, when any
    is_self: bool


@lru_cache(maxsize=8)
def _alias_regex(pattern: str) -> re.Pattern | None:
    return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE) if pattern else None


def _articles(text: str, head: int) -> tuple[int, list[str]]:
    """Article numbers written right before position head, and where they start."""
    window_start = max(0, head - LOOKBEHIND)
    window = text[window_start:head]
    if "iều" not in window:  # cheap guard: most mentions carry no article
        return head, []
    match = ARTICLES_BEFORE_RE.search(window)
    if not match:
        return head, []
    numbers: list[str] = []
    for article_list in ARTICLE_LIST_RE.finditer(match.group("refs")):
        previous = None
        for to_word, number in ARTICLE_NUMBER_RE.findall(article_list.group()):
            if (
                to_word
                and previous
                and previous.isdigit()
                and number.isdigit()
                and 0 < int(number) - int(previous) <= 50
            ):
                numbers.extend(str(n) for n in range(int(previous) + 1, int(number) + 1))
            elif number not in numbers:
                numbers.append(number)
            previous = number
    return window_start + match.start("refs"), list(dict.fromkeys(numbers))


def _head_type(text: str, number_start: int) -> tuple[int, str | None]:
    """Start and type word of "<type> <name> số" written before a number, if any."""
    window_start = max(0, number_start - 160)
    window = text[window_start:number_start]
    matches = list(TYPE_RE.finditer(window))
    last = matches[-1] if matches else None
    if last is None or not NAME_TAIL_RE.match(window, last.end()):
        return number_start, None
    return window_start + last.start(), last.group()


def find_mentions(text: str, own_number: str, names: NamesMap, as_of: date | None) -> list[Mention]:
    mentions: list[Mention] = []
    own_key = number_key(own_number) if own_number else ""
    for match in DOC_NUMBER_RE.finditer(text):
        head, head_type = _head_type(text, match.start())
        start, articles = _articles(text, head)
        target = names.canonical(match.group())
        mentions.append(Mention(start, head, match.end(), target, articles, head_type, number_key(target) == own_key))
    for match in SELF_RE.finditer(text):
        start, articles = _articles(text, match.start())
        if articles and own_number:
            mentions.append(Mention(start, match.start(), match.end(), own_number, articles, match.group("type"), True))
    alias_re = _alias_regex(names.alias_pattern())
    if alias_re is not None:
        for match in alias_re.finditer(text):
            if NUMBER_AFTER_RE.match(text, match.end()):
                continue
            written_date = DATE_AFTER_RE.match(text, match.end())
            issued_on = parse_date(written_date.group()) if written_date else None
            resolved = names.resolve(match.group(), as_of=as_of, issued_on=issued_on)
            if resolved is None:
                continue
            start, articles = _articles(text, match.start())
            type_match = TYPE_RE.match(match.group())
            mentions.append(
                Mention(
                    start,
                    match.start(),
                    match.end(),
                    resolved,
                    articles,
                    type_match.group() if type_match else None,
                    number_key(resolved) == own_key,
                )
            )
    mentions.sort(key=lambda m: (m.start, -m.end))
    # A number inside an alias span, or an alias inside a number mention's head, is one mention.
    kept: list[Mention] = []
    for mention in mentions:
        if kept and mention.head < kept[-1].end and mention.end <= kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _sentence_end(text: str, position: int) -> int:
    match = SENTENCE_END_RE.search(text, position)
    return match.start() if match else len(text)


def _governed(text: str, anchor: int, mentions: list[Mention], limit: int | None = None) -> list[Mention]:
    """Mentions governed from position anchor (just after a verb, or a clause start): the first
    named right there, then those coordinated with it ("X ... và Y", "X, Y") before limit."""
    limit = _sentence_end(text, anchor) if limit is None else limit
    governed: list[Mention] = []
    for mention in mentions:
        if mention.start < anchor or mention.start >= limit:
            continue
        between = text[anchor : mention.start]
        if FIRST_TARGET_GAP_RE.fullmatch(between) if not governed else COORDINATED_RE.search(between):
            governed.append(mention)
            anchor = mention.end
        elif not governed:
            break
    return governed


def _clause_start(text: str, position: int) -> int:
    """Just after the last clause break (., ;, :, newline) before position."""
    return max(text.rfind(mark, 0, position) for mark in ".;:\n") + 1


def _effect_date(text: str, document: Document) -> str | None:
    match = EFFECTIVE_DATE_RE.search(text)
    found = parse_date(match.group()) if match else None
    found = found or document.effective
    return found.isoformat() if found else None


def _relations_for(
    mention: Mention, kind: str, source_article: str | None, when: str | None = None, note: str = ""
) -> list[Relation]:
    if not mention.articles:
        if mention.is_self:
            return []
        return [Relation(kind, mention.target, None, source_article, when, note)]
    return [Relation(kind, mention.target, article, source_article, when, note) for article in mention.articles]


def _typed_mentions(text: str, document: Document, mentions: list[Mention]) -> dict[int, tuple[str, str | None, str]]:
    """id(mention) -> (relation type, date, note) for mentions a statement gives a stronger type than TRICH_DAN."""
    typed: dict[int, tuple[str, str | None, str]] = {}
    for match in DETAILS_RE.finditer(text):
        for mention in _governed_first(text, match.end(), mentions):
            typed[id(mention)] = (QUY_DINH_CHI_TIET, None, "")
    if document.type == "Tin tức":
        return typed  # a report saying "bãi bỏ" changes no law
    for match in REPLACE_VERB_RE.finditer(text):
        if not VERB_OPENS_RE.search(text, max(0, match.start() - 80), match.start()):
            continue
        kind = THAY_THE if match.group("verb").lower() == "thay thế" else BAI_BO
        for mention in _governed(text, match.end(), mentions):
            if not mention.is_self:
                typed[id(mention)] = (kind, _effect_date(text, document), "")
    for phrase in EXPIRES_RE.finditer(text):
        # "Luật ... số 66/2011/QH12 hết hiệu lực kể từ ngày Luật này có hiệu lực": a text of the
        # same type declaring the old one expired is how a law or decree replaces another.
        when = _effect_date(text, document)
        for mention in _governed(text, _clause_start(text, phrase.start()), mentions, limit=phrase.start()):
            if not mention.is_self:
                kind = THAY_THE if mention.head_type and mention.head_type == document.type else BAI_BO
                typed[id(mention)] = (kind, when, "hết hiệu lực theo văn bản này")
    return typed


def _governed_first(text: str, verb_end: int, mentions: list[Mention]) -> list[Mention]:
    """The first text named after "quy định chi tiết/hướng dẫn", skipping "một số điều của" etc."""
    limit = _sentence_end(text, verb_end)
    for mention in mentions:
        if verb_end <= mention.start < limit and not mention.is_self:
            return [mention]
    return []


def _as_of(document: Document) -> date | None:
    return document.issued or document.effective


def extract_citations(document: Document, names: NamesMap | None = None) -> list[Relation]:
    """Relations made by this document's articles (and its title, for what it details)."""
    names = names if names is not None else default_names()
    as_of = _as_of(document)
    relations: list[Relation] = []
    if document.title and TITLE_DETAILS_RE.match(document.title):
        title = nfc(document.title)
        first = [m for m in find_mentions(title, document.number, names, as_of) if not m.is_self][:1]
        for mention in first:
            relations += _relations_for(mention, QUY_DINH_CHI_TIET, None, note="theo tên văn bản")
    for article in document.articles:
        text = nfc(article.text)
        mentions = find_mentions(text, document.number, names, as_of)
        if not mentions:
            continue
        typed = _typed_mentions(text, document, mentions)
        source_article = article.number or None
        for mention in mentions:
            kind, when, note = typed.get(id(mention), (TRICH_DAN, None, ""))
            relations += _relations_for(mention, kind, source_article, when, note)
    return deduplicate(relations)


def extract_preamble_basis(
    lines: list[str], names: NamesMap | None = None, *, own_number: str = "", as_of: date | None = None
) -> list[Relation]:
    """CAN_CU relations from the preamble's "Căn cứ ..." lines (one basis per line, plus any
    coordinated with it; the descriptions that follow a number are not bases)."""
    names = names if names is not None else default_names()
    relations: list[Relation] = []
    for line in lines:
        line = nfc(line).strip()
        opening = re.match(r"Căn cứ\s+", line)
        if not opening:
            continue
        mentions = find_mentions(line, own_number, names, as_of)
        for mention in _governed(line, opening.end(), mentions):
            relations += _relations_for(mention, CAN_CU, None)
    return deduplicate(relations)


# When one source article names the same target article twice, the stronger reading wins:
# "Bãi bỏ Thông tư X ... sửa đổi, bổ sung Thông tư X" is a repeal, not also a citation.
_STRENGTH = {THAY_THE: 0, BAI_BO: 1, QUY_DINH_CHI_TIET: 2, CAN_CU: 3, TRICH_DAN: 4}


def deduplicate(relations: list[Relation]) -> list[Relation]:
    """One relation per (target, target article, source article), the strongest type kept;
    a plain document-level citation is dropped where the same article cites articles of it."""
    best: dict[tuple, Relation] = {}
    for relation in relations:
        key = (number_key(relation.target), relation.target_article, relation.source_article)
        kept = best.get(key)
        if kept is None or _STRENGTH.get(relation.type, 9) < _STRENGTH.get(kept.type, 9):
            best[key] = relation
    with_articles = {(k[0], k[2]) for k, r in best.items() if k[1] is not None and r.type == TRICH_DAN}
    return [r for k, r in best.items() if not (r.type == TRICH_DAN and k[1] is None and (k[0], k[2]) in with_articles)]
