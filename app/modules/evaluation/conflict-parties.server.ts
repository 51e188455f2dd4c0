import { z } from "zod";
import { shanghaiYear } from "~/modules/scenarios/scenario-dates";
import { db } from "~/utils/db.server";
import type { Affiliation, OrgLink, ProposalParties } from "./conflicts";
import { READABLE_BY_EVALUATORS } from "./evaluation-access.server";

// Loads what conflict detection (conflicts.ts, pure) compares: the experts' organisations, the parties
// of each proposal under review, and the links between organisations.
//
// Organisations are compared by id. A name typed without a platform organisation (a consortium member
// written as "郑州大学｜技术支撑", a past employer not on the platform) is first looked up by exact
// name or short name; if there is no such organisation it gets a key made of its normalised name, so
// two spellings of the same off-platform name still meet. Links exist only between real organisations.

export function normaliseName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

export function nameKey(name: string): string {
  return `name:${normaliseName(name)}`;
}

async function resolveNames(names: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  const byName = new Map<string, string>();
  if (wanted.length === 0) return byName;
  const rows = await db.organisation.findMany({
    where: { OR: [{ name: { in: wanted } }, { shortName: { in: wanted } }] },
    select: { id: true, name: true, shortName: true },
    orderBy: { createdAt: "asc" },
  });
  for (const row of rows) {
    for (const n of [row.name, row.shortName]) if (n && !byName.has(normaliseName(n))) byName.set(normaliseName(n), row.id);
  }
  return byName;
}

function idFor(resolved: Map<string, string>, orgId: string | null | undefined, name: string): string {
  return orgId ?? resolved.get(normaliseName(name)) ?? nameKey(name);
}

/**
 * Each expert's organisations: the affiliations in their pool profile (current and past, with years)
 * plus every platform organisation they are a member of, which counts as current.
 */
export async function affiliationsOf(userIds: readonly string[]): Promise<Map<string, Affiliation[]>> {
  const [rows, memberships] = await Promise.all([
    db.evaluatorAffiliation.findMany({ where: { userId: { in: [...userIds] } }, select: { userId: true, orgId: true, orgName: true, fromYear: true, toYear: true } }),
    db.membership.findMany({ where: { userId: { in: [...userIds] } }, select: { userId: true, orgId: true, org: { select: { name: true } } } }),
  ]);
  const resolved = await resolveNames(rows.filter((r) => !r.orgId).map((r) => r.orgName));
  const out = new Map<string, Affiliation[]>(userIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.userId)?.push({ orgId: idFor(resolved, r.orgId, r.orgName), orgName: r.orgName, fromYear: r.fromYear, toYear: r.toYear });
  for (const m of memberships) out.get(m.userId)?.push({ orgId: m.orgId, orgName: m.org.name, fromYear: null, toYear: null });
  return out;
}

const consortiumRow = z.object({ orgId: z.string().min(1).optional().nullable(), name: z.string() }).passthrough();

/** Reads Proposal.consortiumMembers ([{ orgId?, name, role }]) and skips rows that do not parse. */
export function readConsortiumParties(value: unknown): { orgId: string | null; name: string }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row) => {
    const parsed = consortiumRow.safeParse(row);
    return parsed.success && parsed.data.name.trim() ? [{ orgId: parsed.data.orgId ?? null, name: parsed.data.name.trim() }] : [];
  });
}

export type ProposalPartiesRow = { proposalId: string; parties: ProposalParties; names: Record<string, string> };

/** The parties of proposals (lead organisation and consortium members) as ids, with their names. */
export async function partiesOf(where: { scenarioId: string } | { proposalId: string }): Promise<ProposalPartiesRow[]> {
  const proposals = await db.proposal.findMany({
    where: { ...("proposalId" in where ? { id: where.proposalId } : { scenarioId: where.scenarioId }), status: { in: [...READABLE_BY_EVALUATORS] } },
    select: { id: true, orgId: true, org: { select: { name: true } }, consortiumMembers: true },
    orderBy: { id: "asc" },
  });
  const members = new Map(proposals.map((p) => [p.id, readConsortiumParties(p.consortiumMembers)]));
  const resolved = await resolveNames([...members.values()].flat().filter((m) => !m.orgId).map((m) => m.name));
  return proposals.map((p) => {
    const names: Record<string, string> = { [p.orgId]: p.org.name };
    const memberOrgIds = (members.get(p.id) ?? []).map((m) => {
      const id = idFor(resolved, m.orgId, m.name);
      names[id] ??= m.name;
      return id;
    });
    return { proposalId: p.id, parties: { leadOrgId: p.orgId, memberOrgIds }, names };
  });
}

/** Links touching any of the given organisations (either end). */
export async function linksTouching(orgIds: readonly string[]): Promise<OrgLink[]> {
  const real = [...new Set(orgIds.filter((id) => !id.startsWith("name:")))];
  if (real.length === 0) return [];
  return db.organisationLink.findMany({
    where: { OR: [{ fromOrgId: { in: real } }, { toOrgId: { in: real } }] },
    select: { fromOrgId: true, toOrgId: true, kind: true },
  });
}

/** The year detection counts back from: Beijing's calendar year. */
export function detectionYear(now: Date): number {
  return shanghaiYear(now);
}
