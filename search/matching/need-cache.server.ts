import type { NeedSide } from "./explain";
import { needOf, type NeedText } from "./sides.server";

/**
 * Listings' needs, kept per web process. Building a need (Markdown to text, word segmentation, the
 * bag) was most of a recommendations page's CPU, and the same open listings are scored for every
 * vendor. An entry is keyed by the listing's last update, so an edited listing is analysed again;
 * the least recently used entries go first.
 */
const MAX_ENTRIES = 5_000;
const needs = new Map<string, { updatedAt: number; need: NeedSide }>();

export function cachedNeed(id: string, updatedAt: Date): NeedSide | undefined {
  const entry = needs.get(id);
  if (!entry || entry.updatedAt !== updatedAt.getTime()) return undefined;
  // A Map keeps insertion order: inserting again marks the entry as recently used.
  needs.delete(id);
  needs.set(id, entry);
  return entry.need;
}

export function rememberNeed(id: string, updatedAt: Date, text: NeedText): NeedSide {
  const need = needOf(text);
  needs.delete(id);
  needs.set(id, { updatedAt: updatedAt.getTime(), need });
  if (needs.size > MAX_ENTRIES) needs.delete(needs.keys().next().value!);
  return need;
}
