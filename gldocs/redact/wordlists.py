"""Named word lists of a policy data file: the Danish (and other) words the detectors and
rules use, kept out of Python so a policy author can read and extend them.

Each file is a YAML mapping with ``name``, ``description``, ``sources`` (where the words
come from) and one list per key; a comment above each list says what it is. The policy
declares the file under ``resources:`` (:data:`WORD_FILES`: key -> the lists it must
hold); the bundle loads it once and ``gldocs policies check`` refuses a policy whose file is
missing, lacks a list or has an empty one (fail closed, exit 2).

    words = load_bundle("kommune").address_words
    words.set("street_suffixes")                 # frozenset, built once
    words.alternation("street_suffixes")         # "gaden|gade|…": escaped, longest first
    words.cue("wallet_cues")                     # compiled: any of them as a whole word

A code module builds its regexes from the loaded words once per bundle (``lru_cache`` on
the :class:`WordLists` object, which hashes by identity) and keeps the non-word structure
(look-arounds, digits, punctuation) in Python.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from gldocs.ordlister import parse_word_lists
from gldocs.text.alternation import alternation, whole_word
from gldocs.yamlfile import load_yaml

# resources key -> (what it holds, in Danish, for error messages; the lists it must hold)
WORD_FILES: dict[str, tuple[str, tuple[str, ...]]] = {
    "address_words": ("ordene i adresser", (
        "street_suffixes", "street_suffix_words", "street_qualifiers", "not_street_leads",
        "street_prepositions", "town_directions", "town_leads", "not_towns", "home_verbs",
        "i_street_suffixes", "en_street_words", "de_street_suffixes", "de_street_words",
        "de_street_articles", "nordic_street_suffixes", "pl_street_abbreviations",
        "pl_street_words",
        "fr_street_words", "fr_articles", "south_street_words", "south_articles",
        "flat_words", "ground_floors", "basement_floors", "floor_words", "floor_sides",
        "house_number_labels", "place_name_copulas", "category_street_suffixes",
        "street_stop_words",
        # the places that locate a private person (gldocs.redact.private_places)
        "school_verbs", "work_verbs", "work_verbs_with_object", "residence_verbs",
        "clause_opening_verbs", "child_place_words", "child_place_endings", "daycare_leads",
        "daycare_only_leads",
        "adult_school_stems", "district_words",
        # a street and house number without a postnummer (cued and foreign addresses)
        "address_cue_words", "address_joiners", "not_street_names", "after_house_number",
        "foreign_street_words_before", "foreign_flat_words", "foreign_street_words_after",
        "farm_name_endings", "not_after_house_number", "numbered_home_words",
        "lower_place_name_endings",
        "not_lower_place_names", "foreign_school_nouns", "relation_record_keys",
        "relation_role_keys", "table_name_columns", "table_contact_columns",
        "holiday_home_words", "protection_words")),
    "identifier_words": ("ordene ved telefonnumre, nummerplader, fødselsdatoer og "
                         "online-identiteter", (
        "phone_cues", "not_phone_cues", "phone_labels", "plate_cues", "not_plate_prefixes",
        "month_names", "platforms", "platform_context", "platform_context_stems",
        "username_labels", "username_cues", "platform_label_suffixes", "cpr_cues",
        "spelled_at", "spelled_dot", "account_amount_units", "payment_box_words",
        "version_words", "number_words", "account_labels", "registration_labels",
        "payment_label_suffixes", "payment_label_links", "company_id_labels",
        "case_number_labels", "foreign_id_cues", "transfer_reference_labels",
        "weak_transfer_labels", "transfer_context_words", "vessel_cues",
        "kennitala_labels", "wallet_cues", "id_number_labels", "licence_words",
        "definite_username_labels", "not_handles")),
    "person_words": ("ordene omkring personnavne", (
        "signature_closings", "word_use_before", "name_tail_particles", "second_particles",
        "hyphen_particles", "street_name_particles", "name_field_labels",
        "birth_cues_in_brackets", "age_units", "age_adjectives", "age_leads",
        "forms_of_address", "titles_before_name",
        "nickname_cues", "nickname_adverbs", "nickname_cues_of_another", "role_copulas",
        "nickname_nouns",
        "nickname_back_verbs", "nickname_back_cues", "initials_definition_cues",
        "role_possessives",
        "person_nouns", "message_nouns", "naming_verbs", "naming_subjects",
        "not_surnames",
        "client_contact_key_stems", "client_contact_key_words", "client_contact_key_parts",
        "client_nickname_keys", "client_address_keys", "place_time_prepositions",
        "not_name_leads", "strong_surname_endings", "person_verbs",
        "person_predicates_foreign", "foreign_determiners",
        "person_verb_auxiliaries",
        "stay_verbs", "stay_with", "work_stems", "ner_inner_words", "role_fillers",
        "possessives", "place_prepositions", "place_conjunctions", "contact_entry_cues",
        "family_group_words", "family_compound_words", "mail_attribution_verbs",
        "family_words_after_name", "family_words_before_name",
        "family_words_after_hyphen", "family_nicknames",
        "work_or_shop_words",
        "staff_key_parts", "bracket_nickname_cues", "sender_header_keys",
        "message_party_keys", "contact_labels", "address_abbreviations",
        "client_owner_words", "own_words", "label_verbs", "maiden_name_cues", "dose_units",
        "chat_words", "place_adverbs", "letter_closing_words", "role_word_idioms",
        "identity_phrases", "message_header_words", "person_object_cues",
        "person_subject_verbs", "person_speech_verbs")),
    "ownership_words": ("ordene om, hvem et nummer eller en adresse tilhører", (
        "number_labels", "authority_reach_verbs", "authority_has_words",
        "client_designations",
        "authority_number_words", "new_own_words", "own_contact_words", "home_get_verbs",
        "client_reach_verbs", "reach_prepositions", "reach_contact_words", "org_endings",
        "office_endings", "mail_header_keys", "other_party_prepositions",
        "other_party_determiners", "other_party_indefinites", "other_party_nouns",
        "public_authorities", "public_authority_endings", "located_authority_endings",
        "colleague_org_endings", "other_possessives", "male_pronouns", "female_pronouns",
        "male_possessives", "female_possessives", "key_owner_prepositions",
        "acting_for_words", "authority_name_particles", "own_label_adjectives",
        "own_address_words", "own_value_verbs", "contact_key_words", "own_field_keys",
        "own_field_marks", "release_contact_words", "not_own_prepositions",
        "own_possessives", "unknown_number_words", "greetings",
        "compensation_words", "victim_words", "debt_verbs", "service_groups",
        "fronting_verbs", "first_person_possessives", "self_introduction_words")),
    "sentence_words": ("forkortelserne og enhederne ved en sætnings slutning", (
        "abbreviations", "amount_units")),
    "function_words": ("funktionsordene, der afgør en sætnings sprog", (
        "da", "en", "de", "name_particles")),
}

# lists whose length is fixed (the months, January first: their place is their number)
EXACT_LENGTHS: dict[str, dict[str, int]] = {"identifier_words": {"month_names": 12}}


@dataclass(frozen=True, eq=False)
class WordLists:
    """The lists of one data file, each as written (order kept). Hashes by identity: a
    module caches what it builds from it per bundle."""

    key: str  # the resources key (address_words)
    path: Path
    lists: Mapping[str, tuple[str, ...]]
    _sets: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _cues: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False)

    def __getitem__(self, name: str) -> tuple[str, ...]:
        return self.lists[name]

    def set(self, name: str) -> frozenset[str]:
        """The list ``name`` as a frozenset (built on first use, then kept)."""
        got = self._sets.get(name)
        if got is None:
            got = self._sets[name] = frozenset(self.lists[name])
        return got

    def alternation(self, name: str, space: str = r"\s+") -> str:
        """The list ``name`` as a regex alternation: each word escaped, longest first (so a
        word never loses to its own prefix), a space inside a word written as ``space``."""
        return alternation(self.lists[name], space)

    def cue(self, name: str) -> re.Pattern[str]:
        """The list ``name`` as a whole-word pattern in any case (built on first use, then
        kept): a search finds any of its words where no word character touches it
        ("personnummer", not "personnummeret"; "kt." before a number)."""
        got = self._cues.get(name)
        if got is None:
            got = self._cues[name] = whole_word(self.alternation(name), re.IGNORECASE)
        return got


def load_word_lists(key: str, path: Path) -> WordLists:
    """The data file ``path`` declared as ``resources.<key>``; OSError/ValueError when it
    cannot be used."""
    data = load_yaml(Path(path).read_text(encoding="utf-8"))
    lists = parse_word_lists(data, WORD_FILES[key][1])
    for name, count in EXACT_LENGTHS.get(key, {}).items():
        if len(lists[name]) != count:
            raise ValueError(f"'{name}' skal have {count} ord, ikke {len(lists[name])}")
    return WordLists(key, Path(path), lists)


__all__ = ["EXACT_LENGTHS", "WORD_FILES", "WordLists", "alternation", "load_word_lists",
           "parse_word_lists"]


def with_first_letters(words: tuple[str, ...] | frozenset[str], pattern: str) -> str:
    """``pattern``, which opens with a case-insensitive alternation of ``words``, behind a
    lookahead for their first characters in either case (``(?=[…])(?:pattern)``, the form
    of :func:`gldocs.redact.prefilter.with_first_char_gate`): it rules most positions of
    a text out at once (``re`` tries an alternation everywhere)."""
    chars = sorted({c for w in words if w for c in (w[0].lower(), w[0].upper())})
    return "(?=[" + "".join(re.escape(c) for c in chars) + f"])(?:{pattern})"
