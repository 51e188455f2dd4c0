import { COUNTED_STATUSES } from "./proposal-status";
import { db } from "~/utils/db.server";
import { checkEligibility } from "./eligibility";
import { readConsortium, readMilestones } from "./lines";
import { mayPropose } from "./proposal-access.server";
import { digestOf, proposalContent, receiptFileSelect } from "./receipt";
import { yuanToWan } from "./schema";

// 所有查询都在 where 中带上单位或部门；封存判断在路由里通过 proposal-access.server.ts 完成后才调用内容查询。
// Every query carries the organisation or department in its `where`; content queries run only after
// the route has applied the sealing rule (proposal-access.server.ts).

const toIso = (d: Date | null) => d?.toISOString() ?? null;

/** 供应商页面所需的一切：场景、是否受邀、本单位的申报与历次回执。 The vendor page's data. */
export async function getVendorProposalPage(orgId: string, scenarioCode: string) {
  const scenario = await db.scenario.findUnique({
    where: { code: scenarioCode },
    select: {
      id: true, code: true, title: true, status: true, deadline: true, mechanism: true, departmentId: true, publishedAt: true,
      budgetMin: true, budgetMax: true, consortiumAllowed: true, consortiumMaxMembers: true,
      invitations: { where: { orgId }, select: { orgId: true } },
    },
  });
  if (!scenario || scenario.status === "draft" || !scenario.publishedAt) return null;
  const invited = scenario.invitations.length > 0;
  const proposal = await db.proposal.findUnique({
    where: { scenarioId_orgId: { scenarioId: scenario.id, orgId } },
    include: {
      submissions: { orderBy: { number: "desc" }, select: { id: true, number: true, digest: true, submittedAt: true } },
      attachments: { select: receiptFileSelect },
    },
  });
  const eligibility = proposal ? checkEligibility(proposal, scenario, { invited }) : null;
  const latest = proposal?.submissions[0] ?? null;
  // 已递交后又修改了工作稿：提醒“尚未重新递交”。 Edited after submitting: say it is not resubmitted yet.
  const unsubmittedChanges = !!proposal && !!latest && digestOf(proposalContent(proposal)) !== latest.digest;
  return {
    scenario: {
      id: scenario.id, code: scenario.code, title: scenario.title, status: scenario.status, mechanism: scenario.mechanism,
      deadline: scenario.deadline.toISOString(),
      budgetMin: scenario.budgetMin == null ? null : Number(scenario.budgetMin),
      budgetMax: scenario.budgetMax == null ? null : Number(scenario.budgetMax),
      consortiumAllowed: scenario.consortiumAllowed, consortiumMaxMembers: scenario.consortiumMaxMembers,
    },
    allowed: mayPropose(scenario, invited),
    proposal: proposal && {
      id: proposal.id, status: proposal.status, version: proposal.version,
      technicalApproach: proposal.technicalApproach, team: proposal.team,
      budgetRequestWan: yuanToWan(proposal.budgetRequest),
      milestones: readMilestones(proposal.milestones), relevantCases: proposal.relevantCases,
      consortiumMembers: readConsortium(proposal.consortiumMembers),
      updatedAt: proposal.updatedAt.toISOString(), submittedAt: toIso(proposal.submittedAt), withdrawnAt: toIso(proposal.withdrawnAt),
      scenarioChangedAt: toIso(proposal.scenarioChangedAt),
      submissions: proposal.submissions.map((s) => ({ ...s, submittedAt: s.submittedAt.toISOString() })),
    },
    eligibility,
    unsubmittedChanges,
  };
}
export type VendorProposalPage = NonNullable<Awaited<ReturnType<typeof getVendorProposalPage>>>;

/** 本单位的全部申报及状态。 The organisation's proposals with their status. */
export async function listOrgProposals(orgId: string) {
  const rows = await db.proposal.findMany({
    where: { orgId },
    select: {
      id: true, status: true, updatedAt: true, submittedAt: true,
      scenario: { select: { code: true, title: true, deadline: true, status: true } },
      _count: { select: { submissions: true } },
    },
    orderBy: { updatedAt: "desc" },
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id, status: r.status, updatedAt: r.updatedAt.toISOString(), submittedAt: toIso(r.submittedAt),
    submissions: r._count.submissions,
    scenario: { ...r.scenario, deadline: r.scenario.deadline.toISOString() },
  }));
}

// 截止时仍为“已递交”的申报算数；撤回的和草稿不算。 Submitted (and later) proposals count; drafts and withdrawn ones do not.

/** 封存期间部门只能得到这个数字。 While sealed, this number is all the department gets. */
export function countSubmitted(scenarioId: string) {
  return db.proposal.count({ where: { scenarioId, status: { in: [...COUNTED_STATUSES] } } });
}

type SealedFile = { id: string; filename: string; size: number; sha256: string };

/** The files a submission's content lists (its receipt); null for submissions sealed before files were. */
function readSealedFiles(value: unknown): SealedFile[] | null {
  if (!Array.isArray(value)) return null;
  return value.flatMap((f: Record<string, unknown>) =>
    f && typeof f.id === "string" && typeof f.filename === "string" && typeof f.size === "number" && typeof f.sha256 === "string"
      ? [{ id: f.id, filename: f.filename, size: f.size, sha256: f.sha256 }]
      : [],
  );
}

/**
 * 解封后：每份申报最新一次递交的内容（以递交快照为准，而不是工作稿），连同回执所覆盖的附件。
 * 只能在封存检查之后调用。
 * After unsealing: the latest submitted content of each proposal (the sealed snapshot, not the working
 * copy) with the files its receipt covers. Older snapshots without a file list get the files uploaded up
 * to that submission (files are only added, and only while a proposal is not submitted).
 */
export async function listSubmittedContent(scenarioId: string, departmentId: string) {
  const rows = await db.proposal.findMany({
    where: { scenarioId, status: { in: [...COUNTED_STATUSES] }, scenario: { departmentId } },
    select: {
      id: true, status: true,
      org: { select: { id: true, name: true } },
      submissions: { orderBy: { number: "desc" }, take: 1, select: { number: true, digest: true, submittedAt: true, content: true } },
      attachments: { select: { ...receiptFileSelect, createdAt: true }, orderBy: { createdAt: "asc" } },
    },
    orderBy: { submittedAt: "asc" },
  });
  return rows.flatMap((r) => {
    const s = r.submissions[0];
    if (!s) return [];
    const c = (s.content ?? {}) as Record<string, unknown>;
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    const sealed = readSealedFiles(c.attachments);
    const stored = new Set(r.attachments.map((a) => a.id));
    const files = sealed
      ? sealed.filter((f) => stored.has(f.id))
      : r.attachments.filter((a) => a.createdAt <= s.submittedAt).map(({ createdAt: _, ...f }) => f);
    return [{
      id: r.id, status: r.status, org: r.org,
      number: s.number, digest: s.digest, submittedAt: s.submittedAt.toISOString(),
      technicalApproach: str(c.technicalApproach), team: str(c.team), relevantCases: str(c.relevantCases),
      budgetRequestYuan: typeof c.budgetRequestYuan === "string" ? Number(c.budgetRequestYuan) : null,
      milestones: readMilestones(c.milestones), consortiumMembers: readConsortium(c.consortiumMembers),
      attachments: files,
    }];
  });
}

/** 场景页上“揭榜申报”区块的数据。 What the scenario page's call-to-action block needs. */
export async function getProposalCta(
  user: { memberships: { orgId: string; role: string }[] } | null,
  scenario: { id: string; code: string; status: string; mechanism: string; deadline: string },
  now = new Date(),
) {
  const vendorOrgIds = user?.memberships.filter((m) => m.role === "vendor_member").map((m) => m.orgId) ?? [];
  const orgId = vendorOrgIds[0] ?? null;
  const [invitation, proposal] = orgId
    ? await Promise.all([
        db.scenarioInvitation.findUnique({ where: { scenarioId_orgId: { scenarioId: scenario.id, orgId } }, select: { orgId: true } }),
        db.proposal.findUnique({ where: { scenarioId_orgId: { scenarioId: scenario.id, orgId } }, select: { status: true } }),
      ])
    : [null, null];
  return {
    code: scenario.code,
    open: scenario.status === "published" && new Date(scenario.deadline).getTime() >= now.getTime(),
    viewer: !user ? ("anonymous" as const) : orgId ? ("vendor" as const) : ("other" as const),
    allowed: mayPropose(scenario, !!invitation),
    proposalStatus: proposal?.status ?? null,
  };
}
export type ProposalCtaData = Awaited<ReturnType<typeof getProposalCta>>;
