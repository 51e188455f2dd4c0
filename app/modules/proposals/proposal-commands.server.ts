import { canSubmit, canWithdraw, EDITABLE_STATUSES } from "./proposal-status";
import { transitionProposal } from "./proposal-transition.server";
import type { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/modules/audit/audit.server";
import type { AuditData, ProposalAuditAction } from "~/modules/audit/audit-events";
import { emitEvent } from "~/modules/notifications/emit-event.server";
import { db, type Tx } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { isOnTime } from "./deadline";
import { checkEligibility } from "./eligibility";
import { mayPropose } from "./proposal-access.server";
import { digestOf, proposalContent, receiptFileSelect } from "./receipt";
import { wanToYuan, type ProposalInput } from "./schema";

// 每个命令一个事务：状态变化、审计事件、回执事件一起提交。`now` 可注入，仅供测试模拟时钟；
// 路由从不传入，始终使用服务器时间。
// Every command is one transaction: the change, its audit event and its receipt event commit together.
// `now` is injectable for tests only; routes never pass it, so deadlines use server time.

export type ProposalActor = { id: string; email: string; name: string; locale: string };
export type ProposalKey = { orgId: string; scenarioId: string };


function conflict(): never {
  throw new AppError("error.conflict", 409);
}

/** 场景必须已发布、未截止（服务器时间），定向委托还须受邀。 Open, on time, and (directed) invited. */
async function loadOpenScenario(tx: Tx, key: ProposalKey, now: Date) {
  const scenario = await tx.scenario.findUnique({
    where: { id: key.scenarioId },
    select: {
      id: true, code: true, title: true, status: true, deadline: true, departmentId: true, mechanism: true,
      budgetMin: true, budgetMax: true, consortiumAllowed: true, consortiumMaxMembers: true,
      invitations: { where: { orgId: key.orgId }, select: { orgId: true } },
    },
  });
  if (!scenario || scenario.status === "draft") throw new AppError("error.notFound", 404);
  const invited = scenario.invitations.length > 0;
  if (!mayPropose(scenario, invited)) throw new AppError("pv.notInvited", 403);
  if (!isOnTime(now, scenario.deadline)) throw new AppError("pv.deadlinePassed", 422, { deadline: scenario.deadline.toISOString() });
  if (scenario.status !== "published") throw new AppError("pv.scenarioNotOpen", 409);
  return { ...scenario, invited };
}

function proposalData(input: ProposalInput) {
  return {
    technicalApproach: input.technicalApproach,
    team: input.team,
    budgetRequest: wanToYuan(input.budgetRequest),
    milestones: input.milestones,
    relevantCases: input.relevantCases,
    consortiumMembers: input.consortiumMembers,
  } satisfies Prisma.ProposalUncheckedUpdateManyInput;
}

async function audit<A extends ProposalAuditAction>(tx: Tx, actor: ProposalActor, proposalId: string, orgId: string, action: A, data: AuditData<A>) {
  await recordAudit(tx, { actor, action, entityId: proposalId, orgId, data });
}

/** 开始一份草稿（每个单位每个场景一份）。 Starts the one draft an organisation has per scenario. */
export async function startDraft(actor: ProposalActor, key: ProposalKey, now = new Date()) {
  return db.$transaction(async (tx) => {
    await loadOpenScenario(tx, key, now);
    return createDraft(tx, actor, key, {});
  });
}

async function createDraft(tx: Tx, actor: ProposalActor, key: ProposalKey, data: Partial<ReturnType<typeof proposalData>>) {
  // ON CONFLICT DO NOTHING：两名成员同时开始时，后到者得到 409 而不是中止整个事务。
  // Two members starting at once: the loser gets a 409 instead of an aborted transaction.
  const rows = await tx.proposal.createManyAndReturn({
    data: [{ ...data, scenarioId: key.scenarioId, orgId: key.orgId, createdById: actor.id, updatedById: actor.id }],
    skipDuplicates: true,
    select: { id: true, version: true },
  });
  const created = rows[0];
  if (!created) conflict();
  await audit(tx, actor, created.id, key.orgId, "proposal.create", { scenarioId: key.scenarioId });
  return created;
}

/**
 * 保存草稿。`version` 是成员加载时的版本（0 = 尚无草稿）；别人先保存了，就返回 409，绝不静默覆盖。
 * Saves the draft. `version` is what the member loaded (0 = none yet); if someone saved in
 * between, 409 — never a silent overwrite. Autosaves are not audited (they would flood the log).
 */
export async function saveDraft(actor: ProposalActor, key: ProposalKey, version: number, input: ProposalInput, options: { autosave?: boolean; now?: Date } = {}) {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    await loadOpenScenario(tx, key, now);
    const data = proposalData(input);
    if (version === 0) return createDraft(tx, actor, key, data);
    // WHERE 中的版本号让检查成为原子操作。 The version in the WHERE makes the check atomic.
    const { count } = await tx.proposal.updateMany({
      where: { ...key, version, status: { in: [...EDITABLE_STATUSES] } },
      data: { ...data, version: { increment: 1 }, updatedById: actor.id },
    });
    if (count === 0) conflict();
    const row = await tx.proposal.findUniqueOrThrow({ where: { scenarioId_orgId: key }, select: { id: true, version: true } });
    if (!options.autosave) await audit(tx, actor, row.id, key.orgId, "proposal.update", {});
    return row;
  });
}

/**
 * 提交（或撤回后重新提交）：在截止前（含截止那一刻）把当前内容封存为一次递交，生成回执
 * （服务器时间 + SHA-256 摘要 + 序号），并在同一事务中登记回执事件（由后台发出通知与邮件）。以最新一次递交为准。
 * Submit (or resubmit): seals the current content as a numbered submission with a receipt; its event
 * (same transaction) has the worker put the receipt in the notification list and the mailbox.
 */
export async function submitProposal(actor: ProposalActor, key: ProposalKey, now = new Date()) {
  return db.$transaction(async (tx) => {
    const scenario = await loadOpenScenario(tx, key, now);
    const proposal = await tx.proposal.findUnique({ where: { scenarioId_orgId: key }, include: { attachments: { select: receiptFileSelect } } });
    if (!proposal) throw new AppError("error.notFound", 404);
    if (!canSubmit(proposal.status)) throw new AppError("pv.notEditable", 409);
    const issues = checkEligibility(proposal, scenario, { invited: scenario.invited });
    if (issues.length > 0) throw new AppError("pv.notEligible", 422, { issues });

    const content = proposalContent(proposal);
    const digest = digestOf(content);
    const { _max } = await tx.proposalSubmission.aggregate({ where: { proposalId: proposal.id }, _max: { number: true } });
    const number = (_max.number ?? 0) + 1;
    // 按版本号有条件地更新：并发提交中只有一个成功，另一个得到 409，序号不会重复。
    // Conditional on the version read: of two concurrent submits one wins, the other gets a 409, so numbers never repeat.
    await transitionProposal(tx, proposal.id, "submitted", actor, {
      where: { version: proposal.version },
      set: { submittedAt: now, withdrawnAt: null, updatedById: actor.id },
      audit: { action: number === 1 ? "proposal.submit" : "proposal.resubmit", data: { number, digest, from: proposal.status } },
    });
    const submission = await tx.proposalSubmission.create({
      data: { proposalId: proposal.id, number, digest, content, submittedAt: now, submittedById: actor.id },
      select: { id: true, number: true, digest: true, submittedAt: true },
    });
    // The receipt reaches the submitter twice, in the notification list and by mail (events/proposal-submitted).
    await emitEvent(tx, "proposal.submitted", submission.id);
    return { ...submission, proposalId: proposal.id };
  });
}

/** 截止前撤回；之后可再次提交。 Withdraws before the deadline; the vendor may submit again later. */
export async function withdrawProposal(actor: ProposalActor, key: ProposalKey, now = new Date()) {
  return db.$transaction(async (tx) => {
    await loadOpenScenario(tx, key, now);
    const proposal = await tx.proposal.findUnique({ where: { scenarioId_orgId: key }, select: { id: true, status: true } });
    if (!proposal) throw new AppError("error.notFound", 404);
    if (!canWithdraw(proposal.status)) throw new AppError("pv.notSubmitted", 409);
    await transitionProposal(tx, proposal.id, "withdrawn", actor, {
      where: { status: "submitted" },
      set: { withdrawnAt: now, updatedById: actor.id },
      audit: { action: "proposal.withdraw", data: {} },
    });
    return { id: proposal.id };
  });
}

/** 撤回后重新提交与首次提交是同一操作（序号递增，以最新一次为准）。 Resubmission is the same command. */
export const resubmitProposal = submitProposal;
