"""Round 22 of issue 8, forms and R1/K1 classes found on the released blind sets, each a
general rule tested on invented text: a form's field marked as internal ends at the form's
next numbered or capitalised heading (not at the end of the document), a name written in a
table of people is removed wherever the text writes it again (genitive, nickname in lower
case), and an account number after "reg. … nr.". All persons, places and numbers are
invented."""

from __future__ import annotations

import re

import pytest

from gldocs.document.units import TextUnit
from gldocs.redact.internal_notes import internal_note_spans
from tests.redact.harness import analyse, redacted

CLIENT = "Mikkel Strandgaard Holt"
CPR = "110392-2417"
HEAD = f"STAMOPLYSNINGER\nNavn: {CLIENT}\nCPR-nr.: {CPR}\nHandlekommune: Vejle Kommune\n\n"


def _redact(body: str, areas: tuple[str, ...] = ("uddannelse", "netværk")) -> str:
    return redacted(analyse(HEAD + body, CLIENT, areas, cpr=CPR))


def _shown(out: str, word: str) -> bool:
    """``word`` stands in ``out`` as a word outside the markers (any case)."""
    text = re.sub(r"\[[^\]]*\]", " ", out)
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE) is not None


# -- a form's internal field ends at the form's next heading --------------------------------
PHRASES = ["må ikke videregives", "intern note", "interne noter", "kun til internt brug",
           "slettes før afsendelse"]


def _note_lines(lines: list[str]) -> list[bool]:
    units = [TextUnit("unknown", f"line{i}", t) for i, t in enumerate(lines, start=1)]
    return [bool(s) for s in internal_note_spans(units, PHRASES)]


@pytest.mark.parametrize(("heading", "next_heading"), [
    ("3. FORHOLDET (må ikke videregives)", "4. BOLIG"),
    ("B) GERNINGEN (kun til internt brug)", "C) UDDANNELSE OG JOB"),
    ("5. Interne noter", "6. Uddannelse"),
    ("## 2. SAGEN (må ikke videregives)", "## 3. NETVÆRK"),
])
def test_a_forms_internal_field_ends_at_its_next_heading(heading: str,
                                                        next_heading: str) -> None:
    got = _note_lines([heading, "Han stjal en cykel fra naboen Tobias.", "",
                       next_heading, "Mål: svendeprøve i 2027.", "Ansvarlig: Ole Brink."])
    assert got == [True, True, False, False, False, False]


def test_an_unnumbered_capital_heading_ends_a_capital_note_heading() -> None:
    got = _note_lines(["GERNINGEN (MÅ IKKE VIDEREGIVES)", "Han slog en mand.", "",
                       "UDDANNELSE", "Mål: HF."])
    assert got == [True, True, False, False, False]


@pytest.mark.parametrize("lines", [
    # a numbered list inside the note goes on
    ["2. Gerningen (må ikke videregives)", "1. Han slog en mand.", "3. Han flygtede.",
     "Mere om sagen."],
    # a lower number, or another numbering, is no next field of the form
    ["4. SAGEN (må ikke videregives)", "2. FORLØB", "Han slog en mand.", "Mere om sagen."],
    ["4. SAGEN (må ikke videregives)", "C) FORLØB", "Han slog en mand.", "Mere om sagen."],
    # a note heading that is no form heading still runs to the end of the part
    ["Interne noter (slettes før afsendelse)", "", "3. BOLIG", "Han slog en mand."],
])
def test_without_the_forms_next_heading_the_note_runs_on(lines: list[str]) -> None:
    assert all(_note_lines(lines)[1:]) or _note_lines(lines)[1:] == [
        bool(t.strip()) for t in lines[1:]]


def test_the_fields_after_an_internal_field_reach_the_municipality() -> None:
    out = _redact("2. FORHOLDET (må ikke videregives)\n"
                  "Han truede en ekspedient, Rasmus, med en kniv.\n\n"
                  "3. UDDANNELSE\n"
                  "Indsats:\tSvendeprøve på Campus Vejle med start 3. august 2026.\n"
                  "Ansvarlig:\tStudievejleder Henriette Skov, Campus Vejle, tlf. 76 11 23 45.\n")
    assert "Rasmus" not in out and "kniv" not in out
    for kept in ("3. UDDANNELSE", "Svendeprøve på Campus Vejle", "3. august 2026",
                 "Henriette Skov", "76 11 23 45"):
        assert kept in out, kept


# -- a name from a table of people, written again in the text --------------------------------
TABLE = ("5. NETVÆRK\n"
         "| Navn                 | Relation   | Telefon      |\n"
         "|----------------------|------------|--------------|\n"
         "| Wubshet              | bror       | 2718 4466    |\n"
         "| Selamawit (Sela)     | datter     | –            |\n\n")


@pytest.mark.parametrize(("sentence", "name"), [
    ("Wubshets e-mail er wubbe77@gmail.com.", "Wubshet"),
    ("Han har skrevet til Wubshet om en sofa.", "Wubshet"),
    ('Sms fra broren: "sig til sela at jeg kommer søndag".', "Sela"),
    ("Mikkel ser Selamawit hver anden weekend.", "Selamawit"),
])
def test_a_name_in_a_table_of_people_goes_everywhere(sentence: str, name: str) -> None:
    out = _redact(TABLE + sentence + "\n")
    assert not _shown(out, name), out
    assert "Mikkel" in out


# -- an account number after "reg. … nr." ---------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Lånet fra kæresten er betalt fra hendes konto reg. 4410 nr. 7702 113 958.",
    "Pengene går til broren, reg. 9180 nr. 0044 215 780.",
    "Hans mor har bedt om betaling til reg.nr. 3301 nr. 1177 230 441.",
])
def test_an_account_number_after_reg_and_nr_is_found(sentence: str) -> None:
    out = _redact(TABLE + sentence + "\n")
    digits = re.findall(r"\d{3,}", sentence)
    assert not any(d in out for d in digits[-2:]), out


# -- a form's unticked boxes name no special category ----------------------------------------
@pytest.mark.parametrize("line", [
    "[ ] misbrug  [ ] helbred  [x] netværk  [x] uddannelse",
    "[ ] bolig\t[ ] misbrug\t[ ] psykisk helbred\t[x] netværk",
    "☐ misbrug   ☐ helbred   ☒ uddannelse",
    "| [ ] misbrug | [ ] helbred | [x] netværk |",
])
def test_unticked_boxes_of_a_form_stay(line: str) -> None:
    out = _redact("Koordineringsområder:\n" + line + "\n\n1. RISIKO\nLS/RNR-niveau: middel\n")
    assert line in out, out


@pytest.mark.parametrize("line", [
    "[x] misbrug  [ ] helbred  [x] netværk",
    "[ ] bolig  [X] psykiatri  [x] uddannelse",
])
def test_a_ticked_box_of_a_category_outside_the_areas_goes(line: str) -> None:
    out = _redact("Behov:\n" + line + "\n\n1. RISIKO\nLS/RNR-niveau: middel\n")
    assert line not in out, out


# -- a form's numbered heading in capitals names nobody ---------------------------------------
@pytest.mark.parametrize("heading", [
    "G. AFTALER", "7. ØVRIGE OPLYSNINGER (kun til fængslet)", "A. OFFENCE (kort)",
    "4. MØDER OG DELTAGERE", "H) TILSYN",
])
def test_a_numbered_heading_in_capitals_stays(heading: str) -> None:
    out = _redact(heading + "\nMøde med Mikkel den 4. maj 2026 i Vejle.\n")
    assert heading in out, out


def test_a_name_in_capitals_in_a_table_is_still_a_name() -> None:
    out = _redact("5. NETVÆRK\n| Navn | Relation |\n|---|---|\n| TESFAYE, Almaz | mor |\n")
    assert "Almaz" not in out and "TESFAYE" not in out, out


# -- the client's own number in a line whose pronoun the line before names -------------------
@pytest.mark.parametrize(("lines", "number"), [
    (["Mikkel ønsker hjælp til at få overblik over sin gæld.",
      "Han kan kontaktes på sit eget nummer 27 19 40 66 efter løsladelsen."], "27 19 40 66"),
    (["> Mikkel afsoner i Horsens og forventes løsladt den 14. juni 2026.",
      "> Han er vurderet til middel risiko.",
      "> Hans eget mobilnummer efter løsladelsen bliver 53 20 81 47."], "53 20 81 47"),
    (["Mikkel Holt har fået job på et lager.",
      "Hans nye mobil efter løsladelsen bliver 61 48 03 92."], "61 48 03 92"),
])
def test_the_clients_own_number_after_his_name_in_the_line_before(lines: list[str],
                                                                  number: str) -> None:
    out = _redact("3. ØKONOMI\n" + "\n".join(lines) + "\n", ("økonomi",))
    assert number in out, out


@pytest.mark.parametrize(("lines", "number"), [
    # another person named in between: the pronoun may be that person
    (["Mikkel har talt med sin bror Jesper Lund om pengene.",
      "Han kan kontaktes på sit eget nummer 27 19 40 66."], "27 19 40 66"),
    (["Mikkel bor nu hos morbroren.",
      "Han kan kontaktes på sit eget nummer 27 19 40 66."], "27 19 40 66"),
    # a blank line ends the paragraph: nothing says whose
    (["Mikkel ønsker hjælp til sin gæld.", "",
      "Han kan kontaktes på sit eget nummer 27 19 40 66."], "27 19 40 66"),
    # the pronoun does not fit the client (a man)
    (["Mikkel ønsker hjælp til sin gæld.",
      "Hun kan kontaktes på sit eget nummer 27 19 40 66."], "27 19 40 66"),
])
def test_an_own_number_without_the_clients_chain_goes(lines: list[str], number: str) -> None:
    out = _redact("3. ØKONOMI\n" + "\n".join(lines) + "\n", ("økonomi",))
    assert number not in out, out


# -- a nickname in lower case as the subject of a clause in a quoted message -----------------
@pytest.mark.parametrize(("sentence", "nick"), [
    ('Mikkel viste en sms fra sin søster: "bibbo henter dig ved porten kl 10".', "bibbo"),
    ('Beskeden fra kæresten lød: "vi ses snart, og jussi savner dig".', "jussi"),
    ('Han læste beskeden op: "sig til ham at zelko ikke skal ringe mere".', "zelko"),
    ('Sms fra moren: "hej skat, pimmi kommer på søndag".', "pimmi"),
])
def test_a_nickname_as_a_messages_subject_goes(sentence: str, nick: str) -> None:
    out = _redact("4. NETVÆRK\n" + sentence + "\n")
    assert not _shown(out, nick), out


@pytest.mark.parametrize("sentence", [
    'Mikkel viste en sms fra sin søster: "bilen kommer kl 10, og maden er klar".',
    'Beskeden lød: "jeg håber det går godt, så ses vi".',
])
def test_ordinary_words_as_a_messages_subject_stay(sentence: str) -> None:
    out = _redact("4. NETVÆRK\n" + sentence + "\n")
    assert sentence.split(": ", 1)[1] in out, out


def test_an_ordinary_word_of_a_table_name_spreads_only_as_a_name() -> None:
    out = _redact("5. NETVÆRK\n| Navn | Relation | Telefon |\n|---|---|---|\n"
                  "| Storm Valby | ven | 2290 1177 |\n\n"
                  "Besøg fra Storm er aflyst.\n"
                  "| Kreditor | Beløb |\n|---|---|\n| Vinter Holding ApS | 60.000 kr. |\n\n"
                  "Holding af møder sker i Vejle.\n")
    assert "Besøg fra Storm" not in out, out
    assert "Holding af møder" in out, out


@pytest.mark.parametrize("cell", ["ukendt", "ingen kontakt tilladt", "hemmeligt nummer"])
def test_a_contact_cell_of_plain_words_stays(cell: str) -> None:
    out = _redact("5. NETVÆRK\n| Navn | Relation | Telefon |\n|---|---|---|\n"
                  f"| Wubshet Alemu | bror | {cell} |\n| Tirsa | søster | 2718 4466 |\n")
    assert f"| {cell} |" in out and "Wubshet" not in out and "2718 4466" not in out, out


# -- the client's name field keeps the name when only its remark is removed -------------------
@pytest.mark.parametrize("line", [
    "Registreret som: HOLT, Mikkel Strandgaard (kaldenavn i afdelingen: Mikki)",
    "Registernavn:\tHOLT, Mikkel (kaldes Miks i afdelingen)",
    "Fulde navn: Mikkel Strandgaard Holt (ønsker halal kost)",
])
def test_a_remark_on_the_clients_name_field_goes_alone(line: str) -> None:
    head = (f"STAMOPLYSNINGER\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n{line}\n"
            "Handlekommune: Vejle Kommune\n\n")
    out = redacted(analyse(head + "3. BOLIG\nHan søger bolig.\n", CLIENT, ("bolig",), cpr=CPR))
    value = line.split(":", 1)[1]
    name = value.split("(")[0].strip()
    assert f"{name} [udeladt" in out, out
    assert value.split("(")[1].rstrip(")") not in out, out


def test_a_remark_on_another_field_still_takes_its_line() -> None:
    head = (f"STAMOPLYSNINGER\nNavn: {CLIENT}\nCPR-nr.: {CPR}\n"
            "Status: Afsoner i Statsfængslet Nordkysten (åben afdeling)\n\n")
    out = redacted(analyse(head + "3. BOLIG\nHan søger bolig.\n", CLIENT, ("bolig",), cpr=CPR))
    assert "Nordkysten" not in out, out


# -- an adverb or a word of the writer's own prose never becomes a name ------------------------
@pytest.mark.parametrize("word", ["ikke", "aldrig", "måske", "derfor", "endnu", "sgu", "hvorfor"])
def test_an_adverb_opening_a_quoted_clause_stays(word: str) -> None:
    sentence = f'Han siger, at han "{word} vil tilbage til sofaen".'
    out = _redact("4. NETVÆRK\n" + sentence + "\n")
    assert _shown(out, word) and "[person]" not in out, out


def test_a_word_of_the_writers_prose_is_no_name_in_a_message() -> None:
    # 'ligesom' is in no word list and not in the lemma table; the writer uses it in his
    # own prose, so the same word opening a quoted clause is no name either
    body = ("Mikkel har ligesom mange andre svært ved at vente. Sms fra søsteren: "
            '"vi ses, og ligesom vil ringe".')
    out = _redact("4. NETVÆRK\n" + body + "\n")
    assert out.count("ligesom") == 2 and "[person]" not in out, out


@pytest.mark.parametrize("sentence", ['Sms fra søsteren: "ofte ringer hun om natten".',
                                      'Sms fra søsteren: "tilbage kommer jeg aldrig".'])
def test_a_fronted_adverb_before_verb_and_subject_stays(sentence: str) -> None:
    out = _redact("4. NETVÆRK\n" + sentence + "\n")
    assert "[person]" not in out, out


def test_a_name_only_in_the_message_still_goes_beside_prose() -> None:
    body = 'Mikkel har ikke kontakt til faren. Sms fra søsteren: "tullo kommer på søndag".'
    out = _redact("4. NETVÆRK\n" + body + "\n")
    assert not _shown(out, "tullo") and _shown(out, "ikke"), out
