import { DISTRICTS, label } from "~/modules/scenarios/catalog";
import type { OcdsOrgRef, OcdsParty } from "./ocds-types";

// Organisations as OCDS parties. Only what the organisation is publicly: its name, its 统一社会信用代码
// and where it sits. Never a contact person, phone or mail address (docs/decisions/012-ocds-mapping.md).

/** org-id.guide style scheme for the 统一社会信用代码 (GB 32100-2015). */
export const CREDIT_CODE_SCHEME = "CN-USCC";

export type PartyOrg = { id: string; name: string; creditCode: string | null; district: string | null };

export function partyId(org: PartyOrg): string {
  return org.creditCode ? `${CREDIT_CODE_SCHEME}-${org.creditCode}` : `jiebang-org-${org.id}`;
}

export function orgRef(org: PartyOrg): OcdsOrgRef {
  return { id: partyId(org), name: org.name };
}

export function partyOf(org: PartyOrg, roles: string[]): OcdsParty {
  return {
    id: partyId(org),
    name: org.name,
    ...(org.creditCode ? { identifier: { scheme: CREDIT_CODE_SCHEME, id: org.creditCode, legalName: org.name } } : {}),
    address: { ...(org.district ? { region: label(DISTRICTS, org.district, "zh-CN") } : {}), countryName: "中国" },
    roles,
  };
}

/** Parties with the same id become one entry holding every role (a buyer that is also the procuring entity). */
export function mergeParties(parties: OcdsParty[]): OcdsParty[] {
  const byId = new Map<string, OcdsParty>();
  for (const p of parties) {
    const seen = byId.get(p.id);
    byId.set(p.id, seen ? { ...seen, roles: [...new Set([...seen.roles, ...p.roles])] } : p);
  }
  return [...byId.values()];
}
