import type { PrismaClient } from "../app/generated/prisma/client";
import type { MilestoneStatus } from "../app/generated/prisma/enums";
import { beijingYear, caseResults, caseSummary, kpisOf } from "../app/modules/delivery/case-content";
import { planFromProposal } from "../app/modules/delivery/milestone-plan";
import { CATALOGUE_CASES, OWN_CASES, type OwnCase } from "./seed-data/delivery-cases";

// The delivery side of the demo (挂帅): the catalogue's scenarios in delivery get their milestone
// plans at every status (accepted, submitted, returned, overdue), its horse race is past its first
// gate, its completed scenarios and four older ones are published cases. Written straight to the
// database like the other seeds; the commands and their tests guard the real transitions.

const DAY = 86_400_000;

export type DeliverySeedContext = {
  now: Date;
  departmentIds: Map<string, string>;
  officerIds: Map<string, string>;
  vendorIds: Map<string, string>;
};

const EVIDENCE = [
  "已按计划完成，附第三方测试报告与试运行记录；主要指标均达到方案承诺。",
  "系统已在试点单位上线运行，附用户签收单和使用情况统计。",
  "完成数据对接与模型调优，附测试报告（含汛期高峰并发测试）。",
];

async function memberOf(db: PrismaClient, orgId: string): Promise<string | null> {
  const m = await db.membership.findFirst({ where: { orgId, role: "vendor_member" }, select: { userId: true } });
  return m?.userId ?? null;
}

type Plan = { name: string; dueAt: Date; deliverable: string; acceptanceEvidence: string; position: number };

async function writeMilestones(db: PrismaClient, scenarioId: string, proposal: { id: string; orgId: string }, plan: Plan[], statuses: MilestoneStatus[], now: Date) {
  for (const [i, m] of plan.entries()) {
    const status = statuses[i] ?? "planned";
    const handedIn = status !== "planned" && status !== "overdue";
    await db.milestone.create({
      data: {
        scenarioId, proposalId: proposal.id, orgId: proposal.orgId, ...m,
        // An overdue milestone's date has passed; the others keep the proposal's dates.
        dueAt: status === "overdue" ? new Date(now.getTime() - 3 * DAY) : m.dueAt,
        status,
        evidenceText: handedIn ? EVIDENCE[i % EVIDENCE.length]! : "",
        submissions: handedIn ? (status === "returned" ? 1 : 1 + (i % 2)) : 0,
        submittedAt: handedIn ? new Date(now.getTime() - (10 + i) * DAY) : null,
        decidedAt: status === "accepted" || status === "returned" ? new Date(now.getTime() - (5 + i) * DAY) : null,
        returnReason: status === "returned" ? "测试报告缺少真实业务高峰时段的压力测试数据，请补充后重新提交。" : null,
        acceptNote: status === "accepted" ? "材料齐全，指标达到合同约定。" : null,
      },
    });
  }
}

/** Every milestone accepted, the case row and one PastCase per delivering organisation. */
async function publishCase(
  db: PrismaClient,
  scenario: { id: string; title: string; sector: string; kpis: string[]; summary: string },
  teams: { id: string; orgId: string; milestones: unknown }[],
  content: { solution: string; results: string[] },
  period: { start: Date; end: Date },
) {
  for (const team of teams) {
    const plan = planFromProposal(team.milestones);
    await writeMilestones(db, scenario.id, team, plan, plan.map(() => "accepted"), period.end);
  }
  const results = caseResults(scenario, content.results)
    ?? kpisOf(scenario).map((kpi, i) => ({ kpi, result: content.results[i] ?? "经第三方测试达到要求" }));
  const deliveredCase = await db.deliveredCase.create({
    data: { scenarioId: scenario.id, problem: scenario.summary, solution: content.solution, results, periodStart: period.start, periodEnd: period.end, publishedAt: period.end },
  });
  await db.pastCase.createMany({
    data: teams.map((t) => ({
      orgId: t.orgId, title: scenario.title, sector: scenario.sector, year: beijingYear(period.end),
      summary: caseSummary(content.solution, results), deliveredCaseId: deliveredCase.id,
    })),
  });
  await db.scenario.update({ where: { id: scenario.id }, data: { deliveryStartedAt: period.start, completedAt: period.end } });
}

async function seedOwnCase(db: PrismaClient, c: OwnCase, ctx: DeliverySeedContext) {
  const end = new Date(ctx.now.getTime() - c.monthsAgo * 30 * DAY);
  const start = new Date(end.getTime() - 8 * 30 * DAY);
  const deadline = new Date(start.getTime() - 40 * DAY);
  const departmentId = ctx.departmentIds.get(c.departmentKey)!;
  const officerId = ctx.officerIds.get(c.departmentKey)!;
  const orgId = ctx.vendorIds.get(c.vendorKey)!;
  const scenario = await db.scenario.create({
    data: {
      code: c.code, status: "completed", departmentId, createdById: officerId,
      title: c.title, titleEn: c.titleEn, summary: c.summary, summaryEn: c.summaryEn,
      description: `## 场景需求\n\n${c.summary}\n\n## 验收要求\n\n${c.kpis.map((k) => `- ${k}`).join("\n")}`,
      sector: c.sector, techTags: c.techTags, mechanism: "open_call", district: c.district, needType: "demo_application",
      budgetMin: BigInt(Math.round(c.budget * 0.8)), budgetMax: BigInt(c.budget), kpis: c.kpis, acceptanceCriteria: ["第三方测试报告", "用户单位验收意见"],
      contactName: "项目办", contactEmail: "ai@zz.example.cn", deadline, projectMonths: 8,
      publishedAt: new Date(deadline.getTime() - 45 * DAY), closedAt: deadline, createdAt: new Date(deadline.getTime() - 50 * DAY),
    },
    select: { id: true, title: true, sector: true, kpis: true, summary: true },
  });
  const milestones = c.milestones.map((name, i) => ({
    name, dueDate: new Date(start.getTime() + ((i + 1) * 8 * 30 * DAY) / c.milestones.length).toISOString().slice(0, 10),
    deliverable: `${name}成果`, evidence: "测试报告与用户签收单",
  }));
  const createdById = (await memberOf(db, orgId)) ?? officerId;
  const proposal = await db.proposal.create({
    data: {
      scenarioId: scenario.id, orgId, status: "awarded", createdById, technicalApproach: c.solution, milestones,
      submittedAt: new Date(deadline.getTime() - 2 * DAY),
    },
    select: { id: true, orgId: true, milestones: true },
  });
  await publishCase(db, scenario, [proposal], c, { start, end });
}

const caseScenarioSelect = { id: true, code: true, title: true, sector: true, kpis: true, summary: true, deadline: true } as const;

export async function seedDelivery(db: PrismaClient, ctx: DeliverySeedContext): Promise<{ cases: number; milestones: number }> {
  const { now } = ctx;
  const awardedOf = (scenarioId: string) => db.proposal.findMany({
    where: { scenarioId, status: "awarded" }, select: { id: true, orgId: true, milestones: true }, orderBy: { createdAt: "asc" },
  });

  // In delivery: accepted, submitted (awaiting review), returned and overdue milestones side by side.
  const delivering = await db.scenario.findMany({ where: { status: "in_delivery" }, select: { ...caseScenarioSelect, mechanism: true, departmentId: true } });
  for (const s of delivering) {
    const start = new Date(s.deadline.getTime() + 20 * DAY);
    await db.scenario.update({ where: { id: s.id }, data: { deliveryStartedAt: start } });
    const teams = await awardedOf(s.id);
    for (const [t, team] of teams.entries()) {
      const plan = planFromProposal(team.milestones);
      const statuses: MilestoneStatus[] = t === 0 ? ["accepted", "returned", "overdue", "planned"] : ["accepted", "submitted"];
      await writeMilestones(db, s.id, team, plan, statuses, now);
    }
    if (s.mechanism === "horse_race" && teams.length >= 2) {
      // 赛马: past its first gate; the first team continues, the others stop, each with a reason.
      const officerId = [...ctx.departmentIds.entries()].find(([, id]) => id === s.departmentId)?.[0];
      const gate = await db.stageGate.create({
        data: {
          scenarioId: s.id, position: 1, name: "第一阶段 · 仓内作业孪生验证", dueAt: new Date(now.getTime() - 10 * DAY),
          metrics: ["仓库作业效率提升", "孪生模型数据延迟"], continuing: 1, decidedAt: new Date(now.getTime() - 7 * DAY),
          decidedById: officerId ? ctx.officerIds.get(officerId) ?? null : null,
        },
      });
      const values = [["23.5%", "3.2 秒"], ["14.8%", "6.9 秒"], ["11.0%", "8.4 秒"]];
      const reasons = [
        "作业效率提升 23.5%、数据延迟 3.2 秒，两项指标均优于关口要求，进入下一阶段。",
        "作业效率提升 14.8%，未达到 20% 的关口指标；数据延迟 6.9 秒超过 5 秒要求。",
        "两项指标均未达到关口要求。",
      ];
      for (const [i, team] of teams.entries()) {
        const submittedById = await memberOf(db, team.orgId);
        if (submittedById) {
          await db.gateReport.create({
            data: {
              gateId: gate.id, proposalId: team.id, orgId: team.orgId, submittedById, submittedAt: new Date(now.getTime() - 11 * DAY),
              values: ["仓库作业效率提升", "孪生模型数据延迟"].map((metric, j) => ({ metric, value: values[i % 3]![j]! })), note: "附第三方测评报告。",
            },
          });
        }
        await db.gateOutcome.create({ data: { gateId: gate.id, proposalId: team.id, continues: i === 0, reason: reasons[Math.min(i, 2)]! } });
        if (i > 0) await db.proposal.update({ where: { id: team.id }, data: { eliminatedAt: gate.decidedAt } });
      }
    }
  }

  // Completed in the catalogue: published cases with what they achieved.
  let cases = 0;
  const completed = await db.scenario.findMany({ where: { status: "completed" }, select: caseScenarioSelect });
  for (const s of completed) {
    const content = CATALOGUE_CASES[s.code] ?? { solution: `${s.title}按方案完成建设并通过验收，已在业务中常态化运行。`, results: [] };
    const start = new Date(s.deadline.getTime() + 20 * DAY);
    const end = new Date(Math.min(now.getTime() - 20 * DAY, start.getTime() + 240 * DAY));
    await publishCase(db, s, await awardedOf(s.id), content, { start, end });
    cases += 1;
  }
  for (const c of OWN_CASES) {
    await seedOwnCase(db, c, ctx);
    cases += 1;
  }
  return { cases, milestones: await db.milestone.count() };
}
