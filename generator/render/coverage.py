"""What the tracker rests on, told honestly: how many sources and of what kind, and where the
evidence is thin (paragraphs no claim uses, measures with no official source, claims that rest
only on an AI-generated digest, sources with no address)."""

from __future__ import annotations

from generator.addresses import home_href, paragraph_anchor
from generator.catalog import Catalog, claims
from generator.registry import display_name
from generator.render.markdown import text
from generator.render.provenance import badges

BASIS_MARKER = "<!-- basis -->"
"""Where the home page takes one sentence on what the tracker rests on."""
COVERAGE_MARKER = "<!-- coverage -->"
"""Where the coverage page takes its lists."""


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def basis(catalog: Catalog, more: str = " [Where the evidence is thin](coverage.md).") -> str:
    """One sentence: the sources, how many are official, digests, paywalled; then ``more``."""
    sources = list(catalog.sources.values())
    official = sum(1 for s in sources if s.official)
    digests = sum(1 for s in sources if s.text_basis == "ai-generated-digest")
    paywalled = sum(1 for s in sources if s.access == "paywalled")
    return (
        f"The tracker rests on {_count(len(sources), 'source')}: {official} official, "
        f"{digests} read through an AI-generated digest, {paywalled} paywalled.{more}\n"
    )


def _missing(url: str, archive_url: str) -> str:
    if not url and not archive_url:
        return "no address, no archived copy"
    return "no archived copy" if url else "no address"


def coverage(catalog: Catalog) -> str:
    """The coverage page's lists."""
    lines = [basis(catalog, more=""), "## Source paragraphs no claim cites", ""]
    unused = [
        (source, paragraph)
        for source in sorted(catalog.sources.values(), key=lambda s: s.title.lower())
        for paragraph in source.paragraphs
        if (source.id, paragraph.ref) not in catalog.citing
    ]
    lines += [
        f"- [{text(source.title)}, {text(paragraph.label or 'paragraph ' + paragraph.ref)}]"
        f"({home_href(('sources', source.id), paragraph_anchor(paragraph.ref))})"
        for source, paragraph in unused
    ] or ["Every paragraph the sources list is cited."]
    lines += ["", "## Measures without an official source", ""]
    unofficial = [
        measure
        for measure in sorted(catalog.measures.values(), key=lambda m: m.title.lower())
        if not any(catalog.sources[c.source].official for _, _, cites in claims(measure) for c in cites)
    ]
    lines += [f"- [{text(m.title)}]({home_href(('measures', m.id))})" for m in unofficial] or [
        "Every measure cites at least one official source."
    ]
    lines += ["", "## Claims that rest only on an AI-generated digest", ""]
    digest_only = [
        (key, anchor)
        for key in catalog.keys()
        for anchor, _, cites in claims(catalog.get(key))
        if cites and all(catalog.sources[c.source].text_basis == "ai-generated-digest" for c in cites)
    ]
    lines += [
        f"- [{text(display_name(catalog.get(key)))}: {anchor.replace('-', ' ')}]({home_href(key, anchor)})"
        for key, anchor in digest_only
    ] or ["No claim rests only on a digest."]
    lines += ["", "## Sources without an address or an archived copy", ""]
    by_title = sorted(catalog.sources.values(), key=lambda s: s.title.lower())
    lines += [
        f"- [{text(s.title)}]({home_href(('sources', s.id))}) {badges(s)}: {_missing(s.url, s.archive_url)}"
        for s in by_title
        if not s.url or not s.archive_url
    ] or ["Every source has an address and an archived copy."]
    return "\n".join(lines) + "\n"
