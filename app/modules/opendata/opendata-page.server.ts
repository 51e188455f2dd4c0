import { SECTORS } from "~/modules/scenarios/catalog";
import { db } from "~/utils/db.server";
import { ocidOf, ocidPrefix } from "./ocds-config.server";

/** What the /opendata page lists: the ocid prefix, a real example, and every feed a visitor can follow. */
export async function openDataPage() {
  const publicScenario = { publishedAt: { not: null }, status: { not: "draft" } } as const;
  const [example, departments] = await Promise.all([
    db.scenario.findFirst({ where: publicScenario, select: { code: true }, orderBy: [{ publishedAt: "desc" }, { code: "asc" }] }),
    db.organisation.findMany({
      where: { type: "department", scenarios: { some: publicScenario } },
      select: { id: true, name: true, nameEn: true }, orderBy: { name: "asc" },
    }),
  ]);
  return {
    prefix: ocidPrefix(),
    exampleOcid: ocidOf(example?.code ?? "ZZ-2026-0001"),
    sectors: SECTORS.map((s) => s.key),
    departments,
  };
}
