"""How a long section of the navigation is split so that no page carries thousands of links.

Titles are grouped by how they start ("Export…", "Measure 7…"), not by their position in the
list: a new or renamed record changes the groups its title leaves and joins, never the labels of
the groups around them. With `navigation.prune` a page shows the levels on its own path, so an
edit in preview renders again the few pages of those groups, not every page of the section.
"""

from __future__ import annotations

from dataclasses import dataclass

GROUP_SIZE = 40
"""Most entries one navigation level holds; with `navigation.prune`, a page's HTML carries only
the levels on its own path, so a page's share of the navigation stays small at any size."""


@dataclass(frozen=True)
class Group:
    """A run of pages, by title, with a label readers can scan ("Export…"), possibly split further."""

    label: str
    start: int
    stop: int
    groups: tuple[Group, ...] = ()


def sort_key(title: str) -> str:
    """How titles are ordered and grouped: case-blind, and every character that is not a letter or
    a digit counts as a space, so that "Measure 7: X" and "Measure 7 (Y)" sit together, before
    "Measure 70"."""
    return "".join(c if c.isalnum() else " " for c in title.lower())


def groups(titles: list[str], size: int = GROUP_SIZE) -> list[Group]:
    """Split titles (sorted by ``sort_key``) into nested groups of at most ``size`` entries.

    Titles that all fit give one unlabelled group. Otherwise the titles are split by the first
    character after the start they all share (a letter, a digit, or "anything else"), and each
    part of more than ``size`` titles is split again the same way.
    """
    if len(titles) <= size:
        return [Group("", 0, len(titles))]
    keys = [sort_key(title) for title in titles]
    return _split(titles, keys, 0, len(titles), size)


def _split(titles: list[str], keys: list[str], start: int, stop: int, size: int) -> list[Group]:
    first, last = keys[start], keys[stop - 1]
    depth = next((i for i in range(max(len(first), len(last))) if _letter(first, i) != _letter(last, i)), None)
    if depth is None:  # the same title many times over: by position
        return [
            Group(f"{titles[at].strip()} ({at - start + 1}–{min(at + size, stop) - start})", at, min(at + size, stop))
            for at in range(start, stop, size)
        ]
    parts: list[Group] = []
    at = start
    while at < stop:
        letter = _letter(keys[at], depth)
        end = at + 1
        while end < stop and _letter(keys[end], depth) == letter:
            end += 1
        label = f"{titles[at][: depth + 1]}…" if letter != " " else titles[at][:depth].rstrip(_NOT_LABEL) or "Other"
        inner = tuple(_split(titles, keys, at, end, size)) if end - at > size else ()
        parts.append(Group(label, at, end, inner))
        at = end
    if len(parts) > size:  # more than ``size`` kinds of next character: runs of them
        step = -(-len(parts) // size)
        runs = [parts[i : i + step] for i in range(0, len(parts), step)]
        parts = [
            Group(f"{run[0].label} – {run[-1].label}", run[0].start, run[-1].stop, tuple(run))
            if len(run) > 1
            else run[0]
            for run in runs
        ]
    return parts


_NOT_LABEL = " -–—:;,.()[]/'\"“”‘’"
"""What a label of titles that go on with a space or a mark does not end with."""


def _letter(key: str, depth: int) -> str:
    """The character that splits at ``depth``: a space also for a title that ends there."""
    return key[depth] if depth < len(key) else " "
