"""An eligibility question about a specific group: the unit naming that group which covers the question far better
leads the eligibility lists of another field. Outside reader 5 (session 22) asked "tre em khong quoc tich cu tru o
viet nam co duoc bao ve, ho tro khong" and was given 66/2011 Điều 32 khoản 1 (trafficking victims' regimes, a
replaced law) before Luật Trẻ em Điều 36 (stateless children residing in Viet Nam are protected and assisted)."""

from __future__ import annotations

import pytest

from tests.conftest import ask, sqlite_client_over

FILES = ["phapdien/demuc_8.1_tre-em.html", "phapdien/demuc_39.8_phong-chong-mua-ban-nguoi.html"]


@pytest.fixture(scope="module")
def children_client(tmp_path_factory):
    with sqlite_client_over(FILES, tmp_path_factory.mktemp("children")) as client:
        yield client


def test_the_unit_naming_the_group_that_covers_the_question_leads_another_fields_list(children_client):
    data = ask(children_client, "tre em khong quoc tich cu tru o viet nam co duoc bao ve, ho tro khong")
    first = data["answer"][0]
    assert (first["doc_number"], first["article_number"]) == ("102/2016/QH13", "36"), first["citation"]
    assert (data["summary"] or "").startswith("Trẻ em: Điều 36 Luật 102/2016/QH13"), data["summary"]
