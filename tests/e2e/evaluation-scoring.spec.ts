import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { LocalDiskStorage } from "../../app/modules/attachments/storage.server";
import { test, expect } from "./fixtures";
import { addEvaluator, addProposal, createEvaluationScenario, declare } from "../fixtures/evaluation";
import { SAMPLES } from "../fixtures/file-samples";
import { createSessionToken, sessionCookieValue, uniqueSuffix } from "../fixtures/users";

// Blind review and scoring in the browser and over HTTP: every page, data request and file an
// evaluator reaches is searched for the vendor's names (one marker in all of them); the evaluator
// scores beside the proposal and submits; the department sees the ranking and downloads the sheet.
test.describe.configure({ mode: "serial" });

const MARKER = uniqueSuffix().toUpperCase();
const ORG = `星河${MARKER}智能科技有限公司`;
const MEMBER = `李${MARKER}`;
const PARTNER = `合作${MARKER}大学`;
const FILE = `星河${MARKER}-技术方案.pdf`;
let ids: { scenarioId: string; assignmentId: string; proposalId: string; attachmentId: string };
let cookies: { evaluator: string; officer: string };

test.beforeAll(async ({ db }) => {
  const ctx = await createEvaluationScenario(db, { blind: true });
  const proposal = await addProposal(db, ctx.scenario.id, {
    orgName: ORG, memberName: MEMBER,
    technicalApproach: `## 方案\n\n本方案由${ORG}与${PARTNER}联合提出。`,
    team: `负责人：${MEMBER}`,
    consortium: [{ name: PARTNER, role: "联合研发" }],
  });
  const storage = new LocalDiskStorage(path.resolve(process.env.E2E_DATA_DIR ?? ".data-e2e", "attachments"));
  const storageKey = `${uniqueSuffix()}${uniqueSuffix()}${uniqueSuffix()}${uniqueSuffix()}`;
  await storage.put(storageKey, SAMPLES.pdf);
  const attachment = await db.attachment.create({
    data: { storageKey, filename: FILE, mimeType: "application/pdf", size: SAMPLES.pdf.length, sha256: "d".repeat(64), orgId: proposal.org.id, proposalId: proposal.id, uploadedById: proposal.member.id },
    select: { id: true },
  });
  const evaluator = await addEvaluator(db, ctx.scenario.id, ctx.officer.id, { name: `专家${uniqueSuffix()}` });
  await declare(db, evaluator.assignmentId, proposal.id);
  ids = { scenarioId: ctx.scenario.id, assignmentId: evaluator.assignmentId, proposalId: proposal.id, attachmentId: attachment.id };
  const cookie = async (userId: string) => sessionCookieValue(await createSessionToken(db, userId));
  cookies = { evaluator: await cookie(evaluator.user.id), officer: await cookie(ctx.officer.id) };
});

const pagePath = () => `/evaluator/assignments/${ids.assignmentId}/proposals/${ids.proposalId}`;

async function fetchAs(request: APIRequestContext, url: string, cookie: string) {
  const response = await request.get(url, { headers: { Cookie: `jb_session=${cookie}` }, maxRedirects: 0 });
  expect(response.status(), url).toBe(200);
  return response;
}

test("blind review: no page, data request or file the evaluator reaches names the vendor", async ({ request }) => {
  for (const url of [pagePath(), `${pagePath()}.data`, "/evaluator", "/evaluator.data", "/notifications", "/notifications.data"]) {
    const response = await fetchAs(request, url, cookies.evaluator);
    const body = await response.text();
    for (const leak of [MARKER, ORG, MEMBER, PARTNER, FILE]) expect(body, `${url} contains ${leak}`).not.toContain(leak);
  }
  const html = await (await fetchAs(request, pagePath(), cookies.evaluator)).text();
  expect(html).toContain("申报 A");
  expect(html).toContain("附件 1.pdf");

  const file = await fetchAs(request, `/evaluator/assignments/${ids.assignmentId}/files/${ids.attachmentId}`, cookies.evaluator);
  expect(JSON.stringify(file.headers())).not.toContain(MARKER);
  expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(file.headers()["content-disposition"]!)![1]!)).toBe("附件 1.pdf");
  expect(new Uint8Array(await file.body())).toEqual(SAMPLES.pdf);
});

test("the evaluator reads beside the score form, scores every criterion and submits; the sheet locks", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "jb_session", value: cookies.evaluator, url: baseURL! }]);
  await page.goto(pagePath());
  await expect(page.getByRole("heading", { name: "评分表" })).toBeVisible();
  // Side by side on a desktop.
  const reader = (await page.locator(".proposal-reader").boundingBox())!;
  const pane = (await page.locator(".score-pane").boundingBox())!;
  expect(pane.x).toBeGreaterThan(reader.x + reader.width - 1);

  // Submitting an empty sheet lists every missing score at once.
  await page.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText("请为此项打分。")).toHaveCount(3);

  const values = ["8", "4.5", "15"];
  for (const [i, value] of values.entries()) {
    await page.getByLabel(/^评分（0–/).nth(i).fill(value);
    await page.getByLabel("评分理由").nth(i).fill("技术路线清楚，指标论证充分，数据来源可靠，可行性高。");
  }
  // A pause in typing autosaves; the submission then goes on from the autosaved version.
  await expect(page.getByText(/^已自动保存/)).toBeVisible();
  await page.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText(/您已于 .* 提交此评分表，评分表已锁定。/)).toBeVisible();
  // 8/10·50 + 4.5/5·30 + 15/20·20 = 40 + 27 + 15
  await expect(page.getByTestId("sheet-total")).toHaveText("82");
  await expect(page.getByRole("button", { name: "提交评分" })).toHaveCount(0);
  await expect(page.getByLabel(/^评分（0–/).first()).toBeDisabled();
  expect(await page.content()).not.toContain(MARKER);

  // On a phone the form comes below the proposal.
  await page.setViewportSize({ width: 390, height: 800 });
  const phoneReader = (await page.locator(".proposal-reader").boundingBox())!;
  const phonePane = (await page.locator(".score-pane").boundingBox())!;
  expect(phonePane.y).toBeGreaterThanOrEqual(phoneReader.y + phoneReader.height - 1);
});

test("the department sees the ranking with the vendor's name and downloads the score sheet", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "jb_session", value: cookies.officer, url: baseURL! }]);
  await page.goto(`/department/scenarios/${ids.scenarioId}/evaluation/summary`);
  await expect(page.getByTestId("readiness")).toHaveText("全部应提交的评分表均已提交，可以作出决定。");
  const row = page.getByTestId(`result-${ids.proposalId}`);
  await expect(row).toContainText(ORG);
  await expect(row.getByTestId("score")).toHaveText("82");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel（.xlsx）" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^评分表-.+\.xlsx$/);
});

test("without JavaScript the evaluator saves a draft and finds every score again", async ({ browser, db, baseURL }) => {
  const ctx = await createEvaluationScenario(db);
  const proposal = await addProposal(db, ctx.scenario.id);
  const evaluator = await addEvaluator(db, ctx.scenario.id, ctx.officer.id);
  await declare(db, evaluator.assignmentId, proposal.id);
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN" });
  await context.addCookies([{ name: "jb_session", value: sessionCookieValue(await createSessionToken(db, evaluator.user.id)), url: baseURL! }]);
  const page = await context.newPage();
  await page.goto(`/evaluator/assignments/${evaluator.assignmentId}/proposals/${proposal.id}`);
  // Non-blind: the department's own names are shown to evaluators.
  await expect(page.getByTestId("proposal-org")).toHaveText(proposal.org.name);
  await page.getByLabel(/^评分（0–/).nth(0).fill("7.5");
  await page.getByLabel("评分理由").nth(0).fill("初步意见：方案可行。");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("评分草稿已保存。")).toBeVisible();
  await expect(page.getByLabel(/^评分（0–/).nth(0)).toHaveValue("7.5");
  await expect(page.getByLabel("评分理由").nth(0)).toHaveValue("初步意见：方案可行。");
  // Submitting it incomplete comes back from the server with every message and everything typed kept.
  await page.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText("请为此项打分。")).toHaveCount(2);
  await expect(page.getByText("评分理由至少 20 个字。")).toHaveCount(3);
  await expect(page.getByLabel(/^评分（0–/).nth(0)).toHaveValue("7.5");
  await expect(page.getByLabel("评分理由").nth(0)).toHaveValue("初步意见：方案可行。");
  await context.close();
});
