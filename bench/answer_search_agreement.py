"""Do the whole question's search and its asking sentence's own search agree on the answering article?

For every answerable question of the tuning sets whose understanding has an asking sentence searched alone (a story
before the question), runs both searches in process and counts: how often their first normative articles are the same
article, how often that agreed article is a gold article, and how the answer's first quote fares in each case. This
is the measurement behind the agreement bonus (search_api/answering/compose.py, AGREED_BONUS); run it to see whether
the signal still holds after ranking changes.

Never run it on a held-out set: it reads each question's gold articles.

    python bench/answer_search_agreement.py [--index sqlite:///PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.answer_clause_diagnostics import TUNING_SETS  # noqa: E402
from ingest.numbers import number_key  # noqa: E402
from search_api.answer_eval import score_response  # noqa: E402


def _first_article(result: dict) -> tuple[str, str] | None:
    """The first hit that is not a news report, as (document number key, article number)."""
    for hit in result["hits"]:
        if not str(hit["doc_number"]).startswith("news:"):
            return number_key(hit["doc_number"]), str(hit["article_number"])
    return None


def count(service, questions: list[dict], today) -> Counter:
    counts: Counter = Counter()
    for question in questions:
        understood = service.understand(question["text"])
        if not understood.asking_text:
            continue
        gold = {(number_key(a["law_id"]), str(a["article_id"])) for a in question.get("relevant_articles", [])}
        options = {"with_facets": False, "with_snippets": False, "with_catalogued": False}
        whole = _first_article(service.search.search(question["text"], **options))
        asked = _first_article(service.search.search(understood.asking_text, **options))
        fact_first = bool(score_response(question, service.ask(question["text"]), today=today)["fact_first"])
        counts["story questions"] += 1
        counts["fact first"] += fact_first
        if whole is not None and whole == asked:
            counts["agree"] += 1
            counts["agree: the article is gold"] += whole in gold
            counts["agree: fact first"] += fact_first
            counts["agree: gold article, fact not first"] += whole in gold and not fact_first
            counts["agree: not gold, fact first"] += whole not in gold and fact_first
        else:
            counts["disagree"] += 1
            counts["disagree: whole search's first is gold"] += whole in gold
            counts["disagree: asking sentence's first is gold"] += asked in gold
            counts["disagree: fact first"] += fact_first
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", default="sqlite:////tmp/vnlex-diag/idx.sqlite")
    args = parser.parse_args()

    from search_api.answers import AnswerService
    from search_api.cli import backend_for, settings_with
    from search_api.search import SearchService

    settings = settings_with(args.index)
    backend = backend_for(settings)
    service = AnswerService(backend, SearchService(backend))
    total: Counter = Counter()
    for path in TUNING_SETS:
        if path.is_file():
            questions = [q for q in json.loads(path.read_text()) if q.get("answerable", True)]
            total.update(count(service, questions, settings.effective_today()))
    for name, value in total.items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
