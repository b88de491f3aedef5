"""Name variants and non-names: particles, nicknames, ALL CAPS, places, organisations."""

from __future__ import annotations

import pytest
from harness import Case, stamdata

from gldocs.redact.bundle import load_bundle
from gldocs.redact.case_entities import _canonical, _trim_acronyms, extend_name
from gldocs.redact.detectors.names import NameCandidate
from gldocs.redact.gazetteer import build_gazetteer


def _cand(text: str, name: str) -> NameCandidate:
    start = text.index(name)
    return NameCandidate(start, start + len(name), name, 0.8, "test")


@pytest.mark.parametrize(("text", "first", "full"), [
    ("hos sin mor, Sólja í Lon, på Fjordvej", "Sólja", "Sólja í Lon"),
    ("vennen Ludwig van der Berg kom", "Ludwig", "Ludwig van der Berg"),
    ("naboen Ahmad al-Hassan ringede", "Ahmad", "Ahmad al-Hassan"),
    ('en kammerat, Zbigniew "Zibi" Mazur, Strandvejen', "Zbigniew", 'Zbigniew "Zibi" Mazur'),
    ("Anna de Jong og Peter", "Anna", "Anna de Jong"),
])
def test_name_extended_over_particles_and_nicknames(text: str, first: str, full: str) -> None:
    assert extend_name(text, _cand(text, first)).text == full


def test_no_extension_over_lower_case_words() -> None:
    text = "Karen da hun kom hjem"
    assert extend_name(text, _cand(text, "Karen")).text == "Karen"


def test_all_caps_name_is_one_person_with_its_title_case_form() -> None:
    assert _canonical("STEN HOLMGAARD") == "Sten Holmgaard"
    assert _canonical("LARS MØLLER-DAHL") == "Lars Møller-Dahl"
    assert _canonical("Sten Holmgaard's") == "Sten Holmgaard"


def test_acronyms_trimmed_from_names() -> None:
    text = "Mikkels LS/RNR-niveau"
    trimmed = _trim_acronyms(_cand(text, "Mikkels LS"))
    assert trimmed is not None and trimmed.text == "Mikkels"
    assert _trim_acronyms(_cand("KHALED MUSTAFA", "KHALED MUSTAFA")).text == "KHALED MUSTAFA"


@pytest.fixture(scope="module")
def gazetteer():
    b = load_bundle("kommune")
    return build_gazetteer(b.places, b.organisations, b.policy.professionals.org_words,
                           b.surname_endings)


@pytest.mark.parametrize("text", ["Kolding", "Næstved", "Frederiksberg", "Ringkøbing-Skjern",
                                  "Herning", "Vejles"])
def test_places_are_not_names(gazetteer, text: str) -> None:
    assert gazetteer.all_places(text)


@pytest.mark.parametrize("text", ["Mette Lund", "Sten Holmgaard", "Bo Kastrup"])
def test_names_with_place_words_stay_names(gazetteer, text: str) -> None:
    assert not gazetteer.all_places(text)


@pytest.mark.parametrize(("text", "org"), [
    ("skrevet op hos Lejerbo Kolding i dag", "Lejerbo Kolding"),
    ("hos Boligselskabet Hedensted.", "Boligselskabet Hedensted"),
    ("praktik hos Tømrerfirmaet Hansen & Søn fra marts", "Tømrerfirmaet Hansen & Søn"),
    ("en bokseklub, Næstved Boxing Club, som", "Næstved Boxing Club"),
    ("overgå til Psykiatrisk Klinik Vejle", "Psykiatrisk Klinik Vejle"),
    ("møde på Herning Rådhus", "Herning Rådhus"),
    ("Gribskov Kommune, Center for Socialområdet: Søren", "Center for Socialområdet"),
])
def test_organisation_runs(gazetteer, text: str, org: str) -> None:
    spans = gazetteer.org_spans(text)
    assert any(text[a:b] == org for a, b in spans), spans


def test_person_beside_organisation_is_no_organisation(gazetteer) -> None:
    text = "sagsbehandler Vibeke Sand, Kolding Kommune"
    spans = gazetteer.org_spans(text)
    assert all("Vibeke" not in text[a:b] for a, b in spans)


def test_ordinary_words_need_the_pipeline(gazetteer) -> None:
    assert not gazetteer.is_common("Vold")  # no pipeline: off (fail closed)


def test_street_name_words_are_no_person() -> None:
    from gldocs.redact.person_words import person_patterns

    gap = person_patterns().street_gap  # the policy's street-name particles
    text = "hos sin mor på Janus la Cours Gade 12, st. tv."
    assert gap.fullmatch(text, text.index("Janus") + 5, text.index("Cours"))
    text = "hos Peter på Vestergade 12"
    assert not gap.fullmatch(text, text.index("Peter") + 5, text.index("Vestergade"))


def _out(body: str) -> str:
    return Case("Kenneth Lund Iversen", stamdata("Kenneth Lund Iversen", "040488-1233"),
                cpr="040488-1233", ner=False, end="").text(body)


def test_role_after_an_ambiguous_name() -> None:
    out = _out("2. Beskrivelse\nLykke, hans halvsøster, passer drengen.\n")
    assert "Lykke" not in out and "[pårørende]" in out


def test_mister_and_missis_are_persons() -> None:
    out = _out("2. Beskrivelse\nNaboen har klaget. Hr. Mortensen fra nr. 14 ringede.\n")
    assert "Mortensen" not in out


def test_title_after_possessive_is_professional() -> None:
    out = _out("2. Beskrivelse\nAnna Krogh, hans sagsbehandler, ringer i morgen.\n")
    assert "Anna Krogh" in out


def test_roles_and_titles_in_tables_and_brackets() -> None:
    out = _out("Kontakt: Anders (boligsocial medarbejder), 29 29 29 29\n"
               "| Jannik Friis | ven | 40 40 40 40 |\n"
               "Referent: Mia Dahl\n")
    assert "Anders" in out and "29 29 29 29" in out
    assert "Jannik" not in out and "40 40 40 40" not in out
    assert "Mia Dahl" in out


def test_coordinated_names_share_their_organisation() -> None:
    out = _out("4. Vurdering\nDer er aftalt møde med Jens Hald og Ida Krog fra Jobcenter "
               "Odense. Karin Dahl (KiF Odense) er tilsynsførende.\n")
    assert "Jens Hald" in out and "Ida Krog" in out and "Karin Dahl" in out


def test_friend_from_a_shop_is_no_professional() -> None:
    out = _out("2. Beskrivelse\nHan ser tit Jens Aagaard fra Netto, som han kender fra "
               "skolen.\n")
    assert "Jens" not in out


def test_compounds_of_ordinary_words_are_no_names() -> None:
    from gldocs.redact.gazetteer import Gazetteer

    words = {"løsladelse", "møde", "mentor", "forløb", "lind", "holm", "gylden", "løve"}
    gz = Gazetteer(frozenset(), frozenset(), (), ("holm", "løve"), words.__contains__)
    assert gz.is_common("Løsladelsesmøde") and gz.is_common("Mentorforløb")
    assert not gz.is_common("Lindholm") and not gz.is_common("Gyldenløve")


def test_tab_separated_table_rows() -> None:
    out = _out("Netværk\nLis Iversen\tmor\t22 22 22 22\nPia Holm\tsagsbehandler\t99 31 31 31\n")
    assert "Lis" not in out and "22 22 22 22" not in out
    assert "Pia Holm" in out and "99 31 31 31" in out


def test_attention_and_deputy_are_professionals() -> None:
    out = _out("Til: Vejle Kommune, Borgerservice, att. Mette Skov\n"
               "Kontakt min stedfortræder Henrik Bro på 72 55 44 33 eller KiF Vejle v/ Lise Dam.\n")
    assert "Mette Skov" in out and "Henrik Bro" in out and "72 55 44 33" in out
    assert "Lise Dam" in out


def test_street_lead_and_gap_read_one_particle_list() -> None:
    """The address's reach to the left over a street name and the candidate that is the
    street name's first words read one list (person_words.street_name_particles)."""
    from gldocs.redact.person_words import PersonPatterns, person_patterns
    from gldocs.redact.rules import _street_name_start
    from gldocs.redact.wordlists import WordLists

    pats = person_patterns()
    stop = frozenset({"på", "hos", "i", "adresse"})
    text = "hos sin mor på Janus la Cours Gade 12"
    assert _street_name_start(text, text.index("Cours"), stop, pats.street_lead) \
        == text.index("Janus")
    # an article is no part of the street ("in der Friesische Straße")
    text = "Er lebte in der Friesische Straße 88"
    assert _street_name_start(text, text.index("Friesische"), stop, pats.street_lead) \
        == text.index("Friesische")
    # a particle the policy adds counts in both places at once
    words = pats.words
    lists = {**words.lists, "street_name_particles": ("zu",)}
    mine = PersonPatterns(WordLists(words.key, words.path, lists))
    text = "hos sin mor på Janus zu Cours Gade 12"
    assert _street_name_start(text, text.index("Cours"), stop, mine.street_lead) \
        == text.index("Janus")
    assert mine.street_gap.fullmatch(text, text.index("Janus") + 5, text.index("Cours"))
    assert not pats.street_gap.fullmatch(text, text.index("Janus") + 5, text.index("Cours"))


def test_an_id_or_age_after_a_name_is_one_rule() -> None:
    """The name before a CPR number or an age (discovery) and the evidence after a
    candidate read the same bracket words and age units (person_words)."""
    from gldocs.redact.person_words import person_patterns

    pats = person_patterns()
    for text in ("Liva (7 år)", "Jeanette (CPR 010190-1234)", "Ellen (born 1979)",
                 "Ida (9-årig)", "Tom (aged 12)", "Mia (3 måneder)", "Bo (f. 2.3.1990)"):
        end = text.index(" (")
        assert pats.id_after.match(text, end), text
        m = pats.name_before_id.search(text)
        assert m is not None and m.group("n") == text[:end], text
    # a bare number in brackets: an age only where it names a new candidate
    assert pats.name_before_id.search("Oliver (5)") is not None
    assert pats.id_after.match("Char (10)", 4) is None
    for text in ("Tilde (8 år)", "Signe på 8 måneder", "Oliver, 5 år,", "Tom, 12 years"):
        assert pats.age_after.match(text, text.index(" ") if "(" in text or "på" in text
                                    else text.index(",")), text
    assert pats.age_after.match("Tilde (8 timer)", 5) is None


def test_family_words_around_a_name_are_one_rule_each() -> None:
    """"familien Kragh" (before the name) is read by the name rules and by the place check
    alike, from person_words.family_words_before_name; "Hansen-familien" from
    family_words_after_hyphen."""
    from gldocs.redact.person_words import person_patterns

    pats = person_patterns()
    assert pats.family_before.search("hos Familien ")
    assert not pats.family_before.search("hos brødrene ")  # brothers: given names follow
    assert pats.family_after_hyphen.match("-familien bor")
    assert not pats.family_after_hyphen.match("-familiefar")
