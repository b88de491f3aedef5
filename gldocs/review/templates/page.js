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

function ruleClass(rule) { return "rule-" + String(rule).replace(/[^A-Za-z0-9_-]/g, "_"); }

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
  return el("div", {class: "card edge-" + ruleClass(f.rule) + " state-" + f.state, id: "card-" + f.id, tabindex: "-1",
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
