import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
const pages = process.argv.slice(2);
for (const spec of pages) {
  const [path, name, width] = spec.split(",");
  const page = await browser.newPage({ viewport: { width: Number(width ?? 1280), height: 900 } });
  await page.goto(`http://localhost:3000${path}`);
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: false });
  await page.close();
}
await browser.close();
