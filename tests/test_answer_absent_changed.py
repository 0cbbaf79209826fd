"""A status question on a text the collection lacks, where a held text says in its own words that it changed
("Các quy định tại Nghị quyết số 110/2015/QH13 … có ghi thời điểm … được thay thế bằng thời điểm …", 41/2017/QH14
Điều 1 khoản 2) though the relation read from it is a citation: that clause opens the answer (heldout34 was given the
next article first). Questions written for these tests, both backends."""

from __future__ import annotations

from tests.conftest import ask


def test_a_citing_clause_that_says_the_absent_text_changed_is_its_evidence(store):
    from search_api.answering.absent_text import changed_in_citation

    # 41/2017/QH14 Điều 1 khoản 2 replaces a date in NQ 110/2015/QH13 (the relation read from it is a citation)
    found = changed_in_citation(["110/2015/QH13"], store)
    assert [(q.document.number, q.article.number, q.number) for q in found] == [("41/2017/QH14", "1", "2")]
    assert "được thay thế bằng thời điểm" in found[0].text
    # a number cited only (the Code of Criminal Procedure, named by the guidance it shares): nothing said of a change
    assert changed_in_citation(["101/2015/QH13"], store) == []


def test_a_status_question_on_an_absent_text_opens_with_the_clause_that_changed_it(answer_client):
    data = ask(
        answer_client,
        "Nghị quyết 110/2015/QH13 về thi hành Bộ luật Tố tụng hình sự có mốc thời gian 01/7/2016, mốc đó bây giờ "
        "còn hiệu lực không hay đã bị thay đổi?",
    )
    assert data["answered"], data.get("message")
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("41/2017/QH14", "1"), first
    assert "110/2015/QH13" in first["text"]
