"""When each content file last changed, read from git at the edge of the build."""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.addresses import Key


def last_changes(content_dir: Path) -> dict[Key, str]:
    """(folder, id) -> ISO date of the newest commit touching its file; empty outside a git checkout.

    One ``git log`` pass serves every file. Files with uncommitted edits keep the
    date of their last commit, so that the same checkout always builds the same pages.
    """
    try:
        result = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--", "."],
            cwd=content_dir,
            capture_output=True,
            text=True,
            check=True,
        )
        prefix = subprocess.run(
            ["git", "rev-parse", "--show-prefix"], cwd=content_dir, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {}
    changes: dict[Key, str] = {}
    day = ""
    for line in result.stdout.splitlines():
        if line.startswith("\x00"):
            day = line[1:]
        elif line.endswith(".yaml") and line.startswith(prefix):
            folder, _, name = line[len(prefix) :].partition("/")
            changes.setdefault((folder, name.removesuffix(".yaml")), day)
    return changes
