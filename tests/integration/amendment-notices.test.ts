import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createVendor, saveScenario, scenarioInput, startProposal, type VendorUser } from "../fixtures/interested";
import { createOrganisation, createUser } from "../fixtures/users";
import { drainEvents } from "../fixtures/drain-events";

// Material amendments and cancellation reach the interested vendors; a cosmetic amendment reaches nobody.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let commands: typeof import("../../app/modules/scenarios/scenario-commands.server");
let questions: typeof import("../../app/modules/questions/question-commands.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  commands = await import("../../app/modules/scenarios/scenario-commands.server");
  questions = await import("../../app/modules/questions/question-commands.server");
});
afterAll(() => cleanup?.());

describe("amendment and cancellation notices", () => {
  let actor: { id: string };
  let key: { id: string; departmentId: string };
  let code: string;
  let saver: VendorUser, asker: VendorUser, drafter: VendorUser, submitter: VendorUser, bystander: VendorUser;
  let draftId: string, submittedId: string;

  beforeAll(async () => {
    const department = await createOrganisation(db, "department", "郑州市水利局（测试）");
    actor = await createUser(db, "officer", { orgId: department.id });
    const created = await commands.createDraft(actor, department.id, scenarioInput({ deadline }));
    key = { id: created.id, departmentId: department.id };
    code = created.code;
    await commands.publishScenario(actor, { ...key, version: 1 });
    [saver, asker, drafter, submitter, bystander] = await Promise.all([1, 2, 3, 4, 5].map(() => createVendor(db)));
    await saveScenario(db, saver!, key.id);
    await questions.askQuestion(asker!, key.id, "是否接受联合体申报？");
    draftId = (await startProposal(db, drafter!, key.id, "draft")).id;
    submittedId = (await startProposal(db, submitter!, key.id, "submitted")).id;
  });

  // One fixed deadline: a fresh Date.now() per input would itself be a (material) deadline change.
  const deadline = new Date(Date.now() + 30 * 86_400_000);
  const input = (overrides: Parameters<typeof scenarioInput>[0] = {}) => scenarioInput({ deadline, ...overrides });
  const interested = () => [saver, asker, drafter, submitter];

  it("a non-material amendment (summary only) notifies nobody and marks nothing", async () => {
    const result = await commands.amendScenario(actor, { ...key, version: 2 }, input({ summary: "道路积水点识别、预警与处置联动" }), "文字调整");
    await drainEvents();
    expect(result.material).toBe(false);
    expect(await db.notification.count({ where: { userId: { in: interested().map((v) => v.id) } } })).toBe(0);
    expect(await db.mail.count({ where: { template: "scenario-update" } })).toBe(0);
    expect(await db.proposal.count({ where: { scenarioId: key.id, scenarioChangedAt: { not: null } } })).toBe(0);
  });

  it("a material amendment notifies the interested vendors with the diff and marks their proposals changed", async () => {
    const result = await commands.amendScenario(
      actor, { ...key, version: 3 },
      input({ summary: "道路积水点识别、预警与处置联动", budgetMax: 360, kpis: ["识别准确率 ≥ 95%"] }),
      "根据专家论证上调预算并提高指标。",
    );
    await drainEvents();
    expect(result.material).toBe(true);
    for (const vendor of interested()) {
      const notifications = await db.notification.findMany({ where: { userId: vendor.id, kind: "scenario.amended" } });
      expect(notifications).toHaveLength(1);
      expect(notifications[0]!.title).toContain("城市内涝积水智能预警");
      expect(notifications[0]!.body).toContain("360 万元");
      const mails = await db.mail.findMany({ where: { to: vendor.email, template: "scenario-update" } });
      expect(mails).toHaveLength(1);
      // The field-level diff, with the form's labels, old → new.
      expect(mails[0]!.text).toContain("预算上限");
      expect(mails[0]!.text).toContain("300 万元");
      expect(mails[0]!.text).toContain("360 万元");
      expect(mails[0]!.text).toContain("识别准确率 ≥ 95%");
      expect(mails[0]!.text).toContain("根据专家论证上调预算并提高指标。");
      expect(mails[0]!.text).toContain(`/scenarios/${code}`);
    }
    expect(await db.notification.count({ where: { userId: bystander.id } })).toBe(0);
    const marked = await db.proposal.findMany({ where: { id: { in: [draftId, submittedId] } }, select: { scenarioChangedAt: true } });
    expect(marked.every((p) => p.scenarioChangedAt != null)).toBe(true);
  });

  it("cancellation notifies every interested vendor with the reason", async () => {
    await commands.cancelScenario(actor, key, "需求已由省级平台统一建设，本级不再单独建设。");
    await drainEvents();
    for (const vendor of interested()) {
      const [n] = await db.notification.findMany({ where: { userId: vendor.id, kind: "scenario.cancelled" } });
      expect(n?.body).toContain("需求已由省级平台统一建设");
      const mails = await db.mail.findMany({ where: { to: vendor.email, template: "scenario-update", subject: { contains: "场景已取消" } } });
      expect(mails).toHaveLength(1);
      expect(mails[0]!.text).toContain("需求已由省级平台统一建设，本级不再单独建设。");
    }
    expect(await db.notification.count({ where: { userId: bystander.id } })).toBe(0);
  });
});
