"""Generate wire-style stories for benchmarks: our own templates, random actors and acts.

Usage: python bench/generate_stories.py N OUT.jsonl [--seed S]

Each story has a headline, an AP/Reuters-style dateline, 5-9 paragraphs mixing
coded acts (meetings, pledges, sanctions, attacks, protests, aid), quotes,
background sentences and filler, so that sentence counts and the share of
sentences with actors look like real wire copy. Nothing here is copied text.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from pathlib import Path

COUNTRIES = [
    ("Brazil", "Brazilian", "BRASILIA"), ("Kenya", "Kenyan", "NAIROBI"),
    ("India", "Indian", "NEW DELHI"), ("Japan", "Japanese", "TOKYO"),
    ("Egypt", "Egyptian", "CAIRO"), ("Mexico", "Mexican", "MEXICO CITY"),
    ("Turkey", "Turkish", "ANKARA"), ("Poland", "Polish", "WARSAW"),
    ("Nigeria", "Nigerian", "ABUJA"), ("Indonesia", "Indonesian", "JAKARTA"),
    ("Peru", "Peruvian", "LIMA"), ("Vietnam", "Vietnamese", "HANOI"),
    ("Ukraine", "Ukrainian", "KYIV"), ("Iran", "Iranian", "TEHRAN"),
    ("Germany", "German", "BERLIN"), ("Chile", "Chilean", "SANTIAGO"),
    ("Pakistan", "Pakistani", "ISLAMABAD"), ("Ethiopia", "Ethiopian", "ADDIS ABABA"),
    ("Canada", "Canadian", "OTTAWA"), ("Colombia", "Colombian", "BOGOTA"),
]  # fmt: skip
ROLES = ["President", "Foreign Minister", "Prime Minister", "Defense Minister", "envoy"]
GIVEN = ["Ana", "Tomas", "Lena", "Omar", "Priya", "Jonas", "Maria", "Kofi", "Sara", "Ivan"]
FAMILY = ["Okafor", "Lindqvist", "Haddad", "Moreno", "Tanaka", "Novak", "Reyes", "Demir"]
AGENCIES = ["AP", "Reuters", "AFP"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

ACTS = [
    "{a} pledged closer military cooperation with {b} on {day}.",
    "{a} and {b} signed a trade agreement on {day}.",
    "{a_person} met {b_adj} officials in {city} on {day}.",
    "{a} imposed sanctions on {b_adj} officials accused of corruption.",
    "{a} accused {b} of violating the ceasefire along the border.",
    "{a_adj} troops attacked rebel positions near the border with {b}.",
    "Thousands of protesters marched in {city} to demand the release of detained activists.",
    "{a} sent humanitarian aid to {b} after the floods.",
    "{a} condemned the attack and urged {b} to show restraint.",
    "{a_person} praised {b} for its support during the crisis.",
    "{a} threatened to expel {b_adj} diplomats if the talks fail.",
    "Police arrested dozens of demonstrators outside the parliament in {city}.",
]
BACKGROUND = [
    "{a} and {b} fought a brief border war in {year}.",
    "Relations between the two countries have been strained since {year}.",
    "{a} previously helped {b} build a power plant.",
]
FILLER = [
    "The meeting lasted about three hours, officials said.",
    "Markets in the region were little changed on the news.",
    "Analysts said the move was widely expected.",
    "Details of the arrangement were not made public.",
    "The weather in the capital was unusually warm for the season.",
]
QUOTES = [
    '"We will not accept threats against our sovereignty," {a_person} said.',
    '"This is a historic day for both our peoples," {a_person} told reporters.',
    '"We are ready to talk," {a_person} said, "but not under pressure."',
]


def _story(rng: random.Random, number: int, start: dt.date) -> dict[str, str]:
    (a, a_adj, a_city), (b, b_adj, _b_city) = rng.sample(COUNTRIES, 2)
    day = start + dt.timedelta(days=rng.randrange(0, 365))
    person = f"{a_adj} {rng.choice(ROLES)} {rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    values = {
        "a": a, "b": b, "a_adj": a_adj, "b_adj": b_adj, "city": a_city.title(),
        "a_person": person, "day": DAYS[day.weekday() % 5], "year": str(rng.randrange(1995, 2020)),
    }  # fmt: skip
    paragraphs = []
    for _ in range(rng.randrange(5, 10)):
        kind = rng.random()
        pool = (
            ACTS if kind < 0.45 else QUOTES if kind < 0.6 else BACKGROUND if kind < 0.7 else FILLER
        )
        sentences = [rng.choice(pool).format(**values) for _ in range(rng.randrange(1, 3))]
        paragraphs.append(" ".join(sentences))
    dateline = f"{a_city}, {a} ({rng.choice(AGENCIES)}) — "
    paragraphs[0] = dateline + paragraphs[0]
    title = ACTS[0].format(**values).rstrip(".") if rng.random() < 0.5 else f"{a} and {b} in talks"
    return {
        "id": f"gen-{number:06d}",
        "title": title,
        "text": "\n\n".join([title, *paragraphs]),
        "date": day.isoformat(),
        "source": "bench.example",
    }


def generate(count: int, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    return [_story(rng, number, start) for number in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("output", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with args.output.open("w", encoding="utf-8") as out:
        for story in generate(args.count, args.seed):
            out.write(json.dumps(story, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
