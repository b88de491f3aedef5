"""Release statistics: expected numbers counted by hand from statistik_cases.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from statistik_cases import write_cases

from gldocs.cli import main
from gldocs.statistik.beregning import beregn, offentliggoer
from gldocs.statistik.periode import Periode, kvartaler, parse_periode

IDAG = "2027-01-15"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("sager")
    write_cases(d)
    return d


def run(*args: str, index: Path) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, [*args, "--indeks", str(index)])
    return r.exit_code, r.stdout, r.stderr


def stat_json(folder: Path, tmp_path: Path, *extra: str) -> dict:
    code, out, err = run("statistik", str(folder), "--idag", IDAG, "--format", "json",
                         *extra, index=tmp_path / "i.sqlite")
    assert code == 0, err
    return json.loads(out)


def test_quarter_counts_by_hand(folder: Path, tmp_path: Path) -> None:
    d = stat_json(folder, tmp_path, "--periode", "2026-Q4")
    assert d["periode"] == {"fra": "2026-10-01", "til": "2026-12-31"}
    # releases in Q4: A (1.10, first day), B (31.12, last day), E (expected, no afgang),
    # F, G, K; not C (30.9), D (1.1.2027), the varetægtsarrestant or the broken file
    assert d["loesladelser"] == 6
    assert d["afgangsbedoemmelser"] == 5  # E has none
    # A: 3 (bolig, job, løn); B: 1 (kontanthjælp); F: 2 (aktivering, engangshjælp);
    # G: 1 (egen bolig); K: 0 (all ukendt)
    assert d["elementer"] == {"3": 1, "2": 1, "1": 2, "0": 1}
    assert (d["bolig"], d["beskaeftigelse"], d["forsoergelse"]) == (2, 2, 3)
    assert d["udeladt"] == 1
    # B's sentence is exactly 3 months: not "over 3 months"
    assert d["daekning"]["over_3_maaneder"] == {"loesladelser": 5, "afgangsbedoemmelser": 4}
    assert d["daekning"]["3_maaneder_eller_derunder"] == {"loesladelser": 1,
                                                           "afgangsbedoemmelser": 1}
    # A enig; F sent, deadline 18.11 passed; G deadline 1.2.2027 after idag; B, K not sent
    assert d["kommunens_svar"] == {"enig": 1, "uenig": 0, "intet_svar": 1, "afventer": 1,
                                   "ikke_sendt": 2}
    mp = d["maalepunkter"]
    # pkt. 16: A, F on time; B, E, G, K not done
    assert mp["handleplan_udarbejdet"] == {"rettidigt": 2, "for_sent": 0, "ikke_opfyldt": 4,
                                           "ikke_relevant": 0}
    # pkt. 32: F on time (on the day); A late; B, E, G not done; K udvist
    assert mp["kommune_kontakt"] == {"rettidigt": 1, "for_sent": 1, "ikke_opfyldt": 3,
                                     "ikke_relevant": 1}
    # trin 9: only F had a prøveløsladelse; done 11 days late
    assert mp["kif_inddragelse"] == {"rettidigt": 0, "for_sent": 1, "ikke_opfyldt": 0,
                                     "ikke_relevant": 5}
    # trin 8: A on time; K udvist (not relevant)
    assert mp["loesladelsesmoede"]["rettidigt"] == 1
    assert mp["loesladelsesmoede"]["for_sent"] == 0
    assert sum(mp["loesladelsesmoede"].values()) == 6
    assert "kvartaler" not in d
    assert d["offentlig"] is False


def test_year_has_quarters(folder: Path, tmp_path: Path) -> None:
    d = stat_json(folder, tmp_path, "--periode", "2026")
    assert d["loesladelser"] == 7  # Q4 plus C (30.9)
    qs = {q["kvartal"]: q for q in d["kvartaler"]}
    assert list(qs) == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    assert qs["2026-Q3"]["loesladelser"] == 1 and qs["2026-Q3"]["bolig"] == 1
    assert qs["2026-Q4"]["loesladelser"] == 6
    assert qs["2026-Q3"]["periode"] == {"fra": "2026-07-01", "til": "2026-09-30"}
    for q in qs.values():  # same shape as the whole period
        assert set(d) - {"kvartaler", "daekning", "offentlig"} <= set(q)


def test_range_and_enhed(folder: Path, tmp_path: Path) -> None:
    d = stat_json(folder, tmp_path, "--periode", "2026-11-01:2026-11-30")
    assert d["loesladelser"] == 3  # E (18.11), F (4.11), G (11.11)
    d = stat_json(folder, tmp_path, "--periode", "2026-Q4", "--enhed",
                  "statsfængslet østjylland")
    assert (d["loesladelser"], d["bolig"]) == (1, 1)  # G only


def test_expected_release_counts_only_once_passed(folder: Path, tmp_path: Path) -> None:
    code, out, _ = run("statistik", str(folder), "--idag", "2026-11-17", "--format", "json",
                       "--periode", "2026-Q4", index=tmp_path / "i.sqlite")
    assert code == 0
    # on 17.11 E's expected release (18.11) has not happened; the recorded ones count
    assert json.loads(out)["loesladelser"] == 5


def test_broken_file_is_named_on_stderr_not_in_the_output(folder: Path, tmp_path: Path
                                                          ) -> None:
    code, out, err = run("statistik", str(folder), "--idag", IDAG, "--periode", "2026-Q4",
                         index=tmp_path / "i.sqlite")
    assert code == 0
    assert "sag-broken.yaml" in err and "linje" in err
    assert "sag-broken" not in out
    assert "Udeladt: 1 sagsfil" in out


def test_no_names_cpr_or_references_in_any_format(folder: Path, tmp_path: Path) -> None:
    for fmt in ("txt", "csv", "html", "json"):
        code, out, _ = run("statistik", str(folder), "--idag", IDAG, "--periode", "2026",
                           "--format", fmt, index=tmp_path / "i.sqlite")
        assert code == 0
        for secret in ("Kasper", "Mikkelsen", "110391", "HP-T-", "Line Lund"):
            assert secret not in out, (fmt, secret)


def test_detaljer_lists_references_only(folder: Path, tmp_path: Path) -> None:
    d = stat_json(folder, tmp_path, "--periode", "2026-Q4", "--detaljer")
    assert sorted(d["detaljer"]) == ["HP-T-A", "HP-T-B", "HP-T-E", "HP-T-F", "HP-T-G",
                                     "HP-T-K"]
    code, _, err = run("statistik", str(folder), "--periode", "2026", "--detaljer",
                       "--offentlig", index=tmp_path / "i.sqlite")
    assert code == 2 and "--offentlig" in err


def test_second_run_reuses_the_index(folder: Path, tmp_path: Path) -> None:
    from datetime import date

    from gldocs.caseload.index import scan

    idx = tmp_path / "x.sqlite"
    first = scan([folder], horisont=date(2027, 1, 15), index_path=idx, progress=False)
    assert first.parsed == 10 and first.reused == 0
    second = scan([folder], horisont=date(2027, 1, 15), index_path=idx, progress=False)
    assert second.parsed == 0 and second.reused == 10
    assert [e.record for e in second.entries] == [e.record for e in first.entries]
    # a changed file is parsed again; a touched but unchanged one is not
    import os

    b = folder / "sag-b.yaml"
    os.utime(b, ns=(b.stat().st_atime_ns, b.stat().st_mtime_ns + 10**9))
    third = scan([folder], horisont=date(2027, 1, 15), index_path=idx, progress=False)
    assert third.parsed == 0 and third.reused == 10


def test_damaged_index_is_rebuilt(folder: Path, tmp_path: Path) -> None:
    idx = tmp_path / "bad.sqlite"
    idx.write_bytes(b"not a database at all" * 100)
    code, out, err = run("statistik", str(folder), "--idag", IDAG, "--periode", "2026-Q4",
                         "--format", "json", index=idx)
    assert code == 0 and json.loads(out)["loesladelser"] == 6
    assert "beskadiget" in err


# --------------------------------------------------------------------------- --offentlig


def _records(n_bolig: int, n_uden: int) -> list[dict]:
    """n_bolig releases with own housing and n_uden without, all with an afgang."""
    recs = []
    for i in range(n_bolig + n_uden):
        recs.append({"reference": f"R{i}", "klienttype": "afsoner", "straf_dage": 400,
                     "institution": "Fængslet X", "kif_afdeling": None,
                     "loesladelse": "2026-11-02", "loesladelse_kilde": "afgang",
                     "maalepunkter": {},
                     "afgang": {"dato": "2026-11-02", "institution": None,
                                "bolig": "egen-bolig" if i < n_bolig else "hjemloes",
                                "beskaeftigelse": "loenarbejde", "forsoergelse": "loen",
                                "sendt": None}})
    return recs


def test_suppression_at_4_and_5() -> None:
    from datetime import date

    p = parse_periode("2026-Q4")
    # 4 with own housing out of 9: 4 is suppressed, and so is its complement 5
    s = offentliggoer(beregn(_records(4, 5), p, date(2027, 1, 1)))
    assert s.get("alle", "bolig") is None and s.get("alle", "ikke_bolig") is None
    assert s.get("alle", "loesladelser") == 9
    # 5 and 5: nothing to hide
    s = offentliggoer(beregn(_records(5, 5), p, date(2027, 1, 1)))
    assert s.get("alle", "bolig") == 5 and s.get("alle", "ikke_bolig") == 5
    # 6 with own housing out of 10: the complement 4 is hidden, so 6 is too
    s = offentliggoer(beregn(_records(6, 4), p, date(2027, 1, 1)))
    assert s.get("alle", "bolig") is None and s.get("alle", "ikke_bolig") is None
    # zero describes no one and stays
    assert s.get("alle", "uden_afgang") == 0


def test_offentlig_json_and_text_say_so(folder: Path, tmp_path: Path) -> None:
    d = stat_json(folder, tmp_path, "--periode", "2026-Q4", "--offentlig")
    assert d["offentlig"] is True
    assert d["loesladelser"] == 6 and d["bolig"] is None  # 2 is hidden
    assert d["elementer"]["3"] is None
    code, out, _ = run("statistik", str(folder), "--idag", IDAG, "--periode", "2026-Q4",
                       "--offentlig", index=tmp_path / "i.sqlite")
    assert code == 0 and "undertrykt" in out and "–" in out


def test_split_column_complement_is_suppressed() -> None:
    from datetime import date

    recs = _records(10, 0)
    for r in recs[:3]:
        r["institution"] = "Fængslet Y"  # a unit with 3 releases, the other with 7
    s = offentliggoer(beregn(recs, parse_periode("2026-Q4"), date(2027, 1, 1)))
    assert s.get("enhed:Fængslet Y", "loesladelser") is None
    # the total is shown, so the other unit's 7 would give the 3 away
    assert s.get("alle", "loesladelser") == 10
    assert s.get("enhed:Fængslet X", "loesladelser") is None


# --------------------------------------------------------------------------- periods


def test_periods() -> None:
    from datetime import date

    assert parse_periode("2026-Q4") == Periode(date(2026, 10, 1), date(2026, 12, 31))
    assert parse_periode("2026") == Periode(date(2026, 1, 1), date(2026, 12, 31))
    p = parse_periode("2026-11-15:2027-02-10")
    assert [q for q, _ in kvartaler(p)] == ["2026-Q4", "2027-Q1"]
    assert kvartaler(p)[0][1] == Periode(date(2026, 11, 15), date(2026, 12, 31))
    from gldocs.errors import InputError

    for bad in ("2026-Q5", "2026-12-31:2026-01-01", "sidste år", "2026-02-30:2026-03-01"):
        with pytest.raises(InputError):
            parse_periode(bad)


def test_maalepunkter_rules() -> None:
    from datetime import date

    from gldocs.statistik.maalepunkter import vurder

    d = date.fromisoformat
    frister = [("handleplan_udarbejdet", d("2026-04-07")), ("loesladelsesmoede", d("2026-12-10")),
               ("kif_inddragelse", d("2027-01-13")),
               ("loesladelsesmoede_endt_straf", d("2027-06-08"))]
    udfoert = {"handleplan_udarbejdet": d("2026-04-07"),  # on the day: on time
               "loesladelsesmoede_endt_straf": d("2027-06-01")}
    # prøveløsladt 10.3.2027: the meeting before the prøveløsladelse was never held
    assert vurder(frister, udfoert, d("2027-03-10")) == {
        "handleplan_udarbejdet": "rettidigt", "kommune_kontakt": "ikke_relevant",
        "loesladelsesmoede": "ikke_opfyldt", "kif_inddragelse": "ikke_opfyldt"}
    # prøveløsladelse refused, released after endt straf 8.9.2027: the endt-straf meeting
    # counts, and it was held on time
    assert vurder(frister, udfoert, d("2027-09-08"), endt_straf=True)["loesladelsesmoede"] \
        == "rettidigt"
    # a deadline falling after the release is not relevant to it
    assert vurder(frister, {}, d("2026-12-01"))["kif_inddragelse"] == "ikke_relevant"
