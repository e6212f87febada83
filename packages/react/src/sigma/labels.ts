/**
 * Node labels that fit their slot: a node whose display data carries `labelWidth` (graph units, set
 * by a position mode such as the power grid) gets its label cut with an ellipsis at that width on
 * screen, so labels in a crowded cell never run over each other. Hovering shows the full name.
 */
import type Sigma from "sigma";
import type { NodeLabelDrawingFunction } from "sigma/rendering";

/** Label font size in slots (px): a little smaller than the free labels. */
export const SLOT_LABEL_SIZE = 12;

/** Cuts `text` to at most `maxPx` pixels with "…" (measured with the context's current font). */
export function fitText(ctx: Pick<CanvasRenderingContext2D, "measureText">, text: string, maxPx: number): string {
  if (maxPx <= 0) return "";
  if (ctx.measureText(text).width <= maxPx) return text;
  // Binary search on the prefix length: labels are short, this is a handful of measurements.
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid).trimEnd()}…`).width <= maxPx) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? "" : `${text.slice(0, lo).trimEnd()}…`;
}

/** sigma's disc label, cut to `labelWidth` when the node has one. */
export function createDrawNodeLabel(getSigma: () => Sigma | null): NodeLabelDrawingFunction {
  const cache = new Map<string, string>();
  return (context, data, settings) => {
    if (!data.label) return;
    const slot = (data as { labelWidth?: number }).labelWidth;
    const sigma = getSigma();
    const size = slot && sigma ? Math.min(settings.labelSize, SLOT_LABEL_SIZE) : settings.labelSize;
    const color = settings.labelColor.attribute ? ((data as Record<string, unknown>)[settings.labelColor.attribute] as string) || settings.labelColor.color || "#000" : settings.labelColor.color;
    context.fillStyle = color ?? "#000";
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    let text = data.label;
    if (slot && sigma) {
      const a = sigma.graphToViewport({ x: 0, y: 0 });
      const b = sigma.graphToViewport({ x: slot, y: 0 });
      const maxPx = Math.floor(Math.hypot(b.x - a.x, b.y - a.y) - data.size - 6);
      const key = `${maxPx}\u0000${size}\u0000${text}`;
      let cut = cache.get(key);
      if (cut === undefined) {
        if (cache.size > 5000) cache.clear();
        cache.set(key, (cut = fitText(context, text, maxPx)));
      }
      text = cut;
    }
    if (text) context.fillText(text, data.x + data.size + 3, data.y + size / 3);
  };
}
