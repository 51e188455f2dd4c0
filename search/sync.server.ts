import type PgBoss from "pg-boss";
import type { Meilisearch, Task } from "meilisearch";
import type { PrismaClient } from "../app/generated/prisma/client";
import { QUEUES } from "../app/utils/jobs.server";
import { INDEXES, indexPrefix, meili } from "./client.server";
import {
  buildCaseDoc, buildScenarioDoc, buildVendorDoc, isCaseScenario, isProfileOrganisation, isSearchableScenario,
  type CaseDoc, type ScenarioDoc, type VendorDoc,
} from "./documents";
import { applySettings } from "./settings";
import { loadCaseDeliveries, loadOrganisations, loadScenarios } from "./sources.server";

/**
 * The index sync job. Every write that changes a scenario or an organisation enqueues
 * `{ kind, id }` in its own transaction; this handler reads the row as it is *now* and makes the
 * index agree (upsert or delete). Reading current state instead of trusting the payload makes the
 * job idempotent and order-independent: replaying it, or running an old job after a newer one, still
 * leaves the index matching the database.
 *
 * Known gap: two workers handling the same id at the same instant could enqueue their Meilisearch
 * writes in the opposite order to their reads. The next change or `npm run search:reindex` repairs it.
 */
export type SearchSyncJob = { kind: "scenario" | "organisation"; id: string };
export type SyncDeps = { db: Pick<PrismaClient, "scenario" | "organisation">; client?: Meilisearch };
export type SyncResult = { upserted: number; deleted: number };

export const SYNC_BATCH_SIZE = 50;
const ADD_CHUNK = 2000;
const TASK_TIMEOUT_MS = 60_000;

// Settings are applied once per process and Meilisearch/prefix, before the first write, so an index
// auto-created by a document write never exists with default (wrong) settings.
const settingsApplied = new Map<string, Promise<void>>();

export function ensureSettings(client: Meilisearch): Promise<void> {
  const key = `${client.config.host}|${indexPrefix()}`;
  let pending = settingsApplied.get(key);
  if (!pending) {
    pending = applySettings(client);
    settingsApplied.set(key, pending);
    // Meilisearch down: forget the failure so the next job tries again.
    pending.catch(() => settingsApplied.delete(key));
  }
  return pending;
}

type Writes = { scenarios: ScenarioDoc[]; vendors: VendorDoc[]; cases: CaseDoc[]; deletes: Record<"scenarios" | "vendors" | "cases", string[]> };

function parseJobs(jobs: readonly unknown[]): SearchSyncJob[] {
  const seen = new Map<string, SearchSyncJob>();
  for (const job of jobs) {
    const data = job as Partial<SearchSyncJob>;
    if ((data.kind === "scenario" || data.kind === "organisation") && typeof data.id === "string") {
      seen.set(`${data.kind}:${data.id}`, { kind: data.kind, id: data.id });
    } else {
      console.warn("[search-sync] ignoring malformed job", JSON.stringify(job));
    }
  }
  return [...seen.values()];
}

/** What the index must look like for these entities, read from the database. */
export async function plannedWrites(db: SyncDeps["db"], jobs: readonly SearchSyncJob[]): Promise<Writes> {
  const writes: Writes = { scenarios: [], vendors: [], cases: [], deletes: { scenarios: [], vendors: [], cases: [] } };
  const orgIds = jobs.filter((j) => j.kind === "organisation").map((j) => j.id);
  const orgs = await loadOrganisations(db, orgIds);
  // A department's name is part of its scenarios' documents: re-sync them when it changes.
  const departmentIds = orgs.filter((o) => o.type === "department").map((o) => o.id);
  const departmentScenarios = departmentIds.length
    ? await db.scenario.findMany({ where: { departmentId: { in: departmentIds } }, select: { id: true } })
    : [];
  const scenarioIds = [...new Set([...jobs.filter((j) => j.kind === "scenario").map((j) => j.id), ...departmentScenarios.map((s) => s.id)])];
  const scenarios = new Map((await loadScenarios(db, scenarioIds)).map((r) => [r.id, r]));
  const deliveries = await loadCaseDeliveries(db, [...scenarios.values()].filter(isCaseScenario).map((r) => r.id));

  for (const id of scenarioIds) {
    const row = scenarios.get(id);
    if (row && isSearchableScenario(row)) writes.scenarios.push(buildScenarioDoc(row));
    else writes.deletes.scenarios.push(id);
    if (row && isCaseScenario(row)) writes.cases.push(buildCaseDoc(row, deliveries.get(id)));
    else writes.deletes.cases.push(id);
  }
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  for (const id of orgIds) {
    const row = orgById.get(id);
    if (row && isProfileOrganisation(row)) writes.vendors.push(buildVendorDoc(row));
    else writes.deletes.vendors.push(id);
  }
  return writes;
}

function assertSucceeded(task: Task): void {
  if (task.status !== "succeeded") {
    throw new Error(`Meilisearch task ${task.uid} (${task.type} on ${task.indexUid}) ${task.status}: ${task.error?.message ?? ""}`);
  }
}

/** Applies `writes` to the live indexes and waits until Meilisearch has processed them. */
export async function applyWrites(client: Meilisearch, writes: Writes): Promise<SyncResult> {
  const pending = [];
  for (const key of ["scenarios", "vendors", "cases"] as const) {
    const index = client.index(INDEXES[key]);
    const docs: object[] = writes[key];
    // A department rename fans out to all its scenarios: chunk so no request nears the payload limit.
    for (let i = 0; i < docs.length; i += ADD_CHUNK) pending.push(index.addDocuments(docs.slice(i, i + ADD_CHUNK), { primaryKey: "id" }));
    if (writes.deletes[key].length) pending.push(index.deleteDocuments(writes.deletes[key]));
  }
  // Enqueue everything first: Meilisearch batches consecutive tasks, then wait for all of them.
  const enqueued = await Promise.all(pending);
  const tasks = await client.tasks.waitForTasks(enqueued, { timeout: TASK_TIMEOUT_MS });
  tasks.forEach(assertSucceeded);
  const deleted = Object.values(writes.deletes).reduce((n, ids) => n + ids.length, 0);
  return { upserted: writes.scenarios.length + writes.vendors.length + writes.cases.length, deleted };
}

/** The job handler body: throws when Meilisearch is unreachable, so pg-boss retries with backoff. */
export async function syncSearch(jobs: readonly unknown[], deps: SyncDeps): Promise<SyncResult> {
  const parsed = parseJobs(jobs);
  if (parsed.length === 0) return { upserted: 0, deleted: 0 };
  const client = deps.client ?? meili();
  await ensureSettings(client);
  return applyWrites(client, await plannedWrites(deps.db, parsed));
}

/**
 * A whole batch succeeds or fails together: the usual failure (Meilisearch down) affects every job
 * alike, and re-running succeeded ones is harmless because the handler is idempotent.
 */
export async function registerSearchSyncWorker(boss: PgBoss, db: SyncDeps["db"]): Promise<string> {
  return boss.work<SearchSyncJob>(QUEUES.searchSync, { batchSize: SYNC_BATCH_SIZE }, async (jobs) => {
    await syncSearch(jobs.map((j) => j.data), { db });
  });
}
