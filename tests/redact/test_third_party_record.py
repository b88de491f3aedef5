"""A private person's own case or sentence, with the person's name as the subject, is that
person's data (R1): the predicate goes. The client's own record (K6) is never taken for a
relative's. All persons invented."""

from __future__ import annotations

import pytest
from harness import Case, stamdata

CLIENT = "Anton Bæk Overgaard"


_redact = Case(CLIENT, stamdata(CLIENT, "080894-2217", "Dom: 1 år for røveri\n")
               + "2. Beskrivelse\n").redact


@pytest.mark.parametrize(("body", "gone", "kept"), [
    ("Anton har lånt penge af sin ven, Kenni Holst. Kenni afsoner selv en dom på 3 år for "
     "røveri i Vridsløselille.", "3 år for røveri", "Anton har lånt penge"),
    ("Hans kæreste, Nadia Frost, er kendt af os fra en børnesag og har selv en betinget dom.",
     "børnesag", ""),
    ("Medindsat Patrick Sand bor på samme gang. PATRICK SAND er tidligere dømt for røveri.",
     "tidligere dømt", ""),
    ("Hans bedste ven, Mads Lyng, sidder selv varetægtsfængslet i en narkosag.",
     "narkosag", ""),
    ("Anton bor sammen med Jasmin. Jasmin har tre domme for tyveri og er nu i tilsyn hos "
     "KiF Aalborg.", "i tilsyn hos KiF Aalborg", ""),
    ("His cousin, Liam Carter, is currently serving a sentence at HMP Durham.",
     "serving a sentence", ""),
])
def test_private_persons_own_record_goes(body: str, gone: str, kept: str) -> None:
    out = _redact(body)
    assert gone not in out
    assert "tredjepersons straffesag" in out
    if kept:
        assert kept in out


@pytest.mark.parametrize("body", [
    # the client is the subject: his own sentence stays (K6)
    "Anton har lånt penge af Kenni og afsoner nu en dom på 1 år for røveri.",
    "Anton mødte Kenni, da han afsonede sin dom for røveri.",
])
def test_clients_own_record_is_not_a_relatives(body: str) -> None:
    assert "tredjepersons straffesag" not in _redact(body)
