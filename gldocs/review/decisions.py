"""The caseworker's decisions: a human-editable YAML file, re-applied on every run.

API (``gldocs redact --decisions FILE``, ``gldocs diff``, ``gldocs review`` and export use it)::

    load_decisions(path) -> Decisions                  # InputError (exit 2) on a bad file
    save_decisions(path, decisions) -> None            # atomic write
    apply_decisions(plan, decisions) -> DecisionResult # new Plan; the input plan is untouched
        .plan       the plan with restores flipped to "keep" and extra removals added
        .stale      decisions that match nothing in the document any more (never dropped)
        .undecided  removal findings flagged review=True that still have no decision
        .restored   (finding, decision) pairs: what the caseworker passed on, and why
        .warnings   header mismatches (other document, policy or areas)
    undecided(plan, decisions) -> list[Finding]
    problem_lines(result) -> list[str]                 # Danish: stale decisions, mismatches
    check_justification(finding, decision, file) -> None  # raises InputError if not enough
    decisions_template(plan, existing=None, caseworker="") -> Decisions

A finding is addressed by its stable id (:func:`gldocs.redact.model.finding_id`, from the
unit path and the text), so decisions survive re-runs of an unchanged document. The file::

    dokument: handleplan.docx
    politik: kommune
    områder: [bolig, misbrug]
    oprettet: '2026-11-25T13:10:00+00:00'
    opdateret: '2026-11-25T13:40:00+00:00'
    sagsbehandler: Lone Berg
    afgørelser:
      f-0123456789ab:
        afgørelse: restore         # accept = behold fjernelsen, restore = videregiv teksten
        begrundelse: Kommunen skal kende ...   # påkrævet ved restore
        tekst: Peter Hansen        # kun til orientering (ændringer ignoreres)
        regel: R1
        grundlag: rhl. § 9
        sted: beskrivelse.netvaerk
        markør: '[pårørende]'
    ekstra:
      - tekst: Café Nørrebro       # fjernes alle steder, hvor teksten står
        sted: beskrivelse.bolig    # valgfri: kun i denne del
        regel: R4
        begrundelse: Ikke nødvendigt for kommunen

A restore needs a written justification; for rhl. § 10 findings (the policy gives the
finding's rule a "§ 10" ground) it must be at least :data:`MIN_JUSTIFICATION_S10` characters
and say why passing the text on is *strengt nødvendigt*. Danish values are accepted as
well: ``fjern``/``behold fjernelse`` for accept, ``gendan``/``videregiv`` for restore.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from gldocs.atomic import write_text_atomic
from gldocs.errors import InputError
from gldocs.redact import Finding, Plan, finding_id
from gldocs.review.looks import extra_rule, rule_looks
from gldocs.sprog import antal
from gldocs.yamlfile import read_yaml_nodes, validation_lines

DecisionAction = Literal["accept", "restore"]

MIN_JUSTIFICATION = 10  # characters, any restore
MIN_JUSTIFICATION_S10 = 40  # characters, restore of an rhl. § 10 finding
S10_PHRASE = re.compile(r"strengt\s+nødvendig", re.IGNORECASE)

CASEWORKER_MARKER = "[udeladt]"

_ACTION_ALIASES: dict[str, DecisionAction] = {
    "accept": "accept",
    "fjern": "accept",
    "behold fjernelse": "accept",
    "restore": "restore",
    "gendan": "restore",
    "videregiv": "restore",
}


@dataclass
class Decision:
    """The caseworker's word on one finding id.

    ``text``, ``rule``, ``ground``, ``unit_path`` and ``marker`` are read-only context for the human
    reading the file; the finding in the current plan is always authoritative.
    """

    finding_id: str
    action: DecisionAction
    justification: str = ""
    text: str = ""
    rule: str = ""
    ground: str = ""
    unit_path: str = ""
    marker: str = ""


@dataclass
class ExtraRemoval:
    """Text the caseworker wants removed everywhere it occurs (or only in ``unit_path``)."""

    text: str
    reason: str
    rule: str = ""  # a removal rule of the policy; "" = the policy's own (Plan.extra_rule)
    unit_path: str | None = None


@dataclass
class Decisions:
    document: str = ""
    policy: str = ""
    areas: list[str] = field(default_factory=list)
    created: str = ""
    updated: str = ""
    caseworker: str = ""
    decisions: dict[str, Decision] = field(default_factory=dict)
    extra: list[ExtraRemoval] = field(default_factory=list)
    source: str = ""  # file it was loaded from (for messages); not saved


@dataclass
class StaleDecision:
    """A decision that no longer matches the document. ``reason`` is Danish."""

    finding_id: str  # "" for an extra removal
    reason: str
    decision: Decision | None = None
    extra: ExtraRemoval | None = None

    def describe(self) -> str:
        if self.extra is not None:
            return f"ekstra fjernelse '{self.extra.text}': {self.reason}"
        text = f" ('{self.decision.text}')" if self.decision and self.decision.text else ""
        return f"{self.finding_id}{text}: {self.reason}"


@dataclass
class DecisionResult:
    plan: Plan
    stale: list[StaleDecision]
    undecided: list[Finding]
    restored: list[tuple[Finding, Decision]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- helpers

def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def is_s10(finding: Finding) -> bool:
    """True for findings under rhl. § 10 (special categories)."""
    return "§ 10" in finding.ground or "§10" in finding.ground


def check_justification(finding: Finding, decision: Decision, file: str = "") -> None:
    """Raise :class:`InputError` when a restore is not justified well enough."""
    if decision.action != "restore":
        return
    where = f"{file}: " if file else ""
    text = " ".join(decision.justification.split())
    if not text:
        raise InputError(
            f"{where}afgørelse {decision.finding_id}: en gendannelse kræver en skriftlig "
            "begrundelse (felt 'begrundelse')."
        )
    if is_s10(finding):
        if len(text) < MIN_JUSTIFICATION_S10 or not S10_PHRASE.search(text):
            raise InputError(
                f"{where}afgørelse {decision.finding_id}: teksten er omfattet af rhl. § 10. "
                "Begrundelsen skal forklare, hvorfor videregivelsen er strengt nødvendig "
                f"(brug ordene 'strengt nødvendigt' og mindst {MIN_JUSTIFICATION_S10} tegn)."
            )
    elif len(text) < MIN_JUSTIFICATION:
        raise InputError(
            f"{where}afgørelse {decision.finding_id}: begrundelsen er for kort "
            f"(mindst {MIN_JUSTIFICATION} tegn)."
        )


def parse_action(value: Any, file: str, fid: str) -> DecisionAction | None:
    """Map a file value to an action; ``None`` for an empty (undecided) entry."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    key = str(value).strip().lower()
    if key not in _ACTION_ALIASES:
        raise InputError(
            f"{file}: afgørelse {fid}: ukendt værdi '{value}' i felt 'afgørelse' "
            "(brug 'accept' eller 'restore')."
        )
    return _ACTION_ALIASES[key]


def _str(value: Any) -> str:
    return "" if value is None else str(value)


# --------------------------------------------------------------------------- load / save

class _Schema(BaseModel):
    # numbers and dates written without quotes are read as text
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)


class _EntrySchema(_Schema):
    afgørelse: str | None = None
    begrundelse: str | None = None
    tekst: str | None = None
    regel: str | None = None
    grundlag: str | None = None
    sted: str | None = None
    markør: str | None = None


class _ExtraSchema(_Schema):
    tekst: str
    begrundelse: str
    regel: str | None = None
    sted: str | None = None


class _FileSchema(_Schema):
    """The decisions file (keys in Danish, as gldocs writes them)."""

    dokument: str | None = None
    politik: str | None = None
    områder: list[str] | None = None
    oprettet: str | dt.date | dt.datetime | None = None
    opdateret: str | dt.date | dt.datetime | None = None
    sagsbehandler: str | None = None
    afgørelser: dict[str, _EntrySchema | None] | None = None
    ekstra: list[_ExtraSchema] | None = None

    @field_validator("områder", mode="before")
    @classmethod
    def _comma_list(cls, value: Any) -> Any:
        """``områder: bolig, misbrug`` is a list too."""
        return [a.strip() for a in value.split(",")] if isinstance(value, str) else value

    @field_validator("afgørelser", mode="before")
    @classmethod
    def _short_form(cls, value: Any) -> Any:
        """``f-…: accept`` is short for ``f-…: {afgørelse: accept}``."""
        if isinstance(value, dict):
            return {k: {"afgørelse": v} if isinstance(v, str) else v for k, v in value.items()}
        return value


def load_decisions(path: Path | str) -> Decisions:
    """Read a decisions file, validated against its schema. Raises :class:`InputError`
    naming the file, the line and the field."""
    path = Path(path)
    file = str(path)
    root, data = read_yaml_nodes(path, "Afgørelsesfilen")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"Afgørelsesfilen {file} skal være en YAML-mapping.")
    try:
        _FileSchema.model_validate(data)
    except ValidationError as exc:
        lines = [f"Afgørelsesfilen {file} er ikke gyldig:"]
        lines += validation_lines([dict(e) for e in exc.errors()], root)
        raise InputError("\n".join(lines)) from None

    areas = data.get("områder") or []
    if isinstance(areas, str):
        areas = [a.strip() for a in areas.split(",") if a.strip()]
    if not isinstance(areas, list):
        raise InputError(f"{file}: felt 'områder' skal være en liste.")

    result = Decisions(
        document=_str(data.get("dokument")),
        policy=_str(data.get("politik")),
        areas=[str(a) for a in areas],
        created=_str(data.get("oprettet")),
        updated=_str(data.get("opdateret")),
        caseworker=_str(data.get("sagsbehandler")),
        source=file,
    )

    entries = data.get("afgørelser") or {}
    if not isinstance(entries, dict):
        raise InputError(f"{file}: felt 'afgørelser' skal være en mapping fra fund-id.")
    for fid, entry in entries.items():
        fid = str(fid)
        if entry is None:
            continue
        if isinstance(entry, str):  # short form: "f-...: accept"
            entry = {"afgørelse": entry}
        if not isinstance(entry, dict):
            raise InputError(f"{file}: afgørelse {fid} skal være en mapping.")
        action = parse_action(entry.get("afgørelse"), file, fid)
        if action is None:
            continue  # listed in the template but not decided yet
        result.decisions[fid] = Decision(
            finding_id=fid,
            action=action,
            justification=_str(entry.get("begrundelse")).strip(),
            text=_str(entry.get("tekst")),
            rule=_str(entry.get("regel")),
            ground=_str(entry.get("grundlag")),
            unit_path=_str(entry.get("sted")),
            marker=_str(entry.get("markør")),
        )
        if action == "restore" and not result.decisions[fid].justification:
            raise InputError(
                f"{file}: afgørelse {fid}: en gendannelse kræver en skriftlig begrundelse "
                "(felt 'begrundelse')."
            )

    extras = data.get("ekstra") or []
    if not isinstance(extras, list):
        raise InputError(f"{file}: felt 'ekstra' skal være en liste.")
    for n, item in enumerate(extras, 1):
        if not isinstance(item, dict):
            raise InputError(f"{file}: ekstra nr. {n} skal være en mapping med 'tekst'.")
        text = _str(item.get("tekst"))
        if not text.strip():
            raise InputError(f"{file}: ekstra nr. {n}: felt 'tekst' mangler.")
        reason = _str(item.get("begrundelse")).strip()
        if not reason:
            raise InputError(f"{file}: ekstra nr. {n} ('{text}'): felt 'begrundelse' mangler.")
        rule = _str(item.get("regel")).strip()  # checked against the policy when applied
        unit_path = _str(item.get("sted")).strip() or None
        result.extra.append(ExtraRemoval(text=text, reason=reason, rule=rule,
                                         unit_path=unit_path))
    return result


_HEADER_COMMENT = """\
# Sagsbehandlerens afgørelser om fjernelser (gldocs).
# For hvert fund: afgørelse 'accept' (teksten fjernes) eller 'restore' (teksten videregives).
# 'restore' kræver en skriftlig begrundelse; ved rhl. § 10 skal den forklare, hvorfor
# videregivelsen er strengt nødvendig. Felterne tekst, regel, grundlag, sted og markør er
# kun til orientering. Under 'ekstra' kan du fjerne mere tekst: tekst, begrundelse, regel (en
# af politikkens fjernelsesregler) og evt. sted (kun i denne del).
"""


def dump_decisions(decisions: Decisions) -> str:
    """The YAML text of ``decisions`` (with a Danish explanatory header)."""
    entries: dict[str, dict[str, Any]] = {}
    for fid, d in decisions.decisions.items():
        entries[fid] = {
            "afgørelse": d.action,
            "begrundelse": d.justification,
            "tekst": d.text,
            "regel": d.rule,
            "grundlag": d.ground,
            "sted": d.unit_path,
            "markør": d.marker,
        }
    extras: list[dict[str, Any]] = []
    for e in decisions.extra:
        item: dict[str, Any] = {"tekst": e.text}
        if e.unit_path:
            item["sted"] = e.unit_path
        if e.rule:
            item["regel"] = e.rule
        item["begrundelse"] = e.reason
        extras.append(item)
    data = {
        "dokument": decisions.document,
        "politik": decisions.policy,
        "områder": list(decisions.areas),
        "oprettet": decisions.created,
        "opdateret": decisions.updated,
        "sagsbehandler": decisions.caseworker,
        "afgørelser": entries,
        "ekstra": extras,
    }
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return _HEADER_COMMENT + body


def save_decisions(path: Path | str, decisions: Decisions) -> None:
    """Write ``decisions`` atomically, stamping ``opdateret`` (and ``oprettet`` if new)."""
    stamp = now_iso()
    if not decisions.created:
        decisions.created = stamp
    decisions.updated = stamp
    write_text_atomic(Path(path), dump_decisions(decisions), replace=True)  # meant to be updated


# --------------------------------------------------------------------------- applying

def decision_for(finding: Finding, action: DecisionAction, justification: str = "") -> Decision:
    """A decision on ``finding`` carrying its read-only context."""
    return Decision(finding_id=finding.id, action=action, justification=justification.strip(),
                    text=finding.text, rule=finding.rule, ground=finding.ground,
                    unit_path=finding.unit_path, marker=finding.marker)


def extra_findings(plan: Plan, extra: ExtraRemoval) -> list[Finding]:
    """One caseworker finding per occurrence of ``extra.text`` (in its unit, if limited)."""
    found: list[Finding] = []
    if not extra.text:
        return found
    rule_id = extra.rule or extra_rule(plan)
    spec = rule_looks(plan).get(rule_id)
    ground = spec.ground if spec is not None else ""
    for unit in plan.units:
        if extra.unit_path and unit.path != extra.unit_path:
            continue
        start = unit.text.find(extra.text)
        while start != -1:
            end = start + len(extra.text)
            found.append(Finding(
                unit_path=unit.path, section=unit.section, start=start, end=end,
                text=extra.text, rule=rule_id, ground=ground, detector="caseworker",
                entity="CASEWORKER", score=1.0, action="remove", marker=CASEWORKER_MARKER,
                explanation=f"Fjernet af sagsbehandler: {extra.reason}",
                id=finding_id(unit.path, extra.text),
            ))
            start = unit.text.find(extra.text, end)
    return found


def _header_warnings(plan: Plan, decisions: Decisions) -> list[str]:
    file = decisions.source or "afgørelsesfilen"
    warnings: list[str] = []
    if decisions.document and plan.source and Path(decisions.document).name != Path(
            plan.source).name:
        warnings.append(f"{file} blev lavet til dokumentet '{decisions.document}', "
                        f"ikke '{Path(plan.source).name}'.")
    if decisions.policy and plan.policy_name and decisions.policy != plan.policy_name:
        warnings.append(f"{file} blev lavet med politikken '{decisions.policy}', "
                        f"ikke '{plan.policy_name}'.")
    if decisions.areas and sorted(decisions.areas) != sorted(plan.areas):
        warnings.append(f"{file} blev lavet med områderne {', '.join(decisions.areas)}, "
                        f"ikke {', '.join(plan.areas) or '(ingen)'}.")
    return warnings


def apply_decisions(plan: Plan, decisions: Decisions) -> DecisionResult:
    """Apply the caseworker's decisions to ``plan`` and return a new plan.

    * ``accept``: the removal stays and is no longer flagged for review;
    * ``restore``: the finding becomes ``keep`` (the text passes on); the justification
      is checked (:func:`check_justification`) and an :class:`InputError` names file and id;
    * extra removals add caseworker findings for every occurrence;
    * decisions and extras that match nothing are returned in ``stale``.
    """
    file = decisions.source
    by_id: dict[str, list[Finding]] = {}
    for f in plan.findings:
        by_id.setdefault(f.id, []).append(f)

    stale: list[StaleDecision] = []
    for fid, d in decisions.decisions.items():
        matches = by_id.get(fid)
        if not matches:
            stale.append(StaleDecision(fid, "fundet findes ikke længere i dokumentet "
                                            "(teksten eller dens placering er ændret)",
                                       decision=d))
        elif not any(f.action == "remove" for f in matches):
            stale.append(StaleDecision(fid, "teksten fjernes ikke længere af politikken, "
                                            "så afgørelsen har ingen virkning", decision=d))
        elif d.action == "restore":
            for f in matches:
                check_justification(f, d, file)

    new_findings: list[Finding] = []
    restored: list[tuple[Finding, Decision]] = []
    for f in plan.findings:
        decided = decisions.decisions.get(f.id)
        if decided is None or f.action != "remove":
            new_findings.append(dataclasses.replace(f))
        elif decided.action == "accept":
            new_findings.append(dataclasses.replace(f, review=False))
        else:
            note = f"Gendannet af sagsbehandler: {decided.justification}"
            kept = dataclasses.replace(f, action="keep", review=False, explanation=note)
            new_findings.append(kept)
            restored.append((kept, decided))

    looks = rule_looks(plan)
    removal_rules = [r for r, look in looks.items() if look.action == "remove"]
    for extra in decisions.extra:
        rid = extra.rule or extra_rule(plan)
        if rid not in removal_rules:
            raise InputError(f"{file or 'afgørelsesfilen'}: ekstra ('{extra.text}'): ukendt "
                             f"regel '{rid}' i felt 'regel' (brug {', '.join(removal_rules)}).")
        added = extra_findings(plan, extra)
        if not added:
            where = f" i {extra.unit_path}" if extra.unit_path else ""
            stale.append(StaleDecision("", f"teksten står ikke længere i dokumentet{where}",
                                       extra=extra))
        new_findings.extend(added)

    new_plan = dataclasses.replace(plan, findings=new_findings, notes=list(plan.notes))
    pending = [f for f in new_plan.needs_review() if f.id not in decisions.decisions]
    return DecisionResult(plan=new_plan, stale=stale, undecided=pending, restored=restored,
                          warnings=_header_warnings(plan, decisions))


def problem_lines(result: DecisionResult) -> list[str]:
    """Danish lines about header mismatches and stale decisions (to print; never silent)."""
    lines = [f"Advarsel: {w}" for w in result.warnings]
    if result.stale:
        stale = antal(len(result.stale), "afgørelse", "afgørelser")
        lines.append(f"{stale} passer ikke længere til dokumentet "
                     "og er ikke brugt:")
        lines += [f"  - {s.describe()}" for s in result.stale]
    return lines


def undecided(plan: Plan, decisions: Decisions | None) -> list[Finding]:
    """Removal findings flagged for review that have no decision yet."""
    decided = decisions.decisions if decisions is not None else {}
    return [f for f in plan.needs_review() if f.id not in decided]


def decisions_template(plan: Plan, existing: Decisions | None = None,
                       caseworker: str = "") -> Decisions:
    """A decisions object for ``plan``: the header filled in, existing decisions kept."""
    base = existing or Decisions()
    return Decisions(
        document=Path(plan.source).name if plan.source else base.document,
        policy=plan.policy_name or base.policy,
        areas=list(plan.areas) or list(base.areas),
        created=base.created,
        updated=base.updated,
        caseworker=caseworker or base.caseworker,
        decisions=dict(base.decisions),
        extra=list(base.extra),
        source=base.source,
    )
