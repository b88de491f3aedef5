# ruff: noqa: E501  (embedded CSS and JavaScript keep their natural line length)
"""The review page: one HTML document with inline CSS and vanilla JS (no external assets).

All document text reaches the page as JSON and is put into the DOM with ``textContent``
only, never as HTML. The script runs under a CSP nonce; the token is read from the URL.
"""

from __future__ import annotations

from gldocs.review.html import BASE_CSS

PAGE_CSS = BASE_CSS + """
body { padding-top: 0; }
.bar { position: sticky; top: 0; z-index: 5; background: #fafafa; border-bottom: 1px solid #ccc;
       padding: .5rem 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
.bar .grow { flex: 1 1 14rem; }
.bar p { margin: 0; }
.bar button { margin: 0; }
.bar input { width: 12rem; }
.cols { display: grid; grid-template-columns: 1fr 1fr; column-gap: 1.5rem; }
.cols h3 { font-size: .95rem; margin: .2rem 0; color: #555; }
.cols p { margin: 0 0 .35rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.cols a { color: inherit; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(26rem, 1fr)); gap: .6rem;
         margin-top: .6rem; }
.card { border: 1px solid #bbb; border-left: 6px solid #888; border-radius: 4px; padding: .5rem .7rem; }
.card.c1 { border-left-color: var(--r1); }
.card.c2 { border-left-color: var(--r2); }
.card.c3 { border-left-color: var(--r3); }
.card.c4 { border-left-color: var(--r4); }
.card.c5 { border-left-color: var(--r5); }
.card h3 { font-size: 1rem; margin: 0 0 .3rem; color: #1a1a1a; }
.card p { margin: .15rem 0; }
.small { font-size: .85rem; color: #444; }
.quote { font-family: ui-monospace, Consolas, monospace; overflow-wrap: anywhere; }
textarea, input, select { font: inherit; padding: .25rem; max-width: 100%; }
select { max-width: 22rem; }
textarea { width: 100%; }
label { display: block; font-size: .9rem; margin-top: .3rem; }
button { font: inherit; padding: .3rem .7rem; margin: .3rem .3rem 0 0; cursor: pointer;
         border: 1px solid #555; border-radius: 4px; background: #fff; }
button.primary { background: #1a4f99; color: #fff; border-color: #1a4f99; }
button:disabled { opacity: .5; cursor: not-allowed; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.err { color: #b71c1c; font-weight: 600; }
.state-pending { background: #fffdf5; }
.state-pending h3 { color: #b71c1c; }
.extra form, .extra .row { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; }
.done { background: #e8f5e9; border: 2px solid #1b5e20; padding: .6rem; font-weight: 600; }
.sr { position: absolute; left: -9999px; }
"""

PAGE_JS = r"""
"use strict";
const TOKEN = new URLSearchParams(location.search).get("token") || "";
let STATE = null;
let DONE = false;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "onclick") node.addEventListener("click", v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined) continue;
    node.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return node;
}

async function api(path, body) {
  const url = path + "?token=" + encodeURIComponent(TOKEN);
  const opts = body === undefined ? {} : {
    method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)};
  const res = await fetch(url, opts);
  let data;
  try { data = await res.json(); } catch (e) { data = {fejl: "Uventet svar (" + res.status + ")."}; }
  if (!res.ok) throw new Error(data.fejl || ("Fejl " + res.status));
  return data;
}

function say(text) { document.getElementById("status").textContent = text; }
function fail(where, err) {
  const box = where || document.getElementById("global-error");
  box.textContent = err.message || String(err);
}

function ruleClass(rule) { return /^R[1-5]$/.test(rule) ? rule.toLowerCase() : ""; }

function renderOriginal(unit) {
  const p = el("p", {class: "orig", "data-path": unit.path});
  for (const seg of unit.original) {
    if (seg.kind === "removed") {
      p.append(el("del", {class: ruleClass(seg.rule), title: "Fjernes (" + seg.rule + ")"},
        el("a", {href: "#card-" + seg.ids[0]}, seg.text)));
    } else if (seg.kind === "restored") {
      p.append(el("ins", {class: "restored", title: "Gendannet"},
        el("a", {href: "#card-" + seg.ids[0]}, seg.text)));
    } else {
      p.append(seg.text);
    }
  }
  return p;
}

function renderRedacted(unit) {
  const p = el("p", {class: "red"});
  for (const seg of unit.redacted) {
    p.append(seg.marker ? el("span", {class: "marker " + ruleClass(seg.rule)}, seg.text) : seg.text);
  }
  return p;
}

function renderCard(f) {
  const err = el("p", {class: "err", role: "alert", id: "err-" + f.id});
  const just = el("textarea", {id: "just-" + f.id, rows: 2, "aria-describedby": "help-" + f.id});
  just.value = f.justification || "";
  const help = f.s10
    ? "Påkrævet for at gendanne. rhl. § 10: forklar, hvorfor videregivelsen er strengt nødvendig."
    : "Påkrævet for at gendanne: hvorfor skal kommunen have teksten?";
  const act = (action) => async () => {
    err.textContent = "";
    try {
      STATE = await api("/api/decide", {id: f.id, action, justification: just.value});
      render();
      say(action === "clear" ? "Afgørelsen er fortrudt." :
          action === "accept" ? "Fjernelsen er accepteret." : "Teksten er gendannet.");
    } catch (e) { fail(document.getElementById("err-" + f.id) || err, e); }
  };
  const decided = f.state === "accept" || f.state === "restore";
  return el("div", {class: "card " + ruleClass(f.rule).replace("r", "c") + " state-" + f.state, id: "card-" + f.id, tabindex: "-1",
                    role: "group", "aria-labelledby": "h-" + f.id},
    el("h3", {id: "h-" + f.id}, f.rule + " – " + f.rule_label + ": " + f.state_label),
    el("p", {class: "quote"}, "»" + f.text + "«" + (f.state === "restore" ? "" : " → " + f.marker)),
    el("p", {class: "small"}, "Grundlag: " + f.ground + " · Detektor: " + f.detector +
       " · Score: " + f.score.toFixed(2) + " · Id: " + f.id),
    f.explanation ? el("p", {class: "small"}, f.explanation) : null,
    (f.covered_by || []).length ? el("p", {class: "err"}, "Teksten er stadig fjernet, fordi den " +
      "også er dækket af fund " + f.covered_by.join(", ") + ". Gendan også det, hvis den skal med.") : null,
    el("label", {for: "just-" + f.id}, "Begrundelse for at gendanne"),
    just,
    el("p", {class: "small", id: "help-" + f.id}, help),
    el("div", {},
      el("button", {type: "button", id: "accept-" + f.id, onclick: act("accept"),
                    "aria-pressed": f.state === "accept" ? "true" : "false"}, "Acceptér fjernelse"),
      el("button", {type: "button", id: "restore-" + f.id, onclick: act("restore"),
                    "aria-pressed": f.state === "restore" ? "true" : "false"}, "Gendan tekst"),
      decided ? el("button", {type: "button", id: "clear-" + f.id, onclick: act("clear")},
                   "Fortryd afgørelse") : null),
    err);
}

function renderPart(part, n) {
  const cards = part.findings.map((id) => renderCard(STATE.findings[id]));
  return el("section", {class: "part", "aria-labelledby": "part-" + n},
    el("h2", {id: "part-" + n}, part.title),
    el("div", {class: "cols"}, el("h3", {}, "Original"), el("h3", {}, "Efter fjernelse"),
      part.units.map((u) => [renderOriginal(u), renderRedacted(u)])),
    cards.length ? el("div", {class: "cards"}, cards) : el("p", {class: "small"}, "Ingen fund i denne del."));
}

function renderExtras() {
  const list = document.getElementById("extra-list");
  list.replaceChildren(...STATE.extras.map((x) => el("li", {},
    "»" + x.text + "« (" + x.rule + ", " + (x.unit_path || "hele dokumentet") + ", " + x.count +
    (x.count === 1 ? " sted): " : " steder): ") + x.reason + " ",
    el("button", {type: "button", id: "extra-remove-" + x.index, onclick: async () => {
      try { STATE = await api("/api/extra/remove", {index: x.index}); render(); say("Fjernelsen er fortrudt."); }
      catch (e) { fail(null, e); }
    }}, "Fortryd"))));
  const sel = document.getElementById("extra-unit");
  if (sel.options.length <= 1) {
    for (const u of STATE.units) sel.append(el("option", {value: u.path}, u.path + ": " + u.text));
  }
}

function render() {
  const active = document.activeElement && document.activeElement.id;
  const drafts = {};
  document.querySelectorAll("textarea[id^='just-']").forEach((t) => { drafts[t.id] = t.value; });
  const s = STATE;
  document.getElementById("doc").textContent = s.document || "dokument";
  document.getElementById("meta").textContent = "Politik: " + s.policy + " · Koordineringsområder: " +
    (s.areas.join(", ") || "(ingen)");
  document.getElementById("summary").textContent = s.summary;
  const warn = [...s.warnings, ...s.stale.map((x) => "Forældet afgørelse (gemmes uændret): " + x)];
  if (s.no_ner) warn.unshift("Kørt uden NER (--no-ner): må ikke videregives.");
  document.getElementById("warnings").replaceChildren(...warn.map((w) => el("li", {}, w)));
  document.getElementById("parts").replaceChildren(...s.parts.map(renderPart));
  renderExtras();
  const pending = document.getElementById("pending");
  pending.textContent = s.pending ? s.pending + " fund afventer din afgørelse." : "Alle fund er afgjort.";
  document.getElementById("accept-pending").disabled = DONE || s.pending === 0;
  document.getElementById("next-pending").disabled = DONE || s.pending === 0;
  document.getElementById("approve").disabled = DONE || s.pending > 0;
  const cw = document.getElementById("caseworker");
  if (!cw.value) cw.value = s.caseworker || "";
  for (const [id, value] of Object.entries(drafts)) {
    const t = document.getElementById(id);
    if (t && !t.value) t.value = value;
  }
  if (active && document.getElementById(active)) document.getElementById(active).focus();
}

function selectionToExtra() {
  const sel = window.getSelection();
  const text = sel ? sel.toString() : "";
  if (!text.trim() || !sel.anchorNode) return;
  const host = sel.anchorNode.parentElement && sel.anchorNode.parentElement.closest("p.orig");
  if (!host) return;
  document.getElementById("extra-text").value = text.trim();
  document.getElementById("extra-unit").value = host.getAttribute("data-path") || "";
  say("Den markerede tekst er sat ind under »Fjern mere tekst«.");
}

async function init() {
  document.getElementById("parts").addEventListener("mouseup", selectionToExtra);
  document.getElementById("parts").addEventListener("keyup", selectionToExtra);
  document.getElementById("extra-add").addEventListener("click", async () => {
    const box = document.getElementById("extra-error");
    box.textContent = "";
    try {
      STATE = await api("/api/extra", {
        text: document.getElementById("extra-text").value,
        unit_path: document.getElementById("extra-unit").value,
        rule: document.getElementById("extra-rule").value,
        reason: document.getElementById("extra-reason").value});
      document.getElementById("extra-text").value = "";
      document.getElementById("extra-reason").value = "";
      render();
      say("Teksten fjernes nu.");
    } catch (e) { fail(box, e); }
  });
  document.getElementById("next-pending").addEventListener("click", () => {
    const cards = [...document.querySelectorAll(".card.state-pending")];
    if (!cards.length) return;
    const here = document.activeElement && document.activeElement.closest(".card");
    const idx = here ? cards.indexOf(here) : -1;
    const next = cards[(idx + 1) % cards.length];
    next.scrollIntoView({block: "center"});
    next.querySelector("button").focus();
  });
  document.getElementById("accept-pending").addEventListener("click", async () => {
    try { STATE = await api("/api/accept-pending", {}); render(); say("De resterende fjernelser er accepteret."); }
    catch (e) { fail(null, e); }
  });
  document.getElementById("approve").addEventListener("click", async () => {
    try {
      const res = await api("/api/approve", {caseworker: document.getElementById("caseworker").value});
      DONE = true;
      document.querySelectorAll("button, textarea, input, select").forEach((n) => { n.disabled = true; });
      const done = document.getElementById("done");
      done.hidden = false;
      done.textContent = "Godkendt. Gemt: " + res.output_path + " og " + res.decisions_path +
        ". Du kan lukke vinduet.";
      done.focus();
      say("Godkendt og gemt.");
    } catch (e) { fail(null, e); }
  });
  document.getElementById("cancel").addEventListener("click", async () => {
    try {
      await api("/api/cancel", {});
      DONE = true;
      document.querySelectorAll("button, textarea, input, select").forEach((n) => { n.disabled = true; });
      const done = document.getElementById("done");
      done.hidden = false;
      done.textContent = "Gennemsynet er afbrudt. Intet er gemt. Du kan lukke vinduet.";
      done.focus();
    } catch (e) { fail(null, e); }
  });
  for (const id of ["extra-text", "extra-reason"]) {
    document.getElementById(id).addEventListener("keydown", (ev) => {
      if (ev.key === "Enter") { ev.preventDefault(); document.getElementById("extra-add").click(); }
    });
  }
  try { STATE = await api("/api/state"); render(); }
  catch (e) { fail(null, e); }
}
init();
"""

PAGE_BODY = """
<p class="err">Internt arbejdsdokument med de fjernede oplysninger – må ikke videregives.</p>
<h1>Gennemsyn af fjernelser: <span id="doc"></span></h1>
<p class="meta" id="meta"></p>
<p id="summary"></p>
<div class="bar" role="region" aria-label="Status og godkendelse">
  <p id="pending" class="pending grow"></p>
  <button type="button" id="next-pending">Næste afventende fund</button>
  <button type="button" id="accept-pending">Acceptér alle resterende fjernelser</button>
  <label for="caseworker" class="sr">Sagsbehandler</label>
  <input id="caseworker" placeholder="Dit navn (sagsbehandler)" autocomplete="off"
         title="Kontrollér navnet: det skrives i afgørelsesfilen som den, der godkender.">
  <button type="button" id="approve" class="primary">Godkend og gem</button>
  <button type="button" id="cancel">Afbryd uden at gemme</button>
</div>
<p id="status" role="status" aria-live="polite" class="small"></p>
<p id="global-error" class="err" role="alert"></p>
<p id="done" class="done" tabindex="-1" hidden></p>
<ul id="warnings" class="err"></ul>
<p class="legend small">Fjernet tekst er overstreget og farvet efter regel; gendannet tekst er
grøn med stiplet ramme. Markér tekst i kolonnen »Original« for at fjerne mere.</p>
<main id="parts"></main>
<section class="extra" aria-labelledby="extra-h">
  <h2 id="extra-h">Fjern mere tekst</h2>
  <div class="row">
    <div><label for="extra-text">Tekst</label><input id="extra-text" size="30"></div>
    <div><label for="extra-unit">Sted</label>
      <select id="extra-unit"><option value="">Hele dokumentet</option></select></div>
    <div><label for="extra-rule">Regel</label>
      <select id="extra-rule">
        <option value="R1">R1 Tredjeparts identitet</option>
        <option value="R2">R2 Særlige kategorier (rhl. § 10)</option>
        <option value="R3">R3 Sikkerhed og efterretning</option>
        <option value="R4" selected>R4 Detaljer om lovovertrædelsen</option>
        <option value="R5">R5 Interne forhold i fængslet</option>
      </select></div>
    <div><label for="extra-reason">Begrundelse</label><input id="extra-reason" size="30"></div>
    <button type="button" id="extra-add">Tilføj fjernelse</button>
  </div>
  <p id="extra-error" class="err" role="alert"></p>
  <ul id="extra-list"></ul>
</section>
"""


def render_page(nonce: str) -> str:
    """The review page; ``nonce`` must match the server's Content-Security-Policy."""
    return (
        '<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Gennemsyn af fjernelser – gldocs</title>\n"
        f"<style>{PAGE_CSS}</style>\n</head>\n<body>\n{PAGE_BODY}\n"
        f'<script nonce="{nonce}">{PAGE_JS}</script>\n</body>\n</html>\n'
    )
