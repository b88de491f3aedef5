"""Late round 18 (issue 8 § 1 K1 and § 2 R1): a plan's title line standing between the
client's own fields in Stamoplysninger does not end the block, so the client's address, phone
and e-mail below it stay the client's (running text after the block still ends it); a small
children's daycare by name goes even when the child was named in the sentence before; a
child's school class beside the child's name goes. All persons, places and numbers
invented."""

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


@pytest.mark.parametrize("line", ["Mor", "Kæreste, født 12.03.1991", "Mor (Hanne Holk) 1960",
                                  "Oplysninger om søster"])
def test_a_relatives_line_between_fields_ends_the_block(line: str) -> None:
    """Fail closed: the fields under a relative's line are the relative's, never the client's."""
    text = (f"Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\nTlf.: 27 39 51 84\n{line}\n"
            "Tlf.: 61 62 63 64\nAdresse: Åvej 4, 8000 Aarhus\n\n2. Beskrivelse\n"
            "Han skal bo alene.\n")
    assert label_lines(text.split("\n"))[5:7] == ["unknown", "unknown"]
    out = redacted_after(plan_case(text, CLIENT, CPR, ("bolig",)), "Stamoplysninger")
    assert "61 62 63 64" not in out and "Åvej 4" not in out, out


# -- a small children's daycare by name, the child named in the sentence before ------------
def _body(body: str, areas: tuple[str, ...] = ("netværk",)) -> str:
    text = f"Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n\n2. Beskrivelse\n{body}\n"
    return redacted_after(plan_case(text, CLIENT, CPR, areas), "2. Beskrivelse")


@pytest.mark.parametrize(("sentence", "place"), [
    ("Hun er 3 og går i vuggestuen Solsorten.", "Solsorten"),
    ("Hun går nu i Børnehuset Kastanjen i Odder.", "Kastanjen"),
    ("De to små er i dagplejen Humlebien om dagen.", "Humlebien"),
])
def test_a_named_daycare_after_the_childs_sentence_goes(sentence: str, place: str) -> None:
    out = _body(f"Hans datter Sigrid Holk bor hos moren. {sentence} Torben ser hende hver uge.")
    assert place not in out and "Sigrid" not in out, out
    assert "Torben" in out, out


def test_the_clients_own_work_at_a_daycare_stays() -> None:
    out = _body("Torben har fået job. Han arbejder i børnehaven Solsorten som pedel.",
                ("beskæftigelse",))
    assert "Solsorten" in out, out


# -- a child's school class beside the child's name -------------------------------------
@pytest.mark.parametrize(("line", "cls"), [
    ("Udtalelse vedr. hans søn Kasper Holk Ahlmann, 4.B, Egebjergskolen, Odder", "4.B"),
    ("Hans datter Sigrid Holk (9 år, 3.c på Egebjergskolen) bor hos moren.", "3.c"),
    ("Hans søn Kasper Holk, 7. a, går på Egebjergskolen.", "7. a"),
])
def test_a_childs_class_beside_the_name_goes(line: str, cls: str) -> None:
    out = _body(line)
    assert cls not in out and "Kasper" not in out and "Sigrid" not in out, out
    assert "Egebjergskolen" not in out, out


def test_a_floor_beside_a_name_is_no_class() -> None:
    from gldocs.redact.private_places import _COMMA_CLASS
    assert _COMMA_CLASS.match(", 2. th., Odder") is None
    assert _COMMA_CLASS.match(", 2. sal") is None
    assert _COMMA_CLASS.match(", 6.C, Odder") is not None
