import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createSessionToken, createUser, sessionCookieValue } from "../fixtures/users";
import { useAppDatabase } from "../setup/app-database";

// Saving a search from the search page, managing saved searches (owner only, audited, errors keep
// what was typed), and the followed-deadline part of a digest.
let database: Awaited<ReturnType<typeof useAppDatabase>>;
let db: typeof import("../../app/utils/db.server").db;
let searchRoute: typeof import("../../app/routes/scenarios._index");
let manageRoute: typeof import("../../app/routes/vendor.searches");
let periods: typeof import("../../app/modules/digests/digest-periods");
let run: typeof import("../../app/modules/digests/digest-run.server");

beforeAll(async () => {
  database = await useAppDatabase();
  db = (await import("../../app/utils/db.server")).db;
  searchRoute = await import("../../app/routes/scenarios._index");
  manageRoute = await import("../../app/routes/vendor.searches");
  periods = await import("../../app/modules/digests/digest-periods");
  run = await import("../../app/modules/digests/digest-run.server");
});

afterAll(() => database?.cleanup());

type Role = "vendor" | "officer";
const status = (r: unknown) => (r instanceof Response ? r.status : ((r as { init?: ResponseInit | null }).init?.status ?? 200));

async function cookieFor(userId: string) {
  return `jb_session=${sessionCookieValue(await createSessionToken(db, userId))}`;
}

function post(path: string, cookie: string | null, fields: Record<string, string>) {
  const body = new FormData();
  for (const [k, v] of Object.entries(fields)) body.set(k, v);
  return new Request(`http://jiebang.test${path}`, { method: "POST", body, headers: cookie ? { Cookie: cookie } : {} });
}

async function signedIn(role: Role = "vendor") {
  const user = await createUser(db, role);
  return { ...user, cookie: await cookieFor(user.id) };
}

async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    return await fn();
  } catch (thrown) {
    return thrown;
  }
}

describe("saving a search from the search page", () => {
  it("keeps the canonical URL state (no page), the name and the frequency, audited", async () => {
    const vendor = await signedIn();
    const response = await searchRoute.action({
      request: post("/scenarios?q=防汛&sector=disaster_prevention&page=4&index", vendor.cookie, {
        intent: "create", name: "防汛 · 防灾减灾", frequency: "weekly", query: "page=4&sector=disaster_prevention&q=防汛&bogus=1",
      }),
      params: {}, context: {},
    });
    expect(status(response)).toBe(302);
    expect((response as Response).headers.get("Location")).toBe(`/scenarios?q=${encodeURIComponent("防汛")}&sector=disaster_prevention`);
    const saved = await db.savedSearch.findFirstOrThrow({ where: { userId: vendor.id } });
    expect(saved).toMatchObject({ name: "防汛 · 防灾减灾", frequency: "weekly", orgId: vendor.orgId, query: `q=${encodeURIComponent("防汛")}&sector=disaster_prevention` });
    expect(await db.auditEvent.findFirst({ where: { action: "saved_search.create", entityId: saved.id } })).toMatchObject({ actorId: vendor.id, orgId: vendor.orgId });
  });

  it("refuses an empty name with 400 and gives back what was typed; others may not save", async () => {
    const vendor = await signedIn();
    const bad = await searchRoute.action({ request: post("/scenarios?index", vendor.cookie, { intent: "create", name: "  ", frequency: "daily", query: "q=水位" }), params: {}, context: {} });
    expect(status(bad)).toBe(400);
    const result = (bad as unknown as { data: { result: { initialValue: Record<string, string>; error: Record<string, string[]> } } }).data.result;
    expect(result.error.name).toEqual(["dg.error.name"]);
    expect(result.initialValue).toMatchObject({ query: "q=水位", frequency: "daily" });
    expect(await db.savedSearch.count({ where: { userId: vendor.id } })).toBe(0);

    const officer = await signedIn("officer");
    expect(status(await caught(() => searchRoute.action({ request: post("/scenarios?index", officer.cookie, { intent: "create", name: "x", frequency: "daily", query: "" }), params: {}, context: {} })))).toBe(403);
    const anonymous = await caught(() => searchRoute.action({ request: post("/scenarios?index", null, { intent: "create", name: "x", frequency: "daily", query: "" }), params: {}, context: {} }));
    expect(status(anonymous)).toBe(302);
    expect((anonymous as Response).headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });

  it("stops at 20 saved searches with a clear message", async () => {
    const vendor = await signedIn();
    await db.savedSearch.createMany({ data: Array.from({ length: 20 }, (_, i) => ({ userId: vendor.id, orgId: vendor.orgId, name: `s${i}`, query: "" })) });
    const response = await searchRoute.action({ request: post("/scenarios?index", vendor.cookie, { intent: "create", name: "多一个", frequency: "daily", query: "" }), params: {}, context: {} });
    expect(status(response)).toBe(422);
    expect(await db.savedSearch.count({ where: { userId: vendor.id } })).toBe(20);
  });
});

describe("the manage page", () => {
  it("renames, changes frequency (lifting an earlier unsubscribe) and deletes the member's own searches only", async () => {
    const owner = await signedIn();
    const other = await signedIn();
    const mine = await db.savedSearch.create({ data: { userId: owner.id, orgId: owner.orgId, name: "旧名", query: "q=a", frequency: "daily" } });
    const theirs = await db.savedSearch.create({ data: { userId: other.id, orgId: other.orgId, name: "别人的", query: "q=b", frequency: "daily" } });
    await db.digestUnsubscribe.create({ data: { userId: owner.id, scope: "search", savedSearchId: mine.id, via: "one_click" } });

    const page = await manageRoute.loader({ request: new Request("http://jiebang.test/vendor/searches", { headers: { Cookie: owner.cookie } }), params: {}, context: {} });
    expect(page.searches.map((s) => s.id)).toEqual([mine.id]);
    expect(page.searches[0]!.unsubscribedAt).not.toBeNull();

    const updated = await manageRoute.action({ request: post("/vendor/searches", owner.cookie, { intent: "update", id: mine.id, name: "新名", frequency: "weekly" }), params: {}, context: {} });
    expect(status(updated)).toBe(302);
    expect(await db.savedSearch.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ name: "新名", frequency: "weekly" });
    expect(await db.digestUnsubscribe.findFirstOrThrow({ where: { savedSearchId: mine.id } })).toMatchObject({ undoneAt: expect.any(Date) });
    expect((await db.auditEvent.findFirstOrThrow({ where: { action: "saved_search.update", entityId: mine.id } })).data).toEqual({ fields: ["name", "frequency"], frequency: "weekly" });

    // Another member's search: 404, and it is unchanged.
    const foreign = await manageRoute.action({ request: post("/vendor/searches", owner.cookie, { intent: "update", id: theirs.id, name: "抢来的", frequency: "off" }), params: {}, context: {} });
    expect(status(foreign)).toBe(404);
    const foreignDelete = await manageRoute.action({ request: post("/vendor/searches", owner.cookie, { intent: "delete", id: theirs.id }), params: {}, context: {} });
    expect(status(foreignDelete)).toBe(404);
    expect(await db.savedSearch.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ name: "别人的", frequency: "daily" });

    // A bad name keeps what was typed for the row.
    const bad = await manageRoute.action({ request: post("/vendor/searches", owner.cookie, { intent: "update", id: mine.id, name: "x".repeat(61), frequency: "daily" }), params: {}, context: {} });
    expect(status(bad)).toBe(400);
    const unknownIntent = await manageRoute.action({ request: post("/vendor/searches", owner.cookie, { intent: "explode" }), params: {}, context: {} });
    expect(status(unknownIntent)).toBe(400);

    expect(status(await manageRoute.action({ request: post("/vendor/searches", owner.cookie, { intent: "delete", id: mine.id }), params: {}, context: {} }))).toBe(302);
    expect(await db.savedSearch.count({ where: { id: mine.id } })).toBe(0);

    // The recommendations digest, and resuming after "unsubscribe from all".
    expect(status(await manageRoute.action({ request: post("/vendor/searches", owner.cookie, { intent: "recommendations", frequency: "weekly" }), params: {}, context: {} }))).toBe(302);
    expect(await db.recommendationSubscription.findFirstOrThrow({ where: { userId: owner.id } })).toMatchObject({ orgId: owner.orgId, frequency: "weekly" });
    await db.digestUnsubscribe.create({ data: { userId: owner.id, scope: "all", via: "one_click" } });
    await manageRoute.action({ request: post("/vendor/searches", owner.cookie, { intent: "resume-all" }), params: {}, context: {} });
    expect(await db.digestUnsubscribe.count({ where: { userId: owner.id, scope: "all", undoneAt: null } })).toBe(0);
  });

  it("is for vendor members only", async () => {
    const officer = await signedIn("officer");
    const refused = await caught(() => manageRoute.loader({ request: new Request("http://jiebang.test/vendor/searches", { headers: { Cookie: officer.cookie } }), params: {}, context: {} }));
    expect(status(refused)).toBe(403);
  });
});

describe("followed deadlines in a digest", () => {
  it("lists a followed scenario closing within 7 days once; a digest with only that is sent", async () => {
    const department = await createOrganisation(db, "department");
    const officer = await createUser(db, "officer", { orgId: department.id });
    const reader = await createUser(db, "vendor");
    const soon = await createScenario(db, { departmentId: department.id, createdById: officer.id, title: "关注的防汛场景 三天后截止", deadlineInDays: 3 });
    const later = await createScenario(db, { departmentId: department.id, createdById: officer.id, title: "关注的场景 二十天后截止", deadlineInDays: 20 });
    // Published long ago: not new, only followed.
    await db.scenario.updateMany({ where: { id: { in: [soon.id, later.id] } }, data: { publishedAt: new Date(Date.now() - 30 * 86_400_000) } });
    await db.scenarioInterest.createMany({ data: [soon, later].map((s) => ({ orgId: reader.orgId, scenarioId: s.id, userId: reader.id })) });
    await db.savedSearch.create({ data: { userId: reader.id, orgId: reader.orgId, name: "无新内容", query: "q=不会匹配的词语", frequency: "daily" } });

    // Someone else's recommendations cannot be computed here (no search engine in this file): that
    // subscriber waits for the job's retry; everyone else's digest is built and recorded meanwhile.
    const waiting = await createUser(db, "vendor");
    // A profile with words of substance: an empty one has nothing to recall and needs no engine.
    await db.organisation.update({ where: { id: waiting.orgId }, data: { intro: "防汛视频智能分析与知识图谱问答" } });
    await db.recommendationSubscription.create({ data: { userId: waiting.id, orgId: waiting.orgId, frequency: "daily" } });

    const now = new Date();
    const period = periods.latestPeriod("daily", now);
    // Something new in the window, so that recommendations have a listing to ask the engine about.
    const fresh = await createScenario(db, { departmentId: department.id, createdById: officer.id, title: "新发布的河道巡查场景" });
    const freshAt = new Date(periods.windowEndOf(period).getTime() - 3_600_000);
    await db.scenario.update({ where: { id: fresh.id }, data: { publishedAt: freshAt } });
    await db.scenarioVersion.create({ data: { scenarioId: fresh.id, version: 1, snapshot: {}, createdById: officer.id, createdAt: freshAt } });
    const deferred = await run.runDigestPeriod(period, { now }).catch((error: unknown) => error);
    expect(deferred).toBeInstanceOf(run.DigestDeferredError);
    const summary = (deferred as InstanceType<typeof run.DigestDeferredError>).summary;
    // Earlier tests' subscribers may also hear of the new listing; the reader's mail is checked below.
    expect(summary.deferred).toBe(1);
    expect(summary.mails).toBeGreaterThanOrEqual(1);
    expect(await db.digestRun.count({ where: { userId: waiting.id } })).toBe(0);
    await db.recommendationSubscription.deleteMany({ where: { userId: waiting.id } });
    const first = await db.mail.findFirstOrThrow({ where: { to: reader.email, template: "digest" } });
    expect(first.subject).toBe("【揭榜】每日订阅：1 个关注场景即将截止");
    expect(first.text).toContain("关注的场景 7 天内截止");
    expect(first.text).toContain(soon.title);
    expect(first.text).not.toContain(later.title);

    const next = periods.latestPeriod("daily", new Date(period.dueAt.getTime() + 86_400_000 + 60_000));
    expect(await run.runDigestPeriod(next, { now: new Date(next.dueAt.getTime() + 60_000) })).toMatchObject({ mails: 0 });
    expect(await db.digestRun.findFirst({ where: { userId: reader.id, period: next.key } })).toMatchObject({ items: 0, mailId: null });
    expect(await db.mail.count({ where: { to: reader.email } })).toBe(1);
  });
});
