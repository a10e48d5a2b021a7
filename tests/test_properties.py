"""Property-based tests: random valid content always builds; random damage never gives a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import markdown
import yaml
from conftest import CORPUS, make_site, mkdocs_build
from htmlsite import elements
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import generate
from generator.load import load_catalog
from generator.model import CLAUSE_MARK, RESERVED_IDS
from generator.problems import ContentError
from generator.site import SiteInfo
from generator.template import schema_comment

HOSTILE = "<>&[](){}|*_`#!:\\\"'$%^~=+-\n\t"
SNIPPETS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<x-injected x-injected-attribute=1>",
    '" x-injected-attribute="1',
    "' onmouseover='alert(1)",
    "`code` and more`",
    "R&D < 10%",
    "[click](javascript:alert(1))",
    "![x](data:text/html,<b>x</b>)",
    "<a href='javascript:x'>y</a>",
    "{: onclick=alert(1) }",
    "{{ config }}",
    "&lt;b&gt;",
    "# heading",
    "- item",
    "```",
]
texts = (
    st.lists(
        st.one_of(
            st.text(
                alphabet=st.one_of(
                    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf", "Co", "Zl", "Zp", "Cn")),
                    st.sampled_from(HOSTILE),
                ),
                max_size=20,
            ),
            st.sampled_from(SNIPPETS),
        ),
        min_size=1,
        max_size=4,
    )
    .map("".join)
    .filter(lambda value: value.strip() != "" and not CLAUSE_MARK.search(value))  # [1] places a footnote
)
ids = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True).filter(
    lambda value: value not in RESERVED_IDS
)
dates = st.dates().map(lambda day: day.isoformat())


@st.composite
def corpora(draw: st.DrawFn) -> dict[str, dict[str, Any]]:
    """A small valid corpus: one source, one agency, one place, and linked measures."""
    paragraphs = draw(st.integers(min_value=1, max_value=5))

    def cite() -> list[dict[str, Any]]:
        para = draw(st.integers(min_value=1, max_value=paragraphs))
        return [{"source": "src", "para": para, "basis": draw(st.sampled_from(["stated", "inferred"]))}]

    files: dict[str, dict[str, Any]] = {
        "sources/src.yaml": {
            "title": draw(texts),
            "publisher": draw(texts),
            "kind": "news-article",
            "official": draw(st.booleans()),
            "language": "en",
            "access": "open",
            "text_basis": "full-text",
            "about": draw(texts),
            "published": draw(dates),
            "paragraphs": [{"ref": n, "gist": draw(texts)} for n in range(1, paragraphs + 1)],
        },
        "agencies/body.yaml": {
            "name": draw(texts),
            "kind": "ministry",
            "description": {"text": draw(texts), "cite": cite()},
        },
        "places/land.yaml": {
            "name": draw(texts),
            "kind": "country",
            "description": {"text": draw(texts), "cite": cite()},
        },
    }
    measure_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    for index, measure_id in enumerate(measure_ids):
        measure: dict[str, Any] = {
            "title": draw(texts),
            "summary": {"text": draw(texts), "cite": cite()},
            "agencies": ["body"],
            "jurisdiction": "land",
            "level": draw(st.sampled_from(["national", "provincial", "municipal"])),
            "instruments": ["export-credit-insurance"],
            "provisions": [{"text": draw(texts), "cite": cite()} for _ in range(draw(st.integers(0, 3)))],
            "figures": [
                {
                    "value": draw(st.floats(0, 1e6, allow_nan=False)),
                    "unit": "percent",
                    "what": draw(texts),
                    "period": draw(texts),
                    "cite": cite(),
                }
            ],
            "tags": draw(st.lists(ids, max_size=2, unique=True)),
        }
        if draw(st.booleans()):
            measure["dates"] = {"announced": {"when": draw(dates), "cite": cite()}}
        if index:  # link to an earlier measure: never a cycle
            measure["relations"] = [{"type": "part-of", "measure": measure_ids[draw(st.integers(0, index - 1))]}]
        files[f"measures/{measure_id}.yaml"] = measure
    return files


def write(root: Path, files: dict[str, dict[str, Any]]) -> Path:
    content = root / "content"
    for relative, record in files.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        body = yaml.safe_dump(record, allow_unicode=True, sort_keys=False)
        path.write_text(schema_comment(relative.split("/")[0]) + "\n" + body, encoding="utf-8")
    return content


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_random_valid_content_always_builds(files: dict[str, dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        pages = generate(write(Path(folder), files), SiteInfo()).outputs()
    measure_pages = [path for path in pages if path.startswith("measures/") and not path.endswith("index.md")]
    assert len(measure_pages) == sum(1 for path in files if path.startswith("measures/")) + 2  # + by-level, by-status
    for path, text in pages.items():
        if path.endswith(".md"):
            front, body = split_front_matter(text)
            assert_safe_front_matter(front, path)
            assert_only_safe_markup(markdown.markdown(body, extensions=EXTENSIONS), path)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The page's front matter, read as MkDocs reads it, and the Markdown after it."""
    if not text.startswith("---\n"):
        return {}, text
    front, _, body = text[4:].partition("\n---\n")
    return yaml.safe_load(front), body


def assert_safe_front_matter(front: dict[str, Any], path: str) -> None:
    """Material prints the title and the description into the page as HTML: they must hold no tag.
    (The citation values are plain text, which overrides/main.html escapes.)"""
    for key in ("title", "description"):
        if key in front:
            assert "<" not in front[key], (path, key, front[key])
    if "description" in front:  # printed inside an attribute's quotes
        assert '"' not in front["description"], (path, front["description"])


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora())
def test_random_valid_content_gives_themed_pages_with_no_markup_of_its_own(files: dict[str, dict[str, Any]]) -> None:
    """The pages readers get: random text in every text field, a real `mkdocs build --strict`, and
    no element or attribute from the text in any HTML file (Material prints some values unescaped)."""
    with tempfile.TemporaryDirectory() as folder:
        site = mkdocs_build(make_site(Path(folder), write(Path(folder) / "input", files)))
        pages = sorted(site.rglob("*.html"))
        assert len(pages) > len(files)
        for path in pages:
            for tag, attributes in elements(path.read_text(encoding="utf-8")):
                assert tag not in ("script", "img") or not ({"onerror"} & attributes.keys()), (path, tag)
                assert not tag.startswith("x-injected"), (path, tag)
                assert not [name for name in attributes if "injected" in name or name == "onmouseover"], (path, tag)
                script = tag == "script" and not attributes.get("src") and attributes.get("id") != "__config"
                assert not script or "alert(1)" not in str(attributes), (path, tag)
            assert "alert(1)</script>" not in path.read_text(encoding="utf-8"), path


EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "footnotes",
    "md_in_html",
    "tables",
    "toc",
    "meta",
    "pymdownx.superfences",
]
"""As mkdocs.yml has them (the fenced code blocks of "Cite this page" hold raw text, escaped by superfences)."""
SAFE_TAGS = {
    "a",
    "details",
    "summary",
    "abbr",
    "code",
    "div",
    "em",
    "figure",
    "h1",
    "h2",
    "h3",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "span",
    "strong",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "time",  # a measure's date in the table of measures, for its month filter
    "tr",
    "ul",
    # the diagram, drawn as SVG
    "svg",
    "title",
    "g",
    "rect",
    "text",
    "tspan",
    "path",
}


def assert_only_safe_markup(html: str, path: str) -> None:
    """Only the tags the generator writes, no event handlers, no script or data links."""
    for tag, attributes in elements(html):
        assert tag in SAFE_TAGS, (path, tag)
        assert not any(name.startswith("on") for name in attributes), (path, tag, attributes)
        href = (attributes.get("href") or "").strip().lower()
        assert not href.startswith(("javascript:", "data:", "vbscript:")), (path, href)


MUTATIONS = st.sampled_from(["delete-line", "duplicate-line", "insert", "truncate", "replace-value"])


@settings(max_examples=150, deadline=None)
@given(
    file=st.sampled_from(
        sorted(p.relative_to(CORPUS / "content").as_posix() for p in (CORPUS / "content").rglob("*.yaml"))
    ),
    mutation=MUTATIONS,
    where=st.integers(min_value=0, max_value=10_000),
    junk=st.text(alphabet=st.sampled_from(HOSTILE + "ab1 :-[]{}&*!|>'\""), min_size=1, max_size=12),
)
def test_damaged_content_fails_with_messages_never_a_traceback(file: str, mutation: str, where: int, junk: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(CORPUS / "content", content)
        path = content / file
        lines = path.read_text(encoding="utf-8").split("\n")
        at = where % len(lines)
        if mutation == "delete-line":
            del lines[at]
        elif mutation == "duplicate-line":
            lines.insert(at, lines[at])
        elif mutation == "insert":
            lines[at] = lines[at][: where % (len(lines[at]) + 1)] + junk + lines[at][where % (len(lines[at]) + 1) :]
        elif mutation == "truncate":
            lines = lines[: at + 1]
        else:
            key, colon, _ = lines[at].partition(":")
            lines[at] = f"{key}{colon} {junk}" if colon else junk
        path.write_text("\n".join(lines), encoding="utf-8")
        try:
            load_catalog(content)
        except ContentError as error:
            assert error.problems
            for problem in error.problems:
                assert problem.line >= 1 and problem.column >= 1 and problem.message
                assert problem.path.startswith(str(content))
