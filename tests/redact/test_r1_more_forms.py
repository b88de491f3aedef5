"""R1 classes on invented text: a handle removed once goes everywhere, a sentence's last
word is no title cut short, a maiden name after "født", a given name before "(kaldet X)",
references in a CV are private persons. All texts and persons are invented."""

from __future__ import annotations

from harness import facade_plan, redacted


def _out(body: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    text = ("Stamoplysninger\nNavn: Martin Due Kjeldsen\nCPR-nr.: 120388-1235\n\n"
            f"2. Beskrivelse\n{body}\n")
    return redacted(facade_plan(text, areas, "Martin Due Kjeldsen", "120388-1235"))


def test_a_removed_handle_goes_in_every_place() -> None:
    out = _out('Kopi af tråden:\n- "palle.vx": vi ses i aften\n'
               '- "Rikke Brandt": @palle.vx husk pengene\n'
               'Martin siger, at han ikke kender palle.vx.')
    assert "palle.vx" not in out
    assert "Martin" in out


def test_an_ordinary_word_is_no_spread_handle() -> None:
    out = _out("Martin bruger @sol_hav89 om aftenen. Solen skinnede, og han gik en tur.")
    assert "sol_hav89" not in out and "Solen skinnede" in out


def test_the_last_word_of_a_sentence_is_no_title_cut_short() -> None:
    out = _out("Broren Sahal bor i Bergen med kone og tre børn. Sahal Yusuf Warsame kan "
               "kontaktes på +47 413 22 907 og har tilbudt at hjælpe.")
    assert "Sahal Yusuf Warsame" not in out and "+47 413 22 907" not in out


def test_a_given_name_before_a_nickname_in_brackets_goes() -> None:
    out = _out("Hans kæreste har en søn fra et tidligere forhold: Wirunphat (kaldet Bee), "
               "11 år, som går i 5. klasse.")
    assert "Wirunphat" not in out and "Bee" not in out


def test_the_clients_own_bracket_nickname_is_not_taken_for_another() -> None:
    out = _out("Martin (kaldet Tinus) har selv bedt om en samtale.")
    assert "Martin" in out


def test_a_maiden_name_after_fodt_goes() -> None:
    out = _out("Martin var gift med Lene Aagaard, født Petersen, som bor i Kiel, "
               "Holstenstraße 3, tlf. +49 431 55 12 12.")
    assert "Petersen" not in out and "Lene Aagaard" not in out


def test_fodt_before_a_date_or_a_place_word_takes_no_name() -> None:
    out = _out("Martin er født 1988 og født i Vejle. Han er født og opvokset på Fyn.")
    assert "født 1988" in out and "født i" in out


def test_references_in_a_cv_are_private_persons_whatever_their_job() -> None:
    out = _out("Martin har skrevet sit CV med hjælp fra værkstedet.\n\nREFERENCER\n"
               "Lagerchef Ove Kragh, Vejle Havneterminal, tlf. 76 40 12 88\n"
               "Værkfører Lis Bønnelykke, Tørring Smedie, mobil 2199 4410\n\n"
               "Martin starter i praktik til januar.")
    for leak in ("Ove Kragh", "76 40 12 88", "Lis Bønnelykke", "2199 4410"):
        assert leak not in out
    assert "Martin starter i praktik" in out


def test_a_contact_heading_still_keeps_the_professionals() -> None:
    out = _out("Martin har skrevet sit CV med hjælp fra værkstedet.\n\nSamarbejdspartnere\n"
               "Sagsbehandler Ove Kragh, Vejle Kommune, tlf. 76 81 12 88\n")
    assert "Ove Kragh" in out and "76 81 12 88" in out


def test_a_district_after_a_private_home_town_goes_with_it() -> None:
    out = _out("Hans farbror, Tesfay Gebre, bor i Keren, Daarit-kvarteret, og ringer "
               "hver uge.")
    assert "Daarit" not in out and "Keren" not in out


def test_a_district_word_after_a_kept_place_takes_nothing() -> None:
    out = _out("Martin bor selv i Vejle og er glad for kvarteret.")
    assert "Vejle" in out and "kvarteret" in out
