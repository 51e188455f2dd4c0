import { z } from "zod";
import type { DigestFrequency } from "~/generated/prisma/enums";
import { recordAudit, type AuditActor } from "~/modules/audit/audit.server";
import { db, type Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { parseScenarioSearch, serializeScenarioSearch } from "../../../search/search-params";
import { FREQUENCIES } from "./digest-shared";

// 保存的搜索与推荐摘要：增删改，均限定在本人名下，并写入审计日志。
// A vendor member's saved searches and recommendation digests: every query carries the owner in
// its `where`, every change is audited, and choosing a frequency on one's own page lifts an earlier
// unsubscribe from the same subscription (the person asked for mail again, explicitly).

// The messages say 20 (dg.error.tooMany).
export const MAX_SAVED_SEARCHES = 20;

const name = z.string().trim().min(1, "dg.error.name").max(60, "dg.error.name");
const frequency = z.enum(FREQUENCIES);
const id = z.string().trim().min(1).max(64);

export const SavedSearchFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), name, frequency, query: z.string().max(2000).default("") }),
  z.object({ intent: z.literal("update"), id, name, frequency }),
  z.object({ intent: z.literal("delete"), id }),
  z.object({ intent: z.literal("recommendations"), frequency }),
  z.object({ intent: z.literal("resume-all") }),
]);

/**
 * The saved form of a search page URL: parsed leniently like the page (unknown values dropped) and
 * written canonically, without the page number — a digest lists what is new, not page 3 of it.
 */
export function canonicalSearchQuery(raw: string): string {
  const state = parseScenarioSearch(new URLSearchParams(raw.replace(/^\?/, "")));
  return serializeScenarioSearch({ ...state, page: 1 }).toString();
}

type Owner = AuditActor & { id: string };

/** Lifts the person's own unsubscribes of one subscription (they chose a frequency again). */
async function liftUnsubscribes(tx: Tx, where: { savedSearchId: string } | { recommendationSubscriptionId: string }, now: Date) {
  await tx.digestUnsubscribe.updateMany({ where: { ...where, undoneAt: null }, data: { undoneAt: now } });
}

export async function createSavedSearch(owner: Owner, orgId: string, input: { name: string; query: string; frequency: DigestFrequency }) {
  const query = canonicalSearchQuery(input.query);
  return db.$transaction(async (tx) => {
    const count = await tx.savedSearch.count({ where: { userId: owner.id } });
    if (count >= MAX_SAVED_SEARCHES) throw new AppError("dg.error.tooMany", 422);
    const saved = await tx.savedSearch.create({
      data: { userId: owner.id, orgId, name: input.name, query, frequency: input.frequency },
      select: { id: true, query: true },
    });
    await recordAudit(tx, { actor: owner, action: "saved_search.create", entityId: saved.id, orgId, data: { name: input.name, query, frequency: input.frequency } });
    return saved;
  });
}

export async function updateSavedSearch(owner: Owner, id: string, input: { name: string; frequency: DigestFrequency }, now = new Date()) {
  return db.$transaction(async (tx) => {
    const current = await tx.savedSearch.findFirst({ where: { id, userId: owner.id }, select: { name: true, frequency: true, orgId: true } });
    if (!current) throw new AppError("dg.error.notFound", 404);
    await tx.savedSearch.update({ where: { id }, data: { name: input.name, frequency: input.frequency } });
    await liftUnsubscribes(tx, { savedSearchId: id }, now);
    const fields = [current.name !== input.name ? "name" : null, current.frequency !== input.frequency ? "frequency" : null].filter((f): f is string => !!f);
    await recordAudit(tx, { actor: owner, action: "saved_search.update", entityId: id, orgId: current.orgId, data: { fields, frequency: input.frequency } });
  });
}

export async function deleteSavedSearch(owner: Owner, id: string) {
  return db.$transaction(async (tx) => {
    const current = await tx.savedSearch.findFirst({ where: { id, userId: owner.id }, select: { name: true, orgId: true } });
    if (!current) throw new AppError("dg.error.notFound", 404);
    await tx.savedSearch.delete({ where: { id } });
    await recordAudit(tx, { actor: owner, action: "saved_search.delete", entityId: id, orgId: current.orgId, data: { name: current.name } });
  });
}

export async function setRecommendationDigest(owner: Owner, orgId: string, frequency: DigestFrequency, now = new Date()) {
  return db.$transaction(async (tx) => {
    const sub = await tx.recommendationSubscription.upsert({
      where: { userId_orgId: { userId: owner.id, orgId } },
      update: { frequency },
      create: { userId: owner.id, orgId, frequency },
      select: { id: true },
    });
    await liftUnsubscribes(tx, { recommendationSubscriptionId: sub.id }, now);
    await recordAudit(tx, { actor: owner, action: "digest.recommendations", entityId: owner.id, orgId, data: { orgId, frequency } });
  });
}

/** Undoes an "unsubscribe from all digests" from the person's own page. */
export async function resumeAllDigests(owner: Owner, now = new Date()) {
  return db.$transaction(async (tx) => {
    const { count } = await tx.digestUnsubscribe.updateMany({ where: { userId: owner.id, scope: "all", undoneAt: null }, data: { undoneAt: now } });
    if (count > 0) await recordAudit(tx, { actor: owner, action: "digest.resubscribe", entityId: owner.id, data: { scope: "all", targetId: null, via: "account" } });
  });
}

/** Everything the manage page shows, for one member acting for one organisation. */
export async function subscriptionsOf(userId: string, orgId: string) {
  const [searches, recommendations, allOff] = await Promise.all([
    db.savedSearch.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true, name: true, query: true, frequency: true, orgId: true, createdAt: true,
        unsubscribes: { where: { undoneAt: null }, orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } },
      },
    }),
    db.recommendationSubscription.findUnique({
      where: { userId_orgId: { userId, orgId } },
      select: { id: true, frequency: true, unsubscribes: { where: { undoneAt: null }, take: 1, select: { createdAt: true } } },
    }),
    db.digestUnsubscribe.findFirst({ where: { userId, scope: "all", undoneAt: null }, orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
  ]);
  return {
    searches: searches.map(({ unsubscribes, ...s }) => ({ ...s, unsubscribedAt: unsubscribes[0]?.createdAt ?? null })),
    recommendations: recommendations
      ? { id: recommendations.id, frequency: recommendations.frequency, unsubscribedAt: recommendations.unsubscribes[0]?.createdAt ?? null }
      : null,
    allUnsubscribedAt: allOff?.createdAt ?? null,
  };
}
