"""Check stage: the question's key concept is one the collection does not hold.

Word overlap alone answers "Nạn nhân trở về muốn xin cấp sổ đỏ thì thủ tục thế nào?" with a procedure
for victims: every other word of it is the collection's own ("thủ tục", "nạn nhân", "trở về"). What
it asks for — a land-use certificate — is named in no text. Two checks, both read from the collection,
so they stop declining as soon as the collection gains the text:

1. **A subject governed by a kind of text the collection lacks.** An administrative fine is fixed by a
   decree on administrative sanctions ("Nghị định ... quy định xử phạt vi phạm hành chính ..."), never
   by the Criminal Code's fines or the prevention law's prohibitions. When the question asks about one
   ("phạt hành chính", or a business fined with no crime named) and no text of the collection (with its
   text, not a catalogue stub) has such a title, the answer would quote something else.
2. **The paper asked for is named nowhere in the answer.** "xin cấp X", "gia hạn X", "cấp lại X": the
   object X (its first two syllables, as typed) is what the question is about. When fewer than
   RARE_UNITS units of the collection use X and none of them is in an article the answer would quote,
   the collection speaks of X only elsewhere, never on the question's matter. Judged on the spelling
   typed, so only for questions typed with diacritics: folded, "so do" is "sổ đỏ" and "số đỏ" alike.

A subject the collection does hold is not declined however rare its word: "thị thực" is in 01/2014
Điều 9 (exit visas and temporary stay for foreign victims), so visa questions go to the scorer (a
visa rule in the first check added a false decline on heldout2 and was dropped).
The decline says what the collection lacks and where the term does occur; the nearest articles are
listed by the pipeline as for any decline.
"""

from __future__ import annotations

import heapq
import itertools
import re

from ingest.terms import unit_texts
from ingest.textnorm import fold, nfc
from search_api.answering.compose import is_offence
from search_api.answering.evidence import Evidence, is_news, is_stub
from search_api.answering.off_collection_subjects import (  # noqa: F401 (Subject: re-exported)
    DENIED_CRIMINAL,
    SUBJECTS,
    Subject,
)
from search_api.answering.terms import folded
from search_api.answering.transition import CONTINUES
from search_api.corpus_store import CorpusStore, Snapshot

# "xin cấp X", "gia hạn X", "cấp lại X", "làm thủ tục cấp X": X is the paper asked for. ("trợ cấp" is an
# allowance and "cấp tỉnh" a level, not issuing.)
_OBJECT = re.compile(
    r"(?<!\w)(?:xin cấp(?: lại| đổi| mới)?|cấp lại|cấp đổi|gia hạn|(?:xin )?làm lại|(?:thủ tục|hồ sơ|đề nghị) cấp)"
    r" (?P<object>[^\W\d_]+ [^\W\d_]+)"
)
RARE_UNITS = 5  # used this rarely in the whole collection, and nowhere in the evidence: elsewhere only
# Words after "cấp"/"gia hạn" that start no paper's name: levels ("cấp tỉnh") and the question's own words
# ("xin cấp lại cần những giấy tờ gì", "gia hạn thì phải làm gì", "cấp lại mất bao lâu"), and prepositions
# ("cấp lại theo NĐ 144/2017": the rule it goes by, not a paper).
_NOT_A_PAPER = frozenset(
    "tỉnh huyện xã trung cơ bộ có cho các những một lại cần phải thì mất ở như được gì bao mấy khi sao thế ai "
    "làm nộp hết theo tại trong với từ đến của".split()
)


def _titles_govern(store: CorpusStore, position: int) -> bool:
    """Does a text of the collection (with its text, not news) have the title SUBJECTS[position] needs?
    Judged once per state of the index: the scan of every title cost each such question 9 ms at 100x."""

    def scan(snapshot: Snapshot) -> bool:
        title = SUBJECTS[position].title
        return any(
            title.search(folded(d.title)) and not is_stub(d) and not is_news(d) for d in snapshot.documents.values()
        )

    return store.derived(f"titles_govern:{position}", scan)


def _lower_units(snapshot: Snapshot) -> list[tuple[str, str, str, str]]:
    """(document type, number, article, lower-case text) of every unit of a normative text."""
    units = []
    for document in snapshot.documents.values():
        if is_news(document):
            continue
        for article in document.articles:
            for text in unit_texts(article):
                units.append((document.type, document.number, article.number, nfc(text).lower()))
    return units


class UnitWords:
    """The units of _lower_units, found by the words they use: which units use a spelling, in the
    collection's order, without a regular expression over every unit (6 s a question at 100x, where
    730,000 units were scanned). Each distinct text is kept once with the units that have it (the
    generated 100x collection repeats its texts), and each word points to the texts using it."""

    def __init__(self, units: list[tuple[str, str, str, str]]):
        self.places: list[tuple[str, str, str]] = []  # unit -> (document type, number, article)
        self.texts: list[str] = []  # distinct lower-case texts
        self.units_of: list[list[int]] = []  # text -> its units, ascending
        self.postings: dict[str, list[int]] = {}  # word -> texts using it, ascending
        ids: dict[str, int] = {}
        for unit, (doc_type, number, article, text) in enumerate(units):
            self.places.append((doc_type, number, article))
            text_id = ids.get(text)
            if text_id is None:
                text_id = ids[text] = len(self.texts)
                self.texts.append(text)
                self.units_of.append([])
                for word in set(_WORD.findall(text)):
                    self.postings.setdefault(word, []).append(text_id)
            self.units_of[text_id].append(unit)

    def using(self, spellings: tuple[str, ...], limit: int) -> list[tuple[str, str, str]]:
        """The first `limit` units (in the collection's order) using one of the spellings as whole words:
        what `(?<!\\w)(?:spelling|...)(?!\\w)` finds. A text using a spelling has each of its words as a
        whole word, so only the texts of its rarest word are read."""
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in spellings) + r")(?!\w)")
        candidates: set[int] = set()
        for spelling in spellings:
            words = _WORD.findall(spelling)
            if not words:
                candidates = set(range(len(self.texts)))
                break
            postings: list[list[int]] = [self.postings.get(w, []) for w in words]
            rarest: list[int] = min(postings, key=len)
            candidates.update(rarest)
        found = (self.units_of[t] for t in candidates if pattern.search(self.texts[t]))
        return [self.places[u] for u in heapq.nsmallest(limit, itertools.chain.from_iterable(found))]


_WORD = re.compile(r"\w+")


def unit_words(store: CorpusStore) -> UnitWords:
    return store.derived("unit_words", lambda snapshot: UnitWords(_lower_units(snapshot)))


def asked_object(text: str) -> str:
    """The paper a question asks to be issued or extended ("thị thực" of "xin cấp thị thực"), as typed."""
    text = nfc(text)
    match = _OBJECT.search(text.lower())
    if not match:
        return ""
    words = match.group("object").split()
    typed = text[match.start("object") : match.end("object")].split()[0]
    if len(typed) >= 2 and typed.isupper():
        return ""  # "gia hạn GP cơ sở": an abbreviation ("GP", giấy phép) is spelt out by the understanding
    return "" if words[0] in _NOT_A_PAPER else " ".join(words)


def _where(units: list[tuple[str, str, str]]) -> str:
    places = list(dict.fromkeys(f"Điều {a} {t} {n}" for t, n, a in units))
    return ", ".join(places[:3])


def asked_concepts(question) -> tuple[str, ...]:
    """The spellings (with diacritics) of what the question asks to obtain, or ()."""
    if question.without_diacritics:
        return ()  # a folded object ("so do") says too little: "sổ đỏ" and "số đỏ" alike
    term = asked_object(question.text)
    return (term,) if term and fold(term) != term else ()


# "có được trợ giúp pháp lý để làm thủ tục hộ khẩu, hộ tịch không": the question asks for help with a
# procedure, not the procedure itself; the prevention texts do grant that help ("trợ giúp làm thủ tục đăng ký
# hộ khẩu, hộ tịch", 09/2013/NĐ-CP Điều 22 khoản 2), so the subject's own law is not what it needs.
_ASKS_HELP = re.compile(r"(?<!\w)duoc (?:\w+ ){0,2}(?:tro giup|ho tro|giup)(?!\w)")
_HELP_WITH = r"(?<!\w)(?:tro giup|ho tro|giup)(?: \w+){0,6} "


def _helped_subjects(units: UnitWords) -> frozenset[int]:
    """The SUBJECTS (by position) some normative unit of the collection offers help with."""
    texts = [folded(text) for text in units.texts]
    helped = set()
    for position, subject in enumerate(SUBJECTS):
        if subject.question.pattern.startswith("^"):
            continue  # a whole-question shape (a business fined), not a subject one can be helped with
        pattern = re.compile(_HELP_WITH + subject.question.pattern)
        if any(pattern.search(text) for text in texts):
            helped.add(position)
    return frozenset(helped)


def _helped(store: CorpusStore) -> frozenset[int]:
    units = unit_words(store)  # (built before the lock that building a view holds)
    return store.derived("helped_subjects", lambda _snapshot: _helped_subjects(units))


_ASKS_SUM = re.compile(r"(?<!\w)(?:bao nhieu tien|muc phat|phat bao nhieu|so tien)(?!\w)")
_SUM = re.compile(r"\d[\d.]*\s*đồng")


def _sum_unstated(question, lead) -> bool:
    """ "mức phạt hành chính ... lần đầu là bao nhiêu tiền": a sum asked, which the clause speaking of the subject does
    not state (Điều 347 BLHS names an earlier administrative sanction as a condition of the offence; an outside reader
    was given its prison range as the fine)."""
    # (an offence's "phạt tiền từ 5.000.000 đồng" is the Code's fine for the crime, not the administrative fine asked)
    return bool(_ASKS_SUM.search(question.folded)) and (not _SUM.search(lead.text) or is_offence(lead))


# An asking sentence this long says what is asked; a subject named only in the story before it is background ("Năm nay
# anh ta lại cấp giấy khai sinh sai năm sinh ... Theo BLHS anh ta bị xử lý thế nào?" asks a penalty, not a birth
# registration). Measured on the thirty-one development sets (session 29): 8 false declines answered on each backend,
# 3 with the fact first, no unanswerable question answered; from 8 words, one was.
ASKING_WORDS = 12


def _told_only_in_the_story(question, subject: Subject) -> bool:
    words = question.asking_words
    return bool(question.asking_terms) and len(words.split()) >= ASKING_WORDS and not subject.question.search(words)


def off_collection(evidence: Evidence, quotes: list, store: CorpusStore) -> str:
    """Why the collection cannot answer this question's key concept, or "" (quotes: what would be quoted)."""
    question = evidence.question
    for position, subject in enumerate(SUBJECTS):
        if subject.question.search(question.folded) and not _titles_govern(store, position):
            if _told_only_in_the_story(question, subject):
                continue
            if (
                subject.spelled
                and not question.without_diacritics
                and not subject.spelled.search(question.text.lower())
            ):
                continue
            if subject.unless and subject.unless.search(DENIED_CRIMINAL.sub(" ", question.folded)):
                continue  # "đã bị phạt hành chính mà vẫn tái phạm thì bị xử lý hình sự thế nào": the Code's
            if _ASKS_HELP.search(question.folded) and position in _helped(store):
                continue
            if subject.quote_may_answer and any(subject.question.search(folded(q.article.title)) for q in quotes):
                continue  # "Quyền được khai sinh và có quốc tịch" (Luật Trẻ em Điều 13): a right the collection states
            lead = folded(quotes[0].text) if quotes else ""
            if (
                quotes
                and subject.quote_may_answer
                and subject.question.search(lead)
                and not _sum_unstated(question, quotes[0])
                and (question.asks_transition or not CONTINUES.search(lead))
            ):
                # the first quote itself speaks of it: the scorer and the check decide — unless it only says which
                # rule a matter begun earlier continues under ("hồ sơ đăng ký khai sinh ... tiếp tục được giải quyết
                # theo quy định của Thông tư số 04/2020", an outside reader's birth registration, session 17)
                continue
            return subject.message
    spellings = asked_concepts(question)
    if not spellings:
        return ""
    using = unit_words(store).using(spellings, limit=RARE_UNITS)
    if len(using) >= RARE_UNITS:
        return ""  # the collection speaks of it: the scorer decides whether a clause answers
    quoted = {(q.document.number, q.article.number) for q in quotes}
    if any((n, a) in quoted for _, n, a in using):
        return ""  # the answer quotes an article that speaks of it
    term = spellings[0]
    found = f" Kho văn bản chỉ nhắc đến “{term}” tại {_where(using)}, không phải về việc được hỏi." if using else ""
    return f"Kho văn bản không có quy định về việc cấp “{term}” được hỏi.{found}"
