import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

// Keyboard only: from the search page to a scenario to the proposal form, with Tab and Enter, and
// every focused control visibly marked (an outline on it, or on the card it stands for).
async function tabTo(page: Page, matches: (el: { href: string; tag: string; name: string }) => boolean, limit = 600) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const own = getComputedStyle(el).outlineStyle;
      const card = getComputedStyle(el, "::after").outlineStyle;
      return {
        href: el.getAttribute("href") ?? "", tag: el.tagName.toLowerCase(), name: el.getAttribute("name") ?? "",
        visible: el.matches(":focus-visible") && (own !== "none" || card !== "none"),
      };
    });
    if (!focused) continue;
    expect(focused.visible, `focus is visible on <${focused.tag} ${focused.href || focused.name}>`).toBe(true);
    if (matches(focused)) return;
  }
  throw new Error("the control was not reached with Tab");
}

test("search → scenario → proposal form with the keyboard alone, focus always visible", async ({ page, loginAs }) => {
  await loginAs("vendor");
  // Open calls (揭榜挂帅) of the catalogue: any vendor may propose to them.
  await page.goto("/scenarios?mechanism=open_call");
  const code = /^\/scenarios\/([A-Z]{2}-\d{4}-\d{4})$/;
  await tabTo(page, (el) => code.test(el.href));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/scenarios\/[A-Z]{2}-\d{4}-\d{4}$/);
  const scenarioCode = new URL(page.url()).pathname.split("/").pop()!;

  await tabTo(page, (el) => el.href === `/vendor/proposals/${scenarioCode}`);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/vendor/proposals/${scenarioCode}$`));

  await tabTo(page, (el) => el.tag === "textarea" || (el.tag === "input" && el.name !== ""));
  await page.keyboard.type("键盘填写的内容");
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toContain("键盘填写的内容");
});
