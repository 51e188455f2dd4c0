import { AppError } from "~/utils/errors.server";
import { absoluteUrl } from "./ocds-config.server";
import { releasePackage, releasesOfSource } from "./ocds-packages.server";
import { loadOcdsSourcesChangedSince } from "./ocds-source.server";
import type { OcdsRelease } from "./ocds-types";

// Every public release in date order, a page at a time (OCDS 1.1 guidance on pagination: the package
// carries links.next until the last page). The cursor is the (date, id) of the last release a page
// held, so a page never repeats or skips a release even when many share one date, and a reader who
// keeps the last `next` link later receives only what was published since.

export const BULK_PAGE_SIZE = 100;
export const BULK_MAX_PAGE_SIZE = 500;
/** Scenarios read per query while filling a page (a parameter so a test can make batches small). */
export const SCENARIO_BATCH = 200;

export type BulkQuery = { since: string | null; after: string | null; limit: number };

/** The query string of /opendata/ocds/releases.json; a malformed one is a 400 with a clear message. */
export function parseBulkQuery(params: URLSearchParams): BulkQuery {
  const sinceText = params.get("since");
  const after = params.get("after");
  const limitText = params.get("limit");
  const since = sinceText ? new Date(sinceText) : null;
  if (since && Number.isNaN(since.getTime())) throw new AppError("od.bad.since", 400);
  if (after && (!since || after.length > 200)) throw new AppError("od.bad.after", 400);
  const limit = limitText == null ? BULK_PAGE_SIZE : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > BULK_MAX_PAGE_SIZE) throw new AppError("od.bad.limit", 400);
  return { since: since ? since.toISOString() : null, after, limit };
}

const byKey = (a: OcdsRelease, b: OcdsRelease) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id);

function isAfterCursor(r: OcdsRelease, q: BulkQuery): boolean {
  if (!q.since) return true;
  if (r.date !== q.since) return r.date > q.since;
  return q.after == null || r.id > q.after;
}

/** The first `limit` releases after the cursor, and whether more follow. */
export async function bulkReleases(q: BulkQuery, batchSize = SCENARIO_BATCH): Promise<{ releases: OcdsRelease[]; more: boolean }> {
  let found: OcdsRelease[] = [];
  const since = q.since ? new Date(q.since) : null;
  for (let skip = 0; ; skip += batchSize) {
    const batch = await loadOcdsSourcesChangedSince(since, skip, batchSize);
    for (const source of batch) found.push(...releasesOfSource(source).filter((r) => isAfterCursor(r, q)));
    found = found.sort(byKey).slice(0, q.limit + 1);
    if (batch.length < batchSize) break;
    // Scenarios come in publication order and none has a release dated before its publication:
    // once the page is full with releases older than the last one published, no later scenario can add one.
    const lastPublished = batch.at(-1)!.publishedAt.toISOString();
    if (found.length > q.limit && found[q.limit]!.date < lastPublished) break;
  }
  return { releases: found.slice(0, q.limit), more: found.length > q.limit };
}

function pageUrl(q: BulkQuery): string {
  const params = new URLSearchParams();
  if (q.since) params.set("since", q.since);
  if (q.after) params.set("after", q.after);
  if (q.limit !== BULK_PAGE_SIZE) params.set("limit", String(q.limit));
  const query = params.toString();
  return absoluteUrl(`/opendata/ocds/releases.json${query ? `?${query}` : ""}`);
}

export async function bulkReleasePackage(q: BulkQuery) {
  const { releases, more } = await bulkReleases(q);
  const last = releases.at(-1);
  const next = more && last ? pageUrl({ since: last.date, after: last.id, limit: q.limit }) : null;
  return releasePackage(pageUrl(q), releases, next ? { links: { next } } : {});
}
