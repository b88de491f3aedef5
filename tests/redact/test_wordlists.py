"""The detectors' and rules' word lists are policy data (resources.*_words): declared,
loaded once into the bundle, checked by `policies check`, and read by the code."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.errors import PolicyError
from gldocs.paths import POLICIES_DIR
from gldocs.redact.bundle import bundle_for, load_bundle
from gldocs.redact.policy import load_policy_file
from gldocs.redact.wordlists import WORD_FILES, WordLists, alternation

FILES = {"address_words": "adresseord.yaml", "identifier_words": "identifikatorord.yaml",
         "person_words": "personord.yaml", "ownership_words": "ejerskabsord.yaml",
         "sentence_words": "forkortelser.yaml", "function_words": "funktionsord.yaml"}


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(POLICIES_DIR / "lexicons", tmp_path / "lexicons")
    out = tmp_path / "kopi.yaml"
    shutil.copy(POLICIES_DIR / "kommune.yaml", out)
    return out


def _edit(path: Path, key: str, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_check_counts_the_word_lists(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["policies", "check", str(_copy(tmp_path))])
    assert res.exit_code == 0, res.output
    assert "ordlister til genkendere og regler" in res.output
    assert f"i {len(WORD_FILES)} ordlister" in res.output


def test_every_word_file_is_declared_and_loaded_once() -> None:
    bundle = load_bundle("kommune")
    assert set(FILES) <= set(WORD_FILES)
    for key, (_, lists) in WORD_FILES.items():
        table = getattr(bundle, key)
        assert isinstance(table, WordLists)
        assert table.path.name == Path(getattr(bundle.policy.resources, key)).name
        assert all(table[name] for name in lists)
        assert table.set(lists[0]) is table.set(lists[0])  # built once
    assert load_bundle("kommune").address_words is bundle.address_words


@pytest.mark.parametrize(("key", "name"), [
    ("address_words", "street_suffixes"), ("address_words", "home_verbs"),
    ("identifier_words", "phone_cues"), ("identifier_words", "platforms"),
    ("person_words", "signature_closings"), ("person_words", "ner_inner_words"),
    ("ownership_words", "number_labels"), ("ownership_words", "org_endings"),
    ("sentence_words", "abbreviations"), ("sentence_words", "amount_units"),
    ("function_words", "da"), ("function_words", "name_particles"),
    ("person_words", "possessives"), ("ownership_words", "public_authorities"),
    # moved from private_places, detectors/email, detectors/online, rules, case_entities and
    # professionals (data15)
    ("address_words", "school_verbs"), ("address_words", "daycare_leads"),
    ("identifier_words", "spelled_at"), ("identifier_words", "account_amount_units"),
    ("ownership_words", "compensation_words"), ("person_words", "sender_header_keys"),
    ("person_words", "client_owner_words"), ("person_words", "address_abbreviations")])
def test_empty_or_missing_word_list_is_an_error(tmp_path: Path, key: str, name: str) -> None:
    policy = _copy(tmp_path)
    words = tmp_path / "lexicons" / FILES[key]
    _edit(words, name, lambda d: d.__setitem__(name, []))
    res = CliRunner().invoke(main, ["policies", "check", str(policy)])
    assert res.exit_code == 2, res.output
    assert f"resources.{key}" in res.output and name in res.output
    _edit(words, name, lambda d: d.pop(name))
    with pytest.raises(PolicyError, match=rf"resources\.{key}.*'{name}'"):
        bundle_for(load_policy_file(policy))


def test_a_word_yaml_reads_as_no_string_is_an_error(tmp_path: Path) -> None:
    """YAML reads an unquoted ``no`` or ``on`` as a boolean: refused, not silently dropped."""
    policy = _copy(tmp_path)
    words = tmp_path / "lexicons" / "adresseord.yaml"
    words.write_text(words.read_text(encoding="utf-8").replace(
        "not_towns: [", "not_towns: [no, "), encoding="utf-8")
    with pytest.raises(PolicyError, match=r"resources\.address_words.*'not_towns'"):
        bundle_for(load_policy_file(policy))


def test_month_names_are_twelve(tmp_path: Path) -> None:
    policy = _copy(tmp_path)
    _edit(tmp_path / "lexicons" / "identifikatorord.yaml", "month_names",
          lambda d: d["month_names"].pop())
    with pytest.raises(PolicyError, match=r"'month_names' skal have 12 ord, ikke 11"):
        bundle_for(load_policy_file(policy))


def test_alternation_matches_the_words_longest_first() -> None:
    import re

    alt = re.compile(alternation(("bo", "bor", "j. nr", "ring på", "tlf.", "telefon*"),
                                 r"\s?"))
    assert alternation(("bo", "bor")) == "bo(?:r)?"  # a trie: "bo" tried once
    for text, found in (("bor", "bor"), ("bo", "bo"), ("j.nr", "j.nr"), ("j. nr", "j. nr"),
                        ("ringpå", "ringpå"), ("tlf.", "tlf."), ("telefonnummer", "telefonnummer"),
                        ("telefon", "telefon")):
        m = alt.match(text)
        assert m is not None and m.group(0) == found, text
    for text in ("b", "jnr", "tlf", "tele", "j.n"):  # "." escaped; a word, not a prefix
        m = alt.fullmatch(text)
        assert m is None, text


def test_the_detectors_read_the_policy_words(tmp_path: Path) -> None:
    """A word added to the policy's file is read by the detectors (not a list in Python):
    a new street ending, phone label, plate cue, platform and month name."""
    from gldocs.redact.detectors.address import find_addresses
    from gldocs.redact.detectors.cpr import find_birth_dates
    from gldocs.redact.detectors.online import find_online_ids
    from gldocs.redact.detectors.phone import find_phones
    from gldocs.redact.detectors.plate import find_plates

    policy = _copy(tmp_path)
    address = "Kiosken på Solsikkeslugten 4 har åbent."  # (no home cue: the ending decides)
    phone = "Hotline 0298 51 22 90 hele døgnet."
    plate = "Scooterens AB12345."
    online = "Han skriver på Mastodon: stille.ulv"
    birth = "født 2. maio 1986"
    kommune = load_bundle("kommune")
    assert find_addresses(address, words=kommune.address_words) == []
    abroad = "Butikken på Lale Sokagi 9 er lukket."
    assert find_addresses(abroad, words=kommune.address_words) == []
    assert find_phones(phone, kommune.identifier_words) == []
    assert find_plates(plate, kommune.identifier_words)[0].score == 0.6
    assert find_online_ids(online, kommune.identifier_words) == []
    assert find_birth_dates(birth, kommune.identifier_words) == []

    def more(d: dict) -> None:
        d["street_suffixes"].append("slugten")
        d["foreign_street_words_after"].append("sokagi")

    def more_ids(d: dict) -> None:
        d["phone_labels"].append("hotline")
        d["plate_cues"].append("scooterens")
        d["platforms"].append("mastodon")
        d["month_names"][4] = "maio"

    _edit(tmp_path / "lexicons" / "adresseord.yaml", "", more)
    _edit(tmp_path / "lexicons" / "identifikatorord.yaml", "", more_ids)
    bundle = bundle_for(load_policy_file(policy))
    assert [m.text for m in find_addresses(address, words=bundle.address_words)] == \
        ["Solsikkeslugten 4"]
    assert [m.text for m in find_addresses(abroad, words=bundle.address_words)] == \
        ["Lale Sokagi 9"]
    assert [m.text for m in find_phones(phone, bundle.identifier_words)] == ["0298 51 22 90"]
    assert find_plates(plate, bundle.identifier_words)[0].score == 0.95
    assert [m.text for m in find_online_ids(online, bundle.identifier_words)] == ["stille.ulv"]
    assert [m.normalized for m in find_birth_dates(birth, bundle.identifier_words)] == \
        ["020586"]


def test_the_name_and_ownership_rules_read_the_policy_words(tmp_path: Path) -> None:
    """Person, ownership and clause words added to a copied policy's files are read: a
    letter closing, a form of address, an authority's ending, a relative pronoun."""
    from gldocs.redact.clauses import load_clause_words
    from gldocs.redact.ownership import patterns_for as ownership_patterns
    from gldocs.redact.person_words import is_closing, person_patterns
    from gldocs.redact.rules import _RelativeClause

    kommune = load_bundle("kommune")
    pats = person_patterns(kommune.person_words)
    assert not is_closing("Kærlig hilsen", pats)
    assert [m.group("n") for m in pats.addressed.finditer("Señor Garcia kom.")] == []
    assert not "familiehusets sekretariat".endswith(
        ownership_patterns(kommune.ownership_words).org_endings)
    gap = ", welches selbst "
    assert _RelativeClause(kommune.clause_words).subject(gap) is None

    policy = _copy(tmp_path)
    lex = tmp_path / "lexicons"
    _edit(lex / "personord.yaml", "", lambda d: (d["signature_closings"].append("kærlig hilsen"),
                                                  d["forms_of_address"].append("Señor")))
    _edit(lex / "ejerskabsord.yaml", "", lambda d: d["org_endings"].append("sekretariat"))
    _edit(lex / "saetningsled.yaml", "", lambda d: d["relative_pronouns"].append("welches"))
    bundle = bundle_for(load_policy_file(policy))
    pats = person_patterns(bundle.person_words)
    assert is_closing("Kærlig hilsen", pats)
    assert [m.group("n") for m in pats.addressed.finditer("Señor Garcia kom.")] == ["Garcia"]
    assert "familiehusets sekretariat".endswith(
        ownership_patterns(bundle.ownership_words).org_endings)
    assert _RelativeClause(bundle.clause_words).subject(gap) == 2
    assert load_clause_words(lex / "saetningsled.yaml").relative_pronouns == \
        bundle.clause_words.relative_pronouns


@pytest.mark.parametrize(("mutate", "key"), [
    (lambda d: d["categories"]["helbred"].pop("keep_rule"), "categories.helbred.keep_rule"),
    (lambda d: d["entities"]["PERSON"].pop("client_rule"), "entities.PERSON.client_rule"),
])
def test_the_rules_the_engine_keeps_under_are_named_by_the_policy(
        tmp_path: Path, mutate, key: str) -> None:
    """No keep rule falls back to an id written in Python (K1, K3, K7): the policy names it,
    or `policies check` refuses the policy."""
    policy = _copy(tmp_path)
    _edit(policy, "", mutate)
    res = CliRunner().invoke(main, ["policies", "check", str(policy)])
    assert res.exit_code == 2, res.output
    assert key in res.output


def test_the_discovery_and_rule_words_come_from_the_policy(tmp_path: Path) -> None:
    """Possessives, prepositions of place, contact-entry cues, family words, public
    authorities and CPR cues (once Python lists in case_entities, rules, professionals,
    detectors/names and detectors/cpr) are read from a copied policy's files."""
    from gldocs.redact.detectors.cpr import find_cprs
    from gldocs.redact.ownership import patterns_for as ownership_patterns
    from gldocs.redact.person_words import person_patterns
    from gldocs.redact.professionals import ContactClassifier
    from gldocs.redact.rules import RuleStage

    def stage(b):
        classifier = ContactClassifier(b.policy, b.places, b.authority_domains, b.person_words,
                                       b.ownership_words, b.address_words)
        return classifier, RuleStage(b.policy, classifier, b.clause_words, b.address_words,
                                     b.person_words, b.ownership_words)

    policy = _copy(tmp_path)
    lex = tmp_path / "lexicons"
    _edit(lex / "personord.yaml", "", lambda d: (
        d["possessives"].append("vor"), d["place_prepositions"].append("nahe"),
        d["contact_entry_cues"].append("gemt i telefonen som"),
        d["family_group_words"].append("halvbrødrene"),
        d["family_words_after_name"].append("svigerfamilie"),
        d["work_or_shop_words"].append("frisør*"),
        d["staff_key_parts"].append("bisidder")))
    _edit(lex / "ejerskabsord.yaml", "", lambda d: (
        d["public_authorities"].append("skattestyrelsen"),
        d["located_authority_endings"].append("hospitalet"),
        d["other_possessives"].append("vores")))
    _edit(lex / "identifikatorord.yaml", "", lambda d: d["cpr_cues"].append("sygesikringsnr"))
    texts = ("vor bror kim ringede", "nahe ", 'gemt i telefonen som "Mor Ida"',
             "halvbrødrene Kragh", " svigerfamilie", "frisøren hos ")
    for bundle, found in ((load_bundle("kommune"), False),
                          (bundle_for(load_policy_file(policy)), True)):
        pats = person_patterns(bundle.person_words)
        classifier, rules = stage(bundle)
        assert bool(pats.lower_after_role.search(texts[0])) is found
        assert bool(pats.place_preposition.search(texts[1])) is found
        assert bool(pats.contact_entry.search(texts[2])) is found
        assert bool(rules._family_name.search(texts[3])) is found
        assert ("skattestyrelsen" in rules._authorities) is found
        assert "rigshospitalet".endswith(classifier.located_authority_endings) is found
        assert bool(pats.family_after.match(texts[4])) is found
        assert bool(pats.at_work_before.search(texts[5])) is found
        score = find_cprs("sygesikringsnr 1204972215", words=bundle.identifier_words)[0].score
        assert (score == 0.99) is found
        assert bool(ownership_patterns(bundle.ownership_words).someone_elses.search(
            "opgive vores nummer")) is found
        assert ("bisidder" in pats.words["staff_key_parts"]) is found


def test_the_private_place_rule_reads_the_policy_words() -> None:
    """The verbs that place a private person are the policy's: without "går" in
    school_verbs the child's school is no longer found by that verb (data15)."""
    from dataclasses import replace

    from gldocs.redact.default_words import default_words
    from gldocs.redact.private_places import private_places

    text = "Hans søn går i 3.b på Bakkeskolen i Kolding."
    spans = [(0, len(text))]

    def role_in(t: str) -> str | None:
        return "barn" if "søn" in t.lower() else None

    def places(words: WordLists) -> list[str]:
        return [text[p.start:p.end] for p in private_places(
            text, spans, [], role_in, lambda n: n == "Kolding", words=words)]

    kommune = default_words("address_words")
    assert places(kommune) == ["Bakkeskolen"]
    lists = dict(kommune.lists)
    lists["school_verbs"] = tuple(w for w in lists["school_verbs"] if w != "går")
    lists["child_place_words"] = ("vuggestue",)  # and no school word for the fallback rule
    assert places(replace(kommune, lists=lists, _sets={})) == []


def test_payment_label_words_are_policy_data() -> None:
    """What may follow a payment app's name and stand before its number ("MobilePay-
    nummer er", "Swish til") are identifier words: a word the policy adds is read."""
    from gldocs.redact.professionals import ContactClassifier
    from gldocs.redact.rules import RuleStage

    b = load_bundle("kommune")
    classifier = ContactClassifier(b.policy, b.places, b.authority_domains, b.person_words,
                                   b.ownership_words, b.address_words)
    words = b.identifier_words

    def label_start(text: str, lists: WordLists) -> int | None:
        stage = RuleStage(b.policy, classifier, b.clause_words, b.address_words,
                          b.person_words, b.ownership_words, lists)
        return stage._payment_label(text, text.index("31"))

    for text in ("send på MobilePay-nummer er 31 22 40 19", "Swish til 31 22 40 19"):
        assert label_start(text, words) == text.index(text.split()[2 if "på" in text else 0])
    text = "overført med MobilePay-profil hos 31 22 40 19"
    assert label_start(text, words) is None
    mine = WordLists(words.key, words.path, {
        **words.lists, "payment_label_suffixes": (*words["payment_label_suffixes"], "profil"),
        "payment_label_links": (*words["payment_label_links"], "hos")})
    assert label_start(text, mine) == text.index("MobilePay")


def test_a_cue_is_any_word_of_its_list_as_a_whole_word_in_any_case() -> None:
    words = WordLists("identifier_words", Path("ord.yaml"),
                      {"wallet_cues": ("tegnebog", "wallet", "btc-adresse", "kt.")})
    cue = words.cue("wallet_cues")
    assert cue is words.cue("wallet_cues")  # built once per word list
    assert cue.search("Hans WALLET er tom").group(0) == "WALLET"
    assert cue.search("Pengene lå i en Tegnebog.").group(0) == "Tegnebog"
    assert cue.search("Tegnebogen er væk, walleten også.") is None  # inside a longer word
    assert cue.search("min btc-adresse: …").group(0) == "btc-adresse"
    assert cue.search("xbtc-adresse") is None
    # a word that ends in a full stop is still whole before a space (where \b would fail)
    assert cue.search("oplyst kt. 4410238817").group(0) == "kt."


def test_whole_word_wraps_any_alternation() -> None:
    from gldocs.text.alternation import whole_word

    rx = whole_word("intern note|intern", re.IGNORECASE)
    assert rx.search("En INTERN NOTE fulgte.").group(0) == "INTERN NOTE"
    assert rx.search("Internt brug") is None
    assert whole_word("Dealer J").search("Dealer Jens") is None
    assert whole_word("Dealer J").search("«Dealer J» skrev").group(0) == "Dealer J"
