"""A measure or an agency drawn at build time as an SVG, with the records around it.

The record sits in the middle; the records that point at it (its agencies, the measures that
name it, its parts) stand in a column on its left, and the records it points at (related
measures, sources, its parent, its measures) in a column on its right. Each edge carries its
verb, each box links to its record's page. Nothing is drawn or fetched in the reader's browser.

Every name is untrusted text: it reaches the SVG only through ``html.escape``. Widths are
estimated from Helvetica's character widths (no font is measured here), so a long name is
wrapped and then cut with an ellipsis; its ``<title>`` (tooltip and accessible name) holds the
whole name. The figure is raw HTML, which Python-Markdown passes through as written (and
MkDocs does not rewrite its links: they point where the site serves each page).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, replace

from generator.addresses import served_href
from generator.catalog import Catalog, Key, claims
from generator.labels import RELATIONS
from generator.model import Agency, Measure
from generator.registry import display_name
from generator.render.provenance import source_label

FONT = 12
"""Font size of a box's name, in SVG units (CSS pixels at the drawing's natural size)."""
LINE = 15
"""Line height of a box's name."""
LABEL_FONT = 11
LABEL_LINE = 13
BOX_WIDTH = 160
GAP = 120
"""Between a column of boxes and the record: room for the edge labels."""
TRUNK = 14
"""Where a column's edges meet, this far from the record's box."""
PAD_X, PAD_Y = 8, 7
ROW_GAP = 16
ARROW = 6
MARGIN = 2
"""Room for the record's thicker outline."""
NAME_LINES, RECORD_LINES, LABEL_LINES = 3, 4, 3
NAME_WIDTH = BOX_WIDTH - 2 * PAD_X
BOLD = 1.12
"""How much wider the record's name is, in bold."""
LABEL_WIDTH = GAP - TRUNK - ARROW - 4
LABEL_RAISE = 4
"""The baseline of an edge's label (its last line), above the edge."""
NO_BREAK = "\u00a0"
"""A space a name is never wrapped at (shown as a space)."""
_BREAKS = re.compile(r"[^\S\u00a0]+")
"""Where a name may be wrapped: any whitespace but the no-break space."""
MOST_PER_SIDE = 15
"""Boxes drawn in a column; the rest are counted in one last box (the page lists them all)."""


def diagram(catalog: Catalog, key: Key) -> list[str]:
    """The diagram's Markdown (an SVG in a raw HTML figure), or nothing when the record links nowhere."""
    edges = _edges(catalog, key)
    if not edges:
        return []
    inbound: dict[Key, list[str]] = {}
    outbound: dict[Key, list[str]] = {}
    for start, verb, end in edges:
        side, other = (inbound, start) if end == key else (outbound, end)
        side.setdefault(other, [])
        if verb not in side[other]:
            side[other].append(verb)
    left = [_box(catalog, other, ", ".join(verbs)) for other, verbs in inbound.items()]
    right = [_box(catalog, other, ", ".join(verbs)) for other, verbs in outbound.items()]
    svg = _draw(_name(catalog, key), _limit(left), _limit(right))
    return ["## Diagram", "", '<figure class="diagram" data-pagefind-ignore>', *svg, "</figure>", ""]


def _edges(catalog: Catalog, key: Key) -> list[tuple[Key, str, Key]]:
    """(from, verb, to) for each link of the record, the record at one end."""
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
    return edges


def _name(catalog: Catalog, key: Key) -> str:
    """A record's name; a source's is its publisher and date, the date kept on one line."""
    if key[0] != "sources":
        return display_name(catalog.get(key))
    source = catalog.sources[key[1]]
    label = source_label(source)
    if not source.published:
        return label
    when = source.published.display()
    before, _, after = label.rpartition(when)
    return before + when.replace(" ", NO_BREAK) + after


@dataclass(frozen=True)
class _Box:
    """One record around the middle: its name, the verb of its edge, where it links (none: a count)."""

    name: str
    verb: str
    target: str = ""


def _box(catalog: Catalog, key: Key, verb: str) -> _Box:
    return _Box(_name(catalog, key), verb, served_href(key))


def _limit(boxes: list[_Box]) -> list[_Box]:
    """At most ``MOST_PER_SIDE`` boxes: past that, the last one counts the rest."""
    if len(boxes) <= MOST_PER_SIDE:
        return boxes
    rest = len(boxes) - MOST_PER_SIDE + 1
    verbs = ", ".join(dict.fromkeys(box.verb for box in boxes[MOST_PER_SIDE - 1 :]))
    return [*boxes[: MOST_PER_SIDE - 1], _Box(f"and {rest} more, listed on this page", verbs)]


@dataclass(frozen=True)
class _Row:
    """A box placed in its column: its name and its edge's verb wrapped, its top."""

    box: _Box
    lines: list[str]
    label: list[str]
    top: float = 0

    @property
    def height(self) -> float:
        return _box_height(self.lines)

    @property
    def middle(self) -> float:
        return self.top + self.height / 2

    @property
    def headroom(self) -> float:
        """How far the edge's label, drawn above the edge, rises above the box."""
        rise = LABEL_RAISE + LABEL_LINE * (len(self.label) - 1) + LABEL_FONT + 2
        return max(rise - self.height / 2, 0)


def _rows(boxes: list[_Box]) -> list[_Row]:
    """The boxes of a column, stacked from 0 with room for each label."""
    rows, top = [], 0.0
    for index, box in enumerate(boxes):
        row = _Row(
            box, _wrap(box.name, NAME_WIDTH, FONT, NAME_LINES), _wrap(box.verb, LABEL_WIDTH, LABEL_FONT, LABEL_LINES)
        )
        top += row.headroom + (ROW_GAP if index else 0)
        rows.append(replace(row, top=top))
        top += row.height
    return rows


def _draw(name: str, left: list[_Box], right: list[_Box]) -> list[str]:
    """The SVG, one element a line: the left column, the record, the right column."""
    columns = _rows(left), _rows(right)
    record_lines = _wrap(name, NAME_WIDTH / BOLD, FONT, RECORD_LINES)
    half = _box_height(record_lines) / 2
    above = max(half, *(_centre(rows) for rows in columns))
    below = max(half, *(rows[-1].top + rows[-1].height - _centre(rows) for rows in columns if rows))
    middle, height = MARGIN + above, above + below
    left_rows, right_rows = ([replace(row, top=row.top + middle - _centre(rows)) for row in rows] for rows in columns)
    record_x = MARGIN + (BOX_WIDTH + GAP if left else 0)
    width = record_x + BOX_WIDTH + (GAP + BOX_WIDTH if right else 0) + MARGIN
    size = f'viewBox="0 0 {_n(width)} {_n(height + 2 * MARGIN)}" width="{_n(width)}" height="{_n(height + 2 * MARGIN)}"'
    title = f"Diagram: {name} and the records it links to"
    out = [
        f'<svg class="diagram__drawing" xmlns="http://www.w3.org/2000/svg" role="group" '
        f'aria-labelledby="diagram-title" {size} font-size="{FONT}">',
        f'<title id="diagram-title">{_escape(title)}</title>',
    ]
    if left_rows:
        trunk = record_x - TRUNK
        for row in left_rows:
            out += _node(row, MARGIN)
            out.append(_line(MARGIN + BOX_WIDTH, row.middle, trunk))
            out += _label(row.label, (MARGIN + BOX_WIDTH + trunk) / 2, row.middle)
        out += _trunk(trunk, [row.middle for row in left_rows], middle)
        out += [_line(trunk, middle, record_x - ARROW), _arrow(record_x, middle)]
    out += _record(name, record_lines, record_x, middle - _box_height(record_lines) / 2)
    if right_rows:
        trunk = record_x + BOX_WIDTH + TRUNK
        column_x = trunk - TRUNK + GAP
        out.append(_line(record_x + BOX_WIDTH, middle, trunk))
        out += _trunk(trunk, [row.middle for row in right_rows], middle)
        for row in right_rows:
            out += _label(row.label, (trunk + column_x - ARROW) / 2, row.middle)
            out += [_line(trunk, row.middle, column_x - ARROW), _arrow(column_x, row.middle)]
            out += _node(row, column_x)
    return [*out, "</svg>"]


def _centre(rows: list[_Row]) -> float:
    """Where a column meets the record: level with the midpoint of its first and last edges."""
    return (rows[0].middle + rows[-1].middle) / 2 if rows else 0


def _box_height(lines: list[str]) -> float:
    return 2 * PAD_Y + LINE * len(lines)


def _line(x: float, y: float, to_x: float) -> str:
    """A level stretch of an edge."""
    return f'<path class="diagram__edge" d="M{_n(x)} {_n(y)}H{_n(to_x)}"/>'


def _trunk(x: float, ys: list[float], middle: float) -> list[str]:
    """The upright line where a column's edges meet, when they do not all run level with the record."""
    low, high = min([*ys, middle]), max([*ys, middle])
    return [f'<path class="diagram__edge" d="M{_n(x)} {_n(low)}V{_n(high)}"/>'] if high > low else []


def _arrow(x: float, y: float) -> str:
    """An arrowhead ending at (x, y), pointing right."""
    return (
        f'<path class="diagram__arrow" d="M{_n(x - ARROW)} {_n(y - 4)}L{_n(x)} {_n(y)}L{_n(x - ARROW)} {_n(y + 4)}Z"/>'
    )


def _node(row: _Row, x: float) -> list[str]:
    """A record's box: a link to its page, its whole name in the title."""
    shape = [f"<title>{_escape(row.box.name)}</title>", *_rect_and_text(row.lines, x, row.top)]
    if not row.box.target:
        return ['<g class="diagram__more">', *shape, "</g>"]
    return [f'<a class="diagram__node" href="{_escape(row.box.target)}">', *shape, "</a>"]


def _record(name: str, lines: list[str], x: float, top: float) -> list[str]:
    """The record itself: not a link (it is this page), drawn stronger."""
    return ['<g class="diagram__record">', f"<title>{_escape(name)}</title>", *_rect_and_text(lines, x, top), "</g>"]


def _rect_and_text(lines: list[str], x: float, top: float) -> list[str]:
    rect = f'<rect x="{_n(x)}" y="{_n(top)}" width="{BOX_WIDTH}" height="{_n(_box_height(lines))}" rx="4"/>'
    return [rect, _text(lines, x + BOX_WIDTH / 2, top + PAD_Y + (LINE + 0.7 * FONT) / 2, LINE)]


def _label(lines: list[str], x: float, y: float) -> list[str]:
    """An edge's verb, centred above it."""
    first = y - LABEL_RAISE - LABEL_LINE * (len(lines) - 1)
    return [_text(lines, x, first, LABEL_LINE, f'class="diagram__label" font-size="{LABEL_FONT}" ')]


def _text(lines: list[str], x: float, baseline: float, step: float, attributes: str = "") -> str:
    """Lines of text centred on ``x``, the first on ``baseline``."""
    spans = "".join(
        f'<tspan x="{_n(x)}" y="{_n(baseline + i * step)}">{_escape(line)}</tspan>' for i, line in enumerate(lines)
    )
    return f'<text {attributes}text-anchor="middle">{spans}</text>'


_HELVETICA = (
    "278 278 355 556 556 889 667 191 333 333 389 584 278 333 278 278 556 556 556 556 556 556 556 556 556 556 278 "
    "278 584 584 584 556 1015 667 667 722 722 667 611 778 722 278 500 667 556 833 722 778 667 778 722 667 611 722 "
    "667 944 667 667 611 278 278 278 469 556 333 556 556 500 556 556 278 556 556 222 222 500 222 833 556 556 556 "
    "556 333 500 278 556 500 722 500 500 500 334 260 334 584"
)
_ASCII_WIDTHS = dict(zip(map(chr, range(32, 127)), map(int, _HELVETICA.split()), strict=True))
"""Width of each printable ASCII character in thousandths of an em (Helvetica's, as Arial's)."""
SPARE = 1.15
"""Widths are taken this much wider than Helvetica's: DejaVu Sans, the widest usual fallback, fits."""


def _width(text: str, font: float) -> float:
    """A text's estimated width at ``font``: ASCII by Helvetica's widths, a wide (CJK, emoji)
    character one em, a combining mark nothing, any other character 0.6 em."""
    thousandths = sum(
        _ASCII_WIDTHS.get(c)
        or (0 if unicodedata.combining(c) else 1000 if unicodedata.east_asian_width(c) in ("W", "F") else 600)
        for c in text
    )
    return thousandths * font * SPARE / 1000


def _wrap(text: str, width: float, font: float, most: int) -> list[str]:
    """``text`` on at most ``most`` lines of ``width`` at ``font``; a word too long for a line is
    split, and what does not fit ends in an ellipsis. Whitespace runs (line breaks too) are one space."""
    lines: list[str] = []
    current = ""
    for word in _BREAKS.split(text.strip()):
        candidate = f"{current} {word}" if current else word
        if _width(candidate, font) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        for char in word:
            if _width(current + char, font) > width:
                lines.append(current)
                current = ""
            current += char
    if current:
        lines.append(current)
    if len(lines) <= most:
        return lines
    last = lines[most - 1]
    while last and _width(last + "…", font) > width:
        last = last[:-1]
    return [*lines[: most - 1], last.rstrip() + "…"]


def _escape(text: str) -> str:
    """Text or an attribute value, as written: markup characters and quotes as entities, and
    whitespace runs (line breaks included) as one space."""
    return html.escape(" ".join(text.split()), quote=True)


def _n(value: float) -> str:
    """A coordinate, to one decimal, without a trailing .0."""
    return f"{value:.1f}".removesuffix(".0")
