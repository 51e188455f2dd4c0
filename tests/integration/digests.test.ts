import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeResend, type FakeDelivery, type FakeResend } from "../fixtures/fake-resend";
import { matchingWorld, type MatchingWorld } from "../fixtures/matching-setup";
import { createScenario } from "../fixtures/scenarios";
import { createOrganisation, createUser, uniqueSuffix } from "../fixtures/users";

// Saved searches and recommendations → digests, end to end on real PostgreSQL and Meilisearch (the
// demo catalogue), delivered through Resend's batch call to the fake Resend over HTTP.
type Periods = typeof import("../../app/modules/digests/digest-periods");
type Run = typeof import("../../app/modules/digests/digest-run.server");
type Saved = typeof import("../../app/modules/digests/saved-searches.server");
type Batches = typeof import("../../app/modules/notifications/mail-batch-sender.server");
type UnsubscribeRoute = typeof import("../../app/routes/unsubscribe.$token");
type NotRelevantRoute = typeof import("../../app/routes/not-relevant.$token");

let world: MatchingWorld;
let fake: FakeResend;
let periods: Periods;
let run: Run;
let saved: Saved;
let batches: Batches;
let unsubscribeRoute: UnsubscribeRoute;
let notRelevantRoute: NotRelevantRoute;
let forVendor: typeof import("../../search/matching/scenarios-for-vendor.server")["scenariosForVendor"];
let syncSearch: typeof import("../../search/sync.server")["syncSearch"];
let department: { id: string };
let officer: { id: string };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// Words no demo listing contains, so each saved search finds exactly the listings made here.
const WORD = `鲟鱼${uniqueSuffix()}`;

beforeAll(async () => {
  world = await matchingWorld();
  fake = await startFakeResend();
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = fake.url;
  periods = await import("../../app/modules/digests/digest-periods");
  run = await import("../../app/modules/digests/digest-run.server");
  saved = await import("../../app/modules/digests/saved-searches.server");
  batches = await import("../../app/modules/notifications/mail-batch-sender.server");
  unsubscribeRoute = await import("../../app/routes/unsubscribe.$token");
  notRelevantRoute = await import("../../app/routes/not-relevant.$token");
  forVendor = (await import("../../search/matching/scenarios-for-vendor.server")).scenariosForVendor;
  syncSearch = (await import("../../search/sync.server")).syncSearch;
  department = await createOrganisation(world.db, "department", "郑州市农业农村局（测试）");
  officer = await createUser(world.db, "officer", { orgId: department.id });
}, 240_000);

afterAll(async () => {
  await fake?.close();
  await world?.cleanup();
});

const context = { ip: "127.0.0.1", userAgent: "vitest" };

/** A listing published (or amended) at a given time, in the database and the search index. */
async function publish(title: string, sector: string, publishedAt: Date, extra: { status?: "published" | "closed"; deadlineInDays?: number } = {}) {
  const s = await createScenario(world.db, { departmentId: department.id, createdById: officer.id, title, deadlineInDays: extra.deadlineInDays ?? 40 });
  await world.db.scenario.update({ where: { id: s.id }, data: { sector, publishedAt, status: extra.status ?? "published" } });
  await world.db.scenarioVersion.create({ data: { scenarioId: s.id, version: 1, snapshot: {}, createdById: officer.id, createdAt: publishedAt } });
  await syncSearch([{ kind: "scenario", id: s.id }], { db: world.db });
  return { ...s, title };
}

async function amendMaterially(scenarioId: string, at: Date) {
  const { _max } = await world.db.scenarioVersion.aggregate({ where: { scenarioId }, _max: { version: true } });
  await world.db.scenarioVersion.create({
    data: { scenarioId, version: (_max.version ?? 0) + 1, snapshot: {}, material: true, note: "截止时间调整", createdById: officer.id, createdAt: at },
  });
}

async function member(orgId?: string, locale = "zh-CN") {
  const user = await createUser(world.db, "vendor", orgId ? { orgId } : {});
  await world.db.user.update({ where: { id: user.id }, data: { locale } });
  return { ...user, context };
}

/** Runs a period, then sends every batch it queued (as the batch worker would). */
async function runAndSend(period: import("../../app/modules/digests/digest-periods").DigestPeriod, now: Date) {
  const summary = await run.runDigestPeriod(period, { now });
  const keys = await world.db.mail.findMany({ where: { template: "digest", status: "queued", batchKey: { not: null } }, distinct: ["batchKey"], select: { batchKey: true } });
  for (const { batchKey } of keys) await batches.sendMailBatch(batchKey!);
  return summary;
}

const deliveredTo = (email: string): FakeDelivery[] => fake.deliveries.filter((d) => d.to === email);

function linksOf(delivery: FakeDelivery, path: string): string[] {
  return [...(delivery.html ?? "").matchAll(new RegExp(`href="(https?://[^"]*${path}[^"]*)"`, "g"))].map((m) => m[1]!);
}

function nextPeriod(period: import("../../app/modules/digests/digest-periods").DigestPeriod) {
  const due = new Date(period.dueAt.getTime() + periods.PERIOD_MS[period.cadence]);
  return periods.latestPeriod(period.cadence, new Date(due.getTime() + 60_000));
}

describe("daily digest of saved searches", () => {
  it("lists what is new once, grouped by sector, newest first, with why; skips empty digests; sends nothing twice", async () => {
    const now = new Date();
    const period = periods.latestPeriod("daily", now);
    const end = periods.windowEndOf(period);
    const reader = await member();
    const idle = await member();

    // In the window, newest first: an amendment, then three publications in two sectors.
    const old = await publish(`${WORD} 养殖水质旧场景`, "ecology", new Date(end.getTime() - 10 * DAY));
    await amendMaterially(old.id, new Date(end.getTime() - 0.5 * HOUR));
    const eco = await publish(`${WORD} 湿地生态监测`, "ecology", new Date(end.getTime() - 1 * HOUR));
    const agri2 = await publish(`${WORD} 渔业病害预警`, "agriculture", new Date(end.getTime() - 2 * HOUR));
    const agri1 = await publish(`${WORD} 智慧渔场投喂`, "agriculture", new Date(end.getTime() - 3 * HOUR));
    // Not in it: before the window, after its end, closed.
    const before = await publish(`${WORD} 去年的池塘巡检`, "agriculture", new Date(end.getTime() - 3 * DAY));
    const after = await publish(`${WORD} 刚刚发布的场景`, "agriculture", new Date(end.getTime() + 30_000));
    const closed = await publish(`${WORD} 已截止的场景`, "agriculture", new Date(end.getTime() - 4 * HOUR), { status: "closed" });

    await saved.createSavedSearch(reader, reader.orgId, { name: "鲟鱼全部", query: `q=${WORD}`, frequency: "daily" });
    await saved.createSavedSearch(reader, reader.orgId, { name: "鲟鱼农业", query: `q=${WORD}&sector=agriculture&page=3`, frequency: "daily" });
    await saved.createSavedSearch(reader, reader.orgId, { name: "每周的", query: `q=${WORD}`, frequency: "weekly" });
    await saved.createSavedSearch(idle, idle.orgId, { name: "无匹配", query: `q=不存在的词${uniqueSuffix()}`, frequency: "daily" });

    const summary = await runAndSend(period, now);
    expect(summary).toMatchObject({ period: period.key, due: true, mails: 1, empty: 1, deferred: 0 });
    expect(summary.subscribers).toBe(2);

    // Exactly one mail, to the reader; none to the subscriber with nothing new.
    expect(deliveredTo(idle.email)).toHaveLength(0);
    const [mail] = deliveredTo(reader.email);
    expect(deliveredTo(reader.email)).toHaveLength(1);
    expect(mail!.batch).toBe(true);
    const text = mail!.text!;
    const order = [old.title, eco.title, "== 农业农村（2） ==", agri2.title, agri1.title].map((s) => text.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text.indexOf("== 生态保护（2） ==")).toBeLessThan(text.indexOf(old.title));
    for (const absent of [before, after, closed]) expect(text).not.toContain(absent.title);
    // Each listing once, with every search that found it.
    expect(text.split(agri1.title)).toHaveLength(2);
    expect(text).toMatch(new RegExp(`${agri1.title}[\\s\\S]*?匹配原因：订阅“鲟鱼全部”；订阅“鲟鱼农业”`));
    expect(text).toMatch(new RegExp(`${eco.title}[\\s\\S]*?匹配原因：订阅“鲟鱼全部”\\n`));
    expect(text).toContain("【有重大变更】");
    expect(mail!.subject).toBe("【揭榜】每日订阅：4 个新场景机会");
    expect(mail!.html).toContain("湿地生态监测");
    // RFC 8058 one-click unsubscribe, with an https-or-app URL and a mailto.
    expect(mail!.headers!["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail!.headers!["List-Unsubscribe"]).toMatch(/^<http:\/\/jiebang\.test\/unsubscribe\/[^>]+>, <mailto:unsubscribe@jiebang\.example\.cn\?subject=unsubscribe%20[^>]+>$/);
    // The weekly search has its own digest and is not in this one's list of subscriptions.
    expect(text).not.toContain("每周的");

    // Recorded before sending, one per subscriber and period; the empty one too.
    const runs = await world.db.digestRun.findMany({ where: { period: period.key, userId: { in: [reader.id, idle.id] } } });
    expect(runs.find((r) => r.userId === reader.id)).toMatchObject({ items: 4, windowEnd: end });
    expect(runs.find((r) => r.userId === idle.id)).toMatchObject({ items: 0, mailId: null });

    // The same period again (a retry, a second worker): nothing new is recorded or sent.
    const again = await runAndSend(period, now);
    expect(again).toMatchObject({ subscribers: 0, mails: 0 });
    expect(deliveredTo(reader.email)).toHaveLength(1);

    // The next day: only what is new since this digest's window ended — the listing published 30 s
    // after it closed, nothing of the first digest.
    const next = nextPeriod(period);
    const nextEnd = periods.windowEndOf(next);
    await runAndSend(next, new Date(next.dueAt.getTime() + 60_000));
    expect(deliveredTo(reader.email)).toHaveLength(2);
    const second = deliveredTo(reader.email)[1]!.text!;
    expect(second).toContain(after.title);
    for (const seen of [old, eco, agri1, agri2, before]) expect(second).not.toContain(seen.title);
    // And the day after: nothing new is nothing sent; then only the one new listing.
    const third = nextPeriod(next);
    expect((await runAndSend(third, new Date(third.dueAt.getTime() + 60_000))).mails).toBe(0);
    const fourth = nextPeriod(third);
    const fresh = await publish(`${WORD} 后天的新场景`, "agriculture", new Date(nextEnd.getTime() + DAY + 5 * HOUR));
    await runAndSend(fourth, new Date(fourth.dueAt.getTime() + 60_000));
    expect(deliveredTo(reader.email)).toHaveLength(3);
    const fourthText = deliveredTo(reader.email)[2]!.text!;
    expect(fourthText).toContain(fresh.title);
    expect(fourthText).not.toContain(after.title);
  }, 180_000);

  it("writes each digest in the subscriber's language", async () => {
    const now = new Date();
    const period = periods.latestPeriod("daily", now);
    const end = periods.windowEndOf(period);
    const english = await member(undefined, "en");
    const listing = await publish(`${WORD} 英文读者的场景`, "ecology", new Date(end.getTime() - 6 * HOUR));
    await world.db.scenario.update({ where: { id: listing.id }, data: { titleEn: "Sturgeon habitat monitoring" } });
    await saved.createSavedSearch(english, english.orgId, { name: "sturgeon", query: `q=${WORD}`, frequency: "daily" });
    await runAndSend(period, now);
    const [mail] = deliveredTo(english.email);
    expect(mail!.subject).toMatch(/^\[Jiebang\] Daily digest: \d+ new scenario opportunit/);
    expect(mail!.text).toContain("Sturgeon habitat monitoring");
    expect(mail!.text).toContain("Ecological protection");
    expect(mail!.text).toContain("Why: saved search “sturgeon”");
  });
});

/** A member of a demo vendor, today's daily period, and the fields of the vendor's best-fitting listing to copy. */
async function bestFitOfDemoVendor() {
  const orgId = world.vendorId("zhisuan");
  const reader = await member(orgId);
  const top = await forVendor(orgId);
  if (top.status !== "ok" || top.matches.length === 0) throw new Error("the demo vendor has no recommendations");
  const now = new Date();
  const period = periods.latestPeriod("daily", now);
  const end = periods.windowEndOf(period);
  const source = await world.db.scenario.findUniqueOrThrow({ where: { id: top.matches[0]!.item.id } });
  const { id: _id, code: _code, createdAt: _c, updatedAt: _u, ...copy } = source;
  void [_id, _code, _c, _u];
  return { orgId, reader, now, period, end, copy };
}

describe("recommendation digests at scale", () => {
  it("a new listing that fits is recommended even when more open listings than matching considers outrank it", async () => {
    const { orgId, reader, now, period, end, copy } = await bestFitOfDemoVendor();
    const fresh = await world.db.scenario.create({
      data: { ...copy, rubric: copy.rubric ?? [], code: `T-${uniqueSuffix().toUpperCase()}`, title: `${copy.title}（新发布）`, publishedAt: new Date(end.getTime() - HOUR) },
    });
    await world.db.scenarioVersion.create({ data: { scenarioId: fresh.id, version: 1, snapshot: {}, createdById: officer.id, createdAt: new Date(end.getTime() - HOUR) } });
    // 50 open listings just as fitting, published after this digest's window closed: the search
    // engine ranks them above the new one (newest first among equals) for every word the vendor has,
    // more of them than matching takes per word.
    const others = await world.db.scenario.createManyAndReturn({
      data: Array.from({ length: 50 }, (_, i) => ({
        ...copy, rubric: copy.rubric ?? [], code: `T-${uniqueSuffix().toUpperCase()}-${i}`, title: `${copy.title}（其后 ${i}）`, publishedAt: new Date(end.getTime() + 60_000),
      })),
      select: { id: true },
    });
    const all = [...others, fresh].map(({ id }) => ({ kind: "scenario" as const, id }));
    await syncSearch(all, { db: world.db });
    try {
      // Among every open listing, the new one is not even a candidate…
      const overall = await forVendor(orgId, { limit: 200 });
      expect(overall.status === "ok" && overall.matches.some((m) => m.item.id === fresh.id)).toBe(false);
      await saved.setRecommendationDigest(reader, orgId, "daily");

      // …but the digest asks about the window's listings only, and finds it.
      await runAndSend(period, now);
      const [mail] = deliveredTo(reader.email);
      expect(mail!.text).toContain(fresh.title);
    } finally {
      await world.db.scenario.updateMany({ where: { id: { in: all.map((s) => s.id) } }, data: { status: "cancelled" } });
      await syncSearch(all, { db: world.db });
    }
  });
});

describe("links in a digest, without a session", () => {
  it("'not relevant' hides the listing from later digests and from recommendations", async () => {
    // A member of a demo vendor subscribed to its recommendations; the new listing is a copy of its best fit.
    const { orgId, reader, now, period, end, copy } = await bestFitOfDemoVendor();
    const clone = await world.db.scenario.create({
      data: { ...copy, rubric: copy.rubric ?? [], code: `T-${uniqueSuffix().toUpperCase()}`, publishedAt: new Date(end.getTime() - HOUR) },
    });
    await world.db.scenarioVersion.create({ data: { scenarioId: clone.id, version: 1, snapshot: {}, createdById: officer.id, createdAt: new Date(end.getTime() - HOUR) } });
    await syncSearch([{ kind: "scenario", id: clone.id }], { db: world.db });
    await saved.setRecommendationDigest(reader, orgId, "daily");

    await runAndSend(period, now);
    const [mail] = deliveredTo(reader.email);
    expect(mail!.text).toContain(clone.title);
    expect(mail!.text).toMatch(new RegExp(`${clone.title}[\\s\\S]*?匹配原因：为贵单位推荐`));
    // Exactly what matching recommends among the window's listings.
    const recommended = await forVendor(orgId, { limit: 100 });
    expect(recommended.status === "ok" && recommended.matches.some((m) => m.item.id === clone.id)).toBe(true);

    const link = linksOf(mail!, "/not-relevant/").find((href) => mail!.html!.indexOf(href) > mail!.html!.indexOf(clone.title));
    const token = decodeURIComponent(new URL(link!).pathname.split("/").pop()!);
    // GET only asks (mail scanners open links); the POST records it — no cookie anywhere.
    const page = await notRelevantRoute.loader({ request: new Request(link!), params: { token }, context: {} });
    expect(page).toMatchObject({ marked: false, code: clone.code });
    expect(await world.db.recommendationFeedback.count({ where: { orgId, scenarioId: clone.id } })).toBe(0);
    const posted = await notRelevantRoute.action({ request: new Request(link!, { method: "POST", body: new FormData() }), params: { token }, context: {} });
    expect(posted.status).toBe(302);
    expect(await world.db.recommendationFeedback.findFirst({ where: { orgId, scenarioId: clone.id } })).toMatchObject({ createdById: reader.id });
    expect(await world.db.auditEvent.count({ where: { action: "digest.not_relevant", entityId: reader.id } })).toBe(1);

    // Recommendations no longer offer it…
    const afterMark = await forVendor(orgId, { limit: 100 });
    expect(afterMark.status === "ok" && afterMark.matches.some((m) => m.item.id === clone.id)).toBe(false);
    // …and a later digest leaves it out even when it is amended, while a saved search finds it and its twin.
    await saved.createSavedSearch(reader, orgId, { name: "按标题", query: `q=${encodeURIComponent(clone.title)}`, frequency: "daily" });
    const next = nextPeriod(period);
    const nextEnd = periods.windowEndOf(next);
    await amendMaterially(clone.id, new Date(nextEnd.getTime() - HOUR));
    const twin = await world.db.scenario.create({
      data: { ...copy, rubric: copy.rubric ?? [], code: `T-${uniqueSuffix().toUpperCase()}`, publishedAt: new Date(nextEnd.getTime() - 2 * HOUR) },
    });
    await syncSearch([{ kind: "scenario", id: twin.id }], { db: world.db });
    await runAndSend(next, new Date(next.dueAt.getTime() + 60_000));
    expect(deliveredTo(reader.email)).toHaveLength(2);
    const later = deliveredTo(reader.email)[1]!.text!;
    expect(later).toContain(twin.code);
    expect(later).not.toContain(clone.code);

    // A forged or altered token is refused.
    await expect(notRelevantRoute.loader({ request: new Request(link!), params: { token: `${token}x` }, context: {} })).rejects.toMatchObject({ status: 404 });
  });

  it("one-click unsubscribe: a POST without a session stops every later digest; the page offers to undo", async () => {
    const now = new Date();
    const period = periods.latestPeriod("daily", now);
    const end = periods.windowEndOf(period);
    const reader = await member();
    await saved.createSavedSearch(reader, reader.orgId, { name: "鲟鱼", query: `q=${WORD}`, frequency: "daily" });
    await publish(`${WORD} 退订前的场景`, "ecology", new Date(end.getTime() - 7 * HOUR));
    await runAndSend(period, now);
    const [mail] = deliveredTo(reader.email);
    const headerUrl = /^<([^>]+)>/.exec(mail!.headers!["List-Unsubscribe"]!)![1]!;
    expect(linksOf(mail!, "/unsubscribe/")).toContain(headerUrl);
    const token = decodeURIComponent(new URL(headerUrl).pathname.split("/").pop()!);

    // What a mail provider sends (RFC 8058 §3.1): no cookie, the one-click body.
    const oneClick = () => new Request(headerUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    const response = await unsubscribeRoute.action({ request: oneClick(), params: { token }, context: {} });
    expect(response.status).toBe(200);
    expect(await world.db.digestUnsubscribe.findMany({ where: { userId: reader.id } })).toEqual([
      expect.objectContaining({ scope: "all", via: "one_click", undoneAt: null }),
    ]);
    // Twice is once.
    await unsubscribeRoute.action({ request: oneClick(), params: { token }, context: {} });
    expect(await world.db.digestUnsubscribe.count({ where: { userId: reader.id } })).toBe(1);

    const next = nextPeriod(period);
    await publish(`${WORD} 退订后的场景`, "ecology", new Date(periods.windowEndOf(next).getTime() - HOUR));
    await runAndSend(next, new Date(next.dueAt.getTime() + 60_000));
    expect(deliveredTo(reader.email)).toHaveLength(1);
    expect(await world.db.digestRun.count({ where: { userId: reader.id, period: next.key } })).toBe(0);

    // The page confirms and offers to undo; undoing brings the next digest back, from where it stopped.
    const page = await unsubscribeRoute.loader({ request: new Request(headerUrl), params: { token }, context: {} });
    expect(page).toMatchObject({ scope: "all", unsubscribed: true, email: reader.email });
    const undo = new FormData();
    undo.set("intent", "undo");
    const undone = await unsubscribeRoute.action({ request: new Request(headerUrl, { method: "POST", body: undo }), params: { token }, context: {} });
    expect(undone.status).toBe(302);
    const third = nextPeriod(next);
    await runAndSend(third, new Date(third.dueAt.getTime() + 60_000));
    expect(deliveredTo(reader.email)).toHaveLength(2);
    expect(deliveredTo(reader.email)[1]!.text).toContain("退订后的场景");
    expect(await world.db.auditEvent.findMany({ where: { entityId: reader.id, action: { startsWith: "digest." } }, select: { action: true }, orderBy: { id: "asc" } }))
      .toEqual([{ action: "digest.unsubscribe" }, { action: "digest.resubscribe" }]);

    // An invalid token is a 404, never a 500.
    await expect(unsubscribeRoute.loader({ request: new Request(headerUrl), params: { token: "u.nobody.a.bad" }, context: {} })).rejects.toMatchObject({ status: 404 });
  });

  it("unsubscribing from one saved search keeps the others", async () => {
    const now = new Date();
    const period = periods.latestPeriod("daily", now);
    const end = periods.windowEndOf(period);
    const reader = await member();
    const tag = uniqueSuffix();
    await saved.createSavedSearch(reader, reader.orgId, { name: "甲", query: `q=甲${tag}`, frequency: "daily" });
    await saved.createSavedSearch(reader, reader.orgId, { name: "乙", query: `q=乙${tag}`, frequency: "daily" });
    await publish(`甲${tag} 场景一`, "ecology", new Date(end.getTime() - HOUR));
    await runAndSend(period, now);
    const [mail] = deliveredTo(reader.email);
    const searchLink = linksOf(mail!, "/unsubscribe/").find((href) => mail!.text!.includes(`甲 · 退订此项：${href}`))!;
    const token = decodeURIComponent(new URL(searchLink).pathname.split("/").pop()!);
    const form = new FormData();
    form.set("intent", "unsubscribe");
    await unsubscribeRoute.action({ request: new Request(searchLink, { method: "POST", body: form }), params: { token }, context: {} });
    expect(await world.db.digestUnsubscribe.findMany({ where: { userId: reader.id } })).toEqual([expect.objectContaining({ scope: "search", via: "link" })]);

    const next = nextPeriod(period);
    const nextEnd = periods.windowEndOf(next);
    await publish(`甲${tag} 场景二`, "ecology", new Date(nextEnd.getTime() - HOUR));
    await publish(`乙${tag} 场景三`, "ecology", new Date(nextEnd.getTime() - HOUR));
    await runAndSend(next, new Date(next.dueAt.getTime() + 60_000));
    const later = deliveredTo(reader.email)[1]!.text!;
    expect(later).toContain("场景三");
    expect(later).not.toContain("场景二");
  });
});

describe("exactly once", () => {
  it("two workers running the same period, and a run that dies between pages, give every subscriber one digest", async () => {
    const now = new Date();
    const period = periods.latestPeriod("weekly", now);
    const end = periods.windowEndOf(period);
    const tag = `并发${uniqueSuffix()}`;
    await publish(`${tag} 周报场景`, "ecology", new Date(end.getTime() - 2 * HOUR));
    const readers = [];
    for (let i = 0; i < 7; i += 1) {
      const reader = await member();
      await saved.createSavedSearch(reader, reader.orgId, { name: tag, query: `q=${tag}`, frequency: "weekly" });
      readers.push(reader);
    }
    // A worker that dies after its second page (as SIGKILL would, between two commits)…
    await expect(run.runDigestPeriod(period, {
      now, pageSize: 2, afterPage: (page) => { if (page === 1) throw new Error("killed"); },
    })).rejects.toThrow("killed");
    // Two pages of two committed (other tests' weekly subscribers may share them), the rest owed.
    expect(await world.db.digestRun.count({ where: { period: period.key } })).toBe(4);
    // …then its retry and a second worker at the same time.
    await Promise.all([run.runDigestPeriod(period, { now, pageSize: 2 }), run.runDigestPeriod(period, { now, pageSize: 3 })]);
    for (const reader of readers) {
      expect(await world.db.digestRun.count({ where: { period: period.key, userId: reader.id } })).toBe(1);
      expect(await world.db.mail.count({ where: { to: reader.email, template: "digest" } })).toBe(1);
    }
    const keys = await world.db.mail.findMany({ where: { to: { in: readers.map((r) => r.email) } }, select: { batchKey: true } });
    for (const key of new Set(keys.map((k) => k.batchKey!))) await batches.sendMailBatch(key);
    for (const reader of readers) expect(deliveredTo(reader.email)).toHaveLength(1);
  });
});
