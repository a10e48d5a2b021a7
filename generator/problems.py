"""Problems found in content, reported all at once in the compiler's format."""

from __future__ import annotations

from dataclasses import dataclass

from generator.characters import visible


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one content file, located to a line and column (1-based)."""

    path: str
    line: int
    column: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        """The compiler's format; a line break or invisible character in any part shows as an escape,
        so that no file name or quoted value can start a line of its own (a forged CI command)."""
        text = f"{visible(self.path)}:{self.line}:{self.column}: error: {visible(self.message)}"
        return f"{text}\n  hint: {visible(self.hint)}" if self.hint else text


class ContentError(Exception):
    """Raised at the edges (CLI, MkDocs hook) when content has problems."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))
