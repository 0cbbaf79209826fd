"""The API's own description: every field documented, docs pages offline, and a property-based
run generated from /openapi.json (schemathesis) against a real index: no 5xx, and every
response matches the schema it is described by."""

from __future__ import annotations

import re
import time

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from search_api.app import create_app

TYPED_ENDPOINTS = (
    "/api/search",
    "/api/documents/{number}",
    "/api/documents/{number}/articles/{article}",
    "/api/suggest",
    "/api/entitlements",
    "/api/trace",
)


@pytest.fixture(scope="module")
def app(any_corpus_index):
    from search_api.settings import Settings
    from tests.conftest import CORPUS, TODAY

    return create_app(Settings(index_url=any_corpus_index, today=TODAY, corpus_dir=CORPUS))


@pytest.fixture(scope="module")
def client(app):
    with TestClient(app) as client:
        yield client


def _resolve(spec: dict, schema: dict) -> dict:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].split("/")[-1]]
    return schema


def test_every_typed_endpoint_documents_its_fields(client):
    spec = client.get("/openapi.json").json()
    for path in TYPED_ENDPOINTS:
        schema = _resolve(spec, spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"])
        assert schema.get("type") == "object" and len(schema["properties"]) >= 2, (path, schema)
    # Nested models are described too, field by field.
    hit = spec["components"]["schemas"]["SearchHit"]["properties"]
    assert {"doc_number", "article_number", "snippet_html", "status_label", "score"} <= set(hit)
    assert "description" in hit["snippet_html"]
    assert spec["paths"]["/api/documents/{number}"]["get"]["responses"]["404"]
    for path in TYPED_ENDPOINTS:
        for parameter in spec["paths"][path]["get"].get("parameters", []):
            assert parameter.get("description"), (path, parameter["name"])


def test_document_response_carries_no_server_path(client):
    data = client.get("/api/documents/66-2011-QH12").json()
    assert "source_file" not in data
    assert data["source"] == "phapdien/demuc_39.8_phong-chong-mua-ban-nguoi.html"


def test_docs_and_redoc_load_their_assets_from_this_server(client):
    for page in ("/docs", "/redoc"):
        html = client.get(page).text
        sources = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html)
        assert sources, page
        for source in sources:
            assert source.startswith("/"), f"{page} loads {source} from elsewhere"
            asset = client.get(source)
            assert asset.status_code == 200 and len(asset.content) > 10_000, source
        assert "cdn" not in html.lower() and "googleapis" not in html.lower()


EXAMPLES_PER_ENDPOINT = 25
TIME_BUDGET_S = 90  # the whole generated run, per backend


def test_generated_requests_get_no_server_error_and_match_the_schema(app):
    """Every GET endpoint of /openapi.json with input generated from its description (bounded:
    EXAMPLES_PER_ENDPOINT seeded examples each): a 5xx, a response breaking its schema or an
    undocumented status code fails. Driven through the schemathesis API rather than its pytest
    plugin, whose lazy fixtures do not run under pytest 9."""
    from hypothesis import given

    api = schemathesis.openapi.from_asgi("/openapi.json", app).include(method="GET")
    operations = [result.ok() for result in api.get_all_operations()]
    paths = {operation.path for operation in operations}
    assert set(TYPED_ENDPOINTS) <= paths and "/api/health" in paths
    started = time.monotonic()
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_ENDPOINT,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def run(case):
            case.call_and_validate()

        run()
    assert time.monotonic() - started < TIME_BUDGET_S
