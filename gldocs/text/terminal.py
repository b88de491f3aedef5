"""Document text made safe to print on a terminal.

A document can carry escape sequences (``ESC [ 2 J`` clears the screen, ``ESC ] 8`` makes
links, ``ESC ] 52`` writes the clipboard), C1 controls, backspaces and carriage returns that
overwrite what was printed, and bidi overrides that reorder it. :func:`terminal_safe` removes
them all; tabs and line feeds stay.
"""

from __future__ import annotations

import re
import unicodedata

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
