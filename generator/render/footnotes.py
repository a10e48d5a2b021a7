"""Numbered citations: the footnote markers after a claim and the notes at the end of a page,
each pointing at the source paragraph that supports the claim."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.addresses import href, paragraph_anchor
from generator.catalog import Catalog
from generator.model import Citation
from generator.render.markdown import date, locator, text
from generator.render.provenance import source_label


@dataclass
class Footnotes:
    """Numbers a page's citations in order of first use; one note per source paragraph, basis and quote.

    A note names the source and its paragraph (a link that lands on it) and shows the quote.
    """

    catalog: Catalog
    numbers: dict[Citation, int] = field(default_factory=dict)

    def cite(self, citations: tuple[Citation, ...]) -> str:
        """Footnote markers for ``citations``, to put right after the claim."""
        numbers = dict.fromkeys(self.numbers.setdefault(c, len(self.numbers) + 1) for c in citations)
        return "<sup>,</sup>".join(f"[^{number}]" for number in numbers)

    def definitions(self) -> list[str]:
        """The footnote lines for the end of the page."""
        lines = []
        for citation, number in self.numbers.items():
            source = self.catalog.sources[citation.source]
            where = locator(citation, source)
            target = href(("sources", source.id), paragraph_anchor(citation.paragraphs()[0]))
            basis = (
                '<span class="badge badge--inferred">inferred</span> from'
                if citation.basis == "inferred"
                else "Stated in"
            )
            cited = f"[*{text(source.title)}*, {text(where)}]({target})"
            quote = f": “{text(citation.quote)}”" if citation.quote else ""
            if source.publisher == "unknown":
                when = date(source.published) if source.published else "undated"
                lines.append(f"[^{number}]: {basis} {cited} (publisher unknown, {when}){quote}.")
            else:
                lines.append(f"[^{number}]: {basis} {text(source_label(source))}, {cited}{quote}.")
        return lines
