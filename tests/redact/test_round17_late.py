"""Round 17 (late) of issue 8, each a general rule with several phrasings on invented text:
the client's own number or mail in a field whose key marks it as the client's ("Tlf.
(egen):", "Kontakt efter løsladelsen:", "Contact after release:"), the private side of the
same key; a house number with a small letter, a Roman floor and a door after it (Hungary), a
host's bare street after a comma; an Icelandic kennitala after "kt."; crypto-currency
wallet addresses. All persons, streets and numbers invented."""

from __future__ import annotations

import pytest
from harness import plan_case, redacted_after

from gldocs.redact.detectors.address import find_addresses
from gldocs.redact.detectors.cpr import find_cprs
from gldocs.redact.detectors.online import find_online

CLIENT = "Bjarke Holm Vestergaard"
CPR = "120590-1237"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n\n2. Personlige oplysninger\n"


def _redact(body: str) -> str:
    return redacted_after(plan_case(HEAD + body + "\n", CLIENT, CPR, ("bolig",)),
                          "2. Personlige oplysninger")


# -- 1. the client's own field by its key (K1), no case-data phone -------------------------
@pytest.mark.parametrize(("line", "kept"), [
    ("Tlf. (egen): 31 55 72 08", "31 55 72 08"),
    ("Mobil (eget): 31 55 72 08", "31 55 72 08"),
    ("Kontakt efter løsladelsen: mobil 40 18 93 26, e-mail bjarke.vestergaard@hotmail.com",
     "40 18 93 26"),
    ("Telefon efter løsladelse: 40 18 93 26", "40 18 93 26"),
    ("Signed: B. Vestergaard   Contact after release: +45 61 24 87 33 / bjarke.v90@gmail.com",
     "+45 61 24 87 33"),
    ("Contact after release: +45 61 24 87 33 / bjarke.v90@gmail.com", "bjarke.v90@gmail.com"),
])
def test_own_field_key_keeps_the_clients_number(line: str, kept: str) -> None:
    out = _redact(line)
    assert kept in out, out


@pytest.mark.parametrize(("line", "gone"), [
    # a role word or another person in the key: that person's
    ("Morens tlf. (egen): 22 33 44 55", "22 33 44 55"),
    ("Hans mor, Anne Berg, kontakt efter løsladelsen: 26 71 90 12", "26 71 90 12"),
    # another key between the mark and the number
    ("Kontakt efter løsladelsen: se nedenfor. Søster: 26 71 90 12", "26 71 90 12"),
])
def test_without_own_key_the_number_goes(line: str, gone: str) -> None:
    out = _redact(line)
    assert gone not in out, out


# -- 2. addresses -------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "found"), [
    ("Hans søster bor på Hverfisgata 58b, 101 Reykjavík.", "Hverfisgata 58b"),
    ("Moren bor på Tranebærvej 14c i Skive.", "Tranebærvej 14c"),
    ("Faren bor i 1051 Budapest, Petőfi utca 12. II/7, og ringer ofte.", "Petőfi utca 12. II/7"),
    ("Søsteren bor på Rákóczi út 3. IV/21.", "Rákóczi út 3. IV/21"),
    ("Sønnen bor hos sin mor, Ringkøbingvej [ulæseligt], og går i skole.", "Ringkøbingvej"),
    ("Datteren bor hos ex-kæresten Lone Dahl, Ådalsvej, tlf. 27 84 11 65.", "Ådalsvej"),
])
def test_address_found(text: str, found: str) -> None:
    spans = {m.text for m in find_addresses(text)}
    assert any(found in s for s in spans), spans


@pytest.mark.parametrize("text", [
    "Sønnen bor hos sin mor, Kirsten, i en lejlighed.",
    "Han kom kl. 14 og gik igen i lokale 3b.",
    "Han bor på afdeling 4b.",
])
def test_no_address(text: str) -> None:
    assert not [m.text for m in find_addresses(text) if "Kirsten" in m.text
                or "3b" in m.text or "4b" in m.text], find_addresses(text)


def test_hungarian_floor_and_door_go_with_the_street() -> None:
    out = _redact("Hans mor bor i 1134 Budapest, Petőfi utca 41. III/12, tlf. +36 30 555 1234.")
    assert "III/12" not in out and "Petőfi" not in out, out


# -- 3. identifiers -----------------------------------------------------------------------
@pytest.mark.parametrize(("text", "found"), [
    ("Pengene gik til en islandsk kontakt, kt. 5208917739, i marts.", "5208917739"),
    ("Kennitala: 120389-2919", "120389-2919"),
    ("Hans kæreste (kt. 0311947719) bor i Kópavogur.", "0311947719"),
])
def test_kennitala_after_its_label(text: str, found: str) -> None:
    assert found in {m.text for m in find_cprs(text)}


@pytest.mark.parametrize("text", [
    "Pengene gik til konto 5208917739 i marts.",  # no label, no valid date as CPR
    "Ordrenummer 9913567739 er betalt.",
])
def test_ten_digits_without_label_are_no_kennitala(text: str) -> None:
    assert not find_cprs(text)


@pytest.mark.parametrize(("text", "found"), [
    ("Han fik beløbet overført til bc1qw8d3kx5zr6n2c7p4t9ym0s3j5lf8a2vg6hq4ue.",
     "bc1qw8d3kx5zr6n2c7p4t9ym0s3j5lf8a2vg6hq4ue"),
    ("Bitcoin-adressen var 3Fk8wPq2ZrT7mYd4nXc9vLs6bHj5aRe1Ug.",
     "3Fk8wPq2ZrT7mYd4nXc9vLs6bHj5aRe1Ug"),
    ("Hun betalte til 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed i oktober.",
     "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
    # a legacy address with a valid checksum needs no cue
    ("Overført til 1BoatSLRHtKNngkdXEeobR76b53LETtpyT samme dag.",
     "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"),
])
def test_wallet_found(text: str, found: str) -> None:
    assert found in {m.text for m in find_online(text) if m.entity == "BANK_ACCOUNT"}


@pytest.mark.parametrize("text", [
    # a base58 shape without a cue and with a wrong checksum: no wallet
    "Sagsreferencen 3Fk8wPq2ZrT7mYd4nXc9vLs6bHj5aRe1Ug står på brevet.",
    "Koden BC1QHELLOWORLDmixedCASEnotbech32xx stod på sedlen.",
])
def test_no_wallet(text: str) -> None:
    assert not [m for m in find_online(text) if m.text.startswith(("3Fk", "BC1"))]


def test_wallet_goes_in_a_case_text() -> None:
    out = _redact("Han overførte 40.000 kr. til bitcoin-adressen "
                  "3Fk8wPq2ZrT7mYd4nXc9vLs6bHj5aRe1Ug og til "
                  "bc1qw8d3kx5zr6n2c7p4t9ym0s3j5lf8a2vg6hq4ue.")
    assert "3Fk8wPq2" not in out and "bc1qw8d3" not in out, out


# -- 4. a third person's record told by someone named after "ifølge" ------------------------
@pytest.mark.parametrize("body", [
    # the source is the client (kept): the record is still the friend's
    "Vennen Kasper Lund er ifølge Bjarke tidligere dømt for vold mod en ekskæreste.",
    # a nickname with a cue word in brackets after the name
    'Mors kæreste, Kasper Lund (kaldet "Bølle"), er ifølge Bjarke tidligere dømt for vold.',
    "Naboen Kasper Lund er ifølge Bjarke også dømt for vold.",
])
def test_record_told_by_a_source_stays_the_third_persons(body: str) -> None:
    out = _redact(body)
    assert "dømt for vold" not in out and "Kasper" not in out, out


def test_clients_own_record_told_by_a_source_stays() -> None:
    # the client as the subject: his own record (K6) is never taken for another's
    out = _redact("Bjarke er ifølge Kasper Lund tidligere dømt for vold.")
    assert "dømt for vold" in out and "Kasper" not in out, out


def test_record_after_a_nickname_no_name_finder_takes() -> None:
    # a nickname in brackets, whatever finds it: the record is still Kasper's
    out = _redact('Vennen Kasper Lund (kaldet "Krølle") er ifølge Bjarke tidligere dømt for vold.')
    assert "dømt for vold" not in out and "Kasper" not in out, out
