"""What the table of all measures carries for comparing measures side by side
(``measure-compare.js``): each measure's figures and sources, which the table's cells do not
show, as JSON in the page.

The JSON sits in an attribute of an empty, hidden element (no ``<script>``: the page holds no
script of the generator's), which Markdown passes through as written. Every text in it is
untrusted: the attribute is HTML-escaped (quotes included), so no text can end it, and the
script puts each text into the page as text (``textContent``), never as markup.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

from generator.addresses import url
from generator.catalog import Catalog, claims
from generator.model import Measure, Source
from generator.render.markdown import date, number

DATA_ID = "measure-compare-data"
"""The id of the element whose ``data-measures`` holds the JSON (``measure-compare.js`` reads it)."""


def comparison(catalog: Catalog, measures: Sequence[Measure]) -> dict[str, object]:
    """Measure id -> its figures (as the site shows them, with what each measures and the period)
    and the ids of the sources it cites, in order of first citation; source id -> its title,
    its publisher and date, and its address from the table's page."""
    found: dict[str, object] = {}
    cited: dict[str, None] = {}
    for measure in measures:
        cites = list(dict.fromkeys(c.source for _, _, each in claims(measure) for c in each))
        cited.update(dict.fromkeys(cites))
        figures = [[number(f), " ".join(f.what.split()), " ".join(f.period.split())] for f in measure.figures]
        found[measure.id] = {"figures": figures, "sources": cites}
    sources = {}
    for source_id in cited:
        source = catalog.sources[source_id]
        sources[source_id] = [" ".join(source.title.split()), _published(source), "../" + url(("sources", source_id))]
    return {"measures": found, "sources": sources}


def _published(source: Source) -> str:
    """Who published a source and when: Caixin, 14 May 2025; publisher unknown, undated."""
    publisher = "publisher unknown" if source.publisher == "unknown" else " ".join(source.publisher.split())
    return f"{publisher}, {date(source.published) if source.published else 'undated'}"


def comparison_data(catalog: Catalog, measures: Sequence[Measure]) -> list[str]:
    """The raw HTML element that carries ``comparison`` in the page, and a blank line."""
    blob = json.dumps(comparison(catalog, measures), ensure_ascii=False, separators=(",", ":"))
    return [f'<div id="{DATA_ID}" hidden data-measures="{html.escape(blob, quote=True)}"></div>', ""]
