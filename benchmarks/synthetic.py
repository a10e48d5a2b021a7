"""A synthetic corpus shaped like the real records, for benchmarks: `python benchmarks/synthetic.py N OUT`.

Per 1,000 measures: 100 sources of 12 paragraphs, 20 agencies, 10 places, 10 topics,
20 people and 50 events; each measure has a summary, three provisions, two figures,
dates, an instrument and the firms it is for (drawn from the vocabularies), a relation to an
earlier measure and citations spread over the sources.
Sentences draw their words from the real content's texts, as often as they occur there,
so that a search term matches as many pages as it would on a real site of that size.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import yaml

from generator.template import schema_comment
from generator.vocabulary import INSTRUMENTS

INSTRUMENT_IDS = sorted(INSTRUMENTS)
FIRMS = ["all", "smes", "sector-specific", "location-specific", "firm-specific"]

REAL_CONTENT = Path(__file__).resolve().parent.parent / "content"


@cache
def vocabulary() -> tuple[list[str], list[int]]:
    """Every word of the real content's longer texts, with how often it occurs (a Zipf-like spread)."""
    counts: Counter[str] = Counter()

    def walk(value: object) -> None:
        if isinstance(value, str) and len(value) > 40 and " " in value:
            counts.update(re.findall(r"[a-z][a-z-]+", value.lower()))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for path in sorted(REAL_CONTENT.glob("*/*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    words = sorted(counts)
    return words, [counts[word] for word in words]


def sentence(rng: random.Random, words: int = 18) -> str:
    population, weights = vocabulary()
    return " ".join(rng.choices(population, weights, k=words)).capitalize() + "."


def cite(rng: random.Random, sources: int) -> str:
    return f"{{source: source-{rng.randrange(sources)}, para: {rng.randint(1, 12)}}}"


def write_corpus(measures: int, out: Path, seed: int = 1) -> None:
    """Write ``measures`` measures and proportionate other records under ``out``."""
    rng = random.Random(seed)
    counts = {
        "sources": max(2, measures // 10),
        "agencies": max(2, measures // 50),
        "places": max(2, measures // 100),
        "topics": max(2, measures // 100),
        "people": max(2, measures // 50),
        "events": max(2, measures // 20),
    }
    sources = counts["sources"]

    def claim(indent: str) -> str:
        return f"{indent}text: {sentence(rng)}\n{indent}cite:\n{indent}  - {cite(rng, sources)}\n"

    files: dict[str, str] = {}
    for i in range(sources):
        paragraphs = "".join(f"  - ref: {n}\n    gist: {sentence(rng, 12)}\n" for n in range(1, 13))
        files[f"sources/source-{i}.yaml"] = (
            f"title: Source {i} on trade support\npublisher: Publisher {i % 7}\nkind: news-article\n"
            f"official: false\nlanguage: en\naccess: open\ntext_basis: full-text\nabout: {sentence(rng)}\n"
            f"published: 2025-{1 + i % 12:02d}-{1 + i % 28:02d}\nparagraphs:\n{paragraphs}"
        )
    for folder, kind in (("agencies", "ministry"), ("places", "city"), ("topics", None)):
        for i in range(counts[folder]):
            kind_line = f"kind: {kind}\n" if kind else ""
            files[f"{folder}/{folder[:-1]}-{i}.yaml"] = (
                f"name: {folder.capitalize()} {i}\n{kind_line}description:\n{claim('  ')}"
            )
    for i in range(counts["people"]):
        files[f"people/person-{i}.yaml"] = (
            f"name: Person {i}\nroles:\n  - title: Director\n    agency: agencie-{i % counts['agencies']}\n"
            f"    cite:\n      - {cite(rng, sources)}\n"
        )
    for i in range(counts["events"]):
        files[f"events/event-{i}.yaml"] = (
            f"title: Event {i}\nsummary:\n{claim('  ')}date:\n  when: 2025-{1 + i % 12:02d}-{1 + i % 28:02d}\n"
            f"  cite:\n    - {cite(rng, sources)}\nmeasures: [measure-{rng.randrange(measures)}]\n"
        )
    for i in range(measures):
        provisions = "".join(f"  -\n{claim('    ')}" for _ in range(3))
        figures = "".join(
            f"  - value: {rng.randint(1, 200)}\n    unit: percent\n    what: {sentence(rng, 6)}\n"
            f"    period: first half of 2025\n    cite:\n      - {cite(rng, sources)}\n"
            for _ in range(2)
        )
        relation = f"relations:\n  - {{type: part-of, measure: measure-{rng.randrange(i)}}}\n" if i else ""
        files[f"measures/measure-{i}.yaml"] = (
            f'title: "Measure {i}: {sentence(rng, 5)}"\nsummary:\n{claim("  ")}'
            f"agencies: [agencie-{i % counts['agencies']}]\njurisdiction: place-{i % counts['places']}\n"
            f"level: {rng.choice(['national', 'provincial', 'municipal'])}\n"
            f"instruments: [{rng.choice(INSTRUMENT_IDS)}]\neligible_firms: [{rng.choice(FIRMS)}]\n"
            f"dates:\n  announced:\n    when: 2025-{1 + i % 12:02d}\n    cite:\n      - {cite(rng, sources)}\n"
            f"provisions:\n{provisions}figures:\n{figures}{relation}"
            f"topics: [topic-{i % counts['topics']}]\ntags: [tag-{i % 25}]\n"
        )
    for relative, body in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(schema_comment(relative.split("/")[0]) + "\n" + body, encoding="utf-8")


if __name__ == "__main__":
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
