"""Issue 9 §6: the review server answers hostile requests with 400/403, never a traceback or
a 500, and `gldocs diff` prints no terminal control sequences from a document."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from gldocs.cli import main
from gldocs.redact.model import Plan
from gldocs.review.server import ReviewServer, ReviewSession


@pytest.fixture
def served(tmp_path: Path, plan: Plan) -> Iterator[ReviewServer]:
    session = ReviewSession(plan, None, decisions_path=tmp_path / "afg.yaml",
                            output_path=tmp_path / "ud.txt",
                            write_output=lambda plan, out: None, caseworker="Lone Berg")
    server = ReviewServer(session, port=0)
    thread = threading.Thread(target=server.serve, daemon=True)
    thread.start()
    yield server
    server.close()
    thread.join(timeout=5)


def raw_request(server: ReviewServer, data: bytes) -> tuple[int, bytes]:
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(data)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            chunks.append(chunk)
    reply = b"".join(chunks)
    status = int(reply.split(b" ", 2)[1]) if reply.startswith(b"HTTP/") else 0
    return status, reply


def request(server: ReviewServer, method: str, path: str, body: bytes = b"",
            host: str | None = None, extra: str = "") -> tuple[int, bytes]:
    host = host or f"127.0.0.1:{server.port}"
    head = (f"{method} {path}?token={server.token} HTTP/1.1\r\nHost: {host}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n{extra}"
            "Connection: close\r\n\r\n")
    return raw_request(server, head.encode() + body)


def test_over_long_request_line_is_400_without_traceback(
        served: ReviewServer, capfd: pytest.CaptureFixture[str]) -> None:
    status, reply = raw_request(served, b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n")
    assert status == 400
    assert b"Traceback" not in reply
    assert "Traceback" not in capfd.readouterr().err


def test_over_long_header_is_400(served: ReviewServer) -> None:
    status, _ = request(served, "GET", "/api/state", extra="X-Fyld: " + "a" * 70_000 + "\r\n")
    assert status == 400


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "127.0.0.1:1", "localhost"])
def test_foreign_host_header_is_refused(served: ReviewServer, host: str) -> None:
    status, reply = request(served, "GET", "/api/state", host=host)
    assert status == 403 and "ukendt værtsnavn".encode() in reply
    status, _ = request(served, "POST", "/api/decide", b"{}", host=host)
    assert status == 403


def test_own_host_names_are_served(served: ReviewServer) -> None:
    for host in (f"127.0.0.1:{served.port}", f"localhost:{served.port}"):
        assert request(served, "GET", "/api/state", host=host)[0] == 200


@pytest.mark.parametrize("body", [
    b"[" * 100_000 + b"]" * 100_000,  # deep nesting (RecursionError in json.loads)
    b'{"id": ' + b"9" * 10_000 + b"}",  # digits beyond Python's int limit
    b'{"id": "x", "action": "accept"',  # truncated
    b"\xff\xfe{}",  # not UTF-8
    b'{"index": 1e999}',  # infinity where an index belongs
    b'{"index": [1, 2]}',  # a list where an index belongs
    b"[]",  # not an object
])
def test_malformed_json_is_400_not_500(served: ReviewServer, body: bytes) -> None:
    route = "/api/extra/remove" if b"index" in body else "/api/decide"
    status, reply = request(served, "POST", route, body)
    assert status == 400, reply[-300:]
    payload = json.loads(reply.split(b"\r\n\r\n", 1)[1])
    assert "fejl" in payload and "Traceback" not in payload["fejl"]


def test_bad_content_length_is_400(served: ReviewServer) -> None:
    head = (f"POST /api/decide?token={served.token} HTTP/1.1\r\nHost: 127.0.0.1:{served.port}"
            "\r\nContent-Type: application/json\r\nContent-Length: -5\r\n"
            "Connection: close\r\n\r\n{}")
    status, _ = raw_request(served, head.encode())
    assert status == 400


ESCAPES = ("\x1b[2J\x1b[H", "\x1b]8;;https://example.invalid\x07klik\x1b]8;;\x07",
           "\x1b]52;c;ZWNobyBoYWNr\x07", "\x9b31m", "\r\x08\x08", "\u202e")


def test_diff_strips_terminal_control_sequences(tmp_path: Path) -> None:
    doc = tmp_path / "plan.txt"
    doc.write_text(
        "1. Stamoplysninger\nNavn: Mikkel Storgaard Winther\nCPR-nr.: 150488-1234\n\n"
        "2. Beskrivelse\n"
        f"Han har en kæreste, Vibeke{ESCAPES[0]} Kronborg, tlf. 61 72 83 94.{ESCAPES[1]}\n"
        f"Han er i praktik{ESCAPES[2]} hos en tømrer{ESCAPES[3]}.{ESCAPES[4]}{ESCAPES[5]}\n",
        encoding="utf-8")
    res = CliRunner().invoke(main, ["diff", str(doc), "--areas", "none", "--no-ner"])
    assert res.exit_code == 0, res.output
    for bad in ("\x1b", "\x9b", "\x07", "\r", "\x08", "\u202e"):
        assert bad not in res.output
    assert "praktik" in res.output and "tømrer" in res.output
