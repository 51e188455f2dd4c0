/**
 * The directed call's (定向委托) picker of invited organisations, shared by the form and the server.
 * Thousands of vendors and institutes cannot all be listed: the picker shows the chosen ones, a short
 * list of suggestions (verified first) and, after a search by name or credit code, the matches.
 */

/** The picker's search button: the form comes back as typed with the matches; nothing is saved. */
export const FIND_ORGS_INTENT = "find-orgs";

/** The longest search the picker takes: a name or a credit code; anything longer is not one. */
export const ORG_QUERY_MAX = 100;

/** Suggestions or matches listed beside the chosen organisations. */
export const INVITABLE_SHOWN = 20;

export type InvitableOrgOption = { id: string; name: string; verified: boolean };

export type InvitableOrgs = {
  /** The chosen organisations first, then suggestions or matches. */
  orgs: InvitableOrgOption[];
  query: string;
  /** How many organisations match the query (0 without one). */
  matched: number;
  /** How many organisations could be invited at all. */
  total: number;
};

export function isFindOrgs(formData: FormData): boolean {
  return formData.get("intent") === FIND_ORGS_INTENT;
}
