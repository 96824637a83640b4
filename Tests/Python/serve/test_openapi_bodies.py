"""Responses of real requests validate against the schemas of the committed OpenAPI document."""
import json

import jsonschema
import pytest
import referencing
import requests

RENDER = {"template": "acme-air/refund-delay", "locale": "es-MX", "values": {"first_name": "Ana", "days": 3}, "key": "17"}


def validator(document, name):
    """A draft 2020-12 validator of the component `name`, its `$ref`s resolved in the document."""
    resource = referencing.Resource.from_contents(document, default_specification=referencing.jsonschema.DRAFT202012)
    registry = referencing.Registry().with_resource("urn:openapi", resource)
    return jsonschema.Draft202012Validator({"$ref": f"urn:openapi#/components/schemas/{name}"}, registry=registry,
                                           format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def response_schema_name(document, path, method, status):
    """The component a documented response refers to, or None for a non-JSON one."""
    responses = document["paths"][path][method]["responses"]
    assert str(status) in responses, f"{method.upper()} {path} answered {status}, which the document does not list"
    content = responses[str(status)].get("content", {})
    schema = content.get("application/json", {}).get("schema", {})
    return schema.get("$ref", "").rsplit("/", 1)[-1] or None


CASES = [
    ("post", "/v1/render", RENDER, 200),
    ("post", "/v1/render", {"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 99}}, 422),
    ("post", "/v1/render", {"template": "acme-air/nope"}, 404),
    ("post", "/v1/render", {"template": "globex-mobile/roaming-offer", "values": {"first_name": "Ana", "plan": "business"}}, 409),
    ("post", "/v1/render", "not json", 400),
    ("post", "/v1/check", {"brand": "acme-air", "text": "Thanks, Ana."}, 200),
    ("post", "/v1/check", {"brand": "acme-air", "text": "x" * 300}, 200),
    ("post", "/v1/check", {"brand": "nope", "text": "hi"}, 404),
    ("get", "/v1/templates", None, 200),
    ("get", "/v1/templates?brand=nope", None, 404),
    ("get", "/readyz", None, 200),
]


@pytest.mark.parametrize("method,uri,body,status", CASES)
def test_response_matches_the_document(server, document, method, uri, body, status):
    data = body if isinstance(body, str) else (json.dumps(body) if body is not None else None)
    response = requests.request(method, server.url + uri, data=data, timeout=10)
    assert response.status_code == status, response.text
    path = uri.split("?")[0]
    name = response_schema_name(document, path, method, status)
    assert name, f"{method.upper()} {path} {status} has no JSON schema in the document"
    assert response.headers["content-type"] == "application/json"
    validator(document, name).validate(response.json())


def test_batch_lines_are_replies_or_errors(server, document):
    lines = [json.dumps(RENDER), "{", json.dumps({"template": "acme-air/refund-delay", "values": {"first_name": "Ana", "days": 0}})]
    response = requests.post(server.url + "/v1/render/batch", data="\n".join(lines), timeout=10)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-ndjson"
    out = [json.loads(line) for line in response.text.splitlines()]
    assert len(out) == 3
    validator(document, "Reply").validate(out[0])
    validator(document, "Error").validate(out[1])
    validator(document, "Error").validate(out[2])
    assert out[2]["error"]["variable"] == "days"


def test_request_bodies_of_the_document_are_what_the_server_takes(server, document):
    """The document's RenderRequest accepts what the server renders, and refuses what it refuses."""
    render = validator(document, "RenderRequest")
    render.validate(RENDER)
    with pytest.raises(jsonschema.ValidationError):
        render.validate({"template": "acme-air/refund-delay", "at": "2026-01-01"})
    assert requests.post(server.url + "/v1/render", data=json.dumps({**RENDER, "at": "2026-01-01"}), timeout=10).status_code == 400
    check = validator(document, "CheckRequest")
    check.validate({"brand": "acme-air", "locale": None, "text": "hi"})
    with pytest.raises(jsonschema.ValidationError):
        check.validate({"text": "hi"})


def test_metrics_is_prometheus_text(server):
    requests.post(server.url + "/v1/render", data=json.dumps(RENDER), timeout=10)
    response = requests.get(server.url + "/metrics", timeout=10)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert 'replykit_http_requests_total{route="/v1/render",method="POST",status="200"}' in response.text
    assert "replykit_library_info{version=" in response.text
