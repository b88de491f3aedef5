"""Issue 8 §1-§2, round 20: every written form of an identifier, for every owner.

The attacker and the odd writer put a private person's phone number, CPR number, e-mail or
account number down with unusual separators (en dash, non-breaking hyphen U+2011,
non-breaking and thin spaces, dots, spaced dots, slashes), with zero-width characters or a
soft hyphen inside, in full-width digits, with look-alike letters. Each form of a private
person's identifier is removed; a professional's is kept on the same evidence as its plain
form. The matrix (form x owner) checks the final bytes of the written output, TXT and DOCX
through ``redact`` (normalised, so a surviving form is seen as a reader sees it), not only
the findings. Every value here is invented.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

import pytest

from gldocs.redact.commands import Job, redact_file
from gldocs.text.normalize import normalise_text

CLIENT = "Torben Vestmark Holst"
HEAD = ["1. Stamoplysninger", f"Navn: {CLIENT}", "CPR-nr.: 120485-1231", "",
        "2. Beskrivelse"]


def _pairs(a: str, b: str, c: str, d: str) -> dict[str, str]:
    """One phone number in every form (the digits are ``a b c d``)."""
    s = a + b + c + d
    return {
        "plain": f"{a} {b} {c} {d}",
        "en dash": f"{a}–{b}–{c}–{d}",
        "non-breaking hyphen": f"{a}\u2011{b}\u2011{c}\u2011{d}",
        "no-break space": f"{a}\u00a0{b}\u00a0{c}\u00a0{d}",
        "thin space": f"{a}\u2009{b}\u2009{c}\u2009{d}",
        "narrow no-break space": f"{a}\u202f{b}\u202f{c}\u202f{d}",
        "dots": f"{a}.{b}.{c}.{d}",
        "spaced dots": f"{a} . {b} . {c} . {d}",
        "slashes": f"{a}/{b}/{c}/{d}",
        "slash in fours": f"{a}{b}/{c}{d}",
        "zero-width space": f"{a}{b}\u200b{c}{d}",
        "zero-width joiners": f"{a}\u200d{b}{c}\u200c{d}",
        "word joiner": f"{a}{b}\u2060{c}{d}",
        "soft hyphen": f"{a}{b}\u00ad{c}{d}",
        "full-width digits": "".join(chr(ord(ch) + 0xFEE0) for ch in s),
        "+45 and dots": f"+45.{a}.{b}.{c}.{d}",
        "HTML no-break spaces": f"{a}&nbsp;{b}&nbsp;{c}&nbsp;{d}",
        "HTML numeric hyphens": f"{a}&#8209;{b}&#8209;{c}&#8209;{d}",
        "mixed after a label": f"{a}.{b}-{c} {d}",
    }


# a distinct number for every form and owner (first pairs of Danish mobile series)
_FIRST = ["20", "22", "24", "26", "28", "30", "31", "40", "41", "42", "50", "51", "52", "53",
          "60", "61", "71", "81", "91", "93"]


def _phones(seed: int) -> list[tuple[str, str, str]]:
    """(form, written number, its eight digits) for every form."""
    out = []
    for i, form in enumerate(_pairs("a", "b", "c", "d")):
        digits = (_FIRST[(i + seed) % len(_FIRST)], f"{(17 + 7 * i + seed) % 90 + 10}",
                  f"{(53 + 3 * i) % 90 + 10}", f"{(29 + 11 * i + seed) % 90 + 10}")
        out.append((form, _pairs(*digits)[form], "".join(digits)))
    return out


_CPRS = {  # form -> CPR of a private person (invented: 03 07 91 and serials)
    "en dash": "030791–1238", "non-breaking hyphen": "030791\u20111246",
    "no-break space": "030791\u00a01254", "thin space": "030791\u20091262",
    "zero-width space": "0307\u200b91-1270", "soft hyphen": "030791\u00ad-1289",
    "full-width digits": "０３０７９１－１２９７", "dots": "03.07.91-1300",
    "slashes": "03/07/91-1319", "spaced hyphen": "030791 - 1327",
    "word joiners": "030791\u2060-\u20601335", "grouped": "03 07 91-1343",
    "HTML numeric hyphen": "030791&#8209;1351", "HTML soft hyphen": "0307&shy;91-1378",
}
_PRIVATE_MAILS = {  # form -> (written address, the part that must go)
    "zero-width space": ("sanne.kvist\u200b71@gmail.com", "kvist71"),
    "soft hyphen": ("rune\u00ad.brokholm@gmail.com", "brokholm"),
    "zero-width around @": ("lene.odgaard\u200b@\u200bhotmail.com", "odgaard"),
    "full-width @": ("kaj.vinterberg＠gmail.com", "vinterberg"),
    "Cyrillic letter": ("mоna.tjelle@gmail.com", "tjelle"),  # Cyrillic о
    "spaced @": ("pia.skarum @ gmail.com", "skarum"),
    "(at)": ("ib.hoejstrup (at) gmail.com", "hoejstrup"),
    "[at] and [dot]": ("eva.lundfryd[at]gmail[dot]com", "lundfryd"),
    "no-break spaces": ("tage.moelby\u00a0@\u00a0gmail.com", "moelby"),
    "bare snabel-a": ("bo.ravnsholt snabel-a gmail.com", "ravnsholt"),
    "HTML @": ("lis.graabaek&#64;gmail.com", "graabaek"),
}
_PROFESSIONAL_MAILS = {  # form -> (written address, the address as a reader sees it)
    "zero-width space": ("ole.b\u200bak@vejle.dk", "ole.bak@vejle.dk"),
    "soft hyphen": ("mia\u00ad.friis@krfo.dk", "mia.friis@krfo.dk"),
    "full-width @": ("jens.hald＠aarhus.dk", "jens.hald@aarhus.dk"),
    "Cyrillic letter": ("karen.bеck@odense.dk", "karen.beck@odense.dk"),  # Cyrillic е
}
_ACCOUNTS = {  # form -> (written account, its account digits)
    "en dashes": ("reg.nr. 1551 kontonr. 3456–789–012", "3456789012"),
    "no-break spaces": ("reg.nr.\u00a01552\u00a0kontonr.\u00a03456789013", "3456789013"),
    "zero-width space": ("reg.nr. 1553 kontonr. 34567\u200b89014", "3456789014"),
    "dots": ("reg.nr. 1554 kontonr. 3456.789.015", "3456789015"),
    "slash": ("1555/3456789016", "3456789016"),
    "hyphen": ("1556-3456789017", "3456789017"),
    "spaced hyphen": ("1558 - 3456789019", "3456789019"),
    "full-width": ("reg.nr. １５５７ kontonr. ３４５６７８９０１８", "3456789018"),
}
_NAMES = {  # form -> a private person's name as written
    "Cyrillic е": "Gitte Vеstergrav", "Cyrillic а": "Lаila Fuglsbjerg",
    "zero-width space": "Kir\u200bsten Dalsgård", "soft hyphen": "Hen\u00adning Kjærbo",
    "HTML soft hyphen": "Vag&shy;n Ulstrup",
}

_PRIVATE_PHONE = ["Hans kæreste Mette Lund har nummeret {v}, og hun ringer ofte.",
                  "Han har ringet til fængslet flere gange fra {v}.",
                  "Naboen (tlf. {v}) klagede over støj.",
                  "Moren kan kontaktes på {v}."]
_PROFESSIONAL_PHONE = ["Sagsbehandler Ole Bak, Jobcenter Vejle, tlf. {v}, deltager i mødet.",
                       "Kontakt: Mia Friis, socialrådgiver, Kriminalforsorgen Vejle, tlf. {v}."]


def _redacted(tmp_path: Path, body: list[str], ext: str) -> str:
    """``body`` under a Stamoplysninger head, redacted through ``redact`` to ``ext``; the
    final output's text as a reader sees it (normalised; a DOCX's paragraphs by lines)."""
    lines = HEAD + body
    if ext == "docx":
        import docx

        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        src = tmp_path / "plan.docx"
        document.save(str(src))
    else:
        src = tmp_path / "plan.txt"
        src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / f"ud.{ext}"
    result = redact_file(Job(0, src, out, "kommune", "bolig", None, None, False, None, None))
    assert not result.error, result.error
    if ext == "docx":
        with zipfile.ZipFile(out) as z:
            xml = z.read("word/document.xml").decode("utf-8")
        # (the XML's own escapes undone: the text as Word shows it)
        text = html.unescape("\n".join(re.sub(r"<[^>]+>", "", p) for p in xml.split("</w:p>")))
    else:
        text = out.read_text(encoding="utf-8")
    return normalise_text(text)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _check(found: list[str]) -> None:
    assert not found, "\n".join(found)


@pytest.mark.slow
@pytest.mark.parametrize("ext", ["txt", "docx"])
def test_a_private_persons_phone_is_removed_in_every_form(tmp_path: Path, ext: str) -> None:
    rows = _phones(0)
    body = [_PRIVATE_PHONE[i % len(_PRIVATE_PHONE)].format(v=v)
            for i, (_, v, _) in enumerate(rows)]
    out = _redacted(tmp_path, body, ext)
    _check([f"{form}: {v!r}" for form, v, d in rows if d in _digits(out)])


@pytest.mark.slow
@pytest.mark.parametrize("ext", ["txt", "docx"])
def test_a_professionals_phone_is_kept_in_every_form(tmp_path: Path, ext: str) -> None:
    rows = _phones(5)
    body = [_PROFESSIONAL_PHONE[i % len(_PROFESSIONAL_PHONE)].format(v=v)
            for i, (_, v, _) in enumerate(rows)]
    out = _redacted(tmp_path, body, ext)
    lost = [f"{form}: {v!r}" for form, v, d in rows
            if not any(_digits(line).endswith(d) for line in out.splitlines()
                       if "tlf." in line and _digits(line))]
    _check(lost)


@pytest.mark.slow
@pytest.mark.parametrize("ext", ["txt", "docx"])
def test_every_other_identifier_of_a_private_person_goes_in_every_form(
        tmp_path: Path, ext: str) -> None:
    body = [f"Hans søn Viggo (CPR {v}) bor hos moren." for v in _CPRS.values()]
    body += [f"Hans ekskæreste skriver fra {v} hver dag." for v, _ in _PRIVATE_MAILS.values()]
    body += [f"Pengene gik til hans fætters konto, {v}." for v, _ in _ACCOUNTS.values()]
    body += [f"Hans kæreste {v} er flyttet til Odense." for v in _NAMES.values()]
    out = _redacted(tmp_path, body, ext)
    digits, lower = _digits(out), out.lower()
    leaks = [f"CPR {form}: {v!r}" for form, v in _CPRS.items()
             if _digits(normalise_text(v))[-4:] in digits]
    leaks += [f"e-mail {form}: {v!r}" for form, (v, part) in _PRIVATE_MAILS.items()
              if part in lower]
    leaks += [f"account {form}: {v!r}" for form, (v, acc) in _ACCOUNTS.items()
              if acc[-6:] in digits]
    leaks += [f"name {form}: {v!r}" for form, v in _NAMES.items()
              if any(w.lower() in lower for w in normalise_text(v).split())]
    _check(leaks)


@pytest.mark.slow
@pytest.mark.parametrize("ext", ["txt", "docx"])
def test_a_professionals_mail_is_kept_in_every_form(tmp_path: Path, ext: str) -> None:
    body = [f"Sagsbehandler Ole Bak, Jobcenter Vejle, e-mail {v}, deltager i mødet."
            for v, _ in _PROFESSIONAL_MAILS.values()]
    out = _redacted(tmp_path, body, ext)
    _check([f"{form}: {v!r}" for form, (v, seen) in _PROFESSIONAL_MAILS.items()
            if seen not in out])


# the detectors themselves, fast: the new forms are found as what they are
@pytest.mark.parametrize("number", ["31 . 64 . 22 . 08", "31/64/22/08", "3164/2208",
                                    "31 - 64 - 22 - 08"])
def test_phone_forms_are_found(number: str) -> None:
    from gldocs.redact.detectors.phone import find_phones

    found = find_phones(f"Hun ringer fra {number} om aftenen.")
    assert [m.text for m in found] == [number]


@pytest.mark.parametrize("text", ["sag 2026/0412 er åben", "i perioden 2025/2026",
                                  "dom af 12/03/2026"])
def test_references_and_years_with_slashes_are_no_phones(text: str) -> None:
    from gldocs.redact.detectors.phone import find_phones

    assert find_phones(text) == []


@pytest.mark.parametrize("text", ["Mobil: 24.91.60.37", "tlf. nr. 31.64.22.08",
                                  "Direkte: 72 55 36 82 | Mobil: 24.91.60.37"])
def test_dotted_pairs_after_a_phone_label_are_a_phone(text: str) -> None:
    from gldocs.redact.detectors.online import find_online

    assert [m for m in find_online(text) if m.entity == "IP_ADDRESS"] == []


@pytest.mark.parametrize("text", ["Routeren har IP 24.91.60.37 i loggen.",
                                  "Serveren 10.20.30.40 svarer ikke."])
def test_dotted_numbers_without_a_phone_label_stay_ip_addresses(text: str) -> None:
    from gldocs.redact.detectors.online import find_online

    assert [m.entity for m in find_online(text)] == ["IP_ADDRESS"]


def test_a_bare_snabel_a_is_an_e_mail() -> None:
    from gldocs.redact.detectors.email import find_emails

    found = find_emails("Skriv til bo.ravnsholt snabel-a gmail.com i aften.")
    assert [m.normalized for m in found] == ["bo.ravnsholt@gmail.com"]



@pytest.mark.parametrize(("raw", "seen"), [
    ("61&nbsp;47&nbsp;92&nbsp;38", "61 47 92 38"),
    ("030791&#8209;1238", "030791-1238"),
    ("lis.graabaek&#64;gmail.com", "lis.graabaek@gmail.com"),
    ("Vag&shy;n Ulstrup", "Vagn Ulstrup"),
    ("M&#x435;tte", "Mette"),  # a Cyrillic е by its reference, then folded
    ("Børn &amp; Unge", "Børn & Unge"),
    ("a &ukendt; b", "a &ukendt; b"),  # no character of that name: as written
])
def test_html_character_references_read_as_their_characters(raw: str, seen: str) -> None:
    assert normalise_text(raw) == seen


@pytest.mark.parametrize(("local", "tokens", "names"), [
    ("nanna.krogh88", ["nanna", "krogh"], True),
    ("nannakrogh", ["nanna", "krogh"], True),
    ("nkrogh", ["nanna", "krogh"], True),
    ("krogh_n", ["nanna", "krogh"], True),
    ("jeanette.poulsgaard", ["poul"], False),  # a given name inside a surname
    ("annette.berg", ["nette"], False),
])
def test_a_mails_local_part_names_a_person_by_whole_pieces(
        local: str, tokens: list[str], names: bool) -> None:
    from gldocs.redact.ownership import local_part_names

    assert local_part_names(local, tokens) is names


@pytest.mark.parametrize("text", ["konto 1551 - 3456789012.", "reg. 1551 / konto 3456789012",
                                  "1551/3456789012", "reg.nr. 1554 kontonr. 3456.789.015",
                                  "kontonr. 1559 3456 789 012"])
def test_account_forms_are_found(text: str) -> None:
    from gldocs.redact.detectors.online import find_bank_accounts

    assert any("345678901" in re.sub(r"\D", "", m.text) for m in find_bank_accounts(text))


@pytest.mark.parametrize("text", ["(kontonr. 9280 4471 026 513) inden jul",
                                  "konto: 9280-4471-026-513.", "kontonr. 9280 4471026513"])
def test_an_account_in_many_groups_after_one_label_is_found_whole(text: str) -> None:
    """A registration number and a ten-digit account in groups after one label: no group
    is left behind (a shorter match once left "513" in the output)."""
    from gldocs.redact.detectors.online import find_bank_accounts

    found = find_bank_accounts(text)
    assert found
    assert max(m.end for m in found) == text.rindex("3") + 1
