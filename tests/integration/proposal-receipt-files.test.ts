import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { SAMPLES } from "../fixtures/file-samples";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createUser } from "../fixtures/users";

// 回执摘要覆盖附件：递交时每个附件的 SHA-256 都封存进内容，换一个文件就换一个回执。
// The receipt covers the files: each attachment's SHA-256 is sealed into the content at submission.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let cmd: typeof import("../../app/modules/proposals/proposal-commands.server");
let queries: typeof import("../../app/modules/proposals/proposal-queries.server");
let receipt: typeof import("../../app/modules/proposals/receipt");
let attachments: typeof import("../../app/modules/attachments/attachments.server");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-receipt-files-"));

beforeAll(async () => {
  process.env.DATA_DIR = dataDir; // read once by env(); set before any app module loads
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  cmd = await import("../../app/modules/proposals/proposal-commands.server");
  queries = await import("../../app/modules/proposals/proposal-queries.server");
  receipt = await import("../../app/modules/proposals/receipt");
  attachments = await import("../../app/modules/attachments/attachments.server");
});
afterAll(async () => {
  await cleanup?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");
const BODY = {
  technicalApproach: "## 技术路线\n\n防汛知识问答。", team: "张伟团队", budgetRequest: 150, relevantCases: "",
  milestones: [{ name: "原型", dueDate: "2026-06-30", deliverable: "系统", evidence: "报告" }], consortiumMembers: [],
};

describe("the receipt covers the attachments", () => {
  it("seals each file's SHA-256 into the submitted content; the same text with another file gets another digest", async () => {
    const department = await createOrganisation(db, "department");
    const officer = await createUser(db, "officer", { orgId: department.id });
    const scenario = await createScenario(db, { departmentId: department.id, createdById: officer.id });
    const vendor = await createOrganisation(db, "vendor");
    const member = { ...(await createUser(db, "vendor", { orgId: vendor.id })), locale: "zh-CN" };
    const key = { orgId: vendor.id, scenarioId: scenario.id };

    const draft = await cmd.saveDraft(member, key, 0, BODY);
    const upload = (bytes: Uint8Array<ArrayBuffer>, name: string) =>
      attachments.saveAttachment({ orgId: vendor.id, uploadedById: member.id, proposalId: draft.id, file: new File([bytes], name) });
    const plan = await upload(SAMPLES.pdf, "技术方案.pdf");
    const first = await cmd.submitProposal(member, key);

    const sealed = await db.proposalSubmission.findUniqueOrThrow({ where: { id: first.id }, select: { digest: true, content: true } });
    expect((sealed.content as { attachments?: unknown }).attachments).toEqual([
      { id: plan.id, filename: "技术方案.pdf", size: SAMPLES.pdf.length, sha256: sha256(SAMPLES.pdf) },
    ]);
    expect(sealed.digest).toBe(receipt.digestOf(sealed.content));
    // 递交后什么都没改：页面不应提示“尚未重新递交”。 Nothing changed since: no "not resubmitted" notice.
    expect((await queries.getVendorProposalPage(vendor.id, scenario.code))!.unsubmittedChanges).toBe(false);

    // 撤回、添一个文件、文字不变再递交：回执摘要不同，两份文件都在内容里。
    // Withdraw, add a file, resubmit the same text: another digest, both files in the content.
    await cmd.withdrawProposal(member, key);
    const cv = await upload(SAMPLES.docx, "团队简历.docx");
    const second = await cmd.submitProposal(member, key);
    expect(second.digest).not.toBe(first.digest);
    const resealed = await db.proposalSubmission.findUniqueOrThrow({ where: { id: second.id }, select: { content: true } });
    const files = (resealed.content as { attachments: { id: string; sha256: string }[] }).attachments;
    expect(files.map((f) => [f.id, f.sha256]).sort()).toEqual([[plan.id, sha256(SAMPLES.pdf)], [cv.id, sha256(SAMPLES.docx)]].sort());
  });
});
