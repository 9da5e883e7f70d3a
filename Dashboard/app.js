"use strict";
// The Ampwise dashboard (docs/dashboard.md). Plain JavaScript, no libraries: it reads the HTTP API
// (docs/api.md) and follows GET /api/events. Panels are entries in SITE_PANELS and
// CONNECTOR_PANELS: a new panel is one object with a title and a render function.

const state = {
  token: sessionStorage.getItem("ampwise.token") || "",
  chargers: new Map(),      // id -> charger object (GET /api/chargers)
  selected: null,           // {charger, connector}
  inputs: {},               // name -> {value, updatedAt, ageSeconds, stale}
  tariff: [],               // price slots of the next 48 h
  rules: null,              // GET /api/rules
  timeline: [],             // decisions and commands of the selected connector, newest first
  pendingAnswers: [],       // controls waiting for the charger's answer
  recentCommands: [],       // the latest command events, for an answer that came before the API's
  events: null,
  streamOpen: false,        // GET /api/events is open
  ready: false,             // GET /api/health has said the site's time zone
  inputsFromStream: false,  // an input event came before GET /api/inputs answered: it is newer
  tariffFromStream: false,
};
const HOUR = 3600 * 1000;
const PAST_HOURS = 6, PLAN_HOURS = 6;

// ---------------------------------------------------------------- helpers

const $ = (selector, root = document) => root.querySelector(selector);
function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
function fmt(value, digits = 1) {
  return value == null || Number.isNaN(value) ? "–" : Number(value).toLocaleString(undefined, { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
const key = (charger, connector) => `${charger}:${connector}`;

// ---------------------------------------------------------------- time

// Every time on the page is in the site's zone (ampwise.json's "timezone", which GET /api/health
// names), on a 24-hour clock, whatever the browser's zone and locale: 2026-12-03 07:15, or 07:15
// for today. The same zone as the rules' clock times, the tariff's periods and `ampwise why`.
const siteTime = { zone: "UTC", parts: null };

function useZone(name) {
  const options = { hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" };
  try {
    siteTime.parts = new Intl.DateTimeFormat("en-US", { ...options, timeZone: name });
    siteTime.zone = name;
  } catch {
    // A zone this browser does not know (RangeError): its own, and the page says so.
    siteTime.parts = new Intl.DateTimeFormat("en-US", options);
    siteTime.zone = `${siteTime.parts.resolvedOptions().timeZone} (this browser's zone: it does not know ${name})`;
  }
}
useZone("UTC");

// {year, month, day, hour, minute, second} of an instant in the site's zone, as two-digit strings.
function localParts(date) {
  const parts = {};
  for (const part of siteTime.parts.formatToParts(new Date(date))) parts[part.type] = part.value;
  if (parts.hour === "24") parts.hour = "00";
  return parts;
}
const clock = (date) => { const p = localParts(date); return `${p.hour}:${p.minute}`; };
const day = (date) => { const p = localParts(date); return `${p.year}-${p.month}-${p.day}`; };
const stamp = (date) => { const p = localParts(date); return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`; };
// A time of today as a clock time, another day's with its date.
const when = (date) => day(date) === day(Date.now()) ? clock(date) : `${day(date)} ${clock(date)}`;
// A table's caption: what it lists (for screen readers) and the zone of its times (for everyone).
const zoneCaption = (what) => `<caption class="zone-caption"><span class="sr-only">${esc(what)}; </span>times in ${esc(siteTime.zone)}, 24-hour clock</caption>`;
// Minutes since the site's midnight: where the chart's time ticks fall.
const minuteOfDay = (date) => { const p = localParts(date); return Number(p.hour) * 60 + Number(p.minute); };
const FAILED = /Rejected|CallError|Timeout|NotConnected|NotSupported|Invalid|Failed|Unknown/;

class Unauthorized extends Error {}

async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (state.token) headers.Authorization = `Bearer ${state.token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  return answer(fetch(path, {
    method: options.method || "GET", headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  }));
}

// The body of an API response (JSON or text); a 401 asks for the token, another error throws.
async function answer(request) {
  const response = await request;
  if (response.status === 401) {
    askForToken(state.token ? "That token was not accepted." : "");
    throw new Unauthorized("the API asks for a token");
  }
  const type = response.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) throw new Error((body && body.error) || `${response.status} ${response.statusText}`);
  return body;
}

// ---------------------------------------------------------------- token

function askForToken(message) {
  const dialog = $("#token-dialog");
  $("#token-error").textContent = message || "";
  $("#live").textContent = "waiting for the API token";
  if (!dialog.open) dialog.showModal();
  $("#token").focus();
}

$("#token-form").addEventListener("submit", (event) => {
  event.preventDefault();
  state.token = $("#token").value.trim();
  sessionStorage.setItem("ampwise.token", state.token);
  $("#token-dialog").close();
  start();
});

// ---------------------------------------------------------------- live events

// `early`: the stream index.html opened before this script was read, with the events that came
// meanwhile (handled first, in order).
function connectEvents(early) {
  if (state.events) state.events.close();
  const url = "/api/events" + (state.token ? `?token=${encodeURIComponent(state.token)}` : "");
  const events = early ? early.events : new EventSource(url);
  state.events = events;
  const live = $("#live");
  const handlers = {};
  handlers.open = () => {
    state.streamOpen = true;
    live.textContent = "live";
    live.className = "live ok";
  };
  handlers.error = () => {
    state.streamOpen = false;
    live.textContent = events.readyState === EventSource.CLOSED ? "disconnected" : "reconnecting…";
    live.className = "live bad";
    // A stream refused outright (no token yet, or a token changed) does not come back by itself;
    // unless a newer stream has replaced it (the token was entered), try again.
    if (events.readyState === EventSource.CLOSED) {
      setTimeout(() => { if (state.events === events) api("/api/health").then(() => connectEvents(), () => {}); }, 3000);
    }
  };
  handlers.charger = (event) => {
    const charger = JSON.parse(event.data);
    state.chargers.set(charger.id, charger);
    scheduleRender();
  };
  handlers.decision = (event) => {
    const decision = JSON.parse(event.data);
    noteTimeline("decision", decision);
  };
  handlers.command = (event) => {
    const command = JSON.parse(event.data);
    noteTimeline("command", command);
    settleAnswers(command);
  };
  handlers.input = (event) => {
    state.inputs = JSON.parse(event.data);
    state.inputsFromStream = true;
    renderSite();
  };
  handlers.tariff = (event) => {
    state.tariff = JSON.parse(event.data);
    state.tariffFromStream = true;
    renderSite();
  };
  for (const [name, handler] of Object.entries(handlers)) events.addEventListener(name, handler);
  if (early) {
    const missed = early.taken();
    for (const event of missed) handlers[event.type](event);
  }
}

function noteTimeline(kind, item) {
  const selected = state.selected;
  if (!selected || item.charger !== selected.charger) return;
  if (item.connector != null && item.connector !== selected.connector && item.connector !== 0) return;
  state.timeline.unshift({ kind, item });
  state.timeline.length = Math.min(state.timeline.length, 60);
  renderPanel("timeline");
}

// Renders at most once per frame however many events arrive. The cards come first, as soon as the
// stream has said what the chargers are: they show no time, so they need not wait for
// GET /api/health to name the site's zone (the connector's panels, which show times, do).
let renderQueued = false;
function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    renderOverview();
    if (!state.ready) return;
    renderSummary();
    renderPanel("rules");
    renderGoalStatus();
  });
}

// ---------------------------------------------------------------- overview

const PROTOCOL_NAMES = { "ocpp1.6": "OCPP 1.6J", "ocpp2.0.1": "OCPP 2.0.1" };

const STATUS_CLASS = {
  Available: "idle", Preparing: "warn", Charging: "ok", SuspendedEV: "warn", SuspendedEVSE: "warn",
  Finishing: "idle", Reserved: "warn", Unavailable: "bad", Faulted: "bad",
};

function connectorFigures(connector) {
  const power = connector.measurands && connector.measurands["Power.Active.Import"];
  const energy = connector.transaction && connector.transaction.energyWh;
  const decision = connector.decision;
  const limit = decision && decision.charging === false ? 0 : decision && decision.limitAmps;
  return { powerKW: power ? power.value / 1000 : null, energyKWh: energy != null ? energy / 1000 : null, limit };
}

function decisionText(connector) {
  const decision = connector.decision;
  if (!decision) return "No decision yet.";
  const rules = (decision.rules || []).map((name) => `<strong>${esc(name)}</strong>`).join(", ");
  const by = decision.source === "override" ? "a manual override" : rules ? `rule ${rules}` : "no rule";
  let what;
  if (decision.charging === false) what = "Paused";
  else if (decision.limitAmps != null) what = `Limited to ${fmt(decision.limitAmps)} A`;
  else if (decision.charging === true) what = "Charging at the charger's maximum";
  else what = "Left to the charger";
  const applied = connector.applied && connector.applied.status
    ? ` · charger answered <em>${esc(connector.applied.status)}</em>` : "";
  return `${what}: ${by}${applied}.`;
}

function renderOverview() {
  const root = $("#chargers");
  const chargers = [...state.chargers.values()].sort((a, b) => a.id.localeCompare(b.id));
  $("#empty").hidden = chargers.length > 0;
  if (state.ready && !state.selected && chargers.length) {
    const first = chargers[0].connectors.find((c) => c.id > 0);
    if (first) select(chargers[0].id, first.id);
  }
  root.innerHTML = chargers.map((charger) => {
    const connectors = charger.connectors.filter((c) => c.id > 0);
    return `<article class="card" aria-labelledby="card-${esc(charger.id)}">
      <header><h3 id="card-${esc(charger.id)}">${esc(charger.id)}</h3>
        <span class="badge ${charger.connected ? "ok" : "bad"}">${charger.connected ? "connected" : "offline"}</span>
        ${charger.protocol ? `<span class="badge idle" data-testid="protocol">${esc(PROTOCOL_NAMES[charger.protocol] || charger.protocol)}</span>` : ""}
        <span class="model">${esc([charger.vendor, charger.model].filter(Boolean).join(" "))}</span></header>
      ${connectors.length ? "" : `<p class="muted">No connector reported yet.</p>`}
      ${connectors.map((connector) => {
        const figures = connectorFigures(connector);
        const isSelected = state.selected && state.selected.charger === charger.id && state.selected.connector === connector.id;
        return `<div class="connector${isSelected ? " selected" : ""}" data-connector="${esc(key(charger.id, connector.id))}">
          <div class="head"><span><strong>Connector ${connector.id}</strong>
            <span class="badge ${STATUS_CLASS[connector.status] || "idle"}" data-testid="status">${esc(connector.status || "unknown")}</span></span>
            <button class="secondary" type="button" data-select="${esc(charger.id)}" data-connector-id="${connector.id}"
              aria-pressed="${isSelected ? "true" : "false"}" aria-label="Details of ${esc(charger.id)} connector ${connector.id}">Details</button></div>
          <dl class="figures">
            <div><dt>Power</dt><dd>${fmt(figures.powerKW, 2)} kW</dd></div>
            <div><dt>Session</dt><dd>${fmt(figures.energyKWh, 2)} kWh</dd></div>
            <div><dt>Limit</dt><dd data-testid="limit">${figures.limit == null ? "none" : fmt(figures.limit) + " A"}</dd></div>
          </dl>
          <p class="why">${decisionText(connector)}</p>
          ${connector.goal ? `<p class="why" data-testid="goal-line">${goalLine(connector.goal)}</p>` : ""}
        </div>`;
      }).join("")}
    </article>`;
  }).join("");
}

$("#chargers").addEventListener("click", (event) => {
  const button = event.target.closest("button[data-select]");
  if (!button) return;
  select(button.dataset.select, Number(button.dataset.connectorId));
  $("#detail").scrollIntoView({ behavior: "smooth", block: "start" });
});

// ---------------------------------------------------------------- panels

const SITE_PANELS = [
  {
    id: "inputs", title: "Inputs",
    render() {
      const names = Object.keys(state.inputs).sort();
      if (!names.length) return `<p class="muted">No inputs yet (PUT /api/inputs, or a source).</p>`;
      return `<dl class="inputs">${names.map((name) => {
        const input = state.inputs[name];
        const watts = /\.power$|surplus$/.test(name);
        const value = watts ? `${fmt(input.value / 1000, 2)} kW` : fmt(input.value, 2);
        return `<div><dt>${esc(name)}</dt><dd>${value}${input.stale ? ' <span class="badge warn">stale</span>' : ""}</dd></div>`;
      }).join("")}</dl>`;
    },
  },
  {
    id: "prices", title: "Prices, next hours",
    render() {
      const slots = state.tariff.filter((slot) => new Date(slot.end) > Date.now()).slice(0, 8);
      if (!slots.length) return `<p class="muted">No prices known.</p>`;
      return `<div class="scroll"><table>${zoneCaption("Prices per kWh")}
        <thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col" class="num">Price per kWh</th></tr></thead>
        <tbody>${slots.map((slot) => `<tr><td>${when(slot.start)}</td><td>${when(slot.end)}</td><td class="num">${fmt(slot.price, 3)}</td></tr>`).join("")}</tbody></table></div>`;
    },
  },
];

const CONNECTOR_PANELS = [
  { id: "chart", title: "Last hours and the plan", wide: true, render: renderCharts, load: loadHistory },
  { id: "controls", title: "Controls", render: renderControls, static: true },
  { id: "goal", title: "Energy goal", render: renderGoal, static: true },
  { id: "timeline", title: "Why: decisions and commands", render: renderTimeline, load: loadTimeline },
  { id: "sessions", title: "Sessions", render: renderSessions, load: loadSessions },
  { id: "rules", title: "Rules", render: renderRules, load: loadRules },
];

const panelData = {};

function mountPanels(root, panels) {
  root.innerHTML = panels.map((panel) => `<section class="panel ${panel.wide ? "wide" : ""}" id="panel-${panel.id}" aria-labelledby="panel-${panel.id}-title">
      <h3 id="panel-${panel.id}-title">${esc(panel.title)}</h3><div class="body"></div></section>`).join("");
}

function renderSite() {
  if (!state.ready) return;
  for (const panel of SITE_PANELS) $(`#panel-${panel.id} .body`).innerHTML = panel.render();
}

function renderPanel(id) {
  const panel = CONNECTOR_PANELS.find((p) => p.id === id);
  const element = $(`#panel-${id} .body`);
  if (!panel || !element || !state.selected) return;
  if (panel.static && element.childElementCount) return;
  element.innerHTML = panel.render();
}

async function select(chargerId, connectorId) {
  state.selected = { charger: chargerId, connector: connectorId };
  state.timeline = [];
  $("#detail").hidden = false;
  $("#detail-title").textContent = `${chargerId}, connector ${connectorId}`;
  mountPanels($("#connector-panels"), CONNECTOR_PANELS);
  for (const panel of CONNECTOR_PANELS) renderPanel(panel.id);
  bindControls();
  bindGoal();
  renderGoalStatus();
  renderOverview();
  renderSummary();
  await Promise.all(CONNECTOR_PANELS.filter((p) => p.load).map((p) => p.load().then(() => renderPanel(p.id), (error) => {
    if (!(error instanceof Unauthorized)) $(`#panel-${p.id} .body`).innerHTML = `<p class="error">${esc(error.message)}</p>`;
  })));
}

function selectedConnector() {
  const charger = state.selected && state.chargers.get(state.selected.charger);
  return charger && charger.connectors.find((c) => c.id === state.selected.connector);
}

// ---------------------------------------------------------------- summary

// The line under the connector's title: its status and session.
function renderSummary() {
  const element = $("#detail-summary");
  const connector = selectedConnector();
  if (!element || !state.selected) return;
  if (!connector) { element.textContent = "Not reported yet."; return; }
  const transaction = connector.transaction;
  element.innerHTML = `${esc(connector.status || "unknown")} · ${transaction
    ? `session ${esc(transaction.id)} (${esc(transaction.idTag)}) since ${stamp(transaction.startedAt)}, ${fmt((transaction.energyWh || 0) / 1000, 2)} kWh`
    : "no session"} · ${decisionText(connector)}`;
}

// ---------------------------------------------------------------- charts

// The chart shows up to PAST_HOURS back; a connector with less history (a new site, the demo)
// gets a closer look: from its first reading, at least 5 minutes, in finer steps, and as much plan.
async function loadHistory() {
  const { charger, connector } = state.selected;
  const now = Date.now();
  const query = `charger=${encodeURIComponent(charger)}&connector=${connector}`;
  const [history, plan] = await Promise.all([
    api(`/api/history?${query}&since=${new Date(now - PAST_HOURS * HOUR).toISOString()}`),
    api(`/api/plan?${query}&hours=${PLAN_HOURS}&step=15`).catch(() => ({ connectors: [] })),
  ]);
  const first = history.points.find((p) => p.power != null || p.limit != null);
  const past = first ? Math.max(5 * 60 * 1000, now - Date.parse(first.at) + 60 * 1000) : PAST_HOURS * HOUR;
  panelData.history = history;
  panelData.plan = (plan.connectors[0] || { points: [] }).points;
  if (past < HOUR) {
    const step = Math.max(5, Math.round(past / 1000 / 180));
    const [closer, finer] = await Promise.all([
      api(`/api/history?${query}&since=${new Date(now - past).toISOString()}&step=${step}`),
      api(`/api/plan?${query}&hours=1&step=1`).catch(() => null),
    ]);
    panelData.history = closer;
    if (finer && finer.connectors[0]) panelData.plan = finer.connectors[0].points;
  }
  panelData.pastSpan = Math.min(past, PAST_HOURS * HOUR);
}

function renderCharts() {
  const history = panelData.history;
  if (!history) return `<p class="muted">Loading…</p>`;
  const now = Date.now();
  const pastSpan = panelData.pastSpan || PAST_HOURS * HOUR;
  // The goal's planned quarter hours lie beside the plan: the chart reaches the last of them
  // (within PLAN_HOURS), however young the site.
  const connector = selectedConnector();
  const goalSlots = ((connector && connector.goal && connector.goal.slots) || []).map((slot) => [Date.parse(slot.start), Date.parse(slot.end)]);
  const goalEnd = goalSlots.length ? goalSlots[goalSlots.length - 1][1] - now : 0;
  const from = now - pastSpan, to = now + Math.min(PLAN_HOURS * HOUR, Math.max(15 * 60 * 1000, pastSpan, goalEnd));
  const points = history.points.map((p) => ({ t: Date.parse(p.at), ...p }));
  const plan = (panelData.plan || []).map((p) => ({ t: Date.parse(p.at), ...p }));
  const inputNames = [...new Set(points.flatMap((p) => Object.keys(p.inputs || {})))].filter((n) => /power|surplus/.test(n)).sort();
  const colours = { "solar.power": "var(--solar)", "grid.power": "var(--grid)" };
  const power = chart({
    title: "Power", from, to, now, leftUnit: "kW",
    series: [
      { label: "charger power", colour: "var(--power)", points: points.filter((p) => p.power != null).map((p) => [p.t, p.power / 1000]) },
      ...inputNames.map((name, index) => ({
        label: name, colour: colours[name] || `hsl(${index * 70 + 20} 60% 50%)`,
        points: points.filter((p) => p.inputs && p.inputs[name] != null).map((p) => [p.t, p.inputs[name] / 1000]),
      })),
    ],
  });
  const limit = chart({
    title: "Limit and price", from, to, now, leftUnit: "A", rightUnit: "per kWh",
    bands: goalSlots.length ? { label: "goal: planned quarter hours", colour: "var(--goal)", spans: goalSlots } : null,
    series: [
      { label: "limit (A)", colour: "var(--limit)", step: true, points: points.filter((p) => p.limit != null).map((p) => [p.t, p.limit]) },
      { label: "plan: limit (A)", colour: "var(--plan)", step: true, dashed: true, points: plan.filter((p) => p.limitAmps != null).map((p) => [p.t, p.limitAmps]) },
      { label: "current (A)", colour: "var(--power)", points: points.filter((p) => p.current != null).map((p) => [p.t, p.current]) },
      { label: "price", colour: "var(--price)", step: true, right: true, points: [...points.filter((p) => p.price != null && p.t < now).map((p) => [p.t, p.price]), ...plan.filter((p) => p.price != null).map((p) => [p.t, p.price])] },
    ],
  });
  const planRows = plan.filter((_, index) => index % 2 === 0).slice(0, 12);
  return `${power}${limit}
    <details><summary>The plan as a table (every 30 minutes)</summary><div class="scroll"><table>
      ${zoneCaption("The plan")}
      <thead><tr><th scope="col">Time</th><th scope="col">Decision</th><th scope="col" class="num">Limit (A)</th><th scope="col" class="num">Price</th><th scope="col">Rules</th></tr></thead>
      <tbody>${planRows.map((p) => `<tr><td>${clock(p.t)}</td><td>${esc(p.state)}</td><td class="num">${fmt(p.limitAmps)}</td><td class="num">${fmt(p.price, 3)}</td><td>${esc((p.rules || []).join(", "))}</td></tr>`).join("")}</tbody>
    </table></div></details>`;
}

function niceStep(range, count) {
  const raw = range / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw || 1)));
  return [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) || raw;
}

function axisTicks(min, max, count) {
  const step = niceStep(max - min, count);
  const ticks = [];
  for (let v = Math.floor(min / step) * step; v <= max + step / 1e6; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

// An SVG line chart with a time axis in the site's zone, a left and an optional right axis.
// `bands`: spans of time to shade ({label, colour, spans: [[start, end], ...]}), such as a goal's
// planned quarter hours.
function chart({ title, from, to, now, leftUnit, rightUnit, series, bands }) {
  const width = Math.max(300, Math.round(($("#panel-chart") || document.body).clientWidth - 30));
  const height = width < 500 ? 200 : 240;
  // The same margins for every chart, so that their time axes line up.
  const pad = { left: 46, right: 52, top: 24, bottom: 28 };
  const plotW = width - pad.left - pad.right, plotH = height - pad.top - pad.bottom;
  const bounds = (right) => {
    const values = series.filter((s) => !!s.right === right).flatMap((s) => s.points.map((p) => p[1]));
    let min = Math.min(0, ...values), max = Math.max(...values, right ? 0.1 : 1);
    if (max === min) max = min + 1;
    const ticks = axisTicks(min, max * 1.05, 4);
    return { min: ticks[0], max: ticks[ticks.length - 1], ticks };
  };
  const left = bounds(false), right = rightUnit ? bounds(true) : null;
  const x = (t) => pad.left + ((t - from) / (to - from)) * plotW;
  const y = (v, axis) => pad.top + plotH - ((v - axis.min) / (axis.max - axis.min)) * plotH;
  // A time label needs about 50 px: as many minutes between labels as that takes, on the site's
  // clock (zones are whole multiples of 5 minutes from UTC, so 5-minute steps find every tick).
  const hours = (to - from) / HOUR;
  const minutes = [5, 10, 15, 30, 60, 120, 180, 240, 360, 720].find((m) => (plotW / (hours * 60)) * m >= 50) || 1440;
  const timeTicks = [];
  for (let t = Math.ceil(from / 300000) * 300000; t <= to; t += 5 * 60 * 1000) {
    if (minuteOfDay(t) % minutes === 0) timeTicks.push(t);
  }
  const path = (s) => {
    const axis = s.right ? right : left;
    const pts = s.points.filter((p) => p[0] >= from && p[0] <= to).sort((a, b) => a[0] - b[0]);
    if (!pts.length) return "";
    if (pts.length === 1 && !s.step) {
      return `<circle cx="${x(pts[0][0]).toFixed(1)}" cy="${y(pts[0][1], axis).toFixed(1)}" r="3" fill="${s.colour}"/>`;
    }
    let d = "";
    pts.forEach((p, index) => {
      const px = x(p[0]).toFixed(1), py = y(p[1], axis).toFixed(1);
      if (index === 0) d += `M${px},${py}`;
      else if (s.step) d += `H${px}V${py}`;
      else d += `L${px},${py}`;
    });
    if (s.step) d += `H${x(Math.min(to, s.dashed ? to : now)).toFixed(1)}`;
    return `<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2" ${s.dashed ? 'stroke-dasharray="6 4"' : ""}/>`;
  };
  const shown = bands ? bands.spans.filter(([start, end]) => end > from && start < to) : [];
  const shade = shown.map(([start, end]) => {
    const x0 = x(Math.max(start, from)), x1 = x(Math.min(end, to));
    return `<rect class="goal-slot" x="${x0.toFixed(1)}" y="${pad.top}" width="${Math.max(1, x1 - x0).toFixed(1)}" height="${plotH}" fill="${bands.colour}"/>`;
  }).join("");
  const bandText = bands ? `; ${bands.label}: ${bands.spans.length}${shown.length < bands.spans.length ? ` (${bands.spans.length - shown.length} beyond the chart)` : ""}, from ${clock(bands.spans[0][0])}` : "";
  const label = `${title}: ${series.map((s) => `${s.label}${s.points.length ? `, latest ${fmt(s.points[s.points.length - 1][1], 2)}` : ", no data"}`).join("; ")}${bandText}`;
  return `<figure class="chart" role="group" aria-label="${esc(title)}">
    <svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(label)}">
      <rect class="future" x="${x(now).toFixed(1)}" y="${pad.top}" width="${(x(to) - x(now)).toFixed(1)}" height="${plotH}"/>
      ${shade}
      <g class="grid">${left.ticks.map((v) => `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v, left).toFixed(1)}" y2="${y(v, left).toFixed(1)}"/>`).join("")}</g>
      ${left.ticks.map((v) => `<text x="${pad.left - 6}" y="${(y(v, left) + 4).toFixed(1)}" text-anchor="end">${fmt(v, v % 1 ? 1 : 0)}</text>`).join("")}
      <text x="4" y="12">${esc(leftUnit)}</text>
      ${right ? right.ticks.map((v) => `<text x="${width - pad.right + 6}" y="${(y(v, right) + 4).toFixed(1)}">${fmt(v, 2)}</text>`).join("") + `<text x="${width - 4}" y="12" text-anchor="end">${esc(rightUnit)}</text>` : ""}
      ${timeTicks.map((t) => `<text x="${x(t).toFixed(1)}" y="${height - 8}" text-anchor="middle">${clock(t)}</text>`).join("")}
      <line class="now" x1="${x(now).toFixed(1)}" x2="${x(now).toFixed(1)}" y1="${pad.top}" y2="${pad.top + plotH}"/>
      <text x="${(x(now) + 4).toFixed(1)}" y="12">now · plan →</text>
      ${series.map(path).join("")}
    </svg>
    <figcaption><ul class="legend">${series.map((s) => `<li class="${s.dashed ? "dashed" : ""}" style="--swatch:${s.colour}">${esc(s.label)}</li>`).join("")}${bands ? `<li class="band" style="--swatch:${bands.colour}">${esc(bands.label)}</li>` : ""}</ul>
    <span class="muted">${esc(title)} (${esc(leftUnit)}${rightUnit ? `, price ${esc(rightUnit)}` : ""}); <span data-testid="chart-zone">times in ${esc(siteTime.zone)}, 24-hour clock</span></span></figcaption>
  </figure>`;
}

// ---------------------------------------------------------------- controls

function renderControls() {
  return `<div class="controls">
    <fieldset><legend>Session</legend>
      <form data-action="start"><div><label for="idtag">Id tag (optional)</label><input id="idtag" name="idTag" autocomplete="off" maxlength="20"></div>
        <button type="submit">Start</button></form>
      <form data-action="stop"><button type="submit" class="secondary">Stop the session</button></form>
    </fieldset>
    <fieldset><legend>Limit override (above every rule)</legend>
      <form data-action="limit"><div><label for="amps">Amperes</label><input id="amps" name="amps" type="number" min="0" max="500" step="0.1" required></div>
        <div><label for="minutes">For minutes (optional)</label><input id="minutes" name="minutes" type="number" min="1" max="10080" step="1"></div>
        <button type="submit">Set limit</button></form>
      <form data-action="clear"><button type="submit" class="secondary">Clear the override</button></form>
    </fieldset>
    <fieldset><legend>Availability</legend>
      <form data-action="availability"><div><label for="available">Connector</label><select id="available" name="available">
        <option value="true">Available</option><option value="false">Unavailable</option></select></div>
        <button type="submit">Send</button></form>
    </fieldset>
    <p class="answer" id="answer" role="status" aria-live="polite"></p>
  </div>`;
}

function bindControls() {
  const root = $("#panel-controls");
  root.addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const data = new FormData(form);
    const { charger, connector } = state.selected;
    const base = `/api/chargers/${encodeURIComponent(charger)}`;
    const answer = $("#answer");
    const button = form.querySelector("button");
    button.disabled = true;
    answer.textContent = "Sending…";
    try {
      switch (form.dataset.action) {
        case "start": {
          const body = { connector };
          if (data.get("idTag")) body.idTag = data.get("idTag");
          const result = await api(`${base}/start`, { method: "POST", body });
          answer.textContent = `RemoteStartTransaction: the charger answered ${result.status}.`;
          break;
        }
        case "stop": {
          const result = await api(`${base}/stop`, { method: "POST", body: { connector } });
          answer.textContent = `RemoteStopTransaction: the charger answered ${result.status}.`;
          break;
        }
        case "limit": {
          const body = { connector, amps: Number(data.get("amps")) };
          if (data.get("minutes")) body.minutes = Number(data.get("minutes"));
          const sentAt = Date.now();
          const result = await api(`${base}/limit`, { method: "POST", body });
          answer.textContent = `Override of ${fmt(body.amps)} A set${result.until ? ` until ${clock(result.until)}` : ""}; waiting for the charger's answer…`;
          waitForAnswer(charger, connector, "SetChargingProfile", (command) =>
            `Override of ${fmt(body.amps)} A: the charger answered ${command.outcome}${command.error ? ` (${command.error.code})` : ""}.`, sentAt);
          break;
        }
        case "clear": {
          await api(`${base}/limit?connector=${connector}`, { method: "DELETE" });
          answer.textContent = "Override cleared: the rules decide again.";
          break;
        }
        case "availability": {
          const available = data.get("available") === "true";
          const result = await api(`${base}/availability`, { method: "POST", body: { connector, available } });
          answer.textContent = `ChangeAvailability: the charger answered ${result.status}.`;
          break;
        }
      }
    } catch (error) {
      answer.textContent = `Not done: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
}

// `since`: when the request left (less 2 s for the clocks); the charger may have answered before
// the API did, so what already came is looked at too.
function waitForAnswer(charger, connector, action, describe, since) {
  state.pendingAnswers.push({ charger, connector, action, describe, since: since - 2000 });
  for (const command of state.recentCommands) settle(command);
}

function settleAnswers(command) {
  state.recentCommands.push(command);
  state.recentCommands.splice(0, state.recentCommands.length - 20);
  settle(command);
}

function settle(command) {
  state.pendingAnswers = state.pendingAnswers.filter((pending) => {
    const matches = command.charger === pending.charger && command.action === pending.action
      && (command.connector == null || command.connector === pending.connector) && Date.parse(command.at) >= pending.since;
    if (matches && $("#answer")) $("#answer").textContent = pending.describe(command);
    return !matches;
  });
}

// ---------------------------------------------------------------- energy goal

// The goal of the selected connector (POST/GET/DELETE /api/chargers/{id}/goal, docs/api.md): the
// form is drawn once per connector (so that what someone types survives the live updates), the
// goal's state below it follows the charger object's `goal`.
const GOAL_STATES = {
  waitingForSession: "waiting for a session", charging: "charging in a planned quarter hour",
  waiting: "waiting for a planned quarter hour", solar: "charging from the solar surplus", met: "met",
  cannotBeMet: "cannot be met any more: charging at full power",
  pricesMissing: "too few prices known to plan: charging at full power",
};
const GOAL_STRATEGIES = { cheapest: "the cheapest quarter hours", solar: "the solar surplus, then the cheapest quarter hours" };
// The API names the field it refuses ("energyKWh: expected ..."): the form's field for each name.
const GOAL_FIELDS = { energyKWh: "goal-energy", by: "goal-by", strategy: "goal-strategy" };

// "2026-12-03T07:00" (a datetime-local field) for an instant, on the site's clock.
function siteWall(date) {
  const p = localParts(date);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

// The site's zone's offset from UTC at an instant, in ms.
function zoneOffset(instant) {
  const p = localParts(instant);
  return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(instant / 1000) * 1000;
}

// The instant a wall-clock time on the site's clock stands for; null for no time. The offset is
// read at a first guess and again at the result, so that a time near a daylight-saving change lands right.
function siteInstant(wall) {
  const match = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(wall || "");
  if (!match) return null;
  const asUTC = Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5]);
  let instant = asUTC - zoneOffset(asUTC);
  instant = asUTC - zoneOffset(instant);
  return new Date(instant);
}

// The form's first deadline: the next 07:00 on the site's clock at least an hour away.
function defaultGoalTime() {
  for (const days of [0, 1, 2]) {
    const wall = `${siteWall(Date.now() + days * 24 * HOUR).slice(0, 10)}T07:00`;
    if (siteInstant(wall) > Date.now() + HOUR) return wall;
  }
  return siteWall(Date.now() + 12 * HOUR);
}

// "20 kWh by 07:00 · waiting for a planned quarter hour · 12.4 kWh missing": the goal at a glance.
function goalLine(goal) {
  const by = state.ready ? ` by ${when(goal.by)}` : "";
  return `Goal: <strong>${fmt(goal.energyKWh, 1)} kWh${esc(by)}</strong> · ${esc(GOAL_STATES[goal.state] || goal.state)} · ${fmt(goal.missingKWh, 1)} kWh missing${goal.canMeet ? "" : " · <strong>cannot be met</strong>"}`;
}

// The planned quarter hours, consecutive ones joined: [{start, end, count, low, high}].
function goalRuns(slots) {
  const runs = [];
  for (const slot of slots || []) {
    const start = Date.parse(slot.start), end = Date.parse(slot.end);
    const last = runs[runs.length - 1];
    if (last && last.end === start) {
      last.end = end; last.count += 1;
      last.low = Math.min(last.low, slot.price); last.high = Math.max(last.high, slot.price);
    } else {
      runs.push({ start, end, count: 1, low: slot.price, high: slot.price });
    }
  }
  return runs;
}

function renderGoal() {
  return `<div class="goal controls">
    <div id="goal-status"></div>
    <form id="goal-form" data-action="goal" novalidate>
      <fieldset><legend>Set a goal (replaces the one in force)</legend>
        <div class="field"><label for="goal-energy">Energy in the session (kWh)</label>
          <input id="goal-energy" name="energyKWh" type="number" inputmode="decimal" min="0.1" max="1000" step="any" required aria-describedby="goal-energy-error">
          <p class="field-error" id="goal-energy-error"></p></div>
        <div class="field"><label for="goal-by">By (<span class="goal-zone">${esc(siteTime.zone)}</span>)</label>
          <input id="goal-by" name="by" type="datetime-local" required value="${esc(defaultGoalTime())}" aria-describedby="goal-by-error">
          <p class="field-error" id="goal-by-error"></p></div>
        <div class="field"><label for="goal-strategy">Strategy</label>
          <select id="goal-strategy" name="strategy" aria-describedby="goal-strategy-error">
            <option value="cheapest">Cheapest quarter hours</option><option value="solar">Solar surplus, then cheapest</option></select>
          <p class="field-error" id="goal-strategy-error"></p></div>
        <button type="submit">Set goal</button>
      </fieldset>
    </form>
    <form data-action="goal-clear"><button type="submit" class="secondary" id="goal-clear">Remove the goal</button></form>
    <p class="answer" id="goal-answer" role="status" aria-live="polite"></p>
    <p class="muted small">A goal may be set before the car is plugged in: it takes the next session. It ends with
      its session or at its deadline.</p>
  </div>`;
}

// The goal in force: its state, what is missing, the planned quarter hours and their cost.
function renderGoalStatus() {
  const element = $("#goal-status");
  if (!element || !state.selected) return;
  const connector = selectedConnector();
  const goal = connector && connector.goal;
  const clear = $("#goal-clear");
  if (clear) clear.disabled = !goal;
  if (!goal) {
    element.innerHTML = `<p class="muted" data-testid="goal-none">No goal for this connector.</p>`;
    return;
  }
  const runs = goalRuns(goal.slots);
  element.innerHTML = `<dl class="figures goal-figures" data-testid="goal">
      <div><dt>Goal</dt><dd>${fmt(goal.energyKWh, 1)} kWh by ${esc(when(goal.by))}</dd></div>
      <div><dt>Missing</dt><dd data-testid="goal-missing">${fmt(goal.missingKWh, 2)} kWh</dd></div>
      <div><dt>Expected cost</dt><dd data-testid="goal-cost">${goal.expectedCost == null ? "–" : fmt(goal.expectedCost, 2)}</dd></div>
      <div class="wide"><dt>Now</dt><dd data-testid="goal-state">${esc(GOAL_STATES[goal.state] || goal.state)}</dd></div>
      <div><dt>Can be met</dt><dd data-testid="goal-can-meet" class="${goal.canMeet ? "" : "bad"}">${goal.canMeet ? "yes" : "no"}</dd></div>
    </dl>
    <p class="why">From ${esc(GOAL_STRATEGIES[goal.strategy] || goal.strategy)}, at ${fmt(goal.powerW / 1000, 1)} kW.</p>
    ${runs.length ? `<div class="scroll"><table data-testid="goal-slots">${zoneCaption("The goal's planned quarter hours")}
      <thead><tr><th scope="col">From</th><th scope="col">To</th><th scope="col" class="num">Quarter hours</th><th scope="col" class="num">Price per kWh</th></tr></thead>
      <tbody>${runs.map((run) => `<tr><td>${when(run.start)}</td><td>${when(run.end)}</td><td class="num">${run.count}</td>
        <td class="num">${run.low === run.high ? fmt(run.low, 3) : `${fmt(run.low, 3)}–${fmt(run.high, 3)}`}</td></tr>`).join("")}</tbody>
    </table></div>` : `<p class="muted">No quarter hour planned.</p>`}`;
}

function showGoal(goal) {
  const connector = selectedConnector();
  if (connector) connector.goal = goal;
  renderGoalStatus();
  renderOverview();
  renderPanel("chart");
}

// Each error the API gives goes next to the field it names; one it does not tie to a field, under
// the form. Returns the field an error was put next to.
function showGoalErrors(message) {
  for (const id of Object.values(GOAL_FIELDS)) {
    $(`#${id}`).removeAttribute("aria-invalid");
    $(`#${id}-error`).textContent = "";
  }
  if (!message) return null;
  const name = message.split(":")[0].trim();
  const id = GOAL_FIELDS[name];
  if (!id) return null;
  $(`#${id}`).setAttribute("aria-invalid", "true");
  $(`#${id}-error`).textContent = message;
  return $(`#${id}`);
}

function bindGoal() {
  const root = $("#panel-goal");
  root.addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.target;
    const { charger, connector } = state.selected;
    const path = `/api/chargers/${encodeURIComponent(charger)}/goal`;
    const answer = $("#goal-answer");
    const button = form.querySelector("button");
    button.disabled = true;
    answer.textContent = "Sending…";
    try {
      if (form.dataset.action === "goal") {
        // What was typed goes as it is: the API checks it and names the field it refuses.
        const body = { connector, strategy: $("#goal-strategy").value };
        const energy = $("#goal-energy").value.trim();
        if (energy !== "") body.energyKWh = Number(energy);
        const by = siteInstant($("#goal-by").value);
        if (by) body.by = by.toISOString().replace(".000Z", "Z");
        const goal = await api(path, { method: "POST", body });
        showGoalErrors(null);
        showGoal(goal);
        answer.textContent = `Goal set: ${fmt(goal.energyKWh, 1)} kWh by ${when(goal.by)}; the API answered: ${GOAL_STATES[goal.state] || goal.state}, `
          + `${fmt(goal.missingKWh, 2)} kWh missing, ${goal.slots.length} quarter hours planned`
          + `${goal.expectedCost == null ? "" : `, expected cost ${fmt(goal.expectedCost, 2)}`}, ${goal.canMeet ? "can be met" : "cannot be met"}.`;
      } else {
        await api(`${path}?connector=${connector}`, { method: "DELETE" });
        showGoal(null);
        answer.textContent = "Goal removed: the rules decide alone again.";
      }
    } catch (error) {
      if (form.dataset.action === "goal") {
        const field = showGoalErrors(error.message);
        answer.textContent = field ? `Goal not set: see ${$(`label[for=${field.id}]`).textContent}.` : `Goal not set: ${error.message}`;
        if (field) field.focus();
      } else {
        answer.textContent = `Not done: ${error.message}`;
      }
    } finally {
      button.disabled = false;
      if (form.dataset.action === "goal-clear") renderGoalStatus();
    }
  });
}

// The plan of a goal moves with the clock (a quarter hour passes, the state changes): read again
// with the charts.
async function loadGoal() {
  const connector = selectedConnector();
  if (!connector || !connector.goal) return;
  const { charger, connector: id } = state.selected;
  try {
    connector.goal = await api(`/api/chargers/${encodeURIComponent(charger)}/goal?connector=${id}`);
  } catch (error) {
    if (/has no goal/.test(error.message)) connector.goal = null;
  }
  renderGoalStatus();
}

// ---------------------------------------------------------------- sessions

async function loadSessions() {
  const { charger, connector } = state.selected;
  const text = await api(`/api/transactions.csv?charger=${encodeURIComponent(charger)}&connector=${connector}&limit=20`);
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const names = header.split(",");
  panelData.sessions = lines.filter(Boolean).map((line) => {
    const values = parseCSVLine(line);
    return Object.fromEntries(names.map((name, index) => [name, values[index]]));
  });
}

function parseCSVLine(line) {
  const values = [];
  let current = "", quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { current += '"'; i++; }
      else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { values.push(current); current = ""; }
    else current += c;
  }
  values.push(current);
  return values;
}

function renderSessions() {
  const sessions = panelData.sessions;
  if (!sessions) return `<p class="muted">Loading…</p>`;
  if (!sessions.length) return `<p class="muted">No sessions yet.</p>`;
  const { charger, connector } = state.selected;
  return `<div class="scroll"><table>${zoneCaption("The latest sessions")}
    <thead><tr><th scope="col">Started</th><th scope="col">Stopped</th><th scope="col" class="num">kWh</th><th scope="col" class="num">Cost</th><th scope="col">Reason</th></tr></thead>
    <tbody>${sessions.map((s) => `<tr><td>${s.startedAt ? when(s.startedAt) : "–"}</td><td>${s.stoppedAt ? when(s.stoppedAt) : "charging"}</td>
      <td class="num">${s.energyWh ? fmt(Number(s.energyWh) / 1000, 2) : "–"}</td><td class="num">${s.cost ? fmt(Number(s.cost), 2) : "–"}</td><td>${esc(s.stopReason)}</td></tr>`).join("")}</tbody>
  </table></div>
  <p><a href="/api/transactions.csv?charger=${encodeURIComponent(charger)}&connector=${connector}" download>All sessions of this connector (CSV)</a></p>`;
}

// ---------------------------------------------------------------- timeline

async function loadTimeline() {
  const { charger, connector } = state.selected;
  const id = encodeURIComponent(charger);
  const [decisions, commands] = await Promise.all([
    api(`/api/decisions?charger=${id}&connector=${connector}&limit=30`),
    api(`/api/commands?charger=${id}&limit=30`),
  ]);
  const live = state.timeline;
  state.timeline = [
    ...decisions.map((item) => ({ kind: "decision", item })),
    ...commands.filter((c) => c.connector == null || c.connector === connector || c.connector === 0).map((item) => ({ kind: "command", item })),
  ];
  for (const entry of live) {
    if (!state.timeline.some((e) => e.kind === entry.kind && e.item.id === entry.item.id)) state.timeline.push(entry);
  }
  state.timeline.sort((a, b) => Date.parse(b.item.at) - Date.parse(a.item.at));
}

function renderTimeline() {
  if (!state.timeline.length) return `<p class="muted">Nothing recorded yet.</p>`;
  return `<ol class="timeline">${state.timeline.map(({ kind, item }) => {
    if (kind === "decision") {
      return `<li class="decision"><time datetime="${esc(item.at)}">${stamp(item.at)}</time><strong>Decided</strong>: ${esc(item.explanation || describeDecision(item))}</li>`;
    }
    const failed = FAILED.test(item.outcome);
    const why = item.reason ? ` (${esc(item.reason)})` : "";
    return `<li class="command${failed ? " failed" : ""}"><time datetime="${esc(item.at)}">${stamp(item.at)}</time><strong>${esc(item.action)}</strong>${why} by ${esc(item.source)}: the charger answered <em>${esc(item.outcome)}</em></li>`;
  }).join("")}</ol>`;
}

function describeDecision(decision) {
  if (decision.charging === false) return "pause";
  if (decision.limitAmps != null) return `limit ${fmt(decision.limitAmps)} A`;
  return decision.charging ? "charge" : "left to the charger";
}

// ---------------------------------------------------------------- rules

async function loadRules() {
  state.rules = await api("/api/rules");
}

function renderRules() {
  if (!state.rules) return `<p class="muted">Loading…</p>`;
  // Deciding: the rules behind the decision in force; active: every rule whose conditions hold.
  const connector = selectedConnector();
  const deciding = new Set((connector && connector.decision && connector.decision.rules) || []);
  const entry = state.rules.connectors.find((c) => c.charger === state.selected.charger && c.connector === state.selected.connector);
  const active = new Set([...deciding, ...((entry && entry.active) || [])]);
  const badge = (name) => deciding.has(name) ? '<span class="badge ok">deciding</span> '
    : active.has(name) ? '<span class="badge idle">active</span> ' : "";
  if (!state.rules.rules.length) return `<p class="muted">No rules loaded.</p>`;
  return `<ul class="rules">${state.rules.rules.map((rule) => `<li class="${active.has(rule.name) ? "active" : ""}">
      ${badge(rule.name)}${esc(rule.name)} <span class="muted">(${esc(rule.file.split("/").pop())}:${rule.line}, priority ${rule.priority})</span>
      <pre>${esc(rule.text)}</pre></li>`).join("")}</ul>`;
}

// ---------------------------------------------------------------- start

// One round trip before the page shows the site: the event stream (which begins with every
// charger) and the three requests go out together, from index.html's <head> before this script is
// even read (`early`, the first time); nothing waits for another. Times are drawn once
// GET /api/health has named the site's zone.
async function start(early) {
  connectEvents(early);
  try {
    const [health, inputs, tariff] = await Promise.all(early
      ? [answer(early.health), answer(early.inputs), answer(early.tariff)]
      : [api("/api/health"), api("/api/inputs"), api("/api/tariff")]);
    useZone(health.timezone || "UTC");
    $("#zone").textContent = siteTime.zone;
    $("#version").textContent = `Ampwise ${health.version} · `;
    if (!state.inputsFromStream) state.inputs = inputs;
    if (!state.tariffFromStream) state.tariff = tariff;
    state.ready = true;
    mountPanels($("#site-panels"), SITE_PANELS);
    renderSite();
    scheduleRender();
  } catch (error) {
    if (!(error instanceof Unauthorized)) {
      $("#live").textContent = `cannot reach Ampwise: ${error.message}`;
      $("#live").className = "live bad";
    }
  }
}

// The charts follow the clock and the store: refreshed every minute while the page is open.
setInterval(() => {
  if (!state.selected || document.hidden) return;
  loadGoal().then(() => loadHistory()).then(() => renderPanel("chart"), () => {});
}, 60 * 1000);
let resizeTimer;
window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(() => renderPanel("chart"), 150); });

start(window.ampwiseEarly);
