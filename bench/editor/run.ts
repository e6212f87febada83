// Editor benchmark (a script, not a test): opens a generated map of N actors / ~5N relationships in
// the editor (File → Open, as a user would) and in bare sigma, then pans by dragging; reports load
// time and frame times, and the editor / bare-sigma ratio. See README.md.
//
//   npx tsx bench/editor/run.ts                 # n=10000, 3 interleaved runs each
//   N=1000 RUNS=1 npx tsx bench/editor/run.ts   # quick check
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { build, preview } from "vite";
import { freePort } from "../../apps/editor/test/e2e/harness.ts";
import { generate, toPowermapDocument } from "./graph.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const APP = resolve(HERE, "../../apps/editor");
const DIST = join(HERE, "dist");
const N = Number(process.env.N ?? 10_000);
const RUNS = Number(process.env.RUNS ?? 3);
const PAN_MS = Number(process.env.PAN_MS ?? 5_000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// The flags of ../shared/research/sigma-baseline.md (software WebGL through SwiftShader).
const ARGS = ["--headless", "--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"];

// "sigma-hide": bare sigma with hideEdgesOnMove, the setting the editor uses on big maps (same
// frame work while panning); "sigma": bare sigma defaults, edges drawn while panning.
type Variant = "editor" | "sigma" | "sigma-hide";
const VARIANTS = (process.env.VARIANTS ?? "editor,sigma,sigma-hide").split(",") as Variant[];
interface Run {
  variant: Variant;
  loadMs: number;
  frames: number[];
  renders: number[];
  travel: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN;
};
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");

async function serve(root: string, outDir: string, configFile: string) {
  await build({ root, configFile, logLevel: "warn", build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({ root, configFile, logLevel: "warn", build: { outDir }, preview: { port, host: "127.0.0.1", strictPort: true, open: false } });
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((ok) => server.httpServer.close(() => ok())) };
}

async function once(browser: Browser, variant: Variant, url: string, file: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  await context.addInitScript({ path: join(HERE, "probes.js") });
  const page = await context.newPage();
  try {
    await page.goto(variant === "editor" ? `${url}?debug` : `${url}sigma.html${variant === "sigma-hide" ? "?hide=1" : ""}`);
    const input = variant === "editor" ? page.getByTestId("open-file-input") : page.locator("#open");
    if (variant === "editor") await page.getByTestId("sigma-container").locator("canvas").first().waitFor({ state: "attached", timeout: 60_000 });
    await page.evaluate(() => (window as unknown as { __bench: { armLoadTimer(): void } }).__bench.armLoadTimer());
    const loading = page.evaluate((n) => (window as unknown as { __bench: { measureLoad(n: number): Promise<number> } }).__bench.measureLoad(n), N);
    await input.setInputFiles(file);
    const loadMs = await loading;
    await page.waitForTimeout(1500); // let the editor's autosave attempt and any scheduled refresh pass
    const selector = variant === "editor" ? '[data-testid="sigma-container"]' : "#stage";
    const pan = await page.evaluate(
      ([sel, ms]) => (window as unknown as { __bench: { panAndMeasure(s: string, m: number): Promise<{ frames: number[]; renders: number[]; travel: number }> } }).__bench.panAndMeasure(sel as string, ms as number),
      [selector, PAN_MS] as const,
    );
    if (variant === "editor") await page.screenshot({ path: join(DIST, `shot-editor-${N}.png`) });
    else await page.screenshot({ path: join(DIST, `shot-${variant}-${N}.png`) });
    return { variant, loadMs, ...pan };
  } finally {
    await context.close();
  }
}

async function main() {
  mkdirSync(DIST, { recursive: true });
  const t = Date.now();
  const g = generate(N);
  const file = join(DIST, `bench-${N}.powermap.json`);
  writeFileSync(file, JSON.stringify(toPowermapDocument(g)));
  console.log(`graph: ${N} actors, ${g.edges.length / 2} relationships, generated in ${Date.now() - t} ms`);
  const app = await serve(APP, join(DIST, "app"), join(APP, "vite.config.ts"));
  const bare = await serve(HERE, join(DIST, "sigma"), join(HERE, "vite.config.ts"));
  const userDir = mkdtempSync(join(tmpdir(), "powermap-bench-"));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const runs: Run[] = [];
  try {
    for (let i = 0; i < RUNS; i++)
      // Interleaved, the order rotating each run (so no variant always gets the warmest machine).
      for (const v of VARIANTS.map((_, k) => VARIANTS[(k + i) % VARIANTS.length])) {
        const r = await once(browser, v, v === "editor" ? app.url : bare.url, file);
        console.log(`${v.padEnd(10)} run ${i + 1}: load ${r.loadMs.toFixed(0)} ms, ${r.frames.length} frames, mean ${f1(mean(r.frames))} ms, median ${f1(median(r.frames))} ms, p95 ${f1(pct(r.frames, 0.95))} ms, render median ${f1(median(r.renders))} ms, camera travel ${r.travel.toFixed(3)}`);
        if (r.travel === 0) console.warn(`  warning: the ${v} drag did not move the camera`);
        runs.push(r);
      }
  } finally {
    await browser.close();
    rmSync(userDir, { recursive: true, force: true });
    await app.close();
    await bare.close();
  }
  const summary = (v: Variant) => {
    const rs = runs.filter((r) => r.variant === v);
    return {
      loadMs: median(rs.map((r) => r.loadMs)),
      frameMeanMs: median(rs.map((r) => mean(r.frames))),
      frameMedianMs: median(rs.map((r) => median(r.frames))),
      frameP95Ms: median(rs.map((r) => pct(r.frames, 0.95))),
      frameMaxMs: median(rs.map((r) => Math.max(...r.frames))),
      frames: median(rs.map((r) => r.frames.length)),
      renderMedianMs: median(rs.map((r) => median(r.renders))),
    };
  };
  const editor = summary("editor");
  const sigma = summary("sigma");
  const sigmaHide = summary("sigma-hide");
  const result = {
    date: new Date().toISOString(),
    n: N,
    edges: g.edges.length / 2,
    runs: RUNS,
    panMs: PAN_MS,
    chromiumArgs: ARGS,
    editor,
    sigma,
    sigmaHide,
    ratio: { load: editor.loadMs / sigma.loadMs, frameMean: editor.frameMeanMs / sigma.frameMeanMs },
    ratioHide: { load: editor.loadMs / sigmaHide.loadMs, frameMean: editor.frameMeanMs / sigmaHide.frameMeanMs },
    raw: runs.map((r) => ({ variant: r.variant, loadMs: r.loadMs, frames: r.frames.map((x) => Math.round(x * 10) / 10), travel: r.travel })),
  };
  writeFileSync(join(HERE, `results-${N}.json`), JSON.stringify(result, null, 2) + "\n");
  console.log(`\nmedians over ${RUNS} run(s):`);
  const line = (name: string, x: typeof editor) => console.log(`  ${name.padEnd(11)} load ${x.loadMs.toFixed(0)} ms, frame mean ${f1(x.frameMeanMs)} ms (${x.frames} frames), p95 ${f1(x.frameP95Ms)} ms, max ${f1(x.frameMaxMs)} ms, render ${f1(x.renderMedianMs)} ms`);
  line("editor:", editor);
  line("sigma:", sigma);
  line("sigma-hide:", sigmaHide);
  console.log(`  ratio editor/sigma:      load ${result.ratio.load.toFixed(2)}, frame mean ${result.ratio.frameMean.toFixed(2)}`);
  console.log(`  ratio editor/sigma-hide: load ${result.ratioHide.load.toFixed(2)}, frame mean ${result.ratioHide.frameMean.toFixed(2)}`);
}

await main();
