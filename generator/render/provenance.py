"""What sort of source a claim rests on, shown wherever the source is named."""

from __future__ import annotations

from generator.model import Citation, Source
from generator.render.markdown import date


def badges(source: Source) -> str:
    """Provenance at a glance: official or not, AI-generated digest, paywalled."""
    marks = [("official", "Official source") if source.official else ("media", "Not official")]
    if source.text_basis == "ai-generated-digest":
        marks.append(("digest", "AI-generated digest"))
    if source.access == "paywalled":
        marks.append(("paywalled", "Paywalled"))
    return " ".join(f'<span class="badge badge--{kind}">{label}</span>' for kind, label in marks)


def provenance(source: Source) -> str:
    """What sort of source this is, in a few words a reader can weigh."""
    words = [source.kind.replace("-", " "), "official" if source.official else "not an official source"]
    if source.text_basis == "ai-generated-digest":
        words.append("read through an AI-generated digest")
    elif source.text_basis == "excerpt":
        words.append("read in excerpt")
    if source.access == "paywalled":
        words.append("paywalled")
    return ", ".join(words)


def source_label(source: Source) -> str:
    """The short name of a source: its publisher and date, or its title when the publisher is unknown."""
    when = date(source.published) if source.published else "undated"
    if source.publisher == "unknown":
        return f"{source.title} (publisher unknown, {when})"
    return f"{source.publisher}, {when}"


def inferred_badge(cites: tuple[Citation, ...]) -> str:
    """A badge after a claim that no source states outright."""
    if cites and all(c.basis == "inferred" for c in cites):
        return ' <span class="badge badge--inferred" title="Inferred from the source, not stated in it">inferred</span>'
    return ""
