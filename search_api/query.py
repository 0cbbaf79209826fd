"""From what a user types to a `ParsedQuery`: references resolved, abbreviations expanded.

Users type "dieu 32 luat pcmbn", "NĐ 09/2013", "Đ27 luật 66" or "hỗ trợ nạn nhân mbn".
`understand` (search_api/query_intent.py) reads such text into a `QueryIntent`: which known
documents and which article it names, whether it is *only* a reference, and which abbreviations
(search_api/abbreviations.py) it uses. `parse_query` turns that into filters (for a pure
reference: show that document or article) or leaves it for the service to boost with (a
reference plus other words: search, preferring that document), and analyses the text plus the
abbreviation expansions with the same analysis the index used.

User text only ever becomes analysed tokens: no engine syntax is built here.
"""

from __future__ import annotations

from dataclasses import replace

from ingest.analysis import Analysis, analyze_query
from ingest.index_contract import Filters, ParsedQuery
from ingest.textnorm import has_diacritics
from search_api.abbreviations import load_abbreviations
from search_api.query_intent import understand

# load_abbreviations: imported from here by the answer layer (search_api/answering/understand.py).
__all__ = ["load_abbreviations", "parse_query", "query_problem"]

MAX_PAGE_SIZE = 100

EMPTY_QUERY_MESSAGE = (
    "Hãy nhập nội dung cần tìm: từ khóa, số hiệu văn bản (ví dụ 09/2013/NĐ-CP) "
    "hoặc điều luật (ví dụ điều 32 luật PCMBN)."
)
NO_WORDS_MESSAGE = (
    "Câu tìm kiếm không có từ nào để tìm (chỉ có dấu câu hoặc ký hiệu). "
    "Hãy nhập từ khóa, số hiệu văn bản hoặc điều luật."
)


EMPTY_ANALYSIS = Analysis((), (), ())


def parse_query(
    text: str,
    known_documents: list[tuple[str, str, str]],
    *,
    filters: Filters | None = None,
    page: int = 1,
    size: int = 10,
) -> ParsedQuery:
    intent = understand(text, known_documents)
    filters = replace(filters) if filters is not None else Filters()
    if intent.is_reference_only:
        # "NĐ 09/2013", "điều 32 luật PCMBN": show that document / article. Its words would
        # only have to appear in it again, so nothing is searched; the filters browse.
        if not filters.doc_numbers:
            filters.doc_numbers = list(intent.doc_numbers)
            if intent.article_number and not filters.article_number:
                filters.article_number = intent.article_number
        analysis = EMPTY_ANALYSIS
    else:
        # The abbreviation and its expansion are both searched: "mbn" alone rarely occurs in laws.
        analysed_text = " ".join([intent.text, *intent.expanded_terms])
        analysis = analyze_query(analysed_text) if analysed_text.strip() else EMPTY_ANALYSIS
        if not has_diacritics(intent.text):
            # Typed without diacritics: "ban" may mean bán, bàn or ban, so only the folded
            # fields can judge; exact-field hits would favour toneless lookalikes.
            analysis = analysis.without_exact()
    parsed = ParsedQuery(
        text=intent.text,
        analysis=analysis,
        filters=filters,
        page=max(1, int(page)),
        size=min(max(1, int(size)), MAX_PAGE_SIZE),
    )
    # The service reads the intent to boost or narrow within a named document.
    parsed.intent = intent
    return parsed


def query_problem(parsed: ParsedQuery) -> str | None:
    """The Vietnamese message to show instead of results when nothing can be searched, else None."""
    intent = getattr(parsed, "intent", None)
    if parsed.analysis.folded or (intent is not None and intent.is_reference_only):
        return None
    if not parsed.text.strip():
        return EMPTY_QUERY_MESSAGE
    return NO_WORDS_MESSAGE
