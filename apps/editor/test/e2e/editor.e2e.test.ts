// The editor as a person uses it, in real Chromium: the example map, "who influences the school
// board", exports, a broken file, drawing a map from scratch, undo/redo, and autosave across reload.
// Screenshots of the main states go to apps/editor/test-output/.
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { launchChromium, outputPath, requireChromium, serveEditor, type Launched, type Served } from "./harness.ts";
import { colorsAt, imageStats, pngHeader } from "./pixels.ts";
import { CELL_H, CELL_W, columnLeft, rowBottom } from "../../../../packages/react/src/layouts/grid-geometry.ts";

let served: Served | undefined;
let browser: Launched | undefined;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  requireChromium(); // fails (never skips) with install instructions when Chromium is missing
  served = await serveEditor();
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(served.url);
  await canvasReady();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

const canvas = (): Locator => page.getByTestId("sigma-container");
const shot = (name: string) => page.screenshot({ path: outputPath(name) });

async function canvasReady(): Promise<void> {
  await canvas().locator("canvas").first().waitFor({ state: "attached", timeout: 60_000 });
  await page.waitForTimeout(800); // first frames under SwiftShader
}

async function canvasBox() {
  const box = await canvas().boundingBox();
  if (!box) throw new Error("canvas has no box");
  return box;
}

async function tableCount(tab: "actors" | "relationships"): Promise<number> {
  await page.getByTestId("view-table").click();
  await page.getByTestId(`table-tab-${tab}`).click();
  const n = await page.getByTestId("table-view").locator('[data-testid^="table-select-"]').count();
  return n;
}

async function tableNames(): Promise<string[]> {
  await page.getByTestId("view-table").click();
  await page.getByTestId("table-tab-actors").click();
  return page.getByTestId("table-view").locator('[data-testid^="cell-"][data-testid$="-name"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
}

async function backToMap(): Promise<void> {
  await page.getByTestId("view-canvas").click();
  await canvas().waitFor({ state: "visible" });
  await page.waitForTimeout(300);
}

async function fileMenu(item: string): Promise<void> {
  await page.getByRole("button", { name: "File ▾" }).click();
  await page.getByRole("menuitem", { name: item }).click();
}

describe("powermap editor in Chromium", () => {
  it("opens on the example map, with the question panels in view", async () => {
    await expect.poll(() => canvas().isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Who influences…").first().isVisible()).toBe(true);
    const stats = await imageStats(page, await canvas().screenshot());
    expect(stats.saturated).toBeGreaterThan(0.005); // coloured nodes and edges are drawn
    await shot("01-example-map.png");
    const names = await tableNames();
    expect(names).toContain("Riverton Unified School Board");
    expect(names.length).toBeGreaterThan(20);
    await backToMap();
  });

  it("answers “who influences the school board” with a ranked list and lights the paths", async () => {
    const before = await imageStats(page, await canvas().screenshot());
    const panel = page.getByRole("region", { name: "Who influences" });
    const target = panel.getByRole("combobox", { name: "Target (actor or group)" });
    await target.fill("school board");
    await panel.getByRole("option", { name: /Riverton Unified School Board/ }).click();
    await expect.poll(() => target.inputValue()).toBe("Riverton Unified School Board");
    await panel.getByRole("button", { name: "Find influencers" }).click();
    const entries = panel.getByRole("list", { name: "Influencers" }).locator(":scope > li");
    await expect.poll(() => entries.count()).toBeGreaterThan(2);
    // Ranked: scores never increase down the list.
    const scores = (await panel.locator(".pma-score").allTextContents()).map((s) => Number(s.replace("\u2212", "-")));
    expect(scores.every((s, i) => i === 0 || Math.abs(s) <= Math.abs(scores[i - 1]) + 1e-9)).toBe(true);
    await page.waitForTimeout(500);
    const after = await imageStats(page, await canvas().screenshot());
    // Everything off the paths fades to grey; the paths keep their colour.
    expect(after.saturated).toBeGreaterThan(0);
    expect(after.saturated).toBeLessThan(before.saturated * 0.8);
    await shot("02-who-influences-results.png");

    // Open the first entry: its paths read as sentences starting from that influencer.
    const first = entries.first();
    const name = (await first.locator(".pma-entry-toggle").textContent())!.replace(/^\s*1\.\s*/, "").replace(/opposes.*$|[−\-\d.\s]+$/g, "").trim();
    await first.locator(".pma-entry-toggle").click();
    const steps = first.getByRole("list", { name: `Paths from ${name}` }).locator(".pma-steps li");
    await expect.poll(() => steps.count()).toBeGreaterThan(0);
    expect(await steps.first().textContent()).toContain(name);
    await page.waitForTimeout(500);
    const one = await imageStats(page, await canvas().screenshot());
    expect(one.saturated).toBeGreaterThan(0);
    expect(one.saturated).toBeLessThanOrEqual(after.saturated * 1.05);
    await shot("03-who-influences-one-entry.png");
    await panel.getByRole("button", { name: "Clear" }).click();
  });

  it("exports the view as PNG (a real image with content) and SVG", async () => {
    const [png] = await Promise.all([page.waitForEvent("download"), fileMenu("Export as PNG")]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync((await png.path())!);
    writeFileSync(outputPath("export.png"), bytes);
    const head = pngHeader(bytes);
    expect(head.isPng).toBe(true);
    const box = await canvasBox();
    expect(head.width).toBeGreaterThanOrEqual(Math.floor(box.width) - 1);
    const stats = await imageStats(page, bytes);
    expect(stats.nonWhite).toBeGreaterThan(0.01);
    expect(stats.colors).toBeGreaterThan(8);

    const [svg] = await Promise.all([page.waitForEvent("download"), fileMenu("Export as SVG")]);
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    const text = readFileSync((await svg.path())!, "utf8");
    writeFileSync(outputPath("export.svg"), text);
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, "image/svg+xml");
      return { error: doc.querySelector("parsererror") !== null, circles: doc.querySelectorAll("circle").length, texts: Array.from(doc.querySelectorAll("text")).map((e) => e.textContent) };
    }, text);
    expect(parsed.error).toBe(false);
    expect(parsed.circles).toBeGreaterThan(20);
    expect(parsed.texts).toContain("Riverton Unified School Board");
  });

  it("shows the problems of a broken file and leaves the open map untouched", async () => {
    const actorsBefore = await tableCount("actors");
    await backToMap();
    const broken = JSON.stringify({
      format: "powermap",
      version: 1,
      meta: {},
      actors: [
        { id: "a", name: "Ok", kind: "person" },
        { id: "b", name: "Too strong", kind: "person", stance: 7 },
      ],
      relationships: [{ id: "r1", from: "a", to: "ghost", kind: "donation" }],
    });
    await page.getByTestId("open-file-input").setInputFiles({ name: "broken.powermap.json", mimeType: "application/json", buffer: Buffer.from(broken) });
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const text = await dialog.textContent();
    expect(text).toContain("broken.powermap.json");
    expect(text).toMatch(/actors\[1\]/);
    expect(text).toMatch(/stance/);
    expect(text).toMatch(/relationships\[0\]/);
    expect(text).toMatch(/ghost/);
    await shot("04-broken-file.png");
    await dialog.getByRole("button", { name: "Close" }).click();
    expect(await tableCount("actors")).toBe(actorsBefore);
    expect(await tableNames()).toContain("Riverton Unified School Board");
    await backToMap();
  });

  it("builds a map from scratch: double-click adds actors, dragging connects them, the inspector edits, undo/redo work", async () => {
    await fileMenu("New map");
    await page.waitForTimeout(500);
    expect(await tableCount("actors")).toBe(0);
    await backToMap();
    const box = await canvasBox();
    const A = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.45 };
    const B = { x: box.x + box.width * 0.7, y: box.y + box.height * 0.6 };

    await page.mouse.dblclick(A.x, A.y);
    const name = page.getByTestId("actor-name");
    await expect.poll(() => name.isVisible()).toBe(true);
    await name.fill("Teachers Union");
    await name.press("Enter");
    await page.mouse.dblclick(B.x, B.y);
    await expect.poll(() => name.inputValue()).toMatch(/^New actor/);
    await name.fill("City Council");
    await name.press("Enter");
    await page.waitForTimeout(400);
    await shot("05-two-actors.png");

    // Connect: shift-drag from the first actor to the second, then pick the kind.
    await page.keyboard.down("Shift");
    await page.mouse.move(A.x, A.y);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) await page.mouse.move(A.x + ((B.x - A.x) * i) / 12, A.y + ((B.y - A.y) * i) / 12);
    await page.mouse.up();
    await page.keyboard.up("Shift");
    await page.getByTestId("kind-option-influence").click();
    await page.waitForTimeout(400);
    await shot("06-connected.png");
    expect(await tableCount("relationships")).toBe(1);
    await backToMap();

    // Edit a field: select the union by clicking it, set its stance in the inspector.
    await page.mouse.click(A.x, A.y);
    await expect.poll(() => page.getByTestId("actor-name").inputValue()).toBe("Teachers Union");
    const stance = page.getByTestId("actor-stance");
    await stance.selectOption("2");
    await expect.poll(() => stance.inputValue()).toBe("2");
    await shot("07-inspector-edit.png");

    // Undo the stance, redo it.
    await page.getByTestId("toolbar-undo").click();
    await expect.poll(() => page.getByTestId("actor-stance").inputValue()).toBe("");
    await page.getByTestId("toolbar-redo").click();
    await expect.poll(() => page.getByTestId("actor-stance").inputValue()).toBe("2");
    // Keyboard too: Ctrl+Z / Ctrl+Shift+Z with the focus on the page, not in a field.
    await page.getByTestId("toolbar-undo").focus();
    await page.keyboard.press("Control+z");
    await expect.poll(() => page.getByTestId("actor-stance").inputValue()).toBe("");
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => page.getByTestId("actor-stance").inputValue()).toBe("2");
  });

  it("keeps the edits across a reload (autosave)", async () => {
    await page.waitForTimeout(800); // past the autosave debounce
    await page.reload();
    await canvasReady();
    await shot("08-after-reload.png");
    const names = await tableNames();
    expect(names.sort()).toEqual(["City Council", "Teachers Union"]);
    expect(await page.getByRole("combobox", { name: "Stance of Teachers Union" }).inputValue().catch(() => null)).toBe("2");
    expect(await tableCount("relationships")).toBe(1);
    await backToMap();
  });

  it("ignores a corrupt autosave with a notice and opens the example", async () => {
    await page.evaluate(() => localStorage.setItem("powermap:autosave:v1", "{not json"));
    await page.reload();
    await canvasReady();
    await expect.poll(() => page.getByText(/could not be restored/).isVisible()).toBe(true);
    expect(await tableNames()).toContain("Riverton Unified School Board");
    await backToMap();
    await shot("09-corrupt-autosave.png");
  });

  it("power grid: dragging an actor to another cell changes its stance and power, in one undo step", async () => {
    await page.goto(`${served!.url}?debug`);
    await canvasReady();
    await page.getByText("Layout", { exact: true }).click();
    await page.getByRole("button", { name: "Power grid" }).click();
    await page.waitForTimeout(800);
    await shot("10-power-grid.png");

    // Relationships are drawn only when asked for: none at rest, an actor's own on hover.
    const drawnEdges = () =>
      page.evaluate(() => {
        const sigma = (window as unknown as { powermapEditor: { getSigma(): import("sigma").default } }).powermapEditor.getSigma();
        return sigma.getGraph().filterEdges((e) => sigma.getEdgeDisplayData(e)?.hidden === false);
      });
    expect(await drawnEdges()).toEqual([]);
    const boardEdges = await page.evaluate(() =>
      (window as unknown as { powermapEditor: { getDocument(): { relationships: { id: string; from: string; to: string }[] } } }).powermapEditor
        .getDocument()
        .relationships.filter((r) => r.from === "school-board" || r.to === "school-board")
        .map((r) => r.id)
        .sort(),
    );
    expect(boardEdges.length).toBeGreaterThan(2);
    const board = await page.evaluate(() => {
      const sigma = (window as unknown as { powermapEditor: { getSigma(): import("sigma").default } }).powermapEditor.getSigma();
      return sigma.framedGraphToViewport(sigma.getNodeDisplayData("school-board")!);
    });
    const gridBox = await canvasBox();
    await page.mouse.move(gridBox.x + board.x, gridBox.y + board.y);
    await expect.poll(async () => (await drawnEdges()).sort()).toEqual(boardEdges);
    await page.waitForTimeout(300);
    await shot("10b-power-grid-hover.png");
    await page.mouse.move(gridBox.x + 5, gridBox.y + gridBox.height - 5);
    await expect.poll(drawnEdges).toEqual([]);

    // Every actor is named, and no two labels overlap: each label is cut to its slot's width.
    const labels = await page.evaluate(() => {
      const sigma = (window as unknown as { powermapEditor: { getSigma(): import("sigma").default } }).powermapEditor.getSigma();
      const ids = [...sigma.getNodeDisplayedLabels()];
      const o = sigma.graphToViewport({ x: 0, y: 0 });
      return {
        actors: sigma.getGraph().order,
        boxes: ids.map((id) => {
          const d = sigma.getNodeDisplayData(id) as ReturnType<typeof sigma.getNodeDisplayData> & { labelWidth?: number };
          const p = sigma.framedGraphToViewport(d!);
          const end = sigma.graphToViewport({ x: d!.labelWidth ?? 0, y: 0 });
          const size = sigma.scaleSize(d!.size);
          // The label runs from right of the node to the end of its slot; 12 px text around the centre line.
          return { id, x0: p.x + size + 3, x1: p.x + Math.hypot(end.x - o.x, end.y - o.y) - 3, y0: p.y - 6, y1: p.y + 6, slot: d!.labelWidth };
        }),
      };
    });
    expect(labels.boxes.length).toBe(labels.actors);
    for (const b of labels.boxes) expect(b.slot).toBeGreaterThan(0);
    const overlaps = labels.boxes.flatMap((a, i) => labels.boxes.slice(i + 1).filter((b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1).map((b) => `${a.id} × ${b.id}`));
    expect(overlaps).toEqual([]);
    // Where things are drawn: the actor's display position, and the centre of the target cell
    // (stance +1 = column 3, power 4 = row 3) in the grid's graph coordinates.
    const where = await page.evaluate(
      ({ id, cell }) => {
        const h = (window as unknown as { powermapEditor: { getSigma(): import("sigma").default } }).powermapEditor;
        const sigma = h.getSigma();
        const d = sigma.getNodeDisplayData(id)!;
        return { from: sigma.framedGraphToViewport(d), to: sigma.graphToViewport(cell) };
      },
      { id: "school-board", cell: { x: columnLeft(3) + CELL_W / 2, y: rowBottom(3) + CELL_H / 2 } },
    );
    const box = await canvasBox();
    const from = { x: box.x + where.from.x, y: box.y + where.from.y };
    const to = { x: box.x + where.to.x, y: box.y + where.to.y };
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
    await page.mouse.up();
    await page.waitForTimeout(600);
    await shot("11-power-grid-after-drop.png");
    await page.getByTestId("view-table").click();
    const stance = page.getByRole("combobox", { name: "Stance of Riverton Unified School Board" });
    const power = page.getByRole("combobox", { name: "Power of Riverton Unified School Board" });
    expect(await stance.inputValue()).toBe("1");
    expect(await power.inputValue()).toBe("4");
    await page.getByTestId("toolbar-undo").click();
    await expect.poll(() => stance.inputValue()).toBe("0");
    expect(await power.inputValue()).toBe("5");
    await backToMap();
    await page.getByRole("button", { name: "Leave power grid" }).click();
  });

  it("draws parallel relationships (the union's donation and endorsement to a trustee) as two curves", async () => {
    await page.goto(`${served!.url}?debug`);
    await canvasReady();
    // Frame the pair: the union on the left, the trustee on the right, 400 px apart.
    const pair = await page.evaluate(() => {
      const h = (window as unknown as { powermapEditor: { getSigma(): import("sigma").default } }).powermapEditor;
      const sigma = h.getSigma();
      const a = sigma.getNodeDisplayData("union-local")!;
      const b = sigma.getNodeDisplayData("trustee-okafor")!;
      const camera = sigma.getCamera();
      const dist = Math.hypot(sigma.framedGraphToViewport(a).x - sigma.framedGraphToViewport(b).x, sigma.framedGraphToViewport(a).y - sigma.framedGraphToViewport(b).y);
      camera.setState({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, ratio: camera.getState().ratio * (dist / 400), angle: 0 });
      sigma.refresh();
      const data = (id: string) => sigma.getEdgeDisplayData(id) as ReturnType<typeof sigma.getEdgeDisplayData> & { curvature?: number };
      return {
        donation: { type: data("don-union-okafor")!.type, curvature: data("don-union-okafor")!.curvature ?? 0, color: data("don-union-okafor")!.color },
        endorsement: { type: data("end-union-okafor")!.type, curvature: data("end-union-okafor")!.curvature ?? 0, color: data("end-union-okafor")!.color },
        s: sigma.framedGraphToViewport(sigma.getNodeDisplayData("union-local")!),
        t: sigma.framedGraphToViewport(sigma.getNodeDisplayData("trustee-okafor")!),
      };
    });
    expect(pair.donation.type).toBe("curvedArrow");
    expect(pair.endorsement.type).toBe("curvedArrow");
    expect(Math.sign(pair.donation.curvature)).toBe(-Math.sign(pair.endorsement.curvature));
    await page.waitForTimeout(400);
    const png = await canvas().screenshot();
    await shot("14-parallel-edges.png");
    // Points along each curve: the quadratic from the union to the trustee whose control point sits
    // curvature × length off the straight line (y points down on screen). Other relationships cross
    // here and there, so most (not all) samples must show the curve's own colour.
    const dx = pair.t.x - pair.s.x;
    const dy = pair.t.y - pair.s.y;
    const mid = { x: (pair.s.x + pair.t.x) / 2, y: (pair.s.y + pair.t.y) / 2 };
    const along = (k: number) =>
      [0.3, 0.4, 0.5, 0.6, 0.7].map((u) => {
        const c = { x: mid.x + dy * k, y: mid.y - dx * k };
        return { x: (1 - u) ** 2 * pair.s.x + 2 * u * (1 - u) * c.x + u * u * pair.t.x, y: (1 - u) ** 2 * pair.s.y + 2 * u * (1 - u) * c.y + u * u * pair.t.y };
      });
    const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
    const near = (got: number[], want: number[]) => got.every((v, i) => Math.abs(v - want[i]!) < 60);
    const hits = async (k: number, color: string) => (await colorsAt(page, png, along(k))).filter((c) => near(c, hex(color))).length;
    expect(await hits(pair.donation.curvature, pair.donation.color), "donation curve samples").toBeGreaterThanOrEqual(3);
    expect(await hits(pair.endorsement.curvature, pair.endorsement.color), "endorsement curve samples").toBeGreaterThanOrEqual(3);
    // Not on top of each other: the straight line between them shows neither colour.
    const [straight] = await colorsAt(page, png, [mid]);
    expect(near(straight!, hex(pair.donation.color)) || near(straight!, hex(pair.endorsement.color))).toBe(false);
    await page.getByTestId("toolbar-fit").click();
    // The reload above closed the side panels; the layout test below expects Layout open.
    await page.getByText("Layout", { exact: true }).click();
  });

  it("force-directed layout runs in a worker, stops on demand, and is ONE undo step", async () => {
    type Pos = Record<string, { x: number; y: number } | undefined>;
    const positions = () =>
      page.evaluate(() => {
        const h = (window as unknown as { powermapEditor: { getDocument(): { actors: { id: string; position?: { x: number; y: number } }[] } } }).powermapEditor;
        return Object.fromEntries(h.getDocument().actors.map((a) => [a.id, a.position]));
      }) as Promise<Pos>;
    const before = await positions();
    const layout = page.getByRole("region", { name: "Layouts" });
    await layout.getByRole("button", { name: "Force-directed" }).click();
    await expect.poll(() => layout.getByRole("button", { name: "Stop force layout" }).isVisible()).toBe(true);
    await page.waitForTimeout(1500);
    await layout.getByRole("button", { name: "Stop force layout" }).click();
    await expect.poll(() => layout.getByRole("button", { name: "Force-directed" }).isVisible()).toBe(true);
    await page.waitForTimeout(300);
    await shot("12-force-layout.png");
    const after = await positions();
    const moved = Object.keys(before).filter((id) => before[id]?.x !== after[id]?.x || before[id]?.y !== after[id]?.y);
    expect(moved.length).toBeGreaterThan(Object.keys(before).length / 2);
    await page.getByTestId("toolbar-undo").click();
    await expect.poll(positions).toEqual(before);
  });

  it("finds the k best paths from the union to the school board and lists their steps", async () => {
    await page.getByText("Paths", { exact: true }).click();
    const panel = page.getByRole("region", { name: "Paths" });
    await panel.getByRole("combobox", { name: "From" }).fill("REA Local");
    await panel.getByRole("option", { name: /Riverton Education Association Local 12/ }).click();
    await panel.getByRole("combobox", { name: "To" }).fill("the school board");
    await panel.getByRole("option", { name: /Riverton Unified School Board/ }).click();
    await panel.getByRole("spinbutton", { name: "Number of paths" }).fill("2");
    await panel.getByRole("button", { name: "Find paths" }).click();
    const paths = panel.getByRole("list", { name: "Paths found" }).locator(":scope > li");
    await expect.poll(() => paths.count()).toBeGreaterThan(0);
    expect(await paths.count()).toBeLessThanOrEqual(2);
    const firstSteps = await paths.first().locator(".pma-steps li").allTextContents();
    expect(firstSteps[0]).toContain("Riverton Education Association Local 12");
    expect(firstSteps.at(-1)).toContain("Riverton Unified School Board");
    await page.waitForTimeout(400);
    await shot("13-paths.png");
  });

  it("imports another format (GEXF) as one undo step and exports to it", async () => {
    const before = await tableCount("actors");
    await backToMap();
    const gexf = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
<nodes><node id="a" label="Mayor Jones"/><node id="b" label="Harbor &amp; Sons Bank"/></nodes>
<edges><edge id="e1" source="b" target="a"/></edges></graph></gexf>`;
    await page.getByTestId("open-file-input").setInputFiles({ name: "city.gexf", mimeType: "application/xml", buffer: Buffer.from(gexf) });
    await expect.poll(() => page.getByText(/Opened “city\.gexf”: 2 actors, 1 relationships/).isVisible()).toBe(true);
    expect((await tableNames()).sort()).toEqual(["Harbor & Sons Bank", "Mayor Jones"]);
    await backToMap();
    const [dl] = await Promise.all([page.waitForEvent("download"), fileMenu("Export as GEXF 1.3 (Gephi)")]);
    expect(dl.suggestedFilename()).toMatch(/\.gexf$/);
    const xml = readFileSync((await dl.path())!, "utf8");
    expect(xml).toContain("Mayor Jones");
    expect(xml).toContain("Harbor &amp; Sons Bank");
    await page.getByTestId("toolbar-undo").click();
    expect(await tableCount("actors")).toBe(before);
    await backToMap();
  });

  it("raised no uncaught page errors", () => {
    expect(pageErrors).toEqual([]);
  });
});
