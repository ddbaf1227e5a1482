"""Load the dashboard, filter by an actor, open an event, see its sentence highlighted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx

READY = "body[data-ready=true]"


def load(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(READY, timeout=20_000)


def test_dashboard_shows_the_demo_stories(page: Any, dashboard_url: str, artifacts: Path) -> None:
    load(page, dashboard_url + "/")
    health = httpx.get(dashboard_url + "/v1/health").json()
    assert f"{health['events']} events" in page.inner_text("#store-summary")
    assert page.locator("#events-table tbody tr").count() == min(health["events"], 50)
    assert page.locator("#timeline svg .bar").count() > 0
    assert page.locator("#map svg path.land").count() > 10
    assert page.locator("#map svg circle.place").count() > 0
    assert page.locator("#network svg circle.node").count() > 1
    assert page.locator("#dyad svg").count() == 1
    page.screenshot(path=str(artifacts / "dashboard.png"), full_page=True)
    assert page.problems == []
    # Everything came from the app itself: no CDN, no tiles, no fonts from elsewhere.
    assert all(url.startswith(dashboard_url) for url in page.requested), page.requested


def test_filter_by_actor_then_open_an_event(page: Any, dashboard_url: str, artifacts: Path) -> None:
    actors = httpx.get(dashboard_url + "/v1/stats/actors", params={"limit": 1}).json()
    actor, expected = actors["actors"][0]["code"], actors["actors"][0]["count"]
    load(page, dashboard_url + "/")
    page.fill("input[name=actor]", actor.lower())
    page.click("#apply")
    page.wait_for_selector(READY, timeout=20_000)
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == min(expected, 50)
    assert f"of {expected} shown" in page.inner_text("#events-count")
    assert f"actor={actor}" in page.url
    # Codes begin with their country (BLRGOV for BLR), so the filtered code shows in each row.
    for index in range(rows.count()):
        assert actor in rows.nth(index).inner_text()
    page.screenshot(path=str(artifacts / "filtered-by-actor.png"), full_page=True)

    row = rows.first
    event_id = row.get_attribute("data-event-id")
    article_id = row.get_attribute("data-article-id")
    row.click()
    sentence = page.wait_for_selector("#article mark.hl-sentence", timeout=10_000)
    event = next(
        e
        for e in httpx.get(f"{dashboard_url}/v1/articles/{article_id}").json()["events"]
        if e["event_id"] == event_id
    )
    trigger = page.locator("#article mark.hl-sentence .hl-trigger")
    assert trigger.count() >= 1
    assert "".join(trigger.all_inner_texts()) == event["trigger"]["text"]
    # The highlighted sentence is the event's sentence, whitespace aside.
    assert " ".join(sentence.inner_text().split()) == " ".join(event["sentence"].split())
    if event["source"]:
        assert page.locator("#article .hl-source").count() >= 1
    assert page.locator("#events-table tbody tr.selected").count() == 1
    page.locator("#article-panel").screenshot(path=str(artifacts / "article-highlight.png"))
    assert page.problems == []


def test_clicking_a_network_actor_filters_by_it(page: Any, dashboard_url: str) -> None:
    load(page, dashboard_url + "/")
    node = page.locator("#network circle.node").first
    actor = node.get_attribute("data-actor")
    node.click()
    page.wait_for_selector(READY, timeout=20_000)
    assert page.input_value("input[name=actor]") == actor
    assert page.locator("#network circle.node.selected").count() == 1


def test_a_bad_filter_shows_the_api_message(page: Any, dashboard_url: str) -> None:
    load(page, dashboard_url + "/#actor=BAD%20CODE")
    message = page.inner_text("#error")
    assert "not an actor code" in message
