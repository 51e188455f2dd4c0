import { test, expect } from "./fixtures";
import { createScenario } from "../fixtures/scenarios";
import { createUser } from "../fixtures/users";

// With the Content-Security-Policy on, the pages still hydrate and the browser reports no violation:
// every script Remix writes carries the response's nonce.
test("pages hydrate under the CSP and the browser reports no violation", async ({ page, db, loginAs }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const officer = await createUser(db, "officer");
  const scenario = await createScenario(db, { departmentId: officer.orgId, createdById: officer.id });

  await page.goto("/scenarios");
  await page.waitForLoadState("networkidle");
  // Hydrated: a client-side navigation keeps the window (a full page load would clear the marker).
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = "still here"));
  await page.getByRole("link", { name: "登录" }).first().click();
  await expect(page.getByRole("heading", { name: /登录/ })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe("still here");

  await loginAs("vendor");
  await page.goto(`/scenarios/${scenario.code}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/vendor");
  await expect(page.locator("main")).toBeVisible();
  expect(violations).toEqual([]);
});
