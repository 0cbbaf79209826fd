"""The answer scorer's corpus vocabulary: folded syllables and folded bigrams of each quotable unit.

The index's analysis (ingest.analysis) runs underthesea to find words, then splits them into
syllables; the folded syllables and their bigrams do not depend on where word boundaries
fall. The corpus side therefore splits on white space after the same protected spans
(document numbers, dates, article references, numbers), giving the same folded syllables
without the segmenter. It lives in ingest because ingest counts these terms per document and
stores the counts (ingest.answer_data); the answer layer (search_api.answering.terms) uses the
same functions for its questions, so index and query agree on every term.
"""

from __future__ import annotations

from functools import lru_cache

from ingest.analysis import _NON_WORD, _PROTECTED_RE, _protected_token
from ingest.textnorm import fold, nfc

# Function words of questions: they say *what kind* of answer is wanted, never *where* it is.
_QUESTION_WORDS_TEXT = (
    "gì nào bao nhiêu không có được thì là ai sao như thế những các cho của và hay hoặc vậy ạ nhỉ "
    "muốn biết cần phải bị đã một với khi nếu mà ở đâu việc theo quy tôi em anh chị "
    # (only words whose folded form is no other word: "còn" folds onto "con", "lúc" onto "lực")
    "thêm nữa liệu nhé"
)
# ("quy" stays a question word, so "theo quy định" names nothing; "định" alone does not: it is half of
# "quyết định", "thẩm định", "xác định", which name what a clause is about.)
QUESTION_WORDS = frozenset(fold(w) for w in _QUESTION_WORDS_TEXT.split())


def fast_folded(text: str) -> tuple[str, ...]:
    """Folded syllables of text as ingest.analysis.analyze gives them, without segmentation."""
    text = nfc(text)
    syllables: list[str] = []
    position = 0

    def plain(span: str) -> None:
        for token in _NON_WORD.split(span.lower()):
            if token:
                syllables.append(token)

    for match in _PROTECTED_RE.finditer(text):
        plain(text[position : match.start()])
        token = _protected_token(match.lastgroup or "", match.group())
        if token:
            syllables.append(token)
        position = match.end()
    plain(text[position:])
    return tuple(_fold_syllable(s) for s in syllables)


@lru_cache(maxsize=65536)
def _fold_syllable(syllable: str) -> str:
    # A few thousand distinct syllables make up the corpus: fold each once.
    return fold(syllable)


@lru_cache(maxsize=32768)
def unit_terms(text: str) -> frozenset[str]:
    """Content syllables and all bigrams of a unit of the corpus (folded)."""
    folded = fast_folded(text)
    bigrams = {f"{a}_{b}" for a, b in zip(folded, folded[1:], strict=False)}
    return frozenset(t for t in folded if t not in QUESTION_WORDS) | frozenset(bigrams)


def unit_texts(article) -> list[str]:
    """The quotable units of an article as the scorer sees them: clauses, points, or the body."""
    if not article.units:
        return [article.text]
    texts = []
    for clause in article.units:
        texts.append(clause.text)
        texts.extend(point.text for point in clause.children)
    return texts
