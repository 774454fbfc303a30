// The communique page: every panel reads the HTTP API; text goes in with textContent, never as HTML.
"use strict";

const QUADS = [
  ["verbal_cooperation", "verbal cooperation", "#7fc97f"],
  ["material_cooperation", "material cooperation", "#1b7837"],
  ["verbal_conflict", "verbal conflict", "#f4a582"],
  ["material_conflict", "material conflict", "#b2182b"],
];
const PAGE = 25;
const state = { events: {}, offset: 0, total: 0, selected: null };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
  return node;
}

async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) query.set(k, v);
  const res = await fetch(path + (query.toString() ? "?" + query : ""));
  const body = await res.json();
  if (!res.ok) throw new Error(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail));
  return body;
}

function formValues(form) {
  const out = {};
  for (const input of form.elements) {
    if (!input.name) continue;
    out[input.name] = input.type === "checkbox" ? String(input.checked) : input.value.trim();
  }
  return out;
}

// Plotly reads titles, labels and hover texts as a little HTML: names go in escaped.
function esc(text) {
  return String(text ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function actorLabel(a) {
  return a.name || [a.country, ...(a.sector || [])].filter(Boolean).join(" ");
}

// -- events table -----------------------------------------------------------
async function loadEvents(offset = 0) {
  const form = document.getElementById("events-form");
  const params = { ...formValues(form), limit: PAGE, offset };
  const tbody = document.querySelector("#events-table tbody");
  try {
    const page = await api("/api/events", params);
    state.offset = offset;
    state.total = page.total;
    renderEvents(page.items);
  } catch (err) {
    tbody.replaceChildren(el("tr", {}, el("td", { colspan: 7, class: "error" }, err.message)));
  }
  const scope = form.elements.dyad.value;
  document.getElementById("events-scope").textContent = scope ? `between ${scope.replace(",", " and ")}` : "";
}

function renderEvents(items) {
  const tbody = document.querySelector("#events-table tbody");
  tbody.replaceChildren();
  for (const e of items) {
    state.events[e.id] = e;
    const marks = el("td");
    if (e.negated) marks.append(el("span", { class: "badge negated" }, "negated"));
    for (const a of e.aux) marks.append(el("span", { class: `badge ${a}` }, a));
    const docs = [...new Set(e.mentions.map((m) => m.document))];
    const row = el("tr", { "data-id": e.id, onclick: () => showEvent(e.id) },
      el("td", {}, e.date + (e.date_end ? ` – ${e.date_end}` : "")),
      el("td", { class: `quad${e.quad}` }, e.event + (e.mode ? ` (${e.mode})` : "")),
      el("td", {}, e.actor.map(actorLabel).join("; ")),
      el("td", {}, e.recipient.map(actorLabel).join("; ")),
      marks,
      el("td", {}, e.evidence || ""),
      el("td", { title: docs.join("\n") }, String(docs.length)));
    tbody.append(row);
  }
  if (!items.length) tbody.append(el("tr", {}, el("td", { colspan: 7 }, "No events match.")));
  const last = Math.min(state.offset + PAGE, state.total);
  document.getElementById("page-info").textContent =
    state.total ? `${state.offset + 1}–${last} of ${state.total}` : "0 events";
  document.getElementById("prev").disabled = state.offset === 0;
  document.getElementById("next").disabled = last >= state.total;
}

function showEvent(id) {
  const e = state.events[id];
  document.querySelectorAll("#events-table tr.selected").forEach((r) => r.classList.remove("selected"));
  document.querySelector(`#events-table tr[data-id="${CSS.escape(id)}"]`)?.classList.add("selected");
  const m = e.mentions[0];
  if (m) openDocument(m.doc_hash, { start: m.evidence_start, end: m.evidence_end });
}

// -- document view ----------------------------------------------------------
async function openDocument(ident, focus) {
  const section = document.getElementById("document");
  section.hidden = false;
  let doc;
  try {
    doc = await api(`/api/documents/${encodeURIComponent(ident)}`);
  } catch (err) {
    document.getElementById("doc-text").replaceChildren(el("p", { class: "error" }, err.message));
    return;
  }
  document.getElementById("doc-title").textContent = doc.title || doc.id;
  document.getElementById("doc-meta").textContent =
    `published ${doc.published} · ${doc.events.length} events · ${doc.quotes.length} quotes` +
    (doc.url ? ` · ${doc.url}` : "");
  const spans = [];
  for (const e of doc.events) {
    for (const m of e.mentions) {
      const current = focus && focus.start === m.evidence_start && focus.end === m.evidence_end;
      spans.push({ start: m.evidence_start, end: m.evidence_end, kind: current ? "evidence current" : "evidence",
        title: `${e.event}${e.negated ? " (negated)" : ""}: ${e.actor.map(actorLabel).join(", ")}` +
          (e.recipient.length ? ` → ${e.recipient.map(actorLabel).join(", ")}` : "") });
    }
  }
  for (const q of doc.quotes) {
    const current = focus && focus.start === q.start && focus.end === q.end;
    spans.push({ start: q.start, end: q.end, kind: current ? "quote current" : "quote",
      title: `${q.kind} quote: ${q.speaker || q.speaker_text || "unknown speaker"}` });
  }
  const box = document.getElementById("doc-text");
  box.replaceChildren(...highlight(doc.text, spans));
  const target = box.querySelector(".current");
  if (target) target.scrollIntoView({ block: "center" });
  section.scrollIntoView({ block: "start" });
}

// Offsets are code points (Python's), so the text is cut as an array of code points.
function highlight(text, spans) {
  const chars = Array.from(text);
  const cuts = new Set([0, chars.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= chars.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = chars.slice(a, b).join("");
    const over = spans.filter((s) => s.start <= a && b <= s.end);
    if (!over.length) { out.push(document.createTextNode(piece)); continue; }
    let node = document.createTextNode(piece);
    for (const s of over.sort((x, y) => (y.end - y.start) - (x.end - x.start)).reverse()) {
      const tag = s.kind.startsWith("evidence") ? "mark" : "span";
      node = el(tag, { class: s.kind, title: s.title }, node);
    }
    out.push(node);
  }
  return out;
}

// -- dyad timeline ------------------------------------------------------------
async function loadDyad() {
  const form = document.getElementById("dyad-form");
  const v = formValues(form);
  const chart = document.getElementById("dyad-chart");
  if (!v.a || !v.b) { chart.textContent = "Choose two sides."; return; }
  let data;
  try {
    data = await api("/api/dyads", v);
  } catch (err) {
    chart.replaceChildren(el("p", { class: "error" }, err.message));
    return;
  }
  const rows = data.series;
  const x = rows.map((r) => r.start);
  const traces = QUADS.map(([key, name, color]) => ({
    type: "bar", name, x, y: rows.map((r) => r[key]), marker: { color },
    customdata: rows.map((r) => [r.period, r.end]), hovertemplate: "%{customdata[0]}: %{y} " + name + "<extra></extra>",
  }));
  traces.push({ type: "scatter", mode: "lines+markers", name: "PLOVER score", x, y: rows.map((r) => r.score),
    yaxis: "y2", line: { color: "#333", width: 1.5 }, customdata: rows.map((r) => [r.period, r.end]),
    hovertemplate: "%{customdata[0]}: score %{y}<extra></extra>" });
  const layout = {
    barmode: "stack", margin: { t: 30, r: 50, l: 40, b: 40 }, legend: { orientation: "h", y: 1.12 },
    title: { text: esc(`${data.a} – ${data.b}, per ${data.by}`), font: { size: 13 }, x: 0.01, y: 0.99 },
    xaxis: { type: "date" }, yaxis: { title: { text: "events" }, rangemode: "tozero" },
    yaxis2: { overlaying: "y", side: "right", title: { text: "score" }, rangemode: "tozero", showgrid: false },
  };
  await Plotly.react(chart, traces, layout, { displaylogo: false, responsive: true });
  chart.removeAllListeners?.("plotly_click");
  chart.on("plotly_click", (ev) => {
    const p = ev.points[0];
    const [period, end] = p.customdata;
    const start = rows.find((r) => r.period === period).start;
    const ef = document.getElementById("events-form");
    for (const name of ["actor", "recipient", "type"]) ef.elements[name].value = "";
    ef.elements.dyad.value = `${data.a},${data.b}`;
    ef.elements.since.value = start;
    ef.elements.until.value = end;
    ef.elements.include_negated.checked = v.include_negated === "true";
    ef.elements.include_hypothetical.checked = v.include_hypothetical === "true";
    loadEvents(0).then(() => document.getElementById("events").scrollIntoView({ block: "start" }));
  });
  chart.dataset.points = String(rows.reduce((n, r) => n + r.events, 0));
}

// -- network ------------------------------------------------------------------
function layoutGraph(nodes, edges) {
  // Fruchterman-Reingold from a circle: deterministic, fine for the hundred nodes shown.
  const n = nodes.length;
  const pos = nodes.map((_, i) => [Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n)]);
  const index = new Map(nodes.map((d, i) => [d.id, i]));
  const k = Math.sqrt(4 / Math.max(n, 1));
  for (let it = 0, t = 0.2; it < 200; it++, t *= 0.98) {
    const disp = pos.map(() => [0, 0]);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      const dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1];
      const d = Math.max(Math.hypot(dx, dy), 0.01), f = (k * k) / d;
      disp[i][0] += (dx / d) * f; disp[i][1] += (dy / d) * f;
      disp[j][0] -= (dx / d) * f; disp[j][1] -= (dy / d) * f;
    }
    for (const e of edges) {
      const i = index.get(e.source), j = index.get(e.target);
      const dx = pos[i][0] - pos[j][0], dy = pos[i][1] - pos[j][1];
      const d = Math.max(Math.hypot(dx, dy), 0.01), f = (d * d) / k;
      disp[i][0] -= (dx / d) * f; disp[i][1] -= (dy / d) * f;
      disp[j][0] += (dx / d) * f; disp[j][1] += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      const d = Math.max(Math.hypot(...disp[i]), 0.01);
      pos[i][0] += (disp[i][0] / d) * Math.min(d, t);
      pos[i][1] += (disp[i][1] / d) * Math.min(d, t);
    }
  }
  return pos;
}

async function loadNetwork() {
  const form = document.getElementById("network-form");
  const chart = document.getElementById("network-chart");
  let net;
  try {
    net = await api("/api/network", formValues(form));
  } catch (err) {
    chart.replaceChildren(el("p", { class: "error" }, err.message));
    return null;
  }
  const nodes = net.nodes.slice(0, 100);
  const keep = new Set(nodes.map((d) => d.id));
  const edges = net.edges.filter((e) => keep.has(e.source) && keep.has(e.target));
  const pos = layoutGraph(nodes, edges);
  const at = new Map(nodes.map((d, i) => [d.id, pos[i]]));
  const maxW = Math.max(1, ...edges.map((e) => e.weight));
  const traces = edges.map((e) => ({
    type: "scatter", mode: "lines", hoverinfo: "skip", showlegend: false,
    x: [at.get(e.source)[0], at.get(e.target)[0]], y: [at.get(e.source)[1], at.get(e.target)[1]],
    line: { width: 1 + (5 * e.weight) / maxW, color: e.score < 0 ? "#d6604d" : "#4393c3", dash: e.joint ? "dot" : "solid" },
  }));
  traces.push({
    type: "scatter", mode: "markers", hoverinfo: "text", showlegend: false,
    x: edges.map((e) => (at.get(e.source)[0] + at.get(e.target)[0]) / 2),
    y: edges.map((e) => (at.get(e.source)[1] + at.get(e.target)[1]) / 2),
    text: edges.map((e) => esc(`${e.source} ${e.joint ? "and" : "→"} ${e.target}: ${e.weight} events, score ${e.score}`) + "<br>" +
      Object.entries(e.types).map(([t, c]) => `${t} ${c}`).join(", ")),
    marker: { size: 6, color: "rgba(0,0,0,0.15)" },
  });
  traces.push({
    type: "scatter", mode: "markers+text", name: "actors", showlegend: false,
    x: nodes.map((d) => at.get(d.id)[0]), y: nodes.map((d) => at.get(d.id)[1]),
    text: nodes.map((d) => esc(d.label)), textposition: "top center", customdata: nodes.map((d) => d.id),
    hovertemplate: "%{text}: %{marker.size:.0f}<extra></extra>",
    marker: { size: nodes.map((d) => 8 + 4 * Math.sqrt(d.events)), color: "#2c3e50", line: { color: "#fff", width: 1 } },
  });
  // room around the outermost nodes for their labels
  const span = (i) => { const v = pos.map((p) => p[i]); const lo = Math.min(...v), hi = Math.max(...v);
    const pad = Math.max(0.25, (hi - lo) * 0.15); return [lo - pad, hi + pad]; };
  const xaxis = { visible: false, zeroline: false, range: nodes.length ? span(0) : undefined };
  const yaxis = { visible: false, zeroline: false, range: nodes.length ? span(1) : undefined };
  await Plotly.react(chart, traces, { margin: { t: 10, r: 10, l: 10, b: 10 }, xaxis, yaxis, hovermode: "closest" },
    { displaylogo: false, responsive: true });
  chart.removeAllListeners?.("plotly_click");
  chart.on("plotly_click", (ev) => {
    const p = ev.points.find((q) => q.customdata);
    if (!p) return;
    const ef = document.getElementById("events-form");
    for (const name of ["recipient", "since", "until", "dyad"]) ef.elements[name].value = "";
    ef.elements.actor.value = p.customdata;
    loadEvents(0).then(() => document.getElementById("events").scrollIntoView({ block: "start" }));
  });
  return net;
}

// -- speakers -----------------------------------------------------------------
async function loadSpeakers() {
  const box = document.getElementById("speaker-list");
  let speakers;
  try {
    speakers = await api("/api/speakers", { limit: 12, per_speaker: 3 });
  } catch (err) {
    box.replaceChildren(el("p", { class: "error" }, err.message));
    return;
  }
  box.replaceChildren(...speakers.map((s) => el("div", { class: "speaker" },
    el("h3", {}, `${s.name || s.key} (${s.country || "?"}) · ${s.quotes} quotes, ${s.direct} direct`),
    ...s.top.map((q) => el("blockquote", { title: `${q.kind} quote in ${q.document}: click to read it there`,
      onclick: () => openDocument(q.document, { start: q.start, end: q.end }) }, shorten(q.text, 320))))));
  if (!speakers.length) box.textContent = "No attributed quotes yet.";
}

function shorten(text, n) {
  const chars = Array.from(text || "");
  return chars.length <= n ? text : chars.slice(0, n - 1).join("") + "…";
}

// -- start --------------------------------------------------------------------
document.addEventListener("DOMContentLoaded", async () => {
  const url = new URLSearchParams(location.search);
  document.getElementById("events-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    ev.target.elements.dyad.value = "";
    loadEvents(0);
  });
  document.getElementById("prev").addEventListener("click", () => loadEvents(Math.max(0, state.offset - PAGE)));
  document.getElementById("next").addEventListener("click", () => loadEvents(state.offset + PAGE));
  document.getElementById("dyad-form").addEventListener("submit", (ev) => { ev.preventDefault(); loadDyad(); });
  document.getElementById("network-form").addEventListener("submit", (ev) => { ev.preventDefault(); loadNetwork(); });
  const ef = document.getElementById("events-form");
  for (const name of ["actor", "recipient", "type", "since", "until"]) if (url.get(name)) ef.elements[name].value = url.get(name);

  const net = await loadNetwork();
  const first = net && (net.edges.find((e) => !e.joint) || net.edges[0]);
  document.getElementById("dyad-a").value = url.get("a") || (first ? first.source : "");
  document.getElementById("dyad-b").value = url.get("b") || (first ? first.target : "");
  if (url.get("by")) document.getElementById("dyad-by").value = url.get("by");
  await Promise.all([loadDyad(), loadEvents(0), loadSpeakers()]);
  document.body.dataset.ready = "true";
});
