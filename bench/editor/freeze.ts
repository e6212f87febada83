// Does the editor freeze while heavy analysis runs on a big map? (A script, not a test; see README.md,
// "Freeze benchmark".) Opens a generated map of N actors / ~5N relationships (bench/lib/gen.ts) in the
// production build of the editor (File → Open), then drives the UI: size by PageRank, by betweenness
// (sampled), colour by community, an edit while a measure runs (the stale result must not be shown),
// a measure cancelled midway, and a force-directed layout stopped midway. Throughout, the page records
// every long task (PerformanceObserver "longtask"), every requestAnimationFrame gap, sigma's render
// frames (beforeRender → afterRender) and the User Timing spans the analysis client writes
// ("powermap:analysis …", src/worker/timing.ts), and attributes each long task to what overlaps it.
//
//   npx tsx bench/editor/freeze.ts                  # N=100000, rebuilds the editor into dist/freeze-app
//   N=2000 npx tsx bench/editor/freeze.ts           # quick check
//   BUILD=0 npx tsx bench/editor/freeze.ts          # reuse dist/freeze-app
//   STEPS=pagerank,community npx tsx bench/editor/freeze.ts
//   STEPS=influencers N=20000 npx tsx bench/editor/freeze.ts   # "Who influences…" main thread vs worker
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type CDPSession, type Page } from "playwright-core";
import { build, preview } from "vite";
import { freePort } from "../../apps/editor/test/e2e/harness.ts";
import { documentOfEdges, generateEdges } from "../lib/gen.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const APP = resolve(HERE, "../../apps/editor");
const DIST = join(HERE, "dist");
const N = Number(process.env.N ?? 100_000);
const STEPS = (process.env.STEPS ?? "pagerank,betweenness,community,stale,cancel,layout").split(",");
const LAYOUT_MS = Number(process.env.LAYOUT_MS ?? 6_000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** PROFILE=1: a CPU profile of each step (DevTools protocol), its top self-time functions printed. */
const PROFILE = process.env.PROFILE === "1";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

// Page side, as a string (tsx would inject helpers the page does not have). Installed before the app.
const PROBE = `(() => {
  const F = (window.__freeze = { tasks: [], spans: [], frames: [], renders: [], hooked: false });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) F.tasks.push([e.startTime, e.duration]); }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name.startsWith("powermap:")) F.spans.push([e.name.slice(9), e.startTime, e.duration]); }).observe({ type: "measure", buffered: true });
  const tick = (t) => { F.frames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  F.hook = () => {
    if (F.hooked) return;
    F.hooked = true;
    const h = window.powermapEditor;
    const sigma = h.getSigma();
    let rs = 0;
    sigma.on("beforeRender", () => (rs = performance.now()));
    sigma.on("afterRender", () => F.renders.push([rs, performance.now() - rs]));
    // sigma re-indexing nodes (updateNode: reducer + normalisation), summed per burst of calls, to
    // tell the renderer's share of "apply values" from the editor's own restyle.
    F.index = [];
    const up = sigma.updateNode.bind(sigma);
    let burst = null;
    sigma.updateNode = (k) => {
      const s = performance.now();
      try { return up(k); } finally {
        const e = performance.now();
        if (burst && s - burst[1] < 2) { burst[1] = e; burst[2] += e - s; } else { burst = [s, e, e - s]; F.index.push(burst); }
      }
    };
    // The controller's display sync (appearance change → every node restyled) as a span too.
    const c = h.getController();
    const sync = c.syncDisplay.bind(c);
    c.syncDisplay = (...a) => { const s = performance.now(); try { return sync(...a); } finally { performance.measure("powermap:display sync", { start: s, end: performance.now() }); } };
  };
  // Resolves once a background task reaches the phase, after running "then" (an expression) right there.
  F.atPhase = (phase, delayMs, then) => new Promise((resolve) => {
    const bg = window.powermapEditor.getController().background;
    const check = () => {
      if (!bg.tasks().some((t) => t.phase === phase)) return;
      off();
      setTimeout(() => { const v = window.powermapEditor.getMap().version; const busy = bg.tasks().length > 0; (0, eval)(then); resolve({ version: v, busy }); }, delayMs);
    };
    const off = bg.subscribe(check);
    check();
  });
  F.since = (t) => ({
    tasks: F.tasks.filter((x) => x[0] >= t),
    spans: F.spans.filter((x) => x[1] >= t),
    renders: F.renders.filter((x) => x[0] >= t),
    index: (F.index || []).filter((x) => x[0] >= t),
    frames: F.frames.filter((x) => x >= t),
  });
  F.state = () => {
    const h = window.powermapEditor, c = h.getController(), bg = c.background;
    return { version: h.getMap().version, order: h.getMap().graph.order, tasks: bg.tasks().map((t) => t.slot + ":" + t.phase), metric: bg.result("metric")?.version ?? null, community: bg.result("community")?.version ?? null, restyling: !!c.restyling };
  };
})()`;

type Span = [name: string, start: number, dur: number];
interface Window {
  tasks: [number, number][];
  spans: Span[];
  renders: [number, number][];
  /** Bursts of sigma updateNode calls: [start, end, summed call time]. */
  index: [number, number, number][];
  frames: number[];
}

/** Span name → what the report calls it ("analysis: …" is the analysis pipeline on the main thread). */
function kindOf(name: string): string {
  const m = /^analysis (snapshot|post|result|inline|apply)/.exec(name);
  return m ? `analysis: ${m[1] === "apply" ? "apply values" : m[1]}` : name;
}

/** What a long task was busy with: the span kind overlapping it most. */
function attribute(task: [number, number], w: Window): string {
  const [s, d] = task;
  const e = s + d;
  const overlap = (a: number, b: number) => Math.max(0, Math.min(e, b) - Math.max(s, a));
  const by = new Map<string, number>();
  const add = (k: string, ms: number) => ms > 0 && by.set(k, (by.get(k) ?? 0) + ms);
  for (const [name, a, dur] of w.spans) add(kindOf(name), overlap(a, a + dur));
  // "apply values" contains the display sync it triggers: count that sync once, under apply.
  const apply = by.get("analysis: apply values");
  if (apply) by.set("display sync", Math.max(0, (by.get("display sync") ?? 0) - apply));
  let best = "";
  let bestMs = d * 0.2; // at least a fifth of the task
  for (const [k, ms] of by) if (ms > bestMs) [best, bestMs] = [k, ms];
  if (best) return best;
  // A task holding a sigma render is a frame: on SwiftShader most of it is the browser drawing and
  // compositing the WebGL layers after sigma's own (shorter) render call.
  return w.renders.some(([a, dur]) => a < e && a + dur > s) ? "render frame" : "other";
}

interface StepReport {
  step: string;
  wallMs: number;
  longTasks: number;
  over50: number;
  byKind: Record<string, { count: number; maxMs: number; totalMs: number }>;
  spansMax: Record<string, { count: number; maxMs: number }>;
  renders: { count: number; maxMs: number };
  /** Longest "apply values" span, and sigma's updateNode time inside it. */
  apply: { maxMs: number; sigmaIndexMs: number };
  /** The display's sliced restyle (big maps): slices, the longest, sigma's updateNode time inside them. */
  restyle: { slices: number; maxMs: number; sigmaIndexMs: number };
  frameGaps: { over50: number; maxMs: number; maxWithoutRenderMs: number };
  notes: string[];
}

function summarise(step: string, wallMs: number, w: Window, notes: string[]): StepReport {
  const byKind: StepReport["byKind"] = {};
  for (const t of w.tasks) {
    const k = attribute(t, w);
    const b = (byKind[k] ??= { count: 0, maxMs: 0, totalMs: 0 });
    b.count++;
    b.maxMs = Math.max(b.maxMs, t[1]);
    b.totalMs += t[1];
  }
  const spansMax: StepReport["spansMax"] = {};
  for (const [name, , dur] of w.spans) {
    const b = (spansMax[name] ??= { count: 0, maxMs: 0 });
    b.count++;
    b.maxMs = Math.max(b.maxMs, dur);
  }
  let over50 = 0;
  let maxGap = 0;
  let maxQuiet = 0;
  for (let i = 1; i < w.frames.length; i++) {
    const a = w.frames[i - 1]!;
    const b = w.frames[i]!;
    const gap = b - a;
    if (gap > 50) over50++;
    maxGap = Math.max(maxGap, gap);
    // A gap with no sigma render inside is the UI blocked by something else.
    if (!w.renders.some(([s, d]) => s < b && s + d > a)) maxQuiet = Math.max(maxQuiet, gap);
  }
  let apply = { maxMs: 0, sigmaIndexMs: 0 };
  for (const [name, a, dur] of w.spans)
    if (name.startsWith("analysis apply") && dur > apply.maxMs) {
      const inside = w.index.filter(([s, e]) => s >= a && e <= a + dur).reduce((t, x) => t + x[2], 0);
      apply = { maxMs: dur, sigmaIndexMs: inside };
    }
  const slices = w.spans.filter(([name]) => name === "analysis restyle slice");
  const restyle = {
    slices: slices.length,
    maxMs: Math.max(0, ...slices.map((x) => x[2])),
    sigmaIndexMs: w.index.filter(([s]) => slices.some(([, a, dur]) => s >= a && s <= a + dur)).reduce((t, x) => t + x[2], 0),
  };
  return {
    step,
    wallMs,
    apply,
    restyle,
    longTasks: w.tasks.length,
    over50: w.tasks.filter((t) => t[1] > 50).length,
    byKind,
    spansMax,
    renders: { count: w.renders.length, maxMs: Math.max(0, ...w.renders.map((r) => r[1])) },
    frameGaps: { over50, maxMs: maxGap, maxWithoutRenderMs: maxQuiet },
    notes,
  };
}

const state = (page: Page) => page.evaluate("window.__freeze.state()") as Promise<{ version: number; order: number; tasks: string[]; metric: number | null; community: number | null; restyling: boolean }>;
const now = (page: Page) => page.evaluate("performance.now()") as Promise<number>;

/** Waits until `done` holds, then until the page has been free of long tasks and renders for `quietMs`. */
async function settle(page: Page, done: () => Promise<boolean>, timeoutMs = 600_000, quietMs = 1500): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > end) throw new Error("timed out waiting for the step to finish");
    await page.waitForTimeout(250);
  }
  for (;;) {
    const busyUntil = (await page.evaluate(
      "(() => { const F = window.__freeze; const t = F.tasks.at(-1); const r = F.renders.at(-1); return Math.max(t ? t[0] + t[1] : 0, r ? r[0] + r[1] : 0); })()",
    )) as number;
    if ((await now(page)) - busyUntil >= quietMs || Date.now() > end) return;
    await page.waitForTimeout(300);
  }
}

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (ms), largest first (as profile.ts). */
function selfTimes(p: Profile): { name: string; ms: number }[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const acc = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame;
    const where = f.url ? `${f.url.replace(/^.*\//, "")}:${f.lineNumber + 1}:${f.columnNumber + 1}` : "";
    const key = `${f.functionName || "(anonymous)"} ${where}`.trim();
    acc.set(key, (acc.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  return [...acc].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

let cdp: CDPSession | null = null;

async function step(page: Page, name: string, act: () => Promise<string[] | void>, done: () => Promise<boolean>): Promise<StepReport> {
  const t0 = await now(page);
  if (cdp) await cdp.send("Profiler.start");
  const notes = (await act()) ?? [];
  await settle(page, done);
  if (cdp) {
    const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
    const top = selfTimes(profile).filter((x) => !/^\((idle|program)\)/.test(x.name));
    console.log(`   profile of "${name}", top self time: ${top.slice(0, 12).map((x) => `${x.name} ${x.ms.toFixed(0)}`).join(" | ")}`);
  }
  const t1 = await now(page);
  const w = (await page.evaluate(`window.__freeze.since(${t0})`)) as Window;
  const r = summarise(name, t1 - t0, w, notes);
  const kinds = Object.entries(r.byKind)
    .sort((a, b) => b[1].maxMs - a[1].maxMs)
    .map(([k, v]) => `${k} ${v.count}× max ${v.maxMs.toFixed(0)}`)
    .join(", ");
  const spans = Object.entries(r.spansMax)
    .map(([k, v]) => `${k} ${v.count}× max ${v.maxMs.toFixed(1)}`)
    .join(", ");
  console.log(`\n== ${name}: ${(r.wallMs / 1000).toFixed(1)} s, ${r.longTasks} long tasks (${r.over50} > 50 ms): ${kinds || "none"}`);
  console.log(`   spans: ${spans || "none"}`);
  if (r.apply.maxMs > 0) console.log(`   apply values ${r.apply.maxMs.toFixed(0)} ms, of which sigma updateNode ${r.apply.sigmaIndexMs.toFixed(0)} ms`);
  if (r.restyle.slices > 0) console.log(`   restyle slices ${r.restyle.slices}, longest ${r.restyle.maxMs.toFixed(0)} ms, sigma updateNode in them ${r.restyle.sigmaIndexMs.toFixed(0)} ms`);
  console.log(`   sigma renders ${r.renders.count} (max ${r.renders.maxMs.toFixed(0)} ms); rAF gaps > 50 ms: ${r.frameGaps.over50}, max ${r.frameGaps.maxMs.toFixed(0)} ms, max without a render ${r.frameGaps.maxWithoutRenderMs.toFixed(0)} ms`);
  for (const n of r.notes) console.log(`   ${n}`);
  return r;
}

async function main() {
  mkdirSync(DIST, { recursive: true });
  const file = join(DIST, `freeze-${N}.powermap.json`);
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(documentOfEdges(generateEdges(N))));
  const configFile = join(APP, "vite.config.ts");
  const outDir = process.env.FREEZE_DIST ?? join(DIST, "freeze-app");
  if (process.env.BUILD !== "0" || !existsSync(outDir)) await build({ root: APP, configFile, logLevel: "warn", build: { outDir, emptyOutDir: true, minify: !PROFILE } });
  const port = await freePort();
  const server = await preview({ root: APP, configFile, logLevel: "warn", build: { outDir }, preview: { port, host: "127.0.0.1", strictPort: true, open: false } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const reports: StepReport[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await context.addInitScript({ content: PROBE });
    const page = await context.newPage();
    page.setDefaultTimeout(600_000); // a 100k-actor frame can take a minute on SwiftShader
    page.on("pageerror", (e) => console.log(`[page error] ${e.message}`));
    page.on("console", (m) => m.type() === "warning" || m.type() === "error" ? console.log(`[page ${m.type()}] ${m.text().slice(0, 300)}`) : undefined);
    await page.goto(`http://127.0.0.1:${port}/?debug`);
    await page.getByTestId("sigma-container").locator("canvas").first().waitFor({ state: "attached", timeout: 60_000 });
    await page.evaluate("window.__freeze.hook()");
    if (PROFILE) {
      cdp = await context.newCDPSession(page);
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 1000 });
    }
    const t = Date.now();
    await page.getByTestId("open-file-input").setInputFiles(file);
    await settle(page, async () => (await state(page)).order === N, 900_000, 3000);
    console.log(`loaded ${N} actors in ${((Date.now() - t) / 1000).toFixed(0)} s (to a quiet page)`);

    // Opened through the DOM: a click would wait out a frame that SwiftShader takes seconds to draw.
    const panel = (id: string) => page.evaluate(`document.querySelector('[data-testid="panel-${id}"]').open = true`);
    const idle = async (slot: "metric" | "community") => {
      const s = await state(page);
      // Shown = the values are current and the display's sliced restyle (big maps) has ended.
      return s.tasks.length === 0 && s[slot] === s.version && !s.restyling;
    };
    await panel("size-colour");
    await page.waitForTimeout(500);
    for (const name of STEPS) {
      if (name === "pagerank" || name === "betweenness")
        reports.push(await step(page, `size by ${name}`, () => page.selectOption("#pma-size-by", name).then(() => undefined), () => idle("metric")));
      else if (name === "community")
        reports.push(await step(page, "colour by community", () => page.selectOption("#pma-color-by", "community").then(() => undefined), () => idle("community")));
      else if (name === "stale") {
        // An edit while the worker computes: the result for the old version must be dropped, the new one shown.
        let before = 0;
        reports.push(
          await step(
            page,
            "edit while eigenvector runs",
            async () => {
              const edited = page.evaluate(`window.__freeze.atPhase("measure", 0, 'window.powermapEditor.getMap().updateActor("a7", { name: "Renamed while measuring" })')`) as Promise<{ version: number }>;
              await page.selectOption("#pma-size-by", "eigenvector");
              before = (await edited).version;
              return [`edit at version ${before} → ${before + 1} while the worker measured`];
            },
            () => idle("metric"),
          ),
        );
        const s = await state(page);
        const last = reports.at(-1)!;
        last.notes.push(`shown metric is for version ${s.metric} (map at ${s.version}): ${s.metric === s.version && s.version > before ? "fresh" : "STALE"}`);
        console.log(`   ${last.notes.at(-1)}`);
      } else if (name === "cancel") {
        reports.push(
          await step(
            page,
            "closeness cancelled midway",
            async () => {
              const cancelled = page.evaluate(`window.__freeze.atPhase("measure", 2000, 'document.querySelector("[data-testid=analysis-cancel-metric]")?.click()')`) as Promise<{ busy: boolean }>;
              await page.selectOption("#pma-size-by", "closeness");
              const { busy } = await cancelled;
              const s = await state(page);
              return [busy ? `cancelled 2 s into the measure; status now: ${s.tasks.join(", ") || "no task"}, metric shown for version ${s.metric}` : "closeness finished before the cancel"];
            },
            async () => (await state(page)).tasks.length === 0,
          ),
        );
      } else if (name === "edit") {
        // One actor moved, then (next tick) one relationship added — through the map API, which is
        // what the Inspector and the canvas call; each change goes the editor's whole way (display
        // sync, autosave). Ends when the display shows both and the autosave has finished (the
        // header's save state, watched with a MutationObserver, says saved or failed).
        let t0 = 0;
        // Also every localStorage write of the autosave key (an unchanged "Autosave failed" text
        // would not show as a mutation; the old autosave wrote the whole map there).
        const watch = `(() => { const F = window.__freeze; if (F.saves) return; F.saves = [];
          const el = document.querySelector(".pme-savestate");
          new MutationObserver(() => F.saves.push([performance.now(), el.textContent])).observe(el, { childList: true, characterData: true, subtree: true });
          const set = Storage.prototype.setItem;
          Storage.prototype.setItem = function (k, v) {
            if (k !== "powermap:autosave:v1") return set.call(this, k, v);
            try { set.call(this, k, v); F.saves.push([performance.now(), "Saved: localStorage " + (v.length / 1e6).toFixed(2) + " M chars"]); }
            catch (e) { F.saves.push([performance.now(), "Autosave failed: localStorage refused " + (v.length / 1e6).toFixed(1) + " M chars (" + e.name + ")"]); throw e; }
          }; })()`;
        reports.push(
          await step(
            page,
            "edit: move one actor, add a relationship",
            async () => {
              await page.evaluate(watch);
              t0 = await now(page);
              await page.evaluate(`window.powermapEditor.getMap().updateActor("a11", { position: { x: 12.5, y: -7.25 } })`);
              await page.waitForTimeout(300);
              await page.evaluate(`window.powermapEditor.getMap().addRelationship({ id: "freeze-edit", from: "a11", to: "a12", kind: "influence" })`);
            },
            () =>
              page.evaluate(`(() => { const d = window.powermapEditor.getController().display;
                return d.hasEdge("freeze-edit") && d.getNodeAttribute("a11", "x") === 12.5
                  && window.__freeze.saves.some(([t, s]) => t > ${t0} && /^(Saved|Autosave failed)/.test(s)); })()`) as Promise<boolean>,
          ),
        );
        const saves = (await page.evaluate(`window.__freeze.saves.filter(([t]) => t > ${t0}).map(([t, s]) => ((t - ${t0}) / 1000).toFixed(1) + " s: " + s)`)) as string[];
        // Progress updates in between are left out ("Saving… n%", one per chunk).
        const shown = saves.length > 4 ? [...saves.slice(0, 2), `… ${saves.length - 4} more …`, ...saves.slice(-2)] : saves;
        reports.at(-1)!.notes.push(`save state after the edit: ${shown.join(" → ") || "unchanged"}`);
        console.log(`   ${reports.at(-1)!.notes.at(-1)}`);
      } else if (name === "influencers") {
        // "Who influences…" the top hub (most incoming relationships), first on the main thread
        // (inlineBelow forced up: what the panel did before the worker route), then through the
        // worker. Each run follows an edit, so it pays the first-query cost (snapshot, influence
        // arrays) of a fresh revision.
        const hub = (await page.evaluate(`(() => { const g = window.powermapEditor.getMap().graph; let best = null, bd = -1;
          g.forEachNode((id) => { const d = g.inDegree(id); if (d > bd) { bd = d; best = id; } }); return { id: best, degree: bd }; })()`)) as { id: string; degree: number };
        await panel("influence");
        for (const where of ["main thread", "worker"]) {
          await page.evaluate(`(() => { const a = window.powermapEditor.getController().analysis; a.inlineBelow = ${where === "worker" ? "2000" : "Infinity"}; })()`);
          await page.evaluate(`window.powermapEditor.getMap().updateActor(${JSON.stringify(hub.id)}, { notes: "edited before the query (${where})" })`);
          await settle(page, async () => true);
          reports.push(
            await step(
              page,
              `influencers of the top hub (${hub.degree} in), ${where}`,
              async () => {
                await page.evaluate(`(() => { window.__freeze.query = window.powermapEditor.runQuery("influencers", { target: ${JSON.stringify(hub.id)} }); })()`);
                return [];
              },
              () =>
                page.evaluate(`(() => { const p = document.querySelector('section[aria-label="Who influences"]');
                  return !!p.querySelector('ol[aria-label="Influencers"]') && !p.querySelector('[data-testid="query-progress"]'); })()`) as Promise<boolean>,
            ),
          );
          const listed = (await page.evaluate(`document.querySelectorAll('section[aria-label="Who influences"] ol[aria-label="Influencers"] > li').length`)) as number;
          reports.at(-1)!.notes.push(`${listed} influencers listed`);
          console.log(`   ${reports.at(-1)!.notes.at(-1)}`);
        }
      } else if (name === "layout") {
        await panel("layouts");
        const layout = page.getByRole("region", { name: "Layouts" });
        let v0 = 0;
        reports.push(
          await step(
            page,
            `force layout, stopped after ${LAYOUT_MS / 1000} s`,
            async () => {
              await page.selectOption("#pma-size-by", "power");
              // Bulk position writes into the display graph (each one: sigma re-indexes every node and redraws).
              v0 = (await state(page)).version;
              await page.evaluate(`(() => { const F = window.__freeze; F.layoutWrites = 0;
                if (!F.layoutHooked) { F.layoutHooked = true; window.powermapEditor.getController().display.on("eachNodeAttributesUpdated", () => F.layoutWrites++); } })()`);
              await layout.getByRole("button", { name: "Force-directed" }).click();
              await page.waitForTimeout(LAYOUT_MS);
              // Read and clicked in the page: a locator would wait out a long frame, and the run may
              // have ended by itself meanwhile (its duration is 20 s at most).
              const shown = (await page.evaluate(`(() => {
                const p = document.querySelector('[data-testid="layout-progress"]')?.textContent?.trim() ?? null;
                const stop = [...document.querySelectorAll('section[aria-label="Layouts"] button')].find((b) => b.textContent === "Stop force layout");
                stop?.click();
                return p && (stop ? p : p + " (ended by itself)");
              })()`)) as string | null;
              return [`progress shown at Stop: "${shown ?? "none: the run had ended by itself"}"`];
            },
            async () => layout.getByRole("button", { name: "Force-directed" }).isVisible(),
          ),
        );
        const last = reports.at(-1)!;
        const writes = (await page.evaluate("window.__freeze.layoutWrites")) as number;
        const v1 = (await state(page)).version;
        last.notes.push(`display position writes during the run: ${writes}; positions committed: ${v1 === v0 + 1 ? "yes, one undo step" : `map version ${v0} → ${v1}`}`);
        console.log(`   ${last.notes.at(-1)}`);
      }
    }
    await page.screenshot({ path: join(DIST, `freeze-${N}.png`) });
  } finally {
    await browser.close();
    await new Promise<void>((ok) => server.httpServer.close(() => ok()));
  }
  writeFileSync(join(DIST, `freeze-${N}.json`), JSON.stringify({ date: new Date().toISOString(), n: N, chromiumArgs: ARGS, reports }, null, 2) + "\n");
}

await main();
