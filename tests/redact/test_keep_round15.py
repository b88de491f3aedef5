"""Round 15 of the keep side (issue 8 § 4 and § 1's positive evidence, K1-K3), each a general
rule with several phrasings on invented text: a professional named once with a title in a
compound, an abbreviation or an unusual form; the private side of each rule stays removed.
All persons, places and numbers invented."""

from __future__ import annotations

import pytest

from gldocs.redact.model import Plan
from tests.redact.section_redaction import plan_case, redacted_after

CLIENT = "Kasper Vindeløv Munch"
CPR = "120893-2217"
HEAD = (f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n"
        "Adresse: Bregnevej 4, 8600 Silkeborg\nTlf.: 21 43 65 87\n\n2. Beskrivelse\n")


def _plan(body: str, areas: tuple[str, ...] = ("uddannelse",)) -> Plan:
    return plan_case(HEAD + body + "\n", CLIENT, CPR, areas)


def _redact(body: str, areas: tuple[str, ...] = ("uddannelse",)) -> str:
    return redacted_after(_plan(body, areas), "2. Beskrivelse")


def _kept_and_gone(body: str, kept: list[str], gone: list[str] = ()) -> None:
    out = _redact(body)
    for text in kept:
        assert text in out, out
    for text in gone:
        assert text not in out, out


# -- 1. a title written as a compound, opening the sentence ---------------------------------
@pytest.mark.parametrize(("body", "kept"), [
    # a compound title at the start of a sentence is no word of the name
    ("Gadesygeplejerske Lone Abildgaard fra Sundhedsteamet (tlf. 23 61 48 90) ser Kasper "
     "hver uge.", ["Lone Abildgaard", "23 61 48 90"]),
    ("Familiebehandler Yusuf Demirci, Familiehuset, Silkeborg Kommune, tlf. 89 70 12 34, "
     "tilbyder Kasper et forløb.", ["Yusuf Demirci", "89 70 12 34"]),
    ("Skolesundhedsplejerske Grete Lodahl har talt med Kasper.", ["Grete Lodahl"]),
    # a title that ends in a compound-only head ("lærer": also a verb)
    ("Kontaktlærer Jonas Bergkvist, tlf. 65 11 22 33, bekræfter, at Kasper kan fortsætte.",
     ["Jonas Bergkvist", "65 11 22 33"]),
    ("Hans faglærer Pernille Aakjær siger, at fremmødet er godt.", ["Pernille Aakjær"]),
    # an interpreter acts in office
    ("Samtalen blev holdt med tegnsprogstolk Mette Brøndum Kierkegaard.",
     ["Mette Brøndum Kierkegaard"]),
    ("Tolk Rahim Sultani oversatte ved mødet.", ["Rahim Sultani"]),
    # an abbreviated title as a compound, after a slash
    ("- UU/studievejl. Sofie Kamp (SK) ringer selv til Kasper i januar.", ["Sofie Kamp"]),
    ("- Ungdomsvejl. Dorte Fugl kontakter skolen.", ["Dorte Fugl"]),
])
def test_compound_title_shows_the_office(body: str, kept: list[str]) -> None:
    _kept_and_gone(body, kept)


@pytest.mark.parametrize(("body", "gone"), [
    # "lærer" alone is a verb: no office is shown, the private person goes
    ("Hans lillebror lærer Anton Friis at cykle.", ["Anton Friis"]),
    # an abbreviated treatment after a preposition is no title ("i misbrugsbeh.")
    ("Han er i misbrugsbeh. Nanna Kjeldsen ringede bagefter.", ["Nanna Kjeldsen"]),
    # a role word still wins over a compound title after the name
    ("Kasper bor hos sin mor Lis Overgaard, som er dagplejeleder.", ["Lis Overgaard"]),
])
def test_no_office_without_a_title(body: str, gone: list[str]) -> None:
    _kept_and_gone(body, [], gone)
