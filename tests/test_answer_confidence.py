"""The answer's confidence in its first quote (search_api/answering/confidence.py): its level follows the first unit's
lead over the best unit of another clause, a clause and its own point are one answer, and the level reaches the JSON
and the page. Units from the answer corpus's legal-aid circular 08/2017/TT-BTP; questions written for these tests."""

from __future__ import annotations

import pytest

from search_api.answering import confidence
from search_api.answering.evidence import article_candidates
from tests.conftest import ask


def _units(answers, number: str, article: str) -> dict[str, object]:
    document = answers.store.document(number)
    unit = next(a for a in document.articles if a.number == article)
    return {c.unit_id.split("__", 1)[-1]: c for c in article_candidates(document, unit, 0)}


@pytest.fixture()
def papers(answer_client):
    # 08/2017 Điều 33: khoản 12 (domestic-violence victims' papers), khoản 13 and its point a (trafficking victims')
    units = _units(answer_client.app.state.vnlex.answers, "08/2017/TT-BTP", "33")
    clause = next(c for key, c in units.items() if key.endswith("khoan_13"))
    point = next(c for key, c in units.items() if key.endswith("khoan_13__diem_a"))
    other = next(c for key, c in units.items() if key.endswith("khoan_12"))
    return clause, point, other


def test_a_clause_and_its_own_point_are_one_answer_not_rivals(papers):
    clause, point, other = papers
    assert confidence.competitor(clause, [clause, point, other]) is other
    assert confidence.competitor(point, [point, clause, other]) is other


@pytest.mark.parametrize(
    ("lead", "level"),
    [(0.2, "high"), (confidence.CLEAR_MARGIN, "high"), (0.05, "medium"), (0.01, "low"), (0.0, "low")],
)
def test_the_level_follows_the_first_units_lead_over_another_clause(papers, lead, level):
    clause, point, other = papers
    clause.score, point.score, other.score = 0.5 + lead, 0.5 + lead, 0.5
    said = confidence.assess("ranked", [clause], [clause, point, other])
    assert said["level"] == level and said["label"] == confidence.LABELS[level]
    if level == "low":
        # the rival is named, so the reader knows which clause to read next
        assert "khoản 12 Điều 33" in said["reasons"][0]


def test_a_named_article_is_sure_and_catalogue_facts_are_not(papers):
    clause, _, other = papers
    assert confidence.assess("named_article", [clause], [other])["level"] == "high"
    assert confidence.assess("facts", [clause], [other])["level"] == "medium"
    assert confidence.assess("ranked", [], [clause]) == {}


def test_the_answer_json_and_page_carry_the_confidence(answer_client):
    named = ask(answer_client, "luật PCMBN điều 30")
    assert named["answered"] and named["confidence"]["level"] == "high"
    asked = ask(answer_client, "nạn nhân bị mua bán muốn được trợ giúp pháp lý thì cần giấy tờ gì")
    assert asked["confidence"]["level"] in ("high", "medium", "low") and asked["confidence"]["reasons"]
    declined = ask(answer_client, "thủ tục ly hôn đơn phương")
    assert declined["answered"] is False and declined["confidence"] is None
    html = answer_client.get("/hoi-dap", params={"q": "luật PCMBN điều 30"}).text
    assert 'data-testid="answer-confidence"' in html and "Độ tin cậy của trích dẫn đầu tiên: cao" in html


def test_a_low_level_answer_is_introduced_as_possibly_related(answer_client):
    # find a question the test index answers with a low level, then check the page says the quotes may only relate
    questions = [
        "nạn nhân bị mua bán muốn được trợ giúp pháp lý thì cần giấy tờ gì",
        "người được trợ giúp pháp lý có quyền gì",
        "trung tâm trợ giúp pháp lý phải làm gì khi nhận yêu cầu",
        "nạn nhân được hỗ trợ những gì",
        "luật PCMBN điều 30",  # a named article: high
    ]
    levels = {q: (ask(answer_client, q)["confidence"] or {}).get("level") for q in questions}
    low = next((q for q, level in levels.items() if level == "low"), None)
    sure = next((q for q, level in levels.items() if level in ("high", "medium")), None)
    assert low and sure, levels
    assert "chưa chắc quy định nào trả lời đúng" in answer_client.get("/hoi-dap", params={"q": low}).text
    html = answer_client.get("/hoi-dap", params={"q": sure}).text
    assert "Các quy định sau trả lời câu hỏi" in html and "chưa chắc quy định nào" not in html


def test_a_low_level_answer_hedges_its_summary(answer_client, monkeypatch):
    # a real answer with a summary line, its level set low: the line says it follows the first quote, unsure
    answers = answer_client.app.state.vnlex.answers
    real = answers.ask

    def ask_low(text, on_date=None):
        answer = real(text, on_date=on_date)
        answer["confidence"] = {**answer["confidence"], "level": "low", "label": "thấp"}
        return answer

    question = "tiền ăn cho nạn nhân bao nhiêu một ngày"
    assert ask(answer_client, question)["summary"]
    sure = answer_client.get("/hoi-dap", params={"q": question}).text
    assert "<strong>Tóm tắt:</strong>" in sure
    monkeypatch.setattr(answers, "ask", ask_low)
    unsure = answer_client.get("/hoi-dap", params={"q": question}).text
    assert "<strong>Tóm tắt (theo trích dẫn đầu tiên, chưa chắc chắn):</strong>" in unsure
    assert "<strong>Tóm tắt:</strong>" not in unsure


def test_an_answer_standing_only_on_the_text_the_question_names_is_low_and_says_so(papers):
    clause, point, other = papers
    sure = confidence.assess("ranked", [clause], [clause, point, other])
    named = confidence.assess("ranked", [clause], [clause, point, other], confidence.NAMED_TEXT_ONLY)
    assert sure["level"] != "low" or named["level"] == "low"
    assert named["level"] == "low" and "08/2017/TT-BTP" in named["reasons"][0], named
    # a named article quoted whole stays sure
    assert confidence.assess("named_article", [clause], [clause], confidence.NAMED_TEXT_ONLY)["level"] == "high"


def test_a_story_naming_its_text_is_answered_from_it_with_a_low_confidence(answer_client):
    # heldout28 H28-033, as asked: declined before ("Kho văn bản hiện có không có điều khoản trả lời ..."), the
    # resolution's own clauses ranked first under the bar
    data = ask(
        answer_client,
        "Một đối tượng môi giới trong đường dây đưa người sang TQ bỏ trốn, bị CQĐT ra QĐ truy nã, 8 tháng sau mới bắt "
        "được. Nếu TA xử hắn dưới 3 năm tù thì theo NQ 02/2018/NQ-HĐTP hắn có thể được hưởng án treo không?",
    )
    assert data["answered"], data["message"]
    assert data["answer"][0]["doc_number"] == "02/2018/NQ-HĐTP", data["answer"][0]["citation"]
    assert data["confidence"]["level"] == "low" and "02/2018/NQ-HĐTP" in data["confidence"]["reasons"][0]
    assert any("bỏ trốn và đã bị các cơ quan tiến hành tố tụng đề nghị truy nã" in q["text"] for q in data["answer"])
