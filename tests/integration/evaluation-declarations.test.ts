import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { actorOf, closedScenario, cookieFor, createExpert } from "../fixtures/evaluation-assign";
import { createOrganisation, createUser } from "../fixtures/users";

// Conflicts of interest, declared and detected: nothing of a proposal before the declaration,
// never when conflicted (unless an admin clears it in writing), every conflict in the audit log.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let access: typeof import("../../app/modules/evaluation/evaluation-access.server");
let commands: typeof import("../../app/modules/evaluation/assignment-commands.server");
let declarations: typeof import("../../app/modules/evaluation/declaration-commands.server");
let page: typeof import("../../app/routes/evaluator.assignments.$id._index");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  access = await import("../../app/modules/evaluation/evaluation-access.server");
  commands = await import("../../app/modules/evaluation/assignment-commands.server");
  declarations = await import("../../app/modules/evaluation/declaration-commands.server");
  page = await import("../../app/routes/evaluator.assignments.$id._index");
});
afterAll(() => cleanup?.());

async function assigned(s: Awaited<ReturnType<typeof closedScenario>>, expert: { id: string; orgId: string }, accept = true) {
  const a = await commands.assignEvaluator(actorOf(s.officer, "officer"), { id: s.id, departmentId: s.departmentId }, expert.id);
  if (accept) await commands.acceptAssignment(actorOf(expert, "evaluator"), a.id);
  return a.id;
}

async function pageFor(userId: string, assignmentId: string) {
  const request = new Request(`http://jiebang.test/evaluator/assignments/${assignmentId}`, { headers: { Cookie: await cookieFor(db, userId) } });
  try {
    return { status: 200, data: await page.loader({ request, params: { id: assignmentId }, context: {} }) };
  } catch (thrown) {
    return { status: (thrown as Response).status, data: null };
  }
}

describe("reading depends on the declaration", () => {
  it("an evaluator reads nothing before declaring, reads after declaring no conflict, and another evaluator never", async () => {
    const s = await closedScenario(db, [{}, {}]);
    const [p1, p2] = s.proposals;
    const expert = await createExpert(db);
    const invitedOnly = await createExpert(db);
    const assignmentId = await assigned(s, expert, false);
    await assigned(s, invitedOnly, false);

    // Invited, not yet accepted: no declaration possible, nothing readable.
    await expect(declarations.declareConflict(actorOf(expert, "evaluator"), assignmentId, { proposalId: p1!.id, conflicted: false, reason: "" }))
      .rejects.toMatchObject({ status: 409, label: "ea.error.notAccepted" });
    await commands.acceptAssignment(actorOf(expert, "evaluator"), assignmentId);
    expect(await access.mayReadProposal(expert.id, p1!.id)).toBe(false);
    expect(await access.declarationFor(assignmentId, p1!.id)).toBeNull();

    await declarations.declareConflict(actorOf(expert, "evaluator"), assignmentId, { proposalId: p1!.id, conflicted: false, reason: "" });
    expect(await access.mayReadProposal(expert.id, p1!.id)).toBe(true);
    expect(await access.mayReadProposal(expert.id, p2!.id)).toBe(false);
    expect(await access.declarationFor(assignmentId, p1!.id)).toMatchObject({ conflicted: false, detected: [] });
    expect(await access.mayReadProposal(invitedOnly.id, p1!.id)).toBe(false);

    // A second declaration on the same proposal is refused and changes nothing.
    await expect(declarations.declareConflict(actorOf(expert, "evaluator"), assignmentId, { proposalId: p1!.id, conflicted: true, reason: "后来想起有合作" }))
      .rejects.toMatchObject({ status: 409 });
    expect(await access.declarationFor(assignmentId, p1!.id)).toMatchObject({ conflicted: false });

    // Someone else's assignment id is a 404, and a proposal of another scenario too.
    await expect(declarations.declareConflict(actorOf(invitedOnly, "evaluator"), assignmentId, { proposalId: p2!.id, conflicted: false, reason: "" }))
      .rejects.toMatchObject({ status: 404 });
    const other = await closedScenario(db);
    await expect(declarations.declareConflict(actorOf(expert, "evaluator"), assignmentId, { proposalId: other.proposals[0]!.id, conflicted: false, reason: "" }))
      .rejects.toMatchObject({ status: 404 });
    expect(await db.conflictDeclaration.count({ where: { assignmentId } })).toBe(1);

    // A withdrawn proposal is never readable, declaration or not.
    await db.proposal.update({ where: { id: p1!.id }, data: { status: "withdrawn" } });
    expect(await access.mayReadProposal(expert.id, p1!.id)).toBe(false);
  });

  it("a declared conflict shuts the proposal for good and is audited with the reason", async () => {
    const s = await closedScenario(db);
    const expert = await createExpert(db);
    const assignmentId = await assigned(s, expert);
    const proposalId = s.proposals[0]!.id;
    await declarations.declareConflict(actorOf(expert, "evaluator"), assignmentId, { proposalId, conflicted: true, reason: "曾为该单位顾问" });
    expect(await access.mayReadProposal(expert.id, proposalId)).toBe(false);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: assignmentId, action: "evaluation.conflict" } });
    expect(audit.data).toMatchObject({ proposalId, declared: true, reason: "曾为该单位顾问", detected: [] });
  });

  it("detection overrides a 'no': an affiliation that began after assignment still marks the declaration conflicted", async () => {
    const partner = await createOrganisation(db, "institute", `检测联合体 ${Date.now()}`);
    const s = await closedScenario(db, [{ consortium: [{ orgId: partner.id, name: partner.name, role: "数据" }] }]);
    const expert = await createExpert(db);
    const assignmentId = await assigned(s, expert);
    await db.evaluatorAffiliation.create({ data: { userId: expert.id, orgId: partner.id, orgName: partner.name, fromYear: 2024 } });
    const proposalId = s.proposals[0]!.id;
    await declarations.declareConflict(actorOf(expert, "evaluator"), assignmentId, { proposalId, conflicted: false, reason: "" });
    const d = await access.declarationFor(assignmentId, proposalId);
    expect(d).toMatchObject({ conflicted: true, reason: "", detected: [{ kind: "consortium_member", orgId: partner.id }] });
    expect(await access.mayReadProposal(expert.id, proposalId)).toBe(false);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: assignmentId, action: "evaluation.conflict" } });
    expect(audit.data).toMatchObject({ declared: false, detected: [{ kind: "consortium_member" }] });

    // Only an admin clears it, in writing; then the evaluator may read.
    const officer = actorOf(s.officer, "officer");
    await expect(declarations.overrideConflict(officer, s.id, d!.id, "部门认为可以评审这份申报")).rejects.toMatchObject({ status: 403 });
    const admin = await createUser(db, "admin");
    await declarations.overrideConflict(actorOf(admin, "admin"), s.id, d!.id, "联合体角色仅为数据提供，经核实不构成冲突");
    expect(await access.mayReadProposal(expert.id, proposalId)).toBe(true);
    expect(await access.declarationFor(assignmentId, proposalId)).toMatchObject({ conflicted: true, overriddenById: admin.id });
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: assignmentId, action: "evaluation.override" } })).toMatchObject({ actorId: admin.id });
    await expect(declarations.overrideConflict(actorOf(admin, "admin"), s.id, d!.id, "再次解除冲突的书面理由")).rejects.toMatchObject({ status: 409 });
  });
});

describe("the declaration page", () => {
  it("in blind review selects no vendor name, not even through a detected conflict; without blind it shows them", async () => {
    const vendorName = `盲评不可见企业 ${Date.now()}`;
    const partnerName = `盲评不可见伙伴 ${Date.now()}`;
    const partner = await createOrganisation(db, "institute", partnerName);
    const s = await closedScenario(db, [{ orgName: vendorName }, { consortium: [{ orgId: partner.id, name: partnerName, role: "算法" }] }]);
    await db.scenario.update({ where: { id: s.id }, data: { blindReview: true } });
    const expert = await createExpert(db, { affiliations: [{ orgId: partner.id, orgName: partnerName, fromYear: 2022 }] });
    // Pre-check would refuse this expert; assign directly to test what the page would show after a late affiliation.
    const assignment = await db.evaluationAssignment.create({ data: { scenarioId: s.id, evaluatorId: expert.id, dueAt: new Date(Date.now() + 86_400_000), assignedById: s.officer.id, status: "accepted" } });
    await declarations.declareConflict(actorOf(expert, "evaluator"), assignment.id, { proposalId: s.proposals[1]!.id, conflicted: false, reason: "" });

    const blind = await pageFor(expert.id, assignment.id);
    expect(blind.status).toBe(200);
    const json = JSON.stringify(blind.data);
    expect(json).not.toContain(vendorName);
    expect(json).not.toContain(partnerName);
    expect(json).not.toContain("方案正文");
    expect(blind.data!.proposals.map((p) => p.label)).toEqual(["A", "B"]);
    expect(blind.data!.proposals[1]!.declaration).toMatchObject({ conflicted: true, detectedCount: 1, detected: [] });

    await db.scenario.update({ where: { id: s.id }, data: { blindReview: false } });
    const open = JSON.stringify((await pageFor(expert.id, assignment.id)).data);
    expect(open).toContain(vendorName);
    expect(open).not.toContain("方案正文");
  });

  it("is a 404 for another evaluator's assignment and 403 for an officer", async () => {
    const s = await closedScenario(db);
    const expert = await createExpert(db);
    const assignmentId = await assigned(s, expert);
    expect((await pageFor(expert.id, assignmentId)).status).toBe(200);
    expect((await pageFor((await createExpert(db)).id, assignmentId)).status).toBe(404);
    expect((await pageFor(s.officer.id, assignmentId)).status).toBe(403);
  });
});
