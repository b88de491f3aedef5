"""Document text made safe to print on a terminal.

A document can carry escape sequences (``ESC [ 2 J`` clears the screen, ``ESC ] 8`` makes
links, ``ESC ] 52`` writes the clipboard), C1 controls, backspaces and carriage returns that
overwrite what was printed, and bidi overrides that reorder it. :func:`terminal_safe` removes
them all; tabs and line feeds stay.
"""

from __future__ import annotations

import io
import re
import unicodedata
from typing import TextIO

# ESC or CSI sequences (CSI, OSC up to BEL/ST, two-character escapes), then single controls.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI … final
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC/DCS…
    r"|\x1b[ -/]*[0-~]?"  # other escapes
)
_CONTROLS = {c: None for c in range(0x20) if chr(c) not in "\t\n"}
_CONTROLS.update({c: None for c in range(0x7F, 0xA0)})


def terminal_safe(text: str) -> str:
    """``text`` without escape sequences, control characters and bidi/format characters."""
    if text.isprintable():
        return text
    text = _SEQUENCE.sub("", text).translate(_CONTROLS)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


# --------------------------------------------------------------------------- the streams

# Everything the CLI prints passes this filter: a file name or a forged log line can carry
# escape sequences as well as a document can. Kept: tab, line feed, carriage return (progress
# bars), colour sequences (SGR, without "conceal") and cursor show/hide (progress bars).
_UNSAFE_OUT = re.compile(
    r"\x1b\[(?P<sgr>[0-9;]*)m"
    r"|\x1b\[\?25[hl]"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
    r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _conceals(params: str) -> bool:
    """Whether an SGR parameter list switches on "conceal" (8), colour arguments skipped."""
    items = params.split(";")
    i = 0
    while i < len(items):
        if items[i] in ("38", "48", "58"):
            i += 5 if i + 1 < len(items) and items[i + 1] == "2" else 3
            continue
        if items[i] == "8":
            return True
        i += 1
    return False


def _keep(m: re.Match[str]) -> str:
    text = m.group(0)
    if m.group("sgr") is not None:
        return "" if _conceals(m.group("sgr")) else text
    return text if text in ("\x1b[?25h", "\x1b[?25l") else ""


def printable(text: str) -> str:
    """``text`` as the CLI may print it (see :class:`SafeStream`)."""
    if text.isprintable() or all(c.isprintable() or c in "\t\n" for c in text):
        return text
    return _UNSAFE_OUT.sub(_keep, text)


class SafeStream(io.TextIOBase):
    """A text stream that passes what is written through :func:`printable`."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._inner, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self._inner, "errors", None)

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("SafeStream skriver kun tekst")
        self._inner.write(printable(text))
        return len(text)

    def flush(self) -> None:
        self._inner.flush()

    def isatty(self) -> bool:
        return self._inner.isatty()

    def fileno(self) -> int:
        return self._inner.fileno()

    def writable(self) -> bool:
        return True
