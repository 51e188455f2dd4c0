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

const departments = briefCache(KEEP_MS, async () => {
  const list = await db.organisation.findMany({ where: { type: "department" }, select: { id: true, name: true, nameEn: true }, orderBy: { name: "asc" } });
  return { list, ids: new Set(list.map((d) => d.id)) };
});

export async function departmentNames(ids: readonly string[]): Promise<DepartmentName[]> {
  if (ids.length === 0) return [];
  let kept = await departments.get();
  if (ids.some((id) => !kept.ids.has(id))) {
    departments.clear();
    kept = await departments.get();
  }
  const wanted = new Set(ids);
  return kept.list.filter((d) => wanted.has(d.id));
}
