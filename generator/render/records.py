"""One page per record: pure functions from the catalog to Markdown text."""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Sequence

from generator.catalog import Catalog, CitingClaim, Key, claims
from generator.dates import PartialDate
from generator.model import (
    Agency,
    Citation,
    Claim,
    DatedFact,
    Event,
    Figure,
    Measure,
    Person,
    Place,
    Record,
    Role,
    Source,
    StatusFact,
    Topic,
)
from generator.render.markdown import (
    Footnotes,
    address,
    anchor,
    date,
    link,
    locator,
    number,
    paragraph_anchor,
    source_label,
    table,
    text,
)
from generator.site import SiteInfo
from generator.vocabulary import INSTRUMENTS

SECTION_TITLES = {
    "measures": "Measures",
    "sources": "Sources",
    "agencies": "Agencies and organisations",
    "people": "People",
    "places": "Places",
    "topics": "Topics",
    "events": "Events",
}
"""Folder -> the title of its section, in the order of the site's navigation."""

LEVELS = {
    "national": "National",
    "provincial": "Provincial",
    "municipal": "Municipal",
    "national-financial-institution": "National financial institution",
}
STATUSES = {
    "announced": "Announced",
    "in-force": "In force",
    "suspended": "Suspended",
    "expired": "Expired",
    "unknown": "Unknown",
}
FIRMS = {
    "all": "All firms",
    "smes": "Small and medium-sized enterprises",
    "sector-specific": "Firms in particular sectors",
    "location-specific": "Firms in particular places",
    "firm-specific": "Particular firms",
    "unknown": "Not stated",
}
RELATIONS = {
    "part-of": ("Part of", "Has part"),
    "implements": ("Implements", "Implemented by"),
    "extends": ("Extends", "Extended by"),
    "supersedes": ("Supersedes", "Superseded by"),
    "local-implementation-of": ("Local implementation of", "Implemented locally by"),
}
"""Relation type -> (label from the measure that declares it, label from its target)."""


def name(record: Record) -> str:
    """What a record is called on the site."""
    if isinstance(record, (Measure, Source, Event)):
        return record.title
    return record.name


def render_record(catalog: Catalog, key: Key, site: SiteInfo) -> str:
    """The Markdown page of one record."""
    record = catalog.get(key)
    notes = Footnotes(catalog)
    body = _RENDERERS[type(record)](catalog, record, notes)
    lines = [*_front_matter(record), *_heading(record), *_search_name(record, key[0]), *body]
    # Lists of other pages' names and the citation block are left out of the search index.
    lines += ['<div data-pagefind-ignore="all" markdown="1">', ""]
    lines += _referenced_by(catalog, key)
    lines += cite_this_page(name(record), key, site)
    lines += ["</div>", ""]
    text_ = "\n".join(lines).rstrip() + "\n"
    footnotes = notes.definitions()
    return text_ + "\n" + "\n".join(footnotes) + "\n" if footnotes else text_


def _front_matter(record: Record) -> list[str]:
    """YAML front matter (JSON strings are valid YAML): the title, and the tags.

    The title is HTML-escaped: Material prints ``page.meta.title`` into the page as HTML.
    """
    lines = ["---", f"title: {json.dumps(html.escape(name(record), quote=False), ensure_ascii=False)}"]
    tags = getattr(record, "tags", ())
    if tags:
        lines += ["tags:", *(f"  - {json.dumps(tag)}" for tag in tags)]
    return [*lines, "---", ""]


NAME_WEIGHT = {
    "places": 12.0,
    "people": 10.0,
    "agencies": 8.0,
    "topics": 6.0,
    "measures": 6.0,
    "events": 4.0,
    "sources": 2.0,
}
"""Search weight of a record's own name, by kind (a heading counts 7): a bare place name finds
the place before the bodies and measures named after it; source pages, which repeat every
claim that cites them, come after the claims' own pages."""


def _search_name(record: Record, folder: str) -> list[str]:
    """The record's name once more, hidden, weighted for search by the kind of record."""
    return [f'<div hidden data-pagefind-weight="{NAME_WEIGHT[folder]:g}">{text(name(record))}</div>', ""]


def _heading(record: Record) -> list[str]:
    """The page's H1: the English name, and the Chinese one beside it where there is one.

    For search, a hidden block follows with every suffix of the Chinese name (中国出口…,
    国出口…, 出口…): the index matches words by their start, so any word inside the name,
    such as 信用保险, then finds the page.
    """
    chinese = getattr(record, "name_zh", "")
    if not chinese:
        return [f"# {text(name(record))}", ""]
    compact = "".join(chinese.split())
    suffixes = " ".join(text(compact[i:]) for i in range(len(compact)))
    return [
        f'# {text(name(record))} <span class="name-zh" lang="zh">{text(chinese)}</span>',
        "",
        f'<div hidden lang="zh" data-pagefind-weight="7">{suffixes}</div>',
        "",
    ]


def _claim(claim: Claim, notes: Footnotes) -> str:
    return f"{text(claim.text)}{notes.cite(claim.cite)}{inferred_badge(claim.cite)}"


def inferred_badge(cites: tuple[Citation, ...]) -> str:
    """A badge after a claim that no source states outright."""
    if cites and all(c.basis == "inferred" for c in cites):
        return ' <span class="badge badge--inferred" title="Inferred from the source, not stated in it">inferred</span>'
    return ""


def _status(fact: StatusFact | None, notes: Footnotes) -> str:
    if fact is None:
        return STATUSES["unknown"]
    note = f" ({text(fact.note)})" if fact.note else ""
    return f"{STATUSES[fact.value]}{note}{notes.cite(fact.cite)}{inferred_badge(fact.cite)}"


def _dated(fact: DatedFact | None, notes: Footnotes) -> str:
    if fact is None:
        return "unknown"
    note = f" ({text(fact.note)})" if fact.note else ""
    return f"{date(fact.on)}{note}{notes.cite(fact.cite)}{inferred_badge(fact.cite)}"


def _links(catalog: Catalog, folder: str, ids: tuple[str, ...] | list[str]) -> str:
    return ", ".join(link(name(catalog.folder(folder)[i]), (folder, i)) for i in ids) or "none"


def _facts(rows: Sequence[tuple[str, str]]) -> list[str]:
    """A two-column table of facts, the first thing a reader sees."""
    return [*table(["Fact", "Value"], [[f"**{label}**", value] for label, value in rows]), ""]


def _figures(figures: tuple[Figure, ...], notes: Footnotes) -> list[str]:
    if not figures:
        return []
    rows = [
        [
            f"{anchor(f'figure-{i}')}**{number(figure)}**",
            text(figure.what),
            text(figure.period),
            notes.cite(figure.cite) + inferred_badge(figure.cite),
        ]
        for i, figure in enumerate(figures, 1)
    ]
    return ["## Figures", "", *table(["Figure", "What it measures", "Period", "Source"], rows), ""]


def _measure(catalog: Catalog, measure: Measure, notes: Footnotes) -> list[str]:
    lines = []
    lines += [f"{anchor('summary')}{_claim(measure.summary, notes)}", ""]
    rows = [
        ("Issued by", _links(catalog, "agencies", measure.agencies)),
        ("Where", f"{_links(catalog, 'places', (measure.jurisdiction,))} ({LEVELS[measure.level].lower()})"),
        ("Status", anchor("status") + _status(measure.status, notes)),
    ]
    unknown = []
    for stage, label in (("announced", "Announced"), ("implemented", "Implemented"), ("removed", "Removed")):
        fact = getattr(measure.dates, stage)
        if fact:
            rows.append((label, anchor(f"date-{stage}") + _dated(fact, notes)))
        else:
            unknown.append(stage)
    if unknown:
        rows.append(("Dates unknown", ", ".join(unknown)))
    rows += [
        ("For", "; ".join(FIRMS[firms] for firms in measure.eligible_firms)),
        ("Instrument", "; ".join(INSTRUMENTS[i].label for i in measure.instruments)),
    ]
    if measure.topics:
        rows.append(("Topics", _links(catalog, "topics", measure.topics)))
    if measure.people:
        rows.append(("People", _links(catalog, "people", measure.people)))
    lines += _facts(rows)
    if measure.provisions:
        lines += ["## Provisions", ""]
        lines += [f"- {anchor(f'provision-{i}')}{_claim(p, notes)}" for i, p in enumerate(measure.provisions, 1)]
        lines.append("")
    lines += _figures(measure.figures, notes)
    if measure.open_questions:
        lines += ["## What the sources leave open", ""]
        lines += [f"- {anchor(f'open-{i}')}{_claim(q, notes)}" for i, q in enumerate(measure.open_questions, 1)]
        lines.append("")
    if measure.relations:
        lines += ["## Related measures", ""]
        lines += [f"- {RELATIONS[r.type][0]}: {_links(catalog, 'measures', (r.measure,))}" for r in measure.relations]
        lines.append("")
    parts = parts_of(catalog, measure.id)
    if parts:
        lines += ["## Parts", "", "The measures this one groups:", ""]
        lines += [f"- {_links(catalog, 'measures', (part,))}" for part in parts]
        lines.append("")
    lines += _sources(catalog, measure)
    lines += diagram(catalog, ("measures", measure.id))
    return lines


def _sources(catalog: Catalog, record: Record) -> list[str]:
    """The sources a record cites, in order of first citation, with their provenance."""
    seen: dict[str, None] = {}
    for _, _, cites in claims(record):
        for citation in cites:
            seen.setdefault(citation.source)
    if not seen:
        return []
    lines = ["## Sources", ""]
    for source_id in seen:
        source = catalog.sources[source_id]
        lines.append(f"- {link(source.title, ('sources', source_id))} {badges(source)}: {provenance(source)}")
    return [*lines, ""]


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


def _source(catalog: Catalog, source: Source, notes: Footnotes) -> list[str]:
    published = date(source.published)
    if source.published and source.published_time:
        published += f", {text(source.published_time)}"
        if source.timezone:
            published += f" (UTC{text(source.timezone)})"
    rows = [
        ("Publisher", text(source.publisher)),
        ("Published", published),
        ("Kind", f"{badges(source)} {provenance(source)}"),
        ("Language", text(source.language)),
        ("Access", source.access),
    ]
    if source.url:
        rows.append(("Address", address(source.url)))
    if source.archive_url:
        rows.append(("Archived copy", address(source.archive_url)))
    rows.append(("Accessed", date(source.accessed)))
    lines = _facts(rows)
    lines += ["## About this source", "", text(source.about), ""]
    lines += ["## Paragraphs", "", "Each paragraph the site cites, in our words, with the claims that rest on it.", ""]
    for paragraph in source.paragraphs:
        heading = paragraph.label or f"Paragraph {paragraph.ref}"
        lines += [f"### {text(heading)} {{#{paragraph_anchor(paragraph.ref)}}}", "", text(paragraph.gist), ""]
        citing = catalog.citing.get((source.id, paragraph.ref), [])
        own = [claim for claim in citing if claim.citation.paragraphs()[0] == paragraph.ref]
        ranges = dict.fromkeys(c.citation.paragraphs() for c in citing if c.citation.paragraphs()[0] != paragraph.ref)
        if own:
            lines += ["Cited by:", ""]
            lines += [f"- {_citing(catalog, claim)}" for claim in own]
            lines.append("")
        for refs in ranges:
            lines += [
                f"Also cited as part of paras. {refs[0]}–{refs[-1]}: those claims are listed under "
                f"[paragraph {refs[0]}](#{paragraph_anchor(refs[0])}).",
                "",
            ]
        if not citing:
            lines += ["No record cites this paragraph.", ""]
    return lines


def _citing(catalog: Catalog, claim: CitingClaim) -> str:
    """One line under a source paragraph: the citing page, the statement, how it rests."""
    record = catalog.get(claim.key)
    statement = claim.statement
    if isinstance(statement, Claim):
        said = text(statement.text)
    elif isinstance(statement, Figure):
        said = f"{number(statement)}: {text(statement.what)}"
    elif isinstance(statement, Role):
        said = text(statement.title)
    elif isinstance(statement, StatusFact):
        said = f"Status: {STATUSES[statement.value].lower()}"
    else:
        said = f"{claim.anchor.replace('-', ' ').capitalize()}: {date(statement.on)}"
    source = catalog.sources[claim.citation.source]
    how = "inferred" if claim.citation.basis == "inferred" else "stated"
    return f"{link(name(record), claim.key, claim.anchor)}: {said} ({how}, {text(locator(claim.citation, source))})"


def _agency(catalog: Catalog, agency: Agency, notes: Footnotes) -> list[str]:
    rows = [("Kind", agency.kind.replace("-", " "))]
    if agency.abbreviation:
        rows.append(("Abbreviation", text(agency.abbreviation)))
    if agency.parent:
        rows.append(("Part of", _links(catalog, "agencies", (agency.parent,))))
    if agency.place:
        rows.append(("Based in", _links(catalog, "places", (agency.place,))))
    lines = [f"{anchor('description')}{_claim(agency.description, notes)}", "", *_facts(rows)]
    return lines + diagram(catalog, ("agencies", agency.id))


def diagram(catalog: Catalog, key: Key) -> list[str]:
    """A Mermaid diagram of a measure or an agency and the records around it."""
    record = catalog.get(key)
    edges: list[tuple[Key, str, Key]] = []
    if isinstance(record, Measure):
        edges += [(("agencies", a), "responsible for", key) for a in record.agencies]
        edges += [(key, RELATIONS[r.type][0].lower(), ("measures", r.measure)) for r in record.relations]
        edges += [
            (("measures", other), RELATIONS[kind][0].lower(), key)
            for kind, other in catalog.inverse_relations.get(record.id, [])
        ]
        sources = dict.fromkeys(c.source for _, _, cites in claims(record) for c in cites)
        edges += [(key, "cites", ("sources", s)) for s in sources]
    elif isinstance(record, Agency):
        if record.parent:
            edges.append((key, "part of", ("agencies", record.parent)))
        edges += [(("agencies", a), "part of", key) for a in catalog.agency_parts.get(record.id, [])]
        edges += [(key, "responsible for", ("measures", m)) for m in catalog.responsible_for.get(record.id, [])]
    if not edges:
        return []
    nodes = list(dict.fromkeys([key] + [end for edge in edges for end in (edge[0], edge[2])]))
    ids = {node: f"n{i}" for i, node in enumerate(nodes)}
    lines = ["## Diagram", "", "```mermaid", "graph LR"]
    for node in nodes:
        label = name(catalog.get(node)) if node[0] != "sources" else source_label(catalog.sources[node[1]])
        lines.append(f'  {ids[node]}["{_mermaid(label)}"]')
    lines += [f"  {ids[a]} -->|{verb}| {ids[b]}" for a, verb, b in edges]
    lines += [f"  style {ids[key]} stroke-width:3px", "```", ""]
    return lines


_MERMAID_CODES = str.maketrans(
    {'"': "#quot;", "<": "#lt;", ">": "#gt;", "`": "#96;", "#": "#35;", "&": "#amp;", "\n": " ", "\t": " "}
)


def _mermaid(label: str) -> str:
    """A Mermaid node label that shows as written: quotes, brackets, ampersands and backticks as
    entity codes (Mermaid draws labels as HTML), line breaks as spaces."""
    return label.translate(_MERMAID_CODES)


def _person(catalog: Catalog, person: Person, notes: Footnotes) -> list[str]:
    lines = ["## Roles", ""]
    for i, role in enumerate(person.roles, 1):
        cited = notes.cite(role.cite) + inferred_badge(role.cite)
        body = f" (body: {_links(catalog, 'agencies', (role.agency,))})" if role.agency else ""
        lines.append(f"- {anchor(f'role-{i}')}{text(role.title)}{cited}{body}")
    return [*lines, ""]


def _place(catalog: Catalog, place: Place, notes: Footnotes) -> list[str]:
    rows: list[tuple[str, str]] = [("Kind", place.kind)]
    if place.parent:
        rows.append(("Part of", _links(catalog, "places", (place.parent,))))
    lines = [f"{anchor('description')}{_claim(place.description, notes)}", "", *_facts(rows)]
    return lines + _figures(place.figures, notes)


def _topic(catalog: Catalog, topic: Topic, notes: Footnotes) -> list[str]:
    lines = [f"{anchor('description')}{_claim(topic.description, notes)}", ""]
    if topic.parent:
        lines += [f"Broader topic: {_links(catalog, 'topics', (topic.parent,))}", ""]
    return lines + _figures(topic.figures, notes)


def _event(catalog: Catalog, event: Event, notes: Footnotes) -> list[str]:
    rows = [("Date", anchor("date") + _dated(event.date, notes))]
    for label, folder, ids in (
        ("Measures", "measures", event.measures),
        ("Agencies", "agencies", event.agencies),
        ("People", "people", event.people),
        ("Places", "places", event.places),
        ("Topics", "topics", event.topics),
    ):
        if ids:
            rows.append((label, _links(catalog, folder, ids)))
    lines = [f"{anchor('summary')}{_claim(event.summary, notes)}", "", *_facts(rows)]
    return lines + _figures(event.figures, notes)


def parts_of(catalog: Catalog, measure_id: str) -> list[str]:
    """The ids of the measures that are part of this one, ordered by title."""
    parts = {other for kind, other in catalog.inverse_relations.get(measure_id, []) if kind == "part-of"}
    return sorted(parts, key=lambda part: (catalog.measures[part].title.lower(), part))


def _referenced_by(catalog: Catalog, key: Key) -> list[str]:
    """Every record page that links here, grouped by section (a package's parts are listed above)."""
    listed = {("measures", part) for part in parts_of(catalog, key[1])} if key[0] == "measures" else set()
    inbound = [k for k in catalog.referenced_by.get(key, []) if k not in listed]
    if not inbound:
        return []
    lines = ["## Referenced by", ""]
    for folder, title in SECTION_TITLES.items():
        keys = [k for k in inbound if k[0] == folder]
        if keys:
            lines += [f"**{title}**", ""]
            lines += [f"- {link(name(catalog.get(k)), k)}{_how(catalog, k, key)}" for k in keys]
            lines.append("")
    return lines


_LATEX = str.maketrans(
    {
        "\\": "\\textbackslash{}",
        "{": "\\textbraceleft{}",
        "}": "\\textbraceright{}",
        "%": "\\%",
        "&": "\\&",
        "$": "\\$",
        "#": "\\#",
        "_": "\\_",
        "~": "\\textasciitilde{}",
        "^": "\\textasciicircum{}",
        "`": "\\textasciigrave{}",
        "<": "\\textless{}",
        ">": "\\textgreater{}",
        "|": "\\textbar{}",
    }
)


def latex(value: str) -> str:
    """Text for a BibTeX field that LaTeX prints as written: its specials as commands, on one line.

    Braces become commands rather than ``\\{``: BibTeX counts braces even when escaped. Characters
    that LaTeX's default font encoding prints as others (< > | and the backtick) become commands too,
    which also keeps any backtick out of the page's code block.
    """
    return " ".join(value.split()).translate(_LATEX)


def cite_this_page(title: str, key: Key, site: SiteInfo) -> list[str]:
    """A ready citation of the page, as plain text and BibTeX, with its permanent address."""
    permalink = f"{site.url}{key[0]}/{key[1]}/"
    changed = site.last_changed.get(key, "")
    when = f"content last changed {date(PartialDate.parse(changed))}" if changed else "date of last change unknown"
    bibtex = [
        f"@misc{{ctst-{key[0]}-{key[1]},",
        f"  title = {{{latex(title)}}},",
        f"  author = {{{{{latex(site.name)}}}}},",
        f"  howpublished = {{\\url{{{permalink}}}}},",
        f"  note = {{{when[0].upper() + when[1:]}}},",
    ]
    if changed:
        bibtex.append(f"  year = {{{changed[:4]}}},")
    bibtex[-1] = bibtex[-1].rstrip(",")
    return [
        "## Cite this page",
        "",
        f"{text(site.name)}, “{text(title)}”, <{permalink}>, {when}.",
        "",
        "```bibtex",
        *bibtex,
        "}",
        "```",
        "",
    ]


def _how(catalog: Catalog, source: Key, target: Key) -> str:
    """How a measure relates to the measure whose page lists it, e.g. " (part of this measure)"."""
    if source[0] != "measures" or target[0] != "measures":
        return ""
    kinds = [r.type for r in catalog.measures[source[1]].relations if r.measure == target[1]]
    return f" ({'; '.join(RELATIONS[k][0].lower() + ' this measure' for k in kinds)})" if kinds else ""


_RENDERERS: dict[type, Callable[[Catalog, object, Footnotes], list[str]]] = {
    Measure: _measure,  # type: ignore[dict-item]
    Source: _source,  # type: ignore[dict-item]
    Agency: _agency,  # type: ignore[dict-item]
    Person: _person,  # type: ignore[dict-item]
    Place: _place,  # type: ignore[dict-item]
    Topic: _topic,  # type: ignore[dict-item]
    Event: _event,  # type: ignore[dict-item]
}
