"""The review server over plain HTTP: token refusal, binding, decisions, approval."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from gldocs.atomic import write_text_atomic
from gldocs.document.units import apply_edits
from gldocs.redact.apply import plan_edits
from gldocs.redact.model import Plan
from gldocs.review.server import ReviewServer, ReviewSession

S10_OK = ("Diagnosen er strengt nødvendigt for kommunen, fordi botilbuddet skal tilpasses "
          "behandlingen efter løsladelsen.")


def txt_writer(plan: Plan, out: Path) -> None:
    edits = plan_edits(plan)
    text = "\n".join(apply_edits(u.text, edits.get(u.path, [])) for u in plan.units)
    write_text_atomic(out, text + "\n")


@pytest.fixture
def served(tmp_path: Path, plan: Plan) -> Iterator[ReviewServer]:
    session = ReviewSession(plan, None, decisions_path=tmp_path / "afg.yaml",
                            output_path=tmp_path / "ud.txt", write_output=txt_writer,
                            caseworker="Lone Berg")
    server = ReviewServer(session, port=0)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    yield server
    server.close()
    thread.join(timeout=5)


def call(url: str, body: dict | None = None) -> tuple[int, dict | str]:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method="GET" if body is None else "POST",
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as res:
            status, raw, ctype = res.status, res.read(), res.headers.get_content_type()
    except urllib.error.HTTPError as err:
        status, raw, ctype = err.code, err.read(), err.headers.get_content_type()
    text = raw.decode()
    return status, json.loads(text) if ctype == "application/json" else text


def api(server: ReviewServer, path: str, body: dict | None = None,
        token: str | None = None) -> tuple[int, dict | str]:
    tok = server.token if token is None else token
    return call(f"http://127.0.0.1:{server.port}{path}?token={tok}", body)


def test_requests_without_the_token_are_refused(served: ReviewServer) -> None:
    base = f"http://127.0.0.1:{served.port}"
    for path in ("/", "/api/state", "/?token=", f"/?token={served.token[:-1]}x"):
        status, body = call(base + path)
        assert status == 403, path
        assert "Karen" not in str(body)
    status, _ = call(base + "/api/approve", {})
    assert status == 403
    status, _ = call(base + "/api/decide?token=forkert", {"id": "x", "action": "accept"})
    assert status == 403
    assert not served.session.approved.is_set()


def test_binds_to_loopback_with_a_long_random_token(served: ReviewServer) -> None:
    assert served.httpd.server_address[0] == "127.0.0.1"
    assert served.port > 0
    assert len(served.token) >= 40
    assert served.url == f"http://127.0.0.1:{served.port}/?token={served.token}"


def test_page_is_self_contained_and_locked_down(served: ReviewServer) -> None:
    req = urllib.request.Request(served.url)
    with urllib.request.urlopen(req, timeout=10) as res:
        page = res.read().decode()
        csp = res.headers["Content-Security-Policy"]
        assert res.headers["Referrer-Policy"] == "no-referrer"
    assert '<html lang="da">' in page
    assert "http://" not in page and "https://" not in page and " src=" not in page
    assert "default-src 'none'" in csp and f"'nonce-{served.nonce}'" in csp
    assert "Karen" not in page  # document text comes as JSON and goes in via textContent


def test_decisions_are_validated_by_the_server(served: ReviewServer, plan: Plan) -> None:
    diag = next(f for f in plan.findings if f.text == "paranoid skizofreni")
    weak = {"id": diag.id, "action": "restore", "justification": "Kommunen vil vide det"}
    status, body = api(served, "/api/decide", weak)
    assert status == 400 and "strengt nødvendig" in body["fejl"]
    status, body = api(served, "/api/decide", {"id": diag.id, "action": "restore",
                                                "justification": ""})
    assert status == 400 and "begrundelse" in body["fejl"]
    status, body = api(served, "/api/decide", {"id": "f-000000000000", "action": "accept"})
    assert status == 400
    status, state = api(served, "/api/decide", {"id": diag.id, "action": "restore",
                                                 "justification": S10_OK})
    assert status == 200 and state["findings"][diag.id]["state"] == "restore"
    status, body = api(served, "/api/extra", {"text": "findes ikke", "unit_path": "",
                                              "rule": "R4", "reason": "test"})
    assert status == 400 and "står ikke i dokumentet" in body["fejl"]


def test_approval_needs_every_review_finding_decided(served: ReviewServer, tmp_path: Path,
                                                     plan: Plan) -> None:
    status, body = api(served, "/api/approve", {"caseworker": "Lone Berg"})
    assert status == 409 and "afventer" in body["fejl"]
    assert not (tmp_path / "ud.txt").exists() and not (tmp_path / "afg.yaml").exists()

    karen = next(f for f in plan.findings if f.text == "Karen Lykke Holm")
    api(served, "/api/decide", {"id": karen.id, "action": "restore",
                                "justification": "Søsteren er kontaktperson for boligen."})
    status, state = api(served, "/api/extra", {"text": "hver dag", "unit_path": "",
                                               "rule": "R5", "reason": "Dosering er intern"})
    assert status == 200 and state["extras"][0]["count"] == 1
    status, state = api(served, "/api/accept-pending", {})
    assert state["pending"] == 0
    status, body = api(served, "/api/approve", {"caseworker": "  "})
    assert status == 409 and body["fejl"] == "Skriv dit navn som sagsbehandler, før du godkender."
    status, body = api(served, "/api/approve", {"caseworker": "Lone Berg"})
    assert status == 200 and body["godkendt"] is True
    assert served.session.approved.wait(5)

    out = (tmp_path / "ud.txt").read_text(encoding="utf-8")
    assert "Karen Lykke Holm" in out and "Gørtlervej" not in out and "hver dag" not in out
    assert "[udeladt: rhl. § 10]" in out and "<script>" not in out
    saved = yaml.safe_load((tmp_path / "afg.yaml").read_text(encoding="utf-8"))
    assert saved["sagsbehandler"] == "Lone Berg"
    assert saved["afgørelser"][karen.id]["afgørelse"] == "restore"
    assert saved["ekstra"][0]["tekst"] == "hver dag"


def test_posts_must_be_json_and_small(served: ReviewServer) -> None:
    url = f"http://127.0.0.1:{served.port}/api/accept-pending?token={served.token}"
    form = urllib.request.Request(url, data=b"a=1", method="POST",
                                  headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(form, timeout=10)
    assert err.value.code == 400
    big = urllib.request.Request(url, data=b" " * 1_000_001, method="POST",
                                 headers={"Content-Type": "application/json"})
    # refused without reading it: a 400, or the connection closed while the client still sends
    with pytest.raises(urllib.error.URLError) as refused:
        urllib.request.urlopen(big, timeout=10)
    if isinstance(refused.value, urllib.error.HTTPError):
        assert refused.value.code == 400
    assert served.session.result().undecided  # nothing was accepted


def test_cancel_ends_without_writing(served: ReviewServer, tmp_path: Path) -> None:
    status, body = api(served, "/api/cancel", {})
    assert status == 200 and body["afbrudt"] is True
    assert served.session.cancelled.is_set() and not served.session.approved.is_set()
    assert not (tmp_path / "ud.txt").exists() and not (tmp_path / "afg.yaml").exists()
