"""The ownership table: whose a number, e-mail, address or plate is (fixture policy)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gldocs.redact.bundle import load_bundle
from gldocs.redact.case_entities import CaseEntities, Mention, Person
from gldocs.redact.detectors import find_patterns
from gldocs.redact.model import Owner
from gldocs.redact.ownership import RULES, UNCLEAR, Evidence, owner_of
from gldocs.redact.professionals import ContactClassifier
from gldocs.redact.rules import RuleStage

MINI = str(Path(__file__).parent / "fixtures" / "mini" / "mini.yaml")
CLIENT = Person("Aske Lund", "client", score=1.0)


@pytest.fixture(scope="module")
def stage() -> RuleStage:
    b = load_bundle(MINI)
    return RuleStage(b.policy, ContactClassifier(b.policy, b.places, b.authority_domains,
                                                 b.person_words, b.ownership_words,
                                                 b.address_words),
                     b.clause_words, b.address_words)


def _ents(**kw) -> CaseEntities:
    base = dict(client=CLIENT, client_cpr_digits="1504881234", client_phones={"20304050"},
                client_emails={"aske@gmail.com"}, client_addresses=["lindevej 12"],
                persons=[], protected_tokens={"Aske", "Lund"})
    base.update(kw)
    return CaseEntities(**base)


def _owner(stage: RuleStage, text: str, *, section: str = "beskrivelse",
           mentions: list[Mention] = (), ents: CaseEntities | None = None,
           signature: bool = False):
    (pm,) = find_patterns(text)
    ev = Evidence(pm, text, section, ents or _ents(), stage.classifier, list(mentions), [],
                  signature, stage.role_between)
    return owner_of(ev)


def test_table_shape() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert RULES[-1].entities is None  # the last row decides anything


def test_client_and_other_cpr(stage: RuleStage) -> None:
    assert _owner(stage, "CPR 150488-1234").owner == Owner.CLIENT
    other = _owner(stage, "CPR 010190-1235")
    assert other.owner == Owner.PRIVATE and "anden end klienten" in other.reason


def test_role_word_before_a_number_makes_it_private(stage: RuleStage) -> None:
    who = _owner(stage, "Han har talt med moren på 22 33 44 55.")
    assert (who.owner, who.role) == (Owner.PRIVATE, "mor")
    assert who.score >= 0.85


def test_phone_owners(stage: RuleStage) -> None:
    assert _owner(stage, "Tlf. 20 30 40 50").owner == Owner.CLIENT  # case data
    assert _owner(stage, "Hilsen, tlf. 22 33 44 55", signature=True).owner == \
        Owner.PROFESSIONAL
    assert _owner(stage, "Telefon: 22 33 44 55", section="stamoplysninger").owner == \
        Owner.CLIENT
    assert _owner(stage, "Vagten: 72 55 12 34").owner == Owner.PROFESSIONAL  # prefix
    who = _owner(stage, "Nummeret 22 33 44 55 blev noteret.")
    assert (who.owner, who.score) == (Owner.PRIVATE, UNCLEAR)  # fail closed, for review
    assert load_bundle(MINI).policy.thresholds.review_below > UNCLEAR


@pytest.mark.parametrize(("text", "owner"), [
    # an authority word elsewhere in the sentence is no evidence: the caller's number
    ("Han har ringet til jobcentret flere gange fra 31 64 22 08.", Owner.PRIVATE),
    ("Han har skrevet til kommunen fra 31 64 22 08 i nat.", Owner.PRIVATE),
    # the authority's name right before, with only a label between
    ("Jobcenter Horsens, tlf. 76 29 10 00, har en plads til ham.", Owner.PROFESSIONAL),
    ("Han ringede til jobcentret på 76 29 10 00.", Owner.PROFESSIONAL),
    # the authority as the subject that gives its number
    ("Jobcentret kan kontaktes på 76 29 10 00 alle hverdage.", Owner.PROFESSIONAL),
])
def test_phone_kept_for_an_authority_only_on_positive_evidence(
        stage: RuleStage, text: str, owner: Owner) -> None:
    who = _owner(stage, text)
    assert who.owner == owner, who.reason
    if owner == Owner.PROFESSIONAL:
        assert "myndighed" in who.reason  # the evidence, for --explain


def test_phone_after_named_people(stage: RuleStage) -> None:
    text = "Mette Holm, 22 33 44 55"
    private = Mention(0, 10, "Mette Holm", Person("Mette Holm", "private", role="mor"))
    who = _owner(stage, text, mentions=[private])
    assert (who.owner, who.role) == (Owner.PRIVATE, "mor")
    pro = Mention(0, 10, "Mette Holm", Person("Mette Holm", "professional"))
    assert _owner(stage, text, mentions=[pro]).owner == Owner.PROFESSIONAL


def test_email_owners(stage: RuleStage) -> None:
    assert _owner(stage, "aske@gmail.com").owner == Owner.CLIENT
    assert _owner(stage, "Mail: ukendt@gmail.com").owner == Owner.PRIVATE
    assert _owner(stage, "Skriv til post@vejle.dk").owner == Owner.PROFESSIONAL
    # an authority word in the line is no evidence for an unknown domain
    who = _owner(stage, "Hun har skrevet til kommunen fra laila@sharifi-net.dk.")
    assert (who.owner, who.score) == (Owner.PRIVATE, UNCLEAR)


def test_address_owners(stage: RuleStage) -> None:
    assert _owner(stage, "Han bor på Lindevej 12, 7100 Vejle").owner == Owner.CLIENT
    assert _owner(stage, "Adresse: Fjordvej 3, 7100 Vejle", section="stamoplysninger"
                  ).owner == Owner.CLIENT
    who = _owner(stage, "Hun bor på Fjordvej 3, 7100 Vejle")
    assert who.owner == Owner.PRIVATE and who.score == UNCLEAR  # nobody shown: review


def test_pattern_findings_take_the_rule_and_marker_from_the_policy(stage: RuleStage) -> None:
    from gldocs.document.units import TextUnit

    text = "Han har talt med moren på 22 33 44 55."
    unit = TextUnit("beskrivelse", "line1", text)
    (f,) = stage.patterns(unit, find_patterns(text), [], _ents(), [])
    assert (f.rule, f.action, f.marker, f.ground) == ("R1", "remove", "[pårørende]", "rhl. § 9")
    assert f.text == "22 33 44 55"
