"""Property: invisible characters and look-alikes inserted into known identifiers never get them
past ``redact`` (removed) or ``scan`` (caught)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gldocs.document.base import SourceDocument
from gldocs.document.txt import units_from_text
from gldocs.document.units import apply_edits
from gldocs.export.leakscan import scan
from gldocs.export.places import Place
from gldocs.redact.apply import plan_edits
from gldocs.redact.detectors.patterns import digits_only
from gldocs.redact.facade import Client, redactor_for
from gldocs.text.normalize import normalise_text

CLIENT = "Mikkel Storgaard Winther"
CLIENT_CPR = "150488-1234"
OTHER_CPR = "030592-2817"  # a third person's number (invented; valid date)
NAME = "Vibeke Kronborg"

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c",
             "\u202d", "\u202e", "\u2060", "\u2061", "\u2062", "\u2063", "\u2064", "\u2066",
             "\u2067", "\u2068", "\u2069", "\u034f", "\u00ad", "\ufeff", "\x00", "\ufe0f"]
DASHES = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212",
          "\ufe58", "\ufe63", "\uff0d"]
SPACES = [" ", "\u00a0", "\u202f", "\u2007", "\u3000", "\u2009", "\u200a"]
FULLWIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}
LOOKALIKE = {"e": "\u0435", "o": "\u043e", "i": "\u0456", "K": "\u039a", "V": "\u0474"}


@st.composite
def disguised(draw: st.DrawFn, value: str) -> str:
    """``value`` with look-alikes for its dashes, spaces, digits and some letters (Cyrillic,
    Greek) and invisible characters between its characters."""
    out: list[str] = []
    for i, ch in enumerate(value):
        if ch == "-":
            ch = draw(st.sampled_from(DASHES))
        elif ch == " ":
            ch = draw(st.sampled_from(SPACES))
        elif ch.isdigit() and draw(st.booleans()):
            ch = FULLWIDTH[ch]
        elif ch in LOOKALIKE and draw(st.booleans()):
            ch = LOOKALIKE[ch]
        out.append(ch)
        if i < len(value) - 1:
            out.append("".join(draw(st.lists(st.sampled_from(INVISIBLE), max_size=2))))
    return "".join(out)


def _redacted(text: str) -> str:
    """What ``redact`` writes (the facade it uses, without the NER model)."""
    doc = SourceDocument(path=Path("plan.txt"), kind="txt", units=units_from_text(text))
    plan = redactor_for("kommune", ner=False).analyze(doc, [], Client(CLIENT, CLIENT_CPR))
    edits = plan_edits(plan)
    return "\n".join(apply_edits(u.text, edits.get(u.path, [])) for u in plan.units)


def _document(cpr: str, name: str) -> str:
    return (f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CLIENT_CPR}\n\n"
            f"2. Beskrivelse\nMikkel har en kæreste, {name}, født {cpr}. "
            "Hun besøger ham hver uge.\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cpr=disguised(OTHER_CPR), name=disguised(NAME))
def test_redact_removes_disguised_identifiers(cpr: str, name: str) -> None:
    out = _redacted(_document(cpr, name))
    seen = normalise_text(out)
    assert digits_only(OTHER_CPR) not in digits_only(seen)
    assert "Vibeke" not in seen and "Kronborg" not in seen
    # nothing of the disguise is left behind either (the invisible characters went with it)
    assert not any(ch in out for ch in INVISIBLE if ch in cpr or ch in name)
    assert CLIENT in out and CLIENT_CPR in out


@settings(max_examples=100, deadline=None)
@given(cpr=disguised(OTHER_CPR), name=disguised(NAME))
def test_scan_catches_disguised_identifiers(cpr: str, name: str) -> None:
    leaks = scan([Place("tekst", _document(cpr, name))], CLIENT_CPR, [NAME], file="x.txt")
    kinds = {(lk.kind, lk.extra.get("cpr") or lk.extra.get("forbudt")) for lk in leaks}
    assert ("CPR-nummer", OTHER_CPR) in kinds
    assert ("forbudt tekst", NAME) in kinds
