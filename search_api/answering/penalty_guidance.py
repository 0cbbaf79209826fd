"""Penalty stage, the court's guidance: the Council of Judges' resolution defining the circumstance asked about,
quoted after the offence's clause, and the offences a guidance unit names when the question rules trafficking out."""

from __future__ import annotations

import re

from search_api.answering.compose import article_candidates, ranked
from search_api.answering.evidence import Evidence
from search_api.answering.models import Candidate
from search_api.answering.offence_tables import _guidance_on, _offences_named_in
from search_api.answering.penalty_brackets import matches
from search_api.answering.terms import folded
from search_api.answering.understand import AGGRAVATING
from search_api.corpus_store import CorpusStore


def guided_offences(evidence: Evidence, store: CorpusStore) -> dict[tuple[str, str], list[Candidate]]:
    """The offences a court guidance unit ranked near the top names ("... không bị truy cứu trách
    nhiệm hình sự về tội mua bán người nhưng ... về tội tổ chức, môi giới cho người khác trốn đi nước
    ngoài hoặc ở lại nước ngoài trái phép"): when the question rules trafficking out, the guidance
    says which offence it is, even one search did not retrieve."""
    guidance = next((c for c in ranked(evidence)[:GUIDANCE_RANK] if c.document.type == "Nghị quyết"), None)
    if guidance is None:
        return {}
    found: dict[tuple[str, str], list[Candidate]] = {}
    for document, article in _offences_named_in(store, folded(guidance.text)):
        clauses = [c for c in article_candidates(document, article, 0) if c.kind == "khoan"]
        if clauses:
            found[(document.number, article.number)] = clauses
    return found


GUIDANCE_RANK = 10  # 3 found the guidance on SQLite only (Elasticsearch ranks it lower); 5 neither


def guidance_quote(evidence: Evidence, store: CorpusStore, offence: Candidate) -> Candidate | None:
    """The court guidance (a Nghị quyết of the Supreme Court's judges' council on this article)
    defining the circumstance asked about, else its best-matching retrieved unit."""
    wanted = [AGGRAVATING[name][1] for name in evidence.question.aggravating]
    guides = _guidance_on(store, offence.article.number)
    # The guidance unit naming the circumstance, preferably the one that says which clause it
    # defines ("... quy định tại điểm b khoản 3 Điều 150"), not one mentioning it in passing.
    clause_ref = re.compile(rf"(?<!\w)khoan {re.escape(offence.number)} dieu {re.escape(offence.article.number)}(?!\w)")
    matching = [
        candidate
        for document in guides
        for article in document.articles
        for candidate in article_candidates(document, article, 5)
        if any(matches(folded(candidate.text), w) for w in wanted)
    ]
    if matching:
        chosen = next((c for c in matching if clause_ref.search(folded(c.text))), matching[0])
        chosen.reasons.append("court guidance on the circumstance")
        return chosen
    offence_name = folded(offence.article.title)
    naming = next(
        (
            c
            for c in ranked(evidence)[:GUIDANCE_RANK]
            if c.document.type == "Nghị quyết" and matches(folded(c.text), offence_name)
        ),
        None,
    )
    if naming is not None:  # the guidance that said which offence it is (see guided_offences)
        naming.reasons.append("court guidance naming the offence")
        return naming
    numbers = {d.number for d in guides}
    retrieved = [c for c in ranked(evidence) if c.document.number in numbers]
    if retrieved:
        retrieved[0].reasons.append("court guidance")
        return retrieved[0]
    return None
