"""The export for secure mail: redact, re-check, package, leak-scan, write, log.

    result = export_package(ExportOptions(inputs=[Path("sag.yaml")], outdir=Path("ud")))

Order of work (every refusal happens before anything is written):

1. certificates are loaded and checked (an EC or unreadable certificate: exit 2);
2. every input is refused if it carries the "IKKE TIL VIDEREGIVELSE" marker (a ``--no-ner``
   output) or is a case the law keeps from the municipality (udvist, varetægt); then each is
   redacted with the policy (always with NER; documents sent with a case use its coordination
   areas) and the caseworker's decisions are re-applied (stale ones are reported);
   undecided review findings stop the export (:class:`UndecidedError`, exit 1);
3. the documents are made from the approved plan: for a case the redacted handleplan and
   følgeskrivelse (PDF, and DOCX on request), for any other document its redacted version;
4. the .eml is built (subject: the case reference only; neutral attachment names);
5. the leak scan reads the final bytes of every attachment and of the whole message before
   signing and encryption: removed texts, the case's third parties and any CPR number other
   than the client's stop the export (:class:`LeakError`, exit 1) with the exact place;
6. the disclosure log is verified, all files are written together (atomically), and one
   entry is appended to the log.
"""

from __future__ import annotations

import collections
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cryptography import x509

from gldocs.atomic import output_batch
from gldocs.case import Case
from gldocs.document.base import SourceDocument
from gldocs.document.units import SECTION_TITLES, apply_edits
from gldocs.errors import InputError, Leak, LeakError, RefusedError, UndecidedError
from gldocs.export import deny, final_check, log, smime
from gldocs.export.leakscan import KIND_CPR, extract_places
from gldocs.export.mail import Attachment, MailParts, build_eml
from gldocs.export.places import Place
from gldocs.redact import Finding, Plan
from gldocs.review import pipeline
from gldocs.review.decisions import DecisionResult, load_decisions
from gldocs.sprog import antal, os_fejl

NO_NER_MARKER = re.compile(r"IKKE\s+TIL\s+VIDEREGIVELSE")
MIMETYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".txt": "text/plain; charset=utf-8",
}
EXCERPT = 60
DISCLOSURE_GROUND = "rhl. § 9"


DRY_RUN_FOLDER = "PRØVE"


@dataclass
class ExportOptions:
    """What the caseworker asked for (``gldocs export``)."""

    inputs: Sequence[Path]
    outdir: Path
    policy: str = "kommune"
    areas: str | None = None  # "bolig,misbrug" or "none"; None: the case's own
    decisions: Sequence[Path] = ()
    cert: Path | None = None  # the municipality's certificate: encrypt
    sign_cert: Path | None = None
    sign_key: Path | None = None
    docx: bool = False
    caseworker: str | None = None
    log_path: Path | None = None  # None: the installation's log
    recipient: str | None = None  # None: the case's handlekommune.sikker_post
    sender: str | None = None  # None: the handleplansansvarlig's e-mail
    client_cpr: str | None = None  # for documents without Stamoplysninger
    client_name: str | None = None
    afgang: bool = False  # attach the afgangsbedømmelse's kommune copy (gldocs.afgang)
    overwrite: bool = False  # replace files of the same name already in ``outdir``
    dry_run: bool = False  # --proev: the package goes to <outdir>/PRØVE, nothing is logged


@dataclass
class Certificates:
    recipient: x509.Certificate | None = None
    sign_cert: x509.Certificate | None = None
    sign_key: smime.SignerKey | None = None


@dataclass
class PreparedInput:
    path: Path
    doc: SourceDocument
    result: DecisionResult
    decisions_path: Path | None

    @property
    def plan(self) -> Plan:
        return self.result.plan


@dataclass
class ExportResult:
    outdir: Path
    attachments: list[Path]
    eml: Path
    encrypted: bool
    signed: bool
    recipient: str
    subject: str
    log_path: Path
    entry: log.Entry | None  # None for a dry run (--proev): nothing logged
    reports: list[str] = field(default_factory=list)  # Danish: stale decisions, warnings
    decisions_used: list[Path] = field(default_factory=list)
    deny_terms: int = 0
    passed_on_terms: int = 0
    notes: list[str] = field(default_factory=list)  # Danish: e.g. handleplan not attached
    log_created: bool = False  # this export wrote the log's first line
    dry_run: bool = False


# --------------------------------------------------------------------------- certificates


def load_certificates(opts: ExportOptions) -> Certificates:
    """Load and check the certificates before any work is done (InputError, exit 2)."""
    certs = Certificates()
    if (opts.sign_cert is None) != (opts.sign_key is None):
        raise InputError("Angiv både --sign-cert og --sign-key for at signere.")
    if opts.sign_cert is not None and opts.sign_key is not None:
        certs.sign_cert = smime.load_certificate(opts.sign_cert)
        certs.sign_key = smime.load_private_key(opts.sign_key)
        if not smime.same_key(certs.sign_cert.public_key(), certs.sign_key.public_key()):
            raise InputError(f"Afsendercertifikatet ({opts.sign_cert}) og afsendernøglen "
                             f"({opts.sign_key}) hører ikke sammen.")
        check_validity(certs.sign_cert, f"Afsenderens certifikat ({opts.sign_cert})")
    if opts.cert is not None:
        certs.recipient = smime.load_certificate(opts.cert)
        check_validity(certs.recipient, f"Kommunens certifikat ({opts.cert})")
        smime.check_recipient(certs.recipient, f"Kommunens certifikat ({opts.cert})")
        if certs.sign_cert is not None:
            smime.check_recipient(certs.sign_cert, f"Afsenderens certifikat ({opts.sign_cert})")
    return certs


def check_validity(cert: x509.Certificate, label: str) -> None:
    """Refuse a certificate that has expired or is not valid yet."""
    from gldocs.dates import format_dato

    now = datetime.now(UTC)
    if cert.not_valid_after_utc < now:
        raise InputError(f"{label} udløb den {format_dato(cert.not_valid_after_utc.date())}; "
                         "brug et gyldigt certifikat.")
    if cert.not_valid_before_utc > now:
        raise InputError(f"{label} er først gyldigt fra den "
                         f"{format_dato(cert.not_valid_before_utc.date())}.")


# --------------------------------------------------------------------------- inputs


def no_ner_markers(policy: str) -> list[re.Pattern[str]]:
    """The standard ``--no-ner`` banner and the policy's own, if it words it differently."""
    from gldocs.redact import load_policy

    markers = [NO_NER_MARKER]
    banner = load_policy(policy).no_ner_banner.strip()
    if banner and not NO_NER_MARKER.fullmatch(banner):
        markers.append(re.compile(r"\s+".join(map(re.escape, banner.split()))))
    return markers


def refuse_no_ner_output(path: Path, markers: Sequence[re.Pattern[str]] = (NO_NER_MARKER,)
                         ) -> None:
    """Refuse a file that carries the ``--no-ner`` marker anywhere (text, metadata, comment)."""
    for place in extract_places(path):
        if any(m.search(place.text) for m in markers):
            raise RefusedError(
                f"{path} er mærket »IKKE TIL VIDEREGIVELSE« ({place.place}): den er redigeret "
                "uden NER-model (--no-ner) og må ikke sendes. Eksportér det oprindelige "
                "dokument; eksporten redigerer altid med NER-modellen."
            )


def refuse_case_if_barred(path: Path) -> Case:
    """A case the municipality may not receive (udvist, varetægt, uninformed client)."""
    from gldocs.case import load_case
    from gldocs.render import refusal_reason

    case = load_case(path)
    reason = refusal_reason(case)
    if reason is not None:
        raise RefusedError(f"{path}: {reason}")
    return case


def case_areas(case: Case) -> str:
    """The case's koordineringsområder as an ``--areas`` value."""
    return ",".join(a.policy_navn for a in case.koordineringsomraader_liste) or "none"


def match_decisions(inputs: Sequence[Path], given: Sequence[Path]) -> dict[Path, Path | None]:
    """The decisions file of each input.

    One input and one file: that file. Several: each file names its document in the header
    field ``dokument``. An input without a file uses ``<input>.afgoerelser.yaml`` beside it
    when it exists (where ``gldocs review`` saves).
    """
    for p in given:
        if not Path(p).is_file():
            raise InputError(f"Afgørelsesfilen {p} findes ikke (--decisions).")
    matched: dict[Path, Path | None] = {}
    if len(inputs) == 1 and len(given) == 1:
        matched[inputs[0]] = Path(given[0])
    else:
        by_name = {Path(i).name: Path(i) for i in inputs}
        for p in given:
            named = load_decisions(p).document
            target = by_name.get(Path(named).name) if named else None
            if target is None:
                raise InputError(
                    f"Afgørelsesfilen {p} hører ikke til nogen af inddata (feltet 'dokument' "
                    f"er '{named or 'tomt'}'; inddata: {', '.join(by_name)})."
                )
            if target in matched:
                raise InputError(f"To afgørelsesfiler hører til {target.name} "
                                 f"({matched[target]} og {p}).")
            matched[target] = Path(p)
    for i in inputs:
        if Path(i) not in matched:
            default = pipeline.default_decisions(Path(i))
            matched[Path(i)] = default if default.is_file() else None
    return matched


def prepare_input(path: Path, opts: ExportOptions, decisions_path: Path | None,
                  areas: str | None) -> PreparedInput:
    """Redaction with NER and the decisions re-applied (after :func:`check_inputs`)."""
    req = pipeline.Request(input=path, policy=opts.policy, areas=areas,
                           client_name=opts.client_name, client_cpr=opts.client_cpr,
                           no_ner=False)
    prepared = pipeline.prepare(req, decisions_path)
    if prepared.plan.no_ner or prepared.result.plan.no_ner:  # never: export runs with NER
        raise RefusedError(f"{path} blev analyseret uden NER-model; eksporten er stoppet.")
    return PreparedInput(path, prepared.doc, prepared.result, decisions_path)


def check_inputs(inputs: Sequence[Path], policy: str) -> dict[Path, Case]:
    """Refuse ``--no-ner`` outputs and barred cases before any analysis; return the cases."""
    from gldocs.document.io import document_kind

    markers = no_ner_markers(policy)
    cases: dict[Path, Case] = {}
    for path in inputs:
        refuse_no_ner_output(path, markers)
        if document_kind(path) == "case":
            cases[path] = refuse_case_if_barred(path)
    if len(cases) > 1:
        raise InputError("Der kan kun eksporteres én sagsfil ad gangen "
                         f"({', '.join(p.name for p in cases)}).")
    return cases


def excerpt(text: str, limit: int = EXCERPT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_finding(f: Finding) -> str:
    part = SECTION_TITLES.get(f.section, f.section)
    return f"{f.id} [{part}: {f.unit_path}] {f.rule} ({f.ground}): '{excerpt(f.text)}'"


def refuse_undecided(prepared: Sequence[PreparedInput]) -> None:
    """Stop while any review-flagged removal has no decision (UndecidedError, exit 1)."""
    pending = [(p, f) for p in prepared for f in p.result.undecided]
    if not pending:
        return
    lines = [f"Eksporten er stoppet: {len(pending)} fund afventer sagsbehandlerens afgørelse:"]
    for p, f in pending:
        lines.append(f"  - {p.path.name}: {describe_finding(f)}")
    lines.append("Afgør fundene med 'gldocs review' eller i afgørelsesfilen (--decisions), "
                 "og kør eksporten igen.")
    raise UndecidedError("\n".join(lines))


def decision_reports(prepared: Sequence[PreparedInput]) -> list[str]:
    """Danish lines about stale decisions and header mismatches (never silent)."""
    lines: list[str] = []
    for p in prepared:
        lines += [f"Advarsel: {w}" for w in p.result.warnings]
        if p.result.stale:
            stale = antal(len(p.result.stale), "afgørelse", "afgørelser")
            lines.append(f"{stale} i {p.decisions_path} passer ikke "
                         f"længere til {p.path.name} og er ikke brugt:")
            lines += [f"  - {s.describe()}" for s in p.result.stale]
    return lines


# --------------------------------------------------------------------------- documents


def approved_texts(p: PreparedInput) -> list[str]:
    """The redacted text of every unit, as the approved plan leaves it."""
    edits = pipeline.plan_output_edits(p.plan)
    return [apply_edits(u.text, list(edits.get(u.path, []))) for u in p.plan.units]


def redacted_case_of(p: PreparedInput) -> Case:
    """The case with the approved plan's edits applied field by field."""
    from gldocs.document.case_doc import redacted_case

    return redacted_case(p.doc, pipeline.plan_output_edits(p.plan))


def case_attachments(case: Case, docx: bool, notes: list[str],
                     policy: str = "kommune") -> list[Attachment]:
    """The handleplan and the følgeskrivelse, rendered from the redacted ``case``.

    The redacted handleplan names its recipient in its file name and on every page
    (``handleplan_HP-2026-0142_v2_til-kommunen.pdf``, "Redigeret til Aarhus Kommune efter
    rhl. §§ 9-10 · <dato>"); the følgeskrivelse is written for the municipality.
    """
    from gldocs.document.case_doc import render_case
    from gldocs.document.docx import clean_docx
    from gldocs.redact import load_policy, redacted_header, redacted_name
    from gldocs.render import output_name, render_document

    pol = load_policy(policy)
    kommune = case.stamoplysninger.handlekommune
    header = redacted_header(pol, kommune.navn if kommune else None)
    formats = ["pdf", "docx"] if docx else ["pdf"]
    out: list[Attachment] = []
    if case.samarbejdspartnere.handleplan_vedlagt:
        for fmt in formats:
            name = redacted_name(output_name(case, "handleplan", fmt), pol)
            out.append(Attachment(name, render_case(case, fmt, header=header),
                                  MIMETYPES[f".{fmt}"]))
    else:
        notes.append("Handleplanen er ikke vedlagt (samarbejdspartnere.handleplan_vedlagt er "
                      "nej); følgeskrivelsen siger hvorfor.")
    for fmt in formats:
        data = render_document(case, "foelgeskrivelse", fmt, begraenset=True)
        name = output_name(case, "foelgeskrivelse", fmt)
        if fmt == "docx":
            data = clean_docx(data, name)
        out.append(Attachment(name, data, MIMETYPES[f".{fmt}"]))
    return out


def document_attachment(p: PreparedInput, number: int, reference: str | None,
                        policy: str = "kommune") -> Attachment:
    """The redacted version of a non-case document, under a neutral name that carries the
    recipient (``bilag-1-HP-2026-0142_til-kommunen.pdf``)."""
    from gldocs.redact import load_policy, recipient_slug

    suffix = p.path.suffix.lower()
    slug = recipient_slug(load_policy(policy))
    name = (f"bilag-{number}-{reference}_{slug}{suffix}" if reference
            else f"bilag-{number}_{slug}{suffix}")
    with tempfile.TemporaryDirectory(prefix="gldocs-export-") as tmp:
        out = Path(tmp) / name
        pipeline.write_output(p.doc, p.plan, out)
        data = out.read_bytes()
    return Attachment(name, data, MIMETYPES.get(suffix, "application/octet-stream"))


def check_neutral(text: str, client_name: str | None, client_cpr: str | None,
                  where: str) -> str:
    """Refuse a subject or file name that holds the client's name or CPR number."""
    digits = re.sub(r"\D", "", client_cpr or "")
    leaks_cpr = len(digits) >= 6 and digits[:6] in re.sub(r"\D", "", text)
    words = [w for w in deny.name_tokens(client_name) if len(w) >= deny.MIN_NAME_PART]
    # a name part between any non-letters: "_", "-", "." and digits separate words in names
    leaks_name = any(re.search(rf"(?<![^\W\d_]){re.escape(w)}(?![^\W\d_])", text.casefold())
                     for w in words)
    if leaks_cpr or leaks_name:
        what = "CPR-nummer" if leaks_cpr else "navn"
        raise RefusedError(f"{where} '{text}' ville indeholde klientens {what}; "
                           "eksporten er stoppet.")
    return text


# --------------------------------------------------------------------------- the message


def mail_body(kommune: str | None, attachments: Sequence[Attachment], caseworker: str,
              reference: str | None) -> str:
    """A short Danish cover text (K3 only: the caseworker's name, no client data)."""
    greeting = f"Til {kommune}" if kommune and "[" not in kommune else "Til kommunen"
    ref = f" med reference {reference}" if reference else ""
    lines = [
        greeting,
        "",
        f"Hermed sendes materiale{ref} til koordinering af indsatsen ved løsladelsen "
        "(handleplansvejledningen pkt. 37). Oplysninger, som kommunen ikke har brug for, er "
        "udeladt efter retshåndhævelseslovens §§ 9-10; udeladelser er markeret i teksten.",
        "",
        "Vedhæftet:",
        *[f"- {a.filename}" for a in attachments],
        "",
        "Med venlig hilsen",
        caseworker,
        "Kriminalforsorgen",
        "",
    ]
    return "\n".join(lines)


def leak_scan(message: bytes, eml_name: str, attachments: Sequence[Attachment],
              client_cpr: str, denied: deny.DenyList,
              places: Sequence[Place] | None = None) -> list[Leak]:
    """Leaks in the plain message: headers, body, every attachment's bytes and name.

    The attachments are read from inside the message (the very bytes that are also written
    as files); an attachment the scan could not open stops the export (fail closed).
    ``places``: the message's places, if already read.
    """
    places = extract_places(message, eml_name) if places is None else places
    for att in attachments:
        label = f"vedhæftning '{att.filename}'"
        if not any(label in p.place and not p.fallback for p in places):
            raise LeakError([Leak(eml_name, f"vedhæftning '{att.filename}'", att.filename,
                                  "kunne ikke scannes")])
    return denied.scan(places, client_cpr, eml_name)


def _restored(p: PreparedInput) -> list[Finding]:
    return [f for f, _ in p.result.restored]


def recheck_case(p: PreparedInput, redacted: Case, req: pipeline.Request
                 ) -> final_check.Recheck:
    """The redacted case, analysed again as ``gldocs redact`` would (issue 9 §6)."""
    from gldocs.document.case_doc import case_document

    doc = case_document(redacted, p.path)
    doc.meta["people"] = p.doc.meta.get("people")  # who the case's persons were
    plan = pipeline.analyze_document(doc, _request_for(req, p.path))
    return final_check.recheck(doc, plan, _restored(p), p.path.name, same_unit=True)


def recheck_document(p: PreparedInput, att: Attachment, req: pipeline.Request
                     ) -> final_check.Recheck:
    """The redacted document as it will be sent, read back and analysed again."""
    from gldocs.document.io import read_document

    with tempfile.TemporaryDirectory(prefix="gldocs-export-") as tmp:
        path = Path(tmp) / att.filename
        path.write_bytes(att.data)
        doc = read_document(path)
    doc.meta["people"] = p.doc.meta.get("people")
    plan = pipeline.analyze_document(doc, _request_for(
        req, att.filename, p.plan.client_name or p.doc.client_name,
        p.plan.client_cpr or p.doc.client_cpr))
    return final_check.recheck(doc, plan, _restored(p), att.filename, same_unit=False)


def _request_for(req: pipeline.Request, path: Path | str, client_name: str | None = None,
                 client_cpr: str | None = None) -> pipeline.Request:
    return pipeline.Request(input=Path(path), policy=req.policy, areas=req.areas,
                            client_name=req.client_name or client_name,
                            client_cpr=req.client_cpr or client_cpr)


def final_policy_leaks(places: Sequence[Place], known: final_check.KnownTexts,
                       rechecks: Sequence[final_check.Recheck], req: pipeline.Request,
                       eml_name: str) -> list[Leak]:
    """What is in the final bytes beyond the analysed content and the renderer's fixed
    texts, as far as the policy would remove it (:mod:`gldocs.export.final_check`)."""
    views = final_check.place_views(places, known)
    if not views:
        return []
    base = rechecks[0].document
    doc = final_check.leftover_document(views, base)
    if not doc.units:
        return []
    plan = pipeline.analyze_document(doc, _request_for(req, eml_name, base.client_name,
                                                       base.client_cpr))
    return final_check.unexplained_findings(views, plan, eml_name)


LEAK_HINT = (
    "Intet er skrevet, og intet er logget. Er en fundet tekst ikke fortrolig (fx et ord, der "
    "fejlagtigt er fjernet som navn), så gendan fundet med en begrundelse i afgørelsesfilen "
    "(gldocs review) og kør eksporten igen; ellers ret kilden."
)


def leak_error(leaks: list[Leak]) -> LeakError:
    """The refusal, with CPR numbers masked as ``gldocs scan`` shows them."""
    from gldocs.redact import mask_if_cpr as mask_cpr

    for lk in leaks:
        lk.text = " ".join(lk.text.split())  # one line per place, even if the text wrapped
        if lk.kind == KIND_CPR:
            lk.text = mask_cpr(lk.text)
    err = LeakError(leaks)
    err.message = f"{err.message}\n{LEAK_HINT}"
    err.args = (err.message,)
    return err


# --------------------------------------------------------------------------- the whole export


@dataclass
class _Context:
    case_input: PreparedInput | None
    client_cpr: str
    client_name: str | None
    reference: str | None
    caseworker: str
    recipient: str
    sender: str


def _context(prepared: Sequence[PreparedInput], opts: ExportOptions,
             certs: Certificates) -> _Context:
    cases = [p for p in prepared if p.doc.kind == "case"]
    case_input = cases[0] if cases else None
    case = case_input.doc.handle if case_input else None
    cprs = {re.sub(r"\D", "", p.plan.client_cpr or p.doc.client_cpr or "") for p in prepared}
    cprs.discard("")
    if len(cprs) > 1:
        raise InputError("Inddata handler om forskellige klienter (forskellige CPR-numre i "
                         "stamoplysningerne); eksportér én klient ad gangen.")
    if not cprs:
        raise InputError("Klientens CPR-nummer fremgår ikke af inddata; angiv --client-cpr "
                         "(det bruges til lækagescanningen og videregivelsesloggen).")
    digits = cprs.pop()
    client_cpr = f"{digits[:6]}-{digits[6:]}"
    names = sorted({n for p in prepared
                    if (n := p.plan.client_name or p.doc.client_name) is not None})
    client_name = case.stamoplysninger.navn if case else (names[0] if names else None)
    st = case.stamoplysninger if case else None
    caseworker = opts.caseworker or (st.handleplansansvarlig.navn if st else None)
    if not caseworker:
        raise InputError("Angiv sagsbehandleren med --caseworker (til videregivelsesloggen).")
    recipient = opts.recipient or (st.handlekommune.sikker_post
                                   if st and st.handlekommune else None)
    if not recipient:
        raise InputError("Angiv kommunens sikre postadresse med --recipient.")
    sender = opts.sender or (st.handleplansansvarlig.email if st else None) \
        or next(iter(smime.certificate_mails(certs.sign_cert)
                     if certs.sign_cert is not None else []), None)
    if not sender:
        raise InputError("Angiv afsenderens e-mailadresse med --sender.")
    reference = None
    if case is not None:
        from gldocs.render.names import reference_of

        reference = reference_of(case)
    return _Context(case_input, client_cpr, client_name, reference, caseworker, recipient,
                    sender)


def _subject(ctx: _Context) -> str:
    if ctx.case_input is not None:
        from gldocs.render import mail_subject

        subject = mail_subject(ctx.case_input.doc.handle)
    else:
        subject = "Koordinering af handleplan ved løsladelse"
    return check_neutral(subject, ctx.client_name, ctx.client_cpr, "Emnelinjen")


def _deny_list(prepared: Sequence[PreparedInput], ctx: _Context) -> deny.DenyList:
    terms: list[deny.DenyTerm] = []
    own: frozenset[str] = frozenset()
    if ctx.case_input is not None:
        policy = prepared[0].plan.policy_name if prepared else "kommune"
        terms += deny.case_third_party_terms(ctx.case_input.doc.handle,
                                             deny.ambiguous_names(policy))
        own = deny.client_own_texts(ctx.case_input.doc.handle)
    restored: list[str] = []
    approved: list[str] = []
    for p in prepared:
        terms += deny.removed_terms(p.plan)
        restored += [f.text for f, _ in p.result.restored]
        approved += approved_texts(p)
    return deny.build_deny_list(terms, restored, approved, own)


def _disclosure(prepared: Sequence[PreparedInput], ctx: _Context,
                documents: list[log.LoggedDocument]) -> log.Disclosure:
    plans = [p.plan for p in prepared]
    names = {(pl.policy_name, pl.policy_version) for pl in plans}
    if len(names) != 1:
        raise InputError("Inddata er redigeret med forskellige politikker.")
    policy_name, policy_version = names.pop()
    counts = collections.Counter(f.rule for pl in plans for f in pl.removals())
    grounds = {DISCLOSURE_GROUND}
    grounds |= {f.ground for pl in plans for f in pl.findings
                if f.action == "keep" and f.rule.startswith("K") and f.ground}
    restored = [log.RestoredFinding(f.id, f.rule, f.ground, d.justification)
                for p in prepared for f, d in p.result.restored]
    grounds |= {r.ground for r in restored if r.ground}
    return log.Disclosure(
        caseworker=ctx.caseworker, recipient=ctx.recipient, client_cpr=ctx.client_cpr,
        documents=documents, policy_name=policy_name, policy_version=policy_version,
        legal_grounds=sorted(grounds), findings_by_rule=dict(sorted(counts.items())),
        restored=restored, reference=ctx.reference,
    )


def _take_back(files: dict[Path, bytes]) -> None:
    """Remove what this export wrote (best effort)."""
    for path in files:
        try:
            if path.is_file() and path.read_bytes() == files[path]:
                path.unlink()
        except OSError:
            pass


def export_package(opts: ExportOptions) -> ExportResult:
    """Run the whole export; raise a :class:`GldocsError` subclass on any refusal."""
    inputs = [Path(i) for i in opts.inputs]
    if not inputs:
        raise InputError("Angiv mindst én sagsfil eller ét dokument.")
    if len(set(inputs)) != len(inputs):
        raise InputError("Det samme inddata er angivet flere gange.")
    certs = load_certificates(opts)
    log_path = Path(opts.log_path) if opts.log_path else log.default_log_path()

    decisions = match_decisions(inputs, opts.decisions)
    cases = check_inputs(inputs, opts.policy)
    if opts.afgang:
        from gldocs.afgang.export import check_afgang

        check_afgang(cases)
    # documents sent with a case share its coordination areas unless --areas says otherwise
    areas = opts.areas
    if areas is None and cases:
        areas = case_areas(next(iter(cases.values())))
    prepared = [prepare_input(i, opts, decisions[i], areas) for i in inputs]
    refuse_undecided(prepared)
    ctx = _context(prepared, opts, certs)

    notes: list[str] = []
    if certs.recipient is not None:  # encrypt only to the address the package is for
        smime.check_address(certs.recipient, ctx.recipient, f"Kommunens certifikat ({opts.cert})")
        if certs.sign_cert is not None:
            smime.check_address(certs.sign_cert, ctx.sender,
                                f"Afsenderens certifikat ({opts.sign_cert})")
    attachments: list[Attachment] = []
    kommune = None
    req = pipeline.Request(input=inputs[0], policy=opts.policy, areas=areas,
                           client_name=opts.client_name, client_cpr=opts.client_cpr)
    rechecks: list[final_check.Recheck] = []
    if ctx.case_input is not None:
        redacted = redacted_case_of(ctx.case_input)
        rechecks.append(recheck_case(ctx.case_input, redacted, req))
        attachments += case_attachments(redacted, opts.docx, notes, opts.policy)
        if opts.afgang:
            from gldocs.afgang.export import afgang_attachments

            attachments += afgang_attachments(redacted, opts.docx)
        if redacted.stamoplysninger.handlekommune is not None:
            kommune = redacted.stamoplysninger.handlekommune.navn
    others = [p for p in prepared if p is not ctx.case_input]
    for n, p in enumerate(others, 1):
        att = document_attachment(p, n, ctx.reference, opts.policy)
        rechecks.append(recheck_document(p, att, req))
        attachments.append(att)
    policy_leaks = [lk for r in rechecks for lk in r.leaks]
    if policy_leaks:
        raise leak_error(policy_leaks)
    eml_name = f"sikker-post-{ctx.reference}.eml" if ctx.reference else "sikker-post.eml"
    for name in [a.filename for a in attachments] + [eml_name]:
        check_neutral(name, ctx.client_name, ctx.client_cpr, "Filnavnet")
    if len({a.filename for a in attachments} | {eml_name}) != len(attachments) + 1:
        raise InputError("To vedhæftninger ville få samme filnavn.")

    denied = _deny_list(prepared, ctx)
    parts = MailParts(ctx.sender, ctx.recipient, _subject(ctx),
                      mail_body(kommune, attachments, ctx.caseworker, ctx.reference))

    case_data = final_check.case_values(ctx.case_input.doc.handle) if ctx.case_input else []
    known = final_check.known_texts(
        [t for r in rechecks for t in r.texts],
        [*(a.filename for a in attachments), eml_name, ctx.reference, ctx.caseworker,
         ctx.recipient, ctx.sender, parts.subject, kommune, *case_data])

    def inspect(plain: bytes) -> None:
        places = extract_places(plain, eml_name)
        found = leak_scan(plain, eml_name, attachments, ctx.client_cpr, denied, places)
        found += final_policy_leaks(places, known, rechecks, req, eml_name)
        if found:
            raise leak_error(found)

    eml, encrypted = build_eml(parts, attachments, certs.recipient, certs.sign_cert,
                               certs.sign_key, inspect=inspect)

    outdir = Path(opts.outdir)
    if opts.dry_run:  # a rehearsal: its own folder, and the log is not touched
        outdir = outdir / DRY_RUN_FOLDER
    else:
        # a broken log or salt stops the export before anything is written
        log.check_log(log_path)
        log.client_hash(ctx.client_cpr)
    files = {outdir / a.filename: a.data for a in attachments}
    files[outdir / eml_name] = eml
    from gldocs.outputs import check_outputs

    check_outputs([(f"-o ({path.name})", path) for path in files],
                  [*inputs, *opts.decisions, opts.cert, opts.sign_cert, opts.sign_key, log_path],
                  opts.overwrite)
    documents = [log.LoggedDocument.of(a.filename, a.data) for a in attachments]
    documents.append(log.LoggedDocument.of(eml_name, eml))
    disclosure = _disclosure(prepared, ctx, documents)
    log_created = not log_path.exists()
    try:
        with output_batch() as batch:
            for path, data in files.items():
                batch.add(path, data)
    except OSError as exc:
        _take_back(files)
        raise InputError(f"Pakken kan ikke skrives i {outdir} (-o): "
                         f"{os_fejl(exc)}. Intet er sendt eller logget.") from exc
    entry = None
    if not opts.dry_run:
        try:
            entry = log.append_entry(log_path, disclosure)
        except BaseException:
            _take_back(files)  # not logged, so not to be sent
            raise
    return ExportResult(
        outdir=outdir, attachments=[outdir / a.filename for a in attachments],
        eml=outdir / eml_name, encrypted=encrypted, signed=certs.sign_cert is not None,
        recipient=ctx.recipient, subject=parts.subject, log_path=log_path, entry=entry,
        reports=decision_reports(prepared),
        decisions_used=[p.decisions_path for p in prepared if p.decisions_path],
        deny_terms=len(denied.terms), passed_on_terms=len(denied.passed_on), notes=notes,
        log_created=log_created and entry is not None, dry_run=opts.dry_run,
    )
