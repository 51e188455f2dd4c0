import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { SAMPLES } from "../fixtures/file-samples";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createSessionToken, createUser, sessionCookieValue } from "../fixtures/users";

// 解封之后，谁打开了哪份申报、下载了哪个附件，都在审计日志里；申报单位自己的查看不记。
// After unsealing, who opened which proposal and downloaded which file is in the audit log; the
// proposing organisation's own reads are not.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let cmd: typeof import("../../app/modules/proposals/proposal-commands.server");
let attachments: typeof import("../../app/modules/attachments/attachments.server");
let proposalsPage: typeof import("../../app/routes/department.scenarios.$id_.proposals");
let download: typeof import("../../app/routes/attachments.$id");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-read-audit-"));

beforeAll(async () => {
  process.env.DATA_DIR = dataDir; // read once by env(); set before any app module loads
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  cmd = await import("../../app/modules/proposals/proposal-commands.server");
  attachments = await import("../../app/modules/attachments/attachments.server");
  proposalsPage = await import("../../app/routes/department.scenarios.$id_.proposals");
  download = await import("../../app/routes/attachments.$id");
});
afterAll(async () => {
  await cleanup?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function cookieFor(userId: string) {
  return `jb_session=${sessionCookieValue(await createSessionToken(db, userId))}`;
}

async function openProposals(scenarioId: string, userId: string) {
  const request = new Request(`http://jiebang.test/department/scenarios/${scenarioId}/proposals`, { headers: { Cookie: await cookieFor(userId) } });
  return proposalsPage.loader({ request, params: { id: scenarioId }, context: {} });
}

async function get(id: string, userId: string): Promise<Response> {
  const request = new Request(`http://jiebang.test/attachments/${id}`, { headers: { Cookie: await cookieFor(userId) } });
  try {
    return (await download.loader({ request, params: { id }, context: {} })) as Response;
  } catch (thrown) {
    return thrown as Response;
  }
}

const reads = (entityId: string) =>
  db.auditEvent.findMany({ where: { entityId, action: { in: ["proposal.open", "attachment.download"] } }, select: { actorId: true, action: true, orgId: true, data: true } });

describe("audit of reads after unsealing", () => {
  it("records the officer who opened each proposal and downloaded each file, not the vendor's own reads", async () => {
    const department = await createOrganisation(db, "department");
    const officer = await createUser(db, "officer", { orgId: department.id });
    const scenario = await createScenario(db, { departmentId: department.id, createdById: officer.id });
    const vendor = await createOrganisation(db, "vendor");
    const member = { ...(await createUser(db, "vendor", { orgId: vendor.id })), locale: "zh-CN" };
    const otherVendor = await createUser(db, "vendor");
    const key = { orgId: vendor.id, scenarioId: scenario.id };
    const draft = await cmd.saveDraft(member, key, 0, {
      technicalApproach: "## 方案", team: "团队", budgetRequest: 150, relevantCases: "",
      milestones: [{ name: "原型", dueDate: "2026-06-30", deliverable: "系统", evidence: "报告" }], consortiumMembers: [],
    });
    const file = await attachments.saveAttachment({ orgId: vendor.id, uploadedById: member.id, proposalId: draft.id, file: new File([SAMPLES.pdf], "技术方案.pdf") });
    const submission = await cmd.submitProposal(member, key);

    // 截止前：部门只看到份数，没有“打开”可记。 Sealed: the department sees a count, nothing is opened.
    expect((await openProposals(scenario.id, officer.id)).sealed).toBe(true);
    expect((await get(file.id, member.id)).status).toBe(200);
    expect(await reads(draft.id)).toEqual([]);
    expect(await reads(file.id)).toEqual([]);

    await db.scenario.update({ where: { id: scenario.id }, data: { status: "closed", closedAt: new Date(), deadline: new Date(Date.now() - 1000) } });
    const page = await openProposals(scenario.id, officer.id);
    expect(page.proposals.map((p) => p.id)).toEqual([draft.id]);
    expect(await reads(draft.id)).toEqual([
      { actorId: officer.id, action: "proposal.open", orgId: vendor.id, data: { scenarioId: scenario.id, number: 1, digest: submission.digest } },
    ]);

    expect((await get(file.id, officer.id)).status).toBe(200);
    expect((await get(file.id, otherVendor.id)).status).toBe(404); // refused, so nothing was read
    expect((await get(file.id, member.id)).status).toBe(200); // the vendor's own read is not an event
    expect(await reads(file.id)).toEqual([
      { actorId: officer.id, action: "attachment.download", orgId: vendor.id, data: { proposalId: draft.id, filename: "技术方案.pdf", sha256: file.sha256 } },
    ]);
  });
});
