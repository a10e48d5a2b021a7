"""Feeds for people who follow the site: Atom for new and changed records, iCalendar for dated events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

from generator.addresses import Key, permalink
from generator.catalog import Catalog
from generator.dates import PartialDate
from generator.labels import STAGE_VERBS
from generator.model import Measure, Record, Source
from generator.registry import FOLDERS, display_name
from generator.site import SiteInfo

FEED_PATH = "feed.xml"
CALENDAR_PATH = "events.ics"


def _timestamp(date: PartialDate) -> str:
    """An RFC 3339 time for a date known to the day, month or year (its first day)."""
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


FOLLOWED = ("measures", "sources")
"""The kinds of record the feed follows."""
FEED_SIZE = 100
"""Most entries the feed holds: the newest changes."""


@dataclass(frozen=True)
class _Entry:
    key: Key
    published: str
    updated: str

    @property
    def moment(self) -> datetime:
        return datetime.fromisoformat(self.updated)


def _entries(catalog: Catalog, site: SiteInfo) -> list[_Entry]:
    """Each followed record, dated by the commits that added it and last changed it; without a
    history, by the date the measure was announced or first reported, or the source published
    (else left out)."""
    entries = []
    for folder in FOLLOWED:
        for record_id in sorted(catalog.folder(folder)):
            key = (folder, record_id)
            first, last = site.first_added(key), site.last_changed(key)
            if first and last:
                entries.append(_Entry(key, first.time, last.time))
                continue
            record = catalog.get(key)
            known = None
            if isinstance(record, Measure):
                reported = catalog.first_reported.get(record.id)
                known = record.dates.announced.when if record.dates.announced else reported[0] if reported else None
            known = record.published if isinstance(record, Source) else known
            if known:
                entries.append(_Entry(key, _timestamp(known), _timestamp(known)))
    entries.sort(key=lambda entry: (entry.moment, entry.key), reverse=True)
    return entries[:FEED_SIZE]


def _summary(record: Record) -> str:
    if isinstance(record, Measure):
        return record.summary.plain
    if isinstance(record, Source):
        return f"{record.publisher}, {record.published.display() if record.published else 'undated'}: {record.about}"
    return display_name(record)


def atom_feed(catalog: Catalog, site: SiteInfo) -> str:
    """The newest measures and sources, and the newest changes to them, as an Atom 1.0 feed: each
    entry published when its record entered the tracker and updated when it last changed."""
    entries = _entries(catalog, site)
    updated = max((entry.updated for entry in entries), key=datetime.fromisoformat, default=None)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{escape(site.name)}: new and changed measures and sources</title>",
        f'  <link rel="alternate" type="text/html" href="{escape(site.url)}" />',
        f'  <link rel="self" type="application/atom+xml" href="{escape(site.url + FEED_PATH)}" />',
        f"  <id>{escape(site.url)}</id>",
        f"  <updated>{updated or _timestamp(PartialDate(2025))}</updated>",
        f"  <author><name>{escape(site.name)}</name></author>",
    ]
    for entry in entries:
        record = catalog.get(entry.key)
        page = permalink(site.url, entry.key)
        kind = FOLDERS[entry.key[0]]
        lines += [
            "  <entry>",
            f"    <title>{escape(display_name(record))}</title>",
            f'    <link rel="alternate" type="text/html" href="{escape(page)}" />',
            f"    <id>{escape(page)}</id>",
            f"    <published>{entry.published}</published>",
            f"    <updated>{entry.updated}</updated>",
            f'    <category term="{kind.folder}" label="{escape(kind.title)}" />',
            f"    <summary>{escape(_summary(record))}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _ical_text(value: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon and comma escaped, every line break (CR too) as \\n."""
    flat = value.replace("\r\n", "\n").replace("\r", "\n")
    return flat.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 folding: lines of at most 75 octets, continued with a leading space."""
    data = line.encode("utf-8")
    parts: list[str] = []
    while len(data) > 75:
        cut = 75 if not parts else 74
        while cut and (data[cut] & 0xC0) == 0x80:  # do not split a UTF-8 character
            cut -= 1
        parts.append(data[:cut].decode("utf-8"))
        data = data[cut:]
    parts.append(data.decode("utf-8"))
    return "\r\n ".join(parts)


def icalendar(catalog: Catalog, site_url: str) -> str:
    """Events and measure dates known to the day, as all-day iCalendar events."""
    entries: list[tuple[PartialDate, str, str, str]] = []
    for event in catalog.events.values():
        if event.date and event.date.when.day:
            page = permalink(site_url, ("events", event.id))
            entries.append((event.date.when, f"events-{event.id}", event.title, page))
    for measure in catalog.measures.values():
        for stage, verb in STAGE_VERBS.items():
            fact = getattr(measure.dates, stage)
            if fact and fact.when.day:
                page = permalink(site_url, ("measures", measure.id))
                entries.append((fact.when, f"measures-{measure.id}-{stage}", f"{measure.title} {verb}", page))
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//China Trade Support Tracker//EN", "CALSCALE:GREGORIAN"]
    for on, uid, summary, page in sorted(entries, key=lambda e: (e[0].sort_key(), e[1])):
        day = f"{on.year:04d}{on.month:02d}{on.day:02d}"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@china-trade-tracker",
            f"DTSTAMP:{day}T000000Z",
            f"DTSTART;VALUE=DATE:{day}",
            _fold("SUMMARY:" + _ical_text(summary)),
            _fold("URL:" + page),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
