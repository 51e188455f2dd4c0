import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIT_EVENTS } from "../../app/modules/audit/audit-events";
import { en } from "../../app/locales/en";
import { zhCN } from "../../app/locales/zh-CN";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createSessionToken, createUser, sessionCookieValue } from "../fixtures/users";
import { useAppDatabase } from "../setup/app-database";

// The audit log viewer: filters by record (id or scenario code), actor, action and Shanghai dates;
// each event in words — action label, the record's name, labelled fields with names for ids — and
// the same words in the CSV.
let database: Awaited<ReturnType<typeof useAppDatabase>>;
let db: typeof import("../../app/utils/db.server").db;
let route: typeof import("../../app/routes/admin.audit");
let csv: typeof import("../../app/routes/admin.audit[.]csv");
let audit: typeof import("../../app/modules/audit/audit.server");
let cookie: string;
let ids: { scenarioId: string; code: string; officerId: string; officerEmail: string; departmentId: string; departmentName: string };

beforeAll(async () => {
  database = await useAppDatabase();
  db = (await import("../../app/utils/db.server")).db;
  route = await import("../../app/routes/admin.audit");
  csv = await import("../../app/routes/admin.audit[.]csv");
  audit = await import("../../app/modules/audit/audit.server");
  const admin = await createUser(db, "admin");
  cookie = `jb_session=${sessionCookieValue(await createSessionToken(db, admin.id))}`;
  const department = await createOrganisation(db, "department", "郑州市应急管理局（审计测试）");
  const officer = await createUser(db, "officer", { orgId: department.id, name: "审计 李工" });
  const scenario = await createScenario(db, { departmentId: department.id, createdById: officer.id, status: "published" });
  ids = { scenarioId: scenario.id, code: scenario.code, officerId: officer.id, officerEmail: officer.email, departmentId: department.id, departmentName: department.name };
  const actor = { id: officer.id, context: { ip: "198.51.100.4", userAgent: "test" } };
  await db.$transaction(async (tx) => {
    await audit.recordAudit(tx, { actor, action: "scenario.publish", entityId: scenario.id, orgId: department.id, data: { version: 1, deadline: "2027-03-01T10:00:00.000Z" } });
    await audit.recordAudit(tx, { actor, action: "scenario.cancel", entityId: scenario.id, orgId: department.id, data: { from: "published", reason: "需求调整" } });
    await audit.recordAudit(tx, { actor: null, action: "question.answer", entityId: "question-x", data: { scenarioId: scenario.id, askerOrgId: department.id } });
  });
  // A date-like value that is no date must not break the page (Intl refuses an invalid Date).
  await db.auditEvent.create({ data: { action: "saved_search.update", entityType: "saved_search", entityId: "search-x", data: { fields: ["name"], frequency: "2026-13-45T99:99" } } });
  // An old event, on a day of its own (Shanghai time).
  await db.auditEvent.create({ data: { action: "organisation.verify", entityType: "organisation", entityId: department.id, at: new Date("2026-03-01T20:00:00+08:00"), data: {} } });
});

afterAll(async () => {
  await database?.cleanup();
});

const load = (search: string, locale?: "en") =>
  route.loader({ request: new Request(`http://jiebang.test/admin/audit${search}`, { headers: { Cookie: `${cookie}${locale ? "; jb_locale=ImVuIg%3D%3D" : ""}` } }), params: {}, context: {} });

describe("audit log viewer", () => {
  it("filters by a scenario's code and tells each event in words, with names instead of ids", async () => {
    const page = await load(`?record=${ids.code}`);
    expect(page.events.map((e) => e.action)).toEqual(["scenario.cancel", "scenario.publish"]);
    const cancel = page.events[0]!;
    expect(cancel).toMatchObject({ actionText: "撤榜", entityText: "场景", actor: expect.stringContaining("审计 李工"), ip: "198.51.100.4" });
    expect(cancel.record).toContain(ids.code);
    expect(cancel.fields).toEqual([{ label: "原状态", value: "征集中" }, { label: "原因", value: "需求调整" }]);
    expect(cancel.record).not.toBe(ids.scenarioId);
  });

  it("names ids inside the data and the platform as actor; filters by action and by actor", async () => {
    const page = await load("?action=question.answer");
    expect(page.events).toHaveLength(1);
    expect(page.events[0]).toMatchObject({ actor: "平台（自动）", actionText: "答复提问" });
    expect(page.events[0]!.fields).toEqual([
      { label: "场景", value: expect.stringContaining(ids.code) },
      { label: "提问单位", value: ids.departmentName },
    ]);
    expect(JSON.stringify(page.events[0]!.fields)).not.toContain(ids.scenarioId);
    expect(JSON.stringify(page.events[0]!.fields)).not.toContain(ids.departmentId);
    const byActor = await load(`?actor=${encodeURIComponent(ids.officerEmail)}`);
    expect(byActor.events.map((e) => e.action).sort()).toEqual(["scenario.cancel", "scenario.publish"]);
  });

  it("shows a value that only looks like a date as it is", async () => {
    const page = await load("?action=saved_search.update");
    expect(page.events[0]!.fields).toContainEqual({ label: "频率", value: "2026-13-45T99:99" });
  });

  it("filters by Shanghai days, inclusive; bad filter values fall back instead of failing", async () => {
    const day = await load("?from=2026-03-01&to=2026-03-01");
    expect(day.events.map((e) => e.action)).toEqual(["organisation.verify"]);
    expect((await load("?from=2026-03-02&to=2026-03-02")).total).toBe(0);
    const bad = await load("?from=2026-02-31x&action=nope&type=nope&page=-3&record=%00");
    expect(bad.page).toBe(1);
    expect(bad.filters).toEqual({ type: undefined, action: undefined, record: undefined, actor: undefined, from: undefined, to: undefined });
  });

  it("English readers get English words; the CSV has the same words and the filters", async () => {
    const page = await load(`?record=${ids.code}`, "en");
    expect(page.events[0]).toMatchObject({ actionText: "Scenario cancelled", fields: [{ label: "Previous state", value: "Open" }, { label: "Reason", value: "需求调整" }] });
    const response = (await csv.loader({ request: new Request(`http://jiebang.test/admin/audit.csv?record=${ids.code}`, { headers: { Cookie: cookie } }), params: {}, context: {} })) as Response;
    const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    const lines = body.split("\r\n");
    expect(lines[0]).toBe("\uFEFF时间,操作人,IP,操作,操作代码,对象,对象名称,对象 ID,详情");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(",撤榜,scenario.cancel,场景,");
    expect(lines[1]).toContain("原状态: 征集中; 原因: 需求调整");
  });

  it("every audit action and every field of its data has a label in both languages", () => {
    for (const [action, spec] of Object.entries(AUDIT_EVENTS)) {
      expect(zhCN, action).toHaveProperty([`adm.audit.action.${action}`]);
      expect(en, action).toHaveProperty([`adm.audit.action.${action}`]);
      expect(zhCN, spec.entity).toHaveProperty([`adm.audit.entity.${spec.entity}`]);
      const shape = (spec.data as unknown as { shape?: Record<string, unknown> }).shape ?? {};
      for (const field of Object.keys(shape)) expect(zhCN, `${action}.${field}`).toHaveProperty([`adm.audit.field.${field}`]);
    }
  });
});
