import { db } from "~/utils/db.server";
import { buildContent, windowStartOf, type ContentItem, type Subscriber } from "./digest-content.server";
import { createDigestContext } from "./digest-context.server";
import type { DigestCadence } from "./digest-periods";

/**
 * "What would it send today": one saved search (or the recommendations digest) run exactly as the
 * next digest will run it — from the end of the member's last digest of that cadence (one period back
 * if none) up to now, minus what their organisation marked "not relevant". Nothing is recorded.
 */
export type DigestPreview =
  | { status: "ok"; from: Date; items: ContentItem[] }
  | { status: "unavailable" };

type Target = { kind: "search"; id: string } | { kind: "recommendations"; orgId: string };

export async function previewDigest(userId: string, target: Target, now = new Date()): Promise<DigestPreview | null> {
  const search = target.kind === "search"
    ? await db.savedSearch.findFirst({ where: { id: target.id, userId }, select: { id: true, name: true, query: true, orgId: true, frequency: true } })
    : null;
  if (target.kind === "search" && !search) return null;
  const orgId = search?.orgId ?? (target.kind === "recommendations" ? target.orgId : "");
  const frequency = search?.frequency
    ?? (await db.recommendationSubscription.findUnique({ where: { userId_orgId: { userId, orgId } }, select: { frequency: true } }))?.frequency;
  // "Off" previews what a daily digest would hold.
  const cadence: DigestCadence = frequency === "weekly" ? "weekly" : "daily";
  const last = await db.digestRun.findFirst({ where: { userId, frequency: cadence }, orderBy: { windowEnd: "desc" }, select: { windowEnd: true } });

  const subscriber: Subscriber = {
    id: userId, email: "", locale: "zh-CN",
    searches: search ? [{ id: search.id, name: search.name, query: search.query, orgId }] : [],
    recommendations: target.kind === "recommendations" ? [{ id: "preview", orgId, orgName: "", orgNameEn: null }] : [],
    lastWindowEnd: last?.windowEnd ?? null,
  };
  const ctx = createDigestContext(now, now);
  const start = windowStartOf(subscriber, cadence, now);
  await ctx.prepareSearches(subscriber.searches.map((s) => ({ start, query: s.query })));
  const candidateIds = [...(await ctx.candidates(start)).keys()];
  const dismissed = candidateIds.length
    ? await db.recommendationFeedback.findMany({ where: { orgId, scenarioId: { in: candidateIds } }, select: { scenarioId: true } })
    : [];
  const content = await buildContent(subscriber, cadence, ctx, {
    dismissed: new Set(dismissed.map((d) => `${orgId}|${d.scenarioId}`)),
    follows: new Map(),
  });
  if (!content) return { status: "unavailable" };
  return { status: "ok", from: content.windowStart, items: content.items };
}
