// Time charts as plain SVG: the quad-class timeline and the dyad series.
import { QUADS, clear, empty, formatNumber, h, niceTicks, s } from "./dom.js";

const MAX_FILLED_PERIODS = 400;

function addPeriod(iso, interval) {
  const d = new Date(`${iso}T00:00:00Z`);
  if (interval === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
  else if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

export function periodEnd(iso, interval) {
  const next = new Date(`${addPeriod(iso, interval)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() - 1);
  return next.toISOString().slice(0, 10);
}

// Every period from the first to the last, so gaps show as gaps.
export function fillPeriods(buckets, interval, blank) {
  if (buckets.length < 2) return buckets;
  const byPeriod = new Map(buckets.map((b) => [b.period, b]));
  const filled = [];
  let period = buckets[0].period;
  const last = buckets[buckets.length - 1].period;
  while (period <= last) {
    filled.push(byPeriod.get(period) || blank(period));
    if (filled.length > MAX_FILLED_PERIODS) return buckets;
    period = addPeriod(period, interval);
  }
  return filled;
}

export function periodLabel(iso, interval) {
  if (interval === "year") return iso.slice(0, 4);
  if (interval === "month") {
    const d = new Date(`${iso}T00:00:00Z`);
    return d.toLocaleString("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
  }
  return iso;
}

function frame(width, height, margin) {
  return { width, height, margin, innerW: width - margin.left - margin.right, innerH: height - margin.top - margin.bottom };
}

function yAxis(svg, f, maxValue, y, format = (v) => formatNumber(v, 0)) {
  const axis = s("g", { class: "axis" });
  for (const tick of niceTicks(maxValue)) {
    const ty = y(tick);
    axis.append(
      s("line", { class: "gridline", x1: f.margin.left, x2: f.width - f.margin.right, y1: ty, y2: ty }),
      s("text", { x: f.margin.left - 6, y: ty + 3, "text-anchor": "end" }, format(tick)),
    );
  }
  svg.append(axis);
}

function xLabels(svg, f, periods, interval, x, band) {
  const axis = s("g", { class: "axis" });
  const every = Math.max(1, Math.ceil(periods.length / Math.max(1, Math.floor(f.innerW / 70))));
  periods.forEach((period, i) => {
    if (i % every !== 0) return;
    axis.append(s("text", { x: x(i) + band / 2, y: f.height - f.margin.bottom + 14, "text-anchor": "middle" }, periodLabel(period, interval)));
  });
  axis.append(s("line", { x1: f.margin.left, x2: f.width - f.margin.right, y1: f.height - f.margin.bottom, y2: f.height - f.margin.bottom }));
  svg.append(axis);
}

// Stacked bars per period, quad classes 1-4 from the bottom; click a bar to zoom the filters to it.
export function renderTimeline(node, buckets, interval, onPick) {
  if (!buckets.length) {
    empty(node, "No dated events match the filters.");
    return;
  }
  const blank = (period) => ({ period, counts: { 1: 0, 2: 0, 3: 0, 4: 0 }, total: 0 });
  const filled = fillPeriods(buckets, interval, blank);
  const f = frame(Math.max(node.clientWidth - 24, 320), 230, { top: 10, right: 10, bottom: 24, left: 34 });
  const maxTotal = Math.max(...niceTicks(Math.max(...filled.map((b) => b.total))));
  const step = f.innerW / filled.length;
  const band = Math.max(1, Math.min(step * 0.8, 48));
  const x = (i) => f.margin.left + i * step + (step - band) / 2;
  const y = (v) => f.margin.top + f.innerH - (v / maxTotal) * f.innerH;
  const svg = s("svg", { viewBox: `0 0 ${f.width} ${f.height}`, role: "img", "aria-label": "Events per period by quad class" });
  yAxis(svg, f, maxTotal, y);
  filled.forEach((bucket, i) => {
    let base = 0;
    const group = s("g", { class: "bar", "data-period": bucket.period, onclick: () => onPick(bucket.period) });
    for (const quad of [1, 2, 3, 4]) {
      const count = bucket.counts[quad] || 0;
      if (!count) continue;
      group.append(s("rect", { x: x(i), width: band, y: y(base + count), height: Math.max(0.5, y(base) - y(base + count)), fill: QUADS[quad].color }));
      base += count;
    }
    const lines = [1, 2, 3, 4].filter((q) => bucket.counts[q]).map((q) => `${QUADS[q].label}: ${bucket.counts[q]}`);
    group.append(s("title", {}, `${periodLabel(bucket.period, interval)}: ${bucket.total} event(s)\n${lines.join("\n")}\nclick to filter to this period`));
    group.prepend(s("rect", { x: f.margin.left + i * step, width: step, y: f.margin.top, height: f.innerH, fill: "transparent" }));
    svg.append(group);
  });
  xLabels(svg, f, filled.map((b) => b.period), interval, x, band);
  clear(node).append(svg);
}

// Two panels: events per period in each direction, and the Goldstein sum per period.
export function renderDyad(node, series) {
  const { a, b, interval } = series;
  if (!series.total) {
    empty(node, `No events between ${a} and ${b} match the filters.`);
    return;
  }
  const ab = series.buckets.reduce((n, x) => n + x.a_to_b, 0);
  const ba = series.buckets.reduce((n, x) => n + x.b_to_a, 0);
  const caption = h(
    "p", { class: "caption" },
    `${a} ⇄ ${b}: ${series.total} event(s); ${ab} ${a}→${b}, ${ba} ${b}→${a}`,
    series.left_out ? `; ${series.left_out} undated or dated too coarsely for a ${interval} left out` : "",
  );
  if (!series.buckets.length) {
    clear(node).append(caption, h("p", { class: "empty" }, `None of them is dated to the ${interval}.`));
    return;
  }
  const blank = (period) => ({ period, count: 0, a_to_b: 0, b_to_a: 0, goldstein: 0 });
  const filled = fillPeriods(series.buckets, interval, blank);
  const colors = { ab: "#2a7f8f", ba: "#8e5ea2" };
  const f = frame(Math.max(node.clientWidth - 24, 320), 250, { top: 8, right: 10, bottom: 24, left: 40 });
  const countH = 120;
  const gap = 28;
  const goldH = f.innerH - countH - gap;
  const step = f.innerW / filled.length;
  const band = Math.max(1, Math.min(step * 0.8, 48));
  const x = (i) => f.margin.left + i * step + (step - band) / 2;
  const maxCount = Math.max(...niceTicks(Math.max(...filled.map((bk) => bk.count))));
  const yc = (v) => f.margin.top + countH - (v / maxCount) * countH;
  const maxAbs = Math.max(1, ...filled.map((bk) => Math.abs(bk.goldstein)));
  const zero = f.margin.top + countH + gap + goldH / 2;
  const yg = (v) => zero - (v / maxAbs) * (goldH / 2);
  const svg = s("svg", { viewBox: `0 0 ${f.width} ${f.height}`, role: "img", "aria-label": `Events between ${a} and ${b}` });
  yAxis(svg, { ...f, height: f.margin.top + countH + f.margin.bottom }, maxCount, yc);
  svg.append(
    s("text", { class: "axis", x: f.margin.left, y: f.margin.top + countH + gap - 6, "font-size": 10, fill: "#66788a" }, "Goldstein sum (−10 conflict … +10 cooperation per event)"),
    s("line", { class: "gridline", x1: f.margin.left, x2: f.width - f.margin.right, y1: zero, y2: zero, stroke: "#c9d2dc" }),
  );
  filled.forEach((bk, i) => {
    const label = periodLabel(bk.period, interval);
    const g = s("g", {});
    if (bk.a_to_b) g.append(s("rect", { x: x(i), width: band, y: yc(bk.a_to_b), height: yc(0) - yc(bk.a_to_b), fill: colors.ab }));
    if (bk.b_to_a) g.append(s("rect", { x: x(i), width: band, y: yc(bk.a_to_b + bk.b_to_a), height: yc(bk.a_to_b) - yc(bk.a_to_b + bk.b_to_a), fill: colors.ba }));
    if (bk.count) {
      const top = Math.min(yg(bk.goldstein), zero);
      g.append(s("rect", { x: x(i), width: band, y: top, height: Math.max(1, Math.abs(yg(bk.goldstein) - zero)), fill: bk.goldstein >= 0 ? "#0570b0" : "#d7301f" }));
    }
    g.append(s("title", {}, `${label}\n${a}→${b}: ${bk.a_to_b}\n${b}→${a}: ${bk.b_to_a}\nGoldstein sum: ${formatNumber(bk.goldstein)}`));
    svg.append(g);
  });
  xLabels(svg, f, filled.map((bk) => bk.period), interval, x, band);
  const legend = h(
    "div", { class: "legend" },
    h("span", { class: "key" }, h("span", { class: "swatch dyad-ab" }), `${a} → ${b}`),
    h("span", { class: "key" }, h("span", { class: "swatch dyad-ba" }), `${b} → ${a}`),
    h("span", { class: "key" }, h("span", { class: "swatch q2" }), "Goldstein > 0"),
    h("span", { class: "key" }, h("span", { class: "swatch q4" }), "Goldstein < 0"),
  );
  clear(node).append(caption, legend, svg);
}
