"""Caseload index, ``gldocs statistik`` and ``gldocs oversigt`` at scale: first and second run.

    .venv/bin/python benchmarks/statistik.py [--cases 50000] [--oversigt 5000] [--dir DIR]

Generates ``--cases`` varied synthetic case files (invented persons; the released sample
varied: client type, udvist, units, sentence lengths from 1 month to 8 years, release
dates over 2024-2027, with or without an afgangsbedømmelse and every category of it,
consent, sending and the kommune's answer, done entries on time, late or missing, and
about 1 % broken files), then times the real command line (a fresh process each run):

1. ``gldocs statistik DIR --periode 2025:2026 --format json`` with an empty index (first
   run: every file read and validated), then again (second run: the index only);
2. ``gldocs oversigt`` over ``--oversigt`` of the files with their own index, first and
   second run.

Benchmarks print figures; they are not tests.

Measured 6 December 2026 on the project machine (2 cores shared with five other jobs,
load average about 6), ``--dir /tmp/gbench``:

    statistik, 50000 files: first run 234.9 s, second run 4.29 s
        (23471 releases in 2025-2026, 18807 afgangsbedømmelser, 514 broken files excluded)
    oversigt, 5000 files: first run 26.5 s, second run 2.02 s (4961 cases, 39 broken)

The first run is bound by reading and validating every file (libyaml + pydantic, about
2.5 ms a file per core on an idle core); the second reads only the index.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from gldocs.paths import SAMPLES_DIR

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render import EFTERNAVNE, FORNAVNE  # the render benchmark's invented names

Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

ENHEDER = ["Fængslet Søbysøgård", "Statsfængslet Østjylland", "Storstrøm Fængsel",
           "Fængslet på Kragskovhede", "Anstalten ved Herstedvester", "Vestre Fængsel",
           "Statsfængslet i Renbæk", "Fængslet Nørre Snede", "Arresthuset i Odense",
           "Statsfængslet på Sjælland"]
BOLIG = ["egen-bolig"] * 5 + ["familie-venner", "udslusning", "herberg", "behandlingssted",
                              "hjemloes", "ukendt"]
BESK = ["loenarbejde", "loenarbejde", "skaanejob", "beskyttet", "uddannelse", "revalidering",
        "doegnbehandling", "pensionist", "aktivering", "ledig", "ledig", "sygemeldt", "ukendt"]
FORS = ["loen", "su", "kontanthjaelp", "kontanthjaelp", "kontanthjaelp", "dagpenge",
        "sygedagpenge", "pension", "engangshjaelp", "ingen", "ukendt"]
STRAF = [(30, "1 måned"), (60, "2 måneder"), (90, "3 måneder"), (120, "4 måneder"),
         (180, "6 måneder"), (270, "9 måneder"), (365, "1 år"), (545, "1 år og 6 måneder"),
         (730, "2 år"), (1095, "3 år"), (1825, "5 år"), (2920, "8 år")]


def _base() -> dict[str, Any]:
    data = yaml.safe_load((SAMPLES_DIR / "afsoner-loesladt.yaml").read_text(encoding="utf-8"))
    return data


def _wednesday_on_or_before(d: date) -> date:
    return d - timedelta(days=(d.weekday() - 2) % 7)


def synthetic_case(i: int, rng: random.Random, base: dict[str, Any], today: date
                   ) -> dict[str, Any]:
    d = copy.deepcopy(base)
    d["reference"] = f"HP-SYN-{i:06d}"
    st = d["stamoplysninger"]
    st["navn"] = f"{rng.choice(FORNAVNE)} {rng.choice(EFTERNAVNE)} {rng.choice(EFTERNAVNE)}"
    d["personer"] = [p for p in d["personer"] if p["navn"].split()[0] not in st["navn"]]
    dage, tekst = rng.choice(STRAF)
    st["dom"]["straflaengde"] = tekst
    release = _wednesday_on_or_before(date(2024, 1, 1) + timedelta(days=rng.randrange(1400)))
    indsat = release - timedelta(days=dage)
    st["dom"]["dato"] = (indsat - timedelta(days=30)).isoformat()
    st["indsaettelsesdato"] = indsat.isoformat()
    st["institution"] = rng.choice(ENHEDER)
    pl = None
    if dage >= 60 and rng.random() < 0.5:
        pl = _wednesday_on_or_before(indsat + timedelta(days=dage * 2 // 3))
        st["proeveloesladelse"] = {"dato": pl.isoformat(), "hjemmel": "nr-1"}
    st["forventet_loesladelse"] = release.isoformat()
    udgang = pl or release
    udvist = rng.random() < 0.05
    st["udvist"] = udvist
    if udvist:
        st.pop("handlekommune", None)
        d["koordineringsomraader"] = {}
    d["samarbejdspartnere"]["koordinering"] = {"sket": False}
    udfoert = []
    for fid, frist in (("handleplan_udarbejdet", indsat + timedelta(weeks=4)),
                       ("loesladelsesmoede", udgang - timedelta(days=91))):
        roll = rng.random()
        if roll < 0.6 and frist > indsat:
            when = frist - timedelta(days=rng.randrange(10))
        elif roll < 0.85:
            when = frist + timedelta(days=rng.randrange(1, 40))
        else:
            continue
        if indsat <= when <= today:
            udfoert.append({"frist": fid, "dato": when.isoformat()})
    d["udfoert"] = udfoert
    d.pop("afgang", None)
    if udgang <= today and rng.random() < 0.8:
        a: dict[str, Any] = {
            "dato": udgang.isoformat(),
            "art": "udvisning" if udvist else ("proeveloesladelse" if pl else "endt-straf"),
            "bolig": {"status": rng.choice(BOLIG)},
            "beskaeftigelse": {"status": rng.choice(BESK)},
            "forsoergelse": {"status": rng.choice(FORS)},
        }
        for part in ("bolig", "beskaeftigelse", "forsoergelse"):
            if a[part]["status"] == "ukendt":
                a[part]["note"] = "Ikke afklaret på løsladelsesdagen."
        if not udvist and rng.random() < 0.7:
            a["samtykke"] = {"givet": True, "dato": (udgang - timedelta(days=7)).isoformat()}
            a["sendt_til_kommunen"] = udgang.isoformat()
            a["indsigelsesfrist"] = (udgang + timedelta(days=14)).isoformat()
            answer = rng.random()
            svar_dato = udgang + timedelta(days=rng.randrange(1, 14))
            if answer < 0.5 and svar_dato <= today:
                a["kommunens_svar"] = {"svar": "enig", "dato": svar_dato.isoformat()}
            elif answer < 0.65 and svar_dato <= today:
                a["kommunens_svar"] = {"svar": "uenig", "dato": svar_dato.isoformat(),
                                       "note": "Kommunen ser boligsituationen anderledes."}
        d["afgang"] = a
    return d


def generate(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    base = _base()
    today = date.today()
    for i in range(n):
        sub = folder / f"enhed-{i % 20:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"sag-{i:06d}.yaml"
        if rng.random() < 0.01:
            path.write_text(f"reference: HP-SYN-{i:06d}\nstamoplysninger: [\n", encoding="utf-8")
            continue
        data = synthetic_case(i, rng, base, today)
        path.write_text(yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")


def timed(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "gldocs.cli", *args], capture_output=True,
                          text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"gldocs {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return elapsed, proc.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=50_000)
    ap.add_argument("--oversigt", type=int, default=5_000)
    ap.add_argument("--dir", type=Path, default=None,
                    help="work folder, kept afterwards (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    ap.add_argument("--reuse", action="store_true",
                    help="use the case files already in --dir instead of generating them")
    opts = ap.parse_args()
    work = opts.dir or Path(tempfile.mkdtemp(prefix="gldocs-bench-"))
    sager, small = work / "sager", work / "oversigt"
    env = {**os.environ, "GLDOCS_INDEKS": ""}
    try:
        if not opts.reuse:
            t = time.perf_counter()
            generate(sager, opts.cases)
            generate(small, opts.oversigt, seed=11)
            print(f"Generated {opts.cases} + {opts.oversigt} case files in "
                  f"{time.perf_counter() - t:.1f} s ({work})")
        index = work / "statistik.sqlite"
        index.unlink(missing_ok=True)
        args = ["statistik", str(sager), "--periode", "2025-01-01:2026-12-31", "--format",
                "json", "--indeks", str(index)]
        first, out = timed(args, env)
        second, out2 = timed(args, env)
        assert out == out2
        d = json.loads(out)
        print(f"statistik, {opts.cases} files: first run {first:.1f} s, second run "
              f"{second:.2f} s ({d['loesladelser']} releases in 2025-2026, "
              f"{d['afgangsbedoemmelser']} afgangsbedømmelser, {d['udeladt']} broken files "
              f"excluded)")
        oindex = work / "oversigt.sqlite"
        oindex.unlink(missing_ok=True)
        oargs = ["oversigt", str(small), "--json", "--indeks", str(oindex)]
        first, out = timed(oargs, env)
        second, _ = timed(oargs, env)
        o = json.loads(out)
        print(f"oversigt, {opts.oversigt} files: first run {first:.1f} s, second run "
              f"{second:.2f} s ({len(o['sager'])} cases, {len(o['fejl'])} broken)")
        print(f"cores: {os.cpu_count()}")
    finally:
        if not opts.keep and opts.dir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
