"""The command line: parse arguments, call the core, print problems, set the exit status."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.load import load_catalog
from generator.problems import ContentError
from generator.site import site_info

DEFAULT_CONTENT = Path("content")
DEFAULT_OUT = Path("build/pages")


def main(argv: list[str] | None = None) -> int:
    """Run one command; 0 when clean, 1 when the content has problems."""
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every content file and report every problem")
    check.add_argument("--content", type=Path, default=DEFAULT_CONTENT, help="content folder (default: content)")
    build = commands.add_parser("build", help="check, then write the Markdown pages")
    build.add_argument("--content", type=Path, default=DEFAULT_CONTENT, help="content folder (default: content)")
    build.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: build/pages)")
    schema = commands.add_parser("schema", help="write the JSON Schema of each record type")
    schema.add_argument("--out", type=Path, default=Path("site_config/schema"), help="output folder")
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            catalog = load_catalog(args.content)
            count = sum(len(catalog.folder(name)) for name in ("measures", "sources"))
            print(f"{args.content}: no problems ({count} measures and sources)")
        elif args.command == "build":
            from generator.build import build_pages

            changed = build_pages(args.content, args.out, site_info(Path("mkdocs.yml"), args.content))
            print(f"{args.out}: {changed.written} written, {changed.removed} removed, {changed.unchanged} unchanged")
        else:
            from generator.schema import write_schemas

            for path in write_schemas(args.out):
                print(path)
    except ContentError as error:
        print(error, file=sys.stderr)
        count = len(error.problems)
        print(f"{count} problem{'s' if count != 1 else ''} found; nothing was written.", file=sys.stderr)
        return 1
    return 0
