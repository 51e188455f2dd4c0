import type { Prisma } from "~/generated/prisma/client";
import type { AuditActor } from "~/modules/audit/audit.server";
import { scheduleNoticeEnd } from "~/modules/deadlines/notice-end.deadline.server";
import { getEvaluationSummary } from "~/modules/evaluation/evaluation-summary.server";
import { emitEvent } from "~/modules/notifications/emit-event.server";
import { transitionProposal, transitionScenarioProposals } from "~/modules/proposals/proposal-transition.server";
import { transitionScenario } from "~/modules/scenarios/scenario-transition.server";
import { db } from "~/utils/db.server";
import { AppError } from "~/utils/errors.server";
import { checkDecision, type RankedProposal } from "./decision-rules";
import { transitionDecision } from "./decision-transition.server";
import { noticePeriod } from "./notice-period";
import { shortlistOf } from "./shortlist";

/**
 * 定标与公示 (SPEC §4): the department proposes the award from the evaluation summary
 * (evaluating → award_proposed), then publishes the notice the platform generates from that
 * decision (award_proposed → notice), or declares the call failed (流标: evaluating → cancelled).
 * The caller's guard has checked that the actor is an officer of `key.departmentId`; every write
 * is still conditional on that department.
 */
export type ScenarioKey = { id: string; departmentId: string };

async function rankingOf(scenarioId: string) {
  const summary = await getEvaluationSummary(scenarioId);
  const ranked: RankedProposal[] = summary.results.map((r) => ({ proposalId: r.proposalId, orgId: r.orgId, score: r.score, rank: r.rank }));
  return { summary, ranked };
}

export async function proposeAward(actor: AuditActor, key: ScenarioKey, input: { winnerIds: string[]; note: string }) {
  const scenario = await db.scenario.findFirst({
    where: { id: key.id, departmentId: key.departmentId },
    select: {
      id: true, status: true, mechanism: true, raceTeams: true, passMark: true, noticeDays: true, showEvaluatorNames: true,
      invitations: { select: { orgId: true } },
    },
  });
  if (!scenario) throw new AppError("error.notFound", 404);
  if (scenario.status !== "evaluating") throw new AppError("aw.v.notEvaluating", 409);
  const { summary, ranked } = await rankingOf(scenario.id);
  if (!summary.ready) throw new AppError("aw.v.notReady", 409);
  const rules = { mechanism: scenario.mechanism, raceTeams: scenario.raceTeams, passMark: scenario.passMark, invitedOrgIds: scenario.invitations.map((i) => i.orgId) };
  const checked = checkDecision(rules, ranked, input.winnerIds, input.note);
  if (!checked.ok) throw new AppError(checked.error, 422, checked.context);

  const shortlist = shortlistOf(ranked, checked.winnerIds);
  const winners = new Set(checked.winnerIds);
  const byId = new Map(summary.results.map((r) => [r.proposalId, r]));
  const ranking = shortlist.map((id) => {
    const r = byId.get(id)!;
    return { proposalId: id, orgId: r.orgId, orgName: r.orgName, rank: r.rank, score: r.score, winner: winners.has(id) };
  });
  const criteria = summary.criteria.map((c) => ({ name: c.name, weight: c.weight, maxScore: c.maxScore }));
  const evaluatorNames = scenario.showEvaluatorNames ? summary.progress.filter((p) => p.done).map((p) => p.evaluatorName) : [];

  return db.$transaction(async (tx) => {
    const last = await tx.awardDecision.aggregate({ where: { scenarioId: scenario.id }, _max: { round: true } });
    const round = (last._max.round ?? 0) + 1;
    const decision = await tx.awardDecision.create({
      data: {
        scenarioId: scenario.id, round, winnerIds: checked.winnerIds, ranking: ranking as Prisma.InputJsonValue, criteria,
        evaluatorNames, note: input.note.trim(), noticeDays: scenario.noticeDays, decidedById: actor.id,
      },
      select: { id: true, round: true },
    });
    await transitionScenario(tx, key, "award_proposed", actor, {
      audit: { action: "scenario.awardPropose", data: { decisionId: decision.id, round, winnerIds: checked.winnerIds, note: input.note.trim() } },
    });
    const inShortlist = new Set(shortlist);
    for (const r of summary.results) {
      if (inShortlist.has(r.proposalId)) {
        await transitionProposal(tx, r.proposalId, "shortlisted", actor, {
          audit: { action: "proposal.shortlist", data: { scenarioId: scenario.id, decisionId: decision.id, winner: winners.has(r.proposalId) } },
        });
      } else {
        await transitionProposal(tx, r.proposalId, "not_selected", actor, {
          audit: { action: "proposal.notSelect", data: { scenarioId: scenario.id, decisionId: decision.id } },
        });
      }
    }
    return decision;
  });
}

/** award_proposed → notice: the platform publishes the notice of the live decision and schedules its end. */
export async function publishNotice(actor: AuditActor, key: ScenarioKey, now = new Date()) {
  return db.$transaction(async (tx) => {
    const decision = await tx.awardDecision.findFirst({
      where: { scenarioId: key.id, status: "proposed", scenario: { departmentId: key.departmentId } },
      select: { id: true, round: true, noticeDays: true },
    });
    if (!decision) throw new AppError("aw.v.noProposal", 409);
    const period = noticePeriod(now, decision.noticeDays);
    await transitionDecision(tx, decision.id, "proposed", "in_notice", { set: { noticeStartsAt: now, noticeEndsAt: period.endsAt } });
    await transitionScenario(tx, key, "notice", actor, {
      audit: { action: "scenario.noticePublish", data: { decisionId: decision.id, round: decision.round, noticeEndsAt: period.endsAt.toISOString(), noticeDays: decision.noticeDays } },
    });
    await scheduleNoticeEnd(tx, { id: decision.id, noticeEndsAt: period.endsAt });
    await emitEvent(tx, "award.noticePublished", decision.id);
    return { decisionId: decision.id, ...period };
  });
}

/** 流标: no proposal good enough. evaluating → cancelled with the reason; every proposal is not selected. */
export async function declareFailed(actor: AuditActor, key: ScenarioKey, reason: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    // Cancelling as such is another command (scenario-commands); this one is only for a call evaluated and found wanting.
    const row = await tx.scenario.findFirst({ where: { id: key.id, departmentId: key.departmentId }, select: { status: true } });
    if (!row) throw new AppError("error.notFound", 404);
    if (row.status !== "evaluating") throw new AppError("aw.v.notEvaluating", 409);
    const { from } = await transitionScenario(tx, key, "cancelled", actor, {
      set: { cancelledAt: now, cancelReason: reason },
      audit: { action: "scenario.fail", data: { from: "evaluating", reason } },
    });
    await transitionScenarioProposals(tx, key.id, "under_review", "not_selected", () => ({
      action: "proposal.notSelect", data: { scenarioId: key.id, decisionId: null },
    }));
    await emitEvent(tx, "scenario.cancelled", key.id);
    return { from };
  });
}
