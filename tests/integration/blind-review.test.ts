import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Storage } from "../../app/modules/attachments/storage.server";
import { useAppDatabase } from "../setup/app-database";
import { drainEvents } from "../fixtures/drain-events";
import { addEvaluator, addProposal, createEvaluationScenario, declare, writeSheet } from "../fixtures/evaluation";
import { SAMPLES } from "../fixtures/file-samples";
import { callAction, callLoader, cookieFor } from "../fixtures/route-calls";
import { uniqueSuffix } from "../fixtures/users";

// Blind review: whatever an evaluator can reach — the page's data, the files, the notification list,
// the mail — carries no name of the proposing side. Every name below contains one marker, so one
// search finds any leak. The same data without blind review shows the names (the control).
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let page: typeof import("../../app/routes/evaluator.assignments.$assignmentId.proposals.$proposalId");
let files: typeof import("../../app/routes/evaluator.assignments.$assignmentId.files.$attachmentId");
let summaryRoute: typeof import("../../app/routes/department.scenarios.$id_.evaluation.summary");
let notifications: typeof import("../../app/routes/notifications");
let evaluatorHome: typeof import("../../app/routes/evaluator._index");
let root: typeof import("../../app/root");

const bytes = new Map<string, Uint8Array>();
const memoryStorage: Storage = {
  put: async (key, value) => void bytes.set(key, value),
  get: async (key) => {
    const value = bytes.get(key);
    return value ? new Response(value as Uint8Array<ArrayBuffer>).body : null;
  },
  delete: async (key) => void bytes.delete(key),
};

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  (await import("../../app/modules/attachments/storage.server")).setStorage(memoryStorage);
  page = await import("../../app/routes/evaluator.assignments.$assignmentId.proposals.$proposalId");
  files = await import("../../app/routes/evaluator.assignments.$assignmentId.files.$attachmentId");
  summaryRoute = await import("../../app/routes/department.scenarios.$id_.evaluation.summary");
  notifications = await import("../../app/routes/notifications");
  evaluatorHome = await import("../../app/routes/evaluator._index");
  root = await import("../../app/root");
});
afterAll(() => cleanup?.());

async function blindSetup(blind: boolean) {
  // Upper case: ids are lower-case, so the marker can only appear where a name leaked.
  const marker = uniqueSuffix().toUpperCase();
  const names = {
    org: `星河${marker}智能科技有限公司`,
    orgEn: `Xinghe ${marker} AI Co., Ltd.`,
    short: `星河${marker}`,
    member: `李${marker}`,
    consortium: `合作${marker}大学`,
    file: `星河${marker}-技术方案.pdf`,
  };
  const ctx = await createEvaluationScenario(db, { blind });
  const earlier = await addProposal(db, ctx.scenario.id, { submittedAt: new Date(Date.now() - 5 * 86_400_000) });
  const proposal = await addProposal(db, ctx.scenario.id, {
    orgName: names.org,
    memberName: names.member,
    technicalApproach: `## 方案\n\n本方案由${names.org}（${names.short}）与${names.consortium}联合提出，负责人${names.member}。\n\nBuilt by ${names.orgEn}.`,
    team: `项目负责人：${names.member}；成员来自${names.short}研究院。`,
    relevantCases: `${names.short}曾承担黄河防汛知识库项目。`,
    consortium: [{ name: names.consortium, role: "数据标注与评测" }],
  });
  await db.organisation.update({ where: { id: proposal.org.id }, data: { nameEn: names.orgEn, shortName: names.short } });
  const key = `${uniqueSuffix()}${uniqueSuffix()}${uniqueSuffix()}${uniqueSuffix()}`;
  await memoryStorage.put(key, SAMPLES.pdf);
  const attachment = await db.attachment.create({
    data: { storageKey: key, filename: names.file, mimeType: "application/pdf", size: SAMPLES.pdf.length, sha256: "b".repeat(64), orgId: proposal.org.id, proposalId: proposal.id, uploadedById: proposal.member.id },
    select: { id: true },
  });
  const evaluator = await addEvaluator(db, ctx.scenario.id, ctx.officer.id);
  for (const p of [earlier, proposal]) await declare(db, evaluator.assignmentId, p.id);
  const cookie = await cookieFor(db, evaluator.user.id);
  return { ...ctx, marker, names, proposal, earlier, attachment, evaluator, cookie };
}

type Blind = Awaited<ReturnType<typeof blindSetup>>;

const pagePath = (s: Blind) => `/evaluator/assignments/${s.evaluator.assignmentId}/proposals/${s.proposal.id}`;
const filePath = (s: Blind) => `/evaluator/assignments/${s.evaluator.assignmentId}/files/${s.attachment.id}`;

async function pageData(s: Blind) {
  const result = await callLoader(page.loader, pagePath(s), { assignmentId: s.evaluator.assignmentId, proposalId: s.proposal.id }, s.cookie);
  expect(result.status).toBe(200);
  return result.body as Awaited<ReturnType<typeof page.loader>>;
}

async function file(s: Blind) {
  const result = await callLoader(files.loader, filePath(s), { assignmentId: s.evaluator.assignmentId, attachmentId: s.attachment.id }, s.cookie);
  expect(result.status).toBe(200);
  return result.response!;
}

const headersText = (response: Response) => JSON.stringify([...response.headers.entries()]);

describe("blind review", () => {
  it("the evaluator's page data names no one: letters instead of organisations, masked text, neutral files", async () => {
    const s = await blindSetup(true);
    const data = await pageData(s);
    const json = JSON.stringify(data);
    expect(json).not.toContain(s.marker);
    expect(json.toLowerCase()).not.toContain(s.marker.toLowerCase());
    expect(json).not.toContain(s.proposal.org.id);
    expect(json).not.toContain(s.proposal.member.id);
    // Labelled by submission order: the earlier proposal is A, this one B.
    expect(data.proposal.label).toBe("B");
    expect(data.proposals.map((p) => p.label)).toEqual(["A", "B"]);
    expect(data.proposal.identity).toBeNull();
    expect(data.proposal.consortium).toEqual([{ name: null, role: "数据标注与评测" }]);
    expect(data.proposal.team).toBe("项目负责人：■■■；成员来自■■■研究院。");
    expect(data.proposal.technicalApproachHtml).toContain("本方案由■■■（■■■）与■■■联合提出");
    expect(data.attachments).toEqual([{ id: s.attachment.id, name: "附件 1.pdf", mimeType: "application/pdf", size: SAMPLES.pdf.length }]);
  });

  it("the file arrives under a neutral name with nothing identifying in its headers", async () => {
    const s = await blindSetup(true);
    const response = await file(s);
    expect(headersText(response)).not.toContain(s.marker);
    const disposition = response.headers.get("Content-Disposition")!;
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toBe("附件 1.pdf");
    expect([...response.headers.keys()].sort()).toEqual(["cache-control", "content-disposition", "content-length", "content-type", "x-content-type-options"]);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(SAMPLES.pdf);
    // Another evaluator's assignment id, or a file of a proposal the evaluator cannot read: 404.
    const other = await addEvaluator(db, s.scenario.id, s.officer.id);
    const stranger = await callLoader(files.loader, filePath(s), { assignmentId: s.evaluator.assignmentId, attachmentId: s.attachment.id }, await cookieFor(db, other.user.id));
    expect(stranger.status).toBe(404);
    const undeclared = await callLoader(files.loader, `/evaluator/assignments/${other.assignmentId}/files/${s.attachment.id}`, { assignmentId: other.assignmentId, attachmentId: s.attachment.id }, await cookieFor(db, other.user.id));
    expect(undeclared.status).toBe(404);
  });

  it("notices and mail about the evaluator's sheet, and the rest of their workspace, name no one either", async () => {
    const s = await blindSetup(true);
    const sheet = await writeSheet(db, s.evaluator.assignmentId, s.proposal.id, Object.fromEntries(s.criteria.map((c) => [c.id, 1])));
    // The department may well name the company in its reason; the evaluator still must not read it.
    const reason = `请重新评估${s.names.org}的团队能力，${s.names.member}的资历已核实。`;
    const url = `/department/scenarios/${s.scenario.id}/evaluation/summary`;
    const reopened = await callAction(summaryRoute.action, url, { id: s.scenario.id }, { intent: "reopen", sheetId: sheet.id, reason }, await cookieFor(db, s.officer.id));
    expect(reopened.status).toBe(302);
    await drainEvents();

    const notice = await db.notification.findFirstOrThrow({ where: { userId: s.evaluator.user.id, kind: "evaluation.sheet_reopened" } });
    expect(JSON.stringify(notice)).not.toContain(s.marker);
    expect(notice.body).toContain("申报 B");
    expect(notice.body).toContain("请重新评估■■■的团队能力");
    const mail = await db.mail.findFirstOrThrow({ where: { to: s.evaluator.user.email, template: "score-sheet-reopened" } });
    for (const part of [mail.subject, mail.html, mail.text, JSON.stringify(mail.headers)]) expect(part).not.toContain(s.marker);
    expect(mail.text).toContain("■■■");

    const reachable = [
      await callLoader(page.loader, pagePath(s), { assignmentId: s.evaluator.assignmentId, proposalId: s.proposal.id }, s.cookie),
      await callLoader(notifications.loader, "/notifications", {}, s.cookie),
      await callLoader(evaluatorHome.loader, "/evaluator", {}, s.cookie),
      await callLoader(root.loader, "/evaluator", {}, s.cookie),
    ];
    for (const result of reachable) {
      expect(result.status).toBe(200);
      expect(JSON.stringify(result.body)).not.toContain(s.marker);
    }
    // The reason reached the page too, masked.
    expect(JSON.stringify(reachable[0]!.body)).toContain("请重新评估■■■的团队能力");
  });
});

describe("without blind review (the control)", () => {
  it("the same data shows the organisation, the consortium and the file's own name", async () => {
    const s = await blindSetup(false);
    const data = await pageData(s);
    expect(data.proposal.identity?.orgName).toBe(s.names.org);
    expect(data.proposal.consortium).toEqual([{ name: s.names.consortium, role: "数据标注与评测" }]);
    expect(data.proposal.team).toContain(s.names.member);
    expect(data.attachments[0]!.name).toBe(s.names.file);
    const response = await file(s);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(response.headers.get("Content-Disposition")!)![1]!)).toBe(s.names.file);
  });
});
