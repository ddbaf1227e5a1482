"""The REST API: what it serves, and how it turns away hostile requests without side effects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from eventwire.api import MAX_QUERY_STRING_BYTES, create_app
from eventwire.pipeline import Coder
from eventwire.store.duckdb import EventStore

if TYPE_CHECKING:
    from starlette.testclient import TestClient

TOKEN = "test-token-0123456789"
STORY = (
    "MOSCOW (AP) — Russia and China signed a trade agreement on Monday, officials said. "
    "The Russian foreign minister praised China for its support."
)


def counts(client: TestClient) -> dict[str, Any]:
    body: dict[str, Any] = client.get("/v1/health").json()
    return {"articles": body["articles"], "events": body["events"]}


def error_of(response: Any, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["status"] == status
    message: str = body["error"]
    assert message
    return message


# -- what it serves -----------------------------------------------------------------


def test_health_reports_the_store(client: TestClient) -> None:
    body = client.get("/v1/health").json()
    assert body["status"] == "ok"
    assert body["articles"] >= 10 and body["events"] >= 10
    assert body["schema_version"] >= 1


def test_events_page_through_with_the_cursor(client: TestClient) -> None:
    seen: list[str] = []
    params: dict[str, Any] = {"limit": 7}
    while True:
        body = client.get("/v1/events", params=params).json()
        seen += [f"{e['article_id']}/{e['event_id']}" for e in body["events"]]
        if not body["next_cursor"]:
            break
        params["cursor"] = body["next_cursor"]
    assert len(seen) == len(set(seen)) == counts(client)["events"]


def test_event_filters_narrow_the_search(client: TestClient) -> None:
    actors = client.get("/v1/stats/actors", params={"limit": 1}).json()["actors"]
    code = actors[0]["code"]
    body = client.get("/v1/events", params={"actor": code.lower(), "limit": 500}).json()
    assert body["total"] == actors[0]["count"] == len(body["events"])
    for event in body["events"]:
        codes = {event[r][k] for r in ("source", "target") if event[r] for k in ("code", "country")}
        assert code in codes
    quad = client.get("/v1/events", params={"quad_class": 1, "cameo": "05"}).json()
    assert all(e["quad_class"] == 1 and e["cameo"].startswith("05") for e in quad["events"])


def test_dyads_give_counts_and_goldstein_sums(client: TestClient) -> None:
    edge = client.get("/v1/stats/network", params={"max_edges": 1}).json()["edges"][0]
    body = client.get(
        "/v1/dyads", params={"a": edge["source"], "b": edge["target"], "interval": "month"}
    ).json()
    assert body["total"] >= edge["count"]
    for bucket in body["buckets"]:
        assert bucket["count"] == bucket["a_to_b"] + bucket["b_to_a"]
        assert bucket["goldstein"] == pytest.approx(
            bucket["goldstein_a_to_b"] + bucket["goldstein_b_to_a"], abs=0.01
        )


def test_article_has_text_and_spans(client: TestClient) -> None:
    event = client.get("/v1/events", params={"limit": 1}).json()["events"][0]
    body = client.get(f"/v1/articles/{event['article_id']}").json()
    assert body["article_id"] == event["article_id"]
    triggers = [s for s in body["spans"] if s["kind"] == "trigger"]
    assert any(s["event_id"] == event["event_id"] for s in triggers)
    for span in body["spans"]:
        assert body["text"][span["start"] : span["end"]] == span["text"]
    missing = client.get("/v1/articles/no-such-story")
    assert "no-such-story" in error_of(missing, 404)


def test_aggregates_and_codes(client: TestClient) -> None:
    assert client.get("/v1/stats/timeline", params={"interval": "year"}).json()["buckets"]
    places = client.get("/v1/stats/places").json()["places"]
    assert places and all(-90 <= p["lat"] <= 90 for p in places)
    codes = client.get("/v1/codes").json()
    assert {"01", "20"} <= {root["code"] for root in codes["cameo_roots"]}
    assert "AGREE" in codes["plover_types"]


def test_openapi_and_dashboard_are_served(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/events", "/v1/dyads", "/v1/code", "/v1/health"} <= set(paths)
    page = client.get("/")
    assert page.status_code == 200 and "<title>eventwire" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert client.get("/world.json").json()["type"] == "FeatureCollection"


def test_code_returns_events_without_storing(client: TestClient) -> None:
    before = counts(client)
    response = client.post("/v1/code", json={"text": STORY, "date": "2024-05-06"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["stored"] is None
    assert body["events"], "the story's agreement is coded"
    assert any(e["cameo"].startswith("05") or e["cameo"].startswith("03") for e in body["events"])
    assert isinstance(body["quotes"], list)
    assert counts(client) == before


def test_code_with_the_token_stores_once(client: TestClient) -> None:
    before = counts(client)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    payload = {"id": "api-story-1", "text": STORY, "date": "2024-05-06", "store": True}
    first = client.post("/v1/code", json=payload, headers=auth).json()
    assert first["stored"] == "stored"
    again = client.post("/v1/code", json=payload, headers=auth).json()
    assert again["stored"] == "unchanged"
    after = counts(client)
    assert after["articles"] == before["articles"] + 1
    assert after["events"] == before["events"] + len(first["events"])
    assert client.get("/v1/articles/api-story-1").status_code == 200


def test_code_accepts_html(client: TestClient) -> None:
    html = (
        "<html><head><title>Trade</title></head>"
        f"<body><article><p>{STORY}</p></article></body></html>"
    )
    response = client.post("/v1/code", json={"html": html, "date": "2024-05-06"})
    assert response.status_code == 200, response.text


# -- hostile requests: the right 4xx, and nothing changed -----------------------------


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"actor": "VEN' OR '1'='1"}, 400, "not an actor code"),
        ({"actor": "VEN; DROP TABLE events"}, 400, "not an actor code"),
        ({"source": "1=1"}, 400, "source"),
        ({"cameo": "0999"}, 400, "not in the CAMEO"),
        ({"cameo": "04' --"}, 422, "cameo"),
        ({"plover": "PARTY"}, 400, "not a PLOVER type"),
        ({"quad_class": 7}, 422, "quad_class"),
        ({"since": "2024-13-01"}, 400, "since"),
        ({"until": "yesterday"}, 400, "until"),
        ({"since": "2024-05-01", "until": "2024-01-01"}, 400, "after until"),
        ({"bbox": "1,2,3"}, 400, "bbox"),
        ({"bbox": "0,0,999,1"}, 400, "bbox"),
        ({"limit": 100000}, 422, "limit"),
        ({"limit": 0}, 422, "limit"),
        ({"cursor": "eyJub3QiOiJ1cyJ9"}, 400, "cursor"),
        ({"q": "x" * 500}, 422, "q"),
        ({"actr": "VEN"}, 400, "unknown query parameter"),
    ],
)
def test_bad_event_filters_are_refused(
    client: TestClient, params: dict[str, Any], status: int, words: str
) -> None:
    before = counts(client)
    assert words in error_of(client.get("/v1/events", params=params), status)
    assert counts(client) == before


def test_sql_in_text_search_is_only_text(client: TestClient) -> None:
    before = counts(client)
    for text in ("'; DROP TABLE events; --", "%", "_", "\\", "' OR 1=1 --"):
        body = client.get("/v1/events", params={"q": text}).json()
        assert body["total"] == 0
    assert counts(client) == before


def test_bad_dyad_requests(client: TestClient) -> None:
    assert "b" in error_of(client.get("/v1/dyads", params={"a": "VEN"}), 422)
    bad_interval = client.get("/v1/dyads", params={"a": "VEN", "b": "RUS", "interval": "hour"})
    assert "interval" in error_of(bad_interval, 422)
    assert "not an actor" in error_of(client.get("/v1/dyads", params={"a": "V N", "b": "RUS"}), 400)


def test_overlong_query_string_is_refused(client: TestClient) -> None:
    response = client.get("/v1/events?q=" + "a" * (MAX_QUERY_STRING_BYTES + 10))
    assert "query string" in error_of(response, 414)


def test_storing_needs_the_right_token(client: TestClient) -> None:
    before = counts(client)
    payload = {"id": "intruder", "text": STORY, "store": True}
    missing = client.post("/v1/code", json=payload)
    assert "missing bearer token" in error_of(missing, 401)
    assert missing.headers["www-authenticate"].startswith("Bearer")
    wrong = client.post("/v1/code", json=payload, headers={"Authorization": "Bearer nope"})
    assert "invalid bearer token" in error_of(wrong, 401)
    basic = client.post("/v1/code", json=payload, headers={"Authorization": f"Basic {TOKEN}"})
    error_of(basic, 401)
    assert counts(client) == before
    assert client.get("/v1/articles/intruder").status_code == 404


def test_a_server_without_a_token_stores_nothing(store_copy: Path, coder: Coder) -> None:
    from fastapi.testclient import TestClient as Client

    with Client(create_app(store_copy, token=None, coder=coder)) as client:
        before = counts(client)
        response = client.post(
            "/v1/code",
            json={"text": STORY, "store": True},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert "accepts no writes" in error_of(response, 403)
        assert counts(client) == before


@pytest.mark.parametrize(
    ("payload", "status", "words"),
    [
        ({}, 400, "exactly one"),
        ({"text": STORY, "html": "<p>x</p>"}, 400, "exactly one"),
        ({"text": "   \n  "}, 400, "empty story"),
        ({"text": STORY, "date": "2024-02-30"}, 422, "date"),
        ({"text": STORY, "id": "../../etc/passwd"}, 422, "id"),
        ({"text": STORY, "surprise": 1}, 422, "surprise"),
        ({"text": 12}, 422, "text"),
    ],
)
def test_bad_code_bodies_are_refused(
    client: TestClient, payload: dict[str, Any], status: int, words: str
) -> None:
    before = counts(client)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    response = client.post("/v1/code", json={**payload, "store": True}, headers=headers)
    assert words in error_of(response, status)
    assert counts(client) == before


def test_malformed_json_is_refused(client: TestClient) -> None:
    before = counts(client)
    response = client.post(
        "/v1/code",
        content=b'{"text": "Russia praised China.", "store": tru',
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
    )
    assert "JSON" in error_of(response, 422)
    assert counts(client) == before


def test_huge_bodies_are_refused_before_coding(store_copy: Path) -> None:
    from fastapi.testclient import TestClient as Client

    def no_coder() -> Coder:
        raise AssertionError("a refused request must not load or run the coder")

    app = create_app(store_copy, token=TOKEN, coder_loader=no_coder, max_body_bytes=64 * 1024)
    with Client(app) as client:
        before = counts(client)
        body = json.dumps({"text": "Russia praised China. " * 10_000, "store": True})
        headers = {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"}
        declared = client.post("/v1/code", content=body, headers=headers)
        assert "over the 65,536-byte limit" in error_of(declared, 413)

        def chunks() -> Any:
            for _ in range(40):
                yield b"x" * 4096

        streamed = client.post("/v1/code", content=chunks(), headers=headers)
        error_of(streamed, 413)
        assert counts(client) == before
    with EventStore(store_copy) as store:
        assert store.counts()["articles"] == before["articles"]
