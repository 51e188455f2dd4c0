import { isCounted, isUndelivered } from "~/modules/proposals/proposal-status";
import type { ProposalStatus, ScenarioStatus } from "~/generated/prisma/enums";
import { canReadProposal } from "~/modules/proposals/proposal-access.server";
import { isPublic } from "~/modules/scenarios/scenario-status";
import { db } from "~/utils/db.server";
import type { CurrentUser } from "~/utils/permissions.server";

/**
 * 谁能读附件 / Who may read an attachment.
 * - Scenario files: everyone once the scenario is public; before that only its department's officers.
 * - Proposal files follow THE sealing rule of proposal content (proposals/proposal-access.server.ts,
 *   reused so files and content can never disagree): members of the proposal's organisation always;
 *   the department's officers only after the deadline; nobody else (not another vendor, not an admin).
 *   On top of it, files of a proposal that was never submitted (or was withdrawn) stay with the vendor.
 * - Verification documents (营业执照 …): the organisation's own members and the platform's admins
 *   who verify it. Never the public, never a department or another vendor.
 */

type UserLike = Pick<CurrentUser, "memberships"> | null;

/**
 * Evidence of an objection: the objector's organisation, the department that answers it, and the
 * platform's admins who decide it. Never the public, never another vendor (the objector is anonymous).
 */
export function canReadObjectionFiles(user: UserLike, objection: ObjectionAccessRow): boolean {
  return hasMembership(user, objection.orgId, "vendor_member") || hasMembership(user, objection.scenario.departmentId, "officer")
    || !!user?.memberships.some((m) => m.role === "admin");
}

// A draft never reached the department; a withdrawn proposal no longer counts.

export type ScenarioAccessRow = { departmentId: string; status: ScenarioStatus; publishedAt: Date | null; deadline: Date };
export type ProposalAccessRow = { orgId: string; status: ProposalStatus; scenario: ScenarioAccessRow };
export type ObjectionAccessRow = { orgId: string; scenario: { departmentId: string } };
/** Delivery evidence: the delivering organisation and the scenario's department, nobody else (never the public). */
export type DeliveryFileRow = { orgId: string; scenario: { departmentId: string } };
export type VerificationDocumentAccessRow = { orgId: string };
export type AttachmentAccessRow = {
  scenario: ScenarioAccessRow | null; proposal: ProposalAccessRow | null; objection?: ObjectionAccessRow | null;
  milestone?: DeliveryFileRow | null; gateReport?: { orgId: string; gate: { scenario: { departmentId: string } } } | null;
  verificationDocument?: VerificationDocumentAccessRow | null;
};

function hasMembership(user: UserLike, orgId: string, role: "officer" | "vendor_member"): boolean {
  return !!user?.memberships.some((m) => m.orgId === orgId && m.role === role);
}

export function canReadProposalFiles(user: UserLike, proposal: ProposalAccessRow, now = new Date()): boolean {
  // canReadProposal reads only `memberships`; the cast lets callers pass a trimmed user.
  if (!canReadProposal(user as CurrentUser | null, proposal, proposal.scenario, now)) return false;
  return hasMembership(user, proposal.orgId, "vendor_member") || isCounted(proposal.status);
}

export function canReadScenarioFiles(user: UserLike, scenario: ScenarioAccessRow): boolean {
  return isPublic(scenario) || hasMembership(user, scenario.departmentId, "officer");
}

export function canReadDeliveryFile(user: UserLike, file: DeliveryFileRow): boolean {
  return hasMembership(user, file.orgId, "vendor_member") || hasMembership(user, file.scenario.departmentId, "officer");
}

/** Any role the person holds in the organisation itself counts; an admin role counts for every organisation. */
export function canReadVerificationDocument(user: UserLike, document: VerificationDocumentAccessRow): boolean {
  return !!user?.memberships.some((m) => m.orgId === document.orgId || m.role === "admin");
}

export function canReadAttachment(user: UserLike, attachment: AttachmentAccessRow): boolean {
  if (attachment.verificationDocument) return canReadVerificationDocument(user, attachment.verificationDocument);
  if (attachment.objection) return canReadObjectionFiles(user, attachment.objection);
  if (attachment.milestone) return canReadDeliveryFile(user, attachment.milestone);
  if (attachment.gateReport) return canReadDeliveryFile(user, { orgId: attachment.gateReport.orgId, scenario: attachment.gateReport.gate.scenario });
  if (attachment.proposal) return canReadProposalFiles(user, attachment.proposal);
  if (attachment.scenario) return canReadScenarioFiles(user, attachment.scenario);
  return false; // an orphan row (should not exist) is never served
}

const scenarioAccessSelect = { departmentId: true, status: true, publishedAt: true, deadline: true } as const;

export const attachmentAccessSelect = {
  scenario: { select: scenarioAccessSelect },
  proposal: { select: { orgId: true, status: true, scenario: { select: scenarioAccessSelect } } },
  objection: { select: { orgId: true, scenario: { select: { departmentId: true } } } },
  milestone: { select: { orgId: true, scenario: { select: { departmentId: true } } } },
  gateReport: { select: { orgId: true, gate: { select: { scenario: { select: { departmentId: true } } } } } },
  verificationDocument: { select: { orgId: true } },
} as const;

// ---- Who may ADD files (upload) ----

export type UploadTarget = { kind: "scenario" | "proposal"; id: string };
export type ResolvedTarget = { orgId: string; scenarioId?: string; proposalId?: string; asAmendment?: boolean };

/**
 * The organisation that will own the file, or null when the user may not attach to the target
 * (unknown, not theirs, or no longer editable — the caller answers 404 either way).
 * - Scenario: an officer of its department, while it is a draft, or while it is published — then the
 *   file is an amendment (`asAmendment`): a new version that notifies the interested vendors.
 * - Proposal: a member of its organisation, while it is a draft (or withdrawn) and the call is open:
 *   a submitted proposal is fixed by its receipt digest.
 */
export async function resolveUploadTarget(user: UserLike, target: UploadTarget, now = new Date()): Promise<ResolvedTarget | null> {
  if (target.kind === "scenario") {
    const scenario = await db.scenario.findUnique({ where: { id: target.id }, select: { id: true, departmentId: true, status: true } });
    if (!scenario || !["draft", "published"].includes(scenario.status) || !hasMembership(user, scenario.departmentId, "officer")) return null;
    return { orgId: scenario.departmentId, scenarioId: scenario.id, asAmendment: scenario.status === "published" };
  }
  const proposal = await db.proposal.findUnique({
    where: { id: target.id },
    select: { id: true, orgId: true, status: true, scenario: { select: { status: true, deadline: true } } },
  });
  if (!proposal || !hasMembership(user, proposal.orgId, "vendor_member")) return null;
  const open = proposal.scenario.status === "published" && now.getTime() <= proposal.scenario.deadline.getTime();
  if (!open || !isUndelivered(proposal.status)) return null;
  return { orgId: proposal.orgId, proposalId: proposal.id };
}
