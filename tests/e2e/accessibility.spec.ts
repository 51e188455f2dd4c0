import { localeCookie } from "../../app/utils/locale.server";
import { seriousAxeViolations } from "./axe-scan";
import { test, expect } from "./fixtures";
import { journeyPages, type JourneyPage } from "./journey-pages";

// axe-core on the pages every visitor, vendor and evaluator passes through, in both languages, on a
// desktop and on a phone: no serious or critical violation (WCAG 2.1 A and AA rules).
let pages: JourneyPage[];
test.beforeAll(async ({ db }) => {
  // The public record of what happened: a notice in its period, results, statistics and a delivered case.
  const notice = await db.scenario.findFirstOrThrow({ where: { status: "notice" }, select: { code: true }, orderBy: { code: "asc" } });
  const delivered = await db.deliveredCase.findFirstOrThrow({ select: { scenario: { select: { code: true } } }, orderBy: { publishedAt: "asc" } });
  pages = [
    ...(await journeyPages(db)),
    { name: "notice", path: `/notices/${notice.code}`, ready: "main h1" },
    { name: "results", path: "/results", ready: "main h1" },
    { name: "stats", path: "/stats", ready: "main h1" },
    { name: "case", path: `/cases/${delivered.scenario.code}`, ready: "main h1" },
  ];
});

const NAMES = ["home", "search", "scenario", "login", "signup", "proposal-form", "score-form", "notice", "results", "stats", "case"];
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

for (const locale of ["zh-CN", "en"] as const) {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const name of NAMES) {
      test(`${name} (${locale}, ${device}) has no serious or critical axe violations`, async ({ page, baseURL }) => {
        const target = pages.find((p) => p.name === name)!;
        await page.setViewportSize(viewport);
        const value = (await localeCookie.serialize(locale)).split(";")[0]!.split("=").slice(1).join("=");
        await page.context().addCookies([{ name: "jb_locale", value, url: baseURL! }]);
        if (target.session) await page.context().addCookies([{ name: "jb_session", value: target.session, url: baseURL! }]);
        await page.goto(target.path);
        await expect(page.locator(target.ready).first()).toBeVisible();
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        expect(await seriousAxeViolations(page)).toEqual([]);
      });
    }
  }
}

// The scan itself: shown a page with faults, it names them (a scan that saw nothing would pass above).
// A page of its own, so no script of the app's can re-render the faults away before the scan.
test("the scan reports what it is shown: an image without text, a nameless button, faint text", async ({ page }) => {
  await page.setContent(
    '<!DOCTYPE html><html lang="zh-CN"><head><title>扫描自检</title></head><body><main><h1>扫描自检</h1>' +
      '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><button></button>' +
      '<p style="color:#ddd;background:#fff">浅灰色的说明文字</p></main></body></html>',
  );
  const found = (await seriousAxeViolations(page)).map((line) => line.split(" ")[0]);
  expect(found).toEqual(expect.arrayContaining(["image-alt", "button-name", "color-contrast"]));
});
