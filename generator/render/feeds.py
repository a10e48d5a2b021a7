"""Feeds for people who follow the site: Atom for new measures, iCalendar for dated events."""

from __future__ import annotations

from xml.sax.saxutils import escape

from generator.addresses import permalink
from generator.catalog import Catalog
from generator.dates import PartialDate
from generator.labels import STAGE_VERBS

FEED_PATH = "feed.xml"
CALENDAR_PATH = "events.ics"


def _timestamp(date: PartialDate) -> str:
    """An RFC 3339 time for a date known to the day, month or year (its first day)."""
    return f"{date.year:04d}-{date.month or 1:02d}-{date.day or 1:02d}T00:00:00Z"


def atom_feed(catalog: Catalog, site_url: str, title: str) -> str:
    """Measures with a known announcement date, newest first, as an Atom 1.0 feed."""
    dated = sorted(
        ((m.dates.announced.when, m) for m in catalog.measures.values() if m.dates.announced),
        key=lambda pair: (pair[0].sort_key(), pair[1].id),
        reverse=True,
    )
    updated = _timestamp(dated[0][0]) if dated else "1970-01-01T00:00:00Z"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{escape(title)}: measures by date announced</title>",
        f'  <link href="{escape(site_url)}" />',
        f'  <link rel="self" href="{escape(site_url + FEED_PATH)}" />',
        f"  <id>{escape(site_url)}</id>",
        f"  <updated>{updated}</updated>",
    ]
    for announced, measure in dated:
        page = permalink(site_url, ("measures", measure.id))
        lines += [
            "  <entry>",
            f"    <title>{escape(measure.title)}</title>",
            f'    <link href="{escape(page)}" />',
            f"    <id>{escape(page)}</id>",
            f"    <updated>{_timestamp(announced)}</updated>",
            f"    <summary>Announced {escape(announced.display())}. {escape(measure.summary.text)}</summary>",
            "    <author><name>China Trade Support Tracker</name></author>",
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
