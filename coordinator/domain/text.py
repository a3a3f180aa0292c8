"""User text in and out: no terminal control sequences, ever.

A location typed as `Lokale 2<ESC>]0;TITLE<BEL>` or a name with an OSC sequence from a CSV file
would set the terminal's title (or worse) every time the app or `people list` shows it, and a
NUL byte breaks PostgreSQL. So text is cleaned on its way in (the store's writers call
`clean_line` or `clean_text`) and made visible on its way out (`printable`), for text stored
before the cleaning existed or arriving by another road.

Removed or shown: the C0 controls (except tab and newline where a field has lines), DEL, the
C1 controls, the bidirectional overrides and isolates that can make a name read backwards, and
lone surrogates (bytes of a command line that were not UTF-8).
"""

from __future__ import annotations

import re

#: C0 controls but tab and newline, DEL, C1 controls, and the bidi overrides/isolates.
#: Lone surrogates too: bytes that were not UTF-8 (Python's surrogateescape of a command
#: line) cannot be written to the database or the terminal.
_CONTROLS_IN_TEXT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_CONTROLS_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_ANSI_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI … final byte
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC … BEL or ST
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC … ST
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
)


def _without_sequences(value: str) -> str:
    """Whole escape sequences go, not just their ESC (their payload, e.g. a title, is noise)."""
    return _ANSI_SEQUENCE.sub("", value)


def clean_line(value: str) -> str:
    """A one-line field (a name, a location, a phone number): controls removed, tabs and
    line breaks become spaces, surrounding spaces trimmed."""
    value = _without_sequences(value).replace("\t", " ").replace("\r\n", " ")
    value = re.sub("[\r\n]", " ", value)
    return _CONTROLS_IN_LINE.sub("", value).strip()


def clean_text(value: str) -> str:
    """A field with lines (the citizen's own words, a note): controls removed, tabs and line
    breaks kept, Windows and old Mac line ends made plain newlines."""
    value = _without_sequences(value).replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS_IN_TEXT.sub("", value)


#: What `without_controls` removes: `_CONTROLS_IN_TEXT` but carriage return.
_CONTROLS_BUT_LINE_ENDS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def without_controls(value: str) -> str:
    """Only what can drive a terminal or break a database removed, nothing else changed: no
    trimming, line ends as they are. The store's edge uses this, because an editor autosaves
    what it shows and compares it with what was stored: a trimmed space or a rewritten line
    end would look like someone else's change."""
    return _CONTROLS_BUT_LINE_ENDS.sub("", _without_sequences(value))


def has_controls(value: str, lines: bool = False) -> bool:
    """True when `value` holds something `clean_line`/`clean_text` would remove."""
    return (clean_text(value) if lines else clean_line(value)) != (
        value if lines else value.strip()
    )


def printable(value: str) -> str:
    """`value` safe to print on a terminal: every control character but newline and tab shown
    as a visible symbol (␛ for ESC, ␀ for NUL, � for C1), so nothing is interpreted."""

    def visible(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x20:
            return chr(0x2400 + code)
        if code == 0x7F:
            return "\u2421"
        return "\ufffd"

    return _CONTROLS_IN_TEXT.sub(visible, value)
