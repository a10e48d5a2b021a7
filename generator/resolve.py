"""Check what no single file can: that references name records and citations name paragraphs."""

from __future__ import annotations

from generator.catalog import Catalog, record_folder
from generator.convert import Conversion, PendingCitation, Position, closest
from generator.fingerprint import MAX_QUOTE_WORDS, QUOTE_WORDS, Fingerprint, words
from generator.model import RESERVED_IDS
from generator.problems import Problem
from generator.registry import FOLDERS


def resolve(
    catalog: Catalog,
    conversions: list[Conversion],
    existing: dict[str, set[str]],
    fingerprints: dict[str, Fingerprint] | None = None,
) -> list[Problem]:
    """Every broken reference, missing paragraph, unverified quote, self-reference and cycle.

    ``existing`` holds the ids of every file, valid or not, so that one broken
    file is reported once, not again at every reference to it. ``fingerprints`` (source id ->
    its fingerprint) verify quotes.
    """
    fingerprints = fingerprints or {}
    problems: list[Problem] = []
    by_key = {(_folder_of(c), c.record.id): c for c in conversions if c.record is not None}
    for conversion in conversions:
        record_id = getattr(conversion.record, "id", None)
        for reference in conversion.references:
            records = existing[reference.folder]
            kind = FOLDERS[reference.folder].singular
            if reference.target not in records:
                hint = closest(reference.target, records) or (f"add content/{reference.folder}/{reference.target}.yaml")
                problems.append(reference.position.problem(f"unknown {kind} '{reference.target}'", hint))
            elif reference.target == record_id and _folder_of(conversion) == reference.folder:
                problems.append(
                    reference.position.problem(
                        f"{_article(kind)} {kind} cannot refer to itself",
                        "name another record, or remove this reference",
                    )
                )
        for pending in conversion.citations:
            source = catalog.sources.get(pending.citation.source)
            if source is None:
                continue  # reported as an unknown source, or the source file has problems
            listed: list[str] = [paragraph.ref for paragraph in source.paragraphs]
            for ref in pending.citation.paragraphs():
                if ref not in listed:
                    problems.append(
                        pending.para_position.problem(
                            f"source '{source.id}' has no paragraph '{ref}'", f"its paragraphs are: {_span(listed)}"
                        )
                    )
            if pending.quote_position is not None:
                problems.extend(_quote(pending, pending.quote_position, fingerprints.get(source.id)))
    problems.extend(_cycles(catalog, by_key))
    problems.extend(_aliases(by_key, existing))
    return problems


def _quote(pending: PendingCitation, position: Position, fingerprint: Fingerprint | None) -> list[Problem]:
    """A quote must be the source's words, in the paragraphs cited, and short."""
    citation = pending.citation
    count = len(words(citation.quote))
    if count > MAX_QUOTE_WORDS:
        return [
            position.problem(f"quote has {count} words; the limit is {MAX_QUOTE_WORDS}", "quote the words that matter")
        ]
    if count < QUOTE_WORDS:
        return [
            position.problem(
                f"quote has {count} word{'s' if count != 1 else ''}; at least {QUOTE_WORDS} are needed to check it",
                "quote a few more of the source's words",
            )
        ]
    if fingerprint is None:
        return [
            position.problem(
                f"source '{citation.source}' has no fingerprint, so its quotes cannot be checked",
                f"run python -m generator fingerprint {citation.source} <its text, marked with @@ locators>",
            )
        ]
    if fingerprint.holds(citation.paragraphs(), citation.quote):
        return []
    holder = fingerprint.holder(citation.quote)
    where = "para. " + citation.para if len(citation.paragraphs()) == 1 else "paras. " + citation.para
    hint = (
        f"these words are in paragraph '{holder}': cite that paragraph"
        if holder
        else "copy the source's exact words (spacing, case and punctuation may differ)"
    )
    return [position.problem(f"quote is not in {where} of '{citation.source}'", hint)]


def _aliases(by_key: dict[tuple[str, str], Conversion], existing: dict[str, set[str]]) -> list[Problem]:
    """A former id must not be a current id, nor the former id of two records."""
    problems = []
    claimed: dict[tuple[str, str], str] = {}
    for (folder, record_id), conversion in sorted(by_key.items()):
        for former, position in zip(conversion.record.aliases, conversion.aliases, strict=True):
            if former in RESERVED_IDS:
                problems.append(
                    position.problem(
                        f"'{former}' is reserved for a page the site generates",
                        "an old address there cannot redirect; remove this former id",
                    )
                )
            elif former in existing[folder]:
                problems.append(
                    position.problem(
                        f"'{former}' is the id of another {FOLDERS[folder].singular}",
                        "a former id must be free; remove it, or rename that record",
                    )
                )
            elif (folder, former) in claimed:
                problems.append(
                    position.problem(
                        f"'{former}' is already a former id of '{claimed[folder, former]}'",
                        "an old address can redirect to one record only",
                    )
                )
            else:
                claimed[folder, former] = record_id
    return problems


def _folder_of(conversion: Conversion) -> str:
    return record_folder(conversion.record) if conversion.record is not None else ""


def _span(refs: list[str]) -> str:
    """ "1-8, 10-12, whos-who" for a list of paragraph locators."""
    parts: list[str] = []
    run: list[int] = []
    for ref in refs + [""]:
        if ref.isdigit() and (not run or int(ref) == run[-1] + 1):
            run.append(int(ref))
            continue
        if run:
            parts.append(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}")
            run = []
        if ref.isdigit():
            run = [int(ref)]
        elif ref:
            parts.append(ref)
    return ", ".join(parts)


def _cycles(catalog: Catalog, by_key: dict[tuple[str, str], Conversion]) -> list[Problem]:
    """Chains that loop back: a measure part of itself through others, an agency its own parent."""
    graphs: dict[str, dict[str, list[str]]] = {
        "measures": {m.id: [r.measure for r in m.relations if r.type == "part-of"] for m in catalog.measures.values()},
        "agencies": {a.id: [a.parent] if a.parent else [] for a in catalog.agencies.values()},
        "places": {p.id: [p.parent] if p.parent else [] for p in catalog.places.values()},
        "topics": {t.id: [t.parent] if t.parent else [] for t in catalog.topics.values()},
    }
    problems = []
    for folder, graph in graphs.items():
        for cycle in _find_cycles(graph):
            first, second = cycle[0], cycle[1 % len(cycle)]
            field = "parent"
            if folder == "measures":
                relations = catalog.measures[first].relations
                index = next(i for i, r in enumerate(relations) if r.type == "part-of" and r.measure == second)
                field = f"relations[{index}].measure"
            reference = next(r for r in by_key[folder, first].references if r.position.field == field)
            chain = " -> ".join([*cycle, first])
            link = "part of" if folder == "measures" else "the parent of"
            singular = FOLDERS[folder].singular
            problems.append(
                reference.position.problem(
                    f"{singular} chain loops back on itself: {chain}",
                    f"{_article(singular)} {singular} cannot be {link} itself, even through others; remove one link",
                )
            )
    return problems


def _find_cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Each cycle of two or more nodes, once, starting at its smallest node (iterative DFS)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    cycles: list[list[str]] = []
    for root in sorted(graph):
        if root in state:
            continue
        path = [root]
        state[root] = 1
        stack = [iter(graph.get(root, ()))]
        while stack:
            following = next(stack[-1], None)
            if following is None:
                stack.pop()
                state[path.pop()] = 2
            elif state.get(following) == 1 and following != path[-1]:
                cycle = path[path.index(following) :]
                turn = cycle.index(min(cycle))
                cycles.append(cycle[turn:] + cycle[:turn])
            elif following in graph and following not in state:
                state[following] = 1
                path.append(following)
                stack.append(iter(graph[following]))
    return cycles


def _article(word: str) -> str:
    """'a' or 'an' before ``word``."""
    return "an" if word[0] in "aeiou" else "a"
