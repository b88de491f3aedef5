"""Round 20 of issue 8, R1 classes found on the released blind sets, each a general rule
tested in several phrasings of invented text: a nickname after a cue with an adverb between,
a quoted nickname that acts or sends a message, initials a document defines in brackets, the
way into a private home (codes, where the key is), names after a naming verb, a district
after a relative's town abroad, and a remark that a titled person is met privately. All
persons, places and numbers are invented."""

from __future__ import annotations

import pytest

from tests.redact.harness import Case, gone, stamdata

CLIENT = "Palle Rugholm Vest"
CPR = "120388-1235"


def _redact(body: str, areas: tuple[str, ...] = ("netværk",)) -> str:
    head = stamdata(CLIENT, CPR) + "2. Beskrivelse\n"
    return Case(CLIENT, head, areas=areas, cpr=CPR).redact(body, areas)


def _shown(out: str, word: str) -> bool:
    """``word`` stands in ``out`` as a word outside the markers."""
    import re

    text = re.sub(r"\[[^\]]*\]", " ", out)
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


# -- a nickname after its cue with an adverb between, and every later mention --------------
@pytest.mark.parametrize(("text", "nick"), [
    ("Han har en ven, Karsten Lind. Vi kalder ham bare Mus. Og så er der Mus. Mus?", "Mus"),
    ("Hans gamle makker bliver altid kaldt Snude. Snude har ringet flere gange.", "Snude"),
    ("De kaldte hende bare for Myren. Myren bor stadig i byen.", "Myren"),
    ("En fyr, som alle kalder ham kun Tønden, skaffede stofferne. Tønden er væk nu.",
     "Tønden"),
])
def test_a_nickname_after_an_adverb_goes_everywhere(text: str, nick: str) -> None:
    out = _redact(text)
    assert not _shown(out, nick), out


# -- a quoted nickname that does what a person does or sends a message -------------------
@pytest.mark.parametrize(("text", "nicks"), [
    ('Særligt "Tyren" og "Storebror" har skrevet til ham på Snapchat. Han kender Tyren som '
     "Bo Krogh. Storebror kender han kun ved øgenavnet.", ("Tyren", "Storebror")),
    ('Han siger, at "Knægten" truede ham i sidste uge. Knægten bor i Vejle.', ("Knægten",)),
    ("Han fik en sms fra »Hvalen« i går. Hvalen vil mødes.", ("Hvalen",)),
    ('Der er kommet flere beskeder fra "Pynten" og "Fjeldet". Pynten har også ringet.',
     ("Pynten",)),
])
def test_a_quoted_actor_or_sender_is_a_nickname(text: str, nicks: tuple[str, ...]) -> None:
    out = _redact(text)
    for nick in nicks:
        assert not _shown(out, nick), out


def test_a_quoted_title_that_does_nothing_stays() -> None:
    out = _redact('Han læser gerne "Blæksprutten" hver jul.')
    assert '"Blæksprutten"' in out, out


# -- initials a document defines in brackets right after a private person's name ---------
@pytest.mark.parametrize(("text", "codes"), [
    ("Han har gæld til ex-kæresten Nina Bech (NH). NH bor i Odense.", ("NH",)),
    ("Parrets datter, Vera Bech (VT), bor hos moren. VT går i skole.", ("VT",)),
    ("Han bor hos vennen Ole Thy (OT). OT vil have ham ud.", ("OT",)),
])
def test_initials_in_brackets_after_a_private_name_go(text: str, codes: tuple[str, ...]) -> None:
    out = _redact(text, ("bolig",))
    for code in codes:
        assert not _shown(out, code), out


def test_initials_apart_from_the_name_must_be_its_letters() -> None:
    # a code in brackets further on, not the name's letters: not hers
    out = _redact("Hans søster Nina Bech, der bor i Odense (SF), har ringet. SF er et parti.",
                  ("bolig",))
    assert "Nina Bech" not in out, out


# -- the way into a private home: codes and where the key is ------------------------------
@pytest.mark.parametrize(("text", "secrets"), [
    ("Hos Ingrid Vase er der nøgleboks ved bagdøren, kode 4711.", ("4711", "bagdøren")),
    ("Hos Egon Ravn ligger nøglen under måtten, og dørkoden er 2580.", ("måtten", "2580")),
    ("Hos familien Brask hænger reservenøglen bag skuret; koden til porten er #1234.",
     ("skuret", "1234")),
    ("Kunden har givet hende alarmkoden: 9090 og nøgle i blomsterkrukken.",
     ("9090", "blomsterkrukken")),
    ("Nøglebokskode 5522 står i hendes telefon.", ("5522",)),
])
def test_codes_and_key_places_of_a_home_go(text: str, secrets: tuple[str, ...]) -> None:
    out = _redact("Hun gør rent hos private kunder. " + text, ("beskæftigelse",))
    for secret in secrets:
        assert gone(out, secret), out


@pytest.mark.parametrize("text", [
    "Han har aftalt at få udleveret nøgle til lejligheden den 1. marts.",
    "Han skal huske sin kode til MitID.",
])
def test_a_key_or_code_without_a_place_or_digits_stays(text: str) -> None:
    out = _redact(text, ("bolig",))
    assert text in out, out


# -- names after a naming verb ------------------------------------------------------------
@pytest.mark.parametrize(("text", "names"), [
    ("Han har tre børn. Børnene hedder Dijon, Sandor og Mirko.", ("Dijon", "Sandor", "Mirko")),
    ("Hans datter hedder Vela og er 4 år.", ("Vela",)),
    ("De to drenge hed Kimo og Loke, da de kom hertil.", ("Kimo", "Loke")),
    ("Hans nye kæreste hedder Ilse.", ("Ilse",)),
])
def test_names_after_a_naming_verb_go(text: str, names: tuple[str, ...]) -> None:
    out = _redact(text)
    for name in names:
        assert not _shown(out, name), out


# -- a district after a relative's town ---------------------------------------------------
@pytest.mark.parametrize(("text", "district"), [
    ("Hans mor og søstre bor fortsat i Kabul i bydelen Shar Naw.", "Shar Naw"),
    ("Hans onkel bor i Mosul, kvarteret Al Zuhur.", "Al Zuhur"),
    ("Hans far bor i Asmara, Gezira-kvarteret.", "Gezira"),
])
def test_a_district_after_a_relatives_town_goes(text: str, district: str) -> None:
    out = _redact(text)
    assert district not in out, out


# -- a titled person met privately --------------------------------------------------------
@pytest.mark.parametrize(("line", "secrets"), [
    ("- tandlæge Ove Strøm (privat bolig), Lærkevej 18, 9000 Aalborg – torsdag",
     ("Ove Strøm", "Lærkevej 18")),
    ("- advokat Eva Moos (privat), Birkevej 2, 9000 Aalborg – fredag",
     ("Eva Moos", "Birkevej 2")),
])
def test_a_remark_that_a_titled_person_is_private(line: str, secrets: tuple[str, ...]) -> None:
    out = _redact("Hun viste mig sin kundeliste:\n" + line, ("beskæftigelse",))
    for secret in secrets:
        assert secret not in out, out


def test_a_professional_with_a_remark_of_office_stays() -> None:
    text = "Mødet blev holdt med socialrådgiver Mette Ravn (Aalborg Kommune, tlf. 99 31 42 18)."
    out = _redact(text, ("beskæftigelse",))
    assert "Mette Ravn" in out and "99 31 42 18" in out, out


# -- a person first learned in the genitive, the surname an ordinary word -----------------
def test_a_name_learned_in_the_genitive_goes_whole_elsewhere() -> None:
    text = ("Listen omfatter:\n- Grete Munk, Fasanvej 3, 9000 Aalborg – mandag\n\n"
            "Hun har nummeret til Grete Munks datter.")
    out = _redact(text, ("beskæftigelse",))
    assert not _shown(out, "Munk") and not _shown(out, "Grete"), out


# -- a nickname named before the words that say it is one --------------------------------
@pytest.mark.parametrize(("text", "nick"), [
    ("Han er blevet truet. Storebror kender han kun ved øgenavnet. Storebror har også ringet.",
     "Storebror"),
    ("Pynten kender de i miljøet under kaldenavnet. Pynten er farlig.", "Pynten"),
    ("Tønden omtales altid ved hans øgenavn, og Tønden kommer tit forbi.", "Tønden"),
])
def test_a_nickname_before_its_cue_goes_everywhere(text: str, nick: str) -> None:
    out = _redact(text)
    assert not _shown(out, nick), out


# -- a surname that is also a role word, after a given name and a form of address --------
@pytest.mark.parametrize("text", [
    "Hun gør rent hos Grete Munk. Fru Munk er 89 år.",
    "Han bor hos vennen Bent Præst. Hr. Præst vil have ham ud.",
    "Listen omfatter:\n- Grete Munk, Fasanvej 3, 9000 Aalborg\n\nHun hjælper fru Munk med indkøb.",
])
def test_a_role_word_surname_goes_with_the_name(text: str) -> None:
    out = _redact(text, ("beskæftigelse", "bolig"))
    sur = "Munk" if "Munk" in text else "Præst"
    assert not _shown(out, sur), out


# -- initials a text defines in words, whatever their letters -----------------------------
@pytest.mark.parametrize(("text", "code"), [
    ("Han har gæld til ex-kæresten Nina Bech (herefter XB). XB bor i Odense.", "XB"),
    ("Vennen Ole Thy, i det følgende kaldet »FT«, har lånt ham penge. FT vil have dem igen.",
     "FT"),
    ("Hans bror Kim Lund, herefter KL, bor i Vejle. KL har et værelse til ham.", "KL"),
])
def test_initials_defined_in_words_go(text: str, code: str) -> None:
    out = _redact(text, ("bolig",))
    assert not _shown(out, code), out
