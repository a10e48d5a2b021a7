"""The command line: parse arguments, call the core, print problems, set the exit status."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.characters import visible
from generator.load import ID_PATTERN, MAX_ID, RESERVED_IDS, load_catalog
from generator.problems import ContentError, Problem
from generator.registry import RECORD_TYPES
from generator.site import site_info
from generator.template import record_template

DEFAULT_CONTENT = Path("content")
DEFAULT_OUT = Path("build/pages")
_OUTPUT_HINT = "choose an --out folder you can write to, made by the generator or empty; it is left as it was"


def main(argv: list[str] | None = None) -> int:
    """Run one command; 0 when clean, 1 when the content has problems."""
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every content file and report every problem")
    check.add_argument("--content", type=Path, default=DEFAULT_CONTENT, help="content folder (default: content)")
    check.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="'github' also prints workflow commands that annotate the pull request",
    )
    build = commands.add_parser("build", help="check, then write the Markdown pages")
    build.add_argument("--content", type=Path, default=DEFAULT_CONTENT, help="content folder (default: content)")
    build.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: build/pages)")
    new = commands.add_parser("new", help="write a commented template for a new record")
    new.add_argument("type", choices=[kind.singular for kind in RECORD_TYPES], help="the kind of record")
    new.add_argument("id", help="the new record's id, which is its file name: lower-case words joined by hyphens")
    new.add_argument("--content", type=Path, default=DEFAULT_CONTENT, help="content folder (default: content)")
    schema = commands.add_parser("schema", help="write the JSON Schema of each record type")
    schema.add_argument("--out", type=Path, default=Path("site_config/schema"), help="output folder")
    fingerprint = commands.add_parser(
        "fingerprint", help="write the fingerprint of a source's text, to check quotes without the text"
    )
    fingerprint.add_argument("source", help="the source's id")
    fingerprint.add_argument(
        "text", type=Path, help="a local copy of its text, with a line '@@ <locator>' before each locator"
    )
    fingerprint.add_argument("--content", type=Path, default=DEFAULT_CONTENT, help="content folder (default: content)")
    index = commands.add_parser("index", help="index a built site for search (Pagefind), whatever built it")
    index.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            catalog = load_catalog(args.content)
            count = sum(len(catalog.folder(name)) for name in ("measures", "sources"))
            print(f"{args.content}: no problems ({count} measures and sources)")
        elif args.command == "build":
            from generator.build import build_pages

            try:
                changed = build_pages(args.content, args.out, site_info(Path("mkdocs.yml"), args.content))
            except OSError as error:
                print(f"error: cannot write {args.out}: {error}\n  hint: {_OUTPUT_HINT}", file=sys.stderr)
                return 1
            print(f"{args.out}: {changed.written} written, {changed.removed} removed, {changed.unchanged} unchanged")
        elif args.command == "new":
            return _new(args.content, next(k.folder for k in RECORD_TYPES if k.singular == args.type), args.id)
        elif args.command == "fingerprint":
            return _fingerprint(args.content, args.source, args.text)
        elif args.command == "index":
            return _index(args.site)
        else:
            from generator.schema import write_schemas

            for path in write_schemas(args.out):
                print(path)
    except ContentError as error:
        print(error, file=sys.stderr)
        if getattr(args, "format", "text") == "github":
            for problem in error.problems:
                print(github_annotation(problem))
        count = len(error.problems)
        outcome = "; nothing was written." if args.command == "build" else "."
        print(f"{count} problem{'s' if count != 1 else ''} found{outcome}", file=sys.stderr)
        return 1
    return 0


def _fingerprint(content_dir: Path, source_id: str, text_file: Path) -> int:
    """Write content/fingerprints/<source>.json from a marked local copy of the source's text."""
    from generator.fingerprint import FOLDER, CutError, fingerprint

    if not (content_dir / "sources" / f"{source_id}.yaml").is_file():
        print(
            f"error: there is no source '{source_id}' in {content_dir}/sources\n  hint: add the source first",
            file=sys.stderr,
        )
        return 1
    try:
        text = fingerprint(source_id, text_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, CutError) as error:
        print(
            f"error: cannot fingerprint {text_file}: {error}\n"
            "  hint: a UTF-8 text with a line '@@ <locator>' before each locator (see generator/fingerprint.py)",
            file=sys.stderr,
        )
        return 1
    path = content_dir / FOLDER / f"{source_id}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"{path}: written; the source's text itself stays out of the repository")
    return 0


def _index(site: Path) -> int:
    """Index a built site for search; report what Pagefind said when it fails."""
    from generator.search import SearchIndexError, index_site

    if not (site / "index.html").is_file():
        print(f"error: {site} holds no built site\n  hint: build it first, e.g. mkdocs build", file=sys.stderr)
        return 1
    try:
        said = index_site(site)
    except SearchIndexError as error:
        print(f"error: Pagefind could not index {site}:\n{error}", file=sys.stderr)
        return 1
    print(f"{site}: indexed for search in {site / 'pagefind'}" + (f"\n{said}" if said else ""))
    return 0


def _new(content_dir: Path, folder: str, record_id: str) -> int:
    """Write the template of a new record; refuse an id that is malformed, reserved or taken."""
    path = content_dir / folder / f"{record_id}.yaml"
    if not ID_PATTERN.fullmatch(record_id) or len(record_id) > MAX_ID:
        print(
            f"error: '{record_id}' is not a valid id\n  hint: use lower-case letters, digits and single "
            f"hyphens, at most {MAX_ID} characters, e.g. yiwu-premium-subsidy",
            file=sys.stderr,
        )
        return 1
    if record_id in RESERVED_IDS:
        print(
            f"error: '{record_id}' is reserved for a page the site generates\n  hint: choose another id",
            file=sys.stderr,
        )
        return 1
    taken = [p for p in content_dir.glob(f"*/{record_id}.yaml")]
    if taken:
        print(f"error: {taken[0]} already exists\n  hint: edit that file, or choose another id", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(record_template(folder, record_id), encoding="utf-8")
    print(f"{path}: written; fill it in, then run `python -m generator check`")
    return 0


def github_annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command that shows the problem on the pull request's diff.

    Escaped as GitHub's runner reads them: ``%``, CR and LF in the message, and also ``:`` and
    ``,`` in property values, so a file name cannot end the command or add a property.
    """
    message = visible(problem.message) + (f" (hint: {visible(problem.hint)})" if problem.hint else "")
    path = _escape_property(visible(problem.path))
    return f"::error file={path},line={problem.line},col={problem.column}::{_escape_data(message)}"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")
