"""The open data described for search engines' dataset search: schema.org ``Dataset`` in JSON-LD."""

from __future__ import annotations

import json
from datetime import datetime

from generator.registry import RECORD_TYPES
from generator.site import SiteInfo

DATASET_MARKER = "<!-- dataset -->"
"""Where the open-data page (hand-written, in docs/) takes the JSON-LD below."""
LICENCE = "https://creativecommons.org/licenses/by/4.0/"
_FORMATS = (("json", "application/json"), ("csv", "text/csv"))


def _download(name: str, media: str, address: str) -> dict[str, str]:
    return {"@type": "DataDownload", "name": name, "encodingFormat": media, "contentUrl": address}


def dataset(site: SiteInfo, description: str) -> str:
    """A ``<script type="application/ld+json">`` block: the data files, their licence, their date."""
    named = [(f"data/{kind.folder}", kind.title) for kind in RECORD_TYPES] + [("data/figures", "Figures")]
    files = [(path, title, kind, media) for path, title in named for kind, media in _FORMATS]
    files.append(("data/citations", "Citations", "csv", "text/csv"))
    changes = [history[0].time for history in site.history.values() if history]
    modified = max(changes, key=datetime.fromisoformat) if changes else None
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": f"{site.name}: open data",
        "description": description,
        "url": f"{site.url}open-data/",
        "license": LICENCE,
        "isAccessibleForFree": True,
        "creator": {"@type": "Organization", "name": f"{site.name} contributors", "url": site.url},
        "distribution": [
            _download(f"{title} ({kind})", media, site.url + path + "." + kind) for path, title, kind, media in files
        ],
    }
    if modified:
        data["dateModified"] = modified
    text = json.dumps(data, ensure_ascii=False, indent=2).replace("<", "\\u003c")  # nothing can end the script
    return f'<script type="application/ld+json">\n{text}\n</script>\n'
