// "Who influences…" in real Chromium on a map just above the worker threshold (2,500 actors): the
// query runs in the analysis worker (progress shown in the panel), the ranked list equals core's
// ranking computed here in Node for the same document, and a run overtaken by an edit is dropped
// ("map changed") — the next run shows the ranking of the edited map.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { PowerMap, influencersOf, type PowerMapDocument } from "@powermap/core";
import { type OpenEditor, openEditor } from "./harness.ts";

const N = 2500;

/** A board "a0" with members, influenced directly and through chains by everyone else. */
function hubDocument(): PowerMapDocument {
  const actors: Record<string, unknown>[] = [];
  const relationships: Record<string, unknown>[] = [];
  for (let i = 0; i < N; i++) actors.push({ id: `a${i}`, name: i === 0 ? "Hub Board" : `Actor ${i}`, kind: i === 0 ? "government_body" : "person", position: { x: (i % 50) * 10, y: Math.floor(i / 50) * 10 } });
  for (let i = 1; i <= 4; i++) relationships.push({ id: `seat${i}`, from: `a${i}`, to: "a0", kind: "position", title: "Trustee" });
  for (let i = 5; i < N; i++) {
    if (i % 7 === 0) relationships.push({ id: `d${i}`, from: `a${i}`, to: `a${1 + (i % 4)}`, kind: "donation", amount: i * 10, currency: "USD", strength: 1 + (i % 5) });
    else if (i % 3 === 0) relationships.push({ id: `i${i}`, from: `a${i}`, to: "a0", kind: "influence", strength: 1 + (i % 5) });
    relationships.push({ id: `c${i}`, from: `a${i}`, to: `a${i - 1}`, kind: "professional" });
  }
  return { format: "powermap", version: 1, meta: { title: "influence worker test" }, actors, relationships } as unknown as PowerMapDocument;
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

/** The names of the ranked list, in order ("1. Actor 9" → "Actor 9"). */
async function rankedNames(): Promise<string[]> {
  const panel = page.getByRole("region", { name: "Who influences" });
  // The button's own text nodes hold the name (rank, tag and score are spans).
  return panel
    .getByRole("list", { name: "Influencers" })
    .locator(":scope > li .pma-entry-toggle")
    .evaluateAll((buttons) => buttons.map((b) => [...b.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent).join("").trim()));
}

describe("Who influences… through the analysis worker in Chromium", () => {
  it("ranks as core does for the current version; a run overtaken by an edit is dropped", async () => {
    const doc = hubDocument();
    const map = PowerMap.fromDocument(doc);
    const expected1 = influencersOf(map, "a0", {}).map((e) => e.name);
    expect(expected1.length).toBe(20);
    await page.evaluate((d) => {
      const w = window as unknown as { powermapEditor: { loadDocument(doc: unknown): void }; __progressSeen: string[] };
      w.powermapEditor.loadDocument(d);
      // Every progress line the panel shows (a MutationObserver: a fast run may show it only briefly).
      w.__progressSeen = [];
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="query-progress"]');
        if (el) w.__progressSeen.push(el.textContent ?? "");
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    }, doc as unknown);
    const panel = page.getByRole("region", { name: "Who influences" });
    const picker = panel.getByRole("combobox", { name: "Target (actor or group)" });
    await picker.fill("Hub Board");
    await picker.press("Enter");
    expect(await page.evaluate(() => (window as unknown as { powermapEditor: { getController(): { analysis: { runsInline(): boolean } } } }).powermapEditor.getController().analysis.runsInline())).toBe(false);

    await panel.getByRole("button", { name: "Find influencers" }).click();
    await panel.getByRole("list", { name: "Influencers" }).waitFor({ timeout: 60_000 });
    expect(await rankedNames()).toEqual(expected1);
    const seen = (await page.evaluate(() => (window as unknown as { __progressSeen: string[] }).__progressSeen)).join(" | ");
    expect(seen).toContain("Finding influencers of Hub Board…");

    // Run again and edit while it runs (removing the top influencer): the run is dropped.
    const top = influencersOf(map, "a0", {})[0]!.id;
    await page.evaluate((id) => {
      const w = window as unknown as { powermapEditor: { getMap(): { removeActor(id: string): void } } };
      new MutationObserver((_, obs) => {
        if (!document.querySelector('[data-testid="query-progress"]')) return;
        obs.disconnect();
        w.powermapEditor.getMap().removeActor(id);
      }).observe(document.body, { subtree: true, childList: true });
    }, top);
    await panel.getByRole("button", { name: "Find influencers" }).click();
    await expect.poll(() => panel.getByTestId("query-notice").textContent({ timeout: 100 }).catch(() => null), { timeout: 60_000 }).toContain("The map changed during the search");
    expect(await panel.getByRole("list", { name: "Influencers" }).count()).toBe(0);

    // The next run answers for the edited map.
    map.removeActor(top);
    const expected2 = influencersOf(map, "a0", {}).map((e) => e.name);
    expect(expected2).not.toEqual(expected1);
    await panel.getByRole("button", { name: "Find influencers" }).click();
    await panel.getByRole("list", { name: "Influencers" }).waitFor({ timeout: 60_000 });
    expect(await rankedNames()).toEqual(expected2);
    expect(pageErrors).toEqual([]);
  });
});
