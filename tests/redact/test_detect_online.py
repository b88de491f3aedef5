"""Online and financial identifiers: handles, profile URLs, IP, IMEI, bank accounts, MobilePay
(invented examples), and the ordinary text they must leave alone."""

from __future__ import annotations

import pytest
from harness import analyse, analyzer_for, redacted

from gldocs.redact.detectors.online import find_online


@pytest.mark.parametrize(("text", "entity", "found"), [
    ("Hun skriver til ham på Snapchat som mille_bk04.", "ONLINE_ID", "mille_bk04"),
    ("Han følger @karsten.w88 på Instagram.", "ONLINE_ID", "@karsten.w88"),
    ("Han spiller under navnet NightOwlDK på Discord.", "ONLINE_ID", "NightOwlDK"),
    ("Vennen spiller som \"j0nny\" på Twitch.", "ONLINE_ID", "j0nny"),
    ("Brugernavn: ulvetand_77", "ONLINE_ID", "ulvetand_77"),
    ("Se profilen facebook.com/mille.bk.04 for billederne.", "ONLINE_ID",
     "facebook.com/mille.bk.04"),
    ("Overførslerne kom fra IP-adressen 93.176.44.201.", "IP_ADDRESS", "93.176.44.201"),
    ("Loggen viser 2001:db8:85a3::8a2e:370:7334.", "IP_ADDRESS", "2001:db8:85a3::8a2e:370:7334"),
    ("Telefonens IMEI er 35-209900-176148-1.", "IMEI", "35-209900-176148-1"),
    ("Pengene gik til reg.nr. 1551 kontonr. 3456789012.", "BANK_ACCOUNT",
     "reg.nr. 1551 kontonr. 3456789012"),
    ("Kontonummer: 0012874411", "BANK_ACCOUNT", "0012874411"),
    ("IBAN DK50 0040 0440 1162 43", "BANK_ACCOUNT", "DK50 0040 0440 1162 43"),
    ("Betal på MobilePay 71830 inden fredag.", "BANK_ACCOUNT", "71830"),
])
def test_found(text: str, entity: str, found: str) -> None:
    assert (entity, found) in [(m.entity, m.text) for m in find_online(text)]


@pytest.mark.parametrize("text", [
    "Han arbejder som kok og hedder Peter.",
    "Mødet er 12.03.2026 kl. 10.30 i lokale 2.",
    "Programmet kører i version 1.2.3.4.",
    "Han løb 3.000 m på 11.45.2 minutter.",
    "Skriv til jobcenter@vejle.dk.",
    "Han er kendt som en stabil kollega.",
])
def test_ordinary_text_untouched(text: str) -> None:
    assert find_online(text) == []


def test_online_identifiers_removed_end_to_end() -> None:
    client = "Tage Brøns Holmberg"
    head = f"1. Stamoplysninger\nNavn: {client}\nCPR-nr.: 110399-2217\n\n2. Beskrivelse\n"
    body = ("Tage og vennen sendte pengene fra IP-adressen 93.176.44.201 til "
            "reg.nr. 1551 kontonr. 3456789012. Vennen skriver på Snapchat som mille_bk04.\n")
    plan = analyse(head + body, client, ["bolig"], analyzer=analyzer_for(ner=False))
    out = redacted(plan)
    for secret in ("93.176.44.201", "3456789012", "mille_bk04"):
        assert secret not in out
    assert all(f.rule == "R1" for f in plan.findings
               if f.entity in ("ONLINE_ID", "IP_ADDRESS", "BANK_ACCOUNT"))


def test_a_label_word_inside_a_longer_word_is_no_label() -> None:
    from gldocs.redact.detectors.online import find_online

    # "Handleplan" starts with "handle" but is no username label
    assert find_online("Bilag: Handleplan_Brix.pdf og Brugeridplan.docx") == []


def test_username_label_with_er() -> None:
    from gldocs.redact.detectors.online import find_online_ids
    assert [m.text for m in find_online_ids("Hans gamertag er SkyggeUlv_11, og han")] == \
        ["SkyggeUlv_11"]


def test_account_labels_and_units_are_policy_words() -> None:
    """The bank-account labels, the number word after them and the amount units are the
    policy's identifier words (the phone detector reads the same units): a label the
    policy adds works with no code change."""
    from gldocs.redact.default_words import default_words
    from gldocs.redact.detectors.online import find_bank_accounts
    from gldocs.redact.detectors.phone import find_phones
    from gldocs.redact.wordlists import WordLists

    words = default_words("identifier_words")
    text = "Pengene går til konto nr. 7731558201 og reg. nr. 9570 kontonr. 0012874411."
    assert {"7731558201", "9570-0012874411"} <= {
        p.normalized for p in find_bank_accounts(text, words)}
    text = "Pengene går til bankbog 7731558201."
    assert find_bank_accounts(text, words) == []
    lists = {**words.lists, "account_labels": (*words["account_labels"], "bankbog")}
    mine = WordLists(words.key, words.path, lists)
    assert [p.normalized for p in find_bank_accounts(text, mine)] == ["7731558201"]
    # an amount's unit after eight digits: no phone number (the policy's units)
    assert find_phones("Gælden er 12345678 kroner.", words) == []
    assert find_phones("Ring 12 34 56 78 i morgen.", words) != []
