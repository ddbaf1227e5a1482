// The event table: one row per event record, paged with the API's cursor.
import { QUADS, clear, formatNumber, h } from "./dom.js";

function actorCell(actor) {
  if (!actor) return h("td", { class: "actor" }, h("span", { class: "muted" }, "—"));
  const words = actor.name || actor.text;
  return h("td", { class: "actor" }, h("span", { class: "code" }, actor.code), words ? h("span", { class: "words", title: words }, words) : null);
}

const QUAD_SHORT = { 1: "verbal coop", 2: "material coop", 3: "verbal conflict", 4: "material conflict" };

export function eventRow(event, onOpen) {
  const quad = QUADS[event.quad_class] || { label: "?", color: "#999" };
  const tags = [];
  if (event.background) tags.push(h("span", { class: "tag" }, "background"));
  if (event.negated) tags.push(h("span", { class: "tag warn" }, "negated"));
  if (event.modality && event.modality !== "asserted") tags.push(h("span", { class: "tag" }, event.modality));
  const row = h(
    "tr", { tabindex: 0, "data-event-id": event.event_id, "data-article-id": event.article_id },
    h("td", { class: "date" }, event.date || h("span", { class: "muted" }, "undated"),
      h("span", { class: "words" }, event.location ? event.location.name : "")),
    actorCell(event.source),
    h("td", { class: "event" },
      h("span", { class: "code" }, event.cameo), " ", event.cameo_label, " ", ...tags,
      h("span", { class: "sentence", title: event.sentence }, event.sentence)),
    actorCell(event.target),
    h("td", { class: "quad" },
      h("span", { class: `chip q${event.quad_class}`, title: quad.label }, QUAD_SHORT[event.quad_class] || "?"),
      h("span", { class: "words", title: "Goldstein scale, -10 to +10" }, `Goldstein ${formatNumber(event.goldstein)}`)),
  );
  row.addEventListener("click", () => onOpen(event, row));
  row.addEventListener("keydown", (e) => { if (e.key === "Enter") onOpen(event, row); });
  return row;
}

export function clearRows(table) {
  clear(table.tBodies[0]);
}

export function appendRows(table, events, onOpen) {
  table.tBodies[0].append(...events.map((event) => eventRow(event, onOpen)));
}

export function markSelected(table, eventId) {
  for (const row of table.tBodies[0].rows) row.classList.toggle("selected", row.dataset.eventId === eventId);
}
