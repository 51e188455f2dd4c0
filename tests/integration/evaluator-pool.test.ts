import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createSessionToken, createUser, sessionCookieValue, testCreditCode, uniqueSuffix } from "../fixtures/users";

let cleanup: () => Promise<void>;
let db: typeof import("../../app/utils/db.server")["db"];
let pool: typeof import("../../app/modules/evaluation/pool.server");
let poolIndex: typeof import("../../app/routes/admin.evaluators._index");
let poolEdit: typeof import("../../app/routes/admin.evaluators.$userId");
let ownProfile: typeof import("../../app/routes/evaluator.profile");

beforeAll(async () => {
  ({ cleanup } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  pool = await import("../../app/modules/evaluation/pool.server");
  poolIndex = await import("../../app/routes/admin.evaluators._index");
  poolEdit = await import("../../app/routes/admin.evaluators.$userId");
  ownProfile = await import("../../app/routes/evaluator.profile");
});
afterAll(() => cleanup?.());

type Reply = { init: ResponseInit | null; data: { result: { initialValue?: Record<string, unknown>; error?: Record<string, string[]> } } };
type ActionFn = (args: { request: Request; params: Record<string, string>; context: object }) => Promise<unknown>;

async function post(action: ActionFn, path: string, userId: string, fields: [string, string][], params: Record<string, string> = {}) {
  const cookie = `jb_session=${sessionCookieValue(await createSessionToken(db, userId))}`;
  const request = new Request(`http://jiebang.test${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
  try {
    return (await action({ request, params, context: {} })) as Response | Reply;
  } catch (thrown) {
    return thrown as Response;
  }
}
const status = (r: Response | Reply) => (r instanceof Response ? r.status : (r.init?.status ?? 200));
const reply = (r: Response | Reply) => (r as Reply).data.result;

const actorOf = (user: { id: string; orgId: string }, role: "admin" | "evaluator" | "officer" | "vendor_member") =>
  ({ id: user.id, memberships: [{ orgId: user.orgId, role }] });

async function profileOf(userId: string) {
  return db.evaluatorProfile.findUnique({ where: { userId } });
}
async function affiliationsOf(userId: string) {
  return db.evaluatorAffiliation.findMany({ where: { userId }, orderBy: { orgName: "asc" }, select: { orgId: true, orgName: true, fromYear: true, toYear: true } });
}
async function tokenOf(userId: string) {
  return (await profileOf(userId))?.updatedAt.toISOString() ?? "";
}

/** The admin's edit form as the browser posts it. */
function adminForm(token: string, rows: { orgId?: string; org: string; fromYear?: string; toYear?: string }[], extra: [string, string][] = []): [string, string][] {
  return [
    ["updatedAt", token], ["title", "教授"], ["expertise", "水文预报与防汛决策支持"],
    ["sectors", "disaster_prevention"], ["sectors", "ecology"], ["techTags", "llm"], ["maxConcurrent", "5"],
    ...rows.flatMap((r, i): [string, string][] => [
      [`affiliations[${i}].orgId`, r.orgId ?? ""], [`affiliations[${i}].org`, r.org],
      [`affiliations[${i}].fromYear`, r.fromYear ?? ""], [`affiliations[${i}].toYear`, r.toYear ?? ""],
    ]),
    ...extra,
  ];
}

describe("the pool, kept by admins", () => {
  it("adds an evaluator to the pool (audited) and refuses a non-evaluator and a second add", async () => {
    const admin = await createUser(db, "admin");
    const expert = await createUser(db, "evaluator");
    const response = await post(poolIndex.action as ActionFn, "/admin/evaluators", admin.id, [["userId", expert.id]]);
    expect(status(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe(`/admin/evaluators/${expert.id}`);
    expect(await profileOf(expert.id)).toMatchObject({ maxConcurrent: 3, active: true });
    expect(await db.auditEvent.count({ where: { action: "evaluator.pool_add", entityId: expert.id, actorId: admin.id } })).toBe(1);

    const again = await post(poolIndex.action as ActionFn, "/admin/evaluators", admin.id, [["userId", expert.id]]);
    expect(status(again)).toBe(409);
    const vendor = await createUser(db, "vendor");
    const notEvaluator = await post(poolIndex.action as ActionFn, "/admin/evaluators", admin.id, [["userId", vendor.id]]);
    expect(status(notEvaluator)).toBe(400);
    expect(reply(notEvaluator).error?.[""]).toEqual(["ep.v.notEvaluator"]);
    expect(await profileOf(vendor.id)).toBeNull();
  });

  it("saves an expert's profile and affiliations: a platform organisation's name or credit code links the row, other names stay names", async () => {
    const admin = await createUser(db, "admin");
    const expert = await createUser(db, "evaluator");
    await pool.addToPool(actorOf(admin, "admin"), expert.id);
    const university = await createOrganisation(db, "institute", `郑州测试大学 ${uniqueSuffix()}`);
    const company = await db.organisation.create({ data: { name: `中原测试科技 ${uniqueSuffix()}`, type: "vendor", creditCode: testCreditCode("91") }, select: { id: true, name: true, creditCode: true } });
    const rows = [
      { org: university.name, fromYear: "2015" },
      { org: company.creditCode!.toLowerCase(), fromYear: "2010", toYear: "2014" },
      { org: "不在平台上的研究所", fromYear: "2005", toYear: "2009" },
    ];
    const response = await post(poolEdit.action as ActionFn, `/admin/evaluators/${expert.id}`, admin.id, adminForm(await tokenOf(expert.id), rows), { userId: expert.id });
    expect(status(response)).toBe(302);

    expect(await profileOf(expert.id)).toMatchObject({ title: "教授", sectors: ["disaster_prevention", "ecology"], techTags: ["llm"], maxConcurrent: 5, active: false });
    expect(await affiliationsOf(expert.id)).toEqual([
      { orgId: null, orgName: "不在平台上的研究所", fromYear: 2005, toYear: 2009 },
      { orgId: company.id, orgName: company.name, fromYear: 2010, toYear: 2014 },
      { orgId: university.id, orgName: university.name, fromYear: 2015, toYear: null },
    ].sort((a, b) => a.orgName.localeCompare(b.orgName)));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "evaluator.profile_update", entityId: expert.id } });
    expect(audit).toMatchObject({ actorId: admin.id, entityType: "user" });
    const data = audit.data as { fields: string[]; affiliations: { before: unknown[]; after: { orgId: string | null }[] } };
    expect(data.fields).toEqual(expect.arrayContaining(["title", "sectors", "maxConcurrent", "active", "affiliations"]));
    expect(data.affiliations.before).toEqual([]);
    expect(data.affiliations.after.map((a) => a.orgId)).toEqual(expect.arrayContaining([university.id, company.id, null]));

    // The conflict-detection view leaves out rows kept only by name.
    const forConflicts = await pool.evaluatorAffiliations(expert.id);
    expect(forConflicts.map((a) => a.orgId).sort()).toEqual([company.id, university.id].sort());
  });

  it("removes an affiliation row and records what it was", async () => {
    const admin = await createUser(db, "admin");
    const expert = await createUser(db, "evaluator");
    await pool.addToPool(actorOf(admin, "admin"), expert.id);
    const vendor = await createOrganisation(db, "vendor");
    await post(poolEdit.action as ActionFn, `/admin/evaluators/${expert.id}`, admin.id, adminForm(await tokenOf(expert.id), [{ org: vendor.name, fromYear: "2020" }, { org: "某研究院" }]), { userId: expert.id });
    const stored = await db.evaluatorAffiliation.findFirstOrThrow({ where: { userId: expert.id, orgId: vendor.id } });
    const response = await post(poolEdit.action as ActionFn, `/admin/evaluators/${expert.id}`, admin.id, adminForm(await tokenOf(expert.id), [{ org: "某研究院" }]), { userId: expert.id });
    expect(status(response)).toBe(302);
    expect((await affiliationsOf(expert.id)).map((a) => a.orgName)).toEqual(["某研究院"]);
    const last = await db.auditEvent.findFirstOrThrow({ where: { action: "evaluator.profile_update", entityId: expert.id }, orderBy: { id: "desc" } });
    const before = (last.data as { affiliations: { before: { orgId: string | null; fromYear: number | null }[] } }).affiliations.before;
    expect(before).toContainEqual(expect.objectContaining({ orgId: stored.orgId, fromYear: 2020 }));
  });

  it("answers 400 with everything typed and the message on the row for bad years and a name several organisations share", async () => {
    const admin = await createUser(db, "admin");
    const expert = await createUser(db, "evaluator");
    await pool.addToPool(actorOf(admin, "admin"), expert.id);
    const token = await tokenOf(expert.id);
    const badYears = await post(poolEdit.action as ActionFn, `/admin/evaluators/${expert.id}`, admin.id,
      adminForm(token, [{ org: "甲单位", fromYear: "2020", toYear: "2018" }, { org: "乙单位", fromYear: "3020" }]), { userId: expert.id });
    expect(status(badYears)).toBe(400);
    expect(reply(badYears).error?.["affiliations[0].toYear"]).toEqual(["ep.v.yearOrder"]);
    expect(reply(badYears).error?.["affiliations[1].fromYear"]).toEqual([`ep.v.yearFuture@${new Date().getFullYear()}`]);
    expect(reply(badYears).initialValue).toMatchObject({ title: "教授", affiliations: [{ org: "甲单位" }, { org: "乙单位" }] });

    const shared = `同名单位 ${uniqueSuffix()}`;
    await createOrganisation(db, "vendor", shared);
    await createOrganisation(db, "institute", shared);
    const ambiguous = await post(poolEdit.action as ActionFn, `/admin/evaluators/${expert.id}`, admin.id, adminForm(token, [{ org: "别的单位" }, { org: shared }]), { userId: expert.id });
    expect(status(ambiguous)).toBe(400);
    expect(reply(ambiguous).error?.["affiliations[1].org"]).toEqual(["ep.v.orgAmbiguous"]);
    expect(reply(ambiguous).initialValue).toMatchObject({ affiliations: [{ org: "别的单位" }, { org: shared }] });
    expect(await affiliationsOf(expert.id)).toEqual([]);
    expect(await tokenOf(expert.id)).toBe(token);
  });

  it("adds a row without JavaScript: the row editor's button answers 200 with one more row and nothing saved", async () => {
    const admin = await createUser(db, "admin");
    const expert = await createUser(db, "evaluator");
    await pool.addToPool(actorOf(admin, "admin"), expert.id);
    const intent = JSON.stringify({ type: "insert", payload: { name: "affiliations", defaultValue: { orgId: "", org: "", fromYear: "", toYear: "" } } });
    const response = await post(poolEdit.action as ActionFn, `/admin/evaluators/${expert.id}`, admin.id,
      adminForm(await tokenOf(expert.id), [{ org: "甲单位" }], [["__intent__", intent]]), { userId: expert.id });
    expect(status(response)).toBe(200);
    expect((reply(response).initialValue?.affiliations as unknown[]).length).toBe(2);
    expect(await affiliationsOf(expert.id)).toEqual([]);
  });

  it("refuses a save over a newer one with 409 and changes nothing", async () => {
    const admin = await createUser(db, "admin");
    const expert = await createUser(db, "evaluator");
    await pool.addToPool(actorOf(admin, "admin"), expert.id);
    const stale = await tokenOf(expert.id);
    await post(poolEdit.action as ActionFn, `/admin/evaluators/${expert.id}`, admin.id, adminForm(stale, []), { userId: expert.id });
    const fresh = await tokenOf(expert.id);
    const response = await post(poolEdit.action as ActionFn, `/admin/evaluators/${expert.id}`, admin.id, adminForm(stale, [{ org: "覆盖" }]), { userId: expert.id });
    expect(status(response)).toBe(409);
    expect(reply(response).error?.[""]).toEqual(["error.conflict"]);
    expect(await tokenOf(expert.id)).toBe(fresh);
    expect(await affiliationsOf(expert.id)).toEqual([]);
  });
});

describe("the expert's own profile", () => {
  it("saves only the expert's own expertise and affiliations; capacity fields in the post are ignored", async () => {
    const expert = await createUser(db, "evaluator");
    const org = await createOrganisation(db, "institute");
    const response = await post(ownProfile.action as ActionFn, "/evaluator/profile", expert.id, [
      ["updatedAt", ""], ["title", "研究员"], ["expertise", "遥感与生态监测"], ["sectors", "ecology"],
      ["affiliations[0].org", org.name], ["affiliations[0].fromYear", "2019"],
      ["maxConcurrent", "20"], ["active", "on"], ["userId", "someone-else"],
    ]);
    expect(status(response)).toBe(302);
    expect(await profileOf(expert.id)).toMatchObject({ title: "研究员", sectors: ["ecology"], maxConcurrent: 3, active: true });
    expect(await affiliationsOf(expert.id)).toEqual([{ orgId: org.id, orgName: org.name, fromYear: 2019, toYear: null }]);
    const actions = (await db.auditEvent.findMany({ where: { entityId: expert.id, actorId: expert.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["evaluator.pool_add", "evaluator.profile_update"]);
  });

  it("refuses an evaluator on the admin's pages and on another expert's profile; rows unchanged", async () => {
    const admin = await createUser(db, "admin");
    const other = await createUser(db, "evaluator");
    await pool.addToPool(actorOf(admin, "admin"), other.id);
    await post(poolEdit.action as ActionFn, `/admin/evaluators/${other.id}`, admin.id, adminForm(await tokenOf(other.id), [{ org: "原单位" }]), { userId: other.id });
    const before = { profile: await profileOf(other.id), affiliations: await affiliationsOf(other.id) };
    const audits = await db.auditEvent.count({ where: { entityId: other.id } });

    const evaluator = await createUser(db, "evaluator");
    const viaAdminPage = await post(poolEdit.action as ActionFn, `/admin/evaluators/${other.id}`, evaluator.id, adminForm(await tokenOf(other.id), [{ org: "篡改" }]), { userId: other.id });
    expect(status(viaAdminPage)).toBe(403);
    const addSelf = await post(poolIndex.action as ActionFn, "/admin/evaluators", evaluator.id, [["userId", evaluator.id]]);
    expect(status(addSelf)).toBe(403);
    await expect(pool.updatePoolProfile(actorOf(evaluator, "evaluator"), other.id, { updatedAt: await tokenOf(other.id), title: "x", expertise: "", sectors: [], techTags: [], affiliations: [], maxConcurrent: 9, active: true }))
      .rejects.toMatchObject({ status: 403 });
    await expect(pool.poolProfileForEdit(actorOf(evaluator, "evaluator"), other.id)).rejects.toMatchObject({ status: 403 });

    for (const role of ["vendor", "officer"] as const) {
      const outsider = await createUser(db, role);
      expect(status(await post(poolEdit.action as ActionFn, `/admin/evaluators/${other.id}`, outsider.id, adminForm(await tokenOf(other.id), []), { userId: other.id }))).toBe(403);
      expect(status(await post(ownProfile.action as ActionFn, "/evaluator/profile", outsider.id, [["title", "冒充"]]))).toBe(403);
      expect(await profileOf(outsider.id)).toBeNull();
    }
    expect(await profileOf(other.id)).toEqual(before.profile);
    expect(await affiliationsOf(other.id)).toEqual(before.affiliations);
    expect(await profileOf(evaluator.id)).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: other.id } })).toBe(audits);
  });

  it("an admin asking for someone outside the pool gets 404", async () => {
    const admin = await createUser(db, "admin");
    const notInPool = await createUser(db, "evaluator");
    await expect(pool.poolProfileForEdit(actorOf(admin, "admin"), notInPool.id)).rejects.toMatchObject({ status: 404 });
    const response = await post(poolEdit.action as ActionFn, `/admin/evaluators/${notInPool.id}`, admin.id, adminForm("", []), { userId: notInPool.id });
    expect(status(response)).toBe(404);
    expect(await profileOf(notInPool.id)).toBeNull();
  });
});

describe("evaluatorLoads", () => {
  it("counts invited and accepted assignments on scenarios still in evaluation, and the capacity", async () => {
    const admin = await createUser(db, "admin");
    const department = await createOrganisation(db, "department");
    const officer = await createUser(db, "officer", { orgId: department.id });
    const busy = await createUser(db, "evaluator");
    const idle = await createUser(db, "evaluator");
    await pool.addToPool(actorOf(admin, "admin"), busy.id);
    await db.evaluatorProfile.update({ where: { userId: busy.id }, data: { maxConcurrent: 4 } });
    const assign = async (scenarioStatus: "closed" | "evaluating" | "award_proposed", assignment: "invited" | "accepted" | "declined" | "removed") => {
      const scenario = await createScenario(db, { departmentId: department.id, createdById: officer.id, status: scenarioStatus });
      await db.evaluationAssignment.create({ data: { scenarioId: scenario.id, evaluatorId: busy.id, status: assignment, dueAt: new Date(Date.now() + 7 * 86_400_000), assignedById: officer.id } });
    };
    await assign("closed", "invited");
    await assign("evaluating", "accepted");
    await assign("evaluating", "declined");
    await assign("evaluating", "removed");
    await assign("award_proposed", "accepted");

    const loads = await pool.evaluatorLoads([busy.id, idle.id]);
    expect(loads).toEqual({
      [busy.id]: { userId: busy.id, current: 2, max: 4 },
      [idle.id]: { userId: idle.id, current: 0, max: pool.DEFAULT_MAX_CONCURRENT },
    });
  });
});
