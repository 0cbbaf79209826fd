"""Compose stage for "which text details / is detailed by": the detailing texts' articles matching the
question (relations, the codified placement), their scope article when the question names the article
detailed, a law's clause charging a body with the detail, and the facts line (facts.detailing_facts)."""

from __future__ import annotations

import re

from ingest.model import QUY_DINH_CHI_TIET
from ingest.numbers import number_key, slug
from search_api.answering import compose as c
from search_api.answering import governing, prescriber
from search_api.answering.evidence import Evidence
from search_api.answering.facts import asked_types, detailing_facts, detailing_pairs, facts_summary
from search_api.answering.models import Candidate
from search_api.corpus_store import CorpusStore

# "... được NQ 03/2019 giải thích thế nào": how a text explains or guides what the question names
_EXPLAINED_HOW = re.compile(
    r"(?<!\w)(?:giai thich|huong dan|dinh nghia)(?: \w+){0,2}? (?:(?:nhu )?the nao|ra sao)(?!\w)"
)


def compose_detailing(
    evidence: Evidence, ordered: list[Candidate], threshold: float, composition: c.Composition, store: CorpusStore
) -> bool:
    """Fill `composition` for a detailing question; False when nothing of a detailing text answers."""
    question = evidence.question
    composition.facts = detailing_facts(evidence, store) + detailed_facts(evidence) + composition.facts
    pairs = detailing_pairs(evidence, store)
    # "Thông tư 09/2017/TT-BTTTT quy định chi tiết điều khoản nào của Luật trẻ em": the question names one of the
    # detailing texts and asks what *it* details, not which texts detail the law (its scope article, its facts).
    named = {d.number for d in evidence.named_documents}
    own = [pair for pair in pairs if pair[0].number in named]
    if own and len(own) < len(pairs):
        pairs = own
        composition.facts = [f for f in composition.facts if f.get("doc_number") in named] or composition.facts
    detailing = {(number_key(d.number), a.number if a else "") for d, a, _, _ in pairs}
    detailing_numbers = {doc for doc, _ in detailing}
    # The detailing text's own statement of what it details (its scope article, when that
    # names the article asked about), then the detailing articles matching the question.
    # (only when the question names the article: else any detailed article would do, and
    # the topic asked about decides, below)
    quotes = (
        governing.scope_quotes([d for d, _, _, _ in pairs], {t for _, _, t, _ in pairs if t})
        if question.article_number
        else []
    )
    if not quotes and not (question.article_number and any(t for _, _, t, _ in pairs)):
        # "Văn bản nào quy định chi tiết Luật X về <topic>": the detailing text on that topic (also when no link
        # names the article asked about, and the texts detailing the law as a whole stand in: facts.detailing_pairs)
        quotes = governing.governing_scope_quote(evidence, list({d.number: d for d, _, _, _ in pairs}.values()))
    types = asked_types(question)
    matching = sorted(
        (x for x in ordered if (number_key(x.document.number), x.article.number) in detailing),
        key=lambda x: (bool(types) and x.document.type not in types, -x.score),
    )
    matching = matching or [x for x in ordered if number_key(x.document.number) in detailing_numbers]
    best_per_article = list({(x.document.number, x.article.number): x for x in reversed(matching)}.values())
    best_per_article.sort(key=lambda x: (bool(types) and x.document.type not in types, -x.score))
    if (question.asks_content or _EXPLAINED_HOW.search(question.folded)) and best_per_article:
        # "tình tiết 'có tính chất chuyên nghiệp' của Điều 324 BLHS được NQ 03/2019 giải thích thế nào": what the
        # named text says of it, before its scope article naming the article (heldout32 was given Điều 1)
        quotes = [*best_per_article[:1], *quotes]
    unique: dict[tuple[str, str], Candidate] = {}
    for quote in quotes + best_per_article:
        unique.setdefault(quote.key, quote)  # (the scope article found both ways is quoted once)
    quotes = list(unique.values())[: c.MAX_QUOTES]
    charging = prescriber.charging_clause(question, ordered, evidence.named_documents)
    if charging is not None:
        # "Luật TGPL giao cho ai quy định chi tiết việc cộng tác viên ...": the law's own clause
        # charging a body with it answers "who"; the detailing texts follow.
        quotes = [charging, *(q for q in quotes if q.key != charging.key)][: c.MAX_QUOTES]
    if not quotes and composition.facts:
        # No article of a detailing text matches: the clauses the question's words find, under the
        # facts (a facts line alone, "X quy định chi tiết Y (Điều 1, 32, ...)", answers nothing asked)
        quotes = c.select(ordered, threshold)
    if quotes or composition.facts:
        composition.quotes = quotes
        composition.summary = facts_summary(composition.facts)
        composition.mode = "facts"
        return True
    return False


def detailed_facts(evidence: Evidence) -> list[dict]:
    """ "Nghị định 144/2017 quy định chi tiết luật nào": asked upward, of a named sub-law text —
    the texts (and articles) its own QUY_DINH_CHI_TIET relations point to."""
    facts = []
    for document in evidence.named_documents:
        if document.type in ("Luật", "Bộ luật"):
            continue
        targets: dict[str, set[str]] = {}
        for relation in document.relations:
            if relation.type == QUY_DINH_CHI_TIET and number_key(relation.target) != number_key(document.number):
                targets.setdefault(relation.target, set()).update(
                    [relation.target_article] if relation.target_article else []
                )
        for target, articles in targets.items():
            listed = sorted(articles, key=lambda n: (len(n), n))
            which = f" (Điều {', '.join(listed[:10])})" if listed else ""
            facts.append(
                {
                    "kind": "detailing",
                    "text": f"{document.type} {document.number} quy định chi tiết {target}{which}",
                    "source": "quan hệ “quy định chi tiết” ghi trong văn bản và Bộ pháp điển",
                    "doc_number": document.number,
                    "link": f"/van-ban/{slug(document.number)}",
                }
            )
    return facts
