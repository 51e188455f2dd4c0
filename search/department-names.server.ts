import { db } from "../app/utils/db.server";
import { briefCache } from "../app/utils/brief-cache.server";

export type DepartmentName = { id: string; name: string; nameEn: string | null };

/**
 * Names for department ids (the department facet stores ids), which every search page shows.
 * Departments are few and rarely renamed, so each process keeps all their names, in the database's
 * name order, for a minute rather than asking on every page. An id it does not know (a department
 * created since) loads them again at once: at worst about one query per page, as without the cache.
 */
const KEEP_MS = 60_000;

const load = async () => {
  const list = await db.organisation.findMany({ where: { type: "department" }, select: { id: true, name: true, nameEn: true }, orderBy: { name: "asc" } });
  return { list, ids: new Set(list.map((d) => d.id)) };
};
// Made on first use, not on import: the browser build empties only app/'s .server modules, so this one
// is bundled for the search routes as it is, and a call at import would run there against an empty
// brief-cache module and stop the page's scripts.
let kept: ReturnType<typeof briefCache<Awaited<ReturnType<typeof load>>>> | undefined;
const cache = () => (kept ??= briefCache(KEEP_MS, load));

export async function departmentNames(ids: readonly string[]): Promise<DepartmentName[]> {
  if (ids.length === 0) return [];
  let departments = await cache().get();
  if (ids.some((id) => !departments.ids.has(id))) {
    cache().clear();
    departments = await cache().get();
  }
  const wanted = new Set(ids);
  return departments.list.filter((d) => wanted.has(d.id));
}
