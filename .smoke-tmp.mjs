import { createServer } from "vite";
import { chromium } from "playwright-core";
const server = await createServer({ root: "/work/main/apps/editor", configFile: "/work/main/apps/editor/vite.config.ts", server: { port: 5391, strictPort: true, host: "127.0.0.1" }, logLevel: "error" });
await server.listen();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"] });
const out = [];
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("pageerror", (e) => out.push("PAGEERROR " + e.message));
  await page.goto("http://127.0.0.1:5391/");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('[data-testid="sigma-container"] canvas', { timeout: 60000 });
  await page.waitForTimeout(800);
  const cam = () => page.evaluate(() => { const s = window.__pmdbg.getSigma(); return JSON.stringify({ cam: s.getCamera().getState(), d: s.getNodeDisplayData("board-president"), bbox: s.getCustomBBox() }); });
  out.push("before " + await cam());
  await page.locator('[data-testid="search-input"]').fill("harmon");
  await page.keyboard.press("Enter"); await page.waitForTimeout(800);
  out.push("after " + await cam());
  await page.screenshot({ path: "/tmp/pmsmoke/8-search.png" });
} catch (e) { out.push("ERROR " + e.message); } finally { console.log(out.join("\n")); await browser.close(); await server.close(); }
