"""The package's own Danish words (gldocs/ordlister.yaml): loaded once, checked, used."""

from __future__ import annotations

import pytest

from gldocs import ordlister
from gldocs.errors import DataFileError, GldocsError
from gldocs.yamlfile import load_yaml


def _data() -> dict:
    return load_yaml(ordlister.FILE.read_text(encoding="utf-8"))


def test_the_shipped_file_holds_every_list() -> None:
    lists = ordlister.parse(_data())
    assert set(lists) == set(ordlister.LISTS)
    assert lists["maaneder"][0] == "januar" and lists["maaneder"][11] == "december"
    assert lists["ugedage"][0] == "mandag" and lists["ugedage"][6] == "søndag"


@pytest.mark.parametrize("key", ordlister.LISTS)
def test_a_missing_or_empty_list_is_refused(key: str) -> None:
    for broken in ({k: v for k, v in _data().items() if k != key}, {**_data(), key: []},
                   {**_data(), key: ["ok", " "]}):
        with pytest.raises(DataFileError, match=key):
            ordlister.parse(broken)


def test_the_file_is_checked_as_its_comments_say() -> None:
    with pytest.raises(DataFileError, match="maaneder"):
        ordlister.parse({**_data(), "maaneder": _data()["maaneder"][:11]})
    with pytest.raises(DataFileError, match="normaliseret"):
        ordlister.parse({**_data(), "afsnit_aarsager": ["Årsager til kriminalitet"]})
    with pytest.raises(DataFileError, match="små bogstaver"):
        ordlister.parse({**_data(), "private_roller": ["Mor"]})
    with pytest.raises(DataFileError, match="sources"):
        ordlister.parse({k: v for k, v in _data().items() if k != "sources"})
    assert issubclass(DataFileError, GldocsError)


def test_the_readers_use_the_file() -> None:
    import datetime as dt

    from gldocs.case.model import PRIVATE_ROLLER
    from gldocs.case.types import parse_ja_nej
    from gldocs.dates import format_dato_med_ugedag
    from gldocs.document.sections import heading_section, is_contact_line

    assert format_dato_med_ugedag(dt.date(2026, 3, 2)) == "mandag den 2. marts 2026"
    assert parse_ja_nej("Sand") is True and parse_ja_nej("falsk") is False
    assert ordlister.word_set("private_roller") == PRIVATE_ROLLER
    assert heading_section("Del 3: Årsager til kriminalitet") == "aarsager"
    assert heading_section("pkt. 2 - Beskrivelse") == "beskrivelse"
    assert is_contact_line("E-mail kim@live.dk") and is_contact_line("Tlf. 6170 3348")
    assert not is_contact_line("Telefonen ringede")
