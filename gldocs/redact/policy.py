"""Redaction policies: YAML files validated against a strict schema.

A policy says, for one kind of recipient, what is kept and what is removed, on which legal
ground and with which visible marker. It is data, not code: a policy author adds a term (in a
lexicon file), a category or a section rule without touching Python.

Layout of a policy file (see ``policies/kommune.yaml`` for a commented example)::

    name, version, description
    rules:        rule id -> {action, ground, marker, title}           (R1..R5, K1..K7)
    roles:        role -> {marker, cues}                               ([pårørende] ...)
    entities:     entity type -> {rule, third_party, ...}              (CPR, PHONE, PERSON ...)
    categories:   category -> {rule, lexicons, scope, keep_if_areas, keep_rule, sections}
    sections:     section -> {categories, strict, extra_categories}
    professionals: {titles, org_email_domains, private_email_domains, phone_prefixes}
    internal_notes: headings that open a block for internal use only
    heading_blocks: headings inside a part that make their paragraph stricter ("DOMMEN")
    protect:      text kept whose words trigger no category (the offence type, K6)
    allow / deny: terms never / always removed
    thresholds:   {ner, review_below, strict_ner}
    areas:        the koordineringsområder and their spellings
    resources:    every data file used, with its path (lexicons, name lists, places, …;
                  loaded and checked by gldocs.redact.bundle: missing or empty is an error)
    recognizers:  the detectors run (names in gldocs.redact.recognizers.FACTORIES)

Unknown keys are errors. :func:`load_policy` raises :class:`PolicyError` with a Danish
message naming the file and the key path. It checks the file alone; the resources it
declares are loaded by :func:`gldocs.redact.bundle.load_bundle`.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from gldocs.document.units import SECTION_LABELS, UNKNOWN
from gldocs.errors import PolicyError
from gldocs.paths import POLICIES_DIR
from gldocs.yamlfile import read_yaml_nodes, validation_lines

ActionName = Literal["remove", "keep"]
Scope = Literal["term", "clause", "sentence", "line"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleSpec(_Strict):
    action: ActionName
    ground: str
    marker: str = ""
    title: str
    # how review pages, diffs and reports show the rule (nothing there names rule ids):
    label: str = ""  # short Danish label (default: the title)
    colour: str = Field(default="#555555", pattern=r"^#[0-9a-fA-F]{6}$")
    weight: int = 50  # overlapping removals show the rule with the lowest weight


class RoleSpec(_Strict):
    marker: str
    # the role in the genitive for markers of this person's data: "pårørendes" gives
    # "[pårørendes tlf.]" through an entity's marker template "[{ejer} tlf.]"
    possessive: str = ""
    cues: list[str] = Field(default_factory=list)
    weak_cues: list[str] = Field(default_factory=list)  # role only; never outweighs a title
    priority: int = 0
    # A sentence naming a private person in this role is removed under this rule (a
    # sentence about the victim or a co-offender tells the offence: R4).
    sentence_rule: str | None = None


class EntitySpec(_Strict):
    """How a recognised entity type is treated when it does not belong to the client or to a
    professional contact (then it is kept under ``client_rule`` / ``professional_rule``)."""

    rule: str
    client_rule: str | None = None
    professional_rule: str | None = None
    remove_third_party: bool = True
    # the marker of a removed third party's identifier, naming the kind of data;
    # "{ejer}" is the owner's role in the genitive ("[{ejer} tlf.]" -> "[pårørendes tlf.]")
    marker: str = ""
    # words that label the value and go with it into one finding: a payment app's name
    # before its number or address ("MobilePay 31 22 40 19", "PayPal: x@y")
    labels: list[str] = Field(default_factory=list)


class CategorySpec(_Strict):
    rule: str
    lexicons: list[str]
    scope: Scope = "sentence"
    keep_if_areas: list[str] = Field(default_factory=list)
    keep_rule: str | None = None
    explanation: str = ""
    # the marker of a removal under this category, naming the kind of data (else the rule's):
    # "[udeladt: helbred (rhl. § 10)]"
    marker: str = ""
    # "private": a term counts only with a private person named as its subject ("Lasse
    # afsoner selv en dom"); then the predicate goes (gldocs.redact.clauses.predicate_span).
    # "not_client": a term does not count with the client named as its subject (a victim's
    # injury: "Lasse blev ramt af en bom og fik hjernerystelse" is the client's own health)
    subject: Literal["any", "private", "not_client"] = "any"
    # kept in its areas whoever the subject is: the term tells the client's relations, not a
    # § 10 fact of the subject ("Hans søster besøger ham hver uge" is the client's network,
    # K4); otherwise only the client's own data is kept ("Hans mor har kræft" goes)
    keep_any_subject: bool = False
    # a lexicon of words that make a document one about prison or the police: the
    # category's terms count only in a document that holds one of them ("segregated",
    # "adjudication" and "nicked for" are prison discipline there, ordinary English elsewhere)
    context: str | None = None
    # words of the category that only say the person is in care ("patienten"): they remove
    # nothing in a sentence that holds a term kept for a koordineringsområde (K7: "Patienten
    # er startet i substitutionsbehandling" with misbrug chosen)
    weak_terms: list[str] = Field(default_factory=list)


class SectionSpec(_Strict):
    categories: list[str] | Literal["all"] = "all"
    extra_categories: list[str] = Field(default_factory=list)
    strict: bool = False
    remove_all: str | None = None  # rule id: remove every sentence of the part
    # When at least this share of a paragraph's sentences is removed, the rest of the
    # paragraph goes too (under spread_rule): a narrative rarely flags every sentence.
    spread_ratio: float | None = Field(default=None, gt=0, le=1)
    spread_rule: str | None = None
    # "Nøgle: værdi" lines whose key starts with one of these are kept under keep_rule and
    # get no category rule (e.g. "Dom:" in Stamoplysninger: the offence type is K6).
    keep_keys: list[str] = Field(default_factory=list)
    keep_rule: str | None = None
    # "Nøgle: værdi" lines whose key starts with one of these lose their value under
    # remove_rule (e.g. "Gerningsbeskrivelse:" in an intake form's client block: R4).
    remove_keys: list[str] = Field(default_factory=list)
    remove_rule: str | None = None


class ProfessionalSpec(_Strict):
    titles: list[str] = Field(default_factory=list)
    # heads that make a title only as the end of a compound ("kontaktlærer", "faglærer"):
    # the bare word is also an ordinary word ("han lærer")
    compound_titles: list[str] = Field(default_factory=list)
    contact_headings: list[str] = Field(default_factory=list)
    # a table column of authorities ("| Myndighed | Kontaktperson |", "| Navn | Instans |"):
    # the people in its rows act for them
    authority_columns: list[str] = Field(default_factory=list)
    private_headings: list[str] = Field(default_factory=list)
    private_line_cues: list[str] = Field(default_factory=list)
    org_email_domains: list[str] = Field(default_factory=list)
    private_email_domains: list[str] = Field(default_factory=list)
    phone_prefixes: list[str] = Field(default_factory=list)
    org_words: list[str] = Field(default_factory=list)


class Thresholds(_Strict):
    ner: float = Field(0.5, ge=0, le=1)
    strict_ner: float = Field(0.3, ge=0, le=1)
    review_below: float = Field(0.5, ge=0, le=1)


class ProtectSpec(_Strict):
    """Text kept under ``rule`` whose words never trigger a category: the offence type in
    "idømt 2 år for brandstiftelse og trusler mod vidne" is K6, not offence detail."""

    rule: str
    lexicons: list[str]
    explanation: str = ""
    # kept even inside a sentence or clause removed for its content (the text is cut around
    # it), for text that tells nothing but itself (the LS/RNR risk level)
    carve: bool = False
    # the removal rules it is carved out of (empty: every rule); the offence type and the
    # sentence (K6) are carved out of the act's details (R4), never out of a third person's
    # record (R1: "Hans bror er dømt for vold" goes whole)
    carve_from: list[str] = Field(default_factory=list)


class HeadingBlock(_Strict):
    """A heading inside a part ("DOMMEN", "Selve sagen:", "15/12 – om dommen") that makes
    its paragraph(s) stricter: extra categories apply, and a paragraph that is mostly removed
    goes entirely. The block lasts to the next blank line or part."""

    headings: list[str]
    # phrases that open the block from the first sentence of a paragraph ("Filmon fortæller
    # om overtrædelsen. Den 13.02. var han …"): the whole paragraph is inside it
    leads: list[str] = Field(default_factory=list)
    extra_categories: list[str] = Field(default_factory=list)
    # categories that do not apply inside the block ("brud på kæben" under a Helbred heading
    # is the client's health, not an injury from the offence) ...
    skip_categories: list[str] = Field(default_factory=list)
    # ... and only when one of these is a koordineringsområde (empty: always)
    if_areas: list[str] = Field(default_factory=list)
    spread_ratio: float | None = Field(default=None, gt=0, le=1)
    spread_rule: str | None = None


class Resources(_Strict):
    """Every data file the policy uses, each with its path (relative to the policy file).

    All are loaded once into a :class:`gldocs.redact.bundle.PolicyBundle`; a missing or empty
    file is an error (fail closed), never a silent skip."""

    lexicons: dict[str, str]  # lexicon name (as the categories name it) -> .yaml file
    given_names: str  # Danish given names, one a line
    # given names of other naming cultures (optional; declared = must load), added to
    # given_names (lexicons/fornavne_verden.txt, with its source)
    world_given_names: str = ""
    # the given names most borne in Denmark (optional; declared = must load), read only
    # where a lower-case word stands where a name stands (lexicons/fornavne_befolkning.txt,
    # with its source)
    population_given_names: str = ""
    surnames: str
    surname_endings: str  # endings that mark a surname (-gaard, -holm, -sen), one a line
    ambiguous_names: str  # given names that are also ordinary words (Bo, Sten, Lykke)
    not_names: str  # capitalised words that are never names (form labels, months)
    places: str  # towns, municipalities, regions, islands
    # place names abroad (cities, countries, provinces; optional, declared = must load): a
    # foreign place after a preposition of place is no person ("flyttet til Nova Scotia")
    foreign_places: str = ""
    organisations: str  # words that make a run of capitalised words an organisation
    authority_domains: str  # e-mail domains of public authorities (professionals)
    # family names written first (Vietnamese, Chinese, Korean) and Vietnamese middle names,
    # a YAML file with its sources (lexicons/navne_efternavn_foerst.yaml)
    family_first_names: str
    # the words the clause rules use (finite verbs, pronouns, conjunctions, goal verbs,
    # plan words): a YAML file with its sources (lexicons/saetningsled.yaml)
    clause_words: str
    # the words the detectors and rules read (street words, phone and plate cues, platform
    # names …): YAML files of named word lists with their sources (gldocs.redact.wordlists)
    address_words: str
    identifier_words: str
    person_words: str
    ownership_words: str
    # the abbreviations a full stop ends no sentence after and the units of an amount
    # (gldocs.redact.context.sentences): a YAML file with its sources
    sentence_words: str
    # the function words that tell a sentence's language (Danish, English, German) and the
    # name particles inside a name (gldocs.redact.language): a YAML file with its sources
    function_words: str
    # Other languages (optional; declared = must load): language code -> its ordinary words,
    # and a YAML file language -> Danish lexicon terms that mean something else there.
    common_words: dict[str, str] = Field(default_factory=dict)
    false_friends: str = ""
    # given names of many cultures, one a line: evidence of a person in a foreign sentence
    foreign_given_names: str = ""
    # language code -> its most used words: tells the language of a form or a table
    vocabulary: dict[str, str] = Field(default_factory=dict)


class InternalNotes(_Strict):
    headings: list[str] = Field(default_factory=list)
    rule: str = "R5"


class Policy(_Strict):
    name: str
    version: str
    description: str
    recipient: str = ""
    rules: dict[str, RuleSpec]
    roles: dict[str, RoleSpec] = Field(default_factory=dict)
    default_role: str = "person"
    entities: dict[str, EntitySpec] = Field(default_factory=dict)
    categories: dict[str, CategorySpec] = Field(default_factory=dict)
    sections: dict[str, SectionSpec] = Field(default_factory=dict)
    professionals: ProfessionalSpec = Field(default_factory=ProfessionalSpec)
    internal_notes: InternalNotes = Field(default_factory=InternalNotes)
    heading_blocks: dict[str, HeadingBlock] = Field(default_factory=dict)
    protect: dict[str, ProtectSpec] = Field(default_factory=dict)
    allow: list[str] = Field(default_factory=list)
    deny: list[str] = Field(default_factory=list)
    deny_rule: str = "R4"
    thresholds: Thresholds = Field(default_factory=lambda: Thresholds())
    areas: dict[str, list[str]] = Field(default_factory=dict)
    no_ner_banner: str = "IKKE TIL VIDEREGIVELSE"
    resources: Resources
    # The recognizers (gldocs.redact.recognizers.FACTORIES) this policy runs.
    recognizers: list[str]

    # Where the file came from (set by the loader, not part of the file).
    source: str = ""

    @field_validator("sections")
    @classmethod
    def _known_sections(cls, v: dict[str, SectionSpec]) -> dict[str, SectionSpec]:
        for key in v:
            if key not in SECTION_LABELS:
                allowed = ", ".join(SECTION_LABELS)
                raise ValueError(f"ukendt del '{key}' (kendte dele: {allowed})")
        return v

    def rule(self, rule_id: str) -> RuleSpec:
        return self.rules[rule_id]

    @property
    def client_rules(self) -> frozenset[str]:
        """The rules the client's own data is kept under (every entity's ``client_rule``)."""
        return frozenset(spec.client_rule for spec in self.entities.values()
                         if spec.client_rule)

    @property
    def identity_rules(self) -> frozenset[str]:
        """The removal rules a third party's identity and contact data go under (the
        ``rule`` of every entity that removes): such a text is never let through an export
        because it also stands in approved text."""
        return frozenset(spec.rule for spec in self.entities.values()
                         if spec.rule in self.rules and self.rules[spec.rule].action == "remove")

    def section(self, name: str) -> SectionSpec:
        return self.sections.get(name) or SectionSpec(strict=name == UNKNOWN)

    def role_marker(self, role: str) -> str:
        spec = self.roles.get(role) or self.roles.get(self.default_role)
        return spec.marker if spec else "[person]"

    def entity_marker(self, entity: str, role: str) -> str:
        """The marker of a third party's identifier: the entity's template filled with the
        owner's role in the genitive ("[pårørendes tlf.]"), else the role's marker."""
        spec = self.entities.get(entity)
        role_spec = self.roles.get(role) or self.roles.get(self.default_role)
        if spec is None or not spec.marker or role_spec is None or not role_spec.possessive:
            return self.role_marker(role)
        return spec.marker.replace("{ejer}", role_spec.possessive)

    def markers(self) -> frozenset[str]:
        """Every marker this policy can write (rules, roles, categories, and each entity's
        template filled with each role): the redactor reads them as its own, not as text."""
        found = {r.marker for r in self.rules.values()}
        found |= {r.marker for r in self.roles.values()}
        found |= {c.marker for c in self.categories.values()}
        for entity in self.entities:
            found |= {self.entity_marker(entity, role) for role in self.roles}
        found.add("[person]")
        return frozenset(m for m in found if m.startswith("[") and m.endswith("]"))


def _cross_check(policy: Policy) -> list[tuple[str, str]]:
    """Problems the schema cannot see: references to rules, lexicons, categories, roles."""
    problems: list[tuple[str, str]] = []
    rules = policy.rules
    for name, cat in policy.categories.items():
        for key, rid in (("rule", cat.rule), ("keep_rule", cat.keep_rule)):
            if rid is not None and rid not in rules:
                problems.append((f"categories.{name}.{key}", f"ukendt regel '{rid}'"))
        if cat.keep_if_areas and cat.keep_rule is None:
            problems.append((f"categories.{name}.keep_rule",
                             "mangler: keep_if_areas kræver en regel at beholde under"))
        for i, area in enumerate(cat.keep_if_areas):
            if policy.areas and area not in policy.areas:
                problems.append((f"categories.{name}.keep_if_areas[{i}]",
                                 f"ukendt koordineringsområde '{area}'"))
    person = policy.entities.get("PERSON")
    for key in ("client_rule", "professional_rule"):
        if person is None or getattr(person, key) is None:
            problems.append((f"entities.PERSON.{key}", "mangler: politikken skal sige, under "
                             "hvilken regel klientens og fagpersoners navne beholdes"))
    for name, ent in policy.entities.items():
        for key, rid in (("rule", ent.rule), ("client_rule", ent.client_rule),
                         ("professional_rule", ent.professional_rule)):
            if rid is not None and rid not in rules:
                problems.append((f"entities.{name}.{key}", f"ukendt regel '{rid}'"))
    for name, sec in policy.sections.items():
        cats = [] if sec.categories == "all" else list(sec.categories)
        for key, names in (("categories", cats), ("extra_categories", sec.extra_categories)):
            for i, cat_name in enumerate(names):
                if cat_name not in policy.categories:
                    problems.append((f"sections.{name}.{key}[{i}]",
                                     f"ukendt kategori '{cat_name}'"))
        if sec.spread_rule is not None and sec.spread_rule not in rules:
            problems.append((f"sections.{name}.spread_rule", f"ukendt regel '{sec.spread_rule}'"))
        if (sec.spread_ratio is None) != (sec.spread_rule is None):
            problems.append((f"sections.{name}", "spread_ratio og spread_rule skal angives sammen"))
        if sec.keep_keys and (sec.keep_rule is None or sec.keep_rule not in rules):
            problems.append((f"sections.{name}.keep_rule",
                             f"ukendt eller manglende regel '{sec.keep_rule}'"))
        if sec.remove_keys and (sec.remove_rule is None or sec.remove_rule not in rules):
            problems.append((f"sections.{name}.remove_rule",
                             f"ukendt eller manglende regel '{sec.remove_rule}'"))
        if sec.remove_all is not None and sec.remove_all not in rules:
            problems.append((f"sections.{name}.remove_all", f"ukendt regel '{sec.remove_all}'"))
    for name, role in policy.roles.items():
        if role.sentence_rule is not None and role.sentence_rule not in rules:
            problems.append((f"roles.{name}.sentence_rule",
                             f"ukendt regel '{role.sentence_rule}'"))
    for name, prot in policy.protect.items():
        if prot.rule not in rules:
            problems.append((f"protect.{name}.rule", f"ukendt regel '{prot.rule}'"))
        for i, rid in enumerate(prot.carve_from):
            if rid not in rules:
                problems.append((f"protect.{name}.carve_from[{i}]", f"ukendt regel '{rid}'"))
    declared = policy.resources.lexicons
    for name, cat in policy.categories.items():
        if cat.context is not None and cat.context not in declared:
            problems.append((f"categories.{name}.context",
                             f"leksikonet '{cat.context}' er ikke angivet under "
                             "resources.lexicons"))
    for group, specs in (("categories", policy.categories), ("protect", policy.protect)):
        for name, spec in specs.items():
            for i, lex in enumerate(spec.lexicons):
                if lex not in declared:
                    problems.append((f"{group}.{name}.lexicons[{i}]",
                                     f"leksikonet '{lex}' er ikke angivet under "
                                     "resources.lexicons"))
    from gldocs.redact.recognizers import FACTORIES, REQUIRED

    for i, rec in enumerate(policy.recognizers):
        if rec not in FACTORIES:
            problems.append((f"recognizers[{i}]", f"ukendt genkender '{rec}' (kendte: "
                             f"{', '.join(FACTORIES)})"))
    for rec in sorted(REQUIRED - set(policy.recognizers)):
        problems.append(("recognizers", f"genkenderen '{rec}' skal være med: uden den "
                         "fjernes ingen navne (fail closed)"))
    # a rule whose detector the policy does not run would silently do nothing (fail closed)
    if "sections" not in policy.recognizers:
        for name, sec in policy.sections.items():
            if sec.remove_all or (sec.keep_keys and sec.keep_rule) or (
                    sec.remove_keys and sec.remove_rule):
                problems.append(("recognizers", f"afsnittet '{name}' har afsnitsregler "
                                 "(remove_all, keep_keys eller remove_keys), men genkenderen "
                                 "'sections' er ikke med i listen"))
                break
    for name, block in policy.heading_blocks.items():
        for key, names in (("extra_categories", block.extra_categories),
                           ("skip_categories", block.skip_categories)):
            for i, cat_name in enumerate(names):
                if cat_name not in policy.categories:
                    problems.append((f"heading_blocks.{name}.{key}[{i}]",
                                     f"ukendt kategori '{cat_name}'"))
        for i, area in enumerate(block.if_areas):
            if policy.areas and area not in policy.areas:
                problems.append((f"heading_blocks.{name}.if_areas[{i}]",
                                 f"ukendt koordineringsområde '{area}'"))
        if (block.spread_ratio is None) != (block.spread_rule is None):
            problems.append((f"heading_blocks.{name}",
                             "spread_ratio og spread_rule skal angives sammen"))
        if block.spread_rule is not None and block.spread_rule not in rules:
            problems.append((f"heading_blocks.{name}.spread_rule",
                             f"ukendt regel '{block.spread_rule}'"))
    if policy.roles and policy.default_role not in policy.roles:
        problems.append(("default_role", f"ukendt rolle '{policy.default_role}'"))
    for key, rid in (("deny_rule", policy.deny_rule), ("internal_notes.rule",
                                                        policy.internal_notes.rule)):
        if rid not in rules:
            problems.append((key, f"ukendt regel '{rid}'"))
    return problems


def parse_policy(data: object, source: str, root: yaml.Node | None = None) -> Policy:
    """Validate parsed YAML ``data`` as a policy; ``source`` names the file in errors,
    ``root`` (the YAML node tree, when known) gives their lines."""
    if not isinstance(data, dict):
        raise PolicyError(f"Politikfilen {source} skal være en YAML-tabel (nøgle: værdi).")
    try:
        policy = Policy.model_validate({**data, "source": source})
    except ValidationError as exc:
        lines = [f"Politikfilen {source} er ikke gyldig:"]
        lines += validation_lines([dict(e) for e in exc.errors()], root)
        raise PolicyError("\n".join(lines)) from None
    if "source" in data:
        raise PolicyError(f"Politikfilen {source} er ikke gyldig:\n"
                          "  - nøgle 'source': ukendt nøgle (ikke tilladt i politikformatet)")
    problems = _cross_check(policy)
    if problems:
        lines = [f"Politikfilen {source} er ikke gyldig:"]
        lines += [f"  - nøgle '{path}': {msg}" for path, msg in problems]
        raise PolicyError("\n".join(lines))
    return policy


def load_policy_file(path: Path) -> Policy:
    path = Path(path)
    root, data = read_yaml_nodes(path, "Politikfilen", PolicyError)
    return parse_policy(data, str(path), root)


def available_policies() -> list[str]:
    """Names of the bundled policies."""
    return sorted(p.stem for p in POLICIES_DIR.glob("*.yaml"))


@lru_cache(maxsize=16)
def load_policy(name_or_path: str) -> Policy:
    """A bundled policy by name (``kommune``) or a policy file by path."""
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") or candidate.exists():
        return load_policy_file(candidate)
    path = POLICIES_DIR / f"{name_or_path}.yaml"
    if not path.is_file():
        known = ", ".join(available_policies()) or "ingen"
        raise PolicyError(f"Politikken '{name_or_path}' findes ikke (kendte politikker: {known}).")
    return load_policy_file(path)


def parse_areas(value: str, policy: Policy) -> list[str]:
    """``bolig,misbrug`` or ``none`` -> canonical area names; Danish and ASCII spellings."""
    raw = value.strip()
    if raw.lower() in ("none", "ingen", ""):
        return []
    spellings = {}
    for canon, alts in policy.areas.items():
        for s in (canon, *alts):
            spellings[s.lower()] = canon
    out: list[str] = []
    for part in raw.split(","):
        key = part.strip().lower()
        if not key:
            continue
        if key not in spellings:
            known = ", ".join(policy.areas)
            raise PolicyError(f"Ukendt koordineringsområde '{part.strip()}' i --areas "
                              f"(kendte: {known}, eller none).")
        if spellings[key] not in out:
            out.append(spellings[key])
    return out
