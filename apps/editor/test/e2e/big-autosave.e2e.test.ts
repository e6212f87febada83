// Autosave of a big map in real Chromium: a map over the localStorage limit (3,000 actors + 3,000
// relationships) is written to IndexedDB in chunks at idle time, localStorage only points to it;
// an edit writes a new save; a reload restores the edited map; a save that cannot be read is
// reported and kept aside, and the example map opens instead.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { type OpenEditor, openEditor } from "./harness.ts";

const N = 3_000;
const KEY = "powermap:autosave:v1";

function bigMapFile(): string {
  const actors = Array.from({ length: N }, (_, i) => ({ id: `a${i}`, name: `Actor ${i}`, kind: "person", position: { x: (i % 60) * 10, y: Math.floor(i / 60) * 10 } }));
  const relationships = actors.map((a, i) => ({ id: `r${i}`, from: a.id, to: `a${(i * 7 + 1) % N}`, kind: "influence" }));
  const file = join(mkdtempSync(join(tmpdir(), "powermap-big-")), "big.powermap.json");
  writeFileSync(file, JSON.stringify({ format: "powermap", version: 1, meta: { title: "Big autosave" }, actors, relationships }));
  return file;
}

let editor: OpenEditor | undefined;
let page: Page;
let pageErrors: string[] = [];

const pointer = () => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? "null") as { store?: string; saveId?: string } | null, KEY);
const order = () => page.evaluate(() => (window as unknown as { powermapEditor?: { getMap(): { graph: { order: number } } } }).powermapEditor?.getMap().graph.order ?? 0);
const ready = () => page.getByTestId("sigma-container").locator("canvas").first().waitFor({ state: "attached", timeout: 120_000 });

beforeAll(async () => {
  editor = await openEditor(120_000);
  ({ page, pageErrors } = editor);
});

afterAll(async () => {
  await editor?.close();
});

describe("big-map autosave in Chromium (IndexedDB)", () => {
  it("saves a big map to IndexedDB, an edit makes a new save, and a reload restores the edited map", async () => {
    await page.getByTestId("open-file-input").setInputFiles(bigMapFile());
    await expect.poll(order, { timeout: 120_000 }).toBe(N);
    await expect.poll(async () => (await pointer())?.store, { timeout: 120_000 }).toBe("indexeddb");
    const first = (await pointer())!.saveId;
    expect(await page.evaluate((k) => localStorage.getItem(k)!.length, KEY)).toBeLessThan(300);

    await page.evaluate(() => (window as unknown as { powermapEditor: { getMap(): { updateActor(id: string, p: object): void } } }).powermapEditor.getMap().updateActor("a42", { name: "Renamed before reload" }));
    await expect.poll(async () => (await pointer())?.saveId, { timeout: 120_000 }).not.toBe(first);
    await expect.poll(() => page.locator(".pme-savestate").textContent(), { timeout: 30_000 }).toMatch(/^Saved in this browser/);

    await page.reload();
    await ready();
    await expect.poll(order, { timeout: 120_000 }).toBe(N);
    const name = await page.evaluate(() => (window as unknown as { powermapEditor: { getMap(): { getActor(id: string): { name: string } | undefined } } }).powermapEditor.getMap().getActor("a42")?.name);
    expect(name).toBe("Renamed before reload");
    expect(await page.getByText(/Restored your map from this browser/).isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it("a save that cannot be read is reported, kept aside, and the example opens", async () => {
    await page.evaluate((k) => {
      const p = JSON.parse(localStorage.getItem(k)!);
      localStorage.setItem(k, JSON.stringify({ ...p, saveId: "missing-save" }));
    }, KEY);
    await page.reload();
    await ready();
    await expect.poll(() => page.getByText(/could not be restored: the saved map is missing/).isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await order()).toBeLessThan(100); // the example map
    expect(await page.evaluate(() => localStorage.getItem("powermap:autosave:v1:unreadable"))).toContain("missing-save");
  });
});
