"""Bar charts drawn at build time as SVG, for the home page's dashboard: no chart library, no
script, nothing fetched.

A chart is as wide as its column at any screen width, with text at its natural size: it has
no ``viewBox``, and its bars are placed and sized in percentages of its width (SVG lengths allow
them), so only the bars stretch. Each bar is a link (its ``<title>`` is its accessible name,
"Municipal: 4 measures") and the chart a labelled group; the page gives the same counts as a
table beside it. Colours come from CSS classes (``extra.css``) that read Material's palette
variables, so a chart reads in the light and the dark schemes.

Every label is untrusted text: it reaches the SVG only through ``html.escape``. Addresses are
built by the caller from ids and ``urlencode`` and escaped here too.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from generator.render.diagram import _wrap as wrap  # the diagram's width estimate (Helvetica's widths)

FONT = 13
"""Font size of a bar's label, in CSS pixels."""
LINE = 16
LABEL_WIDTH = 300
"""Widest a bar's label is drawn (then wrapped, then cut with an ellipsis): a phone's column."""
LABEL_LINES = 2
BAR = 14
"""Thickness of a bar."""
ROW_GAP = 10
LONGEST = 86
"""The longest bar, in percent of the chart's width: the rest is room for its count."""
SHORTEST = 0.8
"""The shortest bar of a count above nothing, in percent, so that it shows."""


@dataclass(frozen=True)
class Bar:
    """One bar: what it counts (untrusted text), how many, and where it leads (a served address,
    relative to the page; "" for no link)."""

    label: str
    count: int
    href: str = ""


def _escape(value: str) -> str:
    """Text or an attribute value as written: markup characters and quotes as entities,
    whitespace runs (line breaks too) as one space."""
    return html.escape(" ".join(value.split()), quote=True)


def _n(value: float) -> str:
    """A number to two decimals, without trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def measures(count: int) -> str:
    """``count`` measures, in words: 1 measure, 4 measures."""
    return f"{count} measure{'' if count == 1 else 's'}"


def _open(name: str, title: str, height: float, kind: str) -> list[str]:
    """The chart's ``<svg>``, labelled by its title; ``name`` makes the title's id unique on the page."""
    return [
        f'<svg class="chart__drawing chart__drawing--{kind}" xmlns="http://www.w3.org/2000/svg" width="100%" '
        f'height="{_n(height)}" role="group" aria-labelledby="chart-{name}-title">',
        f'<title id="chart-{name}-title">{_escape(title)}</title>',
    ]


def _link(bar: Bar, shapes: list[str], name: str = "") -> list[str]:
    """A bar's shapes inside its link (or a plain group when it leads nowhere), titled with its count."""
    title = f"<title>{_escape(f'{name or bar.label}: {measures(bar.count)}')}</title>"
    if not bar.href:
        return ['<g class="chart__bar">', title, *shapes, "</g>"]
    return [f'<a class="chart__bar" href="{_escape(bar.href)}">', title, *shapes, "</a>"]


def bar_chart(name: str, title: str, bars: Sequence[Bar]) -> list[str]:
    """Horizontal bars, one row each: the label on its own line (so that long names fit a phone),
    the bar under it and the count at its end. One element a line, no blank line."""
    most = max((bar.count for bar in bars), default=0) or 1
    rows, top = [], 0.0
    for bar in bars:
        lines = wrap(bar.label, LABEL_WIDTH, FONT, LABEL_LINES)
        label_height = LINE * len(lines)
        bar_top = top + label_height + 3
        width = max(LONGEST * bar.count / most, SHORTEST if bar.count else 0)
        spans = "".join(
            f'<tspan x="0" y="{_n(top + FONT + i * LINE)}">{_escape(line)}</tspan>' for i, line in enumerate(lines)
        )
        shapes = [
            f'<rect class="chart__hit" x="0" y="{_n(top)}" width="100%" height="{_n(label_height + 3 + BAR)}"/>',
            f'<text class="chart__label">{spans}</text>',
            f'<rect class="chart__fill" x="0" y="{_n(bar_top)}" width="{_n(width)}%" height="{BAR}" rx="2"/>',
            f'<text class="chart__count" x="{_n(width)}%" dx="6" y="{_n(bar_top + BAR - 2)}">{bar.count}</text>',
        ]
        rows += _link(bar, shapes)
        top = bar_top + BAR + ROW_GAP
    return [*_open(name, title, max(top - ROW_GAP, 0) + 2, "bars"), *rows, "</svg>"]


@dataclass(frozen=True)
class Slot:
    """A column of a chart over time: its bar, its label on the axis (May), the label of the span
    it opens under that (2025, or ""), and its name for the bar's title (May 2025)."""

    bar: Bar
    axis: str
    group: str = ""
    name: str = ""


COLUMN_HEIGHT = 120
"""The tallest column."""
TOP = 18
"""Room above the tallest column for its count."""
AXIS_FONT = 11
MOST_AXIS_LABELS = 12
"""Most labels along the axis: on a phone, more would run into each other."""
APART = 1.5
"""How many slots wide the column kept apart (no date) stands, its gap included."""


def column_chart(name: str, title: str, slots: Sequence[Slot], apart: Slot | None = None) -> list[str]:
    """Columns along a time axis, oldest on the left, each with its count above it; ``apart`` (the
    measures with no date) stands at the right end, set off by a gap and drawn dashed."""
    every = len(slots) + (APART if apart else 0)
    width = 100 / max(every, 1)
    most = max([slot.bar.count for slot in slots] + [apart.bar.count if apart else 0]) or 1
    base = TOP + COLUMN_HEIGHT
    step = -(-len(slots) // MOST_AXIS_LABELS)  # label every step-th slot
    out = [f'<line class="chart__axis" x1="0" x2="100%" y1="{base + 0.5}" y2="{base + 0.5}"/>']
    placed = [(slot, index * width) for index, slot in enumerate(slots)]
    if apart:
        placed.append((apart, (len(slots) + APART - 1) * width))
    for index, (slot, left) in enumerate(placed):
        middle = left + width / 2
        height = COLUMN_HEIGHT * slot.bar.count / most
        kind = "chart__fill chart__fill--apart" if slot is apart else "chart__fill"
        if slot is apart or index % step == 0:
            out.append(_centred("chart__axis-label", middle, base + 15, slot.axis))
        if slot.group:
            out.append(_centred("chart__axis-group", middle, base + 29, slot.group))
        if not slot.bar.count:
            continue
        shapes = [
            f'<rect class="chart__hit" x="{_n(left)}%" y="0" width="{_n(width)}%" height="{base}"/>',
            f'<rect class="{kind}" x="{_n(left + width * 0.15)}%" y="{_n(base - height)}" '
            f'width="{_n(width * 0.7)}%" height="{_n(height)}" rx="2"/>',
            _centred("chart__count", middle, base - height - 4, str(slot.bar.count)),
        ]
        out += _link(slot.bar, shapes, slot.name or slot.bar.label)
    return [*_open(name, title, base + 34, "columns"), *out, "</svg>"]


def _centred(kind: str, x: float, y: float, text: str) -> str:
    """A line of text centred on ``x`` (in percent of the chart's width), its baseline on ``y``."""
    return f'<text class="{kind}" x="{_n(x)}%" y="{_n(y)}" text-anchor="middle">{_escape(text)}</text>'
