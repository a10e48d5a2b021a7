"""How a long section of the navigation is split so that no page carries thousands of links."""

from __future__ import annotations

from dataclasses import dataclass

GROUP_SIZE = 40
"""Most entries one navigation level holds; with `navigation.prune`, a page's HTML carries only
the levels on its own path, so a page's share of the navigation stays small at any size."""


@dataclass(frozen=True)
class Group:
    """A run of pages, by title, with a label readers can scan ("Ba – Ch"), possibly split further."""

    label: str
    start: int
    stop: int
    groups: tuple[Group, ...] = ()


def groups(titles: list[str], size: int = GROUP_SIZE) -> list[Group]:
    """Split titles (already sorted) into nested runs of at most ``size`` entries per level.

    Titles that all fit give one unlabelled run. Otherwise runs of ``size`` titles are made,
    and while there are more runs than ``size``, runs are grouped again.
    """
    if len(titles) <= size:
        return [Group("", 0, len(titles))]
    level = [_run(titles, start, min(start + size, len(titles))) for start in range(0, len(titles), size)]
    while len(level) > size:
        level = [
            _run(titles, level[i].start, level[min(i + size, len(level)) - 1].stop, tuple(level[i : i + size]))
            if i + 1 < len(level)
            else level[i]
            for i in range(0, len(level), size)
        ]
    return level


def _run(titles: list[str], start: int, stop: int, inner: tuple[Group, ...] = ()) -> Group:
    before = titles[start - 1] if start else ""
    after = titles[stop] if stop < len(titles) else ""
    return Group(f"{_prefix(titles[start], before)} – {_prefix(titles[stop - 1], after)}", start, stop, inner)


def _prefix(title: str, neighbour: str) -> str:
    """The shortest start of ``title`` that tells it from its neighbour across the group boundary."""
    for length in range(1, len(title) + 1):
        if title[:length].lower() != neighbour[:length].lower():
            return title[:length]
    return title
