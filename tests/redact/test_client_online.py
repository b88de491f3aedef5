"""The client's own username, profile or account is kept only on shown ownership: the
client's labelled field in Stamoplysninger, or a label naming the client right before the
value ("Klientens Snapchat: …"); then every mention of the same value is the client's, with
the evidence in --explain. A handle that merely looks like the client's name is removed and
flagged (fail closed). All persons and handles invented."""

from __future__ import annotations

from harness import analyse, redacted_after, stamdata

from gldocs.redact.detectors.online import find_online_ids
from gldocs.redact.model import Plan

CLIENT = "Tobias Kjærulf Wendt"


def _plan(stam_extra: str, body: str) -> Plan:
    text = stamdata(CLIENT, "230896-1457", stam_extra) + f"2. Beskrivelse\n{body}\n"
    return analyse(text, CLIENT, ["beskæftigelse"])


def _out(plan: Plan) -> str:
    return redacted_after(plan, "2. Beskrivelse")


def test_handle_from_the_clients_field_is_kept_everywhere_with_evidence() -> None:
    plan = _plan("Instagram: @tobi_wendt96\n",
                 "Tobias bruger Instagram som @tobi_wendt96, når han søger job. Hans "
                 "ekskæreste har skrevet til @tobi_wendt96 flere gange.")
    out = _out(plan)
    assert out.count("@tobi_wendt96") == 2
    kept = [f for f in plan.findings if f.text == "@tobi_wendt96" and f.action == "keep"]
    assert len(kept) == 3 and all("Stamoplysninger" in f.explanation for f in kept)


def test_label_naming_the_client_keeps_the_value() -> None:
    plan = _plan("", "Klientens Snapchat: tobi.kw96. Tobias' TikTok-profil er @tkwendt.")
    out = _out(plan)
    assert "tobi.kw96" in out and "@tkwendt" in out
    why = [f.explanation for f in plan.findings if f.text == "tobi.kw96"]
    assert why and "Klientens Snapchat" in why[0]


def test_handle_like_the_clients_name_without_a_label_is_removed_and_flagged() -> None:
    plan = _plan("", "Han får beskeder fra @tobias_wendt_official, som han ikke kender.")
    assert "@tobias_wendt_official" not in _out(plan)
    f = next(f for f in plan.findings if f.text == "@tobias_wendt_official")
    assert f.action == "remove" and f.review


def test_a_relatives_labelled_handle_stays_removed() -> None:
    plan = _plan("", "Hans søster Ida har Snapchat: ida.sol03. Klientens kæreste er @mira_k.")
    out = _out(plan)
    assert "ida.sol03" not in out and "@mira_k" not in out


def test_the_clients_genitive_before_a_platform_is_no_person() -> None:
    plan = _plan("", "Tobias' Facebook er lukket. Tobias's Discord bruges til spil.")
    assert not [f for f in plan.findings if f.entity == "PERSON" and f.action == "remove"]


def test_platform_label_finds_the_handle() -> None:
    assert [m.text for m in find_online_ids("Snapchat: ida.sol03")] == ["ida.sol03"]
    assert [m.text for m in find_online_ids("Discord-navn = ninjamus")] == ["ninjamus"]
    assert find_online_ids("Facebook: Ida Sol") == []  # a display name: NER's to find
