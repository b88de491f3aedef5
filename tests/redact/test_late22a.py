"""Round 22 late classes (issue 8): a quoted profile name of several words after a username
cue, ... Every sentence and person is invented."""

from __future__ import annotations

import re

import pytest
from harness import redact_section

from gldocs.redact.detectors.online import find_online_ids
from gldocs.redact.engine import Analyzer

CLIENT = "Oskar Dalby Nørlund"
STAMDATA = f"1. Stamoplysninger\nNavn: {CLIENT}\nCPR-nr.: 120688-2417\n\n"
DESCRIPTION = STAMDATA + "2. Beskrivelse\n"


def _out(analyzer: Analyzer, sentence: str, areas: tuple[str, ...] = ("bolig",)) -> str:
    return redact_section(analyzer, CLIENT, DESCRIPTION, sentence, areas).strip()


def _visible(out: str) -> str:
    return re.sub(r"\[[^\]]*\]", " ", out)


# -- a quoted profile name of several words: all of it is the username
QUOTED_PROFILES = [
    ('Han skriver med en ven på Facebook under navnet "Włodek Mały".', "Włodek Mały"),
    ("Kammeraten hedder “Sune Ravnsbæk” på Instagram.", "Sune Ravnsbæk"),
    ('På TikTok kalder hun sig "Lille Mus 04".', "Lille Mus 04"),
    ('Broren går under "Den Sorte Ravn" på Discord.', "Den Sorte Ravn"),
]


@pytest.mark.parametrize(("text", "name"), QUOTED_PROFILES)
def test_a_quoted_profile_name_is_one_username(text: str, name: str) -> None:
    assert name in [m.text for m in find_online_ids(text)]


@pytest.mark.parametrize(("text", "name"), QUOTED_PROFILES[:2])
def test_no_word_of_a_quoted_profile_name_is_left(analyzer: Analyzer, text: str,
                                                  name: str) -> None:
    out = _visible(_out(analyzer, text, ("netværk",)))
    for word in name.split():
        assert word not in out


def test_a_single_quoted_handle_stays_one_word() -> None:
    text = 'Hun skriver som "mille04" og "kat" på Snapchat.'
    assert [m.text for m in find_online_ids(text)] == ["mille04"]
