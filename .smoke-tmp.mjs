import { createServer } from "vite";
import { chromium } from "playwright-core";
const server = await createServer({ root: "/work/main/apps/editor", configFile: "/work/main/apps/editor/vite.config.ts", server: { port: 5391, strictPort: true, host: "127.0.0.1" }, logLevel: "error" });
await server.listen();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"] });
const out = [];
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on("pageerror", (e) => out.push("PAGEERROR " + e.message));
  page.on("console", (m) => m.type() === "error" && out.push("CONSOLE " + m.text()));
  await page.goto("http://127.0.0.1:5391/");
  await page.waitForSelector('[data-testid="sigma-container"] canvas', { timeout: 60000 });
  await page.waitForTimeout(1000);
  await page.screenshot({ path: "/tmp/pmsmoke/1-loaded.png" });
  const box = await page.locator('[data-testid="sigma-container"]').boundingBox();
  out.push("container " + JSON.stringify(box));
  // double-click empty area (bottom-left-ish)
  const ex = box.x + 40, ey = box.y + box.height - 40;
  await page.mouse.dblclick(ex, ey);
  await page.waitForTimeout(500);
  const nameVal = await page.locator('[data-testid="actor-name"]').inputValue().catch(() => "NONE");
  out.push("after dblclick name field: " + nameVal + " focused=" + (await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))));
  await page.keyboard.type("Zed Organizer");
  await page.keyboard.press("Enter");
  await page.waitForTimeout(300);
  await page.screenshot({ path: "/tmp/pmsmoke/2-added.png" });
  // find positions of nodes via sigma
  const pos = await page.evaluate(() => {
    const el = document.querySelector('[data-testid="sigma-container"]');
    return null;
  });
  out.push("status: " + (await page.locator('[data-testid="status"]').textContent()));
} catch (e) {
  out.push("ERROR " + e.message);
} finally {
  console.log(out.join("\n"));
  await browser.close();
  await server.close();
}
