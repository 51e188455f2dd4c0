import { parseWithZod } from "@conform-to/zod";
import { data } from "@remix-run/node";
import { z } from "zod";
import { organisationMatching } from "~/modules/organisations/organisation-match";
import { db } from "~/utils/db.server";
import { INVITABLE_SHOWN, ORG_QUERY_MAX, type InvitableOrgs } from "./invitable-orgs";

const INVITABLE = { type: { in: ["vendor" as const, "institute" as const] } };
const SELECT = { id: true, name: true, verified: true } as const;

/** The chosen organisations (by id) and, beside them, the matches for a query or the first suggestions. */
export async function invitableOrgs(chosenIds: readonly string[], query = ""): Promise<InvitableOrgs> {
  const q = query.trim().slice(0, ORG_QUERY_MAX);
  // The form allows 30 invitations; more ids than that are not a real form's.
  const ids = [...new Set(chosenIds)].slice(0, 100);
  const matching = { ...INVITABLE, ...organisationMatching(q) };
  const [chosen, listed, matched, total] = await Promise.all([
    ids.length > 0 ? db.organisation.findMany({ where: { ...INVITABLE, id: { in: ids } }, select: SELECT, orderBy: { name: "asc" } }) : [],
    db.organisation.findMany({
      where: { ...matching, id: { notIn: ids } }, select: SELECT, orderBy: [{ verified: "desc" }, { name: "asc" }], take: INVITABLE_SHOWN,
    }),
    q ? db.organisation.count({ where: matching }) : 0,
    db.organisation.count({ where: INVITABLE }),
  ]);
  return { orgs: [...chosen, ...listed], query: q, matched, total };
}

/** The picker as a submitted scenario form left it: what was ticked and what was searched for. */
export function invitableOrgsFor(formData: FormData): Promise<InvitableOrgs> {
  const chosen = formData.getAll("invitedOrgIds").filter((v): v is string => typeof v === "string");
  const query = formData.get("orgQuery");
  return invitableOrgs(chosen, typeof query === "string" ? query : "");
}

/**
 * The answer to the picker's search button: everything typed comes back (no validation: the form may
 * be half done), with the matches. Without JavaScript this is how the officer searches.
 */
export async function findOrgsReply(formData: FormData) {
  const submission = parseWithZod(formData, { schema: z.object({}) });
  return data({ result: submission.reply(), invitable: await invitableOrgsFor(formData) });
}
