"""Issue 8 § 1: 100 % of a third person's identifiers go. An adversarial battery: every
identifier type in many layouts × every way of naming (or not naming) its owner: a relative,
an ex-partner, a child, a friend, a co-offender, a victim, nobody, a caller, a table row, a
quoted text message, a mail header, a private person's signature. Each must be removed; where
nobody is named as the owner, the removal is flagged for review (fail closed). And the keep
side: the client's own labelled fields, professionals in a signature, a table and a mail
header, and authorities. All persons and numbers are invented."""

from __future__ import annotations

import re

import pytest
from harness import Case, redacted_after

from gldocs.redact.model import Plan

CLIENT = "Vilhelm Skousgaard Brix"
CPR = "120497-2215"
HEAD = (f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n"
        "Adresse: Bøgelundvej 4, 8260 Viby J\nTlf.: 22 33 44 55\n"
        "E-mail: vilhelm.brix@gmail.com\n\n2. Beskrivelse\n")

# (kind, the identifier as written, the part that must not survive)
IDENTIFIERS: list[tuple[str, str, str]] = [
    ("CPR", "140588-2214", "140588"), ("CPR", "1405882214", "1405882214"),
    ("CPR", "140588 2214", "140588"), ("CPR", "14.05.88-2214", "2214"),
    ("CPR", "140588/2214", "140588"), ("CPR", "140588–2214", "140588"),
    ("PHONE", "31 64 22 08", "31 64 22 08"), ("PHONE", "31642208", "31642208"),
    ("PHONE", "3164 2208", "3164 2208"), ("PHONE", "+45 31 64 22 08", "31 64 22 08"),
    ("PHONE", "0045 31 64 22 08", "31 64 22 08"), ("PHONE", "316 422 08", "316 422 08"),
    ("PHONE", "31-64-22-08", "31-64-22-08"), ("PHONE", "+48 601 234 567", "601 234 567"),
    ("PHONE", "+1 (315) 364-8611", "364-8611"), ("PHONE", "+46 70 123 45 67", "123 45 67"),
    ("PHONE", "+44 7700 900123", "900123"), ("PHONE", "+49 151 23456789", "23456789"),
    ("EMAIL", "nanna.krogh88@gmail.com", "krogh88"),
    ("EMAIL", "nanna.krogh88 (at) gmail.com", "krogh88"),
    ("EMAIL", "nanna.krogh88[at]gmail[dot]com", "krogh88"),
    ("EMAIL", "NANNA.KROGH@HOTMAIL.DK", "KROGH@"), ("EMAIL", "n.krogh@firma-xyz.dk", "krogh@"),
    ("EMAIL", "nanna.krogh88 @ gmail.com", "krogh88"),
    ("ADDRESS", "Skovbrynet 7, st. tv.", "Skovbrynet 7"),
    ("ADDRESS", "Fabriksvej 7, 1. th., 8700 Horsens", "Fabriksvej 7"),
    ("ADDRESS", "c/o Hansen, Lærkevej 3, 5000 Odense C", "Lærkevej 3"),
    ("ADDRESS", "Ulica Długa 14, 80-827 Gdańsk", "Długa 14"),
    ("ADDRESS", "Hauptstraße 5, 24937 Flensburg", "Hauptstraße 5"),
    ("ADDRESS", "Tåsingegade 19, 4. mf", "Tåsingegade 19"),
    ("PLATE", "CF 62 113", "CF 62 113"), ("PLATE", "AB12345", "AB12345"),
    ("BANK", "reg.nr. 1551 kontonr. 3456789012", "3456789012"),
    ("BANK", "DK50 0040 0440 1162 43", "0440 1162"), ("BANK", "1551-3456789012", "3456789012"),
    ("IP", "87.61.203.14", "87.61.203.14"), ("IMEI", "IMEI 356938035643809", "356938035643809"),
    ("USER", "@nanna_krogh", "nanna_krogh"), ("USER", "snapchat: nannak88", "nannak88"),
    ("URL", "facebook.com/nanna.krogh.88", "nanna.krogh.88"),
]

# how the owner is named (or not): one paragraph each
PHRASINGS = [
    "Hans mor, Birte Holm, {x}, har ringet.",
    "Ekskæresten kan kontaktes på {x}.",
    "Datteren Liva har {x}.",
    "Vennen Jonas oplyste {x}.",
    "Medgerningsmanden har {x}.",
    "Forurettede oplyste {x}.",
    "Der står {x} på sedlen.",
    "Han har ringet til fængslet flere gange fra {x}.",
    "Mor | Birte Holm | {x}",
    "SMS fra mor: \"ring til mig på {x} eller skriv\"",
    "Fra: Birte Holm <{x}>",
    "Mange hilsner\nBirte (mor)\n{x}",
]
# paragraphs with no owner at all: the removal is flagged for review
UNCLEAR = {"Der står {x} på sedlen."}


_plan = Case(CLIENT, HEAD, cpr=CPR).plan


def _body(plan: Plan) -> str:
    return redacted_after(plan, "2. Beskrivelse")


@pytest.mark.parametrize(("kind", "value", "core"), IDENTIFIERS,
                         ids=[f"{k}:{v}" for k, v, _ in IDENTIFIERS])
def test_every_third_party_identifier_goes(kind: str, value: str, core: str) -> None:
    paragraphs = [p.format(x=value) for p in PHRASINGS]
    out = _body(_plan("\n\n".join(paragraphs))).split("\n\n")
    assert len(out) == len(paragraphs), out
    leaks = [(p, o) for p, o in zip(PHRASINGS, out, strict=True)
             if core.lower() in o.lower()]
    assert not leaks, leaks


@pytest.mark.parametrize(("kind", "value", "core"),
                         [i for i in IDENTIFIERS if i[0] in ("PHONE", "EMAIL", "ADDRESS")],
                         ids=[f"{k}:{v}" for k, v, _ in IDENTIFIERS
                              if k in ("PHONE", "EMAIL", "ADDRESS")])
def test_an_identifier_without_owner_is_flagged(kind: str, value: str, core: str) -> None:
    plan = _plan(f"Der står {value} på sedlen.")
    hits = [f for f in plan.findings if f.action == "remove" and core.lower() in f.text.lower()]
    assert hits, [(f.text, f.action) for f in plan.findings]
    if not re.search(r"gmail|hotmail|c/o", value, re.IGNORECASE):
        # (a private mail domain is evidence enough that it is a private person's, and
        # "c/o Hansen" names the owner)
        assert any(f.review for f in hits), [(f.text, f.score, f.explanation) for f in hits]


# -- the keep side ------------------------------------------------------------------------
@pytest.mark.parametrize(("body", "kept"), [
    ("Han kan kontaktes på 22 33 44 55 og vilhelm.brix@gmail.com.",
     ["22 33 44 55", "vilhelm.brix@gmail.com"]),
    ("Med venlig hilsen\nLotte Kjærgaard\nSocialrådgiver, Aarhus Kommune\nTlf. 87 13 20 00\n"
     "lotte.kjaergaard@aarhus.dk", ["Lotte Kjærgaard", "87 13 20 00",
                                    "lotte.kjaergaard@aarhus.dk"]),
    ("Sagsbehandler | Mette Friis | 41 85 73 22 | mefr@aarhus.dk",
     ["Mette Friis", "41 85 73 22", "mefr@aarhus.dk"]),
    ("Fra: Mette Friis <mefr@aarhus.dk>\nEmne: Boligmøde", ["Mette Friis", "mefr@aarhus.dk"]),
    ("Jobcenter Aarhus, tlf. 87 13 30 00, kan kontaktes alle hverdage.", ["87 13 30 00"]),
    ("Jobcenter Viborg, Sct. Mathias Gade 88, 8800 Viborg, tlf. 87 87 52 00.",
     ["Sct. Mathias Gade 88", "87 87 52 00"]),
    ("Hans bostøttemedarbejder Karin Holt kan træffes på 23 45 67 89.",
     ["Karin Holt", "23 45 67 89"]),
])
def test_client_and_professional_identifiers_stay(body: str, kept: list[str]) -> None:
    out = _body(_plan(body))
    for value in kept:
        assert value in out, out
