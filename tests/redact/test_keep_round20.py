"""Issue 8 §4, round 20: K1-K3 kept on positive evidence, in invented texts.

- K2: a date in a sentence about a service's own visitation unit written as a compound
  ("Boligvisitationen kontakter …") or about the victim's lawyer ("bistandsadvokat for
  forurettede") is no search and no detail of the act: the sentence, and its date, stay.
- K1: the client's own handle or account, shown by the client's field with a remark
  ("Instagram (egen): …") or the client's genitive with the account in apposition
  ("Kaspers egen NemKonto i Nordea, reg. …"); another owner named there removes it.
- K3: a professional's e-mail at an authority's domain is not taken for a private
  person's because a private given name hides inside the professional's surname
  ("poul" in "poulsby"); a professional's mobile written with dots in a signature whose
  name stands after a blank line; an institution named after a capitalised word of its
  kind ("Statsfængslet Hvidkær Mark") is no private person, wherever the document names it.
"""

from __future__ import annotations

from harness import Case, stamdata

CLIENT = "Kasper Holt Ravnsbjerg"
CASE = Case(CLIENT, stamdata(CLIENT, extra="Mobil: 28 41 90 53\n") + "2. Beskrivelse\n",
            areas=("bolig", "økonomi"))
_redact, _text = CASE.redact, CASE.text


def test_a_services_visitation_unit_is_no_search() -> None:
    for body, kept in [
        ("Boligvisitationen kontakter Kasper inden 1. april 2026.", "1. april 2026"),
        ("Ansvarlig: Esbjerg Kommune, Boligvisitationen, inden 15. maj 2026.", "15. maj 2026"),
        ("Botilbudsvisitationen holder møde med ham den 3. juni 2026.", "3. juni 2026"),
    ]:
        assert kept in _redact(body + "\n"), body


def test_a_search_is_still_removed() -> None:
    out = _redact("Ved kropsvisitationen den 2. marts 2026 fandt betjentene hash.\n")
    assert "kropsvisitation" not in out.lower()


def test_the_victims_lawyer_is_an_office_not_the_act() -> None:
    for body, kept in [
        ("Fængslet modtog den 3. februar 2026 et brev fra advokat Karin Holt, som er "
         "beskikket bistandsadvokat for forurettede.", "3. februar 2026"),
        ("Den 4. marts 2026 skrev forurettedes advokat om erstatningen.", "4. marts 2026"),
        ("Advokaten for de forurettede har den 9. april 2026 sendt kravet.", "9. april 2026"),
    ]:
        assert kept in _redact(body + "\n"), body


def test_the_act_against_the_victim_is_still_removed() -> None:
    out = _redact("Forurettede blev slået flere gange i hovedet med en flaske.\n")
    assert "flaske" not in out


def test_the_clients_own_handle_by_a_remark_in_the_field() -> None:
    case = Case(CLIENT, stamdata(CLIENT, extra="Instagram (egen): @kasper_holt99\n"
                                 "Snapchat (kæresten): lotte.mus21\n") + "2. Beskrivelse\n")
    out = case.text("Han bruger mest Instagram.\n")
    assert "@kasper_holt99" in out
    assert "lotte.mus21" not in out


def test_the_clients_own_handle_by_a_remark_outside_stamoplysninger() -> None:
    out = _redact("Discord-profil (egen): kasper.gamer77\nDiscord-profil: lotte.gamer21\n")
    assert "kasper.gamer77" in out
    assert "lotte.gamer21" not in out


def test_the_clients_account_in_apposition_to_his_genitive() -> None:
    for body, account in [
        ("Kaspers egen NemKonto i Nordea, reg. 2211 kontonr. 6123 450 987, bruges til "
         "huslejen.", "6123 450 987"),
        ("Klientens lønkonto (reg. 9570 kontonr. 0012874411) modtager lønnen.",
         "0012874411"),
    ]:
        assert account in _redact(body + "\n"), body


def test_an_account_of_someone_else_is_removed() -> None:
    for body, account in [
        ("Kaspers mors konto i Nordea, reg. 2211 kontonr. 6123 450 987, blev brugt.",
         "6123 450 987"),
        ("Pengene gik via Kaspers kæreste, reg. 9570 kontonr. 0012874411.", "0012874411"),
        ("Kaspers konto og Lottes konto i Nordea, reg. 2211 kontonr. 6123 450 988, blev "
         "lukket.", "6123 450 988"),
    ]:
        assert account not in _redact(body + "\n"), body


def test_a_private_given_name_inside_a_professionals_surname() -> None:
    out = _redact("Kasper bor hos sin morfar Poul.\nDeltagere: Kasper, sagsbehandler Jette "
                  "Poulsby (Horsens Kommune, tlf. 76 29 20 00, jette.poulsby@horsens.dk).\n")
    assert "jette.poulsby@horsens.dk" in out


def test_a_private_persons_name_in_a_mail_at_any_domain_is_removed() -> None:
    out = _redact("Kasper bor hos sin morfar Poul Sandvig. Morfaren skriver fra "
                  "poul.sandvig@horsens.dk og psandvig@firma.dk.\n")
    assert "poul.sandvig" not in out and "psandvig" not in out


def test_a_signature_under_a_blank_line_keeps_a_dotted_mobile() -> None:
    out = _redact("Vi ses til mødet.\n\nMed venlig hilsen\n\nLasse Dam\nTilsynsførende | "
                  "Kriminalforsorgen i Frihed Vejle\nDirekte: 72 55 36 82 | Mobil: "
                  "24.91.60.37\n")
    assert "24.91.60.37" in out


def test_a_private_number_after_a_closing_with_no_office_is_removed() -> None:
    out = _redact("Mange hilsner\n\nLotte\nMobil: 24.91.60.38\n")
    assert "24.91.60.38" not in out


_PRISON_DOC = (
    "Klage (journaliseret, Statsfængslet Hvidkær Mark)\n"
    f"Navn: {CLIENT}\n"
    "Indsat: 7. april 2025, Statsfængslet Hvidkær Mark\n\n"
    "Hvidkær Mark, 10. januar 2026\n\n"
    f"Jeg hedder {CLIENT} og sidder i Hvidkær Mark.\n\n"
    "Kontakt: Lone Dal, socialrådgiver, Statsfængslet Hvidkær Mark, tlf. 72 55 41 10, "
    "lone.dal@krfo.dk.\n")


def test_an_institution_after_a_capitalised_word_of_its_kind() -> None:
    from harness import analyse, redacted

    out = redacted(analyse(_PRISON_DOC, CLIENT, ("bolig",)))
    assert out.count("Hvidkær Mark") == 5
    assert "lone.dal@krfo.dk" in out and "72 55 41 10" in out


def test_a_person_after_a_capitalised_word_of_an_institution_stays_a_person() -> None:
    from gldocs.redact.bundle import load_bundle
    from gldocs.redact.gazetteer import build_gazetteer

    b = load_bundle("kommune")
    gz = build_gazetteer(b.places, b.organisations, b.policy.professionals.org_words,
                         b.surname_endings, given_names=b.given_names)
    text = "Bostedet Lise Holm ringede om Kasper. Han bor på Bostedet Lise Holm."
    known = gz.institution_names([text])
    assert "Lise Holm" in known  # the name after the word of its kind ...
    # ... but a given name first makes a person of it
    assert not gz.named_institution(text, text.index("Lise"), "Lise Holm", known)
