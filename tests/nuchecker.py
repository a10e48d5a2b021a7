"""The Nu HTML Checker over a built site, and the plain Material site whose errors are left aside.

The checker is vnu.jar from npm's `vnu-jar` (package.json pins it, `make check-html` installs it)
run with Java. A plain Material site built with our theme settings shows which errors Material
makes on every site by itself (its templates and scripts are not ours to fix): an error of ours
is one whose message that site does not have.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA_OPTIONS = ("-Xss8m", "-XX:TieredStopAtLevel=1")
"""A stack deep enough for the HTML schema (the checker asks for 512k at least; the quick
compiler's frames are larger), and only the quick compiler: half the time of a short run."""


@dataclass(frozen=True)
class Finding:
    """One error the checker found, where it stands in the built site."""

    path: str
    """Site-relative, as "measures/x/index.html"."""
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: error: {self.message}"


def nu_errors(*sites: Path) -> dict[Path, list[Finding]]:
    """Every error the Nu HTML Checker finds in the HTML pages of each of ``sites``, in page
    order. One run for them all: the checker takes a few seconds to start."""
    assert VNU_JAR.is_file(), f"{VNU_JAR} is missing: `make check-html` installs it (npm ci)"
    command = ["java", *JAVA_OPTIONS, "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", "--format", "json"]
    folders = {site: site.resolve() for site in sites}
    command += ["--stdout", *map(str, folders.values())]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8")  # vnu writes UTF-8 always
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        stopped = f"the Nu HTML Checker gave no report (exit {result.returncode}):\n{result.stderr}"
        raise AssertionError(stopped) from None
    found: dict[Path, list[Finding]] = {site: [] for site in sites}
    for message in report["messages"]:
        path = Path(unquote(urlsplit(message.get("url", "")).path))
        site = next((site for site, folder in folders.items() if path.is_relative_to(folder)), None)
        assert site is not None, f"the Nu HTML Checker could not check a page: {message}"
        line = message.get("firstLine", message.get("lastLine", 0))
        column = message.get("firstColumn", message.get("lastColumn", 0))
        found[site].append(Finding(path.relative_to(folders[site]).as_posix(), line, column, message["message"]))
    return {site: sorted(findings, key=lambda f: (f.path, f.line, f.column)) for site, findings in found.items()}


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml without building the Python objects its !!python tags name."""


class PythonObject:
    """Stands for a value mkdocs.yml gives with a !!python tag."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: PythonObject())


def mkdocs_config(mkdocs_yml: Path = ROOT / "mkdocs.yml") -> dict[str, Any]:
    """The settings of ``mkdocs_yml``; each !!python-tagged value is a PythonObject."""
    config: dict[str, Any] = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_Loader)
    return config


def _names_python(value: object) -> bool:
    if isinstance(value, dict):
        return any(_names_python(v) for v in value.values())
    if isinstance(value, list):
        return any(_names_python(v) for v in value)
    return isinstance(value, PythonObject)


def _without_python_options(extension: str | dict[str, Any]) -> str | dict[str, Any]:
    """A Markdown extension of mkdocs.yml less its options that name Python objects."""
    if isinstance(extension, str):
        return extension
    ((name, options),) = extension.items()
    return {name: {key: value for key, value in (options or {}).items() if not _names_python(value)}}


PLAIN_PAGE = """\
---
tags: [example]
---

# {title}

A paragraph with a footnote[^1], an abbreviation, HTML, and a [link to the section](#a-table).

## A table

| Name | Value |
| ---- | ----: |
| one  | 1     |
| two  | 2     |

## An admonition

!!! note "A note"

    Its text, with `code`.

## A code block

```python
print("Hello")
```

<div markdown>
Markdown in HTML, and a heading with its own id below.
</div>

### A heading with an id {{#own-id}}

*[HTML]: HyperText Markup Language
[^1]: The footnote.
"""

PLAIN_PAGES = {"index.md": "Home", "section/index.md": "A section", "section/page.md": "A page"}
"""A home page, and a section with an index page (navigation.indexes) and one more page."""


def plain_material_project(folder: Path, mkdocs_yml: Path = ROOT / "mkdocs.yml") -> Path:
    """Write a plain Material project into ``folder``: the theme of ``mkdocs_yml`` without our
    overrides (custom_dir), its Markdown extensions less the options that name Python objects,
    Material's default search and its tags plugin, and three pages of ordinary Markdown."""
    ours = mkdocs_config(mkdocs_yml)
    config: dict[str, Any] = {
        "site_name": "Plain Material",
        **{key: ours[key] for key in ("site_url", "repo_url", "edit_uri") if key in ours},
        "theme": {key: value for key, value in ours["theme"].items() if key != "custom_dir"},
        "plugins": ["search", "tags"],
        "markdown_extensions": [_without_python_options(e) for e in ours.get("markdown_extensions", [])],
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    for name, title in PLAIN_PAGES.items():
        page = folder / "docs" / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(PLAIN_PAGE.format(title=title), encoding="utf-8")
    return folder
