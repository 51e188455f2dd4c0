import { readConsortium, readMilestones } from "~/modules/proposals/lines";
import { renderMarkdown } from "~/modules/scenarios/markdown.server";
import { db } from "~/utils/db.server";
import { listCriteria } from "./criteria.server";
import { findEvaluatorGrant, readableProposalsWhere } from "./evaluation-access.server";
import { evaluatorAttachments } from "./evaluator-files.server";
import { identityRedactor, type Redactor } from "./identity-redaction.server";
import { labelOrder, proposalLabels } from "./proposal-labels.server";

/**
 * THE query behind everything an evaluator reads of a proposal (DESIGN §4.15). Access goes through
 * the evaluator's own assignment (findEvaluatorGrant → 404 otherwise). In blind review the `select`
 * itself leaves out the organisation, its members, consortium names, receipts and file names, so
 * they are not in the loader data, the HTML or the JSON — hiding them in the UI would not be enough.
 * Free text is masked too (identity-redaction.server.ts). Only the evaluator's own sheet is read:
 * other evaluators' scores never enter this query, before or after submitting.
 */

const toIso = (d: Date | null | undefined) => d?.toISOString() ?? null;

// The sealed snapshot is what the department and the evaluators judge, never the working copy.
const contentSelect = { submissions: { orderBy: { number: "desc" }, take: 1, select: { content: true } } } as const;
// Only without blind review: who proposed, and when the receipt was issued.
const identitySelect = { org: { select: { name: true } }, submittedAt: true } as const;

type Content = { technicalApproach?: unknown; team?: unknown; relevantCases?: unknown; budgetRequestYuan?: unknown; milestones?: unknown; consortiumMembers?: unknown };
const str = (v: unknown) => (typeof v === "string" ? v : "");

function readContent(content: unknown, blind: boolean, redact: Redactor) {
  const c = (content ?? {}) as Content;
  return {
    technicalApproachHtml: renderMarkdown(redact(str(c.technicalApproach))),
    team: redact(str(c.team)),
    relevantCases: redact(str(c.relevantCases)),
    budgetRequestYuan: typeof c.budgetRequestYuan === "string" ? Number(c.budgetRequestYuan) : null,
    milestones: readMilestones(c.milestones).map((m) => ({
      name: redact(m.name), dueDate: m.dueDate, deliverable: redact(m.deliverable), evidence: redact(m.evidence),
    })),
    // Blind: the role each member plays stays (it matters for the score), the name does not.
    consortium: readConsortium(c.consortiumMembers).map((m) => (blind ? { name: null, role: redact(m.role) } : m)),
  };
}

async function ownSheet(assignmentId: string, proposalId: string) {
  return db.scoreSheet.findUnique({
    where: { assignmentId_proposalId: { assignmentId, proposalId } },
    select: {
      id: true, status: true, version: true, comment: true, submittedAt: true, reopenedAt: true, reopenReason: true,
      scores: { select: { criterionId: true, value: true, justification: true } },
    },
  });
}

/** The proposals this assignment lets the evaluator read, with their letters and the state of the evaluator's own sheets. */
export async function listEvaluatorProposals(assignment: { id: string; scenarioId: string }) {
  const rows = await db.proposal.findMany({
    where: readableProposalsWhere(assignment),
    select: { id: true, scoreSheets: { where: { assignmentId: assignment.id }, select: { status: true } } },
    orderBy: labelOrder,
  });
  const labels = await proposalLabels(assignment.scenarioId);
  return rows.map((r) => ({ proposalId: r.id, label: labels.get(r.id) ?? "?", sheetStatus: r.scoreSheets[0]?.status ?? null }));
}

export async function getEvaluatorProposalPage(userId: string, assignmentId: string, proposalId: string) {
  const grant = await findEvaluatorGrant(userId, assignmentId, proposalId);
  if (!grant) return null;
  const scenario = await db.scenario.findUniqueOrThrow({
    where: { id: grant.scenarioId },
    select: { id: true, code: true, title: true, titleEn: true, blindReview: true, status: true },
  });
  const blind = scenario.blindReview;
  // Two selects, not one select and a filter: in blind review the identity is never read at all.
  let content: unknown;
  let identity: { orgName: string; submittedAt: string | null } | null = null;
  if (blind) {
    const row = await db.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: contentSelect });
    content = row.submissions[0]?.content;
  } else {
    const row = await db.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { ...contentSelect, ...identitySelect } });
    content = row.submissions[0]?.content;
    identity = { orgName: row.org.name, submittedAt: toIso(row.submittedAt) };
  }
  const redact: Redactor = blind ? await identityRedactor(proposalId) : (text) => text;
  const [criteria, labels, attachments, sheet, proposals] = await Promise.all([
    listCriteria(scenario.id),
    proposalLabels(scenario.id),
    evaluatorAttachments(proposalId, blind),
    ownSheet(assignmentId, proposalId),
    listEvaluatorProposals({ id: assignmentId, scenarioId: scenario.id }),
  ]);
  return {
    assignment: { id: grant.assignmentId, dueAt: grant.dueAt.toISOString() },
    scenario: { id: scenario.id, code: scenario.code, title: scenario.title, titleEn: scenario.titleEn, blindReview: blind, status: scenario.status },
    proposal: { id: proposalId, label: labels.get(proposalId) ?? "?", identity, ...readContent(content, blind, redact) },
    attachments,
    criteria,
    sheet: sheet && {
      ...sheet,
      submittedAt: toIso(sheet.submittedAt), reopenedAt: toIso(sheet.reopenedAt),
      reopenReason: sheet.reopenReason == null ? null : redact(sheet.reopenReason),
    },
    proposals,
  };
}
export type EvaluatorProposalPage = NonNullable<Awaited<ReturnType<typeof getEvaluatorProposalPage>>>;
