"""Whose number is it, across units: table rows and one verdict per number.

- :func:`row_neighbours`: a table cell or short line that holds only a number, an e-mail or
  an address (``89 40 51 77``, ``tlf. 40 27 91 58; Janus la Cours Gade 12``) belongs to the
  person named in the cells just before it (same row of a rendered table, the lines of a
  signature), nearest first.
- :func:`consistent_contacts`: a number, e-mail or address that is removed anywhere as a
  private person's is removed everywhere (the persons table of a rendered handleplan must
  not keep what the text removed), with that person's marker.
- :func:`address_blocks`: letter heads: an address under an authority's name is its (K3),
  under the client's name the client's (K1).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import replace

from gldocs.document.units import TextUnit
from gldocs.redact.case_entities import Mention
from gldocs.redact.detectors.patterns import PatternMatch, digits_only
from gldocs.redact.known_people import address_key
from gldocs.redact.model import Finding
from gldocs.redact.policy import Policy

CONTACT_ENTITIES = ("PHONE", "EMAIL", "ADDRESS")
MAX_CELL = 90  # longer lines are running text, not table cells
MAX_BACK = 4  # cells of one table row before the number


def row_neighbours(units: Sequence[TextUnit],
                   found: Mapping[str, tuple[Sequence[PatternMatch], Sequence[Mention]]],
                   role_words: frozenset[str],
                   greetings: frozenset[str] = frozenset(),
                   relation: Callable[[str], bool] | None = None) -> dict[str, list[Mention]]:
    """For each short unit with contact data and no name of its own: the named people of the
    short units just before it (nearest first). A role word left in the cell ("Mor: …")
    means the cell speaks for itself and gets no neighbours; so does a line under a
    letter's greeting ("Hej Tina" / "Mit nummer er …": the person greeted is the reader,
    not the owner), and a line that names the client only through a relation (``relation``
    of what is left beside the name: "Navn: Bror til …", "Navn: <klienten>s mor"): the
    record is the relative's, never the client's (fail closed)."""
    out: dict[str, list[Mention]] = {}
    for i, unit in enumerate(units):
        text = unit.text.strip()
        if not text or len(text) > MAX_CELL or unit.path not in found:
            continue
        patterns, mentions = found[unit.path]
        contacts = [p for p in patterns if p.entity in CONTACT_ENTITIES]
        if not contacts or mentions:
            continue
        rest = unit.text
        for p in sorted(contacts, key=lambda p: p.start, reverse=True):
            rest = rest[:p.start] + " " + rest[p.end:]
        words = [w.lower() for w in re.findall(r"[\wæøåÆØÅ\-]+", rest)]
        if len(words) > 3 or any(w in role_words for w in words):
            continue
        people: list[Mention] = []
        back = 0
        for j in range(i - 1, -1, -1):
            prev = units[j]
            if not prev.text.strip():
                continue
            back += 1
            if back > MAX_BACK or len(prev.text.strip()) > MAX_CELL or \
                    prev.section != unit.section:
                break
            named = found.get(prev.path, ((), ()))[1]
            if named:
                first = re.match(r"[^\W\d_]+", prev.text.strip().lower())
                if first is not None and first.group(0) in greetings:
                    break
                if _names_only(prev.text, named) and \
                        not _client_by_relation(prev.text, named, relation):
                    people.extend(sorted(named, key=lambda m: m.start, reverse=True))
                break
        if people:
            out[unit.path] = people
    return out


def _names_only(text: str, named: Sequence[Mention]) -> bool:
    """A cell or line that holds a name and little else ("Maja Lindholt Kjær",
    "Kontaktperson: Sara Winther Nielsen"), not a field that mentions a name in passing
    ("Institution: Statsfængslet Horserød, afdeling Skovly")."""
    rest = text
    for m in sorted(named, key=lambda m: m.start, reverse=True):
        rest = rest[:m.start] + " " + rest[m.end:]
    rest = re.sub(r"^\s*[^:]{1,40}:", " ", rest)  # the label of a "Nøgle: værdi" line
    return len(re.findall(r"[\wæøåÆØÅ\-]+", rest)) <= 2


def _client_by_relation(text: str, named: Sequence[Mention],
                         relation: Callable[[str], bool] | None) -> bool:
    """The line names the client only through a relation: what is left beside the client's
    name holds a private person's role word ("Navn: Bror til Kim Lund", "Navn: Kim Lunds
    mor", "Kim Lund's kæreste"), so the line opens the relative's record (issue 8 § 1: an
    identifier is the client's only on positive evidence)."""
    if relation is None or not named or any(m.person.kind != "client" for m in named):
        return False
    rest = text
    for m in sorted(named, key=lambda m: m.start, reverse=True):
        # the genitive stays: "Kim Lunds mor" leaves "s mor"
        rest = rest[:m.start] + " " + rest[m.end:]
    return relation(rest)


def contact_key(f: Finding) -> str | None:
    if f.entity == "PHONE":
        digits = digits_only(f.text)
        return f"PHONE:{digits[-8:]}" if len(digits) >= 6 else None
    if f.entity == "EMAIL":
        return f"EMAIL:{f.text.strip().lower()}"
    if f.entity == "ADDRESS":
        key = address_key(f.text)
        return f"ADDRESS:{key}" if key else None
    return None


def consistent_contacts(findings: list[Finding], client_rules: Collection[str]
                        ) -> list[Finding]:
    """Kept numbers/e-mails/addresses (other than the client's) that are removed elsewhere as a
    named private person's are removed here too."""
    private: dict[str, Finding] = {}
    for f in findings:
        if f.entity in CONTACT_ENTITIES and f.action == "remove" and f.score >= 0.9 \
                and f.detector == "pattern":
            key = contact_key(f)
            if key:
                private.setdefault(key, f)
    if not private:
        return findings
    out = []
    for f in findings:
        key = contact_key(f) if f.entity in CONTACT_ENTITIES and f.action == "keep" \
            and f.rule not in client_rules else None
        other = private.get(key) if key else None
        if other is None:
            out.append(f)
            continue
        out.append(replace(
            f, rule=other.rule, ground=other.ground, score=other.score, action="remove",
            marker=other.marker,
            explanation=f"{other.explanation.rstrip('.')}; fjernet det ene sted, fjernes "
                        "alle steder."))
    return out


def address_blocks(units: Sequence[TextUnit],
                   found: Mapping[str, tuple[Sequence[PatternMatch], Sequence[Mention]]],
                   findings: list[Finding], is_org_line: Callable[[str], bool],
                   policy: Policy, relation: Callable[[str], bool] | None = None
                   ) -> list[Finding]:
    """Letter heads and address blocks: an address, phone or e-mail that no named person
    owns, in a block of short lines under an authority's name ("Herning Kommune /
    Socialafdelingen / Torvet 1 / 7400 Herning") is the authority's (K3); under the client's
    own name ("Aputsiaq Lynge / c/o Statsfængslet … / Fængselsvej 2") the client's (K1).
    A block with a private person's name in it stays removed, and so does a block under a
    line that names the client only through a relation (``relation``: "Navn: Bror til …",
    "Navn: <klienten>s mor"): the relative's record."""
    index = {u.path: i for i, u in enumerate(units)}
    out: list[Finding] = []
    for f in findings:
        new = f
        if f.entity in CONTACT_ENTITIES and f.action == "remove" and f.score < 0.9 \
                and f.unit_path in index:
            owner = _block_owner(units, index[f.unit_path], found, is_org_line, relation)
            spec = policy.entities.get(f.entity)
            rid = None
            if spec is not None and owner == "professional":
                rid = spec.professional_rule
            elif spec is not None and owner == "client":
                rid = spec.client_rule
            if rid:
                rule = policy.rule(rid)
                who = "en myndigheds" if owner == "professional" else "klientens"
                new = replace(f, rule=rid, ground=rule.ground, score=0.8, action="keep",
                              marker="", explanation=f"Står i {who} adresseblok ({rid}).")
        out.append(new)
    return out


def _block_owner(units: Sequence[TextUnit], i: int,
                 found: Mapping[str, tuple[Sequence[PatternMatch], Sequence[Mention]]],
                 is_org_line: Callable[[str], bool],
                 relation: Callable[[str], bool] | None = None) -> str:
    # the line itself holds the contact data and little else ("Torvet 1", "7400 Herning",
    # "Tlf. 96 28 21 43"); the lines above are short and no sentences
    own = units[i].text
    for p in sorted(found.get(units[i].path, ((), ()))[0], key=lambda p: p.start,
                    reverse=True):
        own = own[:p.start] + " " + own[p.end:]
    if len(re.findall(r"[\wæøåÆØÅ\-]+", own)) > 2:
        return ""
    block: list[TextUnit] = [units[i]]
    for j in range(i - 1, max(-1, i - 6), -1):
        u = units[j]
        text = u.text.strip()
        if not text or len(text) > 45 or u.section != units[i].section or \
                text.endswith((".", "!", "?")) or len(text.split()) > 6:
            break
        block.append(u)
    if len(block) < 2:
        return ""
    # the client's name alone on the nearest line above that names anyone (a letter's head,
    # a CV's "SEBASTIAN KAAE OTTESEN" under its title), nobody else named from there down
    if not found.get(block[0].path, ((), ()))[1]:
        for u in block[1:]:
            named = found.get(u.path, ((), ()))[1]
            if named:
                if all(m.person.kind == "client" for m in named) and \
                        _names_only(u.text, named) and \
                        not _client_by_relation(u.text, named, relation):
                    return "client"
                break
    people = [m.person.kind for u in block for m in found.get(u.path, ((), ()))[1]]
    if "private" in people:
        return ""
    if any(is_org_line(u.text) for u in block[1:]):
        return "professional"
    return ""


# removals a professional's name is carved out of: categories, section rules and sentences
# about a victim (never an internal note, the deny list or a third party's identifier)
# (with an abbreviated first part: "Afd.leder Lars Kvist")
_WORD_BEFORE = re.compile(r"((?:[\wæøåÆØÅ]+\.)?[\wæøåÆØÅ\-]+)[ \t]+$")
_CARVED_DETECTORS = ("lexicon", "section", "case")
_NOT_CARVED = ("INTERNAL_NOTE", "DENY", "PERSON", "SECTION_KEEP")


def keep_professional_names(units: Sequence[TextUnit], findings: list[Finding],
                            carve_rules: Mapping[str, Collection[str]] | None = None,
                            is_title: Callable[[str], bool] | None = None,
                            client_rules: Collection[str] = (),
                            label_tail: re.Pattern[str] | None = None) -> list[Finding]:
    """A professional's name (K3) stays in every position (issue 8 § 4), and so do the
    number, e-mail and address kept as a professional's or authority's, and the
    authority a contact line opens with (``AUTHORITY``): a sentence removed
    for its content ("Vidne: fængselsbetjent Mette Graversen.", "Afgjort af fuldmægtig Ole
    Ravnsborg: 10 dages strafcelle") goes around the name, in pieces with the same marker.
    So does protected text kept under one of ``carve_rules`` (the policy's ``protect``
    entries with ``carve``: the LS/RNR risk level, the offence and the sentence), out of a
    removal under one of the rules its entry maps to (``carve_from``; none: every rule).
    Pieces of white space or punctuation
    only are dropped. A title right before the name stays with it ("fængselsbetjent Mette
    Graversen"): without it, the name would read as a private person's (``scan``); so does
    a number's or e-mail's label (``label_tail``: "tlf. 55 88 12 64")."""
    text_of = {u.path: u.text for u in units}
    carve_rules = carve_rules or {}
    # per unit: (start, end, the removal rules it is carved out of; empty: every rule)
    names: dict[str, list[tuple[int, int, Collection[str]]]] = {}
    for f in findings:
        # a full name only: one word ("Forening" after "Psykolog" without NER) is too weak
        # to cut a hole in a removal
        # (and a professional's or authority's number, e-mail or address, kept as theirs:
        # "Næstved Kommune, Voksen og Handicap, sagsbehandler Tina Holt, tlf. …, …@naestved.dk")
        if f.action == "keep" and ((f.entity == "PERSON" and f.rule not in client_rules
                                    and len(f.text.split()) >= 2) or (
                f.entity == "PROTECTED" and f.rule in carve_rules)
                or f.entity == "AUTHORITY"
                or (f.entity in CONTACT_ENTITIES and f.rule not in client_rules)):
            start = f.start
            if f.entity == "PERSON" and is_title is not None:
                m = _WORD_BEFORE.search(text_of.get(f.unit_path, "")[:f.start])
                if m and is_title(m.group(1)):
                    start = m.start(1)
            elif f.entity in CONTACT_ENTITIES and label_tail is not None:
                # its label stays with it ("tlf. 55 88 12 64"), as a title with a name
                before = text_of.get(f.unit_path, "")[max(0, f.start - 30):f.start]
                m = label_tail.search(before)
                word = re.search(r"\w", before[m.start():]) if m else None
                if m is not None and word is not None:
                    start = f.start - len(before) + m.start() + word.start()
            only = carve_rules.get(f.rule, ()) if f.entity == "PROTECTED" else ()
            names.setdefault(f.unit_path, []).append((start, f.end, only))
    if not names:
        return findings
    out: list[Finding] = []
    for f in findings:
        inside = sorted((a, b) for a, b, only in names.get(f.unit_path, ())
                        if f.start <= a and b <= f.end and (not only or f.rule in only))
        if f.action != "remove" or not inside or f.detector not in _CARVED_DETECTORS \
                or f.entity in _NOT_CARVED:
            out.append(f)
            continue
        text = text_of[f.unit_path]
        pos = f.start
        for a, b in [*inside, (f.end, f.end)]:
            if text[pos:a].strip(" \t,.:;-–()"):
                # the separators around a kept piece stay with it ("høj risiko, [udeladt]")
                start = pos + len(text[pos:a]) - len(text[pos:a].lstrip(" \t,;:"))
                end = a - (len(text[pos:a]) - len(text[pos:a].rstrip(" \t,;:")))
                out.append(replace(f, start=start, end=end, text=text[start:end], id=""))
            pos = max(pos, b)
    return out
