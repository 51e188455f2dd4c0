import type { MilestoneStatus } from "~/generated/prisma/enums";
import { attachmentListSelect, type AttachmentListItem } from "~/modules/attachments/attachments.server";
import { db } from "~/utils/db.server";
import { awaitsDecision } from "./milestone-status";

/**
 * The delivery plan as the pages show it. Three readers, three shapes (Design §4.15: what a reader
 * may not see is left out of the query, not hidden in the page):
 * - the department: every team, evidence text and files, every gate report;
 * - a team: its own milestones in full, the gates and its own reports;
 * - the public: names, dates and statuses, and decided gates with their reasons. No evidence, no files.
 */
export type MilestoneView = {
  id: string; position: number; name: string; deliverable: string; acceptanceEvidence: string; dueAt: Date; status: MilestoneStatus;
  evidenceText: string; submissions: number; submittedAt: Date | null; decidedAt: Date | null; returnReason: string | null; acceptNote: string | null;
  files: AttachmentListItem[];
  /** Accepting this one would complete the scenario (the form then asks for the case text). */
  completes: boolean;
};
export type TeamView = { proposalId: string; orgId: string; orgName: string; eliminated: boolean; milestones: MilestoneView[] };
export type GateReportView = { proposalId: string; orgName: string; values: { metric: string; value: string }[]; note: string; submittedAt: Date; files: AttachmentListItem[] };
export type GateView = {
  id: string; position: number; name: string; dueAt: Date; metrics: string[]; continuing: number; decidedAt: Date | null;
  outcomes: { proposalId: string; orgName: string; continues: boolean; reason: string }[];
  reports: GateReportView[];
};
export type DeliveryView = { teams: TeamView[]; gates: GateView[] };

type Reader = { kind: "department" } | { kind: "team"; proposalId: string } | { kind: "public" };

const values = (json: unknown) => (Array.isArray(json) ? (json as { metric: string; value: string }[]) : []);

export async function deliveryView(scenarioId: string, reader: Reader): Promise<DeliveryView> {
  const full = reader.kind !== "public";
  const teamFilter = reader.kind === "team" ? { id: reader.proposalId } : {};
  const proposals = await db.proposal.findMany({
    where: { scenarioId, status: "awarded", ...teamFilter },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, orgId: true, eliminatedAt: true, org: { select: { name: true } },
      deliveryMilestones: {
        orderBy: { position: "asc" },
        select: {
          id: true, position: true, name: true, deliverable: true, acceptanceEvidence: true, dueAt: true, status: true,
          evidenceText: full, submissions: true, submittedAt: true, decidedAt: true, returnReason: full, acceptNote: full,
          attachments: full ? { select: attachmentListSelect, orderBy: { createdAt: "asc" } } : false,
        },
      },
    },
  });
  const gates = await db.stageGate.findMany({
    where: { scenarioId },
    orderBy: { position: "asc" },
    select: {
      id: true, position: true, name: true, dueAt: true, metrics: true, continuing: true, decidedAt: true,
      outcomes: { select: { proposalId: true, continues: true, reason: true, proposal: { select: { org: { select: { name: true } } } } } },
      reports: {
        // The public reads no report; a team reads its own.
        where: reader.kind === "team" ? { proposalId: reader.proposalId } : full ? {} : { id: { in: [] } },
        select: {
          proposalId: true, values: true, note: true, submittedAt: true, org: { select: { name: true } },
          attachments: { select: attachmentListSelect, orderBy: { createdAt: "asc" } },
        },
      },
    },
  });
  // Completion needs every counted milestone accepted and every gate decided (completion.server.ts).
  const gatesOpen = gates.some((g) => !g.decidedAt);
  const live = proposals.filter((p) => !p.eliminatedAt).flatMap((p) => p.deliveryMilestones);
  const notAccepted = live.filter((m) => m.status !== "accepted");
  const allLive = reader.kind === "department" ? notAccepted.length : -1;
  const teams: TeamView[] = proposals.map((p) => ({
    proposalId: p.id, orgId: p.orgId, orgName: p.org.name, eliminated: !!p.eliminatedAt,
    milestones: p.deliveryMilestones.map((m) => ({
      id: m.id, position: m.position, name: m.name, deliverable: m.deliverable, acceptanceEvidence: m.acceptanceEvidence,
      dueAt: m.dueAt, status: m.status, submissions: m.submissions, submittedAt: m.submittedAt, decidedAt: m.decidedAt,
      evidenceText: m.evidenceText ?? "", returnReason: m.returnReason ?? null, acceptNote: m.acceptNote ?? null,
      files: m.attachments ?? [],
      completes: allLive === 1 && !gatesOpen && !p.eliminatedAt && awaitsDecision(m.status),
    })),
  }));
  return {
    teams,
    gates: gates.map((g) => ({
      id: g.id, position: g.position, name: g.name, dueAt: g.dueAt, metrics: g.metrics, continuing: g.continuing, decidedAt: g.decidedAt,
      // Reasons are public once the gate is decided (SPEC §7); before that nothing is shown.
      outcomes: g.decidedAt ? g.outcomes.map((o) => ({ proposalId: o.proposalId, orgName: o.proposal.org.name, continues: o.continues, reason: o.reason })) : [],
      reports: g.reports.map((r) => ({ proposalId: r.proposalId, orgName: r.org.name, values: values(r.values), note: r.note, submittedAt: r.submittedAt, files: r.attachments })),
    })),
  };
}

/** The scenario head the delivery pages show. */
export function deliveryScenario(where: { id: string } | { code: string }) {
  return db.scenario.findUnique({
    where,
    select: {
      id: true, code: true, title: true, titleEn: true, status: true, mechanism: true, kpis: true, deliveryStartedAt: true, completedAt: true,
      department: { select: { name: true } },
    },
  });
}
