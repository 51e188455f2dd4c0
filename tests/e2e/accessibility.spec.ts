import AxeBuilder from "@axe-core/playwright";
import { localeCookie } from "../../app/utils/locale.server";
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
        // Legacy mode runs axe once, in the page itself. The default mode runs it in each frame and then
        // once more in a new blank page to merge the frames' results, loading axe twice: half of each
        // scan's time, spent on pages that have no frames.
        const result = await new AxeBuilder({ page }).setLegacyMode(true).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
        const bad = result.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
        expect(bad).toEqual([]);
      });
    }
  }
}
