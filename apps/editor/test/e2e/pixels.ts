// Image checks done in the page (the browser decodes PNGs; Node has no decoder installed).
import type { Page } from "playwright-core";

export interface ImageStats {
  width: number;
  height: number;
  /** Share of pixels that are not (near) white. */
  nonWhite: number;
  /** Share of clearly coloured pixels (max−min channel ≥ 60): lit nodes/edges, not the grey fade. */
  saturated: number;
  /** Distinct colours after quantising each channel to 16 levels. */
  colors: number;
}

export async function imageStats(page: Page, png: Buffer): Promise<ImageStats> {
  return page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bmp.width, bmp.height);
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(bmp, 0, 0);
    const { data } = ctx.getImageData(0, 0, bmp.width, bmp.height);
    let nonWhite = 0;
    let saturated = 0;
    const colors = new Set<number>();
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i], g = data[i + 1], b = data[i + 2];
      if (r < 245 || g < 245 || b < 245) nonWhite++;
      if (Math.max(r, g, b) - Math.min(r, g, b) >= 60) saturated++;
      colors.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
    }
    const n = data.length / 4;
    return { width: bmp.width, height: bmp.height, nonWhite: nonWhite / n, saturated: saturated / n, colors: colors.size };
  }, png.toString("base64"));
}

/** PNG signature and IHDR size, read from the bytes. */
export function pngHeader(buf: Buffer): { isPng: boolean; width: number; height: number } {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const isPng = buf.length > 24 && sig.every((b, i) => buf[i] === b) && buf.toString("ascii", 12, 16) === "IHDR";
  return { isPng, width: isPng ? buf.readUInt32BE(16) : 0, height: isPng ? buf.readUInt32BE(20) : 0 };
}

/**
 * The most saturated colour around each point (a 5×5 pixel neighbourhood) of a PNG, as [r, g, b]:
 * thin anti-aliased lines are sampled reliably that way.
 */
export async function colorsAt(page: Page, png: Buffer, points: { x: number; y: number }[]): Promise<[number, number, number][]> {
  return page.evaluate(
    async ({ b64, pts }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
      const canvas = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = canvas.getContext("2d")!;
      ctx.drawImage(bmp, 0, 0);
      return pts.map(({ x, y }) => {
        const { data } = ctx.getImageData(Math.round(x) - 2, Math.round(y) - 2, 5, 5);
        let best: [number, number, number] = [255, 255, 255];
        let bestSat = -1;
        for (let i = 0; i < data.length; i += 4) {
          const sat = Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]);
          if (sat > bestSat) {
            bestSat = sat;
            best = [data[i], data[i + 1], data[i + 2]];
          }
        }
        return best;
      });
    },
    { b64: png.toString("base64"), pts: points },
  );
}
