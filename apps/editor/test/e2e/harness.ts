// Browser test harness: builds the editor, serves it with `vite preview` on a free port and launches
// Debian's Chromium through playwright-core (never a downloaded browser).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { build, preview, type PreviewServer } from "vite";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const APP_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const OUTPUT_DIR = join(APP_ROOT, "test-output");

/** Fails loudly (never skips) when Chromium is absent: CI installs it, so absence is a setup bug. */
export function requireChromium(): void {
  const res = existsSync(CHROMIUM) ? spawnSync(CHROMIUM, ["--version"], { encoding: "utf8", timeout: 30_000 }) : null;
  if (!res || res.status !== 0 || !/chrom/i.test(res.stdout)) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM} (Debian package "chromium": apt-get install -y chromium), ` +
        `or set CHROMIUM_PATH. ${res ? `\`${CHROMIUM} --version\` failed: ${res.stderr || res.error?.message}` : "The file does not exist."}`,
    );
  }
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createNetServer();
    srv.unref();
    srv.on("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Where the production build goes (E2E_DIST: a directory of one's own, when two runs share a checkout). */
export function buildDir(): string {
  return process.env.E2E_DIST ?? join(OUTPUT_DIR, "dist");
}

/** Builds the app for the browser tests: a production build (see serveEditor). */
export async function buildEditor(outDir = buildDir()): Promise<void> {
  await build({ root: APP_ROOT, configFile: join(APP_ROOT, "vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } });
}

/**
 * Serves the production build with `vite preview`: a production build avoids the dev server's
 * on-demand dependency optimisation (which reloads the page mid-test). The browser project's
 * global setup (global-setup.ts) builds once for all test files and says so in E2E_PREBUILT;
 * without it (a file run some other way) this builds first.
 */
export async function serveEditor(): Promise<Served> {
  const outDir = buildDir();
  const configFile = join(APP_ROOT, "vite.config.ts");
  if (process.env.E2E_PREBUILT !== outDir) await buildEditor(outDir);
  const port = await freePort();
  const server: PreviewServer = await preview({
    root: APP_ROOT,
    configFile,
    logLevel: "warn",
    build: { outDir },
    preview: { port, host: "127.0.0.1", strictPort: true, open: false },
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.httpServer.close(() => ok())),
  };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
];

export interface Launched {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh user data dir (so localStorage starts empty) and downloads accepted. */
export async function launchChromium(): Promise<Launched> {
  requireChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), "powermap-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export function outputPath(name: string): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return join(OUTPUT_DIR, name);
}

/** An editor open in Chromium for a test file (see openEditor). */
export interface OpenEditor {
  page: Page;
  /** Uncaught errors of the page, in order. */
  pageErrors: string[];
  served: Served;
  close(): Promise<void>;
}

/**
 * Serves the build, launches Chromium and opens the editor with `?debug` (which exposes
 * `window.powermapEditor`), then waits for the map canvas. Page errors are collected.
 */
export async function openEditor(timeoutMs = 60_000): Promise<OpenEditor> {
  requireChromium();
  const served = await serveEditor();
  const browser = await launchChromium();
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto(`${served.url}?debug`);
  await page.getByTestId("sigma-container").locator("canvas").first().waitFor({ state: "attached", timeout: timeoutMs });
  return {
    page,
    pageErrors,
    served,
    close: async () => {
      await browser.close();
      await served.close();
    },
  };
}
