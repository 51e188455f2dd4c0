import { afterAll, beforeAll, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createVendor, saveScenario, scenarioInput, startProposal } from "../fixtures/interested";
import { createOrganisation, createUser } from "../fixtures/users";
import { SAMPLES } from "../fixtures/file-samples";
import { drainEvents } from "../fixtures/drain-events";

// Issue 4 item 8: a file added to a published scenario is a material amendment — versioned, in the
// diff, announced to the interested vendors, and marking their proposals as written against old terms.
let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let commands: typeof import("../../app/modules/scenarios/scenario-commands.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  process.env.DATA_DIR = (await import("node:fs")).mkdtempSync((await import("node:path")).join((await import("node:os")).tmpdir(), "jiebang-files-"));
  db = (await import("../../app/utils/db.server")).db;
  commands = await import("../../app/modules/scenarios/scenario-commands.server");
});
afterAll(() => cleanup?.());

it("adding a file to a published scenario records a material version and notifies the interested vendors", async () => {
  const department = await createOrganisation(db, "department", "郑州市水利局（附件测试）");
  const officer = await createUser(db, "officer", { orgId: department.id });
  const deadline = new Date(Date.now() + 20 * 86_400_000);
  const created = await commands.createDraft(officer, department.id, scenarioInput({ deadline }));
  const key = { id: created.id, departmentId: department.id };
  await commands.publishScenario(officer, { ...key, version: 1 });
  const [saver, drafter, bystander] = await Promise.all([createVendor(db), createVendor(db), createVendor(db)]);
  await saveScenario(db, saver, key.id);
  const proposal = await startProposal(db, drafter, key.id, "draft");

  const file = new File([SAMPLES.pdf], "水库调度规程（2026修订）.pdf", { type: "application/pdf" });
  const result = await commands.addScenarioFile(officer, key, file);
  await drainEvents();

  const version = await db.scenarioVersion.findFirstOrThrow({ where: { scenarioId: key.id, version: result.version } });
  expect(version.material).toBe(true);
  expect(version.changes).toEqual([{ field: "attachments", before: [], after: ["水库调度规程（2026修订）.pdf"] }]);
  expect(await db.attachment.count({ where: { scenarioId: key.id } })).toBe(1);
  for (const vendor of [saver, drafter]) {
    expect(await db.notification.count({ where: { userId: vendor.id, kind: "scenario.amended" } })).toBe(1);
    const mail = await db.mail.findFirstOrThrow({ where: { to: vendor.email, template: "scenario-update" } });
    expect(mail.text).toContain("水库调度规程（2026修订）.pdf");
  }
  expect(await db.notification.count({ where: { userId: bystander.id } })).toBe(0);
  expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).scenarioChangedAt).not.toBeNull();
  expect(await db.auditEvent.count({ where: { entityId: key.id, action: "scenario.amend" } })).toBe(1);

  // A later form amendment keeps the file in its snapshot: no spurious "file removed".
  const amended = await commands.amendScenario(officer, { ...key, version: (await db.scenario.findUniqueOrThrow({ where: { id: key.id } })).version },
    scenarioInput({ deadline, summary: "新的简介" }), "仅修改简介");
  expect(amended.changes.map((c) => c.field)).toEqual(["summary"]);
});
