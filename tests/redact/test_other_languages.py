"""Issue 8 section 4: text in other languages is not shredded, and what must go still goes.

In a sentence written in English or German, a capitalised word is a person only on evidence
(a name of the name lists, a form of address, a role, a phone number or e-mail address right
after it, the case data); function words, table headings and ordinary words never are.
Identifiers are found whatever the language (foreign phone formats, an e-mail split by
spaces), and § 10 content in a quoted English or German letter is still removed. All texts
and persons are invented."""

from __future__ import annotations

import pytest
from harness import analyse, redacted

from gldocs.redact.bundle import load_bundle
from gldocs.redact.detectors.email import find_emails
from gldocs.redact.detectors.phone import find_phones
from gldocs.redact.engine import Analyzer
from gldocs.redact.language import ForeignSpans, document_language

CLIENT = "Bertram Hvass Lindskov"
HEAD = (f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 210889-3317\n\n"
        "2. Beskrivelse\n")


def _redact(analyzer: Analyzer, body: str, head: str = HEAD) -> str:
    out = redacted(analyse(head + body + "\n", CLIENT, ["bolig"], analyzer=analyzer))
    return out.split("2. Beskrivelse\n", 1)[1] if head else out


# -- language of a sentence, a quotation and a document -----------------------------------
def test_quoted_english_sentence_inside_danish_is_english() -> None:
    text = 'Han skrev: "I will never see the dog again." Det tror jeg ikke på.'
    spans = ForeignSpans.of(text)
    quote = text.index('"I will')
    assert spans.at(quote + 3) == "en"
    assert spans.at(text.index("Det tror")) == "da"
    assert spans.at(0) == "da"


def test_german_sentence_with_er_is_german() -> None:
    # "er" is Danish "is" and German "he": it tells neither language
    assert ForeignSpans.of("Er ist ein sehr geduldiger Mensch.").at(0) == "de"


def test_short_lines_take_the_documents_language() -> None:
    assert ForeignSpans.of("Name").at(0) == "da"  # alone: unclear, the Danish rules apply
    assert ForeignSpans.of("Name", "en").at(0) == "en"


def test_document_language_by_function_words_and_by_vocabulary() -> None:
    vocab = load_bundle("kommune").foreign.vocabulary
    english = ["The report was written by the probation service.",
               "He has been living with his aunt since the spring of this year."]
    assert document_language(english, vocab) == "en"
    danish = ["Han har boet hos sin moster siden foråret, og han er glad for det.",
              "Hun har skrevet til os, at han kan blive boende hos hende til sommer.",
              "Brevet fra den engelske kriminalforsorg er citeret her:", *english]
    assert document_language(danish, vocab) == "da"  # a Danish plan quoting English
    # a form or a table: no function words, but the words are English ones
    form = ["First Page Header (section 2)", "Default Header", "Body Text", "Table Heading"]
    assert document_language(form, vocab) == "en"
    assert document_language(["Navn", "Rolle", "Telefon", "Bemærkning"], vocab) == "da"


# -- persons in English and German sentences ----------------------------------------------
@pytest.mark.parametrize("sentence", [
    "The Hydro Network Analysis will be ready when the Steering Board meets in March.",
    "These Terms And Conditions apply to the Data Model of the National Survey.",
    "Through These Doors is the title of the report he wrote in the workshop.",
    "Er hat die Ausbildung beim Technischen Hilfswerk mit Erfolg abgeschlossen.",
])
def test_capitalised_ordinary_words_are_no_persons(analyzer: Analyzer, sentence: str) -> None:
    assert _redact(analyzer, sentence).strip() == sentence


def test_english_table_in_an_unknown_part_keeps_its_headings(analyzer: Analyzer) -> None:
    # no Stamoplysninger: every part is unknown (strict), as in a real-world English file
    doc = ("Weekly Activity Sheet\n"
           "Heading Paragraph\tBody Text\tSecond Column\n"
           "High Priority\tMedium Priority\tLow Priority\n"
           "The sheet is filled in by the workshop staff every week and it is kept in the "
           "office of the unit.\n")
    out = _redact(analyzer, doc, head="")
    for kept in ("Weekly Activity Sheet", "Heading Paragraph", "Body Text", "Second Column",
                 "High Priority", "Low Priority"):
        assert kept in out


@pytest.mark.parametrize(("sentence", "secrets"), [
    # a given name of another culture
    ("He met Siobhan Kearney twice at the day centre in the autumn.", ["Siobhan", "Kearney"]),
    # a form of address
    ("He has been lodging with Mr Thornbury since he was released.", ["Thornbury"]),
    ("Er wohnt bei Frau Vogelsang in Flensburg und zahlt ihr Miete.", ["Vogelsang"]),
    # a role next to the name
    ("He lived with his former partner, Ottoline Ravenscroft, until the spring.",
     ["Ottoline", "Ravenscroft"]),
    # a phone number right after the name
    ("For the flat he will contact Ruairi Okonkwo-Blake, +44 20 7946 0958, in the evenings.",
     ["Okonkwo-Blake", "7946 0958"]),
])
def test_names_with_evidence_are_removed(analyzer: Analyzer, sentence: str,
                                         secrets: list[str]) -> None:
    out = _redact(analyzer, sentence)
    for secret in secrets:
        assert secret not in out


def test_danish_part_of_a_mixed_paragraph_keeps_the_danish_rules(analyzer: Analyzer) -> None:
    body = ('Bertram sagde: "I will never see the old flat again." Hans moster, Hanne '
            'Gregersen, hentede ham.')
    out = _redact(analyzer, body)
    assert "Hanne" not in out and "Gregersen" not in out
    assert "I will never see the old flat again." in out


# -- identifiers in any language --------------------------------------------------------
@pytest.mark.parametrize(("text", "number"), [
    ("You can reach him on 020 7946 0958 in the evening.", "020 7946 0958"),
    ("Call the office at (315) 364-8611 before noon.", "(315) 364-8611"),
    ("Sie erreichen ihn unter 0461 1234567 am Vormittag.", "0461 1234567"),
    ("Mobile: 07700 900418", "07700 900418"),
    ("Handy: 0171 2345678", "0171 2345678"),
])
def test_foreign_national_phone_formats(text: str, number: str) -> None:
    assert [m.text for m in find_phones(text)] == [number]


@pytest.mark.parametrize("number", ["+1 (315) 364-8611", "+48 601 234 567",
                                    "+44 20 7946 0958", "+49 461 1234567"])
def test_foreign_international_phones_removed_in_danish_text(
        analyzer: Analyzer, number: str) -> None:
    assert number not in _redact(analyzer, f"Hans fætter ringer fra {number} hver uge.")


@pytest.mark.parametrize(("text", "address"), [
    ("skriv til jane.doe @ example.com i dag", "jane.doe@example.com"),
    ("E-mail:\tjane.doe\t@\texample.com", "jane.doe@example.com"),
])
def test_email_split_by_spaces_or_tabs(text: str, address: str) -> None:
    assert [m.normalized for m in find_emails(text)] == [address]


def test_a_handle_after_a_word_is_no_email() -> None:
    assert find_emails("han skriver til profilen @malte.aa hver dag") == []


# -- § 10 in a quoted English or German letter --------------------------------------------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("He is of Kurdish origin and came to the country as a refugee.", "Kurdish"),
    ("He is a member of the Labour Party and campaigned for the council.", "Labour"),
    ("He has been dependent on alcohol since the death of his father.", "alcohol"),
    ("Er ist kurdischer Herkunft und lebt seit 2015 in Kiel.", "kurdischer"),
    ("Er ist Mitglied der AfD und hat für den Stadtrat kandidiert.", "AfD"),
    ("Er ist schwul und lebt mit seinem Freund zusammen.", "schwul"),
    ("Er war wegen einer Psychose in der Psychiatrie.", "Psychose"),
    # trade union membership and religion (rhl. § 10) in English and German too
    ("He has been a member of the Dockworkers' and Riggers' Union since 2012.", "Union"),
    ("She joined the Northern Care Workers Union last year.", "Union"),
    ("He is an active trade union member at the shipyard.", "trade union"),
    ("Er ist Mitglied der Gewerkschaft und war im Betriebsrat.", "Gewerkschaft"),
    ("He is a devout Muslim and prays five times a day.", "Muslim"),
    ("She attends the Pentecostal church every Sunday.", "Pentecostal"),
    ("He is a Christian and his faith helps him.", "Christian"),
    ("Er ist gläubiger Katholik und geht jeden Sonntag in den Gottesdienst.", "Gottesdienst"),
])
def test_sensitive_content_in_foreign_sentences_is_removed(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert secret not in _redact(analyzer, sentence)


@pytest.mark.parametrize("sentence", [
    "Er hat im Dom von Köln geheiratet und lebt mit seiner Frau zusammen.",
    "Er hat eine Ausbildung als Koch abgeschlossen und sucht eine Stelle in Kiel.",
    # no § 10 word: a creditor (Gläubiger), a file converted (the name Christian: see the
    # pattern "is a Christian" in religion_fremmedsprog.yaml, never the bare word)
    "Der Gläubiger verlangt die Zahlung der Miete bis Ende Januar.",
    "The report was converted to PDF and sent by mail.",
])
def test_german_words_that_are_danish_terms_are_kept(analyzer: Analyzer, sentence: str) -> None:
    assert _redact(analyzer, sentence).strip() == sentence


def test_danish_department_abbreviation_is_no_party(analyzer: Analyzer) -> None:
    out = _redact(analyzer, "Han har fået arbejde i køkkenet og trives med det.\n"
                            "Mødet holdes på AFD 3 i Horsens.")
    assert "AFD 3" in out


@pytest.mark.parametrize(("text", "address"), [
    ("Er wohnt in der Friesische Straße 88, 24937 Flensburg bei seiner Tante.",
     "Friesische Straße 88, 24937 Flensburg"),
    ("Sie ist in die Lindenallee 4, 24103 Kiel gezogen.", "Lindenallee 4, 24103 Kiel"),
    ("Matka mieszka na ul. Marszałkowska 12/4, 00-590 Warszawa.",
     "ul. Marszałkowska 12/4, 00-590 Warszawa"),
])
def test_foreign_street_addresses(text: str, address: str) -> None:
    from gldocs.redact.detectors.address import find_addresses

    assert [m.text for m in find_addresses(text)] == [address]


def test_german_partner_with_record_and_address(analyzer: Analyzer) -> None:
    body = ("Ihr Lebensgefährte, Herr Dieter Brandt, ist selbst wegen Betrugs vorbestraft "
            "und wohnt in der Friesische Straße 88, 24937 Flensburg.")
    out = _redact(analyzer, body)
    for secret in ("Brandt", "Dieter", "vorbestraft", "Friesische", "24937"):
        assert secret not in out
    assert out.startswith("Ihr Lebensgefährte, ")  # a role word is no name


def test_english_form_fields_for_names(analyzer: Analyzer) -> None:
    doc = ("Example for a Form\nFirst Name Birthday\nLast Name\nGender:\n"
           "First Name: Philippa\nFirst Name_2: Bob\nNachname: Vogelsang\n")
    out = _redact(analyzer, doc, head="")
    for secret in ("Philippa", "Bob", "Vogelsang"):
        assert secret not in out
    assert "First Name Birthday" in out and "Last Name" in out


def test_redacted_copys_header_line_does_not_make_a_document_danish() -> None:
    vocab = load_bundle("kommune").foreign.vocabulary
    form = ["Redigeret til kommunen efter rhl. §§ 9-10 · 6. december 2026",
            "First Page Header (section 2)", "Default Header", "Body Text", "Table Heading"]
    assert document_language(form, vocab) == "en"


def test_heading_words_before_a_given_name_are_no_part_of_it(analyzer: Analyzer) -> None:
    body = ("The chapter on the Toponymy Model Michelle Poirier wrote for the survey was "
            "read by the whole team and the Toponymy Model was adopted.")
    out = _redact(analyzer, body)
    assert "Michelle" not in out and "Poirier" not in out
    # the heading words are no form of the person: kept where they stand alone
    assert "the Toponymy Model was adopted" in out


def test_company_names_in_english_are_no_persons(analyzer: Analyzer) -> None:
    body = ("The cargo was carried by Norasia Container Lines Ltd and by Hanjin Shipping "
            "for the whole of the year.")
    assert _redact(analyzer, body).strip() == body


@pytest.mark.parametrize("sentence", [
    # "Line" and "Storm" are Danish given names, and ordinary English words
    "The Line Events table holds the events of the network and the Storm Drain layer.",
    # a bracket with a number after a word is a data type, no age
    "The code is stored as Char (10) in the table and the name as Char (80).",
])
def test_danish_names_that_are_english_words_are_no_evidence(analyzer: Analyzer,
                                                              sentence: str) -> None:
    assert _redact(analyzer, sentence).strip() == sentence


def test_age_after_a_name_is_evidence_in_english(analyzer: Analyzer) -> None:
    out = _redact(analyzer, "He looks after his nephew Kayden (7 years) on Sundays.")
    assert "Kayden" not in out


def test_name_particles_tell_no_language() -> None:
    # "de" between capitalised words is part of a company's or person's name, no Danish "de"
    line = "Compania Chilena de Navegacion Interoceanica, Av. Andres Bello 2867, Santiago"
    assert ForeignSpans.of(line, "en").at(0) == "en"
    assert ForeignSpans.of("Han sagde, at de Grønne var gode.", "en").at(0) == "da"


def test_a_list_of_company_addresses_is_english() -> None:
    vocab = load_bundle("kommune").foreign.vocabulary
    lines = ["Appendix A - Members", "Second Edition", "Revised Page No. 2",
             "American Container Lines, Ltd 16220 North Scottsdale Road, Suite 300",
             "Compania Chilena de Navegacion, Av. Andres Bello 2867, 17th Floor",
             "Ocean Shipping Group Company, Ocean Plaza, Beijing",
             "The Members of the Agreement are listed in this Appendix."]
    assert document_language(lines, vocab) == "en"


# -- uncommon words: a run no word list knows is a name (fail closed) ---------------------
@pytest.mark.parametrize(("sentence", "secrets"), [
    # two or three capitalised words, none of them on any list: no title, role or contact
    ("The letter was signed by Okonkwo Mbanefo.", ["Okonkwo", "Mbanefo"]),
    ("Okonkwo Mbanefo signed the letter on behalf of the hostel.", ["Okonkwo", "Mbanefo"]),
    ("The letter was signed by Tadhg Ruaidhri Mulcahy.", ["Tadhg", "Mulcahy"]),
    ("We spoke with Ekwueme Nnamdi about the tenancy.", ["Ekwueme", "Nnamdi"]),
    ("We spoke with Tadhg Mulcahy about the tenancy and the deposit.", ["Tadhg", "Mulcahy"]),
    ("The tenancy was discussed with Ekwueme Nnamdi in the office.", ["Ekwueme", "Nnamdi"]),
    ("Der Brief wurde von Okonkwo Mbanefo unterschrieben.", ["Okonkwo", "Mbanefo"]),
    ("Wir haben mit Ekwueme Nnamdi über die Wohnung gesprochen.", ["Ekwueme", "Nnamdi"]),
])
@pytest.mark.parametrize("strict", [False, True])
def test_uncommon_words_are_a_name_without_other_evidence(
        ner_analyzer: Analyzer, sentence: str, secrets: list[str], strict: bool) -> None:
    out = _redact(ner_analyzer, sentence, head="" if strict else HEAD)
    for secret in secrets:
        assert secret not in out


@pytest.mark.parametrize("sentence", [
    # names of the name lists: removed before and after (the issue's own examples)
    "The letter was signed by Okonkwo Adebayo.",
    "We spoke with Siobhan Mulcahy about the tenancy.",
])
def test_names_of_the_lists_still_go(ner_analyzer: Analyzer, sentence: str) -> None:
    out = _redact(ner_analyzer, sentence)
    assert "Okonkwo" not in out and "Mulcahy" not in out


@pytest.mark.parametrize(("sentence", "kept"), [
    ("The Network Abstract Model is used by the survey for all of the roads.",
     "Network Abstract Model"),
    ("The text of the page was Lorem Ipsum Dolor and nothing else.", "Lorem Ipsum Dolor"),
    ("Lorem Ipsum Dolor is the placeholder that the template uses for the body.",
     "Lorem Ipsum Dolor"),
    ("The body of the template reads Lorem Ipsum Dolor Sit Amet until it is filled in.",
     "Lorem Ipsum Dolor Sit Amet"),
    ("The Page Header is shown on every page of the report.", "Page Header"),
    ("He has an account with the High Street Bank and it is paid in every month.",
     "High Street Bank"),
    ("The field Name is filled in by the staff when the form is sent.", "Name"),
    ("The Type of the record is shown in the second column of the table.", "Type"),
    ("The form has a Name field and a Type field for each of the entries.", "Name field"),
    ("Der Bericht wurde von der Stadtwerke Flensburg GmbH geschrieben.", "Stadtwerke"),
])
@pytest.mark.parametrize("strict", [False, True])
def test_common_words_runs_are_kept(ner_analyzer: Analyzer, sentence: str, kept: str,
                                    strict: bool) -> None:
    assert kept in _redact(ner_analyzer, sentence, head="" if strict else HEAD)


@pytest.mark.parametrize("heading", ["Name", "Type", "Page Header", "Lorem Ipsum Dolor"])
def test_headings_of_an_english_document_are_kept(ner_analyzer: Analyzer, heading: str) -> None:
    # a line alone takes its document's language (in an unknown, strict part)
    doc = (f"{heading}\nThe report is written by the staff of the unit and it is kept in "
           "the office of the unit for the whole of the year.\n")
    assert _redact(ner_analyzer, doc, head="").startswith(heading + "\n")


def test_a_run_in_capitals_or_with_a_place_is_no_uncommon_run(ner_analyzer: Analyzer) -> None:
    finder = ner_analyzer.finder
    assert finder._uncommon_run(["Tadhg", "Mulcahy"], "en")
    assert not finder._uncommon_run(["TADHG", "Mulcahy"], "en")  # a code or an acronym
    assert not finder._uncommon_run(["Mulcahy"], "en")  # one word alone
    assert not finder._uncommon_run(["Tadhg", "Ringsted"], "en")  # a known place
    assert not finder._uncommon_run(["Tadhg", "Mulcahy", "Ruaidhri", "Nnamdi"], "en")
    assert not finder._uncommon_run(["Lorem", "Ipsum"], "en")  # placeholder text
    # the placeholder list leaves out Latin words that are names too
    assert finder.foreign.is_common_anywhere("Vestibulum")
    assert not any(finder.foreign.is_common_anywhere(w) for w in ("Leo", "Ante", "Justo"))


@pytest.mark.parametrize("strict", [False, True])
def test_words_the_document_writes_in_lower_case_are_no_uncommon_run(
        ner_analyzer: Analyzer, strict: bool) -> None:
    body = ("The Hydrographic Obstacle layer holds every hydrographic obstacle of the survey, "
            "and an obstacle is drawn as a point.\n")
    out = _redact(ner_analyzer, body, head="" if strict else HEAD)
    assert "The Hydrographic Obstacle layer" in out
    # an e-mail or web address in lower case is no running text: the name still goes
    mail = "The letter was signed by Tadhg Mulcahy (tadhg.mulcahy@example.ie, www.mulcahy.ie).\n"
    assert "Mulcahy" not in _redact(ner_analyzer, mail, head="" if strict else HEAD)


@pytest.mark.parametrize("line", ["Plaza Sotomayor 50, Valparaiso", "Calle Sotomayor Uriarte 50"])
def test_uncommon_words_next_to_a_house_number_are_a_street(ner_analyzer: Analyzer,
                                                            line: str) -> None:
    body = ("The office of the company is at the address below, and the letters to it "
            "should be sent there by the staff of the unit when they have been signed.\n"
            f"{line}\n")
    out = _redact(ner_analyzer, body, head="")
    # a street: kept, or removed as an address, never taken for a person
    assert "[person]" not in out


# -- round 17: English political opinion, prison discipline, the act in slang, names --------
@pytest.mark.parametrize(("sentence", "secret"), [
    ("I always vote Tory, my whole family does.", "Tory"),
    ("She voted Green at the last election.", "Green"),
    ("He is a member of the SNP and went canvassing.", "SNP"),
    ("He was a Labour councillor in Leeds for a while.", "Labour councillor"),
    ("He canvassed for Fine Gael in the last campaign.", "Fine Gael"),
    ("Got 14 days down the block after the fight.", "down the block"),
    ("They searched his cell after the visit.", "searched his cell"),
    ("He had two adjudications last year and lost his privileges.", "adjudications"),
    ("I was nicked for a fight on the landing.", "nicked for"),
    ("He spent a month in the segregation unit.", "segregation unit"),
    ("He admits muling parcels across the border.", "muling"),
    ("He was recruited into county lines at fifteen.", "county lines"),
    ("He was shotting weed from his car.", "shotting"),
    ("He was caught dealing outside the station.", "dealing"),
    ("He says he was dealing coke to pay his rent.", "dealing coke"),
])
def test_english_opinion_discipline_and_act_are_removed(
        analyzer: Analyzer, sentence: str, secret: str) -> None:
    assert secret not in _redact(analyzer, sentence)


@pytest.mark.parametrize("sentence", [
    "The Labour market in the region has improved this year.",
    "He is dealing with his debts and has a plan for the rent.",
    "The flat is in a block of flats near the station.",
    "The party was held in the garden of the community centre.",
    "She was a member of the reading group at the library.",
])
def test_ordinary_english_near_the_new_words_is_kept(analyzer: Analyzer, sentence: str) -> None:
    assert _redact(analyzer, sentence).strip() == sentence


@pytest.mark.parametrize(("sentence", "name"), [
    ("He lives with his mum Rosalind and her dog.", "Rosalind"),
    ("My fella Tobias (Tob) cannot put me up.", "Tob"),
    ("She owes money to a bloke called Big Terry.", "Big Terry"),
    ("He stays with his nan Winifred on weekends.", "Winifred"),
])
def test_english_family_words_nicknames_and_short_forms_are_persons(
        analyzer: Analyzer, sentence: str, name: str) -> None:
    assert name not in _redact(analyzer, sentence)


def test_an_abbreviation_in_brackets_after_an_ordinary_word_is_kept(analyzer: Analyzer) -> None:
    sentence = "He passed the Mathematics (Math) course with a good mark."
    assert _redact(analyzer, sentence).strip() == sentence
