// The actor network: a small deterministic force layout (no randomness, so the
// same data always draws the same picture), edges coloured by mean Goldstein.
import { clear, empty, formatNumber, goldsteinColor, s } from "./dom.js";

const GRAVITY = 0.9;

function layout(nodes, links, width, height) {
  const n = nodes.length;
  const cx = width / 2;
  const cy = height / 2;
  nodes.forEach((node, i) => {
    const angle = (2 * Math.PI * i) / n;
    node.x = cx + Math.cos(angle) * width * 0.3;
    node.y = cy + Math.sin(angle) * height * 0.3;
  });
  const k = Math.sqrt((width * height) / Math.max(n, 1)) * 0.55;
  let temperature = width / 8;
  for (let step = 0; step < 300; step += 1) {
    for (const node of nodes) { node.dx = 0; node.dy = 0; }
    for (let i = 0; i < n; i += 1) {
      for (let j = i + 1; j < n; j += 1) {
        const a = nodes[i];
        const b = nodes[j];
        let dx = a.x - b.x;
        let dy = a.y - b.y;
        let d = Math.hypot(dx, dy);
        if (d < 0.01) { dx = 0.01 * (i - j); dy = 0.01; d = Math.hypot(dx, dy); }
        const force = (k * k) / d;
        a.dx += (dx / d) * force; a.dy += (dy / d) * force;
        b.dx -= (dx / d) * force; b.dy -= (dy / d) * force;
      }
    }
    for (const link of links) {
      const dx = link.source.x - link.target.x;
      const dy = link.source.y - link.target.y;
      const d = Math.max(Math.hypot(dx, dy), 0.01);
      const force = (d * d) / k;
      link.source.dx -= (dx / d) * force; link.source.dy -= (dy / d) * force;
      link.target.dx += (dx / d) * force; link.target.dy += (dy / d) * force;
    }
    for (const node of nodes) {
      // Gravity keeps the many small components (pairs of actors) near the middle
      // instead of on the frame; stretched along x to fill the wide panel.
      node.dx += (cx - node.x) * GRAVITY;
      node.dy += (cy - node.y) * GRAVITY * (width / height);
      const d = Math.max(Math.hypot(node.dx, node.dy), 0.01);
      node.x += (node.dx / d) * Math.min(d, temperature);
      node.y += (node.dy / d) * Math.min(d, temperature);
      node.x = Math.min(width - 80, Math.max(30, node.x));
      node.y = Math.min(height - 18, Math.max(18, node.y));
    }
    temperature *= 0.985;
  }
}

export function renderNetwork(node, edges, selected, onPick) {
  if (!edges.length) {
    empty(node, "No pair of coded actors matches the filters.");
    return;
  }
  const width = Math.max(node.clientWidth - 24, 300);
  const height = 300;
  const byCode = new Map();
  const nodeFor = (code) => {
    if (!byCode.has(code)) byCode.set(code, { code, weight: 0 });
    return byCode.get(code);
  };
  const links = edges.map((edge) => ({ ...edge, source: nodeFor(edge.source), target: nodeFor(edge.target) }));
  for (const link of links) { link.source.weight += link.count; link.target.weight += link.count; }
  const nodes = [...byCode.values()];
  layout(nodes, links, width, height);
  const maxWeight = Math.max(...nodes.map((n) => n.weight));
  const radius = (n) => 4 + 9 * Math.sqrt(n.weight / maxWeight);
  const maxCount = Math.max(...links.map((l) => l.count));
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "Network of actors" });
  const defs = s("defs", {});
  defs.append(s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 5, markerHeight: 5, orient: "auto-start-reverse" },
    s("path", { d: "M0,0L10,5L0,10z", fill: "#8896a5" })));
  svg.append(defs);
  const edgeLayer = s("g", {});
  for (const link of links) {
    const { source: a, target: b } = link;
    const d = Math.max(Math.hypot(b.x - a.x, b.y - a.y), 0.01);
    const ux = (b.x - a.x) / d;
    const uy = (b.y - a.y) / d;
    // A slight curve keeps A→B and B→A apart.
    const mx = (a.x + b.x) / 2 - uy * 10;
    const my = (a.y + b.y) / 2 + ux * 10;
    const ex = b.x - ux * (radius(b) + 2);
    const ey = b.y - uy * (radius(b) + 2);
    edgeLayer.append(s("path", {
      class: "edge", d: `M${a.x},${a.y}Q${mx},${my} ${ex},${ey}`,
      stroke: goldsteinColor(link.goldstein_mean), "stroke-width": 1 + 4 * (link.count / maxCount), "marker-end": "url(#arrow)",
    }, s("title", {}, `${a.code} → ${b.code}: ${link.count} event(s), mean Goldstein ${formatNumber(link.goldstein_mean)}`)));
  }
  svg.append(edgeLayer);
  const nodeLayer = s("g", {});
  for (const n of nodes) {
    nodeLayer.append(s("circle", {
      class: `node${n.code === selected ? " selected" : ""}`, cx: n.x, cy: n.y, r: radius(n), fill: "#1d4e89",
      "data-actor": n.code, onclick: () => onPick(n.code),
    }, s("title", {}, `${n.code}: ${n.weight} event(s) in this network\nclick to filter to this actor`)));
    nodeLayer.append(s("text", { class: "node-label", x: n.x + radius(n) + 3, y: n.y + 4 }, n.code));
  }
  svg.append(nodeLayer);
  clear(node).append(svg);
}
