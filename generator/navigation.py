"""How a long section of the navigation is split so that no page carries thousands of links."""

from __future__ import annotations

from dataclasses import dataclass

GROUP_SIZE = 40
"""Most pages one navigation group holds; with `navigation.prune`, a page's HTML carries one group."""


@dataclass(frozen=True)
class Group:
    """A run of pages, by title, with a label readers can scan: "Ba – Ch"."""

    label: str
    start: int
    stop: int


def groups(titles: list[str], size: int = GROUP_SIZE) -> list[Group]:
    """Split titles (already sorted) into runs of at most ``size``; one run when they all fit."""
    if len(titles) <= size:
        return [Group("", 0, len(titles))]
    runs = []
    for start in range(0, len(titles), size):
        stop = min(start + size, len(titles))
        first, last = titles[start], titles[stop - 1]
        runs.append(
            Group(
                f"{_prefix(first, titles[start - 1] if start else '')} – "
                f"{_prefix(last, titles[stop] if stop < len(titles) else '')}",
                start,
                stop,
            )
        )
    return runs


def _prefix(title: str, neighbour: str) -> str:
    """The shortest start of ``title`` that tells it from its neighbour across the group boundary."""
    for length in range(1, len(title) + 1):
        if title[:length].lower() != neighbour[:length].lower():
            return title[:length]
    return title
