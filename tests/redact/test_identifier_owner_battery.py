"""Issue 8 section 1, by owner: an identifier of anyone but the client and professionals
goes whoever owns it and however the owner is named; it is kept only on positive evidence
(the client's own labelled field, a professional's signature that shows the office, an
authority's name or mail domain); where the owner is unclear it is removed *and* flagged
for review.

test_private_identifiers_battery.py crosses the layouts of each identifier with a dozen
owners; this battery crosses one identifier of each kind (and the layouts that one lacks)
with the other ways an owner is named: a relative who shares the client's surname, family
name first, an ex-partner, a child, a friend, a co-offender and a victim by name, a role word
alone, a professional's or an authority's sentence about a private person, the owner named
after it, a quoted text message, a table with a header row, a list of relatives, a letter
signed with and without a role, a relative's line in Stamoplysninger, private persons' mail
headers, callers; then the keep side (the client's labelled fields in every layout, also
below a remark in brackets; professionals' signatures and mail headers; an authority's
mailbox whose department name holds a role word). Every person, number and address is
invented; none of them or their phrasings is taken from an annotated set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from harness import analyse, redacted

from gldocs.redact.model import Plan

CLIENT = "Jonas Brix Lindholm"
CLIENT_CPR = "170391-2285"
CLIENT_PHONE = "27 64 19 35"
CLIENT_MAIL = "jonas.lindholm91@outlook.dk"
CLIENT_ADDRESS = "Agerhønevej 14, 2. tv., 8600 Silkeborg"
HEAD = (f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CLIENT_CPR}\n"
        f"Adresse: {CLIENT_ADDRESS}\nTelefon: {CLIENT_PHONE}\nE-mail: {CLIENT_MAIL}\n\n"
        "2. Beskrivelse\n")


def _plan(text: str, client: str = CLIENT, cpr: str | None = CLIENT_CPR) -> Plan:
    return analyse(text, client, ["beskæftigelse"], cpr=cpr)


_output = redacted


# -- the identifiers ------------------------------------------------------------------------
@dataclass(frozen=True)
class Ident:
    kind: str
    value: str
    said: str  # a predicate that gives it in a sentence ("kan kontaktes på {v}")
    quoted: str  # the same in a text message, in the person's own words
    bare: str = "{v}"  # as it stands in a list, a table cell or a signature line

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"

    def parts(self) -> list[str]:
        """What must not survive: the value, its digits run together, and each part of an
        address (the city of an address abroad included)."""
        out = [self.value]
        digits = re.sub(r"\D", "", self.value)
        if self.kind in ("cpr", "phone") and len(digits) >= 8:
            out.append(digits)
        if self.kind == "address":
            out += [p.strip() for p in self.value.split(",") if len(p.strip()) > 3]
        return out


# One identifier of each kind, and the layouts test_private_identifiers_battery.py does not
# have (a number outside the plan, foreign numbers, an address abroad with district and city,
# a c/o host, a MobilePay label); that battery has the layouts, this one the owners.
IDENTS = [
    Ident("cpr", "040588-2917", "har CPR-nr. {v}", "mit cpr er {v}", "CPR {v}"),
    Ident("cpr", "0405 88-2917", "har cpr {v}", "cpr {v}", "cpr.nr. {v}"),
    Ident("phone", "31 42 77 09", "kan kontaktes på {v}", "ring til mig på {v}"),
    Ident("phone", "31 06 58 22", "kan kontaktes på {v}", "ring på {v}"),  # outside the plan
    Ident("phone", "+234 803 551 2094", "kan ringes op på {v}", "call me on {v}"),
    Ident("phone", "0046-70 123 45 67", "har et svensk nummer, {v}", "ring {v}"),
    Ident("email", "line.kvist88@gmail.com", "skriver fra {v}", "skriv til {v}"),
    Ident("email", "linekvist[at]mail.dk", "har e-mailen {v}", "skriv {v}"),
    Ident("address", "Kløvervej 23, 8800 Viborg", "bor på {v}", "kom til {v}"),
    Ident("address", "c/o Hansen, Ahornvej 3, 8000 Aarhus C", "bor midlertidigt {v}",
          "post til {v}"),
    Ident("address", "14 Adeola Odeku Street, Victoria Island, Lagos",
          "bor på adressen {v}", "write to {v}"),
    Ident("plate", "CX 48 915", "kører i en bil med nummerpladen {v}", "bilen er {v}",
          "bil {v}"),
    Ident("account", "reg.nr. 9570 kontonr. 0012384561", "får løn på {v}",
          "send til {v}"),
    Ident("mobilepay", "MobilePay 31 42 77 09", "modtager penge på {v}", "send på {v}"),
    Ident("ip", "87.61.203.14", "loggede ind fra IP-adressen {v}", "min ip er {v}",
          "IP {v}"),
    Ident("imei", "352099001761481", "har en telefon med IMEI {v}", "imei {v}",
          "IMEI {v}"),
    Ident("handle", "@line_kvist88", "skriver til ham som {v} på Instagram",
          "følg mig på {v}", "Instagram {v}"),
]


PHONES = [i for i in IDENTS if i.kind == "phone"]
MAILS = [i for i in IDENTS if i.kind == "email"]


# -- the owners and their phrasings ---------------------------------------------------------
# Each phrasing is a body after HEAD; {said}, {quoted} and {bare} are the identifier's forms.
PHRASINGS = {
    # a relative who shares the client's surname is not the client
    "relative with the client's surname": "Hans søster, Line Lindholm, {said}.",
    "ex-partner": "Ekskæresten Sabrina Holt {said}. Jonas må ikke kontakte hende.",
    "child": "Sønnen Oscar Lindholm (17 år) {said}.",
    "friend": "Jonas har en ven, Kasper Dall, som {said}.",
    "co-offender": "Medgerningsmanden Tobias Krogh {said}; han afsoner i Horsens.",
    "victim": "Forurettede i sagen, Nanna Bech, {said}.",
    "a role word alone": "Jonas fortæller, at moren {said}.",
    "a quoted text message": "Ekskæresten skrev i en sms: \"{quoted}\". Jonas svarede ikke.",
    "a table row": "Navn | Relation | Kontakt\nLine Lindholm | søster | {bare}",
    "a list of relatives": "Pårørende:\n- Hustru: Line Lindholm, {bare}\n- Søn: Oscar",
    # a professional or an authority speaks, but the identifier is a private person's
    "in a professional's sentence": "Sagsbehandler Ole Bæk har talt med moren, som {said}.",
    "an authority reports it": "Jobcenter Silkeborg oplyser, at hans kæreste {said}.",
    "the owner named after it": "Det viste sig, at {bare} var hans ekskærestes.",
    "a letter signed without a role": (
        "Brev modtaget 3. marts:\n\"Hej. Jonas har det svært, og jeg håber I vil hjælpe "
        "ham.\nMvh\nLine Kvist\n{bare}\""),
    "a private person's signature": (
        "Brev fra Jonas' søster modtaget 3. marts:\n\"Jeg er Jonas' søster og vil gerne "
        "hjælpe ham.\nMed venlig hilsen\nLine Lindholm\n{bare}\""),
}


def _body(phrasing: str, ident: Ident) -> str:
    return PHRASINGS[phrasing].format(said=ident.said.format(v=ident.value),
                                      quoted=ident.quoted.format(v=ident.value),
                                      bare=ident.bare.format(v=ident.value))


def _assert_gone(out: str, ident: Ident, context: str) -> None:
    for part in ident.parts():
        assert part not in out, f"{ident} ({context}): {part!r} left in\n{out}"


@pytest.mark.parametrize("phrasing", sorted(PHRASINGS))
@pytest.mark.parametrize("ident", IDENTS, ids=str)
def test_private_identifier_removed_whoever_owns_it(ident: Ident, phrasing: str) -> None:
    out = _output(_plan(HEAD + _body(phrasing, ident) + "\n"))
    _assert_gone(out, ident, phrasing)
    # the client's own labelled fields above stay
    for own in (CLIENT_CPR, CLIENT_PHONE, CLIENT_MAIL, CLIENT_ADDRESS):
        assert own in out, f"{ident} ({phrasing}): the client's {own!r} was lost\n{out}"


# -- a relative's line in Stamoplysninger is not the client's field ---------------------------
@pytest.mark.parametrize("ident", IDENTS, ids=str)
@pytest.mark.parametrize("line", [
    "Nærmeste pårørende: Helle Lindholm (mor), {bare}",
    "Kæreste: Sabrina Holt, {bare}",
])
def test_relatives_line_in_stamoplysninger_goes(ident: Ident, line: str) -> None:
    head = HEAD.replace("\n\n2. Beskrivelse", "\n" + line.format(
        bare=ident.bare.format(v=ident.value)) + "\n\n2. Beskrivelse")
    out = _output(_plan(head + "Han har det godt.\n"))
    _assert_gone(out, ident, line)
    for own in (CLIENT_CPR, CLIENT_PHONE, CLIENT_MAIL, CLIENT_ADDRESS):
        assert own in out, f"{ident} ({line}): the client's {own!r} was lost\n{out}"


# -- phrasings that only one kind of identifier has -----------------------------------------


@pytest.mark.parametrize("ident", PHONES, ids=str)
@pytest.mark.parametrize("body", [
    "Han har ringet til fængslet flere gange fra {v}.",
    "Der er ringet fra {v} til afdelingen tre gange i nat.",
    "Kommunen oplyser, at en kvinde ringede fra {v} og spurgte efter ham.",
    "Mor | Helle Lindholm | tlf. {v}",
])
def test_caller_and_table_row_phones_go(ident: Ident, body: str) -> None:
    out = _output(_plan(HEAD + body.format(v=ident.value) + "\n"))
    _assert_gone(out, ident, body)


@pytest.mark.parametrize("ident", MAILS, ids=str)
@pytest.mark.parametrize("header", [
    "Fra: Sabrina Holt <{v}>", "Til: Line Lindholm <{v}>", "Cc: {v}",
    "From: Sabrina Holt <{v}>",
])
def test_private_persons_mail_header_goes(ident: Ident, header: str) -> None:
    mail = (f"{header.format(v=ident.value)}\nSendt: 4. marts 2027 09:12\n"
            "Emne: Jonas\n\nHej, jeg vil gerne vide hvornår Jonas kommer ud.\n")
    out = _output(_plan(HEAD + mail))
    _assert_gone(out, ident, header)


@pytest.mark.parametrize("ident", PHONES + MAILS, ids=str)
@pytest.mark.parametrize("body", [
    "Sagsbehandler Ole Bæk har talt med en person, som har {v}.",
    "Jobkonsulent Lene Kofoed har haft besøg af en kvinde, der oplyste {v}.",
    "Socialrådgiver Susanne Holm fik det af sin nabo: {v}.",
])
def test_another_party_after_a_professionals_name(ident: Ident, body: str) -> None:
    # the professional named first is no evidence: the sentence brings in another party
    plan = _plan(HEAD + body.format(v=ident.value) + "\n")
    _assert_gone(_output(plan), ident, body)


@pytest.mark.parametrize("ident", PHONES + MAILS, ids=str)
@pytest.mark.parametrize("body", [
    "Kontaktpersoner: Line Lindholm ({v}), Kasper Dall.",  # in brackets after the name
    "{v} – Helle Lindholm (mor)",  # the number first, the owner after a dash
    "[12:03] Line: ring til mig på {v} når du kommer ud",  # a chat transcript
    "Hans søster siger, at hendes nye nummer er {v}.",  # a possessive after a relative
    "Jonas' ekskæreste ({v}) har fået tilhold.",  # in brackets after a genitive role
])
def test_list_transcript_and_bracket_forms(ident: Ident, body: str) -> None:
    _assert_gone(_output(_plan(HEAD + body.format(v=ident.value) + "\n")), ident, body)


def test_mail_header_of_a_company_domain_is_no_authoritys() -> None:
    # "Fra:" alone is no evidence, nor a domain that is neither private nor an authority's
    plan = _plan(HEAD + "Fra: L. Kvist <lk@firma-xyz.dk>\nSendt: 2. marts 2027\n"
                        "Til: Ida Kjær <ida.kjaer@krfo.dk>\nEmne: Jonas\n\nHvornår kommer han?\n")
    out = _output(plan)
    assert "lk@firma-xyz.dk" not in out and "ida.kjaer@krfo.dk" in out, out
    assert [f.review for f in plan.findings if f.text == "lk@firma-xyz.dk"] == [True]
    # the same domain is a professional's where the signature shows the office
    out = _output(_plan(HEAD + "Fra: Mette Holm <mette@bostedet-lyngbo.dk>\nEmne: Jonas\n\n"
                               "Jonas kan flytte ind 1. maj.\nMed venlig hilsen\nMette Holm\n"
                               "Bostøttemedarbejder, Bostedet Lyngbo\n"))
    assert "mette@bostedet-lyngbo.dk" in out, out


# -- the coordination part: a line there is an authority's only when it shows an office -----
@pytest.mark.parametrize("ident", PHONES + MAILS, ids=str)
@pytest.mark.parametrize("line", [
    "- Støtteperson fra netværket: {v}",
    "- Kasper Dall (ven), {v}",
    "- Hustru: Line Lindholm, {v}",
    "- Netværk: {v}",
    "- Line (kæreste) {v}",
])
def test_coordination_part_line_without_an_office_goes(ident: Ident, line: str) -> None:
    body = ("5. Samarbejdspartnere\n- Jobcenter Silkeborg, Lene Kofoed, tlf. 89 70 12 44\n"
            + line.format(v=ident.value) + "\n")
    out = _output(_plan(HEAD.replace("2. Beskrivelse\n", "") + body))
    _assert_gone(out, ident, line)
    assert "Lene Kofoed, tlf. 89 70 12 44" in out, out


# -- unknown owner: removed and flagged for review ------------------------------------------
@pytest.mark.parametrize("ident", [i for i in IDENTS if i.kind in
                                   ("phone", "email", "address", "account", "handle")
                                   and "c/o" not in i.value],  # c/o names its host
                         ids=str)
@pytest.mark.parametrize("body", [
    "Ved visitationen blev der fundet en seddel med {v} i hans jakke.",
    "Oplysningen {v} står i politirapporten uden nærmere forklaring.",
])
def test_unknown_owner_is_removed_and_flagged(ident: Ident, body: str) -> None:
    plan = _plan(HEAD + body.format(v=ident.value) + "\n")
    out = _output(plan)
    _assert_gone(out, ident, body)
    removed = [f for f in plan.findings if f.action == "remove"
               and f.section != "stamoplysninger" and ident.value[-4:] in f.text]
    assert removed and any(f.review for f in removed), \
        f"{ident}: removed but not flagged for review: {[(f.text, f.explanation) for f in removed]}"


# -- family name first, and the client's surname on his relatives -------------------------------
CHINESE_HEAD = ("1. Stamoplysninger\nNavn: Wang Jianguo\nCPR-nr.: 230476-2219\n"
                "(efternavn først; kaldes ofte \"Jimmy\")\n"
                "Adresse før indsættelse: Islevbrovej 31, 1. tv., 2610 Rødovre, "
                "tlf. 42 61 08 37\n\n2. Beskrivelse\n")


@pytest.mark.parametrize("body", [
    "Han er gift med Liu Meihua. Fru Liu kan kontaktes på 31 07 64 29 og taler lidt dansk.",
    "Hans søn Wang Tao (15 år) har mobil 31 07 64 29.",
    "Hans bror, Wang Jianhua, kan nås på 31 07 64 29.",
    "5. Samarbejdspartnere\n- Hustru: Liu Meihua, 31 07 64 29",
])
def test_relative_with_the_clients_family_name_first(body: str) -> None:
    out = _output(_plan(CHINESE_HEAD + body + "\n", client="Wang Jianguo",
                        cpr="230476-2219"))
    assert "31 07 64 29" not in out, out
    # the client's own labelled address and phone (below a remark in brackets) stay
    assert "Islevbrovej 31, 1. tv., 2610 Rødovre" in out and "42 61 08 37" in out, out


# -- the keep side ----------------------------------------------------------------------------
@pytest.mark.parametrize("stam", [
    "Telefon: {p}\nE-mail: {m}\nAdresse: {a}",
    "Tlf. {p}\nMail: {m}\nBopæl: {a}",
    "Mobil: {p}\nE-mailadresse: {m}\nAdresse før indsættelse: {a}",
    "Adresse før indsættelse: {a}, tlf. {p}, {m}",
    "Kontaktoplysninger: {a}, tlf. {p}, {m}",
    "(bruger mellemnavnet i hverdagen)\nAdresse: {a}\nMobilnr.: {p}\nE-mail: {m}",
])
def test_clients_own_labelled_fields_stay(stam: str) -> None:
    phone, mail, addr = "53 17 80 42", "jonas.bl@gmail.com", "Kornblomstvej 5, 8210 Aarhus V"
    text = (f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: {CLIENT_CPR}\n"
            f"{stam.format(p=phone, m=mail, a=addr)}\n\n2. Beskrivelse\n"
            f"Jonas kan kontaktes på {phone}. Hans mor Helle Lindholm har 31 90 44 12.\n")
    out = _output(_plan(text))
    for own in (CLIENT_CPR, phone, mail, addr):
        assert own in out, f"{own!r} lost:\n{out}"
    assert "31 90 44 12" not in out, out


@pytest.mark.parametrize(("body", "kept"), [
    # a professional's signature, table row and mail header
    ("Med venlig hilsen\nLene Kofoed\nJobkonsulent, Jobcenter Silkeborg\nTlf. 89 70 12 44\n"
     "lene.kofoed@silkeborg.dk", ["Lene Kofoed", "89 70 12 44", "lene.kofoed@silkeborg.dk"]),
    ("Fra: Gitte Brøndum <gitte.brondum@horsens.dk>\nSendt: 2. marts 2027\n"
     "Til: Ida Kjær <ida.kjaer@krfo.dk>\nEmne: Jonas\n\nHej Ida",
     ["gitte.brondum@horsens.dk", "ida.kjaer@krfo.dk"]),
    # an authority's mailbox: its domain, whatever words the department's name holds
    ("Cc: Børn og Familie, Myndighed <bfmyndighed@horsens.dk>\nEmne: Jonas",
     ["bfmyndighed@horsens.dk"]),
    ("Til: Jobcenter Horsens <jobcenter@horsens.dk>\nEmne: Jonas", ["jobcenter@horsens.dk"]),
    # an authority's name right before its number or address
    ("Jobcenter Silkeborg, tlf. 89 70 10 00, har en plads til ham.", ["89 70 10 00"]),
    ("Han har møde hos Jobcenter Viborg, Sct. Mathias Gade 88, 8800 Viborg, den 3. maj.",
     ["Sct. Mathias Gade 88, 8800 Viborg"]),
    ("Sagsbehandler Ole Bæk kan kontaktes på 89 70 31 20.", ["89 70 31 20"]),
    # an organisation, a comma, the name: a contact list's professional
    ("5. Samarbejdspartnere\n- Jobcenter Silkeborg, Lene Kofoed, tlf. 89 70 12 44\n"
     "- Rødovre Kommune, Ydelseskontoret: Ole Bæk, tlf. 36 37 80 44",
     ["Lene Kofoed", "89 70 12 44", "Ole Bæk", "36 37 80 44"]),
    # a signature block with a title line keeps the sender's number
    ("Med venlig hilsen\nMikkel Friis\nTilsynsførende, KiF Silkeborg\n72 55 39 62",
     ["Mikkel Friis", "72 55 39 62"]),
])
def test_professionals_and_authorities_keep_their_identifiers(body: str,
                                                              kept: list[str]) -> None:
    out = _output(_plan(HEAD + body + "\n"))
    for value in kept:
        assert value in out, f"{value!r} lost:\n{out}"
