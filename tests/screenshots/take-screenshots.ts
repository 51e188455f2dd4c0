import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { localeCookie } from "../../app/utils/locale.server";
import { test } from "../e2e/fixtures";
import { createSessionToken, sessionCookieValue } from "../fixtures/users";

// Photographs the main pages of the demo platform (see screenshots.config.ts). Pages that need a
// signed-in user use the demo accounts of the README, with a session made in the database.
const OUT = path.resolve("docs/screenshots");
const DEVICES = {
  desktop: { viewport: { width: 1280, height: 800 }, maxHeight: 2400 },
  phone: { viewport: { width: 390, height: 844 }, maxHeight: 844 * 2 },
} as const;

type Shot = { name: string; path: string; as?: string };

test("screenshots of the main pages, zh-CN and en, desktop and phone", async ({ browser, db, baseURL }) => {
  const open = await db.scenario.findFirstOrThrow({ where: { status: "published", deadline: { gt: new Date() } }, orderBy: { deadline: "asc" }, select: { code: true } });
  const vendorOrg = await db.organisation.findFirstOrThrow({ where: { type: "vendor", verified: true, pastCases: { some: {} } }, orderBy: { name: "asc" }, select: { id: true } });
  const sheet = await db.scoreSheet.findFirstOrThrow({
    where: { status: "draft", assignment: { status: "accepted", evaluator: { email: "expert@jiebang.example.cn" } } },
    select: { proposalId: true, assignmentId: true },
  });
  const shots: Shot[] = [
    { name: "home", path: "/" },
    { name: "search", path: "/scenarios" },
    { name: "scenario", path: `/scenarios/${open.code}` },
    { name: "vendors", path: "/vendors" },
    { name: "vendor-profile", path: `/vendors/${vendorOrg.id}` },
    { name: "login", path: "/login" },
    { name: "vendor-workspace", path: "/", as: "vendor@zhongyuan-ai.example.com" },
    { name: "proposal-form", path: `/vendor/proposals/${open.code}`, as: "vendor@zhongyuan-ai.example.com" },
    { name: "score-form", path: `/evaluator/assignments/${sheet.assignmentId}/proposals/${sheet.proposalId}`, as: "expert@jiebang.example.cn" },
    { name: "department", path: "/department", as: "officer.health@zz.example.cn" },
  ];
  const sessions = new Map<string, string>();
  for (const email of new Set(shots.flatMap((s) => (s.as ? [s.as] : [])))) {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    sessions.set(email, sessionCookieValue(await createSessionToken(db, user.id)));
  }
  fs.mkdirSync(OUT, { recursive: true });
  for (const locale of ["zh-CN", "en"] as const) {
    const lang = (await localeCookie.serialize(locale)).split(";")[0]!.split("=").slice(1).join("=");
    for (const [device, spec] of Object.entries(DEVICES)) {
      for (const shot of shots) {
        const context = await browser.newContext({ viewport: spec.viewport, locale, isMobile: device === "phone", hasTouch: device === "phone" });
        await context.addCookies([{ name: "jb_locale", value: lang, url: baseURL! }]);
        if (shot.as) await context.addCookies([{ name: "jb_session", value: sessions.get(shot.as)!, url: baseURL! }]);
        const page = await context.newPage();
        await page.goto(shot.path);
        await settle(page);
        const height = Math.min(spec.maxHeight, await page.evaluate(() => document.documentElement.scrollHeight));
        await page.screenshot({
          path: path.join(OUT, `${locale}-${device}-${shot.name}.jpg`), type: "jpeg", quality: 72, fullPage: true,
          clip: { x: 0, y: 0, width: spec.viewport.width, height },
        });
        await context.close();
      }
    }
  }
  console.log(`[screenshots] ${shots.length * 4} images in ${path.relative(process.cwd(), OUT)}/`);
});

// Fonts and the hydrated page, so the picture is what a person sees.
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => document.fonts.ready);
}
