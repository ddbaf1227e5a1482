// The story view: the article text with the chosen event's sentence, trigger,
// source and target highlighted, and the other events' triggers to jump to.
import { QUADS, clear, formatNumber, h } from "./dom.js";

// Cut [start, end) of the text into pieces at every span boundary; each piece
// carries the classes of the spans that cover it.
function pieces(text, start, end, spans) {
  const cuts = new Set([start, end]);
  for (const span of spans) {
    if (span.end <= start || span.start >= end) continue;
    cuts.add(Math.max(start, span.start));
    cuts.add(Math.min(end, span.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const [from, to] = [points[i], points[i + 1]];
    if (from === to) continue;
    const covering = spans.filter((span) => span.start <= from && span.end >= to);
    out.push({ from, to, text: text.slice(from, to), covering });
  }
  return out;
}

function renderPieces(text, start, end, spans, onPick) {
  return pieces(text, start, end, spans).map((piece) => {
    if (!piece.covering.length) return document.createTextNode(piece.text);
    const classes = [...new Set(piece.covering.map((span) => span.className))].join(" ");
    const other = piece.covering.find((span) => span.className === "hl-other");
    const node = h("span", { class: classes }, piece.text);
    if (other && !classes.includes("hl-trigger")) {
      node.title = other.title;
      node.addEventListener("click", () => onPick(other.eventId));
    }
    return node;
  });
}

function eventCard(event) {
  const quad = QUADS[event.quad_class] || { label: "?" };
  const who = (actor) => (actor ? h("span", { class: "code", title: actor.text }, actor.code) : h("span", { class: "muted" }, "—"));
  const tags = [
    h("span", { class: "tag" }, `PLOVER ${event.plover ? event.plover.type : "—"}`),
    h("span", { class: "tag" }, quad.label),
    h("span", { class: "tag" }, `Goldstein ${formatNumber(event.goldstein)}`),
    h("span", { class: "tag" }, event.date ? `${event.date} (${event.date_precision})` : "undated"),
    event.location ? h("span", { class: "tag" }, `${event.location.name} · ${event.location.source}`) : null,
    h("span", { class: "tag" }, event.modality),
    event.background ? h("span", { class: "tag" }, "background") : null,
    event.negated ? h("span", { class: "tag warn" }, "negated") : null,
    h("span", { class: "tag" }, `confidence ${event.confidence}`),
  ];
  return h(
    "div", { class: "event-card" },
    h("div", { class: "who" }, who(event.source), h("span", { class: "arrow" }, "→"),
      h("strong", {}, `${event.cameo} ${event.cameo_label}`), h("span", { class: "arrow" }, "→"), who(event.target)),
    h("div", {}, ...tags),
    event.evidence ? h("div", { class: "evidence" }, `Rule ${event.evidence.entry} · clause ${event.evidence.clause}`) : null,
  );
}

export function renderArticle(node, view, eventId, onPick) {
  const event = view.events.find((e) => e.event_id === eventId) || view.events[0];
  const sentence = event ? view.sentences.find((x) => x.sentence_id === event.sentence_id) : null;
  const spans = [];
  for (const span of view.spans) {
    if (span.kind === "quote") spans.push({ ...span, className: "hl-quote" });
    else if (event && span.event_id === event.event_id) spans.push({ ...span, className: `hl-${span.kind}` });
    else if (span.kind === "trigger") {
      const other = view.events.find((e) => e.event_id === span.event_id);
      spans.push({ ...span, className: "hl-other", eventId: span.event_id, title: other ? `${other.cameo} ${other.cameo_label}: click to show this event` : "" });
    }
  }
  const text = view.text;
  const story = h("div", { class: "story" });
  // A headline event (sentence -1) or offsets that do not match: show its sentence on its own.
  const inText = sentence && sentence.sentence_id >= 0
    && text.slice(sentence.start, sentence.end).trim() === sentence.text.trim();
  if (event && !inText) {
    const words = event.sentence;
    const at = words.indexOf(event.trigger.text);
    story.append(h("p", { class: "muted" }, "The event's sentence (not in the body text):"),
      h("mark", { class: "hl-sentence" }, at < 0 ? words : [
        words.slice(0, at), h("span", { class: "hl-trigger" }, event.trigger.text),
        words.slice(at + event.trigger.text.length)]),
      "\n\n", ...renderPieces(text, 0, text.length, spans, onPick));
  } else if (sentence) {
    story.append(...renderPieces(text, 0, sentence.start, spans, onPick));
    const mark = h("mark", { class: "hl-sentence", "data-sentence-id": sentence.sentence_id },
      ...renderPieces(text, sentence.start, sentence.end, spans, onPick));
    story.append(mark, ...renderPieces(text, sentence.end, text.length, spans, onPick));
  } else {
    story.append(...renderPieces(text, 0, text.length, spans, onPick));
  }
  const scroller = h("div", { class: "story-scroll" }, story);
  const meta = [view.date, view.source, view.article_id].filter(Boolean).join(" · ");
  const list = h("div", { class: "story-events" }, h("h4", {}, `Events in this story (${view.events.length})`),
    ...view.events.map((e) => h("button", {
      type: "button", class: e.event_id === (event && event.event_id) ? "current" : "",
      onclick: () => onPick(e.event_id),
    }, `${e.source ? e.source.code : "—"} → ${e.cameo} ${e.cameo_label} → ${e.target ? e.target.code : "—"}  (“${e.trigger.text}”)`)));
  clear(node).append(
    h("h3", {}, view.title || view.article_id),
    h("div", { class: "meta" }, meta, view.url ? " · " : "", view.url ? h("a", { href: view.url, rel: "noopener noreferrer", target: "_blank" }, "original") : null),
    event ? eventCard(event) : h("p", { class: "placeholder" }, "No events were coded in this story."),
    h("div", { class: "hl-legend" }, h("span", { class: "hl-sentence-key" }, "sentence"), h("span", { class: "hl-trigger" }, "trigger"),
      h("span", { class: "hl-source" }, "source"), h("span", { class: "hl-target" }, "target"), h("span", { class: "hl-other" }, "other events")),
    scroller,
    list,
  );
  const marked = story.querySelector("mark.hl-sentence");
  // Scroll the story box (not the page) so the sentence is in view.
  if (marked) scroller.scrollTop = Math.max(0, marked.offsetTop - scroller.clientHeight / 3);
}
