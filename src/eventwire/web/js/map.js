// The map: the packaged land outline (world.json) in an equirectangular
// projection, with one circle per place sized by its events. No tiles, no network.
import { clear, formatNumber, goldsteinColor, s } from "./dom.js";

const NORTH = 84;
const SOUTH = -58;
const project = ([lon, lat]) => [lon + 180, NORTH - lat];

function ringPath(ring) {
  return ring.map((point, i) => {
    const [x, y] = project(point);
    return `${i ? "L" : "M"}${x.toFixed(2)},${y.toFixed(2)}`;
  }).join("") + "Z";
}

export function renderMap(node, world, places, onPick) {
  const height = NORTH - SOUTH;
  const svg = s("svg", { viewBox: `0 0 360 ${height}`, role: "img", "aria-label": "Events by place" });
  svg.append(s("rect", { class: "sea", x: 0, y: 0, width: 360, height }));
  const grid = s("g", { class: "graticule" });
  for (let lon = -150; lon <= 150; lon += 30) grid.append(s("line", { x1: lon + 180, x2: lon + 180, y1: 0, y2: height }));
  for (let lat = -30; lat <= 60; lat += 30) grid.append(s("line", { x1: 0, x2: 360, y1: NORTH - lat, y2: NORTH - lat }));
  svg.append(grid);
  const land = s("g", {});
  for (const feature of world.features || []) {
    const geometry = feature.geometry;
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    const d = polygons.map((rings) => rings.map(ringPath).join("")).join("");
    const kind = feature.properties && feature.properties.kind === "water" ? "water-body" : "land";
    land.append(s("path", { class: kind, d }, s("title", {}, feature.properties ? feature.properties.name : "")));
  }
  svg.append(land);
  const maxCount = Math.max(1, ...places.map((p) => p.count));
  const dots = s("g", {});
  const sorted = [...places].sort((p, q) => q.count - p.count);
  for (const place of [...sorted].reverse()) {
    const [x, y] = project([place.lon, place.lat]);
    const r = 1.6 + 5 * Math.sqrt(place.count / maxCount);
    dots.append(s("circle", {
      class: "place", cx: x, cy: y, r, fill: goldsteinColor(place.goldstein_mean),
      "data-place": place.name, onclick: () => onPick(place.name),
    }, s("title", {}, `${place.name}${place.country ? ` (${place.country})` : ""}: ${place.count} event(s), mean Goldstein ${formatNumber(place.goldstein_mean)}\nclick to filter to this place`)));
  }
  svg.append(dots);
  const labels = s("g", {});
  for (const place of sorted.slice(0, 10)) {
    const [x, y] = project([place.lon, place.lat]);
    labels.append(s("text", { class: "place-label", x: x + 3.2, y: y + 1.8 }, place.name));
  }
  svg.append(labels);
  clear(node).append(svg);
  if (!places.length) node.append(emptyNote());
}

function emptyNote() {
  const note = document.createElement("p");
  note.className = "caption";
  note.textContent = "No located events match the filters.";
  return note;
}

