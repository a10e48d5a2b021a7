"""When each content file entered the tracker and every change since, read from git in one
pass at the edge of the build."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.addresses import Key
from generator.characters import visible


@dataclass(frozen=True)
class Change:
    """One commit that changed a record's file."""

    commit: str
    """The full commit hash."""
    time: str
    """When it was committed, ISO 8601 with its UTC offset: 2026-11-30T09:12:44+08:00."""
    message: str
    """The first line of the commit message (untrusted text, like the content), its control and
    invisible characters written as escapes."""

    @property
    def day(self) -> str:
        """The date of the change: 2026-11-30."""
        return self.time[:10]


History = tuple[Change, ...]
"""A record's changes, newest first; empty when the build has no git history."""

_FIELDS = "%x00%H%x00%cI%x00%s"
"""Each commit: hash, time and subject, each after a NUL (which no commit message can hold);
then its file names, one per line."""


def content_history(content_dir: Path) -> dict[Key, History]:
    """(folder, id) -> the commits that touched its file, newest first; empty outside a git checkout.

    One ``git log`` pass serves every file. A file with uncommitted edits keeps the history of
    its commits, so that the same checkout always builds the same pages.
    """
    try:
        result = subprocess.run(
            ["git", "log", f"--format={_FIELDS}", "--name-only", "--no-renames", "--", "."],
            cwd=content_dir,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=True,
        )
        prefix = subprocess.run(
            ["git", "rev-parse", "--show-prefix"], cwd=content_dir, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {}
    changes: dict[Key, list[Change]] = {}
    fields = result.stdout.split("\x00")[1:]
    for commit, time, rest in zip(fields[0::3], fields[1::3], fields[2::3], strict=True):
        message, _, names = rest.partition("\n")
        change = Change(commit, time, visible(message.strip()))
        for name in names.splitlines():
            if name.endswith(".yaml") and name.startswith(prefix):
                folder, _, file = name[len(prefix) :].partition("/")
                changes.setdefault((folder, file.removesuffix(".yaml")), []).append(change)
    return {key: tuple(history) for key, history in changes.items()}
