// Wiring: the filter form drives every panel; clicks in a panel narrow the filters.
import { ApiError, filtersFromHash, filtersToHash, getJSON, readFilters, writeFilters } from "./api.js";
import { renderArticle } from "./article.js";
import { periodEnd, renderDyad, renderTimeline } from "./charts.js";
import { QUADS, empty, h } from "./dom.js";
import { renderMap } from "./map.js";
import { renderNetwork } from "./network.js";
import { appendRows, clearRows, markSelected } from "./table.js";

const PAGE_SIZE = 50;

const page = {
  form: document.getElementById("filters"),
  error: document.getElementById("error"),
  summary: document.getElementById("store-summary"),
  timeline: document.getElementById("timeline"),
  interval: document.getElementById("timeline-interval"),
  map: document.getElementById("map"),
  network: document.getElementById("network"),
  dyadForm: document.getElementById("dyad-form"),
  dyad: document.getElementById("dyad"),
  table: document.getElementById("events-table"),
  count: document.getElementById("events-count"),
  more: document.getElementById("more"),
  article: document.getElementById("article"),
};

const state = { filters: {}, cursor: null, world: null, selected: null, article: null, dyadChosen: false };

function showError(error) {
  page.error.textContent = error instanceof ApiError ? error.message : `Something went wrong: ${error.message}`;
  page.error.hidden = false;
}

function clearError() {
  page.error.hidden = true;
}

async function guarded(task) {
  try {
    await task();
  } catch (error) {
    showError(error);
  }
}

async function loadTimeline() {
  let interval = page.interval.value;
  let data = await getJSON("/v1/stats/timeline", { ...state.filters, interval: interval === "auto" ? "month" : interval });
  if (interval === "auto") {
    interval = "month";
    const buckets = data.buckets;
    if (buckets.length > 1) {
      const first = new Date(buckets[0].period);
      const last = new Date(buckets[buckets.length - 1].period);
      const months = (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth();
      if (months > 48) {
        interval = "year";
        data = await getJSON("/v1/stats/timeline", { ...state.filters, interval });
      }
    }
  }
  renderTimeline(page.timeline, data.buckets, interval, (period) => {
    applyFilters({ ...state.filters, since: period, until: periodEnd(period, interval) });
  });
}

async function loadMap() {
  if (!state.world) state.world = await getJSON("/world.json");
  const data = await getJSON("/v1/stats/places", { ...state.filters, limit: 300 });
  renderMap(page.map, state.world, data.places, (place) => applyFilters({ ...state.filters, place }));
  const list = document.getElementById("place-list");
  list.replaceChildren(...data.places.map((p) => h("option", { value: p.name })));
}

async function loadNetwork() {
  const data = await getJSON("/v1/stats/network", { ...state.filters, max_edges: 40 });
  renderNetwork(page.network, data.edges, state.filters.actor, (actor) => applyFilters({ ...state.filters, actor }));
  if (!state.dyadChosen && data.edges.length) {
    const [first] = data.edges;
    page.dyadForm.elements.a.value = first.source;
    page.dyadForm.elements.b.value = first.target;
  }
}

async function loadActors() {
  const data = await getJSON("/v1/stats/actors", { limit: 200 });
  document.getElementById("actor-list").replaceChildren(...data.actors.map((a) => h("option", { value: a.code }, `${a.count} event(s)`)));
}

async function loadDyad() {
  const a = page.dyadForm.elements.a.value.trim();
  const b = page.dyadForm.elements.b.value.trim();
  if (!a || !b) {
    empty(page.dyad, "Pick two actors (codes such as VEN and RUS) to compare them over time.");
    return;
  }
  const { actor, ...others } = state.filters;
  const series = await getJSON("/v1/dyads", { ...others, a, b, interval: page.dyadForm.elements.interval.value });
  renderDyad(page.dyad, series);
}

async function loadEvents(append = false) {
  if (!append) {
    state.cursor = null;
    clearRows(page.table);
  }
  const data = await getJSON("/v1/events", { ...state.filters, limit: PAGE_SIZE, cursor: state.cursor });
  appendRows(page.table, data.events, openEvent);
  state.cursor = data.next_cursor;
  page.more.hidden = !data.next_cursor;
  const shown = page.table.tBodies[0].rows.length;
  page.count.textContent = `${shown} of ${data.total} shown, newest first`;
  if (!data.total) {
    page.table.tBodies[0].append(h("tr", {}, h("td", { colspan: 5, class: "muted" }, "No events match the filters.")));
  }
  if (state.selected) markSelected(page.table, state.selected);
}

async function openEvent(event) {
  state.selected = event.event_id;
  markSelected(page.table, event.event_id);
  if (!state.article || state.article.article_id !== event.article_id) {
    state.article = await getJSON(`/v1/articles/${encodeURIComponent(event.article_id)}`);
  }
  showEvent(event.event_id);
}

function showEvent(eventId) {
  state.selected = eventId;
  markSelected(page.table, eventId);
  renderArticle(page.article, state.article, eventId, (other) => showEvent(other));
}

async function refresh() {
  clearError();
  filtersToHash(state.filters);
  await Promise.all([loadTimeline, loadMap, loadNetwork, () => loadEvents()].map((task) => guarded(task)));
  await guarded(loadDyad);
  document.body.dataset.ready = "true";
}

function applyFilters(filters) {
  document.body.dataset.ready = "false";
  state.filters = filters;
  writeFilters(page.form, filters);
  return refresh();
}

async function loadChoices() {
  const [health, codes] = await Promise.all([getJSON("/v1/health"), getJSON("/v1/codes")]);
  page.summary.textContent = `${health.articles.toLocaleString()} stories · ${health.events.toLocaleString()} events · v${health.version}`;
  page.form.elements.cameo.append(...codes.cameo_roots.map((root) => h("option", { value: root.code }, `${root.code} ${root.label.toLowerCase()}`)));
  page.form.elements.plover.append(...codes.plover_types.filter((t) => t !== "NONE").map((t) => h("option", { value: t }, t)));
}

function legend() {
  document.getElementById("quad-legend").append(...[1, 2, 3, 4].map((q) =>
    h("span", { class: "key" }, h("span", { class: `swatch q${q}` }), QUADS[q].label)));
}

async function start() {
  legend();
  await guarded(loadChoices);
  guarded(loadActors);
  page.form.addEventListener("submit", (e) => {
    e.preventDefault();
    applyFilters(readFilters(page.form));
  });
  page.form.addEventListener("reset", (e) => {
    e.preventDefault();
    applyFilters({});
  });
  page.interval.addEventListener("change", () => guarded(loadTimeline));
  page.dyadForm.addEventListener("submit", (e) => {
    e.preventDefault();
    state.dyadChosen = true;
    guarded(loadDyad);
  });
  page.more.addEventListener("click", () => guarded(() => loadEvents(true)));
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => guarded(async () => { await loadTimeline(); await loadNetwork(); await loadDyad(); }), 250);
  });
  await applyFilters(filtersFromHash());
}

start();
