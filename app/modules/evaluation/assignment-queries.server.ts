import { db } from "~/utils/db.server";
import { assignmentProgress, type AssignmentProgress } from "./assignment-progress";
import { ACTIVE_ASSIGNMENT_STATUSES } from "./assignment-status";
import { workOfMany } from "./assignment-work.server";
import { partiesOf } from "./conflict-parties.server";
import { readDetected } from "./detected-reasons";
import { reviewProposals } from "./review-proposals.server";
import { staffing } from "./staffing";

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A detected reason with names, for readers allowed to know the parties (department, admin, non-blind evaluator). */
export type NamedReason = { kind: "own_org" | "consortium_member" | "linked_org"; orgName: string; partyName: string; link: string | null };

function nameReasons(detected: unknown, names: Record<string, string>): NamedReason[] {
  return readDetected(detected).map((r) => ({
    kind: r.kind,
    orgName: r.orgName,
    partyName: names[r.kind === "linked_org" ? r.viaOrgId : r.orgId] ?? r.orgName,
    link: r.kind === "linked_org" ? r.link : null,
  }));
}

/**
 * Everything the assignment page shows the department (or an admin): the scenario's evaluation
 * settings, the proposals under review with their proposers (the department knows them), each
 * assignment with its declarations, and the staffing progress. Scoped by the department's id.
 */
export async function departmentEvaluation(scenarioId: string, departmentId: string) {
  const scenario = await db.scenario.findFirst({
    where: { id: scenarioId, departmentId },
    select: { id: true, code: true, title: true, status: true, blindReview: true, evaluationDueAt: true },
  });
  if (!scenario) return null;
  const [proposals, parties, rows] = await Promise.all([
    reviewProposals(scenarioId, true),
    partiesOf({ scenarioId }),
    db.evaluationAssignment.findMany({
      where: { scenarioId },
      select: {
        id: true, status: true, dueAt: true, respondedAt: true, declineReason: true, remindedAt: true, createdAt: true,
        evaluator: { select: { id: true, name: true, evaluatorProfile: { select: { title: true } } } },
        assignedBy: { select: { name: true } },
        declarations: {
          select: { id: true, proposalId: true, conflicted: true, reason: true, detected: true, overriddenById: true, overrideReason: true, declaredAt: true },
        },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const labels = new Map(proposals.map((p) => [p.id, p.label]));
  const position = new Map(proposals.map((p, i) => [p.id, i]));
  const names = new Map(parties.map((p) => [p.proposalId, p.names]));
  const work = await workOfMany(rows.map((r) => ({ id: r.id, scenarioId })));
  const assignments = rows.map((r) => ({
    id: r.id, status: r.status, dueAt: r.dueAt.toISOString(), respondedAt: iso(r.respondedAt), remindedAt: iso(r.remindedAt),
    createdAt: r.createdAt.toISOString(), declineReason: r.declineReason, assignedBy: r.assignedBy.name,
    evaluator: { id: r.evaluator.id, name: r.evaluator.name, title: r.evaluator.evaluatorProfile?.title ?? "" },
    progress: assignmentProgress(work.get(r.id) ?? []),
    declarations: r.declarations
      .sort((a, b) => (position.get(a.proposalId) ?? 0) - (position.get(b.proposalId) ?? 0))
      .map((d) => ({
        id: d.id, proposalLabel: labels.get(d.proposalId) ?? "?", conflicted: d.conflicted, reason: d.reason,
        detected: nameReasons(d.detected, names.get(d.proposalId) ?? {}),
        overridden: d.overriddenById !== null, overrideReason: d.overrideReason, declaredAt: d.declaredAt.toISOString(),
      })),
  }));
  return {
    scenario: { ...scenario, evaluationDueAt: iso(scenario.evaluationDueAt) },
    proposals: proposals.map((p) => ({ id: p.id, label: p.label, orgName: p.identity?.orgName ?? "", consortium: p.identity?.consortium ?? [] })),
    assignments,
    staffing: staffing(proposals.map((p) => p.id), rows),
  };
}

export type DepartmentEvaluation = NonNullable<Awaited<ReturnType<typeof departmentEvaluation>>>;

export type WorkspaceItem = {
  id: string; status: string; dueAt: string; respondedAt: string | null;
  scenario: { code: string; title: string; titleEn: string | null; status: string };
  progress: AssignmentProgress;
};

/**
 * The evaluator's own assignments, grouped: to accept (invited), in progress (accepted, work left),
 * done (accepted and finished, or declined / withdrawn). Nothing of any proposal is read here.
 */
export async function evaluatorWorkspace(userId: string) {
  const rows = await db.evaluationAssignment.findMany({
    where: { evaluatorId: userId },
    select: { id: true, status: true, dueAt: true, respondedAt: true, scenarioId: true, scenario: { select: { code: true, title: true, titleEn: true, status: true } } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
  });
  const work = await workOfMany(rows);
  const items: WorkspaceItem[] = rows.map((r) => ({
    id: r.id, status: r.status, dueAt: r.dueAt.toISOString(), respondedAt: iso(r.respondedAt), scenario: r.scenario,
    progress: assignmentProgress(work.get(r.id) ?? []),
  }));
  return {
    toAccept: items.filter((i) => i.status === "invited"),
    inProgress: items.filter((i) => i.status === "accepted" && i.progress.outstanding > 0),
    done: items.filter((i) => (i.status === "accepted" && i.progress.outstanding === 0) || i.status === "declined" || i.status === "removed"),
  };
}

/**
 * One assignment of the evaluator, with the neutral list of proposals to declare on. Vendor names
 * are selected only when the scenario is not blind; in blind review a detected conflict is shown as
 * a fact without its reasons, which would name the proposer.
 */
export async function evaluatorAssignment(userId: string, assignmentId: string) {
  const a = await db.evaluationAssignment.findFirst({
    where: { id: assignmentId, evaluatorId: userId },
    select: {
      id: true, status: true, dueAt: true, respondedAt: true, declineReason: true, scenarioId: true,
      scenario: { select: { id: true, code: true, title: true, titleEn: true, summary: true, status: true, blindReview: true } },
      declarations: { select: { proposalId: true, conflicted: true, reason: true, detected: true, overriddenById: true, declaredAt: true } },
    },
  });
  if (!a) return null;
  const blind = a.scenario.blindReview;
  const showList = a.status === "accepted";
  const [proposals, parties] = await Promise.all([
    showList ? reviewProposals(a.scenarioId, !blind) : Promise.resolve([]),
    showList && !blind ? partiesOf({ scenarioId: a.scenarioId }) : Promise.resolve([]),
  ]);
  const names = new Map(parties.map((p) => [p.proposalId, p.names]));
  const work = await workOfMany([a]);
  return {
    assignment: { id: a.id, status: a.status, dueAt: a.dueAt.toISOString(), respondedAt: iso(a.respondedAt), declineReason: a.declineReason },
    scenario: a.scenario,
    progress: assignmentProgress(work.get(a.id) ?? []),
    proposals: proposals.map((p) => {
      const d = a.declarations.find((x) => x.proposalId === p.id);
      return {
        id: p.id, label: p.label, identity: p.identity,
        declaration: d
          ? {
              conflicted: d.conflicted, reason: d.reason, overridden: d.overriddenById !== null, declaredAt: d.declaredAt.toISOString(),
              detectedCount: readDetected(d.detected).length,
              detected: blind ? [] : nameReasons(d.detected, names.get(p.id) ?? {}),
            }
          : null,
      };
    }),
  };
}

export type EvaluatorAssignmentView = NonNullable<Awaited<ReturnType<typeof evaluatorAssignment>>>;

/** For admins: the scenarios evaluators can be assigned to now (closed or evaluating), due first. */
export async function scenariosAwaitingEvaluators(take = 50) {
  const rows = await db.scenario.findMany({
    where: { status: { in: ["closed", "evaluating"] } },
    select: {
      id: true, code: true, title: true, status: true, evaluationDueAt: true, department: { select: { name: true } },
      _count: { select: { assignments: { where: { status: { in: [...ACTIVE_ASSIGNMENT_STATUSES] } } } } },
    },
    orderBy: [{ evaluationDueAt: { sort: "asc", nulls: "first" } }, { closedAt: "asc" }, { id: "asc" }],
    take,
  });
  return rows.map((r) => ({
    id: r.id, code: r.code, title: r.title, status: r.status, department: r.department.name,
    evaluationDueAt: iso(r.evaluationDueAt), evaluators: r._count.assignments,
  }));
}
