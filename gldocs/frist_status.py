"""Done, due, overdue: the status of each deadline against what the case file records.

Pure functions, no I/O. The case file's top-level ``udfoert`` list records what has been
done (one dated entry per deadline id, with an optional note); the coordination record
``samarbejdspartnere.koordinering`` (``sket: ja`` with a ``dato``) also counts for
``kommune_kontakt``. Statuses:

``opfyldt``      done (``opfyldt`` holds the date; ``for_sent`` when done after ``dato``)
``overskredet``  not done and ``dato`` is before ``idag``
``snart``        not done and ``dato`` is within :data:`SNART_DAGE` days of ``idag``
                 (today included; also a ``tidligst`` date that has been reached)
``kommende``     not done and further ahead

A deadline that does not apply to the client is simply absent from the list: callers that
count "not relevant" (statistics) test for absence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from gldocs.frister import Frist

if TYPE_CHECKING:
    from gldocs.case.model import Case

OPFYLDT = "opfyldt"
OVERSKREDET = "overskredet"
SNART = "snart"
KOMMENDE = "kommende"
STATUSSER: tuple[str, ...] = (OPFYLDT, OVERSKREDET, SNART, KOMMENDE)
SNART_DAGE = 14


@dataclass(frozen=True)
class Udfoerelse:
    """That (and when) the action behind deadline ``frist`` was done."""

    frist: str
    dato: date
    note: str | None = None


@dataclass(frozen=True)
class FristStatus:
    """A deadline with its status on a given day."""

    frist: Frist
    status: str  # one of STATUSSER
    opfyldt: date | None = None  # when it was done
    for_sent: bool = False  # done after the deadline (only with status 'opfyldt')
    note: str | None = None  # the note of the done entry

    @property
    def id(self) -> str:
        return self.frist.id

    @property
    def dato(self) -> date:
        return self.frist.dato

    def as_json(self) -> dict[str, Any]:
        """The deadline's JSON plus ``status`` and, when done, ``opfyldt`` and ``for_sent``."""
        out = self.frist.as_json()
        out["status"] = self.status
        if self.opfyldt is not None:
            out["opfyldt"] = self.opfyldt.isoformat()
            out["for_sent"] = self.for_sent
            if self.note:
                out["note"] = self.note
        return out


def status_for_frist(frist: Frist, udfoert: Udfoerelse | None, idag: date) -> FristStatus:
    """The status of one deadline on ``idag`` given its done entry (or ``None``)."""
    if udfoert is not None:
        late = not frist.tidligst and udfoert.dato > frist.dato
        return FristStatus(frist, OPFYLDT, udfoert.dato, late, udfoert.note)
    dage = (frist.dato - idag).days
    if dage < 0:
        return FristStatus(frist, SNART if frist.tidligst else OVERSKREDET)
    if dage <= SNART_DAGE:
        return FristStatus(frist, SNART)
    return FristStatus(frist, KOMMENDE)


def frister_med_status(frister: Sequence[Frist], udfoert: Mapping[str, Udfoerelse],
                       idag: date) -> list[FristStatus]:
    """Each of ``frister`` (order kept) with its status on ``idag``.

    ``udfoert`` maps a deadline id to its done entry (:func:`udfoert_fra_sag` builds it
    from a case file). Entries for ids not in ``frister`` are ignored.
    """
    return [status_for_frist(f, udfoert.get(f.id), idag) for f in frister]


def udfoert_fra_sag(case: Case) -> dict[str, Udfoerelse]:
    """The done entries of a case file by deadline id.

    ``samarbejdspartnere.koordinering`` (sket, with a date) counts for ``kommune_kontakt``
    unless ``udfoert`` has its own entry for it.
    """
    out = {u.frist: Udfoerelse(u.frist, u.dato, u.note) for u in case.udfoert}
    k = case.samarbejdspartnere.koordinering
    if "kommune_kontakt" not in out and k.sket and k.dato is not None:
        out["kommune_kontakt"] = Udfoerelse(
            "kommune_kontakt", k.dato, f"koordinering med {k.med}" if k.med else None)
    return out


def sagens_frister_med_status(case: Case, idag: date,
                              horisont: date | None = None) -> list[FristStatus]:
    """Every deadline of ``case`` (in date order) with its status on ``idag``."""
    from gldocs.frister import beregn_frister, grundlag_from_case

    frister = beregn_frister(grundlag_from_case(case), horisont=horisont)
    return frister_med_status(frister, udfoert_fra_sag(case), idag)


def optaelling(statusser: Iterable[FristStatus]) -> dict[str, int]:
    """How many deadlines have each status (every status present, zero included)."""
    out = dict.fromkeys(STATUSSER, 0)
    for s in statusser:
        out[s.status] += 1
    return out
