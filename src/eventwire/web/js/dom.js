// Small DOM helpers. Data is only ever inserted as text (never as HTML), so a
// story or an actor name cannot inject markup into the page.
const SVG_NS = "http://www.w3.org/2000/svg";

export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

export function s(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function empty(node, message) {
  clear(node).append(h("p", { class: "empty" }, message));
}

export const QUADS = {
  1: { label: "Verbal cooperation", color: "#74a9cf" },
  2: { label: "Material cooperation", color: "#0570b0" },
  3: { label: "Verbal conflict", color: "#fd8d3c" },
  4: { label: "Material conflict", color: "#d7301f" },
};

// Goldstein -10 (conflict) .. +10 (cooperation) to a red - grey - blue colour.
export function goldsteinColor(value) {
  const t = Math.max(-1, Math.min(1, (value || 0) / 10));
  const grey = [150, 160, 172];
  const end = t < 0 ? [215, 48, 31] : [5, 112, 176];
  const k = Math.abs(t) ** 0.7;
  const mix = grey.map((g, i) => Math.round(g + (end[i] - g) * k));
  return `rgb(${mix.join(",")})`;
}

// Round tick values from 0 to at least max; counts get whole-number steps.
export function niceTicks(max, count = 4, whole = true) {
  if (max <= 0) return [0, 1];
  const raw = Math.max(max / count, whole ? 1 : 0);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((m) => m >= raw) || raw;
  const ticks = [];
  for (let v = 0; v <= max + step * 0.001; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

export function formatNumber(value, digits = 1) {
  return Number(value).toLocaleString("en-US", { maximumFractionDigits: digits });
}
