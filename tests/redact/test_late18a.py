"""Late round 18 (issue 8 § 1, K1): a plan's title line standing between the client's own
fields in Stamoplysninger does not end the block, so the client's address, phone and e-mail
below it stay the client's; running text after the block still ends it. All persons, places
and numbers invented."""

from __future__ import annotations

import pytest
from harness import plan_case, redacted_after

from gldocs.document.sections import label_lines

CLIENT = "Torben Ahlmann Vestergaard"
CPR = "120684-3317"


@pytest.mark.parametrize("title", [
    "Handleplan – tilsyn (prøveløsladt), version 2, dato 03.04.2026",
    "Handleplan for afsoning med fodlænke, oprettet 14.05.2026",
])
def test_a_title_line_between_the_clients_fields_keeps_the_block(title: str) -> None:
    text = (f"Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n{title}\n"
            "Adresse: Ringgade 14, 2. tv., 8300 Odder | Tlf. 27 39 51 84 | tahv@webpost.dk\n"
            "Dom: 4 måneders fængsel\n\n2. Beskrivelse\n"
            "Hans kusine Merete Holk har tlf. 53 88 17 20.\n")
    assert label_lines(text.split("\n"))[1:6] == ["stamoplysninger"] * 5
    out = redacted_after(plan_case(text, CLIENT, CPR, ("bolig",)), "Stamoplysninger")
    assert "Ringgade 14, 2. tv., 8300 Odder" in out and "27 39 51 84" in out, out
    assert "tahv@webpost.dk" in out, out
    assert "Merete" not in out and "53 88 17 20" not in out, out


def test_running_text_after_the_block_still_ends_it() -> None:
    lines = [f"Navn: {CLIENT}", f"CPR-nr.: {CPR}",
             "Han har boet hos sin kusine siden marts. Det er hendes adresse",
             "Adresse: Ringgade 14, 2. tv., 8300 Odder"]
    assert label_lines(["Stamoplysninger", *lines])[3:] == ["unknown", "unknown"]


def test_a_title_line_after_a_blank_line_does_not_join_the_block() -> None:
    lines = ["Stamoplysninger", f"Navn: {CLIENT}", f"CPR-nr.: {CPR}", "",
             "Notat om kusinen, dato 03.04.2026", "Adresse: Ringgade 14, 8300 Odder"]
    assert label_lines(lines)[4:] == ["unknown", "unknown"]
