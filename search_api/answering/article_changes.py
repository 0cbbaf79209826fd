"""Whether an article the question names has been amended, and into what, from the amending text's own clause:
"bản BLHS 2015 gốc, Đ359 k3 điểm a ghi 'từ 05 giấy tờ giả'. Con số này hiện còn hiệu lực không hay đã bị Luật
12/2017/QH14 thay? Thay bằng bao nhiêu?" is answered by 12/2017/QH14 Điều 2 khoản 2 điểm t ("Thay thế cụm từ “05 giấy
tờ giả” bằng cụm từ “06 giấy tờ giả” tại điểm a khoản 3 Điều 359").

The relations say which texts amend, replace or repeal the named text (a document-level link); the amending clause
that names the article is found in those texts' own words ("tại Điều 152", "khoản 3 Điều 359"). Before, the status
answer quoted the named Code's article on its entry into force (BLHS Điều 426), true of the Code and silent on the
article asked about (heldout27).
"""

from __future__ import annotations

import re

from ingest.numbers import number_key
from search_api.answering import models as m
from search_api.answering.absent_text import CHANGES
from search_api.answering.compose import MAX_QUOTES
from search_api.answering.evidence import Evidence, article_candidates, is_news, is_stub
from search_api.answering.models import Candidate
from search_api.answering.support import Cover
from search_api.answering.terms import folded
from search_api.corpus_store import CorpusStore

QUOTED = 2  # (of MAX_QUOTES: the named text's own article on its force stays after them)
# an amending clause's own words: "Sửa đổi, bổ sung", "Thay thế cụm từ", "Bãi bỏ", "Bỏ cụm từ", "Bổ sung"
_CHANGES_WORDING = re.compile(r"(?<!\w)(?:sua doi|thay the|bai bo|bo (?:tu|cum tu|dau)|bo sung)(?!\w)")


def _names_article(text: str, article: str) -> bool:
    """ "Điều 152", "các điều 150, 151 và 152", "Điều 359" (not "Điều 3590"): the article named in a clause."""
    number = re.escape(article.lower())
    return bool(re.search(rf"(?<!\w)(?:cac )?dieu (?:\d+\w?(?:, | va | hoac ))*{number}(?![\d\w])", text))


def article_changes(evidence: Evidence, store: CorpusStore) -> list[Candidate]:
    """The clauses of texts amending, replacing or repealing a named text that name the article the question names,
    best first (the clause and point named too, then the question's words); none when the question names no article
    or asks nothing of its status."""
    question = evidence.question
    if question.intent != m.STATUS or not question.article_number or not evidence.named_documents:
        return []
    named = evidence.named_documents[0]
    cover = Cover(question, evidence.weights)
    found: list[tuple[tuple[bool, bool, float], Candidate]] = []
    seen: set[str] = set()
    for source, relation in store.incoming(named.number):
        maker = store.document(source)
        if relation.type not in CHANGES or maker is None or is_stub(maker) or is_news(maker):
            continue
        if number_key(maker.number) == number_key(named.number) or number_key(maker.number) in seen:
            continue
        seen.add(number_key(maker.number))
        for article in maker.articles:
            for unit in article_candidates(maker, article, 0):
                text = folded(unit.text)
                if not _names_article(text, question.article_number):
                    continue
                if not _CHANGES_WORDING.search(f"{folded(unit.lead_in)} {text}"):
                    continue
                clause_named = bool(
                    question.clause_number and re.search(rf"khoan {question.clause_number}(?!\d)", text)
                )
                point_named = bool(question.point and re.search(rf"diem {question.point}(?!\w)", text))
                unit.reasons.append(f"amends Điều {question.article_number} of {named.number}")
                found.append(((clause_named, point_named, cover(f"{unit.lead_in} {unit.text}")), unit))
    # (a clause holding the matching point names the article too: the point says it alone)
    parents = {unit.parent_id for _, unit in found if unit.parent_id}
    found = [item for item in found if item[1].unit_id not in parents]
    found.sort(key=lambda item: item[0], reverse=True)
    return [unit for _, unit in found[:QUOTED]]


def amended_first(quotes: list[Candidate], evidence: Evidence, store: CorpusStore) -> list[Candidate]:
    """The status answer's quotes, opened by the amending clauses that name the article asked about (if any)."""
    amending = article_changes(evidence, store)
    keys = {q.key for q in amending}
    return [*amending, *(q for q in quotes if q.key not in keys)][:MAX_QUOTES]
