"""The analyzer reads the policy's own markers as markers: a redacted text analysed again
(the export's final check, ``gldocs scan --policy`` on an output) is not found to speak of
what a marker names, and other bracketed text is still read."""

from __future__ import annotations

from pathlib import Path

from gldocs.document.base import SourceDocument
from gldocs.document.units import TextUnit
from gldocs.redact.facade import mask_markers, redactor_for
from gldocs.redact.policy import load_policy


def _analyse(text: str):  # type: ignore[no-untyped-def]
    redactor = redactor_for("kommune", ner=False)
    doc = SourceDocument(Path("plan.txt"), "txt",
                         [TextUnit("beskrivelse", "line1", text)], client_name="Sofie Lind")
    return redactor.analyze(doc, ["bolig"], redactor.client(doc))


def test_a_marker_naming_a_category_is_no_finding() -> None:
    text = ("Hun bor nu i sin egen lejlighed i Roskilde og vil gerne have hjælp til at "
            "holde fast i behandlingen. [udeladt: seksualitet (rhl. § 10)]")
    assert "[udeladt: seksualitet (rhl. § 10)]" in load_policy("kommune").markers()
    assert [f for f in _analyse(text).findings if f.action == "remove"] == []


def test_the_category_word_itself_is_still_found() -> None:
    text = "Hun bor i Roskilde. Hun er lesbisk og har haft konflikter med sin far."
    removed = [f for f in _analyse(text).findings if f.action == "remove"]
    assert removed and any("lesbisk" in f.text for f in removed)


def test_only_the_policys_exact_markers_are_blanked() -> None:
    units = [TextUnit("x", "l1", "A [pårørende] og [Vibeke er lesbisk] og [person].")]
    out = mask_markers(units, load_policy("kommune").markers())[0].text
    blank = "[" + "_" * len("pårørende") + "]"
    assert out == f"A {blank} og [Vibeke er lesbisk] og [______]."
    assert len(out) == len(units[0].text)
