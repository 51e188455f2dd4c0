import type { OcdsRelease } from "./ocds-types";

// The compiled release of a record, by OCDS 1.1's merge routine: later releases overwrite earlier
// values field by field; objects merge recursively; arrays of objects that carry an `id` merge item by
// item on that id (parties, amendments, awards…); any other array is replaced whole; a null removes
// the field. `id`, `date` and `tag` are not merged: the compiled release gets its own.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
const hasIds = (list: Json[]): list is JsonObject[] => list.length > 0 && list.every((item) => isObject(item) && "id" in item);

function mergeList(before: Json | undefined, after: Json[]): Json[] {
  if (!Array.isArray(before) || !hasIds(after) || !hasIds(before)) return after;
  const merged = new Map<string, JsonObject>(before.map((item) => [String(item.id), item]));
  for (const item of after) {
    const key = String(item.id);
    const seen = merged.get(key);
    merged.set(key, seen ? mergeObject(seen, item) : item);
  }
  return [...merged.values()];
}

function mergeObject(before: JsonObject, after: JsonObject): JsonObject {
  const out: JsonObject = { ...before };
  for (const [key, value] of Object.entries(after)) {
    if (value === null) delete out[key];
    else if (Array.isArray(value)) out[key] = mergeList(out[key], value);
    else if (isObject(value) && isObject(out[key])) out[key] = mergeObject(out[key] as JsonObject, value);
    else out[key] = value;
  }
  return out;
}

/** Releases oldest first; the compiled release is dated by the newest. */
export function compileReleases(releases: OcdsRelease[]): OcdsRelease {
  if (!releases.length) throw new Error("a record needs at least one release");
  let merged: JsonObject = {};
  for (const r of releases) {
    const { id: _id, date: _date, tag: _tag, ...rest } = r;
    merged = mergeObject(merged, rest as unknown as JsonObject);
  }
  const date = releases.reduce((max, r) => (r.date > max ? r.date : max), releases[0]!.date);
  const ocid = releases[0]!.ocid;
  return { ...(merged as unknown as Omit<OcdsRelease, "id" | "date" | "tag">), ocid, id: `${ocid}-${date}`, date, tag: ["compiled"] };
}
