import type { PrismaClient } from "../app/generated/prisma/client";
import type { ScenarioStatus } from "../app/generated/prisma/enums";
import { rankProposals } from "../app/modules/evaluation/aggregate";
import { noticePeriod } from "../app/modules/awards/notice-period";
import { shortlistOf } from "../app/modules/awards/shortlist";
import { WITHDRAWN_ROUNDS, seedWithdrawnRound } from "./seed-withdrawn-round";

/**
 * 定标与公示的演示数据 (issue 11 item 9, the award part): for every seeded scenario past its evaluation,
 * the award decision the department took, ranked from the seeded score sheets with the platform's own
 * aggregation, its notice and, where the scenario is in notice, objections:
 * - award_proposed → a proposed decision, notice not yet published;
 * - notice → in its notice period (published two days ago); ZZ-2026-0021 has an objection waiting for
 *   the department's answer, ZZ-2026-0017 one answered and waiting for the platform's outcome;
 * - awarded and later → a final decision whose notice ended before the award;
 * - ZZ-2026-0017 is in its second round: its first decision was withdrawn after an upheld objection
 *   (./seed-withdrawn-round.ts), and the revised one is in notice.
 * The proposals' statuses follow the shortlist (reserve candidates shortlisted).
 */
const DAY = 86_400_000;
type Stage = "proposed" | "in_notice" | "final";
const STAGE: Partial<Record<ScenarioStatus, Stage>> = { award_proposed: "proposed", notice: "in_notice", awarded: "final", in_delivery: "final", completed: "final" };

const OBJECTIONS: Record<string, { grounds: string; answer?: string }> = {
  "ZZ-2026-0021": {
    grounds: "拟中选单位申报的“城市级视频结构化平台”业绩，其合同甲方为区级单位而非市级单位，与申报材料所称“市级平台”不符，且该项目尚未通过终验，请核查合同原件与验收报告。",
  },
  "ZZ-2026-0017": {
    grounds: "评审标准中“就业数据对接经验”一项，我单位提供了省人社厅数据接口对接的合同与验收报告，得分却明显低于拟中选单位，怀疑评审专家未查阅附件，请复核该项评分。",
    answer: "经复核，三位评审专家的评分表均记载已查阅贵单位附件，该项得分差异源于拟中选单位另有两个地市的同类对接案例，评分理由与评审标准一致。",
  },
};

export async function seedAwards(db: PrismaClient, ctx: { now: Date; adminId: string }): Promise<number> {
  const scenarios = await db.scenario.findMany({
    where: { status: { in: Object.keys(STAGE) as ScenarioStatus[] } },
    select: { id: true, code: true, status: true, noticeDays: true, closedAt: true, createdById: true, showEvaluatorNames: true },
    orderBy: { code: "asc" },
  });
  let year = 0;
  const reference = () => {
    year += 1;
    return `YY-${new Date(ctx.now.getTime() + 8 * 3_600_000).getUTCFullYear()}-${String(year).padStart(4, "0")}`;
  };
  for (const s of scenarios) {
    const stage = STAGE[s.status]!;
    const criteria = await db.criterion.findMany({ where: { scenarioId: s.id }, select: { id: true, name: true, weight: true, maxScore: true, position: true }, orderBy: { position: "asc" } });
    const proposals = await db.proposal.findMany({
      where: { scenarioId: s.id, status: { in: ["shortlisted", "awarded", "not_selected"] } },
      select: {
        id: true, orgId: true, status: true, org: { select: { name: true } },
        scoreSheets: { where: { status: "submitted" }, select: { assignment: { select: { evaluatorId: true } }, scores: { select: { criterionId: true, value: true } } } },
      },
    });
    if (proposals.length === 0 || criteria.length === 0) continue;
    const ranked = rankProposals(criteria, proposals.map((p) => ({
      proposalId: p.id,
      sheets: p.scoreSheets.map((sh) => ({ evaluatorId: sh.assignment.evaluatorId, scores: Object.fromEntries(sh.scores.map((x) => [x.criterionId, x.value ?? 0])) })),
    })));
    const byId = new Map(proposals.map((p) => [p.id, p]));
    const winnerIds = proposals.filter((p) => p.status !== "not_selected").map((p) => p.id);
    const shortlist = shortlistOf(ranked.map((r) => ({ proposalId: r.proposalId, orgId: byId.get(r.proposalId)!.orgId, score: r.score, rank: r.rank })), winnerIds);
    const reserve = shortlist.filter((id) => !winnerIds.includes(id));
    if (reserve.length) await db.proposal.updateMany({ where: { id: { in: reserve } }, data: { status: "shortlisted" } });

    const evaluators = await db.evaluationAssignment.findMany({ where: { scenarioId: s.id, status: "accepted" }, select: { evaluator: { select: { name: true } } } });
    const ranking = shortlist.map((id) => {
      const r = ranked.find((x) => x.proposalId === id)!;
      return { proposalId: id, orgId: byId.get(id)!.orgId, orgName: byId.get(id)!.org.name, rank: r.rank, score: r.score };
    });
    const rubric = criteria.map((c) => ({ name: c.name, weight: c.weight, maxScore: c.maxScore }));
    const evaluatorNames = s.showEvaluatorNames ? evaluators.map((e) => e.evaluator.name) : [];
    const withdrawn = WITHDRAWN_ROUNDS[s.code];
    if (withdrawn) {
      await seedWithdrawnRound(db, withdrawn, {
        scenario: s, shortlist: ranking, decided: proposals, criteria: rubric, evaluatorNames, adminId: ctx.adminId, reference,
      });
    }
    // Published two days ago while in notice; for a final decision, two days after closing (and ended since).
    const publishedAt = stage === "in_notice" ? new Date(ctx.now.getTime() - 2 * DAY) : stage === "final" ? new Date((s.closedAt ?? ctx.now).getTime() + 2 * DAY) : null;
    const period = publishedAt ? noticePeriod(publishedAt, s.noticeDays) : null;
    const decision = await db.awardDecision.create({
      data: {
        scenarioId: s.id, round: withdrawn ? 2 : 1, status: stage, winnerIds, decidedById: s.createdById, noticeDays: s.noticeDays,
        ranking: ranking.map((r) => ({ ...r, winner: winnerIds.includes(r.proposalId) })),
        criteria: rubric, evaluatorNames,
        noticeStartsAt: publishedAt, noticeEndsAt: period?.endsAt ?? null, finalisedAt: stage === "final" ? period!.endsAt : null,
      },
      select: { id: true },
    });

    const objection = OBJECTIONS[s.code];
    if (objection && stage === "in_notice") {
      const objector = proposals.find((p) => p.status === "not_selected") ?? proposals.find((p) => !winnerIds.includes(p.id));
      const member = objector && (await db.membership.findFirst({ where: { orgId: objector.orgId, role: "vendor_member" }, select: { userId: true } }));
      if (!objector || !member) continue;
      const officer = await db.membership.findFirst({ where: { org: { scenarios: { some: { id: s.id } } }, role: "officer" }, select: { userId: true } });
      await db.objection.create({
        data: {
          reference: reference(),
          scenarioId: s.id, decisionId: decision.id, orgId: objector.orgId, filedById: member.userId, grounds: objection.grounds,
          createdAt: new Date(ctx.now.getTime() - DAY),
          ...(objection.answer && officer ? { status: "answered" as const, answer: objection.answer, answeredById: officer.userId, answeredAt: new Date(ctx.now.getTime() - DAY / 2) } : {}),
        },
      });
    }
  }
  return scenarios.length;
}
