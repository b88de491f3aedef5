"""Render throughput and latency: median ms per document (DOCX, PDF) and documents/s.

    .venv/bin/python benchmarks/render.py [--cases 200] [--repeat 15]

Latency: each sample case's handleplan and følgeskrivelse rendered ``--repeat`` times per
format; the median is reported. Throughput: a batch of ``--cases`` generated cases (the
samples varied programmatically: names, references, versions, text lengths, number of
contacts) rendered to every document the rules allow, in both formats, one process.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import time

from gldocs.case import Case, load_case
from gldocs.paths import SAMPLES_DIR
from gldocs.render import DOCS, FORMATS, refusal_reason, render_document

FORNAVNE = ["Ali", "Bente", "Carsten", "Dorthe", "Emil", "Fatima", "Gustav", "Hanne", "Ivan",
            "Jannie", "Kenneth", "Laila", "Mikkel", "Nadia", "Ole", "Pernille", "Rasmus",
            "Sofie", "Tobias", "Ulla", "Viktor", "Yasmin", "Zaki", "Åse", "Øjvind"]
EFTERNAVNE = ["Andersen", "Bæk", "Christensen", "Dahl", "Eriksen", "Frost", "Gøtzsche",
              "Hjort", "Iversen", "Juhl", "Kjærsgaard", "Lykke", "Møller", "Nørgaard",
              "Østergaard", "Pallesen", "Qvist", "Rømer", "Søndergaard", "Thygesen"]


def samples() -> list[Case]:
    return [load_case(p) for p in sorted(SAMPLES_DIR.glob("*.yaml"))]


def generate(base: list[Case], n: int) -> list[Case]:
    """``n`` valid cases made from the samples by varying what a caseworker would vary."""
    out: list[Case] = []
    for i, case in zip(range(n), itertools.cycle(base), strict=False):
        data = case.model_dump(mode="json")
        st = data["stamoplysninger"]
        st["navn"] = f"{FORNAVNE[i % len(FORNAVNE)]} {EFTERNAVNE[(i * 7) % len(EFTERNAVNE)]}"
        st["handleplan"]["version"] = 1 + i % 5
        data["reference"] = f"HP-BENCH-{i:04d}"
        b = data["beskrivelse"]
        b["egen_beretning"] = "\n\n".join([b["egen_beretning"]] * (1 + i % 3))
        contacts = data["samarbejdspartnere"]["kontakter"]
        data["samarbejdspartnere"]["kontakter"] = contacts[: 1 + i % max(len(contacts), 1)]
        data["personer"] = [p for p in data["personer"] if p["navn"] != st["navn"]]
        out.append(Case.model_validate(data))
    return out


def jobs(case: Case) -> list[tuple[str, str]]:
    docs = [d for d in DOCS if d == "handleplan" or refusal_reason(case) is None]
    return [(d, f) for d in docs for f in FORMATS]


def latency(cases: list[Case], repeat: int) -> dict[tuple[str, str], float]:
    times: dict[tuple[str, str], list[float]] = {}
    for case in cases:
        for doc, fmt in jobs(case):
            render_document(case, doc, fmt)  # warm caches (fonts, templates)
            for _ in range(repeat):
                t0 = time.perf_counter()
                render_document(case, doc, fmt)
                times.setdefault((doc, fmt), []).append((time.perf_counter() - t0) * 1000)
    return {key: statistics.median(v) for key, v in times.items()}


def throughput(cases: list[Case]) -> tuple[int, float]:
    t0 = time.perf_counter()
    count = 0
    for case in cases:
        for doc, fmt in jobs(case):
            render_document(case, doc, fmt)
            count += 1
    return count, time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    base = samples()
    medians = latency(base, args.repeat)
    print(f"Median pr. dokument ({len(base)} eksempelsager, {args.repeat} gentagelser):")
    for fmt in FORMATS:
        per_doc = {d: medians[(d, fmt)] for d in DOCS if (d, fmt) in medians}
        all_docs = [v for (d, f), v in medians.items() if f == fmt]
        detail = ", ".join(f"{d} {v:.1f} ms" for d, v in per_doc.items())
        print(f"  {fmt.upper():<5} {statistics.median(all_docs):6.1f} ms  ({detail})")

    batch = generate(base, args.cases)
    count, seconds = throughput(batch)
    print(f"Batch: {len(batch)} genererede sager, {count} dokumenter (DOCX og PDF) "
          f"på {seconds:.1f} s = {count / seconds:.1f} dokumenter/s")


if __name__ == "__main__":
    main()
