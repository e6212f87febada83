/**
 * Draws the power grid under the graph: a sigma canvas layer below the edges, redrawn after every
 * render (so it pans and zooms with the map and is part of a PNG export). Cells, stance and power
 * headers and the four quadrant captions.
 */
import type Sigma from "sigma";
import { CELL_H, CELL_W, POWER_SPLIT_ROW, QUADRANTS, STANCE_HEADERS, columnLeft, rowBottom } from "./grid-geometry.ts";

const LAYER = "powermap-grid";

/** Adds the grid layer to `sigma`; returns a disposer (safe to call twice). */
export function attachGridOverlay(sigma: Sigma): () => void {
  if (sigma.getCanvases()[LAYER]) sigma.killLayer(LAYER);
  const canvas = sigma.createCanvas(LAYER, { beforeLayer: "edges", style: { pointerEvents: "none" } });
  const draw = () => drawGrid(sigma, canvas);
  sigma.on("afterRender", draw);
  sigma.on("resize", draw);
  sigma.refresh();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    sigma.off("afterRender", draw);
    sigma.off("resize", draw);
    if (sigma.getCanvases()[LAYER]) sigma.killLayer(LAYER);
    sigma.scheduleRefresh();
  };
}

function drawGrid(sigma: Sigma, canvas: HTMLCanvasElement): void {
  const { width, height } = sigma.getDimensions();
  const dpr = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const P = (x: number, y: number) => sigma.graphToViewport({ x, y });
  const rect = (x0: number, y0: number, x1: number, y1: number) => {
    const a = P(x0, y0);
    const b = P(x1, y1);
    return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(b.x - a.x), h: Math.abs(b.y - a.y) };
  };
  const cellPx = rect(0, 0, CELL_W, CELL_H);
  const font = (px: number, weight = "normal") => `${weight} ${Math.round(px)}px system-ui, sans-serif`;
  const fs = Math.max(10, Math.min(16, cellPx.w / 14));

  // Quadrant tints: opponents warm on the left, allies green on the right, neutral column plain.
  const tint = (col0: number, col1: number, color: string) => {
    const r = rect(columnLeft(col0), 0, columnLeft(col1) + CELL_W, 5 * CELL_H);
    ctx.fillStyle = color;
    ctx.fillRect(r.x, r.y, r.w, r.h);
  };
  tint(0, 1, "rgba(198, 40, 40, 0.05)");
  tint(2, 2, "rgba(212, 167, 44, 0.06)");
  tint(3, 4, "rgba(46, 125, 50, 0.06)");
  const unknown = rect(columnLeft(-1), rowBottom(-1), columnLeft(-1) + CELL_W, 5 * CELL_H);
  ctx.fillStyle = "rgba(120, 120, 120, 0.05)";
  ctx.fillRect(unknown.x, unknown.y, unknown.w, unknown.h);
  const unknownRow = rect(0, rowBottom(-1), 5 * CELL_W, rowBottom(-1) + CELL_H);
  ctx.fillRect(unknownRow.x, unknownRow.y, unknownRow.w, unknownRow.h);

  // Cell lines.
  ctx.strokeStyle = "rgba(0, 0, 0, 0.12)";
  ctx.lineWidth = 1;
  for (let c = 0; c < 5; c++)
    for (let r = 0; r < 5; r++) {
      const q = rect(columnLeft(c), rowBottom(r), columnLeft(c) + CELL_W, rowBottom(r) + CELL_H);
      ctx.strokeRect(q.x, q.y, q.w, q.h);
    }
  // Quadrant boundaries, stronger: the neutral column's edges and the "with power" line (power 3).
  ctx.strokeStyle = "rgba(0, 0, 0, 0.35)";
  ctx.lineWidth = 1.5;
  const whole = rect(0, 0, 5 * CELL_W, 5 * CELL_H);
  ctx.strokeRect(whole.x, whole.y, whole.w, whole.h);
  const split = P(0, POWER_SPLIT_ROW * CELL_H).y;
  ctx.beginPath();
  for (const c of [2, 3]) {
    const x = P(c * CELL_W, 0).x;
    ctx.moveTo(x, whole.y);
    ctx.lineTo(x, whole.y + whole.h);
  }
  ctx.moveTo(whole.x, split);
  ctx.lineTo(whole.x + whole.w, split);
  ctx.stroke();

  // Headers: stance above the grid, power left of it.
  ctx.fillStyle = "#444";
  ctx.font = font(fs, "600");
  ctx.textAlign = "center";
  ctx.textBaseline = "bottom";
  STANCE_HEADERS.forEach((h, c) => {
    const p = P(columnLeft(c) + CELL_W / 2, 5 * CELL_H);
    ctx.fillText(h, p.x, p.y - 6);
  });
  const pu = P(columnLeft(-1) + CELL_W / 2, 5 * CELL_H);
  ctx.fillText("Stance unknown", pu.x, pu.y - 6);
  const axis = P(2.5 * CELL_W, 5 * CELL_H);
  ctx.font = font(fs * 1.1, "700");
  ctx.fillText("Opposed  ←  stance  →  Supportive", axis.x, axis.y - 6 - fs * 1.6);
  ctx.font = font(fs, "600");
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (let r = 0; r < 5; r++) {
    const p = P(0, rowBottom(r) + CELL_H / 2);
    ctx.fillText(`Power ${r + 1}`, p.x - 8, p.y);
  }
  const pr = P(0, rowBottom(-1) + CELL_H / 2);
  ctx.fillText("Power unknown", pr.x - 8, pr.y);

  // Quadrant captions: at the top of the top row, at the bottom of the bottom row.
  ctx.font = font(fs * 0.9, "italic 600");
  ctx.fillStyle = "rgba(60, 60, 60, 0.8)";
  ctx.textAlign = "center";
  const inset = 5;
  for (const q of QUADRANTS) {
    const top = q.row === 4;
    const p = P(columnLeft(q.col) + CELL_W / 2, top ? rowBottom(5) : rowBottom(0));
    ctx.textBaseline = top ? "top" : "bottom";
    ctx.fillText(q.label, p.x, p.y + (top ? inset : -inset), cellPx.w - 6);
  }
}
