import { db } from "~/utils/db.server";
import type { ParsedAuditEvent } from "~/modules/audit/audit.server";

/**
 * Names for the ids an audit event carries, so the viewer shows "ZZ-2026-0042 城市内涝…" and
 * "王工", not cuids. One query per kind of record for a whole page of events.
 */
const SCENARIO_FIELDS = ["scenarioId"];
const ORG_FIELDS = ["orgId", "fromOrgId", "toOrgId", "askerOrgId"];
const USER_FIELDS = ["evaluatorId"];
const PROPOSAL_FIELDS = ["proposalId"];

export type NameIndex = Map<string, string>;

function collect(events: ParsedAuditEvent[]) {
  const ids = { scenario: new Set<string>(), org: new Set<string>(), user: new Set<string>(), proposal: new Set<string>() };
  for (const e of events) {
    if (e.entityType === "scenario") ids.scenario.add(e.entityId);
    if (e.entityType === "organisation") ids.org.add(e.entityId);
    if (e.entityType === "user" && !e.entityId.startsWith("email:")) ids.user.add(e.entityId);
    if (e.entityType === "proposal") ids.proposal.add(e.entityId);
    if (e.orgId) ids.org.add(e.orgId);
    for (const [field, value] of Object.entries(e.data)) {
      if (typeof value !== "string") continue;
      if (SCENARIO_FIELDS.includes(field)) ids.scenario.add(value);
      if (ORG_FIELDS.includes(field)) ids.org.add(value);
      if (USER_FIELDS.includes(field)) ids.user.add(value);
      if (PROPOSAL_FIELDS.includes(field)) ids.proposal.add(value);
    }
  }
  return ids;
}

export async function namesFor(events: ParsedAuditEvent[]): Promise<NameIndex> {
  const ids = collect(events);
  const [scenarios, orgs, users, proposals] = await Promise.all([
    db.scenario.findMany({ where: { id: { in: [...ids.scenario] } }, select: { id: true, code: true, title: true } }),
    db.organisation.findMany({ where: { id: { in: [...ids.org] } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: [...ids.user] } }, select: { id: true, name: true, email: true } }),
    db.proposal.findMany({ where: { id: { in: [...ids.proposal] } }, select: { id: true, org: { select: { name: true } }, scenario: { select: { code: true } } } }),
  ]);
  const names: NameIndex = new Map();
  for (const s of scenarios) names.set(s.id, `${s.code} ${s.title}`);
  for (const o of orgs) names.set(o.id, o.name);
  for (const u of users) names.set(u.id, `${u.name} <${u.email}>`);
  for (const p of proposals) names.set(p.id, `${p.scenario.code} · ${p.org.name}`);
  return names;
}

export const NAMED_FIELDS = new Set([...SCENARIO_FIELDS, ...ORG_FIELDS, ...USER_FIELDS, ...PROPOSAL_FIELDS]);
