import type { PrismaClient } from "../app/generated/prisma/client";
import { noticePeriod } from "../app/modules/awards/notice-period";

/**
 * 异议成立、定标撤回的演示数据: a first award decision that an upheld objection withdrew, written as
 * the commands would have left it (objection-commands.server.ts decideObjection → send-back.server.ts):
 * the department chose the second-ranked proposal with a written reason; the top-ranked vendor
 * objected that the reason is not in the rubric; the department answered; the platform's admin upheld
 * the objection, which withdrew the decision (status withdrawn, the notice kept as an earlier round),
 * sent the scenario back to evaluating and every decided proposal back under review. The department
 * then proposed the top-ranked one; that revised decision is the round in notice that seed-awards.ts
 * writes next. The public notice page shows both rounds and the outcome; OCDS exports the first as an
 * award followed by an awardCancellation.
 */
const DAY = 86_400_000;

export type WithdrawnRoundPlan = {
  /** Days after the call closed that the first decision's notice was published. */
  publishedDaysAfterClose: number;
  note: string;
  grounds: string;
  answer: string;
  outcomeReason: string;
};

export const WITHDRAWN_ROUNDS: Record<string, WithdrawnRoundPlan> = {
  "ZZ-2026-0017": {
    publishedDaysAfterClose: 11,
    note: "排名第二的申报以政务服务“一件事”方式整合就业登记、岗位推荐与补贴申领，与我局本年度“高效办成一件事”重点任务更为契合，故选择该申报为拟中选单位。",
    grounds: "公示的拟中选单位在评审中排名第二。发榜单位以“与年度重点任务更契合”为由未选择排名第一的申报，但该理由不属于评审标准中的任何一项，也未经评审专家评议，请依评审办法重新定标。",
    answer: "我局选择理由已在公示中载明：“一件事”整合方式有利于缩短群众办事时间，属于场景需求中“人岗双向智能推荐”的落地方式之一。",
    outcomeReason: "选择非排名第一的申报须以评审标准为依据说明理由。本次理由不在评审标准之内，也未经评审专家评议，异议成立：本轮定标撤回，场景退回评审，由发榜单位依评审结果重新定标，重新公示。",
  },
};

type Shortlisted = { proposalId: string; orgId: string; orgName: string; rank: number | null; score: number | null };

export type WithdrawnRoundInput = {
  scenario: { id: string; code: string; noticeDays: number; closedAt: Date | null; createdById: string };
  /** The ranked shortlist the revised decision publishes too (the scores did not change). */
  shortlist: Shortlisted[];
  /** Every proposal the decision placed (shortlisted or not selected): the send-back reconsiders each. */
  decided: { id: string; orgId: string }[];
  criteria: { name: string; weight: number; maxScore: number }[];
  evaluatorNames: string[];
  adminId: string;
  reference: () => string;
};

/** Writes the withdrawn first round; returns when its notice was published, for the next round to follow. */
export async function seedWithdrawnRound(db: PrismaClient, plan: WithdrawnRoundPlan, input: WithdrawnRoundInput): Promise<Date> {
  const { scenario: s, shortlist } = input;
  const [first, second] = shortlist;
  if (!first || !second || first.rank !== 1) throw new Error(`[seed] ${s.code}: a withdrawn round needs a ranked shortlist`);
  const objector = await db.membership.findFirstOrThrow({ where: { orgId: first.orgId, role: "vendor_member" }, select: { userId: true } });
  const closedAt = s.closedAt ?? new Date();
  const publishedAt = new Date(closedAt.getTime() + plan.publishedDaysAfterClose * DAY);
  const period = noticePeriod(publishedAt, s.noticeDays);
  const filedAt = new Date(publishedAt.getTime() + DAY);
  const answeredAt = new Date(publishedAt.getTime() + 2 * DAY);
  // Upheld within the period: the notice never ended, the decision never became final.
  const upheldAt = new Date(publishedAt.getTime() + 4 * DAY);
  if (upheldAt >= period.endsAt) throw new Error(`[seed] ${s.code}: the objection must be upheld within the notice period`);

  const decision = await db.awardDecision.create({
    data: {
      scenarioId: s.id, round: 1, status: "withdrawn", winnerIds: [second.proposalId], note: plan.note,
      decidedById: s.createdById, noticeDays: s.noticeDays, createdAt: new Date(publishedAt.getTime() - DAY),
      ranking: shortlist.map((r) => ({ ...r, winner: r.proposalId === second.proposalId })),
      criteria: input.criteria, evaluatorNames: input.evaluatorNames,
      noticeStartsAt: publishedAt, noticeEndsAt: period.endsAt, withdrawnAt: upheldAt,
    },
    select: { id: true },
  });
  const reference = input.reference();
  const objection = await db.objection.create({
    data: {
      reference, scenarioId: s.id, decisionId: decision.id, orgId: first.orgId, filedById: objector.userId, grounds: plan.grounds,
      status: "upheld", createdAt: filedAt,
      answer: plan.answer, answeredById: s.createdById, answeredAt,
      outcomeReason: plan.outcomeReason, decidedById: input.adminId, decidedAt: upheldAt,
    },
    select: { id: true },
  });

  // The thread and the send-back as the commands audit them (typed data: audit-events.ts).
  const department = (await db.scenario.findUniqueOrThrow({ where: { id: s.id }, select: { departmentId: true } })).departmentId;
  const onObjection = { entityType: "objection", entityId: objection.id };
  await db.auditEvent.createMany({
    data: [
      { ...onObjection, actorId: objector.userId, orgId: first.orgId, action: "objection.file", at: filedAt, data: { scenarioId: s.id, decisionId: decision.id, reference, files: 0 } },
      { ...onObjection, actorId: s.createdById, orgId: department, action: "objection.answer", at: answeredAt, data: { scenarioId: s.id, reference } },
      { ...onObjection, actorId: input.adminId, orgId: department, action: "objection.decide", at: upheldAt, data: { scenarioId: s.id, reference, outcome: "upheld", reason: plan.outcomeReason } },
      { entityType: "scenario", entityId: s.id, actorId: input.adminId, orgId: department, action: "scenario.sendBack", at: upheldAt, data: { decisionId: decision.id, objectionId: objection.id } },
      ...input.decided.map((p) => ({
        entityType: "proposal", entityId: p.id, actorId: input.adminId, orgId: p.orgId, action: "proposal.reconsider", at: upheldAt,
        data: { scenarioId: s.id, decisionId: decision.id },
      })),
    ],
  });
  return publishedAt;
}
