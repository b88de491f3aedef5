"""What NER reads, and proof that what it leaves out changes no name candidate.

    .venv/bin/python benchmarks/ner_scope.py [CORPUS_DIR ...] [--client-name NAME]
    .venv/bin/python benchmarks/ner_scope.py --margins 2,3,4 [CORPUS_DIR ...]

For every unit of every ``*.txt`` document (CORPUS_DIR defaults to
``../shared/corpus/dev``): the pipeline runs over everything (a full read), then the
name candidates of the unit are worked out twice, with every entity and with only the
entities inside the spans :meth:`EntityFinder.ner_reads` marks (the real name-rule and
pattern results both times). Prints the share of the text NER reads and every unit whose
candidates differ (there should be none). ``--client-name``: the client of documents that
name none (plain texts, e.g. the DDT sentences). The model's context is the other half of
the proof: ``benchmarks/same_output.py`` compares whole outputs, and ``--margins M,...``
compares the model's entities themselves: for each margin (words of context either side
of a read span, :data:`~gldocs.redact.detectors.ner.MARGIN_WORDS`) every entity that
overlaps a span read, read in windows with that margin and read with all of the running
text; prints every unit where they differ (label or span) and the count per margin.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def margins(widths: list[int], corpora: list[Path], client: str | None) -> int:
    """The entities overlapping the spans read, with margins of ``widths`` words against a
    read of all the running text (see the module docstring); 1 when one differs at the
    current :data:`~gldocs.redact.detectors.ner.MARGIN_WORDS`."""
    from gldocs.document.io import read_document
    from gldocs.redact import redactor_for
    from gldocs.redact.detectors import ner
    from gldocs.text.normalize import normalise_units

    analyzer = redactor_for("kommune")._analyzer
    current = ner.MARGIN_WORDS
    differ = dict.fromkeys(widths, 0)
    total = 0
    try:
        for corpus in corpora:
            for path in sorted(corpus.glob("*.txt")):
                doc = read_document(path)
                units = normalise_units(doc.units).units
                texts = [u.text for u in units]
                internal = analyzer.layout.read(units).internal
                context, reads = analyzer.ner_reads(units, internal, doc.client_name or client)
                ner.MARGIN_WORDS = current
                full = ner.find_entities(analyzer.nlp, texts, None, context)
                want = [_overlapping(full[i], reads[i]) for i in range(len(texts))]
                total += sum(map(len, want))
                for width in widths:
                    ner.MARGIN_WORDS = width
                    got = ner.find_entities(analyzer.nlp, texts, reads, context)
                    for i, text in enumerate(texts):
                        if _overlapping(got[i], reads[i]) != want[i]:
                            differ[width] += 1
                            print(f"margin {width}: {path.name}: {text[:100]!r}\n"
                                  f"  full read: {want[i]}\n"
                                  f"  windows:   {_overlapping(got[i], reads[i])}")
    finally:
        ner.MARGIN_WORDS = current
    print(f"{total} entities overlap the spans read; units whose entities differ, per margin "
          f"in words: {differ} (MARGIN_WORDS = {current})")
    return 1 if differ.get(current) else 0


def _overlapping(ents: list, spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    return sorted((e.start, e.end, e.label) for e in ents
                  if any(a < e.end and e.start < b for a, b in spans))


def main(argv: list[str]) -> int:
    from gldocs.document.io import read_document
    from gldocs.redact import redactor_for
    from gldocs.redact.case_entities import client_name_tokens
    from gldocs.redact.detections import collect
    from gldocs.redact.detectors.ner import find_entities
    from gldocs.redact.recognizers.base import UnitArtifacts
    from gldocs.text.normalize import normalise_text, normalise_units

    client = None
    if "--client-name" in argv:
        k = argv.index("--client-name")
        client, argv = argv[k + 1], argv[:k] + argv[k + 2:]
    widths: list[int] = []
    if "--margins" in argv:
        k = argv.index("--margins")
        widths, argv = [int(w) for w in argv[k + 1].split(",")], argv[:k] + argv[k + 2:]
    corpora = [Path(a) for a in argv] or [REPO.parent / "shared" / "corpus" / "dev"]
    if widths:
        return margins(widths, corpora, client)
    analyzer = redactor_for("kommune")._analyzer
    finder, policy = analyzer.finder, analyzer.policy
    units_n = ents_n = left_out = differ = total = read = 0
    seconds = 0.0
    for corpus in corpora:
        for path in sorted(corpus.glob("*.txt")):
            doc = read_document(path)
            units = normalise_units(doc.units).units
            tokens = client_name_tokens(normalise_text(doc.client_name or client or ""))
            layout = analyzer.layout.read(units)
            full = find_entities(analyzer.nlp, [u.text for u in units])
            for unit, ents, notes in zip(units, full, layout.internal, strict=True):
                rule = policy.section(unit.section)
                if rule.remove_all or not unit.text.strip():
                    continue
                units_n += 1
                total += len(unit.text)
                t0 = time.process_time()
                groups = finder.ner_reads(unit.text, rule.strict, tokens)
                seconds += time.process_time() - t0
                read += sum(b - a for a, b in groups)
                det = collect(unit.text, analyzer.engine.analyze(
                    unit.text, "da", nlp_artifacts=UnitArtifacts(unit.section, [], notes)))
                kept = [e for e in ents if any(a <= e.start and e.end <= b for a, b in groups)]
                ents_n += len(ents)
                left_out += len(ents) - len(kept)
                cands = [finder._candidates(unit, e, tokens, det.names, det.patterns,
                                            rule.strict) for e in (ents, kept)]
                keys = [[(c.start, c.end, c.text, c.score, c.reason, d) for c, d in cs]
                        for cs in cands]
                if keys[0] != keys[1]:
                    differ += 1
                    print(f"differs: {path.name} [{unit.section}] {unit.text[:100]!r}\n"
                          f"  all entities: {keys[0]}\n  read only:    {keys[1]}")
    print(f"{units_n} units, {ents_n} NER entities, {left_out} outside the spans read; "
          f"{differ} units whose name candidates differ; NER reads {read}/{total} characters "
          f"({read / max(total, 1):.0%}) before margins; choosing them took {seconds:.2f} s CPU")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
