"""A private person's own health or substance use (rhl. § 10) is that person's data, even
when the client's helbred or misbrug area is chosen: K7 keeps the client's own, never a
relative's. What is told "om <name>:" after a colon has that person as its subject. All
persons invented."""

from __future__ import annotations

import pytest
from harness import Case, stamdata

CLIENT = "Anton Bæk Overgaard"


_redact = Case(CLIENT, stamdata(CLIENT, "080894-2217", "Dom: 1 år for røveri\n")
               + "2. Beskrivelse\n", areas=("misbrug", "helbred")).redact


@pytest.mark.parametrize(("body", "gone"), [
    ("Anton fortæller om sin fætter Bastian. Bastian er i metadonbehandling og har "
     "leverbetændelse.", "metadonbehandling"),
    ("Hans søster, Majbritt Kryger, har sklerose og får medicin for det.", "sklerose"),
    ("Under samtalen fortalte Anton om Bastian: Han havde været i substitutionsbehandling "
     "i mange år og havde hepatitis C.", "hepatitis C"),
    ("Anton talte om sin onkel Preben: Han var alkoholiker og døde af skrumpelever.",
     "skrumpelever"),
])
def test_a_relatives_health_goes_even_with_the_area_chosen(body: str, gone: str) -> None:
    assert gone not in _redact(body)


@pytest.mark.parametrize(("body", "kept"), [
    ("Anton er i metadonbehandling og ønsker at fortsætte efter løsladelsen.",
     "metadonbehandling"),
    ("Anton har talt med Bastian om sin behandling. Anton har hepatitis C og skal i "
     "behandling på Hvidovre Hospital.", "hepatitis C"),
    # the colon after a name that is no "om <name>": the client's own account follows
    ("Anton siger til Bastian: Han vil gerne fortsætte i metadonbehandling.",
     "metadonbehandling"),
])
def test_the_clients_own_health_stays_in_the_area(body: str, kept: str) -> None:
    assert kept in _redact(body)


def test_a_named_roma_minority_is_ethnic_origin() -> None:
    assert "romamindretallet" not in _redact("Anton oplyser, at familien tilhører "
                                             "romamindretallet i Ungarn.")
