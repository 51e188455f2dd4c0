import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createUser } from "../fixtures/users";

let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let transition: typeof import("../../app/modules/scenarios/scenario-transition.server");
let registry: typeof import("../../app/modules/deadlines/deadline-registry.server");
let closeDeadline: typeof import("../../app/modules/deadlines/scenario-close.deadline.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  transition = await import("../../app/modules/scenarios/scenario-transition.server");
  registry = await import("../../app/modules/deadlines/deadline-registry.server");
  closeDeadline = await import("../../app/modules/deadlines/scenario-close.deadline.server");
});
afterAll(() => cleanup?.());

async function scenario(status: "draft" | "published" | "closed", deadlineInDays = 10) {
  const department = await createOrganisation(db, "department");
  const officer = await createUser(db, "officer", { orgId: department.id });
  const row = await createScenario(db, { departmentId: department.id, createdById: officer.id, status, deadlineInDays });
  return { id: row.id, departmentId: department.id, officer };
}

const cancel = (reason: string) => ({ set: { cancelReason: reason }, audit: { action: "scenario.cancel" as const, data: { from: "published", reason } } });

describe("transitionScenario", () => {
  it("moves along the table, audits with the actor and queues the search sync", async () => {
    const s = await scenario("published");
    await db.$transaction((tx) => transition.transitionScenario(tx, s, "cancelled", { id: s.officer.id }, cancel("需求调整")));
    expect(await db.scenario.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ status: "cancelled", cancelReason: "需求调整" });
    expect(await db.auditEvent.findFirst({ where: { entityId: s.id, action: "scenario.cancel" } })).toMatchObject({ actorId: s.officer.id, entityType: "scenario" });
  });

  it("refuses a move the table does not allow and changes nothing", async () => {
    const s = await scenario("closed");
    await expect(db.$transaction((tx) => transition.transitionScenario(tx, s, "published", null, { audit: { action: "scenario.publish", data: { version: 1, deadline: "x" } } })))
      .rejects.toMatchObject({ label: "sv.transition", status: 409 });
    expect((await db.scenario.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("closed");
  });

  it("of two racing moves, the loser gets a 409", async () => {
    const s = await scenario("published");
    const results = await Promise.allSettled([
      db.$transaction((tx) => transition.transitionScenario(tx, s, "cancelled", null, cancel("第一"))),
      db.$transaction((tx) => transition.transitionScenario(tx, s, "cancelled", null, cancel("第二"))),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { status: 409 } });
    expect(await db.auditEvent.count({ where: { entityId: s.id, action: "scenario.cancel" } })).toBe(1);
  });

  it("an outsider's key (another department) finds nothing", async () => {
    const s = await scenario("published");
    const other = await createOrganisation(db, "department");
    await expect(db.$transaction((tx) => transition.transitionScenario(tx, { id: s.id, departmentId: other.id }, "cancelled", null, cancel("越权"))))
      .rejects.toMatchObject({ status: 404 });
    expect((await db.scenario.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("published");
  });
});

describe("the deadline registry", () => {
  it("lists the proposal deadline, whose sweep closes overdue scenarios once", async () => {
    expect(registry.DEADLINES.map((d) => d.name)).toContain("proposal-deadline");
    const overdue = await scenario("published", 10);
    await db.scenario.update({ where: { id: overdue.id }, data: { deadline: new Date(Date.now() - 1000) } });
    await registry.runDeadlineJob(closeDeadline.scenarioCloseDeadline, { sweep: true });
    expect((await db.scenario.findUniqueOrThrow({ where: { id: overdue.id } })).status).toBe("closed");
    await registry.runDeadlineJob(closeDeadline.scenarioCloseDeadline, { scenarioId: overdue.id });
    expect(await db.auditEvent.count({ where: { entityId: overdue.id, action: "scenario.close" } })).toBe(1);
    // The rubric is frozen into criterion rows that scores point at.
    const rubric = (await db.scenario.findUniqueOrThrow({ where: { id: overdue.id }, select: { rubric: true } })).rubric as { criterion: string }[];
    const criteria = await db.criterion.findMany({ where: { scenarioId: overdue.id }, orderBy: { position: "asc" } });
    expect(criteria.map((c) => c.name)).toEqual(rubric.map((r) => r.criterion));
    expect(criteria.length).toBeGreaterThan(0);
  });

  it("drops a malformed job instead of failing it forever", async () => {
    await expect(registry.runDeadlineJob(closeDeadline.scenarioCloseDeadline, { scenarioId: 42 })).resolves.toBeUndefined();
  });
});
