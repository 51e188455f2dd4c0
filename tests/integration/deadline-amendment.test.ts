import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createVendor, scenarioInput, startProposal } from "../fixtures/interested";
import { createOrganisation, createUser } from "../fixtures/users";

// The department cannot unseal early by moving the deadline: sealing holds against its own officer.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let commands: typeof import("../../app/modules/scenarios/scenario-commands.server");
let access: typeof import("../../app/modules/proposals/proposal-access.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  commands = await import("../../app/modules/scenarios/scenario-commands.server");
  access = await import("../../app/modules/proposals/proposal-access.server");
});
afterAll(() => cleanup?.());

const DAY = 86_400_000;

async function publishedScenario(deadline = new Date(Date.now() + 30 * DAY)) {
  const department = await createOrganisation(db, "department");
  const officer = await createUser(db, "officer", { orgId: department.id });
  const created = await commands.createDraft(officer, department.id, scenarioInput({ deadline }));
  const key = { id: created.id, departmentId: department.id };
  await commands.publishScenario(officer, { ...key, version: 1 });
  const version = async () => (await db.scenario.findUniqueOrThrow({ where: { id: key.id }, select: { version: true } })).version;
  return { officer, key, deadline, version };
}

describe("deadline amendments", () => {
  it("refuses pulling the deadline to a few seconds ahead once a proposal is in, and nothing unseals", async () => {
    const { officer, key, version } = await publishedScenario();
    const vendor = await createVendor(db);
    await startProposal(db, vendor, key.id, "submitted");
    const soon = new Date(Date.now() + 5000);
    await expect(commands.amendScenario(officer, { ...key, version: await version() }, scenarioInput({ deadline: soon }), "提前截止"))
      .rejects.toMatchObject({ label: "sv.deadlineShortenSubmitted", status: 422 });
    const row = await db.scenario.findUniqueOrThrow({ where: { id: key.id }, select: { deadline: true, status: true } });
    expect(row.deadline.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    expect(access.isSealed({ departmentId: key.departmentId, status: row.status, deadline: row.deadline })).toBe(true);
  });

  it("without proposals, shortening needs three days' notice", async () => {
    const { officer, key, version } = await publishedScenario();
    await expect(commands.amendScenario(officer, { ...key, version: await version() }, scenarioInput({ deadline: new Date(Date.now() + 2 * DAY) }), "提前"))
      .rejects.toMatchObject({ label: "sv.deadlineShortenNotice" });
    const ok = await commands.amendScenario(officer, { ...key, version: await version() }, scenarioInput({ deadline: new Date(Date.now() + 4 * DAY) }), "提前至四天后");
    expect(ok.material).toBe(true);
  });

  it("extending is allowed with submitted proposals", async () => {
    const { officer, key, version, deadline } = await publishedScenario();
    await startProposal(db, await createVendor(db), key.id, "submitted");
    const later = new Date(deadline.getTime() + 10 * DAY);
    await commands.amendScenario(officer, { ...key, version: await version() }, scenarioInput({ deadline: later }), "延期十天");
    expect((await db.scenario.findUniqueOrThrow({ where: { id: key.id } })).deadline.getTime()).toBe(later.getTime());
  });

  it("a call whose deadline has passed never reopens, even before the closing job ran", async () => {
    const { officer, key, version } = await publishedScenario(new Date(Date.now() + 30 * DAY));
    // The deadline passes; the closing job has not run yet, so the row still says "published".
    await db.scenario.update({ where: { id: key.id }, data: { deadline: new Date(Date.now() - 1000) } });
    await expect(commands.amendScenario(officer, { ...key, version: await version() }, scenarioInput({ deadline: new Date(Date.now() + 40 * DAY) }), "重新开放"))
      .rejects.toMatchObject({ label: "sv.deadlineClosed", status: 409 });
    expect((await db.scenario.findUniqueOrThrow({ where: { id: key.id } })).deadline.getTime()).toBeLessThan(Date.now());
  });
});
