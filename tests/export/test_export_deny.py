"""The export's deny list: the case's third parties and the removed texts."""

from __future__ import annotations

import pytest
from export_fixtures import MAIN_CASE

from gldocs.case import load_case
from gldocs.errors import RefusedError
from gldocs.export.deny import (
    DenyTerm,
    build_deny_list,
    case_third_party_terms,
    removed_terms,
)
from gldocs.export.leakscan import scan
from gldocs.export.package import check_neutral
from gldocs.export.places import Place
from gldocs.redact.model import Finding, Plan

CASE = load_case(MAIN_CASE)


def texts(terms: list[DenyTerm]) -> set[str]:
    return {t.text for t in terms}


def test_third_parties_of_the_case_in_every_form() -> None:
    got = texts(case_third_party_terms(CASE, frozenset()))
    assert {"Birgitte Bech Frederiksen", "Birgitte", "Camilla Holst Jensen", "Camilla", "Holst",
            "Jensen", "Alma", "Oliver", "Mahmoud Karim Nasser", "Karim", "Lene Thorsen",
            "Thorsen"} <= got
    assert {"40 27 91 58", "26 18 44 73"} <= got
    assert {"Edwin Rahrs Vej 54, 8220 Brabrand", "Edwin Rahrs Vej 54"} <= got
    # the client's own name parts (shared surname) and professionals are not third parties
    assert not got & {"Bech", "Frederiksen", "Jonas", "Maja", "Sara", "Peter"}
    assert all(t.identity for t in case_third_party_terms(CASE, frozenset()))


def test_ambiguous_given_names_and_client_data_are_left_out() -> None:
    data = CASE.model_copy(deep=True)
    person = data.personer[0].model_copy(update={
        "navn": "Per Kristoffersen", "adresse": data.stamoplysninger.adresse})
    data = data.model_copy(update={"personer": [person]})
    got = texts(case_third_party_terms(data, frozenset({"per"})))
    assert "Per Kristoffersen" in got and "Kristoffersen" in got
    assert "Per" not in got  # "per" is an ordinary word ("per måned")
    assert data.stamoplysninger.adresse not in got  # lives with the client: K1


def test_phone_forms_are_caught_by_the_scan() -> None:
    terms = [t.text for t in case_third_party_terms(CASE, frozenset())]
    for form in ("+45 26 18 44 73", "26184473", "2618 4473", "0045 26-18-44-73"):
        leaks = scan([Place("tekst", f"Ring på {form} i morgen")], "140595-1237", terms)
        assert leaks, form


def _finding(text: str, rule: str, action: str = "remove") -> Finding:
    return Finding("beskrivelse.misbrug", "beskrivelse", 0, len(text), text, rule,
                   "rhl. § 10" if rule == "R2" else "rhl. § 9", "lexicon", "X", 0.9,
                   action, "[udeladt]")  # type: ignore[arg-type]


def test_context_removals_kept_elsewhere_pass_identity_removals_never() -> None:
    plan = Plan(units=[], findings=[_finding("hash", "R2"), _finding("Lene Thorsen", "R1"),
                                    _finding("celleransagning", "R3"),
                                    _finding("kept text", "K7", "keep")],
                policy_name="kommune", policy_version="1", areas=["misbrug"])
    approved = ["Han har røget hash dagligt.", "Lene Thorsen blev skubbet."]
    result = build_deny_list(removed_terms(plan), restored_texts=[], approved_texts=approved)
    assert texts(result.terms) == {"Lene Thorsen", "celleransagning"}
    assert texts(result.passed_on) == {"hash"}  # a K7 keep in the misbrug area
    sentence = "Han er tilknyttet en bandegruppering i Aarhus Vest."
    plan.findings.append(_finding(sentence, "R3"))
    result = build_deny_list(removed_terms(plan), [], [*approved, sentence])
    assert sentence in texts(result.terms)  # a removed sentence kept elsewhere is a leak


def test_restored_text_is_passed_on() -> None:
    terms = case_third_party_terms(CASE, frozenset())
    result = build_deny_list(terms, restored_texts=["Birgitte Bech Frederiksen"],
                             approved_texts=[])
    assert {"Birgitte", "Birgitte Bech Frederiksen"} <= texts(result.passed_on)
    assert "Camilla" in texts(result.terms)


def test_subject_and_file_names_must_not_name_the_client() -> None:
    assert check_neutral("handleplan_HP-2026-0142_v2.pdf", "Jonas Bech Frederiksen",
                         "140595-1237", "Filnavnet")
    for bad in ("handleplan_Frederiksen.pdf", "Handleplan 140595"):
        try:
            check_neutral(bad, "Jonas Bech Frederiksen", "140595-1237", "Filnavnet")
        except RefusedError as err:
            assert "klientens" in err.message
        else:
            raise AssertionError(bad)


def test_a_name_counts_only_where_it_is_written_as_a_name() -> None:
    terms = [DenyTerm("Hans", "fjernet tekst (R1)", identity=True),
             DenyTerm("Vold", "fjernet tekst (R1)", identity=True),
             DenyTerm("Janus la Cours Gade 12", "tredjepart", identity=True),
             DenyTerm("narkotikasag", "fjernet tekst (R4)", identity=False)]
    denied = build_deny_list(terms, [], [])
    text = ("Han besøger hans mor. Dom for vold. HANS bror ringede. Hans kom forbi. "
            "Bor på janus la cours gade 12. En Narkotikasag.")
    leaks = denied.scan([Place("tekst", text)], None, "x.txt")
    assert sorted(lk.text for lk in leaks) == ["HANS", "Hans", "Narkotikasag",
                                               "janus la cours gade 12"]
    assert all(lk.file == "x.txt" and lk.place == "tekst" for lk in leaks)


def test_removed_identity_kept_elsewhere_by_the_redactor_is_still_denied() -> None:
    """The same phone removed beside a relative and kept in a contact line: a leak."""
    plan = Plan(units=[], findings=[_finding("26 18 44 73", "R1"),
                                    _finding("26 18 44 73", "K3", "keep")],
                policy_name="kommune", policy_version="1", areas=[])
    result = build_deny_list(removed_terms(plan), [], ["Kontakt: tlf. 26 18 44 73"])
    assert texts(result.terms) == {"26 18 44 73"} and not result.passed_on


def test_identity_rules_come_from_the_policy() -> None:
    """Which removals are identities is the policy's word (its entities' removal rules):
    a plan carrying other identity rules is read by them, not by a rule id in the code."""
    from gldocs.export.deny import identity_rules
    from gldocs.redact.policy import load_policy

    assert load_policy("kommune").identity_rules == {"R1"}
    assert load_policy("intern").identity_rules == {"R1"}  # PERSON is kept there (K3)
    plan = Plan(units=[], findings=[_finding("hash", "R2"), _finding("Lene Thorsen", "R1")],
                policy_name="kommune", policy_version="1", areas=[],
                identity_rules=frozenset({"R2"}))
    assert identity_rules(plan) == {"R2"}
    result = build_deny_list(removed_terms(plan), [], ["hash", "Lene Thorsen"])
    assert texts(result.terms) == {"hash"}


def test_client_own_address_shared_with_a_parent_passes_only_where_kept() -> None:
    """A 16-year-old lives with his mother: her address (removed as hers) is his own. It
    passes when the approved text keeps it as the client's (ownership shown by the case
    data); where no approved text keeps it, it stays denied (fail closed)."""
    from gldocs.export.deny import client_own_texts

    address = "Hyldespjældet  74, st. th., 2620 Albertslund"
    own = client_own_texts(CASE.model_copy(update={"stamoplysninger": CASE.stamoplysninger
                                                   .model_copy(update={"adresse": address})}))
    assert "hyldespjældet 74, st. th., 2620 albertslund" in own
    assert "hyldespjældet 74" in own  # the street with its number too
    plan = Plan(units=[], findings=[_finding("Hyldespjældet 74, st. th., 2620 Albertslund",
                                             "R1")],
                policy_name="kommune", policy_version="1", areas=[])
    kept = ["Adresse: Hyldespjældet 74, st. th., 2620 Albertslund"]
    passed = build_deny_list(removed_terms(plan), [], kept, own)
    assert not passed.terms and texts(passed.passed_on) == {
        "Hyldespjældet 74, st. th., 2620 Albertslund"}
    assert texts(build_deny_list(removed_terms(plan), [], ["Adresse: [udeladt]"], own).terms) \
        == {"Hyldespjældet 74, st. th., 2620 Albertslund"}
    assert build_deny_list(removed_terms(plan), [], kept).terms  # not the client's: denied


def test_ambiguous_names_are_the_policys_declared_list(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The deny list reads the given names that are also words from the policy's declared
    resource (through its bundle, which refuses a missing or empty list), not a fixed path."""
    from types import SimpleNamespace

    from gldocs.export import deny
    from gldocs.redact import bundle

    assert "bo" in deny.ambiguous_names("kommune")
    monkeypatch.setattr(bundle, "load_bundle",
                        lambda name: SimpleNamespace(ambiguous_names=frozenset({"Storm"})))
    assert deny.ambiguous_names("egen") == {"storm"}
