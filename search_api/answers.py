"""Extractive answers: the clauses and points of the texts that answer a question.

The work happens in the search_api.answering pipeline (understand -> evidence -> compose ->
check); this module keeps the names other code imports.
"""

from __future__ import annotations

from search_api.answering.check import EMPTY_MESSAGE, UNANSWERED_MESSAGE
from search_api.answering.citations import document_label, document_status, unit_citation
from search_api.answering.pipeline import AnswerService

__all__ = [
    "EMPTY_MESSAGE",
    "UNANSWERED_MESSAGE",
    "AnswerService",
    "document_label",
    "document_status",
    "unit_citation",
]
