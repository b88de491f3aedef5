"""Keep what must stay: professionals named with a title in a private-looking line, places
after an authority, words that only look like § 10 terms, and the K7 items of a list that
also holds what must go. Texts and persons are invented."""

from __future__ import annotations

from harness import redact_section

from gldocs.redact.engine import Analyzer

CLIENT = "Asger Krogsbøl Vinge"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 070381-3317\n\n2. Beskrivelse\n"


def _redact(analyzer: Analyzer, body: str, areas: tuple[str, ...]) -> str:
    return redact_section(analyzer, CLIENT, HEAD, body, areas)


def test_title_before_the_name_beats_a_private_line_key(analyzer: Analyzer) -> None:
    out = _redact(analyzer, "Netværk: Asger bor hos sin mor, Birte Loft. Kommunens rådgiver, "
                            "Sune Valeur, finder en kontaktperson.", ("netværk",))
    assert "Sune Valeur" in out and "Birte Loft" not in out


def test_place_after_an_authority_is_no_person(analyzer: Analyzer) -> None:
    body = ("Med venlig hilsen\nMaja Rosendal\nSocialrådgiver\nStatsfængslet i Nørre Snede\n"
            "maja.rosendal@kriminalforsorgen.dk")
    out = _redact(analyzer, body, ("bolig",))
    assert "Nørre Snede" in out and "maja.rosendal@kriminalforsorgen.dk" in out


def test_confirmed_is_no_cancer(analyzer: Analyzer) -> None:
    sentence = "UU-vejlederen har bekræftet optagelsen på skolen."
    assert _redact(analyzer, sentence, ("uddannelse",)).strip() == sentence


def test_a_mixed_list_keeps_its_k7_items(analyzer: Analyzer) -> None:
    out = _redact(analyzer, "Diagnoser: Alkoholafhængighed (DF10.2), type 2-diabetes (DE11.9), "
                            "KOL (DJ44.9). Medicin: Metformin 500 mg, Antabus 800 mg to gange "
                            "ugentligt under overvågning.", ("misbrug",))
    assert "Alkoholafhængighed (DF10.2)" in out and "Antabus 800 mg" in out
    for secret in ("diabetes", "DE11.9", "KOL", "Metformin"):
        assert secret not in out


def test_supervised_intake_is_treatment_not_surveillance(analyzer: Analyzer) -> None:
    sentence = "Han tager Antabus under overvågning af sygeplejersken."
    assert _redact(analyzer, sentence, ("misbrug",)).strip() == sentence
