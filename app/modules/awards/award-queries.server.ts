import type { AwardDecisionStatus } from "~/generated/prisma/enums";
import { getEvaluationSummary } from "~/modules/evaluation/evaluation-summary.server";
import { db } from "~/utils/db.server";
import { LIVE_DECISION_STATUSES, PUBLIC_DECISION_STATUSES } from "./award-decision-status";
import { defaultWinners } from "./decision-rules";
import { PENDING_OBJECTION_STATUSES } from "./objection-status";

/** A decision's frozen notice content (award-commands.server.ts writes it). */
export type RankingRow = { proposalId: string; orgId: string; orgName: string; rank: number | null; score: number | null; winner: boolean };
export type CriterionRow = { name: string; weight: number; maxScore: number };

const decisionSelect = {
  id: true, round: true, status: true, winnerIds: true, ranking: true, criteria: true, evaluatorNames: true, note: true,
  noticeDays: true, noticeStartsAt: true, noticeEndsAt: true, finalisedAt: true, withdrawnAt: true,
} as const;

function readDecision<D extends { ranking: unknown; criteria: unknown }>(d: D) {
  return { ...d, ranking: d.ranking as RankingRow[], criteria: d.criteria as CriterionRow[] };
}

/** The department's award page: the ranking to decide from, the live decision, objections to answer. */
export async function getAwardPage(scenarioId: string) {
  const scenario = await db.scenario.findUniqueOrThrow({
    where: { id: scenarioId },
    select: {
      id: true, code: true, title: true, status: true, mechanism: true, raceTeams: true, passMark: true, noticeDays: true, cancelReason: true,
      invitations: { select: { orgId: true } },
    },
  });
  const summary = await getEvaluationSummary(scenarioId);
  const ranked = summary.results.map((r) => ({ proposalId: r.proposalId, orgId: r.orgId, score: r.score, rank: r.rank }));
  const invitedOrgIds = scenario.invitations.map((i) => i.orgId);
  const suggested = defaultWinners({ mechanism: scenario.mechanism, raceTeams: scenario.raceTeams, passMark: scenario.passMark, invitedOrgIds }, ranked);
  const decision = await db.awardDecision.findFirst({ where: { scenarioId }, select: decisionSelect, orderBy: { round: "desc" } });
  const toAnswer = await db.objection.count({ where: { scenarioId, status: "filed" } });
  return {
    scenario: { ...scenario, invitedOrgIds },
    ready: summary.ready,
    progress: `${summary.totals.submitted} / ${summary.totals.expected}`,
    results: summary.results.map((r) => ({ proposalId: r.proposalId, orgId: r.orgId, orgName: r.orgName, rank: r.rank, score: r.score, status: r.status })),
    suggested,
    decision: decision ? readDecision(decision) : null,
    toAnswer,
  };
}

const publicScenarioSelect = {
  id: true, code: true, title: true, titleEn: true, mechanism: true, raceTeams: true, objectionContact: true, status: true,
  department: { select: { name: true } },
} as const;

/** /notices: every scenario with a published notice, newest publication first. */
export async function listNotices(take = 100) {
  const rows = await db.awardDecision.findMany({
    where: { status: { in: [...PUBLIC_DECISION_STATUSES] }, noticeStartsAt: { not: null } },
    select: { id: true, round: true, status: true, noticeStartsAt: true, noticeEndsAt: true, scenario: { select: publicScenarioSelect } },
    orderBy: [{ noticeStartsAt: "desc" }],
    take: take * 2,
  });
  // One line per scenario: its latest published round.
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.scenario.id) && seen.add(r.scenario.id)).slice(0, take);
}

/** Outcome of an objection as the public sees it: reference, date, status, the admin's published reasons. */
const publicObjectionSelect = { reference: true, createdAt: true, status: true, outcomeReason: true } as const;

/** The public notice of a scenario: every published round, newest first, with its objections (never who filed them). */
export async function getNotice(code: string) {
  const scenario = await db.scenario.findUnique({ where: { code }, select: publicScenarioSelect });
  if (!scenario) return null;
  const decisions = await db.awardDecision.findMany({
    where: { scenarioId: scenario.id, status: { in: [...PUBLIC_DECISION_STATUSES] }, noticeStartsAt: { not: null } },
    select: { ...decisionSelect, objections: { select: publicObjectionSelect, orderBy: { createdAt: "asc" } } },
    orderBy: { round: "desc" },
  });
  if (decisions.length === 0) return null;
  return { scenario, decisions: decisions.map(readDecision) };
}

/** Whether the scenario has a public notice (for the link on the scenario page). */
export async function hasPublicNotice(scenarioId: string): Promise<boolean> {
  return (await db.awardDecision.count({ where: { scenarioId, status: { in: [...PUBLIC_DECISION_STATUSES] }, noticeStartsAt: { not: null } } })) > 0;
}

const threadSelect = {
  id: true, reference: true, status: true, grounds: true, answer: true, answeredAt: true, outcomeReason: true, decidedAt: true, createdAt: true,
  attachments: { select: { id: true, filename: true, size: true }, orderBy: { createdAt: "asc" } },
  decision: { select: { round: true } },
} as const;

/** The department's view: every objection to its scenario, without the objecting organisation. */
export function objectionsForDepartment(scenarioId: string) {
  return db.objection.findMany({ where: { scenarioId }, select: threadSelect, orderBy: { createdAt: "asc" } });
}

/** The objector's view: their own organisation's objections to this scenario. */
export function objectionsOfOrg(scenarioId: string, orgId: string) {
  return db.objection.findMany({ where: { scenarioId, orgId }, select: threadSelect, orderBy: { createdAt: "asc" } });
}

/** The admin's queue: answered objections waiting for an outcome (with the objector, for the platform only), and the latest decided. */
export async function objectionsForAdmin() {
  const select = { ...threadSelect, org: { select: { name: true } }, scenario: { select: { code: true, title: true } } } as const;
  const [waiting, recent] = await Promise.all([
    db.objection.findMany({ where: { status: "answered" }, select, orderBy: { answeredAt: "asc" }, take: 100 }),
    db.objection.findMany({ where: { status: { notIn: [...PENDING_OBJECTION_STATUSES] } }, select, orderBy: { decidedAt: "desc" }, take: 20 }),
  ]);
  return { waiting, recent };
}

export function isLiveDecision(status: AwardDecisionStatus): boolean {
  return (LIVE_DECISION_STATUSES as readonly AwardDecisionStatus[]).includes(status);
}
