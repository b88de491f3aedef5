"""Done, due, overdue: the status API (gldocs.frist_status) and the case file's ``udfoert``."""

from __future__ import annotations

from datetime import date

import pytest

from gldocs.case import load_case, load_case_text
from gldocs.errors import CaseFileError
from gldocs.frist_status import (
    KOMMENDE,
    OPFYLDT,
    OVERSKREDET,
    SNART,
    Udfoerelse,
    frister_med_status,
    optaelling,
    sagens_frister_med_status,
    status_for_frist,
    udfoert_fra_sag,
)
from gldocs.frister import Frist
from gldocs.paths import SAMPLES_DIR

SAMPLE = SAMPLES_DIR / "afsoner-proeveloesladelse.yaml"
F = Frist("handleplan_udarbejdet", date(2026, 4, 7), "pkt. 16", "tekst")


def test_done_on_time_and_late() -> None:
    on_time = status_for_frist(F, Udfoerelse(F.id, date(2026, 4, 7)), date(2026, 6, 1))
    assert (on_time.status, on_time.opfyldt, on_time.for_sent) == (OPFYLDT, date(2026, 4, 7),
                                                                   False)
    late = status_for_frist(F, Udfoerelse(F.id, date(2026, 4, 8), "syg"), date(2026, 4, 1))
    assert (late.status, late.for_sent, late.note) == (OPFYLDT, True, "syg")
    assert late.as_json()["opfyldt"] == "2026-04-08"
    assert late.as_json()["for_sent"] is True


@pytest.mark.parametrize(("idag", "expected"), [
    (date(2026, 4, 8), OVERSKREDET),  # one day after the deadline
    (date(2026, 4, 7), SNART),  # the day itself
    (date(2026, 3, 24), SNART),  # exactly 14 days before
    (date(2026, 3, 23), KOMMENDE),  # 15 days before
])
def test_open_deadline_status_by_day(idag: date, expected: str) -> None:
    s = status_for_frist(F, None, idag)
    assert s.status == expected
    assert "opfyldt" not in s.as_json()
    assert s.as_json()["status"] == expected


def test_earliest_date_is_never_overdue() -> None:
    mentor = Frist("kif_mentor_tidligst", date(2026, 4, 7), "Guide 3.3.4", "t", tidligst=True)
    assert status_for_frist(mentor, None, date(2026, 5, 1)).status == SNART
    done = status_for_frist(mentor, Udfoerelse(mentor.id, date(2026, 5, 1)), date(2026, 5, 2))
    assert not done.for_sent


def test_entries_for_absent_deadlines_are_ignored_and_order_kept() -> None:
    g = Frist("kommune_kontakt", date(2026, 3, 1), "pkt. 32", "t")
    out = frister_med_status([F, g], {"loesladelsesmoede": Udfoerelse("loesladelsesmoede",
                                                                      date(2026, 1, 1))},
                             date(2026, 3, 30))  # F is 8 days ahead, g 29 days late
    assert [s.id for s in out] == ["handleplan_udarbejdet", "kommune_kontakt"]
    assert [s.status for s in out] == [SNART, OVERSKREDET]
    assert optaelling(out) == {OPFYLDT: 0, OVERSKREDET: 1, SNART: 1, KOMMENDE: 0}


def _with_done(text: str, done: str) -> str:
    """The case text with its ``udfoert`` list replaced by ``done``."""
    if "\nudfoert:" in text:
        text = text[: text.index("\nudfoert:")]
    return text.rstrip("\n") + "\n" + done


def test_case_file_done_entries_and_koordinering(tmp_path: object) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    case = load_case_text(_with_done(text, (
        "udfoert:\n"
        "  - frist: handleplan_oprettet\n"
        "    dato: 2026-03-17\n"
        "  - frist: handleplan_udarbejdet\n"
        "    dato: 2026-04-09\n"
        "    note: Klienten var syg i uge 14\n")), "sag.yaml")
    done = udfoert_fra_sag(case)
    assert done["handleplan_udarbejdet"].note == "Klienten var syg i uge 14"
    k = case.samarbejdspartnere.koordinering
    if k.sket:  # the sample's coordination record counts for kommune_kontakt
        assert done["kommune_kontakt"].dato == k.dato
    by_id = {s.id: s for s in sagens_frister_med_status(case, date(2026, 12, 1))}
    # 10 March 2026 + 4 weeks = 7 April 2026; done 9 April: late
    assert by_id["handleplan_udarbejdet"].dato == date(2026, 4, 7)
    assert by_id["handleplan_udarbejdet"].status == OPFYLDT
    assert by_id["handleplan_udarbejdet"].for_sent
    # 10 March + 7 hverdage (skærtorsdag 2/4 is later) = 19 March; done 17 March: on time
    assert by_id["handleplan_oprettet"].status == OPFYLDT
    assert not by_id["handleplan_oprettet"].for_sent


def test_explicit_entry_wins_over_koordinering() -> None:
    case = load_case(SAMPLE)
    case = case.model_copy(update={"udfoert": []})
    data = case.model_dump(mode="json")
    data["samarbejdspartnere"]["koordinering"] = {
        "sket": True, "dato": "2026-05-01", "med": "Aarhus Kommune, Indgangen"}
    data["udfoert"] = [{"frist": "kommune_kontakt", "dato": "2026-04-20"}]
    from gldocs.case.model import Case

    case = Case.model_validate(data)
    assert udfoert_fra_sag(case)["kommune_kontakt"].dato == date(2026, 4, 20)
    del data["udfoert"]
    case = Case.model_validate(data)
    assert udfoert_fra_sag(case)["kommune_kontakt"].dato == date(2026, 5, 1)


@pytest.mark.parametrize(("entry", "field", "words"), [
    ("  - frist: handleplan_lavet\n    dato: 2026-04-01\n", "udfoert[0].frist",
     "ikke en kendt frist"),
    ("  - frist: evaluering_0\n    dato: 2026-04-01\n", "udfoert[0].frist",
     "ikke en kendt frist"),
    ("  - frist: evaluering\n    dato: 2026-04-01\n", "udfoert[0].frist",
     "ikke en kendt frist"),
    ("  - frist: kommune_kontakt\n    dato: 2099-01-01\n", "udfoert[0].dato", "i fremtiden"),
    ("  - frist: kommune_kontakt\n    dato: 2026-13-01\n", "udfoert[0].dato", ""),
    ("  - frist: evaluering_1\n    dato: 2026-06-01\n"
     "  - frist: evaluering_1\n    dato: 2026-06-02\n", "udfoert[1].frist",
     "allerede registreret"),
    ("  - frist: kommune_kontakt\n    dato: 2026-04-01\n    hvem: Maja\n", "udfoert[0].hvem",
     ""),
])
def test_bad_done_entries_are_rejected_with_field_and_line(entry: str, field: str,
                                                           words: str) -> None:
    text = _with_done(SAMPLE.read_text(encoding="utf-8"), "udfoert:\n" + entry)
    with pytest.raises(CaseFileError) as exc:
        load_case_text(text, "sag.yaml")
    problems = [p for p in exc.value.problems if p.path == field]
    assert problems, exc.value.problems
    assert words in problems[0].message
    assert problems[0].line is not None and problems[0].line > text.count("\n") - 7
