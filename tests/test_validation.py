"""Each class of content error gives one exact, located message with a hint, and exit status 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main

MEASURE = "content/measures/example-city-premium-subsidy.yaml"
SOURCE = "content/sources/example-notice.yaml"


def edit(path: str, old: str, new: str) -> None:
    file = Path(path)
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def check(capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = main(["check", "--content", "content"])
    return status, capsys.readouterr().err


EVENT = "content/events/example-announcement.yaml"

PROGRAMME = "content/measures/example-insurance-programme.yaml"

CASES = {
    "clause mark beyond the citations": (
        PROGRAMME,
        "with <b>faster</b> claims [2].",
        "with <b>faster</b> claims [3].",
        f"{PROGRAMME}:5:9: error: summary.text: [3] marks a clause, but the claim has 2 citations\n"
        "  hint: [n] stands for the claim's n-th citation: number them from [1]",
    ),
    "clause mark twice": (
        PROGRAMME,
        "with <b>faster</b> claims [2].",
        "with <b>faster</b> claims [1].",
        f"{PROGRAMME}:5:9: error: summary.text: [1] marks two clauses\n"
        "  hint: give each clause its own citation, or mark the citation once",
    ),
    "addition naming no field": (
        PROGRAMME,
        "{field: name_zh,",
        "{field: name_jp,",
        f"{PROGRAMME}:46:13: error: ours[0].field: 'name_jp' names no field of this record that has a value\n"
        "  hint: name the field you filled in yourself, e.g. name_zh or figures[0].unit",
    ),
    "tampered quote": (
        MEASURE,
        'quote: "Small firms will pay only half of the premium"',
        'quote: "Small firms will pay only a third of the premium"',
        f"{MEASURE}:6:48: error: summary.cite[0].quote: quote is not in para. 2 of 'example-notice'\n"
        "  hint: copy the source's exact words (spacing, case and punctuation may differ)",
    ),
    "quote from another paragraph": (
        MEASURE,
        'quote: "Small firms will pay only half of the premium"',
        'quote: "Claims will be paid within 30 days"',
        f"{MEASURE}:6:48: error: summary.cite[0].quote: quote is not in para. 2 of 'example-notice'\n"
        "  hint: these words are in paragraph '3': cite that paragraph",
    ),
    "quote too short": (
        MEASURE,
        'quote: "Small firms will pay only half of the premium"',
        'quote: "half"',
        f"{MEASURE}:6:48: error: summary.cite[0].quote: quote has 1 word; at least 4 are needed to check it\n"
        "  hint: quote a few more of the source's words",
    ),
    "renamed key": (
        EVENT,
        "  when:",
        "  on:",
        f"{EVENT}:4:3: error: date: unknown field 'on'\n  hint: write `when:` ('on' was renamed)",
    ),
    "unknown key": (
        MEASURE,
        "eligible_firms:",
        "eligible_firm:",
        f"{MEASURE}:11:1: error: unknown field 'eligible_firm'\n  hint: did you mean 'eligible_firms'?",
    ),
    "wrong type": (
        SOURCE,
        "official: true",
        "official: maybe",
        f"{SOURCE}:5:11: error: official: expected true or false, found 'maybe'\n  hint: write true or false",
    ),
    "text where a list belongs": (
        MEASURE,
        "agencies: [example-ministry]",
        "agencies: example-ministry",
        f"{MEASURE}:7:11: error: agencies: expected a list\n"
        "  hint: write it as a list: `- example-ministry` on its own line",
    ),
    "number where text belongs": (
        MEASURE,
        "title: Example City premium subsidy",
        "title: 2025",
        f"{MEASURE}:2:8: error: title: expected text, found a whole number (2025)\n"
        '  hint: put the value in quotes: "2025"',
    ),
    "unknown choice": (
        MEASURE,
        "level: municipal",
        "level: city",
        f"{MEASURE}:9:8: error: level: unknown value 'city'\n"
        "  hint: expected one of: municipal, national, national-financial-institution, provincial",
    ),
    "bad date": (
        SOURCE,
        "published: 2025-03-01",
        "published: 2025-02-30",
        f"{SOURCE}:10:12: error: published: bad date: '2025-02-30' has day 30; February 2025 has 28 days\n"
        "  hint: write 2025-05-14, 2025-05 or 2025; leave the field out when the date is unknown",
    ),
    "unknown id": (
        MEASURE,
        "agencies: [example-ministry]",
        "agencies: [example-ministy]",
        f"{MEASURE}:7:12: error: agencies[0]: unknown agency 'example-ministy'\n"
        "  hint: did you mean 'example-ministry'?",
    ),
    "paragraph beyond the source's last": (
        MEASURE,
        'para: "1-2", quote',
        'para: "2-4", quote',
        f"{MEASURE}:19:40: error: figures[0].cite[0].para: source 'example-notice' has no paragraph '4'\n"
        "  hint: its paragraphs are: 1-3",
    ),
    "file name and id mismatch": (
        MEASURE,
        "title:",
        "id: example-city-subsidy\ntitle:",
        f"{MEASURE}:2:5: error: id 'example-city-subsidy' does not match the file name "
        "'example-city-premium-subsidy.yaml'\n"
        "  hint: rename the file to example-city-subsidy.yaml, or remove the `id:` line (the file name is the id)",
    ),
    "YAML syntax error": (
        MEASURE,
        "level: municipal",
        "level: [municipal",
        f"{MEASURE}:10:12: error: YAML syntax: did not find expected ',' or ']' "
        "(while parsing a flow sequence that starts at line 9, column 8)\n"
        "  hint: check the indentation and quoting on this line",
    ),
    "claim without citation": (
        MEASURE,
        '    - {source: example-notice, para: 2, quote: "Small firms will pay only half of the premium"}\n',
        "    []\n",
        f"{MEASURE}:6:5: error: summary.cite: needs at least one item\n"
        "  hint: add at least one citation that supports the claim",
    ),
    "missing required field": (
        MEASURE,
        "jurisdiction: example-city\n",
        "",
        f"{MEASURE}:2:1: error: missing required field 'jurisdiction'\n"
        "  hint: add `jurisdiction:` (The place the measure applies in)",
    ),
    "measure part of itself": (
        MEASURE,
        "measure: example-insurance-programme\ntopics",
        "measure: example-city-premium-subsidy\ntopics",
        f"{MEASURE}:32:14: error: relations[1].measure: a measure cannot refer to itself\n"
        "  hint: name another record, or remove this reference",
    ),
    "schema line of another folder": (
        MEASURE,
        "schema/measures.schema.json",
        "schema/sources.schema.json",
        f"{MEASURE}:1:1: error: the file does not start with its schema line\n"
        "  hint: make the first line: # yaml-language-server: $schema=../../site_config/schema/measures.schema.json "
        "(the older line is still accepted: # yaml-language-server: "
        "$schema=https://china-trade-tracker.github.io/china-trade-tracker/schema/measures.schema.json)",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_each_error_class_is_reported_exactly(case: str, corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, old, new, expected = CASES[case]
    edit(path, old, new)
    status, err = check(capsys)
    assert status == 1
    problems = err.rsplit("\n", 2)[0]
    assert problems == expected


def test_clean_content_passes(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--content", "content"]) == 0
    assert capsys.readouterr().out == "content: no problems (4 measures and sources)\n"


def test_the_older_schema_line_is_still_accepted(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Files that point editors at the published schema, as all did before the relative path, need no edit."""
    published = "$schema=https://china-trade-tracker.github.io/china-trade-tracker/schema/"
    edit(MEASURE, "$schema=../../site_config/schema/", published)
    edit(SOURCE, "$schema=../../site_config/schema/", published)
    assert main(["check", "--content", "content"]) == 0
    assert capsys.readouterr() == ("content: no problems (4 measures and sources)\n", "")


def test_every_problem_in_every_file_is_reported_at_once(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(MEASURE, "level: municipal", "level: city")
    edit(MEASURE, "agencies: [example-ministry]", "agencies: [example-ministy]")
    edit(SOURCE, "official: true", "official: maybe")
    edit("content/agencies/example-insurer.yaml", "kind: policy-insurer", "kind: insurer")
    status, err = check(capsys)
    assert status == 1
    located = [line.split(": error: ")[0] for line in err.splitlines() if ": error: " in line]
    assert located == [
        "content/agencies/example-insurer.yaml:3:7",
        f"{MEASURE}:7:12",
        f"{MEASURE}:9:8",
        f"{SOURCE}:5:11",
    ]
    assert err.endswith("4 problems found.\n")


def test_a_cycle_of_parts_is_reported_where_it_closes(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(
        "content/measures/example-insurance-programme.yaml",
        "topics:",
        "relations:\n  - type: part-of\n    measure: example-city-premium-subsidy\ntopics:",
    )
    status, err = check(capsys)
    assert status == 1
    assert err.startswith(
        f"{MEASURE}:32:14: error: relations[1].measure: measure chain loops back on itself: "
        "example-city-premium-subsidy -> example-insurance-programme -> example-city-premium-subsidy\n"
        "  hint: a measure cannot be part of itself, even through others; remove one link\n"
    )


def test_a_file_name_that_is_not_an_id_is_refused(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path(MEASURE).rename("content/measures/Example_City.yaml")
    status, err = check(capsys)
    assert status == 1
    assert (
        "content/measures/Example_City.yaml:1:1: error: 'Example_City.yaml' is not a valid file name "
        "for a record\n  hint: use lower-case letters, digits and single hyphens, at most 80 characters, "
        "e.g. example-city.yaml" in err
    )


def test_a_former_id_must_be_free(corpus_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(MEASURE, "aliases: [example-city-subsidy]", "aliases: [example-insurance-programme]")
    status, err = check(capsys)
    assert status == 1
    assert err.startswith(
        f"{MEASURE}:34:11: error: aliases[0]: 'example-insurance-programme' is the id of another measure\n"
        "  hint: a former id must be free; remove it, or rename that record\n"
    )
