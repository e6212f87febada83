/**
 * SVG export of the current view. The picture is generated from what sigma displays (positions,
 * sizes and colours after the editor's reducers, and the labels sigma chose to show), so the file
 * matches the screen; text is XML-escaped because names come from strangers.
 */
import type Sigma from "sigma";

export interface SvgNode {
  x: number;
  y: number;
  r: number;
  color: string;
  label?: string | null;
}
export interface SvgEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color: string;
  /** Radius of the target node: the arrow head stops at its border. */
  targetR?: number;
  arrow?: boolean;
  /** Bend of a curved (parallel) edge, as sigma's curve program reads it; 0 or absent = straight. */
  curvature?: number;
}
/** A view in viewport pixels, ready to draw. */
export interface SvgView {
  width: number;
  height: number;
  background: string;
  font: string;
  fontSize: number;
  labelColor: string;
  nodes: SvgNode[];
  edges: SvgEdge[];
}

// Characters XML 1.0 forbids even when escaped (C0 controls except tab, newline, CR; lone surrogates).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML content and attribute values and drops characters XML cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const num = (v: number): string => (Math.round(v * 100) / 100).toString();

/** Only plain colour syntax reaches the file (a colour comes from the editor, but stay strict). */
function safeColor(c: string, fallback: string): string {
  return /^(#[0-9a-fA-F]{3,8}|rgba?\([\d.,\s%]+\)|hsla?\([\d.,\s%deg]+\)|[a-zA-Z]{3,20})$/.test(c) ? c : fallback;
}

function edgeSvg(e: SvgEdge): string {
  const color = safeColor(e.color, "#999");
  const dx = e.x2 - e.x1;
  const dy = e.y2 - e.y1;
  const len = Math.hypot(dx, dy);
  if (len < 0.5) return "";
  const k = e.curvature ?? 0;
  // The quadratic curve's control point, as @sigma/edge-curve places it (viewport y points down).
  const cx = (e.x1 + e.x2) / 2 + dy * k;
  const cy = (e.y1 + e.y2) / 2 - dx * k;
  const stroke = `fill="none" stroke="${color}" stroke-width="${num(e.width)}"`;
  const path = (x2: number, y2: number) =>
    k === 0
      ? `<line x1="${num(e.x1)}" y1="${num(e.y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${color}" stroke-width="${num(e.width)}"/>`
      : `<path d="M${num(e.x1)},${num(e.y1)} Q${num(cx)},${num(cy)} ${num(x2)},${num(y2)}" ${stroke}/>`;
  if (!e.arrow) return path(e.x2, e.y2);
  // The head points along the line, or along the curve's tangent at the target.
  const tx = k === 0 ? dx : e.x2 - cx;
  const ty = k === 0 ? dy : e.y2 - cy;
  const tl = Math.hypot(tx, ty) || 1;
  const ux = tx / tl;
  const uy = ty / tl;
  const head = Math.max(5, e.width * 2.5);
  const tipX = e.x2 - ux * (e.targetR ?? 0);
  const tipY = e.y2 - uy * (e.targetR ?? 0);
  const baseX = tipX - ux * head;
  const baseY = tipY - uy * head;
  const half = head * 0.6;
  return (
    path(baseX, baseY) +
    `<polygon points="${num(tipX)},${num(tipY)} ${num(baseX - uy * half)},${num(baseY + ux * half)} ${num(baseX + uy * half)},${num(baseY - ux * half)}" fill="${color}"/>`
  );
}

/** Serialises a view to a standalone SVG document. */
export function buildSvg(view: SvgView): string {
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(view.width)}" height="${num(view.height)}" viewBox="0 0 ${num(view.width)} ${num(view.height)}">`,
    `<rect width="100%" height="100%" fill="${safeColor(view.background, "#ffffff")}"/>`,
    `<g class="edges">`,
  ];
  for (const e of view.edges) parts.push(edgeSvg(e));
  parts.push(`</g>`, `<g class="nodes">`);
  for (const n of view.nodes)
    parts.push(`<circle cx="${num(n.x)}" cy="${num(n.y)}" r="${num(n.r)}" fill="${safeColor(n.color, "#999")}" stroke="#ffffff" stroke-width="1"/>`);
  parts.push(`</g>`, `<g class="labels" font-family="${escapeXml(view.font)}" font-size="${num(view.fontSize)}" fill="${safeColor(view.labelColor, "#000")}">`);
  for (const n of view.nodes)
    if (n.label) parts.push(`<text x="${num(n.x + n.r + 3)}" y="${num(n.y + view.fontSize / 3)}">${escapeXml(n.label)}</text>`);
  parts.push(`</g>`, `</svg>`);
  return parts.join("\n");
}

/** sigma's edge programs draw an edge of size s about s/2 pixels thick (compared on screen). */
const EDGE_WIDTH = 0.5;

/** Options of {@link svgViewFromSigma}. */
export interface ViewOptions {
  background?: string;
}

/**
 * Reads the current view from sigma: display data (after reducers) for every visible node and edge
 * inside the viewport, in viewport pixels, and the labels sigma currently shows.
 */
export function svgViewFromSigma(sigma: Sigma, opts: ViewOptions = {}): SvgView {
  const { width, height } = sigma.getDimensions();
  const settings = sigma.getSettings();
  const graph = sigma.getGraph();
  const shown = sigma.getNodeDisplayedLabels();
  const place = new Map<string, { x: number; y: number; r: number }>();
  const nodes: SvgNode[] = [];
  const margin = 50;
  graph.forEachNode((id) => {
    const d = sigma.getNodeDisplayData(id);
    if (!d || d.hidden) return;
    const p = sigma.framedGraphToViewport(d);
    const r = sigma.scaleSize(d.size);
    place.set(id, { x: p.x, y: p.y, r });
    if (p.x < -margin - r || p.y < -margin - r || p.x > width + margin + r || p.y > height + margin + r) return;
    nodes.push({ x: p.x, y: p.y, r, color: d.color, label: shown.has(id) || d.forceLabel ? d.label : null });
  });
  nodes.sort((a, b) => (a.label ? 1 : 0) - (b.label ? 1 : 0));
  const edges: SvgEdge[] = [];
  graph.forEachEdge((id, _attrs, source, target) => {
    const d = sigma.getEdgeDisplayData(id);
    const s = place.get(source);
    const t = place.get(target);
    if (!d || d.hidden || !s || !t) return;
    const outside = (Math.max(s.x, t.x) < 0 || Math.min(s.x, t.x) > width) || (Math.max(s.y, t.y) < 0 || Math.min(s.y, t.y) > height);
    if (outside) return;
    const bend = (d as unknown as { curvature?: unknown }).curvature;
    const curvature = typeof bend === "number" ? bend : 0;
    const arrow = d.type === "arrow" || d.type === "curvedArrow" || (d.type !== "line" && d.type !== "curved" && settings.defaultEdgeType === "arrow");
    edges.push({ x1: s.x, y1: s.y, x2: t.x, y2: t.y, width: Math.max(0.5, sigma.scaleSize(d.size) * EDGE_WIDTH), color: d.color, targetR: t.r, arrow, curvature });
  });
  return {
    width,
    height,
    background: opts.background ?? "#ffffff",
    font: settings.labelFont,
    fontSize: settings.labelSize,
    labelColor: "color" in settings.labelColor && settings.labelColor.color ? settings.labelColor.color : "#000000",
    nodes,
    edges,
  };
}

/** The current view as an SVG document (string). */
export function exportSvg(sigma: Sigma, opts: ViewOptions = {}): string {
  return buildSvg(svgViewFromSigma(sigma, opts));
}
