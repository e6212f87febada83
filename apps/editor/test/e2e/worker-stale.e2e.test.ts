// Background analysis in real Chromium, on a map big enough (2,500 actors) to run in the web worker:
// an edit made while the worker computes "size by PageRank" never lets the result of the old
// version reach the canvas; the result for the new version does. (The 100k-actor freeze
// measurements are a benchmark, bench/editor/freeze.ts, not a test.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { type OpenEditor, openEditor } from "./harness.ts";

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

describe("background analysis in Chromium", () => {
  it("an edit while the worker computes: the old version's result never reaches the canvas, the new one does", async () => {
    // Hub "a0" is the target of every other actor, so PageRank makes it the biggest node; the edit
    // removes all those relationships, after which it is among the smallest. A stale result would
    // therefore show a0 large at some moment.
    const out = (await page.evaluate(`(async () => {
      const h = window.powermapEditor;
      const n = 2500;
      const actors = [], relationships = [];
      for (let i = 0; i < n; i++) actors.push({ id: "a" + i, name: "Actor " + i, kind: "person", position: { x: (i % 50) * 10, y: Math.floor(i / 50) * 10 } });
      for (let i = 1; i < n; i++) relationships.push({ id: "hub" + i, from: "a" + i, to: "a0", kind: "influence" });
      for (let i = 1; i + 1 < n; i++) relationships.push({ id: "c" + i, from: "a" + i, to: "a" + (i + 1), kind: "influence" });
      h.loadDocument({ format: "powermap", version: 1, meta: { title: "worker stale test" }, actors, relationships });
      const map = h.getMap(), c = h.getController(), bg = c.background, display = c.getDisplayGraph();
      const r = (window.__stale = { editedAt: -1, phases: [], hubSizes: [] });
      // Every size a0 is given, whether one node at a time or in a bulk restyle.
      const record = () => r.hubSizes.push(display.getNodeAttribute("a0", "size"));
      display.on("nodeAttributesUpdated", (e) => { if (e.key === "a0") record(); });
      display.on("eachNodeAttributesUpdated", record);
      bg.subscribe(() => {
        for (const t of bg.tasks()) r.phases.push(t.phase);
        if (r.editedAt < 0 && bg.tasks().some((t) => t.phase === "measure")) {
          r.editedAt = map.version;
          queueMicrotask(() => map.batch("cut the hub", () => { for (let i = 1; i < n; i++) map.removeRelationship("hub" + i); }));
        }
      });
      document.querySelector('[data-testid="panel-size-colour"]').open = true;
      return true;
    })()`)) as boolean;
    expect(out).toBe(true);
    await page.selectOption("#pma-size-by", "pagerank");
    const state = () =>
      page.evaluate(`(() => {
        const h = window.powermapEditor, c = h.getController(), bg = c.background, d = c.getDisplayGraph(), s = window.__stale;
        const sizes = d.nodes().map((id) => d.getNodeAttribute(id, "size"));
        return { version: h.getMap().version, editedAt: s.editedAt, tasks: bg.tasks().length, shown: bg.result("metric")?.version ?? null, hub: d.getNodeAttribute("a0", "size"), hubSizes: s.hubSizes, phases: [...new Set(s.phases)], distinct: new Set(sizes).size, max: Math.max(...sizes) };
      })()`) as Promise<{ version: number; editedAt: number; tasks: number; shown: number | null; hub: number; hubSizes: number[]; phases: string[]; distinct: number; max: number }>;
    await expect
      .poll(
        async () => {
          const s = await state();
          return s.shown === s.version && s.editedAt >= 0 ? "done" : JSON.stringify({ ...s, hubSizes: s.hubSizes.length });
        },
        { timeout: 60_000, interval: 200 },
      )
      .toBe("done");
    const s = await state();
    expect(s.phases).toContain("measure");
    expect(s.version).toBeGreaterThan(s.editedAt); // the edit landed while the worker measured
    expect(s.tasks).toBe(0);
    expect(s.distinct).toBeGreaterThan(2); // sized by the new result
    expect(s.max).toBeGreaterThan(10);
    // The hub lost every incoming relationship: small under the new version, never shown big.
    expect(s.hub).toBeLessThan(6);
    expect(s.hubSizes.length).toBeGreaterThan(0);
    expect(Math.max(...s.hubSizes)).toBeLessThan(6);
    expect(pageErrors).toEqual([]);
  });
});
