import { z } from "zod";

/**
 * Typed audit events (after Documenso's document-audit-logs): one schema per action, the record
 * type it belongs to, and the shape of its data. recordAudit accepts only these actions with data
 * of their shape; readers parse rows with the same schemas.
 */
export type AuditEntity =
  | "scenario" | "user" | "organisation" | "invitation" | "session" | "question" | "attachment" | "proposal" | "evaluation"
  | "saved_search" | "digest" | "mail" | "objection" | "milestone" | "gate" | "job";

const id = z.string();
const empty = z.object({}).strict();
const changes = z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }).passthrough());
// A detected conflict as conflicts.ts reports it.
const conflictReason = z.object({ kind: z.enum(["own_org", "consortium_member", "linked_org"]), orgId: id, orgName: z.string() }).passthrough();

const orgLink = z.object({
  linkId: id, fromOrgId: id, toOrgId: id, kind: z.enum(["parent", "subsidiary", "shareholder", "same_group"]), note: z.string(),
});
const affiliation = z.object({ orgId: id.nullable(), orgName: z.string(), fromYear: z.number().nullable(), toYear: z.number().nullable() });

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
  // Evaluation starts with the first assignment (closed → evaluating).
  "scenario.evaluate": event("scenario", z.object({ assignmentId: id, evaluatorId: id })),
  "scenario.evaluationSettings": event("scenario", z.object({
    dueAt: z.string(), blindReview: z.boolean(), before: z.object({ dueAt: z.string().nullable(), blindReview: z.boolean() }),
  })),

  // 定标 · 公示 (award and notice): entityId is the scenario; the decision is named in the data.
  "scenario.awardPropose": event("scenario", z.object({ decisionId: id, round: z.number().int(), winnerIds: z.array(id), note: z.string() })),
  "scenario.noticePublish": event("scenario", z.object({ decisionId: id, round: z.number().int(), noticeEndsAt: z.string(), noticeDays: z.number().int() })),
  // 流标: the call fails with a reason (→ cancelled).
  "scenario.fail": event("scenario", z.object({ from: z.string(), reason: z.string() })),
  // An upheld objection sends the decision back to evaluation.
  "scenario.sendBack": event("scenario", z.object({ decisionId: id, objectionId: id })),
  "scenario.award": event("scenario", z.object({ decisionId: id, winnerIds: z.array(id) })),
  // 挂帅: awarded → in_delivery (the milestone records it created), and the last milestone accepted.
  "scenario.deliver": event("scenario", z.object({ proposals: z.array(id), milestones: z.number().int() })),
  "scenario.complete": event("scenario", z.object({ caseId: id, vendors: z.array(id) })),

  // Milestones (entity id = the milestone). Each round of evidence and each decision is kept here.
  "milestone.submit": event("milestone", z.object({
    scenarioId: id, from: z.string(), round: z.number().int(), files: z.array(z.object({ id, filename: z.string(), sha256: z.string() })),
  })),
  "milestone.accept": event("milestone", z.object({ scenarioId: id, note: z.string() })),
  "milestone.return": event("milestone", z.object({ scenarioId: id, reason: z.string().min(1), dueAt: z.string() })),
  "milestone.overdue": event("milestone", z.object({ scenarioId: id, dueAt: z.string(), from: z.string() })),
  "milestone.remind": event("milestone", z.object({ scenarioId: id, dueAt: z.string() })),

  // 赛马 stage gates (entity id = the gate).
  "gate.declare": event("gate", z.object({ scenarioId: id, name: z.string(), dueAt: z.string(), metrics: z.array(z.string()), continuing: z.number().int() })),
  "gate.report": event("gate", z.object({ scenarioId: id, proposalId: id, values: z.array(z.object({ metric: z.string(), value: z.string() })) })),
  "gate.decide": event("gate", z.object({
    scenarioId: id, outcomes: z.array(z.object({ proposalId: id, orgId: id, continues: z.boolean(), reason: z.string() })),
  })),

  "proposal.create": event("proposal", z.object({ scenarioId: id })),
  "proposal.update": event("proposal", empty),
  "proposal.submit": event("proposal", z.object({ number: z.number(), digest: z.string(), from: z.string() })),
  "proposal.resubmit": event("proposal", z.object({ number: z.number(), digest: z.string(), from: z.string() })),
  "proposal.withdraw": event("proposal", empty),
  "proposal.underReview": event("proposal", z.object({ scenarioId: id })),
  // Once unsealed: who opened which proposal, and which submission of it they read.
  "proposal.open": event("proposal", z.object({ scenarioId: id, number: z.number(), digest: z.string() })),
  // The award decision's effect on each proposal, and its undoing when the decision is sent back.
  "proposal.shortlist": event("proposal", z.object({ scenarioId: id, decisionId: id, winner: z.boolean() })),
  "proposal.notSelect": event("proposal", z.object({ scenarioId: id, decisionId: id.nullable() })),
  "proposal.award": event("proposal", z.object({ scenarioId: id, decisionId: id })),
  "proposal.reconsider": event("proposal", z.object({ scenarioId: id, decisionId: id })),

  // 异议 (entity id = the objection). The objector is the actor of objection.file and nowhere public.
  "objection.file": event("objection", z.object({ scenarioId: id, decisionId: id, reference: z.string(), files: z.number().int() })),
  "objection.answer": event("objection", z.object({ scenarioId: id, reference: z.string() })),
  "objection.decide": event("objection", z.object({ scenarioId: id, reference: z.string(), outcome: z.enum(["upheld", "dismissed"]), reason: z.string() })),

  // Evaluator assignments: entityId is the assignment's id, so its history is one query.
  "evaluation.assign": event("evaluation", z.object({ scenarioId: id, evaluatorId: id, dueAt: z.string() })),
  "evaluation.accept": event("evaluation", z.object({ scenarioId: id })),
  "evaluation.decline": event("evaluation", z.object({ scenarioId: id, reason: z.string() })),
  "evaluation.declare": event("evaluation", z.object({ scenarioId: id, proposalId: id, declared: z.boolean(), conflicted: z.boolean() })),
  // Every conflict, declared by the evaluator or detected by the platform (or both).
  "evaluation.conflict": event("evaluation", z.object({
    scenarioId: id, proposalId: id, evaluatorId: id, declared: z.boolean(), reason: z.string(), detected: z.array(conflictReason),
  })),
  "evaluation.override": event("evaluation", z.object({ scenarioId: id, proposalId: id, evaluatorId: id, reason: z.string() })),
  "evaluation.remind": event("evaluation", z.object({ scenarioId: id, stage: z.enum(["two_days", "one_day"]), outstanding: z.number() })),

  "attachment.upload": event("attachment", z.object({
    filename: z.string(), size: z.number(), sha256: z.string(), scenarioId: id.nullable(), proposalId: id.nullable(),
    objectionId: id.nullable().optional(),
  })),
  // A proposal's file read by someone outside the proposing organisation (the department, once unsealed).
  "attachment.download": event("attachment", z.object({ proposalId: id, filename: z.string(), sha256: z.string() })),

  "question.ask": event("question", z.object({ scenarioId: id })),
  "question.answer": event("question", z.object({ scenarioId: id, askerOrgId: id })),

  // Score sheets (entity id = the sheet). Autosaves are not recorded; an explicit save, a submission and a reopening are.
  "evaluation.sheet_save": event("evaluation", z.object({ proposalId: id, scenarioId: id, scored: z.number().int() })),
  "evaluation.sheet_submit": event("evaluation", z.object({ proposalId: id, scenarioId: id, total: z.number() })),
  "evaluation.sheet_reopen": event("evaluation", z.object({ proposalId: id, scenarioId: id, evaluatorId: id, reason: z.string().min(1) })),

  "organisation.profile_update": event("organisation", z.object({ fields: z.array(z.string()) })),
  // The verification queue: the credit code's check digit as the admin saw it is kept with the decision.
  "organisation.verify": event("organisation", z.object({ creditCodeValid: z.boolean().optional() }).strict()),
  "organisation.unverify": event("organisation", empty),
  "organisation.reject": event("organisation", z.object({ reason: z.string().min(1), creditCodeValid: z.boolean() })),
  // 认证材料 (entity id = the organisation, so its history shows what it handed in and took back, beside
  // the decisions). The file's own attachment.upload event is written too; removal deletes the bytes.
  "organisation.document_upload": event("organisation", z.object({
    documentId: id, attachmentId: id, kind: z.string(), filename: z.string(), size: z.number().int(), sha256: z.string(),
  })),
  "organisation.document_remove": event("organisation", z.object({
    documentId: id, attachmentId: id, kind: z.string(), filename: z.string(), sha256: z.string(),
  })),
  // A rejected organisation asks again (back to the queue as pending); the reason it answers is kept.
  "organisation.resubmit": event("organisation", z.object({ documents: z.number().int(), previousReason: z.string().nullable() })),

  "organisation.link_add": event("organisation", orgLink),
  "organisation.link_remove": event("organisation", orgLink),

  // The evaluator pool: entityId is the expert's user id. Affiliations decide conflict detection,
  // so their before and after are kept whole: an affiliation dropped just before an assignment shows.
  "evaluator.pool_add": event("user", empty),
  "evaluator.profile_update": event("user", z.object({
    fields: z.array(z.string()),
    affiliations: z.object({ before: z.array(affiliation), after: z.array(affiliation) }).optional(),
  })),

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

  // Users and memberships, by an admin. Disabling ends every session of the user at once.
  "user.disable": event("user", z.object({ reason: z.string().min(1), sessionsEnded: z.number().int() })),
  "user.enable": event("user", z.object({ reason: z.string() })),
  "user.login_refused_disabled": event("user", z.object({ ip: z.string() })),
  "membership.role_change": event("user", z.object({ membershipId: id, orgId: id, orgName: z.string(), from: z.string(), to: z.string() })),

  // An admin retries a failed background job (entityId is the pg-boss job id).
  "job.retry": event("job", z.object({ queue: z.string(), error: z.string().nullable(), retryCount: z.number().int() })),

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
export type EvaluationAuditAction = ActionsStartingWith<"evaluation">;
export type ObjectionAuditAction = ActionsStartingWith<"objection">;
export type MilestoneAuditAction = ActionsStartingWith<"milestone">;
