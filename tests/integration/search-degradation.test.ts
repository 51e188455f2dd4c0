import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { useAppDatabase } from "../setup/app-database";
import { createOrganisation, createUser, uniqueSuffix } from "../fixtures/users";
import { scenarioInput } from "../fixtures/interested";
import { startEmbeddedMeilisearch, type RunningMeilisearch } from "../../search/embedded-meilisearch";
import type { PrismaClient } from "../../app/generated/prisma/client";

// SPEC §5 / DESIGN §3: with Meilisearch stopped, writes succeed, search answers from the database
// and says so, and the index catches up once Meilisearch is back. This file runs its own Meilisearch
// so stopping it takes nobody else's down.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jiebang-degraded-"));
const masterKey = crypto.randomBytes(24).toString("base64url");
let meili: RunningMeilisearch;
let cleanupDb: () => Promise<void>;
let db: PrismaClient;
let jobs: typeof import("../../app/utils/jobs.server");
let sync: typeof import("../../search/sync.server");
let commands: typeof import("../../app/modules/scenarios/scenario-commands.server");
let search: typeof import("../../search/scenario-search.server");
let params: typeof import("../../search/search-params");

beforeAll(async () => {
  meili = await startEmbeddedMeilisearch({ dataDir, masterKey });
  process.env.MEILI_HOST = meili.host;
  process.env.MEILI_MASTER_KEY = masterKey;
  process.env.MEILI_INDEX_PREFIX = "";
  ({ cleanup: cleanupDb } = await useAppDatabase());
  db = (await import("../../app/utils/db.server")).db;
  jobs = await import("../../app/utils/jobs.server");
  sync = await import("../../search/sync.server");
  commands = await import("../../app/modules/scenarios/scenario-commands.server");
  search = await import("../../search/scenario-search.server");
  params = await import("../../search/search-params");
});

afterAll(async () => {
  await meili?.stop();
  await cleanupDb?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the queued search-sync jobs as the worker would; a failed batch is failed, to be retried. */
async function drainSyncQueue(): Promise<{ synced: number; failed: number }> {
  const boss = await jobs.startBoss();
  const batch = await boss.fetch<{ kind: "scenario" | "organisation"; id: string }>(jobs.QUEUES.searchSync, { batchSize: 100 });
  if (!batch.length) return { synced: 0, failed: 0 };
  try {
    await sync.syncSearch(batch.map((j) => j.data), { db });
    await boss.complete(jobs.QUEUES.searchSync, batch.map((j) => j.id));
    return { synced: batch.length, failed: 0 };
  } catch {
    await boss.fail(jobs.QUEUES.searchSync, batch.map((j) => j.id));
    return { synced: 0, failed: batch.length };
  }
}

async function retryableJobs(): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'search-sync' AND state = 'retry'`;
  return Number(rows[0]!.n);
}

const find = (q: string) => search.searchScenarios(params.parseScenarioSearch(new URLSearchParams({ q })));

it("with Meilisearch stopped, publishing still works, search falls back to the database, and the index catches up", async () => {
  const department = await createOrganisation(db, "department", `郑州市水利局 ${uniqueSuffix()}`);
  const officer = await createUser(db, "officer", { orgId: department.id });
  const title = `水库水位预测 降级测试 ${uniqueSuffix()}`;
  const input = scenarioInput({
    title, summary: "雨洪期间中小水库水位 72 小时滚动预测", description: "汛期水位预测。", techTags: ["predictive_analytics"],
    district: "xinmi", needType: "tech_breakthrough", budgetMax: 200, kpis: [], acceptanceCriteria: [], rubric: [],
    contactEmail: "water@test.example.cn", deadline: new Date(Date.now() + 20 * 86_400_000),
  });
  const draft = await commands.createDraft(officer, department.id, input);

  await meili.stop();
  const published = await commands.publishScenario(officer, { id: draft.id, departmentId: department.id, version: 1 });
  expect(published).toBeTruthy();
  expect((await db.scenario.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("published");

  expect((await drainSyncQueue()).failed).toBeGreaterThan(0);
  expect(await retryableJobs()).toBeGreaterThan(0);
  const degraded = await find("水位预测");
  expect(degraded.mode).toBe("fallback");
  expect(degraded.hits.map((h) => h.id)).toContain(draft.id);

  // Back on the same address and data: the retried jobs bring the index up to date.
  meili = await startEmbeddedMeilisearch({ dataDir, masterKey, port: Number(new URL(meili.host).port) });
  await db.$executeRaw`UPDATE pgboss.job SET start_after = now() WHERE name = 'search-sync' AND state = 'retry'`;
  expect((await drainSyncQueue()).synced).toBeGreaterThan(0);
  // The pages skip Meilisearch for a few seconds after a failure; poll until search answers again.
  await expect.poll(async () => {
    const result = await find("水位预测");
    return result.mode === "search" && result.hits.some((h) => h.id === draft.id);
  }, { timeout: 20_000 }).toBe(true);
});
