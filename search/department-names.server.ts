import { db } from "../app/utils/db.server";

export type DepartmentName = { id: string; name: string; nameEn: string | null };

/**
 * Names for department ids (the department facet stores ids), which every search page shows.
 * Departments are few and rarely renamed, so each process keeps all their names, in the database's
 * name order, for a minute rather than asking on every page. An id it does not know (a department
 * created since) loads them again at once: at worst, one query per page, as without the cache.
 */
const KEEP_MS = 60_000;

type Loaded = { at: number; departments: Promise<{ list: DepartmentName[]; ids: Set<string> }> };
let loaded: Loaded | undefined;

function load(now: number): Loaded {
  const mine: Loaded = {
    at: now,
    departments: db.organisation
      .findMany({ where: { type: "department" }, select: { id: true, name: true, nameEn: true }, orderBy: { name: "asc" } })
      .then((list) => ({ list, ids: new Set(list.map((d) => d.id)) })),
  };
  mine.departments.catch(() => {
    if (loaded === mine) loaded = undefined;
  });
  return (loaded = mine);
}

export async function departmentNames(ids: readonly string[], now = Date.now()): Promise<DepartmentName[]> {
  if (ids.length === 0) return [];
  const kept = loaded && now - loaded.at < KEEP_MS ? loaded : undefined;
  let departments = await (kept ?? load(now)).departments;
  if (kept && ids.some((id) => !departments.ids.has(id))) departments = await load(now).departments;
  const wanted = new Set(ids);
  return departments.list.filter((d) => wanted.has(d.id));
}
