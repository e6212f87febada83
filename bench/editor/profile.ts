// Where the editor spends its main-thread time on a big map (a diagnostic script, not a test): opens
// the benchmark file like run.ts, records a CPU profile (Chrome DevTools Protocol) of the load and of
// the pan, and prints the functions with the most self time. Reuses the build run.ts left in dist/app
// unless BUILD=1.
//
//   npx tsx bench/editor/profile.ts               # N=10000
//   BUILD=1 N=1000 npx tsx bench/editor/profile.ts
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type CDPSession } from "playwright-core";
import { build, preview } from "vite";
import { freePort } from "../../apps/editor/test/e2e/harness.ts";
import { generate, toPowermapDocument } from "./graph.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const APP = resolve(HERE, "../../apps/editor");
const DIST = join(HERE, "dist");
const N = Number(process.env.N ?? 10_000);
const PAN_MS = Number(process.env.PAN_MS ?? 5_000);
const TOP = Number(process.env.TOP ?? 25);
const ARGS = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function (ms), largest first. */
function selfTimes(p: Profile): { name: string; ms: number }[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const acc = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const where = f.url ? `${f.url.replace(/^.*\//, "")}:${f.lineNumber + 1}:${f.columnNumber + 1}` : "";
    const key = `${f.functionName || "(anonymous)"} ${where}`.trim();
    acc.set(key, (acc.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  return [...acc].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
}

async function record<T>(cdp: CDPSession, label: string, fn: () => Promise<T>): Promise<T> {
  await cdp.send("Profiler.start");
  const t = Date.now();
  const out = await fn();
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
  writeFileSync(join(DIST, `profile-${label}-${N}.cpuprofile`), JSON.stringify(profile));
  const top = selfTimes(profile);
  const total = top.reduce((s, x) => s + x.ms, 0);
  console.log(`\n== ${label}: ${Date.now() - t} ms wall, ${total.toFixed(0)} ms sampled`);
  for (const x of top.slice(0, TOP)) console.log(`${x.ms.toFixed(0).padStart(7)} ms  ${x.name}`);
  return out;
}

async function main() {
  const file = join(DIST, `bench-${N}.powermap.json`);
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(toPowermapDocument(generate(N))));
  const configFile = join(APP, "vite.config.ts");
  const outDir = join(DIST, "app");
  if (process.env.BUILD === "1" || !existsSync(outDir)) await build({ root: APP, configFile, logLevel: "warn", build: { outDir, emptyOutDir: true, minify: false } });
  const port = await freePort();
  const server = await preview({ root: APP, configFile, logLevel: "warn", build: { outDir }, preview: { port, host: "127.0.0.1", strictPort: true, open: false } });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", headless: true, args: ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await context.addInitScript({ path: join(HERE, "probes.js") });
    const page = await context.newPage();
    page.on("console", (m) => console.log(`[page] ${m.text()}`));
    await page.goto(`http://127.0.0.1:${port}/?debug`);
    await page.getByTestId("sigma-container").locator("canvas").first().waitFor({ state: "attached", timeout: 60_000 });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
    // Timeline of sigma's work during the load: which processes and renders happen, and how long.
    // (A string, not a function: tsx would inject helpers the page does not have.)
    await page.evaluate(`(() => {
      const sigma = window.powermapEditor.getSigma();
      window.__log = [];
      let t = 0;
      const at = () => (performance.now() - (window.__t0 ?? performance.now())).toFixed(0);
      for (const [a, b] of [["beforeProcess", "afterProcess"], ["beforeRender", "afterRender"]]) {
        sigma.on(a, () => (t = performance.now()));
        sigma.on(b, () => window.__log.push(at() + " ms: " + b.replace("after", "").toLowerCase() + " " + (performance.now() - t).toFixed(0) + " ms"));
      }
      // Who asks for full refreshes and renders (the callers, when TRACE is set).
      if (${JSON.stringify(!!process.env.TRACE)}) for (const name of ["refresh", "scheduleRender", "setGraph", "setSettings", "setSetting"]) {
        const orig = sigma[name].bind(sigma);
        sigma[name] = (...args) => {
          if (window.__t0 !== undefined) window.__log.push(at() + " ms: " + name + " " + JSON.stringify(args[0] ?? null).slice(0, 60) + " <- " + new Error().stack.split(String.fromCharCode(10)).slice(2, 6).map((l) => l.trim().split("/").pop()).join(" < "));
          return orig(...args);
        };
      }
    })()`);
    await record(cdp, "load", async () => {
      await page.evaluate("window.__bench.armLoadTimer()");
      const loading = page.evaluate(`window.__bench.measureLoad(${N})`);
      await page.getByTestId("open-file-input").setInputFiles(file);
      console.log(`load ${(await loading as number).toFixed(0)} ms`);
      await page.waitForTimeout(1500);
      console.log(((await page.evaluate("window.__log.splice(0)")) as string[]).join("\n"));
    });
    if (process.env.SETUP) await page.evaluate(process.env.SETUP);
    await record(cdp, "pan", async () => {
      const r = (await page.evaluate(`window.__bench.panAndMeasure('[data-testid="sigma-container"]', ${PAN_MS})`)) as { frames: number[]; renders: number[] };
      const mean = r.frames.reduce((a, b) => a + b, 0) / Math.max(1, r.frames.length);
      const sorted = [...r.renders].sort((a, b) => a - b);
      console.log(`pan: ${r.frames.length} frames, mean ${mean.toFixed(1)} ms, render median ${(sorted[sorted.length >> 1] ?? NaN).toFixed(1)} ms, renders ${r.renders.map((x) => x.toFixed(0)).join(" ")}`);
    });
  } finally {
    await browser.close();
    await new Promise<void>((ok) => server.httpServer.close(() => ok()));
  }
}

await main();
