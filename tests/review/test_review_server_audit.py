"""Issue 9 §6 (audit round): request shapes the first round did not try. A JSON body with a
lone surrogate escape (valid JSON, no text) is 400, not a dropped connection; a request
with two Host headers, one of them foreign, is refused like a foreign one."""

from __future__ import annotations

import pytest
from test_review_server_hardening import raw_request, request, served  # noqa: F401

from gldocs.jsonsafe import BadJSON, loads_bounded
from gldocs.limits import ENV
from gldocs.review.server import ReviewServer


@pytest.mark.parametrize("body", [
    b'{"id": "\\ud800", "action": "keep"}',
    b'{"id": "x", "justification": "\\udfff"}',
])
def test_lone_surrogate_is_400(served: ReviewServer, body: bytes) -> None:  # noqa: F811
    status, reply = request(served, "POST", "/api/decide", body)
    assert status == 400, reply
    assert b"Traceback" not in reply


def test_second_host_header_is_refused(served: ReviewServer) -> None:  # noqa: F811
    own = f"127.0.0.1:{served.port}"
    for hosts in ([own, "evil.example"], ["evil.example", own], [own, own]):
        head = f"GET /?token={served.token} HTTP/1.1\r\n" + "".join(
            f"Host: {h}\r\n" for h in hosts) + "Connection: close\r\n\r\n"
        status, _ = raw_request(served, head.encode())
        assert status == 403, hosts
    assert request(served, "GET", "/")[0] == 200


def test_bounded_json_refuses_lone_surrogates_keeps_pairs() -> None:
    assert loads_bounded(b'{"a": "\\ud83d\\ude00 \\u00e6"}') == {"a": "\U0001f600 æ"}
    with pytest.raises(BadJSON):
        loads_bounded(b'{"a": "\\ud800"}')
    with pytest.raises(BadJSON):
        loads_bounded('["\\udc00x"]')


def test_body_limit_can_be_lowered(served: ReviewServer,  # noqa: F811
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """``--graense forespoergsel-kb`` holds below 1 MB too (it had a fixed floor)."""
    monkeypatch.setenv(ENV, "forespoergsel-kb=1")
    body = b'{"id": "x", "justification": "' + b"a" * 2000 + b'"}'
    status, reply = request(served, "POST", "/api/decide", body)
    assert status == 400 and b"for stor" in reply
