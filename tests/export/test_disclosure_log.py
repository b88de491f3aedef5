"""Disclosure log: hash chain, tamper detection, CPR pseudonyms, salt file, CLI."""

from __future__ import annotations

import itertools
import json
import stat
import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.errors import InputError, LogTamperedError
from gldocs.export.log import (
    GENESIS,
    SALT_FILE,
    Disclosure,
    LoggedDocument,
    RestoredFinding,
    append_entry,
    canonical,
    client_hash,
    entry_hash,
    head_path,
    read_log,
    verify_log,
)

CPR = "150385-2913"  # invented
OTHER_CPR = "020202-4562"  # invented


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    h = tmp_path / "home"
    monkeypatch.setenv("GLDOCS_HOME", str(h))
    monkeypatch.delenv("GLDOCS_LOG", raising=False)
    return h


def disclosure(n: int = 1, cpr: str = CPR) -> Disclosure:
    return Disclosure(
        caseworker="Mette Sørensen",
        recipient="Vejle Kommune, Borgerservice (sikker post)",
        client_cpr=cpr,
        documents=[LoggedDocument.of(f"handleplan-KF-2026-01{n:02d}.pdf", b"%d" % n),
                   LoggedDocument.of("foelgeskrivelse-KF-2026-0142.pdf", b"f")],
        policy_name="kommune",
        policy_version="2025.1",
        legal_grounds=["rhl. § 9", "rhl. § 10"],
        findings_by_rule={"R2": 1, "R1": n},
        restored=[RestoredFinding("f-0a1b2c3d4e5f", "R2", "rhl. § 10",
                                  "Strengt nødvendigt: misbrugsbehandling er et "
                                  "koordineringsområde")],
        reference="KF-2026-0142",
    )


def make_log(tmp_path: Path, n: int = 4) -> Path:
    log = tmp_path / "log" / "videregivelser.jsonl"
    for i in range(1, n + 1):
        append_entry(log, disclosure(i), now=datetime(2026, 3, i, 9, 30, tzinfo=UTC))
    return log


def lines_of(log: Path) -> list[str]:
    return log.read_text(encoding="utf-8").splitlines(keepends=True)


def write_lines(log: Path, lines: list[str]) -> None:
    log.write_text("".join(lines), encoding="utf-8")


def problem_lines(log: Path) -> set[int | None]:
    return {p.line for p in verify_log(log)}


# ---------------------------------------------------------------- the chain


def test_entries_are_chained(tmp_path: Path) -> None:
    log = make_log(tmp_path)
    entries, problems = read_log(log)
    assert problems == []
    assert [e.seq for e in entries] == [1, 2, 3, 4]
    assert entries[0].prev == GENESIS
    for before, after in itertools.pairwise(entries):
        assert after.prev == before.hash
    for raw in lines_of(log):
        obj = json.loads(raw)
        assert obj["hash"] == entry_hash({k: v for k, v in obj.items() if k != "hash"})
        assert raw == canonical(obj) + "\n"
    head = json.loads(head_path(log).read_text())
    assert head == {"count": 4, "hash": entries[-1].hash}


def test_entry_content(tmp_path: Path) -> None:
    log = make_log(tmp_path, 1)
    obj = json.loads(lines_of(log)[0])
    assert obj["time"] == "2026-03-01T09:30:00+00:00"
    assert obj["caseworker"] == "Mette Sørensen"
    assert obj["policy"] == {"name": "kommune", "version": "2025.1"}
    assert obj["documents"][0] == {"name": "handleplan-KF-2026-0101.pdf",
                                   "sha256": LoggedDocument.of("x", b"1").sha256}
    assert obj["findings_by_rule"] == {"R1": 1, "R2": 1}
    assert obj["legal_grounds"] == ["rhl. § 9", "rhl. § 10"]
    assert obj["restored"][0]["justification"].startswith("Strengt nødvendigt")
    assert obj["client"] == client_hash(CPR)
    assert "Sørensen" in log.read_text(encoding="utf-8")  # UTF-8, not escaped


def test_append_accepts_a_dict(tmp_path: Path) -> None:
    log = tmp_path / "l.jsonl"
    entry = append_entry(log, {
        "caseworker": "Ali Hansen", "recipient": "Odense Kommune", "client_cpr": "1503852913",
        "documents": [{"name": "handleplan.pdf", "sha256": "ab" * 32}],
        "policy_name": "kommune", "policy_version": "1",
        "restored": [{"id": "f-1", "rule": "R1", "ground": "rhl. § 9",
                      "justification": "Nødvendigt for boligsagen"}],
    })
    assert entry.seq == 1 and entry.client == client_hash(CPR)  # dash or not: same client
    assert verify_log(log) == []


def test_no_log_is_intact(tmp_path: Path) -> None:
    assert verify_log(tmp_path / "ingen.jsonl") == []


# ---------------------------------------------------------------- tampering


def test_edited_line_detected(tmp_path: Path) -> None:
    log = make_log(tmp_path)
    lines = lines_of(log)
    lines[1] = lines[1].replace("Vejle Kommune", "Vejle Komune")
    write_lines(log, lines)
    problems = verify_log(log)
    assert [p.line for p in problems] == [2]
    assert "ændret" in problems[0].message


def test_edited_line_with_recomputed_hash_detected(tmp_path: Path) -> None:
    log = make_log(tmp_path)
    lines = lines_of(log)
    obj = json.loads(lines[1])
    obj["findings_by_rule"] = {"R1": 0}
    obj["hash"] = entry_hash({k: v for k, v in obj.items() if k != "hash"})
    lines[1] = canonical(obj) + "\n"
    write_lines(log, lines)
    assert problem_lines(log) == {3}  # line 3 no longer points at line 2


def test_edited_last_line_with_recomputed_hash_detected(tmp_path: Path) -> None:
    log = make_log(tmp_path)
    lines = lines_of(log)
    obj = json.loads(lines[-1])
    obj["recipient"] = "En anden modtager"
    obj["hash"] = entry_hash({k: v for k, v in obj.items() if k != "hash"})
    lines[-1] = canonical(obj) + "\n"
    write_lines(log, lines)
    problems = verify_log(log)
    assert [p.line for p in problems] == [4]
    assert "hovedfilen" in problems[0].message


def test_deleted_middle_line_detected(tmp_path: Path) -> None:
    log = make_log(tmp_path)
    lines = lines_of(log)
    del lines[1]
    write_lines(log, lines)
    found = problem_lines(log)
    assert 2 in found  # the old line 3 is now line 2 and does not fit
    assert None in found  # and the head counts 4


def test_deleted_last_line_detected(tmp_path: Path) -> None:
    log = make_log(tmp_path)
    write_lines(log, lines_of(log)[:-1])
    problems = verify_log(log)
    assert len(problems) == 1
    assert "3 linjer" in problems[0].message and "angiver 4" in problems[0].message


def test_deleted_everything_detected(tmp_path: Path) -> None:
    log = make_log(tmp_path)
    write_lines(log, [])
    assert verify_log(log)
    log.unlink()
    assert "mangler" in str(verify_log(log)[0])


def test_reordered_lines_detected(tmp_path: Path) -> None:
    log = make_log(tmp_path)
    lines = lines_of(log)
    lines[1], lines[2] = lines[2], lines[1]
    write_lines(log, lines)
    found = problem_lines(log)
    assert {2, 3} <= found
    messages = " ".join(str(p) for p in verify_log(log))
    assert "løbenummer 3" in messages


def test_truncated_log_detected(tmp_path: Path) -> None:
    log = make_log(tmp_path)
    data = log.read_bytes()
    log.write_bytes(data[: len(data) - 40])
    problems = verify_log(log)
    assert 4 in {p.line for p in problems}
    assert any("afkortet" in str(p) for p in problems)


def test_missing_head_detected(tmp_path: Path) -> None:
    log = make_log(tmp_path)
    head_path(log).unlink()
    assert any("hovedfilen" in str(p) for p in verify_log(log))


def test_append_refuses_a_tampered_log(tmp_path: Path) -> None:
    log = make_log(tmp_path)
    write_lines(log, lines_of(log)[:-1])  # hide the last disclosure ...
    before = log.read_bytes()
    with pytest.raises(LogTamperedError, match="ikke intakt"):
        append_entry(log, disclosure(9))  # ... and the next append must not cover it up
    assert log.read_bytes() == before
    assert LogTamperedError.exit_code == 1


def test_concurrent_appends_keep_the_chain(tmp_path: Path) -> None:
    log = tmp_path / "c.jsonl"

    def worker(k: int) -> None:
        for i in range(5):
            append_entry(log, disclosure(10 * k + i))

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    entries, problems = read_log(log)
    assert problems == []
    assert len(entries) == 20


# ---------------------------------------------------------------- privacy


def test_cpr_never_stored_in_clear(tmp_path: Path, home: Path) -> None:
    log = make_log(tmp_path, 2)
    append_entry(log, disclosure(3, cpr=OTHER_CPR))
    stored = log.read_bytes() + head_path(log).read_bytes()
    for cpr in (CPR, OTHER_CPR):
        digits = cpr.replace("-", "")
        for form in (cpr, digits, digits[:6], digits[6:] + '"'):
            assert form.encode() not in stored, form
    assert client_hash(CPR) != client_hash(OTHER_CPR)
    # a keyed hash: without the salt the CPR cannot be found by hashing all candidates
    import hashlib

    assert hashlib.sha256(b"1503852913").hexdigest().encode() not in stored


def test_salt_file_created_private_and_reused(home: Path) -> None:
    first = client_hash(CPR)
    salt = home / SALT_FILE
    assert stat.S_IMODE(salt.stat().st_mode) == 0o600
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert client_hash(CPR) == first  # same installation, same pseudonym
    other_home = home.parent / "other"
    assert client_hash(CPR, other_home) != first  # another installation, another salt


def test_salt_readable_by_others_is_refused(home: Path) -> None:
    client_hash(CPR)
    (home / SALT_FILE).chmod(0o644)
    with pytest.raises(InputError, match="chmod 600"):
        client_hash(CPR)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"caseworker": "Mette 150385-2913"}, "caseworker"),
        ({"reference": "sag 1503852913"}, "reference"),
        ({"caseworker": " "}, "caseworker"),
        ({"client_cpr": "15038529"}, "client_cpr"),
        ({"documents": []}, "documents"),
        ({"documents": [LoggedDocument("a.pdf", "xyz")]}, "documents[0].sha256"),
        ({"documents": [LoggedDocument("klient 150385-2913.pdf", "ab" * 32)]},
         "documents[0].name"),
        ({"restored": [RestoredFinding("f-1", "R2", "rhl. § 10", "")]},
         "restored[0].justification"),
        ({"findings_by_rule": {"R1": -1}}, "findings_by_rule.R1"),
    ],
)
def test_bad_disclosures_refused(tmp_path: Path, change: dict, field: str) -> None:
    import dataclasses

    log = tmp_path / "l.jsonl"
    with pytest.raises(InputError, match=field.replace("[", r"\[").replace("]", r"\]")):
        append_entry(log, dataclasses.replace(disclosure(), **change))
    assert not log.exists()


def test_unknown_fields_refused(tmp_path: Path) -> None:
    data = {"caseworker": "A", "recipient": "B", "client_cpr": CPR, "client_name": "Ole",
            "documents": [{"name": "a.pdf", "sha256": "ab" * 32}],
            "policy_name": "kommune", "policy_version": "1"}
    with pytest.raises(InputError, match="client_name"):
        append_entry(tmp_path / "l.jsonl", data)


# ---------------------------------------------------------------- CLI


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["log", *args])
    return result.exit_code, result.stdout, result.stderr


def test_cli_verify_ok_and_show(tmp_path: Path) -> None:
    log = make_log(tmp_path, 2)
    code, out, _ = run("verify", "--log", str(log))
    assert code == 0
    assert "er intakt: 2 linjer" in out
    code, out, _ = run("show", "--log", str(log))
    assert code == 0
    assert "Videregivelse nr. 2: 2. marts 2026 kl. 10.30" in out  # Danish time (CET)
    assert "Sagsbehandler:  Mette Sørensen" in out
    assert "Fund pr. regel: R1: 2, R2: 1" in out
    assert "rhl. § 10" in out and "Strengt nødvendigt" in out
    assert CPR not in out and CPR.replace("-", "") not in out


def test_cli_verify_tampered_names_the_line(tmp_path: Path) -> None:
    log = make_log(tmp_path, 3)
    lines = lines_of(log)
    lines[1] = lines[1].replace("Mette", "Mettte")
    write_lines(log, lines)
    code, _, err = run("verify", "--log", str(log))
    assert code == 1
    assert "ikke intakt" in err and "linje 2" in err
    code, _, err = run("show", "--log", str(log))
    assert code == 1 and "Advarsel" in err


def test_cli_env_log_and_client_filter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log = tmp_path / "env.jsonl"
    monkeypatch.setenv("GLDOCS_LOG", str(log))
    append_entry(None, disclosure(1))
    append_entry(None, disclosure(2, cpr=OTHER_CPR))
    assert log.exists()
    code, out, _ = run("show", "--klient", OTHER_CPR)
    assert code == 0
    assert "(1 videregivelse)" in out and "Videregivelse nr. 2" in out
    code, out, _ = run("verify")
    assert code == 0


def test_cli_empty(tmp_path: Path) -> None:
    code, out, _ = run("verify", "--log", str(tmp_path / "tom.jsonl"))
    assert code == 0 and "Ingen videregivelse" in out
