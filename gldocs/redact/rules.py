"""The rule stage: what the recognizers found, under the policy's rules, as findings.

Per unit: internal notes, category rules (lexicons, sentence/line/term scope, area
conditions for K7, protected text), section rules (keep keys, remove all, spread), the deny
list, person mentions (client K1, professional K3, private R1 with a role marker),
sentences about a victim or co-offender, and pattern matches with their owner
(:mod:`gldocs.redact.ownership`). Every :class:`Finding` is made by
:class:`FindingFactory`, which fills in the rule's ground, action and marker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cached_property

from gldocs.document.units import COORDINATION_SECTIONS, TextUnit
from gldocs.redact.case_entities import CaseEntities, Mention
from gldocs.redact.clauses import (
    ClauseWords,
    bracketed_remark,
    clauses_to_remove,
    predicate_span,
)
from gldocs.redact.context import Span, sentence_at
from gldocs.redact.default_words import default_words
from gldocs.redact.detections import UnitDetections
from gldocs.redact.detectors.lexicon import CategoryMatch
from gldocs.redact.detectors.patterns import PatternMatch
from gldocs.redact.genitive import genitive_bases, genitive_stem, in_genitive
from gldocs.redact.model import Action, Detector, Finding, Owner
from gldocs.redact.ownership import UNCLEAR, Evidence, owner_of
from gldocs.redact.person_words import person_patterns
from gldocs.redact.policy import CategorySpec, HeadingBlock, Policy
from gldocs.redact.prefilter import required_gate
from gldocs.redact.private_places import private_places
from gldocs.redact.professionals import ContactClassifier
from gldocs.redact.subject import third_person_subject
from gldocs.redact.wordlists import WordLists, alternation
from gldocs.text.alternation import whole_word

ENTITY_NAMES_DA = {
    "CPR": "CPR-nummer", "PHONE": "telefonnummer", "EMAIL": "e-mailadresse",
    "ADDRESS": "adresse", "PLATE": "nummerplade", "PERSON": "navn",
    "ONLINE_ID": "brugernavn eller profil", "IP_ADDRESS": "IP-adresse", "IMEI": "IMEI-nummer",
    "BANK_ACCOUNT": "kontonummer", "BIRTH_DATE": "fødselsdato", "COMPANY_ID": "CVR-nummer",
    "TRANSFER_REF": "betalingsreference", "VESSEL": "fartøj",
    "ID_NUMBER": "identitetsnummer",
}


# the separator after a name that heads a line or a sentence ("KRISTIANSEN, Mads Ole, er
# født i …", "… Ole (kurdisk oprindelse)", "… Ole - etnisk …", "… Ole: muslim")
_NAME_HEAD_SEPARATOR = re.compile(r"[ \t]*(?:[,:;\-–—][ \t]*|(?=\())")
# a field's label of one to three words before the name ("Klient: ", "Navn på indsatte: ")
_NAME_HEAD_LABEL = re.compile(r"[^\W\d_][\w.\-]*(?:[ \t]+[^\W\d_][\w.\-]*){0,2}[ \t]*:[ \t]*")
_NAME_HEAD_WORD = re.compile(r"[ \t]*,?[ \t]*([^\W\d_][^\W\d_\-]*(?:-[^\W\d_]+)*)")


def _name_run(text: str, pos: int, end: int, own: set[str]) -> int | None:
    """Where the run of two or more of the client's capitalised name words (``own``) from
    ``pos`` ends, a comma allowed between ("KRISTIANSEN, Mads Ole"); None if there is none."""
    words = 0
    while (w := _NAME_HEAD_WORD.match(text, pos, end)) is not None \
            and w.group(1).lower() in own and w.group(1)[0].isupper():
        pos = w.end()
        words += 1
    return pos if words >= 2 else None


def _after_clients_name(text: str, span: Span, term_start: int,
                        mentions: Sequence[Mention]) -> Span:
    """``span`` (a category's removal) without the client's own name that opens it as the
    line's or sentence's head, its separator after it (round 22, K1): "KRISTIANSEN, Mads
    Ole, er født i Tyrkiet og har kurdisk baggrund" keeps "KRISTIANSEN, Mads Ole, " (the
    name in register order or in reading order, two of the client's name words or more,
    perhaps after a field's label, then a comma, colon, dash or bracket). The category term
    must follow the name; a name that runs into the sentence ("Mads Ole Kristiansen er af
    tyrkisk herkomst") stays in the removal."""
    client = next((x for x in mentions if x.person.kind == Owner.CLIENT), None)
    if client is None:
        return span
    own = {t.lower() for t in client.person.tokens}
    pos = span.start
    while pos < span.end and text[pos] in " \t":
        pos += 1
    end = _name_run(text, pos, span.end, own)
    label = _NAME_HEAD_LABEL.match(text, pos, span.end)  # ("Klient: KRISTIANSEN, …")
    if end is None and label is not None:
        end = _name_run(text, label.end(), span.end, own)
    if end is None:
        return span
    pos = end
    sep = _NAME_HEAD_SEPARATOR.match(text, pos, span.end)
    if sep is None or sep.end() > term_start or sep.end() >= span.end:
        return span
    return Span(sep.end(), span.end)


class FindingFactory:
    """Makes findings under the policy's rules: ground from the rule; action the rule's
    unless given; marker the rule's for a removal (or the one given), none for a keep."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def make(self, unit: TextUnit, start: int, end: int, *, rule: str, detector: Detector,
             entity: str, score: float, explanation: str, action: Action | None = None,
             marker: str | None = None) -> Finding:
        spec = self.policy.rule(rule)
        action = action or spec.action
        if marker is None:
            marker = spec.marker if action == "remove" else ""
        return Finding(unit_path=unit.path, section=unit.section, start=start, end=end,
                       text=unit.text[start:end], rule=rule, ground=spec.ground,
                       detector=detector, entity=entity, score=score, action=action,
                       marker=marker, explanation=explanation)


class RuleStage:
    """The policy's rules over one unit's detections (built once per policy)."""

    def __init__(self, policy: Policy, classifier: ContactClassifier,
                 clause_words: ClauseWords, address_words: WordLists | None = None,
                 person_words: WordLists | None = None,
                 ownership_words: WordLists | None = None,
                 identifier_words: WordLists | None = None) -> None:
        """``address_words``, ``person_words``, ``ownership_words``, ``identifier_words``:
        the bundle's (default: the bundled kommune policy's)."""
        self.policy = policy
        self.classifier = classifier
        self.clause_words = clause_words  # the policy's words for the clause rules
        self._relative = _RelativeClause(clause_words)
        self._source_before = re.compile(
            r"(?<![\w])(?:" + "|".join(
                r"\s+".join(re.escape(p) for p in w.split())
                for w in sorted(clause_words.source_prepositions, key=len, reverse=True))
            + r")\s+$", re.IGNORECASE)
        self._address_words = address_words or default_words("address_words")
        self._street_stop = self._address_words.set("street_stop_words")
        # a protection of a private person from the client (address_towns)
        self._protection = re.compile(
            rf"(?<![\wæøå])(?:{self._address_words.alternation('protection_words')})"
            r"(?![\wæøå])", re.IGNORECASE)
        person = person_words or default_words("person_words")
        # "(", a cue word ("kaldet") and a quote before a nickname after a name
        self._nickname_open = re.compile(
            r"\s*\(\s*(?:(?:" + person.alternation("bracket_nickname_cues") + r")\s*)?"
            r"[\"“”'’«»]*", re.IGNORECASE)
        self._street_lead = person_patterns(person).street_lead
        self._family_name = _family_name_pattern(person.alternation("family_group_words"),
                                                 person.alternation("family_compound_words"))
        own = ownership_words or default_words("ownership_words")
        # public authorities: where a private person deals with them, they stay
        self._authorities = own.set("public_authorities")
        self._authority_endings = tuple(own["public_authority_endings"])
        # the name a contact line opens with (after a bullet or a table bar), up to its
        # key's colon, a comma, a bracket, a bar or the end: capitalised words and the small
        # words inside an authority's name ("Midt- og Vestjyllands Politi")
        self._line_opening = re.compile(
            r"^[ \t]*(?:[-•*|][ \t]*)?(?P<name>[A-ZÆØÅ][\wæøåÆØÅ\-]*(?:[ \t]+(?:"
            rf"{own.alternation('authority_name_particles')}|[A-ZÆØÅ][\wæøåÆØÅ\-]*)){{0,6}}?)"
            r"[ \t]*(?:[:,;(|]|$)")
        self._creditor_before = _creditor_before(own)
        self._identifier_words = identifier_words or default_words("identifier_words")
        self.make = FindingFactory(policy).make
        self.allow = [a.lower() for a in policy.allow]
        # the role words (mor, kæresten, sønnen ...): a § 10 term whose clause has one of
        # them as its subject is a third person's, never kept under K7 (subject.py)
        self.relations = frozenset(c.lower() for r in policy.roles.values() for c in r.cues
                                   if " " not in c)

    def mirrored(self, unit: TextUnit, start: int, end: int, model: Finding) -> Finding:
        """A removal in a quotation in another language like ``model``, which the policy
        made in the quotation's translation on the next line
        (:func:`~gldocs.redact.translations.mirror_translations`)."""
        return self.make(unit, start, end, rule=model.rule, detector=model.detector,
                         entity=model.entity, score=model.score, action="remove",
                         marker=model.marker,
                         explanation=f"Oversættelsen på linjen efter fjerner '{model.text}' "
                                     f"({model.rule}); originalen siger det samme og fjernes "
                                     f"også.")

    # -- internal notes -------------------------------------------------------------------
    def internal(self, unit: TextUnit, det: UnitDetections) -> list[Finding]:
        rid = self.policy.internal_notes.rule
        return [self.make(unit, a, b, rule=rid, detector="section", entity="INTERNAL_NOTE",
                          score=0.95, action="remove",
                          explanation="Intern note, der ikke må videregives (afsnit for "
                                      "interne noter).")
                for a, b in det.internal]

    # -- categories -----------------------------------------------------------------------
    def categories(self, unit: TextUnit, spans: list[Span], areas: Sequence[str],
                   det: UnitDetections, block: HeadingBlock | None = None,
                   mentions: Sequence[Mention] = (),
                   other_pronoun: str | None = None) -> list[Finding]:
        """``other_pronoun``: the subject pronoun that cannot mean the client ("han" when
        the client's CPR number says a woman): a sentence it opens tells someone else's
        case (:meth:`_private_record`)."""
        policy = self.policy
        spec = policy.section(unit.section)
        if det.section_field is not None:  # a field the part keeps or removes by its key
            kind, start, end, key = det.section_field
            if kind == "keep" and spec.keep_rule:
                rule = policy.rule(spec.keep_rule)
                return [self.make(unit, start, end,
                                  rule=spec.keep_rule, detector="section", entity="SECTION",
                                  score=1.0, action="keep",
                                  explanation=f"{rule.title} (afsnitsregel for "
                                              f"{unit.section}).")]
            if kind == "remove" and spec.remove_rule:
                rule = policy.rule(spec.remove_rule)
                return [self.make(unit, start, end,
                                  rule=spec.remove_rule, detector="section", entity="SECTION",
                                  score=0.9, action="remove",
                                  explanation=f"Feltet '{key}' fortæller om handlingen; "
                                              f"{rule.title.lower()} (afsnitsregel for "
                                              f"{unit.section}) ({spec.remove_rule}).")]
        if not det.categories:  # (no category term in the unit: its protected text alone)
            return self._protected(unit, det)
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
        out = self._protected(unit, det)
        shield = [(f.start, f.end) for f in out]
        # a word of a kept person's name is no category term ("Brian Kofoed Stær": stær is
        # also an eye disease): the client's or a professional's name of two words or more
        shield += [(x.start, x.end) for x in mentions if x.person.kind != Owner.PRIVATE
                   and len(x.text.split()) > 1]
        # ... and the capitalised word right after such a name, where a Danish noun stands in
        # lower case: the name's last word ("sagsbehandler Tina Lykke Præst vedr. …")
        shield += [(w.start(1), w.end(1)) for x in mentions
                   if x.person.kind != Owner.PRIVATE and len(x.text.split()) > 1
                   and (w := _NAME_WORD_AFTER.match(unit.text, x.end)) is not None]
        # ... and the label of a form's unticked box ("[ ] misbrug  [ ] helbred"): an option
        # not chosen tells nothing about the client (a ticked one still counts)
        shield += [(o.start(1), o.end(1)) for o in _UNTICKED_OPTION.finditer(unit.text)]
        seen: set[tuple[int, int, str]] = set()
        kept = self._kept_terms(unit, spans, names, areas, det, mentions, other_pronoun)
        for cat_name in names:
            cat = policy.categories[cat_name]
            for m in det.categories.get(cat_name, ()):
                if any(a in m.text.lower() for a in self.allow):
                    continue
                # (a relative's own record, subject "private", never yields: "Hans søster,
                # Lone, bliver undersøgt som nyredonor" goes with helbred chosen too)
                if cat.subject != "private" and not set(cat.keep_if_areas) & set(areas) \
                        and self._yields_to_kept(m, cat, spans, kept):
                    continue
                # "hun" of a man's plan that means the professional named just before and
                # tells or assesses ("… med psykolog Tine Maribo. Hun beskriver en depression,
                # som Patrick har haft"): the client's data, as without the pronoun
                pronoun = None if other_pronoun and self._professional_tells(
                    unit, spans, m, mentions, other_pronoun) else other_pronoun
                if cat.subject == "private" and pronoun and _opens_with(
                        unit.text, sentence_at(spans, m.start), pronoun) and \
                        self._professional_named_last(unit, spans, m, mentions):
                    # "Sagsbehandler Ida Holm er ny. Hun arbejder i Jobcenter Vejle": the
                    # pronoun is the professional, whose work is no private person's
                    pronoun = None
                if cat.subject == "private":
                    out.extend(self._private_record(unit, spans, m, cat_name, mentions,
                                                    pronoun))
                    continue
                if any(a <= m.start and m.end <= b for a, b in shield):
                    continue
                if cat.subject == "not_client" and self._client_subject(unit, spans, m,
                                                                        mentions):
                    continue
                keep = bool(set(cat.keep_if_areas) & set(areas))
                other = self._someone_else(unit, spans, m, mentions, pronoun) \
                    if keep and not cat.keep_any_subject else None
                keep = keep and other is None
                # (a category with keep_if_areas has a keep_rule: the policy check says so)
                rid = (cat.keep_rule or cat.rule) if keep else cat.rule
                rule = policy.rule(rid)
                action = "keep" if keep else rule.action
                remark = None if keep else _remark_of_client_name(unit.text, m, mentions)
                for span, clause in ([(remark, False)] if remark is not None else
                                     self._category_spans(unit.text, spans, m, cat, keep, det,
                                                          names, areas)):
                    if not keep:
                        span = _after_clients_name(unit.text, span, m.start, mentions)
                    seen_key = (span.start, span.end, rid)
                    if seen_key in seen:
                        continue
                    seen.add(seen_key)
                    if keep:
                        why = (f"'{m.text}' ({cat.explanation or cat_name}) holdes: "
                               f"{', '.join(sorted(set(cat.keep_if_areas) & set(areas)))} er "
                               f"koordineringsområde ({rid}).")
                    elif other is not None:
                        why = (f"'{m.text}' ({cat.explanation or cat_name}) står om en anden "
                               f"end klienten ('{other}'); kun klientens egne oplysninger "
                               f"holdes i et koordineringsområde; {rule.title.lower()} "
                               f"({rid}).")
                    elif clause:
                        why = (f"Sætningsleddet hører til en sætning med '{m.text}' "
                               f"({cat.explanation or cat_name}); kun led om mål og behov "
                               f"bevares; {rule.title.lower()} ({rid}).")
                    else:
                        why = (f"Sætningen indeholder '{m.text}' "
                               f"({cat.explanation or cat_name}); "
                               f"{rule.title.lower()} ({rid}).")
                    out.append(self.make(unit, span.start, span.end, rule=rid,
                                         detector="lexicon", entity=cat_name.upper(), score=0.9,
                                         action=action,
                                         marker=(cat.marker or None) if action == "remove"
                                         else "", explanation=why))
        return out

    def _kept_terms(self, unit: TextUnit, spans: list[Span], names: Sequence[str],
                    areas: Sequence[str], det: UnitDetections, mentions: Sequence[Mention],
                    other_pronoun: str | None) -> list[CategoryMatch]:
        """The terms of the unit that a koordineringsområde keeps (K7), as the client's own
        (not a relative's: :meth:`_someone_else`)."""
        out: list[CategoryMatch] = []
        chosen: set[str] | None = None
        for cat_name in names:
            found = det.categories.get(cat_name)
            if not found:
                continue
            cat = self.policy.categories[cat_name]
            if chosen is None:
                chosen = set(areas)
            if cat.subject != "any" or chosen.isdisjoint(cat.keep_if_areas):
                continue
            out.extend(m for m in found
                       if self._someone_else(unit, spans, m, mentions, other_pronoun) is None)
        return out

    @staticmethod
    def _yields_to_kept(m: CategoryMatch, cat: CategorySpec, spans: list[Span],
                        kept: Sequence[CategoryMatch]) -> bool:
        """Whether the removal term ``m`` gives way to a kept term: the same word read by a
        chosen area's lexicon too ("opioidafhængighedssyndrom" is a syndrome and a substance
        dependence: with misbrug chosen it stays), or one of the category's ``weak_terms``
        ("Patienten") in a sentence that holds a kept term."""
        if not kept:
            return False
        if any(k.start <= m.start and m.end <= k.end for k in kept):
            return True
        if m.text.lower() not in {w.lower() for w in cat.weak_terms}:
            return False
        sentence = sentence_at(spans, m.start)
        return any(sentence.start <= k.start < sentence.end for k in kept)

    def _professional_tells(self, unit: TextUnit, spans: list[Span], m: CategoryMatch,
                            mentions: Sequence[Mention], pronoun: str) -> bool:
        """Whether the sentence holding ``m`` opens with ``pronoun`` (which cannot be the
        client) and a verb of telling or assessing (``report_verbs``, an auxiliary and an
        adverb allowed between: "Hun har tidligere beskrevet"), while the person named last
        before it, in this sentence or the one before and with no relation word between, is a
        professional ("… samtaler med psykolog Tine Maribo. Hun beskriver en moderat
        depression"): the pronoun is that professional, who tells the client's data."""
        text = unit.text
        sentence = sentence_at(spans, m.start)
        cw = self.clause_words
        first = _WORD.search(text, sentence.start, m.start)  # (most sentences: not the pronoun)
        if first is None or first.group().lower() != pronoun:
            return False
        words = [w.group().lower() for w in _WORD.finditer(text, first.start(), m.start)]
        if len(words) < 2:
            return False
        rest = [w for w in words[1:4] if w not in cw.adverbs and w not in cw.state_verbs
                and w not in cw.relative_adverbs]
        if not rest or rest[0] not in cw.report_verbs:
            return False
        return self._professional_named_last(unit, spans, m, mentions)

    def _professional_named_last(self, unit: TextUnit, spans: list[Span], m: CategoryMatch,
                                 mentions: Sequence[Mention]) -> bool:
        """Whether the person named last before the sentence holding ``m`` (in the sentence
        before it), with no private person and no relation word there, is a professional:
        the pronoun opening the sentence is that professional."""
        text = unit.text
        sentence = sentence_at(spans, m.start)
        k = next((i for i, s in enumerate(spans) if s.start == sentence.start), None)
        window = spans[k - 1].start if k else sentence.start
        before = [x for x in mentions if window <= x.start and x.end <= sentence.start]
        if not before:
            return False
        last = max(before, key=lambda x: x.start)
        if last.person.kind != Owner.PROFESSIONAL or any(
                x.person.kind == Owner.PRIVATE for x in before):
            return False
        # no relative anywhere in the sentence before ("Moren ringede til psykolog Tine
        # Holst. Hun beskriver …": "hun" may be the mother)
        said = (w.group().lower() for w in _WORD.finditer(text, window, sentence.start))
        return not any(in_genitive(w, self.relations) for w in said)

    def _someone_else(self, unit: TextUnit, spans: list[Span], m: CategoryMatch,
                      mentions: Sequence[Mention], other_pronoun: str | None = None
                      ) -> str | None:
        """The relative or private person whose § 10 data the term is (the subject of its
        clause: "Hans mor har kræft", or the pronoun that cannot mean the client: "hvor hun
        bor pga. demens" of a man), or None when it is the client's
        (:func:`~gldocs.redact.subject.third_person_subject`)."""
        sentence = sentence_at(spans, m.start)
        names = [(x.start, x.end, x.text) for x in mentions
                 if x.person.kind == Owner.PRIVATE and sentence.start <= x.start < m.start]
        return third_person_subject(unit.text, sentence, m.start, self.relations,
                                    self.clause_words, names, other_pronoun)

    def _client_subject(self, unit: TextUnit, spans: list[Span], m: CategoryMatch,
                        mentions: Sequence[Mention]) -> bool:
        """Whether the client, by name, is the subject of the clause holding ``m`` ("Lasse
        blev ramt af en bom og fik hjernerystelse"; not "Chaufføren fik en flænge", nor a
        pronoun: "han" may be the victim too)."""
        sentence = sentence_at(spans, m.start)
        names = [(x.start, x.end, x.text) for x in mentions
                 if x.person.kind == Owner.CLIENT and sentence.start <= x.start < m.start]
        return bool(names) and third_person_subject(
            unit.text, sentence, m.start, frozenset(), self.clause_words, names) is not None

    def _private_record(self, unit: TextUnit, spans: list[Span], m: CategoryMatch,
                        cat_name: str, mentions: Sequence[Mention],
                        other_pronoun: str | None = None) -> list[Finding]:
        """A private person's own case or sentence, with the person named as the subject
        just before the term ("Lasse afsoner selv en dom", "Brian, er kendt af os fra en
        børnesag"): the predicate goes. Only when nothing but adverbs, verbs and an
        apposition's comma stands between (no other subject, no "og"): the client's own
        record is never taken for a relative's. The same when the subject is the pronoun
        of the other gender than the client's (``other_pronoun``: "Han fik 60 dages
        fængsel for vold mod hende" in a woman's plan)."""
        sentence = sentence_at(spans, m.start)
        # (a person named as the statement's source is no subject: "… er ifølge Brian
        # tidligere dømt")
        source = self._source_before
        before = [x for x in mentions if sentence.start <= x.start and x.end <= m.start
                  and not source.search(unit.text, max(0, x.start - 20), x.start)]
        if not before or before[-1].person.kind != Owner.PRIVATE:
            return self._other_gender_record(unit, sentence, m, cat_name, other_pronoun) \
                if other_pronoun and not before else []
        x = before[-1]
        gap_start = x.end + _nickname_close(unit.text, before, x.end, self._nickname_open)
        gap = unit.text[gap_start:m.start]
        words = re.findall(r"[\wæøåÆØÅ]+", gap.lower())
        relative = self._relative.subject(gap)
        # (the private person named last opens the clause before the semicolon: "Vang,
        # Tina oplyser, at stedfar Jimmi Korsholm er flyttet ind; han har …")
        pronoun = self._pronoun_subject(unit.text, sentence, x, unit.text[x.end:m.start],
                                        mentions)
        if relative is not None:
            start = gap_start + relative
        elif pronoun is not None:
            start = pronoun
        elif len(words) > 8 or re.search(r"[.;:!?()]", gap) or any(
                w in self.clause_words.other_subject for w in words):
            # (not the named person's; the pronoun that cannot mean the client may open
            # the term's clause: "… til fru Holm som anstrengt, fordi hun selv har en dom")
            return self._other_gender_record(unit, sentence, m, cat_name, other_pronoun) \
                if other_pronoun else []
        else:
            start = gap_start + len(gap) - len(gap.lstrip(" \t,"))
        cat = self.policy.categories[cat_name]
        # scope "term": from the subject to the end of the term ("der er uddannet
        # sygeplejerske"), the clauses after it stay; otherwise the whole predicate
        span = Span(start, m.end) if cat.scope == "term" else \
            predicate_span(unit.text, sentence, start, self.clause_words)
        rule = self.policy.rule(cat.rule)
        what = cat.explanation or cat_name
        why = (f"'{m.text}' står om privatpersonen {x.person.name} ({what}); "
               f"{rule.title.lower()} ({cat.rule}).")
        return [self.make(unit, span.start, span.end, rule=cat.rule, detector="lexicon",
                          entity=cat_name.upper(), score=0.85, action=rule.action,
                          marker=cat.marker or None, explanation=why)]

    def _other_gender_record(self, unit: TextUnit, sentence: Span, m: CategoryMatch,
                             cat_name: str, pronoun: str) -> list[Finding]:
        """The record term ``m`` in a clause whose subject is ``pronoun``, which cannot be
        the client: first in the sentence or right after its first finite verb ("Han fik i
        2024 …", "I 2024 fik han …"), with no clause break between it and the term."""
        text = unit.text
        words = list(_WORD.finditer(text, sentence.start, m.start))
        cw = self.clause_words
        subject = None
        if words and words[0].group().lower() == pronoun:
            subject = words[0]
        else:
            for k, w in enumerate(words[:4]):
                if w.group().lower() in cw.finite_verbs:
                    if k + 1 < len(words) and words[k + 1].group().lower() == pronoun:
                        subject = words[k + 1]
                    break
        if subject is None:
            # the subject of a clause inside the sentence: "…, bl.a. fordi hun selv har en
            # betinget dom for hæleri" (the pronoun right after a conjunction)
            subject = next((w for k, w in reversed(list(enumerate(words)))
                            if k > 0 and w.group().lower() == pronoun
                            and (words[k - 1].group().lower() in cw.subordinators
                                 or words[k - 1].group().lower() in cw.coordinators)), None)
        if subject is None:
            return []
        gap = text[subject.end():m.start]
        if re.search(r"[,;:()]", gap) or any(
                w.lower() in cw.coordinators or w.lower() in cw.subordinators
                for w in re.findall(r"[\wæøåÆØÅ]+", gap)):
            return []
        cat = self.policy.categories[cat_name]
        start = subject.end() + len(gap) - len(gap.lstrip())
        span = Span(start, m.end) if cat.scope == "term" else \
            predicate_span(text, sentence, start, cw)
        rule = self.policy.rule(cat.rule)
        why = (f"'{m.text}' står om en anden end klienten: '{subject.group()}' kan ikke "
               f"være klienten efter CPR-nummeret ({cat.explanation or cat_name}); "
               f"{rule.title.lower()} ({cat.rule}).")
        return [self.make(unit, span.start, span.end, rule=cat.rule, detector="lexicon",
                          entity=cat_name.upper(), score=0.8, action=rule.action,
                          marker=cat.marker or None, explanation=why)]

    def _pronoun_subject(self, text: str, sentence: Span, x: Mention, gap: str,
                         mentions: Sequence[Mention]) -> int | None:
        """Where "han"/"hun" opens the clause after a semicolon that holds the record term,
        when the private person ``x`` opened the clause before it ("Hans storebror, Tariq
        Chaudhry, sender ham penge; han har tidligere været dømt for …"): the pronoun is
        that person. None otherwise (the client, or anybody else, may be meant)."""
        m = _SEMICOLON_PRONOUN.match(gap)
        if m is None:
            # "Patrick fortalte om Kevin: Han havde været i metadonbehandling …": what is
            # told about the person named right before the colon is that person's
            about = _ABOUT_COLON_PRONOUN.match(gap)
            if about is None or not _ABOUT_BEFORE.search(text[sentence.start:x.start]):
                return None
            after = re.findall(r"[\wæøåÆØÅ]+", about.group("b").lower())
            if len(after) > 8 or any(w in self.clause_words.other_subject for w in after):
                return None
            if any(x.end <= o.start < x.end + about.start("p") and o.person is not x.person
                   for o in mentions):
                return None
            return x.end + about.start("p")
        after = re.findall(r"[\wæøåÆØÅ]+", m.group("b").lower())
        if len(after) > 8 or any(w in self.clause_words.other_subject for w in after):
            return None
        # the words that open the clause of ``x`` (after a comma, a table's bar or "at":
        # "Moren oplyser, at stedfar Jimmi Korsholm er flyttet ind; han har …")
        clause = _CLAUSE_OPENING.split(text[sentence.start:x.start])[-1]
        opening = re.findall(r"[\wæøåÆØÅ]+", clause.lower())
        if len(opening) > 3 or any(w in ("han", "hun", "klienten") for w in opening):
            return None
        if any(x.start - len(clause) <= o.start < x.start and o.person.kind != Owner.PRIVATE
               for o in mentions):
            return None  # the client or a professional opens the clause: "Kasper ringer til …"
        semicolon = x.end + m.start("p")
        if any(x.end <= o.start < semicolon and o.person is not x.person
               and o.person.kind != Owner.PRIVATE for o in mentions):
            return None  # the client or a professional named in the clause before
        return semicolon

    def _category_spans(self, text: str, spans: list[Span], m: CategoryMatch, cat: CategorySpec,
                        keep: bool, det: UnitDetections, names: Sequence[str],
                        areas: Sequence[str]) -> list[tuple[Span, bool]]:
        """What a category term takes: itself (``term``), its line, or its sentence; a
        list item only where the list also holds kept terms; for ``clause`` scope the
        clauses of its sentence that state no goal (:mod:`gldocs.redact.clauses`).
        Each span with whether it is a clause."""
        if cat.scope == "term":
            return [(Span(m.start, m.end), False)]
        if cat.scope == "line":
            return [(Span(0, len(text)), False)]
        span = sentence_at(spans, m.start)
        if span.end <= span.start:
            return [(Span(m.start, m.end), False)]
        if keep:
            return [(span, False)]
        if self._holds_kept(text, span, det, names, areas, cat.rule):
            # a list that mixes what stays and what goes ("Diagnoser: Alkohol-
            # afhængighed (DF10.2), Type 2-diabetes (DM2), KOL"): only the item goes
            return [(_list_item(text, span, m.start, m.end) or span, False)]
        if cat.scope == "clause":
            # a remark in brackets is a clause of its own: "Indsat: 22. september 2025
            # (gravid i 7. måned)" keeps its date
            remark = bracketed_remark(text, span, m.start, m.end)
            if remark is not None:
                return [(remark, True)]
            # "Han er medlem af 3F og ønsker en læreplads": the goal stays (the whole
            # sentence when its clauses are unclear)
            parts = clauses_to_remove(text, span, m.start, m.end, self.clause_words)
            if parts:
                return [(p, True) for p in parts]
        return [(span, False)]

    def _holds_kept(self, text: str, span: Span, det: UnitDetections, names: Sequence[str],
                    areas: Sequence[str], rule: str) -> bool:
        """Whether the sentence is a list holding a term of a category kept for ``areas``
        whose rule is ``rule`` (the removed term's rule): "Diagnoser: KOL, type 2-diabetes"
        mixes § 10 items, but a search that found hash ("Ved visitation blev der fundet hash,
        piller og en kniv") is a security incident told in one sentence, not a list."""
        if len(_separators(text, span.start, span.end)) < 2:
            return False
        for c in names:
            kept = self.policy.categories[c]
            if kept.rule != rule:
                continue  # a list mixes items of one kind; a narrative goes whole
            if set(kept.keep_if_areas) & set(areas) and any(
                    span.start <= m.start < span.end for m in det.categories.get(c, ())):
                return True
        return False

    def _protected(self, unit: TextUnit, det: UnitDetections) -> list[Finding]:
        """Keep findings for protected text (policy ``protect``): no category counts there."""
        out = []
        for protect_name, a, b in det.protected:
            spec = self.policy.protect[protect_name]
            rule = self.policy.rule(spec.rule)
            out.append(self.make(unit, a, b, rule=spec.rule, detector="pattern",
                                 entity="PROTECTED", score=0.9, action="keep",
                                 explanation=f"{spec.explanation or rule.title} ({spec.rule})."))
        return out

    # -- section rules --------------------------------------------------------------------
    def spread(self, unit: TextUnit, spans: list[Span], cat_findings: list[Finding],
               block: HeadingBlock | None = None) -> list[Finding]:
        """A paragraph that is mostly removed goes entirely (a heading block's spread rule
        applies inside the block)."""
        spec = self.policy.section(unit.section)
        ratio, rid = spec.spread_ratio, spec.spread_rule
        if block is not None and block.spread_ratio is not None:
            ratio, rid = block.spread_ratio, block.spread_rule
        if ratio is None or rid is None or len(spans) < 2:
            return []
        removed = {(f.start, f.end) for f in cat_findings if f.action == "remove"}
        # a clause removed under a category counts for its sentence (it used to take it)
        clauses = [(f.start, f.end) for f in cat_findings if f.action == "remove"
                   and self._scope(f.entity) == "clause"]
        hit = [s for s in spans if (s.start, s.end) in removed
               or any(s.start <= a and b <= s.end for a, b in clauses)]
        if len(hit) / len(spans) < ratio:
            return []
        rule = self.policy.rule(rid)
        why = (f"Resten af et afsnit, hvor {len(hit)} af {len(spans)} sætninger er fjernet "
               f"(afsnitsregel for {unit.section}); {rule.title.lower()} ({rid}).")
        return [self.make(unit, s.start, s.end, rule=rid, detector="section", entity="SECTION",
                          score=0.7, action="remove", explanation=why)
                for s in spans if (s.start, s.end) not in removed
                and not self._decided_in_part(s, cat_findings)]

    def spread_blocks(self, units: Sequence[TextUnit], blocks: Sequence[HeadingBlock | None],
                      read: dict[str, tuple[list[Span], list[Finding]]]) -> list[Finding]:
        """A heading block over several lines (a text file's or a PDF's lines, one unit
        each: "0033  01.12.2025  Om dommen." and the lines below it) that is mostly removed
        goes entirely, as :meth:`spread` does inside one paragraph. ``read``: each unit's
        sentences and category findings."""
        out: list[Finding] = []
        run: list[TextUnit] = []
        current: HeadingBlock | None = None

        def close() -> None:
            if current is not None and len(run) > 1 and current.spread_ratio is not None \
                    and current.spread_rule is not None:
                out.extend(self._spread_run(run, current, read))
            run.clear()

        for unit, block in zip(units, blocks, strict=True):
            if block is None or block is not current or unit.path not in read:
                close()
                current = block
            if block is not None and unit.path in read:
                run.append(unit)
        close()
        return out

    def _spread_run(self, run: list[TextUnit], block: HeadingBlock,
                    read: dict[str, tuple[list[Span], list[Finding]]]) -> list[Finding]:
        sentences_: list[tuple[TextUnit, Span, bool]] = []
        for unit in run:
            spans, cat_findings = read[unit.path]
            removed = {(f.start, f.end) for f in cat_findings if f.action == "remove"}
            clauses = [(f.start, f.end) for f in cat_findings if f.action == "remove"
                       and self._scope(f.entity) == "clause"]
            sentences_ += [(unit, sp, (sp.start, sp.end) in removed
                            or any(sp.start <= a and b <= sp.end for a, b in clauses))
                           for sp in spans]
        hit = sum(1 for _, _, h in sentences_ if h)
        if len(sentences_) < 2 or hit / len(sentences_) < (block.spread_ratio or 1.0) \
                or block.spread_rule is None:
            return []
        rid = block.spread_rule
        rule = self.policy.rule(rid)
        why = (f"Resten af et afsnit under en overskrift om handlingen, hvor {hit} af "
               f"{len(sentences_)} sætninger er fjernet; {rule.title.lower()} ({rid}).")
        return [self.make(unit, sp.start, sp.end, rule=rid, detector="section",
                          entity="SECTION", score=0.7, action="remove", explanation=why)
                for unit, sp, h in sentences_
                if not h and not self._decided_in_part(sp, read[unit.path][1])
                and not any(f.action == "keep" and f.start < sp.end and sp.start < f.end
                            for f in read[unit.path][1])]  # (the judgment, K6, stays)

    def _decided_in_part(self, s: Span, cat_findings: list[Finding]) -> bool:
        """Whether a category already decided part by part what of sentence ``s`` stays:
        a term kept for a koordineringsområde (K7, K4) or a clause or list item removed
        with the rest kept on purpose. The spread rule leaves such a sentence alone."""
        for f in cat_findings:
            if not (s.start <= f.start and f.end <= s.end) or \
                    self.policy.categories.get(f.entity.lower()) is None:
                continue
            if f.action == "keep" or (f.start, f.end) != (s.start, s.end):
                return True
        return False

    def _scope(self, entity: str) -> str | None:
        """The scope of the category a finding's entity names (None: no category)."""
        cat = self.policy.categories.get(entity.lower())
        return cat.scope if cat is not None else None

    def remove_all(self, unit: TextUnit, det: UnitDetections) -> list[Finding]:
        """Every sentence of a part the policy never sends (the section recognizer's)."""
        rid = self.policy.section(unit.section).remove_all
        if not rid:
            return []
        return [self.make(unit, a, b, rule=rid, detector="section", entity="SECTION",
                          score=0.9, action="remove",
                          explanation=f"Afsnitsregel: delen '{unit.section}' videregives "
                                      f"ikke ({rid}).")
                for a, b in det.section_all]

    def deny(self, unit: TextUnit, det: UnitDetections) -> list[Finding]:
        return [self.make(unit, a, b, rule=self.policy.deny_rule, detector="lexicon",
                          entity="DENY", score=1.0, action="remove",
                          explanation="Står på politikkens sortliste.")
                for a, b in det.deny]

    # -- persons --------------------------------------------------------------------------
    def role_between(self, text: str) -> str | None:
        """The role of a private-person word in ``text`` (moren, kæresten …), if any."""
        return self.classifier.role_in(text)

    def _allowed(self, text: str) -> bool:
        """Whether ``text`` (or the name it is a form of) is on the policy's allow list."""
        return any(in_genitive(text.lower(), (a,)) for a in self.allow)

    def _private_person_rule(self) -> tuple[str, bool]:
        """The rule a private person's name falls under (the policy's ``entities.PERSON``
        rule, else its deny rule) and whether that rule keeps it."""
        spec = self.policy.entities.get("PERSON")
        rid = spec.rule if spec else self.policy.deny_rule
        return rid, self.policy.rule(rid).action == "keep"

    def persons(self, unit: TextUnit, mentions: list[Mention]) -> list[Finding]:
        policy = self.policy
        spec = policy.entities.get("PERSON")
        out = []
        quoted: list[tuple[int, int]] | None = None
        for m in mentions:
            p = m.person
            if p.kind == Owner.PROFESSIONAL and not p.office:
                # a name shown only by a greeting or a closing ("Mvh Sanne Mølbak") that
                # signs a quoted message (a parent's post, a text message): its writer, no
                # professional in office; removed and flagged
                if quoted is None:
                    quoted = [q.span() for q in _QUOTED_MESSAGE.finditer(unit.text)]
                if any(a <= m.start and m.end <= b for a, b in quoted):
                    rid, keep = self._private_person_rule()
                    out.append(self.make(
                        unit, m.start, m.end, rule=rid, detector="case", entity="PERSON",
                        score=UNCLEAR, marker="" if keep else policy.role_marker(
                            policy.default_role),
                        explanation=f"Navnet underskriver en citeret besked uden titel eller "
                                    f"myndighed: skribenten, ejer uklar (fjernet, gennemse) "
                                    f"({rid})."))
                    continue
            if p.kind == Owner.PRIVATE:
                if self._allowed(m.text):
                    continue  # on the policy's allow list: never removed
                rid, keep = self._private_person_rule()
                rule = policy.rule(rid)
                why = (f"Privatperson ({'; '.join(p.reasons)}); "
                       f"{rule.title.lower()} ({rid}).")
                out.append(self.make(unit, self._courtesy_start(unit.text, m.start), m.end,
                                     rule=rid,
                                     detector="ner" if "ner" in p.detectors else "case",
                                     entity="PERSON", score=p.score, explanation=why,
                                     marker="" if keep else policy.role_marker(
                                         p.role or policy.default_role)))
            else:
                # (every policy names both rules: the policy check says so)
                rid = ((spec.client_rule if p.kind == Owner.CLIENT else spec.professional_rule)
                       if spec else None) or ""
                who = "klienten" if p.kind == Owner.CLIENT else "fagperson i embeds medfør"
                out.append(self.make(unit, m.start, m.end, rule=rid, detector="case",
                                     entity="PERSON", score=1.0, action="keep",
                                     explanation=f"Navnet tilhører {who} ({rid})."))
        return out

    def contact_authority(self, unit: TextUnit) -> list[Finding]:
        """The public authority a contact line opens with, in the Samarbejdspartnere part or
        under an authority's or a title's key ("Midt- og Vestjyllands Politi:
        politiassistent …", "- Hjemrejsestyrelsen (ved stadfæstelse)", "| Gældsstyrelsen |
        …"): a partner in office, kept (K3) even where the line is removed for its content
        (:func:`~gldocs.redact.contacts.keep_professional_names` cuts around it)."""
        text = unit.text
        if unit.section not in COORDINATION_SECTIONS and \
                not self.classifier.line_is_contact(text):
            return []
        m = self._line_opening.match(text)
        if m is None or not self._public_authority(m.group("name")):
            return []
        spec = self.policy.entities.get("PERSON")
        rid = spec.professional_rule if spec else None
        if not rid:
            return []
        return [self.make(unit, m.start("name"), m.end("name"), rule=rid, detector="case",
                          entity=AUTHORITY, score=1.0, action="keep",
                          explanation=f"Myndigheden står som samarbejdspartner ({rid}).")]

    def _public_authority(self, name: str) -> bool:
        """A name with a public authority's word or ending ("Aarhus Kommune", "Østjyllands
        Politi", "Hjemrejsestyrelsen"; a genitive -s taken off)."""
        words = [w.lower() for w in re.findall(r"[\wæøåÆØÅ\-]+", name)]
        return any(w in self._authorities or genitive_stem(w) in self._authorities
                   or w.endswith(self._authority_endings) for w in words)

    def _courtesy_start(self, text: str, start: int) -> int:
        """Where a private person's mention starts with the courtesy title right before it
        ("Frau Brodersen", "hr. Mikkelsen": the title goes with the name)."""
        m = re.search(r"(?<![\w.])([^\W\d_]{2,9})\.?[ \t]+$", text[max(0, start - 14):start])
        if m is None or m.group(1).lower() not in self._courtesy:
            return start
        return start - len(m.group(0))

    @cached_property
    def _payment_labels(self) -> re.Pattern[str] | None:
        """The policy's payment-app names (``entities.PAYMENT.labels``) with what may stand
        between one and its number: "MobilePay-nummer er", "Swish til", "PayPal:"."""
        spec = self.policy.entities.get(PAYMENT)
        if spec is None or not spec.labels:
            return None
        names = "|".join(re.escape(w) for w in sorted(spec.labels, key=len, reverse=True))
        words = self._identifier_words
        return re.compile(
            rf"(?<![\w@.])(?:{names})(?:-?(?:{words.alternation('payment_label_suffixes')}))?"
            rf"[ \t]*(?:(?::|{words.alternation('payment_label_links')})[ \t]*){{0,3}}$",
            re.IGNORECASE)

    def _payment_label(self, text: str, start: int) -> int | None:
        """Where a payment app's label right before ``start`` begins, if one stands there."""
        pattern = self._payment_labels
        if pattern is None:
            return None
        m = pattern.search(text, max(0, start - 40), start)
        return m.start() if m else None

    @cached_property
    def _courtesy(self) -> frozenset[str]:
        """The one-word weak cues of the policy's roles (hr, fru, Frau, Mrs …)."""
        return frozenset(w for w in self.classifier.weak_cues if " " not in w)

    def role_sentences(self, unit: TextUnit, spans: list[Span],
                       mentions: list[Mention]) -> list[Finding]:
        """A sentence naming a private person whose role has a ``sentence_rule`` (a victim,
        a co-offender) goes under that rule."""
        out = []
        done: set[tuple[int, int]] = set()
        for m in mentions:
            if m.person.kind != Owner.PRIVATE:
                continue
            role = self.policy.roles.get(m.person.role or "")
            if role is None or role.sentence_rule is None:
                continue
            s = sentence_at(spans, m.start)
            if s.end <= s.start or (s.start, s.end) in done:
                continue
            if self._creditor_before.search(unit.text, s.start, m.start):
                # "gæld på 112.000 kr., bl.a. erstatning til forurettede (X)": the client's
                # debt to the victim (K4 økonomi), no narrative of the act; the name goes
                continue
            done.add((s.start, s.end))
            rid = role.sentence_rule
            rule = self.policy.rule(rid)
            out.append(self.make(unit, s.start, s.end, rule=rid, detector="case", entity="ROLE",
                                 score=0.8,
                                 explanation=f"Sætningen nævner {role.marker} {m.person.name}; "
                                             f"{rule.title.lower()} ({rid})."))
        return out

    def script_names(self, unit: TextUnit, mentions: list[Mention]) -> list[Finding]:
        """A name in its own script: "Zhao Lanfang (赵兰芳)" is the person named before
        it (the client's stays); a run of two to four Han or Hangul characters elsewhere is
        a name until shown otherwise (removed and flagged for review)."""
        policy = self.policy
        rid, keep = self._private_person_rule()
        out: list[Finding] = []
        owners = {}
        for x in mentions:
            after = _SCRIPT_AFTER.match(unit.text, x.end)
            if after:
                owners[after.start(1)] = x.person
        kept = {t for x in mentions if x.person.kind != Owner.PRIVATE for t in x.person.tokens}
        spread: set[str] = set()
        for hit in _SCRIPT_NAME.finditer(unit.text):
            person = owners.get(hit.start())
            if person is None:
                # (a mention may take its script form along: "Liang Haoran (梁浩然)")
                person = next((x.person for x in mentions
                               if x.start <= hit.start() and hit.end() <= x.end), None)
            if person is not None and person.kind != Owner.PRIVATE:
                continue  # the client's or a professional's own name in their script
            if person is None and not _HAN_NAME.fullmatch(hit.group(0)):
                continue  # another script with no name before it: the other rules decide
            role = person.role if person is not None else ""
            latin = _LATIN_AFTER.match(unit.text, hit.end()) if person is None else None
            if latin is not None:
                # "梁国栋 (Liang Guodong)": the same name in Latin letters goes with it, and
                # its words the client's name does not hold go wherever they stand
                # ("Xiaowen har tilbudt …")
                out.append(self.make(
                    unit, latin.start(1), latin.end(1), rule=rid, detector="case",
                    entity="PERSON", score=0.85,
                    marker="" if keep else policy.role_marker(policy.default_role),
                    explanation=f"Navnet med latinske bogstaver efter {hit.group(0)} ({rid})."))
                spread |= {w for w in latin.group(1).replace("-", " ").split() if w not in kept}
            out.append(self.make(
                unit, hit.start(), hit.end(), rule=rid, detector="case", entity="PERSON",
                score=0.9 if person is not None else UNCLEAR,  # unowned: flagged
                marker="" if keep else policy.role_marker(role or policy.default_role),
                explanation=(f"Navnet skrevet med egne tegn (privatperson {person.name}) "
                             f"({rid})." if person is not None else
                             "Kinesiske/koreanske tegn som et navn (ejer uklar: "
                             f"{'bevaret' if keep else 'fjernet'}, gennemse) ({rid}).")))
        taken = [(f.start, f.end) for f in out]
        for word in sorted(spread):
            for m in re.finditer(rf"(?<![\w\-]){re.escape(word)}(?![\w\-])", unit.text):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    out.append(self.make(
                        unit, m.start(), m.end(), rule=rid, detector="case", entity="PERSON",
                        score=0.85, marker="" if keep else policy.role_marker(
                            policy.default_role),
                        explanation=f"Navnet '{word}' er en privatpersons ({rid})."))
        return out

    def message_senders(self, unit: TextUnit, mentions: list[Mention],
                        kept_label: Callable[[str], bool]) -> list[Finding]:
        """The sender of a message in a phone's export ("[30.10.26 23:51] Dealer J: yo"): a
        contact as the phone saved it, a private person unless the label names the client
        or a professional (a mention of theirs, ``kept_label``: their name's words, an
        authority's or organisation's word, a title: "Jobcenter Mette"). Only lines whose
        time stamp holds a date (a phone's message export); a meeting's chat with times
        alone ("[10:01] Mikkel Brandt:") is left to the name rules."""
        if "[" not in unit.text:
            return []
        rid, keep = self._private_person_rule()
        out: list[Finding] = []
        for m in _MESSAGE_LINE.finditer(unit.text):
            a, b = m.span("label")
            if any(x.start < b and a < x.end and x.person.kind != Owner.PRIVATE
                   for x in mentions) or kept_label(m.group("label")):
                continue
            out.append(self.make(
                unit, a, b, rule=rid, detector="case", entity="PERSON", score=0.8,
                marker="" if keep else self.policy.role_marker(self.policy.default_role),
                explanation=f"Afsenderen '{m.group('label')}' i en eksporteret beskedtråd er "
                            f"ikke klienten eller en fagperson ({rid})."))
        return out

    def sender_labels_elsewhere(self, units: Sequence[TextUnit], senders: Sequence[Finding],
                                findings: Sequence[Finding]) -> list[Finding]:
        """A message sender's label (:meth:`message_senders`) wherever else the document
        writes it ("Tobias oplyser, at "Dealer J" er en ældre bekendt"): the same person.
        A label the phone saved in small letters ("snuden") is also that person where the
        prose capitalises it (Afsender "Snuden" er hans fætter); a capitalised label's
        small-letter form is an ordinary word ("Moster" as a sender, "hans moster")."""
        labels: dict[str, Finding] = {}
        for f in senders:
            labels.setdefault(f.text, f)
            labels.setdefault(f.text[:1].upper() + f.text[1:], f)
        if not labels:
            return []
        rx = whole_word("|".join(re.escape(t) for t in sorted(labels, key=len, reverse=True)))
        taken: dict[str, list[tuple[int, int]]] = {}
        for f in findings:
            taken.setdefault(f.unit_path, []).append((f.start, f.end))
        out: list[Finding] = []
        for unit in units:
            spans = taken.get(unit.path, [])
            for m in rx.finditer(unit.text):
                if any(a < m.end() and m.start() < b for a, b in spans):
                    continue
                model = labels[m.group(0)]
                out.append(self.make(unit, m.start(), m.end(), rule=model.rule,
                                     detector="case", entity="PERSON", score=model.score,
                                     marker=model.marker, explanation=model.explanation))
        return out

    def family_names(self, unit: TextUnit, no_name: Callable[[str], bool]) -> list[Finding]:
        """A family by its name ("Kragh-familien", "familien Kragh"): relatives, private
        persons, even when the name is the client's own (the client's family is not the
        client): the compound goes, or the name after "familien"."""
        policy = self.policy
        role = next((n for n, r in policy.roles.items() if "familien" in r.cues),
                    policy.default_role)
        rid, keep = self._private_person_rule()
        out = []
        for m in self._family_name.finditer(unit.text):
            name = m.group("a") or m.group("b")
            if no_name(name):
                continue
            start, end = (m.start(), m.end()) if m.group("a") else (m.start("b"), m.end("b"))
            out.append(self.make(unit, start, end, rule=rid, detector="case", entity="PERSON",
                                 score=0.85, marker="" if keep else policy.role_marker(role),
                                 explanation="En familie ved navn: pårørende, privatpersoner "
                                             f"({rid})."))
        return out

    def private_places(self, unit: TextUnit, spans: list[Span], mentions: list[Mention],
                       is_place: Callable[[str], bool],
                       institution: Callable[[str], bool],
                       abroad: Callable[[str], bool],
                       other_pronoun: str | None = None) -> list[Finding]:
        """A child's school, a relative's nursing home, workplace or home abroad, by its
        name (:mod:`.private_places`): R1, with a marker naming the kind of place.
        ``other_pronoun``: the subject pronoun that cannot mean the client."""
        policy = self.policy
        private = [(m.start, m.end, m.person.role) for m in mentions
                   if m.person.kind == Owner.PRIVATE]

        def public(name: str) -> bool:
            words = [genitive_bases(w.lower())[-1] for w in re.findall(r"[\wæøåÆØÅ\-]+", name)]
            return (all(is_place(w) for w in name.split())
                    or any(w in self._authorities or w.endswith(self._authority_endings)
                           for w in (*words, *(x.lower() for x in name.split()))))

        out = []
        for p in private_places(unit.text, [(s.start, s.end) for s in spans], private,
                                self.role_between, public, institution, abroad,
                                self._address_words, other_pronoun):
            if p.kind not in policy.entities:
                continue
            rid = policy.entities[p.kind].rule
            what = _PLACE_NAMES_DA.get(p.kind, "sted")
            out.append(self.make(unit, p.start, p.end, rule=rid, detector="case",
                                 entity=p.kind, score=0.8,
                                 marker=policy.entity_marker(p.kind, p.role
                                                             or policy.default_role),
                                 explanation=f"{what}, der placerer en privatperson "
                                             f"({rid})."))
        return out

    def address_towns(self, units: Sequence[TextUnit], findings: Sequence[Finding],
                      is_place: Callable[[str], bool]) -> list[Finding]:
        """The town of a private person's removed address, where the document names it again
        ("anonym adresse Skovbrynet 7, 4560 Vig" … "6 km fra Vig"): a small town says where
        they live (R1, as their whereabouts). Not a municipality or large town of the
        place list (it says too little), nor a town of an address that stays (the
        client's or an authority's)."""
        policy = self.policy
        if "RESIDENCE" not in policy.entities:
            return []
        towns: dict[str, str] = {}  # town -> the owner's role
        kept: set[str] = set()
        # (a document protecting a private person from the client: her town, even a large
        # one, says where she lives)
        protected = any(self._protection.search(u.text) for u in units)
        for f in findings:
            if f.entity != "ADDRESS":
                continue
            m = _POSTAL_TOWN.search(f.text)
            if m is None:
                continue
            town = m.group("town")
            if f.action == "keep":
                kept.add(town)
            elif (not is_place(town) and not is_place(town.split()[0])) or (
                    protected and not self._seat_of_authority(units, town.split()[0])):
                # ("Aalborg Øst", "Aarhus C": a large town with its district stays too)
                towns.setdefault(town, next(
                    (r for r in policy.roles if policy.entity_marker("ADDRESS", r) == f.marker),
                    policy.default_role))
        towns = {t: r for t, r in towns.items() if t not in kept}
        if not towns:
            return []
        rx = re.compile(r"(?<![\w\-])(" + "|".join(
            re.escape(t) for t in sorted(towns, key=len, reverse=True)) + r")(?![\w\-])")
        spec = policy.entities["RESIDENCE"]
        taken: dict[str, list[tuple[int, int]]] = {}
        for f in findings:
            if f.action == "keep" and f.rule in _SENTENCE_KEEPS:
                continue  # (the town goes inside a kept clause: "opholdsforbud for Varde …")
            taken.setdefault(f.unit_path, []).append((f.start, f.end))
        out = []
        for unit in units:
            if not any(t in unit.text for t in towns):
                continue
            spans = taken.get(unit.path, [])
            for m in rx.finditer(unit.text):
                if any(a < m.end() and m.start() < b for a, b in spans):
                    continue
                role = towns[m.group(1)]
                out.append(self.make(unit, m.start(), m.end(), rule=spec.rule,
                                     detector="case", entity="RESIDENCE", score=0.8,
                                     marker=policy.entity_marker("RESIDENCE", role),
                                     explanation=f"Byen i en privatpersons fjernede adresse "
                                                 f"siger, hvor personen bor ({spec.rule})."))
        return out

    def _seat_of_authority(self, units: Sequence[TextUnit], town: str) -> bool:
        """Whether the document names ``town`` with an authority right before or after it
        ("Aarhus Kommune", "Jobcenter Aarhus", "Retten i Aarhus") in a unit that tells of no
        protection of a private person (not "opholdsforbud for Varde Kommune")."""
        rx = re.compile(rf"(?<![\w\-]){re.escape(town)}(?![\w\-])")
        for unit in units:
            if town not in unit.text or self._protection.search(unit.text):
                continue
            for m in rx.finditer(unit.text):
                near = re.findall(r"[\wæøåÆØÅ\-]+", unit.text[max(0, m.start() - 30):m.start()])
                near = [w.lower() for w in near[-2:]]
                after = re.match(r"[ \t]+([\wæøåÆØÅ\-]+)", unit.text[m.end():])
                if after:
                    near.append(after.group(1).lower())
                if any(w in self._authorities or w.endswith(self._authority_endings)
                       for w in near):
                    return True
        return False

    # -- patterns -------------------------------------------------------------------------
    def patterns(self, unit: TextUnit, patterns: list[PatternMatch], mentions: list[Mention],
                 ents: CaseEntities, record_people: Sequence[Mention],
                 in_signature: bool = False,
                 before: Sequence[tuple[str, Sequence[Mention]]] = ()) -> list[Finding]:
        """``before``: the lines of the unit's paragraph before it, with their people."""
        policy = self.policy
        out = []
        for pm in patterns:
            who = owner_of(Evidence(pm, unit.text, unit.section, ents, self.classifier,
                                    mentions, record_people, in_signature,
                                    self.role_between, before))
            spec = policy.entities.get(pm.entity)
            if spec is None:
                continue
            marker: str | None
            action: Action
            if who.owner == Owner.CLIENT and spec.client_rule:
                rid, action, marker = spec.client_rule, "keep", ""
            elif who.owner == Owner.PROFESSIONAL and spec.professional_rule:
                rid, action, marker = spec.professional_rule, "keep", ""
            else:
                rid = spec.rule
                action = policy.rule(rid).action
                role = who.role if who.owner == Owner.PRIVATE else ""
                marker = policy.entity_marker(pm.entity, role or policy.default_role)
            what = ENTITY_NAMES_DA.get(pm.entity, pm.entity)
            start = pm.start
            if pm.entity == "ADDRESS" and action == "remove":
                start = _street_name_start(unit.text, pm.start, self._street_stop,
                                           self._street_lead)
            elif action == "remove" and (label := self._payment_label(unit.text, pm.start)):
                # "MobilePay 31 22 40 19", "PayPal: x@y": the app's name and the number are
                # one finding, and the marker says what it was ("[pårørendes betalingskonto]")
                start = label
                role = who.role if who.owner == Owner.PRIVATE else ""
                marker = policy.entity_marker(PAYMENT, role or policy.default_role)
            out.append(self.make(unit, start, pm.end, rule=rid, detector="pattern",
                                 entity=pm.entity, score=round(min(pm.score, who.score), 2),
                                 action=action, marker=marker,
                                 explanation=f"{what[:1].upper()}{what[1:]} {who.reason} "
                                             f"({rid})."))
        return out


# a form's unticked box and its label, up to the next box, a tab, a cell's bar or the line's
# end, at most four words ("[ ] misbrug", "☐ psykisk helbred")
_UNTICKED_OPTION = re.compile(
    r"(?:\[[ \t]?\]|[☐□])[ \t]*([^\W\d_][^\[\]☐□☒☑\t|,;.:]{0,38}?)"
    r"(?=[ \t]*(?:\[[ xX✓✗]?\]|[☐□☒☑]|\t|\||$))")

def _remark_of_client_name(text: str, m: CategoryMatch,
                           mentions: Sequence[Mention]) -> Span | None:
    """The remark in brackets that holds the term ``m`` on a field line whose value before
    it is the client's name ("Registernavn: NGUYEN, Van Thanh (kaldenavn i afdelingen:
    Thanh)"): the remark goes, the client's own name stays (K1). None for any other line."""
    field = _FIELD_KEY.match(text)
    if field is None:
        return None
    opened = text.rfind("(", field.end(), m.start)
    closed = text.find(")", m.end)
    if opened < 0 or closed < 0 or ")" in text[opened:m.start] or "(" in text[m.end:closed]:
        return None
    value = text[field.end():opened]
    if not value.strip() or not any(
            x.person.kind == Owner.CLIENT and field.end() <= x.start and x.end <= opened
            for x in mentions):
        return None
    # (nothing but the client's name before the remark: its words, commas and spaces)
    rest = list(value)
    for x in mentions:
        if x.person.kind == Owner.CLIENT and field.end() <= x.start and x.end <= opened:
            rest[x.start - field.end():x.end - field.end()] = [" "] * (x.end - x.start)
    if re.search(r"[^\s,]", "".join(rest)):
        return None
    return Span(opened, closed + 1)


_FIELD_KEY = re.compile(r"^[ \t]*[^\W\d_][\w .\-/]{0,38}:[ \t]*")

PAYMENT = "PAYMENT"  # the policy entity whose ``labels`` name payment apps
# "…, sender ham penge hver måned; han har tidligere været dømt for": the pronoun after a
# semicolon, and the words to the record term
_WORD = re.compile(r"[\wæøåÆØÅ]+")
# a capitalised word of letters right after a name, on its line ("Tina Lykke Præst")
_NAME_WORD_AFTER = re.compile(r" ([A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?)(?![\w\-])")
# the kept entity of an authority a contact line opens with (RuleStage.contact_authority)
AUTHORITY = "AUTHORITY"
# where the clause that a private person opens starts (_pronoun_subject)
_CLAUSE_OPENING = re.compile(r"[,;|]|(?<![\wæøå])(?:at|fordi|da|mens|og)(?![\wæøå])")
_SEMICOLON_PRONOUN = re.compile(r"^[^;.!?]*;[ \t]*(?P<p>[Hh]an|[Hh]un)[ \t]+(?P<b>[^;.!?]*)$")
# ... and the pronoun right after a colon that follows "om <name>" ("fortalte om Kevin: Han
# havde …"); up to two words between "om" and the name ("om sin bror Kevin")
_ABOUT_COLON_PRONOUN = re.compile(r"^[ \t]*:[ \t]*(?P<p>[Hh]an|[Hh]un)[ \t]+(?P<b>[^;:.!?]*)$")
_ABOUT_BEFORE = re.compile(r"(?:^|[ \t])[Oo]m(?:[ \t]+[\wæøåÆØÅ\-]+){0,2}[ \t]+$")
# a name in a non-Latin script (Han, Hangul, kana, Arabic, Cyrillic, Greek, Hebrew)
_SCRIPT = "\u4e00-\u9fff\u3400-\u4dbf\uac00-\ud7af\u3040-\u30ff\u0600-\u06ff\u0400-\u04ff" \
          "\u0370-\u03ff\u0590-\u05ff"
_SCRIPT_NAME = re.compile(rf"[{_SCRIPT}](?:[{_SCRIPT}·・ ]*[{_SCRIPT}])?")
_SCRIPT_AFTER = re.compile(rf"[ \t]*[(\[（][ \t]*([{_SCRIPT}][{_SCRIPT}·・ ]*)[ \t]*[)\]）]")
_HAN_NAME = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\uac00-\ud7af]{2,4}")
# a line of a phone's message export: a time stamp with a date in square brackets, the
# sender's label and a colon ("[30.10.26 23:51] Dealer J: …")
_MESSAGE_LINE = re.compile(
    r"^[ \t]*\[[ \t]*\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?,?[ \t]+\d{1,2}[:.]\d{2}"
    r"(?::\d{2})?[ \t]*\][ \t]*(?P<label>[^\s:\[\]][^:\n\[\]]{0,30}?)[ \t]*:[ \t]",
    re.MULTILINE)
# a quoted message ("… Mvh Sanne Mølbak")
_QUOTED_MESSAGE = re.compile(r"[\"“„«][^\"“”„«»\n]{1,800}[\"”»]")
# the same name in Latin letters in brackets after it ("梁国栋 (Liang Guodong)")
_LATIN_AFTER = re.compile(r"[ \t]*[(\[（][ \t]*([A-Z][a-zà-ÿ]+(?:[ \-][A-Z][a-zà-ÿ]+){0,3})"
                          r"[ \t]*[)\]）]")


_NICKNAME_WORDS = re.compile(r"[^\W\d_][\w\-]*(?:[ \t]+[^\W\d_][\w\-]*){0,2}")
_NICKNAME_CLOSE = re.compile(r"[\"“”'’«»]*\)")


def _nickname_close(text: str, before: Sequence[Mention], end: int,
                    opening: re.Pattern[str]) -> int:
    """How many characters after ``end`` close a nickname in brackets right after the
    same private person's name ("Tobias ("Tobbe") afsoner selv …", "René (kaldet "Dolle")
    er …": the quote and the bracket; ``opening``: the bracket, a cue word and a quote
    before the nickname), so that the name stays the subject of what follows; 0
    otherwise."""
    if before and before[-1].end == end and before[-1].person.kind == Owner.PRIVATE:
        # the nickname no name finder took ("René Bach (kaldet "Dolle") er …")
        opened = opening.match(text, end)
        word = _NICKNAME_WORDS.match(text, opened.end()) if opened else None
        shut = _NICKNAME_CLOSE.match(text, word.end()) if word else None
        if shut is not None and word is not None and "(" in text[end:word.end()]:
            return shut.end() - end
    close = _NICKNAME_CLOSE.match(text, end)
    if close is None or len(before) < 2:
        return 0
    name, nick = before[-2], before[-1]
    if name.person.kind != Owner.PRIVATE or opening.fullmatch(
            text, name.end, nick.start) is None:
        return 0
    return close.end() - end


def _family_name_pattern(group_words: str, compound_words: str) -> re.Pattern[str]:
    """A family by its name: "Kragh-familien", "Al-Sayed-familien", "Lunde-drengen" (a
    compound word, ``compound_words``), or a family or group word (``group_words``: the
    policy's person words, alternations) before the name: "familien Kragh", "brødrene
    Kragh", "ægteparret Kragh"."""
    return required_gate(re.compile(
        r"(?<![\w@.\-])(?P<a>[A-ZÆØÅ][\wæøåÆØÅ]{2,}(?:-[A-ZÆØÅ][\wæøåÆØÅ]{1,})?)"
        rf"-(?i:{compound_words})"
        rf"(?![\w\-])|(?<![\w\-])(?i:{group_words})"
        r"[ \t]+(?P<b>[A-ZÆØÅ][\wæøåÆØÅ]{2,})(?![\w\-])"))


def _creditor_before(words: WordLists) -> re.Pattern[str]:
    """The client's debt to a victim right before the victim's mention: "erstatning til
    forurettede (Elgiganten)", "erstatningskrav fra forurettede", "skylder forurettede" (the
    policy's ownership words ``compensation_words``, ``victim_words``, ``debt_verbs``)."""
    victim = rf"(?:{words.alternation('victim_words')})\s*\(?\s*"
    return re.compile(
        rf"\b(?:{words.alternation('compensation_words')})\s+(?:til|fra)\s+"
        rf"(?:(?:den\s+|de\s+)?{victim})?$|\b(?:{words.alternation('debt_verbs')})\s+"
        rf"(?:{victim})?$", re.IGNORECASE)


# the town after the postal code at the end of an address ("Skovbrynet 7, 4560 Vig")
def _opens_with(text: str, sentence: Span, word: str) -> bool:
    """Whether ``sentence`` of ``text`` opens with ``word`` (any case)."""
    first = _WORD.search(text, sentence.start, sentence.end)
    return first is not None and first.group().lower() == word


# the keep rules of a clause's content (needs, risk, sentence, § 10 in an area), not of a
# name or an identifier: a town inside such a clause is still a town
_SENTENCE_KEEPS = frozenset({"K4", "K5", "K6", "K7"})
_POSTAL_TOWN = re.compile(r"\b\d{4}[ \t]+(?P<town>[A-ZÆØÅ][\wæøå\-]+(?:[ \t]+[A-ZÆØÅ][\wæøå\-]+)?)"
                          r"[ \t]*$")
_PLACE_NAMES_DA = {"INSTITUTION": "Skole eller institution", "WORKPLACE": "Arbejdsplads",
                   "RESIDENCE": "Opholdssted"}


class _RelativeClause:
    """A relative clause that opens right after a person's name and whose relative pronoun
    is the subject of the record term ("Prakash, som bor på Lupinvej 14, og som selv afsoner
    en dom", "Svenja, die selbst vorbestraft ist", "Jordan, who is serving a sentence"): the
    pronoun and a few adverbs stand right before the term; the clauses between are more
    relative clauses of the same name ("og som", "and who"), never a new main clause. The
    words are the policy's clause words (``relative_*``, ``main_clause_conjunctions``)."""

    def __init__(self, words: ClauseWords) -> None:
        rel = rf"(?:{alternation(words.relative_pronouns)})"
        adverb = alternation(words.relative_adverbs, "[ \t]+")  # "i øjeblikket"
        adverbs = rf"(?:(?:{adverb})[ \t]+)*"
        self.open = re.compile(rf"^[ \t]*,[ \t]*{rel}\b", re.IGNORECASE)
        self.tail = re.compile(rf"\b{rel}[ \t]+{adverbs}$", re.IGNORECASE)
        still = "|".join(alternation((w,)) + r"\b" for w in
                         sorted(words.relative_after_conjunction))
        self.new_main_clause = re.compile(
            rf"\b(?:{alternation(words.main_clause_conjunctions)})[ \t]+(?!{still})"
            r"|[;:!?()]", re.IGNORECASE)

    def subject(self, gap: str) -> int | None:
        """Where the relative pronoun that is the record's subject starts in ``gap`` (the
        text between a private person's name and a record term), or None when the gap is
        not a chain of relative clauses on that name."""
        if not self.open.match(gap):
            return None
        tail = self.tail.search(gap)
        if tail is None or len(gap) > 160 or any(
                x.start() < tail.start() for x in self.new_main_clause.finditer(gap)):
            return None
        return tail.start()


def _separators(text: str, start: int, end: int) -> list[int]:
    """Offsets of the top-level list separators (``,``/``;``/``:`` outside brackets) in
    ``text[start:end]``; a comma or colon between digits ("3,2 gram", "kl. 14:30") is part
    of a number, not a separator."""
    seps = []
    depth = 0
    for i in range(start, end):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")" and depth > 0:
            depth -= 1
        elif depth == 0 and ch in ",;:":
            if ch != ";" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and \
                    text[i + 1].isdigit():
                continue
            seps.append(i)
    return seps


def _list_item(text: str, span: Span, start: int, end: int) -> Span | None:
    """The list item (between top-level ``,``/``;``/``:`` of the sentence) around a match."""
    seps = _separators(text, span.start, span.end)
    left = max((i + 1 for i in seps if i < start), default=span.start)
    right = min((i for i in seps if i >= end), default=span.end)
    while left < right and text[left].isspace():
        left += 1
    item = Span(left, right)
    return item if item.end > item.start and (item.start, item.end) != (span.start, span.end) \
        else None


def _street_name_start(text: str, start: int, stop_words: frozenset[str],
                       lead: re.Pattern[str]) -> int:
    """Extend an address to the left over capitalised words and particles the pattern left
    out (``Janus la Cours Gade 12`` when only ``Cours Gade 12`` was recognised; ``lead``:
    :attr:`~gldocs.redact.person_words.PersonPatterns.street_lead`), up to a word of
    ``stop_words`` (the policy's address words: "på", "hos", "adresse")."""
    m = lead.search(text[:start])
    if not m:
        return start
    words = m.group(0).split()
    # stop at a sentence start or a preposition written in capitals
    keep = []
    for w in reversed(words):
        if w.lower() in stop_words:
            break
        keep.append(w)
    if not keep:
        return start
    return start - len(" ".join(reversed(keep))) - (len(text[:start]) - len(text[:start].rstrip()))
