"""The local review page: a small HTTP server on 127.0.0.1 with a one-time token.

Only the caseworker's own browser should reach it: the server binds to 127.0.0.1 on a free
port, and every request (page, JSON, POST) must carry the session's random token
(``?token=…``) or it gets 403. The page itself is in :mod:`gldocs.review.page`.

    session = ReviewSession(plan, decisions, decisions_path=…, output_path=…,
                            write_output=lambda plan, out: …)
    server = ReviewServer(session, port=0)
    print(server.url); server.serve()   # returns after "Godkend" (or server.close())

JSON endpoints (all answer with the new state, or ``{"fejl": "..."}`` and 400/409):

    GET  /api/state
    POST /api/decide          {"id", "action": "accept"|"restore"|"clear", "justification"}
    POST /api/extra           {"text", "unit_path" (or ""), "rule", "reason"}
    POST /api/extra/remove    {"index"}
    POST /api/accept-pending  {}
    POST /api/approve         {"caseworker"}  -> writes output + decisions, then shuts down
    POST /api/cancel          {}              -> shuts down; nothing is written
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Callable, Mapping, Sequence
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from gldocs.document.units import Edit
from gldocs.errors import BadJSON, ConflictError, GldocsError, InputError
from gldocs.jsonsafe import loads_bounded
from gldocs.limits import current
from gldocs.redact import Finding, Plan, plan_edits
from gldocs.review.decisions import (
    DecisionResult,
    Decisions,
    ExtraRemoval,
    apply_decisions,
    check_justification,
    decision_for,
    decisions_template,
    is_s10,
    save_decisions,
)
from gldocs.review.diff import summary
from gldocs.review.looks import label, rule_looks
from gldocs.review.page import render_page
from gldocs.review.view import (
    DETECTOR_LABELS,
    STATE_LABELS,
    build_view,
    covering_removals,
    marked_segments,
)

OutputWriter = Callable[[Plan, Path], None]
EditsFor = Callable[[Plan], Mapping[str, Sequence[Edit]]]


class ReviewSession:
    """The state of one review: the plan, the caseworker's decisions so far, and approval."""

    def __init__(self, plan: Plan, decisions: Decisions | None, *, decisions_path: Path,
                 output_path: Path, write_output: OutputWriter, caseworker: str = "",
                 edits_for: EditsFor = plan_edits) -> None:
        """``write_output(plan, out)`` writes the approved plan; ``edits_for(plan)`` gives the
        per-unit edits it writes with, so the page shows exactly what will be written."""
        self.plan = plan
        self.looks = rule_looks(plan)
        self.edits_for = edits_for
        self.decisions = decisions_template(plan, decisions, caseworker)
        self.decisions_path = Path(decisions_path)
        self.output_path = Path(output_path)
        self.write_output = write_output
        self.lock = threading.RLock()
        self.approved = threading.Event()
        self.cancelled = threading.Event()
        apply_decisions(plan, self.decisions)  # a bad loaded file fails here, before serving

    # -- reading -------------------------------------------------------------------------
    def result(self) -> DecisionResult:
        return apply_decisions(self.plan, self.decisions)

    def _findings(self, fid: str) -> list[Finding]:
        found = [f for f in self.plan.findings if f.id == fid and f.action == "remove"
                 and f.detector != "caseworker"]
        if not found:
            raise InputError(f"Fundet {fid} findes ikke i dokumentet.")
        return found

    def state(self) -> dict[str, Any]:
        """Everything the page shows, as JSON-ready data (document text as plain strings)."""
        with self.lock:
            return self._state()

    def _state(self) -> dict[str, Any]:
        result = self.result()
        view = build_view(result.plan, self.decisions, self.edits_for(result.plan))
        restored_ids = {f.id for f, _ in result.restored}
        parts: list[dict[str, Any]] = []
        cards: dict[str, dict[str, Any]] = {}
        for part in view.parts:
            units = []
            for uv in part.units:
                original = []
                for m in marked_segments(uv, restored_ids):
                    item: dict[str, Any] = {"text": m.text, "kind": m.kind}
                    if m.span is not None:
                        item["rule"] = m.span.rule
                        # findings with a card first: the link goes to ids[0]
                        item["ids"] = [f.id for f in sorted(
                            m.span.findings, key=lambda f: (f.detector == "caseworker", f.start))]
                    if m.finding is not None:
                        item["ids"] = [m.finding.id]
                    original.append(item)
                redacted = [{"text": p.text, "marker": p.marker, "rule": p.rule}
                            for p in uv.pieces]
                units.append({"path": uv.unit.path, "original": original,
                              "redacted": redacted})
            ids: list[str] = []
            for f in part.findings:
                state = view.state(f)
                if f.detector == "caseworker" or (f.action != "remove" and state != "restore"):
                    continue
                if f.id not in cards:
                    cards[f.id] = self._card(f, state)
                    if state == "restore":
                        cards[f.id]["covered_by"] = sorted(
                            {c.id for c in covering_removals(result.plan, f)})
                    ids.append(f.id)
            parts.append({"title": part.title, "units": units, "findings": ids})
        extras = []
        for n, e in enumerate(self.decisions.extra):
            count = sum(1 for f in result.plan.findings if f.detector == "caseworker"
                        and f.text == e.text and (not e.unit_path or f.unit_path == e.unit_path))
            extras.append({"index": n, "text": e.text, "unit_path": e.unit_path or "",
                           "rule": e.rule, "reason": e.reason, "count": count})
        return {
            "document": self.plan.source,
            "policy": f"{self.plan.policy_name} {self.plan.policy_version}".strip(),
            "areas": self.plan.areas,
            "caseworker": self.decisions.caseworker,
            "no_ner": self.plan.no_ner,
            "summary": summary(view),
            "pending": len(result.undecided),
            "parts": parts,
            "findings": cards,
            "extras": extras,
            "stale": [s.describe() for s in result.stale],
            "warnings": result.warnings,
            "rules": {rid: look.label for rid, look in self.looks.items()},
            "units": [{"path": u.path, "text": u.text[:60]} for u in self.plan.units],
            "approved": self.approved.is_set(),
            "decisions_path": str(self.decisions_path),
            "output_path": str(self.output_path),
        }

    def _card(self, f: Finding, state: str) -> dict[str, Any]:
        d = self.decisions.decisions.get(f.id)
        return {
            "id": f.id, "rule": f.rule, "rule_label": label(self.looks, f.rule),
            "ground": f.ground, "detector": DETECTOR_LABELS.get(f.detector, f.detector),
            "score": round(f.score, 2), "text": f.text, "marker": f.marker,
            "explanation": f.explanation if state != "restore" else "",
            "review": f.review, "state": state, "state_label": STATE_LABELS.get(state, state),
            "s10": is_s10(f), "justification": d.justification if d else "",
        }

    # -- changing ------------------------------------------------------------------------
    def decide(self, fid: str, action: str, justification: str = "") -> None:
        with self.lock:
            self._check_open()
            findings = self._findings(fid)
            if action == "clear":
                self.decisions.decisions.pop(fid, None)
                return
            if action not in ("accept", "restore"):
                raise InputError(f"Ukendt afgørelse '{action}' for fund {fid}.")
            decision = decision_for(findings[0], action, justification)  # type: ignore[arg-type]
            for f in findings:
                check_justification(f, decision)
            self.decisions.decisions[fid] = decision

    def add_extra(self, text: str, unit_path: str, rule: str, reason: str) -> None:
        with self.lock:
            self._check_open()
            if not text.strip():
                raise InputError("Skriv eller markér den tekst, der skal fjernes.")
            removal_rules = [r for r, look in self.looks.items() if look.action == "remove"]
            if rule not in removal_rules:
                raise InputError(f"Ukendt regel '{rule}'; vælg en af {', '.join(removal_rules)}.")
            if not reason.strip():
                raise InputError("Skriv en begrundelse for den ekstra fjernelse.")
            paths = {u.path for u in self.plan.units}
            if unit_path and unit_path not in paths:
                raise InputError(f"Stedet '{unit_path}' findes ikke i dokumentet.")
            if not any(text in u.text for u in self.plan.units
                       if not unit_path or u.path == unit_path):
                raise InputError(f"Teksten '{text}' står ikke i dokumentet.")
            self.decisions.extra.append(ExtraRemoval(text=text, reason=reason.strip(),
                                                     rule=rule, unit_path=unit_path or None))

    def remove_extra(self, index: int) -> None:
        with self.lock:
            self._check_open()
            if not 0 <= index < len(self.decisions.extra):
                raise InputError(f"Der er ingen ekstra fjernelse nr. {index + 1}.")
            del self.decisions.extra[index]

    def accept_pending(self) -> None:
        with self.lock:
            self._check_open()
            for f in self.result().undecided:
                self.decisions.decisions[f.id] = decision_for(f, "accept")

    def approve(self, caseworker: str = "") -> dict[str, str]:
        """Write the redacted output and the decisions file; then the session is over."""
        with self.lock:
            self._check_open()
            result = self.result()
            if result.undecided:
                raise ConflictError(
                    f"{len(result.undecided)} fund afventer stadig din afgørelse: "
                    + ", ".join(f.id for f in result.undecided))
            if not caseworker.strip():  # the caseworker confirms who approves, every time
                raise ConflictError("Skriv dit navn som sagsbehandler, før du godkender.")
            self.decisions.caseworker = caseworker.strip()
            self.write_output(result.plan, self.output_path)
            try:
                save_decisions(self.decisions_path, self.decisions)
            except BaseException:
                self.output_path.unlink(missing_ok=True)  # both or neither
                raise
            self.approved.set()
            return {"decisions_path": str(self.decisions_path),
                    "output_path": str(self.output_path)}

    def cancel(self) -> None:
        """End the review without writing anything."""
        with self.lock:
            self._check_open()
            self.cancelled.set()

    def _check_open(self) -> None:
        if self.approved.is_set() or self.cancelled.is_set():
            raise ConflictError("Gennemsynet er allerede afsluttet.")


class _QuietServer(ThreadingHTTPServer):
    """No tracebacks on stderr for a request that breaks off (the page has the answer)."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass


class ReviewServer:
    """Serves one :class:`ReviewSession` on 127.0.0.1 until it is approved."""

    def __init__(self, session: ReviewSession, port: int = 0) -> None:
        self.session = session
        self.token = secrets.token_urlsafe(32)
        self.nonce = secrets.token_urlsafe(16)
        handler = _make_handler(self)
        self.httpd = _QuietServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/?token={self.token}"

    def serve(self) -> None:
        """Serve until approved or :meth:`close` is called."""
        try:
            self.httpd.serve_forever(poll_interval=0.2)
        finally:
            self.httpd.server_close()

    def close(self) -> None:
        threading.Thread(target=self.httpd.shutdown, daemon=True).start()


def _make_handler(server: ReviewServer) -> type[BaseHTTPRequestHandler]:
    session = server.session

    class Handler(BaseHTTPRequestHandler):
        server_version = "gldocs-review"
        sys_version = ""

        def log_message(self, format: str, *args: Any) -> None:
            """Silent: the URL carries the token and must not end up in logs."""

        # -- plumbing --------------------------------------------------------------------
        def _authorised(self) -> bool:
            query = parse_qs(urlsplit(self.path).query)
            given = query.get("token", [""])[0]
            return secrets.compare_digest(given.encode(), server.token.encode())

        def _send(self, status: int, body: bytes, ctype: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("X-Frame-Options", "DENY")
            self.send_header(
                "Content-Security-Policy",
                f"default-src 'none'; script-src 'nonce-{server.nonce}'; "
                "style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; "
                "form-action 'none'; frame-ancestors 'none'")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def _json(self, status: int, data: Any) -> None:
            self._send(status, json.dumps(data, ensure_ascii=False).encode(),
                       "application/json; charset=utf-8")

        def _refuse(self) -> None:
            self._send(HTTPStatus.FORBIDDEN, "Adgang nægtet: ugyldig eller manglende nøgle.\n"
                       .encode(), "text/plain; charset=utf-8")

        def _host_ok(self) -> bool:
            """Only the address the page was opened on (DNS rebinding: a foreign name that
            resolves to 127.0.0.1 must not reach the session)."""
            hosts = self.headers.get_all("Host") or []
            if len(hosts) != 1:  # none, or a second one a proxy might read instead
                return False
            host = hosts[0].strip().lower()
            return host in {f"127.0.0.1:{server.port}", f"localhost:{server.port}"}

        def send_error(self, code: int, message: str | None = None,
                       explain: str | None = None) -> None:
            """Errors the HTTP layer finds itself (over-long request line or headers, a bad
            request line): 400 with a short Danish text, never a traceback."""
            if code in (HTTPStatus.REQUEST_URI_TOO_LONG,
                        HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE):
                code = HTTPStatus.BAD_REQUEST
            self.close_connection = True
            body = "Ugyldig forespørgsel.\n".encode()
            try:
                self.send_response(code)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
            except OSError:
                pass

        def _body(self) -> dict[str, Any]:
            raw_length = (self.headers.get("Content-Length") or "0").strip()
            if not raw_length.isdigit():
                self.close_connection = True
                raise InputError("Forespørgslen har en ugyldig længde (Content-Length).")
            length = int(raw_length)
            if length > current().request_kb * 1024:
                self.close_connection = True  # the unread body must not be parsed as a request
                raise InputError("Forespørgslen er for stor.")
            raw = self.rfile.read(length) if length else b"{}"
            try:
                data = loads_bounded(raw)
            except BadJSON as exc:
                raise InputError("Forespørgslen er ikke gyldig JSON.") from exc
            if not isinstance(data, dict):
                raise InputError("Forespørgslen skal være et JSON-objekt.")
            return data

        # -- verbs -----------------------------------------------------------------------
        def do_GET(self) -> None:
            if not self._host_ok():
                return self._foreign_host()
            if not self._authorised():
                return self._refuse()
            route = urlsplit(self.path).path
            if route == "/":
                page = render_page(server.nonce, session.looks, session.plan.extra_rule)
                return self._send(HTTPStatus.OK, page.encode(), "text/html; charset=utf-8")
            if route == "/api/state":
                return self._json(HTTPStatus.OK, session.state())
            return self._send(HTTPStatus.NOT_FOUND, b"Ikke fundet.\n",
                              "text/plain; charset=utf-8")

        def do_HEAD(self) -> None:
            self.do_GET()

        def _foreign_host(self) -> None:
            self.close_connection = True
            self._send(HTTPStatus.FORBIDDEN, "Adgang nægtet: ukendt værtsnavn.\n".encode(),
                       "text/plain; charset=utf-8")

        def do_POST(self) -> None:
            if not self._host_ok():
                return self._foreign_host()
            if not self._authorised():
                return self._refuse()
            route = urlsplit(self.path).path
            try:
                if self.headers.get_content_type() != "application/json":
                    raise InputError("Forespørgslen skal sendes som JSON.")
                data = self._body()
                if route == "/api/decide":
                    session.decide(str(data.get("id", "")), str(data.get("action", "")),
                                   str(data.get("justification", "")))
                elif route == "/api/extra":
                    session.add_extra(str(data.get("text", "")), str(data.get("unit_path", "")),
                                      str(data.get("rule", "")), str(data.get("reason", "")))
                elif route == "/api/extra/remove":
                    session.remove_extra(int(data.get("index", -1)))
                elif route == "/api/accept-pending":
                    session.accept_pending()
                elif route == "/api/cancel":
                    session.cancel()
                    self._json(HTTPStatus.OK, {"afbrudt": True})
                    server.close()
                    return None
                elif route == "/api/approve":
                    written = session.approve(str(data.get("caseworker", "")))
                    self._json(HTTPStatus.OK, {"godkendt": True, **written})
                    server.close()
                    return None
                else:
                    return self._send(HTTPStatus.NOT_FOUND, b"Ikke fundet.\n",
                                      "text/plain; charset=utf-8")
            except ConflictError as err:
                return self._json(HTTPStatus.CONFLICT, {"fejl": err.message})
            except (InputError, ValueError, TypeError, OverflowError) as err:
                message = err.message if isinstance(err, GldocsError) else \
                    f"Ugyldig værdi i forespørgslen ({type(err).__name__})."
                return self._json(HTTPStatus.BAD_REQUEST, {"fejl": message})
            except GldocsError as err:
                return self._json(HTTPStatus.INTERNAL_SERVER_ERROR, {"fejl": err.message})
            except Exception as exc:  # never a traceback to the browser; nothing half-written
                return self._json(HTTPStatus.INTERNAL_SERVER_ERROR,
                                  {"fejl": f"Intern fejl ({type(exc).__name__}): {exc}"})
            return self._json(HTTPStatus.OK, session.state())

    return Handler
