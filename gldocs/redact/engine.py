"""The redaction analysis: text units + policy + context -> a Plan of explained findings.

    analyzer = Analyzer(policy, nlp=load_nlp())      # once per process
    plan = analyzer.analyze(units, AnalysisContext(areas=["bolig"], client_name=..., ...))

Order of work (all pure, no I/O besides loading the policy's data files once):
1. NER over all units in one ``nlp.pipe`` batch (skipped with ``nlp=None``: --no-ner).
2. Who is who (:mod:`gldocs.redact.case_entities`): client, professionals, private persons.
3. Per unit: internal-notes blocks, category rules (lexicons, sentence scope, area conditions
   for K7), deny list, pattern detectors (CPR, phone, e-mail, address, plate) with ownership
   (client K1 / professional K3 / third party R1), person mentions with role markers.
Fail closed: unknown parts get every category; a removal scored below the policy's
``review_below`` is flagged for review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gldocs.document.sections import normalise
from gldocs.document.units import UNKNOWN, TextUnit
from gldocs.paths import POLICIES_DIR
from gldocs.redact.case_entities import (
    CaseEntities,
    EntityFinder,
    Mention,
    _addr_key,
    patterns_in,
)
from gldocs.redact.contacts import address_blocks, consistent_contacts, row_neighbours
from gldocs.redact.context import Span, sentence_at, sentences
from gldocs.redact.detectors.lexicon import CategoryMatcher
from gldocs.redact.detectors.ner import find_entities
from gldocs.redact.detectors.patterns import PatternMatch, digits_only, resolve_overlaps
from gldocs.redact.gazetteer import load_gazetteer
from gldocs.redact.internal_notes import internal_note_spans
from gldocs.redact.known_people import KnownPeople
from gldocs.redact.language import load_foreign_words
from gldocs.redact.lexicon import load_lexicon, load_word_list
from gldocs.redact.model import Finding, Plan
from gldocs.redact.policy import HeadingBlock, Policy, lexicon_dir
from gldocs.redact.professionals import ContactClassifier

ENTITY_NAMES_DA = {
    "CPR": "CPR-nummer", "PHONE": "telefonnummer", "EMAIL": "e-mailadresse",
    "ADDRESS": "adresse", "PLATE": "nummerplade", "PERSON": "navn",
}


@dataclass
class AnalysisContext:
    areas: list[str]
    client_name: str | None = None
    client_cpr: str | None = None
    source: str = ""
    extra_notes: list[str] = field(default_factory=list)
    known: KnownPeople | None = None  # people from the case data (gldocs.redact.known_people)


class Analyzer:
    """Holds everything loaded once per process: policy data, word lists, the NER pipeline."""

    def __init__(self, policy: Policy, nlp: Any | None = None) -> None:
        self.policy = policy
        self.nlp = nlp
        lex_dir = lexicon_dir(Path(policy.source)) if policy.source else None
        self.categories = CategoryMatcher(policy, lex_dir)
        self.protect = [(spec, [load_lexicon(lex_dir or POLICIES_DIR / "lexicons", name)
                                for name in spec.lexicons])
                        for spec in policy.protect.values()]
        self.classifier = ContactClassifier(policy)
        names_dir = lex_dir or Path(".")
        given = _word_list(names_dir / "fornavne.txt")
        surnames = _word_list(names_dir / "efternavne.txt")
        ambiguous = _word_list(names_dir / "tvetydige_navne.txt")
        stop = frozenset(
            {w.lower() for w in policy.professionals.org_words}
            | {w.lower() for w in _word_list(names_dir / "ikke_navne.txt")}
            | {t.lower() for t in policy.professionals.titles}
            | {c.lower() for r in policy.roles.values() for c in r.cues if " " not in c}
        )
        self.finder = EntityFinder(self.classifier, given, surnames, ambiguous, stop,
                                   self.categories.is_term)
        self.finder.gazetteer = load_gazetteer(lex_dir, self.classifier.org_words, nlp)
        self.finder.foreign = load_foreign_words(lex_dir)
        self.finder.min_ner = policy.thresholds.ner
        self.finder.min_ner_strict = policy.thresholds.strict_ner
        self.allow = [a.lower() for a in policy.allow]
        self.deny = [re.compile(rf"(?<!\w){re.escape(d)}(?!\w)", re.IGNORECASE)
                     for d in policy.deny]
        # heading blocks: each heading normalised, with its whole-word search, once
        self._block_specs = [
            (b, [(h, re.compile(rf"(?<!\w){re.escape(h)}(?!\w)"))
                 for h in (normalise(x) for x in b.headings)])
            for b in policy.heading_blocks.values()]

    def clear_caches(self) -> None:
        """Forget per-text caches (for fair benchmarks; results never depend on them)."""
        from gldocs.redact import lexicon

        patterns_in.cache_clear()
        self.categories.clear_cache()
        self.classifier.clear_cache()
        lexicon._tokens.cache_clear()

    # ------------------------------------------------------------------------------------
    def analyze(self, units: Sequence[TextUnit], ctx: AnalysisContext) -> Plan:
        policy = self.policy
        units = list(units)
        texts = [u.text for u in units]
        ner = find_entities(self.nlp, texts) if self.nlp is not None else None
        strict = {name for name in (*policy.sections, UNKNOWN) if policy.section(name).strict}
        ents = self.finder.discover(units, ctx.client_name, ctx.client_cpr, ner, strict,
                                    ctx.known)
        internal = self._internal_blocks(units)
        signature = _signature_units(units)
        blocks = self._heading_blocks(units)
        found: dict[str, tuple[list[PatternMatch], list[Mention]]] = {}
        by_record: dict[str, list[Mention]] = {}
        forms = self.finder.mention_forms(ents)  # the same for every unit
        for unit in units:
            if not unit.text.strip():
                continue
            patterns = list(patterns_in(unit.text))
            if ents.known_addresses:  # case data: addresses as written there (surer)
                patterns = resolve_overlaps([*patterns, *ents.known_address_matches(unit.text)])
            blocked = [(p.start, p.end) for p in patterns if p.entity in ("ADDRESS", "EMAIL")]
            mentions = self.finder.mentions(unit.text, ents, blocked, forms)
            found[unit.path] = (patterns, mentions)
            record = _record_of(unit.path)
            if record:
                by_record.setdefault(record, []).extend(mentions)
        neighbours = row_neighbours(units, found, frozenset(self.classifier.role_cues))
        findings: list[Finding] = []
        for unit, notes, block in zip(units, internal, blocks, strict=True):
            if not unit.text.strip():
                continue
            findings.extend(self._internal_finding(unit, a, b) for a, b in notes)
            # Internal notes go whole; the detectors still run on them so that the report
            # says what they held (names, § 10, security) -- the widest removal sets the marker.
            spans = sentences(unit.text)
            cat_findings = self._category_findings(
                unit, spans, ctx.areas, block)
            findings.extend(cat_findings)
            findings.extend(self._spread_findings(unit, spans, cat_findings, block))
            if policy.section(unit.section).remove_all:
                findings.extend(self._remove_all_findings(unit, spans))
            findings.extend(self._deny_findings(unit))
            patterns, mentions = found[unit.path]
            findings.extend(self._person_findings(unit, mentions))
            findings.extend(self._role_sentence_findings(unit, spans, mentions))
            record_people = by_record.get(_record_of(unit.path) or "", []) or \
                neighbours.get(unit.path, [])
            findings.extend(self._pattern_findings(unit, patterns, mentions, ents,
                                                   record_people, unit.path in signature))
        gz = self.finder.gazetteer
        findings = address_blocks(units, found, findings,
                                  lambda t: gz is not None and bool(gz.org_spans(t)), policy)
        findings = consistent_contacts(findings)
        review_below = policy.thresholds.review_below
        for f in findings:
            if f.action == "remove" and f.score < review_below:
                f.review = True
        notes = list(ctx.extra_notes)
        if self.nlp is None:
            notes.append("Kørt uden NER-model (--no-ner): må ikke videregives.")
        return Plan(units=units, findings=findings, policy_name=policy.name,
                    policy_version=policy.version, areas=list(ctx.areas),
                    client_name=ctx.client_name, client_cpr=ctx.client_cpr,
                    no_ner=self.nlp is None, source=ctx.source, notes=notes)

    # -- internal notes -------------------------------------------------------------------
    def _internal_blocks(self, units: Sequence[TextUnit]) -> list[list[tuple[int, int]]]:
        """Per unit, the spans that belong to internal notes
        (:func:`gldocs.redact.internal_notes.internal_note_spans`)."""
        return internal_note_spans(units, self.policy.internal_notes.headings)

    def _heading_blocks(self, units: Sequence[TextUnit]) -> list[HeadingBlock | None]:
        """The heading block (policy ``heading_blocks``) each unit lies in, if any. A short
        heading line ("DOMMEN", "15/12 – om dommen") opens a block up to the next blank line
        or part; a paragraph opened by "Selve sagen: …" is a block by itself."""
        specs = self._block_specs
        out: list[HeadingBlock | None] = []
        active: HeadingBlock | None = None
        section = None
        for u in units:
            text = u.text.strip()
            if active is not None and (not text or u.section != section):
                active = None
            opened, inline = _block_opened(text, specs) if specs and text else (None, False)
            if opened is not None:
                active, section = opened, u.section
                # the heading line itself (with its date and initials) is no narrative
                out.append(active if inline else None)
                continue
            out.append(active)
        return out

    def _internal_finding(self, unit: TextUnit, start: int, end: int) -> Finding:
        rid = self.policy.internal_notes.rule
        rule = self.policy.rule(rid)
        text = unit.text
        return Finding(unit.path, unit.section, start, end, text[start:end], rid, rule.ground,
                       "section", "INTERNAL_NOTE", 0.95, "remove", rule.marker,
                       "Intern note, der ikke må videregives (afsnit for interne noter).")

    # -- categories -----------------------------------------------------------------------
    def _category_findings(self, unit: TextUnit, spans: list[Span], areas: list[str],
                           block: HeadingBlock | None = None) -> list[Finding]:
        policy = self.policy
        spec = policy.section(unit.section)
        if spec.keep_keys and spec.keep_rule:
            key = (self.classifier.header_key(unit.text) or "").lower()
            if key and any(key.startswith(k.lower()) for k in spec.keep_keys):
                rule = policy.rule(spec.keep_rule)
                value_start = unit.text.find(":") + 1
                return [Finding(unit.path, unit.section, value_start, len(unit.text),
                                unit.text[value_start:], spec.keep_rule, rule.ground, "section",
                                "SECTION", 1.0, "keep", "",
                                f"{rule.title} (afsnitsregel for {unit.section}).")]
        if spec.categories == "all":
            extra_only = {c for sec in policy.sections.values() for c in sec.extra_categories}
            names = [c for c in policy.categories if c not in extra_only]
        else:
            names = list(spec.categories)
        extra: Sequence[str] = block.extra_categories if block else ()
        names += [c for c in (*spec.extra_categories, *extra) if c not in names]
        if block is not None and block.skip_categories and (
                not block.if_areas or set(block.if_areas) & set(areas)):
            names = [c for c in names if c not in block.skip_categories]
        out = self._protected(unit)
        shield = [(f.start, f.end) for f in out]
        seen: set[tuple[int, int, str]] = set()
        for cat_name in names:
            cat = policy.categories[cat_name]
            for m in self.categories.find(cat_name, unit.text):
                if any(a in m.text.lower() for a in self.allow):
                    continue
                if any(a <= m.start and m.end <= b for a, b in shield):
                    continue
                if cat.scope == "term":
                    span = Span(m.start, m.end)
                elif cat.scope == "line":
                    span = Span(0, len(unit.text))
                else:
                    span = sentence_at(spans, m.start)
                    if span.end <= span.start:
                        span = Span(m.start, m.end)
                keep = bool(set(cat.keep_if_areas) & set(areas))
                rid = (cat.keep_rule or "K7") if keep else cat.rule
                key = (span.start, span.end, rid)
                if key in seen:
                    continue
                seen.add(key)
                rule = policy.rule(rid)
                action = "keep" if keep else rule.action
                if keep:
                    why = (f"'{m.text}' ({cat.explanation or cat_name}) holdes: "
                           f"{', '.join(sorted(set(cat.keep_if_areas) & set(areas)))} er "
                           f"koordineringsområde ({rid}).")
                else:
                    why = (f"Sætningen indeholder '{m.text}' ({cat.explanation or cat_name}); "
                           f"{rule.title.lower()} ({rid}).")
                out.append(Finding(unit.path, unit.section, span.start, span.end,
                                   unit.text[span.start:span.end], rid, rule.ground, "lexicon",
                                   cat_name.upper(), 0.9, action,
                                   rule.marker if action == "remove" else "", why))
        return out

    def _protected(self, unit: TextUnit) -> list[Finding]:
        """Keep findings for protected text (policy ``protect``): no category counts there."""
        out = []
        for spec, lexicons in self.protect:
            rule = self.policy.rule(spec.rule)
            for lex in lexicons:
                for m in lex.find(unit.text):
                    out.append(Finding(unit.path, unit.section, m.start, m.end,
                                       unit.text[m.start:m.end], spec.rule, rule.ground,
                                       "pattern", "PROTECTED", 0.9, "keep", "",
                                       f"{spec.explanation or rule.title} ({spec.rule})."))
        return out

    def _spread_findings(self, unit: TextUnit, spans: list[Span],
                         cat_findings: list[Finding],
                         block: HeadingBlock | None = None) -> list[Finding]:
        """Section rule: a paragraph that is mostly removed goes entirely (a heading block's
        spread rule applies inside the block)."""
        spec = self.policy.section(unit.section)
        ratio, rid = spec.spread_ratio, spec.spread_rule
        if block is not None and block.spread_ratio is not None:
            ratio, rid = block.spread_ratio, block.spread_rule
        if ratio is None or rid is None or len(spans) < 2:
            return []
        removed = {(f.start, f.end) for f in cat_findings if f.action == "remove"}
        hit = [s for s in spans if (s.start, s.end) in removed]
        if len(hit) / len(spans) < ratio:
            return []
        rule = self.policy.rule(rid)
        why = (f"Resten af et afsnit, hvor {len(hit)} af {len(spans)} sætninger er fjernet "
               f"(afsnitsregel for {unit.section}); {rule.title.lower()} ({rid}).")
        return [Finding(unit.path, unit.section, s.start, s.end, unit.text[s.start:s.end],
                        rid, rule.ground, "section", "SECTION", 0.7, "remove",
                        rule.marker, why)
                for s in spans if (s.start, s.end) not in removed]

    def _remove_all_findings(self, unit: TextUnit, spans: list[Span]) -> list[Finding]:
        rid = self.policy.section(unit.section).remove_all or ""
        rule = self.policy.rule(rid)
        return [Finding(unit.path, unit.section, s.start, s.end, unit.text[s.start:s.end], rid,
                        rule.ground, "section", "SECTION", 0.9, "remove", rule.marker,
                        f"Afsnitsregel: delen '{unit.section}' videregives ikke ({rid}).")
                for s in spans]

    def _deny_findings(self, unit: TextUnit) -> list[Finding]:
        out = []
        rule = self.policy.rule(self.policy.deny_rule)
        for pat in self.deny:
            for m in pat.finditer(unit.text):
                out.append(Finding(unit.path, unit.section, m.start(), m.end(), m.group(0),
                                   self.policy.deny_rule, rule.ground, "lexicon", "DENY", 1.0,
                                   "remove", rule.marker, "Står på politikkens sortliste."))
        return out

    # -- persons --------------------------------------------------------------------------
    def _role_between(self, text: str) -> str | None:
        """The role of a private-person word in ``text`` (moren, kæresten …), if any."""
        if not text:
            return None
        for w in re.findall(r"[\wæøåÆØÅ]+", text.lower()):
            hit = self.classifier.role_cues.get(w)
            if hit is not None and w not in self.classifier.weak_cues:
                return hit[0]
        return None

    def _allowed(self, text: str) -> bool:
        """Whether ``text`` (or the name it is a form of) is on the policy's allow list."""
        low = text.lower().rstrip("s'’")
        return any(low == a or low == a.rstrip("s") for a in self.allow)

    def _person_findings(self, unit: TextUnit, mentions: list[Mention]) -> list[Finding]:
        policy = self.policy
        spec = policy.entities.get("PERSON")
        out = []
        for m in mentions:
            p = m.person
            if p.kind == "private" and self._allowed(m.text):
                continue  # on the policy's allow list: never removed
            if p.kind == "private":
                rid = spec.rule if spec else "R1"
                rule = policy.rule(rid)
                marker = policy.role_marker(p.role or policy.default_role)
                why = (f"Privatperson ({'; '.join(p.reasons)}); "
                       f"{rule.title.lower()} ({rid}).")
                det = "ner" if "ner" in p.detectors else "case"
                keep = rule.action == "keep"
                out.append(Finding(unit.path, unit.section, m.start, m.end, m.text, rid,
                                   rule.ground, det, "PERSON", p.score, rule.action,
                                   "" if keep else marker, why))
            else:
                rid = ((spec.client_rule if p.kind == "client" else spec.professional_rule)
                       if spec else None) or ("K1" if p.kind == "client" else "K3")
                rule = policy.rule(rid)
                who = "klienten" if p.kind == "client" else "fagperson i embeds medfør"
                out.append(Finding(unit.path, unit.section, m.start, m.end, m.text, rid,
                                   rule.ground, "case", "PERSON", 1.0, "keep", "",
                                   f"Navnet tilhører {who} ({rid})."))
        return out

    def _role_sentence_findings(self, unit: TextUnit, spans: list[Span],
                                mentions: list[Mention]) -> list[Finding]:
        """A sentence naming a private person whose role has a ``sentence_rule`` (a victim,
        a co-offender) goes under that rule."""
        out = []
        done: set[tuple[int, int]] = set()
        for m in mentions:
            if m.person.kind != "private":
                continue
            role = self.policy.roles.get(m.person.role or "")
            if role is None or role.sentence_rule is None:
                continue
            s = sentence_at(spans, m.start)
            if s.end <= s.start or (s.start, s.end) in done:
                continue
            done.add((s.start, s.end))
            rid = role.sentence_rule
            rule = self.policy.rule(rid)
            out.append(Finding(unit.path, unit.section, s.start, s.end,
                               unit.text[s.start:s.end], rid, rule.ground, "case", "ROLE", 0.8,
                               rule.action, rule.marker if rule.action == "remove" else "",
                               f"Sætningen nævner {role.marker} {m.person.name}; "
                               f"{rule.title.lower()} ({rid})."))
        return out

    # -- patterns -------------------------------------------------------------------------
    def _pattern_findings(self, unit: TextUnit, patterns: list[PatternMatch],
                          mentions: list[Mention], ents: CaseEntities,
                          record_people: list[Mention], in_signature: bool = False
                          ) -> list[Finding]:
        out = []
        for pm in patterns:
            owner, score, why = self._owner(unit, pm, mentions, ents, record_people,
                                            in_signature)
            spec = self.policy.entities.get(pm.entity)
            if spec is None:
                continue
            if owner == "client" and spec.client_rule:
                rid, action, marker = spec.client_rule, "keep", ""
            elif owner == "professional" and spec.professional_rule:
                rid, action, marker = spec.professional_rule, "keep", ""
            else:
                rid = spec.rule
                action = self.policy.rule(rid).action
                role = owner.split(":", 1)[1] if owner.startswith("private:") else ""
                marker = self.policy.role_marker(role or self.policy.default_role)
            rule = self.policy.rule(rid)
            what = ENTITY_NAMES_DA.get(pm.entity, pm.entity)
            explanation = f"{what[:1].upper()}{what[1:]} {why} ({rid})."
            start = pm.start
            if pm.entity == "ADDRESS" and action == "remove":
                start = _street_name_start(unit.text, pm.start)
            out.append(Finding(unit.path, unit.section, start, pm.end, unit.text[start:pm.end],
                               rid,
                               rule.ground, "pattern", pm.entity,
                               round(min(pm.score, score), 2), action, marker, explanation))
        return out

    def _owner(self, unit: TextUnit, pm: PatternMatch, mentions: list[Mention],
               ents: CaseEntities, record_people: list[Mention] = (),
               in_signature: bool = False) -> tuple[str, float, str]:
        """Whose is this number/address? -> ("client"|"professional"|"private:<role>", score,
        Danish reason). ``record_people``: people named in the same record of a case file
        (``personer[0].navn`` for ``personer[0].adresse``)."""
        cls = self.classifier
        text = unit.text
        known = ents.known_owner(pm)
        if known is not None:
            return known
        prev = [m for m in mentions if m.end <= pm.start and pm.start - m.end < 160]
        if not prev and record_people:
            prev = [m for m in record_people if m.person.kind != "client"][:1]
        nearest = prev[-1] if prev else None
        private_near = nearest is not None and nearest.person.kind == "private"
        pro_near = nearest is not None and nearest.person.kind == "professional"
        role = nearest.person.role if private_near and nearest else ""
        # "Sagsbehandler Jens Holm har talt med moren på 22 33 44 55": a role word between a
        # professional's name and the number makes it a (nameless) private person's
        if nearest is not None and nearest.end <= pm.start:
            between = text[nearest.end:pm.start]
        else:  # no name before it: the words just before the number, in its sentence
            between = re.split(r"[.;:!?]\s", text[max(0, pm.start - 80):pm.start])[-1]
        cue = self._role_between(between)
        if cue is not None and not private_near and not in_signature \
                and not cls.line_is_contact(text) and not any(
                    w in cls.org_words for w in re.findall(r"[\wæøå\-]+", between.lower())):
            return f"private:{cue}", max(pm.score, 0.85), "står ved en pårørende eller anden " \
                "privatperson"
        if pm.entity == "CPR":
            if ents.client_cpr_digits and digits_only(pm.text) == ents.client_cpr_digits:
                return "client", 1.0, "er klientens"
            return f"private:{role}", pm.score, "tilhører en anden end klienten"
        if pm.entity == "PLATE":
            return f"private:{role}", pm.score, "er en nummerplade"
        if pm.entity == "PHONE" and digits_only(pm.text)[-8:] in ents.client_phones:
            return "client", 1.0, "er klientens (Stamoplysninger)"
        if pm.entity == "EMAIL" and pm.normalized in ents.client_emails:
            return "client", 1.0, "er klientens (Stamoplysninger)"
        if private_near:
            return f"private:{role}", max(pm.score, 0.9), \
                f"står ved privatpersonen {nearest.person.name}"
        if in_signature and pm.entity in ("PHONE", "EMAIL", "ADDRESS") and not (
                pm.entity == "EMAIL" and cls.email_is_private(pm.normalized)):
            return "professional", 0.85, "står i afsenderens underskrift"
        if pm.entity == "PHONE":
            digits = digits_only(pm.text)[-8:]
            if digits in ents.client_phones:
                return "client", 1.0, "er klientens (Stamoplysninger)"
            if pro_near:
                return "professional", 0.9, f"tilhører fagpersonen {nearest.person.name}"
            if cls.phone_is_org(digits):
                return "professional", 0.9, "er et nummer hos Kriminalforsorgen"
            if cls.line_is_contact(text) or (unit.section == "samarbejdspartnere" \
                    and not cls.line_is_private(text)):
                return "professional", 0.8, "står i en kontaktlinje for en myndighed"
            if cue is None and any(w in cls.org_words
                                   for w in re.findall(r"[\wæøå\-]+", between.lower())):
                return "professional", 0.75, "står ved en myndighed (" + between.strip()[:40] + ")"
            if unit.section == "stamoplysninger":
                return "client", 0.8, "står i Stamoplysninger"
            return "private:", 0.6, "kan ikke knyttes til klienten eller en fagperson"
        if pm.entity == "EMAIL":
            addr = pm.normalized
            local = addr.split("@")[0]
            if addr in ents.client_emails:
                return "client", 1.0, "er klientens (Stamoplysninger)"
            if cls.email_is_private(addr):
                first = ents.client.tokens[0].lower() if ents.client else None
                if unit.section == "stamoplysninger" or (first and first in local):
                    return "client", 0.8, "ser ud til at være klientens"
                return "private:", 0.9, "er en privat e-mailadresse"
            for p in ents.private():
                if any(len(t) > 2 and t.lower() in local for t in p.tokens
                       if t not in ents.protected_tokens):
                    return f"private:{p.role}", 0.9, f"ligner privatpersonen {p.name}"
            if pro_near or cls.email_is_org(addr):
                return "professional", 0.9, "er en myndigheds e-mailadresse"
            key = cls.header_key(text) or ""
            if cls.line_is_contact(text) or key in ("fra", "til", "cc") or any(
                    w in cls.org_words for w in re.findall(r"[\wæøå]+", text.lower())):
                return "professional", 0.8, "står ved en myndighed"
            return "private:", 0.6, "kan ikke knyttes til en myndighed"
        if pm.entity == "ADDRESS":
            key = _addr_key(pm.text)
            if any(key == a or key.startswith(a) or a.startswith(key) for a in
                   ents.client_addresses if a):
                return "client", 1.0, "er klientens adresse"
            if unit.section == "stamoplysninger":
                return "client", 0.8, "står i Stamoplysninger"
            if pro_near or cls.line_is_contact(text):
                return "professional", 0.8, "er en myndigheds adresse"
            return "private:", 0.8, "er en anden persons adresse"
        return "private:", pm.score, "tilhører en tredjeperson"


def _signature_units(units: Sequence[TextUnit], max_lines: int = 8) -> set[str]:
    """Paths of the lines of a signature block: after "Med venlig hilsen" (or the like) up
    to the next blank line. They belong to the sender, a professional writing in office."""
    from gldocs.redact.case_entities import _is_closing

    out: set[str] = set()
    active = 0
    for u in units:
        if active and not u.text.strip():
            active = 0
        elif active:
            out.add(u.path)
            active -= 1
        if _is_closing(u.text):
            active = max_lines
    return out


_RECORD = re.compile(r"^(.*\[\d+\])\.[^.\[\]]+$")


def _record_of(path: str) -> str | None:
    """``personer[0]`` for ``personer[0].adresse``: units of one record in a case file."""
    m = _RECORD.match(path)
    return m.group(1) if m else None


_PARTICLE = re.compile(r"(?:\b(?:[A-ZÆØÅ][\w.'’\-]*|la|le|de|du|von|van|af)\s+)+$")


def _street_name_start(text: str, start: int) -> int:
    """Extend an address to the left over capitalised words and particles the pattern left
    out (``Janus la Cours Gade 12`` when only ``Cours Gade 12`` was recognised)."""
    m = _PARTICLE.search(text[:start])
    if not m:
        return start
    words = m.group(0).split()
    # stop at a sentence start or a preposition written in capitals
    keep = []
    for w in reversed(words):
        if w.lower() in ("på", "i", "hos", "ved", "fra", "til", "og", "adresse"):
            break
        keep.append(w)
    if not keep:
        return start
    return start - len(" ".join(reversed(keep))) - (len(text[:start]) - len(text[:start].rstrip()))


def _block_opened(text: str, specs: list[tuple[HeadingBlock, list[tuple[str, re.Pattern[str]]]]]
                  ) -> tuple[HeadingBlock | None, bool]:
    """The heading block a line opens, and whether the line is itself part of it: a short
    heading-like line (no final full stop) that holds a heading opens a block below it; a
    paragraph that starts with ``<heading>:`` is inside its own block."""
    norm = normalise(text[:120])  # a heading or "<heading>:" sits at the start
    short = len(text) <= 80 and not text.endswith(".")
    for block, heads in specs:
        for h, whole_word in heads:
            if norm.startswith(h + ":"):
                return block, True
            if short and whole_word.search(norm):
                return block, False
    return None, False


def _word_list(path: Path) -> frozenset[str]:
    return load_word_list(path) if path.is_file() else frozenset()
