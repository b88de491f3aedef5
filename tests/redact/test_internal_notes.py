"""Internal notes end where they end: at their closing bracket, at the end of their
paragraph, or (a heading) at the end of the part -- never swallowing what follows."""

from __future__ import annotations

from harness import Case

from gldocs.document.units import TextUnit
from gldocs.redact.internal_notes import covers_unit, internal_note_spans

CLIENT = "Kristoffer Maltesen Yde"
HEAD = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 110487-3319\n\n"
PHRASES = ["intern note", "interne noter", "intern bemærkning", "må ikke videregives",
           "slettes før afsendelse"]


def _redact(body: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    return Case(CLIENT, HEAD, ner=False, end="").text(body, areas)


def _spans(lines: list[str]) -> list[list[str]]:
    units = [TextUnit("beskrivelse", f"line{i}", t) for i, t in enumerate(lines, start=1)]
    return [[u.text[a:b] for a, b in spans]
            for u, spans in zip(units, internal_note_spans(units, PHRASES), strict=True)]


def test_single_line_bracketed_note_keeps_the_text_around_it() -> None:
    got = _spans(["Han flytter den 2. marts 2026. [Intern note: ring til fængslet først.] "
                  "Mødet er den 5. marts 2026."])
    assert got == [["[Intern note: ring til fængslet først.]"]]


def test_multi_line_bracketed_note_ends_at_its_closing_bracket() -> None:
    got = _spans(["[Intern note: han har klaget over personalet",
                  "og ønsker ikke, at kommunen hører om det.]",
                  "Næste møde: 12. marts 2026 kl. 10.00",
                  "Sagsbehandler Lise Holt, tlf. 33 66 12 40"])
    assert got == [["[Intern note: han har klaget over personalet"],
                   ["og ønsker ikke, at kommunen hører om det.]"], [], []]


def test_nested_brackets_are_counted() -> None:
    got = _spans(["[Intern note: se notat [jf. journal (12/1)] om episoden",
                  "på afdelingen] Ansvarlig: Lise Holt"])
    assert got == [["[Intern note: se notat [jf. journal (12/1)] om episoden"],
                   ["på afdelingen]"]]


def test_unbracketed_note_ends_at_the_blank_line() -> None:
    got = _spans(["Han løslades 3. marts 2026. Intern bemærkning: han har fået en advarsel",
                  "og skal ikke have udgang.",
                  "",
                  "Kontakt: Lise Holt, tlf. 33 66 12 40"])
    assert got == [["Intern bemærkning: han har fået en advarsel"],
                   ["og skal ikke have udgang."], [], []]


def test_heading_runs_to_the_end_of_the_part() -> None:
    lines = ["--- Interne noter (slettes før afsendelse) ---", "Han har fået en advarsel.",
             "", "Endnu en note."]
    assert _spans(lines) == [[lines[0]], [lines[1]], [], [lines[3]]]


def test_unclosed_bracket_fails_closed_to_the_end_of_the_part() -> None:
    units = [TextUnit("beskrivelse", "line1", "[Intern note: han har"),
             TextUnit("beskrivelse", "line2", "klaget."),
             TextUnit("vurdering", "line3", "Mødet er 3. marts 2026.")]
    spans = internal_note_spans(units, PHRASES)
    assert spans[1] == [(0, 7)] and spans[2] == []


def test_note_phrase_in_long_prose_is_no_note() -> None:
    prose = ("Kommunen er orienteret om, at oplysninger om hans helbred må ikke videregives "
             "uden samtykke, og han har derfor givet skriftligt samtykke til, at hans "
             "egen læge orienteres om behandlingen efter løsladelsen i marts 2026.")
    assert len(prose) > 160
    assert _spans([prose]) == [[]]


def test_paragraph_unit_note_ends_with_its_unit() -> None:
    units = [TextUnit("beskrivelse", "word/document.xml#p3", "Intern note: han har klaget."),
             TextUnit("beskrivelse", "word/document.xml#p4", "Mødet er 3. marts 2026.")]
    assert internal_note_spans(units, PHRASES)[1] == []


def test_covers_unit() -> None:
    assert covers_unit("  [x]  ", [(2, 5)])
    assert not covers_unit("[x] y", [(0, 3)])
    assert not covers_unit("abc", [])


def test_engine_keeps_contacts_and_dates_after_a_multi_line_note() -> None:
    out = _redact("2. Beskrivelse\n"
                  "Han ønsker egen bolig. [Intern note: han har råbt ad personalet\n"
                  "og truet en medindsat.] Han er motiveret.\n"
                  "Næste møde er den 12. marts 2026.\n\n"
                  "5. Samarbejdspartnere\n"
                  "Københavns Kommune: sagsbehandler Lise Holt, tlf. 33 66 12 40\n")
    assert "råbt ad personalet" not in out and "truet en medindsat" not in out
    assert "[udeladt: ikke nødvendigt]" in out
    assert "Han ønsker egen bolig." in out and "Han er motiveret." in out
    assert "12. marts 2026" in out
    assert "Lise Holt" in out and "33 66 12 40" in out


def test_engine_unbracketed_note_label_removes_its_paragraph_only() -> None:
    out = _redact("2. Beskrivelse\n"
                  "Intern bemærkning: han har fået en påtale for at komme for sent.\n"
                  "Det skal ikke med.\n\n"
                  "Han flytter i egen bolig den 1. april 2026.\n")
    assert "påtale" not in out and "Det skal ikke med" not in out
    assert "Han flytter i egen bolig den 1. april 2026." in out


def test_short_note_with_content_after_a_colon_is_no_heading() -> None:
    got = _spans(["[Intern note: tjek datoen]", "Mødet er 3. marts 2026.",
                  "Intern note: OK", "Ansvarlig: Lise Holt"])
    assert got == [["[Intern note: tjek datoen]"], [], ["Intern note: OK"],
                   ["Ansvarlig: Lise Holt"]]
    heading = _spans(["Interne noter:", "Han har fået en påtale."])
    assert heading == [["Interne noter:"], ["Han har fået en påtale."]]


def test_heading_with_the_phrase_in_brackets_opens_a_part_block() -> None:
    got = _spans(["Øvrigt (intern note)", "Han har fået en påtale.", "",
                  "Han fik afslag på udgang."])
    assert got == [["Øvrigt (intern note)"], ["Han har fået en påtale."], [],
                   ["Han fik afslag på udgang."]]


def test_note_in_a_stamoplysninger_field_is_that_field_only() -> None:
    units = [TextUnit("stamoplysninger", "line2", "Bemærkning: må ikke videregives, se notat"),
             TextUnit("stamoplysninger", "line3", "Adresse: Solsikkevej 4, 8000 Aarhus C")]
    assert internal_note_spans(units, PHRASES) == [[(0, 41)], []]


def test_label_phrase_with_colon_matches_only_as_a_label() -> None:
    units = [TextUnit("beskrivelse", "line1", "Internt i fængslet går det godt."),
             TextUnit("beskrivelse", "line2", "Internt:"),
             TextUnit("beskrivelse", "line3", "Han har fået afslag på udgang.")]
    assert internal_note_spans(units, ["internt:"]) == [[], [(0, 8)], [(0, 30)]]
