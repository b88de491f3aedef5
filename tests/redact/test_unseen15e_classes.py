"""Issue 8, the classes the blind set unseen15e showed (qual19e), each a general rule on
invented text: a prison's duty rank (vagtmester and its compounds) acts in office (K3); a
message sender the phone saved in small letters is the same private person where the prose
capitalises the label (R1); a debt for drugs, in a message's street words too, is the
milieu's (R3). All persons, places and numbers invented."""

from __future__ import annotations

import pytest
from harness import plan_case, redacted_after

CLIENT = "Oskar Hvidbjerg Lunde"
CPR = "120690-2247"


def _case(body: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    head = f"Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n\n"
    plan = plan_case(head + body + "\n", CLIENT, CPR, areas)
    return redacted_after(plan, "Stamoplysninger")


# -- 1. a prison's duty rank is a title ------------------------------------------------------
@pytest.mark.parametrize("line", ["Godkendt af: afdelingsvagtmester Vibeke Stengaard",
                                  "Vibeke Stengaard, vagtmester",
                                  "Kontakt: overvagtmesteren, Vibeke Stengaard"])
def test_a_prisons_duty_rank_acts_in_office(line: str) -> None:
    body = (f"Rapport\n{line}\n\nOskar bor hos sin kusine Trine Holmsgård, "
            "tlf. 51 37 20 84.")
    out = _case(body)
    assert "Vibeke Stengaard" in out, out
    assert "Trine Holmsgård" not in out and "51 37 20 84" not in out, out


# -- 2. a small-letter sender label, capitalised in the prose -------------------------------
def test_a_small_letter_sender_is_the_same_person_when_capitalised() -> None:
    body = ("Journalnotat\nOskar viste en tråd fra Signal. Kontakten \"Snuden\" er en ven fra "
            "skolen.\n"
            "[03.02.26 19:40] snuden: kom over i aften\n"
            "[03.02.26 19:42] Oskar: kan ikke, har tilsyn i morgen\n"
            "Oskar vil ikke længere se Snuden.")
    out = _case(body)
    assert "Snuden" not in out and "snuden" not in out, out
    assert "har tilsyn i morgen" in out, out


def test_a_capitalised_sender_label_leaves_the_ordinary_word() -> None:
    body = ("Journalnotat\n[03.02.26 19:40] Moster: husk middag søndag\n"
            "Oskar har altid haft et godt forhold til sin moster.")
    out = _case(body)
    assert "Moster:" not in out, out
    assert "sin moster" in out, out


# -- 3. a debt for drugs ---------------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "[05.02.26 08:15] K-man: du skylder stadig 3 tusser for det grønne",
    "Han fortæller, at han skyldte en bekendt 2.500 kr. for pillerne.",
    "[05.02.26 08:15] K-man: husk du skylder mig for noget coke"])
def test_a_debt_for_drugs_goes(sentence: str) -> None:
    out = _case(f"Journalnotat\n{sentence}\nOskar møder til samtale den 9. marts 2026.",
                ("bolig", "misbrug"))
    assert "skyld" not in out, out
    assert "9. marts 2026" in out, out


def test_a_debt_for_rent_stays() -> None:
    out = _case("Journalnotat\nOskar skylder udlejer 4.000 kr. for husleje i januar.",
                ("bolig", "økonomi"))
    assert "skylder udlejer 4.000 kr. for husleje" in out, out
