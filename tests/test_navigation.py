"""Long sections are split into nested groups of at most 40, labelled by where they start and end."""

from __future__ import annotations

from generator.navigation import groups


def test_a_short_section_stays_one_unlabelled_group() -> None:
    titles = [f"Measure {i:02d}" for i in range(40)]
    assert [(g.label, g.start, g.stop) for g in groups(titles)] == [("", 0, 40)]


def test_a_long_section_is_split_with_labels_that_tell_neighbours_apart() -> None:
    titles = sorted(["Alpha", "Beta", "Bravo", "Charlie", "Delta"])
    assert [(g.label, g.start, g.stop) for g in groups(titles, size=3)] == [("A – B", 0, 3), ("C – D", 3, 5)]
    assert [(g.label, g.start, g.stop) for g in groups(titles + ["Echo"], size=2)[0].groups] == [
        ("A – Be", 0, 2),
        ("Br – C", 2, 4),
    ]


def test_ten_thousand_titles_nest_so_no_level_holds_more_than_forty() -> None:
    titles = [f"Measure {i:05d}" for i in range(10_000)]
    top = groups(titles)
    assert len(top) <= 40 and all(len(g.groups) <= 40 for g in top)
    leaves = [leaf for g in top for leaf in g.groups]
    assert all(leaf.stop - leaf.start <= 40 and not leaf.groups for leaf in leaves)
    assert [leaf.start for leaf in leaves] == list(range(0, 10_000, 40))
