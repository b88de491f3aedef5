"""E-mail detector."""

from __future__ import annotations

import pytest

from gldocs.redact.detectors.email import email_domain, find_emails


@pytest.mark.parametrize(
    ("text", "found", "normalized"),
    [
        ("skriv til peter.damgaard@horsens.dk, tak", "peter.damgaard@horsens.dk",
         "peter.damgaard@horsens.dk"),
        ("BX7R@kk.dk.", "BX7R@kk.dk", "bx7r@kk.dk"),
        ("<Lise.Kjaerbo@KRFO.DK>", "Lise.Kjaerbo@KRFO.DK", "lise.kjaerbo@krfo.dk"),
        ("(selin.aksoy97@gmail.com)", "selin.aksoy97@gmail.com", "selin.aksoy97@gmail.com"),
        ("mail: søren.ørsted@gmail.com", "søren.ørsted@gmail.com", "søren.ørsted@gmail.com"),
        ("jens_hansen+kif@mail.dk", "jens_hansen+kif@mail.dk", "jens_hansen+kif@mail.dk"),
        ("x.y@sub.domain.co.uk;", "x.y@sub.domain.co.uk", "x.y@sub.domain.co.uk"),
        ("o'brien@mail.ie", "o'brien@mail.ie", "o'brien@mail.ie"),
        ("kontakt(at)krfo.dk", "kontakt(at)krfo.dk", "kontakt@krfo.dk"),
        ("E-mail:anne@aarhus.dk", "anne@aarhus.dk", "anne@aarhus.dk"),
    ],
)
def test_finds_emails(text: str, found: str, normalized: str) -> None:
    matches = find_emails(text)
    assert [(m.text, m.normalized, m.entity) for m in matches] == [(found, normalized, "EMAIL")]
    assert text[matches[0].start:matches[0].end] == found


@pytest.mark.parametrize(
    "text",
    ["x@y", "a@b.c", "user.@x.dk", "foo@bar.dk123", "kl. 10 @ mødet", "@krfo.dk", "a@.dk",
     "mail@-x.dk", "Pris 20 @ 5 kr."],
)
def test_no_false_email(text: str) -> None:
    assert find_emails(text) == []


def test_domain() -> None:
    assert email_domain("Lotte@KRFO.dk") == "krfo.dk"
    assert email_domain("kontakt(at)Krfo.dk") == "krfo.dk"


def test_several_sorted() -> None:
    text = "a@x.dk, b@y.dk og c@z.dk"
    assert [m.normalized for m in find_emails(text)] == ["a@x.dk", "b@y.dk", "c@z.dk"]


def test_address_split_by_tabs_in_a_table_export() -> None:
    [m] = find_emails("E-mail:\tkarolina.wrobel\t@\tinteria.pl")
    assert m.normalized == "karolina.wrobel@interia.pl" and m.text.startswith("karolina")
    assert find_emails("følg hende på @karolina.wrobel") == []
