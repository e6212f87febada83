// The force-directed layout on a map just above the live-layout threshold (2,001 actors), in real
// Chromium: it runs in the layout worker, the Layouts panel shows its progress (iterations, time
// left), the display is updated only every few seconds (not after each iteration), Stop writes the
// positions to the document, and ONE undo puts every actor back. Cancel restores without writing.
// Before the worker starts, the FA2 matrices are prepared in slices (User Timing spans
// "powermap:layout prepare"); Cancel while preparing starts no worker and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { openEditor, type OpenEditor } from "./harness.ts";

const N = 2_001; // LIVE_LAYOUT_MAX_NODES + 1
const COLS = 50;

/** A grid of actors, each linked to the next one and to one ~N/3 away (a ring with chords). */
function bigDocument() {
  const actors = Array.from({ length: N }, (_, i) => ({ id: `a${i}`, name: `Actor ${i}`, kind: "person", position: { x: (i % COLS) * 10, y: Math.floor(i / COLS) * 10 } }));
  const relationships = actors.flatMap((a, i) => [
    { id: `r${i}`, from: a.id, to: `a${(i + 1) % N}`, kind: "influence" },
    { id: `c${i}`, from: a.id, to: `a${(i * 7 + 667) % N}`, kind: "influence" },
  ]);
  return { format: "powermap", version: 1, meta: { title: "big layout" }, actors, relationships };
}

let editor: OpenEditor | undefined;
let page: Page;
let pageErrors: string[] = [];

type Pos = Record<string, { x: number; y: number } | undefined>;
interface Handle {
  loadDocument(doc: unknown): void;
  getDocument(): { actors: { id: string; position?: { x: number; y: number } }[] };
  getController(): { display: { on(event: string, fn: () => void): void }; getNodeRepainter(): Repainter | null };
}
interface Repainter {
  repaint(ids: string[], moved?: boolean): void;
  draw(): void;
}
const positions = () =>
  page.evaluate(() => {
    const h = (window as unknown as { powermapEditor: Handle }).powermapEditor;
    return Object.fromEntries(h.getDocument().actors.map((a) => [a.id, a.position]));
  }) as Promise<Pos>;
const moved = (a: Pos, b: Pos) => Object.keys(a).filter((id) => a[id]?.x !== b[id]?.x || a[id]?.y !== b[id]?.y).length;

beforeAll(async () => {
  editor = await openEditor();
  ({ page, pageErrors } = editor);
  await page.evaluate((d) => {
    const w = window as unknown as { powermapEditor: Handle; __updates: number[] };
    w.powermapEditor.loadDocument(d);
    // Every position update of the display: a bulk write into the display graph, or the one draw
    // that ends a write in slices through the renderer's repainter (what big maps use).
    w.__updates = [];
    const controller = w.powermapEditor.getController();
    controller.display.on("eachNodeAttributesUpdated", () => w.__updates.push(performance.now()));
    const repainterOf = controller.getNodeRepainter.bind(controller);
    controller.getNodeRepainter = () => {
      const r = repainterOf();
      return r && { repaint: (ids, moved) => r.repaint(ids, moved), draw: () => (w.__updates.push(performance.now()), r.draw()) };
    };
    // Workers started by the page (the layout's and the analysis client's).
    const W = window.Worker;
    const made: string[] = [];
    (window as unknown as { __workers: string[] }).__workers = made;
    window.Worker = class extends W {
      constructor(url: string | URL, opts?: WorkerOptions) {
        super(url, opts);
        made.push(opts?.name ?? "");
      }
    };
  }, bigDocument());
  await page.evaluate(() => ((document.querySelector('[data-testid="panel-layouts"]') as HTMLDetailsElement).open = true));
});

afterAll(async () => {
  await editor?.close();
});

describe("force-directed layout on a big map", () => {
  it("shows progress, updates the display every few seconds, stops into one undo step", async () => {
    const layout = page.getByRole("region", { name: "Layouts" });
    const progress = layout.getByTestId("layout-progress");
    const before = await positions();
    const t0 = (await page.evaluate("performance.now()")) as number;
    await layout.getByRole("button", { name: "Force-directed" }).click();
    // Progress: iterations counted and time left, with the throttled redraw announced.
    const text = async () => ((await progress.textContent({ timeout: 1_000 }).catch(() => "(no progress shown)")) ?? "").trim();
    await expect.poll(text, { timeout: 20_000 }).toMatch(/^[1-9]\d* iterations?, \d+ s left · map redrawn every few seconds \([1-9]\d* so far\)$/);
    const iterations = Number(/^(\d+)/.exec(await text())![1]);
    await page.waitForTimeout(1_000);
    expect(Number(/^(\d+)/.exec(await text())![1])).toBeGreaterThan(iterations); // still iterating
    await layout.getByRole("button", { name: "Stop force layout" }).click();
    await expect.poll(() => layout.getByRole("button", { name: "Force-directed" }).isVisible(), { timeout: 20_000 }).toBe(true);
    const t1 = (await page.evaluate("performance.now()")) as number;
    const updates = ((await page.evaluate("window.__updates")) as number[]).filter((t) => t >= t0);
    // At most one update every 2 s while running (+ the final positions), far fewer than iterations.
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(updates.length).toBeLessThanOrEqual(Math.floor((t1 - t0) / 2_000) + 1);
    for (let i = 1; i < updates.length - 1; i++) expect(updates[i]! - updates[i - 1]!).toBeGreaterThanOrEqual(1_990);
    expect(await layout.getByTestId("layout-progress").count()).toBe(0);

    const after = await positions();
    expect(moved(before, after)).toBeGreaterThan(N * 0.9);
    // The matrices were prepared in sliced tasks before the (one) layout worker started.
    const prepare = (await page.evaluate(`performance.getEntriesByName("powermap:layout prepare").filter((e) => e.startTime >= ${t0}).map((e) => e.duration)`)) as number[];
    expect(prepare.length).toBeGreaterThanOrEqual(1);
    expect(await page.evaluate("window.__workers.filter((n) => n === 'powermap-layout').length")).toBe(1);
    await page.getByTestId("toolbar-undo").click();
    await expect.poll(positions).toEqual(before);
    expect(pageErrors).toEqual([]);
  });

  it("Cancel while preparing: no layout worker, nothing moved or written", async () => {
    const layout = page.getByRole("region", { name: "Layouts" });
    const before = await positions();
    const workers = (await page.evaluate("window.__workers.length")) as number;
    const writes = (await page.evaluate("window.__updates.length")) as number;
    // Both clicks in one task (React renders in microtasks): the first preparation slice, a later task, never runs.
    const shown = await page.evaluate(async () => {
      const buttons = () => [...document.querySelectorAll('section[aria-label="Layouts"] button')] as HTMLButtonElement[];
      buttons().find((b) => b.textContent === "Force-directed")!.click();
      for (let i = 0; i < 5; i++) await Promise.resolve();
      const text = document.querySelector('[data-testid="layout-progress"]')?.textContent ?? "";
      buttons().find((b) => b.getAttribute("aria-label") === "Cancel force layout")!.click();
      return text;
    });
    expect(shown).toMatch(/Preparing… 0 %/);
    await expect.poll(() => layout.getByRole("button", { name: "Force-directed" }).isVisible()).toBe(true);
    await page.waitForTimeout(500);
    expect(await layout.getByTestId("layout-progress").count()).toBe(0);
    expect(await page.evaluate("window.__workers.length")).toBe(workers);
    expect(await page.evaluate("window.__updates.length")).toBe(writes);
    expect(await positions()).toEqual(before);
    expect(pageErrors).toEqual([]);
  });

  it("Cancel puts the actors back on screen and writes nothing", async () => {
    const layout = page.getByRole("region", { name: "Layouts" });
    const before = await positions();
    const shown = () =>
      page.evaluate(() => {
        const d = (window as unknown as { powermapEditor: { getController(): { display: { getNodeAttributes(id: string): { x: number; y: number } } } } }).powermapEditor.getController().display;
        return [0, 1000, 2000].map((i) => d.getNodeAttributes(`a${i}`)).map(({ x, y }) => ({ x, y }));
      });
    const start = await shown();
    await layout.getByRole("button", { name: "Force-directed" }).click();
    await expect.poll(() => layout.getByTestId("layout-progress").textContent(), { timeout: 20_000 }).toMatch(/\([1-9]\d* so far\)/);
    expect(await shown()).not.toEqual(start); // the display moved
    await layout.getByRole("button", { name: "Cancel force layout" }).click();
    await expect.poll(() => layout.getByRole("button", { name: "Force-directed" }).isVisible()).toBe(true);
    expect(await shown()).toEqual(start);
    expect(await positions()).toEqual(before);
    expect(pageErrors).toEqual([]);
  });
});
