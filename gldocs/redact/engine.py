"""The redaction analysis: text units + policy bundle + context -> a Plan of findings.

    analyzer = Analyzer(load_bundle("kommune"), nlp=load_nlp())   # once per process
    plan = analyzer.analyze(units, AnalysisContext(areas=["bolig"], client_name=..., ...))

(Callers outside ``gldocs.redact`` use the facade, :class:`gldocs.redact.Redactor`.)

Stages, all pure:
1. **Structure** (:mod:`.layout`): internal-note blocks, heading blocks, signatures.
2. **Recognizers** (:mod:`.recognizers`): the NER pipeline runs over the joined units in
   batches; then one presidio ``AnalyzerEngine`` runs the policy's recognizers on each unit
   with those precomputed artifacts (no context enhancer: context is stage 4's job).
3. **Who is who** (:mod:`.case_entities`): client, professionals, private persons.
4. **Rules** (:mod:`.rules`, :mod:`.ownership`): findings under the policy's rules.
5. **Document-wide corrections** (:mod:`.contacts`): address blocks, one verdict per
   contact; removals scored below ``review_below`` are flagged for review (fail closed).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gldocs.document.units import UNKNOWN, TextUnit
from gldocs.redact.announced import announced_quotes
from gldocs.redact.bundle import PolicyBundle
from gldocs.redact.case_entities import (
    CaseEntities,
    EntityFinder,
    Mention,
    Person,
    client_name_tokens,
)
from gldocs.redact.contacts import (
    address_blocks,
    consistent_contacts,
    keep_professional_names,
    row_neighbours,
)
from gldocs.redact.context import sentences
from gldocs.redact.default_words import default_words
from gldocs.redact.detections import UnitDetections, collect, drop_out_of_context
from gldocs.redact.detectors.lexicon import CategoryMatcher
from gldocs.redact.detectors.ner import NerEntity, find_entities
from gldocs.redact.detectors.patterns import PatternMatch, resolve_overlaps
from gldocs.redact.gazetteer import build_gazetteer
from gldocs.redact.genitive import in_genitive
from gldocs.redact.handles import spread_handles
from gldocs.redact.internal_notes import covers_unit
from gldocs.redact.known_people import KnownPeople
from gldocs.redact.layout import LayoutReader, record_of
from gldocs.redact.lexicon import Lexicon
from gldocs.redact.model import Finding, Plan
from gldocs.redact.name_spans import extend_names
from gldocs.redact.ownership import patterns_for as ownership_patterns
from gldocs.redact.professionals import ContactClassifier
from gldocs.redact.references import extend_over_references
from gldocs.redact.relation_records import RelationRecords, spread_row_names
from gldocs.redact.rules import RuleStage
from gldocs.redact.translations import mirror_translations
from gldocs.redact.vessels import spread_vessel_names
from gldocs.redact.wrapped import wrapped_sentences


@dataclass
class AnalysisContext:
    areas: list[str]
    client_name: str | None = None
    client_cpr: str | None = None
    source: str = ""
    extra_notes: list[str] = field(default_factory=list)
    known: KnownPeople | None = None  # people from the case data (gldocs.redact.known_people)


def _compile_word_patterns(bundle: PolicyBundle) -> None:
    """Build every pattern made from the bundle's word lists now (each is cached per word
    list: built once per bundle, before ``--jobs`` workers fork)."""
    from gldocs.redact import ownership, private_places
    from gldocs.redact.detectors import address, cpr, email, online, phone, plate
    from gldocs.redact.person_words import person_patterns

    address.patterns_for(bundle.address_words)
    private_places.patterns_for(bundle.address_words)
    phone.patterns_for(bundle.identifier_words)
    email.patterns_for(bundle.identifier_words)
    online.patterns_for(bundle.identifier_words)
    plate.cues_for(bundle.identifier_words)
    cpr.birth_pattern_for(bundle.identifier_words)
    cpr.context_for(bundle.identifier_words)
    ownership.patterns_for(bundle.ownership_words)
    person_patterns(bundle.person_words)


def other_gender_pronoun(cpr: str | None) -> str | None:
    """The subject pronoun that cannot mean the client: "hun" for a man, "han" for a
    woman, by the CPR number's last digit (odd for men, even for women: the CPR
    register's rule for the tenth digit). None without a CPR number of ten digits."""
    digits = re.sub(r"\D", "", cpr or "")
    if len(digits) != 10:
        return None
    return "hun" if int(digits[-1]) % 2 else "han"


class Analyzer:
    """Everything loaded once per process: the bundle's matchers, the recognizer registry
    and its ``AnalyzerEngine``, the NER pipeline (``nlp=None``: a --no-ner diagnosis)."""

    def __init__(self, bundle: PolicyBundle, nlp: Any | None = None) -> None:
        from gldocs.redact.nlp import import_presidio

        import_presidio()  # first: presidio without its predefined recognizers (cold start)
        from gldocs.redact.recognizers import build_recognizers
        from gldocs.redact.recognizers.base import RecognizerKit

        policy = bundle.policy
        self.bundle = bundle
        self.policy = policy
        self.nlp = nlp
        self.categories = CategoryMatcher(bundle)
        # category -> the lexicon that must match somewhere in a document for it to count
        self._contexts = {n: bundle.lexicons[c.context] for n, c in policy.categories.items()
                          if c.context}
        for lexicon in self._contexts.values():
            lexicon.compile()  # before --jobs workers fork
        self.classifier = ContactClassifier(policy, bundle.places, bundle.authority_domains,
                                            bundle.person_words, bundle.ownership_words,
                                            bundle.address_words)
        # a letter's greetings ("Hej Tina"): the person greeted owns no number below
        self._greetings = (bundle.ownership_words
                           or default_words("ownership_words")).set("greetings")
        stop = frozenset(
            {w.lower() for w in policy.professionals.org_words}
            | {w.lower() for w in bundle.not_names}
            | {t.lower() for t in policy.professionals.titles}
            | {c.lower() for r in policy.roles.values() for c in (*r.cues, *r.weak_cues)
               if " " not in c}
        )
        self.stop_words = stop
        self.finder = EntityFinder(self.classifier, bundle.given_names, bundle.surnames,
                                   bundle.ambiguous_names, stop, self.categories.is_term)
        self.finder.gazetteer = build_gazetteer(bundle.places, bundle.organisations,
                                                self.classifier.org_words,
                                                bundle.surname_endings, nlp,
                                                bundle.foreign_places,
                                                bundle.given_names | bundle.foreign.given_names)
        self.finder.foreign = bundle.foreign
        self.finder.population_given = bundle.population_given_names
        self.classifier.ordinary = self.ordinary
        sentence_rules = {r.sentence_rule for r in policy.roles.values() if r.sentence_rule}
        offence_categories = frozenset(n for n, c in policy.categories.items()
                                       if c.rule in sentence_rules)
        self.finder.narrative_roles = frozenset(
            n for n, r in policy.roles.items() if r.sentence_rule)
        self.finder.offence_roles = frozenset(
            n for n, r in policy.roles.items() if r.sentence_rule and r.weak_cues)
        self.finder.tells_offence = lambda sentence: any(
            k in offence_categories for k in self.categories.all(sentence))
        self.finder.use_words(bundle.person_words, bundle.address_words,
                              bundle.identifier_words, bundle.sentence_words)
        self.finder.min_ner = policy.thresholds.ner
        self.finder.min_ner_strict = policy.thresholds.strict_ner
        self.layout = LayoutReader(policy, self.classifier.shows_office, bundle.person_words,
                                   bundle.sentence_words)
        self.relation_records = RelationRecords(policy, bundle.address_words,
                                                self._in_office)
        self.rules = RuleStage(policy, self.classifier, bundle.clause_words,
                               bundle.address_words, bundle.person_words, bundle.ownership_words,
                               bundle.identifier_words)
        kit = RecognizerKit(bundle=bundle, categories=self.categories,
                            classifier=self.classifier, stop_words=stop, ner=nlp is not None,
                            finder=self.finder)
        _compile_word_patterns(bundle)
        self.recognizers = build_recognizers(policy.recognizers, kit)
        # the detectors over each unit; then, after discovery, those that read who is who
        self.engine = _analyzer_engine(
            [r for r in self.recognizers if not getattr(r, "after_discovery", False)], nlp)
        self.known_engine = _analyzer_engine(
            [r for r in self.recognizers if getattr(r, "after_discovery", False)], None)

    def _in_office(self, word: str) -> bool:
        """A title or an organisation's word ("Sagsbehandler", "Jobcenter")."""
        gz = self.finder.gazetteer
        return self.classifier.is_title(word) or (gz is not None and gz.is_org_word(word))

    def not_name(self, word: str) -> bool:
        """A word the policy knows is no name (titles, role cues, organisation words)."""
        return word.lower() in self.stop_words

    def _danish_place(self, word: str) -> bool:
        """A Danish town, municipality or island (the policy's place list)."""
        gz = self.finder.gazetteer
        return gz is not None and gz.is_place(word)

    def _institution_or_abroad(self, name: str) -> bool:
        """A name with an organisation word ("Plejecenter Solgården") or a place abroad."""
        gz = self.finder.gazetteer
        return gz is not None and (gz.is_foreign_place(name)
                                   or any(gz.is_org_word(w) for w in name.split()))

    def _no_family_name(self, word: str) -> bool:
        """A word before "-familien" or after "familien" that names no family: a role,
        title or organisation word (a capitalised ordinary word there is a family's name:
        "brødrene Vrang")."""
        return self.not_name(word)

    def _abroad(self, name: str) -> bool:
        """A town, region or country abroad (the policy's foreign place list)."""
        gz = self.finder.gazetteer
        return gz is not None and gz.is_foreign_place(name)

    def ordinary(self, word: str) -> bool:
        """An ordinary Danish word (its forms and compounds: the gazetteer's)."""
        gz = self.finder.gazetteer
        return gz is not None and gz.is_common(word)

    def warm(self) -> None:
        """Build the lazy tables now (before worker processes fork, so they share them):
        the ordinary-word list and what a first analysis builds (compiled patterns, the
        model's first call); the per-text caches are emptied again. Then everything built
        so far is frozen out of the garbage collector's generations (``gc.freeze``): the
        model, the policy bundle and the tables live as long as the process, and every
        full collection would otherwise walk their million entries again (3 % of a warm
        analysis)."""
        import gc

        from gldocs.document.txt import units_from_text

        if self.nlp is not None and "lemmatizer" in self.nlp.pipe_names:
            loader = getattr(self.nlp.get_pipe("lemmatizer"), "load_words", None)
            if loader is not None:
                loader()  # the ordinary-word list (until now looked up by binary search)
        from gldocs.redact import morphology

        morphology.load()  # the lexicons' lemma table
        for lexicon in self._lexicons():
            lexicon.gate_all()  # (their patterns' first-character gates)
        self.analyze(units_from_text(_WARM_UP), AnalysisContext(areas=[],
                                                               client_name="Kasper Lund"))
        self.clear_caches()
        gc.collect()  # (the warm-up's garbage is not frozen)
        gc.freeze()

    def _lexicons(self) -> list[Lexicon]:
        """The lexicons the analysis matches texts with: the categories' combined one, the
        protected texts' and the categories' context lexicons."""
        protect = [self.bundle.lexicons[n] for spec in self.policy.protect.values()
                   for n in spec.lexicons]
        return [self.categories.combined, *protect, *self._contexts.values()]

    def clear_caches(self) -> None:
        """Forget per-text caches (for fair benchmarks; results never depend on them)."""
        from gldocs.document import sections
        from gldocs.redact import case_entities, language, lexicon

        sections.normalise.cache_clear()
        sections.heading_section.cache_clear()
        self.categories.clear_cache()
        self.classifier.clear_cache()
        self.finder.clear_cache()
        lexicon.clear_caches()
        language.clear_caches()
        case_entities.clear_caches()

    # ------------------------------------------------------------------------------------
    def detect(self, units: Sequence[TextUnit], internal: Sequence[Sequence[tuple[int, int]]],
               client_name: str | None = None) -> list[UnitDetections]:
        """Stage 2: every recognizer over every unit (blank units have nothing)."""
        from gldocs.redact.recognizers.base import LANGUAGE, UnitArtifacts

        ner: list[list[NerEntity]] = [[] for _ in units]
        if self.nlp is not None:
            context, reads = self.ner_reads(units, internal, client_name)
            ner = find_entities(self.nlp, [u.text for u in units], reads, context)
        # the units with text, each recognizer over all of them before the next
        # (UnitEngine.analyze_units: the same results as one unit after another)
        read = [k for k, unit in enumerate(units) if unit.text.strip()]
        found = self.engine.analyze_units(
            [units[k].text for k in read],
            [UnitArtifacts(units[k].section, ner[k], internal[k]) for k in read], LANGUAGE)
        out = [UnitDetections() for _ in units]  # (blank units have nothing)
        for k, results in zip(read, found, strict=True):
            out[k] = collect(units[k].text, results)
        return out

    def mentions(self, unit: TextUnit, ents: CaseEntities,
                 blocked: Sequence[tuple[int, int]],
                 forms: Sequence[tuple[str, Person]],
                 artifacts: Any | None = None) -> list[Mention]:
        """The second recognizer pass, after discovery: every mention in ``unit`` of a
        person the case knows (the policy's ``case_names`` recognizer), outside
        ``blocked`` (addresses and e-mails the patterns found). ``artifacts``: a
        :class:`~.recognizers.base.UnitArtifacts` to fill for this unit (one per document
        will do: only its part and what is known are read in this pass)."""
        from gldocs.redact.recognizers import base, names  # (loaded in __init__ already)

        if artifacts is None:
            artifacts = base.UnitArtifacts(unit.section)
        artifacts.section = unit.section
        artifacts.known = base.KnownForms(ents, forms, blocked)
        return names.mentions_of(unit.text, self.known_engine.analyze(
            unit.text, base.LANGUAGE, nlp_artifacts=artifacts))

    def ner_reads(self, units: Sequence[TextUnit],
                  internal: Sequence[Sequence[tuple[int, int]]],
                  client_name: str | None = None
                  ) -> tuple[list[bool], list[list[tuple[int, int]]]]:
        """What NER sees and what it reads, per unit (``find_entities``' ``context`` and
        ``reads``). The name rules still read every unit.

        It sees, as running text, the units that may hold a name (:meth:`_may_name`) and
        that the policy does not remove wholesale (an internal note, a part removed
        entirely). It reads of them only the sentences where an entity could add or hide
        a name candidate (:meth:`EntityFinder.ner_reads`, :mod:`.ner_scope`), each with
        the words around it, so the model sees what it would see reading everything."""
        section = self.policy.section
        tokens = client_name_tokens(client_name)
        self.finder.read_document(u.text for u in units)  # as discover will see it
        context: list[bool] = []
        reads: list[list[tuple[int, int]]] = []
        for u, notes in zip(units, internal, strict=True):
            rule = section(u.section)
            if rule.remove_all or not u.text.strip() or covers_unit(u.text, list(notes)):
                context.append(False)
                reads.append([])
                continue
            reads.append(self.finder.ner_reads(u.text, rule.strict, tokens))
            context.append(bool(reads[-1]) or self._may_name(u.text, rule.strict))
        return context, reads

    def _may_name(self, text: str, strict: bool) -> bool:
        """Whether ``text`` may hold a name NER finds: a capital letter, and (outside the
        strict parts) one not at a sentence start or on a given name."""
        if not any(c.isupper() for c in text):
            return False
        if strict:
            return True
        starts = {sp.start for sp in sentences(text, self.bundle.sentence_words)}
        given = self.bundle.given_names
        for m in _CAPITALISED.finditer(text):
            if m.start() not in starts:
                return True
            word = m.group(0)
            if in_genitive(word, given):
                return True
        return False

    def analyze(self, units: Sequence[TextUnit], ctx: AnalysisContext) -> Plan:
        policy, rules = self.policy, self.rules
        units = list(units)
        layout = self.layout.read(units)
        dets = self.detect(units, layout.internal, ctx.client_name)
        drop_out_of_context(dets, units, self._contexts)
        strict = {name for name in (*policy.sections, UNKNOWN) if policy.section(name).strict}
        ents = self.finder.discover(units, ctx.client_name, ctx.client_cpr,
                                    [d.ner for d in dets] if self.nlp is not None else None,
                                    strict, ctx.known, names=[d.names for d in dets],
                                    patterns=[d.patterns for d in dets],
                                    gazetteer=[d.gazetteer_names for d in dets])
        found: dict[str, tuple[list[PatternMatch], list[Mention]]] = {}
        by_record: dict[str, list[Mention]] = {}
        forms = self.finder.mention_forms(ents)  # the same for every unit
        from gldocs.redact.recognizers.base import UnitArtifacts

        known_artifacts = UnitArtifacts(UNKNOWN)  # (filled per unit by self.mentions)
        for unit, det in zip(units, dets, strict=True):
            if not unit.text.strip():
                continue
            patterns = det.patterns
            if ents.known_addresses:  # case data: addresses as written there (surer)
                patterns = resolve_overlaps([*patterns, *ents.known_address_matches(unit.text)])
            blocked = [(p.start, p.end) for p in patterns if p.entity in ("ADDRESS", "EMAIL")]
            mentions = self.mentions(unit, ents, blocked, forms, known_artifacts)
            found[unit.path] = (patterns, mentions)
            record = record_of(unit.path)
            if record:
                by_record.setdefault(record, []).extend(mentions)
        def relation(text: str) -> bool:
            return self.classifier.role_in(text) is not None

        neighbours = row_neighbours(units, found, frozenset(self.classifier.role_cues),
                                    self._greetings, relation)
        gz = self.finder.gazetteer
        protected = {t.lower() for t in ents.protected_tokens}

        def kept_label(label: str) -> bool:
            """A message's sender label that names the client or a professional: a word of
            their names, an organisation's word or a title ("Jobcenter Mette")."""
            words = re.findall(r"[^\W\d_]+", label)
            return any(w.lower() in protected or self.classifier.is_title(w)
                       or (gz is not None and gz.is_org_word(w)) for w in words)

        paragraph = _paragraph_before(units, found)
        other_pronoun = other_gender_pronoun(ctx.client_cpr)
        findings: list[Finding] = []
        sender_findings: list[Finding] = []
        # Each rule over every unit before the next (as the recognizers run: its patterns
        # stay in the processor's caches); each unit's findings in the rules' order.
        # Internal notes go whole; the detectors still run on them so that the report
        # says what they held (names, § 10, security) -- the widest removal sets the marker.
        live = [(unit, det, block, sentences(unit.text, self.bundle.sentence_words),
                 found[unit.path][1])
                for unit, det, block in zip(units, dets, layout.blocks, strict=True)
                if unit.text.strip()]
        cat_findings = [rules.categories(u, sp, ctx.areas, det, block, ms, other_pronoun)
                        for u, det, block, sp, ms in live]
        senders = [rules.message_senders(u, ms, kept_label) for u, _, _, _, ms in live]
        per_rule = (
            [rules.internal(u, det) for u, det, _, _, _ in live],
            cat_findings,
            [rules.spread(u, sp, cf, block)
             for (u, _, block, sp, _), cf in zip(live, cat_findings, strict=True)],
            [rules.remove_all(u, det) for u, det, _, _, _ in live],
            [rules.deny(u, det) for u, det, _, _, _ in live],
            [rules.persons(u, ms) for u, _, _, _, ms in live],
            [rules.contact_authority(u) for u, _, _, _, _ in live],
            [rules.role_sentences(u, sp, ms) for u, _, _, sp, ms in live],
            [rules.family_names(u, self._no_family_name) for u, _, _, _, _ in live],
            [rules.script_names(u, ms) for u, _, _, _, ms in live],
            senders,
            [rules.private_places(u, sp, ms, self._danish_place, self._institution_or_abroad,
                                  self._abroad, other_pronoun) for u, _, _, sp, ms in live],
            [rules.patterns(u, found[u.path][0], ms, ents,
                            by_record.get(record_of(u.path) or "", [])
                            or neighbours.get(u.path, []), u.path in layout.signature,
                            paragraph.get(u.path, ()))
             for u, _, _, _, ms in live],
        )
        for k in range(len(live)):
            sender_findings.extend(senders[k])
            for step in per_rule:
                findings.extend(step[k])
        read = {u.path: (sp, cf)  # per unit: sentences, categories
                for (u, _, _, sp, _), cf in zip(live, cat_findings, strict=True)}
        findings.extend(rules.spread_blocks(units, layout.blocks, read))
        findings.extend(announced_quotes(units, findings))
        findings.extend(rules.sender_labels_elsewhere(units, sender_findings, findings))
        findings.extend(mirror_translations(units, findings, self.bundle.sentence_words,
                                            rules.mirrored))
        gz = self.finder.gazetteer
        findings = address_blocks(units, found, findings,
                                  lambda t: gz is not None and bool(gz.org_spans(t)), policy,
                                  relation)
        findings = consistent_contacts(findings, policy.client_rules)
        findings.extend(rules.address_towns(units, findings, self._danish_place))
        findings.extend(wrapped_sentences(units, findings, self.bundle.sentence_words))
        person_words = self.bundle.person_words
        findings = extend_names(units, findings, self.not_name, self.ordinary,
                                lambda w: w.lower() in person_words.set("family_nicknames"),
                                person_words.set("name_tail_particles"), self._danish_place)
        findings = extend_over_references(units, findings, self.bundle.identifier_words)
        findings = spread_handles(units, findings)
        findings = spread_vessel_names(units, findings)
        findings = keep_professional_names(
            units, findings,
            {p.rule: frozenset(p.carve_from) for p in policy.protect.values() if p.carve},
            self.classifier.is_title, policy.client_rules,
            ownership_patterns(self.bundle.ownership_words).label_tail)
        rows = self.relation_records.findings(units, ctx.client_name, found)
        findings.extend(rows)
        findings = spread_row_names(units, findings, rows,
                                    lambda w: w.lower() in protected or self.not_name(w),
                                    self.ordinary)
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
                    no_ner=self.nlp is None, source=ctx.source, notes=notes,
                    rules=dict(policy.rules), extra_rule=policy.deny_rule,
                    identity_rules=policy.identity_rules)


# an invented text that takes a first analysis through every stage (Analyzer.warm)
_WARM_UP = """1. Stamoplysninger
Navn: Kasper Lund
CPR-nr.: 150488-1234
Adresse: Lindevej 12, 7100 Vejle

2. Beskrivelse
Kasper bor hos sin mor, Mette Holm, tlf. 20 30 40 50, mette.holm@mail.dk. Han har haft et
misbrug af hash og er i behandling. Han talte med Bent Sørensen fra Jobcenter Vejle.
"""

# a word with a capital letter anywhere ("Mette", "KSP", "iPhone")
_CAPITALISED = re.compile(r"\w*[^\W\d_a-zæøåäöüéè]\w*")


def _analyzer_engine(recognizers: list[Any], nlp: Any | None) -> Any:
    """One presidio AnalyzerEngine for Danish holding exactly ``recognizers``, over the
    Danish NlpEngine (or presidio's no-op engine without NER), with no context enhancer."""
    from presidio_analyzer.nlp_engine import NoOpNlpEngine

    from gldocs.redact.nlp import build_analyzer, build_nlp_engine
    from gldocs.redact.recognizers.base import NoContextEnhancer, UnitEngine

    engine = (build_nlp_engine(nlp) if nlp is not None
              else NoOpNlpEngine(models=[{"lang_code": "da", "model_name": "none"}]))
    return build_analyzer(recognizers, nlp_engine=engine, with_ner=False,
                          context_aware_enhancer=NoContextEnhancer(), engine_class=UnitEngine)


_PARAGRAPH_LINES = 3  # the lines before a line that a pronoun's chain may go up


def _paragraph_before(units: Sequence[TextUnit],
                      found: dict[str, tuple[list[PatternMatch], list[Mention]]]
                      ) -> dict[str, list[tuple[str, Sequence[Mention]]]]:
    """Per line unit (.txt ``line7``, PDF ``page2/line14``), the lines of its paragraph
    before it (up to three, nearest last: no blank line and the same part between), each
    with the people named in it."""
    out: dict[str, list[tuple[str, Sequence[Mention]]]] = {}
    run: list[TextUnit] = []
    for u in units:
        if not u.text.strip() or not _LINE_UNIT.search(u.path) or (
                run and run[-1].section != u.section):
            run = [u] if u.text.strip() and _LINE_UNIT.search(u.path) else []
            continue
        if run:
            out[u.path] = [(r.text, found.get(r.path, ([], []))[1])
                           for r in run[-_PARAGRAPH_LINES:]]
        run.append(u)
    return out


_LINE_UNIT = re.compile(r"(?:^|/)line\d+$")
