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
from dataclasses import dataclass

from ingest.terms import unit_texts
from ingest.textnorm import fold, nfc
from search_api.answering.evidence import Evidence, is_news, is_stub
from search_api.answering.terms import folded
from search_api.corpus_store import CorpusStore, Snapshot

# A count of cases or victims over a period or a territory: statistics, which laws do not hold (news may).
_COUNT_ASKED = re.compile(
    r"(?<!\w)bao nhieu (?:vu|nan nhan|duong day|truong hop|doi tuong|nguoi bi (?:mua ban|ban|lua ban))(?!\w)"
    r"(?=.*(?<!\w)(?:nam (?:19|20)\d\d|ca nuoc|toan quoc|hang nam|moi nam|trong nam|gan day|hien nay)(?!\w))"
    r"|(?<!\w)(?:nam (?:19|20)\d\d|ca nuoc|toan quoc)(?!\w).*(?<!\w)bao nhieu "
    r"(?:vu|nan nhan|duong day|truong hop|doi tuong|nguoi bi (?:mua ban|ban|lua ban))(?!\w)"
)
_STATISTICS_TITLE = re.compile(r"(?<!\w)(?:so lieu|thong ke)(?!\w)")
_STATISTICS_MESSAGE = (
    "Câu hỏi hỏi một số liệu thống kê (số vụ, số nạn nhân); các văn bản pháp luật trong kho không nêu số liệu "
    "thống kê, nên không trả lời được bằng một điều khoản."
)


@dataclass(frozen=True)
class Subject:
    question: re.Pattern[str]  # on the folded question
    title: re.Pattern[str]  # on the folded title of a text that governs it
    message: str
    # on the folded question without its denials ("chưa đến mức truy cứu hình sự"): it asks something else
    unless: re.Pattern[str] | None = None


_SANCTIONS_TITLE = re.compile(r"(?<!\w)xu phat vi pham hanh chinh(?!\w)")
_FINE_MESSAGE = (
    "Mức phạt vi phạm hành chính do nghị định xử phạt vi phạm hành chính quy định; "
    "kho văn bản chưa có nghị định xử phạt nào, nên không trả lời được mức phạt này."
)
# A business fined ("quán karaoke ... bị xử phạt bao nhiêu", "cơ sở lưu trú không thông báo ... bị phạt
# tiền bao nhiêu"): an establishment is fined administratively — the Criminal Code answers for people who
# commit a crime, and a question naming one says so ("phạm tội", "tội mua bán", "phạt tù", "hình sự").
_ESTABLISHMENT = (
    r"(?:co so (?:kinh doanh|luu tru|dich vu|massage|karaoke)|quan (?:karaoke|bar|hat|nhau|massage|ca phe|cafe)"
    r"|nha nghi|nha hang|khach san|doanh nghiep|cong ty|chu (?:quan|nha nghi|khach san|co so))"
)
_FINE = r"(?:xu phat|phat tien|phat bao nhieu|bi phat(?! tu))"
_CRIMINAL = r"(?:pham toi|toi mua ban|toi danh|phat tu|hinh su|truy cuu|chung than|tu hinh)"
_DENIED_CRIMINAL = re.compile(
    rf"(?<!\w)(?:chua|khong|chang)(?: \w+){{0,4}}? {_CRIMINAL}(?: (?:trach nhiem )?hinh su)?(?!\w)"
)

# Civil status (a birth registered again, a marriage) is governed by the Law on Civil Status and its decrees;
# a foreigner's residence card by the law on foreigners' entry, exit and residence. The prevention texts only
# say a child has the right to a birth registration and a foreign victim gets an exit visa.
_CIVIL_STATUS_TITLE = re.compile(r"^(?:luat )?ho tich(?!\w)|(?<!\w)luat ho tich(?!\w)")
_CIVIL_STATUS_MESSAGE = (
    "Việc đăng ký hộ tịch (khai sinh, khai tử, kết hôn …) do Luật Hộ tịch và các văn bản hướng dẫn quy định; "
    "kho văn bản chưa có các văn bản này."
)
_RESIDENCE_TITLE = re.compile(r"(?<!\w)cu tru cua nguoi nuoc ngoai(?!\w)")
_RESIDENCE_MESSAGE = (
    "Thẻ tạm trú, thẻ thường trú của người nước ngoài do Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người "
    "nước ngoài tại Việt Nam quy định; kho văn bản chưa có luật này (chỉ có thị thực xuất cảnh cho nạn nhân là "
    "người nước ngoài khi đưa về nước, Điều 9 Thông tư liên tịch 01/2014)."
)

# A treaty ("Hiệp định giữa Việt Nam và Trung Quốc về ...") binds by its own text; the domestic texts on
# receiving victims say what Vietnamese bodies do, not what the treaty agreed.
# ("thỏa thuận bảo mật thông tin" in a precedent's title is a contract, not a treaty)
_TREATY_TITLE = re.compile(r"(?<!\w)(?:hiep dinh|dieu uoc quoc te|thoa thuan (?:song phuong|hop tac|giua))(?!\w)")
_TREATY_MESSAGE = (
    "Kho văn bản chưa có hiệp định, thỏa thuận quốc tế nào (kể cả các hiệp định song phương về hợp tác phòng, "
    "chống mua bán người); các văn bản trong nước có trong kho chỉ quy định việc các cơ quan Việt Nam xác minh, "
    "tiếp nhận, trao trả nạn nhân, không phải nội dung của hiệp định."
)

# How long a suspect may be held is the Criminal Procedure Code's (not in the collection; 41/2017/QH14 only
# names it in its title, hence the title must be the Code's own).
_PROCEDURE_CODE_TITLE = re.compile(r"^(?:bo luat )?to tung hinh su(?!\w)")
_DETENTION_MESSAGE = "Thời hạn tạm giữ, tạm giam do Bộ luật Tố tụng hình sự quy định; kho văn bản chưa có bộ luật này."

# Appeal periods ("có bao nhiêu ngày để kháng cáo") are the procedure codes' (neither is in the collection).
_PROCEDURE_CODES_TITLE = re.compile(r"^(?:bo luat )?to tung (?:hinh su|dan su)(?!\w)")
_APPEAL_MESSAGE = (
    "Thời hạn kháng cáo, kháng nghị bản án do Bộ luật Tố tụng hình sự (vụ án hình sự) và Bộ luật Tố tụng dân sự "
    "quy định; kho văn bản chưa có các bộ luật này."
)
_APPEAL = r"khang (?:cao|nghi)"
_HOW_LONG = r"(?:bao lau|may ngay|bao nhieu ngay|thoi han|han chot|trong vong)"

# Taxes, nationality and passports each have their own law, none of which the collection holds: the
# prevention texts grant allowances (not their tax treatment), protect stateless persons (not naturalise them)
# and have a mission issue papers to bring a victim home (not re-issue a passport).
_TAX_TITLE = re.compile(r"(?<!\w)(?:thue thu nhap|quan ly thue)(?!\w)")
_TAX_MESSAGE = (
    "Việc chịu thuế, miễn thuế thu nhập cá nhân do Luật Thuế thu nhập cá nhân và các văn bản hướng dẫn quy định; "
    "kho văn bản chưa có các văn bản này."
)
_NATIONALITY_TITLE = re.compile(r"(?<!\w)(?:luat quoc tich|^quoc tich viet nam)(?!\w)")
_NATIONALITY_MESSAGE = (
    "Việc nhập, trở lại hoặc thôi quốc tịch Việt Nam do Luật Quốc tịch Việt Nam quy định; kho văn bản chưa có luật này."
)
_PASSPORT_TITLE = re.compile(r"(?<!\w)(?:xuat canh, nhap canh cua cong dan|luat xuat canh)(?!\w)")
_PASSPORT_MESSAGE = (
    "Việc cấp, cấp lại hộ chiếu (thời hạn, lệ phí) do Luật Xuất cảnh, nhập cảnh của công dân Việt Nam và các văn "
    "bản hướng dẫn quy định; kho văn bản chưa có các văn bản này."
)

# A province's own rate is set by its People's Council (a local resolution, "... trên địa bàn tỉnh/thành
# phố ..."); the national texts only fix the floor.
_LOCAL_TITLE = re.compile(r"(?<!\w)tren dia ban (?:tinh|thanh pho)(?!\w)")
_LOCAL_MESSAGE = (
    "Mức hỗ trợ riêng của một tỉnh, thành phố do nghị quyết của Hội đồng nhân dân tỉnh, thành phố đó quy định; "
    "kho văn bản chưa có nghị quyết địa phương nào (chỉ có mức tối thiểu chung của các văn bản trung ương)."
)
# A deposit paid to a labour-export company is the law on workers going abroad under contract.
_WORKERS_ABROAD_TITLE = re.compile(r"(?<!\w)nguoi lao dong viet nam di lam viec o nuoc ngoai(?!\w)")
_WORKERS_ABROAD_MESSAGE = (
    "Tiền ký quỹ, tiền dịch vụ và Quỹ Hỗ trợ việc làm ngoài nước của người đi làm việc ở nước ngoài theo hợp đồng "
    "do Luật Người lao động Việt Nam đi làm "
    "việc ở nước ngoài theo hợp đồng và các văn bản hướng dẫn quy định; kho văn bản chưa có toàn văn các văn bản này."
)

# Enforcing a judgment's civil part (time limits, the request) is the Law on Enforcement of Civil Judgments';
# social housing the Law on Housing's; an employer's pay for days off the Labour Code's. The prevention texts
# grant support regimes, none of which is a wage, a house or an enforcement procedure.
_ENFORCEMENT_TITLE = re.compile(r"(?<!\w)thi hanh an dan su(?!\w)")
_ENFORCEMENT_MESSAGE = (
    "Việc yêu cầu thi hành bản án (thời hiệu, đơn yêu cầu, cưỡng chế bồi thường) do Luật Thi hành án dân sự quy "
    "định; kho văn bản chưa có luật này."
)
_HOUSING_TITLE = re.compile(r"^(?:luat )?nha o(?!\w)|(?<!\w)nha o xa hoi(?!\w)")
_HOUSING_MESSAGE = (
    "Đối tượng được mua, thuê nhà ở xã hội do Luật Nhà ở và các văn bản hướng dẫn quy định; kho văn bản chưa có "
    "các văn bản này (các chế độ hỗ trợ nạn nhân trong kho không gồm nhà ở xã hội)."
)
_LABOUR_TITLE = re.compile(r"^(?:bo luat )?lao dong(?!\w)")
_WAGES_MESSAGE = (
    "Tiền lương của người lao động trong những ngày nghỉ việc (kể cả khi làm việc với cơ quan tố tụng) do Bộ luật "
    "Lao động và Bộ luật Tố tụng hình sự quy định; kho văn bản chưa có các bộ luật này."
)

SUBJECTS = (
    Subject(
        re.compile(r"(?<!\w)(?:yeu cau|don|thoi hieu|thoi han) (?:\w+ ){0,2}thi hanh an(?!\w)"),
        _ENFORCEMENT_TITLE,
        _ENFORCEMENT_MESSAGE,
    ),
    Subject(re.compile(r"(?<!\w)nha o xa hoi(?!\w)"), _HOUSING_TITLE, _HOUSING_MESSAGE),
    Subject(
        re.compile(
            r"(?<!\w)(?:cong ty|doanh nghiep|chu (?:lao dong|su dung|xuong|nha may)|nguoi su dung lao dong|xi nghiep)"
            r"(?: \w+){0,6}? (?:tra|tru|cat) (?:\w+ ){0,2}luong(?!\w)"
        ),
        _LABOUR_TITLE,
        _WAGES_MESSAGE,
    ),
    Subject(
        re.compile(r"(?<!\w)(?:nghi quyet (?:\w+ ){0,2}hoi dong nhan dan|hoi dong nhan dan (?:tinh|thanh pho))(?!\w)"),
        _LOCAL_TITLE,
        _LOCAL_MESSAGE,
    ),
    # (and the fund supporting them, "Quỹ Hỗ trợ việc làm ngoài nước": an outside reader's question was answered with a
    # Criminal Code fine)
    Subject(
        re.compile(r"(?<!\w)(?:(?:tien )?ky quy|quy ho tro viec lam ngoai nuoc)(?!\w)"),
        _WORKERS_ABROAD_TITLE,
        _WORKERS_ABROAD_MESSAGE,
    ),
    Subject(
        re.compile(r"(?<!\w)(?:thue thu nhap|(?:nop|chiu|dong|mien|tinh|khau tru) thue)(?!\w)"),
        _TAX_TITLE,
        _TAX_MESSAGE,
    ),
    Subject(re.compile(r"(?<!\w)(?:nhap|xin|thoi|tro lai) quoc tich(?!\w)"), _NATIONALITY_TITLE, _NATIONALITY_MESSAGE),
    Subject(
        re.compile(r"(?<!\w)(?:(?:cap lai|lam lai|xin cap|cap moi|gia han|cap doi) (?:\w+ ){0,2}ho chieu)(?!\w)"),
        _PASSPORT_TITLE,
        _PASSPORT_MESSAGE,
    ),
    Subject(
        re.compile(rf"(?<!\w)(?:{_APPEAL}(?: \w+){{0,6}}? {_HOW_LONG}|{_HOW_LONG}(?: \w+){{0,6}}? {_APPEAL})(?!\w)"),
        _PROCEDURE_CODES_TITLE,
        _APPEAL_MESSAGE,
    ),
    Subject(re.compile(r"(?<!\w)(?:hiep dinh|thoa thuan song phuong)(?!\w)"), _TREATY_TITLE, _TREATY_MESSAGE),
    Subject(
        re.compile(
            r"(?<!\w)(?:thoi han tam (?:giam|giu)|tam (?:giam|giu)(?: \w+){0,6}? "
            r"(?:bao lau|toi da|may thang|may ngay|bao nhieu ngay))(?!\w)"
        ),
        _PROCEDURE_CODE_TITLE,
        _DETENTION_MESSAGE,
    ),
    Subject(
        re.compile(r"(?<!\w)(?:(?:giay )?khai sinh|ho tich|trich luc|khai tu|dang ky ket hon)(?!\w)"),
        _CIVIL_STATUS_TITLE,
        _CIVIL_STATUS_MESSAGE,
    ),
    Subject(re.compile(r"(?<!\w)the (?:tam tru|thuong tru)(?!\w)"), _RESIDENCE_TITLE, _RESIDENCE_MESSAGE),
    # "Năm 2025 cả nước tiếp nhận bao nhiêu nạn nhân", "năm 2024 phát hiện bao nhiêu vụ": a count, which no legal
    # text states (an outside reader's question was answered with 01/2014's verification steps)
    Subject(_COUNT_ASKED, _STATISTICS_TITLE, _STATISTICS_MESSAGE),
    # (the Criminal Code's fines and the prevention law's prohibitions do not state an administrative fine;
    # "đã bị phạt hành chính mà vẫn tái phạm ... xử lý hình sự thế nào" tells the past and asks the Code)
    Subject(
        re.compile(r"(?<!\w)(?:phat|xu phat|vi pham) hanh chinh(?!\w)"),
        _SANCTIONS_TITLE,
        _FINE_MESSAGE,
        unless=re.compile(rf"(?<!\w){_CRIMINAL}(?!\w)"),
    ),
    Subject(
        re.compile(rf"^(?!.*(?<!\w){_CRIMINAL}(?!\w))(?=.*(?<!\w){_ESTABLISHMENT}(?!\w)).*(?<!\w){_FINE}(?!\w)"),
        _SANCTIONS_TITLE,
        _FINE_MESSAGE,
    ),
)

# "xin cấp X", "gia hạn X", "cấp lại X", "làm thủ tục cấp X": X is the paper asked for. ("trợ cấp" is an
# allowance and "cấp tỉnh" a level, not issuing.)
_OBJECT = re.compile(
    r"(?<!\w)(?:xin cấp(?: lại| đổi| mới)?|cấp lại|cấp đổi|gia hạn|(?:thủ tục|hồ sơ|đề nghị) cấp)"
    r" (?P<object>[^\W\d_]+ [^\W\d_]+)"
)
RARE_UNITS = 5  # used this rarely in the whole collection, and nowhere in the evidence: elsewhere only
# Words after "cấp"/"gia hạn" that start no paper's name: levels ("cấp tỉnh") and the question's own words
# ("xin cấp lại cần những giấy tờ gì", "gia hạn thì phải làm gì", "cấp lại mất bao lâu").
_NOT_A_PAPER = frozenset(
    "tỉnh huyện xã trung cơ bộ có cho các những một lại cần phải thì mất ở như được gì bao mấy khi sao thế ai "
    "làm nộp hết".split()
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


def off_collection(evidence: Evidence, quotes: list, store: CorpusStore) -> str:
    """Why the collection cannot answer this question's key concept, or "" (quotes: what would be quoted)."""
    question = evidence.question
    for position, subject in enumerate(SUBJECTS):
        if subject.question.search(question.folded) and not _titles_govern(store, position):
            if subject.unless and subject.unless.search(_DENIED_CRIMINAL.sub(" ", question.folded)):
                continue  # "đã bị phạt hành chính mà vẫn tái phạm thì bị xử lý hình sự thế nào": the Code's
            if _ASKS_HELP.search(question.folded) and position in _helped(store):
                continue
            if any(subject.question.search(folded(q.article.title)) for q in quotes):
                continue  # "Quyền được khai sinh và có quốc tịch" (Luật Trẻ em Điều 13): a right the collection states
            if quotes and subject.question.search(folded(quotes[0].text)):
                continue  # the first quote itself speaks of it: the scorer and the check decide
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
