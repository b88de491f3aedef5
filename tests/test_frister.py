"""Unit tests of the deadline rules (gldocs.frister): calendar, release and client types."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from gldocs.errors import InputError
from gldocs.frister import (
    Frist,
    FristGrundlag,
    beregn_frister,
    effektiv_loesladelse,
    er_hverdag,
    fremryk,
    grundlag_from_case,
    laeg_hverdage_til,
    laeg_maaneder_til,
)
from gldocs.paths import SAMPLES_DIR

RELEASE_IDS = {
    "loesladelsesmoede", "kif_inddragelse", "moeder_loesladelsesdag",
    "engangshjaelp_afgoerelse", "mentor_tidligst", "infohus_underretning",
    "kif_moede", "kif_kommune_kontakt", "loesladelse_fremrykket",
}


def by_id(frister: list[Frist]) -> dict[str, list[date]]:
    """Dates per id; numbered evaluations (evaluering_1, _2 ...) grouped as 'evaluering'."""
    out: dict[str, list[date]] = {}
    for f in frister:
        key = "evaluering" if f.id.startswith("evaluering_") else f.id
        out.setdefault(key, []).append(f.dato)
    return out


def one(frister: list[Frist], id_: str) -> date:
    dates = by_id(frister)[id_]
    assert len(dates) == 1, dates
    return dates[0]


# ---------------------------------------------------------------- hverdage


def test_easter_2026_is_skipped() -> None:
    # Tue 31 March 2026; skærtorsdag 2/4, langfredag 3/4, weekend, 2. påskedag 6/4
    assert laeg_hverdage_til(date(2026, 3, 31), 1) == date(2026, 4, 1)
    assert laeg_hverdage_til(date(2026, 3, 31), 2) == date(2026, 4, 7)
    assert laeg_hverdage_til(date(2026, 3, 31), 7) == date(2026, 4, 14)
    for holiday in (date(2026, 4, 2), date(2026, 4, 3), date(2026, 4, 6)):
        assert not er_hverdag(holiday)


def test_kristi_himmelfartsdag_is_skipped() -> None:
    assert not er_hverdag(date(2026, 5, 14))
    # Mon 11 May 2026 + 7 hverdage, skipping Thursday 14 May
    assert laeg_hverdage_til(date(2026, 5, 11), 7) == date(2026, 5, 21)
    g = FristGrundlag("afsoner", indsat=date(2026, 5, 11))
    assert one(beregn_frister(g), "handleplan_oprettet") == date(2026, 5, 21)


def test_store_bededag_abolished_from_2024() -> None:
    assert not er_hverdag(date(2023, 5, 5))  # store bededag 2023
    assert er_hverdag(date(2024, 4, 26))  # would have been store bededag
    assert er_hverdag(date(2026, 5, 1))  # and in 2026 (also 1. maj: not a helligdag)
    assert laeg_hverdage_til(date(2023, 5, 1), 7) == date(2023, 5, 11)
    assert laeg_hverdage_til(date(2024, 4, 22), 7) == date(2024, 5, 1)


def test_grundlovsdag_and_juleaftensdag_count_as_hverdage() -> None:
    assert er_hverdag(date(2026, 6, 5))  # grundlovsdag, a Friday
    assert er_hverdag(date(2026, 12, 24))  # juleaftensdag, a Thursday
    assert er_hverdag(date(2026, 12, 31))  # nytårsaftensdag
    assert not er_hverdag(date(2026, 12, 25))
    assert not er_hverdag(date(2027, 1, 1))
    assert not er_hverdag(date(2026, 3, 7))  # Saturday


def test_overfoersel_over_christmas() -> None:
    # Tue 22/12: 23, 24, 28, 29, 30, 31 December, then 4 January (1 January is a holiday)
    g = FristGrundlag("afsoner", indsat=date(2026, 6, 1), overfoert=date(2026, 12, 22))
    assert one(beregn_frister(g), "overfoersel_opdatering") == date(2027, 1, 4)


def test_handleplan_deadlines() -> None:
    g = FristGrundlag("afsoner", indsat=date(2026, 3, 6))  # a Friday
    frister = beregn_frister(g)
    assert one(frister, "handleplan_oprettet") == date(2026, 3, 17)
    assert one(frister, "handleplan_udarbejdet") == date(2026, 4, 3)


# ---------------------------------------------------------------- months


def test_month_end_clamping() -> None:
    assert laeg_maaneder_til(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert laeg_maaneder_til(date(2026, 5, 31), -3) == date(2026, 2, 28)
    assert laeg_maaneder_til(date(2024, 5, 31), -3) == date(2024, 2, 29)
    # a release on 31 May (fodlænke: no fremrykning) puts the meeting on 28 February
    g = FristGrundlag("ung-fodlaenke", indsat=date(2026, 1, 5), loesladelse=date(2026, 5, 31),
                      straf_dage=146)
    assert one(beregn_frister(g), "loesladelsesmoede") == date(2026, 2, 28)
    # 1 year before 29 February 2028 is 28 February 2027
    g = FristGrundlag("paragraf-68-69", indsat=date(2025, 1, 1), loesladelse=date(2028, 2, 29))
    assert one(beregn_frister(g), "kommune_kontakt") == date(2027, 2, 28)


def test_evaluations_do_not_drift_at_month_end() -> None:
    g = FristGrundlag("afsoner", indsat=date(2026, 1, 31), loesladelse=date(2027, 1, 27),
                      straf_dage=361)
    assert by_id(beregn_frister(g))["evaluering"] == [
        date(2026, 4, 30), date(2026, 7, 31), date(2026, 10, 31),
    ]


# ---------------------------------------------------------------- release


@pytest.mark.parametrize(
    ("release", "effective"),
    [
        (date(2026, 3, 5), date(2026, 3, 4)),  # Thursday
        (date(2026, 3, 6), date(2026, 3, 4)),  # Friday
        (date(2026, 3, 7), date(2026, 3, 4)),  # Saturday
        (date(2026, 3, 8), date(2026, 3, 4)),  # Sunday
        (date(2026, 3, 4), date(2026, 3, 4)),  # Wednesday: unchanged
        (date(2026, 3, 2), date(2026, 3, 2)),  # Monday: unchanged
    ],
)
def test_fremryk(release: date, effective: date) -> None:
    assert fremryk(release) == effective


def test_fremrykning_from_thursday() -> None:
    g = FristGrundlag("afsoner", indsat=date(2025, 9, 1), loesladelse=date(2026, 3, 5),
                      straf_dage=185)
    frister = beregn_frister(g)
    assert one(frister, "loesladelse_fremrykket") == date(2026, 3, 4)
    f = next(f for f in frister if f.id == "loesladelse_fremrykket")
    assert "5. marts 2026" in f.tekst and "4. marts 2026" in f.tekst and "torsdag" in f.tekst
    assert "§ 21" in f.hjemmel
    # release-relative deadlines count from the effective Wednesday
    assert one(frister, "engangshjaelp_afgoerelse") == date(2026, 2, 18)
    assert one(frister, "moeder_loesladelsesdag") == date(2026, 2, 4)
    assert one(frister, "loesladelsesmoede") == date(2025, 12, 4)


def test_fremrykning_from_sunday_uses_proeveloesladelse() -> None:
    g = FristGrundlag("afsoner", indsat=date(2025, 1, 6), proeveloesladelse=date(2026, 11, 8),
                      loesladelse=date(2027, 6, 6), straf_dage=881)
    assert effektiv_loesladelse(g) == date(2026, 11, 4)
    frister = beregn_frister(g)
    assert one(frister, "loesladelse_fremrykket") == date(2026, 11, 4)
    assert one(frister, "kif_inddragelse") == date(2026, 9, 9)
    assert one(frister, "kif_moede") == date(2026, 11, 11)
    assert one(frister, "kif_kommune_kontakt") == date(2026, 12, 2)
    assert one(frister, "loesladelsesmoede") == date(2026, 8, 4)
    assert one(frister, "kommune_kontakt") == date(2025, 11, 4)
    assert "moeder_loesladelsesdag" not in by_id(frister)  # only after endt straf


def test_no_fremrykning_when_release_is_wednesday() -> None:
    g = FristGrundlag("afsoner", indsat=date(2026, 1, 5), loesladelse=date(2026, 7, 1),
                      straf_dage=177)
    frister = beregn_frister(g)
    assert "loesladelse_fremrykket" not in by_id(frister)
    assert one(frister, "engangshjaelp_afgoerelse") == date(2026, 6, 17)


@pytest.mark.parametrize("straf_dage", [1, 20, 29])
def test_short_sentence_not_moved(straf_dage: int) -> None:
    release = date(2026, 3, 7)  # a Saturday
    g = FristGrundlag("afsoner", indsat=release - timedelta(days=straf_dage),
                      loesladelse=release, straf_dage=straf_dage)
    frister = beregn_frister(g)
    assert effektiv_loesladelse(g) == release
    assert "loesladelse_fremrykket" not in by_id(frister)
    assert one(frister, "engangshjaelp_afgoerelse") == date(2026, 2, 21)


def test_thirty_days_is_moved() -> None:
    g = FristGrundlag("afsoner", indsat=date(2026, 2, 5), loesladelse=date(2026, 3, 7),
                      straf_dage=30)
    assert one(beregn_frister(g), "loesladelse_fremrykket") == date(2026, 3, 4)


def test_unknown_sentence_length() -> None:
    # a prøveløsladelse presupposes at least two months: moved
    g = FristGrundlag("afsoner", indsat=date(2026, 1, 5), proeveloesladelse=date(2026, 9, 5))
    assert effektiv_loesladelse(g) == date(2026, 9, 2)
    # no length and no prøveløsladelse: left as it is
    g = FristGrundlag("afsoner", indsat=date(2026, 1, 5), loesladelse=date(2026, 9, 5))
    assert effektiv_loesladelse(g) == date(2026, 9, 5)


def test_no_fremrykning_for_fodlaenke() -> None:
    g = FristGrundlag("ung-fodlaenke", indsat=date(2026, 1, 5), loesladelse=date(2026, 6, 6),
                      straf_dage=152)
    assert effektiv_loesladelse(g) == date(2026, 6, 6)
    assert "loesladelse_fremrykket" not in by_id(beregn_frister(g))


# ---------------------------------------------------------------- kommune_kontakt


def test_kommune_kontakt_one_year_before_release() -> None:
    g = FristGrundlag("afsoner", indsat=date(2025, 1, 6), loesladelse=date(2027, 3, 3),
                      straf_dage=786)
    assert one(beregn_frister(g), "kommune_kontakt") == date(2026, 3, 3)


def test_kommune_kontakt_less_than_a_year_remaining() -> None:
    g = FristGrundlag("afsoner", indsat=date(2026, 1, 5), loesladelse=date(2026, 10, 7),
                      straf_dage=275)
    f = next(f for f in beregn_frister(g) if f.id == "kommune_kontakt")
    assert f.dato == date(2026, 2, 2)
    assert "4 uger efter indsættelsen" in f.tekst
    assert f.hjemmel == "Handleplansvejledningen pkt. 32"


def test_kommune_kontakt_exactly_a_year_counts_as_short() -> None:
    g = FristGrundlag("afsoner", indsat=date(2026, 3, 4), loesladelse=date(2027, 3, 3),
                      straf_dage=364)
    # one year before 3 March 2027 is before indsættelse: 4 weeks after it instead
    assert one(beregn_frister(g), "kommune_kontakt") == date(2026, 4, 1)
    g = FristGrundlag("afsoner", indsat=date(2026, 3, 3), loesladelse=date(2027, 3, 3),
                      straf_dage=365)
    assert one(beregn_frister(g), "kommune_kontakt") == date(2026, 3, 31)


def test_kommune_kontakt_from_loesladelse_when_no_proeveloesladelse() -> None:
    g = FristGrundlag("paragraf-68-69", indsat=date(2024, 2, 1), loesladelse=date(2027, 6, 2))
    assert one(beregn_frister(g), "kommune_kontakt") == date(2026, 6, 2)


# ---------------------------------------------------------------- client types


def test_udvist_has_no_municipality_or_kif_deadlines() -> None:
    g = FristGrundlag("afsoner", indsat=date(2025, 1, 6), proeveloesladelse=date(2026, 11, 8),
                      loesladelse=date(2027, 6, 6), straf_dage=881, udvist=True,
                      radikalisering=True)
    ids = set(by_id(beregn_frister(g)))
    assert ids == {"handleplan_oprettet", "handleplan_udarbejdet", "evaluering",
                   "loesladelse_fremrykket", "infohus_underretning"}


def test_varetaegt_has_no_release_planning() -> None:
    g = FristGrundlag("varetaegt", indsat=date(2026, 1, 5), loesladelse=date(2026, 12, 4),
                      overfoert=date(2026, 2, 2), radikalisering=True, straf_dage=333)
    frister = beregn_frister(g)
    ids = set(by_id(frister))
    assert ids == {"handleplan_oprettet", "handleplan_udarbejdet", "evaluering",
                   "overfoersel_opdatering"}
    assert one(frister, "handleplan_oprettet") == date(2026, 1, 14)
    # no release date: evaluations every 3 months for 2 years from indsættelse
    assert len(by_id(frister)["evaluering"]) == 7
    assert by_id(frister)["evaluering"][0] == date(2026, 4, 5)


def test_horisont_extends_open_ended_evaluations() -> None:
    g = FristGrundlag("varetaegt", indsat=date(2026, 1, 5))
    evals = by_id(beregn_frister(g, horisont=date(2029, 1, 6)))["evaluering"]
    assert evals[-1] == date(2029, 1, 5)
    assert len(evals) == 12
    # an earlier horisont never shortens the default two years
    assert len(by_id(beregn_frister(g, horisont=date(2026, 2, 1)))["evaluering"]) == 7


def test_tilsyn() -> None:
    g = FristGrundlag("tilsyn", tilsynssamtale=date(2026, 3, 10),
                      proeveloesladelse=date(2026, 3, 7))  # a Saturday: already happened
    frister = beregn_frister(g)
    ids = by_id(frister)
    assert set(ids) == {"handleplan_udarbejdet", "kommune_kontakt", "evaluering",
                        "kif_moede", "kif_kommune_kontakt"}
    assert one(frister, "handleplan_udarbejdet") == date(2026, 4, 7)
    udarbejdet = next(f for f in frister if f.id == "handleplan_udarbejdet")
    assert udarbejdet.hjemmel == "Handleplansvejledningen pkt. 17"
    assert one(frister, "kommune_kontakt") == date(2026, 4, 7)
    assert one(frister, "kif_moede") == date(2026, 3, 14)  # no fremrykning for tilsyn
    assert one(frister, "kif_kommune_kontakt") == date(2026, 4, 4)
    assert ids["evaluering"][0] == date(2026, 6, 10)


def test_tilsyn_betinget_dom_without_proeveloesladelse() -> None:
    g = FristGrundlag("tilsyn", tilsynssamtale=date(2026, 3, 10))
    ids = set(by_id(beregn_frister(g)))
    assert ids == {"handleplan_udarbejdet", "kommune_kontakt", "evaluering"}


def test_afsoner_after_endt_straf_full_set() -> None:
    g = FristGrundlag("afsoner", indsat=date(2025, 1, 6), loesladelse=date(2027, 3, 3),
                      straf_dage=786, radikalisering=True, overfoert=date(2025, 6, 2))
    ids = set(by_id(beregn_frister(g)))
    assert ids == {"handleplan_oprettet", "handleplan_udarbejdet", "kommune_kontakt",
                   "evaluering", "overfoersel_opdatering", "loesladelsesmoede",
                   "moeder_loesladelsesdag", "engangshjaelp_afgoerelse", "mentor_tidligst",
                   "infohus_underretning"}


def test_infohus_only_when_flagged() -> None:
    base = dict(klienttype="afsoner", indsat=date(2026, 1, 5), loesladelse=date(2026, 12, 2),
                straf_dage=331)
    assert "infohus_underretning" not in by_id(beregn_frister(FristGrundlag(**base)))
    flagged = beregn_frister(FristGrundlag(**base, radikalisering=True))
    assert one(flagged, "infohus_underretning") == date(2026, 9, 2)


def test_evaluation_interval_six_months_while_more_than_two_years_remain() -> None:
    g = FristGrundlag("afsoner", indsat=date(2026, 1, 5), loesladelse=date(2029, 1, 3),
                      straf_dage=1094)
    evals = by_id(beregn_frister(g))["evaluering"]
    assert evals == [
        date(2026, 7, 5),  # > 2 years remain at indsættelse: 6 months
        date(2027, 1, 5),  # > 2 years remained on 5 July 2026
        date(2027, 4, 5),  # from 5 January 2027 less than 2 years remain: 3 months
        date(2027, 7, 5), date(2027, 10, 5), date(2028, 1, 5), date(2028, 4, 5),
        date(2028, 7, 5), date(2028, 10, 5),
    ]
    assert all(d < date(2029, 1, 3) for d in evals)


def test_paragraf_68_69_evaluates_every_six_months() -> None:
    g = FristGrundlag("paragraf-68-69", indsat=date(2026, 1, 5), loesladelse=date(2027, 6, 2))
    assert by_id(beregn_frister(g))["evaluering"] == [
        date(2026, 7, 5), date(2027, 1, 5),
    ]


def test_sorted_and_complete_fields() -> None:
    g = FristGrundlag("afsoner", indsat=date(2025, 1, 6), proeveloesladelse=date(2026, 11, 8),
                      loesladelse=date(2027, 6, 6), straf_dage=881, radikalisering=True,
                      overfoert=date(2025, 12, 22))
    frister = beregn_frister(g)
    assert [f.dato for f in frister] == sorted(f.dato for f in frister)
    for f in frister:
        assert f.tekst and f.hjemmel
        assert f.as_json() == {"id": f.id, "dato": f.dato.isoformat(),
                               "hjemmel": f.hjemmel, "tekst": f.tekst, "art": f.art}


def test_missing_dates_drop_only_their_deadlines() -> None:
    assert beregn_frister(FristGrundlag("afsoner")) == []
    ids = set(by_id(beregn_frister(FristGrundlag("afsoner", loesladelse=date(2026, 9, 2),
                                                 straf_dage=200))))
    assert ids & RELEASE_IDS == {"loesladelsesmoede", "moeder_loesladelsesdag",
                                 "engangshjaelp_afgoerelse", "mentor_tidligst"}
    assert "handleplan_oprettet" not in ids and "evaluering" not in ids


def test_bad_grundlag() -> None:
    with pytest.raises(InputError, match="klienttype"):
        FristGrundlag("fange")
    with pytest.raises(InputError):
        FristGrundlag("afsoner", straf_dage=-3)


# ---------------------------------------------------------------- case mapping


def test_klienttyper_match_the_case_model() -> None:
    from gldocs.case import Klienttype
    from gldocs.frister import KLIENTTYPER

    assert set(KLIENTTYPER) == {k.value for k in Klienttype}


def test_grundlag_from_case_maps_fields() -> None:
    stam = SimpleNamespace(
        klienttype=SimpleNamespace(value="afsoner"),
        indsaettelsesdato=date(2025, 1, 6),
        tilsynssamtale=None,
        proeveloesladelse=SimpleNamespace(dato=date(2026, 11, 8)),
        forventet_loesladelse=date(2027, 6, 6),
        dom=SimpleNamespace(dage=881),
        udvist=False,
        radikalisering=True,
        overfoert=date(2025, 12, 22),
    )
    g = grundlag_from_case(SimpleNamespace(stamoplysninger=stam))  # type: ignore[arg-type]
    assert g == FristGrundlag("afsoner", indsat=date(2025, 1, 6),
                              proeveloesladelse=date(2026, 11, 8),
                              loesladelse=date(2027, 6, 6), straf_dage=881,
                              radikalisering=True, overfoert=date(2025, 12, 22))


def test_grundlag_from_sample_cases() -> None:
    from gldocs.case import load_case

    samples = sorted(SAMPLES_DIR.glob("*.yaml"))
    if not samples:
        pytest.skip("no sample cases yet")
    for path in samples:
        case = load_case(path)
        g = grundlag_from_case(case)
        assert g.klienttype == case.stamoplysninger.klienttype.value
        frister = beregn_frister(g)
        assert frister, path.name
        ids = {f.id for f in frister}
        if g.udvist or g.klienttype == "varetaegt":
            assert "kommune_kontakt" not in ids, path.name
