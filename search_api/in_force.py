"""Only texts in force on day D (`in_force_on`): one rule for every view that filters by it: search (in the
index, by the window `ingest.index_contract.in_force_window` stores), the document list, the entitlements and
the trace (in Python, by the same window), and one way of saying what the filter hid.

A text counts as in force on D only on positive evidence (status "còn hiệu lực" or "hết hiệu lực" with a known
window containing D); a text whose status is not determined is hidden too, and the notice says how many, so a
reader never takes the filtered view for the whole collection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Protocol, TypeVar

from ingest.index_contract import in_force_window
from ingest.model import Document
from ingest.numbers import number_key
from search_api.governance import replacement_of


def in_force_on(document: Document, day: date) -> bool:
    """The index's filter, in Python: from <= D < until ('' until: open); an unknown window never matches."""
    start, until = in_force_window(document)
    wanted = day.isoformat()
    return bool(start) and start <= wanted and (not until or wanted < until)


class _Link(Protocol):
    source: str  # the detailing text
    target: str  # the text it details


L = TypeVar("L", bound=_Link)


def in_force_links(
    links: list[L], root: str, document_of: Callable[[str], Document | None], day: date
) -> tuple[list[L], list[Document]]:
    """The detailing links (source details target) whose source was in force on `day`, without those under a
    text the filter removed (a circular detailing only a lapsed decree has no place left in a trace from the
    law), and the documents removed."""
    root_key = number_key(root)
    dropped: set[str] = set()
    kept = links
    while True:
        kept = [
            link
            for link in kept
            if (number_key(link.target) == root_key or number_key(link.target) not in dropped)
            and (document := document_of(link.source)) is not None
            and in_force_on(document, day)
        ]
        now_dropped = {number_key(link.source) for link in links} - {number_key(link.source) for link in kept}
        if now_dropped == dropped:
            break
        dropped = now_dropped
    hidden = {number_key(link.source): document_of(link.source) for link in links if number_key(link.source) in dropped}
    return kept, [d for d in hidden.values() if d is not None]


def lapsed_by(document: Document, day: date) -> bool:
    return document.expired is not None and document.expired <= day


def hidden_notice(
    hidden: Iterable[Document],
    day: date,
    document_of: Callable[[str], Document | None],
    lead: str,
    named: int = 3,
    shown: str = "kết quả dưới đây",
) -> str | None:
    """What the filter hid, for a notice: the lapsed texts first (until when, and what replaced them — said
    plainly when the replacement's text is not in the collection), then how many were hidden for want of
    evidence or because they were not yet in force. `lead` opens the sentence on the lapsed texts ("Các văn bản
    khớp nhất với câu tìm"), `shown` names what the view shows; None when nothing was hidden."""
    hidden = list({d.number: d for d in hidden}.values())
    lapsed = [d for d in hidden if lapsed_by(d, day)]
    later = [d for d in hidden if not lapsed_by(d, day) and d.effective is not None and d.effective > day]
    unproven = len(hidden) - len(lapsed) - len(later)
    sentences = []
    if lapsed:
        listed = ", ".join(f"{d.type} {d.number} (hết hiệu lực từ {d.expired:%d/%m/%Y})" for d in lapsed[:named])
        more = f" và {len(lapsed) - named} văn bản khác" if len(lapsed) > named else ""
        sentences.append(f"{lead} đã hết hiệu lực trước ngày {day:%d/%m/%Y} nên bị bộ lọc loại: {listed}{more}.")
        replacements: dict[str, Document | None] = {}
        for document in lapsed:
            found = replacement_of(document, document_of)
            if found and found[0].replaced_by and found[0].replaced_by not in replacements:
                replacements[found[0].replaced_by] = found[1]
        for number, replacement in replacements.items():
            if replacement is None or not replacement.articles:
                sentences.append(
                    f"Văn bản thay thế ({number}) chưa có toàn văn trong kho: {shown} không phải quy định của nó."
                )
            else:
                sentences.append(f"Văn bản thay thế: {replacement.type} {number}.")
    if later:
        sentences.append(f"{len(later)} văn bản chưa có hiệu lực vào ngày {day:%d/%m/%Y} cũng bị loại.")
    if unproven:
        sentences.append(
            f"{unproven} văn bản bị loại vì chưa có bằng chứng còn hiệu lực vào ngày {day:%d/%m/%Y}"
            " (hiệu lực chưa xác định)."
        )
    return " ".join(sentences) or None


def day_from(text: str | None) -> date | None:
    """A page's `in_force_on` parameter: a valid YYYY-MM-DD, else None (ignored on a page rather than an error;
    the JSON API answers 422 instead)."""
    text = (text or "").strip()[:10]
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
