"""The answer scorer on small hand-made /api/ask responses: each metric made to pass and to fail."""

from __future__ import annotations

from datetime import date

from search_api.answer_eval import answer_scores, format_table, score_response, score_results

TODAY = date(2026, 11, 30)

PENALTY_QUESTION = {
    "question_id": "T-1",
    "text": "Tổ chức mua bán trẻ em dưới 16 tuổi thì bị phạt tù bao nhiêu?",
    "intent": "penalty",
    "variant": "plain",
    "who": "child_under_16",
    "relevant_articles": [{"law_id": "100/2015/QH13", "article_id": "151"}],
    "answerable": True,
    "expect": [["18 năm đến 20 năm hoặc tù chung thân"], ["Có tổ chức"]],
    "expect_source": "corpus",
}
UNANSWERABLE = {
    "question_id": "T-2",
    "text": "Luật 53/2024/QH15 Điều 54 quy định gì?",
    "intent": "lookup",
    "variant": "plain",
    "relevant_articles": [],
    "answerable": False,
    "expect": [],
}
CATALOGUE_QUESTION = {
    "question_id": "T-3",
    "text": "Luật 53/2024/QH15 có hiệu lực khi nào?",
    "intent": "status",
    "variant": "plain",
    "relevant_articles": [],
    "answerable": True,
    "expect": [["01/07/2025", "2025-07-01"]],
    "expect_source": "catalogue",
}

CLAUSE_151_3 = (
    "3. Phạm tội thuộc một trong các trường hợp sau đây, thì bị phạt tù từ 18 năm  đến 20 năm hoặc TÙ CHUNG THÂN:\n"
    "a) Có tổ chức;"
)


def unit(doc="100/2015/QH13", article="151", text=CLAUSE_151_3, status="con_hieu_luc", **extra):
    return {"doc_number": doc, "article_number": article, "text": text, "status": status, "citation": "c"} | extra


def answered(*units, **extra):
    return {"answered": True, "answer": list(units), "articles": []} | extra


NEWS = unit(doc="news:000_abc", article="", text="Tin tức về mua bán người", status="khong_ap_dung", doc_type="Tin tức")
JUVENILE_CAP = unit(article="101", text="mức hình phạt cao nhất không quá 12 năm tù")


def test_fact_in_first_quote_passes_with_folded_case_and_whitespace():
    result = score_response(PENALTY_QUESTION, answered(unit()), today=TODAY)
    assert result["fact_first"] is True
    assert result["gold_quoted"] is True and result["gold_first"] is True


def test_fact_fails_when_the_right_clause_is_only_second():
    result = score_response(PENALTY_QUESTION, answered(JUVENILE_CAP, unit()), today=TODAY)
    assert result["fact_first"] is False
    assert result["gold_quoted"] is True  # any quote counts for this metric
    assert result["gold_first"] is False


def test_fact_fails_when_one_group_is_missing():
    only_range = unit(text="3. ... bị phạt tù từ 18 năm đến 20 năm hoặc tù chung thân:")
    assert score_response(PENALTY_QUESTION, answered(only_range), today=TODAY)["fact_first"] is False


def test_lead_in_is_read_with_the_quoted_point():
    point = unit(text="a) Có tổ chức;", lead_in="thì bị phạt tù từ 18 năm đến 20 năm hoặc tù chung thân:")
    assert score_response(PENALTY_QUESTION, answered(point), today=TODAY)["fact_first"] is True


def test_the_summary_line_is_scored_by_the_article_it_cites():
    right = "Phạt tù từ 18 năm đến 20 năm (có tổ chức) — khoản 3 Điều 151 Bộ luật 100/2015/qh13, Tội mua bán người"
    wrong = "Mức cao nhất không quá 12 năm tù — khoản 1 Điều 101 BLHS 100/2015/QH13"
    assert score_response(PENALTY_QUESTION, answered(unit(), summary=right), today=TODAY)["summary_cites_gold"] is True
    # the first quote is right, the line a worker reads first is not: scored apart
    scored = score_response(PENALTY_QUESTION, answered(unit(), summary=wrong), today=TODAY)
    assert scored["summary_cites_gold"] is False and scored["fact_first"] is True
    # no summary, or one citing no article, is not scored
    assert score_response(PENALTY_QUESTION, answered(unit()), today=TODAY)["summary_cites_gold"] is None
    status_only = answered(unit(), summary="Thông tư 09/2017/TT-BTTTT: có hiệu lực từ 01/10/2017.")
    assert score_response(PENALTY_QUESTION, status_only, today=TODAY)["summary_cites_gold"] is None
    report = score_results(
        [score_response(PENALTY_QUESTION, answered(unit(), summary=s), today=TODAY) for s in (right, wrong)]
    )
    assert report["summary_cites_gold"] == {"rate": 0.5, "n": 2}


def test_gold_article_not_quoted():
    result = score_response(PENALTY_QUESTION, answered(JUVENILE_CAP), today=TODAY)
    assert result["gold_quoted"] is False and result["fact_first"] is False


def test_gold_article_matches_document_number_spellings():
    spelled = unit(doc="100/2015/qh13")
    assert score_response(PENALTY_QUESTION, answered(spelled), today=TODAY)["gold_quoted"] is True


def test_false_decline_and_correct_decline():
    declined = {"answered": False, "answer": [], "message": "Kho văn bản không có điều khoản trả lời"}
    on_answerable = score_response(PENALTY_QUESTION, declined, today=TODAY)
    assert on_answerable["false_decline"] is True and on_answerable["fact_first"] is False
    on_unanswerable = score_response(UNANSWERABLE, declined, today=TODAY)
    assert on_unanswerable["correct_decline"] is True and on_unanswerable["false_decline"] is False
    answering_anyway = score_response(UNANSWERABLE, answered(unit()), today=TODAY)
    assert answering_anyway["correct_decline"] is False and answering_anyway["fact_first"] is None
    assert score_response(PENALTY_QUESTION, answered(unit()), today=TODAY)["false_decline"] is False


def test_missing_answered_flag_means_answered_when_something_is_quoted():
    assert score_response(PENALTY_QUESTION, {"answer": [unit()]}, today=TODAY)["false_decline"] is False
    assert score_response(PENALTY_QUESTION, {"answer": []}, today=TODAY)["false_decline"] is True


def test_news_among_quotes_is_news_as_answer():
    assert score_response(PENALTY_QUESTION, answered(unit(), NEWS), today=TODAY)["news_as_answer"] is True
    assert score_response(PENALTY_QUESTION, answered(unit()), today=TODAY)["news_as_answer"] is False
    # News shown apart (not in `answer`) is fine.
    apart = answered(unit(), related_news=[NEWS])
    assert score_response(PENALTY_QUESTION, apart, today=TODAY)["news_as_answer"] is False


def test_expired_without_warning():
    expired = unit(doc="66/2011/QH12", article="32", status="het_hieu_luc", expired="2025-07-01")
    assert score_response(PENALTY_QUESTION, answered(expired), today=TODAY)["expired_without_warning"] is True
    warned = answered(expired, banner="Luật 66/2011/QH12 hết hiệu lực từ 01/07/2025, thay thế bởi 53/2024/QH15.")
    assert score_response(PENALTY_QUESTION, warned, today=TODAY)["expired_without_warning"] is False
    mixed = answered(expired, unit())
    assert score_response(PENALTY_QUESTION, mixed, today=TODAY)["expired_without_warning"] is False


def test_expiry_date_alone_counts_only_once_passed():
    later = unit(status="", expired="2027-01-01")
    assert score_response(PENALTY_QUESTION, answered(later), today=TODAY)["expired_without_warning"] is False
    past = unit(status="", expired="2025-07-01")
    assert score_response(PENALTY_QUESTION, answered(past), today=TODAY)["expired_without_warning"] is True


def test_catalogue_facts_may_come_from_the_summary_or_a_status_note():
    in_summary = answered(summary="Luật 53/2024/QH15 có hiệu lực từ 01/07/2025 (danh mục vnlex).")
    assert score_response(CATALOGUE_QUESTION, in_summary, today=TODAY)["fact_first"] is True
    in_note = answered(unit(doc="66/2011/QH12", article="57", status_note="bị thay thế từ 2025-07-01"))
    assert score_response(CATALOGUE_QUESTION, in_note, today=TODAY)["fact_first"] is True
    silent = answered(unit(doc="66/2011/QH12", article="57"))
    assert score_response(CATALOGUE_QUESTION, silent, today=TODAY)["fact_first"] is False
    # A corpus-sourced question does not get credit from a summary: the first quote must carry the fact.
    summary_only = answered(JUVENILE_CAP, summary="18 năm đến 20 năm hoặc tù chung thân, có tổ chức")
    assert score_response(PENALTY_QUESTION, summary_only, today=TODAY)["fact_first"] is False


def test_report_rates_by_intent_and_variant():
    folded = PENALTY_QUESTION | {"question_id": "T-4", "variant": "no_diacritics"}
    results = [
        score_response(PENALTY_QUESTION, answered(unit()), 10.0, TODAY),
        score_response(folded, {"answered": False, "answer": []}, 30.0, TODAY),
        score_response(UNANSWERABLE, {"answered": False, "answer": []}, 20.0, TODAY),
    ]
    report = score_results(results)
    assert report["fact_in_first_quote"] == {"rate": 0.5, "n": 2}
    assert report["false_declines"] == {"count": 1, "of": 2}
    assert report["correct_declines"] == {"count": 1, "of": 1}
    assert report["by_variant"]["plain"]["fact_in_first_quote"]["rate"] == 1.0
    assert report["by_variant"]["no_diacritics"]["fact_in_first_quote"]["rate"] == 0.0
    assert report["by_intent"]["lookup"]["correct_declines"] == {"count": 1, "of": 1}
    assert report["latency_ms"] == {"p50": 20.0, "p95": 30.0}
    table = format_table(report)
    assert "| intent: penalty | 2 | 50% (2) |" in table and "| variant: no_diacritics |" in table


class FakeAnswers:
    """Stands in for the answer service: replays canned responses, in order."""

    def __init__(self, responses):
        self.responses = list(responses)
        self.asked = []

    def ask(self, text):
        self.asked.append(text)
        return self.responses.pop(0)


def test_answer_scores_asks_each_question_and_times_the_first():
    service = FakeAnswers([answered(unit()), {"answered": False, "answer": []}])
    report = answer_scores(service, [PENALTY_QUESTION, UNANSWERABLE], TODAY)
    assert service.asked == [PENALTY_QUESTION["text"], UNANSWERABLE["text"]]
    assert report["questions"] == 2 and report["first_request_ms"] is not None
    assert report["per_question"][0]["cited"] == [("100/2015/QH13", "151")]
    assert report["citation_precision"] == 1.0 and report["gold_cited_rate"] == 1.0
