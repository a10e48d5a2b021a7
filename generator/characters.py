"""Characters that content may not hold, and how to show one in a message.

Control characters break feeds, calendars and terminals; invisible formatting characters
(bidi overrides, zero-width spaces) make text read differently from what it is; line and
paragraph separators end lines in YAML, JSON-in-HTML and CI logs. None has a place in a
record, so the loader refuses them, and every message shows them as escapes.
"""

from __future__ import annotations

import re
import unicodedata

_FORBIDDEN_CLASS = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # Cc, less tab, line feed and carriage return
    "\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"  # Cf
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
    "\u2028\u2029"  # Zl, Zp
    "\ud800-\udfff"  # Cs
    "\ue000-\uf8ff\U000f0000-\U0010ffff"  # Co (and the noncharacters at the ends of planes 15-16)
    "\ufdd0-\ufdef\ufffe\uffff"  # noncharacters
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(1, 15))
)
FORBIDDEN_IN_FILE = re.compile(f"[{_FORBIDDEN_CLASS}]")
"""What no content file may hold anywhere (tab, line feed and carriage return are YAML's own)."""
FORBIDDEN_IN_TEXT = re.compile(f"[{_FORBIDDEN_CLASS}\r]")
"""What no text value may hold once YAML escapes are read (tab and line feed stay allowed)."""
_SHOWN_ESCAPED = re.compile(f"[{_FORBIDDEN_CLASS}\t\n\r]")


def describe(character: str) -> str:
    """A character as a message names it: U+202E (RIGHT-TO-LEFT OVERRIDE), U+0001 (a control character)."""
    code = f"U+{ord(character):04X}"
    name = unicodedata.name(character, "")
    if name:
        return f"{code} ({name})"
    kinds = {"Cc": "a control character", "Cs": "a lone surrogate", "Co": "a private-use character"}
    return f"{code} ({kinds.get(unicodedata.category(character), 'a noncharacter')})"


def visible(text: str) -> str:
    """``text`` on one line, every control or invisible character written as an escape (\\n, \\u202e)."""
    return _SHOWN_ESCAPED.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    character = match.group()
    special = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
    if character in special:
        return special[character]
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
