import { z } from "zod";

/**
 * Typed audit events (after Documenso's document-audit-logs): one schema per action, the record
 * type it belongs to, and the shape of its data. recordAudit accepts only these actions with data
 * of their shape; readers parse rows with the same schemas.
 */
export type AuditEntity =
  | "scenario" | "user" | "organisation" | "invitation" | "session" | "question" | "attachment" | "proposal" | "evaluation"
  | "saved_search" | "digest" | "mail";

const id = z.string();
const empty = z.object({}).strict();
const changes = z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }).passthrough());

function event<E extends AuditEntity, S extends z.ZodTypeAny>(entity: E, data: S) {
  return { entity, data };
}

export const AUDIT_EVENTS = {
  "scenario.create": event("scenario", z.object({ code: z.string() })),
  "scenario.update": event("scenario", z.object({ fields: z.array(z.string()) })),
  "scenario.publish": event("scenario", z.object({ version: z.number(), deadline: z.string() })),
  "scenario.amend": event("scenario", z.object({ version: z.number(), material: z.boolean(), note: z.string(), changes })),
  "scenario.cancel": event("scenario", z.object({ from: z.string(), reason: z.string() })),
  "scenario.close": event("scenario", z.object({ deadline: z.string(), proposals: z.number() })),

  "proposal.create": event("proposal", z.object({ scenarioId: id })),
  "proposal.update": event("proposal", empty),
  "proposal.submit": event("proposal", z.object({ number: z.number(), digest: z.string(), from: z.string() })),
  "proposal.resubmit": event("proposal", z.object({ number: z.number(), digest: z.string(), from: z.string() })),
  "proposal.withdraw": event("proposal", empty),
  "proposal.underReview": event("proposal", z.object({ scenarioId: id })),

  "attachment.upload": event("attachment", z.object({
    filename: z.string(), size: z.number(), sha256: z.string(), scenarioId: id.nullable(), proposalId: id.nullable(),
  })),

  "question.ask": event("question", z.object({ scenarioId: id })),
  "question.answer": event("question", z.object({ scenarioId: id, askerOrgId: id })),

  "organisation.profile_update": event("organisation", z.object({ fields: z.array(z.string()) })),
  "organisation.verify": event("organisation", empty),
  "organisation.unverify": event("organisation", empty),

  "invitation.create": event("invitation", z.object({ email: z.string(), role: z.string() })),
  "invitation.accept": event("invitation", z.object({ role: z.string() })),

  // Saved searches and digests: entityId is the saved search, or (digest.*) the subscriber.
  "saved_search.create": event("saved_search", z.object({ name: z.string(), query: z.string(), frequency: z.string() })),
  "saved_search.update": event("saved_search", z.object({ fields: z.array(z.string()), frequency: z.string() })),
  "saved_search.delete": event("saved_search", z.object({ name: z.string() })),
  "digest.recommendations": event("digest", z.object({ orgId: id, frequency: z.string() })),
  "digest.unsubscribe": event("digest", z.object({ scope: z.string(), targetId: id.nullable(), via: z.string() })),
  "digest.resubscribe": event("digest", z.object({ scope: z.string(), targetId: id.nullable(), via: z.string() })),
  "digest.not_relevant": event("digest", z.object({ orgId: id, scenarioId: id })),

  // An admin sends a failed or dead-lettered mail again.
  "mail.retry": event("mail", z.object({ from: z.string(), to: z.string(), template: z.string(), lastError: z.string().nullable() })),

  "user.signup": event("user", z.object({ orgCreated: z.boolean() })),
  "user.login": event("user", z.object({ ip: z.string(), trustedDevice: z.boolean() })),
  "user.login_failed": event("user", z.object({ ip: z.string(), trustedDevice: z.boolean(), knownAccount: z.boolean() })),
  "user.reset_requested": event("user", empty),
  "user.password_reset": event("user", empty),
  "user.email_verified": event("user", empty),
} as const;

export type AuditAction = keyof typeof AUDIT_EVENTS;
export type AuditData<A extends AuditAction> = z.input<(typeof AUDIT_EVENTS)[A]["data"]>;
export type AuditEntityOf<A extends AuditAction> = (typeof AUDIT_EVENTS)[A]["entity"];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_EVENTS, value);
}

type ActionsStartingWith<P extends string> = Extract<AuditAction, `${P}.${string}`>;
export type ScenarioAuditAction = ActionsStartingWith<"scenario">;
export type ProposalAuditAction = ActionsStartingWith<"proposal">;
