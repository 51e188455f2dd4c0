import type { NeedSide } from "./explain";
import { needOf, type NeedText } from "./sides.server";

/**
 * Listings' needs, kept per web process. Building a need (Markdown to text, word segmentation, the
 * bag) was most of a recommendations page's CPU, and the same open listings are scored for every
 * vendor. An entry is keyed by the listing's last update, so an edited listing is analysed again.
 * The cache is bounded by the words it holds, not by listings (a long description makes a large
 * bag): a bag entry measured about 0.5 KB, so 60,000 words stay near 30 MB, eight pages' worth of
 * candidates or more. The least recently used listings go first.
 */
const MAX_WORDS = 60_000;
let maxWords = MAX_WORDS;
const needs = new Map<string, { updatedAt: number; need: NeedSide }>();
let words = 0;

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
  forget(id);
  needs.set(id, { updatedAt: updatedAt.getTime(), need });
  words += need.bag.size;
  while (words > maxWords && needs.size > 1) forget(needs.keys().next().value!);
  return need;
}

function forget(id: string) {
  const entry = needs.get(id);
  if (!entry) return;
  words -= entry.need.bag.size;
  needs.delete(id);
}

/** What the cache holds (for tests and diagnostics). */
export function needCacheSize(): { listings: number; words: number } {
  return { listings: needs.size, words };
}

/** A smaller budget, so tests can fill the cache quickly; without an argument, the default again. */
export function limitNeedCache(budget = MAX_WORDS): void {
  maxWords = budget;
}
