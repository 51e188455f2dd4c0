import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createUser } from "../fixtures/users";
import type { CurrentUser } from "../../app/utils/permissions.server";

// 封存规则在服务层的证明（HTTP 层的证明见 tests/e2e/proposal-sealing.spec.ts）。
// The sealing rule at the service level; tests/e2e/proposal-sealing.spec.ts proves it over HTTP.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let access: typeof import("../../app/modules/proposals/proposal-access.server");
let cmd: typeof import("../../app/modules/proposals/proposal-commands.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  access = await import("../../app/modules/proposals/proposal-access.server");
  cmd = await import("../../app/modules/proposals/proposal-commands.server");
});
afterAll(() => cleanup?.());

function asUser(id: string, memberships: { orgId: string; role: "vendor_member" | "officer" | "admin" | "evaluator" }[]): CurrentUser {
  return {
    id, email: `${id}@t`, name: id, emailVerified: true, locale: "zh-CN",
    memberships: memberships.map((m) => ({ ...m, org: { id: m.orgId, name: "x", type: "vendor", verified: true } })),
    session: { id: "s", renewed: false, expiresAt: new Date() },
    context: { ip: "203.0.113.1", userAgent: "test" },
  };
}

describe("sealing", () => {
  it("before the deadline only the proposing organisation reads; after it the owning department does too", async () => {
    const department = await createOrganisation(db, "department");
    const officer = await createUser(db, "officer", { orgId: department.id });
    const s = await createScenario(db, { departmentId: department.id, createdById: officer.id });
    const scenario = await db.scenario.findUniqueOrThrow({ where: { id: s.id }, select: { departmentId: true, status: true, deadline: true } });
    const vendor = await createOrganisation(db, "vendor");
    const member = await createUser(db, "vendor", { orgId: vendor.id });
    const proposal = { orgId: vendor.id };

    const who = {
      member: asUser(member.id, [{ orgId: vendor.id, role: "vendor_member" }]),
      owner: asUser(officer.id, [{ orgId: department.id, role: "officer" }]),
      otherOfficer: asUser("o2", [{ orgId: "another-dept", role: "officer" }]),
      admin: asUser("adm", [{ orgId: "platform", role: "admin" }]),
      adminAndOfficerElsewhere: asUser("adm2", [{ orgId: "platform", role: "admin" }, { orgId: "another-dept", role: "officer" }]),
      otherVendor: asUser("v2", [{ orgId: "other-vendor", role: "vendor_member" }]),
      evaluator: asUser("e", [{ orgId: "platform", role: "evaluator" }]),
    };
    const before = new Date(scenario.deadline.getTime() - 1000);
    const after = new Date(scenario.deadline.getTime() + 1000);
    const read = (u: CurrentUser | null, now: Date, sc = scenario) => access.canReadProposal(u, proposal, sc, now);

    expect(read(who.member, before)).toBe(true);
    for (const u of [who.owner, who.otherOfficer, who.admin, who.adminAndOfficerElsewhere, who.otherVendor, who.evaluator, null]) {
      expect(read(u, before)).toBe(false);
    }
    expect(access.departmentView(who.owner, scenario, before)).toBe("count");
    expect(access.departmentView(who.admin, scenario, before)).toBe("none");

    // 截止时间一过（即使关闭任务尚未运行）部门即可查看；其他人仍然不行。
    // Once the deadline passes (even before the close job ran) the department may read; nobody else.
    expect(read(who.owner, after)).toBe(true);
    expect(read(who.owner, before, { ...scenario, status: "closed" })).toBe(true);
    for (const u of [who.otherOfficer, who.admin, who.otherVendor, who.evaluator, null]) expect(read(u, after)).toBe(false);
    // 撤榜的场景在截止前不解封。 A cancelled call stays sealed.
    expect(read(who.owner, before, { ...scenario, status: "cancelled" })).toBe(false);
  });

  it("before the deadline the department gets only the count; after closing it gets the latest submitted content", async () => {
    const queries = await import("../../app/modules/proposals/proposal-queries.server");
    const close = await import("../../app/modules/proposals/close-scenarios.server");
    const department = await createOrganisation(db, "department");
    const officer = await createUser(db, "officer", { orgId: department.id });
    const s = await createScenario(db, { departmentId: department.id, createdById: officer.id });
    const { deadline } = await db.scenario.findUniqueOrThrow({ where: { id: s.id }, select: { deadline: true } });
    const vendor = await createOrganisation(db, "vendor");
    const member = { ...(await createUser(db, "vendor", { orgId: vendor.id })), locale: "zh-CN" };
    const key = { orgId: vendor.id, scenarioId: s.id };
    const body = { technicalApproach: "机密方案 SECRET-42", team: "团队", budgetRequest: 150, relevantCases: "", milestones: [{ name: "原型", dueDate: "2026-06-30", deliverable: "系统", evidence: "报告" }], consortiumMembers: [] };
    const draft = await cmd.saveDraft(member, key, 0, body);
    await cmd.submitProposal(member, key);
    // 递交后再改工作稿：部门看到的应是递交的版本。 Edited after submitting: the department sees the submitted one.
    await cmd.saveDraft(member, key, draft.version + 1, { ...body, technicalApproach: "未递交的修改" });

    expect(await queries.countSubmitted(s.id)).toBe(1);
    await close.closeScenario(s.id, new Date(deadline.getTime() + 1000));
    const list = await queries.listSubmittedContent(s.id, department.id);
    expect(list).toHaveLength(1);
    expect(list[0]!.technicalApproach).toBe("机密方案 SECRET-42");
    // 另一个部门查不到。 Another department gets nothing.
    expect(await queries.listSubmittedContent(s.id, "another-dept")).toEqual([]);
  });
});
