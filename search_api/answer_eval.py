"""Answer-level scoring: are the gold articles among those the answer *quotes*?

For each question with gold articles [{law_id, article_id}], the cited articles are the
(document, article) pairs of the quoted units. Citation precision = cited ∩ gold / cited
(averaged over answered questions: an answer that declines cites nothing wrong), citation
recall = cited ∩ gold / gold (averaged over all questions: declining costs recall).
"""

from __future__ import annotations

from typing import Any

from ingest.numbers import number_key


def _pair(doc: str, article: str) -> tuple[str, str]:
    return (number_key(doc), str(article).strip().lower())


def answer_scores(answer_service, questions: list[dict[str, Any]]) -> dict[str, Any]:
    precision_sum = recall_sum = 0.0
    answered = any_gold = 0
    per_question = []
    for question in questions:
        gold = {_pair(g["law_id"], g["article_id"]) for g in question["relevant_articles"]}
        answer = answer_service.ask(question["text"])
        cited = {_pair(u["doc_number"], u["article_number"]) for u in answer["answer"]}
        correct = len(cited & gold)
        if answer["answered"]:
            answered += 1
            precision_sum += correct / len(cited)
        recall_sum += correct / len(gold) if gold else 0.0
        any_gold += 1 if correct else 0
        per_question.append(
            {
                "question_id": question.get("question_id"),
                "answered": answer["answered"],
                "cited": sorted(cited),
                "gold": sorted(gold),
                "correct": correct,
            }
        )
    total = len(questions)
    return {
        "questions": total,
        "answered": answered,
        "citation_precision": round(precision_sum / answered, 3) if answered else 0.0,
        "citation_recall": round(recall_sum / total, 3) if total else 0.0,
        "gold_cited_rate": round(any_gold / total, 3) if total else 0.0,  # a gold article among the cited
        "per_question": per_question,
    }
