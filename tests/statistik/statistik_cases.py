"""A small set of invented case files covering every category and edge of the statistics.

Each case is the bundled released sample (samples/afsoner-loesladt.yaml) with the fields
the statistics read replaced. The dates of the deadlines are written out by hand next to
each case (handleplansvejledningen pkt. 16 and 32, køreplan trin 8 and 9), so the
expected numbers in the tests are counted by hand, not by the code under test.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from gldocs.paths import SAMPLES_DIR

BASE = SAMPLES_DIR / "afsoner-loesladt.yaml"


def _base() -> dict[str, Any]:
    return yaml.safe_load(BASE.read_text(encoding="utf-8"))


def afgang(dato: str, art: str, bolig: str, besk: str, fors: str, **extra: Any
           ) -> dict[str, Any]:
    out: dict[str, Any] = {"dato": dato, "art": art, "bolig": {"status": bolig},
                           "beskaeftigelse": {"status": besk}, "forsoergelse": {"status": fors}}
    for part in ("bolig", "beskaeftigelse", "forsoergelse"):
        if out[part]["status"] == "ukendt":
            out[part]["note"] = "Ikke afklaret på løsladelsesdagen."
    out.update(extra)
    return out


def make_case(ref: str, *, straflaengde: str, indsat: str, loesladelse: str,
              proeveloesladelse: str | None = None, udvist: bool = False,
              afgang_: dict[str, Any] | None = None, udfoert: list[dict[str, Any]] | None = None,
              koordinering: str | None = None, institution: str = "Fængslet Søbysøgård"
              ) -> dict[str, Any]:
    d = copy.deepcopy(_base())
    d["reference"] = ref
    st = d["stamoplysninger"]
    st["dom"]["straflaengde"] = straflaengde
    st["indsaettelsesdato"] = date.fromisoformat(indsat)
    st["forventet_loesladelse"] = date.fromisoformat(loesladelse)
    st["institution"] = institution
    if proeveloesladelse:
        st["proeveloesladelse"] = {"dato": date.fromisoformat(proeveloesladelse),
                                   "hjemmel": "nr-1"}
    st["udvist"] = udvist
    if udvist:
        del st["handlekommune"]
        d["koordineringsomraader"] = {}
    d["udfoert"] = udfoert or []
    d["samarbejdspartnere"]["koordinering"] = (
        {"sket": True, "dato": date.fromisoformat(koordinering), "med": "Odense Kommune"}
        if koordinering else {"sket": False})
    if afgang_ is None:
        d.pop("afgang", None)
    else:
        d["afgang"] = afgang_
    return d


def udf(frist: str, dato: str) -> dict[str, Any]:
    return {"frist": frist, "dato": date.fromisoformat(dato)}


SENDT = {"samtykke": {"givet": True, "dato": date(2026, 9, 1)}}


def cases() -> dict[str, dict[str, Any]]:
    return {
        # A: released on the period's first day (Thu 1.10.2026; fremrykket to Wed 30.9).
        # pkt. 16: 4.5 + 4 weeks = 1.6 (done 28.5: on time)
        # pkt. 32: less than 1 year at indsættelse -> 4.5 + 4 weeks = 1.6 (coordinated
        #          10.6: late)
        # trin 8: 30.9 - 3 months = 30.6 (done 30.6: on time); no prøveløsladelse: no trin 9
        "a": make_case("HP-T-A", straflaengde="5 måneder", indsat="2026-05-04",
                       loesladelse="2026-10-01", koordinering="2026-06-10",
                       udfoert=[udf("handleplan_udarbejdet", "2026-05-28"),
                                udf("loesladelsesmoede", "2026-06-30")],
                       afgang_=afgang("2026-10-01", "endt-straf", "egen-bolig", "loenarbejde",
                                      "loen", **SENDT, sendt_til_kommunen=date(2026, 10, 1),
                                      kommunens_svar={"svar": "enig",
                                                      "dato": date(2026, 10, 5)})),
        # B: released on the period's last day; sentence exactly 3 months (not over 3).
        # pkt. 16: 1.10 + 4 weeks = 29.10 (not done); pkt. 32: 29.10 (not done)
        "b": make_case("HP-T-B", straflaengde="3 måneder", indsat="2026-10-01",
                       loesladelse="2026-12-31",
                       afgang_=afgang("2026-12-31", "endt-straf", "hjemloes", "ledig",
                                      "kontanthjaelp")),
        # C: released the day before the period (Q3)
        "c": make_case("HP-T-C", straflaengde="5 måneder", indsat="2026-04-28",
                       loesladelse="2026-09-30",
                       afgang_=afgang("2026-09-30", "endt-straf", "egen-bolig", "uddannelse",
                                      "su")),
        # D: released the day after the period (2027)
        "d": make_case("HP-T-D", straflaengde="5 måneder", indsat="2026-08-03",
                       loesladelse="2027-01-01",
                       afgang_=afgang("2027-01-01", "endt-straf", "egen-bolig", "uddannelse",
                                      "su")),
        # E: expected release Wed 18.11.2026, no afgangsbedømmelse (missing afgang)
        # pkt. 16: 17.6 + 4 weeks = 15.7; pkt. 32: 15.7; trin 8: 18.8 (none done)
        "e": make_case("HP-T-E", straflaengde="5 måneder", indsat="2026-06-17",
                       loesladelse="2026-11-18"),
        # F: prøveløsladt Wed 4.11.2026 after 2 years; engangshjælp counts as support;
        # sent, deadline 18.11 passed without an answer.
        # pkt. 16: 3.3.2025 + 4 weeks = 31.3.2025 (done 28.3: on time)
        # pkt. 32: 4.11.2026 - 1 year = 4.11.2025 (done that very day: on time)
        # trin 8: 4.8.2026 (not done); trin 9: 4.11 - 8 weeks = 9.9.2026 (done 20.9: late)
        "f": make_case("HP-T-F", straflaengde="2 år", indsat="2025-03-03",
                       loesladelse="2027-03-03", proeveloesladelse="2026-11-04",
                       udfoert=[udf("handleplan_udarbejdet", "2025-03-28"),
                                udf("kommune_kontakt", "2025-11-04"),
                                udf("kif_inddragelse", "2026-09-20")],
                       afgang_=afgang("2026-11-04", "proeveloesladelse", "udslusning",
                                      "aktivering", "engangshjaelp", **SENDT,
                                      sendt_til_kommunen=date(2026, 11, 4),
                                      indsigelsesfrist=date(2026, 11, 18))),
        # G: 1½ years, released Wed 11.11.2026 from another unit; sent, deadline after idag.
        # pkt. 16: 30.6.2025; pkt. 32: 11.11.2025; trin 8: 11.8.2026 (none done)
        "g": make_case("HP-T-G", straflaengde="1 år og 6 måneder", indsat="2025-06-02",
                       loesladelse="2026-11-11", institution="Statsfængslet Østjylland",
                       afgang_=afgang("2026-11-11", "endt-straf", "egen-bolig", "ukendt",
                                      "ingen", **SENDT, sendt_til_kommunen=date(2026, 11, 11),
                                      indsigelsesfrist=date(2027, 2, 1))),
        # K: udvist, udsendt Wed 2.12.2026: no kommune, no køreplan; pkt. 16: 30.12.2024
        "k": make_case("HP-T-K", straflaengde="3 år", indsat="2024-12-02",
                       loesladelse="2026-12-02", udvist=True,
                       afgang_=afgang("2026-12-02", "udvisning", "ukendt", "ukendt",
                                      "ukendt")),
    }


def write_cases(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for key, data in cases().items():
        path = folder / f"sag-{key}.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        out[key] = path
    broken = folder / "sag-broken.yaml"
    broken.write_text("reference: HP-T-X\nstamoplysninger: [\n", encoding="utf-8")
    out["broken"] = broken
    vt = yaml.safe_load((SAMPLES_DIR / "varetaegt.yaml").read_text(encoding="utf-8"))
    (folder / "sag-varetaegt.yaml").write_text(yaml.safe_dump(vt, allow_unicode=True),
                                               encoding="utf-8")
    return out
