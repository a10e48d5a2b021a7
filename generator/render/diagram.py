"""A Mermaid diagram of a measure or an agency and the records around it."""

from __future__ import annotations

from generator.catalog import Catalog, Key, claims
from generator.labels import RELATIONS
from generator.model import Agency, Measure
from generator.registry import display_name
from generator.render.provenance import source_label


def diagram(catalog: Catalog, key: Key) -> list[str]:
    """The diagram's Markdown (a ``mermaid`` code block), or nothing when the record links nowhere."""
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
        label = display_name(catalog.get(node)) if node[0] != "sources" else source_label(catalog.sources[node[1]])
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
