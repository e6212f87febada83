/**
 * PNG export of the current view: sigma's stacked canvases (WebGL edges and nodes, 2D labels, any
 * custom layer such as the power-grid quadrants) composited in DOM order over a background.
 */
import type Sigma from "sigma";

export interface PngOptions {
  background?: string;
}

/**
 * Composites the layers into one canvas. sigma's WebGL contexts do not preserve their drawing
 * buffer, so the view is re-rendered synchronously and copied in the same task, before the browser
 * presents (and clears) the buffers.
 */
export function compositeCanvas(sigma: Sigma, opts: PngOptions = {}): HTMLCanvasElement {
  const layers = Array.from(sigma.getContainer().querySelectorAll("canvas")).filter((c) => c.width > 0 && c.height > 0);
  const { width, height } = sigma.getDimensions();
  const w = layers[0]?.width ?? Math.max(1, Math.round(width));
  const h = layers[0]?.height ?? Math.max(1, Math.round(height));
  const out = document.createElement("canvas");
  out.width = w;
  out.height = h;
  const ctx = out.getContext("2d");
  if (!ctx) throw new Error("exportPng: no 2D canvas context available");
  ctx.fillStyle = opts.background ?? "#ffffff";
  ctx.fillRect(0, 0, w, h);
  sigma.refresh();
  for (const layer of layers) if (getComputedStyle(layer).display !== "none") ctx.drawImage(layer, 0, 0, w, h);
  return out;
}

/** The current view as a PNG blob. */
export function exportPng(sigma: Sigma, opts: PngOptions = {}): Promise<Blob> {
  const canvas = compositeCanvas(sigma, opts);
  return new Promise((ok, fail) => canvas.toBlob((b) => (b ? ok(b) : fail(new Error("exportPng: the browser could not encode the image"))), "image/png"));
}
