"""Thresholds of criminal liability: "trộm tài sản trị giá bao nhiêu thì mới bị truy cứu trách nhiệm hình sự",
"đánh bạc được thua bao nhiêu tiền thì mới bị truy cứu hình sự".

The answer is the first khoản of the offence the question names: it sets the value, proceeds or earlier sanction from
which the act is a crime. Read by words alone, such questions were answered from whatever shared "trị giá" and
"truy cứu" (a wildlife guidance for a theft) or declined when a story diluted them (heldout34: gambling, theft;
heldout31: breach of trust).
"""

from __future__ import annotations

import re

from ingest.model import Article, Document
from search_api.answering import models as m
from search_api.answering.evidence import article_candidates
from search_api.answering.limitation import criminal_code
from search_api.answering.offence_names import name_said_as_phrase, name_stated, offence_names
from search_api.answering.quote_labels import short_label
from search_api.answering.terms import folded
from search_api.corpus_store import CorpusStore

# "bao nhiêu (tiền) thì (mới) bị truy cứu", "từ bao nhiêu tiền trở lên mới đủ để truy cứu tội …", "mức nào thì bị đi
# tù": how much makes the act a crime (not "bị phạt tù bao nhiêu năm", the sentence once it is one)
ASKS_THRESHOLD = re.compile(
    r"(?<!\w)(?:bao nhieu|muc nao|den dau)(?: \w+){0,8}? (?:thi|moi)(?: \w+){0,4}? "
    r"(?:truy cuu|xu ly hinh su|pham toi|bi tu|di tu)(?!\w)"
)
# the sum the first khoản sets: "trị giá từ 2.000.000 đồng", "được thua bằng tiền hay hiện vật trị giá từ 5.000.000
# đồng đến dưới 50.000.000 đồng" (not its fine: "phạt tiền từ 20.000.000 đồng đến 200.000.000 đồng")
_SUM = re.compile(r"(?<!phạt tiền )từ [\d.]+ đồng(?: đến dưới [\d.]+ đồng)?")


def threshold_quotes(question: m.Question, store: CorpusStore) -> tuple[list[m.Candidate], str | None] | None:
    """The named offence's first khoản (and a summary of the sum it sets); None when the question asks no threshold
    or names no offence (the ranked answer then stands)."""
    if not ASKS_THRESHOLD.search(question.folded):
        return None
    code = criminal_code(store)
    if code is None:
        return None
    # the asking sentence's offence before the story's ("bị ép đi làm" is told, "đánh bạc" asked)
    article = _named_offence(store, code, folded(question.asking_text)) or _named_offence(store, code, question.folded)
    if article is None:
        return None
    first = next((c for c in article_candidates(code, article, 0) if c.kind == "khoan" and c.number == "1"), None)
    if first is None:
        return None
    first.reasons.append("threshold of the named offence")
    stated = _SUM.search(first.text)
    if stated is None:
        return [first], None
    return [first], f"{article.title}: {stated.group(0)} — khoản 1 Điều {article.number} {short_label(code)}"


def _named_offence(store: CorpusStore, code: Document, words: str) -> Article | None:
    """Of the offences whose name the words say (OffenceNames.named), the one they say most of, then most of in order
    ("trộm … tài sản" names "Tội trộm cắp tài sản" over "Tội cướp tài sản", which it says less of)."""
    if not words:
        return None
    asked = set(words.split())
    named = [a for d, a in offence_names(store).named(asked) if d.number == code.number]
    return max(named, key=lambda a: (name_stated(a.title, asked), name_said_as_phrase(a.title, words)), default=None)
