"""Every address the site uses, in one place: where a record's page and source file are, how
pages link to each other, the public and permanent addresses, redirects and in-page anchors.

``tests/test_addresses.py`` holds a table of cases for each.
"""

from __future__ import annotations

Key = tuple[str, str]
"""A record's address: (folder, id), e.g. ("measures", "yiwu-premium-subsidy")."""

CONTENT = "content"
"""The folder of the YAML records, relative to the repository."""


def page_path(key: Key) -> str:
    """The Markdown page of a record, relative to the docs: measures/yiwu-premium-subsidy.md."""
    return f"{key[0]}/{key[1]}.md"


def section_path(folder: str, name: str = "index") -> str:
    """A page of a section that lists many records: measures/index.md, measures/by-status.md."""
    return f"{folder}/{name}.md"


def source_file(key: Key) -> str:
    """The YAML file a record comes from, relative to the repository: content/measures/x.yaml."""
    return f"{CONTENT}/{key[0]}/{key[1]}.yaml"


def href(key: Key, anchor: str = "") -> str:
    """A link from one section's page to a record's page (every section is one folder deep)."""
    return f"../{page_path(key)}" + fragment(anchor)


def home_href(key: Key, anchor: str = "") -> str:
    """A link from a hand-written page at the top of the docs (home, coverage) to a record's page."""
    return page_path(key) + fragment(anchor)


def url(key: Key, anchor: str = "") -> str:
    """The address of a record's page from the site root, as the site serves it: measures/x/."""
    return f"{key[0]}/{key[1]}/" + fragment(anchor)


def served_href(key: Key, anchor: str = "") -> str:
    """A link in raw HTML from a record's page, as the site serves it (folder/id/), to another
    record's page: ../../measures/x/. MkDocs rewrites only Markdown links to ``.md`` files."""
    return "../../" + url(key, anchor)


def index_served_href(key: Key, anchor: str = "") -> str:
    """A link in raw HTML from a section's index page, as the site serves it (folder/), to a
    record's page: ../measures/x/."""
    return "../" + url(key, anchor)


def permalink(site_url: str, key: Key, anchor: str = "") -> str:
    """The full public address of a record's page; ``site_url`` ends in a slash."""
    return site_url + url(key, anchor)


def redirect_path(folder: str, former: str) -> str:
    """The file that answers at a renamed record's old address: measures/old-id/index.html."""
    return f"{folder}/{former}/index.html"


def redirect_target(key: Key) -> str:
    """Where a redirect page at ``redirect_path`` sends readers, relative to itself."""
    return f"../{key[1]}/"


def edit_url(repo_url: str, source: str, branch: str = "main") -> str:
    """The address that opens ``source`` (a file in the repository) in GitHub's editor."""
    return f"{repo_url.rstrip('/')}/edit/{branch}/{source}"


def commit_url(repo_url: str, commit: str) -> str:
    """The page of one commit on GitHub."""
    return f"{repo_url.rstrip('/')}/commit/{commit}"


def history_url(repo_url: str, source: str, branch: str = "main") -> str:
    """Every commit that changed ``source`` (a file in the repository), on GitHub."""
    return f"{repo_url.rstrip('/')}/commits/{branch}/{source}"


def fragment(anchor: str) -> str:
    """``#anchor``, or nothing for no anchor."""
    return f"#{anchor}" if anchor else ""


def paragraph_anchor(ref: str) -> str:
    """The id of a source paragraph's heading: para-4, para-whos-who-tmall."""
    return f"para-{ref}"


def statement_anchor(stem: str, number: int = 0) -> str:
    """The id of a cited statement on its page: summary, date-announced, figure-2 (``number``
    counts the statements of a list field from 1)."""
    return f"{stem}-{number}" if number else stem
