// A query highlight on a map just above the big-map threshold (5,000 actors), in real Chromium: the
// highlighted relationships show up in the accent colour in the pixels, the rest of the map keeps
// its colours (no fade), sigma is asked for a partial repaint of the changed items only, and a
// change of highlight (A → B → none) moves the accent with it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { PowerMapDocument } from "@powermap/core";
import { type OpenEditor, openEditor } from "./harness.ts";
import { colorsAt } from "./pixels.ts";

const N = 5000; // BIG_MAP_NODES: the smallest big map
const COLS = 70;
/** Ends of the three long relationships, in the empty right half of the map. */
const ENDS: Record<string, { x: number; y: number }> = { nw: { x: 600, y: 0 }, ne: { x: 1000, y: 0 }, sw: { x: 600, y: 500 }, se: { x: 1000, y: 500 }, n: { x: 800, y: 0 }, s: { x: 800, y: 500 } };

/** Filler actors packed on the left; two diagonals (highlighted in turn) and a vertical on the right. */
function gridDocument(): PowerMapDocument {
  const filler = N - Object.keys(ENDS).length;
  const actors = [
    ...Array.from({ length: filler }, (_, i) => ({ id: `a${i}`, name: `Actor ${i}`, kind: "person", position: { x: (i % COLS) * 7, y: Math.floor(i / COLS) * 7 } })),
    ...Object.entries(ENDS).map(([id, position]) => ({ id, name: id.toUpperCase(), kind: "person", position })),
  ];
  const relationships = [
    { id: "diag1", from: "nw", to: "se", kind: "influence" },
    { id: "diag2", from: "ne", to: "sw", kind: "influence" },
    { id: "middle", from: "n", to: "s", kind: "influence" },
  ];
  return { format: "powermap", version: 1, meta: { title: "big highlight" }, actors, relationships } as unknown as PowerMapDocument;
}

let editor: OpenEditor | undefined;
let page: Page;
let pageErrors: string[] = [];

beforeAll(async () => {
  editor = await openEditor();
  ({ page, pageErrors } = editor);
});

afterAll(async () => {
  await editor?.close();
});

interface Handle {
  loadDocument(doc: unknown): void;
  getSigma(): import("sigma").default;
  getController(): { display: { order: number; size: number }; setHighlight(h: { nodes?: string[]; edges?: string[] } | null): void };
}

/** Viewport points a quarter and three quarters along each relationship (clear of the crossing). */
async function edgePoints(): Promise<Record<string, { x: number; y: number }[]>> {
  return page.evaluate(() => {
    const sigma = (window as unknown as { powermapEditor: Handle }).powermapEditor.getSigma();
    const g = sigma.getGraph();
    const out: Record<string, { x: number; y: number }[]> = {};
    for (const e of ["diag1", "diag2", "middle"]) {
      const [s, t] = g.extremities(e).map((n) => sigma.framedGraphToViewport(sigma.getNodeDisplayData(n)!));
      out[e] = [0.25, 0.75].map((f) => ({ x: s!.x + (t!.x - s!.x) * f, y: s!.y + (t!.y - s!.y) * f }));
    }
    return out;
  });
}

/** Magenta accent (#d500f9) vs the teal of an `influence` relationship (#00897b), by hue (hairlines are anti-aliased). */
const accent = ([r, g, b]: [number, number, number]) => r - g > 60 && b - g > 60;
const teal = ([r, g, b]: [number, number, number]) => g - r > 30 && b - r > 30;

async function looks(points: Record<string, { x: number; y: number }[]>): Promise<Record<string, string>> {
  const png = await page.getByTestId("sigma-container").screenshot();
  const names = Object.keys(points);
  const colours = await colorsAt(page, png, names.flatMap((n) => points[n]!));
  const out: Record<string, string> = {};
  names.forEach((n, i) => {
    const c = colours.slice(i * 2, i * 2 + 2);
    out[n] = c.every(accent) ? "accent" : c.every(teal) ? "plain" : `other ${JSON.stringify(c)}`;
  });
  return out;
}

describe("query highlight on a big map in Chromium", () => {
  it("lights the highlighted relationships through a partial repaint, without fading the rest", async () => {
    await page.evaluate((d) => {
      const w = window as unknown as { powermapEditor: Handle; __refreshes: unknown[] };
      w.powermapEditor.loadDocument(d);
    }, gridDocument() as unknown);
    await expect.poll(() => page.evaluate(() => (window as unknown as { powermapEditor: Handle }).powermapEditor.getSigma()?.getGraph().order ?? 0), { timeout: 60_000 }).toBe(N);
    // Record what sigma is asked to refresh from now on.
    await page.evaluate(() => {
      const w = window as unknown as { powermapEditor: Handle; __refreshes: unknown[] };
      const sigma = w.powermapEditor.getSigma();
      w.__refreshes = [];
      const refresh = sigma.refresh.bind(sigma);
      sigma.refresh = ((opts?: unknown) => {
        w.__refreshes.push(opts ?? null);
        return refresh(opts as never);
      }) as typeof sigma.refresh;
    });
    const points = await edgePoints();
    const plain = { diag1: "plain", diag2: "plain", middle: "plain" };
    await expect.poll(() => looks(points), { timeout: 30_000 }).toEqual(plain);

    const set = (h: { nodes?: string[]; edges?: string[] } | null) =>
      page.evaluate((hl) => (window as unknown as { powermapEditor: Handle }).powermapEditor.getController().setHighlight(hl), h);
    const refreshes = () => page.evaluate(() => (window as unknown as { __refreshes: unknown[] }).__refreshes.splice(0));

    await set({ nodes: ["nw", "se"], edges: ["diag1"] });
    await expect.poll(() => looks(points), { timeout: 30_000 }).toEqual({ diag1: "accent", diag2: "plain", middle: "plain" });
    expect(await refreshes()).toEqual([{ partialGraph: { nodes: ["nw", "se"], edges: ["diag1"] }, skipIndexation: true, schedule: true }]);

    // A → B: the accent moves; only the actors and relationships that changed are repainted.
    await set({ nodes: ["nw", "ne", "sw"], edges: ["diag2"] });
    await expect.poll(() => looks(points), { timeout: 30_000 }).toEqual({ diag1: "plain", diag2: "accent", middle: "plain" });
    const [ab] = (await refreshes()) as { partialGraph: { nodes: string[]; edges: string[] }; skipIndexation: boolean }[];
    expect(ab!.skipIndexation).toBe(true);
    expect([...ab!.partialGraph.nodes].sort()).toEqual(["ne", "se", "sw"]);
    expect([...ab!.partialGraph.edges].sort()).toEqual(["diag1", "diag2"]);

    // Cleared: everything is back to its own colours.
    await set(null);
    await expect.poll(() => looks(points), { timeout: 30_000 }).toEqual(plain);
    expect(pageErrors).toEqual([]);
  });

  it("a camera drag brings the hidden relationships back with a render, not a re-indexing refresh", async () => {
    // Count sigma's full passes over the graph (re-running the reducers, rebuilding every buffer).
    const before = await page.evaluate(() => {
      const w = window as unknown as { powermapEditor: Handle; __full: number };
      const sigma = w.powermapEditor.getSigma();
      w.__full = 0;
      sigma.on("afterProcess", () => void w.__full++);
      // An empty spot between the packed actors and the three long relationships.
      return { start: sigma.graphToViewport({ x: 545, y: 250 }), camera: sigma.getCamera().getState() };
    });
    const box = (await page.getByTestId("sigma-container").boundingBox())!;
    await page.mouse.move(box.x + before.start.x, box.y + before.start.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + before.start.x - i * 15, box.y + before.start.y + i * 5);
    await page.mouse.up();
    const camera = await page.evaluate(() => (window as unknown as { powermapEditor: Handle }).powermapEditor.getSigma().getCamera().getState());
    expect(camera.x).not.toBe(before.camera.x);
    // The relationships are drawn again where the camera put them …
    const points = await edgePoints();
    await expect.poll(() => looks(points), { timeout: 30_000 }).toEqual({ diag1: "plain", diag2: "plain", middle: "plain" });
    // … without sigma re-indexing and re-processing the whole map.
    expect(await page.evaluate(() => (window as unknown as { __full: number }).__full)).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it("moving one actor repaints it and its relationships in place; the relationship follows it", async () => {
    // The counter of full passes installed by the previous test is still in place.
    const before = await edgePoints();
    await page.evaluate(() => {
      const w = window as unknown as { powermapEditor: Handle & { getMap(): { updateActor(id: string, patch: unknown): void } }; __full: number };
      w.__full = 0;
      w.powermapEditor.getMap().updateActor("n", { position: { x: 700, y: 0 } });
    });
    const after = await edgePoints();
    expect(after.middle![0]!.x).toBeLessThan(before.middle![0]!.x - 5);
    await expect.poll(() => looks(after), { timeout: 30_000 }).toEqual({ diag1: "plain", diag2: "plain", middle: "plain" });
    // Where the relationship ran before, a quarter of the way down, there is no line any more.
    const [was] = await colorsAt(page, await page.getByTestId("sigma-container").screenshot(), [before.middle![0]!]);
    expect(teal(was!)).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { __full: number }).__full)).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it("a new size for every actor (Size by) is repainted in place, in slices drawn once: bigger discs on screen, no full pass", async () => {
    // Pixels of the disc of "se" (an isolated end of a long relationship) in a small box around it.
    const discPixels = async (): Promise<number> => {
      const at = await page.evaluate(() => {
        const sigma = (window as unknown as { powermapEditor: Handle }).powermapEditor.getSigma();
        return sigma.framedGraphToViewport(sigma.getNodeDisplayData("se")!);
      });
      const box = (await page.getByTestId("sigma-container").boundingBox())!;
      const png = await page.screenshot({ clip: { x: box.x + at.x - 20, y: box.y + at.y - 20, width: 40, height: 40 } });
      const points = Array.from({ length: 40 * 40 }, (_, i) => ({ x: i % 40, y: Math.floor(i / 40) }));
      const colours = await colorsAt(page, png, points);
      return colours.filter(([r, g, b]) => r + g + b < 600).length; // anything but the white background
    };
    await page.evaluate(() => ((document.querySelector('[data-testid="panel-size-colour"]') as HTMLDetailsElement).open = true));
    await page.selectOption("#pma-size-by", "uniform");
    await expect.poll(() => page.evaluate(() => (window as unknown as { powermapEditor: Handle }).powermapEditor.getSigma().getNodeDisplayData("se")!.size)).toBe(7);
    const small = await discPixels();
    // The size of "se" in each frame sigma draws from here on.
    await page.evaluate(() => {
      const w = window as unknown as { powermapEditor: Handle; __full: number; __drawn: number[] };
      const sigma = w.powermapEditor.getSigma();
      w.__full = 0;
      w.__drawn = [];
      sigma.on("afterRender", () => void w.__drawn.push(sigma.getNodeDisplayData("se")!.size));
    });
    await page.selectOption("#pma-size-by", "degree");
    // "se" has the highest degree among these actors (1, the others 0): the largest disc. The
    // status bar shows the background job meanwhile without resizing the canvas (a resize would
    // make sigma re-process everything).
    await expect.poll(() => page.evaluate(() => (window as unknown as { powermapEditor: Handle }).powermapEditor.getSigma().getNodeDisplayData("se")!.size)).toBe(18);
    await expect.poll(discPixels, { timeout: 30_000 }).toBeGreaterThan(small * 2);
    expect(await page.evaluate(() => (window as unknown as { __full: number }).__full)).toBe(0);
    // While the degrees were computed the discs kept their size (no placeholder frame), and the
    // restyle, written in slices, was drawn once — not once per slice.
    const drawn = await page.evaluate(() => (window as unknown as { __drawn: number[] }).__drawn);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.every((size) => size === 7 || size === 18)).toBe(true);
    expect(drawn.filter((size) => size === 18).length).toBeLessThanOrEqual(2);
    expect(pageErrors).toEqual([]);
  });
});
