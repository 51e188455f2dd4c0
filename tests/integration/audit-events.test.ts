import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createUser } from "../fixtures/users";

let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let audit: typeof import("../../app/modules/audit/audit.server");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  audit = await import("../../app/modules/audit/audit.server");
});
afterAll(() => cleanup?.());

describe("typed audit events", () => {
  it("records the person's IP and user agent and reads the history back parsed", async () => {
    const officer = await createUser(db, "officer");
    const actor = { id: officer.id, context: { ip: "198.51.100.7", userAgent: "Mozilla/5.0 test" } };
    await db.$transaction(async (tx) => {
      await audit.recordAudit(tx, { actor, action: "scenario.create", entityId: "sc-1", orgId: officer.orgId, data: { code: "ZZ-2026-0001" } });
      await audit.recordAudit(tx, { actor: null, action: "scenario.close", entityId: "sc-1", data: { deadline: "2026-12-01T00:00:00.000Z", proposals: 3 } });
    });
    const history = await audit.auditHistory("scenario", "sc-1");
    expect(history.map((e) => e.action)).toEqual(["scenario.create", "scenario.close"]);
    expect(history[0]).toMatchObject({ entityType: "scenario", ip: "198.51.100.7", userAgent: "Mozilla/5.0 test", valid: true, data: { code: "ZZ-2026-0001" }, actor: { id: officer.id } });
    expect(history[1]).toMatchObject({ actor: null, ip: null, data: { proposals: 3 } });
  });

  it("refuses data that does not fit its action, and writes nothing", async () => {
    await expect(
      db.$transaction((tx) => audit.recordAudit(tx, { actor: null, action: "scenario.close", entityId: "sc-2", data: { deadline: 5 } as never })),
    ).rejects.toThrow();
    expect(await db.auditEvent.count({ where: { entityId: "sc-2" } })).toBe(0);
  });

  it("still reads rows no schema describes, marked as such", async () => {
    await db.auditEvent.create({ data: { action: "legacy.thing", entityType: "scenario", entityId: "sc-3", data: { any: 1 } } });
    const [row] = await audit.auditHistory("scenario", "sc-3");
    expect(row).toMatchObject({ valid: false, data: { any: 1 } });
  });
});
