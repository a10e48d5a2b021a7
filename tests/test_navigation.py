"""Long sections are split into nested groups of at most 40 by how their titles start, so that
a new or renamed record changes only the groups its title leaves and joins."""

from __future__ import annotations

from generator.navigation import Group, groups, sort_key


def members(titles: list[str], found: list[Group], path: tuple[str, ...] = ()) -> dict[tuple[str, ...], set[str]]:
    """Each group, by the labels on its path, -> its titles."""
    out: dict[tuple[str, ...], set[str]] = {}
    for group in found:
        out[(*path, group.label)] = set(titles[group.start : group.stop])
        out |= members(titles, list(group.groups), (*path, group.label))
    return out


def test_a_short_section_stays_one_unlabelled_group() -> None:
    titles = [f"Measure {i:02d}" for i in range(40)]
    assert [(g.label, g.start, g.stop) for g in groups(titles)] == [("", 0, 40)]


def test_titles_are_grouped_by_how_they_start() -> None:
    titles = sorted(
        ["Export credit", "Export tax rebate", "Exporters' fairs", "Import fairs", "Yiwu subsidy"], key=sort_key
    )
    found = groups(titles, size=3)
    assert [(g.label, g.stop - g.start) for g in found] == [("E…", 3), ("I…", 1), ("Y…", 1)]
    assert [(g.label, g.stop - g.start) for g in groups(titles, size=2)] == [("E… – I…", 4), ("Y…", 1)]
    assert [(g.label, g.stop - g.start) for g in groups(titles[:3], size=2)] == [("Export", 2), ("Exporte…", 1)]


def test_punctuation_sorts_as_a_space() -> None:
    titles = sorted(["Measure 70", "Measure 7: tax", "Measure 7 (draft)"], key=sort_key)
    assert titles == ["Measure 7 (draft)", "Measure 7: tax", "Measure 70"]
    assert [(g.label, g.stop - g.start) for g in groups(titles, size=2)] == [("Measure 7", 2), ("Measure 70…", 1)]


def test_a_renamed_title_changes_only_the_groups_it_leaves_and_joins() -> None:
    titles = sorted((f"Measure {i}: x" for i in range(1, 10_001)), key=sort_key)
    before = members(titles, groups(titles))
    for old, new in [("Measure 7: x", "Measure 7 renamed: x"), ("Measure 4242: x", "Measure 99 bis: x")]:
        renamed = sorted([new if title == old else title for title in titles], key=sort_key)
        after = members(renamed, groups(renamed))
        differ = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
        assert differ, "the renamed title moved"
        assert all(old in before.get(path, set()) or new in after.get(path, set()) for path in differ)


def test_ten_thousand_titles_nest_so_no_level_holds_more_than_forty() -> None:
    titles = sorted((f"Measure {i}: x" for i in range(1, 10_001)), key=sort_key)

    def leaves(level: list[Group]) -> list[Group]:
        assert len(level) <= 40
        found = []
        for group in level:
            if group.groups:
                assert (group.groups[0].start, group.groups[-1].stop) == (group.start, group.stop)
                found += leaves(list(group.groups))
            else:
                assert group.stop - group.start <= 40
                found.append(group)
        return found

    found = leaves(groups(titles))
    assert [g.start for g in found] == [0] + [g.stop for g in found[:-1]] and found[-1].stop == 10_000


def test_the_same_title_many_times_is_split_by_position() -> None:
    assert [(g.label, g.start, g.stop) for g in groups(["Same"] * 7, size=3)] == [
        ("Same (1–3)", 0, 3),
        ("Same (4–6)", 3, 6),
        ("Same (7–7)", 6, 7),
    ]
