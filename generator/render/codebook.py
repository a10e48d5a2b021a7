"""The codebook of the open data: every file, every column, every code with the label the site
shows for it, and the rules the values follow. Written from the model, the columns and the labels."""

from __future__ import annotations

from typing import Any

from generator.fields import field_specs, kind_of
from generator.labels import FIRMS, LEVELS, QUALIFIERS, STATUSES, UNITS
from generator.model import Citation, Figure
from generator.registry import RECORD_TYPES
from generator.render.data import CITATION_COLUMNS, FIGURE_COLUMNS, Column, record_columns
from generator.render.markdown import table, text
from generator.vocabulary import INSTRUMENTS

CODEBOOK_MARKER = "<!-- codebook -->"
"""Where the codebook page (hand-written, in docs/) takes the text below."""

_UNIT_LABELS = {"usd": "US dollars, written $8 million", "cny": "yuan, written 36 trillion yuan", "count": "a count"}
_LABELLED: tuple[dict[str, str], ...] = (
    LEVELS,
    STATUSES,
    FIRMS,
    QUALIFIERS,
    {code: _UNIT_LABELS.get(code, shown.strip()) for code, shown in UNITS.items()} | _UNIT_LABELS,
)

RULES = [
    "Each CSV file starts with a byte-order mark, so that Excel reads it as UTF-8 (Chinese names intact); "
    "other programs read it as UTF-8 with a BOM (`utf-8-sig` in Python).",
    "One row per record (per figure, per citation); the first row names the columns.",
    "A field that holds several values joins them with `; `.",
    "An empty cell means the sources do not say (a date, a Chinese name); `unknown` where a code is required "
    "(status, eligible firms). In the JSON files the field is an empty text, `null` or an empty list.",
    "Dates are ISO 8601 at the precision the source gives: `2025`, `2025-05` or `2025-05-14`. "
    "`first_added` and `last_changed` are commit times with their UTC offset.",
    "Ids are the records' file names (lower-case words joined by hyphens); a column that names other "
    "records holds their ids.",
    "Numbers are plain decimals (`3000000`, never `3e+06`); the unit and scale are separate columns.",
    "A paragraph locator is a number, a range such as `10-12`, or a named locator of the source; "
    "`basis` is `stated` when the source says it and `inferred` when it follows from what it says.",
    "A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return starts with an apostrophe "
    "(`'`) so that spreadsheets do not run it as a formula; plain numbers and UTC offsets do not.",
    "Addresses (`page`, `source_page`) are relative to the site root, the address of the home page.",
    "In the JSON files a claim's `text` may hold clause marks, `[1]`, `[2]` ...: the claim's first, second "
    "... citation supports the clause just before the mark. The CSV files give the text without them.",
]
"""The coding rules every file follows."""

STATUS_RULES = [
    "`announced`: a source says the measure has been issued, announced, introduced, unveiled or released "
    '("recently issued", "has introduced"), and nothing says it already operates.',
    '`in-force`: a source describes it as operating now ("now pays", "currently covers", "took '
    'effect"), or reports results of its operation.',
    "`suspended`, `expired`: a source says it is paused, or has ended, expired or been removed.",
    '`unknown`: the sources give no wording about its state, only plans or intentions ("will", '
    '"plans to"). Each status cites the paragraph with its wording and quotes it.',
]
"""How a measure's status is coded from its sources' wording."""


def labels_of(options: tuple[str, ...]) -> dict[str, str]:
    """Code -> the label the site shows for it."""
    for labels in _LABELLED:
        if set(options) <= set(labels):
            return {code: labels[code] for code in options}
    return {code: code.replace("-", " ") for code in options}


def _codes(hint: Any) -> str:
    """The codes a field's value is one of, with their labels; empty for free values."""
    kind, argument = kind_of(hint)
    while kind in ("optional", "sequence"):
        kind, argument = kind_of(argument)
    if kind == "part":  # a status: the codes of its value
        values = [field.hint for field in field_specs(argument) if field.name == "value"]
        return _codes(values[0]) if values else ""
    if kind == "instrument":
        codes = {code: instrument.label for code, instrument in INSTRUMENTS.items()}
    elif kind == "choice":
        codes = labels_of(argument)
    else:
        return ""
    return "<br>".join(f"`{code}`: {text(label)}" for code, label in codes.items())


def _file(path: str, columns: tuple[Column, ...], cls: type) -> list[str]:
    fields = {field.name: field for field in field_specs(cls)}
    rows = []
    for column in columns:
        field = fields.get(column.name)
        doc = column.doc or (field.doc if field else "")
        rows.append([f"`{column.name}`", text(doc), _codes(field.hint) if field else ""])
    anchor = path.replace("/", "-").replace(".", "-")
    return [f"### {path} {{#{anchor}}}", "", *table(["Column", "What it holds", "Codes"], rows), ""]


def codebook() -> str:
    """The codebook's Markdown: the coding rules, then every CSV file's columns and codes."""
    lines = ["## Coding rules", "", *(f"- {rule}" for rule in RULES), ""]
    lines += ["## Status, coded by rule", "", *(f"- {rule}" for rule in STATUS_RULES), ""]
    lines += [
        "A measure's **first reported** date is the publication date of the earliest dated source that "
        "its claims cite; a measure whose sources are all undated has none. Anything on a record that no "
        "source gives (a Chinese name, a currency we infer) is listed in its `ours` field and marked on "
        "its page.",
        "",
        "## The CSV files",
        "",
    ]
    for kind in RECORD_TYPES:
        lines += _file(f"data/{kind.folder}.csv", record_columns(kind.folder), kind.cls)
    lines += _file("data/figures.csv", FIGURE_COLUMNS, Figure)
    lines += _file("data/citations.csv", CITATION_COLUMNS, Citation)
    lines += [
        "## The JSON files",
        "",
        "Each `data/<kind>.json` holds every field of every record, as the "
        "[field reference](contributing.md#field-reference) describes them, nested as in the content "
        "files, with each citation resolved to its `paragraphs` and its `page`; and `page`, `first_added` "
        "and `last_changed` as in the CSV files. Codes are those listed above. The JSON Schema of each "
        "file is published beside it (`schema/data-<kind>.schema.json`), and every file passes it.",
        "",
    ]
    return "\n".join(lines)
